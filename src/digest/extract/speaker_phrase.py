"""Whether a speaker mention reads as a noun phrase, the only kind a reader may be shown.

The attribution finders (speakers.py) parse no grammar. Where a sentence is built in a way they
do not foresee, the words they take for the speaker run on into the clause ("Patterson must've
seen all the love", "Sportredaktor Christoph sucht passende Worte und"), stop at a possessive
("Donald Trump’s") or open with a word that names nobody ("Al respecto", "Oder sie"). A wrong
name is worse than none, so such a mention is dropped, or cut back to its noun phrase where what
runs on is only a word the lexicon knows to end one ("Aseev hinzu" -> "Aseev").

A noun phrase here is: determiners, then descriptive words and names, joined by complements
("Secretary of State", "Sprecher von Grab", "le ministre de la Défense"); a role given in
apposition after a comma is left to the mention rules. The words come from the article's lexicon
(`Speech`); the code reads no language code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from digest.extract import speakers
from digest.extract.lexicon import Speech

_APOSTROPHES = "'’"


@dataclass(frozen=True)
class _Words:
    """The lexicon's word sets as this check reads them, joined once per language."""

    openers: frozenset[str]  # a first word opening an adverbial: "In", "Sin", "Laut"
    no_content: frozenset[str]  # a first content word that is a complement: "die in der …"
    clause: frozenset[str]  # pronouns, auxiliaries, conjunctions, speech verbs
    joins: frozenset[str]  # complements, particles and determiners
    noun_joins: frozenset[str]  # what may follow a capitalised noun: also prepositions
    ends: frozenset[str]  # words that end a phrase or belong to the verb: "hinzu", "von"


@cache
def _words(speech: Speech) -> _Words:
    joins = speech.complements | speech.particles | speech.determiners
    return _Words(
        openers=speech.adverbial_starts | {f for f in speech.frames if " " not in f},
        no_content=speech.complements | speech.agent_words | speech.noun_phrase_stops,
        clause=speech.pronouns | speech.auxiliaries | speech.subordinators
        | speech.conjunctions | speech.that | speech.negations | speech.speech_verbs,
        joins=joins,
        noun_joins=joins | speech.noun_phrase_stops | speech.adverbial_starts,
        ends=speech.verb_adverbs | speech.complements | speech.particles
        | speech.noun_phrase_stops,
    )  # fmt: skip


def noun_phrase(mention: str, speech: Speech) -> str | None:
    """The mention as a noun phrase, or None when it runs into a clause or opens with none."""
    head, comma, rest = mention.partition(",")
    words = _compounds(head.split(), speech)
    if len(words) == 1 and words[0].casefold() in speech.pronouns:
        return mention  # the mention rules take a pronoun back to its person
    if len(words) > 1 and words[0].casefold() in speech.speech_verbs:
        words = words[1:]  # "Said Ellis": the verb before its subject
    for i, word in enumerate(words[1:], 1):
        if _noun(word, speech):
            continue
        if speakers.is_verb(word, speech) and words[i - 1].casefold() not in speech.determiners:
            words = words[:i]  # "Trump unleashed a series of": the subject before its verb
            comma = rest = ""
            break
    opened = next((i for i, w in enumerate(words) if "(" in w and ")" not in w), None)
    if opened:
        words = words[:opened]  # "Drag-Empowerment (und": a parenthesis the mention leaves open
        comma = rest = ""
    first = words[0].casefold()
    if (
        len(words) > 1
        and first in speech.verb_adverbs
        and first not in speech.determiners
        and _capital(words[1])
    ):
        words = words[1:]  # "Even China", "even Kevin O’Connell": the adverb, then a name
    while len(words) > 1 and (_runs_on(words[-1], speech) or words[-1].isdigit()):
        words.pop()
        comma = rest = ""  # an apposition after the words cut belongs to them
    if all(w.casefold() in speech.determiners for w in words) or _opens_no_phrase(words, speech):
        return None
    content = [w.casefold().strip(".,") for w in words if w.casefold() not in speech.determiners]
    if len(content) == 1 and content[0] in speech.calendar:
        return None  # "den September", "Juni": a date, not who speaks ("Theresa May" is a name)
    if words[-1].endswith(("'s", "’s")):
        pronoun = words[-1][:-2]
        if len(words) == 1 and pronoun.casefold() in speech.pronouns:
            return pronoun  # "He’s": the pronoun, its verb written onto it
        return None  # "Donald Trump’s": the owner of what follows, not the speaker
    # A verb's form right after a determiner is a noun: "le juge", "la critique".
    clause = any(
        _clause_word(w, speech)
        for i, w in enumerate(words)
        if not (i and (_noun(w, speech) or _determined(words, i, speech)))
        # "der Publizist und Philosoph Richard David Precht": two roles of one person
        and not (i and speakers.second_role(words[:i], words[i + 1 :], w.casefold(), speech))
    )
    if clause or _second_phrase(words, speech):
        return None
    if speech.nouns_capitalised and len(words) > 1 and _lower(words[-1]) and _capital(words[-2]):
        # Where every noun has a capital, one lower-case word after a name is an adverb of
        # the verb: "sagte Renkema geknickt".
        words.pop()
        comma = rest = ""
        if all(w.casefold() in speech.determiners for w in words):
            return None  # "Sein schauspielerisches": a determiner alone names nobody
    if speech.nouns_capitalised and _verb_after_noun(words, speech):
        return None  # "Christoph sucht passende Worte": a verb after the noun, its clause
    return " ".join(words) + comma + rest


def _compounds(words: list[str], speech: Speech) -> list[str]:
    """The words, a compound cut short and the one it shares its ending with taken as one:
    "Zoo- und Tierparkdirektor", "Familien- und Frauenministerin"."""
    joined: list[str] = []
    i = 0
    while i < len(words):
        if (
            words[i].endswith("-")
            and i + 2 < len(words)
            and words[i + 1].casefold() in speech.conjunctions
        ):
            joined.append(" ".join(words[i : i + 3]))
            i += 3
        else:
            joined.append(words[i])
            i += 1
    return joined


def _determined(words: list[str], i: int, speech: Speech) -> bool:
    """True for a speech verb's form that is the head noun of a phrase: after a determiner that
    marks a noun, last or before a complement or a name ("le juge", "le juge d’instruction",
    "le juge Dupont"); not "one wrote" or "the observed volume"."""
    if words[i - 1].casefold() not in speech.noun_markers:
        return False
    if words[i].casefold() not in speech.speech_verbs:
        return False
    if i + 1 == len(words):
        return True
    following = words[i + 1]
    return (
        following.casefold() in speech.complements
        or following.casefold().startswith(speech.elided)
        or following[:1].isupper()
    )


def _opens_no_phrase(words: list[str], speech: Speech) -> bool:
    """A first word opening an adverbial or a complement: "In", "Al", "die in der …"."""
    first = words[0].casefold()
    if first in _words(speech).openers or (
        first in speech.verb_adverbs and first not in speech.determiners
    ):  # "ein" is a verb particle and, in "ein Sprecher", a determiner
        return True
    content = next((w.casefold() for w in words if w.casefold() not in speech.determiners), "")
    return content in _words(speech).no_content


def _clause_word(word: str, speech: Speech) -> bool:
    """A word no speaker's noun phrase holds: a pronoun, an auxiliary, a conjunction, a clitic."""
    low = word.casefold().strip(".;:!?")
    if low in speech.determiners or (len(word) > 1 and word.isupper()):
        return False  # "ihr", "his" read as determiners; "US", "IT" as acronyms
    return low in _words(speech).clause or verb_clitic(word)


def verb_clitic(word: str) -> bool:
    """A verb written onto a word: "doesn’t", "must've", "you’re" (not "l’Elysée", "dell'Onu")."""
    for mark in _APOSTROPHES:
        before, found, after = word.partition(mark)
        if found and len(before) >= 2 and after.islower() and len(after) <= 2 and after != "s":
            return True
    return False


def _second_phrase(words: list[str], speech: Speech) -> bool:
    """A determiner inside the phrase that no complement calls for: "Kastner seine Erfahrungen"."""
    joins = _words(speech).joins
    for before, word in zip(words, words[1:], strict=False):
        low = word.casefold()
        if low not in speech.determiners or low in speech.complements | speech.particles:
            continue
        if len(word) == 1 and word.isupper():
            continue  # an initial: "Julie A. Smith"
        if before.casefold() not in joins:
            return True
    return False


def _verb_after_noun(words: list[str], speech: Speech) -> bool:
    """Where every noun has a capital, a lower-case word after a noun is no part of its phrase.

    Prepositions may follow it: "Forscher um Aneta Afelt".
    """
    joins = _words(speech).noun_joins
    return any(
        _capital(before)
        and before.casefold() not in speech.determiners
        and _lower(word)
        and word.casefold() not in joins
        for before, word in zip(words, words[1:], strict=False)
    )


def _runs_on(word: str, speech: Speech) -> bool:
    """A last word that belongs to the verb or to what follows: "hinzu", "weiter", "von"."""
    return _lower(word) and word.casefold() in _words(speech).ends


def _noun(word: str, speech: Speech) -> bool:
    """A capitalised word where every noun has a capital: "Können" is no verb there."""
    return speech.nouns_capitalised and _capital(word)


def _lower(word: str) -> bool:
    return word[:1].islower()


def _capital(word: str) -> bool:
    return word[:1].isupper()
