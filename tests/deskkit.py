"""Fixtures for the curator's desk tests: a review written for the project, and a store filled
through the store's own API (no fetching)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from digest.models import Article, Origin, Page, Quote
from digest.models import OriginKind as K
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
        "title": Origin(K.JSON_LD),
        "authors": Origin(K.META, "meta author"),
        "publication": Origin(K.META, "og:site_name"),
        "published": Origin(K.JSON_LD),
        "language": Origin(K.META, "html lang"),
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
    origins={
        "title": Origin(K.META, "OpenGraph"),
        "authors": Origin(K.JSON_LD),
        "publication": Origin(K.JSON_LD, "publisher"),
    },
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
    origins={
        "title": Origin(K.PAGE, "<title>"),
        "publication": Origin(K.META, "og:site_name"),
        "language": Origin(K.PAGE, "langid"),
    },
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


FR_SOURCES = """\
digest:
  title: "Villes, citoyens et technologies"
  language: fr
  themes:
    - L'innovation et la ville
    - Le social comme ambition

editions:
  2026-W49:
    title: "Revue n° 2 : l'intelligence des villes"
    intro: |
      Cette semaine : 12 000 lecteurs, 50 % de plus qu'en octobre ! Merci "à tous".
    outro: |
      Nos actions :

      1. lire ;
      2. écrire moins.

sources:
  - url: https://www.exemple.fr/2026/12/france-moche.html
    added: 2026-12-01
    theme: L'innovation et la ville
    comment: Au-delà des clichés sur la France rurale, un regard sur les villes qui "marchent" !
    quote: "C'est aussi une France où l'on est vendeur chez Patapain."
  - url: https://news.example.org/2026/12/why-cities-fail
    added: 2026-12-02
    theme: Le social comme ambition
    comment: Un article en anglais, cité dans une édition française.
  - url: https://revue.exemple.fr/entretien
    added: 2026-12-03
"""

FRANCE_MOCHE = Article(
    url="https://www.exemple.fr/2026/12/france-moche.html",
    title="De la France moche à la France morte ?",
    authors=("Jean-Laurent Cassely",),
    publication="Exemple",
    published="2026-12-01",
    language="fr",
    text="C'est aussi une France où l'on est vendeur chez Patapain. La vie continue.",
    quotes=(
        Quote(
            "C'est aussi une France où l'on est vendeur chez Patapain.", None, "key_sentence", 0.7
        ),
    ),  # fmt: skip
    origins={
        "title": Origin(K.JSON_LD),
        "authors": Origin(K.JSON_LD),
        "language": Origin(K.META, "html lang"),
    },
)

WHY_CITIES_FAIL = Article(
    url="https://news.example.org/2026/12/why-cities-fail",
    title="Why cities fail: it's the people, stupid?",
    authors=("Ann Lee", "Bo Chen", "Cy Diaz"),
    publication="Example News",
    published="2026-12-02",
    language="en",
    text='"Cities fail when they stop listening," says Ann Lee. That is all.',
    quotes=(Quote("Cities fail when they stop listening", "Ann Lee", "direct", 0.9),),
    origins={
        "title": Origin(K.META, "OpenGraph"),
        "authors": Origin(K.JSON_LD),
        "language": Origin(K.PAGE, "langid"),
    },
)

ENTRETIEN = Article(
    url="https://revue.exemple.fr/entretien",
    title="Entretien : « la ville doit écouter »",
    authors=("Revue Exemple",),
    publication="Revue Exemple",
    published="2026-12-03",
    language="fr",
    text="« La ville doit écouter ses habitants », affirme Claude Rochet. Puis il se tait.",
    quotes=(Quote("La ville doit écouter ses habitants", "Claude Rochet", "direct", 0.8),),
    origins={
        "title": Origin(K.PAGE, "<title>"),
        "authors": Origin(K.JSON_LD),
        "language": Origin(K.META, "html lang"),
    },
)


def golden_outputs(folder: Path) -> dict[str, str]:
    """Build the English and the French editions; return each golden file's name and text."""
    from digest import build, config

    outputs: dict[str, str] = {}
    cases = [
        ("en", EN_SOURCES, "2026-W48", (SMALL_TOWNS, ROCHET, TALENT)),
        ("fr", FR_SOURCES, "2026-W49", (FRANCE_MOCHE, WHY_CITIES_FAIL, ENTRETIEN)),
    ]
    for name, text, key, found in cases:
        path = write_project(folder / name, text)
        project = config.load(path)
        articles = {a.url: a for a in found}
        for fmt, suffix in (("md", ".md"), ("html", ".html")):
            report = build.build(project, articles, [key], fmt=fmt)
            outputs[f"{name}{suffix}"] = report.written[0].read_text("utf-8")
    return outputs
