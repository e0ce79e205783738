"""The Spanish and Italian speech lexicons, through the attribution rules that read them."""

from __future__ import annotations

from digest.extract import speakers


def test_spanish_inverted_verb_and_frame() -> None:
    assert speakers.after(", dijo Ana Ruiz.", "es") == speakers.Attribution("Ana Ruiz", 15)
    found = speakers.according_to(" el puerto cerrará, según el ministerio", "es")
    assert found is not None and found.speaker == "el ministerio"


def test_italian_inverted_verb_and_frame() -> None:
    assert speakers.after(", spiega Marco Neri.", "it") == speakers.Attribution("Marco Neri", 19)
    found = speakers.according_to(" il porto chiuderà, secondo il ministero", "it")
    assert found is not None and found.speaker == "il ministero"


def test_spanish_fronted_complement_is_no_subject() -> None:
    # Spanish drops the subject pronoun: the object of "Sobre" is not who spoke.
    assert speakers.subject("Sobre la situación del acuerdo dijo que", "es") is None
    assert speakers.subject("Y el ministro dijo que", "es") == "el ministro"


def test_spanish_preterite_ends_the_subject() -> None:
    clause = "En el debate, Luisa Pardo también distó de las propuestas y dijo"
    assert speakers.subject(clause, "es") == "Luisa Pardo"
    assert speakers.subject("Pardo sonrió y dijo", "es") == "Pardo"


def test_spanish_place_and_addressee_end_the_speaker() -> None:
    assert speakers.noun_phrase("Ana Ruiz en Valparaíso.", "es") == "Ana Ruiz"
    assert speakers.noun_phrase("el senador por Texas.", "es") == "el senador"
    assert speakers.noun_phrase("la titular de Interior a los senadores.", "es") == (
        "la titular de Interior"
    )
    assert speakers.noun_phrase("Ruiz, que preside la comisión, dijo", "es") == "Ruiz"


def test_spanish_opening_adverb_and_circumstance_are_no_subject() -> None:
    clause = "Posteriormente, Ana Ruiz emitió un comunicado en el que expresó que"
    assert speakers.subject(clause, "es") == "Ana Ruiz"
    assert speakers.subject("Si bien admitió que", "es") is None
    # "en su primer recorrido" is a circumstance, not a role.
    assert speakers.subject("Ruiz, en su primer recorrido, dijo", "es") == "Ruiz"


def test_spanish_more_reporting_verbs() -> None:
    # "“…”, lamenta, por su parte, Iris Sosa": someone's words, not the previous speaker's.
    assert speakers.opens_with_reporting_verb(", lamenta, por su parte, Iris Sosa.", "es")
    found = speakers.after(", aclara Luis Vega.", "es")
    assert found is not None and found.speaker == "Luis Vega"


def test_role_before_the_name_starts_after_that() -> None:
    clause = "A esto se suma que el presidente, Luis Pou, expresó en 2020 que"
    assert speakers.subject(clause, "es") == "Luis Pou, el presidente"


def test_relative_pronoun_before_the_verb_stands_for_the_name_before_it() -> None:
    head = "la revista consultó al intendente, José Ruiz, para saber su opinión, quien manifestó"
    verb = speakers.last_reporting_verb(head, "es")
    assert verb is not None
    assert speakers.subject_of_verb(head, verb, "es") == "José Ruiz"


def test_relative_pronoun_after_a_name_that_closes_its_chunk() -> None:
    head = "También se le preguntó sobre los juicios a Yurramendi, quien señaló"
    verb = speakers.last_reporting_verb(head, "es")
    assert verb is not None
    assert speakers.subject_of_verb(head, verb, "es") == "Yurramendi"
    found = speakers.after(", explicaron las fuentes.", "es")
    assert found is not None and found.speaker == "las fuentes"
