"""`build --all --format html` also writes digests/index.html: the editions, newest first."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from deskkit import EN_SOURCES, full_project
from digest.cli import app

runner = CliRunner()

# A second edition, whose title must be escaped, with one unfetched source.
LATER = (
    EN_SOURCES.replace(
        "\neditions:\n", '\neditions:\n  2026-W49:\n    title: "Streets & <squares>"\n'
    )
    + "  - url: https://late.example.org/x\n    added: 2026-12-01\n"
)


def test_the_archive_lists_the_editions_newest_first(tmp_path: Path) -> None:
    path = full_project(tmp_path)
    path.write_text(LATER, encoding="utf-8")
    result = runner.invoke(app, ["--sources", str(path), "build", "--all", "--format", "html"])
    index = tmp_path / "digests" / "index.html"
    assert f"Wrote {index}" in result.stdout.splitlines()
    assert index.read_text(encoding="utf-8") == (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Cities, citizens and technologies</title>\n</head>\n"
        '<body style="margin:0;padding:24px 12px;background-color:#f3f5f8;">\n'
        '<div style="max-width:600px;margin:0 auto;padding:32px 28px;background-color:#ffffff;'
        "font-family:Georgia,'Times New Roman',serif;font-size:16px;line-height:1.55;"
        'color:#1f2933;">\n'
        '<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px 0;">Cities, citizens and '
        "technologies</h1>\n"
        '<ul style="margin:0 0 16px 0;padding-left:24px;list-style:none;padding-left:0;">\n'
        '<li style="margin:0 0 6px 0;margin-bottom:14px;"><a href="2026-W49.html" '
        'style="color:#1a4f8b;text-decoration:underline;">Streets &amp; &lt;squares&gt; — '
        '30 November – 6 December 2026</a><br><span style="color:#5b6573;">2026-W49 · 1 article'
        "</span></li>\n"
        '<li style="margin:0 0 6px 0;margin-bottom:14px;"><a href="2026-W48.html" '
        'style="color:#1a4f8b;text-decoration:underline;">Cities, citizens and technologies — '
        '23–29 November 2026</a><br><span style="color:#5b6573;">2026-W48 · 3 articles'
        "</span></li>\n"
        "</ul>\n</div>\n</body>\n</html>\n"
    )
    first = index.read_bytes()
    again = runner.invoke(app, ["--sources", str(path), "build", "--all", "--format", "html"])
    assert again.exit_code == result.exit_code == 1  # source 4 was never fetched
    assert index.read_bytes() == first
    assert sorted(p.name for p in index.parent.iterdir()) == [
        "2026-W48.html", "2026-W49.html", "index.html",
    ]  # fmt: skip


def test_one_edition_or_markdown_writes_no_archive(tmp_path: Path) -> None:
    path = full_project(tmp_path)
    runner.invoke(
        app, ["--sources", str(path), "build", "--edition", "2026-W48", "--format", "html"]
    )
    runner.invoke(app, ["--sources", str(path), "build", "--all"])
    assert not (tmp_path / "digests" / "index.html").exists()
