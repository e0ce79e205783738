"""Extraction: bytes and a URL in, an Article out (pure: no I/O, no network)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from digest.extract.encoding import decode_html
from digest.models import Article, Origin, OriginKind, Quote
from digest.webtext import cleaned

__all__ = ["decode_html", "extract_page", "extract_text"]

_BYLINE_LINE = r"^(?:{by})\s+\S"  # {by}: the byline labels of every language


@cleaned
def extract_page(
    body: bytes, url: str, *, content_type: str | None = None, fetched_at: str | None = None
) -> Article:
    """Extract title, byline, publication, date, language, text and quotes from a page.

    Each field's rules run on their own: an error in one loses that field, recorded in its
    origin, and the article keeps every other field.
    """
    from digest.extract import access, dates, metadata, text
    from digest.extract import authors as author_cascade
    from digest.extract.language import identify
    from digest.extract.page import parse_page

    page = parse_page(decode_html(body, content_type), url)
    origins: dict[str, Origin] = {}
    found = _Fields(origins)
    publication = found("publication", "publication rules", metadata.find_publication, page)
    sitenames = found.value("sitenames", "publication rules", metadata.site_names, page) or []
    if publication:
        sitenames.append(publication)
    title = found("title", "title rules", metadata.find_title, page, sitenames)
    published = found("published", "date rules", dates.find_published, page, fetched_at)
    canonical = found.value("canonical_url", "canonical URL rules", metadata.find_canonical, page)
    # Blockquotes are read before trafilatura runs: it works on its own copy of the tree.
    body_text = found.value("text", "text extraction", text.main_text, page.tree, url, title) or ""
    if "text" not in origins:
        origins["text"] = Origin(OriginKind.PAGE, "trafilatura")
    authors = found("authors", "byline rules", author_cascade.find_authors, page, publication,
                    body_text)  # fmt: skip
    sample = body_text or (title or "")
    language = found("language", "language rules", _language, identify, sample, page.html_lang)
    blockquotes = found.value("quotes", "quote rules", text.blockquotes, page.tree, body_text)
    quotes = _quotes(body_text, language, blockquotes or [], origins)
    return Article(
        url=url,
        title=title,
        authors=tuple(authors or ()),
        publication=publication,
        published=published,
        language=language,
        text=body_text,
        quotes=tuple(quotes),
        canonical_url=canonical,
        origins=origins,
        paywalled=found.value("paywalled", "paywall rules", access.find_paywalled, page),
    )


T = TypeVar("T")


class _Fields:
    """Runs one field's rules at a time, so that a failure costs that field only."""

    def __init__(self, origins: dict[str, Origin]) -> None:
        self.origins = origins

    def __call__(
        self, name: str, rules: str, find: Callable[..., tuple[T, Origin | None] | None], *args: Any
    ) -> T | None:
        """The value a cascade finds, its origin recorded under `name`."""
        found = self.value(name, rules, find, *args)
        if found is None:
            return None
        value, origin = found
        if origin is not None and value:
            self.origins[name] = origin
        return value

    def value(self, name: str, rules: str, find: Callable[..., T], *args: Any) -> T | None:
        """What `find` returns; None, and the error under `name`, when it raises."""
        try:
            return find(*args)
        except Exception as err:  # heuristic rules run on arbitrary pages: never lose the rest
            self.origins[name] = Origin(OriginKind.ERROR, f"{rules}: {type(err).__name__}: {err}")
            return None


def _language(
    identify: Callable[..., tuple[str | None, str]], sample: str, declared: str | None
) -> tuple[str | None, Origin]:
    language, how = identify(sample, declared)
    return language, Origin(_LANGUAGE_KINDS.get(how, OriginKind.PAGE), how)


# Where the language identifier found the language: declared in the markup, else the text.
_LANGUAGE_KINDS = {"html lang": OriginKind.META}


@cleaned
def extract_text(text: str, *, url: str = "", language: str | None = None) -> Article:
    """Build an Article from plain text: paragraphs split by blank lines, headline first."""
    from digest.extract.bylines import byline_rule, normalise_authors
    from digest.extract.language import identify

    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    paragraphs = [p for p in paragraphs if p]
    title = paragraphs[0] if paragraphs else None
    origins = {"title": Origin(OriginKind.PAGE, "first paragraph")} if title else {}
    authors: list[str] = []
    # A "By Jane Doe" line right under the headline is the byline, not body text.
    body_start = 1
    if (
        len(paragraphs) > 1
        and len(paragraphs[1]) < 120
        and byline_rule(_BYLINE_LINE).match(paragraphs[1])
    ):
        authors = normalise_authors(paragraphs[1])
        if authors:
            origins["authors"] = Origin(OriginKind.PAGE, "byline")
            body_start = 2
    body = "\n\n".join(paragraphs[body_start:])
    if language:
        origins["language"] = Origin(OriginKind.GIVEN)
    else:
        language, how = identify(body or (title or ""))
        if language:
            origins["language"] = Origin(_LANGUAGE_KINDS.get(how, OriginKind.PAGE), how)
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
    text: str, language: str | None, blockquotes: list[str] | tuple[()], origins: dict[str, Origin]
) -> list[Quote]:
    """Quote candidates; a failure there costs the quotes, never the article's metadata."""
    from digest.extract import quotes

    try:
        return quotes.find_quotes(text, language, blockquotes)
    except Exception as err:  # the quote finder is heuristic code run on arbitrary text
        origins["quotes"] = Origin(OriginKind.ERROR, f"quote rules: {type(err).__name__}: {err}")
        return []
