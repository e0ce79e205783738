"""Build an edition: select its sources, group them by theme, resolve overrides, render, write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from digest import outputs, typography
from digest.config import Project, edition_monday, iso_week
from digest.errors import DigestError, UsageError
from digest.items import Item, resolve
from digest.models import Article
from digest.render import EditionData, Section, render_html, render_markdown

if TYPE_CHECKING:
    from digest.templating import TemplateError

Renderer = Callable[[EditionData, Project], str]
FEED_NAME = "feed.xml"
ARCHIVE_NAME = "index.html"


def _is_html_template(template: Path) -> bool:
    return ".html" in template.suffixes or ".htm" in template.suffixes


def _markdown(edition: EditionData, project: Project) -> str:
    template = project.settings.template
    return render_markdown(
        edition, template if template and not _is_html_template(template) else None
    )


def _html(edition: EditionData, project: Project) -> str:
    template = project.settings.template
    return render_html(edition, template if template and _is_html_template(template) else None)


# The curator's `template:` replaces the layout of the format its name says (.md.j2, .html.j2).
FORMATS: dict[str, tuple[str, Renderer]] = {"md": (".md", _markdown), "html": (".html", _html)}
ALL_FORMATS = (*FORMATS, "atom")


class IncompleteEdition(DigestError):
    """`--strict` and some items lack a decision."""


@dataclass
class BuildReport:
    """What a build wrote and what the curator should look at."""

    written: list[Path] = field(default_factory=list)
    stdout: bytes | None = None  # `--output -`: the digest, for the command to print
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
    archive: bool = False,
) -> BuildReport:
    """Render and write each edition in `keys`; nothing is written if --strict finds gaps.

    `archive` (build --all --format html) also writes index.html, the list of the editions.
    """
    if fmt not in ALL_FORMATS:
        raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(ALL_FORMATS)}")
    file_output = output is not None and outputs.names_a_file(output)
    if file_output and len(keys) > 1 and fmt != "atom":
        if output == outputs.STDOUT:
            raise UsageError("--output - prints one edition; give --edition, or a folder")
        raise UsageError("--output names a file; with --all give a folder")
    report = BuildReport()
    if fmt == "atom":
        keys = feed_keys(project, keys)
    editions = [assemble(project, key, articles) for key in keys]
    if strict:
        _refuse_incomplete(project, editions)
    rendered: dict[Path, bytes] = {}
    empty: dict[Path, str] = {}  # editions without sources: refused, and cron's exit code says so
    if fmt == "atom":
        target = _feed_target(project, output, file_output)
        name = target.name if target != outputs.STDOUT else FEED_NAME
        rendered[target] = feed_xml(project, editions, name).encode("utf-8")
    else:
        suffix, renderer = FORMATS[fmt]
        for edition in editions:
            target = _target(project, edition.key, suffix, output, file_output)
            if not (edition.sections or edition.intro or edition.outro):
                empty[target] = edition.key  # a heading alone is no digest
                continue
            rendered[target] = renderer(edition, project).encode("utf-8")
        if archive and fmt == "html":
            target = _archive_target(project, output, file_output)
            rendered[target] = _archive(project, articles).encode("utf-8")
    if output is not None:
        outputs.refuse_foreign([*rendered, *empty], project.store_dir)
    for key in empty.values():
        report.failed.append(
            f"{project.path.name}: edition {key} has no sources; nothing written "
            f"(add some with `digest add URL --edition {key}`)"
        )
    for target, data in rendered.items():
        if target == outputs.STDOUT:
            report.stdout = data
            continue
        outputs.write(target, data)
        report.written.append(target)
    if output is not None:
        outputs.remember(project.store_dir, rendered)
    for edition in editions:
        for section in edition.sections:
            for item in section.items:
                _note(report, project, item)
    return report


def template_problems(
    project: Project, articles: Mapping[str, Article], keys: Sequence[str]
) -> list[TemplateError]:
    """What the curator's template would stop a build with: compiled and rendered per edition."""
    from digest.templating import TemplateError

    template = project.settings.template
    if template is None:
        return []
    _, renderer = FORMATS["html" if _is_html_template(template) else "md"]
    problems: dict[str, TemplateError] = {}
    for key in keys or [iso_week(dt.date.today())]:
        try:
            renderer(assemble(project, key, articles), project)
        except TemplateError as exc:
            problems.setdefault(str(exc), exc)
    return list(problems.values())


def _refuse_incomplete(project: Project, editions: Sequence[EditionData]) -> None:
    missing = [
        f"{project.path.name}:{i.source.line}: source {i.source.index} ({i.url}) "
        f"has no {' and no '.join(_gaps(i))}"
        for e in editions
        for s in e.sections
        for i in s.items
        if _gaps(i)
    ]
    if missing:
        raise IncompleteEdition("--strict: the edition is incomplete:\n" + "\n".join(missing))


def feed_keys(project: Project, keys: Sequence[str]) -> list[str]:
    """The editions a feed lists: every edition with content, up to the latest one asked for."""
    latest = max(keys)
    known = set(edition_keys(project, None, all_editions=True))
    return sorted(k for k in known if k <= latest and _has_content(project, k))


def _has_content(project: Project, key: str) -> bool:
    texts = project.editions.get(key)
    if texts and (texts.intro or texts.outro):
        return True
    return any(s.edition_key == key for s in project.sources)


def feed_xml(project: Project, editions: Sequence[EditionData], feed_name: str = FEED_NAME) -> str:
    """The Atom feed of `editions`, each linking to its HTML page beside the feed."""
    from digest.feed import FeedEntry, render_atom

    entries = []
    for edition in editions:
        added = [s.added for s in project.sources if s.edition_key == edition.key and s.added]
        # The newest source dates the entry: a rebuild of unchanged inputs changes no byte.
        updated = max([edition_monday(edition.key), *added])
        entries.append(FeedEntry(edition, updated, link=f"{edition.key}.html"))
    settings = project.settings
    return render_atom(
        settings.title,
        settings.language,
        entries,
        base_url=settings.url,
        author=settings.author,
        feed_name=feed_name,
    )


def _archive(project: Project, articles: Mapping[str, Article]) -> str:
    from digest.render import render_archive

    keys = [k for k in edition_keys(project, None, all_editions=True) if _has_content(project, k)]
    editions = [assemble(project, key, articles) for key in keys]
    return render_archive(project.settings.title, project.settings.language, editions)


def _archive_target(project: Project, output: Path | None, file_output: bool) -> Path:
    if output is None:
        return project.digests_dir / ARCHIVE_NAME
    return (output.parent if file_output else output) / ARCHIVE_NAME


def _feed_target(project: Project, output: Path | None, file_output: bool) -> Path:
    if output is None:
        return project.digests_dir / FEED_NAME
    return output if file_output else output / FEED_NAME


def _gaps(item: Item) -> list[str]:
    gaps = [
        name for name, ok in (("theme", item.source.theme), ("quote", item.source.quote)) if not ok
    ]
    if not item.fetched:
        gaps.append("fetched page")
    return gaps


def _target(
    project: Project, key: str, suffix: str, output: Path | None, file_output: bool
) -> Path:
    if output is None:
        return project.digests_dir / f"{key}{suffix}"
    return output if file_output else output / f"{key}{suffix}"


def _note(report: BuildReport, project: Project, item: Item) -> None:
    where = f"{project.path.name}:{item.source.line}: source {item.source.index}"
    if not item.fetched:
        report.failed.append(f"{where} ({item.url}) has not been fetched; run `digest fetch`")
    if item.quote_is_stale:
        report.warnings.append(f"{where}: the chosen quote no longer occurs in the article")
    if not item.source.quote and item.quote:
        report.warnings.append(f"{where}: no quote chosen; used the best candidate")
    if not item.quote and item.candidates:
        report.warnings.append(f"{where}: no quote chosen (digest.auto_quote: none)")
    elif not item.quote:
        report.warnings.append(f"{where}: no quote chosen and none found in the article")
