"""The curator's template: sandboxed, inside the review's folder, and every mistake in it a
message naming the template and line (exit 2), found by `check` before a build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from digest.cli import app
from handskit import HEAD, HELLO_W48

runner = CliRunner()

REVIEW = HEAD + "  template: {template}\n" + HELLO_W48


def write_review(folder: Path, template_text: str, name: str = "mine.md.j2") -> None:
    (folder / "sources.yaml").write_text(REVIEW.format(template=name))
    (folder / name).parent.mkdir(exist_ok=True)
    (folder / name).write_text(template_text)


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("# {{ title }}\n{% if %}\n", "mine.md.j2:2: Expected an expression, got 'end of statement block'"),
        ("# {{ title }}\n\n{{ nothing }}\n", "mine.md.j2:3: 'nothing' is undefined"),
        ("{{ title | shout }}\n", "mine.md.j2:1: No filter named 'shout'."),
        ("# {{ title }}\n{% include 'gone.j2' %}\n", "mine.md.j2:2: includes 'gone.j2', which is not found"),
        ("# {{ title }}\n{% include 'mine.md.j2' %}\n", "mine.md.j2:2: includes or extends itself, without end"),
        (
            "# {{ title }}\n{{ cycler.__init__.__globals__.os.popen('id').read() }}\n",
            "mine.md.j2:2: access to attribute '__init__' of 'type' object is unsafe.",
        ),
        ("{{ title }}\n\n\n{{ 1 / 0 }}\n", "mine.md.j2:4: division by zero"),
    ],
)  # fmt: skip
def test_a_broken_template_is_a_message_with_its_line(
    tmp_path: Path, template: str, message: str
) -> None:
    write_review(tmp_path, template)
    result = runner.invoke(app, ["build", "--edition", "2026-W48"])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: {message}\n"
    assert not (tmp_path / "digests").exists()
    checked = runner.invoke(app, ["check", "--json"])
    assert checked.exit_code == 1, checked.output
    file, line, problem = message.split(":", 2)
    assert json.loads(checked.stdout) == [
        {
            "file": file,
            "line": int(line),
            "kind": "template",
            "severity": "error",
            "source": None,
            "message": problem.strip(),
        }
    ]


def test_a_sound_template_renders_and_passes_check(tmp_path: Path) -> None:
    write_review(tmp_path, "# {{ title | inline }}\n\n{{ intro }}\n", name="parts/mine.md.j2")
    result = runner.invoke(app, ["build", "--edition", "2026-W48"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "digests/2026-W48.md").read_text() == "# Weekly\n\nHello.\n"
    checked = runner.invoke(app, ["check"])
    assert checked.exit_code == 0, checked.output
    assert checked.stdout == "No problems found.\n"


def test_template_and_saved_page_paths_stay_in_the_review_folder(tmp_path: Path) -> None:
    folder = tmp_path / "review"
    folder.mkdir()
    (tmp_path / "outside.html").write_text("<html><title>Not the review's</title></html>")
    (folder / "sources.yaml").write_text(
        REVIEW.format(template="/etc/passwd")
        + "sources:\n"
        + "  - url: https://news.example/a\n"
        + "    html: ../outside.html\n"
    )
    result = runner.invoke(app, ["--sources", str(folder / "sources.yaml"), "list"])
    assert result.exit_code == 2
    inside = f"is outside the review's folder ({folder.resolve()}); copy it there"
    assert result.stderr == (
        f"Error: sources.yaml:5: digest.template '/etc/passwd' {inside}\n"
        f"sources.yaml:11: sources[1].html '../outside.html' {inside}\n"
    )
