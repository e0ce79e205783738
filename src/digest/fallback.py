"""Which page backs a source after a fetch: the live answer, the stored copy or the saved page.

The choice is one pure function of what is known about the source. What it costs to learn (an
extraction, reading the saved file, the stored article) is learnt only when the choice needs
it: `choose` answers either a `Choice` or the name of the one fact it still needs, and the fetch
run (collect.py) learns that fact and asks again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from digest.fetch import FetchResult
from digest.models import Article, Page
from digest.store import PageInfo

__all__ = ["Choice", "Extracted", "Known", "Need", "choose", "learn"]

# Below this, a saved page is no fuller article than a short live one, whatever the ratio.
MIN_SAVED_WORDS = 80

# The fact `choose` needs next: the live page's extraction, the stored article (re-extracted
# from the stored page when missing), the saved page read from disk, or its extraction.
Need = Literal["live_article", "stored_article", "saved_copy", "saved_article"]


@dataclass(frozen=True)
class Extracted:
    """The result of extracting one page: an article, or why there is none."""

    article: Article | None = None
    error: str | None = None
    new: bool = True  # extracted in this run (to store), not read back from the store


@dataclass(frozen=True)
class Known:
    """What is known about one source so far; None where it has not been looked at yet."""

    live: FetchResult | None = None  # None: not downloaded, the stored page is fresh
    stored: PageInfo | None = None
    has_saved: bool = False  # the source names a saved page (`html:`)
    live_article: Extracted | None = None
    stored_article: Extracted | None = None
    saved_copy: Page | str | None = None  # the saved page, or why it cannot be read
    saved_article: Extracted | None = None


@dataclass(frozen=True)
class Choice:
    """The page that backs a source, and what to record about it."""

    outcome: str  # fetched | cached | not_modified | not_article | failed
    used: str | None  # live | stored | saved, or None when nothing is usable
    error: str | None  # None exactly when the item is usable
    detail: str | None = None  # why the live page was not used, when a fallback was
    page: Page | None = None  # to write to the store (None: keep what is there)
    origin: str = "live"  # of `page`
    article: Article | None = None
    write_article: bool = False
    touch: bool = False  # a 304 confirmed the stored page: it is fresh again


def learn(known: Known, need: Need, value: Extracted | Page | str) -> Known:
    """`known` with the fact `need` set to `value`."""
    if need == "saved_copy":
        assert not isinstance(value, Extracted)
        return replace(known, saved_copy=value)
    assert isinstance(value, Extracted)
    if need == "live_article":
        return replace(known, live_article=value)
    if need == "stored_article":
        return replace(known, stored_article=value)
    return replace(known, saved_article=value)


def choose(known: Known) -> Choice | Need:
    """The choice of page for one source, or the fact needed to make it."""
    result = known.live
    if result is None:
        return _stored(known, "cached")
    if result.outcome == "fetched" and result.page is not None:
        return _after_a_page(known, result.page)
    stored_live = known.stored is not None and known.stored.origin == "live"
    if result.outcome == "not_modified" and stored_live:
        return _stored(known, "not_modified", touch=True)
    if result.outcome == "not_modified":
        # We sent no validators, so there is nothing a 304 could confirm.
        outcome, reason = "failed", "HTTP 304 Not Modified, but there is no stored copy"
    else:
        outcome, reason = result.outcome, result.error or result.outcome
    # Fallbacks: the stored copy of an earlier download, else the curator's saved page.
    if stored_live:
        return _stored(known, outcome, detail=reason)
    if not known.has_saved:
        return Choice(outcome, None, reason, detail=reason)
    if known.saved_copy is None:
        return "saved_copy"
    if isinstance(known.saved_copy, str):
        if known.stored is not None:  # the saved page as read by an earlier run
            return _stored(known, outcome, detail=reason)
        return Choice(outcome, None, f"{reason}; {known.saved_copy}", detail=reason)
    if known.saved_article is None:
        return "saved_article"
    saved = known.saved_article
    used = "saved" if saved.article is not None else None
    return Choice(
        outcome, used, saved.error, detail=reason, page=known.saved_copy, origin="saved",
        article=saved.article, write_article=saved.article is not None,
    )  # fmt: skip


def _after_a_page(known: Known, page: Page) -> Choice | Need:
    """A live page answered: it wins, unless the curator's saved page is a fuller article.

    Curators save a page because the live one is a paywall, a consent wall or a teaser, and
    those answer 200: a saved page with at least twice the words is the article.
    """
    if known.live_article is None:
        return "live_article"
    live = known.live_article
    if live.article is None:
        return Choice("fetched", None, live.error, page=page)
    choice = Choice("fetched", "live", None, page=page, article=live.article, write_article=True)
    if not known.has_saved:
        return choice
    if known.saved_copy is None:
        return "saved_copy"
    if isinstance(known.saved_copy, str):
        return choice  # the live page is usable; `digest check` reports the missing file
    if known.saved_article is None:
        return "saved_article"
    saved = known.saved_article.article
    live_words = len(live.article.text.split())
    saved_words = len(saved.text.split()) if saved is not None else 0
    if saved is None or saved_words < max(2 * live_words, MIN_SAVED_WORDS):
        return choice
    return replace(
        choice, used="saved", page=known.saved_copy, origin="saved", article=saved,
        detail=f"the live page shows {live_words} words of text, the saved page {saved_words}",
    )  # fmt: skip


def _stored(
    known: Known, outcome: str, *, detail: str | None = None, touch: bool = False
) -> Choice | Need:
    """The stored copy backs the source; its article is re-extracted when missing."""
    if known.stored_article is None:
        return "stored_article"
    stored = known.stored_article
    if stored.article is None and stored.error is not None:
        return Choice(outcome, None, stored.error, detail=detail, touch=touch)
    return Choice(
        outcome, "stored", None, detail=detail, article=stored.article,
        write_article=stored.new and stored.article is not None, touch=touch,
    )  # fmt: skip
