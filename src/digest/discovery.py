"""`digest discover`: read every feed of sources.yaml and put new entries in the inbox.

Feeds are read through fetch.py's polite fetcher (per-host limits, robots.txt, retries), with
conditional requests (each feed's ETag and Last-Modified are kept in the store). A home page
leads to the feeds it declares and an OPML list to the feeds it names, read in a next round.
One bad feed never stops the run: it is reported with its reason and the exit code says so.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from digest import feeds as feed_formats
from digest.config import Feed, Project
from digest.fetch import FEED_TYPES, Conditional, FetchOptions, fetch_many, utc_now
from digest.inbox import Suggestion, suggest
from digest.store import Candidate, Store

MAX_DEPTH = 2  # an OPML list naming a home page that declares its feed, and no further


@dataclass
class FeedReport:
    """What one feed document gave (the JSON fields of `digest discover --json`)."""

    index: int  # the feed's position under `feeds:`
    url: str
    outcome: str  # read | not_modified | followed | failed
    via: str | None = None  # the home page or OPML list that led here
    http_status: int | None = None
    error: str | None = None
    entries: int = 0  # read from the document, up to the feed's max_entries
    kept: int = 0  # after keywords, exclusions and language
    without_link: int = 0
    listed: int = 0  # already in sources.yaml
    known: int = 0  # already in the inbox, or dismissed
    new: list[Candidate] = field(default_factory=list)
    followed: list[str] = field(default_factory=list)  # feeds a home page or OPML list named
    note: str | None = None  # what was read, but deserves a word (a malformed, partial feed)

    def to_json(self) -> dict[str, Any]:
        """The feed's report as a JSON object."""
        return {
            "index": self.index, "url": self.url, "via": self.via, "outcome": self.outcome,
            "http_status": self.http_status, "error": self.error, "entries": self.entries,
            "kept": self.kept, "without_link": self.without_link, "listed": self.listed,
            "known": self.known, "followed": self.followed, "note": self.note,
            "new": [{"url": c.url, "title": c.title, "published": c.published,
                     "theme": c.theme} for c in self.new],
        }  # fmt: skip


@dataclass
class DiscoverReport:
    """The whole run."""

    feeds: list[FeedReport] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[FeedReport]:
        """The feed documents that could not be read."""
        return [f for f in self.feeds if f.outcome == "failed"]

    @property
    def new(self) -> int:
        """How many candidates the run added."""
        return sum(len(f.new) for f in self.feeds)

    @property
    def exit_code(self) -> int:
        """0 when every feed was read, 1 when some failed."""
        return 1 if self.failed else 0

    def to_json(self) -> dict[str, Any]:
        """The report as a JSON object (`digest discover --json`)."""
        return {
            "feeds": [f.to_json() for f in self.feeds],
            "summary": {"feeds": len(self.feeds), "failed": len(self.failed), "new": self.new},
            "seconds": round(self.seconds, 3),
            "exit_code": self.exit_code,
        }


def discover(
    project: Project,
    store: Store,
    *,
    options: FetchOptions | None = None,
    on_feed: Callable[[FeedReport], None] | None = None,
) -> DiscoverReport:
    """Read every feed, follow home pages and OPML lists, and add new entries as candidates."""
    began = time.monotonic()
    options = options or FetchOptions.from_settings(project.settings.fetch)
    options = replace(options, accept=FEED_TYPES)
    report = DiscoverReport()
    jobs: list[tuple[Feed, str, str | None]] = [(f, f.url, None) for f in project.feeds]
    seen = {url for _, url, _ in jobs}
    for _ in range(MAX_DEPTH + 1):
        if not jobs:
            break
        requests = [(url, Conditional(*store.feed_validators(url))) for _, url, _ in jobs]
        following: list[tuple[Feed, str, str | None]] = []
        for (feed, url, via), result in zip(jobs, fetch_many(requests, options), strict=True):
            item = FeedReport(feed.index, url, "failed", via, result.http_status)
            if result.outcome == "not_modified":
                item.outcome = "not_modified"
            elif result.page is None:
                item.error = result.error or result.outcome
            else:
                page = result.page
                document = feed_formats.read(
                    page.body, page.final_url, page.content_type, max_entries=feed.max_entries
                )
                _read(project, store, feed, document, item)
                if item.outcome == "read":
                    store.save_feed_validators(url, page.etag, page.last_modified, utc_now())
                for link in item.followed:
                    if link not in seen:
                        seen.add(link)
                        following.append((feed, link, url))
            report.feeds.append(item)
            if on_feed is not None:
                on_feed(item)
        jobs = following
    report.seconds = time.monotonic() - began
    return report


def _read(
    project: Project, store: Store, feed: Feed, document: feed_formats.Document, item: FeedReport
) -> None:
    """Fill a feed's report from what its document holds: entries, or feeds to follow."""
    item.without_link = document.without_link
    if document.links:
        item.outcome, item.followed = "followed", document.links
        return
    if document.problem:
        item.error = document.problem
        return
    item.outcome = "read"
    item.entries = min(len(document.entries), feed.max_entries)
    total = document.total or len(document.entries) + document.without_link
    notes = [document.warning] if document.warning else []
    if total > feed.max_entries:
        notes.append(f"{total} entries; read the first {feed.max_entries} (max_entries)")
    item.note = "; ".join(notes) or None
    kept = feed_formats.keep(document.entries, feed)
    item.kept = len(kept)
    suggestions = [Suggestion(e.url, e.title, e.summary, e.published, feed.theme) for e in kept]
    result = suggest(project, store, suggestions, item.url)
    item.new, item.listed, item.known = result.new, result.listed, result.known
