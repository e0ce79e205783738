"""The command line, run in-process: exit codes, whole messages, and the files left behind."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from digest import config
from digest.cli import app
from digest.models import Article, Page, Quote
from digest.store import FetchRecord, Store

runner = CliRunner()

REVIEW = """\
digest:
  title: Weekly
  language: en
  themes: [Cities, Work]
editions:
  2026-W48:
    intro: Hello.
sources:
  - url: https://news.example/a
    added: 2026-11-23
    theme: Cities
    comment: Worth reading.
"""


def test_every_command_has_help_text() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in ("init", "add", "fetch", "list", "build", "extract", "show", "annotate", "check"):
        assert name in result.stdout
        help_of = runner.invoke(app, [name, "--help"])
        assert help_of.exit_code == 0, name
        assert len(help_of.stdout.splitlines()) > 3, name


def test_init_creates_the_working_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", "myreview", "--title", "Revue", "--language", "fr"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "myreview" / "digests").is_dir()
    assert config.load(tmp_path / "myreview" / "sources.yaml").settings.title == "Revue"
    again = runner.invoke(app, ["init", "myreview"])
    assert again.exit_code == 2
    assert "already exists; nothing was written" in again.stderr


def test_add_stamps_today_and_keeps_the_file(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(REVIEW)
    (tmp_path / "saved.html").write_text("<html><title>Saved</title></html>")
    result = runner.invoke(
        app,
        [
            "add",
            "https://news.example/b",
            "--theme",
            "Work",
            "--comment",
            "Why.",
            "--html",
            "saved.html",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == "Added 1 source to sources.yaml (2 in all).\n"
    assert (tmp_path / "sources.yaml").read_text() == REVIEW + (
        "  - url: https://news.example/b\n"
        f"    added: {dt.date.today().isoformat()}\n"
        "    theme: Work\n"
        "    comment: Why.\n"
        "    html: saved.html\n"
    )


def test_add_refuses_an_unknown_theme_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(REVIEW)
    result = runner.invoke(app, ["add", "https://news.example/b", "--theme", "Citys"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: sources.yaml:15: sources[2].theme 'Citys' is not a theme; did you mean 'Cities'?\n"
    )
    assert (tmp_path / "sources.yaml").read_text() == REVIEW


def test_bad_configuration_exits_2_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(REVIEW.replace("added: 2026-11-23", "added: monday"))
    result = runner.invoke(app, ["build", "--edition", "2026-W48"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: sources.yaml:10: sources[1].added 'monday' is not a date (YYYY-MM-DD)\n"
    )
    assert not (tmp_path / "digests").exists()


def test_sources_option_and_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "elsewhere.yaml").write_text(REVIEW)
    assert runner.invoke(app, ["--sources", "elsewhere.yaml", "list", "--json"]).exit_code == 0
    monkeypatch.setenv("DIGEST_SOURCES", str(tmp_path / "elsewhere.yaml"))
    result = runner.invoke(app, ["list", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["url"] == "https://news.example/a"


def store_article(folder: Path, url: str, article: Article) -> None:
    with Store.open(folder / ".digest") as store:
        page = Page(url=url, final_url=url, body=b"<html></html>", content_type="text/html")
        record = FetchRecord(
            url=url, outcome="fetched", http_status=200, attempts=1, bytes=13, seconds=0.1,
            used="live", error=None, fetched_at="2026-11-24T08:00:00+00:00",
        )  # fmt: skip
        store.save_item(record, page=page, article=article)


ARTICLE = Article(
    url="https://news.example/a",
    title="Streets for people",
    authors=("Ann Lee", "Bo Chan", "Cy Diaz"),
    publication="News Example",
    language="en",
    text="“We gave the street back to the children,” said Ann Lee.",
    quotes=(Quote("We gave the street back to the children", "Ann Lee", "direct", 0.9),),
)


def test_list_json_rows_before_and_after_fetch(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(REVIEW)
    before = json.loads(runner.invoke(app, ["list", "--json"]).stdout)
    assert before == [
        {
            "index": 1, "url": "https://news.example/a", "edition": "2026-W48",
            "status": "not fetched", "error": None, "language": None, "title": None,
            "authors": "", "publication": None, "theme": "Cities", "quote": False,
        }
    ]  # fmt: skip
    store_article(tmp_path, "https://news.example/a", ARTICLE)
    after = json.loads(runner.invoke(app, ["list", "--json"]).stdout)[0]
    assert (after["status"], after["title"], after["authors"], after["language"]) == (
        "fetched",
        "Streets for people",
        "Ann Lee, Bo Chan, Cy Diaz",
        "en",
    )
    table = runner.invoke(app, ["list"]).stdout
    assert "Streets for people" in table and "fetched" in table


def test_build_writes_the_edition_and_reports_unfetched_items(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(REVIEW)
    unfetched = runner.invoke(app, ["build", "--edition", "2026-W48"])
    assert unfetched.exit_code == 1  # written, but an item could not be fetched: cron must know
    assert "has not been fetched; run `digest fetch`" in unfetched.stderr
    store_article(tmp_path, "https://news.example/a", ARTICLE)
    result = runner.invoke(app, ["build", "--edition", "2026-W48"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "Wrote digests/2026-W48.md\n"
    text = (tmp_path / "digests" / "2026-W48.md").read_text()
    assert "> We gave the street back to the children" in text
    assert (
        "Read more: [“Streets for people”](https://news.example/a), Ann Lee, Bo Chan and Cy Diaz, "
        "News Example\n"
    ) in text


def test_build_all_writes_every_edition(tmp_path: Path) -> None:
    text = REVIEW + "  - url: https://news.example/old\n    added: 2026-11-10\n"
    (tmp_path / "sources.yaml").write_text(text)
    result = runner.invoke(app, ["build", "--all"])
    assert sorted(p.name for p in (tmp_path / "digests").iterdir()) == [
        "2026-W46.md",
        "2026-W48.md",
    ]
    assert result.exit_code == 1  # nothing was fetched


def test_build_refuses_a_malformed_edition(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(REVIEW)
    result = runner.invoke(app, ["build", "--edition", "week 48"])
    assert result.exit_code == 2
    assert (
        result.stderr == "Error: 'week 48' is not an edition; write an ISO week such as 2026-W48\n"
    )


def test_extract_prints_the_contract_for_a_saved_page(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html lang='en'><head><title>Streets for people | News Example</title>"
        "<meta name='author' content='Ann Lee'></head><body><article><h1>Streets for people</h1>"
        + "<p>“We gave the street back to the children of this neighbourhood,” said Ann Lee, "
        "head of the residents' association. The street had been a car park for years.</p>"
        * 3
        + "</article></body></html>"
    )
    result = runner.invoke(
        app, ["extract", str(page), "--url", "https://news.example/a", "--jsonl"]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert list(record) == [
        "input", "url", "title", "authors", "publication", "published", "language", "text",
        "quotes", "paywalled", "words", "error",
    ]  # fmt: skip
    assert (record["title"], record["authors"], record["paywalled"], record["error"]) == (
        "Streets for people",
        ["Ann Lee"],
        None,
        None,
    )
    assert record["quotes"][0] == {
        "text": "We gave the street back to the children of this neighbourhood",
        "speaker": "Ann Lee",
        "role": "head of the residents' association",
        "mention": "Ann Lee, head of the residents' association",
        "kind": "direct",
        "score": record["quotes"][0]["score"],
    }
    assert record["words"] == len(record["text"].split()) > 0
    missing = runner.invoke(app, ["extract", str(tmp_path / "nope.html"), "--jsonl"])
    assert missing.exit_code == 1
    assert json.loads(missing.stdout)["error"]
