"""Parse a page once into a view every field extractor reads: DOM, meta tags, JSON-LD."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from digest import webtext

# Work is bounded: a page larger than this is cut before parsing (real articles are far smaller;
# the tail of a giant page is comments, scripts and footers).
MAX_HTML_CHARS = 3_000_000
_MAX_JSON_LD_CHARS = 400_000

_ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "blogposting",
    "socialmediaposting", "liveblogposting", "scholarlyarticle", "techarticle", "report",
    "medicalscholarlyarticle", "review", "criticreview", "advertisercontentarticle",
    "satiricalarticle", "posting", "discussionforumposting", "creativework", "podcastepisode",
    "videoobject", "recipe", "howto", "webpage", "itempage", "medicalwebpage",
}  # fmt: skip
_NEWS_TYPES = _ARTICLE_TYPES - {"webpage", "itempage", "medicalwebpage", "creativework"}
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


# A Wayback Machine snapshot: https://web.archive.org/web/20120216182711/http://example.com/a
_ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/\d+[a-z_]*/(https?://.+)$", re.IGNORECASE)


@dataclass
class ParsedPage:
    """One page, parsed once: the lxml tree plus pre-computed metadata views."""

    url: str
    tree: HtmlElement
    meta: dict[str, list[str]] = field(default_factory=dict)
    json_ld: list[dict[str, object]] = field(default_factory=list)
    html_lang: str | None = None
    # Results that several cascades ask for, computed once per page.
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def host(self) -> str:
        """The URL's host without a leading www; for an archived copy, the original's host."""
        archived = _ARCHIVED.match(self.url)
        host = urlsplit(archived.group(1) if archived else self.url).hostname or ""
        return host.removeprefix("www.")

    def first_meta(self, *keys: str) -> tuple[str, str] | None:
        """The first non-empty meta value among `keys` (lower-case), with the key it came from."""
        for key in keys:
            for value in self.meta.get(key, ()):
                if value.strip():
                    return key, value.strip()
        return None

    def articles(self) -> list[dict[str, object]]:
        """JSON-LD objects that describe an article, news kinds before generic pages."""
        news = [o for o in self.json_ld if _types(o) & _NEWS_TYPES]
        pages = [o for o in self.json_ld if _types(o) & (_ARTICLE_TYPES - _NEWS_TYPES)]
        return news + pages

    def resolve(self, value: object) -> object:
        """Replace {"@id": ...} references (Yoast's @graph) by the objects they point to."""
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if isinstance(value, dict) and "@id" in value and len(value) <= 2 and "name" not in value:
            for obj in self.json_ld:
                if obj.get("@id") == value["@id"] and obj is not value:
                    return obj
        return value

    def of_type(self, *names: str) -> list[dict[str, object]]:
        """JSON-LD objects whose @type is one of `names` (case-insensitive)."""
        wanted = {n.lower() for n in names}
        return [o for o in self.json_ld if _types(o) & wanted]


def parse_page(html: str, url: str) -> ParsedPage:
    """Parse decoded HTML into a ParsedPage (an empty tree for an empty or broken page)."""
    from lxml.html import HTMLParser, document_fromstring, fromstring

    html = _close_noscript_iframes(webtext.html(html[:MAX_HTML_CHARS]))
    # lxml refuses str input that carries an XML encoding declaration
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    parser = HTMLParser(collect_ids=False, remove_comments=True, remove_pis=True)
    try:
        tree = document_fromstring(html, parser=parser) if html.strip() else None
    except Exception:  # lxml raises bare ParserError/ValueError on junk; treat as empty
        tree = None
    if tree is None:
        tree = fromstring("<html><head></head><body></body></html>")
    page = ParsedPage(url=url, tree=tree)
    page.meta = _meta_tags(tree)
    page.json_ld = list(_json_ld_objects(tree))
    lang = tree.get("lang") or tree.get("xml:lang") or ""
    page.html_lang = lang.strip() or None
    return page


_NOSCRIPT_OPEN = re.compile(r"<noscript\b", re.I)
_NOSCRIPT = re.compile(r"(<noscript\b[^>]*>)(.*?)(</noscript\s*>)", re.I | re.S)
_IFRAME_OPEN = re.compile(r"<iframe\b", re.I)
_IFRAME_CLOSE = re.compile(r"</iframe\s*>", re.I)


def _close_noscript_iframes(html: str) -> str:
    """Close an <iframe> left open inside <noscript> (a tag manager's fallback pasted without
    its end tag): the parser reads an iframe's content as text up to the next </iframe>, so the
    page's scripts and data would otherwise become body text."""
    if not _NOSCRIPT_OPEN.search(html):
        return html

    def close(m: re.Match[str]) -> str:
        inner = m.group(2)
        if _IFRAME_OPEN.search(inner) and not _IFRAME_CLOSE.search(inner):
            return m.group(1) + inner + "</iframe>" + m.group(3)
        return m.group(0)

    return _NOSCRIPT.sub(close, html)


def _meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    meta: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        content = el.get("content")
        if content is None:
            continue
        for attr in ("name", "property", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                for part in key.lower().split():  # property="og:title twitter:title" happens
                    meta.setdefault(part.strip(), []).append(content)
    return meta


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, object]]:
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = (script.text or "").strip()[:_MAX_JSON_LD_CHARS]
        data = _load_json(raw)
        if data is not None:
            yield from _flatten(data, depth=0)


def _load_json(raw: str) -> object | None:
    if not raw:
        return None
    raw = raw.removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
    for attempt in (raw, _TRAILING_COMMA.sub(r"\1", raw)):
        try:
            data: object = json.loads(attempt, strict=False)
            return webtext.structure(data)  # "\ud800" and "\u001b" are valid JSON escapes
        except ValueError:
            continue
    return None


def _flatten(data: object, depth: int) -> Iterator[dict[str, object]]:
    """Every typed object in a JSON-LD payload: lists, @graph and mainEntity unrolled."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        if "@type" in data:
            yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if key in data and isinstance(data[key], list | dict):
                yield from _flatten(data[key], depth + 1)


def _types(obj: dict[str, object]) -> set[str]:
    raw = obj.get("@type")
    items = raw if isinstance(raw, list) else [raw]
    return {str(t).lower().rsplit("/", 1)[-1] for t in items if t}
