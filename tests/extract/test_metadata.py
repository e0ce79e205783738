"""Title, publication and canonical URL cascades, on small pages written for these tests."""

from __future__ import annotations

from tests.extract.pagekit import ld, page

from digest.extract import metadata
from digest.extract.page import parse_page
from digest.models import Origin
from digest.models import OriginKind as K


def test_json_ld_graph_and_arrays_are_unrolled() -> None:
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Le Petit Journal"},
        {"@type": "NewsArticle", "headline": "Un titre", "author": {"name": "Marie Curie"}},
    ]}  # fmt: skip
    p = page(ld(graph) + ld([{"@type": "Person", "name": "X"}]))
    assert [o["@type"] for o in p.json_ld] == ["WebSite", "NewsArticle", "Person"]
    assert p.articles()[0]["headline"] == "Un titre"


def test_broken_json_ld_with_trailing_comma_is_repaired() -> None:
    raw = '<script type="application/ld+json">{"@type": "Article", "headline": "Hi",}</script>'
    assert page(raw).articles()[0]["headline"] == "Hi"


def test_unparseable_json_ld_is_ignored() -> None:
    assert page('<script type="application/ld+json">{nope</script>').json_ld == []


def test_strip_site_suffix_and_prefix() -> None:
    assert metadata.strip_site("Un titre - Le Monde", ["Le Monde"], "lemonde.fr") == "Un titre"
    assert metadata.strip_site("CNN | A headline", [], "cnn.com") == "A headline"
    assert metadata.strip_site("A - B", [], "example.com") == "A - B"


def test_title_prefers_the_h1_that_matches_metadata() -> None:
    p = page('<meta property="og:title" content="The headline | Petit Journal">'
             "<title>The headline | Petit Journal</title>",
             "<h1>The headline</h1>")  # fmt: skip
    assert metadata.find_title(p, ["Petit Journal"]) == (
        "The headline",
        Origin(K.META, "OpenGraph"),
    )


def test_title_from_title_tag_when_nothing_else() -> None:
    p = page("<title>Un titre — Le Petit Journal</title>")
    assert metadata.find_title(p, ["Le Petit Journal"]) == ("Un titre", Origin(K.PAGE, "<title>"))


def test_title_uses_h1_when_title_has_an_unknown_suffix() -> None:
    p = page("<title>A long enough headline here :: Unknown Site</title>",
             "<h1>A long enough headline here</h1>")  # fmt: skip
    assert metadata.find_title(p, []) == ("A long enough headline here", Origin(K.PAGE, "heading"))


def test_publication_cascade() -> None:
    publisher = {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "PJ"}}
    assert metadata.find_publication(page(ld(publisher))) == ("PJ", Origin(K.JSON_LD, "publisher"))
    site = '<meta property="og:site_name" content="Le Petit Journal">'
    assert metadata.find_publication(page(site)) == (
        "Le Petit Journal",
        Origin(K.META, "og:site_name"),
    )
    app = '<meta name="application-name" content="Petit Journal">'
    assert metadata.find_publication(page(app)) == (
        "Petit Journal",
        Origin(K.META, "application-name"),
    )
    assert metadata.find_publication(page()) == ("petitjournal.example", Origin(K.URL))


def test_publication_from_a_title_suffix_that_the_host_names() -> None:
    titled = page("<title>Les cafés du village - Le Petit Journal</title>")
    assert metadata.find_publication(titled) == (
        "Le Petit Journal",
        Origin(K.PAGE, "<title> suffix"),
    )
    unrelated = page("<title>Les cafés du village - Rubrique Société</title>")
    assert metadata.find_publication(unrelated) == ("petitjournal.example", Origin(K.URL))


def test_canonical_url() -> None:
    p = page('<link rel="canonical" href="https://petitjournal.example/a">')
    assert metadata.find_canonical(p) == "https://petitjournal.example/a"


def test_logo_h1_does_not_beat_the_metadata_title() -> None:
    p = page('<meta property="og:title" content="Les jardins partagés gagnent du terrain">',
             "<h1>Partenaires</h1><h1>Les jardins partagés gagnent du terrain</h1>")  # fmt: skip
    assert metadata.find_title(p, []) == (
        "Les jardins partagés gagnent du terrain",
        Origin(K.META, "OpenGraph"),
    )
    p = page('<meta property="og:title" content="Un titre de référencement">', "<h1>Menu</h1>")
    assert metadata.find_title(p, []) == ("Un titre de référencement", Origin(K.META, "OpenGraph"))


def test_visible_headline_beats_a_different_seo_title() -> None:
    p = page('<meta property="og:title" content="Best deals: 60% off everything">',
             "<h1>The best early Boxing Day deals in 2023</h1>")  # fmt: skip
    assert metadata.find_title(p, []) == (
        "The best early Boxing Day deals in 2023",
        Origin(K.PAGE, "h1"),
    )


def test_h1_in_the_article_header_is_the_headline_not_the_site_logo() -> None:
    body = ('<header><h1>Petit Journal</h1></header>'
            '<article><header><h1>The best early Boxing Day deals in 2023</h1></header></article>')  # fmt: skip
    p = page('<meta property="og:title" content="Best deals: 60% off everything">', body)
    assert metadata.find_title(p, []) == (
        "The best early Boxing Day deals in 2023",
        Origin(K.PAGE, "h1"),
    )


def test_an_archived_copy_is_published_by_the_original_site() -> None:
    archived = "https://web.archive.org/web/20120216182711/http://www.lokalblatt.example/a/1"
    p = parse_page("<html><head><title>Ein Artikel</title></head><body></body></html>", archived)
    assert p.host == "lokalblatt.example"
    assert metadata.find_publication(p) == ("lokalblatt.example", Origin(K.URL))
    assert parse_page("<html></html>", "https://web.archive.org/about/").host == "web.archive.org"


def test_a_kicker_printed_in_the_h1_is_not_part_of_the_title() -> None:
    # The metadata names the headline alone (seen on hss.de, selbst.de, bmz.de, dhz.net).
    p = page('<meta property="og:title" content="Große Aufgaben für die neue Regierung">',
             "<h1><small>Tunesien</small><br> Große Aufgaben für die neue Regierung</h1>")  # fmt: skip
    assert metadata.find_title(p, []) == (
        "Große Aufgaben für die neue Regierung",
        Origin(K.META, "OpenGraph"),
    )
    # The metadata joins kicker and headline that the page shows on two lines (zeit.de,
    # tagesschau.de, cicero.de, freiheit.org).
    p = page('<meta property="og:title" content="Klimaschutz: Bohren, bis es heiß wird">',
             '<h1><span class="kicker">Klimaschutz</span><span class="visually-hidden">: </span>'
             '<span class="title">Bohren, bis es heiß wird</span></h1>')  # fmt: skip
    assert metadata.find_title(p, []) == (
        "Bohren, bis es heiß wird",
        Origin(K.PAGE, "h1 after kicker"),
    )


def test_a_heading_printed_as_one_title_keeps_its_pieces() -> None:
    # A separator the reader sees, or inline emphasis, makes one title of the pieces.
    title = '<meta property="og:title" content="Editor’s Letter: bye OC Baby">'
    p = page(title, "<h1><b>Editor’s Letter:</b><i> bye OC Baby</i></h1>")
    assert metadata.find_title(p, [])[0] == "Editor’s Letter: bye OC Baby"  # type: ignore[index]
    p = page(title, "<h1><span>Editor’s Letter:</span> bye OC Baby</h1>")
    assert metadata.find_title(p, [])[0] == "Editor’s Letter: bye OC Baby"  # type: ignore[index]
    # A subtitle after the title is left where it is: some sites count it as part of the title.
    p = page('<meta property="og:title" content="Schneesport mit Rücksicht auf Wildtiere">',
             '<h1>Schneesport mit Rücksicht auf Wildtiere <span class="subline">Verhaltenstipps '
             "für einen naturverträglichen Schneesport</span></h1>")  # fmt: skip
    assert metadata.find_title(p, [])[0].endswith("naturverträglichen Schneesport")  # type: ignore[index]


def test_a_label_before_the_title_that_the_heading_leaves_out_is_cut() -> None:
    # "08.11.2021 | …" (regenbogenportal.de), "Reden / …" (bundespraesident.de).
    p = page('<meta property="og:title" content="08.11.2021 | Online-Fachtag zum Intersex Day">',
             "<header><h1>Online-Fachtag zum Intersex Day</h1></header>")  # fmt: skip
    assert metadata.find_title(p, []) == (
        "Online-Fachtag zum Intersex Day",
        Origin(K.PAGE, "heading"),
    )
    # A heading that is the shorter segment after the title is the site's name, not the title.
    p = page('<meta property="og:title" content="Getting to know the star of Holding | Anglophenia">',
             "<header><h1>Anglophenia</h1></header>")  # fmt: skip
    assert metadata.find_title(p, [])[0] == "Getting to know the star of Holding | Anglophenia"  # type: ignore[index]


def test_a_breadcrumb_title_from_the_site_down_gives_its_last_step() -> None:
    # WordPress themes print "Site » Blog Archiv » Title" (time4talks.com, disfunctions.de).
    crumbs = "Petit Journal » Blog Archiv » Les cafés du village"
    assert metadata.strip_site(crumbs, [], "petitjournal.example") == "Les cafés du village"
    # Without the site in front, "»" is only a separator inside the title.
    inside = "Leasing oder Finanzierung » Der große Vergleich"
    assert metadata.strip_site(inside, [], "petitjournal.example") == inside


def test_an_h1_unlike_the_title_another_heading_shows_is_not_the_headline() -> None:
    # A blog's tagline (befifty.de) or a newsletter box (ledevoir.com) in the first <h1>.
    og = '<meta property="og:title" content="Das vielleicht schönste Ende der Welt: Montauk">'
    p = page(og, "<h1>Wann, wenn nicht jetzt...</h1>"
                 "<h2>Jun 17 Das vielleicht schönste Ende der Welt: Montauk</h2>")  # fmt: skip
    assert metadata.find_title(p, []) == (
        "Das vielleicht schönste Ende der Welt: Montauk",
        Origin(K.META, "OpenGraph"),
    )
    # Without the title printed elsewhere, the visible <h1> still beats an SEO title.
    p = page('<meta property="og:title" content="Eazyauction Designvorlagen">',
             "<h1>Datenschutztechnische Anpassung der eBay-Verkaufsvorlagen</h1>")  # fmt: skip
    assert (
        metadata.find_title(p, [])[0] == "Datenschutztechnische Anpassung der eBay-Verkaufsvorlagen"
    )  # type: ignore[index]


def test_a_site_name_inside_the_title_ends_it_with_the_slogan_after_it() -> None:
    # "… : Krimiblog-Archiv | Ermittlungen …" (krimiblog.de), "… - chadim.net - Webdesign".
    title = "Les cafés du village : Petit Journal | Le quotidien du canton | Depuis 1890"
    assert metadata.strip_site(title, [], "petitjournal.example") == "Les cafés du village"
    assert metadata.strip_site("Der Schreibstil - petitjournal.example - Webdesign", [],
                               "petitjournal.example") == "Der Schreibstil"  # fmt: skip


def test_text_hidden_from_readers_is_not_part_of_a_heading() -> None:
    p = page('<meta property="og:title" content="Was wir über uns nicht hören wollen">',
             '<h1>Was wir über uns nicht hören wollen'
             '<span class="element-invisible"> | Petit Journal</span></h1>')  # fmt: skip
    assert metadata.find_title(p, []) == (
        "Was wir über uns nicht hören wollen",
        Origin(K.META, "OpenGraph"),
    )


def test_a_media_label_after_the_headline_is_not_part_of_the_title() -> None:
    # "… Finale [Watch]" (theboot.com), "… miles away (video) | Space" (space.com).
    p = page("<title>NASA beams a cat video to Earth (video) | Petit Journal</title>",
             "<h1>NASA beams a cat video to Earth (video)</h1>")  # fmt: skip
    assert metadata.find_title(p, ["Petit Journal"])[0] == "NASA beams a cat video to Earth"  # type: ignore[index]
    assert metadata.strip_site("Dan + Shay Bring Bigger Houses [Watch]", [], "x.example") == (
        "Dan + Shay Bring Bigger Houses"
    )
    # A bracket that is not a media label stays: "(So Far)", "(#5)".
    assert metadata.strip_site("BTS’ Solo Projects (So Far)", [], "x.example") == (
        "BTS’ Solo Projects (So Far)"
    )


def test_an_h1_marked_as_the_headline_is_no_masthead_inside_a_header() -> None:
    # Themes wrap the article's headline in a <header> of its own (verivox.de "hero-headline",
    # thedailysound.com "entry-title"); the site's logo heading has no such mark.
    body = ('<header><h1 class="hero-headline">Leasing oder Finanzierung? Jetzt Angebote '
            "berechnen!</h1></header>")  # fmt: skip
    p = page('<meta property="og:title" content="Leasing oder Finanzierung? Rechner, Vor- und '
             'Nachteile">', body)  # fmt: skip
    assert metadata.find_title(p, []) == (
        "Leasing oder Finanzierung? Jetzt Angebote berechnen!",
        Origin(K.PAGE, "h1"),
    )
