"""An item lays the curator's overrides over extraction; the chosen quote must stay verbatim."""

from __future__ import annotations

from digest.config import Settings, Source
from digest.items import comparable, host_name, occurs_in, resolve
from digest.models import Article, Origin, Quote
from digest.models import OriginKind as K

SETTINGS = Settings(title="T", language="en", themes=("A",))
ARTICLE = Article(
    url="https://www.agence.example/x",
    title="Les tiers-lieux, « fabriques » de lien",
    authors=("Agence Presse Urbaine", "Marie Dupont"),
    publication="Agence Presse Urbaine",
    language="fr",
    text="Premier paragraphe.\n\n« Nous avons appris à écouter », explique Jeanne Martin.",
    quotes=(Quote("Nous avons appris à écouter", "Jeanne Martin", "direct", 0.9),),
    origins={"title": Origin(K.JSON_LD), "authors": Origin(K.META, "meta author")},
)


def source(**fields: object) -> Source:
    return Source(index=1, line=3, url="https://www.agence.example/x", **fields)  # type: ignore[arg-type]


def test_extraction_fills_what_the_curator_left_blank() -> None:
    item = resolve(source(), ARTICLE, SETTINGS)
    assert item.title == "Les tiers-lieux, « fabriques » de lien"
    # The publication signing as an author is listed, but the attribution line leaves it out.
    assert item.authors == ("Agence Presse Urbaine", "Marie Dupont")
    assert item.credited == ("Marie Dupont",)
    assert item.label == "Lire plus"  # the article's language decides the label
    assert (item.quote, item.speaker, item.quote_from) == (
        "Nous avons appris à écouter",
        "Jeanne Martin",
        "candidate",
    )
    assert item.origins["title"] == Origin(K.JSON_LD)


def test_curator_overrides_win_and_are_marked_as_theirs() -> None:
    item = resolve(
        source(
            title="Mon titre",
            authors=("Claude Rochet interviewed by Jean François Fiorina",),
            publication="APU",
            language="en",
            quote="Nous avons appris",
        ),
        ARTICLE,
        SETTINGS,
    )
    assert item.title == "Mon titre"
    assert item.authors == ("Claude Rochet interviewed by Jean François Fiorina",)
    assert item.publication == "APU"
    assert item.label == "Read more"
    assert item.quote_from == "curator"
    assert not item.quote_is_stale
    assert item.origins["authors"] == Origin(K.CURATOR)


def test_a_quote_that_left_the_article_is_stale() -> None:
    item = resolve(source(quote="Words nobody wrote"), ARTICLE, SETTINGS)
    assert item.quote_is_stale


def test_unfetched_source_falls_back_to_url_and_host() -> None:
    item = resolve(source(), None, SETTINGS)
    assert (item.title, item.publication, item.fetched) == (
        "https://www.agence.example/x",
        "agence.example",
        False,
    )
    assert item.quote is None


def test_verbatim_check_ignores_typography_but_not_words() -> None:
    text = "He said: “It’s  a\u00a0long road — really.” Then he left."
    assert occurs_in('"It\'s a long road - really."', text)
    assert occurs_in("It’s a long road … he left", text)
    assert not occurs_in("It’s a short road", text)
    assert comparable("«\u00a0Oui\u00a0»") == '" oui "'
    # A quote copied from a page with hidden characters is still the stored text's words.
    assert occurs_in("It’s a lo\u00ad\u200bng road", text)
    assert host_name("https://www.example.org/a") == "example.org"


def test_a_personal_site_named_with_a_title_gives_no_second_name() -> None:
    article = Article(url="https://www.jonas-keller.example/a", title="Notizen",
                      authors=("Jonas Keller",), publication="Dr. Jonas Keller")  # fmt: skip
    assert resolve(source(), article, SETTINGS).credited == ()
    other = Article(url="https://www.jonas-keller.example/a", title="Notizen",
                    authors=("Lea Roth",), publication="Dr. Jonas Keller")  # fmt: skip
    assert resolve(source(), other, SETTINGS).credited == ("Lea Roth",)


def test_the_attribution_credits_agencies_and_leaves_out_the_publications_desks() -> None:
    article = Article(url="https://www.lemonde.example/a", title="T", publication="Le Monde",
                      authors=("Le Monde", "AFP", "Redaktion", "Slate Staff", "Jeanne Martin"))  # fmt: skip
    item = resolve(source(), article, SETTINGS)
    assert item.authors == ("Le Monde", "AFP", "Redaktion", "Slate Staff", "Jeanne Martin")
    assert item.credited == ("AFP", "Jeanne Martin")


def test_the_curators_authors_are_printed_whole() -> None:
    item = resolve(source(authors=("Redaktion", "dpa")), ARTICLE, SETTINGS)
    assert item.credited == ("Redaktion", "dpa")
