"""The store: migrations once, pages and articles round-trip, one transaction per item."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from digest import migrations
from digest.errors import StoreError
from digest.models import Article, Page, Quote
from digest.store import DB_NAME, FetchRecord, Store


def record(url: str, **changes: object) -> FetchRecord:
    values: dict[str, object] = {
        "url": url, "outcome": "fetched", "http_status": 200, "attempts": 1, "bytes": 5,
        "seconds": 0.1, "used": "live", "error": None, "fetched_at": "2026-11-23T10:00:00+00:00",
        "final_url": url, "canonical_url": None,
    }  # fmt: skip
    values.update(changes)
    return FetchRecord(**values)  # type: ignore[arg-type]


def page(url: str, body: bytes = b"<html>hi</html>") -> Page:
    return Page(url=url, final_url=url + "?final", body=body, status=200,
                content_type="text/html; charset=utf-8", etag='"v1"',
                last_modified="Mon, 23 Nov 2026 10:00:00 GMT",
                fetched_at="2026-11-23T10:00:00+00:00")  # fmt: skip


def test_open_creates_the_folder_applies_migrations_once_and_uses_wal(tmp_path: Path) -> None:
    folder = tmp_path / ".digest"
    with Store.open(folder):
        pass
    with Store.open(folder):
        pass
    db = sqlite3.connect(folder / DB_NAME)
    names = [row[0] for row in db.execute("SELECT name FROM _migrations")]
    assert names == [name for name, _ in migrations.MIGRATIONS]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_page_article_and_record_round_trip(tmp_path: Path) -> None:
    url = "https://news.example/a"
    article = Article(url=url, title="Un titre", authors=("Ana Lopez",), language="fr",
                      text="Du texte.", quotes=(Quote("Une citation", "Ana Lopez", mention="elle"),),
                      canonical_url="https://news.example/a-canon")  # fmt: skip
    with Store.open(tmp_path / ".digest") as store:
        store.save_item(record(url, canonical_url=article.canonical_url), page=page(url),
                        article=article)  # fmt: skip
    with Store.open(tmp_path / ".digest") as store:
        assert store.get_page(url) == page(url)
        assert store.get_article(url) == article
        assert store.articles() == {url: article}
        info = store.page_info(url)
        assert info is not None
        assert (info.origin, info.etag, info.size, info.canonical_url) == (
            "live",
            '"v1"',
            15,
            "https://news.example/a-canon",
        )
        assert store.last_fetch(url) == record(url, canonical_url=article.canonical_url)
        assert store.get_page("https://news.example/other") is None
        assert store.last_fetch("https://news.example/other") is None


def test_last_fetch_is_the_latest_record_and_history_keeps_all(tmp_path: Path) -> None:
    url = "https://news.example/a"
    with Store.open(tmp_path) as store:
        store.save_item(record(url))
        store.save_item(record(url, outcome="failed", used=None, error="HTTP 500"))
        store.save_item(record("https://b.example/"))
        last = store.last_fetch(url)
        assert last is not None and last.error == "HTTP 500" and not last.usable
        assert [r.outcome for r in store.fetch_history(url)] == ["fetched", "failed"]
        assert sorted(store.last_fetches()) == ["https://b.example/", url]
        assert store.last_fetches()[url].outcome == "failed"


def test_touch_marks_the_stored_page_fresh_without_replacing_it(tmp_path: Path) -> None:
    url = "https://news.example/a"
    with Store.open(tmp_path) as store:
        store.save_item(record(url), page=page(url))
        store.save_item(record(url, outcome="not_modified", used="stored"),
                        touch="2026-11-30T08:00:00+00:00")  # fmt: skip
        stored = store.get_page(url)
        assert stored is not None
        assert stored.body == b"<html>hi</html>"
        assert stored.fetched_at == "2026-11-30T08:00:00+00:00"


def test_a_failed_write_leaves_no_half_item(tmp_path: Path) -> None:
    url = "https://news.example/a"
    with Store.open(tmp_path) as store:
        broken = record(url, attempts=None)  # NOT NULL column: the record insert fails last
        with pytest.raises(sqlite3.IntegrityError):
            store.save_item(broken, page=page(url), article=Article(url=url, title="T"))
        assert store.get_page(url) is None
        assert store.get_article(url) is None
        store.save_item(record(url), page=page(url))  # and the store still works
        assert store.get_page(url) is not None


def test_a_reader_reads_while_a_writer_holds_a_transaction(tmp_path: Path) -> None:
    url = "https://news.example/a"
    with Store.open(tmp_path) as writer, Store.open(tmp_path) as reader:
        writer.save_item(record(url), page=page(url))
        writer._db.execute("BEGIN IMMEDIATE")  # a fetch in the middle of writing an item
        writer._db.execute("DELETE FROM pages")
        assert reader.get_page(url) is not None  # WAL: the reader sees the last commit
        writer._db.execute("ROLLBACK")


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match=r"is damaged \(file is not a database\).*digest fetch"):
        Store.open(tmp_path)
    with Store.open(tmp_path, rebuild_damaged=True) as store:  # what fetch does
        assert store.page_urls() == []
        assert store.set_aside is not None
        assert store.set_aside.read_bytes() == b"this is not sqlite at all" * 100


def test_a_store_from_a_newer_digest_is_refused(tmp_path: Path) -> None:
    with Store.open(tmp_path):
        pass
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.execute("INSERT INTO _migrations VALUES ('m999_future', 'now')")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer digest.*m999_future"):
        Store.open(tmp_path)


def test_an_article_stored_before_quotes_had_a_mention_still_reads(tmp_path: Path) -> None:
    url = "https://news.example/old"
    with Store.open(tmp_path) as store:
        store.save_item(record(url), page=page(url), article=Article(url=url))
    db = sqlite3.connect(tmp_path / DB_NAME)
    quote = {"text": "Une citation", "speaker": "Ana Lopez", "role": None, "kind": "direct",
             "score": 0.5}  # fmt: skip
    old = json.dumps({"url": url, "quotes": [quote]})
    db.execute("UPDATE articles SET data = ? WHERE url = ?", (old, url))
    db.commit()
    db.close()
    with Store.open(tmp_path) as store:
        article = store.get_article(url)
    assert article is not None
    assert article.quotes == (Quote("Une citation", "Ana Lopez", score=0.5),)
