"""Paywalls as pages declare them: schema.org isAccessibleForFree in JSON-LD or microdata."""

from __future__ import annotations

import pytest

from digest.extract import extract_page
from digest.extract.access import find_paywalled

from .pagekit import ld, page

ARTICLE = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H"}


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        (False, True),
        ("False", True),
        ("https://schema.org/False", True),
        (True, False),
        ("true", False),
        ("maybe", None),
    ],
)
def test_json_ld_on_the_article(declared: object, expected: bool | None) -> None:
    assert find_paywalled(page(ld({**ARTICLE, "isAccessibleForFree": declared}))) is expected


def test_nothing_declared_is_unknown() -> None:
    assert find_paywalled(page(ld(ARTICLE), "<p>Text</p>")) is None


def test_a_paywalled_part_in_has_part() -> None:
    part = {"@type": "WebPageElement", "isAccessibleForFree": "False", "cssSelector": ".paid"}
    assert find_paywalled(page(ld({**ARTICLE, "hasPart": [part]}))) is True


def test_inside_a_graph_with_an_id_reference() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "#site", "name": "Site"},
            {**ARTICLE, "isAccessibleForFree": False, "isPartOf": {"@id": "#site"}},
        ],
    }
    assert find_paywalled(page(ld(graph))) is True


def test_an_offer_elsewhere_on_the_page_is_not_the_article() -> None:
    product = {"@type": "Product", "name": "Subscription", "isAccessibleForFree": False}
    assert find_paywalled(page(ld(product) + ld(ARTICLE))) is None


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<meta itemprop="isAccessibleForFree" content="false">', True),
        ('<link itemprop="isAccessibleForFree" href="https://schema.org/True">', False),
        ('<span itemprop="isAccessibleForFree">False</span>', True),
    ],
)
def test_microdata(markup: str, expected: bool) -> None:
    body = f'<article itemscope itemtype="https://schema.org/NewsArticle">{markup}</article>'
    assert find_paywalled(page(body=body)) is expected


def test_extract_page_reports_the_paywall_and_the_word_count() -> None:
    html = (
        "<html><head><title>A paid story</title>"
        + ld({**ARTICLE, "isAccessibleForFree": False})
        + "</head><body><article><h1>A paid story</h1>"
        + "".join(f"<p>Paragraph {n} of the story has exactly nine words.</p>" for n in range(6))
        + "</article></body></html>"
    )
    article = extract_page(html.encode(), "https://news.example/paid")
    assert article.paywalled is True
    assert article.words == len(article.text.split()) == 54
    assert article.to_dict()["paywalled"] is True
