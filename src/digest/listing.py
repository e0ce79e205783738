"""`digest list`: one row per source, from sources.yaml and the store."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table

from digest.config import Project, edition_monday
from digest.errors import UsageError
from digest.items import Item, resolve
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
    # What `--missing` filters on; not in the JSON, which stays as it was.
    missing: frozenset[str] = frozenset()

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


MISSING = ("quote", "comment", "theme", "speaker")


@dataclass(frozen=True)
class Filters:
    """Which rows `digest list` shows: all by default."""

    edition: str | None = None
    theme: str | None = None
    language: str | None = None
    missing: str | None = None  # one of MISSING

    def keep(self, row: Row) -> bool:
        """True when `row` passes every filter given."""
        return (
            (self.edition is None or row.edition == self.edition)
            and (self.theme is None or (row.theme or "").casefold() == self.theme.casefold())
            and (self.language is None or row.language == self.language.lower())
            and (self.missing is None or self.missing in row.missing)
        )


def _missing(item: Item) -> frozenset[str]:
    source = item.source
    gaps = {name for name in ("quote", "comment", "theme") if not getattr(source, name)}
    if item.needs_speaker:
        gaps.add("speaker")
    return frozenset(gaps)


def rows(project: Project, edition: str | None = None, filters: Filters | None = None) -> list[Row]:
    """The rows of `digest list`, optionally for one edition or filtered."""
    filters = filters or Filters(edition=edition)
    if filters.missing is not None and filters.missing not in MISSING:
        raise UsageError(f"--missing takes {', '.join(MISSING)}, not '{filters.missing}'")
    if filters.edition is not None:
        edition_monday(filters.edition)  # refuses 2026-W99 with a clear message
    found, records = _store_view(project)
    result = []
    for source in project.sources:
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
                missing=_missing(item),
            )
        )
    return [row for row in result if filters.keep(row)]


COLUMNS = ("#", "status", "lang", "title", "byline", "publication", "theme", "quote")
_CAPS = {"title": 48, "byline": 28, "publication": 24, "theme": 24}
# When the terminal is narrow the texts shrink, the title first, down to these widths; then
# publication, byline and theme are left out. The number and the status always show.
_FLOORS = {"title": 20, "byline": 12, "publication": 10, "theme": 12}
_DROP_ORDER = ("publication", "byline", "theme")
_GAP = 2  # the space between two columns


def _cells(row: Row) -> dict[str, str]:
    return {
        "#": str(row.index),
        "status": row.status,
        "lang": row.language or "",
        "title": row.title or row.url,
        "byline": row.byline,
        "publication": row.publication or "",
        "theme": row.theme or "",
        "quote": "yes" if row.quote else "no",
    }


def column_widths(rows: list[Row], total: int | None) -> dict[str, int]:
    """The width of each column shown in `total` characters (None: as wide as needed)."""
    cells = [_cells(r) for r in rows]
    natural = {
        name: min(max([len(name), *(len(c[name]) for c in cells)]), _CAPS.get(name, 10**6))
        for name in COLUMNS
    }
    if total is None:
        return natural
    widths = dict(natural)
    for dropped in (None, *_DROP_ORDER):
        if dropped is not None:
            widths.pop(dropped)
        room = total - _GAP * (len(widths) - 1)
        for name in ("title", "byline", "publication", "theme"):
            excess = sum(widths.values()) - room
            if excess <= 0:
                return widths
            if name in widths:
                widths[name] = max(_FLOORS[name], widths[name] - excess)
        if sum(widths.values()) <= room:
            return widths
    widths["title"] = max(8, widths["title"] - (sum(widths.values()) - room))
    return widths


def table(rows: list[Row], width: int | None = None) -> Table:
    """A rich table of the rows, fitted to `width` characters (the number always shows)."""
    widths = column_widths(rows, width)
    grid = Table(box=None, pad_edge=False, header_style="bold", collapse_padding=False)
    for name in COLUMNS:
        if name in widths:
            grid.add_column(name, no_wrap=True, overflow="ellipsis", width=widths[name])
    for row in rows:
        cells = _cells(row)
        grid.add_row(*(cells[name] for name in COLUMNS if name in widths))
    return grid
