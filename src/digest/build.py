"""Build an edition: select its sources, group them by theme, resolve overrides, render, write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from digest import typography
from digest.config import Project, edition_monday, iso_week, write_atomic
from digest.errors import DigestError, UsageError
from digest.items import Item, resolve
from digest.models import Article
from digest.render import EditionData, Section, render_markdown

Renderer = Callable[[EditionData, Project], str]


def _markdown(edition: EditionData, project: Project) -> str:
    template = project.settings.template
    return render_markdown(edition, template if template and template.suffix != ".html" else None)


FORMATS: dict[str, tuple[str, Renderer]] = {"md": (".md", _markdown)}


class IncompleteEdition(DigestError):
    """`--strict` and some items lack a decision."""


@dataclass
class BuildReport:
    """What a build wrote and what the curator should look at."""

    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # items that could not be fetched

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def edition_keys(project: Project, edition: str | None, all_editions: bool) -> list[str]:
    """The editions a build covers: one (default: this ISO week) or every known one."""
    if all_editions:
        keys = set(project.editions)
        keys.update(s.edition_key for s in project.sources if s.edition_key)
        return sorted(keys)
    key = edition or iso_week(dt.date.today())
    edition_monday(key)  # refuses a malformed key with a clear message
    return [key]


def assemble(project: Project, key: str, articles: Mapping[str, Article]) -> EditionData:
    """The data of edition `key`: its texts and its items, grouped by theme in order."""
    settings = project.settings
    items = [
        resolve(s, articles.get(s.url), settings) for s in project.sources if s.edition_key == key
    ]
    sections = [
        Section(theme, tuple(i for i in items if i.source.theme == theme))
        for theme in settings.themes
    ]
    unthemed = tuple(i for i in items if not i.source.theme)
    if unthemed:
        sections.append(Section(typography.rules(settings.language).others, unthemed))
    texts = project.editions.get(key)
    monday = edition_monday(key)
    return EditionData(
        key=key,
        title=(texts.title if texts and texts.title else settings.title),
        language=settings.language,
        dates=typography.date_range(monday, monday + dt.timedelta(days=6), settings.language),
        intro=texts.intro if texts else None,
        outro=texts.outro if texts else None,
        sections=tuple(s for s in sections if s.items),
    )


def undecided(edition: EditionData) -> list[Item]:
    """Items still lacking a theme or a chosen quote."""
    return [i for s in edition.sections for i in s.items if not i.decided]


def build(
    project: Project,
    articles: Mapping[str, Article],
    keys: Sequence[str],
    *,
    fmt: str = "md",
    output: Path | None = None,
    strict: bool = False,
) -> BuildReport:
    """Render and write each edition in `keys`; nothing is written if --strict finds gaps."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    if output is not None and len(keys) > 1 and output.suffix:
        raise UsageError("--output names a file; with --all give a folder")
    report = BuildReport()
    editions = [assemble(project, key, articles) for key in keys]
    if strict:
        missing = [
            f"{project.path.name}:{i.source.line}: source {i.source.index} ({i.url}) "
            f"has no {' and no '.join(_gaps(i))}"
            for e in editions
            for i in undecided(e) + [i for s in e.sections for i in s.items if not i.fetched]
        ]
        if missing:
            raise IncompleteEdition("--strict: the edition is incomplete:\n" + "\n".join(missing))
    suffix, renderer = FORMATS[fmt]
    for edition in editions:
        text = renderer(edition, project)
        target = _target(project, edition.key, suffix, output, len(keys))
        write_atomic(target, text.encode("utf-8"))
        report.written.append(target)
        for section in edition.sections:
            for item in section.items:
                _note(report, project, item)
    return report


def _gaps(item: Item) -> list[str]:
    gaps = [
        name for name, ok in (("theme", item.source.theme), ("quote", item.source.quote)) if not ok
    ]
    if not item.fetched:
        gaps.append("fetched page")
    return gaps


def _target(project: Project, key: str, suffix: str, output: Path | None, count: int) -> Path:
    if output is None:
        return project.digests_dir / f"{key}{suffix}"
    if count == 1 and output.suffix:
        return output
    return output / f"{key}{suffix}"


def _note(report: BuildReport, project: Project, item: Item) -> None:
    where = f"{project.path.name}:{item.source.line}: source {item.source.index}"
    if not item.fetched:
        report.failed.append(f"{where} ({item.url}) has not been fetched; run `digest fetch`")
    if item.quote_is_stale:
        report.warnings.append(f"{where}: the chosen quote no longer occurs in the article")
    if not item.source.quote and item.quote:
        report.warnings.append(f"{where}: no quote chosen; used the best candidate")
    if not item.quote:
        report.warnings.append(f"{where}: no quote chosen and none found in the article")
