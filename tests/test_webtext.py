"""What web text may contain: one table per cleaning, then the article and the store reader."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from digest import webtext
from digest.models import Article, Origin, Quote
from digest.models import OriginKind as K

# (web text, as a body, as a one-line field)
CASES = [
    ("plain words", "plain words", "plain words"),
    ("lone \ud800 surrogate \udfff", "lone  surrogate ", "lone surrogate"),
    ("pair 😀 kept", "pair 😀 kept", "pair 😀 kept"),
    ("nul\x00 bell\x07 back\x08space", "nul bell backspace", "nul bell backspace"),
    ("esc \x1b[8mhidden\x1b[0m", "esc [8mhidden[0m", "esc [8mhidden[0m"),
    ("osc \x1b]52;c;ZXZpbA==\x07 end", "osc ]52;c;ZXZpbA== end", "osc ]52;c;ZXZpbA== end"),
    ("csi \x9b31m c1 \x80\x9f del\x7f", "csi 31m c1  del", "csi 31m c1 del"),
    ("tab\tand\nnewline", "tab\tand\nnewline", "tab and newline"),
    ("crlf\r\nand\rcr", "crlf\nand\ncr", "crlf and cr"),
    ("vt\x0bff\x0cnel\x85ls\u2028ps\u2029", "vt\nff\nnel\nls\nps\n", "vt ff nel ls ps"),
    ("xml \ufffe\uffff end", "xml  end", "xml end"),
    ("\u202etxet desrever", "txet desrever", "txet desrever"),
    ("\u202aLRE\u202bRLE\u202cPDF\u202dLRO", "LRERLEPDFLRO", "LRERLEPDFLRO"),
    ("\u2066LRI\u2067RLI\u2068FSI\u2069PDI", "LRIRLIFSIPDI", "LRIRLIFSIPDI"),
    ("zero\u200bwidth\u2060joiner\ufeffbom", "zerowidthjoinerbom", "zerowidthjoinerbom"),
    (
        "emoji 👩\u200d💻 and ZWNJ می\u200cخواهم",
        "emoji 👩\u200d💻 and ZWNJ می\u200cخواهم",
        "emoji 👩\u200d💻 and ZWNJ می\u200cخواهم",
    ),
    ("\u200fשלום\u200f", "\u200fשלום\u200f", "שלום"),
    ("in \u200eword\u200e marks", "in \u200eword\u200e marks", "in \u200eword\u200e marks"),
    ("  spaced \n\n out  ", "  spaced \n\n out  ", "spaced out"),
    ("« Titre\u00a0» :\u202fnon", "« Titre\u00a0» :\u202fnon", "« Titre\u00a0» :\u202fnon"),
]


@pytest.mark.parametrize(("raw", "body", "one_line"), CASES)
def test_text_and_line(raw: str, body: str, one_line: str) -> None:
    assert webtext.text(raw) == body
    assert webtext.line(raw) == one_line
    # Whatever came in, every output can carry the result.
    for cleaned in (webtext.text(raw), webtext.line(raw)):
        cleaned.encode("utf-8")
        assert ET.fromstring(f"<t>{cleaned}</t>").text == (cleaned or None)


CAPS = [
    ("short title", 20, "short title"),
    ("exactly twenty chars", 20, "exactly twenty chars"),
    ("a title that runs on and on", 20, "a title that runs…"),
    ("words, then a comma, then more", 22, "words, then a comma…"),
    ("x" * 50, 20, "x" * 19 + "…"),
    ("one " + "y" * 40, 20, "one " + "y" * 15 + "…"),
]


@pytest.mark.parametrize(("raw", "limit", "expected"), CAPS)
def test_cap_cuts_at_a_word_boundary(raw: str, limit: int, expected: str) -> None:
    assert webtext.cap(raw, limit) == expected
    assert len(webtext.cap(raw, limit)) <= limit


HTML = [
    ("<p>clean page</p>", "<p>clean page</p>"),
    ("<p>a\x01b\x08c\x1bd\x00e</p>", "<p>abcde</p>"),
    ("<p>word\x0bpaste\x0cpage</p>", "<p>word paste page</p>"),
    ("<p>tab\tline\ncr\r</p>", "<p>tab\tline\ncr\r</p>"),
    ("<p>\ud800\ufffe\uffff</p>", "<p></p>"),
    (
        "<p>\x85 and \u202e are text to the parser</p>",
        "<p>\x85 and \u202e are text to the parser</p>",
    ),
]


@pytest.mark.parametrize(("raw", "expected"), HTML)
def test_html_before_parsing(raw: str, expected: str) -> None:
    assert webtext.html(raw) == expected


def test_xml_safe_keeps_what_xml_allows() -> None:
    kept = "tab\t nl\n cr\r é 😀 \u202e \x85 \ue000"
    assert webtext.xml_safe(kept) == kept
    assert webtext.xml_safe("a\x01\x0b\x0c\x1b\ud800\ufffe\uffffb") == "ab"


def test_structure_cleans_every_string_of_json_ld() -> None:
    data = json.loads('{"headline": "A\\ud800B\\u001b", "author": [{"name": "J\\u202eD"}], "n": 3}')
    assert webtext.structure(data) == {"headline": "AB", "author": [{"name": "JD"}], "n": 3}


def test_clean_article_cleans_every_text_field() -> None:
    dirty = Article(
        url="https://news.example/a\x1b",
        title="Title \ud800 with \x1b]0;pwned\x07 " + "word " * 100,
        authors=("Jane\u202e Doe", "\u200b", "Jane Doe", "J" * 400),
        publication="The\x0bGazette",
        published="2026-11-24\x00",
        language="en\u200b",
        text="Para\x01graph one.\x0c\nPara\u2028two\ud800.",
        quotes=(
            Quote("“Quote\x1b[8m”\r\nnext", speaker="\u202eJohn\x9b Smith"),
            Quote("ok", speaker="\u200b", mention="the\x1b spokesman " + "word " * 100),
        ),
        canonical_url="\u200b",
        origins={"title": Origin(K.META, "og:title\x1b")},
    )
    clean = webtext.clean_article(dirty)
    assert clean == Article(
        url="https://news.example/a",
        title=webtext.cap("Title with ]0;pwned " + "word " * 100, webtext.TITLE_LIMIT),
        authors=("Jane Doe", "J" * (webtext.NAME_LIMIT - 1) + "…"),
        publication="The Gazette",
        published="2026-11-24",
        language="en",
        text="Paragraph one.\n\nPara\ntwo.",
        quotes=(
            Quote("“Quote[8m”\nnext", speaker="John Smith"),
            Quote(
                "ok",
                speaker=None,
                mention=webtext.cap("the spokesman " + "word " * 100, webtext.NAME_LIMIT),
            ),
        ),
        canonical_url=None,
        origins={"title": Origin(K.META, "og:title")},
    )
    assert len(clean.title or "") == webtext.TITLE_LIMIT
    assert webtext.clean_article(clean) is clean  # nothing left to change


def test_the_store_reader_cleans_what_an_older_version_stored() -> None:
    stored = json.loads(
        json.dumps({"url": "u", "title": "Old \ud800 title\x1b[2J", "authors": ["A\u202eB"],
                    "text": "t\x01", "quotes": [{"text": "q\ud800", "speaker": "S\x07"}]})
    )  # fmt: skip
    article = Article.from_dict(stored)
    assert (article.title, article.authors, article.text) == ("Old title[2J", ("AB",), "t")
    assert article.quotes == (Quote("q", speaker="S"),)
