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
SPEAKER_HELP = "Speaker · Enter: keep {who} · a name: that person · -: nobody named · q: quit"
ROLE_HELP = "Role of {who} · Enter: none · or type it (mayor of Lyon) · q: quit"
COMMENT_HELP = "Comment · Enter: keep{what} · type it · e: your $EDITOR · -: remove · q: quit"
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
    """The steps of one source: quote, speaker, comment, theme; each answer written at once."""
    view = curate.describe(project, source)
    console.print(curate.panel(view, project.settings.language))
    article, _ = curate.store_state(project, source.url)
    written = len(report.written)
    steps: list[Callable[[Project, Source], object]] = [
        lambda p, s: _quote_step(p, s, view, article, console, report),
        lambda p, s: _speaker_step(p, s, console, report),
        lambda p, s: _comment_step(p, s, console, report),
        lambda p, s: _theme_step(p, s, console, report),
    ]
    for step in steps:
        outcome = step(project, source)
        if outcome is _SKIP_SOURCE:
            break
        if isinstance(outcome, Project):
            project = outcome
            source = _current(project, source.url) or source
    if len(report.written) > written:
        report.reviewed += 1
    else:
        report.skipped += 1
    return project


def _quote_step(
    project: Project,
    source: Source,
    view: curate.SourceView,
    article: Article | None,
    console: Console,
    report: WalkReport,
) -> object:
    if source.quote:
        return None
    quote = _ask(console, QUOTE_HELP, lambda a: _quote_answer(a, view, source, article))
    if isinstance(quote, str):
        return _write(project, source, {"quote": quote}, console, report)
    return quote


def _speaker_step(project: Project, source: Source, console: Console, report: WalkReport) -> object:
    if not source.quote or source.speaker is not None:
        return None  # no quote to credit, or the curator already named its speaker
    item = curate.describe(project, source).item
    who = f"'{item.speaker}'" if item.speaker else "nobody named"
    name = _ask(console, SPEAKER_HELP.format(who=who), _speaker_answer)
    if name is None:
        return None
    changes: dict[str, str | list[str] | None] = {"speaker": str(name)}
    if name:
        role = _ask(console, ROLE_HELP.format(who=name), lambda a: a)
        if role:
            changes["role"] = str(role)
    return _write(project, source, changes, console, report)


def _speaker_answer(answer: str) -> str | None:
    if answer == "":
        return None
    return "" if answer == "-" else answer


def _comment_step(project: Project, source: Source, console: Console, report: WalkReport) -> object:
    what = f" '{_shorten(source.comment)}'" if source.comment else " none"
    text = _ask(console, COMMENT_HELP.format(what=what), lambda a: _comment_answer(a, source))
    if not isinstance(text, str) or text == (source.comment or ""):
        return None
    return _write(project, source, {"comment": text or None}, console, report)


def _comment_answer(answer: str, source: Source) -> str | None:
    """The comment to write ("" removes it), or None to keep the current one."""
    if answer == "":
        return None
    if answer == "-":
        return ""
    if answer == "e":
        from digest import editor

        # An editor that fails raises a DigestError: the step is asked again.
        return editor.edit_text(source.comment or "", "comment").strip()
    return answer


def _theme_step(project: Project, source: Source, console: Console, report: WalkReport) -> object:
    themes = project.settings.themes
    if source.theme or not themes:
        return None
    console.print("  ".join(f"{n}. {t}" for n, t in enumerate(themes, 1)), highlight=False)
    theme = _ask(console, THEME_HELP, lambda a: _theme_answer(a, themes))
    if isinstance(theme, str):
        return _write(project, source, {"theme": theme}, console, report)
    return None


def _shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
