"""An edition's own words (title, intro, outro) under `editions:`, written by `digest edition`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString

from digest import edits
from digest.config import EDITION_KEYS, EditionText, Project, edition_monday, iso_week
from digest.errors import ConfigError


@dataclass(frozen=True)
class EditionView:
    """What `digest edition` shows of one edition."""

    key: str
    texts: EditionText
    sources: int
    dates: str

    def to_json(self) -> dict[str, object]:
        return {
            "edition": self.key,
            "title": self.texts.title,
            "intro": self.texts.intro,
            "outro": self.texts.outro,
            "sources": self.sources,
        }


def key_or_this_week(key: str | None) -> str:
    """The edition named, checked, or the current ISO week."""
    key = key or iso_week(dt.date.today())
    edition_monday(key)  # refuses a malformed key with a clear message
    return key


def view(project: Project, key: str) -> EditionView:
    """The edition's texts and how many sources it has."""
    from digest import typography

    monday = edition_monday(key)
    return EditionView(
        key,
        project.editions.get(key, EditionText()),
        sum(1 for s in project.sources if s.edition_key == key),
        typography.date_range(monday, monday + dt.timedelta(days=6), project.settings.language),
    )


def set_texts(path: Path, key: str, changes: Mapping[str, str | None]) -> Project:
    """Set (or, with None or "", remove) an edition's title, intro or outro in sources.yaml.

    The edition's entry is created when missing, after the other editions; the rest of the
    file keeps its layout and comments.
    """

    def mutate(document: Any) -> None:
        if not isinstance(document, CommentedMap):
            raise ConfigError(f"{path.name}: expected a mapping with 'digest:' and 'sources:'")
        editions = document.get("editions")
        if editions is None:
            editions = CommentedMap()
            if "editions" in document:
                document["editions"] = editions
            else:  # before the sources, where a reader looks for it
                where = list(document).index("sources") if "sources" in document else len(document)
                document.insert(where, "editions", editions)
        if not isinstance(editions, CommentedMap):
            raise ConfigError(f"{path.name}: 'editions' must map ISO weeks to intro and outro")
        before = _deepest_last(editions)
        entry = editions.get(key)
        if not isinstance(entry, CommentedMap):
            entry = CommentedMap()
            editions[key] = entry
        for name in EDITION_KEYS:
            if name not in changes:
                continue
            text = (changes[name] or "").strip()
            if not text:
                entry.pop(name, None)
            elif "\n" in text or name != "title":
                entry[name] = LiteralScalarString(text + "\n")
            else:
                entry[name] = text
        _move_trailing_comment(before, _deepest_last(editions))

    return edits.edit(path, mutate)


Last = tuple[CommentedMap, Any, bool]


def _deepest_last(mapping: CommentedMap) -> Last | None:
    """The mapping and key written last under `mapping` (trailing comments hang on it), and
    whether its value is a block scalar."""
    if not mapping:
        return None
    key = list(mapping)[-1]
    value = mapping[key]
    if isinstance(value, CommentedMap) and value:
        return _deepest_last(value)
    return mapping, key, isinstance(value, LiteralScalarString)


def _move_trailing_comment(before: Last | None, after: Last | None) -> None:
    """The comments after the editions (the next section's heading) stay after them."""
    if before is None or after is None or before[:2] == after[:2]:
        return
    old_map, old_key, was_block = before
    new_map, new_key, is_block = after
    slots = old_map.ca.items.get(old_key)
    if not slots or len(slots) < 3 or slots[2] is None:
        return
    token = slots[2]
    # After a block scalar the comment's first newline is a blank line; after a plain scalar it
    # ends the line itself.
    if was_block and not is_block:
        token.value = "\n" + token.value
    elif is_block and not was_block and token.value.startswith("\n") and token.value[1:]:
        token.value = token.value[1:]
    new_map.ca.items.setdefault(new_key, [None, None, None, None])[2] = token
    slots[2] = None


def describe(shown: EditionView) -> str:
    """The edition as `digest edition` prints it: its week, title, texts and sources."""
    texts = shown.texts
    count = f"{shown.sources} source{'s' * (shown.sources != 1)}"
    lines = [f"{shown.key} ({shown.dates}): {count}"]
    lines.append("title: " + (texts.title or "— the review's title"))
    for name in ("intro", "outro"):
        text = getattr(texts, name)
        if text:
            lines.append(f"{name}:")
            lines += [f"  {line}" if line else "" for line in text.splitlines()]
        else:
            lines.append(f"{name}: — none yet (digest edition {shown.key} --edit {name})")
    return "\n".join(lines)
