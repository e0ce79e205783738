"""Small pages for the extraction cascade tests."""

from __future__ import annotations

import json

from digest.extract.page import ParsedPage, parse_page

URL = "https://www.petitjournal.example/2024/03/article"


def page(head: str = "", body: str = "", lang: str = "en") -> ParsedPage:
    """A page at URL with this head and body."""
    html = f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>'
    return parse_page(html, URL)


def ld(obj: object) -> str:
    """A JSON-LD script element holding obj."""
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'
