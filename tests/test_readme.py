"""The README cannot drift from the tool: its reference lists what the code accepts."""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml import YAML
from typer.testing import CliRunner

from digest import config, policy
from digest.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def fenced_after(heading: str, language: str) -> str:
    section = README.split(f"\n## {heading}\n", 1)[1]
    return re.search(rf"```{language}\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]


def test_the_sources_reference_uses_exactly_the_keys_the_tool_accepts() -> None:
    reference = YAML().load(fenced_after("sources.yaml", "yaml"))
    assert set(reference["digest"]) == set(config.DIGEST_KEYS) - {"version"}
    assert set(reference["digest"]["fetch"]) == set(config.FETCH_KEYS) - {
        "connect_timeout",
        "read_timeout",
    }
    assert set(reference["editions"]["2026-W48"]) == set(config.EDITION_KEYS)
    assert set(reference["digest"]["quotes"]) == set(policy.QUOTES_KEYS)
    # `password` is a key we read only to refuse it.
    assert set(reference["send"]) == set(policy.SEND_KEYS) - {"password"}
    assert set(reference) == set(config.TOP_KEYS)
    documented = set(reference["sources"][0])
    # `author` and `authors` are alternatives; the YAML mapping shows one of them per key.
    assert documented == set(config.SOURCE_KEYS)
    assert set(reference["feeds"][0]) == set(config.FEED_KEYS)
    assert set(reference) == set(config.TOP_KEYS)


def test_the_command_list_names_every_command() -> None:
    listed = re.findall(r"^  (\w+)", fenced_after("Commands", ""), re.M)
    help_text = CliRunner().invoke(app, ["--help"]).stdout
    commands = re.findall(r"^  (\w+)\s{2,}", help_text.split("Commands:")[1], re.M)
    assert listed == commands


def test_exactly_two_set_up_commands() -> None:
    block = fenced_after("Set up", "sh")
    assert [line.split("#")[0].strip() for line in block.splitlines()] == ["make demo", "make test"]
