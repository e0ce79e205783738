"""Interrupted runs: SIGKILL mid-run leaves a store the next run resumes from; SIGTERM stops
cleanly. Both drive the real command line in a subprocess against the local server."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from digest.store import DB_NAME
from webserver import WebServer, held, page_handler

ADDRESSES = ["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"]
PAGES = 200


def article(n: int) -> str:
    text = f"Paragraph of article number {n}, with enough words to count as body text."
    return (
        f"<html lang=en><head><title>Article {n}</title></head><body><article>"
        f"<h1>Article {n}</h1><p>{text}</p><p>{text}</p></article></body></html>"
    )


@contextmanager
def local_review(tmp_path: Path, pages: int) -> Iterator[tuple[WebServer, Path, list[str]]]:
    """`pages` pages on four local hosts, each answer 20 ms late, and a sources.yaml citing them."""
    with WebServer(addresses=ADDRESSES, latency=0.02) as server:
        urls = []
        for n in range(pages):
            server.route(f"/articles/{n}.html", page_handler(article(n)))
            urls.append(server.url(f"/articles/{n}.html", address=ADDRESSES[n % len(ADDRESSES)]))
        sources = tmp_path / "sources.yaml"
        sources.write_text(
            "digest:\n  title: Kill test\n  language: en\n"
            # the gated pages must wait out a loaded machine: their budget is not what is tested
            "  fetch: {per_host: 4, delay: 0.001, timeout: 60, retries: 1, backoff: 0.05}\n"
            "sources:\n" + "".join(f"  - url: {url}\n" for url in urls),
            encoding="utf-8",
        )
        yield server, sources, urls


@pytest.fixture
def review(tmp_path: Path) -> Iterator[tuple[WebServer, Path, list[str]]]:
    """The 200-page review of the kill test."""
    with local_review(tmp_path, PAGES) as parts:
        yield parts


@pytest.fixture
def small_review(tmp_path: Path) -> Iterator[tuple[WebServer, Path, list[str], threading.Event]]:
    """A 40-page review whose pages after the fifth wait for the test to open the gate."""
    gate = threading.Event()
    with local_review(tmp_path, 40) as (server, sources, urls):
        for n in range(5, 40):
            server.route(f"/articles/{n}.html", held(gate, page_handler(article(n))))
        try:
            yield server, sources, urls, gate
        finally:
            gate.set()


def digest(sources: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "digest", "--sources", str(sources), *args]


def stored_pages(db_path: Path) -> int:
    if not db_path.exists():
        return 0
    try:
        with sqlite3.connect(db_path, timeout=5) as db:
            return int(db.execute("SELECT count(*) FROM pages").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def complete_run(sources: Path) -> dict[str, Any]:
    """Run `digest fetch --json` to the end; it must exit 0."""
    run = subprocess.run(digest(sources, "fetch", "--json"), capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    report: dict[str, Any] = json.loads(run.stdout)
    return report


def start_and_wait_for(sources: Path, pages: int) -> subprocess.Popen[str]:
    """Start `digest fetch` and return once it has stored at least `pages` pages."""
    process = subprocess.Popen(
        digest(sources, "fetch", "--json"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    db_path = sources.parent / ".digest" / DB_NAME
    deadline = time.monotonic() + 60
    while stored_pages(db_path) < pages:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the fetch did not progress"
        time.sleep(0.01)
    return process


def test_a_run_killed_mid_way_is_resumed_with_every_page_stored_once(
    review: tuple[WebServer, Path, list[str]],
) -> None:
    server, sources, urls = review
    process = start_and_wait_for(sources, 20)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    db_path = sources.parent / ".digest" / DB_NAME
    after_kill = stored_pages(db_path)
    assert 20 <= after_kill < PAGES, "the kill came too late to test anything"

    report = complete_run(sources)
    outcomes = [item["outcome"] for item in report["items"]]
    assert outcomes.count("cached") >= after_kill
    assert set(outcomes) <= {"cached", "fetched"}

    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        pages = [row[0] for row in db.execute("SELECT url FROM pages")]
        articles = [row[0] for row in db.execute("SELECT url FROM articles")]
        downloads = dict(
            db.execute("SELECT url, count(*) FROM fetches WHERE outcome = 'fetched' GROUP BY url")
        )
    assert sorted(pages) == sorted(urls) and len(pages) == PAGES
    assert sorted(articles) == sorted(urls)
    assert set(downloads.values()) == {1}  # each page written by one run only
    # pages in flight at the kill were downloaded twice, the others once
    assert all(server.hits[f"/articles/{n}.html"] in (1, 2) for n in range(PAGES))


def test_sigterm_stops_cleanly_and_the_next_run_completes(
    small_review: tuple[WebServer, Path, list[str], threading.Event],
) -> None:
    _, sources, urls, gate = small_review
    process = start_and_wait_for(sources, 5)
    # WAL and a busy timeout: the curator can list the sources while the fetch writes
    listing = subprocess.run(digest(sources, "list", "--json"), capture_output=True, text=True)
    assert listing.returncode == 0, listing.stderr
    assert len(json.loads(listing.stdout)) == len(urls)
    assert process.poll() is None
    process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 1, stderr
    report = json.loads(stdout)
    assert report["interrupted"] is True
    outcomes = [i["outcome"] for i in report["items"]]
    assert outcomes == ["fetched"] * 5 + ["interrupted"] * 35
    assert {i["error"] for i in report["items"][5:]} == {"interrupted before it finished"}
    assert "Traceback" not in stderr

    gate.set()
    rerun = complete_run(sources)
    assert [i["outcome"] for i in rerun["items"]] == ["cached"] * 5 + ["fetched"] * 35


@pytest.mark.skipif(os.name != "posix", reason="flock")
def test_a_second_cli_run_on_a_locked_store_says_so_and_exits_1(
    small_review: tuple[WebServer, Path, list[str], threading.Event],
) -> None:
    from digest.collect import RunLock

    sources = small_review[1]
    with RunLock(sources.parent / ".digest") as lock:
        lock.acquire()
        second = subprocess.run(digest(sources, "fetch"), capture_output=True, text=True)
    assert second.returncode == 1
    assert "another `digest fetch` (pid" in second.stderr
    assert "or run with --wait" in second.stderr
