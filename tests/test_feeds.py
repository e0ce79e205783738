"""Feed formats and filters (digest.feeds) and imported files (digest.importing), without a server."""

from __future__ import annotations

import pytest

from digest import feeds, importing, urls
from digest.config import Feed
from digest.errors import UsageError
from digest.feeds import Entry

RSS_1 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example/"><title>RDF site</title><link>https://rdf.example/</link>
<description>x</description><dc:language>de</dc:language></channel>
<item rdf:about="https://rdf.example/a"><title>Erstes Stück</title><link>https://rdf.example/a</link>
<dc:date>2026-11-20T10:00:00Z</dc:date></item>
</rdf:RDF>
""".encode()

RSS_091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title>
<link>https://old.example/</link><description>x</description><language>en-us</language>
<item><title>Relative &amp; old</title><link>/2026/story.html</link>
<description>&lt;script&gt;alert(1)&lt;/script&gt;Text \x1b[31mred</description></item>
</channel></rss>
"""

ATOM_ID_ONLY = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Ids</title><id>urn:x</id><updated>2026-11-01T00:00:00Z</updated>
<entry><title>By id</title><id>https://ids.example/post/1</id><updated>2026-11-02T00:00:00Z</updated></entry>
<entry><title>No way to it</title><id>urn:uuid:2</id><updated>2026-11-03T00:00:00Z</updated></entry>
</feed>
"""


def test_rss_1_0_with_its_dublin_core_date_and_language() -> None:
    document = feeds.read(RSS_1, "https://rdf.example/index.rdf", "application/rdf+xml")
    assert (document.kind, document.problem, document.title) == ("feed", None, "RDF site")
    assert document.entries == [
        Entry("https://rdf.example/a", "Erstes Stück", None, "2026-11-20T10:00:00+00:00", "de")
    ]


def test_rss_0_91_relative_links_and_summaries_made_plain() -> None:
    document = feeds.read(RSS_091, "https://old.example/rss", None)
    assert document.entries == [
        Entry("https://old.example/2026/story.html", "Relative & old", "Text [31mred", None, "en")
    ]


def test_atom_entry_found_by_its_id_and_one_without_a_link() -> None:
    document = feeds.read(ATOM_ID_ONLY, "https://ids.example/atom", "application/atom+xml")
    assert [e.url for e in document.entries] == ["https://ids.example/post/1"]
    assert document.without_link == 1


def test_json_feed_1_0_with_external_url_and_a_bad_one() -> None:
    body = (
        b'{"version": "https://jsonfeed.org/version/1", "title": "J", "items": ['
        b'{"id": "1", "external_url": "https://elsewhere.example/x", "title": "Linked", '
        b'"date_published": "2026-11-20T10:00:00-05:00", "content_html": "<p>Hi <b>there</b></p>"}]}'
    )
    document = feeds.read(body, "https://j.example/feed.json", "application/json")
    assert document.entries == [
        Entry("https://elsewhere.example/x", "Linked", "Hi there", "2026-11-20T15:00:00+00:00")
    ]
    bad = feeds.read(b'{"items": []}', "https://j.example/feed.json", "application/json")
    assert bad.problem == "not a feed: JSON without a jsonfeed.org version and items"


def test_feed_text_is_web_text() -> None:
    # JSON escapes can carry what XML cannot: a lone surrogate, a bidi override, an escape.
    body = (
        b'{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{"id": "1",'
        b' "url": "https://j.example/1", "title": "Lone \\ud800 \\u202eover\\u200bride \\u001b[8m",'
        b' "content_text": "Zero\\ufeffwidth\\u2060 words"}]}'
    )
    document = feeds.read(body, "https://j.example/feed.json", "application/json")
    assert document.entries == [
        Entry("https://j.example/1", "Lone override [8m", "Zerowidth words")
    ]


def test_text_that_is_no_feed_at_all() -> None:
    document = feeds.read(b"just words", "https://x.example/feed", "text/plain")
    assert document.problem is not None
    assert document.problem.startswith("not a feed: ")


def test_keywords_are_whole_words_without_case_or_accents() -> None:
    entries = [
        Entry("https://a.example/1", "Un TIERS-LIEU à Lyon"),
        Entry("https://a.example/2", "Transport: the new buses"),
        Entry("https://a.example/3", "Sport and the city"),
        Entry("https://a.example/4", "Cafés", "Innovation sociale au café"),
    ]
    feed = Feed(1, 1, "https://a.example/feed", keywords=("tiers-lieu", "innovation sociale",
                "transport", "sport"), exclude=("sport",))  # fmt: skip
    assert [e.url[-1] for e in feeds.keep(entries, feed)] == ["1", "2", "4"]


def test_language_from_the_feed_or_else_identified_from_the_text() -> None:
    entries = [
        Entry("https://a.example/1", "Declared English", language="en"),
        Entry("https://a.example/2", "La ville du quart d'heure à l'épreuve des quartiers",
              "Les habitants des quartiers populaires racontent leur quotidien."),
        Entry("https://a.example/3", "The city of fifteen minutes, tested by its neighbourhoods",
              "Residents of the poorer districts tell us about their daily lives."),
    ]  # fmt: skip
    feed = Feed(1, 1, "https://a.example/feed", language="fr")
    assert [e.url[-1] for e in feeds.keep(entries, feed)] == ["2"]


def test_the_newest_entries_within_the_bound() -> None:
    entries = [Entry(f"https://a.example/{i}", published=f"2026-11-{i:02d}") for i in (3, 9, 1, 5)]
    feed = Feed(1, 1, "https://a.example/feed", max_entries=2)
    assert [e.url for e in feeds.keep(entries, feed)] == [
        "https://a.example/9",
        "https://a.example/5",
    ]


def test_without_tracking_keeps_the_url_as_written() -> None:
    assert (
        urls.without_tracking("https://News.example/a?id=3&utm_source=rss&fbclid=x#xtor=RSS-3")
        == "https://News.example/a?id=3"
    )
    assert urls.without_tracking("https://news.example/a#section-2") == (
        "https://news.example/a#section-2"
    )


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("export.html", "<!DOCTYPE NETSCAPE-Bookmark-file-1><DL>", "bookmarks"),
        ("subs.xml", '<?xml version="1.0"?><opml version="1.0">', "opml"),
        ("feeds.opml", "", "opml"),
        ("part_000000.csv", "title,url,time_added,tags,status\n", "pocket"),
        ("export", "title,url,time_added,tags,status\n", "pocket"),
        ("links.txt", "https://a.example/\n", "urls"),
    ],
)
def test_detect_formats(name: str, text: str, expected: str) -> None:
    assert importing.detect(name, text) == expected


def test_bookmarks_folders_nest_and_the_innermost_wins() -> None:
    text = (
        "<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p>"
        "<DT><H3>Work</H3><DL><p>"
        "<DT><H3>Cities</H3><DL><p><DT><A HREF='https://a.example/1'>One</A></DL><p>"
        "<DT><A HREF='https://a.example/2'>Two</A>"
        "</DL><p><DT><A HREF='https://a.example/3'>Three</A></DL>"
    )
    collected = importing.read("b.html", text.encode(), "bookmarks")
    assert [(s.url, s.title, s.theme) for s in collected.links] == [
        ("https://a.example/1", "One", "Cities"),
        ("https://a.example/2", "Two", "Work"),
        ("https://a.example/3", "Three", None),
    ]


def test_an_unknown_format_and_a_file_that_is_not_utf8() -> None:
    with pytest.raises(UsageError, match="unknown format 'rss'; choose one of auto, bookmarks"):
        importing.read("a.txt", b"", "rss")
    with pytest.raises(UsageError, match=r"^a.txt: not UTF-8 \(byte 0\); save it as UTF-8$"):
        importing.read("a.txt", b"\xff\xfe", "auto")


def test_one_key_for_the_urls_of_one_article() -> None:
    same = [
        "http://www.news.example/2026/a/?utm_source=x#top",
        "https://news.example/2026/a",
        "HTTPS://News.Example:443/2026/a/",
    ]
    assert {urls.article_key(u) for u in same} == {"https://news.example/2026/a"}
    assert urls.article_key("https://news.example/") == "https://news.example/"
    assert urls.article_key("https://news.example/2026/a?page=2") != urls.article_key(same[1])


def test_a_long_feed_is_cut_after_its_first_entries_and_closed_again() -> None:
    entries = b"".join(
        b'<entry><title>E%d</title><id>urn:%d</id><link href="https://a.example/%d"/></entry>'
        % (i, i, i)
        for i in range(10)
    )
    atom = b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
    document = feeds.read(atom + entries + b"</feed>", "https://a.example/atom", None,
                          max_entries=3)  # fmt: skip
    assert (document.total, document.problem) == (10, None)
    assert [e.url for e in document.entries] == [f"https://a.example/{i}" for i in range(3)]


def test_a_malformed_feed_with_entries_is_read_leniently_and_says_so() -> None:
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T &nbsp; x</title>'
        b"<item><title>One</title><link>https://a.example/1</link></item>"
        b"<item><title>Two &amp broken</title><link>https://a.example/2</link></item>"
        b"</channel></rss>"
    )
    document = feeds.read(body, "https://a.example/rss", "application/rss+xml")
    assert [e.url for e in document.entries] == ["https://a.example/1", "https://a.example/2"]
    assert document.problem is None
    assert document.warning == "malformed feed, read leniently: undefined entity (line 1)"
