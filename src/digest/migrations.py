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


def m002_inbox(db: sqlite3.Connection) -> None:
    """The inbox: candidates from feeds and imports, dismissals, and each feed's validators."""
    db.execute(
        """
        CREATE TABLE candidates (
            key TEXT PRIMARY KEY,          -- urls.article_key(url): one article, one row
            url TEXT NOT NULL,             -- as published, without tracking parameters
            title TEXT,
            summary TEXT,
            published TEXT,                -- ISO date or datetime, when the feed says
            feed TEXT NOT NULL,            -- the feed or imported file it came from
            theme TEXT,                    -- the theme it suggests
            found_at TEXT NOT NULL         -- ISO datetime, UTC
        )
        """
    )
    db.execute(
        """
        CREATE TABLE dismissed (
            key TEXT PRIMARY KEY,          -- never suggested again
            url TEXT NOT NULL,
            dismissed_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE feed_state (
            url TEXT PRIMARY KEY,          -- a feed document, after home pages and OPML
            etag TEXT,
            last_modified TEXT,
            checked_at TEXT NOT NULL
        )
        """
    )


MIGRATIONS: tuple[tuple[str, Migration], ...] = (
    ("m001_initial", m001_initial),
    ("m002_inbox", m002_inbox),
)


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
