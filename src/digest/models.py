"""Plain data passed between the stages: pages in, articles and quotes out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from digest.webtext import clean_article


class OriginKind(StrEnum):
    """The kinds of place a field's value comes from, as the curator knows them."""

    JSON_LD = "JSON-LD"
    META = "meta tag"
    PAGE = "page body"
    SITE_NAME = "the site's name"
    URL = "the URL"
    CURATOR = "the curator"
    GIVEN = "given"
    ERROR = "error"  # the field's rules failed: no value, and `rule` says which failed how


@dataclass(frozen=True)
class Origin:
    """Where one field's value came from: a kind and the rule that found it ("og:title")."""

    kind: OriginKind
    rule: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind.value, "rule": self.rule}

    @classmethod
    def from_dict(cls, data: object) -> Origin:
        """The inverse of to_dict; an older store row's bare rule name is kept as its rule."""
        if isinstance(data, Mapping):
            try:
                kind = OriginKind(str(data.get("kind")))
            except ValueError:
                kind = OriginKind.PAGE
            return cls(kind, str(data.get("rule") or ""))
        return cls(OriginKind.PAGE, str(data))

    def describe(self) -> str:
        """The origin in the curator's words: "meta tag (og:title)"."""
        return f"{self.kind.value} ({self.rule})" if self.rule else self.kind.value


@dataclass(frozen=True)
class Quote:
    """A candidate pull quote: verbatim text of the article and who said it."""

    text: str
    speaker: str | None = None
    kind: str = "direct"  # direct | blockquote | key_sentence
    score: float = 0.0
    role: str | None = None  # the description the article gives the speaker ("porte-parole du …")
    # The attribution's words as the article writes them at this quote ("he", "the spokesman",
    # "M. Peskov"), before they were resolved to `speaker`; None when no attribution stands at
    # this quote (nobody named, or a follow-up quotation that goes on with the previous speaker).
    mention: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "role": self.role,
            "mention": self.mention,
            "kind": self.kind,
            "score": self.score,
        }


@dataclass(frozen=True)
class Article:
    """What extraction found in one page. `origins` maps a field to where it came from."""

    url: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    publication: str | None = None
    published: str | None = None  # ISO date or datetime
    language: str | None = None  # ISO 639-1
    text: str = ""
    quotes: tuple[Quote, ...] = ()
    canonical_url: str | None = None
    origins: dict[str, Origin] = field(default_factory=dict)
    # What the page declares (schema.org isAccessibleForFree): True behind a paywall, False
    # declared free, None when it says nothing.
    paywalled: bool | None = None

    @property
    def words(self) -> int:
        """The number of words of the body text."""
        return len(self.text.split())

    def to_dict(self) -> dict[str, object]:
        return {
            "url": self.url,
            "title": self.title,
            "authors": list(self.authors),
            "publication": self.publication,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "quotes": [q.to_dict() for q in self.quotes],
            "canonical_url": self.canonical_url,
            "origins": {k: v.to_dict() for k, v in self.origins.items()},
            "paywalled": self.paywalled,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """The inverse of to_dict, tolerant of missing keys (older store rows).

        A store written by an older version may hold web text that extraction now cleans
        (lone surrogates, control characters): it is cleaned on the way out as well.
        """
        quotes = tuple(
            Quote(
                text=str(q["text"]),
                speaker=_opt(q.get("speaker")) or None,
                role=_opt(q.get("role")) or None,
                mention=_opt(q.get("mention")) or None,
                kind=str(q.get("kind") or "direct"),
                score=float(q.get("score") or 0.0),
            )
            for q in data.get("quotes") or []
        )
        article = cls(
            url=str(data.get("url") or ""),
            title=_opt(data.get("title")),
            authors=tuple(str(a) for a in data.get("authors") or []),
            publication=_opt(data.get("publication")),
            published=_opt(data.get("published")),
            language=_opt(data.get("language")),
            text=str(data.get("text") or ""),
            quotes=quotes,
            canonical_url=_opt(data.get("canonical_url")),
            origins={str(k): Origin.from_dict(v) for k, v in (data.get("origins") or {}).items()},
            paywalled=_opt_bool(data.get("paywalled")),
        )
        return clean_article(article)


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _opt_bool(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


@dataclass(frozen=True)
class Page:
    """A downloaded (or saved) page: the bytes and what the server said about them."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    body: bytes
    status: int = 200
    content_type: str | None = None  # the Content-Type header, whole
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str | None = None  # ISO datetime, UTC
