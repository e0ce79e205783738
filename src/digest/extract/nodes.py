"""Reading text out of parsed HTML: the helpers the metadata cascades share."""

from __future__ import annotations

import re
import unicodedata

from lxml.html import HtmlElement

WS = re.compile(r"\s+")


def text_of(el: HtmlElement, sep: str = "") -> str:
    # text_content() would include inline <style> and <script> bodies (CSS-in-JS bylines)
    parts = el.xpath(".//text()[not(ancestor::style) and not(ancestor::script)]")
    if sep.strip():
        parts = [p for p in parts if str(p).strip()]
    return clean_text(sep.join(str(p) for p in parts))


def longer_than(el: HtmlElement, limit: int) -> bool:
    """Whether the element holds more than `limit` characters, reading no further than that."""
    seen = 0
    for piece in el.itertext():
        seen += len(piece)
        if seen > limit:
            return True
    return False


def clean_text(value: str) -> str:
    import html

    return WS.sub(" ", html.unescape(value)).strip()


def folded(value: str) -> str:
    value = unicodedata.normalize("NFKC", value).casefold()
    value = re.sub(r"[\"'“”‘’«»„‚`´]", "", value)
    return WS.sub(" ", value).strip()


def compact_key(value: str) -> str:
    value = unicodedata.normalize("NFKD", value.casefold())
    value = "".join(ch for ch in value if not unicodedata.combining(ch))
    value = re.sub(r"^the\s+", "", value)
    return re.sub(r"\W+", "", value)


# Class tokens that start a sidebar or a list of other articles ("related-posts", "sidebar").
_ASIDE_CLASS = re.compile(
    r"(?:^|\s)(?:related|recommend|sidebar|widget|popular|trending)"
    r"|(?:^|\s)(?:comments|comment-list|comments-area|footer|site-footer)(?:$|\s)",
    re.I,
)


def in_aside(el: HtmlElement) -> bool:
    """Inside a footer, sidebar, navigation, comment list or list of other articles.

    Class names are only trusted outside an <article>: themes call the article's own
    column "sidebar" or "content-sidebar" more often than one would think.
    """
    marked = False
    parent = el.getparent()
    while parent is not None:
        if parent.tag in ("footer", "aside", "nav"):
            return True
        if parent.tag in ("article", "main"):
            return False
        names = " ".join(filter(None, (parent.get("class"), parent.get("id"))))
        marked = marked or bool(_ASIDE_CLASS.search(names))
        parent = parent.getparent()
    return marked
