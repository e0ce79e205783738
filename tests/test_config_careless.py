"""sources.yaml written by careless hands: every problem is `file:line` and exit 2, never a
traceback; and a big honest review is not mistaken for an attack."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from digest import config
from digest.cli import app
from handskit import HEAD
from webserver import WebServer, status

runner = CliRunner()


def entry(url: str, **keys: str) -> str:
    return f"  - url: {url}\n" + "".join(f"    {k}: {v}\n" for k, v in keys.items())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            HEAD + "sources:\n" + entry("https://news.example/a", added="2026-02-30"),
            "sources.yaml:7: sources[1].added '2026-02-30' is not a date (YYYY-MM-DD)",
        ),
        (
            HEAD + "sources:\n" + entry('"http://[::1/x"', added="2026-02-03"),
            "sources.yaml:6: sources[1].url 'http://[::1/x' is not a valid URL (Invalid IPv6 URL)",
        ),
        (
            HEAD + "sources:\n" + entry('"https://news.example/a\\nb"'),
            "sources.yaml:6: sources[1].url 'https://news.example/a\\nb' holds a line break; "
            "a URL has none",
        ),
        (
            HEAD + "sources:\n" + entry("https://news.example/a", comment="[" * 5000 + "]" * 5000),
            "sources.yaml:7: lists or mappings nested more than 100 deep; no review needs that",
        ),
        (
            HEAD
            + "sources:\n"
            + entry("https://news.example/a", comment="{a: " * 5000 + "}" * 5000),
            "sources.yaml:7: lists or mappings nested more than 100 deep; no review needs that",
        ),
        (
            HEAD
            + "sources:\n"
            + entry("https://news.example/a", comment="\n      " + "- " * 5000 + "x"),
            "sources.yaml:8: lists or mappings nested more than 100 deep; no review needs that",
        ),
        (
            HEAD + "editions:\n  2026-W99:\n    intro: Hello.\n  2026-W00:\n",
            "sources.yaml:6: editions.2026-W99 is not an edition: 2026 has no ISO week 99\n"
            "sources.yaml:8: editions.2026-W00 is not an edition: 2026 has no ISO week 00",
        ),
        (
            HEAD + "sources:\n" + entry("https://news.example/a", edition="2025-W53"),
            "sources.yaml:7: sources[1].edition '2025-W53' is not an edition: "
            "2025 has no ISO week 53",
        ),
    ],
)
@pytest.mark.parametrize("command", [["list"], ["check"], ["build", "--all"]])
def test_a_careless_file_is_a_message_with_its_line(
    tmp_path: Path, text: str, message: str, command: list[str]
) -> None:
    (tmp_path / "sources.yaml").write_text(text)
    result = runner.invoke(app, command)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: {message}\n"
    assert not (tmp_path / "digests").exists()


def test_an_edition_option_that_is_no_iso_week_is_refused(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(HEAD)
    for command in (["list", "--edition"], ["build", "--edition"]):
        result = runner.invoke(app, [*command, "2026-W00"])
        assert result.exit_code == 2
        assert result.stderr == "Error: '2026-W00' is not an edition: 2026 has no ISO week 00\n"
        result = runner.invoke(app, [*command, "2026-W48\n"])
        assert result.exit_code == 2
        assert result.stderr == (
            "Error: '2026-W48\\n' is not an edition; write an ISO week such as 2026-W48\n"
        )
    assert not (tmp_path / "digests").exists()


def plain_review(count: int) -> str:
    """A review of `count` sources of eight keys each, without a single alias."""
    return (
        HEAD
        + "sources:\n"
        + "".join(
            entry(
                f"https://news.example/{n}",
                added="2026-11-23",
                theme="Cities",
                comment=f"Comment {n}, on a line long enough to look real.",
                quote=f'"A quote for item {n}."',
                title=f"Title {n}",
                publication="Example News",
                language="en",
            )
            for n in range(count)
        )
    )


def laughs(levels: int) -> str:
    """The billion laughs: each level an anchored list of ten aliases of the one before."""
    lines = ["    lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels + 1):
        lines.append(f"    lol{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 10) + "]")
    return HEAD + "sources:\n  - url: https://news.example/a\n" + "\n".join(lines) + "\n"


def test_only_what_aliases_add_counts_as_a_bomb(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The limit scaled down a hundred times: 120 sources of 8 keys stand for the 12,000 of a
    # real review (2,000 nodes against a limit of 2,000), which the whole count refused.
    monkeypatch.setattr(config, "MAX_EXPANDED_NODES", 2_000)
    path = tmp_path / "sources.yaml"
    path.write_text(plain_review(120))
    assert len(config.load(path).sources) == 120
    path.write_text(laughs(4))  # 10,000 strings from 30 written
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: sources.yaml: refused: its YAML aliases would add more than 2,000 nodes "
        "(an alias bomb?)\n"
    )


def test_a_real_billion_laughs_is_refused_at_the_real_limit(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(laughs(9))
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: sources.yaml: refused: its YAML aliases would add more than 200,000 nodes "
        "(an alias bomb?)\n"
    )


def test_a_sources_file_past_ten_megabytes_is_refused_unread(tmp_path: Path) -> None:
    padding = "# " + "x" * 98 + "\n"
    (tmp_path / "sources.yaml").write_text(HEAD + padding * 100_001)
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: sources.yaml: refused: larger than 10 MB, which no review needs; "
        "is it the right file?\n"
    )


def test_zero_retries_means_one_attempt(tmp_path: Path) -> None:
    with WebServer() as server:
        url = server.route("/down", status(503))
        (tmp_path / "sources.yaml").write_text(
            HEAD.replace(
                "  themes:", "  fetch: {retries: 0, delay: 0.01, robots: false}\n  themes:"
            )
            + "sources:\n"
            + entry(url, added="2026-11-23")
        )
        assert config.load(tmp_path / "sources.yaml").settings.fetch.retries == 0
        result = runner.invoke(app, ["fetch", "--json"])
        assert server.hits["/down"] == 1
    assert result.exit_code == 1, result.output
    [item] = json.loads(result.stdout)["items"]
    assert item["attempts"] == 1
    assert item["error"] == "HTTP 503 Service Unavailable (after 1 attempt)"
