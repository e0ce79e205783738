"""Each step of the publication date cascade, on small pages written for these tests."""

from __future__ import annotations

import pytest
from tests.extract.pagekit import ld, page

from digest.extract import dates
from digest.extract.page import parse_page
from digest.models import Origin
from digest.models import OriginKind as K

LONG = "<p>" + "Der Gemeinderat hat am Dienstag lange über den Haushalt beraten. " * 4 + "</p>"


def test_published_from_json_ld_then_meta() -> None:
    obj = {"@type": "NewsArticle", "datePublished": "2024-03-05T10:00:00+01:00"}
    assert dates.find_published(page(ld(obj)), None) == (
        "2024-03-05T10:00:00+01:00",
        Origin(K.JSON_LD),
    )
    meta = '<meta property="article:published_time" content="2024-03-04">'
    assert dates.find_published(page(meta), None) == (
        "2024-03-04",
        Origin(K.META, "meta article:published_time"),
    )


def test_published_never_after_the_fetch() -> None:
    meta = '<meta property="article:published_time" content="2024-03-04">'
    found = dates.find_published(page(meta), "2024-03-01T00:00:00Z")
    assert found is None or found[0][:10] <= "2024-03-01"


def test_published_falls_back_to_htmldate() -> None:
    body = "<p>Texte.</p><p class='date'>12/02/2024</p>"
    p = parse_page(f"<html><body>{body}</body></html>", "https://ex.example/2024/02/12/t")
    found = dates.find_published(p, "2024-06-01T00:00:00Z")
    assert (
        found is not None
        and found[1] == Origin(K.PAGE, "htmldate")
        and found[0].startswith("2024-02-12")
    )


def test_published_keeps_the_metadata_time_when_htmldate_agrees() -> None:
    obj = {"@type": "NewsArticle", "datePublished": "2024-03-05T10:00:00+01:00"}
    body = "<p>Publié le 5 mars 2024</p>"
    found = dates.find_published(page(ld(obj), body), "2024-06-01T00:00:00Z")
    assert found == ("2024-03-05T10:00:00+01:00", Origin(K.JSON_LD))


@pytest.mark.parametrize(
    ("lang", "day"), [("pl", "2022-11-07"), ("ja", "2022-11-07"), ("en", "2022-11-06")]
)
def test_utc_timestamp_on_a_site_of_no_country_moves_to_the_language_time_zone(
    lang: str, day: str
) -> None:
    meta = '<meta property="article:published_time" content="2022-11-06T23:00:00Z">'
    p = parse_page(f'<html lang="{lang}"><head>{meta}</head><body></body></html>',
                   "https://news.example.com/a")  # fmt: skip
    found = dates.find_published(p, "2023-01-01T00:00:00Z")
    assert found is not None and found[0].startswith(day)


def test_utc_timestamp_moves_to_the_publication_local_day() -> None:
    meta = '<meta property="article:published_time" content="2022-11-06T23:00:00Z">'
    p = parse_page(f'<html lang="de"><head>{meta}</head><body></body></html>',
                   "https://zeitung.example.de/a")  # fmt: skip
    found = dates.find_published(p, "2023-01-01T00:00:00Z")
    assert found is not None and found[0].startswith("2022-11-07T00:00:00+01:00")


def test_published_from_the_time_shown_above_the_text() -> None:
    # The day the article shows its readers beats a metadata date that disagrees with it.
    meta = '<meta name="dcterms.date" content="2022-01-21T09:43+01:00">'
    body = '<h1>Titel</h1><time datetime="2022-01-25T08:00:00+01:00">Dienstag</time>' + LONG
    found = dates.find_published(page(meta, body, lang="de"), "2023-01-01T00:00:00Z")
    assert found == ("2022-01-25T08:00:00+01:00", Origin(K.PAGE, "<time>"))


def test_shown_time_prefers_the_printed_day_to_a_utc_datetime() -> None:
    meta = '<meta property="article:published_time" content="2019-12-20">'
    body = '<time datetime="2019-12-26T23:07:45+00:00">26/12/2019</time>' + LONG
    found = dates.find_published(page(meta, body, lang="de"), "2020-06-01T00:00:00Z")
    assert found == ("2019-12-26", Origin(K.PAGE, "<time>"))


def test_times_below_the_text_or_marked_updated_are_not_the_published_day() -> None:
    meta = '<meta property="article:published_time" content="2022-03-04">'
    below = LONG + '<time datetime="2022-05-01">1. Mai 2022</time>'
    found = dates.find_published(page(meta, below), "2023-01-01T00:00:00Z")
    assert found is not None and found[0] == "2022-03-04"
    updated = '<time class="updated" datetime="2022-05-01">1. Mai 2022</time>' + LONG
    found = dates.find_published(page(meta, updated), "2023-01-01T00:00:00Z")
    assert found is not None and found[0] == "2022-03-04"


def test_without_declared_date_htmldate_gives_the_original_day() -> None:
    # htmldate's original date, not its latest: a page's later dates are reviews and revisions.
    body = "<p>Am 03.02.2024 tagte der Rat.</p><p>Text.</p><p>Seite zuletzt geprüft: 20.02.2024</p>"
    p = parse_page(f"<html lang='de'><body>{body}</body></html>", "https://ex.example/a")
    assert dates.find_published(p, "2024-06-01T00:00:00Z") == (
        "2024-02-03",
        Origin(K.PAGE, "htmldate"),
    )


def _with_headline(lines: str, head: str = "", lang: str = "de") -> dates.Found | None:
    body = f"<article><h1>Neue Radwege für die Altstadt</h1>{lines}{LONG}</article>"
    return dates.find_published(page(head, body, lang=lang), "2023-06-01T00:00:00Z")


def test_the_day_printed_under_the_headline_beats_the_metadata() -> None:
    meta = '<meta property="article:published_time" content="2022-01-19T10:00:00+01:00">'
    found = _with_headline("<p class='meta'>Veröffentlicht am 21. Januar 2022</p>", meta)
    assert found == ("2022-01-21", Origin(K.PAGE, "printed date"))
    # When both agree, the metadata keeps its time of day.
    found = _with_headline("<p class='meta'>Veröffentlicht am 19. Januar 2022</p>", meta)
    assert found == ("2022-01-19T10:00:00+01:00", Origin(K.META, "meta article:published_time"))


@pytest.mark.parametrize(
    ("line", "lang", "day"),
    [
        ("<span>21.1.22, 14:05 Uhr</span>", "de", "2022-01-21"),
        ("<span>12.03.98</span>", "de", "1998-03-12"),
        ("<div>Berlin, 28.10.2021, 058/21</div>", "de", "2021-10-28"),
        ("<span>Publié le 1er mai 2022 à 10h12</span>", "fr", "2022-05-01"),
        ("<span>03 de mayo de 2022, 12:00 p. m.</span>", "es", "2022-05-03"),
        ("<span>17/02/2022</span>", "de", "2022-02-17"),
        ("<span>January 21, 2022</span>", "en", "2022-01-21"),
        ("<span>02/03/2022</span>", "en-US", "2022-02-03"),
        ("<span>02/03/2022</span>", "en", "2022-02-03"),
        ("<span>02/03/2022</span>", "en-GB", "2022-03-02"),
        ("<span>12/18/2022 4:02pm</span>", "de", "2022-12-18"),
        ("<span>2021-10-16 | Botschaft</span>", "de", "2021-10-16"),
    ],
)
def test_printed_day_formats(line: str, lang: str, day: str) -> None:
    assert _with_headline(line, lang=lang) == (day, Origin(K.PAGE, "printed date"))


def test_a_lead_that_opens_with_the_date() -> None:
    lead = "<p>(21. November 2022) Die Stadt baut drei neue Radwege. " + "Mehr dazu später. " * 8
    assert _with_headline(lead + "</p>") == ("2022-11-21", Origin(K.PAGE, "printed date"))


def test_dates_that_are_not_the_day_of_publication() -> None:
    meta = '<meta property="article:published_time" content="2022-03-04">'
    for line in (
        "<p>Am Samstag, 5. November 2022, kurz nach 21 Uhr, begann der Umbau</p>",
        "<p class='stand'>Aktualisiert am 10.03.2022</p>",
        "<p>Ausdruck vom 11.03.2022</p>",
        "<aside><span>12.03.2022</span></aside>",
        "<blockquote><a>March 13, 2022</a></blockquote>",
        "<figure><figcaption>Die Baustelle am 14. März 2022.</figcaption></figure>",
        # the label is read in reading order, after the byline nested before it
        "<div><span><b>Von Anna Beispiel</b></span> | Aktualisiert: <span>15.03.2022</span></div>",
    ):
        assert _with_headline(line, meta) == (
            "2022-03-04",
            Origin(K.META, "meta article:published_time"),
        ), line


def test_above_the_headline_only_its_own_block_counts() -> None:
    meta = '<meta property="article:published_time" content="2022-03-04">'
    today = "<div class='top'><span>Mittwoch, 9. März 2022</span></div>"
    kicker = "<div class='head'><span>03.03.2022</span><h1>Neue Radwege</h1></div>"
    body = today + kicker + LONG
    found = dates.find_published(page(meta, body, lang="de"), "2023-01-01T00:00:00Z")
    assert found == ("2022-03-03", Origin(K.PAGE, "printed date"))
    body = today + "<div class='head'><h1>Neue Radwege</h1></div>" + LONG
    found = dates.find_published(page(meta, body, lang="de"), "2023-01-01T00:00:00Z")
    assert found == ("2022-03-04", Origin(K.META, "meta article:published_time"))


def test_without_a_visible_h1_the_heading_that_repeats_the_title() -> None:
    head = "<title>Neue Radwege – Stadtanzeiger</title>"
    body = (
        "<h1 class='visually-hidden'>Stadtanzeiger</h1><span>Montag, 7. März 2022</span>"
        "<div><h2 class='article-title'>Neue Radwege</h2><span>04.03.2022</span></div>" + LONG
    )
    found = dates.find_published(page(head, body, lang="de"), "2023-01-01T00:00:00Z")
    assert found == ("2022-03-04", Origin(K.PAGE, "printed date"))
    # "hidden-xs" hides it on phones only: it is the headline the readers see.
    body = "<h1 class='hidden-xs'>Neue Radwege</h1><span>04.03.2022</span>" + LONG
    found = dates.find_published(page(head, body, lang="de"), "2023-01-01T00:00:00Z")
    assert found == ("2022-03-04", Origin(K.PAGE, "printed date"))


def test_a_printed_day_after_the_fetch_is_ignored() -> None:
    found = _with_headline("<span>21.01.2024</span>")
    assert found is None or found[0][:10] <= "2023-06-01"


def test_a_date_labelled_as_the_publication_anywhere_on_the_page() -> None:
    body = LONG + "<p>Erschienen am: 01.11.2023</p><p>Letzte Änderung: 31.10.2023</p>"
    found = dates.find_published(page("", body, lang="de"), "2024-01-01T00:00:00Z")
    assert found == ("2023-11-01", Origin(K.PAGE, "printed date"))
    body = LONG + "<p class='footer-line'>Page modifiée le 31/10/2023</p>"
    found = dates.find_published(page("", body, lang="fr"), "2024-01-01T00:00:00Z")
    assert found is None or found[1] != Origin(K.PAGE, "printed date")


def test_times_marked_published_or_entry_date_and_updated_are_the_first_version() -> None:
    # WordPress themes mark the original post time "entry-date published updated".
    meta = '<meta property="article:published_time" content="2022-10-30">'
    line = (
        "<span>Veröffentlicht am</span>"
        "<time class='entry-date published updated'>1. November 2022 09:35</time>"
    )
    found = _with_headline(line, meta)
    assert found == ("2022-11-01", Origin(K.PAGE, "printed date"))
    # Some themes print the post's date as "entry-date updated": entry-date is the post's date.
    line = "<time class='entry-date updated'>3 May, 2022, 11:37 pm</time>"
    assert _with_headline(line, meta, lang="en") == ("2022-05-03", Origin(K.PAGE, "printed date"))
    line = "<time class='updated'>3 May, 2022, 11:37 pm</time>"
    assert _with_headline(line, meta, lang="en") == (
        "2022-10-30",
        Origin(K.META, "meta article:published_time"),
    )
