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
