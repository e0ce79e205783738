"""A speaker mention is shown only as a noun phrase: clauses and possessors name nobody."""

from __future__ import annotations

import pytest

from digest.extract import speakers
from digest.extract.quotes import find_quotes
from digest.extract.speaker_phrase import noun_phrase


@pytest.mark.parametrize(
    ("language", "mention", "expected"),
    [
        # Noun phrases pass as they are, complements and appositions included.
        ("en", "Secretary of State Mike Pompeo", "Secretary of State Mike Pompeo"),
        ("en", "White House officials", "White House officials"),
        ("en", "The two Republican presidents", "The two Republican presidents"),
        ("en", "Julie A. Smith, a spokeswoman", "Julie A. Smith, a spokeswoman"),
        ("en", "US officials", "US officials"),
        ("fr", "Philippe de Gonneville, le maire", "Philippe de Gonneville, le maire"),
        ("fr", "la préfecture des Pyrénées-Atlantiques", "la préfecture des Pyrénées-Atlantiques"),
        ("fr", "l’entourage du Premier ministre", "l’entourage du Premier ministre"),
        (
            "de",
            "Wendel Trio von der Umweltorganisation Greenpeace",
            "Wendel Trio von der Umweltorganisation Greenpeace",
        ),
        ("de", "der junge Polizist", "der junge Polizist"),
        ("es", "Ortega y Gasset", "Ortega y Gasset"),
        # A word the lexicon knows to end a phrase, or a verb's particle, is cut off.
        ("de", "Aseev hinzu", "Aseev"),
        ("de", "Nadja Michler von", "Nadja Michler"),
        ("es", "Magallanes también", "Magallanes"),
        # Where nouns are capitalised, one lower-case word after a name is an adverb.
        ("de", "Renkema geknickt", "Renkema"),
        # A year after a name is the time of the words, no part of the name.
        ("de", "Loriot 1979", "Loriot"),
        ("en", "Dole in 1996", "Dole"),
        # A parenthesis the mention leaves open runs into the sentence.
        ("de", "Drag-Empowerment (und", "Drag-Empowerment"),
        ("en", "Coal Chamber (most of whom ironically never", "Coal Chamber"),
        # The subject before its verb; the verb before its subject.
        ("en", "Trump unleashed a series of", "Trump"),
        ("en", "Said Ellis", "Ellis"),
        ("en", "He’s", "He"),
        ("de", "Das geplante NetzDG würde", "Das geplante NetzDG"),
        # Clauses, possessors and adverbials name nobody.
        ("en", "Patterson must've seen all the love", None),
        ("en", "Maybe you’ve", None),
        ("en", "Donald Trump’s", None),
        ("en", "To which she", None),
        ("en", "that was", None),
        ("de", "Sportredaktor Christoph sucht passende Worte und", None),
        ("de", "Kastner seine Erfahrungen", None),
        ("de", "Fahimi weitere Ergebnisse der Studie", None),
        ("de", "die in der Vergangenheit", None),
        ("de", "Oder sie", None),
        ("de", "Deswegen", None),
        # Where nouns have capitals, a capitalised word is a noun, not a verb ("Können").
        ("de", "Sein schauspielerisches Können", "Sein schauspielerisches Können"),
        ("de", "Sein schauspielerisches", None),
        ("es", "Sin embargo", None),
        ("es", "En aquel momento", None),
        ("es", "Al respecto", None),
        ("es", "Según entiende", None),
        # A speech verb's form after a determiner that marks a noun is the phrase's noun when
        # it is last, or before a complement or a name; elsewhere it is still a verb.
        ("fr", "le juge", "le juge"),
        ("fr", "le juge d’instruction", "le juge d’instruction"),
        ("fr", "le juge Dupont", "le juge Dupont"),
        ("fr", "il le juge", None),
        ("en", "one wrote", None),
        ("en", "the observed volume", None),
    ],
)
def test_noun_phrase(language: str, mention: str, expected: str | None) -> None:
    assert noun_phrase(mention, speakers.speech_of(language)) == expected


def test_a_clause_taken_for_the_speaker_is_no_speaker() -> None:
    text = (
        "Sport\n\nDer Verein verlor am Sonntag mit 0:4. Sportredaktor Christoph sucht passende "
        "Worte und sagt: „Das war ein schwarzer Tag für uns alle im Verein.“"
    )
    (quote,) = [q for q in find_quotes(text, "de") if q.text.startswith("Das war")]
    assert quote.speaker is None


def test_a_german_adverb_after_the_speaker_is_left_out() -> None:
    text = (
        "Abschied\n\n"
        "Die Trainerin Kim Renkema verlässt den Verein nach sieben Jahren.\n\n"
        "„Sie ist nicht zu ersetzen und wir werden sie alle sehr vermissen“, sagte Renkema "
        "geknickt."
    )
    (quote,) = [q for q in find_quotes(text, "de") if q.text.startswith("Sie ist")]
    assert quote.speaker == "Kim Renkema"


def test_a_reporting_clause_naming_a_judge_gives_the_quotation_its_speaker() -> None:
    text = (
        "Non-lieu\n\nLe 31 août, le ministre a obtenu un non-lieu, au motif que « le défaut de"
        " consentement ne suffit pas à caractériser le délit », a expliqué le juge."
    )
    (quote,) = [q for q in find_quotes(text, "fr") if q.text.startswith("le défaut")]
    assert quote.speaker == "le juge"
