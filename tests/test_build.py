"""`digest build`: formats, editions, --strict, the curator's template, golden outputs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from deskkit import (
    EN_SOURCES,
    FR_SOURCES,
    SMALL_TOWNS,
    full_project,
    golden_outputs,
    store_article,
    write_project,
)
from digest import config
from digest.build import assemble, build, edition_keys
from digest.cli import app

GOLDEN = Path(__file__).parent / "golden"
runner = CliRunner()


def run(path: Path, *args: str) -> object:
    return runner.invoke(app, ["--sources", str(path), *args])


@pytest.mark.parametrize("name", ["en.md", "fr.md", "en.html", "fr.html"])
def test_golden_outputs(tmp_path: Path, name: str) -> None:
    # On a change of layout, run tests/regen_golden.py and review the diff of tests/golden/.
    produced = golden_outputs(tmp_path)[name]
    assert produced == (GOLDEN / name).read_text("utf-8")


def test_build_markdown_html_and_feed_through_the_cli(tmp_path: Path) -> None:
    path = full_project(tmp_path)
    for fmt, name in (("md", "2026-W48.md"), ("html", "2026-W48.html"), ("atom", "feed.xml")):
        result = run(path, "build", "--edition", "2026-W48", "--format", fmt)
        assert result.exit_code == 0, result.output
        assert result.stdout == f"Wrote {tmp_path / 'digests' / name}\n"
        assert (tmp_path / "digests" / name).is_file()
    # Source 2 has no chosen quote: it is built with its best candidate, and said so.
    assert result.stderr.splitlines() == [
        "sources.yaml:27: source 2: no quote chosen; used the best candidate",
        "sources.yaml:32: source 3: no quote chosen; used the best candidate",
    ]
    text = (tmp_path / "digests" / "2026-W48.md").read_text()
    assert "> The state must become a platform for its citizens." in text
    assert sorted(p.name for p in (tmp_path / "digests").iterdir()) == [
        "2026-W48.html",
        "2026-W48.md",
        "feed.xml",
    ]  # atomic writes leave no temporary files behind


def test_rebuild_is_byte_identical(tmp_path: Path) -> None:
    path = full_project(tmp_path)
    outputs = {}
    for attempt in range(2):
        for fmt in ("md", "html", "atom"):
            assert run(path, "build", "--edition", "2026-W48", "--format", fmt).exit_code == 0
        outputs[attempt] = {p.name: p.read_bytes() for p in (tmp_path / "digests").iterdir()}
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == 3


def test_strict_fails_listing_what_is_missing_and_writes_nothing(tmp_path: Path) -> None:
    path = write_project(tmp_path)
    store_article(tmp_path, SMALL_TOWNS)
    result = run(path, "build", "--edition", "2026-W48", "--strict")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: --strict: the edition is incomplete:",
        "sources.yaml:27: source 2 (https://mag.example.net/interview-rochet?utm_source=newsletter)"
        " has no quote and no fetched page",
        "sources.yaml:32: source 3 (https://blog.example.com/talent) has no theme and no quote "
        "and no fetched page",
    ]
    assert not (tmp_path / "digests").exists()


def test_strict_passes_when_every_item_is_decided(tmp_path: Path) -> None:
    text = EN_SOURCES.split("  - url: https://mag.example.net")[0]
    path = write_project(tmp_path, text)
    store_article(tmp_path, SMALL_TOWNS)
    result = run(path, "build", "--edition", "2026-W48", "--strict")
    assert (result.exit_code, result.stderr) == (0, "")


def test_unfetched_items_are_built_and_the_exit_code_says_so(tmp_path: Path) -> None:
    path = write_project(tmp_path)
    result = run(path, "build", "--edition", "2026-W48")
    assert result.exit_code == 1
    assert (
        "sources.yaml:22: source 1 (https://news.example.org/2026/11/small-towns.html) has not "
        "been fetched; run `digest fetch`"
    ) in result.stderr.splitlines()
    text = (tmp_path / "digests" / "2026-W48.md").read_text()
    # Without extraction the URL stands for the title, and the host for the publication; the
    # backslash keeps GFM from reading the title as a bare URL (it renders as a colon).
    assert (
        "Read more: [“https\\://blog.example.com/talent”](https://blog.example.com/talent), "
        in text
    )


def test_all_editions_and_the_default_edition(tmp_path: Path) -> None:
    text = EN_SOURCES + "  - url: https://late.example.org/x\n    added: 2026-12-01\n"
    path = write_project(tmp_path, text)
    project = config.load(path)
    assert edition_keys(project, None, all_editions=True) == ["2026-W48", "2026-W49"]
    assert edition_keys(project, None, all_editions=False) == [config.iso_week(dt.date.today())]
    result = run(path, "build", "--all")
    assert sorted(p.name for p in (tmp_path / "digests").iterdir()) == [
        "2026-W48.md",
        "2026-W49.md",
    ]
    assert result.exit_code == 1  # nothing was fetched
    bad = run(path, "build", "--edition", "2026-48")
    assert bad.exit_code == 2
    assert bad.stderr.strip() == (
        "Error: '2026-48' is not an edition; write an ISO week such as 2026-W48"
    )


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    path = full_project(tmp_path)
    result = run(path, "build", "--edition", "2026-W48", "--format", "pdf")
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: unknown format 'pdf'; choose one of md, html, atom"


def test_output_file_and_folder(tmp_path: Path) -> None:
    path = full_project(tmp_path / "review")
    target = tmp_path / "out" / "digest.md"
    assert run(path, "build", "--edition", "2026-W48", "--output", str(target)).exit_code == 0
    assert target.read_text().startswith("# Cities, citizens and technologies\n")
    feed = tmp_path / "feeds"
    assert run(path, "build", "--format", "atom", "--all", "--output", str(feed)).exit_code == 0
    assert (feed / "feed.xml").is_file()


def test_the_curators_own_templates(tmp_path: Path) -> None:
    (tmp_path / "mine.md.j2").write_text(
        "{{ title | inline }} ({{ key }})\n{% for s in sections %}{% for i in s['items'] %}"
        "- {{ i.title | inline }}\n{% endfor %}{% endfor %}"
    )
    text = EN_SOURCES.replace("  language: en\n", "  language: en\n  template: mine.md.j2\n")
    path = write_project(tmp_path, text)
    store_article(tmp_path, SMALL_TOWNS)
    assert run(path, "build", "--edition", "2026-W48").exit_code == 1  # two are not fetched
    assert (tmp_path / "digests" / "2026-W48.md").read_text() == (
        "Cities, citizens and technologies (2026-W48)\n"
        "- From ugly France to dead France?\n"
        "- https\\://mag.example.net/interview-rochet?utm\\_source=newsletter\n"
        "- https\\://blog.example.com/talent\n"
    )
    # The HTML layout is still the shipped one: the curator's template is a Markdown one.
    assert run(path, "build", "--edition", "2026-W48", "--format", "html").exit_code == 1
    assert "<!DOCTYPE html>" in (tmp_path / "digests" / "2026-W48.html").read_text()


def test_french_edition_items_without_theme_go_last(tmp_path: Path) -> None:
    path = write_project(tmp_path, FR_SOURCES)
    edition = assemble(config.load(path), "2026-W49", {})
    assert [s.theme for s in edition.sections] == [
        "L'innovation et la ville",
        "Le social comme ambition",
        "À lire aussi",
    ]
    assert edition.dates == "du 30 novembre au 6 décembre 2026"
    assert edition.title == "Revue n° 2 : l'intelligence des villes"


def test_build_api_refuses_a_file_output_for_several_editions(tmp_path: Path) -> None:
    path = full_project(tmp_path)
    project = config.load(path)
    from digest.errors import UsageError

    with pytest.raises(UsageError, match="--output names a file; with --all give a folder"):
        build(project, {}, ["2026-W47", "2026-W48"], output=tmp_path / "x.md")
