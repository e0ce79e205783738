"""The pipeline commands: init, add, fetch, build, extract.

Each parses, calls one core function, prints and exits; heavy modules are imported inside the
commands so that `digest --help` stays fast.
"""

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from digest.cli import common

if TYPE_CHECKING:
    from digest.config import Project


def init(
    folder: Annotated[Path, typer.Argument(help="Folder to create (default: here).")] = Path("."),
    title: Annotated[str, typer.Option(help="The review's title.")] = "My review",
    language: Annotated[str, typer.Option(help="The edition language (en, fr, ...).")] = "en",
) -> None:
    """Create a working folder with a commented sources.yaml and an empty digests/.

    \b
    Example:
      digest init my-review --title "Cities weekly" --language fr
    """
    from digest import edits

    path = edits.init_folder(folder, title=title, language=language)
    common.err.print(
        f"Created {path} and {folder / 'digests'}/. Add articles with `digest add URL`."
    )


def add(
    ctx: typer.Context,
    urls: Annotated[list[str], typer.Argument(metavar="URL", help="URLs of the articles to cite.")],
    theme: Annotated[
        str | None, typer.Option(metavar="THEME", help="Theme to file them under.")
    ] = None,
    comment: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Your comment on the article.")
    ] = None,
    html: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="A copy of the page saved from a browser (paywalls)."),
    ] = None,
    edition: Annotated[
        str | None, typer.Option(metavar="WEEK", help="Edition (ISO week, e.g. 2026-W48).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Add it even if an earlier edition featured it.")
    ] = False,
) -> None:
    """Append articles to sources.yaml, stamped with today's date.

    Tracking parameters (utm_*, fbclid, ...) are removed; an article already listed is refused.

    \b
    Example:
      digest add https://www.example.org/2026/11/article.html --theme "Work"
    """
    from digest import config, edits, featured
    from digest import urls as addresses

    path = Path(ctx.obj)
    if html is not None and len(urls) != 1:
        common.fail("--html belongs to one URL; add the others separately")
    saved = None
    if html is not None:
        if not html.is_file():
            common.fail(f"{html}: no such file")
        saved = os.path.relpath(html.resolve(), path.resolve().parent)
    cleaned = []
    for url in urls:
        try:
            dropped = addresses.tracking_params(url)
        except ValueError:  # not a URL at all: the file's validation says why
            dropped = []
        if dropped:
            url = addresses.without_tracking(url)
            common.err.print(
                f"Without its tracking parameters ({', '.join(dropped)}): {url}", soft_wrap=True
            )
        cleaned.append(url)
    edits.check_new(  # a malformed URL or edition is refused before anything reads it
        [edits.NewSource(url, dt.date.today(), theme, comment, saved, edition) for url in cleaned]
    )
    before = common.project(ctx)
    refused = [] if force else featured.refusals(before, cleaned, edition)
    for url, earlier in refused:
        common.err.print(f"Not added: {url} is already featured in {earlier}; --force to add it")
    # Listed in this edition (or a later one) already: refused, with the line to look at.
    target = edition or config.iso_week(dt.date.today())
    listed = [u for u in cleaned if u not in dict(refused) and _already_listed(before, u, target)]
    for url in listed:
        common.err.print(_already_listed(before, url, target), soft_wrap=True)
    urls = [url for url in cleaned if url not in dict(refused) and url not in listed]
    new = [edits.NewSource(url, dt.date.today(), theme, comment, saved, edition) for url in urls]
    project, skipped = edits.add_sources(path, new, again=force) if new else (before, [])
    for url in skipped:  # the same article twice on the command line
        common.err.print(
            _already_listed(project, url, target) or f"Refused: {url} is already listed",
            soft_wrap=True,
        )
    skipped += listed
    added = len(urls) - len(skipped) + len(listed)
    common.err.print(
        f"Added {added} source{'s' * (added != 1)} to {path} ({len(project.sources)} in all)."
    )
    raise typer.Exit(1 if skipped or refused else 0)


def _already_listed(project: "Project", url: str, edition: str) -> str:
    """Why `url` is refused when `edition` (or a later one) lists its article; "" otherwise."""
    from digest.urls import normalize_url

    try:
        same = next(
            (
                s
                for s in project.sources
                if normalize_url(s.url) == normalize_url(url)
                and (s.edition_key is None or s.edition_key >= edition)
            ),
            None,
        )
    except ValueError:  # not a URL: the file's validation says why
        return ""
    if same is None:
        return ""
    return (
        f"Refused: {url} is already listed, {project.path.name}:{same.line} "
        f"(source {same.index}{', ' + same.url if same.url != url else ''})"
    )


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
    """Download and extract every source not yet in the store.

    \b
    Example:
      digest fetch
      digest fetch --refresh --only 3 --json
    """
    from digest import collect, progress

    project = common.project(ctx)
    with progress.Reporter(common.err, total=len(project.sources)) as reporter:
        report = collect.run_fetch(
            project,
            refresh=refresh,
            only=only or (),
            concurrency=concurrency,
            ignore_robots=ignore_robots,
            wait=wait,
            on_item=reporter.item,
        )
    if report.damaged_store is not None:
        common.err.print(
            f"The store was damaged: it is kept as {report.damaged_store}, and was rebuilt.",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    if as_json:
        common.print_json(report.to_json())
    else:
        progress.print_summary(common.err, report)
    raise typer.Exit(report.exit_code)


def build(
    ctx: typer.Context,
    edition: Annotated[
        str | None, typer.Option(help="Edition to build (default: the current ISO week).")
    ] = None,
    all_editions: Annotated[bool, typer.Option("--all", help="Build every edition.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="md, html or atom.")] = "md",
    output: Annotated[
        Path | None, typer.Option(help="Where to write: a file, a folder, or - for stdout.")
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail if an item lacks a theme or a quote.")
    ] = False,
) -> None:
    """Assemble the themed digest of an edition under digests/.

    \b
    Example:
      digest build --edition 2026-W48 --format html
      digest build --all --format atom
    """
    from digest import build as building
    from digest import listing

    project = common.project(ctx)
    if edition and all_editions:
        common.fail("give --edition or --all, not both")
    keys = building.edition_keys(project, edition, all_editions)
    report = building.build(
        project, listing.articles(project), keys, fmt=fmt, output=output, strict=strict,
        archive=all_editions,
    )  # fmt: skip
    for line in report.warnings + report.failed:
        common.err.print(line, soft_wrap=True)
    if report.stdout is not None:
        sys.stdout.buffer.write(report.stdout)
        sys.stdout.flush()
    for path in report.written:
        common.out.print(f"Wrote {path}")
    raise typer.Exit(report.exit_code)


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
    timeout: Annotated[
        float, typer.Option(min=0, help="Seconds to extract one input before it fails (0: none).")
    ] = 30.0,
) -> None:
    """Extract metadata, text and quotes from saved pages, without the store.

    \b
    Example:
      digest extract saved/page.html --url https://www.example.org/a --jsonl
    """
    from digest.extract import batch

    pairs = [(path, url) for path in inputs or []]
    if inputs_list is not None:
        pairs += batch.read_inputs_list(inputs_list)
    if not pairs:
        common.fail("give at least one INPUT or --inputs LIST")
    failed = False
    records = batch.extract_records(pairs, plain_text=text, language=language, timeout=timeout)
    for record in records:
        failed = failed or record.get("error") is not None
        if jsonl:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            common.print_json(record)
    raise typer.Exit(1 if failed else 0)
