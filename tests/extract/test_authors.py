"""Each step of the author cascade, on small pages written for these tests."""

from __future__ import annotations

import pytest
from tests.extract.pagekit import ld, page

from digest.extract import authors as cascade
from digest.extract import metadata
from digest.extract.page import ParsedPage, parse_page
from digest.models import Origin
from digest.models import OriginKind as K


def authors(p: ParsedPage, publication: str | None = None) -> tuple[list[str], str | None]:
    return cascade.find_authors(p, publication)


def test_author_from_json_ld_string_object_and_list() -> None:
    for author in ("Jane Doe", {"@type": "Person", "name": "Jane Doe"}, [{"name": "Jane Doe"}]):
        assert authors(page(ld({"@type": "NewsArticle", "author": author}))) == (
            ["Jane Doe"],
            Origin(K.JSON_LD),
        )


def test_json_ld_organisation_author_gives_way_to_a_person() -> None:
    p = page(
        ld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Petit Journal"}})
        + '<meta name="author" content="Jeanne Martin">'
    )
    assert authors(p) == (["Jeanne Martin"], Origin(K.META, "meta author"))


def test_person_and_organisation_type_is_a_person() -> None:
    author = {"@type": ["Person", "Organization"], "name": "Jane Doe"}
    assert authors(page(ld({"@type": "NewsArticle", "author": author}))) == (
        ["Jane Doe"],
        Origin(K.JSON_LD),
    )


def test_yoast_written_by_label() -> None:
    p = page('<meta name="twitter:label1" content="Verfasst von">'
             '<meta name="twitter:data1" content="Anna Schmidt">')  # fmt: skip
    assert authors(p) == (["Anna Schmidt"], Origin(K.META, "twitter:data"))


def test_author_page_links_with_co_authors() -> None:
    body = ('<p class="meta"><a href="/author/jane-doe">Jane Doe</a> and '
            '<a href="/author/jim-roe">Jim Roe</a></p>'
            '<aside><a href="/author/ann-poe">Ann Poe</a></aside>')  # fmt: skip
    assert authors(page(body=body)) == (["Jane Doe", "Jim Roe"], Origin(K.PAGE, "author link"))


def test_user_handle_accepted_only_from_author_fields() -> None:
    assert authors(page('<meta name="author" content="gizzmo">')) == (
        ["gizzmo"],
        Origin(K.META, "meta author"),
    )
    assert authors(page(body='<div class="byline">gizzmo</div>')) == ([], None)


def test_bare_first_name_completed_from_a_later_source() -> None:
    p = page('<meta name="author" content="Nils">', '<p class="byline">Von Nils Becker</p>')
    assert authors(p) == (["Nils Becker"], Origin(K.META, "meta author"))


def test_microdata_in_related_articles_is_ignored() -> None:
    body = ('<div class="related-posts"><span itemprop="author">Ann Poe</span></div>'
            '<span itemprop="author">Jane Doe</span>')  # fmt: skip
    assert authors(page(body=body)) == (["Jane Doe"], Origin(K.PAGE, "microdata"))


def test_author_from_meta_author() -> None:
    assert authors(page('<meta name="author" content="Jeanne Martin">')) == (
        ["Jeanne Martin"],
        Origin(K.META, "meta author"),
    )


def test_article_author_profile_url_is_skipped() -> None:
    p = page(
        '<meta property="article:author" content="https://facebook.com/janedoe">'
        '<meta name="parsely-author" content="Jane Doe">'
    )
    assert authors(p) == (["Jane Doe"], Origin(K.META, "parsely"))


def test_citation_author_family_name_first() -> None:
    p = page('<meta name="citation_author" content="Curie, Marie">'
             '<meta name="citation_author" content="Curie, Pierre">')  # fmt: skip
    assert authors(p) == (["Marie Curie", "Pierre Curie"], Origin(K.META, "citation_author"))


def test_dublin_core_creator() -> None:
    assert authors(page('<meta name="DC.creator" content="Paul Durand">')) == (
        ["Paul Durand"],
        Origin(K.META, "meta author"),
    )


def test_sailthru_author() -> None:
    assert authors(page('<meta name="sailthru.author" content="Jim Roe">')) == (
        ["Jim Roe"],
        Origin(K.META, "sailthru"),
    )


def test_microdata_author() -> None:
    body = '<div itemprop="author" itemscope><span itemprop="name">Ann Poe</span></div>'
    assert authors(page(body=body)) == (["Ann Poe"], Origin(K.PAGE, "microdata"))


def test_rel_author_link() -> None:
    assert authors(page(body='<a rel="author" href="/jane">Jane Doe</a>')) == (
        ["Jane Doe"],
        Origin(K.PAGE, "microdata"),
    )


def test_visible_byline_by_class() -> None:
    body = '<h1>T</h1><div class="article-byline">Par Jeanne MARTIN, le 3 mars 2024</div>'
    assert authors(page(body=body, lang="fr")) == (
        ["Jeanne Martin"],
        Origin(K.PAGE, "byline element"),
    )


@pytest.mark.parametrize(
    "label",
    ['<abbr class="published">10. Dezember 2019</abbr> · von ', '<span class="sep">von</span> '],
)
def test_a_handle_in_the_hcard_after_a_byline_label(label: str) -> None:
    # WordPress themes: "<date> · von <span class="author vcard">handle</span>".
    body = (
        f'<h1>T</h1><div class="entry-meta">{label}<span class="author vcard">'
        '<a href="/author/freeman1984/">freeman1984</a></span></div>'
        '<div class="article-author">Interview: Jens Bergmann</div>'
    )
    # The page's interviewer is no writer of the post: the hCard names its writer.
    assert authors(page(body=body, lang="de")) == (["freeman1984"], Origin(K.PAGE, "author link"))


@pytest.mark.parametrize(
    "css",
    [
        "sc-csCMJt AuthorLink-sc-10pl2l7-4 fwXihS",
        "MediaAuthors__AuthorName-sc-69aqy1-0",
        "ArticleAuthor_authorName___AnQD",
    ],
)
def test_a_byline_in_a_component_class_name(css: str) -> None:
    body = f'<h1>T</h1><div class="{css}"><a href="/p/jane-doe">Jane Doe</a></div>'
    assert authors(page(body=body)) == (["Jane Doe"], Origin(K.PAGE, "byline element"))


def test_component_class_names_of_other_parts_are_no_byline() -> None:
    body = (
        '<h1>T</h1><div class="ArticleAuthor_bio__f9ODF">Jane Doe</div><p class="Authority">A B</p>'
    )
    assert authors(page(body=body)) == ([], None)


@pytest.mark.parametrize(
    "teaser",
    [
        '<div class="sidebar-headline"><a href="/2024/02/a.htm">By Growing Animal Cells in Rice'
        " Grains, Scientists Dish Up Hybrid Food</a></div>",
        '<a href="/b"><h3>Auf ins Metaverse</h3><div class="item">Von <span>Jörn Mecher</span>'
        " am <span>08.12.2022</span></div></a>",
    ],
)
def test_a_byline_label_inside_a_link_is_another_articles(teaser: str) -> None:
    body = f"<h1>T</h1><p>Some long paragraph of the story.</p>{teaser}"
    assert authors(page(body=body)) == ([], None)
    byline = '<p>By <a href="/author/jane-doe">Jane Doe</a></p><p>Von <a>Jana Muster</a></p>'
    assert authors(page(body=f"<h1>T</h1>{byline}{teaser}"))[0] == ["Jane Doe"]


def test_visible_byline_by_text() -> None:
    body = "<h1>T</h1><p>By Jane Doe and Jim Roe</p><p>Some long paragraph of the story.</p>"
    assert authors(page(body=body)) == (["Jane Doe", "Jim Roe"], Origin(K.PAGE, "byline"))


def test_byline_in_footer_is_ignored() -> None:
    body = '<footer><div class="author">Jane Doe</div></footer>'
    assert authors(page(body=body)) == ([], None)


def test_a_desk_named_after_the_outlet_is_no_person() -> None:
    body = '<h1>T</h1><div class="byline">CBC Arts · Posted: Dec 20, 2023</div>'
    p = parse_page(f"<html><body>{body}</body></html>", "https://www.cbc.ca/arts/a")
    assert authors(p) == ([], None)


def test_the_publication_signing_is_its_byline_when_no_one_else_signs() -> None:
    p = page('<meta name="author" content="Le Petit Journal">')
    assert authors(p, "Le Petit Journal") == (["Le Petit Journal"], Origin(K.META, "meta author"))
    p = page('<meta name="author" content="Le Petit Journal">', "<p>Par Jeanne Martin</p>")
    assert authors(p, "Le Petit Journal") == (["Jeanne Martin"], Origin(K.PAGE, "byline"))


def test_a_desk_signing_is_the_byline_when_no_one_else_signs() -> None:
    author = {"@type": "Person", "name": "Redaktion"}
    p = page(ld({"@type": "NewsArticle", "author": author}), lang="de")
    assert authors(p, "Tennis Heute") == (["Redaktion"], Origin(K.JSON_LD))
    p = page(ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Slate Staff"}}))
    assert authors(p, "Slate") == (["Slate Staff"], Origin(K.JSON_LD))
    # Wherever the page names its author: a link to the author's page, microdata.
    p = page(body='<article><a href="/author/the-citizen/">The Citizen</a><p>Text.</p></article>')
    assert authors(p, "The Citizen") == (["The Citizen"], Origin(K.PAGE, "author link"))
    body = '<div itemprop="author" itemscope><span itemprop="name">Team Ebony</span></div>'
    assert authors(page(body=body), "Ebony") == (["Team Ebony"], Origin(K.PAGE, "microdata"))
    # A compound ending in a desk word, a desk named after a site written in lower case.
    for desk in ("Tier-Team", "autoblatt.example Redaktion"):
        p = page(ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": desk}}))
        assert authors(p, "Ein Magazin") == ([desk], Origin(K.JSON_LD))


def test_an_outlet_declared_as_author_is_no_byline() -> None:
    author = {"@type": "NewsMediaOrganization", "name": "BBC News"}
    assert authors(page(ld({"@type": "NewsArticle", "author": author})), "BBC News") == ([], None)


def test_an_account_or_a_site_address_is_no_desk_byline() -> None:
    p = page('<meta name="author" content="admin">')
    assert authors(p, "Le Petit Journal") == ([], None)
    p = page('<meta name="author" content="www.petitjournal.example">')
    assert authors(p, "Le Petit Journal") == ([], None)


def test_agencies_in_the_visible_byline_join_the_writer_the_metadata_names() -> None:
    p = page(
        '<meta name="author" content="Jana Muster">', '<p class="byline">Von Jana Muster, dpa</p>'
    )
    assert authors(p) == (["Jana Muster", "dpa"], Origin(K.META, "meta author"))
    p = page(body="<p>Par AFP</p><p>Un texte.</p>", lang="fr")
    assert authors(p) == (["AFP"], Origin(K.PAGE, "byline"))


def test_json_ld_author_reference_resolved_in_graph() -> None:
    graph = {"@graph": [
        {"@type": "Article", "author": {"@id": "https://ex.example/#/person/1"}},
        {"@type": "Person", "@id": "https://ex.example/#/person/1", "name": "Andreas Kalt"},
    ]}  # fmt: skip
    assert authors(page(ld(graph))) == (["Andreas Kalt"], Origin(K.JSON_LD))


def test_name_after_a_label_element() -> None:
    body = "<div><span>Datum:</span> 19.11.2021 <span>Autor:</span> Fritz Imhof<br></div>"
    assert authors(page(body=body, lang="de")) == (["Fritz Imhof"], Origin(K.PAGE, "byline"))


def test_co_authors_after_a_label_element() -> None:
    body = "<p><span>Par</span> <a>Jeanne Martin</a>, <a>Paul Durand</a> et <a>Ann Poe</a></p>"
    assert authors(page(body=body, lang="fr")) == (
        ["Jeanne Martin", "Paul Durand", "Ann Poe"],
        Origin(K.PAGE, "byline"),
    )


def test_name_after_a_date() -> None:
    body = "<h1>Titel</h1><small>04.02.2022 | 13:10 Uhr | Uta Helkenberg</small>"
    assert authors(page(body=body, lang="de")) == (["Uta Helkenberg"], Origin(K.PAGE, "byline"))


def test_names_in_a_list_of_dates_are_no_byline() -> None:
    # A concert calendar: each line opens with a date, as a date-led byline does.
    lines = ["03.11.2022 - Mark Turner - Arena", "04.11.2022 - Sam Ryder - Flex",
             "05.11.2022 - Camo &amp; Krooked - Gasometer"]  # fmt: skip
    body = "<h1>Konzerte</h1>" + "".join(f"<p>{line}</p>" for line in lines)
    assert authors(page(body=body, lang="de")) == ([], None)


def test_label_followed_by_a_non_name_is_skipped() -> None:
    body = "<p><b>Von</b> <i>Photos</i></p><p>Von Klaus Stanjek</p>"
    assert authors(page(body=body, lang="de")) == (["Klaus Stanjek"], Origin(K.PAGE, "byline"))


def test_article_wrapper_called_sidebar_is_still_the_article() -> None:
    body = ('<article><div id="sidebar" class="sidebar-content">'
            '<a rel="author" href="/author/heiko">Heiko Sauer</a></div></article>')  # fmt: skip
    assert authors(page(body=body, lang="de")) == (["Heiko Sauer"], Origin(K.PAGE, "microdata"))


def test_personal_blog_owner_is_not_the_publication() -> None:
    graph = {"@graph": [
        {"@type": ["Person", "Organization"], "@id": "#me", "name": "Andreas Kalt"},
        {"@type": "Article", "author": {"@id": "#me"}, "publisher": {"@id": "#me"}},
    ]}  # fmt: skip
    p = page(ld(graph))
    publication = metadata.find_publication(p)
    assert publication == ("petitjournal.example", Origin(K.URL))
    assert authors(p, publication[0]) == (["Andreas Kalt"], Origin(K.JSON_LD))


def test_signature_as_last_paragraph() -> None:
    text = "Premier paragraphe de l'article.\n\nDeuxième paragraphe.\n\nMarina Mucha"
    assert cascade.find_authors(page(lang="fr"), None, text) == (
        ["Marina Mucha"],
        Origin(K.PAGE, "signature"),
    )
    call_to_action = "First paragraph of the story.\n\nBuy Tickets"
    assert cascade.find_authors(page(), None, call_to_action) == ([], None)
    photo_credit = "Primo paragrafo dell'articolo.\n\nSecondo paragrafo.\n\nFoto di Leeloo Thefirst"
    assert cascade.find_authors(page(lang="it"), None, photo_credit) == ([], None)


def test_single_name_or_handle_in_an_author_element() -> None:
    body = '<span class="author"><a href="/user,profile,30,lars.html">Lars</a></span>'
    assert authors(page(body=body, lang="de")) == (["Lars"], Origin(K.PAGE, "byline element"))
    body = '<div class="post-author">Sara Zinnecker | Stand: 12.03.2022</div>'
    assert authors(page(body=body, lang="de")) == (
        ["Sara Zinnecker"],
        Origin(K.PAGE, "byline element"),
    )


def test_blog_handle_equal_to_its_subdomain_is_kept() -> None:
    p = parse_page('<html><body><a href="/author/surfguard/">surfguard</a></body></html>',
                   "https://surfguard.blog.example/2016/11/01/post")  # fmt: skip
    assert cascade.find_authors(p, None) == (["surfguard"], Origin(K.PAGE, "author link"))


def test_desk_label_followed_by_a_person() -> None:
    body = "<div>05.02.2020 <span>- Redaktion: Eberhard Fuhr (Pressesprecher)</span></div>"
    assert authors(page(body=body, lang="de")) == (["Eberhard Fuhr"], Origin(K.PAGE, "byline"))
    body = "<div><span>Interview</span><span>SVEN MICHAELSEN</span></div>"
    assert authors(page(body=body, lang="de")) == (["Sven Michaelsen"], Origin(K.PAGE, "byline"))


def test_byline_element_from_a_news_feed() -> None:
    body = "<p>Quelle: dpa-AFX</p><byline>Von David Hutzler, dpa</byline><p>Text.</p>"
    assert authors(page(body=body, lang="de")) == (
        ["David Hutzler", "dpa"],
        Origin(K.PAGE, "byline element"),
    )


def test_contributors_named_in_the_byline_are_not_authors() -> None:
    author = [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Jim Roe"}]
    body = '<div class="byline">By Jane Doe Contributions from Jim Roe published 2 May 2024</div>'
    p = page(ld({"@type": "NewsArticle", "author": author}), body)
    assert authors(p) == (["Jane Doe"], Origin(K.JSON_LD))


@pytest.mark.parametrize(
    "credit",
    [
        "Photography by <a>Jim Roe</a> Styled by <a>Ann Poe</a>",
        "Fotos von <a>Jim Roe</a>, <a>Ann Poe</a>",
    ],
)
def test_photographers_the_byline_credits_are_not_authors(credit: str) -> None:
    author = [{"@type": "Person", "name": n} for n in ("Jane Doe", "Jim Roe", "Ann Poe")]
    body = f'<div class="byline">By <a>Jane Doe</a> {credit}</div>'
    p = page(ld({"@type": "NewsArticle", "author": author}), body)
    assert authors(p) == (["Jane Doe"], Origin(K.JSON_LD))


LONG = "<p>" + "Der Gemeinderat hat am Dienstag lange über den Haushalt beraten. " * 4 + "</p>"


def test_byline_after_a_column_label_or_plural_authors_label() -> None:
    body = "<h1>Titel</h1><p><strong>Eine Kolumne von Nils Beispiel</strong></p><p>Text.</p>"
    assert authors(page(body=body, lang="de")) == (
        ["Nils Beispiel"],
        Origin(K.PAGE, "stated byline"),
    )
    body = "<p>Text.</p><p>Autoren Jana Muster und Jens Probe</p>"
    assert authors(page(body=body, lang="de")) == (
        ["Jana Muster", "Jens Probe"],
        Origin(K.PAGE, "byline"),
    )


def test_user_handle_is_replaced_by_the_name_the_page_prints() -> None:
    obj = {"@type": "Article", "author": {"name": "gabor_munier"}}
    body = "<p>Autor: <a>Gàbor Muniér</a>, Datum: 03.03.2019</p><p>Text.</p>"
    assert authors(page(ld(obj), body, lang="de")) == (["Gàbor Muniér"], Origin(K.JSON_LD))
    obj = {"@type": "Article", "author": {"name": "christian.stadtfeld"}}
    body = "<p>Der Wahlausgang (Christian P. Stadtfeld)</p>"
    assert authors(page(ld(obj), body, lang="de")) == (
        ["Christian P. Stadtfeld"],
        Origin(K.JSON_LD),
    )
    obj = {"@type": "Article", "author": {"name": "jdoe_42"}}
    assert authors(page(ld(obj), "<p>Jane Doe schreibt.</p>")) == (["jdoe_42"], Origin(K.JSON_LD))


def test_a_single_word_after_a_label_does_not_hide_a_later_full_name() -> None:
    body = (
        "<div><span>Text</span> <span>Kosmetik</span></div><p>Lange Geschichte.</p>"
        "<div><div>Interview</div><div>SVEN BEISPIEL</div></div>"
    )
    assert authors(page(body=body, lang="de")) == (["Sven Beispiel"], Origin(K.PAGE, "byline"))


def test_signature_followed_by_the_signers_title() -> None:
    text = "Ein langer Absatz.\n\nNoch ein Absatz.\n\nJana MUSTER\n\nBundesvorsitzende"
    assert cascade.find_authors(page(), None, text) == (
        ["Jana Muster"],
        Origin(K.PAGE, "signature"),
    )
    text = "Ein langer Absatz.\n\nNoch ein Absatz mit Punkt.\n\nBundesvorsitzende"
    assert cascade.find_authors(page(), None, text) == ([], None)


def test_a_heading_over_one_word_is_no_signature() -> None:
    # A link list's heading and its one entry close the text: no signer and title there.
    for heading, entry in (("Weiterführender Link", "BBAW"), ("Neue Kommentare", "Hilfreiches")):
        text = f"Ein langer Absatz.\n\nNoch ein Absatz.\n\n{heading}\n\n{entry}"
        assert cascade.find_authors(page(lang="de"), None, text) == ([], None)
    text = "Ein langer Absatz.\n\nNoch ein Absatz.\n\nKazım TÜRKMEN\n\nDITIB-Bundesvorsitzender"
    assert cascade.find_authors(page(lang="de"), None, text)[0] == ["Kazım Türkmen"]


def test_signature_as_a_copyright_line_or_above_a_long_title() -> None:
    text = "Ein langer Absatz.\n\nNoch ein Absatz.\n\n© 2019 Jana Muster"
    assert cascade.find_authors(page(), None, text) == (
        ["Jana Muster"],
        Origin(K.PAGE, "signature"),
    )
    text = (
        "Ein Absatz.\n\nJana Muster\n\nStellvertretende Pressesprecherin und Bereichsleitung Presse"
    )
    assert cascade.find_authors(page(), None, text) == (
        ["Jana Muster"],
        Origin(K.PAGE, "signature"),
    )
    text = "Ein Absatz.\n\nNoch ein Absatz.\n\nJana Muster"
    assert cascade.find_authors(page(), None, text) == (
        ["Jana Muster"],
        Origin(K.PAGE, "signature"),
    )


def test_numbered_handle_matches_a_name_followed_by_more_capitals() -> None:
    obj = {"@type": "Article", "author": {"name": "jana.muster.1232"}}
    body = "<p>As told to Jana Muster March 07, 2022</p>"
    assert authors(page(ld(obj), body)) == (["Jana Muster"], Origin(K.JSON_LD))


def test_a_stated_writer_beats_the_account_that_posted() -> None:
    obj = {"@type": "Article", "author": {"name": "Paul Poster"}}
    body = "<p><em>Ein Interview von <strong>Eva Probe</strong> mit Max Gast</em></p>" + LONG
    assert authors(page(ld(obj), body, lang="de")) == (
        ["Eva Probe"],
        Origin(K.PAGE, "stated byline"),
    )
    teaser = LONG + LONG + "<div><span>Ein Artikel von PLAST VERARBEITER</span></div>"
    assert authors(page(ld(obj), teaser, lang="de")) == (["Paul Poster"], Origin(K.JSON_LD))


def test_an_emphasised_von_byline_opening_the_text_is_a_stated_writer() -> None:
    obj = {"@type": "Article", "author": {"name": "Paul Poster"}}
    body = "<p><span><strong>Von Mat\u00adthi\u00adas Probe</strong></span></p>" + LONG
    assert authors(page(ld(obj), body, lang="de")) == (
        ["Matthias Probe"],
        Origin(K.PAGE, "stated byline"),
    )
    plain = "<p>Von Matthias Probe</p>" + LONG
    assert authors(page(ld(obj), plain, lang="de")) == (["Paul Poster"], Origin(K.JSON_LD))


def test_user_handle_after_an_author_label_in_an_author_element() -> None:
    body = '<div class="author">Autor: <a href="/profil/58"><b>baer_77</b></a> am 29.12.2010</div>'
    assert authors(page(body=body, lang="de")) == (["baer_77"], Origin(K.PAGE, "byline element"))
    assert authors(page(body='<div class="author"><b>baer_77</b></div>', lang="de")) == ([], None)


def test_chinese_name_in_author_metadata() -> None:
    p = page('<meta name="author" content="王小明">', lang="zh")
    assert authors(p) == (["王小明"], Origin(K.META, "meta author"))


def test_chinese_editor_label_between_elements() -> None:
    body = '<div><span><span class="icon">图</span>\n责任编辑： \n李华 \n</span></div>'
    assert authors(page(body=body, lang="zh")) == (["李华"], Origin(K.PAGE, "byline"))


def test_text_and_photos_label_names_the_writer() -> None:
    body = "<td><b>Text &amp; Fotos:</b> Jonas Keller </td><p>Der Hecht beisst im Winter.</p>"
    assert authors(page(body=body, lang="de")) == (["Jonas Keller"], Origin(K.PAGE, "byline"))


def test_visible_byline_completes_the_co_authors_the_metadata_left_out() -> None:
    head = ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Anna Berg"}})
    shared = '<span class="author">von Anna Berg, Jonas Keller und Lea Roth</span>'
    assert authors(page(head, shared, lang="de")) == (
        ["Anna Berg", "Jonas Keller", "Lea Roth"],
        Origin(K.JSON_LD),
    )
    # Names side by side with a role or a button are no list of co-authors.
    beside = '<div class="author"><a>Anna Berg</a><span>Senior Analyst</span></div>'
    assert authors(page(head, beside)) == (["Anna Berg"], Origin(K.JSON_LD))


def test_role_in_its_own_link_between_label_and_name() -> None:
    body = '<div>Autor: <a href="/anwaelte/">Rechtsanwalt</a> Jonas Keller</div><p>Urteil.</p>'
    assert authors(page(body=body, lang="de")) == (["Jonas Keller"], Origin(K.PAGE, "byline"))


def test_personal_site_named_after_its_author() -> None:
    url = "https://www.jonas-keller.example/2021/05/notizen/"
    head = '<title>Notizen zum Mai – Dr. Jonas Keller</title><meta property="og:site_name" content="Dr. Jonas Keller">'
    p = parse_page(f"<html><head>{head}</head><body><p>Text.</p></body></html>", url)
    assert authors(p, "Dr. Jonas Keller") == (["Jonas Keller"], Origin(K.SITE_NAME, "site owner"))
    # The same name without a title: a Person elsewhere on the page says it is one.
    person = ld({"@type": "Person", "name": "Jonas Keller"})
    head = f'<meta property="og:site_name" content="Jonas Keller">{person}'
    p = parse_page(f"<html><head>{head}</head><body><p>Text.</p></body></html>", url)
    assert authors(p, "Jonas Keller") == (["Jonas Keller"], Origin(K.SITE_NAME, "site owner"))


def test_magazine_named_like_a_person_is_no_site_owner() -> None:
    head = '<meta property="og:site_name" content="Creative Harbour">'
    html = f"<html><head>{head}</head><body><p>Text.</p></body></html>"
    p = parse_page(html, "https://creativeharbour.example/news/1")
    assert authors(p, "Creative Harbour") == ([], None)


def test_an_account_name_in_metadata_gives_way_to_the_printed_byline() -> None:
    head = '<div itemprop="author" itemscope><span itemprop="name">user4711</span></div>'
    body = head + '<div class="byline">Lucie Fontaine</div><p>Texte.</p>'
    assert authors(page(body=body, lang="fr")) == (["Lucie Fontaine"], Origin(K.PAGE, "microdata"))


@pytest.mark.parametrize(
    ("dateline", "byline", "expected"),
    [
        ("Berlin (dpa) – Der Bundestag hat am Donnerstag", "", ["dpa"]),
        ("WASHINGTON (AP) — The Senate voted on Thursday", "", ["AP"]),
        ("KYIV, Dec 24 (Reuters) - The parliament voted", "", ["Reuters"]),
        ("Berlin/Frankfurt (dpa/AFP) - Beide Städte", "", ["dpa", "AFP"]),
        # A byline names the writer: the dateline adds nothing to it.
        ("PARIS (AFP) - Le Sénat a adopté jeudi", "Par Jeanne Martin", ["Jeanne Martin"]),
        # Only an agency is credited by a dateline.
        ("Berlin (Tagesspiegel) – Der Bundestag hat", "", []),
    ],
)
def test_a_dateline_credits_its_agency_where_no_byline_names_anyone(
    dateline: str, byline: str, expected: list[str]
) -> None:
    from digest.extract import extract_page

    html = (
        f"<html><head><title>Ein Titel</title></head><body><article><h1>Ein Titel</h1>"
        f"{f'<p class=byline>{byline}</p>' if byline else ''}"
        f"<p>{dateline} ein neues Gesetz beschlossen, das die Mieten in den Städten begrenzt.</p>"
        "<p>Der zweite Absatz nennt weitere Einzelheiten über das Gesetz und die Abstimmung.</p>"
        "</article></body></html>"
    )
    assert list(extract_page(html.encode(), "https://news.example.com/a").authors) == expected


@pytest.mark.parametrize(
    ("closing", "byline", "expected"),
    [
        ("Reporting by The Associated Press.", "", ["The Associated Press"]),
        ("Quelle: kathpress", "", ["kathpress"]),
        ("Die Zyste könne sich jederzeit neu bilden, hieß es. (FR mit dpa)", "", ["dpa"]),
        ("Le Sénat doit encore se prononcer. (avec AFP)", "", ["AFP"]),
        ("(Con información de AFP, EFE y Reuters)", "", ["AFP", "EFE", "Reuters"]),
        # A byline names the writer: the closing credit adds nothing to it.
        ("(avec AFP)", "Par Jeanne Martin", ["Jeanne Martin"]),
        # Only agencies: no reporter, editor, picture or source of the information.
        ("Reporting by Jana Muster; Editing by Jim Roe", "", []),
        ("Quelle: Universität Beispielstadt", "", []),
        ("Rubriklistenbild: © KCNA/dpa", "", []),
        ("(Foto: dpa)", "", []),
    ],
)
def test_a_closing_credit_names_its_agency_where_no_byline_names_anyone(
    closing: str, byline: str, expected: list[str]
) -> None:
    from digest.extract import extract_page

    html = (
        f"<html><head><title>Ein Titel</title></head><body><article><h1>Ein Titel</h1>"
        f"{f'<p class=byline>{byline}</p>' if byline else ''}"
        "<p>Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, das die Mieten in den "
        "Städten begrenzt.</p>"
        "<p>Der zweite Absatz nennt weitere Einzelheiten über das Gesetz und die Abstimmung.</p>"
        f"<p>{closing}</p></article></body></html>"
    )
    assert list(extract_page(html.encode(), "https://news.example.com/a").authors) == expected


def test_a_teasers_writer_inside_its_link_is_no_byline() -> None:
    teaser = (
        '<div class="sidebar"><a href="/politik/olaf"><h3>Die wunderbare Wandlung des Olaf Scholz'
        ' zum grünen Olaf</h3><div class="author-name">Von Andreas Beispiel</div></a></div>'
    )
    body = f"<article><h1>Ein Titel</h1><p>Ein langer Absatz des Artikels.</p>{teaser}</article>"
    assert authors(page(body=body, lang="de")) == ([], None)
    # A link to the writer's page around the byline is the byline all the same.
    body = '<article><a href="/autor/jana"><span class="author">Jana Muster</span></a></article>'
    assert authors(page(body=body, lang="de"))[0] == ["Jana Muster"]


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        ("Provided by University of Exampleton", ["University of Exampleton"]),
        (
            "Materials provided by Example Medical School. Original written by Jane Roe. Note: "
            "Content may be edited for style and length.\n\nCite This Page:",
            ["Example Medical School"],
        ),
        ("Market data provided by FactSet 2023.", []),  # mid-sentence data credit, a date
        ("provided by the city's parks department", []),  # no name: a lower-case phrase
    ],
)
def test_a_press_release_credits_its_provider_where_no_byline_names_anyone(
    closing: str, expected: list[str]
) -> None:
    text = (
        "Researchers at the university found that jellyfish regrow their tentacles in days.\n\n"
        f"The second paragraph gives more details about the study.\n\n{closing}"
    )
    assert cascade.find_authors(page(), None, text)[0] == expected
