"""The French speech lexicon, through the rules that read it (sentences written for the tests)."""

from __future__ import annotations

from digest.extract import lexicon, speakers
from digest.extract.quotes import find_quotes

SPEECH = lexicon.for_language("fr").speech
NBSP = "\u00a0"


def test_french_conventions() -> None:
    # French newsrooms quote the words between the guillemets, wherever they stand.
    assert (SPEECH.inner_quotations, SPEECH.comma_inside, SPEECH.nouns_capitalised) == (
        True,
        False,
        False,
    )


def test_inverted_verbs_give_their_pronoun() -> None:
    assert speakers.after(", a-t-elle ajouté.", "fr") == speakers.Attribution("elle", 17)
    assert speakers.after(", estime-t-il.", "fr") == speakers.Attribution("il", 13)


def test_a_participle_reports_only_after_its_auxiliary() -> None:
    assert speakers.after(", a déclaré Paul Leroy.", "fr") == speakers.Attribution("Paul Leroy", 22)
    assert speakers.last_reporting_verb("Le prévenu est un homme ", "fr") is None


def test_selon_is_a_frame() -> None:
    found = speakers.according_to(" la ligne fermera, selon la préfecture", "fr")
    assert found is not None and found.speaker == "la préfecture"


def test_monsieur_goes_back_to_the_full_name() -> None:
    text = (
        "Kremlin\n\nIvan Sokolov, le porte-parole du ministère, a répondu lundi.\n\n"
        f"«{NBSP}Nous n’avons rien à ajouter{NBSP}», a déclaré M.{NBSP}Sokolov."
    )
    quote = next(q for q in find_quotes(text, "fr") if q.kind == "direct")
    assert (quote.text, quote.speaker, quote.role) == (
        "Nous n’avons rien à ajouter",
        "Ivan Sokolov",
        "porte-parole du ministère",
    )


def test_a_complement_before_the_verb_is_no_subject() -> None:
    # "alerte" is a verb form, here an adjective: "D’une plume" is how, not who.
    head = "D’une plume alerte, l’auteur mêle ainsi les trajectoires d’un pays (lire "
    verb = speakers.last_reporting_verb(head, "fr")
    assert verb is not None and speakers.subject_of_verb(head, verb, "fr") is None
