"""The curator's own editor ($VISUAL, else $EDITOR) for texts longer than a shell argument."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from digest.errors import UsageError


def editor_command() -> list[str]:
    """The editor to run, as $VISUAL or $EDITOR says (a command with its arguments)."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError as exc:
                raise UsageError(f"${name} '{value}' cannot be read as a command: {exc}") from None
    raise UsageError(
        "no editor: set $VISUAL or $EDITOR (export EDITOR=nano), or give the text as an option"
    )


def edit_text(text: str, what: str) -> str:
    """`text` as the curator leaves it after editing it; UsageError if the editor fails.

    The text goes through a temporary Markdown file, removed afterwards; trailing blank lines
    are dropped, the rest is kept as written.
    """
    command = editor_command()
    handle, name = tempfile.mkstemp(prefix=f"digest-{what}-", suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text + ("\n" if text and not text.endswith("\n") else ""))
        try:
            done = subprocess.run([*command, str(path)], check=False)
        except OSError as exc:
            raise UsageError(f"cannot run the editor '{command[0]}': {exc.strerror}") from None
        if done.returncode != 0:
            raise UsageError(
                f"the editor '{command[0]}' exited with status {done.returncode}; "
                "nothing was written"
            )
        try:
            return path.read_text(encoding="utf-8").rstrip()
        except UnicodeDecodeError:
            raise UsageError(f"the {what} was not saved as UTF-8; nothing was written") from None
    finally:
        path.unlink(missing_ok=True)
