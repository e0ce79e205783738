"""The curator's desk commands: list, show, annotate, check.

Each parses, calls one function of digest.listing / curate / review / lint, prints and exits.
"""

from typing import Annotated, Any

import typer

from digest import fields
from digest.cli import common
from digest.errors import UsageError


def list_sources(
    ctx: typer.Context,
    edition: Annotated[
        str | None, typer.Option(metavar="WEEK", help="Only this edition (2026-W48).")
    ] = None,
    theme: Annotated[str | None, typer.Option(metavar="THEME", help="Only this theme.")] = None,
    language: Annotated[
        str | None, typer.Option(metavar="LANG", help="Only articles in this language (fr).")
    ] = None,
    missing: Annotated[
        str | None,
        typer.Option(
            metavar="quote|comment|theme|speaker",
            help="Only sources that still lack this decision.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the rows as JSON.")] = False,
) -> None:
    """One row per source: status, language, title, byline, publication, theme, quote.

    \b
    Example:
      digest list --missing quote --language fr
    """
    from digest import listing

    project = common.project(ctx)
    rows = listing.rows(project, filters=listing.Filters(edition, theme, language, missing))
    if as_json:
        common.print_json([r.to_json() for r in rows])
    else:
        common.out.print(listing.table(rows, common.out.width))


def show(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(help=common.REF_HELP)],
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Everything known about one source, with numbered quote candidates.

    \b
    Example:
      digest show 3
      digest show interview-rochet --json
    """
    from digest import curate

    project = common.project(ctx)
    view = curate.describe(project, project.resolve(ref))
    if as_json:
        common.print_json(view.to_json())
    else:
        common.out.print(curate.panel(view, project.settings.language))


def _field(name: str) -> Any:
    """The `annotate` option of field `name`, described by the table of fields."""
    f = fields.BY_NAME[name]
    return typer.Option(metavar=f.metavar, help=f.help)


def annotate(
    ctx: typer.Context,
    ref: Annotated[
        str | None,
        typer.Argument(
            metavar="[REF]", help=f"{common.REF_HELP} Without options: review it (or all)."
        ),
    ] = None,
    quote: Annotated[str | None, _field("quote")] = None,
    comment: Annotated[str | None, _field("comment")] = None,
    edit: Annotated[
        bool, typer.Option("--edit", help="Write the comment in $VISUAL or $EDITOR.")
    ] = False,
    theme: Annotated[str | None, _field("theme")] = None,
    speaker: Annotated[str | None, _field("speaker")] = None,
    role: Annotated[str | None, _field("role")] = None,
    title: Annotated[str | None, _field("title")] = None,
    author: Annotated[list[str] | None, _field("authors")] = None,
    publication: Annotated[str | None, _field("publication")] = None,
    date: Annotated[str | None, _field("date")] = None,
    language: Annotated[str | None, _field("language")] = None,
    label: Annotated[str | None, _field("label")] = None,
) -> None:
    """Record your decisions about a source in sources.yaml ('' clears a field).

    Without options, on a terminal: an interactive review of the sources that lack a decision.

    \b
    Example:
      digest annotate 3 --quote 2 --speaker "Jeanne Martin" --role "mayor of Lyon"
    """
    from digest import curate, review

    if edit and comment is not None:
        common.fail("give --comment or --edit, not both")
    answer = curate.Annotation.from_options(locals())
    if answer.empty and not edit:
        review.require_terminal()
        report = review.walk(common.project(ctx), common.out, ref)
        common.err.print(review.summary(report))
        return
    if ref is None:
        raise UsageError("name the source to annotate (its number, URL or a unique part)")
    project = common.project(ctx)
    if edit:
        from digest import editor

        written = editor.edit_text(project.resolve(ref).comment or "", "comment")
        answer = curate.Annotation(**answer.answers, comment=written)
    _, source, said = curate.annotate(project, ref, answer)
    common.err.print(f"source {source.index}: {', '.join(said)}.", soft_wrap=True, highlight=False)


def check(
    ctx: typer.Context,
    links: Annotated[
        bool, typer.Option("--links", help="Also check that the digests' links still answer.")
    ] = False,
    edition: Annotated[str | None, typer.Option(help="Only this edition (2026-W48).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON.")] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 on warnings too, not only on errors.")
    ] = False,
) -> None:
    """Lint the review: duplicates, stale quotes, bylines, titles, failed fetches.

    \b
    Example:
      digest check --edition 2026-W48 --strict
      digest check --json
    """
    from digest import lint

    project = common.project(ctx)
    findings = lint.check(project, edition)
    if links:
        from digest import linkcheck

        findings += linkcheck.check_links(project)
    if as_json:
        common.print_json([f.to_json() for f in findings])
    else:
        common.out.print(
            lint.format_findings(findings), highlight=False, markup=False, soft_wrap=True
        )
    raise typer.Exit(lint.exit_code(findings, strict))
