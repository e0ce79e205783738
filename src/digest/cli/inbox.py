"""The inbox commands: discover (feeds), import (bookmarks, Pocket, OPML, URL lists), and
`inbox` with its `take` and `drop`.

Each parses, calls the core (discovery, importing, inbox), prints and exits; heavy modules are
imported inside the commands so that `digest --help` stays fast.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from digest.cli import common

if TYPE_CHECKING:
    from digest.config import Project
    from digest.discovery import FeedReport
    from digest.importing import FileReport
    from digest.inbox import Numbered, Taken
    from digest.store import Store

JSON_HELP = "Print the report as JSON."


def discover(
    ctx: typer.Context,
    ignore_robots: Annotated[
        bool, typer.Option("--ignore-robots", help="Ignore robots.txt for this run.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Read the feeds of sources.yaml and put their new entries in the inbox."""
    from digest.discovery import discover as run
    from digest.fetch import FetchOptions

    project = common.project(ctx)
    if not project.feeds:
        common.fail(f"{project.path.name} has no 'feeds:'; add one, or `digest import` an OPML")
    options = FetchOptions.from_settings(project.settings.fetch, ignore_robots=ignore_robots)
    with _store(project) as store:
        report = run(project, store, options=options, on_feed=None if as_json else _feed_line)
    if as_json:
        common.print_json(report.to_json())
    else:
        common.err.print(
            f"{len(report.feeds)} feed documents in {report.seconds:.1f} s: {report.new} new "
            f"candidate{'s' * (report.new != 1)}, {len(report.failed)} failed. "
            "See them with `digest inbox`.",
            soft_wrap=True,
        )
    raise typer.Exit(report.exit_code)


def _feed_line(item: FeedReport) -> None:
    status = "-" if item.http_status is None else str(item.http_status)
    line = f"[{item.index}] {item.outcome} {status} {item.url}"
    if item.error:
        line += f" -- {item.error}"
    elif item.followed:
        line += f" -- declares {', '.join(item.followed)}"
    elif item.outcome == "read":
        line += (
            f" -- {_count(item.entries, 'entry', 'entries')}, {item.kept} kept, {len(item.new)} new"
            f"{_also(item.listed, 'in sources.yaml')}{_also(item.known, 'already seen')}"
            f"{_also(item.without_link, 'without a link')}"
        )
        if item.note:
            line += f" ({item.note})"
    common.err.print(line, soft_wrap=True)
    for candidate in item.new:
        common.err.print(
            f"    + {candidate.title or '(no title)'}  {candidate.url}", soft_wrap=True
        )


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _also(count: int, what: str) -> str:
    return f", {count} {what}" if count else ""


def import_(
    ctx: typer.Context,
    files: Annotated[list[str], typer.Argument(help="Files to import; - for standard input.")],
    fmt: Annotated[
        str, typer.Option("--format", help="auto, bookmarks, pocket, opml or urls.")
    ] = "auto",
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Import bookmarks, a Pocket export, an OPML list or URLs as candidates in the inbox."""
    from digest import importing

    project = common.project(ctx)
    collected = [
        importing.read(
            "stdin" if name == "-" else name, importing.read_file(name, sys.stdin.buffer), fmt
        )
        for name in files
    ]
    with _store(project) as store:
        reports = importing.run(project, store, collected)
    if as_json:
        common.print_json([r.to_json() for r in reports])
        return
    for report in reports:
        common.err.print(_import_line(report, project.path.name), soft_wrap=True)


def _import_line(report: FileReport, sources: str) -> str:
    c = report.collected
    if c.feeds:
        return (
            f"{c.name} ({c.format}): {_count(len(c.feeds), 'feed', 'feeds')}, "
            f"{len(report.feeds_added)} added to feeds: in {sources}"
        )
    return (
        f"{c.name} ({c.format}): {_count(len(c.links), 'link', 'links')}, "
        f"{_count(report.new, 'new candidate', 'new candidates')}"
        f"{_also(report.listed, f'in {sources}')}{_also(report.known, 'already seen')}"
        f"{_also(c.without_link, 'without a link')}"
    )


inbox_app = typer.Typer(
    cls=common.PlainOptions,
    help="The candidates from feeds and imports: list them, take or drop them.",
    no_args_is_help=False,
    invoke_without_command=True,
    rich_markup_mode=None,
)


@inbox_app.callback()
def inbox(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the candidates as JSON.")] = False,
    feed: Annotated[
        str | None, typer.Option(help="Only from this feed or file (a part of its name).")
    ] = None,
    theme: Annotated[str | None, typer.Option(help="Only those suggesting this theme.")] = None,
    every: Annotated[
        bool, typer.Option("--all", help="Every candidate, not only the 50 newest.")
    ] = False,
) -> None:
    """List the candidates, newest first, numbered for `inbox take` and `inbox drop`."""
    if ctx.invoked_subcommand is not None:
        return
    from digest import inbox as box

    project = common.project(ctx)
    with _store(project) as store:
        rows = box.select(box.numbered(project, store), feed=feed, theme=theme)
    shown = rows if every else rows[: box.LISTED_BY_DEFAULT]
    if as_json:
        common.print_json([row.to_json() for row in shown])
        return
    if not rows:
        common.err.print("The inbox is empty: `digest discover` reads your feeds.")
        return
    for row in shown:
        _print_row(row)
    if len(shown) < len(rows):
        common.err.print(f"... and {len(rows) - len(shown)} more: digest inbox --all")


def _print_row(row: Numbered) -> None:
    c = row.candidate
    day = (c.published or c.found_at)[:10]
    common.out.print(f"{row.number:>3}  {day}  {c.title or '(no title)'}", soft_wrap=True)
    notes = [c.feed, c.theme or "no theme"]
    if row.featured_in:
        notes.append(f"already featured in {row.featured_in}")
    common.out.print(f"     {c.url}  ({'; '.join(notes)})", soft_wrap=True)


@inbox_app.command()
def take(
    ctx: typer.Context,
    numbers: Annotated[
        list[int] | None, typer.Argument(help="Candidates to take, by number.", show_default=False)
    ] = None,
    theme: Annotated[str | None, typer.Option(help="Theme to file them under.")] = None,
    comment: Annotated[str | None, typer.Option(help="Your comment on them.")] = None,
    every: Annotated[bool, typer.Option("--all", help="Take every candidate.")] = False,
    max_per_theme: Annotated[
        int | None, typer.Option(min=1, help="With --all: at most N per theme, newest first.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Take them even if already featured.")
    ] = False,
) -> None:
    """Move candidates into sources.yaml (this week's edition), as `digest add` does."""
    from digest import inbox as box

    if bool(numbers) == every:
        common.fail("give candidate numbers or --all (see `digest inbox`)")
    if max_per_theme is not None and not every:
        common.fail("--max-per-theme goes with --all")
    project = common.project(ctx)
    with _store(project) as store:
        rows = box.numbered(project, store)
        chosen = rows if every else box.pick(rows, numbers or [])
        taken = box.take(
            project, store, chosen, theme=theme, comment=comment, force=force,
            max_per_theme=max_per_theme,
        )  # fmt: skip
    _print_taken(taken, project.path.name)
    raise typer.Exit(1 if taken.refused and not every else 0)


def _print_taken(taken: Taken, name: str) -> None:
    for row, theme in taken.taken:
        common.err.print(
            f"Took {row.number}: {row.candidate.url} ({theme or 'no theme'})", soft_wrap=True
        )
    for row in taken.listed:
        common.err.print(f"Already listed, left as is: {row.candidate.url}", soft_wrap=True)
    for row in taken.refused:
        common.err.print(
            f"Not taken {row.number}: {row.candidate.url} is already featured in "
            f"{row.featured_in}; --force to take it anyway",
            soft_wrap=True,
        )
    if taken.left:
        common.err.print(f"Left {len(taken.left)} in the inbox (--max-per-theme).")
    count = len(taken.taken)
    common.err.print(f"Added {count} source{'s' * (count != 1)} to {name}.")


@inbox_app.command()
def drop(
    ctx: typer.Context,
    numbers: Annotated[
        list[int] | None,
        typer.Argument(help="Candidates to dismiss, by number.", show_default=False),
    ] = None,
    older_than: Annotated[
        float | None, typer.Option(min=0, help="Dismiss those older than DAYS.", metavar="DAYS")
    ] = None,
) -> None:
    """Dismiss candidates for good: no feed or import suggests them again."""
    from digest import inbox as box

    if bool(numbers) == (older_than is not None):
        common.fail("give candidate numbers or --older-than DAYS")
    project = common.project(ctx)
    with _store(project) as store:
        rows = box.numbered(project, store)
        chosen = (
            box.older_than(rows, older_than)
            if older_than is not None
            else box.pick(rows, numbers or [])
        )
        count = box.drop(store, chosen)
    common.err.print(f"Dismissed {count} candidate{'s' * (count != 1)}.")


def _store(project: Project) -> Store:
    from digest.store import Store

    return Store.open(project.store_dir)
