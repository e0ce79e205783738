"""Publication date cascade: the day printed with the headline, declared metadata, htmldate."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime

from lxml.html import HtmlElement

from digest.extract import lexicon
from digest.extract.nodes import folded, in_aside, text_of
from digest.extract.page import ParsedPage
from digest.models import Origin, OriginKind

Found = tuple[str, Origin]  # (value, where it came from)


_DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished",
    "parsely-pub-date", "sailthru.date", "citation_publication_date", "citation_date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
    "pubdate", "publishdate", "publish-date", "date", "article.published", "published-date",
)  # fmt: skip
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
                       r"(Z|[+-]\d{2}:?\d{2})?)?")  # fmt: skip


def find_published(page: ParsedPage, fetched_at: str | None) -> Found | None:
    """Publication date: the day printed with the headline, else metadata checked against htmldate."""
    latest = _latest(fetched_at)
    declared = _declared_published(page, latest)
    if declared:
        declared = (_local_time(declared[0], page), declared[1])
    printed = _printed_date(page, latest)
    if printed:
        # The day printed with the headline is the one readers (and citations) go by; the
        # metadata only adds its time of day when it agrees.
        if declared and declared[0][:10] == printed:
            return declared
        return printed, Origin(OriginKind.PAGE, "printed date")
    found = _htmldate(page, latest)
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
        return found, Origin(OriginKind.PAGE, "htmldate")
    return declared


def _month_numbers() -> dict[str, int]:
    """Month names and abbreviations of every language the lexicon knows, to their number."""
    return {
        form: number
        for lex in lexicon.every_language()
        for number, forms in enumerate(lex.names.months, start=1)
        for form in forms
    }


# A printed day may be in any language the lexicon knows: a German page quotes a French date.
_MONTHS = _month_numbers()
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
# A printed day: 21.01.2022 or 21.1.22, 21/01/2022, 2022-01-21, "21. Januar 2022",
# "le 1er mai 2022", "3 de mayo de 2022", "January 21, 2022".
_PRINTED_DAY = re.compile(
    r"(?<![\d.])(?P<d1>\d{1,2})\.\s?(?P<m1>\d{1,2})\.\s?(?P<y1>\d{4}|\d{2})(?!\w|\.\d)"
    r"|(?<![\d/])(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/(?P<y2>\d{4})(?!\d)"
    r"|(?<!\d)(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?!\d)"
    rf"|(?<![\w.])(?P<d4>\d{{1,2}})(?:er|º|°)?\.?\s*(?:de\s+)?(?P<m4>{_MONTH_NAMES})\.?,?\s*"
    r"(?:del?\s+)?(?P<y4>\d{4})(?!\d)"
    rf"|(?<!\w)(?P<m5>{_MONTH_NAMES})\.?\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y5>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
# Labels of a date that is not the publication: a revision, or the day the page was printed.
_NOT_PUBLISHED_LABEL = re.compile(
    r"aktualisiert|geändert|änderung|editiert|update|modifi|mis à jour|actualizad|aggiornat"
    r"|ausdruck|gedruckt|druckversion|printed|imprimé",
    re.IGNORECASE,
)
_POST_DATE_CLASS = re.compile(r"publish|entry-date", re.IGNORECASE)
# Headings a reader does not see as the article's title: screen-reader text, the site's logo.
_NOT_HEADLINE = re.compile(
    r"aural|visually-?hidden|sr-only|screen-reader|element-invisible|(?:^|\s)(?:is-)?hidden(?:\s|$)"
    r"|logo",
    re.IGNORECASE,
)
_HEADLINE_CLASS = re.compile(r"headline|title", re.I)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-"})
_HEAD_BEFORE = 5  # text pieces above the headline, inside its own block (kicker, dateline)
_HEAD_AFTER = 25  # text pieces below it: byline, date, lead, before the text proper
_LONG_PIECE = 150  # a piece this long is running text, no longer the article's head

_QUOTING = ("blockquote", "figcaption", "figure")
_Piece = tuple[HtmlElement, str]


def _printed_date(page: ParsedPage, latest: datetime) -> str | None:
    """The day printed with the headline, else a day the page labels as its publication."""
    body = page.tree.find("body")
    if body is None:
        return None
    pieces = list(_text_pieces(body))
    return _head_date(pieces, latest, page) or _labelled_date(pieces, latest, page)


def _head_date(pieces: list[_Piece], latest: datetime, page: ParsedPage) -> str | None:
    """The day printed with the headline: in its block above it, or in the lines below it.

    A date line is short ("Veröffentlicht am 21.01.2022", "Berlin, 28.10.2021", "le 3 mai
    2022 à 10h"), or opens the lead ("(21. November 2022) Die …"); dates inside sentences,
    quoted posts, sidebars and dates labelled as revisions or printouts are not the day of
    publication.
    """
    head = _headline_index(pieces, page)
    if head is None:
        return None
    long_pieces = 0
    for index in range(head + 1, min(len(pieces), head + 1 + _HEAD_AFTER)):
        is_long = len(pieces[index][1]) > _LONG_PIECE
        day = _date_line(pieces, index, latest, page, opening=is_long)
        if day:
            return day
        long_pieces += is_long
        if long_pieces == 2:  # past the lead and into the text
            break
    block = pieces[head][0].getparent()
    for index in range(head - 1, max(-1, head - 1 - _HEAD_BEFORE), -1):
        # Above the headline only its own block counts: the page header above it carries
        # today's date, the date of a printout or of other articles.
        if block is None or not any(a is block for a in pieces[index][0].iterancestors()):
            break
        day = _date_line(pieces, index, latest, page, opening=False)
        if day:
            return day
    return None


# "Veröffentlicht am", "Erschienen am:", "Publié le", "Publicado el", "Published on".
_PUBLISHED_WORD = re.compile(
    r"veröffentlicht|erstellt|erschienen|publiziert|publiée?|mis en ligne|publicad[oa]"
    r"|pubblicat[oa]|published|posted",
    re.IGNORECASE,
)
_PUBLISHED_LABEL = re.compile(
    rf"(?:{_PUBLISHED_WORD.pattern})\s*(?:am|le|el|il|em|on)?\s*:?\s*$", re.IGNORECASE
)


def _labelled_date(pieces: list[_Piece], latest: datetime, page: ParsedPage) -> str | None:
    """The first date line labelled as the publication, wherever the page prints it."""
    for index, (_, text) in enumerate(pieces):
        if len(text) > 80 or not _PUBLISHED_WORD.search(text):
            continue
        # The date follows its label in the same line or in the next element.
        for at in (index, index + 1)[: len(pieces) - index]:
            match = _PRINTED_DAY.search(pieces[at][1])
            if not match or match.start() > 40 or len(pieces[at][1]) - match.end() > 25:
                continue
            label = pieces[at][1][: match.start()]
            if not label.strip() and at > 0:
                label = pieces[at - 1][1][-30:]
            if _PUBLISHED_LABEL.search(label):
                day = _date_line(pieces, at, latest, page, opening=False, label_room=40)
                if day:
                    return day
    return None


# Text nodes with letters or digits, outside scripts and styles (one XPath walk: building a
# Python proxy for every element of a large page costs more than the rest of this module).
_TEXT_NODES = (
    ".//text()[normalize-space()]"
    "[not(parent::script or parent::style or parent::noscript or parent::template)]"
)


def _text_pieces(body: HtmlElement) -> Iterator[_Piece]:
    """Each non-blank text node under body, in reading order, with the element holding it."""
    for node in body.xpath(_TEXT_NODES):
        holder = node.getparent()
        if node.is_tail:
            holder = holder.getparent()  # a tail belongs to the element around its predecessor
        text = str(node).strip()  # also strips no-break spaces, which normalize-space keeps
        if holder is not None and text:
            yield holder, text


def _headline_index(pieces: list[_Piece], page: ParsedPage) -> int | None:
    """The piece holding the article's title: a visible <h1>, else a heading matching the title."""
    for index, (el, text) in enumerate(pieces):
        if el.tag == "h1" and el.text and el.text.strip() == text and _visible_heading(el):
            return index
    titles = [folded(t).translate(_DASHES) for t in (*page.meta.get("og:title", ()), _title(page))]
    titles = [t for t in titles if len(t) >= 10]
    for index, (el, text) in enumerate(pieces):
        if el.tag not in _HEADINGS and not _HEADLINE_CLASS.search(el.get("class") or ""):
            continue
        if not (el.text and el.text.strip() == text and _visible_heading(el)):
            continue
        key = folded(text).translate(_DASHES)
        if len(key) >= 10 and any(key in title for title in titles):
            return index
    return None


def _title(page: ParsedPage) -> str:
    return page.tree.findtext(".//title") or ""


def _visible_heading(el: HtmlElement) -> bool:
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return not _NOT_HEADLINE.search(names) and not in_aside(el)


def _date_line(
    pieces: list[_Piece],
    index: int,
    latest: datetime,
    page: ParsedPage,
    *,
    opening: bool,
    label_room: int = 25,
) -> str | None:
    el, text = pieces[index]
    match = _PRINTED_DAY.search(text)
    if not match:
        return None
    if opening:
        # Running text counts only when it opens with the date: "(21. November 2022) Die …"
        if match.start() > 2 or not re.match(r"\s*[)–—:|-]", text[match.end() :]):
            return None
    elif match.start() > label_room or len(text) - match.end() > 25:
        return None  # a label and a time of day around the date, not a sentence
    # Quoted posts and photo captions carry the dates of other events.
    if in_aside(el) or any(a.tag in _QUOTING for a in (el, *el.iterancestors())):
        return None
    label = text[: match.start()]
    if len(label.strip()) < 3 and index > 0:
        label += " " + pieces[index - 1][1][-30:]  # "Aktualisiert:" in an element of its own
    if _NOT_PUBLISHED_LABEL.search(label) or _marked_revision(el):
        return None
    return _printed_iso(match, latest, page)


def _marked_revision(el: HtmlElement) -> bool:
    """Whether the element's class or itemprop marks a revision date ("updated", "modified")."""
    names = f"{el.get('class') or ''} {el.get('itemprop') or ''}"
    # WordPress prints the post's own date "entry-date published updated" (or, in some themes,
    # "entry-date updated"): a published or entry-date mark wins.
    return bool(_NOT_PUBLISHED_LABEL.search(names)) and not _POST_DATE_CLASS.search(names)


def _month_first(first: int, second: int, page: ParsedPage) -> bool:
    """Whether a slashed date reads month/day: when the numbers say so, else in American usage."""
    if first > 12 or second > 12:
        return second > 12
    lang, _, region = (page.html_lang or "").lower().partition("-")
    tld = page.host.rsplit(".", 1)[-1]
    names = lexicon.for_language(lang).names
    return (
        names.month_first
        and region not in names.day_first_regions
        and (tld not in names.day_first_regions)
    )


def _printed_iso(match: re.Match[str], latest: datetime, page: ParsedPage) -> str | None:
    for form in "12345":
        if match.group(f"y{form}"):
            year, day = int(match.group(f"y{form}")), int(match.group(f"d{form}"))
            month_text = match.group(f"m{form}")
            month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
            if form == "2" and _month_first(day, month, page):
                day, month = month, day
            if year < 100:  # "21.1.22"; a two-digit year past this one is last century's
                year += 2000 if 2000 + year <= latest.year else 1900
            return _iso(f"{year:04d}-{month:02d}-{day:02d}", latest)
    return None


_SHOWN_DAY = re.compile(r"^\s*(\d{1,2})[./]\s?(\d{1,2})[./]\s?(\d{4})\b")


def _shown_date(page: ParsedPage, latest: datetime) -> Found | None:
    """The date printed above the article's text, in a <time> or an itemprop=datePublished."""
    body = page.tree.find("body")
    if body is None:
        return None
    for el in body.iter():
        if el.tag == "p" and len(text_of(el)) > 150:
            return None  # past the article's head: later dates belong to comments or teasers
        if (el.tag != "time" and el.get("itemprop") != "datePublished") or el.tag == "meta":
            continue
        if in_aside(el) or _marked_revision(el):
            continue
        text = text_of(el)
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
            return iso, Origin(OriginKind.PAGE, "<time>" if el.tag == "time" else "itemprop")
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
                return iso, Origin(OriginKind.JSON_LD)
    for key in _DATE_META:
        for value in page.meta.get(key, ()):
            iso = _iso(value, latest)
            if iso:
                return iso, Origin(OriginKind.META, f"meta {key}")
    return None


def _htmldate(page: ParsedPage, latest: datetime) -> str | None:
    from htmldate import find_date

    # The original date, not the latest: later dates on a page are revisions, comments and
    # teasers. (Asking for the latest on pages without metadata won 5 eval pages once; with
    # the printed date read first it wins 1, not worth a rule fitted to the data.)
    try:
        found = find_date(
            page.tree,
            url=page.url or None,
            original_date=True,
            extensive_search=True,
            max_date=latest.strftime("%Y-%m-%d"),
        )
    except Exception:  # htmldate raises on odd trees; a missing date is not an error
        return None
    return str(found) if found else None


# Time zones by country domain, then by declared language (the lexicon's `time_zone`): a UTC
# timestamp shown to the publication's readers falls on their local day ("2022-11-06T23:00Z" is
# the 7th in Berlin).
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


def _local_time(iso: str, page: ParsedPage) -> str:
    """A UTC datetime moved to the publication's likely time zone; anything else unchanged."""
    if not (iso.endswith("Z") or iso.endswith("+00:00")) or "T" not in iso:
        return iso
    tld = page.host.rsplit(".", 1)[-1] if page.host else ""
    lang = (page.html_lang or "").split("-")[0].lower()
    zone = _TLD_ZONES.get(tld) or lexicon.for_language(lang).names.time_zone
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
