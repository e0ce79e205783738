"""`digest list`: one row per source, from sources.yaml and the store."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table

from digest.config import Project, edition_monday
from digest.items import resolve
from digest.models import Article
from digest.store import FetchRecord, Store


@dataclass(frozen=True)
class Row:
    """One source as `digest list` shows it."""

    index: int
    url: str
    edition: str | None
    status: str  # fetched, saved, stored, failed, not fetched
    error: str | None
    language: str | None
    title: str | None
    byline: str
    publication: str | None
    theme: str | None
    quote: bool  # the curator chose a quote

    def to_json(self) -> dict[str, object]:
        return {
            "index": self.index,
            "url": self.url,
            "edition": self.edition,
            "status": self.status,
            "error": self.error,
            "language": self.language,
            "title": self.title,
            "authors": self.byline,
            "publication": self.publication,
            "theme": self.theme,
            "quote": self.quote,
        }


def articles(project: Project) -> dict[str, Article]:
    """Every extraction in the store, by URL; empty when nothing was fetched yet."""
    return _store_view(project)[0]


def _store_view(project: Project) -> tuple[dict[str, Article], dict[str, FetchRecord]]:
    """Extractions and last fetches by URL, in one visit to the store (none if it is absent)."""
    if not project.store_dir.exists():
        return {}, {}
    with Store.open(project.store_dir) as store:
        return store.articles(), store.last_fetches()


def _status(record: FetchRecord | None, article: Article | None) -> str:
    if record is None:
        return "fetched" if article else "not fetched"
    if record.error is not None:
        return "failed"
    if record.used == "saved":
        return "saved"
    if record.used == "stored" and record.outcome not in ("cached", "not_modified"):
        return "stored"
    return "fetched"


def rows(project: Project, edition: str | None = None) -> list[Row]:
    """The rows of `digest list`, optionally for one edition."""
    if edition is not None:
        edition_monday(edition)  # refuses 2026-W99 with a clear message
    found, records = _store_view(project)
    result = []
    for source in project.sources:
        if edition and source.edition_key != edition:
            continue
        article = found.get(source.url)
        item = resolve(source, article, project.settings)
        record = records.get(source.url)
        result.append(
            Row(
                index=source.index,
                url=source.url,
                edition=source.edition_key,
                status=_status(record, article),
                error=record.error if record else None,
                language=item.language,
                title=item.title if article or source.title else None,
                byline=", ".join(item.authors),
                publication=item.publication if article or source.publication else None,
                theme=source.theme,
                quote=bool(source.quote),
            )
        )
    return result


def table(rows: list[Row]) -> Table:
    """A rich table of the rows, for a terminal."""
    grid = Table(box=None, pad_edge=False, header_style="bold")
    widths = {"title": 48, "byline": 28, "publication": 24, "theme": 24}
    for name in ("#", "status", "lang", "title", "byline", "publication", "theme", "quote"):
        grid.add_column(name, no_wrap=True, overflow="ellipsis", max_width=widths.get(name))
    for row in rows:
        grid.add_row(
            str(row.index),
            row.status,
            row.language or "",
            row.title or row.url,
            row.byline,
            row.publication or "",
            row.theme or "",
            "yes" if row.quote else "no",
        )
    return grid
