"""Fit to publish: what the law and licences ask of a press review, as `digest check` warnings.

A "revue de presse" or a short quotation is allowed when the author and the source are named and
the quotation stays short relative to the work; licences (the CFC's in France) ask for the
periodical, title, author and date of every item. These checks are warnings: the curator judges,
and `check --strict` turns them into errors for a cron job that must not publish a doubtful one.
"""

from __future__ import annotations

from collections.abc import Sequence

from digest.config import Project
from digest.items import Item
from digest.lint import Finding
from digest.models import OriginKind


def findings(project: Project, items: Sequence[Item]) -> list[Finding]:
    """The fit-to-publish warnings about `items` (the sources of one or every edition)."""
    found = [
        _warning(project, item, kind, message)
        for item in items
        for kind, message in item_problems(project, item)
    ]
    return found + publication_shares(project, items)


def _warning(project: Project, item: Item, kind: str, message: str) -> Finding:
    source = item.source
    return Finding(
        project.path.name, source.line, kind, f"source {source.index}: {message}", source.index,
        severity="warning",
    )  # fmt: skip


def item_problems(project: Project, item: Item) -> list[tuple[str, str]]:
    """(kind, message) for one item: long-quote, attribution, comment."""
    rules = project.settings.publishing
    problems: list[tuple[str, str]] = []
    if item.quote:
        # "[…]" and a lone dash are not words of the article
        words = sum(any(c.isalnum() for c in token) for token in item.quote.split())
        if words > rules.max_quote_words:
            problems.append(
                ("long-quote", f"the quote has {words} words, more than digest.quotes.max_words "
                 f"({rules.max_quote_words}); shorten it with […]")
            )  # fmt: skip
        elif item.words and words > rules.max_quote_share * item.words:
            problems.append(
                ("long-quote", f"the quote is {_percent(words / item.words)} of the article "
                 f"({words} of {item.words} words), more than digest.quotes.max_share "
                 f"({_percent(rules.max_quote_share)})")
            )  # fmt: skip
    if item.fetched:
        missing = _missing_attribution(item, rules.require_date)
        if missing:
            listed = ", ".join(missing[:-1]) + " and " * (len(missing) > 1) + missing[-1]
            problems.append(("attribution", f"printed without {listed}; {_how_to_fix(missing)}"))
    if not item.source.comment:
        problems.append(
            ("comment", "has no comment of yours; a review comments what it quotes "
             "(digest annotate --comment)")
        )  # fmt: skip
    return problems


def _missing_attribution(item: Item, require_date: bool) -> list[str]:
    # A field whose rules failed has an error for origin and no value.
    origins = {k: o for k, o in item.origins.items() if o.kind is not OriginKind.ERROR}
    missing = []
    if "title" not in origins:  # neither the page nor the curator gave one: the URL is printed
        missing.append("a title")
    if "publication" not in origins or origins["publication"].kind is OriginKind.URL:
        missing.append("a publication")
    if not item.authors and item.source.authors is None:
        missing.append("an author")
    if require_date and not item.published:
        missing.append("a date")
    return missing


_FIXES = {
    "a title": "--title",
    "a publication": "--publication",
    "an author": '--author NAME (or --author "" if it has none)',
    "a date": "--date YYYY-MM-DD",
}


def _how_to_fix(missing: list[str]) -> str:
    return "set " + ", ".join(_FIXES[m] for m in missing) + " with digest annotate"


def publication_shares(project: Project, items: Sequence[Item]) -> list[Finding]:
    """One warning per publication that supplies more than its share of an edition's items."""
    limit = project.settings.publishing.max_share_per_publication
    if limit is None:
        return []
    by_edition: dict[str, list[Item]] = {}
    for item in items:
        if item.source.edition_key:
            by_edition.setdefault(item.source.edition_key, []).append(item)
    found = []
    for edition, members in sorted(by_edition.items()):
        by_publication: dict[str, list[Item]] = {}
        for item in members:
            if item.publication:
                by_publication.setdefault(item.publication.casefold(), []).append(item)
        for group in by_publication.values():
            share = len(group) / len(members)
            if len(group) > 1 and share > limit:
                numbers = ", ".join(str(i.source.index) for i in group)
                message = (
                    f"{group[0].publication} supplies {len(group)} of the {len(members)} items "
                    f"of edition {edition} ({_percent(share)}), more than "
                    f"digest.max_share_per_publication ({_percent(limit)}): sources {numbers}"
                )
                found.append(_warning(project, group[0], "publication-share", message))
    return found


def _percent(share: float) -> str:
    """12.5%, 10%: a decimal only where it tells two shares apart."""
    return f"{share * 100:.1f}".rstrip("0").rstrip(".") + "%"
