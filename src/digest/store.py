"""The SQLite store under .digest/: pages, extraction results, fetch history. Only SQL lives here.

The store is a cache: deleting .digest/ loses no decision of the curator's. It runs in WAL mode
with a busy timeout so that `digest list` reads while a fetch writes, and every item is written
in one transaction so that a process killed mid-run leaves whole items or none.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from digest import migrations
from digest.errors import StoreError
from digest.models import Article, Page

DB_NAME = "store.sqlite3"
BUSY_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class FetchRecord:
    """What happened to one source in one fetch run."""

    url: str
    outcome: str  # fetched | cached | not_modified | failed | not_article | interrupted
    http_status: int | None
    attempts: int
    bytes: int
    seconds: float
    used: str | None  # live | stored | saved | None when nothing usable
    error: str | None  # None exactly when the item is usable
    fetched_at: str
    final_url: str | None = None
    canonical_url: str | None = None
    detail: str | None = None  # why the live page was not used, even when a fallback was

    @property
    def usable(self) -> bool:
        """True when a page (live, stored or saved) backs this source."""
        return self.error is None


@dataclass(frozen=True)
class PageInfo:
    """A stored page without its body: enough to decide whether to download it again."""

    url: str
    final_url: str
    canonical_url: str | None
    origin: str  # live | saved
    status: int
    etag: str | None
    last_modified: str | None
    fetched_at: str
    size: int


@dataclass(frozen=True)
class Candidate:
    """An article suggested by a feed or an import, waiting in the inbox."""

    key: str  # urls.article_key(url)
    url: str
    title: str | None
    summary: str | None
    published: str | None
    feed: str
    theme: str | None
    found_at: str


_CANDIDATE_COLUMNS = "key, url, title, summary, published, feed, theme, found_at"


class Store:
    """The store of one project: open with `Store.open(folder)`, use as a context manager."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db = db
        self.path = path
        self.set_aside: Path | None = None  # where a damaged store went (open with rebuild)

    @classmethod
    def open(cls, folder: Path, *, rebuild_damaged: bool = False) -> Store:
        """Open (creating if needed) the store in `folder` and bring its schema up to date.

        With `rebuild_damaged` (fetch), the whole file is checked first; a damaged one is set
        aside, kept under another name, and a new store takes its place: it is a cache.
        """
        path = folder / DB_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the store folder {folder}: {exc.strerror}") from None
        _refuse_read_only(folder, path)
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction is exactly
            # one item and nothing is left open between them.
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {path}: {exc}") from None
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode = WAL")
            # NORMAL is safe in WAL mode against a killed process; only a power cut may lose
            # the last transactions, never corrupt the file.
            db.execute("PRAGMA synchronous = NORMAL")
            migrations.apply(db)
            _refuse_newer(db, path)
            if rebuild_damaged:
                _check_whole(db)
        except sqlite3.DatabaseError as exc:
            db.close()
            if _is_damage(exc) and rebuild_damaged:
                kept = _set_aside(path)
                store = cls.open(folder)
                store.set_aside = kept
                store._salvage(kept)
                return store
            if _is_damage(exc):
                raise StoreError(_damaged(path, exc)) from None
            raise StoreError(
                f"{path} is not a usable digest store ({exc}); delete {folder} and run "
                "`digest fetch` to rebuild it"
            ) from None
        except StoreError:
            db.close()
            raise
        return cls(db, path)

    def _salvage(self, damaged: Path) -> None:
        """Copy into this new store every table of a damaged one that can still be read whole.

        The pages are a cache, but the fetch history and the inbox's dismissals are not
        re-fetchable: what a bad page of the file did not touch is kept.
        """
        try:
            self._db.execute("ATTACH DATABASE ? AS damaged", (str(damaged),))
        except sqlite3.DatabaseError:
            return  # not even readable as a database: everything starts empty
        try:
            tables = [
                name
                for (name,) in self._db.execute(
                    "SELECT name FROM main.sqlite_master WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite_%' AND name != '_migrations'"
                )
            ]
            for table in tables:
                columns = ", ".join(
                    f'"{row[1]}"' for row in self._db.execute(f'PRAGMA main.table_info("{table}")')
                )
                try:
                    with self._transaction():
                        self._db.execute(
                            f'INSERT OR IGNORE INTO main."{table}" ({columns})'
                            f' SELECT {columns} FROM damaged."{table}"'
                        )
                except sqlite3.DatabaseError:
                    continue  # this table was hit: it starts empty
        except sqlite3.DatabaseError:
            pass  # not even the schema can be read: everything starts empty
        finally:
            with contextlib.suppress(sqlite3.DatabaseError):
                self._db.execute("DETACH DATABASE damaged")

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ reading

    def get_page(self, url: str) -> Page | None:
        """The stored page for a source URL, body included."""
        with self._reading():
            row = self._db.execute(
                "SELECT url, final_url, body, status, content_type, etag, last_modified, fetched_at"
                " FROM pages WHERE url = ?",
                (url,),
            ).fetchone()
            if row is None:
                return None
            return Page(
                url=row[0],
                final_url=row[1],
                body=bytes(row[2]),
                status=row[3],
                content_type=row[4],
                etag=row[5],
                last_modified=row[6],
                fetched_at=row[7],
            )

    def page_info(self, url: str) -> PageInfo | None:
        """What is known of the stored page for `url`, without reading its body."""
        with self._reading():
            row = self._db.execute(
                "SELECT url, final_url, canonical_url, origin, status, etag, last_modified,"
                " fetched_at, length(body) FROM pages WHERE url = ?",
                (url,),
            ).fetchone()
            return None if row is None else PageInfo(*row)

    def page_urls(self) -> list[str]:
        """Every URL with a stored page, sorted."""
        with self._reading():
            return [row[0] for row in self._db.execute("SELECT url FROM pages ORDER BY url")]

    def get_article(self, url: str) -> Article | None:
        """The extraction result for a source URL (None if missing or undecodable)."""
        with self._reading():
            row = self._db.execute("SELECT data FROM articles WHERE url = ?", (url,)).fetchone()
        return None if row is None else _article(row[0])

    def articles(self) -> dict[str, Article]:
        """Every stored extraction result that can be decoded, by source URL."""
        with self._reading():
            rows = self._db.execute("SELECT url, data FROM articles ORDER BY url").fetchall()
        decoded = {url: _article(data) for url, data in rows}
        return {url: article for url, article in decoded.items() if article is not None}

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """SQLite's errors as a StoreError that says what to do."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            raise StoreError(store_problem(exc, self.path)) from None

    def last_fetch(self, url: str) -> FetchRecord | None:
        """The most recent fetch record for a source URL."""
        with self._reading():
            row = self._db.execute(
                f"SELECT {_RECORD_COLUMNS} FROM fetches WHERE url = ? ORDER BY id DESC LIMIT 1",
                (url,),
            ).fetchone()
            return None if row is None else FetchRecord(*row)

    def last_fetches(self) -> dict[str, FetchRecord]:
        """The most recent fetch record of every URL ever fetched."""
        with self._reading():
            rows = self._db.execute(
                f"SELECT {_RECORD_COLUMNS} FROM fetches WHERE id IN"
                " (SELECT max(id) FROM fetches GROUP BY url)"
            )
            return {row[0]: FetchRecord(*row) for row in rows}

    def fetch_history(self, url: str) -> list[FetchRecord]:
        """Every fetch record of a URL, oldest first."""
        with self._reading():
            rows = self._db.execute(
                f"SELECT {_RECORD_COLUMNS} FROM fetches WHERE url = ? ORDER BY id", (url,)
            )
            return [FetchRecord(*row) for row in rows]

    # ------------------------------------------------------------------ writing

    def save_item(
        self,
        record: FetchRecord,
        *,
        page: Page | None = None,
        origin: str = "live",
        article: Article | None = None,
        touch: str | None = None,
    ) -> None:
        """Write one item's outcome in one transaction: page, article and fetch record.

        `touch` (an ISO datetime) marks the stored page as confirmed fresh then, for a 304.
        """
        with self._transaction():
            if page is not None:
                self._db.execute(
                    "INSERT OR REPLACE INTO pages (url, final_url, canonical_url, origin, status,"
                    " content_type, etag, last_modified, fetched_at, body)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        page.url,
                        page.final_url,
                        record.canonical_url,
                        origin,
                        page.status,
                        page.content_type,
                        page.etag,
                        page.last_modified,
                        page.fetched_at or record.fetched_at,
                        page.body,
                    ),
                )
            if touch is not None:
                self._db.execute(
                    "UPDATE pages SET fetched_at = ? WHERE url = ?", (touch, record.url)
                )
            if article is not None:
                self._db.execute(
                    "INSERT OR REPLACE INTO articles (url, extracted_at, data) VALUES (?, ?, ?)",
                    (record.url, record.fetched_at, json.dumps(article.to_dict())),
                )
            self._db.execute(
                f"INSERT INTO fetches ({_RECORD_COLUMNS}) VALUES ({_RECORD_PLACEHOLDERS})",
                _record_values(record),
            )

    # ------------------------------------------------------------------ the inbox

    def candidates(self) -> list[Candidate]:
        """Every candidate, newest first (published, else found), then by URL."""
        with self._reading():
            rows = self._db.execute(
                f"SELECT {_CANDIDATE_COLUMNS} FROM candidates"
                " ORDER BY coalesce(published, found_at) DESC, found_at DESC, url"
            ).fetchall()
        return [Candidate(*row) for row in rows]

    def inbox_keys(self) -> set[str]:
        """The keys of every candidate and every dismissal: URLs never to suggest again."""
        with self._reading():
            rows = self._db.execute(
                "SELECT key FROM candidates UNION SELECT key FROM dismissed"
            ).fetchall()
        return {row[0] for row in rows}

    def add_candidates(self, candidates: list[Candidate]) -> list[Candidate]:
        """Add the candidates not yet in the inbox nor dismissed; return those added."""
        added: list[Candidate] = []
        with self._transaction():
            for candidate in candidates:
                cursor = self._db.execute(
                    f"INSERT OR IGNORE INTO candidates ({_CANDIDATE_COLUMNS})"
                    " SELECT ?, ?, ?, ?, ?, ?, ?, ?"
                    " WHERE NOT EXISTS (SELECT 1 FROM dismissed WHERE key = ?)",
                    (*_candidate_values(candidate), candidate.key),
                )
                if cursor.rowcount:
                    added.append(candidate)
        return added

    def remove_candidates(self, keys: list[str], *, dismissed_at: str | None = None) -> None:
        """Take candidates out of the inbox; with `dismissed_at`, never suggest them again."""
        with self._transaction():
            for key in keys:
                if dismissed_at is not None:
                    self._db.execute(
                        "INSERT OR IGNORE INTO dismissed (key, url, dismissed_at)"
                        " SELECT key, url, ? FROM candidates WHERE key = ?",
                        (dismissed_at, key),
                    )
                self._db.execute("DELETE FROM candidates WHERE key = ?", (key,))

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified a feed last answered with."""
        with self._reading():
            row = self._db.execute(
                "SELECT etag, last_modified FROM feed_state WHERE url = ?", (url,)
            ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_feed_validators(
        self, url: str, etag: str | None, last_modified: str | None, checked_at: str
    ) -> None:
        """Remember a feed's validators for the next conditional request."""
        with self._transaction():
            self._db.execute(
                "INSERT OR REPLACE INTO feed_state (url, etag, last_modified, checked_at)"
                " VALUES (?, ?, ?, ?)",
                (url, etag, last_modified, checked_at),
            )

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception (KeyboardInterrupt included)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._db.execute("COMMIT" if exc_type is None else "ROLLBACK")


_RECORD_FIELDS = (
    "url",
    "outcome",
    "http_status",
    "attempts",
    "bytes",
    "seconds",
    "used",
    "error",
    "fetched_at",
    "final_url",
    "canonical_url",
    "detail",
)
_RECORD_COLUMNS = ", ".join(_RECORD_FIELDS)
_RECORD_PLACEHOLDERS = ", ".join("?" for _ in _RECORD_FIELDS)


def _article(data: object) -> Article | None:
    """A stored article, or None when its row cannot be decoded (fetch extracts it again)."""
    try:
        return Article.from_dict(json.loads(data))  # type: ignore[arg-type]
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """True when SQLite says the file itself is damaged (not locked, not full)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB" or isinstance(exc, _Damage)


class _Damage(sqlite3.DatabaseError):
    """PRAGMA quick_check found the file damaged."""


def _check_whole(db: sqlite3.Connection) -> None:
    """Read every page of the store (PRAGMA quick_check); raise _Damage when one is bad."""
    problems = [row[0] for row in db.execute("PRAGMA quick_check(3)")]
    if problems != ["ok"]:
        raise _Damage("; ".join(problems))


def store_problem(exc: sqlite3.DatabaseError, path: Path | None = None) -> str:
    """What went wrong reading the store, and what to do about it."""
    where = path or Path(".digest", DB_NAME)
    if _is_damage(exc):
        return _damaged(where, exc)
    return f"cannot read the store {where}: {exc}"


def _damaged(path: Path, exc: sqlite3.DatabaseError) -> str:
    return (
        f"the store {path} is damaged ({exc}). It is a cache: run `digest fetch`, which sets "
        "the damaged file aside and rebuilds the store; sources.yaml and your saved pages "
        "(html:) are not in it"
    )


def _set_aside(path: Path) -> Path:
    """Rename a damaged store (and its WAL) out of the way, keeping it; return its new name."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        path.replace(kept)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.replace(kept.with_name(kept.name + suffix))
    except OSError as exc:
        raise StoreError(
            f"the store {path} is damaged and cannot be set aside ({exc.strerror}); move it "
            "away and run `digest fetch` again"
        ) from None
    return kept


def _record_values(record: FetchRecord) -> tuple[Any, ...]:
    return tuple(getattr(record, name) for name in _RECORD_FIELDS)


def _refuse_read_only(folder: Path, path: Path) -> None:
    """A store we may not write is a permissions problem, never a reason to delete it."""
    if all(os.access(p, os.W_OK) for p in (folder, path) if p.exists()):
        return
    raise StoreError(
        f"{folder} is read-only, and digest writes its store there; check its permissions "
        "(do not delete it: it holds the pages fetched so far)"
    )


def _candidate_values(candidate: Candidate) -> tuple[Any, ...]:
    return (
        candidate.key, candidate.url, candidate.title, candidate.summary, candidate.published,
        candidate.feed, candidate.theme, candidate.found_at,
    )  # fmt: skip


def _refuse_newer(db: sqlite3.Connection, path: Path) -> None:
    """A store written by a newer digest has migrations we do not know: do not touch it."""
    known = {name for name, _ in migrations.MIGRATIONS}
    unknown = sorted(
        name for (name,) in db.execute("SELECT name FROM _migrations") if name not in known
    )
    if unknown:
        raise StoreError(
            f"{path} was written by a newer digest (migration {unknown[-1]}); upgrade digest"
        )
