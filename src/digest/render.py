"""Render an edition to text. Pure: edition data in, text out.

Both layouts (Markdown and e-mail HTML) are rendered from the same view of the edition. Web text
(titles, bylines, quotes) is escaped so that it cannot add links, HTML or Markdown structure to the
digest; the curator's own text (comment, intro, outro) is Markdown on purpose, rendered to HTML by
markdown-it with raw HTML disabled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote as percent_encode

import jinja2
from markupsafe import Markup

from digest import typography, webtext
from digest.items import Item

_TEMPLATES = Path(__file__).parent / "templates"
# "~" too: GFM reads "~~x~~" as strike-through and "~~~" at the start of a line as a code fence.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>~])")
# GFM turns bare URLs into links: a backslash before the ":" of the scheme or the "." after
# "www" keeps them text (it shows nothing: both are punctuation a backslash may escape).
# What GitHub-flavoured renderers would turn into a link: a URL, "www.", an e-mail address.
_MD_AUTOLINK = re.compile(
    r"\b(?:(https?|ftp)(:)(?=//)|(www)(\.)(?=\w)|(?<=[\w.+-])(@)(?=[\w-]+\.\w))", re.IGNORECASE
)
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_MD_BLOCK_START = re.compile(r"^(\s*)(?:([#+=-])|(\d+)([.)]))")
_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")

# E-mail clients drop <style> blocks and external sheets: every element carries its own style.
STYLES: dict[str, str] = {
    "p": "margin:0 0 16px 0;",
    "a": "color:#1a4f8b;text-decoration:underline;",
    "ul": "margin:0 0 16px 0;padding-left:24px;",
    "ol": "margin:0 0 16px 0;padding-left:24px;",
    "li": "margin:0 0 6px 0;",
    "blockquote": "margin:0 0 16px 0;padding:4px 0 4px 16px;border-left:3px solid #c9d3df;"
    "color:#333333;",
    "h1": "font-size:22px;line-height:1.3;margin:0 0 16px 0;",
    "h2": "font-size:19px;line-height:1.3;margin:0 0 12px 0;",
    "h3": "font-size:17px;line-height:1.3;margin:0 0 12px 0;",
    "code": "font-family:Menlo,Consolas,monospace;font-size:14px;background:#f0f2f5;",
    "pre": "margin:0 0 16px 0;padding:8px;background:#f0f2f5;white-space:pre-wrap;",
    "hr": "border:0;border-top:1px solid #dde3ea;margin:24px 0;",
}


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


def collapse(text: str) -> str:
    """Runs of spaces and line breaks as one space; no-break spaces are typography, kept."""
    return _ASCII_SPACE.sub(" ", text).strip()


def md_inline(text: str) -> str:
    """Escape web text for a Markdown line: it stays text, whatever it holds."""
    text = collapse(text)
    text = _MD_AUTOLINK.sub(_escape_autolink, _MD_INLINE.sub(r"\\\1", text))
    return _MD_ENTITY.sub("&amp;", text)


def _escape_autolink(match: re.Match[str]) -> str:
    scheme, colon, www, dot, at = match.groups()
    if at:
        return "\\@"
    return f"{scheme}\\{colon}" if scheme else f"{www}\\{dot}"


def md_quote(text: str) -> str:
    """A pull quote as a Markdown block quote, one '>' paragraph per paragraph, escaped."""
    paragraphs = [collapse(p) for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    lines = [_MD_BLOCK_START.sub(_escape_block_start, md_inline(p)) for p in paragraphs]
    return "\n>\n".join(f"> {line}" for line in lines)


def _escape_block_start(match: re.Match[str]) -> str:
    # "- x" and "# x" take a backslash before the mark; "1. x" takes it before the dot.
    indent, mark, number, dot = match.groups()
    return f"{indent}\\{mark}" if mark else f"{indent}{number}\\{dot}"


def href(url: str) -> str:
    """A URL safe inside a Markdown link destination or an HTML attribute."""
    return percent_encode(url, safe=":/?#@!$&*+,;=%~-._'[]")


@cache
def _markdown_parser() -> Any:
    from markdown_it import MarkdownIt

    # "commonmark" with html off: the curator's <tags> come out as text, never as markup.
    return MarkdownIt("commonmark", {"html": False, "typographer": False})


def markdown_html(text: str | None) -> Markup:
    """The curator's Markdown as HTML with inline styles (raw HTML is shown as text)."""
    if not text:
        return Markup("")
    md = _markdown_parser()
    tokens = md.parse(text)
    for token in _walk(tokens):
        style = STYLES.get(token.tag)
        if style and token.nesting != -1:
            token.attrSet("style", style)
    return Markup(md.renderer.render(tokens, md.options, {}).strip())


def _walk(tokens: list[Any]) -> list[Any]:
    out: list[Any] = []
    for token in tokens:
        out.append(token)
        if token.children:
            out.extend(_walk(token.children))
    return out


def item_view(item: Item, edition_language: str) -> dict[str, Any]:
    """The parts of one item: web text in the edition's typography, the curator's as written."""
    rules = typography.rules(edition_language)
    speaker = item.speaker  # a name, or the curator's word (items.resolve saw to it)
    role = collapse(item.role) if speaker and item.role else None
    return {
        "comment": item.source.comment,
        "quote": typography.polish(item.quote, edition_language) if item.quote else None,
        "speaker": speaker,
        "role": role,
        # "— Dmitri Peskov, porte-parole du Kremlin" under the quote
        "credit": f"{speaker}, {role}" if speaker and role else speaker,
        "label": typography.label_with_colon(item.label, edition_language),
        "open_quote": rules.open_quote,
        "close_quote": rules.close_quote,
        # Quotation marks inside the title step down a level inside the edition's own marks.
        "title": typography.nest_quotes(
            typography.polish(collapse(item.title), edition_language), edition_language
        ),
        "url": item.url,
        "byline": typography.join_names(item.credited, edition_language),
        "publication": item.publication,
        "language": item.language,
        "paywalled": item.paywalled,
        "paywall_label": item.paywall_label,
        "reading_minutes": item.reading_minutes,
    }


def view(edition: EditionData) -> dict[str, Any]:
    """The template context of an edition, shared by every layout."""
    language = edition.language

    def prose(text: str | None) -> str | None:
        # The curator's own words (title, intro, outro, themes) are printed as written.
        return text.strip() if text else None

    return {
        "title": prose(edition.title),
        "key": edition.key,
        "language": language,
        "dates": edition.dates,
        "intro": prose(edition.intro),
        "outro": prose(edition.outro),
        "sections": [
            {"theme": prose(s.theme), "items": [item_view(i, language) for i in s.items]}
            for s in edition.sections
        ],
        "styles": STYLES,
    }


def _environment(folder: Path, *, html: bool) -> jinja2.Environment:
    from digest import templating

    filters = {"inline": md_inline, "blockquote": md_quote, "href": href, "markdown": markdown_html}
    return templating.environment([folder, _TEMPLATES], html=html, filters=filters)


def _render(name: str, template: Path | None, context: dict[str, Any], *, html: bool) -> str:
    from digest import templating

    folder, name = (template.parent, template.name) if template else (_TEMPLATES, name)
    text = templating.render(_environment(folder, html=html), name, context)
    # The web text in the context is clean already; this also covers an older store, the
    # curator's own escapes ("\x01" in YAML) and a curator's template.
    return webtext.xml_safe(text)


def render_markdown(edition: EditionData, template: Path | None = None) -> str:
    """The edition as CommonMark, from the bundled template or the curator's own."""
    text = _render("digest.md.j2", template, view(edition), html=False)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def render_html(edition: EditionData, template: Path | None = None) -> str:
    """The edition as a self-contained HTML page for e-mail: inline styles, no external assets."""
    text = _render("digest.html.j2", template, view(edition), html=True)
    return _drop_blank_lines(text).strip() + "\n"


def _drop_blank_lines(html: str) -> str:
    """The template's blank lines go; those inside <pre> are the curator's code, and stay."""
    kept: list[str] = []
    in_pre = False
    for line in html.splitlines():
        if in_pre or line.strip():
            kept.append(line if in_pre else line.rstrip())
        opened, closed = line.rfind("<pre"), line.rfind("</pre>")
        in_pre = opened > closed if opened != closed else in_pre
    return "\n".join(kept)


def render_fragment(edition: EditionData) -> str:
    """The body of the HTML edition alone, as the content of a feed entry."""
    return _render("digest.fragment.html.j2", None, view(edition), html=True).strip() + "\n"


def render_archive(title: str, language: str, editions: Sequence[EditionData]) -> str:
    """The archive page: every edition, newest first, with its week and its number of items."""
    rows = [
        {
            "key": e.key,
            "href": f"{e.key}.html",
            "title": typography.polish(e.title.strip(), language),
            "dates": e.dates,
            "count": typography.count_articles(sum(len(s.items) for s in e.sections), language),
        }
        for e in sorted(editions, key=lambda e: e.key, reverse=True)
    ]
    context = {"title": typography.polish(title, language), "language": language,
               "editions": rows, "styles": STYLES}  # fmt: skip
    text = _render("archive.html.j2", None, context, html=True)
    return "\n".join(line.rstrip() for line in text.splitlines() if line.strip()) + "\n"
