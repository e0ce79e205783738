"""The interactive review: one panel per undecided source, each answer written at once.

Answers are read from standard input through the console, so a test drives the walk by feeding
lines; whether there is a terminal at all is decided by `has_terminal` alone, which tests replace.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from rich.console import Console

from digest import curate
from digest.config import Project, Source
from digest.errors import DigestError, UsageError
from digest.models import Article

QUOTE_HELP = "Quote · Enter: candidate 1 · a number: that one · or type it · s: skip · q: quit"
THEME_HELP = "Theme · a number or a name · Enter or s: skip · q: quit"


def has_terminal() -> bool:
    """True when someone can answer: standard input is a terminal."""
    return sys.stdin.isatty()


def require_terminal() -> None:
    """Refuse at once, without waiting for input, when nobody can answer prompts."""
    if not has_terminal():
        raise UsageError(
            "annotate without options reviews sources interactively and needs a terminal; "
            "from a script, give --quote, --theme, --comment or an override"
        )


class _Quit(Exception):
    """The curator answered q (or closed the input)."""


@dataclass
class WalkReport:
    """What an interactive review did."""

    reviewed: int = 0
    skipped: int = 0
    written: list[str] = field(default_factory=list)  # "source 2: quote set"
    quit: bool = False
    left: int = 0  # sources still lacking a decision at the end


def pending(project: Project) -> list[Source]:
    """Sources that still lack a decision: no chosen quote or no theme."""
    return [s for s in project.sources if not (s.quote and s.theme)]


def walk(project: Project, console: Console, ref: str | None = None) -> WalkReport:
    """Review `ref`'s source, or every undecided source in order, one panel at a time."""
    report = WalkReport()
    urls = [project.resolve(ref).url] if ref else [s.url for s in pending(project)]
    try:
        for url in dict.fromkeys(urls):
            source = _current(project, url)
            if source is not None:
                project = _review_one(project, source, console, report)
    except _Quit:
        report.quit = True
    report.left = len(pending(project))
    return report


def _current(project: Project, url: str) -> Source | None:
    # The project is the one the last write returned: positions may have moved by hand edits.
    return next((s for s in project.sources if s.url == url), None)


def _review_one(project: Project, source: Source, console: Console, report: WalkReport) -> Project:
    view = curate.describe(project, source)
    console.print(curate.panel(view, project.settings.language))
    article, _ = curate.store_state(project, source.url)
    wrote = False
    if not source.quote:
        quote = _ask(console, QUOTE_HELP, lambda a: _quote_answer(a, view, source, article))
        if quote is _SKIP_SOURCE:
            report.skipped += 1
            return project
        if isinstance(quote, str):
            project = _write(project, source, {"quote": quote}, console, report)
            source = _current(project, source.url) or source
            wrote = True
    if not source.theme and project.settings.themes:
        themes = project.settings.themes
        console.print("  ".join(f"{n}. {t}" for n, t in enumerate(themes, 1)), highlight=False)
        theme = _ask(console, THEME_HELP, lambda a: _theme_answer(a, themes))
        if isinstance(theme, str):
            project = _write(project, source, {"theme": theme}, console, report)
            wrote = True
    if wrote:
        report.reviewed += 1
    else:
        report.skipped += 1
    return project


_SKIP_SOURCE = object()


def _quote_answer(
    answer: str, view: curate.SourceView, source: Source, article: Article | None
) -> object | None:
    if answer == "":
        if not view.item.candidates:
            return None  # nothing to accept: move on to the theme
        answer = "1"
    if answer.lower() == "s":
        return _SKIP_SOURCE
    return curate.choose_quote(answer, source, article)


def _theme_answer(answer: str, themes: tuple[str, ...]) -> object | None:
    if answer == "" or answer.lower() == "s":
        return None
    return curate.choose_theme(answer, themes)


def _ask(console: Console, help_text: str, interpret: Callable[[str], object]) -> object:
    """Ask until the answer makes sense; q or the end of input quits the walk."""
    while True:
        console.print(help_text, style="dim", highlight=False)
        try:
            answer = console.input("> ").strip()
        except EOFError:
            raise _Quit() from None
        if answer.lower() == "q":
            raise _Quit()
        try:
            return interpret(answer)
        except DigestError as exc:
            console.print(f"{exc}", style="red", highlight=False)


def _write(
    project: Project,
    source: Source,
    changes: dict[str, str | list[str] | None],
    console: Console,
    report: WalkReport,
) -> Project:
    new = curate.write_changes(project, source, changes)
    said = ", ".join(curate.describe_changes(changes))
    line = f"source {source.index}: {said}"
    report.written.append(line)
    console.print(f"Saved to {project.path.name}: {line}", highlight=False)
    return new


def summary(report: WalkReport) -> str:
    """One line on what the review did and what is left."""
    done = f"Reviewed {report.reviewed} source{'s' * (report.reviewed != 1)}"
    skipped = f", skipped {report.skipped}" if report.skipped else ""
    left = (
        f"{report.left} still lack{'s' * (report.left == 1)} a quote or a theme"
        if report.left
        else "every source has a quote and a theme"
    )
    return f"{done}{skipped}; {left}."
