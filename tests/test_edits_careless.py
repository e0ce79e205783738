"""Edits of sources.yaml by careless hands: two commands at once, Windows files, symbolic links,
odd comments, and arguments that would make the file unreadable."""

from __future__ import annotations

import codecs
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from digest import config, edits
from digest.cli import app
from handskit import read_only

runner = CliRunner()

REVIEW = """\
# The curator's review
digest:
  title: Weekly   # shown on top
  language: en
  themes: [Cities, Work]
sources:
"""


def review_with(count: int) -> str:
    return REVIEW + "".join(
        f"  - url: https://news.example/{n}\n    added: 2026-11-23\n" for n in range(1, count + 1)
    )


def digest_command(sources: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "digest", "--sources", str(sources), *args]


def test_concurrent_annotate_processes_lose_no_edit(tmp_path: Path) -> None:
    """Eight `digest annotate` processes on eight sources of one file, twice over."""
    sources = tmp_path / "sources.yaml"
    sources.write_text(review_with(8))
    for round_ in range(2):
        processes = [
            subprocess.Popen(
                digest_command(sources, "annotate", str(n), "--comment", f"round {round_} #{n}"),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in range(1, 9)
        ]
        results = [(p.wait(), p.communicate()) for p in processes]
        landed = config.load(sources)
        for n, (code, (_, stderr)) in enumerate(results, 1):
            comment = landed.sources[n - 1].comment
            # Every edit lands, or is refused with a message and a failing exit code.
            if code == 0:
                assert stderr == f"source {n}: comment set.\n"
                assert comment == f"round {round_} #{n}"
            else:
                assert stderr.startswith("Error: "), stderr
    text = sources.read_text()
    assert text.startswith("# The curator's review\ndigest:\n  title: Weekly   # shown on top\n")


def test_an_edit_waits_for_the_one_being_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second edit cannot slip in between the first one's re-check and its rename."""
    sources = tmp_path / "sources.yaml"
    sources.write_text(review_with(2))
    project = config.load(sources)
    first_in_write, release_first = threading.Event(), threading.Event()
    real_write = edits.write_atomic

    def slow_write(path: Path, data: bytes) -> None:
        if threading.current_thread().name == "first":
            first_in_write.set()
            release_first.wait()
        real_write(path, data)

    monkeypatch.setattr(edits, "write_atomic", slow_write)
    errors: list[BaseException] = []

    def run(source: int, text: str) -> None:
        try:
            edits.set_fields(sources, project.sources[source], {"comment": text})
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    first = threading.Thread(target=run, args=(0, "first"), name="first")
    second = threading.Thread(target=run, args=(1, "second"), name="second")
    first.start()
    first_in_write.wait()
    second.start()
    # Without a lock the second edit is written now, then lost to the first one's rename.
    second.join(timeout=2)
    release_first.set()
    first.join()
    second.join()
    assert errors == []
    assert [s.comment for s in config.load(sources).sources] == ["first", "second"]


def test_crlf_file_keeps_its_line_breaks_and_bom(tmp_path: Path) -> None:
    text = review_with(2).replace("# The curator's", "# The curator's\t")
    raw = codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8")
    (tmp_path / "sources.yaml").write_bytes(raw)
    result = runner.invoke(app, ["annotate", "2", "--comment", "two\nlines", "--theme", "Work"])
    assert result.exit_code == 0, result.output
    expected = text + "    theme: Work\n    comment: |\n      two\n      lines\n"
    after = (tmp_path / "sources.yaml").read_bytes()
    assert after == codecs.BOM_UTF8 + expected.replace("\n", "\r\n").encode("utf-8")


def test_annotate_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    real = tmp_path / "shared" / "review.yaml"
    real.write_text(review_with(1))
    (tmp_path / "sources.yaml").symlink_to(real)
    result = runner.invoke(app, ["annotate", "1", "--theme", "Cities"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "sources.yaml").is_symlink()
    assert real.read_text() == review_with(1) + "    theme: Cities\n"
    assert sorted(p.name for p in (tmp_path / "shared").iterdir()) == [
        ".review.yaml.lock",
        "review.yaml",
    ]


@pytest.mark.parametrize(
    ("comment", "written"),
    [
        ("a\rb", '"a\\rb"'),
        ("line one\r\nline two", '"line one\\r\\nline two"'),
        ("next\u0085line", '"next\\Nline"'),
        ("para\u2028graph\u2029", '"para\\Lgraph\\P"'),
        ("bell\x07 and \x1b[31m", '"bell\\a and \\e[31m"'),
        ("    indented code\nand text", "|2\n          indented code\n      and text"),
        ("  two spaces", "'  two spaces'"),
    ],
)
def test_annotate_keeps_the_comment_exactly(tmp_path: Path, comment: str, written: str) -> None:
    (tmp_path / "sources.yaml").write_text(review_with(1))
    result = runner.invoke(app, ["annotate", "1", "--comment", comment])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "sources.yaml").read_bytes().decode() == (
        review_with(1) + f"    comment: {written}\n"
    )
    assert config.load(tmp_path / "sources.yaml").sources[0].comment == comment.rstrip()


def test_init_quotes_the_title_and_checks_the_language(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", "r", "--title", 'The "Urban" Review: #1'])
    assert result.exit_code == 0, result.output
    assert '  title: "The \\"Urban\\" Review: #1"\n' in (tmp_path / "r/sources.yaml").read_text()
    assert config.load(tmp_path / "r/sources.yaml").settings.title == 'The "Urban" Review: #1'
    bad = runner.invoke(app, ["init", "other", "--language", "english"])
    assert bad.exit_code == 2
    assert bad.stderr == "Error: --language 'english' is not a two-letter code (en, fr, de, ...)\n"
    assert not (tmp_path / "other").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["https://news.example/a\n"], "'https://news.example/a\\n' holds a line break"),
        (["https://news.example/a b"], "'https://news.example/a b' holds a space"),
        (["https://news.example/\x1b]52"], "'https://news.example/\\x1b]52' holds an invisible"),
        (["http://[::1/x"], "'http://[::1/x' is not a valid URL (Invalid IPv6 URL)"),
        (
            ["https://news.example/a", "--edition", "2026-W48\n"],
            "--edition '2026-W48\\n' is not an edition; write an ISO week such as 2026-W48",
        ),
        (
            ["https://news.example/a", "--edition", "2026-W99"],
            "--edition '2026-W99' is not an edition: 2026 has no ISO week 99",
        ),
    ],
)
def test_add_refuses_what_the_file_could_not_hold(
    tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "sources.yaml").write_text(review_with(0))
    result = runner.invoke(app, ["add", *args])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {message}"), result.stderr
    assert result.stderr.endswith("; nothing was added\n")
    assert (tmp_path / "sources.yaml").read_text() == review_with(0)


def test_unwritable_sources_yaml_is_a_message(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(review_with(1))
    with read_only(tmp_path / "sources.yaml"):
        result = runner.invoke(app, ["annotate", "1", "--theme", "Cities"])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: sources.yaml is read-only; nothing was written (check its permissions)\n"
    )
