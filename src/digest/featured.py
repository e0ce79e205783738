"""Already featured: a link whose canonical form sources.yaml lists under an earlier edition.

The history is sources.yaml itself (every past edition's sources stay in it), so deleting
.digest/ loses none of it. `add` and `inbox take` refuse such a link unless --force, `inbox`
marks it, and `digest check` reports it as a `featured-before` warning.

`featured-before` and `cited`: both say "an earlier edition had this article". featured-before
is the part sources.yaml alone proves: the same article key (urls.article_key sets aside
tracking parameters, the fragment, case, http or https, "www." and a trailing slash). It is a
warning, because a curator who passed --force chose to feature the article again (a
follow-up). `cited` keeps what only the store or the built digests know (a page's canonical
URL, a link in digests/2026-W40.md) and stays an error; for a source that featured-before
already reports, it is not repeated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from digest import urls
from digest.config import Project, Source, iso_week
from digest.lint import Finding


def history(sources: Iterable[Source]) -> dict[str, tuple[str, Source]]:
    """Each article's key (urls.article_key), the earliest edition and source listing it."""
    first: dict[str, tuple[str, Source]] = {}
    for source in sources:
        key = source.edition_key
        if not key:
            continue
        name = urls.article_key(source.url)
        if name not in first or key < first[name][0]:
            first[name] = (key, source)
    return first


def featured_before(project: Project, url: str, edition: str) -> str | None:
    """The earliest edition before `edition` that featured `url`, or None."""
    try:
        name = urls.article_key(url)
    except ValueError:  # not a URL at all: the caller's validation says why
        return None
    earlier = history(project.sources).get(name)
    return earlier[0] if earlier is not None and earlier[0] < edition else None


def refusals(
    project: Project, urls_to_add: Sequence[str], edition: str | None = None
) -> list[tuple[str, str]]:
    """The URLs an earlier edition featured, each with that edition (`add` refuses them)."""
    target = edition or iso_week(dt.date.today())
    found = [(url, featured_before(project, url, target)) for url in urls_to_add]
    return [(url, earlier) for url, earlier in found if earlier]


def findings(project: Project, sources: Sequence[Source]) -> list[Finding]:
    """A `featured-before` warning for each source an earlier edition already listed."""
    first = history(project.sources)
    found: list[Finding] = []
    for source in sources:
        key = source.edition_key
        earlier = first.get(urls.article_key(source.url))
        if key and earlier and earlier[0] < key:
            edition, first_source = earlier
            where = f"source {first_source.index}, line {first_source.line}"
            found.append(
                Finding(
                    project.path.name,
                    source.line,
                    "featured-before",
                    f"source {source.index}: already featured in {edition} ({where})",
                    source.index,
                    severity="warning",
                )
            )
    return found


def supersede(found: list[Finding], featured: list[Finding]) -> list[Finding]:
    """The findings with `featured` added, and `cited` dropped where featured-before says it."""
    flagged = {f.source for f in featured}
    kept = [f for f in found if not (f.kind == "cited" and f.source in flagged)]
    return kept + featured
