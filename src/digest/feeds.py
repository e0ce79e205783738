"""Feeds: read what a feed URL answers (RSS, Atom, JSON Feed, an OPML list or a home page) and
keep the entries a curator asked for. Pure: bytes in, entries out; fetching is fetch.py's job.

feedparser reads RSS 0.9x/1.0/2.0 and Atom; it does not read JSON Feed, which is plain JSON and
read here with the json module; listparser reads OPML.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from digest import webtext
from digest.config import Feed

SUMMARY_CHARS = 500  # a candidate's summary is a reminder, not the article
MAX_DECLARED = 3  # feeds followed from one home page (posts, and often comments or a category)
FEED_LINK_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
)
_TAG = re.compile(r"<[^>]+>")
_ROOT = re.compile(rb"<((?:[\w-]+:)?(?:rss|feed|RDF))[\s>]")
_ENTRY_END = re.compile(rb"</(?:[\w-]+:)?(?:item|entry)\s*>")


@dataclass(frozen=True)
class Entry:
    """One entry of a feed, reduced to what a candidate needs."""

    url: str
    title: str | None = None
    summary: str | None = None
    published: str | None = None  # ISO datetime (UTC) or date
    language: str | None = None


@dataclass
class Document:
    """What a feed URL answered: a feed's entries, or links to follow (OPML, home page)."""

    kind: str  # feed | opml | page
    title: str | None = None
    entries: list[Entry] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # feeds an OPML list or a home page names
    without_link: int = 0  # entries that name no article
    problem: str | None = None  # why nothing could be read
    total: int | None = None  # entries in the document, when more than were read
    warning: str | None = None  # read, but not as written (a malformed feed read leniently)


def read(
    body: bytes, url: str, content_type: str | None = None, *, max_entries: int | None = None
) -> Document:
    """Read a feed, an OPML list or an HTML page from its bytes (at most `max_entries`)."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    if head.startswith(b"{") or mime in ("application/feed+json", "application/json"):
        return _json_feed(body, url)
    if b"<opml" in head:
        return _opml(body, url)
    if mime in ("text/html", "application/xhtml+xml") or head.startswith(
        (b"<!doctype html", b"<html")
    ):
        return _page(body, url)
    return _xml_feed(body, url, content_type, max_entries)


# ---------------------------------------------------------------------- the formats


def _xml_feed(body: bytes, url: str, content_type: str | None, max_entries: int | None) -> Document:
    import feedparser

    total: int | None = None
    if max_entries is not None:
        body, total = _first_entries(body, max_entries)

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed: Any = feedparser.parse(body, response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        reason = _bozo_reason(parsed) or "neither RSS, Atom, JSON Feed nor OPML"
        return Document("feed", problem=f"not a feed: {reason}")
    document = Document("feed", title=_clean(parsed.feed.get("title")), total=total)
    feed_language = _language(parsed.feed.get("language"))
    for item in parsed.entries:
        link = _entry_link(item, url)
        if link is None:
            document.without_link += 1
            continue
        language = feed_language
        detail = item.get("summary_detail") or item.get("title_detail") or {}
        language = _language(detail.get("language")) or language
        document.entries.append(
            Entry(
                url=link,
                title=_clean(item.get("title")),
                summary=_summary(item.get("summary") or _first_content(item)),
                published=_struct_time(item.get("published_parsed") or item.get("updated_parsed")),
                language=language,
            )
        )
    if parsed.get("bozo") and _is_syntax_error(parsed.get("bozo_exception")):
        if document.entries:
            document.warning = f"malformed feed, read leniently: {_bozo_reason(parsed)}"
        else:
            document.problem = f"malformed feed: {_bozo_reason(parsed)}"
    elif not document.entries and parsed.get("bozo"):
        document.problem = f"malformed feed: {_bozo_reason(parsed)}"
    return document


def _is_syntax_error(exc: Any) -> bool:
    """An XML error, not one of feedparser's notes on a mislabelled charset or content type."""
    import xml.sax

    return isinstance(exc, xml.sax.SAXException)


def _first_entries(body: bytes, limit: int) -> tuple[bytes, int | None]:
    """The document cut after its `limit`-th entry, and how many it had, when it had more.

    feedparser needs about a millisecond per entry: a feed of 10,000 entries would cost more
    than the whole run. Feeds list their newest entries first, so the cut keeps those. The
    document is closed again, or feedparser would fall back to its far slower lenient parser.
    """
    ends = [m.end() for m in _ENTRY_END.finditer(body)]
    if len(ends) <= limit:
        return body, None
    root = _ROOT.search(body[:4096])
    closing = b""
    if root is not None:
        name = root.group(1)
        closing = b"</channel></" + name + b">" if name.endswith(b"rss") else b"</" + name + b">"
    return body[: ends[limit - 1]] + closing, len(ends)


def _entry_link(item: Any, base: str) -> str | None:
    link = item.get("link")
    if not link:
        for candidate in item.get("links") or []:
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"]
                break
    if not link and item.get("id", "").startswith(("http://", "https://")):
        link = item["id"]
    return _http_url(link, base)


def _json_feed(body: bytes, url: str) -> Document:
    """JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1)."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Document("feed", problem=f"malformed JSON Feed: {exc}")
    version = data.get("version") if isinstance(data, dict) else None
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(version, str) or "jsonfeed.org" not in version or not isinstance(items, list):
        return Document("feed", problem="not a feed: JSON without a jsonfeed.org version and items")
    document = Document("feed", title=_clean(data.get("title")))
    feed_language = _language(data.get("language"))
    for item in items:
        if not isinstance(item, dict):
            continue
        link = _http_url(item.get("url") or item.get("external_url"), url)
        if link is None:
            document.without_link += 1
            continue
        text = item.get("summary") or item.get("content_text") or item.get("content_html")
        document.entries.append(
            Entry(
                url=link,
                title=_clean(item.get("title")),
                summary=_summary(text if isinstance(text, str) else None),
                published=_iso(item.get("date_published") or item.get("date_modified")),
                language=_language(item.get("language")) or feed_language,
            )
        )
    return document


def _opml(body: bytes, url: str) -> Document:
    try:
        feeds = read_opml(body, url)
    except ValueError as exc:
        return Document("opml", problem=str(exc).removeprefix(f"{url}: "))
    return Document("opml", links=[link for link, _ in feeds])


def read_opml(body: bytes, where: str) -> list[tuple[str, str | None]]:
    """The feeds of an OPML list, with their title; ValueError saying why when there are none."""
    import listparser

    parsed: Any = listparser.parse(body)
    titles: dict[str, str | None] = {}
    for f in parsed.feeds:
        link = _http_url(f.get("url"), "")
        if link and link not in titles:
            titles[link] = _clean(f.get("title"))
    feeds = list(titles.items())
    if not feeds:
        reason = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise ValueError(f"{where}: an OPML list with no feed (outline xmlUrl=...){reason}")
    return feeds


def _page(body: bytes, url: str) -> Document:
    """A home page: the feeds it declares with <link rel="alternate" type="...">."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "lxml")
    links: list[str] = []
    for tag in soup.find_all("link", href=True):
        rel = tag.get("rel") or []
        rels = [r.lower() for r in (rel if isinstance(rel, list) else [rel])]
        kind = str(tag.get("type") or "").split(";")[0].strip().lower()
        if "alternate" in rels and kind in FEED_LINK_TYPES:
            link = _http_url(str(tag["href"]), url)
            if link:
                links.append(link)
    links = _unique(links)[:MAX_DECLARED]
    if not links:
        return Document(
            "page",
            problem='an HTML page that declares no feed (no <link rel="alternate" '
            'type="application/rss+xml"> or Atom/JSON Feed link)',
        )
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    return Document("page", title=title or None, links=links)


# ---------------------------------------------------------------------- keeping entries


def keep(entries: Sequence[Entry], feed: Feed) -> list[Entry]:
    """The newest `max_entries` entries that pass the feed's keywords, exclusions and language."""
    newest = sorted(
        enumerate(entries), key=lambda pair: (pair[1].published or "", -pair[0]), reverse=True
    )
    bounded = [entry for _, entry in newest[: feed.max_entries]]
    include = _patterns(feed.keywords)
    exclude = _patterns(feed.exclude)
    kept: list[Entry] = []
    for entry in bounded:
        text = _fold(f"{entry.title or ''} {entry.summary or ''}")
        if include and not any(p.search(text) for p in include):
            continue
        if any(p.search(text) for p in exclude):
            continue
        if feed.language and _entry_language(entry) != feed.language:
            continue
        kept.append(entry)
    return kept


def _patterns(words: Iterable[str]) -> list[re.Pattern[str]]:
    # Whole words: excluding "sport" must not drop an article about transport.
    return [re.compile(rf"(?<!\w){re.escape(_fold(w))}(?!\w)") for w in words]


def _fold(text: str) -> str:
    """Lower case without accents, so that 'tiers-lieu' matches 'Tiers-Lieu' and 'tiers‐lieu'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _entry_language(entry: Entry) -> str | None:
    if entry.language:
        return entry.language
    from digest.extract.language import identify

    found, _ = identify(f"{entry.title or ''}. {entry.summary or ''}")
    return found


# ---------------------------------------------------------------------- helpers


def _http_url(value: Any, base: str) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    link = urljoin(base, value.strip()) if base else value.strip()
    parts = urlsplit(link)
    return link if parts.scheme in ("http", "https") and parts.netloc else None


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    # Feed text is web text: no terminal escape, surrogate, bidi override or invisible character.
    return webtext.line(html.unescape(_TAG.sub(" ", value))) or None


def _summary(value: str | None) -> str | None:
    text = _clean(value)
    return webtext.cap(text, SUMMARY_CHARS) if text else text


def _first_content(item: Any) -> str | None:
    content = item.get("content") or []
    return content[0].get("value") if content else None


def _language(value: Any) -> str | None:
    from digest.extract.language import primary_subtag

    return primary_subtag(value) if isinstance(value, str) else None


def _struct_time(value: Any) -> str | None:
    if not value:
        return None
    try:
        year, month, day, hour, minute, second = value[:6]
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC).isoformat()
    except (TypeError, ValueError):
        return None


def _iso(value: Any) -> str | None:
    """An RFC 3339 date of a JSON Feed, in UTC."""
    if not isinstance(value, str):
        return None
    try:
        when = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def _bozo_reason(parsed: Any) -> str | None:
    exc = parsed.get("bozo_exception")
    if exc is None:
        return None
    text = str(getattr(exc, "getMessage", lambda: exc)())
    line = getattr(exc, "getLineNumber", lambda: None)()
    return f"{text} (line {line})" if line else text
