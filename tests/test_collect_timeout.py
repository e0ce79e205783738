"""A page whose extraction never ends fails alone: its worker process is killed and replaced."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from digest import config
from digest.collect import run_fetch
from digest.config import FetchSettings, Project, Settings, Source
from digest.errors import ConfigError
from digest.models import Article
from webserver import WebServer

SETTINGS = FetchSettings(delay=0.001, timeout=2.0, connect_timeout=1.0, read_timeout=1.0,
                         retries=1, backoff=0.01, extract_timeout=3)  # fmt: skip


def stuck_on_some_pages(body: bytes, url: str, **_: object) -> Article:
    """A stand-in extractor that never ends on a page saying so, as a pathological one did."""
    if b"never ends" in body:
        while True:
            time.sleep(1)
    time.sleep(0.5)  # long enough to be in flight, on the other worker, during the kill
    return Article(url, title=body.decode())


stuck_on_some_pages.worker_process = True  # type: ignore[attr-defined]


def test_an_extraction_past_the_limit_fails_that_item_and_the_run_goes_on(tmp_path: Path) -> None:
    with WebServer() as server:
        urls = [server.page(f"/{n}", f"<p>page {n}</p>") for n in range(3)]
        urls.insert(1, server.page("/stuck", "<p>never ends</p>"))
        sources = tuple(Source(i, i, url) for i, url in enumerate(urls, 1))
        project = Project(tmp_path / "sources.yaml", Settings(fetch=SETTINGS), {}, sources)
        report = run_fetch(project, extractor=stuck_on_some_pages)
        again = run_fetch(project, extractor=stuck_on_some_pages, only=["1"], refresh=True)
    assert [(i.outcome, i.used, i.error, i.title) for i in report.items] == [
        ("fetched", "live", None, "<p>page 0</p>"),
        ("fetched", None, "extraction took longer than 3 s", None),
        ("fetched", "live", None, "<p>page 1</p>"),
        ("fetched", "live", None, "<p>page 2</p>"),
    ]
    assert report.exit_code == 1
    # The next run has workers again.
    assert [(i.used, i.title) for i in again.items] == [("live", "<p>page 0</p>")]


def test_extract_timeout_is_a_checked_setting(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text("digest:\n  fetch:\n    extract_timeout: 0\nsources: []\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        config.load(path)
    assert str(caught.value) == (
        "sources.yaml:3: digest.fetch.extract_timeout has an invalid value 0"
    )
