"""The role printed beside a speaker is a description of the person, never a circumstance."""

from __future__ import annotations

import pytest

from digest.extract import extract_text


def speaker_and_role(text: str, language: str) -> tuple[str | None, str | None]:
    quote = extract_text(text, language=language).quotes[0]
    return quote.speaker, quote.role


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Headline\n\n“We will not let this town be cut in two,” said Mayor John Smith, "
            "speaking to reporters in the town hall.",
            "en",
            ("John Smith", "Mayor"),  # the title is the role, the circumstance none
        ),
        (
            "Headline\n\nFarida Osei, one of the three founders, said the cooperative would "
            "open in March. “We started with nothing,” she said.",
            "en",
            ("Farida Osei", "one of the three founders"),
        ),
        (
            "Titre\n\n« Nous partons de zéro », explique Claire Martin, l'une des trois "
            "fondatrices de la coopérative.",
            "fr",
            ("Claire Martin", "une des trois fondatrices de la coopérative"),
        ),
        (
            "Headline\n\n“It is still a budget, not a popularity contest,” said councillor Ann "
            "Delaney, who chairs the scheme's steering group.",
            "en",
            ("Ann Delaney", "councillor"),
        ),
        (
            "Headline\n\n“It is still a budget,” said yesterday Ann Delaney.",
            "en",
            (None, None),  # an adverb is no role: unsure, so nobody
        ),
        (
            "Headline\n\nAlso: the town's budget grew more this year than in any other decade\n\n"
            "Ann Delaney said: “It is still a budget, not a popularity contest.”",
            "en",
            ("Ann Delaney", None),  # the words before a paragraph break are no role
        ),
        (
            "Titre\n\nPaul Leroy, le maire de la commune, a répondu : « Nous ne céderons pas. »",
            "fr",
            ("Paul Leroy", "maire de la commune"),
        ),
    ],
)
def test_role(text: str, language: str, expected: tuple[str | None, str | None]) -> None:
    assert speaker_and_role(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Titel\n\nRabbi Ben Jaakov Ben Asher, ein Gelehrter aus dem dreizehnten "
            "Jahrhundert, warnte indes: „Wer sich nicht beschneidet, kommt nicht ins Paradies.“",
            "de",
            "Ben Asher",
        ),
        (
            "Titre\n\n« La désinformation a marqué la campagne », dit Ana Sofia Cardenal, "
            "professeure de sciences politiques et auteure de « Fake news », un essai.",
            "fr",
            "Ana Sofia Cardenal",
        ),
    ],
)
def test_a_role_cut_off_before_its_object_is_not_printed(
    text: str, language: str, name: str
) -> None:
    # "ein Gelehrter aus", "auteure de": the words after the preposition did not come with it.
    speaker, role = speaker_and_role(text, language)
    assert speaker is not None and speaker.endswith(name)
    assert role is None or role.split()[-1] not in ("aus", "de")


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nErika Rosales, above, helped organize the trips. “We did so much,” "
        "Rosales said.",
        "Headline\n\nErika Rosales, above, helped organize the trips. “We did so much,” she said.",
        "Headline\n\n“I want to cry just thinking about it,” said Dana Brown, 41.",
        "Headline\n\nWhile fans watched the series, the real Prince Andrew said, “I have no "
        "regrets.”",
    ],
)
def test_one_word_that_names_no_person_is_no_role(text: str) -> None:
    # A caption's "above", an age, an adjective: none of them describes who speaks.
    speaker, role = speaker_and_role(text, "en")
    assert speaker is not None and role is None
