"""`digest import`: what a curator already collected, as candidates in the inbox.

Formats: a browser's bookmarks export (Netscape HTML; folders hint at themes), Pocket's CSV
export (title,url,time_added,tags,status; tags hint at themes), an OPML list (its feeds go into
`feeds:` of sources.yaml) and a plain list of URLs. Every file is read and checked before
anything is written: a bad file stops the import with its name and line (exit 2).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from digest.config import Project
from digest.errors import UsageError
from digest.inbox import Suggestion, suggest
from digest.store import Store

FORMATS = ("auto", "bookmarks", "pocket", "opml", "urls")
POCKET_COLUMNS = ("title", "url", "time_added", "tags", "status")


@dataclass
class Collected:
    """What one file holds: links (as suggestions) or feeds, and what was left out."""

    name: str  # the file's name, or "stdin"
    format: str
    links: list[Suggestion] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    without_link: int = 0  # entries with no http(s) link (javascript:, place:, empty)


@dataclass
class FileReport:
    """What became of one file."""

    collected: Collected
    new: int = 0
    listed: int = 0
    known: int = 0
    feeds_added: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The file's report as a JSON object."""
        c = self.collected
        return {
            "file": c.name, "format": c.format, "links": len(c.links), "new": self.new,
            "listed": self.listed, "known": self.known, "without_link": c.without_link,
            "feeds": c.feeds, "feeds_added": self.feeds_added,
        }  # fmt: skip


def read(name: str, data: bytes, fmt: str = "auto") -> Collected:
    """The links or feeds of one file; UsageError naming the file (and line) if it is wrong."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{name}: not UTF-8 (byte {exc.start}); save it as UTF-8") from None
    if fmt == "auto":
        fmt = detect(name, text)
    reader = {"bookmarks": _bookmarks, "pocket": _pocket, "opml": _opml, "urls": _urls}[fmt]
    collected = reader(name, text)
    if not collected.links and not collected.feeds:
        raise UsageError(f"{name}: {_EMPTY[fmt]}; nothing was imported")
    return collected


_EMPTY = {
    "bookmarks": "a bookmarks export with no http(s) link (<A HREF=...>)",
    "pocket": "a Pocket export with no http(s) URL",
    "opml": "an OPML list with no feed",
    "urls": "no http(s) URL",
}


def detect(name: str, text: str) -> str:
    """The format of a file, from its name and first bytes."""
    head = text[:4096].lstrip().lower()
    if name.lower().endswith(".opml") or "<opml" in head:
        return "opml"
    if "netscape-bookmark-file" in head or ("<dl" in head and "<a " in head):
        return "bookmarks"
    first = head.splitlines()[0] if head else ""
    if name.lower().endswith(".csv") or ("url" in first.split(",") and "," in first):
        return "pocket"
    return "urls"


def run(project: Project, store: Store, files: Sequence[Collected]) -> list[FileReport]:
    """Put the links of every file in the inbox and the feeds of OPML lists under `feeds:`."""
    from digest import edits

    reports: list[FileReport] = []
    for collected in files:
        report = FileReport(collected)
        if collected.feeds:
            project, report.feeds_added = edits.add_feeds(project.path, collected.feeds)
        if collected.links:
            result = suggest(project, store, collected.links, collected.name)
            report.new, report.listed, report.known = len(result.new), result.listed, result.known
        reports.append(report)
    return reports


# ---------------------------------------------------------------------- the formats


class _BookmarksParser(HTMLParser):
    """Netscape bookmarks: <DL> opens a folder named by the <H3> before it; <A> is a link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.folders: list[str | None] = []
        self.heading: str | None = None  # the <H3> waiting for its <DL>
        self.in_heading = False
        self.link: dict[str, str | None] | None = None
        self.links: list[tuple[str, str, str | None, str | None]] = []  # href, title, date, folder

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h3":
            self.in_heading, self.heading = True, ""
        elif tag == "dl":
            self.folders.append(self.heading)
            self.heading = None
        elif tag == "a":
            self.link = {**dict(attrs), "text": ""}

    def handle_endtag(self, tag: str) -> None:
        if tag == "h3":
            self.in_heading = False
        elif tag == "dl" and self.folders:
            self.folders.pop()
        elif tag == "a" and self.link is not None:
            folder = next((f for f in reversed(self.folders) if f), None)
            self.links.append(
                (self.link.get("href") or "", self.link["text"] or "", self.link.get("add_date"),
                 folder)
            )  # fmt: skip
            self.link = None

    def handle_data(self, data: str) -> None:
        if self.in_heading and self.heading is not None:
            self.heading += data
        elif self.link is not None:
            self.link["text"] = (self.link["text"] or "") + data


def _bookmarks(name: str, text: str) -> Collected:
    parser = _BookmarksParser()
    parser.feed(text)
    parser.close()
    collected = Collected(name, "bookmarks")
    for href, title, added, folder in parser.links:
        if not _is_http(href):
            collected.without_link += 1
            continue
        collected.links.append(
            Suggestion(href.strip(), title.strip() or None, None, _timestamp(added), folder)
        )
    return collected


def _pocket(name: str, text: str) -> Collected:
    rows = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(rows, [])]
    if "url" not in header or "title" not in header:
        raise UsageError(
            f"{name}:1: not a Pocket export: its columns are {','.join(header) or '(none)'}; "
            f"expected {','.join(POCKET_COLUMNS)}"
        )
    collected = Collected(name, "pocket")
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        values = dict(zip(header, row, strict=False))
        url = values.get("url", "").strip()
        if not _is_http(url):
            collected.without_link += 1
            continue
        tags = [t.strip() for t in values.get("tags", "").split("|") if t.strip()]
        collected.links.append(
            Suggestion(
                url,
                values.get("title", "").strip() or None,
                None,
                _timestamp(values.get("time_added")),
                tags[0] if tags else None,
            )
        )
    return collected


def _opml(name: str, text: str) -> Collected:
    from digest.feeds import read_opml

    try:
        feeds = read_opml(text.encode("utf-8"), name)
    except ValueError as exc:
        raise UsageError(f"{exc}; nothing was imported") from None
    return Collected(name, "opml", feeds=[url for url, _ in feeds])


def _urls(name: str, text: str) -> Collected:
    collected = Collected(name, "urls")
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        url = stripped.split()[0]
        if not _is_http(url):
            raise UsageError(
                f"{name}:{number}: '{url[:80]}' is not an http(s) URL; nothing was imported"
            )
        collected.links.append(Suggestion(url))
    return collected


def _is_http(url: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _timestamp(value: str | None) -> str | None:
    """A Unix time (bookmarks' ADD_DATE, Pocket's time_added) as an ISO datetime in UTC."""
    if not value or not value.strip().isdigit():
        return None
    seconds = int(value.strip())
    if seconds > 10**11:  # some browsers write microseconds
        seconds //= 1_000_000
    try:
        return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def read_file(name: str, stdin: Any = None) -> bytes:
    """A file's bytes, or standard input's for '-'; UsageError when it cannot be read."""
    if name == "-":
        return bytes(stdin.read()) if stdin is not None else b""
    try:
        return Path(name).read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{name}: no such file") from None
    except OSError as exc:
        raise UsageError(f"{name}: cannot read: {exc.strerror}") from None
