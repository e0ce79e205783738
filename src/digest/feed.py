"""An Atom feed of the editions, so that readers can subscribe. Pure: editions in, XML out.

Ids are derived from the review's title and the edition's key, never from the time of the build,
so that a reader's feed client sees an edition once however often it is rebuilt; timestamps come
from the editions themselves so that the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from digest import webtext
from digest.render import EditionData, render_fragment

ATOM = "http://www.w3.org/2005/Atom"
GENERATOR = "digest"


@dataclass(frozen=True)
class FeedEntry:
    """One edition in the feed, with the date it was last changed."""

    edition: EditionData
    updated: dt.date
    link: str | None = None  # where the edition is published (relative to the feed), if known


def stable_id(title: str, key: str | None = None) -> str:
    """A URN that stays the same for a review (and one of its editions) across builds."""
    name = f"digest:{title}" + (f":{key}" if key else "")
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def render_atom(
    title: str,
    language: str,
    entries: Sequence[FeedEntry],
    *,
    base_url: str | None = None,
    author: str | None = None,
    feed_name: str = "feed.xml",
) -> str:
    """The feed of `entries`, newest first, as Atom 1.0.

    With `base_url` (the public address of the digests, `digest.url`) every link is absolute
    and the feed names itself (rel="self"), as feed readers expect; without it links stay
    relative to the feed, and `check` says so.
    """
    ET.register_namespace("", ATOM)
    ordered = sorted(entries, key=lambda e: e.edition.key, reverse=True)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": language})
    _sub(feed, "id", stable_id(title))
    _sub(feed, "title", title)
    updated = max((e.updated for e in ordered), default=dt.date(1970, 1, 1))
    _sub(feed, "updated", _stamp(updated))
    if base_url:
        _link(feed, "self", "application/atom+xml", urljoin(base_url, feed_name))
        _link(feed, "alternate", "text/html", base_url)
    _sub(_sub(feed, "author"), "name", author or title)
    _sub(feed, "generator", GENERATOR)
    for entry in ordered:
        edition = entry.edition
        node = _sub(feed, "entry")
        _sub(node, "id", stable_id(title, edition.key))
        _sub(node, "title", f"{edition.title} — {edition.dates}")
        _sub(node, "updated", _stamp(entry.updated))
        if entry.link:
            link = urljoin(base_url, entry.link) if base_url else entry.link
            _link(node, "alternate", "text/html", link)
        content = _sub(node, "content", render_fragment(edition))
        content.set("type", "html")
    ET.indent(feed, space="  ")
    # Readers reject a whole feed for one character that XML 1.0 forbids.
    body = webtext.xml_safe(ET.tostring(feed, encoding="unicode"))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"


def _link(parent: ET.Element, rel: str, kind: str, href: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"rel": rel, "type": kind, "href": href})


def _sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    if text is not None:
        node.text = text
    return node
