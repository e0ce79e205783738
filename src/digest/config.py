"""sources.yaml: the curator's file, read and validated into a Project.

We read it with ruamel.yaml in round-trip mode, so that `edits` can write it back with the
curator's comments, key order, quoting and indentation; every problem names its file and line.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import difflib
import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from digest import fields, policy
from digest.errors import ConfigError, UsageError

SCHEMA_VERSION = 1
EDITION_RE = re.compile(r"^(\d{4})-W(\d{2})\Z")  # \Z: "2026-W48\n" is no edition
LANGUAGE_RE = re.compile(r"^[a-z]{2}$")
# A document whose aliases add more nodes than this is a "billion laughs" attack, not a review.
MAX_EXPANDED_NODES = 200_000
# Lists and mappings nested deeper than this are no review either (and would exhaust the stack).
MAX_DEPTH = 100
MAX_SOURCES_BYTES = 10_000_000
DEFAULT_USER_AGENT = "digest/0.1 (press review curation; +https://pypi.org/project/digest/)"

DEFAULT_LABELS: dict[str, str] = {
    "en": "Read more",
    "fr": "Lire plus",
    "de": "Weiterlesen",
    "es": "Leer más",
    "it": "Leggi di più",
    "pt": "Ler mais",
    "nl": "Lees meer",
}
DEFAULT_PAYWALL_LABELS: dict[str, str] = {
    "en": "subscribers",
    "fr": "abonnés",
    "de": "Abo",
    "es": "suscriptores",
    "it": "abbonati",
    "pt": "assinantes",
    "nl": "abonnees",
}


@dataclass(frozen=True)
class FetchSettings:
    """How politely and how long `digest fetch` works (`digest.fetch` in sources.yaml)."""

    concurrency: int = 16
    per_host: int = 2
    delay: float = 1.0
    user_agent: str = DEFAULT_USER_AGENT
    max_age_days: float | None = None
    timeout: float = 30.0
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_bytes: int = 10_000_000
    retries: int = 3
    backoff: float = 0.5  # seconds before the first retry, doubled at each next one
    robots: bool = True
    # A public page may not redirect to a private, loopback or link-local address (a cloud's
    # metadata service, a router) unless the curator allows it.
    allow_private: bool = False
    extract_timeout: float = 30.0  # seconds of extraction for one page before it fails


@dataclass(frozen=True)
class Settings:
    """The `digest:` section: the review's title, language, themes and labels."""

    title: str = "Digest"
    language: str = "en"
    themes: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    template: Path | None = None
    fetch: FetchSettings = field(default_factory=FetchSettings)
    theme_lines: dict[str, int] = field(default_factory=dict)  # where each theme is written
    paywall_labels: dict[str, str] = field(default_factory=dict)
    publishing: policy.PublishingRules = field(default_factory=policy.PublishingRules)
    # May `build` fill an item without a chosen quote with its best candidate? (cron: yes)
    auto_quote: str = "best"  # best | none
    max_age_days: int = 60  # older articles than this before their edition are worth a look
    url: str | None = None  # the public base of the digests, for absolute feed links
    author: str | None = None  # who signs the feed

    def label_for(self, language: str | None) -> str:
        """The attribution label for an article in `language` ("Lire plus", "Read more")."""
        return self._by_language(language, self.labels, DEFAULT_LABELS)

    def paywall_label_for(self, language: str | None) -> str:
        """The word that marks a paywalled link ("subscribers", "abonnés"), like label_for."""
        return self._by_language(language, self.paywall_labels, DEFAULT_PAYWALL_LABELS)

    def _by_language(
        self, language: str | None, chosen: dict[str, str], defaults: dict[str, str]
    ) -> str:
        for lang in (language, self.language, "en"):
            if lang and lang in chosen:
                return chosen[lang]
            if lang and lang in defaults:
                return defaults[lang]
        return defaults["en"]


@dataclass(frozen=True)
class EditionText:
    """The curator's own words for one edition."""

    title: str | None = None
    intro: str | None = None
    outro: str | None = None


@dataclass(frozen=True)
class Source:
    """One cited article and every decision the curator made about it."""

    index: int
    line: int
    url: str
    added: dt.date | None = None
    edition: str | None = None
    theme: str | None = None
    comment: str | None = None
    quote: str | None = None
    html: Path | None = None
    title: str | None = None
    authors: tuple[str, ...] | None = None
    publication: str | None = None
    date: str | None = None
    language: str | None = None
    label: str | None = None
    speaker: str | None = None  # "" when the curator decided that nobody is named
    role: str | None = None

    @property
    def edition_key(self) -> str | None:
        """The edition this source belongs to: `edition:`, else the ISO week it was added."""
        if self.edition:
            return self.edition
        if self.added:
            return iso_week(self.added)
        return None


@dataclass(frozen=True)
class Feed:
    """Where candidates come from (`feeds:`): a feed, an OPML list or a home page."""

    index: int
    line: int
    url: str
    theme: str | None = None
    keywords: tuple[str, ...] = ()  # keep entries holding one (title, summary)
    exclude: tuple[str, ...] = ()  # drop entries holding one
    language: str | None = None  # keep entries in this language
    max_entries: int = 200  # the newest entries read from one feed document


@dataclass(frozen=True)
class Project:
    """A loaded sources.yaml."""

    path: Path
    settings: Settings
    editions: dict[str, EditionText]
    sources: tuple[Source, ...]
    feeds: tuple[Feed, ...] = ()
    send: policy.SendSettings | None = None  # the `send:` section, if any

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def store_dir(self) -> Path:
        return self.folder / ".digest"

    @property
    def digests_dir(self) -> Path:
        return self.folder / "digests"

    def resolve(self, ref: str) -> Source:
        """The source a REF names: its 1-based position, its URL, or a unique part of it."""
        return resolve_ref(self.sources, ref, self.path)


def iso_week(day: dt.date) -> str:
    """The ISO week of `day`, as an edition key (2026-W48)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def edition_monday(key: str) -> dt.date:
    """The Monday that opens edition `key`."""
    problem = edition_problem(key)
    if problem:
        raise UsageError(f"{shown(key)} {problem}")
    match = EDITION_RE.match(key)
    assert match is not None
    return dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)


def edition_problem(key: str) -> str | None:
    """Why `key` is not an edition (an ISO week that exists), or None."""
    match = EDITION_RE.match(key)
    if not match:
        return "is not an edition; write an ISO week such as 2026-W48"
    try:
        dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        return f"is not an edition: {match[1]} has no ISO week {match[2]}"
    return None


# Whitespace, controls and invisible format characters: never part of a URL a curator means.
_URL_FORBIDDEN = re.compile(
    r"[\s\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]"
)


def url_problem(url: str) -> str | None:
    """Why `url` cannot be a source's URL (not http(s), malformed, holds a line break), or None."""
    bad = _URL_FORBIDDEN.search(url)
    if bad:
        return f"holds {_character_name(bad[0])}; a URL has none"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parsing the port is what raises on "http://x:99999"
    except ValueError as exc:
        return f"is not a valid URL ({exc})"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "is not an http(s) URL"
    return None


def shown(text: str) -> str:
    """Text quoted for a message: as is when printable, else with its line breaks escaped."""
    return f"'{text}'" if text.isprintable() else repr(text)


def _character_name(char: str) -> str:
    if char in "\r\n\x85\u2028\u2029":
        return "a line break"
    if char.isspace():
        return "a space" if char == " " else f"a space character (U+{ord(char):04X})"
    return f"an invisible character (U+{ord(char):04X})"


def resolve_ref(sources: Sequence[Source], ref: str, path: Path | None = None) -> Source:
    """Find a source by position (1-based), exact URL, or a unique part of its URL."""
    where = f"{path.name}: " if path else ""
    ref = ref.strip()
    if ref.isdigit():
        number = int(ref)
        if 1 <= number <= len(sources):
            return sources[number - 1]
        raise UsageError(f"{where}there is no source {number}; there are {len(sources)}")
    exact = [s for s in sources if s.url == ref]
    if exact:
        return exact[0]
    matches = [s for s in sources if ref in s.url]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise UsageError(f"{where}no source matches '{ref}'")
    listed = ", ".join(f"{s.index} ({s.url})" for s in matches[:5])
    raise UsageError(f"{where}'{ref}' matches {len(matches)} sources: {listed}; be more precise")


# --------------------------------------------------------------------------- reading


def round_trip_yaml() -> YAML:
    """A ruamel.yaml that keeps comments, order and quoting, and never re-wraps lines."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the curator's long lines
    return yaml


@dataclass
class Document:
    """A sources.yaml as read from disk: its text, digest and round-trip document."""

    path: Path
    text: str  # with "\n" line breaks, whatever the file uses
    digest: str
    data: Any
    bom: bool = False  # the file starts with a UTF-8 byte order mark: an edit keeps it
    newline: str = "\n"  # the file's line break ("\r\n" from Windows editors): an edit keeps it


def read_document(path: Path) -> Document:
    """sources.yaml as text, digest and round-trip document; ConfigError if unreadable."""
    raw = _read_capped(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 (byte {exc.start}); save it as UTF-8") from None
    newline = "\r\n" if raw[: raw.find(b"\n") + 1].endswith(b"\r\n") else "\n"
    text = text.replace("\r\n", "\n")
    return Document(
        path,
        text,
        hashlib.sha256(raw).hexdigest(),
        parse_yaml(path, text),
        bom=raw.startswith(codecs.BOM_UTF8),
        newline=newline,
    )


def _read_capped(path: Path) -> bytes:
    """The bytes of sources.yaml, refused past MAX_SOURCES_BYTES (a review is never that big)."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_SOURCES_BYTES + 1)
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: not found; create one with `digest init` or point --sources at yours"
        ) from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder; point --sources at a sources.yaml") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    if len(raw) > MAX_SOURCES_BYTES:
        raise ConfigError(
            f"{path}: refused: larger than {MAX_SOURCES_BYTES // 1_000_000} MB, which no review "
            "needs; is it the right file?"
        )
    return raw


def parse_yaml(path: Path, text: str) -> Any:
    """The round-trip document of `text`; ConfigError naming the line of a YAML error."""
    yaml = round_trip_yaml()
    try:
        try:
            data = yaml.load(io.StringIO(text))
        except ValueError as exc:  # a scalar YAML resolves but cannot build: 2026-02-30
            raise ConfigError(_unbuildable(path, yaml.compose(io.StringIO(text)), exc)) from None
        _refuse_alias_bomb(path, data)
        return data
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = exc.problem or exc.context or "invalid YAML"
        raise ConfigError(f"{path.name}{line}: {problem}") from None
    except YAMLError as exc:
        raise ConfigError(f"{path.name}: invalid YAML: {exc}") from None
    except RecursionError:
        # The composer recurses once per level: thousands of nested brackets exhaust the stack.
        raise ConfigError(_too_deep(path, text)) from None


def _too_deep(path: Path, text: str) -> str:
    """Where lists or mappings are nested past MAX_DEPTH (the scanner does not recurse)."""
    from ruamel.yaml import tokens

    opening = (
        tokens.BlockMappingStartToken, tokens.BlockSequenceStartToken,
        tokens.FlowMappingStartToken, tokens.FlowSequenceStartToken,
    )  # fmt: skip
    closing = (tokens.BlockEndToken, tokens.FlowMappingEndToken, tokens.FlowSequenceEndToken)
    depth = 0
    with contextlib.suppress(YAMLError):
        for token in YAML(typ="rt").scan(io.StringIO(text)):
            if isinstance(token, opening):
                depth += 1
                if depth > MAX_DEPTH:
                    return (
                        f"{path.name}:{token.start_mark.line + 1}: lists or mappings nested "
                        f"more than {MAX_DEPTH} deep; no review needs that"
                    )
            elif isinstance(token, closing):
                depth -= 1
    return f"{path.name}: lists or mappings nested too deeply to read"


def _unbuildable(path: Path, root: Node | None, exc: ValueError) -> str:
    """Which scalar could not be built (a date that does not exist), with its line and place."""
    if root is not None:
        todo: list[tuple[Node, str]] = [(root, "")]
        while todo:
            node, where = todo.pop()
            if isinstance(node, MappingNode):
                todo.extend(
                    (value, f"{where}.{key.value}" if where else str(key.value))
                    for key, value in reversed(node.value)
                )
            elif isinstance(node, SequenceNode):
                todo.extend(
                    (child, f"{where}[{i + 1}]")
                    for i, child in reversed(list(enumerate(node.value)))
                )
            elif str(node.tag or "").endswith(":timestamp") and not _is_date(str(node.value)):
                return (
                    f"{path.name}:{node.start_mark.line + 1}: {where} '{node.value}' is not a "
                    "date (YYYY-MM-DD)"
                )
    return f"{path.name}: a value cannot be read: {exc}"


def _is_date(text: str) -> bool:
    match = re.match(r"(\d{4})-(\d\d?)-(\d\d?)", text)
    if match is None:
        return True  # a date-time: not ours to judge beyond the date
    try:
        dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return False
    return True


def _refuse_alias_bomb(path: Path, data: Any) -> None:
    """Refuse a document whose aliases would add too many nodes, without expanding them.

    The round-trip loader shares an anchored list or mapping wherever an alias names it, so
    loading is cheap; what costs is any later walk that expands them. Only what aliases add
    counts: a long review of plain entries is no bomb, however big.
    """
    sizes: dict[int, int] = {}  # expanded size of each list or mapping, by identity
    own = 0  # every list or mapping once, with its scalars
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:  # post-order without recursion: a parent once its children have their size
        value, ready = stack.pop()
        children = _children(value)
        if ready:
            sizes[id(value)] = 1 + sum(sizes.get(id(child), 1) for child in children)
            continue
        if id(value) in sizes:
            continue
        sizes[id(value)] = 1  # a recursive alias counts once instead of looping
        own += 1 + sum(1 for child in children if not _children(child))
        stack.append((value, True))
        stack.extend((child, False) for child in children if _children(child))
    if sizes.get(id(data), 0) - own > MAX_EXPANDED_NODES:
        raise ConfigError(
            f"{path.name}: refused: its YAML aliases would add more than "
            f"{MAX_EXPANDED_NODES:,} nodes (an alias bomb?)"
        )


def _children(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [part for pair in value.items() for part in pair]
    if isinstance(value, list):
        return list(value)
    return []


def load(path: Path) -> Project:
    """Read and validate sources.yaml; raise ConfigError listing every problem."""
    return validate(read_document(path))


# --------------------------------------------------------------------------- validation


class _Problems:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: list[str] = []

    def add(self, line: int | None, where: str, message: str) -> None:
        at = f"{self.path.name}:{line}" if line else self.path.name
        self.lines.append(f"{at}: {where} {message}" if where else f"{at}: {message}")

    def raise_if_any(self) -> None:
        if self.lines:
            raise ConfigError("\n".join(self.lines))


def _line_of(container: Any, key: Any) -> int | None:
    """1-based line of `key` in a round-trip mapping or sequence."""
    try:
        if isinstance(container, CommentedMap):
            return int(container.lc.key(key)[0]) + 1
        if isinstance(container, CommentedSeq):
            return int(container.lc.item(key)[0]) + 1
    except (KeyError, TypeError, AttributeError, IndexError):
        pass
    line = getattr(getattr(container, "lc", None), "line", None)
    return None if line is None else int(line) + 1


def _suggest(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in choices}
        close = [lowered[word.lower()]] if word.lower() in lowered else []
    return f"; did you mean '{close[0]}'?" if close else ""


TOP_KEYS = ("digest", "editions", "sources", "feeds", "send")
DIGEST_KEYS = (
    "title", "language", "themes", "labels", "template", "fetch", "version",
    "paywall_labels", "quotes", "require_date", "max_share_per_publication", "auto_quote",
    "max_age_days", "url", "author",
)  # fmt: skip
AUTO_QUOTE = ("best", "none")
FETCH_KEYS = tuple(FetchSettings.__dataclass_fields__)
ZERO_MEANS_NONE = ("retries", "backoff", "delay")  # 0 retries: one attempt; 0 s: no wait
EDITION_KEYS = ("title", "intro", "outro")
FEED_KEYS = ("url", "theme", "keywords", "exclude", "language", "max_entries")
SOURCE_KEYS = fields.SOURCE_KEYS


def _unknown_keys(
    problems: _Problems, mapping: CommentedMap, allowed: Sequence[str], where: str
) -> None:
    for key in mapping:
        if str(key) not in allowed:
            problems.add(
                _line_of(mapping, key),
                where,
                f"has an unknown key '{key}'{_suggest(str(key), allowed)}",
            )


def _text(
    problems: _Problems, mapping: CommentedMap, key: str, where: str, *, required: bool = False
) -> str | None:
    value = mapping.get(key)
    if value is None:
        if required:
            problems.add(_line_of(mapping, None), where, f"needs a '{key}'")
        return None
    if isinstance(value, (dict, list)):
        problems.add(_line_of(mapping, key), f"{where}.{key}", "must be text")
        return None
    text = str(value).strip()
    return text or None


def outside_problem(sources: Path, file: Path) -> str | None:
    """Why `file` (resolved) may not be read for this review: it lies outside its folder.

    sources.yaml may come from someone else: `html: /etc/passwd` or a template from anywhere
    would put a local file into a digest sent to readers.
    """
    folder = sources.parent.resolve()
    if file.is_relative_to(folder):
        return None
    return f"is outside the review's folder ({folder}); copy it there"


def _prose(checked: str | None, raw: Any) -> str | None:
    """The curator's text with its first line's indentation (Markdown reads it); None if blank."""
    if checked is None:
        return None
    return re.sub(r"\A(?:[ \t]*\n)+", "", str(raw)).rstrip()


def validate(raw: Document) -> Project:
    """The project a document describes; ConfigError listing every problem."""
    path, data = raw.path, raw.data
    problems = _Problems(path)
    if data is None:
        data = CommentedMap()
    if not isinstance(data, CommentedMap):
        raise ConfigError(f"{path.name}:1: expected a mapping with 'digest:' and 'sources:'")
    _unknown_keys(problems, data, TOP_KEYS, "")
    settings = _validate_settings(problems, data.get("digest"), _line_of(data, "digest"), path)
    editions = _validate_editions(problems, data.get("editions"), _line_of(data, "editions"))
    sources = _validate_sources(problems, data.get("sources"), settings, path)
    feeds = _validate_feeds(problems, data.get("feeds"), _line_of(data, "feeds"), settings)
    send = policy.read_send(data.get("send"), _line_of(data, "send"), problems.add, _line_of)
    problems.raise_if_any()
    return Project(path, settings, editions, tuple(sources), tuple(feeds), send)


def _validate_settings(problems: _Problems, section: Any, line: int | None, path: Path) -> Settings:
    if section is None:
        problems.add(line or 1, "", "needs a 'digest:' section with at least a title and themes")
        return Settings()
    if not isinstance(section, CommentedMap):
        problems.add(line, "digest", "must be a mapping (title, language, themes, ...)")
        return Settings()
    _unknown_keys(problems, section, DIGEST_KEYS, "digest")
    title = _text(problems, section, "title", "digest") or "Digest"
    language = (_text(problems, section, "language", "digest") or "en").lower()
    if not LANGUAGE_RE.match(language):
        problems.add(
            _line_of(section, "language"),
            "digest.language",
            f"'{language}' is not a two-letter code",
        )
    themes_raw = section.get("themes") or []
    themes: list[str] = []
    theme_lines: dict[str, int] = {}
    if not isinstance(themes_raw, list):
        problems.add(_line_of(section, "themes"), "digest.themes", "must be a list of theme names")
    else:
        for i, theme in enumerate(themes_raw):
            name = str(theme).strip() if theme is not None else ""
            if not name or isinstance(theme, (dict, list)):
                problems.add(_line_of(themes_raw, i), f"digest.themes[{i + 1}]", "must be a name")
            elif name in themes:
                problems.add(_line_of(themes_raw, i), f"digest.themes[{i + 1}]", f"'{name}' twice")
            else:
                themes.append(name)
                theme_lines[name] = _line_of(themes_raw, i) or 0
    labels: dict[str, str] = {}
    labels_raw = section.get("labels")
    if labels_raw is not None:
        if not isinstance(labels_raw, CommentedMap):
            problems.add(
                _line_of(section, "labels"), "digest.labels", "must map languages to labels"
            )
        else:
            labels = {str(k).lower(): str(v) for k, v in labels_raw.items() if v is not None}
    paywall_labels: dict[str, str] = {}
    paywall_raw = section.get("paywall_labels")
    if isinstance(paywall_raw, CommentedMap):
        paywall_labels = {str(k).lower(): str(v) for k, v in paywall_raw.items() if v is not None}
    elif paywall_raw is not None:
        problems.add(
            _line_of(section, "paywall_labels"),
            "digest.paywall_labels",
            "must map languages to words",
        )
    template: Path | None = None
    template_text = _text(problems, section, "template", "digest")
    if template_text:
        template = (path.parent / template_text).resolve()
        if outside_problem(path, template):
            problems.add(
                _line_of(section, "template"),
                "digest.template",
                f"'{template_text}' {outside_problem(path, template)}",
            )
        elif not template.is_file():
            problems.add(
                _line_of(section, "template"), "digest.template", f"'{template_text}' not found"
            )
    fetch = _validate_fetch(problems, section.get("fetch"), _line_of(section, "fetch"))
    publishing = policy.read_publishing(section, problems.add, _line_of)
    return Settings(
        title, language, tuple(themes), labels, template, fetch, theme_lines,
        paywall_labels, publishing, **_validate_desk_settings(problems, section),
    )  # fmt: skip


def _validate_desk_settings(problems: _Problems, section: CommentedMap) -> dict[str, Any]:
    """digest.auto_quote, max_age_days, url and author: what build and check may assume."""
    values: dict[str, Any] = {}
    auto_quote = _text(problems, section, "auto_quote", "digest")
    if auto_quote is not None:
        if auto_quote in AUTO_QUOTE:
            values["auto_quote"] = auto_quote
        else:
            problems.add(
                _line_of(section, "auto_quote"),
                "digest.auto_quote",
                f"'{auto_quote}' is not one of {', '.join(AUTO_QUOTE)}",
            )
    days = section.get("max_age_days")
    if days is not None:
        if isinstance(days, int) and not isinstance(days, bool) and days > 0:
            values["max_age_days"] = days
        else:
            problems.add(
                _line_of(section, "max_age_days"),
                "digest.max_age_days",
                f"has an invalid value {days!r}; give a number of days",
            )
    url = _text(problems, section, "url", "digest")
    if url is not None:
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc:
            values["url"] = url if url.endswith("/") else url + "/"
        else:
            problems.add(_line_of(section, "url"), "digest.url", f"'{url}' is not an http(s) URL")
    values["author"] = _text(problems, section, "author", "digest")
    return values


def _validate_fetch(problems: _Problems, section: Any, line: int | None) -> FetchSettings:
    if section is None:
        return FetchSettings()
    if not isinstance(section, CommentedMap):
        problems.add(line, "digest.fetch", "must be a mapping (concurrency, per_host, delay, ...)")
        return FetchSettings()
    _unknown_keys(problems, section, FETCH_KEYS, "digest.fetch")
    defaults = FetchSettings()
    values: dict[str, Any] = {}
    for name in FETCH_KEYS:
        if name not in section:
            continue
        value, default = section[name], getattr(defaults, name)
        where = f"digest.fetch.{name}"
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        elif isinstance(default, str):
            ok = isinstance(value, str) and bool(value.strip())
        elif name == "max_age_days":
            ok = value is None or (isinstance(value, (int, float)) and value >= 0)
        else:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            ok = ok and (value >= 0 if name in ZERO_MEANS_NONE else value > 0)
            if ok and isinstance(default, int):
                ok = float(value).is_integer()
                value = int(value)
        if not ok:
            problems.add(_line_of(section, name), where, f"has an invalid value {value!r}")
        else:
            values[name] = value
    return FetchSettings(**values)


def _validate_editions(
    problems: _Problems, section: Any, line: int | None
) -> dict[str, EditionText]:
    if section is None:
        return {}
    if not isinstance(section, CommentedMap):
        problems.add(line, "editions", "must map ISO weeks (2026-W48) to intro and outro")
        return {}
    editions: dict[str, EditionText] = {}
    for key, value in section.items():
        name = str(key)
        where = f"editions.{name}"
        if not EDITION_RE.match(name):
            problems.add(_line_of(section, key), where, "is not an ISO week such as 2026-W48")
            continue
        if edition_problem(name):
            problems.add(_line_of(section, key), where, f"{edition_problem(name)}")
            continue
        if value is None:
            editions[name] = EditionText()
            continue
        if not isinstance(value, CommentedMap):
            problems.add(_line_of(section, key), where, "must be a mapping (intro, outro)")
            continue
        _unknown_keys(problems, value, EDITION_KEYS, where)
        editions[name] = EditionText(
            title=_text(problems, value, "title", where),
            intro=_text(problems, value, "intro", where),
            outro=_text(problems, value, "outro", where),
        )
    return editions


def _validate_sources(
    problems: _Problems, section: Any, settings: Settings, path: Path
) -> list[Source]:
    if section is None:
        return []
    if not isinstance(section, CommentedSeq):
        problems.add(None, "sources", "must be a list of entries, each starting with '- url:'")
        return []
    sources: list[Source] = []
    for i, entry in enumerate(section):
        where = f"sources[{i + 1}]"
        line = _line_of(section, i) or 0
        if isinstance(entry, str):  # a bare URL is a fine shorthand
            entry = CommentedMap(url=entry)
        if not isinstance(entry, CommentedMap):
            problems.add(line, where, "must be a mapping starting with 'url:'")
            continue
        source = _validate_source(problems, entry, i + 1, line, where, settings, path)
        if source is not None:
            sources.append(source)
    return sources


def _validate_source(
    problems: _Problems,
    entry: CommentedMap,
    index: int,
    line: int,
    where: str,
    settings: Settings,
    path: Path,
) -> Source | None:
    _unknown_keys(problems, entry, SOURCE_KEYS, where)
    count = len(problems.lines)

    def at(key: str) -> int:
        return _line_of(entry, key) or line

    url = _text(problems, entry, "url", where)
    if not url:
        problems.add(line, where, "needs a 'url'")
    elif url_problem(url):
        problems.add(at("url"), f"{where}.url", f"{shown(url)} {url_problem(url)}")
    added = entry.get("added")
    if isinstance(added, str):
        try:
            added = dt.date.fromisoformat(added.strip())
        except ValueError:
            problems.add(at("added"), f"{where}.added", f"'{added}' is not a date (YYYY-MM-DD)")
            added = None
    elif isinstance(added, dt.datetime):
        added = added.date()
    elif added is not None and not isinstance(added, dt.date):
        problems.add(at("added"), f"{where}.added", f"{added!r} is not a date (YYYY-MM-DD)")
        added = None
    edition = _text(problems, entry, "edition", where)
    if edition and not EDITION_RE.match(edition):
        problems.add(
            at("edition"), f"{where}.edition", f"{shown(edition)} is not an ISO week (2026-W48)"
        )
    elif edition and edition_problem(edition):
        problems.add(at("edition"), f"{where}.edition", f"'{edition}' {edition_problem(edition)}")
    theme = _text(problems, entry, "theme", where)
    if theme and theme not in settings.themes:
        hint = _suggest(theme, settings.themes)
        problems.add(at("theme"), f"{where}.theme", f"'{theme}' is not a theme{hint}")
    html: Path | None = None
    html_text = _text(problems, entry, "html", where)
    if html_text:
        html = (path.parent / html_text).resolve()
        if outside_problem(path, html):
            problems.add(
                at("html"), f"{where}.html", f"'{html_text}' {outside_problem(path, html)}"
            )
        elif not html.is_file():
            problems.add(at("html"), f"{where}.html", f"'{html_text}' not found")
    authors: tuple[str, ...] | None = None
    if "author" in entry and "authors" in entry:
        problems.add(at("authors"), where, "has both 'author' and 'authors'; keep one")
    elif "author" in entry:
        author = _text(problems, entry, "author", where)
        authors = (author,) if author else ()
    elif "authors" in entry:
        raw = entry["authors"]
        if isinstance(raw, str):
            authors = (raw.strip(),) if raw.strip() else ()
        elif isinstance(raw, list) and all(isinstance(a, str) for a in raw):
            authors = tuple(a.strip() for a in raw if a.strip())
        elif raw is None:
            authors = ()
        else:
            problems.add(at("authors"), f"{where}.authors", "must be a list of names")
    date_value = entry.get("date")
    date_text: str | None = None
    if isinstance(date_value, dt.date):
        date_text = date_value.isoformat()
    elif date_value is not None:
        date_text = str(date_value).strip()
        try:
            dt.date.fromisoformat(date_text[:10])
        except ValueError:
            problems.add(at("date"), f"{where}.date", f"'{date_text}' is not a date (YYYY-MM-DD)")
    language = _text(problems, entry, "language", where)
    if language and not LANGUAGE_RE.match(language.lower()):
        problems.add(at("language"), f"{where}.language", f"'{language}' is not a two-letter code")
    if len(problems.lines) > count or not url:
        return None
    # The plain-text decisions, read as the table of fields declares them.
    texts: dict[str, str | None] = {}
    for f in fields.FIELDS:
        if f.check in ("text", "quote"):
            value = _text(problems, entry, f.keys[0], where)
            if f.prose:
                value = _prose(value, entry.get(f.keys[0]))
            texts[f.name] = (
                "" if value is None and f.keys[0] in entry and f.empty_is_decision else value
            )
    return Source(
        index=index,
        line=line,
        url=url,
        added=added,
        edition=edition,
        theme=theme,
        html=html,
        authors=authors,
        date=date_text,
        language=language.lower() if language else None,
        **texts,
    )


def _validate_feeds(
    problems: _Problems, section: Any, line: int | None, settings: Settings
) -> list[Feed]:
    """The `feeds:` list (digest discover), checked like sources: file, line and entry."""
    if section is None:
        return []
    if not isinstance(section, CommentedSeq):
        problems.add(line, "feeds", "must be a list of entries, each starting with '- url:'")
        return []
    feeds: list[Feed] = []
    for i, entry in enumerate(section):
        where = f"feeds[{i + 1}]"
        at_line = _line_of(section, i) or 0
        if isinstance(entry, str):
            entry = CommentedMap(url=entry)
        if not isinstance(entry, CommentedMap):
            problems.add(at_line, where, "must be a mapping starting with 'url:'")
            continue
        count = len(problems.lines)
        _unknown_keys(problems, entry, FEED_KEYS, where)
        url = _text(problems, entry, "url", where)
        if not url:
            problems.add(at_line, where, "needs a 'url'")
        elif urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
            problems.add(
                _line_of(entry, "url") or at_line, f"{where}.url", f"'{url}' is not an http(s) URL"
            )
        theme = _text(problems, entry, "theme", where)
        if theme and theme not in settings.themes:
            hint = _suggest(theme, settings.themes)
            problems.add(
                _line_of(entry, "theme") or at_line,
                f"{where}.theme",
                f"'{theme}' is not a theme{hint}",
            )
        words = {
            key: _words(problems, entry, key, where, at_line) for key in ("keywords", "exclude")
        }
        language = _text(problems, entry, "language", where)
        if language and not LANGUAGE_RE.match(language.lower()):
            problems.add(
                _line_of(entry, "language") or at_line,
                f"{where}.language",
                f"'{language}' is not a two-letter code",
            )
        max_entries = entry.get("max_entries", Feed.max_entries)
        if isinstance(max_entries, bool) or not isinstance(max_entries, int) or max_entries < 1:
            problems.add(
                _line_of(entry, "max_entries") or at_line,
                f"{where}.max_entries",
                f"has an invalid value {max_entries!r}; write a whole number above 0",
            )
        if len(problems.lines) > count or not url:
            continue
        feeds.append(
            Feed(
                index=i + 1,
                line=at_line,
                url=url,
                theme=theme,
                keywords=words["keywords"],
                exclude=words["exclude"],
                language=language.lower() if language else None,
                max_entries=int(max_entries),
            )
        )
    return feeds


def _words(
    problems: _Problems, entry: CommentedMap, key: str, where: str, line: int
) -> tuple[str, ...]:
    """A list of words or phrases (or one of them alone)."""
    raw = entry.get(key)
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(w, str) and w.strip() for w in raw):
        problems.add(
            _line_of(entry, key) or line, f"{where}.{key}", "must be a list of words or phrases"
        )
        return ()
    return tuple(w.strip() for w in raw)
