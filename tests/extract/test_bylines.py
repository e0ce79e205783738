"""Byline normalisation rules, one by one, in English and French."""

from __future__ import annotations

import pytest

from digest.extract.bylines import fix_case, looks_like_name, normalise_authors


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("Par Marie Curie", ["Marie Curie"]),
        ("Von Max Müller", ["Max Müller"]),
        ("Written by Jane Doe", ["Jane Doe"]),
        ("Texte : Jeanne Martin", ["Jeanne Martin"]),
        ("Auteur : Paul Durand", ["Paul Durand"]),
        # gender-inclusive labels
        ("Autor/in: Jana Muster", ["Jana Muster"]),
        ("Autor*in: Jana Muster", ["Jana Muster"]),
        ("Autor:innen: Jana Muster und Max Beispiel", ["Jana Muster", "Max Beispiel"]),
    ],
)
def test_strips_by_par_von(raw: str, expected: list[str]) -> None:
    assert normalise_authors(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Jane Doe, Jim Roe", ["Jane Doe", "Jim Roe"]),
        ("Jane Doe; Jim Roe", ["Jane Doe", "Jim Roe"]),
        ("Jane Doe & Jim Roe", ["Jane Doe", "Jim Roe"]),
        ("Jane Doe and Jim Roe", ["Jane Doe", "Jim Roe"]),
        ("Marie Curie et Pierre Curie", ["Marie Curie", "Pierre Curie"]),
        ("Anna Schmidt und Peter Meier", ["Anna Schmidt", "Peter Meier"]),
        ("Jane Doe, Jim Roe and Ann Poe", ["Jane Doe", "Jim Roe", "Ann Poe"]),
        ("Jane Doe, Jim Roe, and Ann Poe", ["Jane Doe", "Jim Roe", "Ann Poe"]),
        ("By | Christy Choi | and Oscar Holland, CNN", ["Christy Choi", "Oscar Holland"]),
        ("Par Marie Curie, et Pierre Curie", ["Marie Curie", "Pierre Curie"]),
    ],
)
def test_splits_several_authors(raw: str, expected: list[str]) -> None:
    assert normalise_authors(raw) == expected


def test_strips_roles() -> None:
    assert normalise_authors("Jane Doe, Staff Writer") == ["Jane Doe"]
    assert normalise_authors("Jean Dupont, envoyé spécial à Kiev") == ["Jean Dupont"]
    assert normalise_authors("Jane Doe is a reporter covering science.") == ["Jane Doe"]


def test_strips_dates() -> None:
    assert normalise_authors("By Jane Doe Updated 10:30 AM EST, Mon December 4, 2023") == [
        "Jane Doe"
    ]
    assert normalise_authors("Par Jean Dupont le 12 mars 2024 à 10h30") == ["Jean Dupont"]
    assert normalise_authors("Jane Doe, December 4, 2023") == ["Jane Doe"]
    assert normalise_authors("Publié le 3 juin par Jeanne Martin") == ["Jeanne Martin"]


def test_strips_publication_after_a_bar() -> None:
    assert normalise_authors("Jane Doe | The Daily Planet", publication="The Daily Planet") == [
        "Jane Doe"
    ]


def test_drops_urls_and_emails() -> None:
    assert normalise_authors("https://www.example.com/author/jane-doe") == []
    assert normalise_authors("Jane Doe jane.doe@example.com") == ["Jane Doe"]
    assert normalise_authors("Jane Doe (https://example.com/jane)") == ["Jane Doe"]


def test_fixes_all_caps() -> None:
    assert normalise_authors("By RALPH D. RUSSO and BOB FERRANTE") == [
        "Ralph D. Russo",
        "Bob Ferrante",
    ]
    assert fix_case("Jean DUPONT") == "Jean Dupont"
    assert fix_case("JEAN-PAUL O'NEIL") == "Jean-Paul O'Neil"
    assert fix_case("Henry VIII") == "Henry VIII"


def test_drops_organisation_equal_to_publication() -> None:
    assert normalise_authors("Le Petit Journal", publication="Le Petit Journal") == []
    assert normalise_authors("Lepetitjournal", host="lepetitjournal.fr") == []


def test_drops_a_desk_or_site_title_opening_with_the_outlet_name() -> None:
    assert normalise_authors("CBC Arts", host="www.cbc.ca") == []
    assert normalise_authors("Krimiblog-Archiv", host="archiv.krimiblog.de") == []
    assert normalise_authors("PETA-Team", host="www.peta.de") == []
    assert normalise_authors("BBC Sport", host="www.bbc.co.uk") == []
    # a person whose given or family name the site bears stays
    assert normalise_authors("Helge Fahrnberger", host="www.helge.at") == ["Helge Fahrnberger"]
    assert normalise_authors("Jane Doe", host="www.doe.com") == ["Jane Doe"]


def test_wire_agencies_are_credited_as_printed() -> None:
    assert normalise_authors("By The Associated Press") == ["The Associated Press"]
    assert normalise_authors("AFP") == ["AFP"]
    assert normalise_authors("Jane Doe, Reuters") == ["Jane Doe", "Reuters"]
    assert normalise_authors("Von Jana Muster (dpa)", structured=False) == ["Jana Muster", "dpa"]
    assert normalise_authors("Jane Doe with AP", structured=False) == ["Jane Doe", "AP"]
    assert normalise_authors("APA/AP") == ["APA", "AP"]
    assert normalise_authors({"@type": "Organization", "name": "dpa"}) == ["dpa"]
    assert normalise_authors({"@type": "Organization", "name": "Stadtwerke"}) == []


def test_a_publication_crediting_itself_and_an_agency_gives_the_agency() -> None:
    assert normalise_authors("Le Petit Journal avec AFP", publication="Le Petit Journal") == ["AFP"]
    assert normalise_authors("Le Figaro et AFP", publication="Le Figaro") == ["AFP"]
    assert normalise_authors("FR mit dpa", publication="Frankfurter Rundschau") == ["dpa"]


def test_outlets_are_not_people_or_agencies() -> None:
    assert normalise_authors("CNN") == []
    assert normalise_authors("Jane Doe - CNN", structured=False) == ["Jane Doe"]


def test_deduplicates() -> None:
    assert normalise_authors(["Jane Doe", "JANE DOE", "Jane Doe"]) == ["Jane Doe"]


def test_keeps_credentials_attached() -> None:
    assert normalise_authors("Jane Doe, MD") == ["Jane Doe, MD"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Juan Carlos Muñoz C.", ["Juan Carlos Muñoz C."]),
        ("By R. R.", ["R. R."]),
        ("Robert E. Moffit, Ph.D.", ["Robert E. Moffit, Ph.D."]),
        ("By Jane Doe.", ["Jane Doe"]),  # a full stop after a whole word is no part of the name
    ],
)
def test_a_final_initial_keeps_its_full_stop(raw: str, expected: list[str]) -> None:
    assert normalise_authors(raw) == expected


def test_json_ld_shapes() -> None:
    person = {"@type": "Person", "name": "Jane Doe"}
    assert normalise_authors(person) == ["Jane Doe"]
    assert normalise_authors([person, {"@type": "Person", "name": "Jim Roe"}]) == [
        "Jane Doe",
        "Jim Roe",
    ]
    assert normalise_authors({"@type": "Person", "givenName": "Jane", "familyName": "Doe"}) == [
        "Jane Doe"
    ]
    assert normalise_authors({"@type": "Organization", "name": "Daily Planet"}) == []


@pytest.mark.parametrize(
    "text", ["Staff", "Rédaction", "the editorial team", "Click here to subscribe", "2024", "admin"]
)
def test_not_a_name(text: str) -> None:
    assert not looks_like_name(text)


@pytest.mark.parametrize("text", ["Jane Doe", "Marie-Hélène de La Tour", "Ludwig van Beethoven"])
def test_is_a_name(text: str) -> None:
    assert looks_like_name(text)


def test_strips_role_words_around_a_name() -> None:
    assert normalise_authors("Focus-Online-Experte Robin Tschöpe") == ["Robin Tschöpe"]
    assert normalise_authors("Christoph Hein Chefredakteur") == ["Christoph Hein"]
    assert normalise_authors("Interview: Julia Lauter") == ["Julia Lauter"]


def test_strips_link_phrases_and_credits() -> None:
    assert normalise_authors("Alle Artikel von Tanja Karrasch") == ["Tanja Karrasch"]
    assert normalise_authors("Ein Artikel von Pamela Sladky") == ["Pamela Sladky"]
    assert normalise_authors("Text: Jeanne Martin, Photos: Paul Durand") == ["Jeanne Martin"]
    assert normalise_authors("Christian Seiler Illustration von Markus Roost") == [
        "Christian Seiler"
    ]


def test_weekday_before_a_date_is_not_part_of_the_name() -> None:
    assert normalise_authors("Lisa Petrich Mi, 12.01.2022") == ["Lisa Petrich"]
    assert normalise_authors("Doric Sam") == ["Doric Sam"]


def test_desk_bylines_are_not_people() -> None:
    assert normalise_authors("JuraForum.de-Redaktion") == []
    assert normalise_authors("Redaktion Polizeiticker") == []
    assert normalise_authors("etimes.in") == []
    assert normalise_authors("Inquirer.net BrandRoom") == []


def test_repeated_name_is_kept_once() -> None:
    assert normalise_authors("© Kathrin Führes Kathrin Führes") == ["Kathrin Führes"]


def test_creation_phrases_are_not_names() -> None:
    assert normalise_authors("Erstellt von Andri Bryner") == ["Andri Bryner"]
    assert normalise_authors("Blog Beitrag von Margarita Koreneva") == ["Margarita Koreneva"]
    assert normalise_authors("Artikel von") == []


def test_photographers_are_not_authors() -> None:
    assert normalise_authors("Photos by Jane Doe") == []
    assert normalise_authors("Beitragsbild: Stefan Mang") == []


def test_column_and_plural_author_labels_are_stripped() -> None:
    assert normalise_authors("Eine Kolumne von Nils Beispiel", structured=False) == [
        "Nils Beispiel"
    ]
    assert normalise_authors("Autoren Jana Muster und Jens Probe", structured=False) == [
        "Jana Muster",
        "Jens Probe",
    ]


def test_interviewer_and_guest_are_both_authors() -> None:
    assert normalise_authors("Anna Gast im Gespräch mit Karl Frager", structured=False) == [
        "Anna Gast",
        "Karl Frager",
    ]


def test_single_names_beside_people_stay() -> None:
    assert normalise_authors("Tine und Lars") == ["Tine", "Lars"]
    assert normalise_authors("Jana Muster, Tine") == ["Jana Muster", "Tine"]
    assert normalise_authors(["Verifizierte/r Tierfreund/in", "Georg N."]) == ["Georg N."]


def test_institutions_are_not_people() -> None:
    assert not looks_like_name("Bayerische Landesanstalt")
    assert not looks_like_name("Deutscher Bauernverband")
    assert looks_like_name("Anna Kammer")
    assert normalise_authors("Ein Interview von Eva Probe mit Max Gast", structured=False) == [
        "Eva Probe"
    ]


@pytest.mark.parametrize(
    ("raw", "publication", "host"),
    [
        ("IT Finanzmagazin", None, None),  # a German title compound, not a surname
        ("Deutsche Welle (www.dw.com)", None, None),
        ("Ministre de la Culture", None, None),
        ("Rasender Reporter", None, None),  # a desk's pen name: no person is left
        ("lokalblatt.example, Frankfurt, Germany", None, "lokalblatt.example"),
        ("Hinterlassen Sie Eine Antwort", None, None),  # a comment form's title
        ("Veröffentlicht am 19.10.19 um 14:34 Uhr", None, None),
        # a company's or a ministry's name and address: its single words are no given names
        ("Beispiel-Verlag GmbH, Nürnberg, Germany", None, None),
        ("KREDITO, Frankfurt a. M., Germany", None, None),
        ("Bundesministerium für Wirtschaft und Klimaschutz", None, None),
        ("publisher", None, None),  # a content system's placeholder, not a user's handle
    ],
)
def test_organisations_places_and_pen_names_are_no_authors(
    raw: str, publication: str | None, host: str | None
) -> None:
    found = normalise_authors(raw, publication=publication, host=host)
    assert found == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a date beside the byline, cut into pieces by the page's markup
        ("2023 | > | December | > | 22", []),
        ("Dec. | 12, 2023", []),
        ("Dienstag", []),
        # one word in capitals is an acronym: a station, an outlet, a union
        ("Chip Mitchell | WBEZ", ["Chip Mitchell"]),
        ("NDR", []),
        ("AFP", ["AFP"]),  # an agency is credited all the same
        # one word before "for"/"für" is a noun and its complement
        ("Digitalagentur für Virtual Reality und interaktive Markenerlebnisse", []),
        ("Jane Doe for The Guardian", ["Jane Doe"]),
        # the writer's bio printed in the byline is no list of names
        (
            "Autor | Teufel Blog Redaktion | Alles über Lautsprecher, Heimkino und HiFi-Trends."
            " Zudem haben wir jede Menge praktische Tipps und Tricks für zu Hause.",
            [],
        ),
        (
            "Brenton Blanchet | His work has appeared in Billboard, Pigeons & Planes and Complex.",
            ["Brenton Blanchet"],
        ),
        ("By Jane Doe, staff writer and contributing editor", ["Jane Doe"]),
        ("By Jane Doe Photography by Jim Roe", ["Jane Doe"]),
        # a photo credit alone, as it closes many articles
        ("Foto di Leeloo Thefirst", []),
        ("Immagine di Freepik", []),
        ("Photo by Jim Roe", []),
    ],
)
def test_pieces_beside_a_byline_are_no_names(raw: str, expected: list[str]) -> None:
    assert normalise_authors(raw) == expected
