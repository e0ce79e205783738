"""The inbox: articles suggested by feeds and imports, waiting for the curator to take or drop.

It lives in the store (a cache of suggestions); what the curator takes goes into sources.yaml
through `edits`, like `digest add`. Dismissals are kept apart from candidates, so that a URL
dropped once is never suggested again, whatever later feeds or imports bring.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from digest import featured, urls
from digest.config import Project, iso_week
from digest.errors import UsageError
from digest.fetch import utc_now
from digest.store import Candidate, Store

LISTED_BY_DEFAULT = 50  # `digest inbox` shows the newest; --all shows every one


@dataclass(frozen=True)
class Suggestion:
    """An article a feed or an imported file suggests."""

    url: str
    title: str | None = None
    summary: str | None = None
    published: str | None = None
    theme: str | None = None  # a hint: kept only when it names one of the digest's themes


@dataclass
class Suggested:
    """What became of suggestions: the new candidates, and why the others were left out."""

    new: list[Candidate] = field(default_factory=list)
    listed: int = 0  # already in sources.yaml
    known: int = 0  # already a candidate, or dismissed


def suggest(
    project: Project, store: Store, suggestions: Sequence[Suggestion], feed: str
) -> Suggested:
    """Add suggestions to the inbox, unless sources.yaml, the inbox or a dismissal has them."""
    listed = {urls.article_key(s.url) for s in project.sources}
    known = store.inbox_keys()
    result = Suggested()
    fresh: dict[str, Candidate] = {}
    found_at = utc_now()
    for item in suggestions:
        url = urls.without_tracking(item.url)
        key = urls.article_key(url)
        if key in listed:
            result.listed += 1
        elif key in known or key in fresh:
            result.known += 1
        else:
            fresh[key] = Candidate(
                key, url, item.title, item.summary, item.published, feed,
                theme_of(project, item.theme), found_at,
            )  # fmt: skip
    result.new = store.add_candidates(list(fresh.values()))
    result.known += len(fresh) - len(result.new)
    return result


def theme_of(project: Project, hint: str | None) -> str | None:
    """The digest's theme a hint names (a feed's theme, a bookmarks folder, a Pocket tag)."""
    if not hint:
        return None
    themes = {t.casefold(): t for t in project.settings.themes}
    return themes.get(hint.strip().casefold())


# ---------------------------------------------------------------------- listing


@dataclass(frozen=True)
class Numbered:
    """A candidate with its number in the inbox and what sources.yaml already says of it."""

    number: int
    candidate: Candidate
    featured_in: str | None  # an earlier edition that listed it

    def to_json(self) -> dict[str, Any]:
        """The candidate as a JSON object (`digest inbox --json`)."""
        c = self.candidate
        return {
            "number": self.number, "url": c.url, "title": c.title, "summary": c.summary,
            "published": c.published, "feed": c.feed, "theme": c.theme,
            "found_at": c.found_at, "featured_in": self.featured_in,
        }  # fmt: skip


def numbered(project: Project, store: Store) -> list[Numbered]:
    """Every candidate, newest first, numbered from 1 (the numbers `take` and `drop` use)."""
    current = iso_week(dt.date.today())
    return [
        Numbered(i, c, featured.featured_before(project, c.url, current))
        for i, c in enumerate(store.candidates(), start=1)
    ]


def select(
    rows: Sequence[Numbered], *, feed: str | None = None, theme: str | None = None
) -> list[Numbered]:
    """The rows from a feed (a part of its URL or file name) or suggesting a theme."""
    return [
        row
        for row in rows
        if (feed is None or feed.casefold() in row.candidate.feed.casefold())
        and (theme is None or (row.candidate.theme or "").casefold() == theme.casefold())
    ]


def pick(rows: Sequence[Numbered], numbers: Sequence[int]) -> list[Numbered]:
    """The rows with these numbers; UsageError (nothing done) for a number not in the inbox."""
    missing = [n for n in numbers if not 1 <= n <= len(rows)]
    if missing:
        raise UsageError(
            f"there is no candidate {missing[0]}; the inbox has {len(rows)} "
            "(see `digest inbox --all`)"
        )
    return [rows[n - 1] for n in dict.fromkeys(numbers)]


# ---------------------------------------------------------------------- take and drop


@dataclass
class Taken:
    """What `inbox take` did."""

    taken: list[tuple[Numbered, str | None]] = field(default_factory=list)  # with its theme
    refused: list[Numbered] = field(default_factory=list)  # already featured, no --force
    listed: list[Numbered] = field(default_factory=list)  # already in this edition
    left: list[Numbered] = field(default_factory=list)  # over --max-per-theme


def take(
    project: Project,
    store: Store,
    rows: Sequence[Numbered],
    *,
    theme: str | None = None,
    comment: str | None = None,
    force: bool = False,
    max_per_theme: int | None = None,
) -> Taken:
    """Move candidates into sources.yaml (today's edition), as `digest add` does."""
    from digest import edits

    if theme is not None and theme not in project.settings.themes:
        known = ", ".join(project.settings.themes) or "none yet"
        raise UsageError(f"'{theme}' is not a theme of {project.path.name} (themes: {known})")
    today = dt.date.today()
    listed_now = {
        urls.article_key(s.url) for s in project.sources if (s.edition_key or "") >= iso_week(today)
    }
    result = Taken()
    per_theme: dict[str | None, int] = {}
    for row in rows:
        # The themes may have changed since the candidate was suggested.
        chosen = theme or theme_of(project, row.candidate.theme)
        if row.candidate.key in listed_now:
            result.listed.append(row)
        elif row.featured_in and not force:
            result.refused.append(row)
        elif max_per_theme is not None and per_theme.get(chosen, 0) >= max_per_theme:
            result.left.append(row)
        else:
            per_theme[chosen] = per_theme.get(chosen, 0) + 1
            result.taken.append((row, chosen))
    if result.taken:
        new = [
            edits.NewSource(row.candidate.url, today, chosen, comment)
            for row, chosen in result.taken
        ]
        _, skipped = edits.add_sources(project.path, new)
        # The very URL is listed already (another edition): edits never lists a URL twice.
        again = [pair for pair in result.taken if pair[0].candidate.url in skipped]
        result.taken = [pair for pair in result.taken if pair not in again]
        result.listed += [row for row, _ in again]
    done = [row.candidate.key for row, _ in result.taken] + [r.candidate.key for r in result.listed]
    store.remove_candidates(done)
    return result


def drop(store: Store, rows: Sequence[Numbered]) -> int:
    """Dismiss candidates for good: no feed or import suggests them again."""
    store.remove_candidates([row.candidate.key for row in rows], dismissed_at=utc_now())
    return len(rows)


def older_than(rows: Sequence[Numbered], days: float) -> list[Numbered]:
    """The rows published (or, when the feed gave no date, found) more than `days` ago."""
    limit = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
    return [row for row in rows if _moment(row.candidate) < limit]


def _moment(candidate: Candidate) -> dt.datetime:
    text = candidate.published or candidate.found_at
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        when = dt.datetime.fromisoformat(candidate.found_at)
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
