"""Given names and their gender, from the person data of the Faker locales each lexicon names.

A capitalised word is a given name when one of the locales lists it as a man's or a woman's first
name ("Laura", "Diego", "Jean-Marie" for its two parts). The speaker rules ask it where nothing
in the article says where a name starts: "la ministre des Sports Laura Flessel" is Laura Flessel,
with the role before her. The data is read once per process, on the first question.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable
from functools import cache

from digest.extract.lexicon import every_language

_log = logging.getLogger(__name__)

MASCULINE, FEMININE = "masculine", "feminine"


def _names(value: object) -> Iterable[str]:
    """The names of a provider attribute: a tuple, a list or a weighted mapping of them."""
    if isinstance(value, dict):
        return [str(k) for k in value]
    if isinstance(value, (tuple, list)):
        return [str(v) for v in value]
    return []  # a property computed per call: no list to read


@cache
def _table() -> dict[str, frozenset[str]]:
    """Every locale's given names, case-folded, with the genders they are given for."""
    genders: dict[str, set[str]] = {}
    for lexicon in every_language():
        for locale in lexicon.names.given_name_locales:
            try:
                provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
            except ImportError:  # a locale this Faker lacks: the others still answer
                _log.debug("no given names for %s", locale)
                continue
            for attribute, gender in (
                ("first_names_male", MASCULINE),
                ("first_names_female", FEMININE),
            ):
                for name in _names(vars(provider).get(attribute)):
                    genders.setdefault(name.casefold(), set()).add(gender)
        for names, gender in (
            (lexicon.names.masculine_given_names, MASCULINE),
            (lexicon.names.feminine_given_names, FEMININE),
        ):
            for name in names:
                genders.setdefault(name, set()).add(gender)
    return {name: frozenset(found) for name, found in genders.items()}


def genders(word: str) -> frozenset[str]:
    """The genders `word` is a given name for; empty when it is none. A hyphenated name is one
    when each part is ("Jean-Marie"), with its first part's gender."""
    table = _table()
    parts = word.strip(".,;:").casefold().split("-")
    if not all(p and p in table for p in parts):
        return frozenset()
    return table[parts[0]]


def is_given_name(word: str) -> bool:
    """True when `word`, capitalised, is a man's or a woman's first name in some locale."""
    return word[:1].isupper() and bool(genders(word))
