"""A run builds only the command it names; what it prints is what the whole command line prints."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from digest.cli import COMMANDS, _app, _command_word, app


def output(command_line: object, *args: str) -> str:
    return CliRunner().invoke(command_line, list(args), prog_name="digest").output  # type: ignore[arg-type]


@pytest.mark.parametrize("args", [*[(name, "--help") for name in COMMANDS],
                                  ("inbox", "take", "--help"), ("add",), ("show", "--bogus")])  # fmt: skip
def test_a_command_alone_prints_what_the_whole_command_line_prints(args: tuple[str, ...]) -> None:
    assert output(_app(args[0]), *args) == output(app, *args)


@pytest.mark.parametrize("args", [("--help",), ()])
def test_the_listing_of_commands_is_the_whole_command_line_s(args: tuple[str, ...]) -> None:
    assert output(_app(listing=True), *args) == output(app, *args)


def test_the_real_command_line_dispatches_to_the_command_named() -> None:
    script = shutil.which("digest", path=str(Path(sys.executable).parent)) or "digest"
    env = {**os.environ, "NO_COLOR": "1"}
    run = subprocess.run([script, "--sources", "none.yaml", "annotate", "--help"], env=env,
                         capture_output=True, text=True)  # fmt: skip
    assert run.returncode == 0 and run.stdout.startswith("Usage: digest annotate [OPTIONS]")
    run = subprocess.run([script, "nosuch"], env=env, capture_output=True, text=True)
    assert run.returncode == 2 and "No such command 'nosuch'" in run.stderr


@pytest.mark.parametrize(
    ("args", "word"),
    [
        (["annotate", "3"], "annotate"),
        (["--sources", "s.yaml", "show", "2"], "show"),
        (["--sources=s.yaml", "list"], "list"),
        (["--help"], None),
        (["--sources", "s.yaml"], None),
        ([], None),
    ],
)
def test_the_command_word(args: list[str], word: str | None) -> None:
    assert _command_word(args) == word
