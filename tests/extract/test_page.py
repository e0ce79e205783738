"""extract_page and extract_text end to end: golden pages, language, text, quotes hand-off."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

import digest.extract.quotes
from digest.extract import extract_page, extract_text
from digest.extract.language import identify, primary_subtag
from digest.models import Origin, Quote
from digest.models import OriginKind as K

from .regenerate import PAGES, expected

GOLDEN = sorted(PAGES.glob("*.html"))


@pytest.mark.parametrize("page", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_page(page: Path) -> None:
    want = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    assert expected(page) == want


def test_french_page_without_charset_has_no_mojibake() -> None:
    article = extract_page((PAGES / "fr-latin1.html").read_bytes(), "https://ex.example/a")
    assert article.title == "Les jardins partagés gagnent du terrain"
    assert "l’une des fondatrices" in article.text
    assert "Ã" not in article.text


def test_language_from_text_beats_wrong_html_lang() -> None:
    article = extract_page((PAGES / "fr-latin1.html").read_bytes(), "https://ex.example/a")
    assert article.language == "fr"  # the page declares lang="en"


def test_paragraphs_are_separated_by_blank_lines() -> None:
    article = extract_page((PAGES / "en-news.html").read_bytes(), "https://ex.example/a")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("The town council voted")
    assert all(p.strip() and "\n" not in p for p in paragraphs)


def test_embedded_tweets_are_not_body_text() -> None:
    article = extract_page((PAGES / "en-news.html").read_bytes(), "https://ex.example/a")
    assert "Great news for the river path" not in article.text


def test_an_iframe_left_open_in_noscript_does_not_swallow_the_page() -> None:
    paragraph = (
        "<p>The harbour board approved the new ferry timetable on Monday after a long debate"
        " about winter crossings and the cost of the extra crew.</p>"
    )
    html = (
        "<html><head><title>Ferry timetable approved</title></head><body>"
        '<noscript><iframe src="https://tags.example/ns.html?id=T1" height="0"></noscript>'
        '<script type="application/json">{"meta":{"blog":{"id":"11","name":"site"}}}</script>'
        f"<article><h1>Ferry timetable approved</h1>{paragraph * 4}</article></body></html>"
    )
    article = extract_page(html.encode(), "https://ex.example/a")
    assert "The harbour board approved" in article.text
    assert '"meta"' not in article.text and "<script" not in article.text


def test_quote_finder_gets_text_and_article_blockquotes(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str | None, list[str]]] = []

    def fake(text: str, language: str | None, blockquotes: Sequence[str] = ()) -> list[Quote]:
        calls.append((text, language, list(blockquotes)))
        return [Quote(text="q", speaker="s", kind="direct", score=1.0)]

    monkeypatch.setattr(digest.extract.quotes, "find_quotes", fake)
    article = extract_page((PAGES / "en-news.html").read_bytes(), "https://ex.example/a")
    ((text, language, blockquotes),) = calls
    assert text == article.text and language == "en"
    assert blockquotes == [
        "The path belongs to everyone who lives along the river, and it should be open to all "
        "of them by the summer."
    ]
    assert article.quotes == (Quote(text="q", speaker="s", kind="direct", score=1.0),)


def test_a_failing_quote_finder_keeps_the_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, language: str | None, blockquotes: Sequence[str] = ()) -> list[Quote]:
        raise RuntimeError("boom")

    monkeypatch.setattr(digest.extract.quotes, "find_quotes", broken)
    article = extract_page((PAGES / "en-news.html").read_bytes(), "https://ex.example/a")
    assert article.title == "Council votes to reopen the river path"
    assert article.quotes == ()
    assert article.origins["quotes"] == Origin(K.ERROR, "quote rules: RuntimeError: boom")


@pytest.mark.parametrize(
    ("module", "rules", "field", "rule_name"),
    [
        ("dates", "find_published", "published", "date rules"),
        ("metadata", "find_title", "title", "title rules"),
        ("authors", "find_authors", "authors", "byline rules"),
        ("metadata", "find_publication", "publication", "publication rules"),
    ],
)
def test_a_failing_field_loses_that_field_only(
    monkeypatch: pytest.MonkeyPatch, module: str, rules: str, field: str, rule_name: str
) -> None:
    def broken(*args: object) -> None:
        raise ValueError("no day 32")

    whole = extract_page((PAGES / "en-news.html").read_bytes(), "https://ex.example/a")
    monkeypatch.setattr(getattr(digest.extract, module), rules, broken)
    article = extract_page((PAGES / "en-news.html").read_bytes(), "https://ex.example/a")
    assert article.origins[field] == Origin(K.ERROR, f"{rule_name}: ValueError: no day 32")
    emptied = {"authors": [], "title": None, "published": None, "publication": None}
    got = article.to_dict()
    if field == "title":
        # Without a title the body keeps the headline that the title would have cut off.
        assert got.pop("text") == f"{whole.title}\n\n{whole.text}"
        del emptied["title"]
    assert got == {
        **{k: v for k, v in whole.to_dict().items() if k in got},
        field: emptied.get(field),
        "origins": {**whole.to_dict()["origins"], field: article.origins[field].to_dict()},
    }


def test_empty_and_junk_pages_do_not_raise() -> None:
    for body in (b"", b"\x00\x01\x02", b"<html>", b"not html at all"):
        article = extract_page(body, "https://ex.example/a")
        assert article.url == "https://ex.example/a"
        assert article.authors == ()


def test_huge_page_is_bounded() -> None:
    filler = "<p>" + "word " * 50 + "</p>"
    body = ("<html><body><h1>Big</h1>" + filler * 40000 + "</body></html>").encode()
    article = extract_page(body, "https://ex.example/a")
    assert article.title == "Big"
    assert len(article.text) < len(body)


def test_extract_text_headline_byline_and_body() -> None:
    text = "Le titre de l'article\n\nPar Jeanne Martin\n\nPremier paragraphe.\n\nSecond paragraphe."
    article = extract_text(text, url="u", language="fr")
    assert article.title == "Le titre de l'article"
    assert article.authors == ("Jeanne Martin",)
    assert article.text == "Premier paragraphe.\n\nSecond paragraphe."
    assert article.language == "fr"
    assert article.origins == {
        "title": Origin(K.PAGE, "first paragraph"),
        "authors": Origin(K.PAGE, "byline"),
        "language": Origin(K.GIVEN),
    }


def test_extract_text_identifies_language_when_not_given() -> None:
    text = "Headline\n\nThe council voted on Tuesday to reopen the path along the river bank."
    assert extract_text(text).language == "en"


def test_identify_short_text_trusts_a_plausible_declaration() -> None:
    assert identify("Kontakt", "de-DE") == ("de", "html lang")
    assert identify("", "de") == ("de", "html lang")
    assert identify("", None) == (None, "none")


def test_primary_subtag() -> None:
    assert primary_subtag("en-US") == "en"
    assert primary_subtag("FR_fr") == "fr"
    assert primary_subtag("x") is None
