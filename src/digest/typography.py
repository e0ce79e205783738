"""Per-language typography: quotation marks, spacing, lists of names, dates.

The edition's language decides the typography; the article's language only decides the label.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

NBSP = "\u00a0"  # before a colon and inside guillemets, in French
NNBSP = "\u202f"  # narrow no-break space, before ; ! ? in French


@dataclass(frozen=True)
class Rules:
    """How one language writes quotes, lists and dates."""

    open_quote: str
    close_quote: str
    conjunction: str
    months: tuple[str, ...]
    colon: str = ":"
    others: str = "Also worth reading"  # the heading for items without a theme


_EN_MONTHS = "January February March April May June July August September October November December"
RULES: dict[str, Rules] = {
    "en": Rules("“", "”", "and", tuple(_EN_MONTHS.split())),
    "fr": Rules(
        "«" + NBSP,
        NBSP + "»",
        "et",
        tuple(
            "janvier février mars avril mai juin juillet août septembre octobre novembre "
            "décembre".split()
        ),
        colon=NBSP + ":",
        others="À lire aussi",
    ),
    "de": Rules(
        "„",
        "“",
        "und",
        tuple(
            "Januar Februar März April Mai Juni Juli August September Oktober November "
            "Dezember".split()
        ),
    ),
    "es": Rules(
        "«",
        "»",
        "y",
        tuple(
            "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
            "diciembre".split()
        ),
    ),
    "it": Rules(
        "«",
        "»",
        "e",
        tuple(
            "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
            "novembre dicembre".split()
        ),
    ),
    "pt": Rules(
        "“",
        "”",
        "e",
        tuple(
            "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
            "dezembro".split()
        ),
    ),
    "nl": Rules(
        "“",
        "”",
        "en",
        tuple(
            "januari februari maart april mei juni juli augustus september oktober november "
            "december".split()
        ),
    ),
}


# "1 article", "3 articles": the archive page counts each edition's items.
ARTICLE_WORDS: dict[str, tuple[str, str]] = {
    "en": ("article", "articles"),
    "fr": ("article", "articles"),
    "de": ("Artikel", "Artikel"),
    "es": ("artículo", "artículos"),
    "it": ("articolo", "articoli"),
    "pt": ("artigo", "artigos"),
    "nl": ("artikel", "artikelen"),
}


def count_articles(count: int, language: str | None) -> str:
    """ "1 article", "3 articles", in `language` (English when we have no words for it)."""
    words = ARTICLE_WORDS.get((language or "en").lower()[:2], ARTICLE_WORDS["en"])
    return f"{count} {words[0] if count == 1 else words[1]}"


def rules(language: str | None) -> Rules:
    """The rules for `language`, English when we have none for it."""
    return RULES.get((language or "en").lower()[:2], RULES["en"])


def quoted(text: str, language: str | None) -> str:
    """`text` between the language's quotation marks."""
    r = rules(language)
    return f"{r.open_quote}{text}{r.close_quote}"


_INNER = {"“": "‘", "”": "’", "„": "‚"}


def nest_quotes(text: str, language: str | None) -> str:
    """Marks inside a quoted title that equal the outer marks step down one level.

    “The “smart” city” reads “The ‘smart’ city”. French keeps « » inside « »: both that and
    “ ” are in use, and guillemets are what French sources themselves print.
    """
    r = rules(language)
    outer = {r.open_quote.strip(NBSP), r.close_quote.strip(NBSP)}
    if "«" in outer or not any(mark in text for mark in outer):
        return text
    return "".join(_INNER.get(c, c) if c in outer else c for c in text)


def label_with_colon(label: str, language: str | None) -> str:
    """ "Read more:" in English, "Lire plus :" (no-break space) in French."""
    return f"{label}{rules(language).colon}"


def join_names(names: Sequence[str], language: str | None) -> str:
    """ "A, B and C" in English, "A, B et C" in French."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {rules(language).conjunction} {names[-1]}"


def date_range(first: dt.date, last: dt.date, language: str | None) -> str:
    """A week written in the language: "23–29 November 2026", "du 23 au 29 novembre 2026"."""
    months = rules(language).months
    lang = (language or "en")[:2]
    if lang == "en":
        if first.month == last.month:
            return f"{first.day}–{last.day} {months[last.month - 1]} {last.year}"
        start = f"{first.day} {months[first.month - 1]}"
        if first.year != last.year:
            start += f" {first.year}"
        return f"{start} – {last.day} {months[last.month - 1]} {last.year}"
    start = f"{_day(first, lang)}" if first.month == last.month else _day_month(first, lang)
    if first.year != last.year:
        start = f"{_day_month(first, lang)} {first.year}"
    end = f"{_day_month(last, lang)} {last.year}"
    if lang == "fr":
        return f"du {start} au {end}"
    return f"{start} – {end}"


def long_date(day: dt.date, language: str | None) -> str:
    """One day written in the language: "23 November 2026", "1er décembre 2026"."""
    lang = (language or "en")[:2]
    if lang == "en":
        return f"{day.day} {rules(lang).months[day.month - 1]} {day.year}"
    return f"{_day_month(day, lang)} {day.year}"


def _day(day: dt.date, lang: str) -> str:
    return "1er" if lang == "fr" and day.day == 1 else str(day.day)


def _day_month(day: dt.date, lang: str) -> str:
    month = rules(lang).months[day.month - 1]
    if lang == "de":
        return f"{day.day}. {month}"
    if lang in ("es", "pt"):
        return f"{day.day} de {month}"
    return f"{_day(day, lang)} {month}"


# Segments that typography must never touch: inline code, link targets, autolinks, bare URLs.
_MASK = re.compile("\ue000(\\d+)\ue001")
# Text that already looks like a mask (web text may hold private-use characters) is protected
# too, so that it comes back as it was instead of naming a segment that does not exist.
_PROTECTED = re.compile("\ue000\\d+\ue001|" r"`[^`]*`|\]\([^)]*\)|<[^>\s]+>|https?://[^\s\"<>]+")


def _outside_protected(text: str, fix: re.Pattern[str], repl: Any) -> str:
    """Apply `fix` to the text around protected segments, which are masked meanwhile.

    Masking (rather than cutting the text in pieces) keeps each fix aware of its neighbours:
    the quote mark right after a URL still closes the quotation opened before it.
    """
    saved: list[str] = []

    def stash(match: re.Match[str]) -> str:
        saved.append(match.group(0))
        return f"\ue000{len(saved) - 1}\ue001"

    fixed = fix.sub(repl, _PROTECTED.sub(stash, text))
    return _MASK.sub(lambda m: saved[int(m.group(1))], fixed)


_FR_BEFORE_COLON = re.compile(r"(?<=\S)[ \u00a0\u202f]*:(?=\s|$)")
_FR_BEFORE_TALL = re.compile(r"(?<=\S)[ \u00a0\u202f]*([;!?])(?=\s|$)")
_FR_GUILLEMETS_OPEN = re.compile(r"«[ \u00a0\u202f]*")
_FR_GUILLEMETS_CLOSE = re.compile(r"[ \u00a0\u202f]*»")
_FR_NUMERO = re.compile(r"\bn° (?=\d)")
_FR_PERCENT = re.compile(r"(?<=\d)[ \u00a0]?%")
_FR_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?:[ \u00a0]\d{3})+)(?![\d.,]\d)")


def french_spacing(text: str) -> str:
    """No-break spaces before : and inside « », narrow ones before ; ! ? % and in 12 000."""
    text = _outside_protected(text, _FR_GUILLEMETS_OPEN, "«" + NBSP)
    text = _outside_protected(text, _FR_GUILLEMETS_CLOSE, NBSP + "»")
    text = _outside_protected(text, _FR_BEFORE_TALL, lambda m: NNBSP + m.group(1))
    text = _outside_protected(text, _FR_PERCENT, NNBSP + "%")
    text = _outside_protected(
        text, _FR_THOUSANDS, lambda m: m.group(1) + re.sub(r"[ \u00a0]", NNBSP, m.group(2))
    )
    text = _outside_protected(text, _FR_NUMERO, "n°" + NBSP)
    return _outside_protected(text, _FR_BEFORE_COLON, NBSP + ":")


_DOUBLE_OPEN = re.compile(r'(^|[\s(\[{\u2014\u2013-])"')
_DOUBLE_CLOSE = re.compile(r'"')
_APOSTROPHE = re.compile(r"(?<=\w)'|'(?=\d\ds?\b)")  # it's, the '90s
_SINGLE_OPEN = re.compile(r"(^|[\s(\[{])'")
_SINGLE_CLOSE = re.compile(r"'")


def english_quotes(text: str) -> str:
    """Curly quotes and apostrophes in place of straight ones."""
    text = _outside_protected(text, _DOUBLE_OPEN, r"\1“")
    text = _outside_protected(text, _DOUBLE_CLOSE, "”")
    text = _outside_protected(text, _APOSTROPHE, "’")
    text = _outside_protected(text, _SINGLE_OPEN, r"\1‘")
    return _outside_protected(text, _SINGLE_CLOSE, "’")


def polish(text: str, language: str | None) -> str:
    """Apply the edition language's typography to prose (curator text, titles)."""
    lang = (language or "en")[:2]
    if lang == "fr":
        return (
            french_spacing(english_quotes(text)).replace("“", "«" + NBSP).replace("”", NBSP + "»")
        )
    if lang == "en":
        return english_quotes(text)
    return text
