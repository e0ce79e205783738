"""Language knowledge as data: one module per language, read by language-blind code.

Each module beside this one (`en.py`, `fr.py`, ...) defines `LEXICON`, a `Lexicon` holding what the
rules of one language need. The extraction code asks `for_language(code)` for the lexicon of the
article's language, or `every_language()` where a page may mix languages (a German page with an
English byline), and never compares language codes itself. Adding a language is adding a module
here and its tests.

The knowledge falls in two parts, each read by its own rules:
- `Speech`: what quotes and speakers need (speech verbs, attribution frames, pronouns...);
- `Names`: what bylines, honorifics, agencies and dates need.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Speech:
    """What the quote and speaker rules know of a language."""

    # Filled by the quote and speaker rules; every field has an empty default, so a language
    # may leave out what it does not need.
    speech_verbs: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Names:
    """What the byline, author and date rules know of a language.

    Words are lower case; the rules fold case (and drop dots in agency names) before looking.
    """

    byline_labels: tuple[str, ...] = ()
    # Wire agencies, as their short or long names are printed ("dpa", "agence france-presse"):
    # credited as authors. Each language lists the agencies that write copy in it (English
    # also the international ones); the rules read them all, since any page may credit any.
    agencies: frozenset[str] = frozenset()
    # Words naming a desk or a publication's team rather than a person ("redaktion", "staff").
    desk_words: frozenset[str] = frozenset()
    # Words that make a byline part a role, an organisation or a phrase rather than a name.
    not_a_name: frozenset[str] = frozenset()
    # Job titles printed beside a name in a byline ("korrespondentin", "editor"), and words
    # that stand there too ("mehr", "posted"): cut off a name's ends, never a name themselves.
    roles: frozenset[str] = frozenset()
    # Lower-case words inside names ("van", "de", "von"): not a given name or a family name.
    particles: frozenset[str] = frozenset()
    # Letters after a name that stay attached to it ("Jane Doe, MD").
    credentials: frozenset[str] = frozenset()
    # Academic titles before a name ("prof", "dr"), read with or without their dot.
    academic_titles: tuple[str, ...] = ()
    # Month names and their abbreviations by number (1-12); weekday names. Where dateparser's
    # language data has them, the module takes them from there.
    months: tuple[tuple[str, ...], ...] = ()
    weekdays: tuple[str, ...] = ()
    # Whether a slashed date reads month/day ("02/03/2022" is February 3rd), and the regions
    # (subtags, country domains) of the language that write the day first all the same.
    month_first: bool = False
    day_first_regions: frozenset[str] = frozenset()

    @staticmethod
    def months_of(code: str, *more: str) -> tuple[tuple[str, ...], ...]:
        """A language's month names and abbreviations from dateparser's data, January first.

        Each name also comes without its accents ("février", "fevrier"), as pages write both;
        `more` adds forms the library lacks, each as "number:form" ("3:maerz").
        """
        info = _dateparser_info(code)
        months = [list(_spellings(info.get(name, ()))) for name in _MONTH_KEYS]
        for extra in more:
            number, _, form = extra.partition(":")
            months[int(number) - 1] += _spellings([form])
        return tuple(tuple(dict.fromkeys(forms)) for forms in months)

    @staticmethod
    def weekdays_of(code: str) -> tuple[str, ...]:
        """A language's weekday names in full ("montag", "lundi"), from dateparser's data."""
        info = _dateparser_info(code)
        # The longest form is the full name; abbreviations ("mi", "don") are common words.
        return tuple(max(_spellings(info.get(name, ())) or ("",), key=len) for name in _DAY_KEYS)


_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")  # fmt: skip
_DAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _dateparser_info(code: str) -> dict[str, list[str]]:
    """dateparser's data for one language: a module holding one dict, `info`.

    The file is loaded on its own: importing it through its package would first run
    dateparser's start-up (0.3 s), which every command reading a lexicon would pay.
    """
    package = importlib.util.find_spec("dateparser")
    if package is None or not package.submodule_search_locations:
        return {}
    path = Path(package.submodule_search_locations[0], "data", "date_translation_data")
    spec = importlib.util.spec_from_file_location(f"_dateparser_{code}", path / f"{code}.py")
    if spec is None or spec.loader is None:
        return {}
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    info: dict[str, list[str]] = module.info
    return info


def _spellings(forms: Iterable[str]) -> tuple[str, ...]:
    """Lower-case forms of a calendar word, each also without accents; dots dropped."""
    out: list[str] = []
    for form in forms:
        word = form.casefold().strip(". ")
        if len(word) < 3 or not word.isalpha():
            continue  # "lu", "mo": two letters are too often something else
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)
        )
        out += [word, plain] if plain != word else [word]
    return tuple(out)


@dataclass(frozen=True)
class Lexicon:
    """Everything the rules know of one language."""

    code: str
    speech: Speech = field(default_factory=Speech)
    names: Names = field(default_factory=Names)


_EMPTY = Lexicon(code="")


def languages() -> tuple[str, ...]:
    """The codes of the languages that have a module here, sorted."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.ispkg))


@cache
def for_language(code: str | None) -> Lexicon:
    """The lexicon of a language (ISO 639-1); an empty one for a language without a module."""
    if not code or code not in languages():
        return _EMPTY
    module = importlib.import_module(f"{__name__}.{code}")
    lexicon: Lexicon = module.LEXICON
    return lexicon


@cache
def every_language() -> tuple[Lexicon, ...]:
    """Every language's lexicon, for rules that hold whatever the article's language."""
    return tuple(for_language(code) for code in languages())
