"""Metadata cascades: for each field, sources tried in order, keeping where the value came from."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

from lxml.html import HtmlElement

from digest.extract.bylines import fix_case, looks_like_name, normalise_authors, split_byline
from digest.extract.page import ParsedPage

Found = tuple[str, str]  # (value, origin)

_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|«|/|:)\s+")
_WS = re.compile(r"\s+")
_BYLINE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:by-?line|byline|author|authors|auteur|auteurs|autor|autoren|signature|"
    r"article-author|post-author|entry-author|writer|verfasser|creator|contributor)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_BYLINE_PREFIX = re.compile(
    r"^[\s|–-]*(?:(?:ein\s+(?:artikel|beitrag)\s+|text\s+|geschrieben\s+|verfasst\s+|written\s+|"
    r"un\s+article\s+|erstellt\s+|eingestellt\s+|posted\s+|(?:blog\s*)?beitrag\s+|"
    r"eine?\s+(?:kolumne|glosse|kommentar|reportage|analyse|gastbeitrag|interview)\s+)?"
    r"(?:by|par|von|por|door)\s+\S|(?:autor|autorin|auteur|author|text|texte|redaktion)\s*:\s*\S|"
    r"(?:autoren|auteurs|authors)\s+(?-i:[A-ZÄÖÜ]))",
    re.IGNORECASE,
)
# A label in its own element, the name in the next: "<b>Autor:</b> Fritz Imhof".
_BYLINE_LABEL = re.compile(
    r"^\s*(?:von|by|par|autor(?:in)?|author|auteur|text|texte|verfasst von|geschrieben von|"
    r"erstellt von|eingestellt von|posted by|written by|écrit par|interview|redaktion)\s*:?\s*$",
    re.IGNORECASE,
)
_SEPARATOR_NODE = re.compile(r"^(?:,|;|&|and|und|et|y)$", re.IGNORECASE)
# A name right after a date: "25.10.2022 - Reiner Nagel", "04.02.2022 | 13:10 Uhr | Uta Helkenberg"
_DATE_LED = re.compile(
    r"^\s*\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}(?:\s*[|,–-]?\s*\d{1,2}:\d{2}(?:\s*uhr)?)?\s*[|–-]\s*"
    r"(?:(?:von|autor(?:in)?|redaktion|text)\s*:?\s*)?"
    r"(\w[\w'’.-]+(?:\s+[\w'’.-]+){1,3})\s*(?:\([^)]*\))?\s*$",
    re.IGNORECASE,
)
_NOT_BYLINE_CLASS = re.compile(
    r"comment|avatar|bio|description|related|more|footer|share|social|image|img|"
    r"photo|box|card|list|widget|follow|email|subscribe|newsletter|teaser|recommend",
    re.IGNORECASE,
)
_MAX_BYLINE_CHARS = 200


# --- title -------------------------------------------------------------------------------


def find_title(page: ParsedPage, sitenames: list[str]) -> Found | None:
    """The headline without the site suffix, preferring what the page shows in a heading."""
    candidates = [(strip_site(v, sitenames, page.host), o) for v, o in _title_candidates(page)]
    if not candidates:
        return None
    headings = [_text(h) for h in page.tree.iter("h1", "h2")][:12]
    headings = [h for h in headings if 3 <= len(h) <= 400]
    keys = {_key(h) for h in headings}
    declared = [(v, o) for v, o in candidates if o != "h1"]
    for value, origin in declared:
        if _key(value) in keys:
            return value, origin
    for value, _origin in declared:
        # A title that is a visible heading plus a site name we did not recognise.
        for heading in headings:
            key = _key(heading)
            if len(key) > 10 and _key(value).startswith(key) and key != _key(value):
                return heading, "heading"
    # The metadata says one thing and the page shows another headline (SEO titles): the
    # visible one is what readers cite, if the <h1> looks like a headline and not a logo.
    reference = declared[0][0] if declared else ""
    for h1 in page.tree.iter("h1"):
        text = _text(h1)
        if text and not _in_aside(h1) and not _in_site_header(h1):
            if _looks_like_headline(text, reference):
                return text, "h1"
            break
    return candidates[0]


def _in_site_header(el: HtmlElement) -> bool:
    """In the site's navigation or masthead (a <header> outside any <article>)."""
    parent = el.getparent()
    in_header = False
    while parent is not None:
        if parent.tag == "article":
            return False
        in_header = in_header or parent.tag in ("header", "nav")
        parent = parent.getparent()
    return in_header


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
                yield _clean(value), "JSON-LD"
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
            yield _clean(found[1]), origin
    title = page.tree.find(".//title")
    if title is not None and _text(title):
        yield _text(title), "<title>"
    for h1 in page.tree.iter("h1"):
        if _text(h1):
            yield _text(h1), "h1"
            break


def strip_site(title: str, sitenames: list[str], host: str) -> str:
    """Remove a leading or trailing site name ("… | CNN", "Le Monde - …") from a title."""
    parts = _TITLE_SEPARATORS.split(title)
    seps = _TITLE_SEPARATORS.findall(title)
    if len(parts) < 2:
        return title
    keys = {_compact(s) for s in sitenames if s and _compact(s)}
    host_labels = [_compact(label) for label in host.split(".") if len(label) > 2]

    def is_site(part: str) -> bool:
        key = _compact(part)
        if not key:
            return False
        if key in keys or any(key in h or h in key for h in host_labels if len(key) >= 3):
            return True
        return any(len(k) >= 4 and (key.startswith(k) or k.startswith(key)) for k in keys)

    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
        seps.pop(0)
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=False):
        out += sep + part
    return out.strip()


# --- publication -------------------------------------------------------------------------


def find_publication(page: ParsedPage) -> Found | None:
    """The outlet's name: JSON-LD publisher, og:site_name, application-name, then the host."""
    for obj in page.articles():
        name = _name_of(obj.get("publisher"))
        if name:
            return name, "JSON-LD publisher"
    for obj in page.of_type("NewsMediaOrganization", "Organization", "WebSite"):
        name = _name_of(obj)
        if name and not _URLISH.match(name) and not _is_person(obj):
            return name, f"JSON-LD {obj.get('@type')}"
    for key, origin in (
        ("og:site_name", "og:site_name"),
        ("application-name", "application-name"),
        ("citation_journal_title", "citation_journal_title"),
        ("dc.publisher", "Dublin Core"),
    ):
        found = page.first_meta(key)
        if found and len(found[1]) < 100:
            return _clean(found[1]), origin
    suffix = _site_in_title(page)
    if suffix:
        return suffix, "<title> suffix"
    if page.host:
        return page.host, "host"
    return None


def _site_in_title(page: ParsedPage) -> str | None:
    """The site's own spelling of its name, when the <title> ends with one that the host names.

    "The care workers … | The Commons Weekly" on commonsweekly.example gives "The Commons
    Weekly", better than the bare host; a segment unrelated to the host is never taken.
    """
    element = page.tree.find(".//title")
    title = _text(element) if element is not None else ""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return None
    labels = [_compact(label) for label in page.host.split(".")[:-1] if len(label) > 3]
    for part in (parts[-1], parts[0]):
        key = _compact(part)
        if (
            len(key) >= 4
            and len(part) < 60
            and any(key == h or key in h or h in key for h in labels)
        ):
            return _clean(part)
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
        return _clean(value)
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


# --- authors -----------------------------------------------------------------------------

AuthorSource = Callable[[ParsedPage], object]


def _jsonld_authors(page: ParsedPage) -> object:
    for obj in page.articles():
        for key in ("author", "creator"):
            if obj.get(key):
                return page.resolve(obj[key])
    return None


def _meta(*keys: str) -> AuthorSource:
    def get(page: ParsedPage) -> object:
        values: list[str] = []
        for key in keys:
            values.extend(v for v in page.meta.get(key, ()) if v.strip())
            if values:
                return values
        return None

    return get


def _citation_authors(page: ParsedPage) -> object:
    # Scholarly tags write "Doe, Jane": one name per tag, family name first.
    values = [v.strip() for v in page.meta.get("citation_author", ()) if v.strip()]
    out = []
    for value in values:
        match = re.fullmatch(r"([^,]+),\s*([^,]+)", value)
        out.append(f"{match.group(2)} {match.group(1)}" if match else value)
    return out or None


def _microdata_authors(page: ParsedPage) -> object:
    names: list[str] = []
    for el in page.tree.xpath('//*[@itemprop="author" or @itemprop="creator"]')[:10]:
        if _in_aside(el):
            continue
        inner = el.xpath('.//*[@itemprop="name"]')
        if inner:
            names.append(inner[0].get("content") or _text(inner[0], " "))
        elif el.get("content"):
            names.append(el.get("content") or "")
        else:
            names.append(_text(el, " "))
    for el in page.tree.xpath('//a[@rel="author"]')[:10]:
        if not _in_aside(el):
            names.append(_text(el, " "))
    names = [n for n in names if n and len(n) <= _MAX_BYLINE_CHARS]
    # Many different names tagged as authors: a list of contributors, not this byline.
    return names[:1] if len(set(names)) > 4 else names or None


def _byline_element(page: ParsedPage) -> object:
    """An element whose class, id or itemprop says byline or author."""
    body = page.tree.find("body")
    if body is None:
        return None
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "img", "meta", "link"):
            continue
        attrs = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("itemprop"))))
        marked = el.tag == "byline" or bool(attrs and _BYLINE_CLASS.search(attrs))
        if not marked or _NOT_BYLINE_CLASS.search(attrs):
            continue
        if _in_aside(el):
            continue
        # Pieces in separate elements are separate parts: "<a>Jane Doe</a><span>Courier</span>"
        text = _text(el, " | ")
        if text and len(text) <= _MAX_BYLINE_CHARS and _has_name(text):
            return text
    return None


def _visible_byline(page: ParsedPage) -> object:
    """A byline in the text: after a label ("Autor:"), after a date, or "By Jane Doe"."""
    body = page.tree.find("body")
    if body is None:
        return None
    for text in _texts_after_labels(body):
        if _has_full_name(text):
            return text
    # "By Jane Doe" as a short paragraph near the headline.
    for el in body.iter("p", "span", "div", "address", "em", "strong", "small", "h5", "h6"):
        text = _text(el, " ")
        short = bool(text) and len(text) <= 120 and len(el) <= 4
        if short and _BYLINE_PREFIX.match(text) and _has_full_name(text):
            return text
    return None


def _has_name(text: str) -> bool:
    return any(looks_like_name(n) for n in split_byline(text))


def _has_full_name(text: str) -> bool:
    # Text on the page counts only with first and last name, as normalise_authors will ask.
    return any(looks_like_name(n) and len(n.split()) >= 2 for n in split_byline(text))


def _yoast_written_by(page: ParsedPage) -> object:
    # SEO plugins label a Twitter card field "Written by" / "Verfasst von" with the author.
    for i in ("1", "2"):
        label = " ".join(page.meta.get(f"twitter:label{i}", ())).lower()
        if re.search(r"written by|verfasst von|geschrieben von|écrit par|escrito por", label):
            return page.meta.get(f"twitter:data{i}") or None
    return None


def _author_links(page: ParsedPage) -> object:
    # A link to the author's page near the article: WordPress and most CMSs make one. Links
    # beside the first one (same parent) are its co-authors.
    links = [link for link in page.tree.xpath(_AUTHOR_LINK)[:20] if not _in_aside(link)]
    links = [link for link in links if 2 < len(_text(link, " ")) < 60]
    if not links:
        return None
    parent = links[0].getparent()
    return [_text(link, " ") for link in links if link.getparent() is parent][:5]


_AUTHOR_LINK = (
    "//body//a[contains(@href, '/author/') or contains(@href, '/autor/') or "
    "contains(@href, '/auteur/') or contains(@href, '/autoren/') or contains(@href, '/authors/')]"
)


def _texts_after_labels(body: HtmlElement) -> Iterator[str]:
    """Names printed after a byline label in its own element, or after a date."""
    nodes = [str(t).strip() for t in body.xpath(".//text()[not(ancestor::script) and "
                                                "not(ancestor::style)]")]  # fmt: skip
    nodes = [t for t in nodes if t]
    for i, node in enumerate(nodes):
        if (
            i + 1 < len(nodes)
            and len(node) < 25
            and _BYLINE_LABEL.match(node)
            and len(nodes[i + 1]) <= 80
        ):
            # Co-authors follow in their own elements, joined by separators: "A", ", ", "B".
            parts = [nodes[i + 1]]
            for following in nodes[i + 2 : i + 10]:
                joined = _SEPARATOR_NODE.match(parts[-1]) and len(following) <= 60
                if not (_SEPARATOR_NODE.match(following) or joined):
                    break
                parts.append(following)
            yield " ".join(parts)
        match = _DATE_LED.match(node) if len(node) <= 80 else None
        if match:
            yield match.group(1)


AUTHOR_SOURCES: list[tuple[str, AuthorSource]] = [
    ("JSON-LD", _jsonld_authors),
    ("meta author", _meta("author", "byl", "dc.creator", "dcterms.creator", "dc.contributor")),
    ("article:author", _meta("article:author", "og:article:author", "book:author")),
    ("citation_author", _citation_authors),
    ("parsely", _meta("parsely-author")),
    ("sailthru", _meta("sailthru.author")),
    ("twitter creator", _meta("twitter:creator")),
    ("twitter:data", _yoast_written_by),
    ("microdata", _microdata_authors),
    ("author link", _author_links),
    ("byline element", _byline_element),
    ("byline", _visible_byline),
]


def find_authors(
    page: ParsedPage, publication: str | None, body_text: str = ""
) -> tuple[list[str], str | None]:
    """The first source in the cascade whose byline yields personal names, and its name."""
    stated = _stated_writer(page, publication)
    if stated:
        return stated, "stated byline"
    for index, (origin, source) in enumerate(AUTHOR_SOURCES):
        raw = source(page)
        if not raw:
            continue
        names = normalise_authors(
            raw, publication=publication, host=page.host, structured=origin != "byline"
        )
        if len(names) >= 3 and all(" " not in n for n in names):
            continue  # a row of single words is a list of tags or sections, not a byline
        if names:
            names = _without_contributors(page, names)
            names = [_name_for_handle(page, name) for name in names]
            return _complete_first_names(page, names, index, publication), origin
    signature = _signature(body_text, publication, page.host)
    if signature:
        return [signature], "signature"
    return [], None


# A title line under a signature: capitalised words, no sentence punctuation.
_SIGNER_TITLE = re.compile(r"[^\W\d_][\w-]+(?:\s+[\w-]+){0,9}")


# "Ein Gastbeitrag von Jana Muster": the text says who wrote it, whoever posted it.
_STATED_WRITER = re.compile(
    r"^(?:(?:ein(?:e|en)?|a|un|une)\s+)?(?:(?:blog\s*)?beitrag|gastbeitrag|artikel|kolumne|glosse|"
    r"interview|kommentar|essay|reportage|guest\s+post|column|tribune)\s+(?:von|by|de|par)\s+",
    re.IGNORECASE,
)


def _stated_writer(page: ParsedPage, publication: str | None) -> list[str]:
    body = page.tree.find("body")
    if body is None:
        return []
    long_paragraphs = 0
    for el in body.iter("p", "em", "strong", "span", "div"):
        if el.tag != "p" and (len(el) > 4 or _longer_than(el, 400)):
            continue  # a wrapper, not a statement: skip it without reading its whole text
        text = _text(el, " ")
        if el.tag == "p" and len(text) > 150:
            long_paragraphs += 1
            if long_paragraphs > 1:
                break  # a statement of authorship opens the text; later ones are teasers
        match = _STATED_WRITER.match(text)
        if match is None and el.tag in ("strong", "em"):
            match = re.match(r"(?:von|by)\s+", text, re.IGNORECASE)
        if len(text) > 120 or len(el) > 4 or not match or _in_aside(el):
            continue
        written = text[match.end() :]
        names = normalise_authors(
            written, publication=publication, host=page.host, structured=False
        )
        if names:
            return names
    return []


def _signature(body_text: str, publication: str | None, host: str) -> str | None:
    """A name alone as the article's last paragraph: the signature of print journalism."""
    paragraphs = body_text.rsplit("\n\n", 2)
    if len(paragraphs) < 2:
        return None
    found = _signed(paragraphs[-1], publication, host)
    if found is None and len(paragraphs) == 3 and _SIGNER_TITLE.fullmatch(paragraphs[-1].strip()):
        found = _signed(paragraphs[-2], publication, host)  # the name, then the signer's title
    return found


def _signed(paragraph: str, publication: str | None, host: str) -> str | None:
    # "© 2019 Jana Muster" closing the text is the writer's copyright line.
    last = re.sub(r"^(?:©|\(c\))\s*(?:\d{4}\s+)?", "", paragraph.strip().strip("*_"))
    if not 4 < len(last) <= 40 or not 2 <= len(last.split()) <= 4:
        return None
    names = normalise_authors(last, publication=publication, host=host, structured=False)
    return names[0] if len(names) == 1 and names[0] == fix_case(last) else None


_CONTRIBUTIONS = re.compile(
    r"(?:contributions?\s+(?:from|by)|additional\s+reporting\s+(?:from|by)|with\s+reporting\s+by|"
    r"mitarbeit:?|mit\s+material\s+von|avec\s+la\s+contribution\s+de)\s+(.+)$",
    re.IGNORECASE,
)


def _without_contributors(page: ParsedPage, names: list[str]) -> list[str]:
    """Drop co-authors the visible byline calls contributors ("Contributions from Jim Roe")."""
    if len(names) < 2:
        return names
    byline = _byline_element(page)
    match = _CONTRIBUTIONS.search(byline) if isinstance(byline, str) else None
    if not match:
        return names
    helpers = {n.casefold() for n in normalise_authors(match.group(1), structured=False)}
    kept = [n for n in names if n.casefold() not in helpers]
    return kept or names


_UPPER = r"[^\W\d_a-zß-ÿ]"  # a letter that is not lower case (Latin scripts)
_CAPITALISED_RUN = re.compile(rf"{_UPPER}[\w'’-]+(?:\s+{_UPPER}\.)?(?:\s+{_UPPER}[\w'’-]+){{1,2}}")


def _name_for_handle(page: ParsedPage, name: str) -> str:
    """The printed name behind a user handle ("gabor_munier" -> "Gàbor Muniér")."""
    if " " in name or not re.search(r"[._]|^[a-z]+$", name):
        return name
    key = _compact(re.sub(r"[._-]?\d+$", "", name).replace("_", ""))  # "jane.doe.1232"
    body = page.tree.find("body")
    if body is None or len(key) < 6:
        return name
    for match in _CAPITALISED_RUN.finditer(_text(body, " ")):
        run = match.group(0).split()
        for end in range(2, len(run) + 1):  # "Jane Doe March 07": the name is a prefix
            words = [w for w in run[:end] if not re.fullmatch(r"\w\.", w)]
            if _compact("".join(words)) == key and all(w[0].isupper() for w in words):
                return " ".join(run[:end])
    return name


def _complete_first_names(
    page: ParsedPage, names: list[str], index: int, publication: str | None
) -> list[str]:
    """Replace a bare first name ("Nils") by the full name a later source gives ("Nils Doe")."""
    if any(" " in name for name in names):
        return names
    later: list[str] = []
    for origin, source in AUTHOR_SOURCES[index + 1 :]:
        raw = source(page)
        if raw:
            later += normalise_authors(
                raw, publication=publication, host=page.host, structured=origin != "byline"
            )
    out = []
    for name in names:
        fuller = [n for n in later if n.split()[0].casefold() == name.casefold() and " " in n]
        out.append(fuller[0] if fuller else name)
    return out


# --- published ---------------------------------------------------------------------------

_DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished",
    "parsely-pub-date", "sailthru.date", "citation_publication_date", "citation_date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
    "pubdate", "publishdate", "publish-date", "date", "article.published", "published-date",
)  # fmt: skip
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
                       r"(Z|[+-]\d{2}:?\d{2})?)?")  # fmt: skip


def find_published(page: ParsedPage, fetched_at: str | None) -> Found | None:
    """Publication date: the day shown above the text, else metadata checked against htmldate."""
    latest = _latest(fetched_at)
    declared = _declared_published(page, latest)
    if declared:
        declared = (_local_time(declared[0], page), declared[1])
    # Without declared metadata, htmldate's latest date matches what readers take for the
    # article's date more often than its earliest (measured on the trafilatura eval set).
    found = _htmldate(page, latest, original=declared is not None)
    shown = _shown_date(page, latest)
    # A date printed above the text that disagrees with the metadata is the one readers see.
    if (
        shown
        and (declared or found)
        and shown[0][:10] != (declared[0] if declared else found or "")[:10]
    ):
        return shown
    if declared and (found is None or declared[0][:10] == found):
        return declared  # same day: keep the metadata's time and offset
    if declared and found and _days_between(found, declared[0]) == 1:
        # One day apart: one reading is in UTC or the server's zone, which lags the local
        # day the readers saw; the later day is theirs.
        return declared
    if found:
        return found, "htmldate"
    return declared


_SHOWN_DAY = re.compile(r"^\s*(\d{1,2})[./]\s?(\d{1,2})[./]\s?(\d{4})\b")
_UPDATED_CLASS = re.compile(r"updated|modified|aktualisiert", re.IGNORECASE)


def _shown_date(page: ParsedPage, latest: datetime) -> Found | None:
    """The date printed above the article's text, in a <time> or an itemprop=datePublished."""
    body = page.tree.find("body")
    if body is None:
        return None
    for el in body.iter():
        if el.tag == "p" and len(_text(el)) > 150:
            return None  # past the article's head: later dates belong to comments or teasers
        if (el.tag != "time" and el.get("itemprop") != "datePublished") or el.tag == "meta":
            continue
        names = f"{el.get('class') or ''} {el.get('itemprop') or ''}"
        if _in_aside(el) or (_UPDATED_CLASS.search(names) and "publish" not in names.lower()):
            continue
        text = _text(el)
        # The day the reader sees wins over the machine-readable time, which is often UTC.
        match = _SHOWN_DAY.match(text)
        if match:
            iso = _iso(
                f"{match.group(3)}-{int(match.group(2)):02d}-{int(match.group(1)):02d}", latest
            )
        else:
            iso = _iso(el.get("datetime") or el.get("content") or "", latest) if text else None
            iso = _local_time(iso, page) if iso else None
        if iso:
            return iso, "<time>" if el.tag == "time" else "itemprop"
    return None


def _days_between(earlier: str, later: str) -> int | None:
    try:
        return (date.fromisoformat(later[:10]) - date.fromisoformat(earlier[:10])).days
    except ValueError:
        return None


def _declared_published(page: ParsedPage, latest: datetime) -> Found | None:
    for obj in page.articles():
        for key in ("datePublished", "dateCreated"):
            value = obj.get(key)
            iso = _iso(value, latest) if isinstance(value, str) else None
            if iso:
                return iso, "JSON-LD"
    for key in _DATE_META:
        for value in page.meta.get(key, ()):
            iso = _iso(value, latest)
            if iso:
                return iso, f"meta {key}"
    return None


def _htmldate(page: ParsedPage, latest: datetime, original: bool = True) -> str | None:
    from htmldate import find_date

    try:
        found = find_date(
            page.tree,
            url=page.url or None,
            original_date=original,
            extensive_search=True,
            max_date=latest.strftime("%Y-%m-%d"),
        )
    except Exception:  # htmldate raises on odd trees; a missing date is not an error
        return None
    return str(found) if found else None


# Time zones by country domain, then by declared language: a UTC timestamp shown to the
# publication's readers falls on their local day ("2022-11-06T23:00Z" is the 7th in Berlin).
_TLD_ZONES = {
    "de": "Europe/Berlin", "at": "Europe/Vienna", "ch": "Europe/Zurich", "fr": "Europe/Paris",
    "be": "Europe/Brussels", "lu": "Europe/Luxembourg", "it": "Europe/Rome",
    "es": "Europe/Madrid", "pt": "Europe/Lisbon", "nl": "Europe/Amsterdam",
    "pl": "Europe/Warsaw", "cz": "Europe/Prague", "dk": "Europe/Copenhagen",
    "se": "Europe/Stockholm", "no": "Europe/Oslo", "fi": "Europe/Helsinki",
    "uk": "Europe/London", "ie": "Europe/Dublin", "ar": "America/Argentina/Buenos_Aires",
    "br": "America/Sao_Paulo", "cl": "America/Santiago", "co": "America/Bogota",
    "mx": "America/Mexico_City", "uy": "America/Montevideo", "bo": "America/La_Paz",
    "pe": "America/Lima", "ve": "America/Caracas", "jp": "Asia/Tokyo", "cn": "Asia/Shanghai",
    "tn": "Africa/Tunis", "ma": "Africa/Casablanca", "ru": "Europe/Moscow",
}  # fmt: skip
_LANG_ZONES = {
    "de": "Europe/Berlin", "fr": "Europe/Paris", "it": "Europe/Rome", "nl": "Europe/Amsterdam",
    "pl": "Europe/Warsaw", "fi": "Europe/Helsinki", "cs": "Europe/Prague",
    "da": "Europe/Copenhagen", "sv": "Europe/Stockholm", "nb": "Europe/Oslo",
    "hu": "Europe/Budapest", "ja": "Asia/Tokyo", "zh": "Asia/Shanghai",
}  # fmt: skip


def _local_time(iso: str, page: ParsedPage) -> str:
    """A UTC datetime moved to the publication's likely time zone; anything else unchanged."""
    if not (iso.endswith("Z") or iso.endswith("+00:00")) or "T" not in iso:
        return iso
    tld = page.host.rsplit(".", 1)[-1] if page.host else ""
    lang = (page.html_lang or "").split("-")[0].lower()
    zone = _TLD_ZONES.get(tld) or _LANG_ZONES.get(lang)
    if not zone:
        return iso
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
        return moment.astimezone(ZoneInfo(zone)).isoformat()
    except (ValueError, ZoneInfoNotFoundError):
        return iso


def _latest(fetched_at: str | None) -> datetime:
    if fetched_at:
        try:
            parsed = datetime.fromisoformat(fetched_at.replace("Z", "+00:00"))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        except ValueError:
            pass
    return datetime.now(UTC)


def _iso(value: str, latest: datetime) -> str | None:
    """An ISO date or datetime string from a metadata value, or None if unusable or too late."""
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    try:
        day_value = date(year, month, day)
    except ValueError:
        return None
    if year < 1990 or day_value > latest.date():
        return None
    if match.group(4) is None:
        return day_value.isoformat()
    tz = match.group(7) or ""
    if tz and tz != "Z" and ":" not in tz:
        tz = f"{tz[:3]}:{tz[3:]}"
    seconds = match.group(6) or "00"
    return f"{day_value.isoformat()}T{match.group(4)}:{match.group(5)}:{seconds}{tz}"


# --- canonical URL -----------------------------------------------------------------------


def find_canonical(page: ParsedPage) -> str | None:
    """<link rel=canonical>, then og:url."""
    for link in page.tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return (link.get("href") or "").strip()
    found = page.first_meta("og:url")
    return found[1] if found else None


# --- helpers -----------------------------------------------------------------------------


def _text(el: HtmlElement, sep: str = "") -> str:
    # text_content() would include inline <style> and <script> bodies (CSS-in-JS bylines)
    parts = el.xpath(".//text()[not(ancestor::style) and not(ancestor::script)]")
    if sep.strip():
        parts = [p for p in parts if str(p).strip()]
    return _clean(sep.join(str(p) for p in parts))


def _longer_than(el: HtmlElement, limit: int) -> bool:
    """Whether the element holds more than `limit` characters, reading no further than that."""
    seen = 0
    for piece in el.itertext():
        seen += len(piece)
        if seen > limit:
            return True
    return False


def _clean(value: str) -> str:
    import html

    return _WS.sub(" ", html.unescape(value)).strip()


def _key(value: str) -> str:
    value = unicodedata.normalize("NFKC", value).casefold()
    value = re.sub(r"[\"'“”‘’«»„‚`´]", "", value)
    return _WS.sub(" ", value).strip()


def _compact(value: str) -> str:
    value = unicodedata.normalize("NFKD", value.casefold())
    value = "".join(ch for ch in value if not unicodedata.combining(ch))
    value = re.sub(r"^the\s+", "", value)
    return re.sub(r"\W+", "", value)


# Class tokens that start a sidebar or a list of other articles ("related-posts", "sidebar").
_ASIDE_CLASS = re.compile(
    r"(?:^|\s)(?:related|recommend|sidebar|widget|popular|trending)"
    r"|(?:^|\s)(?:comments|comment-list|comments-area|footer|site-footer)(?:$|\s)",
    re.I,
)


def _in_aside(el: HtmlElement) -> bool:
    """Inside a footer, sidebar, navigation, comment list or list of other articles.

    Class names are only trusted outside an <article>: themes call the article's own
    column "sidebar" or "content-sidebar" more often than one would think.
    """
    marked = False
    parent = el.getparent()
    while parent is not None:
        if parent.tag in ("footer", "aside", "nav"):
            return True
        if parent.tag in ("article", "main"):
            return False
        names = " ".join(filter(None, (parent.get("class"), parent.get("id"))))
        marked = marked or bool(_ASIDE_CLASS.search(names))
        parent = parent.getparent()
    return marked
