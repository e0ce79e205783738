"""Files left to the tool by careless hands: a read-only store, temporary files of a killed
write, and what a later run makes of them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from digest.cli import app
from digest.files import remove_stale_temporaries
from digest.store import Store
from handskit import HEAD, HELLO_W48, read_only

runner = CliRunner()

REVIEW = HEAD + HELLO_W48 + "sources:\n  - url: https://news.example/a\n    added: 2026-11-23\n"

# Writes one file through write_atomic and stops for good just before the rename.
HANGING_WRITE = """
import os, sys, time
from pathlib import Path
from digest import files

def hang(*args):
    print("writing", flush=True)
    time.sleep(600)

os.replace = hang
files.write_atomic(Path(sys.argv[1]), b"half a digest")
"""


def start_hanging_write(target: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HANGING_WRITE, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "writing\n"
    return process


def test_a_read_only_store_is_a_permissions_message(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(REVIEW)
    Store.open(tmp_path / ".digest").close()
    with read_only(tmp_path / ".digest"):
        result = runner.invoke(app, ["list"])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: .digest is read-only, and digest writes its store there; check its "
        "permissions (do not delete it: it holds the pages fetched so far)\n"
    )


def test_a_killed_write_leaves_nothing_after_the_next_build(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(REVIEW)
    digests = tmp_path / "digests"
    killed = start_hanging_write(digests / "2026-W48.md")
    killed.kill()
    killed.wait()
    [leftover] = [p.name for p in digests.iterdir()]
    assert leftover.startswith(".2026-W48.md.") and leftover.endswith(".tmp")
    live = start_hanging_write(digests / "2026-W47.md")  # a write still in progress
    try:
        result = runner.invoke(app, ["build", "--edition", "2026-W48"])
        assert result.exit_code == 1, result.output  # the source was never fetched
        names = sorted(p.name for p in digests.iterdir())
        assert names[0].startswith(".2026-W47.md.") and names[1:] == ["2026-W48.md"]
    finally:
        live.kill()
        live.wait()
    assert remove_stale_temporaries(digests) == [digests / names[0]]
    assert sorted(p.name for p in digests.iterdir()) == ["2026-W48.md"]
