"""The command line: parse, call one core function, print, exit. Nothing else lives here.

Heavy modules (the store, extraction, rendering) are imported inside the commands that need them,
so that `digest --help` stays fast.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperGroup

from digest.errors import DigestError, UsageError

if TYPE_CHECKING:
    from digest.config import Project

# Piped output (cron mail, files) gets whole rows instead of an 80-column wrap.
# Messages carry URLs and web text: never read them as Rich markup.
err = Console(
    stderr=True, markup=False, highlight=False, width=None if sys.stderr.isatty() else 160
)
out = Console(markup=False, highlight=False, width=None if sys.stdout.isatty() else 160)


class _Commands(TyperGroup):
    """Turns the one exception family into `Error: …` and its exit code, in one place."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except DigestError as exc:
            err.print(Text("Error:", style="red"), str(exc), soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            err.print("Interrupted.")
            raise typer.Exit(130) from None

    def list_commands(self, ctx: Any) -> list[str]:
        # The order of the curator's week, not alphabetical.
        order = ["init", "add", "fetch", "list", "show", "annotate", "build", "check"]
        return [n for n in order if n in self.commands] + [
            n for n in self.commands if n not in order
        ]


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
        Path | None,
        typer.Option(
            "--sources",
            envvar="DIGEST_SOURCES",
            help="The curator's file (default: ./sources.yaml, or $DIGEST_SOURCES).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Curate press reviews: fetch the articles you cite, pick quotes, build a themed digest."""
    ctx.obj = sources or Path("sources.yaml")


def _project(ctx: typer.Context) -> Project:
    from digest import config

    return config.load(Path(ctx.obj))


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _fail(message: str) -> NoReturn:
    raise UsageError(message)


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Folder to create (default: here).")] = Path("."),
    title: Annotated[str, typer.Option(help="The review's title.")] = "My review",
    language: Annotated[str, typer.Option(help="The edition language (en, fr, ...).")] = "en",
) -> None:
    """Create a working folder with a commented sources.yaml and an empty digests/."""
    from digest import edits

    path = edits.init_folder(folder, title=title, language=language)
    err.print(f"Created {path} and {folder / 'digests'}/. Add articles with `digest add URL`.")


@app.command()
def add(
    ctx: typer.Context,
    urls: Annotated[list[str], typer.Argument(help="URLs of the articles to cite.")],
    theme: Annotated[str | None, typer.Option(help="Theme to file them under.")] = None,
    comment: Annotated[str | None, typer.Option(help="Your comment on the article.")] = None,
    html: Annotated[
        Path | None, typer.Option(help="A copy of the page saved from a browser (paywalls).")
    ] = None,
    edition: Annotated[str | None, typer.Option(help="Edition (ISO week, e.g. 2026-W48).")] = None,
) -> None:
    """Append articles to sources.yaml, stamped with today's date."""
    from digest import edits

    path = Path(ctx.obj)
    if html is not None and len(urls) != 1:
        _fail("--html belongs to one URL; add the others separately")
    saved = None
    if html is not None:
        if not html.is_file():
            _fail(f"{html}: no such file")
        saved = os.path.relpath(html.resolve(), path.resolve().parent)
    new = [edits.NewSource(url, dt.date.today(), theme, comment, saved, edition) for url in urls]
    project, skipped = edits.add_sources(path, new)
    for url in skipped:
        err.print(f"Already listed, left as is: {url}")
    added = len(urls) - len(skipped)
    err.print(
        f"Added {added} source{'s' * (added != 1)} to {path} ({len(project.sources)} in all)."
    )


@app.command()
def fetch(
    ctx: typer.Context,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Download again, with conditional requests.")
    ] = False,
    only: Annotated[
        list[str] | None, typer.Option(help="Only this source (REF: number, URL or part).")
    ] = None,
    concurrency: Annotated[
        int | None, typer.Option(min=1, help="Requests at once (default 16).")
    ] = None,
    ignore_robots: Annotated[
        bool, typer.Option("--ignore-robots", help="Ignore robots.txt for this run.")
    ] = False,
    wait: Annotated[
        bool, typer.Option("--wait", help="Wait for another running fetch instead of exiting.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Download and extract every source not yet in the store."""
    from digest import collect, progress

    project = _project(ctx)
    with progress.Reporter(err, total=len(project.sources)) as reporter:
        report = collect.run_fetch(
            project,
            refresh=refresh,
            only=only or (),
            concurrency=concurrency,
            ignore_robots=ignore_robots,
            wait=wait,
            on_item=reporter.item,
        )
    if as_json:
        _print_json(report.to_json())
    else:
        progress.print_summary(err, report)
    raise typer.Exit(report.exit_code)


@app.command(name="list")
def list_sources(
    ctx: typer.Context,
    edition: Annotated[str | None, typer.Option(help="Only this edition (2026-W48).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the rows as JSON.")] = False,
) -> None:
    """One row per source: status, language, title, byline, publication, theme, quote."""
    from digest import listing

    project = _project(ctx)
    rows = listing.rows(project, edition)
    if as_json:
        _print_json([r.to_json() for r in rows])
    else:
        out.print(listing.table(rows))


@app.command()
def build(
    ctx: typer.Context,
    edition: Annotated[
        str | None, typer.Option(help="Edition to build (default: the current ISO week).")
    ] = None,
    all_editions: Annotated[bool, typer.Option("--all", help="Build every edition.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="md, html or atom.")] = "md",
    output: Annotated[Path | None, typer.Option(help="Where to write (file or folder).")] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail if an item lacks a theme or a quote.")
    ] = False,
) -> None:
    """Assemble the themed digest of an edition under digests/."""
    from digest import build as building
    from digest import listing

    project = _project(ctx)
    if edition and all_editions:
        _fail("give --edition or --all, not both")
    keys = building.edition_keys(project, edition, all_editions)
    report = building.build(
        project, listing.articles(project), keys, fmt=fmt, output=output, strict=strict
    )
    for line in report.warnings + report.failed:
        err.print(line, soft_wrap=True)
    for path in report.written:
        out.print(f"Wrote {path}")
    raise typer.Exit(report.exit_code)


@app.command()
def extract(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="HTML files (.html or .html.gz) or text files.")
    ] = None,
    url: Annotated[str, typer.Option(help="The URL the page came from.")] = "",
    inputs_list: Annotated[
        Path | None, typer.Option("--inputs", help="A file of PATH<TAB>URL lines.")
    ] = None,
    text: Annotated[bool, typer.Option("--text", help="Inputs are plain-text articles.")] = False,
    language: Annotated[
        str | None, typer.Option(help="Language of --text inputs (en, fr, ...).")
    ] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per line.")] = False,
) -> None:
    """Extract metadata, text and quotes from saved pages, without the store."""
    from digest.extract import batch

    pairs = [(path, url) for path in inputs or []]
    if inputs_list is not None:
        pairs += batch.read_inputs_list(inputs_list)
    if not pairs:
        _fail("give at least one INPUT or --inputs LIST")
    failed = False
    for record in batch.extract_records(pairs, plain_text=text, language=language):
        failed = failed or record.get("error") is not None
        if jsonl:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            _print_json(record)
    raise typer.Exit(1 if failed else 0)


# The curator's desk (show, annotate, check) lives in its own module; registered here in
# workflow order, after list.
from digest import desk_commands  # noqa: E402

app.command()(desk_commands.show)
app.command()(desk_commands.annotate)
app.command()(desk_commands.check)


def main() -> None:
    """Console-script entry point."""
    app()
