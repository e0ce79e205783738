"""An item of the review: a source with the curator's decisions laid over what extraction found."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from digest import fields
from digest.config import Settings, Source
from digest.extract.bylines import is_agency, is_desk, same_organisation, without_titles
from digest.extract.speakers import is_name
from digest.models import Article, Origin, OriginKind, Quote

_QUOTE_MARKS = str.maketrans({c: '"' for c in "“”„«»‟″"} | {c: "'" for c in "‘’‚‛′"})
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―"})
# Characters that hide inside words (soft hyphen, zero-width space and joiners, BOM): a quote
# pasted from a page that has them is the same words as the stored text, which has them not.
_INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u200c\u200d\u2060\ufeff")
WORDS_PER_MINUTE = 230  # a common estimate for reading news prose on a screen


@dataclass(frozen=True)
class Item:
    """What the digest says about one source, and where each part came from."""

    source: Source
    url: str
    title: str
    authors: tuple[str, ...]
    publication: str | None
    published: str | None
    language: str | None
    label: str
    quote: str | None
    speaker: str | None
    role: str | None  # the speaker's role, printed after the name
    quote_from: str  # "curator", "candidate" or "" when there is no quote at all
    quote_is_stale: bool  # the curator's quote no longer occurs in the fetched text
    fetched: bool
    origins: dict[str, Origin] = field(default_factory=dict)
    candidates: tuple[Quote, ...] = ()
    # The names the attribution line prints: `authors` without the publication signing itself.
    credited: tuple[str, ...] = ()
    chosen: Quote | None = None  # the candidate the quote is (a part of), if any
    # The mention extraction gave for the speaker when it is no name ("she", "l'image"): a
    # wrong name is worse than none, so it is not printed, and `check` asks for a decision.
    unnamed_speaker: str | None = None

    @property
    def needs_speaker(self) -> bool:
        """The quote credits nobody and the curator has not said that nobody it is.

        A key sentence is the article's own prose: its author, not a speaker, says it.
        """
        if not self.quote or self.speaker or self.source.speaker is not None:
            return False
        return (
            self.chosen is None or self.chosen.kind != "key_sentence" or bool(self.unnamed_speaker)
        )

    paywalled: bool | None = None  # as the page declares it
    words: int = 0  # of the stored article text; 0 when not fetched
    paywall_label: str = ""  # the word that marks a paywalled link, in the article's language

    @property
    def decided(self) -> bool:
        """The curator chose a theme and a quote for this item."""
        return bool(self.source.theme and self.source.quote)

    @property
    def reading_minutes(self) -> int | None:
        """Minutes to read the article, rounded up; None when its text is unknown."""
        return -(-self.words // WORDS_PER_MINUTE) if self.words else None


def comparable(text: str) -> str:
    """Text reduced for a verbatim check: NFKC, one kind of quote mark, dash and space."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    text = text.translate(_QUOTE_MARKS).translate(_DASHES)
    return re.sub(r"\s+", " ", text).strip().casefold()


def occurs_in(quote: str, text: str) -> bool:
    """Whether `quote` is verbatim text of `text` (ellipses may join pieces in order)."""
    body = comparable(text)
    pieces = [p.strip(" \"'.,;:") for p in re.split(r"\s*(?:\[…\]|…|\.\.\.)\s*", quote)]
    position = 0
    for piece in (comparable(p) for p in pieces if p.strip(" \"'.,;:")):
        found = body.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def host_name(url: str) -> str:
    """The host of `url` without its www., as a last-resort publication name."""
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def _untitled(name: str) -> str:
    """A name folded for comparison, without the academic titles in front of it."""
    return without_titles(name).casefold()


def _signed_by_itself(author: str, publication: str) -> bool:
    """A byline the attribution line leaves out: the publication itself or one of its desks.

    On a personal site ("Dr. Jane Doe") the publication already names its author. Agencies
    stay: a review credits the copy it quotes.
    """
    if is_agency(author):
        return False
    return (
        _untitled(author) == _untitled(publication)
        or same_organisation(author, publication, None)
        or is_desk(author)
    )


def resolve(source: Source, article: Article | None, settings: Settings) -> Item:
    """Lay the curator's overrides over the extraction of one source."""
    origins = dict(article.origins) if article else {}
    for override in fields.OVERRIDES:
        if getattr(source, override.name) is not None and override.origin:
            origins[override.origin] = Origin(OriginKind.CURATOR)
    title = source.title or (article.title if article else None) or source.url
    publication = source.publication or (article.publication if article else None)
    publication = publication or host_name(source.url)
    if source.authors is not None:
        authors = credited = source.authors
    else:
        authors = article.authors if article else ()
        credited = tuple(a for a in authors if not _signed_by_itself(a, publication))
    language = source.language or (article.language if article else None)
    candidates = article.quotes if article else ()
    quote, chosen, quote_from, stale = _pull_quote(source, article, candidates, settings)
    speaker, role = _speaker(source, chosen)
    unnamed = None
    if source.speaker is None and speaker and not is_name(speaker):
        speaker, role, unnamed = None, None, speaker
    return Item(
        source=source,
        url=source.url,
        title=title,
        authors=authors,
        publication=publication,
        published=source.date or (article.published if article else None),
        language=language,
        label=source.label or settings.label_for(language),
        quote=quote,
        speaker=speaker,
        role=role,
        quote_from=quote_from,
        quote_is_stale=stale,
        fetched=article is not None,
        origins=origins,
        candidates=tuple(candidates),
        credited=credited,
        chosen=chosen,
        unnamed_speaker=unnamed,
        paywalled=article.paywalled if article else None,
        words=article.words if article else 0,
        paywall_label=settings.paywall_label_for(language),
    )


def _pull_quote(
    source: Source, article: Article | None, candidates: tuple[Quote, ...], settings: Settings
) -> tuple[str | None, Quote | None, str, bool]:
    """The quote to print, the candidate it comes from, whose it is, and whether it is stale."""
    if source.quote:
        stale = (
            article is not None and bool(article.text) and not occurs_in(source.quote, article.text)
        )
        return source.quote, candidate_of(source.quote, candidates), "curator", stale
    usable = [c for c in candidates if c.text.strip()]
    if usable and settings.auto_quote == "best":
        return usable[0].text, usable[0], "candidate", False
    return None, None, "", False


def candidate_of(quote: str, candidates: tuple[Quote, ...]) -> Quote | None:
    """The candidate a chosen quote was taken from: the same text, or a part of it."""
    key = comparable(quote)
    same = next((c for c in candidates if comparable(c.text) == key), None)
    # A quote trimmed to the sentence wanted is still that candidate's, said by the same person.
    return same or next((c for c in candidates if occurs_in(quote, c.text)), None)


def _speaker(source: Source, chosen: Quote | None) -> tuple[str | None, str | None]:
    """Who said the quote and as what: the curator's word first, else the candidate's."""
    if source.speaker is not None:
        speaker = source.speaker or None
        # A candidate's role describes its own speaker, not the one the curator named instead.
        same = chosen is not None and speaker == chosen.speaker
        role = (
            source.role if source.role is not None else (chosen.role if same and chosen else None)
        )
        return speaker, role or None
    speaker = chosen.speaker if chosen else None
    role = source.role if source.role is not None else (chosen.role if chosen else None)
    return speaker, (role or None) if speaker else None
