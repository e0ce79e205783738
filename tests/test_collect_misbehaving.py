"""`digest fetch` against a real server on 127.0.0.x that misbehaves on purpose.

One run fetches every case at once, each misbehaving source on an address of its own (so its
per-host limit is its own), next to three well-behaved pages; each test checks one case's
recorded outcome, in the report and in the store, and that the good pages were fetched anyway.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from digest.collect import FetchReport, ItemReport, run_fetch
from digest.config import FetchSettings, Project, Settings, Source
from digest.fetch import FetchOptions
from digest.models import Article
from digest.store import FetchRecord, Store
from webserver import (
    Connection,
    Request,
    WebServer,
    gzip_bomb,
    gzipped,
    huge,
    page_handler,
    redirect,
    reset,
    robots,
    sequence,
    slow,
    status,
    trickle,
)

SETTINGS = FetchSettings(
    concurrency=16, per_host=2, delay=0.001, timeout=3.0, connect_timeout=1.0,
    read_timeout=0.4, retries=2, backoff=0.1, max_bytes=10_000_000,
    user_agent="digest-test/0.1 (+mailto:curator@example.org)",
)  # fmt: skip
LATIN1_TEXT = "Déjà l'été : « Ça coûte cher », dit Zoé à la fenêtre de l'hôtel près de Noël."


def article(title: str, paragraph: str = "", *, lang: str = "en", canonical: str = "") -> str:
    """A small but real article page."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraph = paragraph or f"This is the body of {title}, a paragraph long enough to be kept."
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>{title}</title>{link}</head>'
        f"<body><article><h1>{title}</h1><p>{paragraph}</p>"
        f"<p>{paragraph} Second paragraph, for the extractor.</p></article></body></html>"
    )


def latin1_page(*, declared: bool) -> bytes:
    meta = '<meta charset="iso-8859-1">' if declared else ""
    html = (
        f'<html lang="fr"><head>{meta}<title>Été à Noël</title></head><body><article>'
        f"<h1>Été à Noël</h1><p>{LATIN1_TEXT}</p><p>{LATIN1_TEXT}</p></article></body></html>"
    )
    return html.encode("iso-8859-1")


def project(tmp: Path, urls: list[str], *, html: dict[int, Path] | None = None) -> Project:
    sources = tuple(
        Source(index=i, line=i, url=url, html=(html or {}).get(i))
        for i, url in enumerate(urls, start=1)
    )
    return Project(tmp / "sources.yaml", Settings(fetch=SETTINGS), {}, sources)


def options(**changes: object) -> FetchOptions:
    """Options from SETTINGS, never from the environment's proxies."""
    base = FetchOptions.from_settings(SETTINGS, environ={})
    return FetchOptions(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def retry_after_date(seconds: float) -> str:
    return email.utils.formatdate(time.time() + seconds, usegmt=True)


async def _retry_after_in_two_seconds(request: Request, conn: Connection) -> None:
    await status(429, {"Retry-After": retry_after_date(2)})(request, conn)


@dataclass
class Run:
    server: WebServer
    report: FetchReport
    urls: dict[str, str]
    records: dict[str, FetchRecord]
    stored_pages: list[str]
    articles: dict[str, Article]

    def item(self, case: str) -> ItemReport:
        (found,) = [i for i in self.report.items if i.url == self.urls[case]]
        return found

    def record(self, case: str) -> FetchRecord:
        return self.records[self.urls[case]]


CASES = [
    "good1", "good2", "good3", "slow_ok", "slow_timeout", "trickle", "reset", "retry_after",
    "retry_after_date", "retry_after_too_long", "error_then_ok", "redirect_loop",
    "redirect_scheme", "redirect_ok", "huge_declared", "huge_streamed", "gzip_bomb", "pdf",
    "latin1_declared", "latin1_undeclared", "robots", "empty", "saved_fallback", "gzipped",
    "tracking_copy", "not_found",
]  # fmt: skip


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    tmp = tmp_path_factory.mktemp("misbehaving")
    addresses = [f"127.0.0.{n}" for n in range(1, len(CASES) + 1)]
    with WebServer(addresses=addresses) as server:
        urls: dict[str, str] = {}

        def add(case: str, path: str, handler: object) -> None:
            address = addresses[CASES.index(case)]
            server.route(path, handler, host=address)  # type: ignore[arg-type]
            urls[case] = server.url(path, address=address)

        for n in (1, 2, 3):
            add(f"good{n}", f"/good{n}.html", page_handler(article(f"Good page {n}")))
        add("slow_ok", "/slow-ok", slow(0.2, page_handler(article("Slow but fine"))))
        add("slow_timeout", "/slow", slow(1.0, page_handler(article("Too slow"))))
        add("trickle", "/trickle", trickle(article("Trickle") * 4, interval=0.05, chunk=2))
        add("reset", "/reset", reset())
        add("retry_after", "/busy", sequence(status(429, {"Retry-After": "1"}),
                                              page_handler(article("After the wait"))))  # fmt: skip
        add("retry_after_date", "/busy-date",
            sequence(_retry_after_in_two_seconds, page_handler(article("After the date"))))  # fmt: skip
        add("retry_after_too_long", "/busy-long", status(429, {"Retry-After": "3600"}))
        add("error_then_ok", "/flaky", sequence(status(500), page_handler(article("Second try"))))
        add("redirect_loop", "/loop-a", redirect("/loop-b"))
        server.route("/loop-b", redirect("/loop-a"), host=addresses[CASES.index("redirect_loop")])
        add("redirect_scheme", "/to-ftp", redirect("ftp://files.example/article.html", 301))
        add("redirect_ok", "/old", redirect("/new", 301))
        server.route("/new", page_handler(article("Moved", canonical="/canonical/moved")),
                     host=addresses[CASES.index("redirect_ok")])  # fmt: skip
        add("huge_declared", "/huge", huge(20_000_000))
        add("huge_streamed", "/huge-streamed", huge(20_000_000, declare_length=False))
        add("gzip_bomb", "/bomb", gzip_bomb(50_000_000))
        add("pdf", "/report.pdf", page_handler(b"%PDF-1.7\n...", "application/pdf"))
        add("latin1_declared", "/latin1", page_handler(latin1_page(declared=False),
                                                       "text/html; charset=ISO-8859-1"))  # fmt: skip
        add("latin1_undeclared", "/latin1-bare", page_handler(latin1_page(declared=False),
                                                              "text/html"))  # fmt: skip
        add("robots", "/private/page.html", page_handler(article("Private")))
        server.route("/robots.txt", robots("User-agent: *\nDisallow: /private/\n"),
                     host=addresses[CASES.index("robots")])  # fmt: skip
        add("empty", "/empty", page_handler(b""))
        add("saved_fallback", "/gone", status(410))
        add("gzipped", "/gzipped", gzipped(article("Compressed")))
        add("tracking_copy", "/good1.html?utm_source=newsletter&fbclid=abc",
            page_handler(article("Good page 1")))  # fmt: skip
        urls["tracking_copy"] = urls["tracking_copy"].replace(
            addresses[CASES.index("tracking_copy")], addresses[0]
        )
        server.route("/good1.html?utm_source=newsletter&fbclid=abc",
                     page_handler(article("Good page 1")), host=addresses[0])  # fmt: skip
        add("not_found", "/missing", status(404))

        saved = tmp / "saved.html"
        saved.write_text(article("Saved by the curator"), encoding="utf-8")
        ordered = [urls[case] for case in CASES]
        proj = project(tmp, ordered, html={CASES.index("saved_fallback") + 1: saved})
        report = run_fetch(proj, options=options())
        with Store.open(proj.store_dir) as store:
            records = store.last_fetches()
            pages = store.page_urls()
            articles = store.articles()
        yield Run(server, report, urls, records, pages, articles)


def assert_good_pages_fetched(run: Run) -> None:
    for case in ("good1", "good2", "good3"):
        item = run.item(case)
        assert (item.outcome, item.used, item.error) == ("fetched", "live", None)
        assert item.url in run.stored_pages


def test_every_source_is_reported_in_order(run: Run) -> None:
    assert [i.url for i in run.report.items] == [run.urls[c] for c in CASES]
    assert [i.index for i in run.report.items] == list(range(1, len(CASES) + 1))
    assert run.report.exit_code == 1
    assert_good_pages_fetched(run)


def test_a_slow_server_within_the_read_timeout_is_waited_for(run: Run) -> None:
    item = run.item("slow_ok")
    assert (item.outcome, item.http_status, item.attempts, item.title) == (
        "fetched", 200, 1, "Slow but fine")  # fmt: skip


def test_a_server_silent_past_the_read_timeout_is_retried_then_failed(run: Run) -> None:
    item = run.item("slow_timeout")
    assert item.outcome == "failed" and item.used is None
    assert item.error == "no data for 0.4 s (read timeout) (after 3 attempts)"
    assert item.attempts == 3
    assert run.server.hits["/slow"] == 3
    assert run.record("slow_timeout").error == item.error
    assert_good_pages_fetched(run)


def test_a_trickling_server_is_cut_at_the_budget_and_not_retried(run: Run) -> None:
    item = run.item("trickle")
    assert item.outcome == "failed"
    assert item.error == "gave up after the 3 s budget (server too slow)"
    assert item.attempts == 1
    assert run.server.hits["/trickle"] == 1
    assert_good_pages_fetched(run)


def test_a_reset_connection_is_retried_then_failed(run: Run) -> None:
    item = run.item("reset")
    assert item.outcome == "failed"
    assert item.error is not None and item.error.startswith("connection reset by the server")
    assert item.error.endswith("(after 3 attempts)")
    assert run.server.hits["/reset"] == 3
    assert_good_pages_fetched(run)


def _request_times(server: WebServer, path: str) -> list[float]:
    return [r.received for r in server.requests if r.path == path]


def test_429_with_retry_after_in_seconds_waits_that_long(run: Run) -> None:
    item = run.item("retry_after")
    assert (item.outcome, item.http_status, item.attempts, item.title) == (
        "fetched", 200, 2, "After the wait")  # fmt: skip
    first, second = _request_times(run.server, "/busy")
    assert second - first >= 1.0
    assert_good_pages_fetched(run)


def test_429_with_retry_after_as_an_http_date_waits_until_then(run: Run) -> None:
    item = run.item("retry_after_date")
    assert (item.outcome, item.attempts, item.title) == ("fetched", 2, "After the date")
    first, second = _request_times(run.server, "/busy-date")
    assert second - first >= 1.0  # the date is 2 s ahead, to the second


def test_429_asking_to_wait_longer_than_the_budget_fails_at_once(run: Run) -> None:
    item = run.item("retry_after_too_long")
    assert item.outcome == "failed" and item.attempts == 1 and item.http_status == 429
    assert item.error == (
        "HTTP 429 Too Many Requests; Retry-After 3600 s is longer than the 3 s budget"
    )


def test_500_then_200_is_retried_and_stored(run: Run) -> None:
    item = run.item("error_then_ok")
    assert (item.outcome, item.used, item.http_status, item.attempts, item.title) == (
        "fetched", "live", 200, 2, "Second try")  # fmt: skip
    assert item.url in run.stored_pages
    assert run.record("error_then_ok").attempts == 2


def test_a_redirect_loop_is_detected(run: Run) -> None:
    item = run.item("redirect_loop")
    base = item.url.rsplit("/", 1)[0]
    assert item.outcome == "failed"
    assert item.error == f"redirect loop: {base}/loop-a → {base}/loop-b → {base}/loop-a"
    assert_good_pages_fetched(run)


def test_a_redirect_to_another_scheme_is_refused(run: Run) -> None:
    item = run.item("redirect_scheme")
    assert item.outcome == "failed" and item.http_status == 301
    assert item.error == (
        "redirected to ftp://files.example/article.html: unsupported scheme 'ftp' "
        "(only http and https are fetched)"
    )


def test_a_redirect_is_followed_and_final_and_canonical_urls_stored(run: Run) -> None:
    item = run.item("redirect_ok")
    base = item.url.rsplit("/", 1)[0]
    assert (item.outcome, item.title) == ("fetched", "Moved")
    assert item.final_url == f"{base}/new"
    assert item.canonical_url == f"{base}/canonical/moved"
    record = run.record("redirect_ok")
    assert (record.final_url, record.canonical_url) == (item.final_url, item.canonical_url)


def test_a_20_mb_body_is_refused_from_its_length_or_while_streaming(run: Run) -> None:
    declared = run.item("huge_declared")
    assert declared.outcome == "failed"
    assert declared.error == "body of 20 MB is over the 10 MB limit"
    streamed = run.item("huge_streamed")
    assert streamed.outcome == "failed"
    assert streamed.error == "body over the 10 MB limit"
    assert 10_000_000 < streamed.bytes < 10_200_000  # stopped right after the limit
    assert_good_pages_fetched(run)


def test_a_gzip_bomb_is_refused(run: Run) -> None:
    item = run.item("gzip_bomb")
    assert item.outcome == "failed"
    assert item.error is not None
    assert item.error.startswith("decompressed body over the 10 MB limit after ")
    assert item.error.endswith("of gzip: refused as a decompression bomb")
    assert item.url not in run.stored_pages


def test_a_pdf_is_not_an_article(run: Run) -> None:
    item = run.item("pdf")
    assert (item.outcome, item.used, item.http_status) == ("not_article", None, 200)
    assert item.error == "not an article (application/pdf)"
    assert run.record("pdf").outcome == "not_article"


@pytest.mark.parametrize("case", ["latin1_declared", "latin1_undeclared"])
def test_latin1_pages_come_out_without_mojibake(run: Run, case: str) -> None:
    item = run.item(case)
    assert (item.outcome, item.title) == ("fetched", "Été à Noël")
    assert LATIN1_TEXT in run.articles[item.url].text


def test_robots_txt_disallow_is_honoured(run: Run) -> None:
    item = run.item("robots")
    origin = item.url.split("/private")[0]
    assert (item.outcome, item.attempts) == ("failed", 0)
    assert item.error == f"disallowed by {origin}/robots.txt (use --ignore-robots to override)"
    assert run.server.hits["/private/page.html"] == 0


def test_robots_txt_is_fetched_once_per_host(run: Run) -> None:
    good_host = run.urls["good1"].split("/")[2].split(":")[0]
    robots_for_good = [
        r for r in run.server.requests if r.path == "/robots.txt" and r.host == good_host
    ]
    # good1, good2 and good3 and the tracking copy share this host: one robots.txt for all
    assert len(robots_for_good) == 1


def test_an_empty_body_is_a_failure_with_its_reason(run: Run) -> None:
    item = run.item("empty")
    assert (item.outcome, item.http_status, item.error) == ("failed", 200, "empty body (HTTP 200)")


def test_the_saved_page_is_used_when_the_live_page_fails(run: Run) -> None:
    item = run.item("saved_fallback")
    assert (item.outcome, item.used, item.error) == ("failed", "saved", None)
    assert item.detail == "HTTP 410 Gone"
    assert item.title == "Saved by the curator"
    assert item.url in run.stored_pages


def test_a_gzipped_page_is_decompressed(run: Run) -> None:
    assert (run.item("gzipped").outcome, run.item("gzipped").title) == ("fetched", "Compressed")


def test_a_failure_without_fallback_is_recorded_with_its_reason(run: Run) -> None:
    item = run.item("not_found")
    assert (item.outcome, item.used, item.http_status, item.attempts) == ("failed", None, 404, 1)
    assert item.error == "HTTP 404 Not Found"
    assert run.record("not_found").error == "HTTP 404 Not Found"


def test_tracking_parameter_copies_are_reported_as_duplicates(run: Run) -> None:
    groups = [[i.url for i in group] for group in run.report.duplicates]
    assert groups == [[run.urls["good1"], run.urls["tracking_copy"]]]
    data = run.report.to_json()
    first, copy = CASES.index("good1") + 1, CASES.index("tracking_copy") + 1
    assert data["duplicates"] == [
        {"indexes": [first, copy], "urls": [run.urls["good1"], run.urls["tracking_copy"]]}
    ]


def test_json_report_fields_and_error_null_exactly_when_usable(run: Run) -> None:
    data = run.report.to_json()
    assert set(data) >= {"items", "duplicates", "summary", "exit_code"}
    for item in data["items"]:
        assert set(item) >= {"url", "outcome", "http_status", "attempts", "bytes", "seconds",
                             "used", "error"}  # fmt: skip
        assert (item["error"] is None) == (item["used"] in ("live", "stored", "saved"))
    usable = sum(1 for item in data["items"] if item["error"] is None)
    assert data["summary"]["failed"] == len(CASES) - usable
    assert data["exit_code"] == 1
