"""The German speech lexicon, through the rules that read it (sentences written for the tests)."""

from __future__ import annotations

import pytest

from digest.extract import lexicon, mentions, speakers
from digest.extract.quotes import find_quotes
from digest.models import Quote

SPEECH = lexicon.for_language("de").speech


def direct(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.role) for q in find_quotes(text, "de") if q.kind == "direct"]


def test_german_conventions() -> None:
    # German newsrooms quote the words between the marks; nouns have capitals; the verb is second.
    assert (SPEECH.inner_quotations, SPEECH.nouns_capitalised, SPEECH.verb_second) == (
        True,
        True,
        True,
    )


def test_sagte_er_and_so_x_after_the_quotation() -> None:
    assert speakers.after(", sagte er dem Sender.", "de") == speakers.Attribution("er", 21)
    assert speakers.after(", so Lena Vogt.", "de") == speakers.Attribution("Lena Vogt", 14)
    assert speakers.after(", teilte ein Sprecher weiter mit.", "de") is not None


def test_the_subject_follows_the_verb_that_opens_its_clause() -> None:
    found = speakers.before("Auf die Frage, ob er bleibe, sagte Lena Vogt am Montag: ", "de")
    assert found is not None and found.speaker == "Lena Vogt"


def test_laut_is_a_frame() -> None:
    found = speakers.according_to(" die Halle sei zu klein, laut der Stadtverwaltung", "de")
    assert found is not None and found.speaker == "der Stadtverwaltung"


def test_zufolge_names_no_source_after_it() -> None:
    # "dem Bericht zufolge": the source stands before the word, never after it.
    head = "Die Firma hält dem Bericht zufolge eine Studie des Branchenverbands für "
    assert speakers.according_to(head, "de") is None
    text = "Titel\n\n" + head + "„realistisch“. Das sei zu teuer."
    assert [q.speaker for q in find_quotes(text, "de")] == [None]


def test_a_clause_is_never_a_speaker() -> None:
    text = (
        "Versand\n\nDer Händler steht in der Kritik. Von der Firma heißt es zu den Vorwürfen:"
        " „Wir prüfen jeden Fall einzeln und sehr genau.“"
    )
    assert direct(text) == [("Wir prüfen jeden Fall einzeln und sehr genau.", None, None)]


def test_role_and_surname_go_back_to_the_full_name() -> None:
    text = (
        "Hafen\n\nDer Hafen wird ausgebaut. Konzernchef Robert Berger ist zufrieden.\n\n"
        "„Wir haben lange darauf gewartet“, sagte Berger am Dienstag. „Jetzt geht es los.“\n\n"
        "Der Ausbau sei „dringend nötig“, so der Konzernchef."
    )
    assert direct(text) == [
        ("Wir haben lange darauf gewartet", "Robert Berger", "Konzernchef"),
        ("Jetzt geht es los.", "Robert Berger", "Konzernchef"),
        ("dringend nötig", "Robert Berger", "Konzernchef"),
    ]


def test_guillemets_pointing_inwards_are_quotation_marks() -> None:
    text = "Miete\n\n»Die Mieten steigen jeden Monat«, sagt Lena Vogt, Sprecherin des Vereins."
    quotes: list[Quote] = [q for q in find_quotes(text, "de") if q.kind == "direct"]
    assert [(q.text, q.speaker, q.role) for q in quotes] == [
        ("Die Mieten steigen jeden Monat", "Lena Vogt", "Sprecherin des Vereins")
    ]


def test_so_reports_only_where_its_clause_opens() -> None:
    assert speakers.last_reporting_verb("„Das reicht nicht“, so der Minister", "de") is not None
    # Elsewhere "so" is an adverb, and the law no speaker.
    assert speakers.last_reporting_verb("Das geplante Gesetz würde so das ", "de") is None


def test_an_adverbial_before_the_verb_puts_the_subject_after_it() -> None:
    head = "Im Gespräch mit der Zeitung erzählte der Student, wie schwer es sei, "
    verb = speakers.last_reporting_verb(head, "de")
    assert verb is not None and speakers.subject_of_verb(head, verb, "de") == "der Student"


def test_after_an_adverbial_a_surname_named_in_full_elsewhere_is_the_subject() -> None:
    text = (
        "Kirche\n\nBischof Michael Chalupka hat sich geäußert.\n\nMit Verweis auf den Lockdown"
        " ruft Chalupka die Gemeinden dazu auf, „als Gesprächspartner zur Verfügung zu stehen“."
    )
    found = {q.text: q.speaker for q in find_quotes(text, "de")}
    assert found["als Gesprächspartner zur Verfügung zu stehen"] == "Michael Chalupka"


def test_a_quotation_opening_with_a_low_mark_opens_a_sentence() -> None:
    # The quotation is not a fragment of the sentence before: the organisation calling for help
    # there did not say it.
    text = (
        "Klima\n\nVor der Konferenz ruft das Deutsche Rote Kreuz zur Hilfe auf. „Der Klimawandel"
        " schafft beispiellose Not“, sagt DRK-Generalsekretär Christian Reuter."
    )
    assert direct(text) == [
        ("Der Klimawandel schafft beispiellose Not", "Christian Reuter", "DRK-Generalsekretär")
    ]


def test_an_impersonal_pronoun_after_a_verb_is_its_whole_subject() -> None:
    # ", gibt es viel seltener …" goes on with the quotation; it is no incise.
    text = (
        "Arbeit\n\nDie Umfrage zeigt viel. „Wo es einen Betriebsrat gibt, gibt es viel seltener"
        " Überwachung“, erläuterte Yasmin Fahimi."
    )
    assert direct(text) == [
        ("Wo es einen Betriebsrat gibt, gibt es viel seltener Überwachung", "Yasmin Fahimi", None)
    ]


@pytest.mark.parametrize(
    "name",
    ["Magazin ET-News", "Nachrichtenagentur Yonhap", "Universität Warschau", "Verein Pro Asyl"],
)
def test_media_and_institutions_are_no_persons(name: str) -> None:
    # A description taking up "who just spoke" ("ergänzte die Person") must not land on them.
    table = mentions.Mentions(f"Bericht. Laut {name} geht es weiter.", speakers.speech_of("de"))
    assert not table.is_person(name)


def test_a_compound_cut_short_goes_on_after_und() -> None:
    text = (
        "Zoo\n\nDie Lage ist ernst. „Wir stehen vor einer großen Herausforderung“, erklärt Zoo- und"
        " Tierparkdirektor Andreas Knieriem."
    )
    assert direct(text) == [
        (
            "Wir stehen vor einer großen Herausforderung",
            "Andreas Knieriem",
            "Zoo- und Tierparkdirektor",
        )
    ]


def test_heisst_es_reports_the_words_of_whom_the_sentence_before_reports() -> None:
    text = (
        "Korea\n\nDas Ministerium bestätigte den Auftritt. „Grundlose Berichte haben Verwirrung"
        " ausgelöst“, hieß es in einer Erklärung.\n\nDas Gesetz heißt „Netzwerkgesetz“."
    )
    found = {q.text: q.speaker for q in find_quotes(text, "de")}
    assert found["Grundlose Berichte haben Verwirrung ausgelöst"] == "Das Ministerium"
    # "heißt" is no speech verb of its own: a name is nobody's words.
    assert found.get("Netzwerkgesetz") is None


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # "und" joins two roles of one person, named after them.
        ("„Arbeit bleibt“, sagt der Publizist und Philosoph Jonas Albrecht Berger im Radio.",
         ("Jonas Albrecht Berger", "Publizist und Philosoph")),
        ("„Wir hoffen“, so der stellvertretende Parkleiter und Projektleiter Ulrich Brandt.",
         ("Ulrich Brandt", "stellvertretende Parkleiter und Projektleiter")),
        # No name after the second role: the phrase ends at "und".
        ("„Wir hoffen“, sagte die Ministerin und Parteichefin.", ("die Ministerin", None)),
    ],
)  # fmt: skip
def test_two_roles_joined_by_und_before_a_name_are_one_person_s(
    paragraph: str, expected: tuple[str, str | None]
) -> None:
    quotes = find_quotes(f"Titel\n\n{paragraph}", "de")
    assert [(q.speaker, q.role) for q in quotes if q.kind != "key_sentence"] == [expected]


def test_a_range_from_one_thing_to_another_is_no_passive_agent() -> None:
    # "von X über Y bis Z" lists a range; "bis" is a preposition, not the verb of a passive.
    assert speakers.after(", von Videogottesdienst über Blogs bis Instagram. Er", "de") is None
    found = speakers.after(" von Anna Berger bezeichnet.", "de")
    assert found is not None and found.speaker == "Anna Berger"
