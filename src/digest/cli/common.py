"""What every command shares: the consoles, the project, JSON output, usage errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from rich.console import Console

from digest.errors import UsageError

if TYPE_CHECKING:
    from digest.config import Project

# Piped output (cron mail, files) gets whole rows instead of an 80-column wrap.
# Messages carry URLs and web text: never read them as Rich markup.
err = Console(
    stderr=True, markup=False, highlight=False, width=None if sys.stderr.isatty() else 160
)
out = Console(markup=False, highlight=False, width=None if sys.stdout.isatty() else 160)

REF_HELP = "The source: its number, URL or a unique part."


def project(ctx: typer.Context) -> Project:
    """The project named by --sources, loaded and validated."""
    from digest import config

    return config.load(Path(ctx.obj))


def print_json(data: Any) -> None:
    """Machine output on stdout, indented, UTF-8, with no character a terminal would act on."""
    from digest.webtext import json_document

    sys.stdout.write(json_document(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def safe_streams() -> None:
    """Text no encoder takes (a lone surrogate from an older store) prints as "?", no traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def fail(message: str) -> NoReturn:
    """Bad usage: exit 2 with the message, nothing done."""
    raise UsageError(message)
