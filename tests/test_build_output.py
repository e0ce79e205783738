"""`build --output` by careless hands: never over the curator's files, a file or a folder as
what exists says, a device written as it is, `-` for standard output, errors as messages."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from digest.cli import app
from handskit import HEAD, HELLO_W48, read_only

runner = CliRunner()

REVIEW = HEAD + HELLO_W48 + "  2026-W49:\n    intro: Again.\n"
DIGEST = "# Weekly\n\n*23–29 November 2026*\n\nHello.\n"


@pytest.fixture
def review(tmp_path: Path) -> Path:
    (tmp_path / "sources.yaml").write_text(REVIEW)
    return tmp_path


def build(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["build", "--edition", "2026-W48", *args])
    return result.exit_code, result.stdout, result.stderr


def test_output_refuses_to_replace_the_curators_file(review: Path) -> None:
    assert build("--output", "sources.yaml") == (
        2,
        "",
        "Error: sources.yaml exists and is not a digest; nothing was written "
        "(give --output a new name or a folder)\n",
    )
    assert (review / "sources.yaml").read_text() == REVIEW
    (review / "README").write_text("My notes.\n")
    assert build("--output", "README")[0] == 2
    assert (review / "README").read_text() == "My notes.\n"


def test_output_replaces_a_digest_it_wrote_there(review: Path) -> None:
    assert build("--output", "site/review.md") == (0, "Wrote site/review.md\n", "")
    assert build("--output", "site/review.md") == (0, "Wrote site/review.md\n", "")
    assert (review / "site/review.md").read_text() == DIGEST
    (review / "site/review.md").write_text("Edited by hand.\n")
    assert build("--output", "site/review.md")[0] == 2
    assert (review / "site/review.md").read_text() == "Edited by hand.\n"


def test_what_exists_says_file_or_folder(review: Path) -> None:
    (review / "site.v2").mkdir()
    assert build("--output", "site.v2") == (0, "Wrote site.v2/2026-W48.md\n", "")
    assert (review / "site.v2/2026-W48.md").read_text() == DIGEST
    (review / "latest").write_text("")  # an empty file without a suffix: a file to fill
    assert build("--output", "latest") == (0, "Wrote latest\n", "")
    assert (review / "latest").read_text() == DIGEST


def test_output_dash_is_standard_output(review: Path) -> None:
    assert build("--output", "-") == (0, DIGEST, "")
    assert not (review / "digests").exists()
    result = runner.invoke(app, ["build", "--all", "--output", "-"])
    assert result.exit_code == 2
    assert result.stderr == ("Error: --output - prints one edition; give --edition, or a folder\n")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_full_device_is_a_message(review: Path) -> None:
    assert build("--output", "/dev/full") == (
        1,
        "",
        "Error: cannot write /dev/full: No space left on device\n",
    )
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_unwritable_digests_folder_is_a_message(review: Path) -> None:
    (review / "digests").mkdir()
    with read_only(review / "digests"):
        code, out, err = build()
    assert (code, out) == (1, "")
    assert err == (
        "Error: cannot write digests/2026-W48.md: the folder "
        f"{(review / 'digests').resolve()} is read-only; nothing was written (check its "
        "permissions)\n"
    )


def test_a_folder_built_before_the_store_was_deleted_builds_again(review: Path) -> None:
    assert build("--output", "site/") == (0, "Wrote site/2026-W48.md\n", "")
    (review / ".digest/outputs.json").unlink()
    assert build("--output", "site/") == (0, "Wrote site/2026-W48.md\n", "")
