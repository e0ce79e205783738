"""The command line: parse, call one core function, print, exit. Nothing else lives here.

The commands live in one module per part of the curator's week (pipeline, desk), share what they
need through `common`, and are registered here in that order. Heavy modules (the store,
extraction, rendering) are imported inside the commands that need them, so that `digest --help`
stays fast. For the same reason the command modules do without `from __future__ import
annotations`: typer reads every command's signature twice at start-up, and string annotations
would be evaluated again each time.
"""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from digest.cli import common, desk, editions, inbox, pipeline, send
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


app = typer.Typer(
    cls=_Commands,
    help="Curate press reviews: fetch the articles you cite, pick quotes, build a themed digest.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def main_options(
    ctx: typer.Context,
    sources: Annotated[
        str | None,
        typer.Option(
            "--sources",
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
app.command()(pipeline.init)
app.command()(inbox.discover)
app.command(name="import")(inbox.import_)
app.add_typer(inbox.inbox_app, name="inbox")
app.command()(pipeline.add)
app.command()(pipeline.fetch)
app.command(name="list")(desk.list_sources)
app.command()(desk.show)
app.command()(desk.annotate)
app.command()(editions.edition)
app.command()(pipeline.build)
app.command()(editions.preview)
app.command()(desk.check)
app.command()(pipeline.extract)
app.command()(send.send)


def main() -> None:
    """Console-script entry point."""
    app()
