"""Fixtures for the curator's desk tests: a review written for the project, and a store filled
through the store's own API (no fetching)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from digest.models import Article, Page, Quote
from digest.store import FetchRecord, Store

EN_SOURCES = """\
# A review written for the tests. The curator's comments must survive every edit.
digest:
  title: "Cities, citizens and technologies"
  language: en
  themes:
    - Innovation and the city     # first section
    - Social as an ambition
    - Looking for social talents

editions:
  2026-W48:
    intro: |
      The recurring theme of this week is "human centricity": cities that listen.
    outro: |
      What we will do next:

      - read more;
      - write less.

sources:
  # Slate's piece on small towns
  - url: https://news.example.org/2026/11/small-towns.html
    added: 2026-11-23
    theme: Innovation and the city
    comment: Beyond clichés about the rural world, a look at the towns that "work".
    quote: "It is also a France where one is a salesperson for a bakery chain."
  - url: https://mag.example.net/interview-rochet?utm_source=newsletter
    added: 2026-11-24
    theme: Social as an ambition
    comment: An interview on the *state* as a platform.
    author: Claude Rochet interviewed by Jean François Fiorina
  - url: https://blog.example.com/talent
    added: 2026-11-25
"""

SMALL_TOWNS = Article(
    url="https://news.example.org/2026/11/small-towns.html",
    title="From ugly France to dead France?",
    authors=("Jean-Laurent Cassely",),
    publication="Example News",
    published="2026-11-20",
    language="en",
    text=(
        "The towns are changing. It is also a France where one is a salesperson for a bakery "
        'chain. "We don\'t give up," said the mayor, Anne Martin. Life goes on.'
    ),
    quotes=(
        Quote("We don't give up", "Anne Martin", "direct", 0.9),
        Quote(
            "It is also a France where one is a salesperson for a bakery chain.",
            None,
            "key_sentence",
            0.5,
        ),
    ),  # fmt: skip
    canonical_url="https://news.example.org/2026/11/small-towns.html",
    origins={
        "title": "JSON-LD",
        "authors": "meta author",
        "publication": "og:site_name",
        "published": "JSON-LD",
        "language": "html lang",
    },  # fmt: skip
)

ROCHET = Article(
    url="https://mag.example.net/interview-rochet?utm_source=newsletter",
    title="The state as a platform: an interview",
    authors=("MAG EXAMPLE",),
    publication="Mag Example",
    published="2026-11-18",
    language="en",
    text='Claude Rochet says: "The state must become a platform for its citizens." He adds more.',
    quotes=(
        Quote("The state must become a platform for its citizens.", "Claude Rochet", "direct", 0.8),
    ),  # fmt: skip
    origins={"title": "OpenGraph", "authors": "JSON-LD", "publication": "JSON-LD publisher"},
)

TALENT = Article(
    url="https://blog.example.com/talent",
    title="Looking for social talents in the...",
    authors=(),
    publication="Example Blog",
    published="2026-11-21",
    language="en",
    text=(
        'Social talents are rare. "We hire people who listen first," says Priya Nair, '
        'head of people. "Skills can be taught," she adds. Everyone agrees.'
    ),
    quotes=(
        Quote("We hire people who listen first", "Priya Nair", "direct", 0.85),
        Quote("Skills can be taught", "Priya Nair", "direct", 0.6),
    ),
    origins={"title": "<title>", "publication": "og:site_name", "language": "langid"},
)


def write_project(folder: Path, text: str = EN_SOURCES) -> Path:
    """Write sources.yaml into `folder` and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def store_article(
    folder: Path,
    article: Article | None,
    *,
    url: str | None = None,
    error: str | None = None,
    canonical: str | None = None,
) -> None:
    """Record a fetch of one source in the project's store, as `digest fetch` would."""
    url = url or (article.url if article else "")
    when = "2026-11-26T10:00:00+00:00"
    record = FetchRecord(
        url=url,
        outcome="failed" if error else "fetched",
        http_status=404 if error else 200,
        attempts=1,
        bytes=100,
        seconds=0.1,
        used=None if error else "live",
        error=error,
        fetched_at=when,
        final_url=url,
        canonical_url=canonical or (article.canonical_url if article else None),
    )
    page = None if error else Page(url, url, b"<html></html>", 200, "text/html", fetched_at=when)
    with Store.open(folder / ".digest") as store:
        store.save_item(record, page=page, article=article)


def full_project(folder: Path) -> Path:
    """The English review with its three sources fetched."""
    path = write_project(folder)
    for article in (SMALL_TOWNS, ROCHET, TALENT):
        store_article(folder, article)
    return path


TODAY = dt.date(2026, 11, 26)
