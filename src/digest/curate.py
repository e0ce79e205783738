"""The curator's desk: what is known about a source, and the decisions written back about it.

`describe` gathers one source's metadata (and where each field came from), the curator's
decisions and the numbered quote candidates; `annotate` turns the curator's answers into a
round-trip edit of sources.yaml that refuses to overwrite a decision made by hand meanwhile.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rich.console import Group, RenderableType
from rich.constrain import Constrain
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from digest import config, edits, fields, typography
from digest.config import Project, Source
from digest.errors import ConflictError, DigestError, UsageError
from digest.items import Item, comparable, occurs_in, resolve
from digest.models import Article, Origin, OriginKind, Quote
from digest.store import FetchRecord, Store

PANEL_WIDTH = 100
# The article's metadata as `show` lists it, each with the origin key an override replaces.
FIELDS = tuple(f.shown for f in fields.SHOWN if f.shown)
_ITEM_ORIGIN_KEY = {f.shown: f.origin for f in fields.SHOWN if f.shown and f.origin}


# How the last fetch got the page that backs a source (FetchRecord.used).
# The words `digest list` uses for the same states.
_USED = {"live": "fetched", "stored": "stored", "saved": "saved"}


class QuoteNotFound(DigestError):
    """The quote typed by the curator is not verbatim text of the article."""


@dataclass(frozen=True)
class FieldView:
    """One metadata field as shown: its value and its origin (None when nothing is known)."""

    value: str | None
    origin: Origin | None

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "origin": self.origin.kind.value if self.origin else None,
            "detail": (self.origin.rule or None) if self.origin else None,
        }

    def describe(self) -> str:
        """Where the value came from, or why there is none: "meta tag (og:title)"."""
        if self.origin is None:
            return ""
        if self.origin.kind is OriginKind.ERROR:
            return f"not found (error in the {self.origin.rule})"
        return self.origin.describe()


@dataclass(frozen=True)
class SourceView:
    """Everything known about one source: `digest show` as data."""

    item: Item
    status: str  # fetched | failed | not fetched
    error: str | None
    fields: dict[str, FieldView] = field(default_factory=dict)
    file: str = "sources.yaml"

    @property
    def source(self) -> Source:
        return self.item.source

    @property
    def chosen(self) -> int | None:
        """The 1-based number of the candidate the curator chose, if the quote is one."""
        quote = self.source.quote
        if not quote:
            return None
        key = comparable(quote)
        return next(
            (n for n, c in enumerate(self.item.candidates, 1) if comparable(c.text) == key), None
        )

    def to_json(self) -> dict[str, Any]:
        source = self.source
        return {
            "index": source.index,
            "url": source.url,
            "line": source.line,
            "edition": source.edition_key,
            "status": self.status,
            "error": self.error,
            **{name: view.to_json() for name, view in self.fields.items()},
            "authors": list(self.item.authors),
            "label": self.item.label,
            "theme": source.theme,
            "comment": source.comment,
            "speaker": self.item.speaker,
            "role": self.item.role,
            "words": self.item.words,
            "paywalled": self.item.paywalled,
            "quotes": [c.to_dict() for c in self.item.candidates],
            "chosen_quote": {
                "text": source.quote,
                "candidate": self.chosen,
                "stale": self.item.quote_is_stale,
            }
            if source.quote
            else None,
        }


def store_state(project: Project, url: str) -> tuple[Article | None, FetchRecord | None]:
    """The extraction and the last fetch of one URL, if the store has them."""
    if not project.store_dir.exists():
        return None, None
    with Store.open(project.store_dir) as store:
        return store.get_article(url), store.last_fetch(url)


def describe(project: Project, source: Source) -> SourceView:
    """Gather what is known about `source`, for `digest show` and the interactive review."""
    article, record = store_state(project, source.url)
    item = resolve(source, article, project.settings)
    raw = item.origins
    published = item.published
    values = {
        "title": item.title if (article and article.title) or source.title else None,
        "byline": typography.join_names(item.authors, project.settings.language) or None,
        "publication": item.publication,
        "date": published,
        "language": item.language,
    }
    fields: dict[str, FieldView] = {}
    for name in FIELDS:
        value = values[name]
        key = _ITEM_ORIGIN_KEY.get(name, name)
        origin = raw.get(key)
        if name == "publication" and origin is None:
            origin = Origin(OriginKind.URL)  # items.resolve falls back on the host name
        fields[name] = FieldView(value, origin)
    error: str | None
    if record is not None and record.error is not None:
        status, error = "failed", record.error
    elif record is not None and record.used in _USED:
        status, error = _USED[record.used], record.detail
    else:
        status, error = ("fetched" if article else "not fetched"), None
    return SourceView(item, status, error, fields, file=project.path.name)


def panel(view: SourceView, language: str) -> RenderableType:
    """The panel `digest show` prints: metadata with origins, decisions, numbered candidates."""
    source, item = view.source, view.item
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for name in FIELDS:
        value = view.fields[name]
        shown = value.value or "—"
        if name == "date" and value.value:
            shown = _readable_date(value.value, language)
        line = Text(shown)
        if value.origin and value.origin.kind is OriginKind.ERROR:
            line = Text(value.describe(), style="red")
        elif value.origin:
            line.append(f"  · {value.describe()}", style="dim")
        grid.add_row(name.capitalize(), line)
    grid.add_row("Status", Text(view.status + (f": {view.error}" if view.error else "")))
    if item.fetched:
        grid.add_row("Length", Text(access_line(item)))
    grid.add_row("Theme", Text(source.theme or "— none yet"))
    grid.add_row("Comment", Text(source.comment or "— none yet"))
    quote = Text(source.quote or "— none chosen")
    if view.item.quote_is_stale:
        quote.append("  (no longer in the article)", style="red")
    elif view.chosen:
        quote.append(f"  (candidate {view.chosen})", style="dim")
    grid.add_row("Quote", quote)
    if source.quote:
        grid.add_row("Speaker", _speaker_line(item))
    parts: list[RenderableType] = [grid]
    if item.candidates:
        parts.append(Text("\nCandidates", style="bold"))
        parts.append(candidates_table(item.candidates, view.chosen))
    elif item.fetched:
        parts.append(Text("\nNo quote candidates found in the article.", style="dim"))
    title = Text(f"{source.index}. ", style="bold")
    title.append(source.url)
    edition = source.edition_key or "no edition"
    subtitle = f"{view.file}:{source.line} · {edition}"
    # A panel reads best at the width of a page, even when the output is a wide pipe.
    return Constrain(
        Panel(Group(*parts), title=title, title_align="left", subtitle=subtitle), PANEL_WIDTH
    )


def _speaker_line(item: Item) -> Text:
    if not item.speaker:
        decided = item.source.speaker is not None
        return Text("— nobody named" + (" (your decision)" if decided else ""))
    line = Text(item.speaker + (f", {item.role}" if item.role else ""))
    if item.source.speaker is not None:
        line.append("  · the curator", style="dim")
    return line


def access_line(item: Item) -> str:
    """The article's length and whether the page declares a paywall, for `digest show`."""
    minutes = item.reading_minutes
    length = f"{item.words:,} words, about {minutes} min" if minutes else "no text"
    paywall: dict[bool | None, str] = {
        True: "paywalled (the page says so)",
        False: "free (the page says so)",
        None: "no paywall declared",
    }
    return f"{length} · {paywall[item.paywalled]}"


def candidates_table(candidates: tuple[Quote, ...], chosen: int | None) -> Table:
    """Numbered quote candidates with their speakers, the chosen one marked with *."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for number, quote in enumerate(candidates, 1):
        mark = "*" if number == chosen else " "
        text = Text(f"“{quote.text}”")
        text.append(f"\n— {_who(quote)} · {quote.kind} · {quote.score:.2f}", style="dim")
        grid.add_row(f"{mark}{number}.", text)
    return grid


_WORDS = re.compile(r"[\w’'-]+")


def _who(quote: Quote) -> str:
    """A candidate's speaker and role, and the attribution's words when they do not name the speaker.

    '— Dmitri Peskov (“il”)': the name was inferred from a pronoun or a description, which the
    curator may want to check before crediting it; '— speaker not found (“they”)' says why.
    """
    who = quote.speaker or "speaker not found"
    if quote.speaker and quote.role:
        who = f"{quote.speaker}, {quote.role}"
    surname = _WORDS.findall((quote.speaker or "").casefold())[-1:]
    if quote.mention and not set(surname) & set(_WORDS.findall(quote.mention.casefold())):
        who += f" (“{quote.mention}”)"
    return who


def _readable_date(value: str, language: str) -> str:
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{typography.long_date(day, language)} ({value})"


# --------------------------------------------------------------------------- annotate


Answer = str | tuple[str, ...]


class Annotation:
    """The curator's answers about one source, by field name; "" clears a field.

    The names are those of the table of fields (`digest.fields`): quote, comment, theme, and the
    overrides. A field given as None is left alone.
    """

    def __init__(self, **answers: Answer | None) -> None:
        unknown = sorted(set(answers) - set(fields.BY_NAME))
        if unknown:
            raise TypeError(f"not a field of a source: {', '.join(unknown)}")
        self.answers: dict[str, Answer] = {k: v for k, v in answers.items() if v is not None}

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Annotation:
        """The answers among a command's options, named as the table of fields names them."""
        answers: dict[str, Answer | None] = {}
        for f in fields.FIELDS:
            value = options.get(fields.option_of(f))
            answers[f.name] = tuple(value) if isinstance(value, list) else value
        return cls(**answers)

    @property
    def empty(self) -> bool:
        return not self.answers

    def get(self, name: str) -> Answer | None:
        """The answer for field `name`, None when it was not given."""
        return self.answers.get(name)


def choose_quote(answer: str, source: Source, article: Article | None) -> str:
    """The quote text an answer designates: candidate N, or text that occurs in the article."""
    answer = answer.strip()
    candidates = article.quotes if article else ()
    if answer.isdigit():
        number = int(answer)
        if 1 <= number <= len(candidates):
            return candidates[number - 1].text
        if not candidates:
            raise UsageError(f"source {source.index} has no quote candidates; type the quote")
        raise UsageError(
            f"there is no candidate {number}; source {source.index} has {len(candidates)}"
        )
    if article is None or not article.text:
        raise QuoteNotFound(
            f"source {source.index} ({source.url}) has no fetched text to check the quote "
            "against; run `digest fetch` first. Nothing was written."
        )
    if not occurs_in(answer, article.text):
        raise QuoteNotFound(
            f"the quote does not occur verbatim in the article of source {source.index} "
            f"({source.url}): “{_shorten(answer)}”. Nothing was written."
        )
    return answer


def choose_theme(answer: str, themes: tuple[str, ...]) -> str:
    """The theme an answer names: its exact name, its name in any case, or its number."""
    answer = answer.strip()
    if answer in themes:
        return answer
    lowered = {t.casefold(): t for t in themes}
    if answer.casefold() in lowered:
        return lowered[answer.casefold()]
    if answer.isdigit() and 1 <= int(answer) <= len(themes):
        return themes[int(answer) - 1]
    close = difflib.get_close_matches(answer, themes, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else "."
    listed = ", ".join(f"'{t}'" for t in themes) or "none yet (add them under digest.themes)"
    raise UsageError(f"'{answer}' is not a theme{hint} Themes: {listed}")


def changes_for(
    project: Project, source: Source, answer: Annotation, article: Article | None
) -> dict[str, str | list[str] | None]:
    """The sources.yaml keys an annotation sets (None: remove), after checking every value."""
    changes: dict[str, str | list[str] | None] = {}
    for f in fields.FIELDS:
        value = answer.get(f.name)
        if value is None:
            continue
        if f.check == "names":
            names = [a.strip() for a in ([value] if isinstance(value, str) else value)]
            names = [a for a in names if a]
            # One key at a time: config.set_fields drops `authors` when it sets `author`. An
            # empty byline is a decision (wire copy, no personal byline), written as `author: ""`.
            if len(names) > 1:
                changes[f.keys[1]] = names
            else:
                changes[f.keys[0]] = names[0] if names else ""
            continue
        text = value if isinstance(value, str) else " ".join(value)
        changes[f.keys[0]] = _checked(f, text, project, source, article)
    return changes


def _checked(
    f: fields.Field, value: str, project: Project, source: Source, article: Article | None
) -> str | None:
    """The value to write for field `f` (None: remove the key), or a UsageError."""
    if f.check == "quote":
        return choose_quote(value, source, article) if value else None
    if f.check == "theme":
        return choose_theme(value, project.settings.themes) if value.strip() else None
    if f.check == "date":
        return _checked_date(value)
    if f.check == "language":
        return _checked_language(value)
    if f.prose:
        # The curator's words exactly, indentation included (Markdown gives it a meaning).
        return value if value.strip() else None
    # "" for a speaker is a decision (nobody named), kept as `speaker: ""`.
    return value.strip() or ("" if f.empty_is_decision else None)


def _checked_date(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        raise UsageError(f"--date '{value}' is not a date (YYYY-MM-DD)") from None
    return value


def _checked_language(value: str) -> str | None:
    value = value.strip().lower()
    if value and not config.LANGUAGE_RE.match(value):
        raise UsageError(f"--language '{value}' is not a two-letter code (en, fr, ...)")
    return value or None


def write_changes(
    project: Project,
    source: Source,
    changes: Mapping[str, str | list[str] | None],
    *,
    before_write: Callable[[], None] | None = None,
) -> Project:
    """Write `changes` to the source's entry; refuse if the curator changed those fields by hand.

    The round-trip edit re-applies itself to a file saved meanwhile, so the curator's other edits
    survive; but a field the curator changed by hand since we read it is their newer decision,
    and overwriting it would lose it.
    """
    path = project.path
    occurrence = sum(1 for s in project.sources if s.url == source.url and s.index < source.index)

    def guard() -> None:
        fresh = [s for s in config.load(path).sources if s.url == source.url]
        if len(fresh) <= occurrence:
            raise ConflictError(f"{path.name}: {source.url} is no longer listed; nothing written")
        now = fresh[occurrence]
        for key, value in changes.items():
            attribute = fields.BY_KEY[key].name
            before, after = getattr(source, attribute), getattr(now, attribute)
            if after != before and not _same(after, value):
                raise ConflictError(
                    f"{path.name}:{now.line}: source {now.index}'s '{key}' was changed by hand "
                    f"while this edit was being made; nothing was written. Run it again."
                )
        if before_write is not None:
            before_write()

    return edits.set_fields(path, source, changes, before_write=guard)


def _same(current: object, wanted: object) -> bool:
    if isinstance(current, tuple):
        return list(current) == (wanted if isinstance(wanted, list) else [wanted])
    return current == wanted


def annotate(
    project: Project,
    ref: str,
    answer: Annotation,
    *,
    before_write: Callable[[], None] | None = None,
) -> tuple[Project, Source, list[str]]:
    """Record an annotation of the source REF names; return the new project and what changed."""
    source = project.resolve(ref)
    article, _ = store_state(project, source.url)
    changes = changes_for(project, source, answer, article)
    new = write_changes(project, source, changes, before_write=before_write)
    return new, source, describe_changes(changes)


def describe_changes(changes: Mapping[str, object]) -> list[str]:
    """Human words for what an edit did: "quote set", "theme removed"."""
    said: list[str] = []
    for key, value in changes.items():
        done = "removed" if value is None else "set to none" if value == "" else "set"
        said.append(f"{'author' if key == 'authors' else key} {done}")
    return said


def _shorten(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
