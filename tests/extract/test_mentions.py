"""Pronouns resolve conservatively: to one person, never an organisation, of no other gender."""

from __future__ import annotations

import pytest

from digest.extract import mentions, speakers
from digest.extract.quotes import find_quotes

NBSP = "\u00a0"


def pronoun(text: str, language: str, word: str) -> str | None:
    table = mentions.Mentions(text, speakers.speech_of(language))
    return table.resolve(word, len(text), None).speaker


def speaker_of(language: str, *paragraphs: str, start: str) -> str | None:
    text = "\n\n".join(("Headline", *paragraphs))
    found = [q for q in find_quotes(text, language) if q.text.startswith(start)]
    assert len(found) == 1
    return found[0].speaker


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("Norwood Energy cut 300 jobs in the valley on Monday. ", "en", "he"),
        ("Cask Holdings said its profits fell by half. ", "en", "he"),
        ("Brill Tools Inc. closed the plant near the river. ", "en", "she"),
        ("The board of OTR Fabrics met at dawn. ", "en", "he"),
        ("Le groupe Veltra Conseil a fermé son usine. ", "fr", "il"),
        ("Lamarche Transports SA a fermé son usine. ", "fr", "il"),
    ],
)
def test_an_organisation_never_takes_a_personal_pronoun(
    text: str, language: str, word: str
) -> None:
    assert pronoun(text, language, word) is None


def test_a_person_beside_an_organisation_takes_the_pronoun() -> None:
    text = "Lena Ortiz left Norwood Energy last year. "
    assert pronoun(text, "en", "she") == "Lena Ortiz"


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("Paul Reyes met Omar Haddad on Friday. ", "en", "he"),
        ("Claire Vidal a rencontré Paul Morel vendredi. ", "fr", "il"),
        ("Claire Vidal a rencontré Paul Morel vendredi. ", "fr", "elle"),
    ],
)
def test_two_people_a_pronoun_could_stand_for_give_none(
    text: str, language: str, word: str
) -> None:
    assert pronoun(text, language, word) is None


@pytest.mark.parametrize(
    ("text", "language", "word", "speaker"),
    [
        ("Mr. Dan Okafor opened the hearing. ", "en", "she", None),
        ("Mr. Dan Okafor opened the hearing. ", "en", "he", "Dan Okafor"),
        ("Mr. Dan Okafor greeted Ms. Ruth Alder. ", "en", "she", "Ruth Alder"),
        ("Mr. Dan Okafor greeted Ms. Ruth Alder. ", "en", "he", "Dan Okafor"),
        ("Dan Okafor, the chairman, opened the hearing. ", "en", "she", None),
        ("M. Paul Morel a reçu Mme Claire Vidal. ", "fr", "elle", "Claire Vidal"),
        ("M. Paul Morel a reçu Mme Claire Vidal. ", "fr", "il", "Paul Morel"),
        ("Mme Claire Vidal a ouvert la séance. ", "fr", "il", None),
    ],
)
def test_a_pronoun_agrees_with_the_gender_the_article_gives(
    text: str, language: str, word: str, speaker: str | None
) -> None:
    assert pronoun(text, language, word) == speaker


def test_plural_and_neuter_pronouns_stand_for_nobody() -> None:
    text = "Paul Reyes runs the shelter. "
    assert pronoun(text, "en", "they") is None
    assert pronoun(text, "en", "it") is None
    assert pronoun("Claire Vidal dirige le refuge. ", "fr", "ils") is None


def test_a_german_pronoun_follows_the_current_speaker_of_its_gender() -> None:
    paragraphs = (
        "„Wir bauen das Werk aus“, sagte Herr Jonas Brandt. Brandt leitet es seit Mai.",
        "„Die Aufträge reichen bis 2030“, sagte er.",
        "„Das glaube ich nicht“, sagte sie.",
    )
    assert speaker_of("de", *paragraphs, start="Die Aufträge") == "Jonas Brandt"
    assert speaker_of("de", *paragraphs, start="Das glaube") is None


def test_a_french_pronoun_after_two_new_people_is_nobody() -> None:
    paragraphs = (
        f"«{NBSP}Le port doit vivre{NBSP}», affirme Marc Olivier.",
        "Jean Le Goff a croisé Luc Tanguy sur le quai.",
        f"«{NBSP}Nous voulons des quotas{NBSP}», déclare-t-il.",
    )
    assert speaker_of("fr", *paragraphs, start="Nous voulons") is None


def test_the_one_person_opening_the_sentence_before_takes_the_pronoun() -> None:
    paragraphs = (
        "Le maire Paul Morel avait promis une piscine. Pour Hugo Lenoir, cette promesse est"
        f" restée lettre morte. «{NBSP}Rien n’a été construit{NBSP}», a-t-il réagi.",
    )
    assert speaker_of("fr", *paragraphs, start="Rien n’a") == "Hugo Lenoir"


def test_a_pronoun_before_the_opening_name_keeps_it_ambiguous() -> None:
    text = "Paul Reyes met Omar Haddad. She said Omar Haddad was late. "
    assert pronoun(text, "en", "she") is None


@pytest.mark.parametrize(
    ("language", "text", "person", "mention"),
    [
        # What a possessive opens is someone or something of the person, not the person.
        ("fr", "« Je n'ai rien à me reprocher », a déclaré Boris Faure lundi. ", "Boris Faure",
         "sa défense"),
        ("en", "“I never met him,” said Dana Whitlock on Friday. ", "Dana Whitlock", "his lawyer"),
        ("de", "„Das stimmt nicht“, sagte Jonas Berger am Montag. ", "Jonas Berger",
         "seine Anwältin"),
        # A description headed by an abstract noun is a thing said, not who said it.
        ("fr", "« Ce n'est pas une étude », explique Ana Lucas, professeure. ", "Ana Lucas",
         "cette affirmation"),
        ("en", "“We saw no change,” said Dana Whitlock, the lead author. ", "Dana Whitlock",
         "the assessment"),
        ("de", "„Wir sehen keine Gefahr“, sagte Jonas Berger, der Sprecher. ", "Jonas Berger",
         "die Einschätzung"),
    ],
)  # fmt: skip
def test_a_description_of_something_of_the_speaker_is_not_the_speaker(
    language: str, text: str, person: str, mention: str
) -> None:
    table = mentions.Mentions(text, speakers.speech_of(language))
    previous = table.resolve(person, 10, None)
    assert previous.speaker == person
    assert table.resolve(mention, len(text), previous).speaker == mention


def test_the_impersonal_l_on_names_nobody() -> None:
    text = "Titre\n\nC'est ce que l’on appelle un « chef d’œuvre de la littérature », dit-on."
    assert all(q.speaker != "l’on" for q in find_quotes(text, "fr"))


def test_a_description_that_names_someone_does_not_take_up_who_spoke_before() -> None:
    text = (
        "Titel\n\n"
        "„Wir brauchen mehr Soldaten“, sagte Olaf Kistenmacher am Montag in Berlin.\n\n"
        "Der CDU-Vorsitzende Friedrich Merz forderte, »die Bundeswehr in die Mitte der "
        "Gesellschaft« zu rücken."
    )
    (quote,) = [q for q in find_quotes(text, "de") if q.text.startswith("die Bundeswehr")]
    assert quote.speaker is not None and "Kistenmacher" not in quote.speaker


@pytest.mark.parametrize(
    ("language", "mention", "role"),
    [
        ("de", "Deniz Yücel, dann müsse", None),
        ("de", "Jonas Berger, Sprecher der Polizei", "Sprecher der Polizei"),
        ("en", "Dana Whitlock, who she", None),
    ],
)
def test_a_role_is_a_description_of_the_person(
    language: str, mention: str, role: str | None
) -> None:
    table = mentions.Mentions(f"Text. {mention}. More text.", speakers.speech_of(language))
    assert table.resolve(mention, 0, None).role == role
