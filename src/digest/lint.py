"""`digest check`: what a careful editor would catch before the digest goes out.

Each finding names the file and line to look at. The checks read sources.yaml, the store and the
built digests; none writes anything.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from digest import config, urls
from digest.config import Project, Source
from digest.extract.bylines import is_agency
from digest.items import Item, resolve
from digest.models import Article, OriginKind
from digest.store import FetchRecord, Store

_ALL_CAPS_MIN = 4  # "BBC" is an acronym; "JOHN SMITH" is a shouting byline
_URLISH = re.compile(r"https?://|www\.|\.(com|org|net|fr|de|uk|io)\b|/", re.IGNORECASE)
_TRUNCATED = re.compile(
    r"(\.\.\.|…|[,;:]|\s[-–—|]|\s(?:and|or|the|of|a|to|et|ou|le|la|les|de|du|des|à))$",
    re.IGNORECASE,
)
_MD_LINK = re.compile(r"\]\(<?(https?://[^)\s>]+)>?\)")
_HTML_LINK = re.compile(r'''href="(https?://[^"]+)"''')


@dataclass(frozen=True)
class Finding:
    """One problem: where it is, what kind, and what to do about it."""

    file: str
    line: int | None
    # duplicate | tracking | cited | featured-before | empty-theme | no-theme | stale-quote |
    # byline | title | fetch | link | long-quote | attribution | comment | publication-share |
    # password | auto-quote | speaker | old-article | url-missing | empty-edition
    kind: str
    message: str
    source: int | None = None
    # An error stops a careful editor; a warning asks for a look. `check` exits 1 on errors, and
    # on warnings too under --strict.
    severity: str = "error"  # error | warning

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        marker = "warning: " if self.severity == "warning" else ""
        return f"{where}: {marker}{self.message}"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "kind": self.kind,
            "severity": self.severity,
            "source": self.source,
            "message": self.message,
        }


@dataclass(frozen=True)
class StoreState:
    """What the store knows, read once: extractions, last fetches, canonical URLs."""

    articles: Mapping[str, Article]
    records: Mapping[str, FetchRecord]
    canonical: Mapping[str, str]

    @classmethod
    def read(cls, project: Project) -> StoreState:
        """The store's view of the project (empty when nothing was fetched)."""
        if not project.store_dir.exists():
            return cls({}, {}, {})
        with Store.open(project.store_dir) as store:
            articles = store.articles()
            records = store.last_fetches()
            canonical: dict[str, str] = {}
            for source_url in {*articles, *records}:
                info = store.page_info(source_url)
                found = (info.canonical_url if info else None) or (
                    records[source_url].canonical_url if source_url in records else None
                )
                found = found or (
                    articles[source_url].canonical_url if source_url in articles else None
                )
                if found:
                    canonical[source_url] = found
        return cls(articles, records, canonical)


def check(project: Project, edition: str | None = None) -> list[Finding]:
    """Every finding about the project (or one edition), in file and line order."""
    if edition is not None:
        config.edition_monday(edition)  # refuses a malformed key with a clear message
    state = StoreState.read(project)
    sources = [s for s in project.sources if edition is None or s.edition_key == edition]
    items = [resolve(s, state.articles.get(s.url), project.settings) for s in sources]
    found: list[Finding] = []
    found += _same_article(project, sources, state)
    found += _tracking(project, sources)
    found += _cited_before(project, sources, state)
    from digest import featured  # featured-before supersedes `cited` where both apply

    found = featured.supersede(found, featured.findings(project, sources))
    found += _themes(project, sources)
    for item in items:
        found += _item_findings(project, item, state)
    found += _template(project, edition, state)
    from digest import publishing, send  # they import this module

    found += publishing.findings(project, items) + send.findings(project)

    from digest import desk_checks  # it builds on Finding, defined here

    found += desk_checks.findings(project, items, edition)
    return sorted(found, key=lambda f: (f.file != project.path.name, f.file, f.line or 0))


def _template(project: Project, edition: str | None, state: StoreState) -> list[Finding]:
    from digest import build

    keys = build.edition_keys(project, edition, all_editions=edition is None)
    problems = build.template_problems(project, state.articles, keys)
    return [Finding(p.file, p.line, "template", p.problem) for p in problems]


def _at(project: Project, source: Source, kind: str, message: str) -> Finding:
    return Finding(
        project.path.name, source.line, kind, f"source {source.index}: {message}", source.index
    )


def _same_article(project: Project, sources: list[Source], state: StoreState) -> list[Finding]:
    groups = urls.same_article_groups((s.index, s.url, state.canonical.get(s.url)) for s in sources)
    by_index = {s.index: s for s in sources}
    found: list[Finding] = []
    for group in groups:
        # Across editions the later ones are reported as "already cited"; within one, here.
        by_edition: dict[str | None, list[Source]] = {}
        for index in group:
            by_edition.setdefault(by_index[index].edition_key, []).append(by_index[index])
        for members in by_edition.values():
            found += _duplicates_of(project, members)
    return found


def _duplicates_of(project: Project, members: list[Source]) -> list[Finding]:
    first = members[0]
    return [
        _at(
            project,
            other,
            "duplicate",
            f"points to the same article as source {first.index} (line {first.line}): {other.url}",
        )
        for other in members[1:]
    ]


def _tracking(project: Project, sources: list[Source]) -> list[Finding]:
    found = []
    for source in sources:
        params = urls.tracking_params(source.url)
        if params:
            found.append(
                _at(
                    project,
                    source,
                    "tracking",
                    f"the URL carries tracking parameters ({', '.join(params)}); "
                    f"cite {urls.normalize_url(source.url)}",
                )
            )
    return found


def _identities(url: str, canonical: str | None) -> set[str]:
    names = {urls.normalize_url(url)}
    if canonical:
        names.add(urls.normalize_url(canonical))
    return names


def _cited_before(project: Project, sources: list[Source], state: StoreState) -> list[Finding]:
    """Sources whose article an earlier edition already cited (in sources.yaml or a digest)."""
    earlier: dict[str, tuple[str, str]] = {}  # identity -> (edition, where)
    for source in project.sources:
        if not source.edition_key:
            continue
        for name in _identities(source.url, state.canonical.get(source.url)):
            where = f"source {source.index}, line {source.line}"
            if name not in earlier or earlier[name][0] > source.edition_key:
                earlier[name] = (source.edition_key, where)
    for link in links_in_digests(project):
        name = urls.normalize_url(link.url)
        if name not in earlier or earlier[name][0] > link.edition:
            earlier[name] = (link.edition, f"{link.file}:{link.line}")
    found = []
    for source in sources:
        key = source.edition_key
        if not key:
            continue
        hits = [
            earlier[n]
            for n in _identities(source.url, state.canonical.get(source.url))
            if n in earlier and earlier[n][0] < key
        ]
        if hits:
            edition, where = min(hits)
            found.append(
                _at(project, source, "cited", f"already cited in edition {edition} ({where})")
            )
    return found


@dataclass(frozen=True)
class Link:
    """A link in a built digest, where it first appears."""

    url: str
    edition: str
    file: str  # relative to the project folder
    line: int


def links_in_digests(project: Project) -> list[Link]:
    """Every distinct http(s) link in digests/<edition>.md and .html, first occurrence kept."""
    folder = project.digests_dir
    if not folder.is_dir():
        return []
    seen: dict[str, Link] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".md", ".html") or not config.EDITION_RE.match(path.stem):
            continue
        pattern = _MD_LINK if path.suffix == ".md" else _HTML_LINK
        name = str(path.relative_to(project.folder))
        text = path.read_text("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            for match in pattern.finditer(line):
                url = match.group(1).replace("&amp;", "&")
                seen.setdefault(url, Link(url, path.stem, name, number))
    return list(seen.values())


def _themes(project: Project, sources: list[Source]) -> list[Finding]:
    found = []
    name = project.path.name
    editions = sorted({s.edition_key for s in sources if s.edition_key})
    lines = project.settings.theme_lines
    for edition in editions:
        used = {s.theme for s in sources if s.edition_key == edition}
        for theme in project.settings.themes:
            if theme not in used:
                found.append(
                    Finding(
                        name,
                        lines.get(theme) or None,
                        "empty-theme",
                        f"theme '{theme}' has no item in edition {edition}",
                    )
                )
    for source in sources:
        if not source.theme:
            found.append(_at(project, source, "no-theme", "has no theme"))
    return found


def _item_findings(project: Project, item: Item, state: StoreState) -> list[Finding]:
    source = item.source
    found = []
    record = state.records.get(source.url)
    if record is not None and record.error is not None:
        found.append(_at(project, source, "fetch", f"failed to fetch: {record.error}"))
    elif not item.fetched:
        found.append(_at(project, source, "fetch", "not fetched yet; run `digest fetch`"))
    if item.quote_is_stale:
        found.append(
            _at(project, source, "stale-quote", "the chosen quote no longer occurs in the article")
        )
    if item.fetched:
        article = state.articles[source.url]
        found += [_at(project, source, "byline", m) for m in _byline_problems(item, article)]
        if source.title is None and article.title and _truncated(article.title):
            found.append(
                _at(project, source, "title", f"the title looks truncated: “{article.title}”")
            )
        elif source.title is None and not article.title:
            found.append(_at(project, source, "title", "no title found; set one with --title"))
    return found


def _byline_problems(item: Item, article: Article) -> list[str]:
    if item.source.authors is not None:
        return []  # the curator decided
    problems = []
    # The publication or a desk signing is no problem: the attribution line leaves it out.
    for name in article.authors:
        if is_agency(name):
            continue  # credited as printed: "ANSA", "AFP"
        if _URLISH.search(name):
            problems.append(f"the byline '{name}' looks like a URL")
        elif name.isupper() and sum(c.isalpha() for c in name) >= _ALL_CAPS_MIN:
            problems.append(f"the byline '{name}' is in capitals; set the name with --author")
    looked = article.origins.get("authors")
    if not article.authors and (looked is None or looked.kind is OriginKind.ERROR):
        problems.append('no byline found; set it with --author NAME, or --author "" if none')
    return problems


def _truncated(title: str) -> bool:
    return bool(_TRUNCATED.search(title.strip()))


def exit_code(findings: list[Finding], strict: bool = False) -> int:
    """1 when an error was found (or, under --strict, a warning); 0 otherwise."""
    return int(any(f.severity == "error" or strict for f in findings))


def format_findings(findings: list[Finding]) -> str:
    """The findings as lines, with a count at the end."""
    lines = [str(f) for f in findings]
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    counts = [f"{errors} problem{'s' * (errors != 1)}"] if errors else []
    counts += [f"{warnings} warning{'s' * (warnings != 1)}"] if warnings else []
    lines.append(f"{' and '.join(counts)} found." if counts else "No problems found.")
    return "\n".join(lines)
