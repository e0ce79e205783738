"""The command line: parse, call one core function, print, exit. Nothing else lives here.

The commands live in one module per part of the curator's week (pipeline, desk), share what they
need through `common`, and are listed here (COMMANDS) in that order. A run imports and builds
only the command it names (see main), and heavy modules (the store, extraction, rendering) are
imported inside the commands that need them, so that every command starts fast. For the same reason the command modules do without `from __future__ import
annotations`: typer reads every command's signature twice at start-up, and string annotations
would be evaluated again each time.
"""

import importlib
import sys
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import typer

from digest.cli import common
from digest.errors import DigestError


class _Commands(common.PlainOptions):
    """Turns the one exception family into `Error: …` and its exit code, in one place."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except DigestError as exc:
            from rich.text import Text

            common.err.print(Text("Error:", style="red"), str(exc), soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            common.err.print("Interrupted.")
            raise typer.Exit(130) from None
        except Exception as exc:
            # A store read that store.py did not wrap (a method added later): still no traceback.
            sqlite3 = sys.modules.get("sqlite3")
            if sqlite3 is None or not isinstance(exc, sqlite3.DatabaseError):
                raise
            from rich.text import Text

            from digest.store import store_problem

            common.err.print(Text("Error:", style="red"), store_problem(exc), soft_wrap=True)
            raise typer.Exit(1) from None

    def list_commands(self, ctx: Any) -> list[str]:
        # Registration order: the order of the curator's week, not alphabetical. Typer adds
        # sub-apps after the plain commands; the inbox belongs with what feeds it.
        names = list(self.commands)
        if "inbox" in names and "import" in names:
            names.remove("inbox")
            names.insert(names.index("import") + 1, "inbox")
        return names


_HELP = "Curate press reviews: fetch the articles you cite, pick quotes, build a themed digest."


def main_options(
    ctx: typer.Context,
    sources: Annotated[
        str | None,
        typer.Option(
            "--sources",
            metavar="FILE",
            envvar="DIGEST_SOURCES",
            help="The curator's file (default: ./sources.yaml, or $DIGEST_SOURCES).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Curate press reviews: fetch the articles you cite, pick quotes, build a themed digest."""
    ctx.obj = Path(sources or "sources.yaml")
    common.safe_streams()


# The curator's week: set up, gather (feeds, imports, the inbox), add, fetch, review, build;
# then the tools around it.
COMMANDS = {
    "init": "pipeline:init",
    "discover": "inbox:discover",
    "import": "inbox:import_",
    "inbox": "inbox:inbox_app",
    "add": "pipeline:add",
    "fetch": "pipeline:fetch",
    "list": "desk:list_sources",
    "show": "desk:show",
    "annotate": "desk:annotate",
    "edition": "editions:edition",
    "build": "pipeline:build",
    "preview": "editions:preview",
    "check": "desk:check",
    "extract": "pipeline:extract",
    "send": "send:send",
}


def _app(only: str | None = None, listing: bool = False) -> typer.Typer:
    """The command line with every command, or with the one a run asks for.

    A `listing` (a run that names no command: `digest --help`) needs each command's name and
    help only, not its options, which are what typer spends its start-up building.
    """
    made = typer.Typer(
        cls=_Commands,
        help=_HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    made.callback()(main_options)
    for name, where in COMMANDS.items():
        if only not in (None, name):
            continue
        module, attribute = where.split(":")
        command = getattr(importlib.import_module(f"digest.cli.{module}"), attribute)
        if listing:
            doc = command.info.help if isinstance(command, typer.Typer) else command.__doc__
            made.command(name=name, help=doc)(_listed)
        elif isinstance(command, typer.Typer):
            made.add_typer(command, name=name)
        else:
            made.command(name=name)(command)
    return made


def _listed() -> None:
    """Stands for a command in `digest --help`; never runs (a run naming it builds the real one)."""


@cache
def _whole() -> typer.Typer:
    return _app()


def __getattr__(name: str) -> typer.Typer:
    # `digest.cli.app`, every command: built on first use, as a run needs only one command.
    if name == "app":
        return _whole()
    raise AttributeError(name)


def _command_word(args: list[str]) -> str | None:
    """The command a run names ("annotate" in `digest --sources s.yaml annotate 3`), if any."""
    words = iter(args)
    for arg in words:
        if arg == "--sources":
            next(words, None)
        elif not arg.startswith("--sources="):
            return None if arg.startswith("-") else arg
    return None


def main() -> None:
    """Console-script entry point.

    Typer builds every command's options before it looks at the command line; a run that names
    a command gets a command line of that command alone, its module the only one imported, so
    that every `digest COMMAND` starts fast (bench/startup.py).
    """
    name = _command_word(sys.argv[1:])
    if name is None:
        _app(listing=True)()
    else:
        (_app(name) if name in COMMANDS else _whole())()
