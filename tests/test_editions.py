"""`digest edition` writes an edition's own words; `digest preview` opens its page."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from deskkit import full_project
from digest import config
from digest.cli import app

runner = CliRunner()


def run(path: Path, *args: str) -> object:
    return runner.invoke(app, ["--sources", str(path), *args])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return full_project(tmp_path / "review")


def test_edition_creates_an_entry_and_keeps_the_layout(project: Path) -> None:
    before = project.read_text()
    result = run(project, "edition", "2026-W49", "--title", "Cities: listening", "--intro", "Hi.")
    assert result.exit_code == 0, result.output
    assert (result.stdout, result.stderr) == ("", "edition 2026-W49: title set, intro set.\n")
    assert project.read_text() == before.replace(
        "      - write less.\n",
        "      - write less.\n  2026-W49:\n    title: 'Cities: listening'\n    intro: |\n"
        "      Hi.\n",
    )
    assert config.load(project).editions["2026-W49"] == config.EditionText(
        "Cities: listening", "Hi.", None
    )


def test_edition_edit_opens_the_intro_in_the_editor_and_shows_the_edition(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "editor.sh"
    script.write_text('#!/bin/sh\nprintf "Second paragraph.\\n" >> "$1"\n')
    script.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(script))
    result = run(project, "edition", "2026-W48", "--edit", "intro", "--outro", "")
    assert result.exit_code == 0, result.output
    assert result.stderr == "edition 2026-W48: outro removed, intro set.\n"
    shown = run(project, "edition", "2026-W48")
    assert shown.stdout == (
        "2026-W48 (23–29 November 2026): 3 sources\n"
        "title: — the review's title\n"
        "intro:\n"
        '  The recurring theme of this week is "human centricity": cities that listen.\n'
        "  Second paragraph.\n"
        "outro: — none yet (digest edition 2026-W48 --edit outro)\n"
    )
    bad = run(project, "edition", "2026-W48", "--edit", "title")
    assert (bad.exit_code, bad.stderr) == (2, "Error: --edit takes intro or outro, not 'title'\n")


def digest(folder: Path, *args: str, browser: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, BROWSER=browser, NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "digest", *args],
        cwd=folder, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_preview_builds_the_page_and_opens_it(project: Path, tmp_path: Path) -> None:
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n')
    browser.chmod(0o755)
    result = digest(project.parent, "preview", "--edition", "2026-W48", browser=str(browser))
    assert result.returncode == 0, result.stderr
    page = Path(result.stdout.strip())
    try:
        assert page.name.startswith("digest-2026-W48-") and page.suffix == ".html"
        assert "<h1" in page.read_text("utf-8")
        assert opened.read_text() == page.as_uri() + "\n"
        assert not (project.parent / "digests").exists() or not any(
            (project.parent / "digests").iterdir()
        )
    finally:
        page.unlink()


def test_preview_no_open_prints_the_path_only(project: Path, tmp_path: Path) -> None:
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n')
    browser.chmod(0o755)
    result = digest(project.parent, "preview", "--edition", "2026-W48", "--no-open",
                    browser=str(browser))  # fmt: skip
    assert result.returncode == 0, result.stderr
    page = Path(result.stdout.strip())
    assert page.is_file()
    page.unlink()
    assert not opened.exists()
