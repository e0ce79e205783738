"""Per-language typography: French spacing, English quotes, names, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from digest import typography as t

NB, NN = "\u00a0", "\u202f"


def test_french_spacing() -> None:
    assert t.french_spacing("Pourquoi? Parce que: voilà; enfin!") == (
        f"Pourquoi{NN}? Parce que{NB}: voilà{NN}; enfin{NN}!"
    )
    assert t.french_spacing("«Bonjour»") == f"«{NB}Bonjour{NB}»"
    assert t.french_spacing("« Bonjour »") == f"«{NB}Bonjour{NB}»"
    assert (
        t.french_spacing("50 % de 12 000 et 1 234 567")
        == f"50{NN}% de 12{NN}000 et 1{NN}234{NN}567"
    )
    assert t.french_spacing("le n° 2") == f"le n°{NB}2"


def test_french_spacing_leaves_urls_code_and_times_alone() -> None:
    text = "Voir https://ex.org/a?b=c;d!e et `x: y` à 10:30 [lien](https://ex.org/?q=1)"
    assert t.french_spacing(text) == text


def test_polish_french_turns_straight_quotes_into_guillemets() -> None:
    assert t.polish('Il a dit "oui" : c\'est fait', "fr") == (
        f"Il a dit «{NB}oui{NB}»{NB}: c’est fait"
    )


def test_english_curly_quotes_and_apostrophes() -> None:
    assert t.polish("\"It's 'fine'\", she said in the '90s.", "en") == (
        "“It’s ‘fine’”, she said in the ’90s."
    )
    assert t.polish("See \"https://ex.org/it's\" `don't`", "en") == (
        "See “https://ex.org/it's” `don't`"
    )


def test_every_language_writes_its_own_quotation_marks() -> None:
    assert t.polish('Er sagte "ja" : gut', "de") == "Er sagte „ja“ : gut"
    assert t.polish("« Oui », dit-il", "en") == "“Oui”, dit-il"
    assert t.polish("“Sí”", "es") == "«Sí»"


def test_label_and_title_marks_per_edition_language() -> None:
    assert t.label_with_colon("Lire plus", "fr") == f"Lire plus{NB}:"
    assert t.label_with_colon("Lire plus", "en") == "Lire plus:"
    assert t.quoted("Titre", "fr") == f"«{NB}Titre{NB}»"
    assert t.quoted("Title", "en") == "“Title”"


def test_nested_quotes_alternate_as_each_language_writes_them() -> None:
    assert t.nest_quotes(f"Entretien{NB}: «{NB}écouter{NB}»", "fr") == f"Entretien{NB}: “écouter”"
    assert t.nest_quotes("The “smart” city", "en") == "The ‘smart’ city"
    assert t.nest_quotes("Die „smarte“ Stadt", "de") == "Die ‚smarte‘ Stadt"
    assert t.nest_quotes("Plain", "fr") == "Plain"
    title = t.polish('"Just Coup It": how a slogan was hijacked', "fr")
    assert t.quoted(t.nest_quotes(title, "fr"), "fr") == (
        f"«{NB}“Just Coup It”{NB}: how a slogan was hijacked{NB}»"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "A, B and C"), ("fr", "A, B et C"), ("de", "A, B und C"), ("xx", "A, B and C")],
)
def test_join_names(language: str, expected: str) -> None:
    assert t.join_names(["A", "B", "C"], language) == expected
    assert t.join_names(["A"], language) == "A"
    assert t.join_names([], language) == ""


def test_dates_in_the_edition_language() -> None:
    monday, sunday = dt.date(2026, 11, 23), dt.date(2026, 11, 29)
    assert t.date_range(monday, sunday, "en") == "23–29 November 2026"
    assert t.date_range(monday, sunday, "fr") == "du 23 au 29 novembre 2026"
    assert t.date_range(dt.date(2026, 11, 30), dt.date(2026, 12, 6), "fr") == (
        "du 30 novembre au 6 décembre 2026"
    )
    assert t.date_range(dt.date(2026, 12, 28), dt.date(2027, 1, 3), "en") == (
        "28 December 2026 – 3 January 2027"
    )
    assert t.date_range(dt.date(2026, 11, 30), dt.date(2026, 12, 6), "de") == (
        "30. November – 6. Dezember 2026"
    )
    assert t.long_date(dt.date(2026, 12, 1), "fr") == "1er décembre 2026"
    assert t.long_date(dt.date(2026, 12, 1), "en") == "1 December 2026"
    assert t.long_date(dt.date(2026, 12, 1), "es") == "1 de diciembre 2026"
