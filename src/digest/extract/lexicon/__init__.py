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
import pkgutil
from dataclasses import dataclass, field
from functools import cache


@dataclass(frozen=True)
class Speech:
    """What the quote and speaker rules know of a language."""

    # Filled by the quote and speaker rules; every field has an empty default, so a language
    # may leave out what it does not need.
    speech_verbs: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Names:
    """What the byline, author and date rules know of a language."""

    byline_labels: tuple[str, ...] = ()


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
