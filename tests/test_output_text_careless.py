"""Text the curator wrote, kept in every output; plain messages stay plain."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from digest.cli import app
from handskit import HEAD
from webserver import WebServer, status

runner = CliRunner()

REVIEW = (
    HEAD
    + """\
editions:
  2026-W48:
    intro: |
      Run this:

      ```
      first line

      after a blank line
          indented
      ```
"""
)


def test_the_html_email_keeps_blank_lines_in_code_blocks(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(REVIEW)
    result = runner.invoke(app, ["build", "--edition", "2026-W48", "--format", "html"])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "digests/2026-W48.html").read_text()
    [code] = re.findall(r"<pre[^>]*><code[^>]*>(.*?)</code></pre>", html, re.DOTALL)
    assert code == "first line\n\nafter a blank line\n    indented\n"


def test_plain_fetch_messages_carry_no_markup_escapes(tmp_path: Path) -> None:
    with WebServer() as server:
        url = server.route("/gone[draft]", status(404))
        (tmp_path / "sources.yaml").write_text(
            "digest:\n  title: T\n  themes: [A]\n  fetch: {retries: 0, robots: false}\n"
            f"sources:\n  - url: {url}\n    added: 2026-11-23\n"
        )
        result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 1
    row = [line for line in result.stderr.splitlines() if line.startswith("1 │")]
    assert [re.split(r"\s*│\s*", line) for line in row] == [
        ["1", "failed", "-", "404", "1", "HTTP 404 Not Found", url]
    ]
    assert "\\" not in result.stderr
