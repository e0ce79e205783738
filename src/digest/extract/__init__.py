"""Extraction: bytes and a URL in, an Article out (pure: no I/O, no network)."""

from __future__ import annotations

import re

from digest.extract.encoding import decode_html
from digest.models import Article, Quote
from digest.webtext import cleaned

__all__ = ["decode_html", "extract_page", "extract_text"]

_BYLINE_LINE = re.compile(r"^(?:by|par|von|por)\s+\S", re.IGNORECASE)


@cleaned
def extract_page(
    body: bytes, url: str, *, content_type: str | None = None, fetched_at: str | None = None
) -> Article:
    """Extract title, byline, publication, date, language, text and quotes from a page."""
    from digest.extract import access, dates, metadata, text
    from digest.extract import authors as author_cascade
    from digest.extract.language import identify
    from digest.extract.page import parse_page

    page = parse_page(decode_html(body, content_type), url)
    origins: dict[str, str] = {}
    publication = metadata.find_publication(page)
    sitenames = metadata.site_names(page)
    if publication:
        sitenames.append(publication[0])
        origins["publication"] = publication[1]
    title = metadata.find_title(page, sitenames)
    if title:
        origins["title"] = title[1]
    published = dates.find_published(page, fetched_at)
    if published:
        origins["published"] = published[1]
    canonical = metadata.find_canonical(page)
    # Blockquotes are read before trafilatura runs: it works on its own copy of the tree.
    body_text = text.main_text(page.tree, url, title[0] if title else None)
    authors, author_origin = author_cascade.find_authors(
        page, publication[0] if publication else None, body_text
    )
    if author_origin:
        origins["authors"] = author_origin
    sample = body_text or (title[0] if title else "")
    language, language_origin = identify(sample, page.html_lang)
    if language:
        origins["language"] = language_origin
    origins["text"] = "trafilatura"
    found = _quotes(body_text, language, text.blockquotes(page.tree, body_text), origins)
    return Article(
        url=url,
        title=title[0] if title else None,
        authors=tuple(authors),
        publication=publication[0] if publication else None,
        published=published[0] if published else None,
        language=language,
        text=body_text,
        quotes=tuple(found),
        canonical_url=canonical,
        origins=origins,
        paywalled=access.find_paywalled(page),
    )


@cleaned
def extract_text(text: str, *, url: str = "", language: str | None = None) -> Article:
    """Build an Article from plain text: paragraphs split by blank lines, headline first."""
    from digest.extract.bylines import normalise_authors
    from digest.extract.language import identify

    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    paragraphs = [p for p in paragraphs if p]
    title = paragraphs[0] if paragraphs else None
    origins = {"title": "first paragraph"} if title else {}
    authors: list[str] = []
    # A "By Jane Doe" line right under the headline is the byline, not body text.
    body_start = 1
    if len(paragraphs) > 1 and len(paragraphs[1]) < 120 and _BYLINE_LINE.match(paragraphs[1]):
        authors = normalise_authors(paragraphs[1])
        if authors:
            origins["authors"] = "byline"
            body_start = 2
    body = "\n\n".join(paragraphs[body_start:])
    if language:
        origins["language"] = "given"
    else:
        language, how = identify(body or (title or ""))
        if language:
            origins["language"] = how
    return Article(
        url=url,
        title=title,
        authors=tuple(authors),
        language=language,
        text=body,
        quotes=tuple(_quotes(text, language, (), origins)),
        origins=origins,
    )


def _quotes(
    text: str, language: str | None, blockquotes: list[str] | tuple[()], origins: dict[str, str]
) -> list[Quote]:
    """Quote candidates; a failure there costs the quotes, never the article's metadata."""
    from digest.extract import quotes

    try:
        return quotes.find_quotes(text, language, blockquotes)
    except Exception as err:  # the quote finder is heuristic code run on arbitrary text
        origins["quotes"] = f"failed: {type(err).__name__}: {err}"
        return []
