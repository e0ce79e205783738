"""Edits to sources.yaml (`add`, `annotate`, `init`) that keep the curator's work.

The file belongs to the curator: an edit keeps their comments, key order, quoting and
indentation, its line breaks and byte order mark, goes through a temporary file and a rename
(to a symbolic link's target), and never clobbers a file that changed since we read it.
Every command that changes the file goes through `edit`, which holds the edit lock from the
read to the replace, so that two commands at once take turns.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from digest.config import (
    LANGUAGE_RE,
    Document,
    Project,
    Source,
    edition_problem,
    iso_week,
    parse_yaml,
    read_document,
    round_trip_yaml,
    shown,
    url_problem,
    validate,
)
from digest.errors import ConfigError, ConflictError, UsageError
from digest.files import WriteError, edit_lock, write_atomic
from digest.urls import normalize_url

Mutation = Callable[[Any], None]
# What a YAML literal block cannot carry as is (see `_block`).
_NOT_IN_BLOCK = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]"
)


def edit(
    path: Path, mutate: Mutation, *, before_write: Callable[[], None] | None = None
) -> Project:
    """Apply `mutate` to the round-trip document of sources.yaml and write it back atomically.

    The one way to change sources.yaml: every command that edits it comes here. The edit lock
    is held across read, change, re-check and replace, so two digest commands take turns
    and neither edit is lost. An editor does not take our lock: if the file changed on disk
    between our read and our write (the curator saved it meanwhile), the mutation is re-applied
    to the fresh file, so neither side's work is lost. `mutate` must therefore find its target
    by content (a URL), never by position alone.
    """
    if not path.exists():
        read_document(path)  # the usual "not found" message, and no lock file left behind
    with edit_lock(path):
        for _ in range(3):
            raw = read_document(path)
            document = raw.data if raw.data is not None else CommentedMap()
            mutate(document)
            text = _dump(raw.text, document)
            project = validate(Document(path, text, "", parse_yaml(path, text)))
            if before_write is not None:
                before_write()
            if _write_if_unchanged(path, _encode(text, raw), raw.digest):
                return project
    raise ConflictError(
        f"{path}: it keeps changing while digest edits it; nothing was written, try again"
    )


def _encode(text: str, form: Document) -> bytes:
    """The file's bytes in the form it was read: its line breaks, its byte order mark."""
    if form.newline != "\n":
        text = text.replace("\n", form.newline)
    return (codecs.BOM_UTF8 if form.bom else b"") + text.encode("utf-8")


def _dump(original: str, document: Any) -> str:
    from ruamel.yaml.util import load_yaml_guess_indent

    yaml = round_trip_yaml()
    try:
        _, indent, block_seq_indent = load_yaml_guess_indent(original)
        # ruamel's guess is thrown off by folded blocks (`comment: >-`); read the first list.
        indent, block_seq_indent = _sequence_indent(original) or (indent, block_seq_indent)
        yaml.indent(
            mapping=_mapping_indent(original),
            sequence=indent or 2,
            offset=block_seq_indent or 0,
        )
    except YAMLError:
        pass
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def _mapping_indent(text: str) -> int:
    """The indentation of the first nested mapping key, which ruamel cannot guess for us."""
    previous_opens_mapping = False
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if previous_opens_mapping and indent > 0 and not stripped.startswith("- "):
            return indent
        previous_opens_mapping = indent == 0 and stripped.endswith(":")
    return 2


def _sequence_indent(text: str) -> tuple[int, int] | None:
    """(sequence indent, dash offset) of the first block list under a key, as written."""
    key_column: int | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        column = len(line) - len(line.lstrip(" "))
        if key_column is not None and stripped.startswith("- ") and column >= key_column:
            content = column + 2 + len(stripped[2:]) - len(stripped[2:].lstrip(" "))
            return content - key_column, column - key_column
        bare = stripped.split(" #")[0].rstrip()
        key_column = column if bare.endswith(":") and not bare.startswith("- ") else None
    return None


def _write_if_unchanged(path: Path, data: bytes, digest: str) -> bool:
    """Write `data` atomically unless the file no longer has the digest we read."""
    try:
        current = hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        current = ""
    if digest and current != digest:
        return False
    write_atomic(path, data)
    return True


def _entries(document: Any) -> CommentedSeq:
    if not isinstance(document, CommentedMap):
        raise ConfigError("sources.yaml: expected a mapping with 'digest:' and 'sources:'")
    sources = document.get("sources")
    if sources is None:
        sources = CommentedSeq()
        document["sources"] = sources
    if not isinstance(sources, CommentedSeq):
        raise ConfigError("sources.yaml: 'sources' must be a list")
    return sources


def _entry_url(entry: Any) -> str:
    """The URL of an entry of `sources:` (a mapping, or a bare URL)."""
    return str(entry.get("url") if isinstance(entry, CommentedMap) else entry).strip()


def _find_entry(document: Any, url: str, occurrence: int = 1) -> CommentedMap:
    seen = 0
    for entry in _entries(document):
        if _entry_url(entry) == url:
            seen += 1
            if seen == occurrence:
                if not isinstance(entry, CommentedMap):
                    raise ConfigError(f"sources.yaml: the entry for {url} is not a mapping")
                return entry
    raise ConflictError(f"sources.yaml: {url} is no longer listed; nothing was written")


def _block(text: str) -> str:
    """The curator's text exactly: multi-line as a literal block they can read and edit.

    A literal block cannot hold a carriage return, a control character or a Unicode line
    separator (YAML would read another line break, or refuse the file): such text is written
    double-quoted, with escapes, so that it comes back as typed and the file's lines stay put.
    Leading indentation is kept (ruamel writes an indentation indicator, `|2`).
    """
    if _NOT_IN_BLOCK.search(text):
        quoted: str = DoubleQuotedScalarString(text)
        return quoted
    # Trailing white space means nothing in Markdown: a block ends with one line break (`|`).
    return LiteralScalarString(text.rstrip() + "\n") if "\n" in text.strip() else text


@dataclass(frozen=True)
class NewSource:
    """What `digest add` knows about a new entry."""

    url: str
    added: dt.date
    theme: str | None = None
    comment: str | None = None
    html: str | None = None
    edition: str | None = None


def add_sources(
    path: Path, new: Sequence[NewSource], *, again: bool = False
) -> tuple[Project, list[str]]:
    """Append sources to sources.yaml; return the project and the URLs already listed.

    With `again`, an article listed before (for an earlier edition) is listed once more.
    """
    check_new(new)
    skipped: list[str] = []

    def mutate(document: Any) -> None:
        entries = _entries(document)
        # The same article with other tracking parameters, port or fragment is listed already.
        listed = set() if again else {normalize_url(_entry_url(e)) for e in entries}
        skipped.clear()
        before = len(entries)
        for item in new:
            if normalize_url(item.url) in listed:
                skipped.append(item.url)
                continue
            entry = CommentedMap()
            entry["url"] = item.url
            # A copy: ruamel would write one date object shared by two entries as an anchor.
            entry["added"] = dt.date.fromordinal(item.added.toordinal())
            for key in ("edition", "theme", "comment", "html"):
                value = getattr(item, key)
                if value:
                    entry[key] = _block(value)
            entries.append(entry)
            listed.add(normalize_url(item.url))
        _keep_list_ending(entries, before)

    return edit(path, mutate), skipped


def _keep_list_ending(entries: CommentedSeq, before: int) -> None:
    """The blank line (or comment) that closed the list stays at its end, after new entries."""
    if before == 0 or len(entries) == before:
        return
    old, new = entries[before - 1], entries[-1]
    if not (isinstance(old, CommentedMap) and isinstance(new, CommentedMap) and old and new):
        return
    slots = old.ca.items.get(list(old)[-1])
    if not slots or len(slots) < 3 or slots[2] is None or _is_block(old[list(old)[-1]]):
        return  # after a block scalar the comment token means something else: leave it
    if _is_block(new[list(new)[-1]]):
        return
    new.ca.items.setdefault(list(new)[-1], [None, None, None, None])[2] = slots[2]
    slots[2] = None


def add_feeds(path: Path, urls: Sequence[str]) -> tuple[Project, list[str]]:
    """Append feeds to `feeds:` in sources.yaml; return the project and the URLs added."""
    added: list[str] = []

    def mutate(document: Any) -> None:
        if not isinstance(document, CommentedMap):
            raise ConfigError("sources.yaml: expected a mapping with 'digest:' and 'sources:'")
        feeds = document.get("feeds")
        if feeds is None:
            feeds = CommentedSeq()
            # After the last section that has content: the commented examples under an empty
            # section (`sources:` of `digest init`) belong to it, and ruamel would print them
            # under a section added after it.
            filled = [i for i, key in enumerate(document) if document[key] is not None]
            document.insert(filled[-1] + 1 if filled else len(document), "feeds", feeds)
        if not isinstance(feeds, CommentedSeq):
            raise ConfigError("sources.yaml: 'feeds' must be a list")
        listed = {_entry_url(e) for e in feeds}
        added.clear()
        for url in urls:
            if url not in listed:
                entry = CommentedMap()
                entry["url"] = url
                feeds.append(entry)
                listed.add(url)
                added.append(url)

    return edit(path, mutate), added


def check_new(new: Sequence[NewSource]) -> None:
    """Refuse a URL or an edition that sources.yaml would refuse, naming the argument."""
    for item in new:
        problem = url_problem(item.url)
        if problem:
            raise UsageError(f"{shown(item.url)} {problem}; nothing was added")
        problem = edition_problem(item.edition) if item.edition is not None else None
        if problem:
            raise UsageError(f"--edition {shown(item.edition or '')} {problem}; nothing was added")


def set_fields(
    path: Path,
    source: Source,
    changes: Mapping[str, str | list[str] | None],
    *,
    before_write: Callable[[], None] | None = None,
) -> Project:
    """Set (or, with None, remove) fields of one source's entry, found by its URL."""

    def mutate(document: Any) -> None:
        # The same URL listed twice: the n-th of them, as the curator numbered the sources.
        earlier = _entries(document)[: source.index - 1]
        occurrence = 1 + sum(1 for e in earlier if _entry_url(e) == source.url)
        entry = _find_entry(document, source.url, occurrence)
        last = list(entry)[-1] if entry else None
        was_block = last is not None and _is_block(entry[last])
        for key, value in changes.items():
            if value is None:
                entry.pop(key, None)
            elif isinstance(value, list):
                entry[key] = CommentedSeq(value)
            else:
                entry[key] = _block(value)
            if key == "author":
                entry.pop("authors", None)
            elif key == "authors":
                entry.pop("author", None)
        _keep_trailing_comment(entry, last, was_block)

    return edit(path, mutate, before_write=before_write)


def _keep_trailing_comment(entry: CommentedMap, last: Any, was_block: bool) -> None:
    """The blank lines and comments after an entry stay after it when keys are appended."""
    if last is None or last not in entry or not entry or list(entry)[-1] == last:
        return
    slots = entry.ca.items.get(last)
    if slots and len(slots) > 2 and slots[2] is not None:
        token, new_last = slots[2], list(entry)[-1]
        # After a block scalar the comment's first newline is a blank line; after a plain
        # scalar it ends the line itself. Keep the blank line when the kind of value changes.
        is_block = _is_block(entry[new_last])
        if was_block and not is_block:
            indent = " " * token.column if token.value.startswith("#") else ""
            token.value = "\n" + indent + token.value
        elif is_block and not was_block and token.value.startswith("\n"):
            token.value = token.value[1:]
        entry.ca.items.setdefault(new_last, [None, None, None, None])[2] = token
        slots[2] = None


def _is_block(value: Any) -> bool:
    from ruamel.yaml.scalarstring import FoldedScalarString

    return isinstance(value, (LiteralScalarString, FoldedScalarString))


INIT_TEMPLATE = """\
# sources.yaml: your review. digest reads it; only its commands (add, annotate, edition) write
# it, and they keep your comments and layout. Reference: the README's "sources.yaml" section.
digest:
  title: {title}
  language: {language}               # the edition's language: typography and the default label
  themes:                            # sections of the digest, in this order
    - First theme
    - Second theme
  # labels: {{fr: Lire plus, en: Read more}}   # the attribution label per article language
  # fetch: {{concurrency: 16, per_host: 2, delay: 1.0, max_age_days: 30}}

# Each edition (an ISO week) may have your own title, intro and outro; `digest edition`
# writes them, for example:
#   {week}:
#     intro: |
#       Your opening paragraphs.
#     outro: |
#       Your conclusions.
editions:

# Each source is an article you cite and your decisions about it; `digest add URL` appends
# one, `digest annotate` records the rest, for example:
#   - url: https://www.example.org/2026/11/article.html
#     added: {today}
#     theme: First theme
#     comment: Why this article matters.
#     quote: "A sentence taken verbatim from the article."
sources:
"""


def init_folder(folder: Path, *, title: str = "My review", language: str = "en") -> Path:
    """Create `folder` with a commented sources.yaml and an empty digests/; return the file."""
    path = folder / "sources.yaml"
    language = language.strip().lower()
    if not LANGUAGE_RE.match(language):
        raise UsageError(f"--language '{language}' is not a two-letter code (en, fr, de, ...)")
    today = dt.date.today()
    text = INIT_TEMPLATE.format(
        title=_quoted(title), language=language, week=iso_week(today), today=today
    )
    # Whatever the title holds, the file we write must read back as the review we meant.
    validate(Document(path, text, "", parse_yaml(path, text)))
    try:
        (folder / "digests").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(f"cannot create {folder / 'digests'}: {exc.strerror}") from None
    with edit_lock(path):
        if path.exists():
            raise UsageError(f"{path} already exists; nothing was written")
        write_atomic(path, text.encode("utf-8"))
    return path


def _quoted(text: str) -> str:
    """`text` as a double-quoted YAML scalar, escaped by ruamel (quotes, line breaks, controls)."""
    out = io.StringIO()
    round_trip_yaml().dump({"k": DoubleQuotedScalarString(text)}, out)
    return out.getvalue().removeprefix("k: ").rstrip("\n")
