"""Append-only, named schema migrations for the store under .digest/.

Each migration runs once, in order, inside the transaction that records it in `_migrations`.
Never edit or reorder a migration that has shipped: add `m00N_...` at the end instead.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


def m001_initial(db: sqlite3.Connection) -> None:
    """Pages, extraction results and the fetch history."""
    db.execute(
        """
        CREATE TABLE pages (
            url TEXT PRIMARY KEY,          -- the URL the curator listed
            final_url TEXT NOT NULL,       -- after redirects (the saved file's URL for `html:`)
            canonical_url TEXT,            -- <link rel=canonical>, when the page has one
            origin TEXT NOT NULL,          -- live | saved
            status INTEGER NOT NULL,
            content_type TEXT,
            etag TEXT,
            last_modified TEXT,
            fetched_at TEXT NOT NULL,      -- ISO datetime, UTC
            body BLOB NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE articles (
            url TEXT PRIMARY KEY,
            extracted_at TEXT NOT NULL,
            data TEXT NOT NULL             -- models.Article.to_dict() as JSON
        )
        """
    )
    db.execute(
        """
        CREATE TABLE fetches (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            url TEXT NOT NULL,
            outcome TEXT NOT NULL,
            http_status INTEGER,
            attempts INTEGER NOT NULL,
            bytes INTEGER NOT NULL,
            seconds REAL NOT NULL,
            used TEXT,                     -- live | stored | saved | NULL (nothing usable)
            error TEXT,                    -- NULL exactly when the item is usable
            detail TEXT,                   -- why the live page was not used, even when usable
            fetched_at TEXT NOT NULL,
            final_url TEXT,
            canonical_url TEXT
        )
        """
    )
    db.execute("CREATE INDEX fetches_by_url ON fetches (url, id)")


MIGRATIONS: tuple[tuple[str, Migration], ...] = (("m001_initial", m001_initial),)


def apply(db: sqlite3.Connection) -> list[str]:
    """Apply the migrations this store has not seen yet; return their names."""
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    done = {row[0] for row in db.execute("SELECT name FROM _migrations")}
    applied: list[str] = []
    for name, migration in MIGRATIONS:
        if name in done:
            continue
        # BEGIN IMMEDIATE: two processes opening a fresh store must not both run m001.
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("SELECT 1 FROM _migrations WHERE name = ?", (name,)).fetchone():
                db.execute("ROLLBACK")
                continue
            migration(db)
            db.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, datetime('now'))", (name,)
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied
