"""Publication date cascade: the day shown above the text, declared metadata, htmldate."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from digest.extract.nodes import in_aside, text_of
from digest.extract.page import ParsedPage

Found = tuple[str, str]  # (value, origin)


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
        if el.tag == "p" and len(text_of(el)) > 150:
            return None  # past the article's head: later dates belong to comments or teasers
        if (el.tag != "time" and el.get("itemprop") != "datePublished") or el.tag == "meta":
            continue
        names = f"{el.get('class') or ''} {el.get('itemprop') or ''}"
        if in_aside(el) or (_UPDATED_CLASS.search(names) and "publish" not in names.lower()):
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
