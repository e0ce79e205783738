"""Render an edition to text. Pure: edition data in, text out.

Web text (titles, bylines, quotes) is escaped so that it cannot add links, HTML or Markdown
structure to the digest; the curator's own text (comment, intro, outro) is Markdown on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote as percent_encode

import jinja2

from digest import typography
from digest.items import Item

_TEMPLATES = Path(__file__).parent / "templates"
_MD_INLINE = re.compile(r"([\\`*_\[\]<>])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_MD_BLOCK_START = re.compile(r"^(\s*)([#+=-]|\d+[.)])")


@dataclass(frozen=True)
class Section:
    """A theme and its items, in the curator's order."""

    theme: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class EditionData:
    """Everything one edition's digest shows."""

    key: str  # 2026-W48
    title: str
    language: str
    dates: str  # the week, written in the edition's language
    intro: str | None
    outro: str | None
    sections: tuple[Section, ...]


def md_inline(text: str) -> str:
    """Escape web text for a Markdown line: it stays text, whatever it holds."""
    text = " ".join(text.split())
    return _MD_ENTITY.sub("&amp;", _MD_INLINE.sub(r"\\\1", text))


def md_quote(text: str) -> str:
    """A pull quote as a Markdown block quote, one '>' paragraph per paragraph, escaped."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    lines = [_MD_BLOCK_START.sub(r"\1\\\2", md_inline(p)) for p in paragraphs]
    return "\n>\n".join(f"> {line}" for line in lines)


def href(url: str) -> str:
    """A URL safe inside a Markdown link destination."""
    return percent_encode(url, safe=":/?#@!$&*+,;=%~-._'[]")


def item_view(item: Item, edition_language: str) -> dict[str, Any]:
    """The parts of one item, with the edition's typography applied to every piece."""
    rules = typography.rules(edition_language)
    return {
        "comment": typography.polish(item.source.comment, edition_language)
        if item.source.comment
        else None,
        "quote": item.quote,
        "speaker": item.speaker,
        "label": typography.label_with_colon(item.label, edition_language),
        "open_quote": rules.open_quote,
        "close_quote": rules.close_quote,
        "title": typography.polish(item.title.strip(), edition_language),
        "url": item.url,
        "byline": typography.join_names(item.authors, edition_language),
        "publication": item.publication,
    }


def _environment(template: Path | None) -> tuple[jinja2.Environment, str]:
    folder, name = (template.parent, template.name) if template else (_TEMPLATES, "digest.md.j2")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(folder), str(_TEMPLATES)]),
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(inline=md_inline, blockquote=md_quote, href=href)
    return env, name


def render_markdown(edition: EditionData, template: Path | None = None) -> str:
    """The edition as CommonMark, from the bundled template or the curator's own."""
    env, name = _environment(template)
    language = edition.language

    def prose(text: str | None) -> str | None:
        return typography.polish(text.strip(), language) if text else None

    text = env.get_template(name).render(
        title=edition.title,
        key=edition.key,
        dates=edition.dates,
        intro=prose(edition.intro),
        outro=prose(edition.outro),
        sections=[
            {"theme": s.theme, "items": [item_view(i, language) for i in s.items]}
            for s in edition.sections
        ],
    )
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
