"""Rendering: web text is escaped in Markdown and HTML; the curator's Markdown is Markdown."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markdown_it import MarkdownIt

from digest.config import Settings, Source
from digest.items import resolve
from digest.models import Article, Quote
from digest.render import (
    EditionData,
    Section,
    markdown_html,
    md_inline,
    render_html,
    render_markdown,
)

HOSTILE = Article(
    url="https://evil.example.org/a?x=1&y=(2)",
    title="Click [here](javascript:alert(1)) <script>alert(2)</script> *now* & `code`",
    authors=("<b>Mallory</b>", "Eve [x](http://evil)"),
    publication="# Heading & <i>Co</i>",
    language="en",
    text="- not a list item but a quote\n1. nor a numbered one <img src=x onerror=alert(3)>",
    quotes=(
        Quote("- not a list item but a quote\n1. nor a numbered one <img src=x onerror=alert(3)>"),
    ),
)
SETTINGS = Settings(title="T", language="en", themes=("Theme",))


def edition(comment: str | None = None, intro: str | None = None) -> EditionData:
    source = Source(index=1, line=5, url=HOSTILE.url, theme="Theme", comment=comment)
    item = resolve(source, HOSTILE, SETTINGS)
    return EditionData("2026-W48", "T <b>", "en", "23–29 November 2026", intro, None,
                       (Section("Theme", (item,)),))  # fmt: skip


def _tokens(text: str) -> list[str]:
    md = MarkdownIt("commonmark")
    out: list[str] = []
    for token in md.parse(text):
        out.append(token.type)
        out.extend(child.type for child in token.children or [])
    return out


def test_markdown_web_text_cannot_add_links_html_or_structure() -> None:
    text = render_markdown(edition())
    kinds = _tokens(text)
    assert kinds.count("link_open") == 1  # the attribution link, nothing else
    assert "html_inline" not in kinds and "html_block" not in kinds
    assert "bullet_list_open" not in kinds and "ordered_list_open" not in kinds
    assert [k for k in kinds if k == "heading_open"] == ["heading_open", "heading_open"]
    assert "em_open" in kinds  # the dates line only
    assert kinds.count("em_open") == 1
    html = MarkdownIt("commonmark").render(text)
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert 'href="https://evil.example.org/a?x=1&amp;y=%282%29"' in html
    assert "<p>- not a list item but a quote</p>" in html
    assert "<p>1. nor a numbered one &lt;img src=x onerror=alert(3)&gt;</p>" in html


def test_markdown_escapes_exactly() -> None:
    assert md_inline("a *b* [c](d) <e> `f` &amp; _g_\\") == (
        "a \\*b\\* \\[c\\](d) \\<e\\> \\`f\\` &amp;amp; \\_g\\_\\\\"
    )
    assert md_inline("one\n  two\u00a0:") == "one two\u00a0:"  # no-break spaces are kept
    # GitHub-flavoured renderers link URLs and e-mail addresses found in text; a quote stays text.
    assert md_inline("Write to jo.doe@example.org or www.example.org") == (
        "Write to jo.doe\\@example.org or www\\.example.org"
    )
    assert MarkdownIt("commonmark").render(md_inline("jo@example.org")) == "<p>jo@example.org</p>\n"


def test_html_autoescapes_web_text() -> None:
    html = render_html(edition())
    assert "<script>" not in html and "<b>Mallory" not in html and "<img" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "&lt;b&gt;Mallory&lt;/b&gt;" in html
    assert 'href="https://evil.example.org/a?x=1&amp;y=%282%29"' in html
    assert "<title>T &lt;b&gt; — 23–29 November 2026</title>" in html


def test_curator_markdown_in_html_has_no_raw_html_and_inline_styles() -> None:
    comment = (
        "An *important* [piece](https://ok.example.org) <iframe src=x></iframe>\n\n- one\n- two"
    )
    out = str(markdown_html(comment))
    assert out == (
        '<p style="margin:0 0 16px 0;">An <em>important</em> <a href="https://ok.example.org" '
        'style="color:#1a4f8b;text-decoration:underline;">piece</a> '
        "&lt;iframe src=x&gt;&lt;/iframe&gt;</p>\n"
        '<ul style="margin:0 0 16px 0;padding-left:24px;">\n'
        '<li style="margin:0 0 6px 0;">one</li>\n<li style="margin:0 0 6px 0;">two</li>\n</ul>'
    )
    assert "href" not in str(markdown_html("[x](javascript:alert(1))"))


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.unstyled: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        names = dict(attrs)
        if tag in ("p", "a", "h1", "h2", "blockquote", "ul", "li") and "style" not in names:
            self.unstyled.append(tag)
        if tag in ("link", "img", "script", "style", "iframe") or "src" in names:
            self.external.append(tag)


def test_html_is_made_for_email_inline_styles_no_assets() -> None:
    html = render_html(edition(comment="See *this*:\n\n- a\n- b", intro="Hello **all**."))
    audit = _Audit()
    audit.feed(html)
    assert audit.unstyled == []
    assert audit.external == []
    assert not re.search(r"url\(|@import|<style", html)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">\n')


def test_named_speakers_are_attributed_pronouns_are_not() -> None:
    settings = Settings(title="T", language="en", themes=("Theme",))
    texts = []
    for speaker in ("Ann Lee", "he"):
        article = Article(url="https://ex.org/a", title="A", language="en", text="x",
                          quotes=(Quote("Cities listen", speaker, "direct", 0.9),))  # fmt: skip
        item = resolve(Source(index=1, line=1, url=article.url, theme="Theme"), article, settings)
        edition = EditionData("2026-W48", "T", "en", "d", None, None, (Section("Theme", (item,)),))
        texts.append(render_markdown(edition))
    assert "> Cities listen\n>\n> — Ann Lee\n" in texts[0]
    assert "> Cities listen\n\nRead more:" in texts[1]
