"""The fetch run: cache and refresh, fallbacks, politeness, the lock, proxies, REFs."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from digest.collect import ItemReport, RunLock, run_fetch
from digest.config import FetchSettings, Project, Settings, Source
from digest.errors import LockedError, StoreError, UsageError
from digest.fetch import FetchOptions
from digest.models import Article
from digest.store import Store
from webserver import WebServer, page_handler, redirect, slow, status

SETTINGS = FetchSettings(
    concurrency=8, per_host=2, delay=0.001, timeout=2.0, connect_timeout=1.0,
    read_timeout=1.0, retries=1, backoff=0.05,
)  # fmt: skip
ETAG = '"v1"'


def article(title: str) -> str:
    body = f"The body of {title}, long enough for the extractor to keep it as text."
    return (
        f"<html lang=en><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{body}</p><p>{body}</p></article></body></html>"
    )


def project(tmp: Path, urls: list[str], settings: FetchSettings = SETTINGS,
            html: dict[int, Path] | None = None) -> Project:  # fmt: skip
    sources = tuple(
        Source(index=i, line=i, url=u, html=(html or {}).get(i)) for i, u in enumerate(urls, 1)
    )
    return Project(tmp / "sources.yaml", Settings(fetch=settings), {}, sources)


@pytest.fixture
def server() -> Iterator[WebServer]:
    with WebServer() as running:
        yield running


def outcomes(items: list[ItemReport]) -> list[tuple[str, str | None]]:
    return [(i.outcome, i.used) for i in items]


def test_a_stored_page_is_not_downloaded_again(server: WebServer, tmp_path: Path) -> None:
    urls = [server.page("/a", article("A")), server.page("/b", article("B"))]
    proj = project(tmp_path, urls)
    first = run_fetch(proj)
    assert outcomes(first.items) == [("fetched", "live"), ("fetched", "live")]
    second = run_fetch(proj)
    assert outcomes(second.items) == [("cached", "stored"), ("cached", "stored")]
    assert [i.title for i in second.items] == ["A", "B"]
    assert (server.hits["/a"], server.hits["/b"]) == (1, 1)
    assert second.exit_code == 0


def test_refresh_sends_validators_and_a_304_keeps_the_stored_page(
    server: WebServer, tmp_path: Path
) -> None:
    url = server.route("/a", page_handler(article("A"), etag=ETAG))
    proj = project(tmp_path, [url])
    run_fetch(proj)
    report = run_fetch(proj, refresh=True)
    assert outcomes(report.items) == [("not_modified", "stored")]
    assert (report.items[0].http_status, report.items[0].error) == (304, None)
    assert report.items[0].title == "A"
    assert server.requests[-1].headers.get("if-none-match") == ETAG
    with Store.open(proj.store_dir) as store:
        page = store.get_page(url)
        assert page is not None and b"<title>A</title>" in page.body
        assert [r.outcome for r in store.fetch_history(url)] == ["fetched", "not_modified"]


def test_refresh_replaces_a_page_that_changed(server: WebServer, tmp_path: Path) -> None:
    url = server.page("/a", article("Old title"))
    proj = project(tmp_path, [url])
    run_fetch(proj)
    server.page("/a", article("New title"))
    report = run_fetch(proj, refresh=True)
    assert outcomes(report.items) == [("fetched", "live")]
    with Store.open(proj.store_dir) as store:
        stored = store.get_article(url)
        assert stored is not None and stored.title == "New title"


def test_a_page_older_than_max_age_is_downloaded_again(server: WebServer, tmp_path: Path) -> None:
    url = server.page("/a", article("A"))
    settings = FetchSettings(**{**SETTINGS.__dict__, "max_age_days": 1e-9})
    proj = project(tmp_path, [url], settings)
    run_fetch(proj)
    time.sleep(0.01)
    report = run_fetch(proj)
    assert outcomes(report.items) == [("fetched", "live")]
    assert server.hits["/a"] == 2


def test_the_stored_copy_is_used_when_a_refresh_fails(server: WebServer, tmp_path: Path) -> None:
    url = server.page("/a", article("A"))
    proj = project(tmp_path, [url])
    run_fetch(proj)
    server.route("/a", status(503))
    report = run_fetch(proj, refresh=True)
    (item,) = report.items
    assert (item.outcome, item.used, item.error) == ("failed", "stored", None)
    assert item.detail == "HTTP 503 Service Unavailable (after 2 attempts)"
    assert item.title == "A"
    assert report.exit_code == 0


def test_a_saved_page_that_is_missing_is_named_in_the_error(
    server: WebServer, tmp_path: Path
) -> None:
    url = server.route("/gone", status(404))
    proj = project(tmp_path, [url], html={1: tmp_path / "saved" / "gone.html"})
    (item,) = run_fetch(proj).items
    assert item.used is None
    assert item.error is not None
    assert item.error.startswith("HTTP 404 Not Found; saved page ")
    assert item.error.endswith("gone.html: No such file or directory")


@pytest.fixture
def sends(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, float]]:
    """(host, path, time) of each request as the client sends it.

    Delays between starts are checked here, not where the server receives: on a loaded machine
    a request that opens a connection reaches the server late, shortening the gap after it,
    though the client kept the delay.
    """
    sent: list[tuple[str, str, float]] = []
    send = httpx.AsyncHTTPTransport.handle_async_request

    async def timed_send(transport: httpx.AsyncHTTPTransport, request: httpx.Request) -> Any:
        sent.append((request.url.host, request.url.path, time.monotonic()))
        return await send(transport, request)

    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", timed_send)
    return sent


def test_politeness_limits_hold(tmp_path: Path, sends: list[tuple[str, str, float]]) -> None:
    """Per host: at most per_host at once and `delay` between starts; globally: the limit."""
    addresses = ["127.0.0.1", "127.0.0.2", "127.0.0.3"]
    with WebServer(addresses=addresses) as server:
        urls = []
        for n in range(4):
            urls += [server.url(f"/p{n}", address=a) for a in addresses]
            server.route(f"/p{n}", slow(0.05, page_handler(article("P"))))
        settings = FetchSettings(**{**SETTINGS.__dict__, "concurrency": 3, "per_host": 2,
                                    "delay": 0.2})  # fmt: skip
        report = run_fetch(project(tmp_path, urls, settings))
    assert [i.outcome for i in report.items] == ["fetched"] * len(urls)
    assert server.peak["*"] <= 3
    for address in addresses:
        assert server.peak[address] <= 2
        starts = sorted(at for host, _, at in sends if host == address)
        assert len(starts) == 5  # four pages and robots.txt
        gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
        # The margin, under the 0.2 s delay, covers the client's own work between its turn and
        # the send; without the delay the gaps would be under the 0.05 s a page takes.
        assert min(gaps) >= 0.1, gaps


def test_a_second_run_on_a_locked_store_exits_at_once(server: WebServer, tmp_path: Path) -> None:
    proj = project(tmp_path, [server.page("/a", article("A"))])
    with RunLock(proj.store_dir) as lock:
        lock.acquire()
        with pytest.raises(LockedError) as caught:
            run_fetch(proj)
    message = str(caught.value)
    assert message.startswith("another `digest fetch` (pid ")
    assert message.endswith(
        f"is running on {proj.store_dir}; wait for it to finish, or run with --wait"
    )
    assert server.hits["/a"] == 0


def test_wait_waits_for_the_other_run(server: WebServer, tmp_path: Path) -> None:
    proj = project(tmp_path, [server.page("/a", article("A"))])
    lock = RunLock(proj.store_dir)
    lock.acquire()
    released = threading.Event()

    def release_soon() -> None:
        time.sleep(0.3)
        released.set()
        lock.release()

    threading.Thread(target=release_soon).start()
    report = run_fetch(proj, wait=True)
    assert released.is_set()
    assert outcomes(report.items) == [("fetched", "live")]


def test_http_urls_go_through_the_proxy_from_the_environment(
    server: WebServer, tmp_path: Path
) -> None:
    server.page("/2026/a.html", article("Through the proxy"), host="news.example")
    environ = {"HTTP_PROXY": server.proxy_url}
    options = FetchOptions.from_settings(SETTINGS, environ=environ)
    proj = project(tmp_path, ["http://news.example/2026/a.html"])
    (item,) = run_fetch(proj, options=options).items
    assert (item.outcome, item.title) == ("fetched", "Through the proxy")
    proxied = [r for r in server.requests if r.path == "/2026/a.html"]
    assert [(r.proxied, r.host) for r in proxied] == [(True, "news.example")]


def test_only_fetches_the_named_sources(server: WebServer, tmp_path: Path) -> None:
    urls = [server.page(f"/{name}", article(name)) for name in ("first", "second", "third")]
    proj = project(tmp_path, urls)
    report = run_fetch(proj, only=["3", "first"])
    assert [i.index for i in report.items] == [1, 3]
    assert server.hits["/second"] == 0
    with pytest.raises(UsageError):
        run_fetch(proj, only=["nothing-like-this"])


def test_a_url_listed_twice_is_downloaded_once(server: WebServer, tmp_path: Path) -> None:
    url = server.page("/a", article("A"))
    report = run_fetch(project(tmp_path, [url, url]))
    assert outcomes(report.items) == [("fetched", "live"), ("fetched", "live")]
    assert server.hits["/a"] == 1
    assert [[i.index for i in group] for group in report.duplicates] == [[1, 2]]


def test_an_extraction_crash_fails_that_item_only(server: WebServer, tmp_path: Path) -> None:
    urls = [server.page("/boom", article("Boom")), server.page("/fine", article("Fine"))]

    def extractor(body: bytes, url: str, **_: object) -> Article:
        if url.endswith("/boom"):
            raise ValueError("unexpected markup")
        return Article(url=url, title="Fine")

    report = run_fetch(project(tmp_path, urls), extractor=extractor)
    boom, fine = report.items
    assert (boom.used, boom.error) == (None, "extraction failed: ValueError: unexpected markup")
    assert (fine.outcome, fine.title) == ("fetched", "Fine")
    assert report.exit_code == 1


def test_ignore_robots_fetches_a_disallowed_page_for_this_run(
    server: WebServer, tmp_path: Path
) -> None:
    server.page("/robots.txt", "User-agent: *\nDisallow: /\n", "text/plain")
    proj = project(tmp_path, [server.page("/a", article("A"))])
    (refused,) = run_fetch(proj).items
    assert refused.error is not None and refused.error.startswith("disallowed by ")
    (allowed,) = run_fetch(proj, ignore_robots=True).items
    assert (allowed.outcome, allowed.title) == ("fetched", "A")
    (later,) = run_fetch(proj, refresh=True).items  # the next run honours robots.txt again
    assert (later.outcome, later.used) == ("failed", "stored")


def test_a_304_without_a_stored_copy_is_a_failure(server: WebServer, tmp_path: Path) -> None:
    url = server.route("/a", status(304))
    (item,) = run_fetch(project(tmp_path, [url])).items
    assert (item.outcome, item.used, item.http_status) == ("failed", None, 304)
    assert item.error == "HTTP 304 Not Modified, but there is no stored copy"


def test_robots_crawl_delay_slows_this_host_down(
    server: WebServer, tmp_path: Path, sends: list[tuple[str, str, float]]
) -> None:
    server.page("/robots.txt", "User-agent: *\nCrawl-delay: 1\n", "text/plain")
    urls = [server.page(f"/p{n}", article(f"P{n}")) for n in range(2)]
    report = run_fetch(project(tmp_path, urls))  # our own delay is 1 ms
    assert [i.outcome for i in report.items] == ["fetched"] * 2
    first, second = sorted(at for _, path, at in sends if path.startswith("/p"))
    assert second - first >= 0.9  # 1 s, less the client's own work between its turn and the send


def test_no_sources_is_an_empty_successful_run(tmp_path: Path) -> None:
    report = run_fetch(project(tmp_path, []))
    assert (report.items, report.duplicates, report.exit_code) == ([], [], 0)


def test_a_folder_of_sites_is_served_through_the_proxy(tmp_path: Path) -> None:
    site = tmp_path / "pages" / "news.example" / "2026"
    site.mkdir(parents=True)
    (site / "story.html").write_bytes(article("Café crème").encode("cp1252"))
    with WebServer() as server:
        urls = server.serve_hosts(tmp_path / "pages")
        assert urls == ["http://news.example/2026/story.html"]
        options = FetchOptions.from_settings(SETTINGS, environ={"http_proxy": server.proxy_url})
        (item,) = run_fetch(project(tmp_path, urls), options=options).items
    assert (item.outcome, item.title) == ("fetched", "Café crème")


def test_a_robots_txt_server_error_means_wait(server: WebServer, tmp_path: Path) -> None:
    server.route("/robots.txt", status(503))
    url = server.page("/a", article("A"))
    (item,) = run_fetch(project(tmp_path, [url])).items
    origin = url.rsplit("/", 1)[0]
    assert (item.outcome, item.attempts) == ("failed", 0)
    assert item.error == f"{origin}/robots.txt answered HTTP 503; robots.txt says to wait"
    assert server.hits["/a"] == 0


def test_too_many_redirects_are_a_failure(server: WebServer, tmp_path: Path) -> None:
    for n in range(12):
        server.route(f"/r{n}", redirect(f"/r{n + 1}"))
    (item,) = run_fetch(project(tmp_path, [server.url("/r0")])).items
    assert (item.outcome, item.error) == ("failed", "more than 10 redirects")
    assert server.hits["/r10"] == 1 and server.hits["/r11"] == 0


def test_a_store_folder_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / ".digest").write_text("a file where the store folder should be")
    with pytest.raises(StoreError, match=r"cannot create the run lock .*\.digest/fetch\.lock"):
        run_fetch(project(tmp_path, ["http://127.0.0.1:9/a"]))


def paywalled(title: str, words: int) -> str:
    text = " ".join(["Lorem ipsum dolor sit amet, consectetur adipiscing elit."] * (words // 8))
    return (
        f"<html lang=en><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{text}</p></article></body></html>"
    )


def test_a_saved_page_with_the_whole_article_beats_a_live_teaser(
    server: WebServer, tmp_path: Path
) -> None:
    url = server.page("/paywall", paywalled("Teaser", 40))
    saved = tmp_path / "saved.html"
    saved.write_text(paywalled("Whole article", 400), encoding="utf-8")
    proj = project(tmp_path, [url], html={1: saved})
    (item,) = run_fetch(proj).items
    assert (item.outcome, item.used, item.error, item.title) == (
        "fetched", "saved", None, "Whole article",
    )  # fmt: skip
    assert item.detail == "the live page shows 40 words of text, the saved page 400"
    with Store.open(proj.store_dir) as store:
        stored = store.get_article(url)
        assert stored is not None and stored.title == "Whole article"
    # Once the wall is down the live page is whole again, and it wins.
    server.page("/paywall", paywalled("Live article", 400))
    (item,) = run_fetch(proj).items
    assert (item.used, item.title, item.detail) == ("live", "Live article", None)


def test_a_live_page_as_full_as_the_saved_one_wins(server: WebServer, tmp_path: Path) -> None:
    url = server.page("/open", paywalled("Live", 300))
    saved = tmp_path / "saved.html"
    saved.write_text(paywalled("Saved", 400), encoding="utf-8")
    (item,) = run_fetch(project(tmp_path, [url], html={1: saved})).items
    assert (item.used, item.title) == ("live", "Live")
