"""Feeds, a home page, OPML, bookmarks and a Pocket export written for the inbox tests.

`feed_server()` serves them from a real HTTP server on 127.0.0.1; `review(folder, server)` writes
a sources.yaml whose feeds point at it, with the curator's comments that edits must keep.
"""

from __future__ import annotations

from pathlib import Path

from tests.webserver import WebServer, page_handler

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>City Lab</title><link>http://127.0.0.1/</link><language>en</language>
<item><title>Social innovation in small towns</title>
  <link>{base}/2026/11/small-towns.html?utm_source=rss&amp;utm_medium=feed</link>
  <description>&lt;p&gt;How &lt;b&gt;social innovation&lt;/b&gt; reaches the small towns.&lt;/p&gt;</description>
  <pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item>
<item><title>The derby ends in a draw</title>
  <link>{base}/2026/11/derby.html</link>
  <description>Sport: a social innovation of the terraces.</description>
  <pubDate>Sun, 29 Nov 2026 20:00:00 GMT</pubDate></item>
<item><title>Transport and social innovation</title>
  <link>{base}/2026/11/transport.html</link>
  <description>Buses on demand.</description>
  <pubDate>Sat, 28 Nov 2026 10:00:00 GMT</pubDate></item>
<item><title>An entry without a link</title>
  <description>Social innovation, but where?</description></item>
<item><title>Gardening tips</title><link>{base}/2026/11/garden.html</link>
  <pubDate>Fri, 27 Nov 2026 10:00:00 GMT</pubDate></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
<title>Le blog des tiers-lieux</title><id>urn:blog</id><updated>2026-11-29T00:00:00Z</updated>
<entry><title>Un tiers-lieu à la campagne</title><id>urn:1</id>
  <link rel="alternate" href="{base}/blog/tiers-lieu.html#xtor=RSS-3"/>
  <updated>2026-11-29T09:00:00Z</updated><summary>Ouvert à tous.</summary></entry>
<entry><title>Already featured</title><id>urn:2</id>
  <link rel="alternate" href="{base}/blog/old.html"/>
  <updated>2026-11-26T09:00:00Z</updated><summary>Déjà cité.</summary></entry>
</feed>
"""

JSON_FEED = """{{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Talents weekly",
  "language": "en",
  "items": [
    {{"id": "1", "url": "{base}/talents/one.html", "title": "Looking for social talents",
     "summary": "Where the talents are.", "date_published": "2026-11-25T10:00:00+01:00"}},
    {{"id": "2", "content_text": "No URL at all."}}
  ]
}}
"""

HOME = """<!doctype html><html><head><title>Home of the talents</title>
<link rel="alternate" type="application/feed+json" title="Talents" href="/talents/feed.json">
</head><body><p>Welcome.</p></body></html>
"""

OPML = """<?xml version="1.0"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
<outline text="Cities"><outline text="City Lab" type="rss" xmlUrl="{base}/rss.xml"/></outline>
<outline text="Blog" type="rss" xmlUrl="{base}/atom.xml"/>
</body></opml>
"""

BOOKMARKS = """<!DOCTYPE NETSCAPE-Bookmark-file-1>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3 ADD_DATE="1764000000">Social as an ambition</H3>
    <DL><p>
        <DT><A HREF="https://news.example.org/ambition.html?fbclid=xyz" ADD_DATE="1795936000">Ambition</A>
        <DT><A HREF="javascript:alert(1)">A bookmarklet</A>
    </DL><p>
    <DT><A HREF="https://news.example.org/loose.html" ADD_DATE="1795836000">Loose link</A>
</DL><p>
"""

POCKET = """title,url,time_added,tags,status
Talents at work,https://news.example.org/talents-at-work.html,1796036000,looking for social talents|work,unread
No link here,,1764500001,,unread
"""

MALFORMED = b"<?xml version='1.0'?><rss version='2.0'><channel><title>Broken</title><item><title>A"


def big_feed(base: str, count: int) -> bytes:
    """An RSS feed of `count` entries, the newest first."""
    items = "".join(
        f"<item><title>Entry {i}</title><link>{base}/big/{i}.html</link>"
        f"<pubDate>{_rfc822(i)}</pubDate></item>"
        for i in range(count)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>{items}</channel></rss>'.encode()


def _rfc822(i: int) -> str:
    # Entry 0 is the newest: one minute apart, counting back from 1 December 2026.
    import datetime as dt
    import email.utils

    when = dt.datetime(2026, 12, 1, tzinfo=dt.UTC) - dt.timedelta(minutes=i)
    return email.utils.format_datetime(when, usegmt=True)


def feed_server(server: WebServer, *, big: int = 10_000) -> str:
    """Serve every document on `server`; return its base URL."""
    base = server.url("").rstrip("/")
    server.route(
        "/rss.xml",
        page_handler(RSS.format(base=base), "application/rss+xml; charset=utf-8", etag='"rss-1"'),
    )
    server.page("/atom.xml", ATOM.format(base=base), "application/atom+xml")
    server.page("/talents/feed.json", JSON_FEED.format(base=base), "application/feed+json")
    server.page("/talents/", HOME, "text/html; charset=utf-8")
    server.page("/plain.html", "<!doctype html><html><head><title>x</title></head></html>")
    server.page("/list.opml", OPML.format(base=base), "text/x-opml")
    server.page("/broken.xml", MALFORMED, "application/rss+xml")
    server.page("/big.xml", big_feed(base, big), "application/rss+xml")
    return base


SOURCES = """\
# The curator's review: these comments must survive every edit.
digest:
  title: "Cities, citizens and technologies"
  language: en
  themes: [Innovation and the city, Social as an ambition, Looking for social talents]
  fetch: {{delay: 0.01, retries: 1, backoff: 0.01}}   # the test server is fast

editions:
  2026-W45:
    intro: An earlier edition.

sources:
  - url: {base}/blog/old.html   # featured in W45
    added: 2026-11-02
    theme: Innovation and the city

feeds:   # where the inbox comes from
  - url: {base}/rss.xml
    theme: Innovation and the city
    keywords: [social innovation]
    exclude: [sport]             # not 'transport'
  - url: {base}/atom.xml          # French blog
    language: fr
  - url: {base}/talents/          # a home page that declares its feed
    theme: Looking for social talents
"""


def review(folder: Path, base: str, text: str = SOURCES) -> Path:
    """A working folder with sources.yaml; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "sources.yaml"
    path.write_text(text.format(base=base), encoding="utf-8")
    return path


ARTICLE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta name="author" content="Ann Lee"><meta property="og:site_name" content="City Lab">
<meta property="article:published_time" content="2026-11-28T08:00:00Z"></head>
<body><article><h1>{title}</h1><p class="byline">By Ann Lee</p>
<p>{title} is the story of a town that decided to try something new with its empty shops,
its old station and the people who had left and came back to live there again.</p>
<p>"We wanted a place where everyone is welcome," said Maria Costa, who runs the project.</p>
<p>The council gave the building for a symbolic rent, and the neighbours did the rest, one
weekend at a time, until the doors opened in the spring of this year.</p>
</article></body></html>
"""

ARTICLES = {
    "/2026/11/small-towns.html": ("Social innovation in small towns", "en"),
    "/2026/11/transport.html": ("Transport and social innovation", "en"),
    "/blog/tiers-lieu.html": ("Un tiers-lieu à la campagne", "fr"),
    "/talents/one.html": ("Looking for social talents", "en"),
    "/blog/old.html": ("Already featured", "en"),
}


def serve_articles(server: WebServer) -> None:
    """The articles the feeds point to, for `digest fetch`."""
    for path, (title, lang) in ARTICLES.items():
        server.page(path, ARTICLE.format(title=title, lang=lang))
