"""`digest check`'s warnings about decisions the build would otherwise make silently.

A quote the build fills in by itself, a speaker that is no name, an article much older than its
edition, a feed without a public address: none stops a digest, each deserves a look before it
goes out. An edition with no sources at all is an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from digest.config import Project, edition_monday
from digest.errors import UsageError
from digest.items import Item
from digest.lint import Finding

FEED_NAME = "feed.xml"


def findings(project: Project, items: Sequence[Item], edition: str | None) -> list[Finding]:
    """The desk's findings about `items` (and the edition asked for, if any)."""
    found: list[Finding] = []
    texts = project.editions.get(edition) if edition is not None else None
    if edition is not None and not items and not (texts and (texts.intro or texts.outro)):
        found.append(
            Finding(
                project.path.name,
                None,
                "empty-edition",
                f"edition {edition} has no sources; add some with `digest add URL --edition "
                f"{edition}`",
            )
        )
    for item in items:
        found += _quote_findings(project, item)
        found += _age_findings(project, item)
    found += _feed_findings(project)
    return found


def _warning(project: Project, item: Item, kind: str, message: str) -> Finding:
    source = item.source
    return Finding(
        project.path.name,
        source.line,
        kind,
        f"source {source.index}: {message}",
        source.index,
        severity="warning",
    )


def _quote_findings(project: Project, item: Item) -> list[Finding]:
    index = item.source.index
    found = []
    if item.quote_from == "candidate":
        found.append(
            _warning(
                project,
                item,
                "auto-quote",
                f"no quote chosen; build will use the best candidate, “{_short(item.quote)}”; "
                f"choose with `digest annotate {index} --quote N`",
            )
        )
    elif not item.quote and project.settings.auto_quote == "none" and item.candidates:
        found.append(
            _warning(
                project,
                item,
                "auto-quote",
                f"no quote chosen, and digest.auto_quote is none: the item will have no quote; "
                f"choose with `digest annotate {index} --quote N`",
            )
        )
    if not item.needs_speaker:
        return found
    decide = f"name the speaker with `digest annotate {index} --speaker NAME` (or '' for nobody)"
    if item.unnamed_speaker:
        found.append(
            _warning(
                project,
                item,
                "speaker",
                f"the quote's speaker “{item.unnamed_speaker}” is not a name, so the digest "
                f"credits nobody; {decide}",
            )
        )
    else:
        found.append(_warning(project, item, "speaker", f"the quote has no speaker; {decide}"))
    return found


def _age_findings(project: Project, item: Item) -> list[Finding]:
    key = item.source.edition_key
    published = _day(item.published)
    if key is None or published is None:
        return []
    try:
        monday = edition_monday(key)
    except UsageError:  # a malformed key is reported by validation, not here
        return []
    limit = project.settings.max_age_days
    age = (monday - published).days
    if age <= limit:
        return []
    return [
        _warning(
            project,
            item,
            "old-article",
            f"published {published.isoformat()}, {age} days before edition {key} "
            f"(digest.max_age_days: {limit}); check the date, or set it with --date",
        )
    ]


def _feed_findings(project: Project) -> list[Finding]:
    feed = project.digests_dir / FEED_NAME
    if project.settings.url or not feed.is_file():
        return []
    return [
        Finding(
            project.path.name,
            None,
            "url-missing",
            f"{_relative(project, feed)} is built but digest.url is not set: feed readers need "
            "the public address of the digests for absolute links",
            severity="warning",
        )
    ]


def _relative(project: Project, path: Path) -> str:
    try:
        return str(path.relative_to(project.folder))
    except ValueError:
        return str(path)


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _short(text: str | None, limit: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
