"""The names part of each language's lexicon: what bylines, agencies and dates read."""

from __future__ import annotations

import pytest

from digest.extract import lexicon
from digest.extract.lexicon import Names


def month_numbers(code: str) -> dict[str, int]:
    months = lexicon.for_language(code).names.months
    return {form: n for n, forms in enumerate(months, start=1) for form in forms}


@pytest.mark.parametrize(
    ("code", "forms"),
    [
        ("en", {"january": 1, "sept": 9, "may": 5, "dec": 12}),
        ("fr", {"janvier": 1, "février": 2, "fevrier": 2, "août": 8, "aout": 8, "déc": 12}),
        ("de", {"januar": 1, "jänner": 1, "märz": 3, "maerz": 3, "mrz": 3, "dezember": 12}),
        ("es", {"enero": 1, "mayo": 5, "setiembre": 9, "diciembre": 12}),
        ("it", {"gennaio": 1, "maggio": 5, "ottobre": 10}),
        ("pt", {"janeiro": 1, "março": 3, "marco": 3, "dezembro": 12}),
    ],
)
def test_month_names_come_from_dateparser_with_and_without_accents(
    code: str, forms: dict[str, int]
) -> None:
    numbers = month_numbers(code)
    assert {form: numbers.get(form) for form in forms} == forms


def test_no_month_name_means_two_months_across_languages() -> None:
    seen: dict[str, int] = {}
    clashes = []
    for lex in lexicon.every_language():
        for n, forms in enumerate(lex.names.months, start=1):
            for form in forms:
                if seen.setdefault(form, n) != n:
                    clashes.append((lex.code, form))
    assert clashes == []


def test_weekdays_are_the_full_names() -> None:
    assert lexicon.for_language("de").names.weekdays == (
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    )  # fmt: skip
    assert lexicon.for_language("fr").names.weekdays[0] == "lundi"


def test_extra_month_forms_are_added_to_their_month() -> None:
    assert Names.months_of("de", "3:mrz.")[2][-1] == "mrz"
    assert Names.months_of("en", "1:janu")[0] == ("jan", "january", "janu")


@pytest.mark.parametrize(
    ("code", "agencies"),
    [
        ("en", {"ap", "the associated press", "reuters"}),
        ("fr", {"afp", "agence france-presse", "belga"}),
        ("de", {"dpa", "kna", "epd", "sid", "apa"}),
        ("es", {"efe", "europa press"}),
        ("it", {"ansa"}),
    ],
)
def test_each_language_lists_the_agencies_writing_in_it(code: str, agencies: set[str]) -> None:
    assert agencies <= lexicon.for_language(code).names.agencies


def test_words_are_lower_case_and_agencies_have_no_dots() -> None:
    for lex in lexicon.every_language():
        n = lex.names
        for words in (n.agencies, n.desk_words, n.not_a_name, n.particles, n.credentials):
            assert all(w == w.casefold() and w == w.strip() for w in words), lex.code
        assert not any("." in a for a in n.agencies), lex.code


def test_desk_words_and_particles_of_each_language() -> None:
    assert "redaktion" in lexicon.for_language("de").names.desk_words
    assert "rédaction" in lexicon.for_language("fr").names.desk_words
    assert "staff" in lexicon.for_language("en").names.desk_words
    assert "von" in lexicon.for_language("de").names.particles
    assert {"de", "du", "le"} <= lexicon.for_language("fr").names.particles


def test_name_particles_are_declared_once_for_bylines_and_speakers() -> None:
    for lex in lexicon.every_language():
        assert lex.speech.particles == lex.names.particles, lex.code
    with pytest.raises(ValueError, match="Names"):
        lexicon.Lexicon(code="xx", speech=lexicon.Speech(particles=frozenset({"de"})))


def test_particles_join_names_but_not_a_name_and_a_noun() -> None:
    from digest.extract.bylines import normalise_authors
    from digest.extract.mentions import Mentions
    from digest.extract.speakers import speech_of

    assert normalise_authors("Von Ursula von der Leyen", structured=False) == [
        "Ursula von der Leyen"
    ]
    assert normalise_authors("Par Loïc Le Clerc", structured=False) == ["Loïc Le Clerc"]
    text = (
        "Das sagte Olaf Scholz zu Journalisten. Hans von Bülow schwieg. Olaf Scholz ging."
        " Hans von Bülow blieb."
    )
    people = {p.name for p in Mentions(text, speech_of("de")).people}
    assert people == {"Olaf Scholz", "Hans von Bülow"}


@pytest.mark.parametrize(
    ("code", "label"), [("en", "by"), ("fr", "par"), ("de", "von"), ("es", "por"), ("nl", "door")]
)
def test_each_language_names_its_byline_label(code: str, label: str) -> None:
    assert label in lexicon.for_language(code).names.byline_labels


def test_byline_labels_of_every_language_are_read_on_any_page() -> None:
    from digest.extract.bylines import normalise_authors

    for byline in ("By Jana Muster", "Par Jana Muster", "Von Jana Muster", "Door Jana Muster"):
        assert normalise_authors(byline, structured=False) == ["Jana Muster"]


def test_roles_beside_a_name_are_cut_off() -> None:
    from digest.extract.bylines import is_role

    assert {"korrespondentin", "rechtsanwalt"} <= lexicon.for_language("de").names.roles
    assert is_role("Chef-Redakteurin") and is_role("Avocate") and not is_role("Jana")


def test_only_american_english_reads_slashed_dates_month_first() -> None:
    en = lexicon.for_language("en").names
    assert en.month_first and {"gb", "au"} <= en.day_first_regions
    assert not any(lexicon.for_language(c).names.month_first for c in ("de", "fr", "es", "it"))
