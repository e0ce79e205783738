"""Per-language typography: quotation marks, spacing, lists of names, dates.

The edition's language decides the typography; the article's language only decides the label.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

NBSP = "\u00a0"  # before a colon and inside guillemets, in French
NNBSP = "\u202f"  # narrow no-break space, before ; ! ? in French


@dataclass(frozen=True)
class Rules:
    """How one language writes quotes, lists and dates: data, read by language-blind code."""

    open_quote: str
    close_quote: str
    conjunction: str
    months: tuple[str, ...]
    colon: str = ":"
    others: str = "Also worth reading"  # the heading for items without a theme
    inner_quotes: tuple[str, str] = ("‘", "’")  # quotation marks inside quotation marks
    spacing: Callable[[str], str] | None = None  # the language's spaces around punctuation
    day_month: str = "{day} {month}"
    first_day: str = "1"  # how the first day of a month is written ("1er" in French)
    week: str = "{start} – {end}"  # a week across two months
    week_in_month: str = "{start} – {end}"  # a week within one month ("23–29")


def _french(text: str) -> str:
    return french_spacing(text)


_EN_MONTHS = "January February March April May June July August September October November December"
RULES: dict[str, Rules] = {
    "en": Rules("“", "”", "and", tuple(_EN_MONTHS.split()), week_in_month="{start}–{end}"),
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
        inner_quotes=("“", "”"),
        spacing=_french,
        first_day="1er",
        week="du {start} au {end}",
        week_in_month="du {start} au {end}",
    ),
    "de": Rules(
        "„",
        "“",
        "und",
        tuple(
            "Januar Februar März April Mai Juni Juli August September Oktober November "
            "Dezember".split()
        ),
        inner_quotes=("‚", "‘"),
        day_month="{day}. {month}",
    ),
    "es": Rules(
        "«",
        "»",
        "y",
        tuple(
            "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
            "diciembre".split()
        ),
        inner_quotes=("“", "”"),
        day_month="{day} de {month}",
    ),
    "it": Rules(
        "«",
        "»",
        "e",
        tuple(
            "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
            "novembre dicembre".split()
        ),
        inner_quotes=("“", "”"),
    ),
    "pt": Rules(
        "“",
        "”",
        "e",
        tuple(
            "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
            "dezembro".split()
        ),
        day_month="{day} de {month}",
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


def nest_quotes(text: str, language: str | None) -> str:
    """Marks inside a quoted title step down one level, as the language writes them.

    “The “smart” city” reads “The ‘smart’ city”; « Entretien : « écouter » » reads
    « Entretien : “écouter” ». `text` is already in the language's typography (`polish`).
    """
    r = rules(language)
    inner_open, inner_close = r.inner_quotes
    opening, closing = r.open_quote.strip(NBSP), r.close_quote.strip(NBSP)
    out = []
    depth = 0
    for char in text:
        # Where opening and closing marks are the same character (German “ closes, English “
        # opens), the depth tells them apart.
        if char == opening and (char != closing or depth == 0):
            depth += 1
            out.append(inner_open)
        elif char == closing and depth > 0:
            depth -= 1
            out.append(inner_close)
        else:
            out.append(char)
    nested = "".join(out)
    # The spaces inside guillemets belong to them, not to the inner marks.
    return nested.replace(inner_open + NBSP, inner_open).replace(NBSP + inner_close, inner_close)


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
    r = rules(language)
    end = f"{_day_month(last, r)} {last.year}"
    if first.year != last.year:
        return r.week.format(start=f"{_day_month(first, r)} {first.year}", end=end)
    if first.month != last.month:
        return r.week.format(start=_day_month(first, r), end=end)
    return r.week_in_month.format(start=_day(first, r), end=end)


def long_date(day: dt.date, language: str | None) -> str:
    """One day written in the language: "23 November 2026", "1er décembre 2026"."""
    return f"{_day_month(day, rules(language))} {day.year}"


def _day(day: dt.date, r: Rules) -> str:
    return r.first_day if day.day == 1 else str(day.day)


def _day_month(day: dt.date, r: Rules) -> str:
    return r.day_month.format(day=_day(day, r), month=r.months[day.month - 1])


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


_GUILLEMET_OPEN = re.compile(r"«[ \u00a0\u202f]*")
_GUILLEMET_CLOSE = re.compile(r"[ \u00a0\u202f]*»")


def polish(text: str, language: str | None) -> str:
    """Web text (titles, quotes) in the edition language's typography.

    Straight quotes become curly, every pair of double quotation marks (“ ”, « ») becomes the
    language's own, and the language's spacing rules apply. The curator's own text does not
    come here: it is printed as written.
    """
    r = rules(language)
    text = english_quotes(text)
    text = _outside_protected(text, _GUILLEMET_OPEN, "“")
    text = _outside_protected(text, _GUILLEMET_CLOSE, "”")
    marks = {"“": r.open_quote, "”": r.close_quote}
    text = _outside_protected(text, re.compile("[“”]"), lambda m: marks[m.group(0)])
    return r.spacing(text) if r.spacing else text
