"""What `digest fetch` prints on stderr: one line per item off a terminal, then a summary."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from digest.collect import FetchReport, ItemReport
from digest.progress import Reporter, item_line, print_summary
from digest.store import FetchRecord


def item(index: int, url: str, outcome: str, status: int, attempts: int, size: int,
         seconds: float, used: str | None, error: str | None,
         detail: str | None = None) -> ItemReport:  # fmt: skip
    record = FetchRecord(url, outcome, status, attempts, size, seconds, used, error,
                         "2026-11-20T07:00:00+00:00", detail=detail)  # fmt: skip
    return ItemReport(index, record)


FETCHED = item(1, "https://a.example/one", "fetched", 200, 1, 5120, 0.42, "live", None)
FALLBACK = item(2, "https://b.example/two", "failed", 503, 4, 0, 2.0, "stored", None,
                detail="HTTP 503 Service Unavailable (after 4 attempts)")  # fmt: skip
FAILED = item(3, "https://c.example/[three]", "not_article", 200, 1, 0, 0.1, None,
              "not an article (application/pdf)")  # fmt: skip
COPY = item(4, "https://a.example/one?utm_source=x", "fetched", 200, 1, 5120, 0.4, "live", None)


def console() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, width=200, force_terminal=False, no_color=True), buffer


def test_item_lines_say_what_happened_and_why() -> None:
    assert item_line(FETCHED) == "[1] fetched live 200 0.4s https://a.example/one"
    assert item_line(FALLBACK) == (
        "[2] failed stored 503 2.0s https://b.example/two -- HTTP 503 Service Unavailable "
        "(after 4 attempts); used the stored copy"
    )
    assert item_line(FAILED) == (
        "[3] not_article - 200 0.1s https://c.example/[three] -- not an article (application/pdf)"
    )


def test_off_a_terminal_the_reporter_prints_one_line_per_item() -> None:
    out, buffer = console()
    with Reporter(out, total=2) as reporter:
        reporter.item(FETCHED)
        reporter.item(FAILED)
    assert buffer.getvalue().splitlines() == [item_line(FETCHED), item_line(FAILED)]


def test_the_summary_lists_problems_counts_and_duplicates() -> None:
    out, buffer = console()
    report = FetchReport(items=[FETCHED, FALLBACK, FAILED, COPY], duplicates=[[FETCHED, COPY]],
                         seconds=3.25)  # fmt: skip
    print_summary(out, report)
    text = buffer.getvalue()
    lines = text.splitlines()
    assert lines[-2:] == [
        "4 sources in 3.2 s: 2 downloaded, 1 from the store, 0 from saved pages, 1 failed.",
        "Sources 1 and 4 point to the same article (https://a.example/one).",
    ]
    table = "\n".join(lines[:-2])
    assert "HTTP 503 Service Unavailable (after 4 attempts)" in table
    assert "not an article (application/pdf)" in table
    assert "https://c.example/[three]" in table  # printed as text, not read as markup
    assert "https://a.example/one" not in table  # fine items stay out of the table
    assert report.exit_code == 1


def test_an_interrupted_run_says_so() -> None:
    out, buffer = console()
    print_summary(out, FetchReport(items=[FETCHED], interrupted=True, seconds=1.0))
    assert buffer.getvalue().splitlines()[-1] == (
        "Interrupted: the items not listed above are fetched by the next run."
    )


def test_on_a_terminal_a_bar_runs_and_only_failures_are_printed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    buffer = io.StringIO()
    terminal = Console(file=buffer, width=120, force_terminal=True, color_system=None)
    with Reporter(terminal, total=2) as reporter:
        assert reporter._progress is not None
        reporter.item(FETCHED)
        reporter.item(FAILED)
        assert reporter._progress.tasks[0].completed == 2
    assert item_line(FAILED) in buffer.getvalue()
    assert item_line(FETCHED) not in buffer.getvalue()


def test_no_color_turns_the_bar_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = Console(file=io.StringIO(), force_terminal=True)
    with Reporter(terminal, total=1) as reporter:
        assert reporter._progress is None
