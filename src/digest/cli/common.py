"""What every command shares: the consoles, the project, JSON output, usage errors."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from typer.core import TyperGroup

from digest.errors import UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from digest.config import Project

REF_HELP = "The source: its number, URL or a unique part."


def project(ctx: typer.Context) -> Project:
    """The project named by --sources, loaded and validated."""
    from digest import config

    return config.load(Path(ctx.obj))


@cache
def _console(stderr: bool) -> Console:
    # Rich is imported on first use, not at start-up: `digest --help` does not need it.
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    # Piped output (cron mail, files) gets whole rows instead of an 80-column wrap.
    # Messages carry URLs and web text: never read them as Rich markup.
    return Console(
        stderr=stderr, markup=False, highlight=False, width=None if stream.isatty() else 160
    )


def __getattr__(name: str) -> Console:
    """`common.err` and `common.out`: the consoles for messages and for output, made on demand."""
    if name in ("err", "out"):
        return _console(name == "err")
    raise AttributeError(name)


def print_json(data: Any) -> None:
    """Machine output on stdout, indented, UTF-8, with no character a terminal would act on."""
    import json

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


class _PlainText:
    """Passes an option's text through as it is.

    Typer coerces every option through pydantic, whose import costs more than the rest of
    `digest COMMAND --help`; the group's own options are plain text, checked by us.
    """

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        return value


class PlainOptions(TyperGroup):
    """A command group whose own options reach it as plain text (see _PlainText)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        for param in self.get_params(ctx):
            if getattr(param, "_runtime_param", False) is None:
                param._runtime_param = _PlainText()  # type: ignore[attr-defined]
        return super().parse_args(ctx, args)
