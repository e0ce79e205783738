"""Main text through trafilatura, keeping paragraphs; the article's own blockquotes."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

_EMBED_CLASS = re.compile(
    r"twitter|tweet|instagram|tiktok|facebook|fb-|reddit|bluesky|mastodon|threads|embed|"
    r"social|imgur|giphy",
    re.IGNORECASE,
)
_WS = re.compile(r"[ \t\r\f\v\u00a0]+")


# Embedded posts are someone else's words, not the article's: pruned before extraction.
_EMBEDS = (
    "//blockquote[contains(@class, 'twitter') or contains(@class, 'instagram')"
    " or contains(@class, 'tiktok') or contains(@class, 'reddit') or contains(@class, 'bluesky')"
    " or contains(@class, 'mastodon') or contains(@class, 'threads') or contains(@class, 'fb-')]"
)


def main_text(tree: HtmlElement, url: str, title: str | None = None) -> str:
    """The article body as paragraphs separated by blank lines ('' when none is found)."""
    from trafilatura import bare_extraction

    document = bare_extraction(
        tree,
        url=url or None,
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        prune_xpath=_EMBEDS,
    )
    raw = getattr(document, "text", None) or ""
    paragraphs = [p for p in (_WS.sub(" ", line).strip() for line in raw.splitlines()) if p]
    if title and paragraphs and _flat(paragraphs[0]).casefold() == _flat(title).casefold():
        paragraphs = paragraphs[1:]  # the headline is the title, not body text
    return "\n\n".join(paragraphs)


def blockquotes(tree: HtmlElement, text: str) -> list[str]:
    """Texts of the page's <blockquote>s that belong to the article body, embeds left out."""
    found: list[str] = []
    flat = _flat(text)
    for quote in tree.iter("blockquote"):
        attrs = " ".join(filter(None, (quote.get("class"), quote.get("id"))))
        if _EMBED_CLASS.search(attrs) or _is_embed(quote):
            continue
        content = _WS.sub(" ", quote.text_content()).strip()
        if len(content) < 20 or _flat(content)[:60] not in flat:
            continue  # not in the main text: a sidebar, a comment or a widget
        if content not in found:
            found.append(content)
    return found


def _is_embed(quote: HtmlElement) -> bool:
    for link in quote.iter("a"):
        href = link.get("href") or ""
        if re.search(r"(?:twitter|x|instagram|tiktok|facebook)\.com/", href):
            return True
    return False


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


__all__ = ["blockquotes", "main_text"]
