"""The edition commands: `edition` writes an edition's own words, `preview` shows it in a browser.

Each parses, calls digest.editions or digest.build, prints and exits.
"""

from typing import Annotated

import typer

from digest.cli import common


def edition(
    ctx: typer.Context,
    key: Annotated[
        str | None,
        typer.Argument(metavar="[WEEK]", help="The edition (2026-W48; default: this week)."),
    ] = None,
    title: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Its title ('' for the review's).")
    ] = None,
    intro: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Your opening text (Markdown).")
    ] = None,
    outro: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Your closing text (Markdown).")
    ] = None,
    edit: Annotated[
        str | None,
        typer.Option(metavar="intro|outro", help="Write the intro or outro in $VISUAL/$EDITOR."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the edition as JSON.")] = False,
) -> None:
    """Show or write an edition's title, intro and outro under `editions:` in sources.yaml.

    \b
    Example:
      digest edition 2026-W48 --title "Cities that listen" --edit intro
    """
    from digest import editions

    week = editions.key_or_this_week(key)
    project = common.project(ctx)
    changes = {
        k: v for k, v in (("title", title), ("intro", intro), ("outro", outro)) if v is not None
    }
    if edit is not None:
        if edit not in ("intro", "outro"):
            common.fail(f"--edit takes intro or outro, not '{edit}'")
        if edit in changes:
            common.fail(f"give --{edit} or --edit {edit}, not both")
        from digest import editor

        current = getattr(project.editions.get(week), edit, None) or ""
        changes[edit] = editor.edit_text(current, edit)
    if changes:
        project = editions.set_texts(project.path, week, changes)
        said = ", ".join(f"{k} {'set' if v.strip() else 'removed'}" for k, v in changes.items())
        common.err.print(f"edition {week}: {said}.", soft_wrap=True)
    shown = editions.view(project, week)
    if as_json:
        common.print_json(shown.to_json())
    elif not changes:
        common.out.print(editions.describe(shown), soft_wrap=True)


def preview(
    ctx: typer.Context,
    edition: Annotated[
        str | None,
        typer.Option(metavar="WEEK", help="The edition (2026-W48; default: this week)."),
    ] = None,
    no_open: Annotated[
        bool, typer.Option("--no-open", help="Only print the path of the page.")
    ] = False,
) -> None:
    """Build an edition's e-mail page to a temporary file and open it in your browser.

    \b
    Example:
      digest preview --edition 2026-W48
    """
    import tempfile
    import webbrowser
    from pathlib import Path

    from digest import build as building
    from digest import editions, listing

    project = common.project(ctx)
    week = editions.key_or_this_week(edition)
    handle, name = tempfile.mkstemp(prefix=f"digest-{week}-", suffix=".html")
    target = Path(name)
    with open(handle, "wb"):
        pass  # the build replaces it atomically
    report = building.build(project, listing.articles(project), [week], fmt="html", output=target)
    for line in report.warnings + report.failed:
        common.err.print(line, soft_wrap=True)
    if not report.written:
        target.unlink(missing_ok=True)
        raise typer.Exit(report.exit_code)
    common.out.print(str(target), soft_wrap=True)
    if not no_open and not webbrowser.open(target.as_uri()):
        common.err.print("No browser could be started; open the page above yourself.")
    raise typer.Exit(report.exit_code)
