"""The Atom feed of editions: valid for feedparser, stable ids, deterministic bytes."""

from __future__ import annotations

from pathlib import Path

import feedparser
from typer.testing import CliRunner

from deskkit import EN_SOURCES, full_project, write_project
from digest.cli import app
from digest.feed import stable_id

runner = CliRunner()
LATER = (
    "  - url: https://late.example.org/x\n    added: 2026-12-02\n    theme: Social as an ambition\n"
)


def build_feed(path: Path, *args: str) -> feedparser.FeedParserDict:
    result = runner.invoke(app, ["--sources", str(path), "build", "--format", "atom", *args])
    assert result.stdout.startswith("Wrote "), result.output
    return feedparser.parse((path.parent / "digests" / "feed.xml").read_bytes())


def test_feed_parses_with_one_entry_per_edition(tmp_path: Path) -> None:
    path = full_project(tmp_path)
    path.write_text(EN_SOURCES + LATER)
    feed = build_feed(path, "--all")
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Cities, citizens and technologies"
    assert feed.feed.id == stable_id("Cities, citizens and technologies")
    assert [e.title for e in feed.entries] == [
        "Cities, citizens and technologies — 30 November – 6 December 2026",
        "Cities, citizens and technologies — 23–29 November 2026",
    ]
    assert [e.updated for e in feed.entries] == ["2026-12-02T00:00:00Z", "2026-11-25T00:00:00Z"]
    assert feed.feed.updated == "2026-12-02T00:00:00Z"
    older = feed.entries[1]
    assert older.link == "2026-W48.html"
    assert older.content[0].type == "text/html"
    assert "The state must become a platform for its citizens." in older.content[0].value
    assert "<h2" in older.content[0].value


def test_feed_ids_are_stable_across_builds_and_new_editions(tmp_path: Path) -> None:
    path = full_project(tmp_path)
    first = build_feed(path, "--edition", "2026-W48")
    first_bytes = (tmp_path / "digests" / "feed.xml").read_bytes()
    assert [e.id for e in first.entries] == [
        stable_id("Cities, citizens and technologies", "2026-W48")
    ]
    again = build_feed(path, "--edition", "2026-W48")
    assert (tmp_path / "digests" / "feed.xml").read_bytes() == first_bytes
    assert [e.id for e in again.entries] == [e.id for e in first.entries]
    path.write_text(EN_SOURCES + LATER)
    later = build_feed(path, "--edition", "2026-W49")
    assert [e.id for e in later.entries][1:] == [e.id for e in first.entries]
    assert len({e.id for e in later.entries}) == 2


def test_feed_stops_at_the_edition_asked_for(tmp_path: Path) -> None:
    path = write_project(tmp_path, EN_SOURCES + LATER)
    feed = build_feed(path, "--edition", "2026-W48")
    assert [e.id for e in feed.entries] == [
        stable_id("Cities, citizens and technologies", "2026-W48")
    ]


def test_feed_links_are_absolute_with_a_self_link_and_the_curator_as_author(
    tmp_path: Path,
) -> None:
    text = EN_SOURCES.replace(
        "  language: en\n",
        "  language: en\n  url: https://review.example.org/digests\n  author: Jane Curator\n",
    )
    path = full_project(tmp_path)
    path.write_text(text + LATER)
    feed = build_feed(path, "--all")
    assert not feed.bozo, feed.bozo_exception
    assert [(link.rel, link.type, link.href) for link in feed.feed.links] == [
        ("self", "application/atom+xml", "https://review.example.org/digests/feed.xml"),
        ("alternate", "text/html", "https://review.example.org/digests/"),
    ]
    assert feed.feed.author == "Jane Curator"
    assert [e.link for e in feed.entries] == [
        "https://review.example.org/digests/2026-W49.html",
        "https://review.example.org/digests/2026-W48.html",
    ]
    assert [e.id for e in feed.entries] == [
        stable_id("Cities, citizens and technologies", "2026-W49"),
        stable_id("Cities, citizens and technologies", "2026-W48"),
    ]


def test_without_a_public_address_the_title_signs_the_feed(tmp_path: Path) -> None:
    feed = build_feed(full_project(tmp_path), "--edition", "2026-W48")
    assert feed.feed.author == "Cities, citizens and technologies"
    assert [link.rel for link in feed.feed.get("links", [])] == []
