"""Title, publication and canonical URL cascades, keeping where each value came from.

Authors live in `authors`, the publication date in `dates`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from copy import deepcopy
from functools import cache

from lxml.html import HtmlElement

from digest.extract import lexicon
from digest.extract.nodes import clean_text, compact_key, folded, in_aside, text_of
from digest.extract.page import ParsedPage
from digest.models import Origin, OriginKind

Found = tuple[str, Origin]  # (value, where it came from)

_JSON_LD = Origin(OriginKind.JSON_LD)
_H1 = Origin(OriginKind.PAGE, "h1")

_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|«|/|:)\s+")
_BREADCRUMB_ARROWS = ("»",)
# The end of a label before a title: "Kultur | ", "08.11.2021 - ", "Brexit: ".
_LABEL_END = re.compile(r"\w\W*(?:\s(?:\||-|–|—|::|·|•|»|/)|:)\s+$")


# --- title -------------------------------------------------------------------------------


def find_title(page: ParsedPage, sitenames: list[str]) -> Found | None:
    """The headline without the site suffix, preferring what the page shows in a heading."""
    candidates = [(strip_site(v, sitenames, page.host), o) for v, o in _title_candidates(page)]
    if not candidates:
        return None
    headings = [without_media_label(_visible_text(h)) for h in page.tree.iter("h1", "h2")][:12]
    headings = [h for h in headings if 3 <= len(h) <= 400]
    keys = {folded(h) for h in headings}
    declared = [(v, o) for v, o in candidates if o != _H1]
    for h1 in page.tree.iter("h1"):
        if not in_aside(h1) and not _in_site_header(h1):
            headline = _headline_without_kicker(h1, declared)
            if headline:
                return headline
    for value, origin in declared:
        if folded(value) in keys:
            return value, origin
    for value, _origin in declared:
        # A title that is a visible heading plus a site name we did not recognise, or after
        # a label the heading does not show ("08.11.2021 | Online-Fachtag …").
        for heading in headings:
            key = folded(heading)
            if len(key) > 10 and folded(value).startswith(key) and key != folded(value):
                return heading, Origin(OriginKind.PAGE, "heading")
        for heading in headings:
            if len(folded(heading)) > 10 and _after_separator(folded(value), folded(heading)):
                return heading, Origin(OriginKind.PAGE, "heading")
    # The metadata says one thing and the page shows another headline (SEO titles): the
    # visible one is what readers cite, if the <h1> looks like a headline and not a logo.
    reference = declared[0][0] if declared else ""
    for h1 in page.tree.iter("h1"):
        text = _visible_text(h1)
        if text and not in_aside(h1) and not _in_site_header(h1):
            if _looks_like_headline(text, reference) and not _contradicted(text, declared, page):
                return without_media_label(text), _H1
            break
    return candidates[0]


# Elements a reader does not see: screen-reader text, a separator shown only to crawlers.
_HIDDEN = re.compile(
    r"visually-?hidden|sr-only|screen-reader|element-invisible|(?:^|\s)(?:invisible|hidden)(?:\s|$)",
    re.IGNORECASE,
)
_PART_EDGES = " \t\n|:–—-·•»«/"
_SEPARATOR_MARKS = "|:–—-·•/"
# Inline emphasis inside a headline is typography, not a kicker of its own.
_EMPHASIS = {"b", "i", "em", "strong", "u", "mark", "q", "cite"}


def _headline_without_kicker(h1: HtmlElement, declared: list[Found]) -> Found | None:
    """The headline of an <h1> printed as a kicker (Dachzeile, section label) above the title.

    "<h1><span>Klimaschutz</span> Bohren, bis es heiß wird</h1>": the metadata settles that the
    second piece is the headline, by naming it alone or by joining the two pieces with a
    separator that the page itself does not print ("Klimaschutz: Bohren, …", shown on two
    lines). A separator printed between them ("Editor's Letter: …") makes them one title, and
    a piece after the title is a subtitle, which some titles keep: neither is cut.
    """
    pieces = _heading_pieces(h1)
    words = [piece for piece in pieces or () if piece.strip(_PART_EDGES)]
    if pieces is None or len(words) != 2:
        return None
    kicker, title = (folded(piece.strip(_PART_EDGES)) for piece in words)
    for value, origin in declared:
        if folded(value) == title:
            return value, origin
    printed_separator = any(piece.strip(_SEPARATOR_MARKS) != piece for piece in pieces)
    if printed_separator or not kicker or len(kicker) >= len(title):
        return None
    for value, _origin in declared:
        key = folded(value)
        for first, second in ((kicker, title), (title, kicker)):
            if key.startswith(first) and key.endswith(second) and len(key) > len(first + second):
                joint = key[len(first) : -len(second)].strip()
                if _TITLE_SEPARATORS.fullmatch(f" {joint} "):
                    return words[1].strip(_PART_EDGES), Origin(OriginKind.PAGE, "h1 after kicker")
    return None


def _visible_text(heading: HtmlElement) -> str:
    """A heading's text without what only screen readers get ("… | FASSETTE.NET" hidden)."""
    hidden = [el for el in heading.iterdescendants() if _HIDDEN.search(f"{el.get('class') or ''}")]
    if not hidden:
        return text_of(heading)
    copy = deepcopy(heading)
    for el in copy.iterdescendants():
        if _HIDDEN.search(f"{el.get('class') or ''}"):
            el.drop_tree()
    return text_of(copy)


def _heading_pieces(h1: HtmlElement) -> list[str] | None:
    """The visible pieces of a heading, its text runs and child elements; None for inline markup."""
    el = h1
    while len(el) == 1 and not (el.text or "").strip() and not (el[0].tail or "").strip():
        el = el[0]  # a wrapper: <h1><span class="title"><small>…</small><br>…</span></h1>
    pieces = [el.text or ""]
    for child in el:
        if child.tag in _EMPHASIS:
            return None
        names = f"{child.get('class') or ''} {child.get('id') or ''}"
        if child.tag not in ("br", "style", "script") and not _HIDDEN.search(names):
            pieces.append(text_of(child))
        pieces.append(child.tail or "")
    cleaned = (clean_text(piece) for piece in pieces)
    return [piece for piece in cleaned if piece]


def _after_separator(value: str, key: str) -> bool:
    """Whether `value` is `key` after a shorter leading label and a title separator."""
    if not value.endswith(key) or len(key) <= len(value) - len(key):
        return False
    return bool(_LABEL_END.search(value[: -len(key)]))


# Classes naming an article's headline, which a theme may put in a <header> of its own.
_HEADLINE_MARK = re.compile(r"headline|entry-title|post-title|article-title", re.IGNORECASE)


def _in_site_header(el: HtmlElement) -> bool:
    """In the site's navigation or masthead (a <header> outside any <article>)."""
    if _HEADLINE_MARK.search(el.get("class") or ""):
        return False
    parent = el.getparent()
    in_header = False
    while parent is not None:
        if parent.tag == "article":
            return False
        in_header = in_header or parent.tag in ("header", "nav")
        parent = parent.getparent()
    return in_header


def _contradicted(text: str, declared: list[Found], page: ParsedPage) -> bool:
    """Whether the page prints the declared title in a heading of its own, sharing no word with `text`.

    A blog's tagline in the first <h1> ("Wann, wenn nicht jetzt...") or a newsletter box
    ("Recevez les alertes …") is no headline when another heading shows the article's title.
    """
    if not declared or len(folded(declared[0][0])) <= 10:
        return False
    title = folded(declared[0][0])
    words = set(re.findall(r"\w{4,}", text.casefold()))
    if words & set(re.findall(r"\w{4,}", title)):
        return False
    return any(
        title in folded(text_of(h)) and not in_aside(h) for h in page.tree.iter("h1", "h2", "h3")
    )


def _looks_like_headline(text: str, reference: str) -> bool:
    words = text.split()
    if len(words) >= 4 and len(text) <= 300:
        return True
    shared = {w for w in re.findall(r"\w{4,}", text.casefold())} & set(
        re.findall(r"\w{4,}", reference.casefold())
    )
    return len(words) >= 2 and bool(shared)


def _title_candidates(page: ParsedPage) -> Iterator[Found]:
    for obj in page.articles():
        for key in ("headline", "name"):
            value = obj.get(key)
            if isinstance(value, str) and value.strip():
                yield clean_text(value), _JSON_LD
                break
    for key, origin in (
        ("og:title", "OpenGraph"),
        ("twitter:title", "Twitter card"),
        ("citation_title", "citation_title"),
        ("dc.title", "Dublin Core"),
        ("parsely-title", "parsely"),
        ("sailthru.title", "sailthru"),
        ("title", "meta title"),
    ):
        found = page.first_meta(key)
        if found:
            yield clean_text(found[1]), Origin(OriginKind.META, origin)
    title = page.tree.find(".//title")
    if title is not None and text_of(title):
        yield text_of(title), Origin(OriginKind.PAGE, "<title>")
    for h1 in page.tree.iter("h1"):
        if _visible_text(h1):
            yield _visible_text(h1), _H1
            break


_MEDIA_LABEL = re.compile(r"\s+[\[(]\s*(\w+)\s*[\])]\s*$")


@cache
def _media_labels() -> frozenset[str]:
    return frozenset(word for lex in lexicon.every_language() for word in lex.names.media_labels)


def without_media_label(title: str) -> str:
    """A title without a trailing "[Watch]" or "(video)" that announces the page's media."""
    label = _MEDIA_LABEL.search(title)
    if label and label.group(1).casefold() in _media_labels():
        return title[: label.start()]
    return title


def strip_site(title: str, sitenames: list[str], host: str) -> str:
    """Remove a leading or trailing site name ("… | CNN", "Le Monde - …") from a title."""
    title = without_media_label(title)
    parts = _TITLE_SEPARATORS.split(title)
    seps = _TITLE_SEPARATORS.findall(title)
    if len(parts) < 2:
        return title
    keys = {compact_key(s) for s in sitenames if s and compact_key(s)}
    host_labels = [compact_key(label) for label in host.split(".") if len(label) > 2]

    def is_site(part: str) -> bool:
        key = compact_key(part)
        if not key:
            return False
        if key in keys or any(key in h or h in key for h in host_labels if len(key) >= 3):
            return True
        return any(len(k) >= 4 and (key.startswith(k) or k.startswith(key)) for k in keys)

    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
        seps.pop()
    # "Title : Krimiblog-Archiv | Ermittlungen zum Verfall eines Genres": the site's name and,
    # after it, its slogan.
    cut = next((i for i in range(1, len(parts) - 1) if is_site(parts[i])), None)
    if cut is not None:
        parts, seps = parts[:cut], seps[: cut - 1]
    leading_site = False
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
        seps.pop(0)
        leading_site = True
    if leading_site and seps and all(sep.strip() in _BREADCRUMB_ARROWS for sep in seps):
        # "Site » Blog Archiv » The title": a breadcrumb from the site down to the page.
        return parts[-1].strip()
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=False):
        out += sep + part
    return without_media_label(out.strip())


# --- publication -------------------------------------------------------------------------


def find_publication(page: ParsedPage) -> Found | None:
    """The outlet's name: JSON-LD publisher, og:site_name, application-name, then the host."""
    for obj in page.articles():
        name = _name_of(obj.get("publisher"))
        if name:
            return name, Origin(OriginKind.JSON_LD, "publisher")
    for obj in page.of_type("NewsMediaOrganization", "Organization", "WebSite"):
        name = _name_of(obj)
        if name and not _URLISH.match(name) and not _is_person(obj):
            return name, Origin(OriginKind.JSON_LD, str(obj.get("@type")))
    for key, origin in (
        ("og:site_name", "og:site_name"),
        ("application-name", "application-name"),
        ("citation_journal_title", "citation_journal_title"),
        ("dc.publisher", "Dublin Core"),
    ):
        found = page.first_meta(key)
        if found and len(found[1]) < 100:
            return clean_text(found[1]), Origin(OriginKind.META, origin)
    suffix = _site_in_title(page)
    if suffix:
        return suffix, Origin(OriginKind.PAGE, "<title> suffix")
    if page.host:
        return page.host, Origin(OriginKind.URL)
    return None


def _site_in_title(page: ParsedPage) -> str | None:
    """The site's own spelling of its name, when the <title> ends with one that the host names.

    "The care workers … | The Commons Weekly" on commonsweekly.example gives "The Commons
    Weekly", better than the bare host; a segment unrelated to the host is never taken.
    """
    element = page.tree.find(".//title")
    title = text_of(element) if element is not None else ""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return None
    labels = [compact_key(label) for label in page.host.split(".")[:-1] if len(label) > 3]
    for part in (parts[-1], parts[0]):
        key = compact_key(part)
        if (
            len(key) >= 4
            and len(part) < 60
            and any(key == h or key in h or h in key for h in labels)
        ):
            return clean_text(part)
    return None


_URLISH = re.compile(r"^(?:https?://|www\.)", re.IGNORECASE)


def _is_person(obj: dict[str, object]) -> bool:
    # A personal blog's Yoast graph types its owner ["Person", "Organization"]: a person.
    kinds = obj.get("@type")
    return "person" in str(kinds).lower()


def _name_of(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and value.strip() and len(value) < 100:
        return clean_text(value)
    return None


def site_names(page: ParsedPage) -> list[str]:
    """Every name the page gives its site, used to strip suffixes and organisation bylines."""
    names: list[str] = []
    for obj in page.articles():
        name = _name_of(obj.get("publisher"))
        if name:
            names.append(name)
    for obj in page.of_type("NewsMediaOrganization", "Organization", "WebSite"):
        name = _name_of(obj)
        if name and not _is_person(obj):
            names.append(name)
    for key in ("og:site_name", "application-name", "twitter:site", "al:ios:app_name"):
        for value in page.meta.get(key, ()):
            names.append(value.strip().lstrip("@"))
    return [n for n in names if n]


# --- canonical URL -----------------------------------------------------------------------


def find_canonical(page: ParsedPage) -> str | None:
    """<link rel=canonical>, then og:url."""
    for link in page.tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return (link.get("href") or "").strip()
    found = page.first_meta("og:url")
    return found[1] if found else None
