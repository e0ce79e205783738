"""Given names come from the Faker locales the lexicons name, with their gender."""

from __future__ import annotations

import pytest

from digest.extract import given_names
from digest.extract.given_names import FEMININE, MASCULINE


@pytest.mark.parametrize(
    ("word", "genders"),
    [
        ("Laura", {FEMININE}),
        ("Diego", {MASCULINE}),
        ("Cornelia", {FEMININE}),
        ("Jean-Marie", given_names.genders("Jean")),  # each part is one; the first gives it
        ("Will", {MASCULINE}),  # a short form the locales give only in full: the lexicon adds it
    ],
)
def test_given_names_and_their_gender(word: str, genders: set[str]) -> None:
    assert given_names.is_given_name(word)
    assert given_names.genders(word) == genders


@pytest.mark.parametrize("word", ["Sports", "Convergencia", "Center", "Jean-Sports", "laura", ""])
def test_other_words_are_no_given_name(word: str) -> None:
    assert not given_names.is_given_name(word)
