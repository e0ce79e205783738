"""The people an article names, so that a speaker is the person named in full, with a role.

A speaker mention as the attribution gives it ("M. Peskov", "il", "le porte-parole du Kremlin",
"Konzernchef Robert Machtlinger", "Valdis Dombrovskis, le vice-président de la Commission") is
resolved through the article's own mentions:
- a full name is a run of two capitalised words or more (particles kept, determiners, titles and
  a closing day dropped; where the language capitalises nouns, the last two words of a longer run,
  the words before being a role: "Sportdirektorin Kim Renkema"); a name in the possessive ("Jessie
  Buckley’s") is the person it names, and what follows a possessive ("Jehovah’s Witnesses") is not;
- a surname or title + surname goes back to the one full name ending with it;
- a description goes back to the name the article tied it to ("X, le ministre…", "le ministre X"),
  else, when definite ("le maire", "der CEO"), to the person who spoke just before; an indefinite
  one ("un proche", "ein Sprecher") stays as written: it names nobody wrongly;
- a personal pronoun ("he", "elle", "er") goes back to a person, never an organisation: the one
  person named since the previous quotation (or shortly before), else the one who spoke that
  quotation; a name in the possessive ("Pence’s performance") or after a verb of its clause ("he
  expects Clinton to") is acted upon and does not count, and a surname two people share counts
  but stands for neither; where the article gives a gender (a title, a gendered noun, an earlier
  pronoun), the pronoun agrees with it; of two people it could stand for, the one the sentence
  before opens with or whose words it reports ("X, …, admet que …"), else nobody; "they", "it",
  "ils" stand for nobody.
When the article does not settle it the speaker is None: a wrong name is worse than none.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from digest.extract import given_names, speaker_phrase, speakers
from digest.extract.lexicon import Speech

# Speakers longer than this are clauses, not names.
MAX_WORDS = 8
# A pronoun or a description reaches back at most this far for the person it stands for.
REACH = 1500
_SENTENCE_END = re.compile(r"(?:[.!?…][»”\"’)]*\s|\n)\s*")

# A pronoun looks back this far for the person it stands for, and takes up the current speaker
# only when that person's quotation ended this close before.
NEAR = 600

# A capitalised word, or an initial ("E."); a run of them, name particles allowed between.
_CAP = r"(?:[A-ZÀ-ÖØ-Þ][\w’'\-]*\w|[A-Z]\.)"
# Capitalised words in a row, one or more: "Jenny Walton", "South Korean".
_CAPITALISED_RUN = re.compile(rf"{_CAP}(?:[ \u00a0]+{_CAP})*")


@cache
def _run(speech: Speech) -> re.Pattern[str]:
    particles = "|".join(re.escape(p) for p in sorted(speech.particles)) or "(?!)"
    return re.compile(
        rf"(?<![\w’'\-.]){_CAP}(?:[ \u00a0]+(?:(?:{particles})[ \u00a0]+){{0,2}}{_CAP})+(?![\w’'\-])"
    )


_INITIAL = re.compile(r"[A-ZÀ-ÖØ-Þ]\.")
_QUOTATION_MARK = re.compile(r"[“”«»„\"]")
_QUOTATION_OPENS = re.compile(r"[“«„\"]\s*$")
_SURNAME = re.compile(r"(?<![\w’'\-])[A-ZÀ-ÖØ-Þ][\w’'\-]*\w")


@dataclass(frozen=True)
class Person:
    """A full name the article gives, where it first gives it, and a role tied to it."""

    name: str
    start: int
    role: str | None = None


@dataclass(frozen=True)
class Resolved:
    """A speaker resolved: the name (or kept description) and the role the article gives."""

    speaker: str | None
    role: str | None = None
    person: bool = False  # a named person (or organisation), not a description


@lru_cache(maxsize=4096)
def _fold(word: str) -> str:
    flat = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in flat if not unicodedata.combining(ch))


@cache
def _dropped(speech: Speech) -> frozenset[str]:
    """Words that open a capitalised run without being part of a name."""
    frames = frozenset(w for f in speech.frames + speech.opinion_frames for w in f.split())
    words = (
        speech.determiners
        | speech.pronouns
        | speech.conjunctions
        | speech.adverbial_starts
        | speech.honorifics
        | frozenset(h.rstrip(".") for h in speech.honorifics)
        | speech.speech_verbs
        | speech.subordinators
        | frozenset(a for a in speech.auxiliaries if not given_names.is_given_name(a.title()))
        | speech.possessives
        | speech.verb_adverbs
        | speech.negations
        | frames
    )
    return words | frozenset(w.rstrip(".") for w in words)


def _strip_role_article(role: str, speech: Speech) -> str:
    words = role.split()
    while words and words[0].casefold() in speech.determiners:
        words.pop(0)
    if words and words[0].casefold() in speech.partitives:
        words = role.split()  # "one of the founders": the count is the role's head
    for elided in speech.elided:
        if words and words[0].casefold().startswith(elided) and len(words[0]) > len(elided):
            words[0] = words[0][len(elided) :]
    return " ".join(words).strip(" ,;:")


class Mentions:
    """The full names of one article and the roles tied to them."""

    def __init__(self, text: str, speech: Speech) -> None:
        self.text = text
        self.speech = speech
        self.people: list[Person] = []
        self.positions: list[tuple[int, str]] = []  # (offset, full name) of every mention
        self.owned: set[int] = set()  # offsets of mentions in the possessive ("Pence’s")
        self.things: set[str] = set()  # names the article gives a thing ("the show La Fracture")
        self.quoted: list[tuple[int, int]] = []  # spans in quotation marks, in text order
        self.ambiguous: set[str] = set()  # surnames of two people the article names in full
        self.runs: list[tuple[int, int]] = []  # whole runs of full names, their roles included
        self._collect_full_names()
        if speech.nouns_capitalised:
            self._keep_recurring_names()
        self.surnames: dict[str, set[str]] = {}
        for person in self.people:
            self.surnames.setdefault(_fold(person.name.split()[-1]), set()).add(person.name)
        self.roles = {
            p.name: p.role for p in self.people if p.role and _reads_as_role(p.role, speech)
        }
        self.spoken: set[str] = set()  # people resolved from an explicit attribution
        self._full_names: dict[str, str | None] = {}  # full_name's answers: the table is fixed
        self._add_surname_mentions()
        self.genders = self._genders()

    def _collect_full_names(self) -> None:
        """Every run of capitalised words that is a name, with the role tied to it."""
        text, speech = self.text, self.speech
        seen: dict[str, int] = {}
        dropped = _dropped(speech)
        for m in _run(speech).finditer(text):
            words = m.group().split()
            start = m.start()
            lead: list[str] = []
            while words and words[0].casefold().rstrip(".") in dropped:
                lead.append(words.pop(0))
            if lead:
                start = text.find(words[0], start) if words else start
            while len(words) > 1 and words[-1].casefold() in speech.adverbial_starts:
                words.pop()  # "in Florida Friday": a day closes no name
            owners = [i for i, w in enumerate(words[:-1]) if _owner(w, speech)]
            if owners:
                # "Jehovah’s Witnesses", "NBC’s Dante Chinni": what follows a possessive is
                # someone or something of the owner's, never the owner.
                words = words[owners[-1] + 1 :]
                start = text.find(words[0], start)
            owned = bool(words) and _owner(words[-1], speech) is not None
            if owned:
                words[-1] = _owner(words[-1], speech) or words[-1]  # "Jessie Buckley’s"
            role = None
            if len(words) in (3, 4) and _described(words[0]):
                # "Ex-escort-turned-hairdresser Nikkie Brass": a compound of lower-case words is a
                # description, capitalised where it opens the sentence; no given name is.
                role = words.pop(0)
                start = text.find(words[0], start)
            previous_word = text[max(0, start - 20) : start].split()[-1:]
            if any(
                w.casefold() in speech.pronouns for w in lead + previous_word if w[:1].isupper()
            ):
                continue  # "I Want Power", "We Are Family": a title's clause, not a name
            if (
                speech.nouns_capitalised
                and previous_word
                and previous_word[0].casefold() in speech.determiners
            ):
                # "der Chef Matthias Frankenstein", "das Modell Trinity": a noun opens the run.
                role = words.pop(0)
                start = text.find(words[0], start) if words else start
            size = _name_size(words)
            # "Secretary of State John F. Kerry": a run after a title's complement ends with the
            # name, the title before it ("State" is no given name).
            title = re.search(r"[A-ZÀ-ÖØ-Þ][\w’'\-]*\s+(\w+)\s+$", text[max(0, start - 40) : start])
            titled_run = (
                not speech.nouns_capitalised
                and title is not None
                and title.group(1).casefold() in speech.complements
                and len(words) > size
            )
            organisation_then_name = (
                not titled_run
                and not speech.nouns_capitalised
                and _organisation_then_name(words, previous_word, speech)
            )
            if titled_run and title is not None:
                role = text[start - len(title.group()) : start] + " ".join(words[:-size])
                start = text.find(words[-size], start)
                words = words[-size:]
            elif organisation_then_name:
                # "la ministre des Sports Laura Flessel", "diputado de Convergencia Social Diego
                # Ibáñez": after a complement, the organisation's words, then the person.
                kept = _name_size(words, speech.particles)
                start = text.find(words[-kept], start)
                words = words[-kept:]
            if (
                speech.nouns_capitalised
                and len(words) > size
                and words[-2].casefold() not in (speech.particles)
            ) or _titled_name(words, speech.particles):
                # "Konzernchef Robert Machtlinger", "Board President Aaron Peskin": the words
                # before the name are its role.
                size = _name_size(words, speech.particles)
                role = " ".join(words[:-size])
                if _names_someone(words[:-size]):
                    # "hat GROOVE-Autorin Charlotte Elsen Tobias Trommer … getroffen": two
                    # people side by side, the first one's role none of the second's.
                    role = None
                start = text.find(words[-size], start)
                words = words[-size:]
            if words and _role_word(words[0], speech):
                # "Euro-Kritiker Lucke": a role and a surname, the person's full name elsewhere.
                role = words.pop(0)
            if len(words) < 2 or any(w.casefold() in speech.pronouns for w in words):
                continue
            if _titled(text, start, m.end()):
                continue  # “Wild Rose”, "DACA (Deferred Action …)": a title, an acronym's words
            if not words[0][:1].isupper():
                continue  # "von Chicago": a particle opens no name
            if any(w[:1].isupper() and w.casefold() in speech.complements for w in words[1:]):
                continue  # "The Evolution Of The …": a title in title case, not a name
            if self._group(words[-1]):
                continue  # "Top Senate Republicans", "African Americans": a group, not a person
            before_run = text[max(0, m.start() - 20) : m.start()].split()[-1:]
            if any(w.casefold() in speech.organisations for w in previous_word + before_run):
                # "the website Hugo Gloss", "her solo show La Fracture": a thing's name.
                self.things.add(" ".join(words))
                continue
            if not speech.nouns_capitalised and any(
                w.casefold() in speech.speech_verbs | speech.auxiliaries
                or speaker_phrase.verb_clitic(w)
                for w in words[1:]
            ):
                continue  # "Victony Isn’t Scared", "White House Doctor Says": a headline's words
            if (
                not speech.nouns_capitalised
                and previous_word
                and previous_word[0].casefold() in speech.determiners
                and not lead
                and not organisation_then_name
            ):
                # "la Santé du Hamas", "the White House": a thing, not a person ("the UN Linda
                # Thomas-Greenfield" ends with one).
                continue
            name = " ".join(words)
            if role is None:
                role = self._apposition(m.end(), start)
            if name not in seen:
                seen[name] = len(self.people)
                self.people.append(Person(name, start, role))
            elif role and self.people[seen[name]].role is None:
                person = self.people[seen[name]]
                self.people[seen[name]] = Person(person.name, person.start, role)
            self.positions.append((start, name))
            self.runs.append((m.start(), m.end()))
            if owned:
                self.owned.add(start)

    def _keep_recurring_names(self) -> None:
        """Where every noun has a capital, keep the names that open with a given name, or whose
        surname comes back elsewhere.

        "Robert Machtlinger" … "Machtlinger" is a person; "Langfristiger Stellenabbau" is not. A
        given name comes with its surname, while a noun ("Modell Trinity") also stands alone; a
        given name the lists know may stand alone too ("Oliver" for Oliver Pocher).
        """
        counts: dict[str, int] = {}
        for m in _SURNAME.finditer(self.text):
            word = _fold(_owner(m.group(), self.speech) or m.group())
            counts[word] = counts.get(word, 0) + 1
        # "Donald Trump" and "Donald J. Trump" are mentions of one given name and surname.
        mentioned: dict[str, int] = {}
        for _, name in self.positions:
            mentioned[_without_initials(name)] = mentioned.get(_without_initials(name), 0) + 1
        people = {
            p.name
            for p in self.people
            if given_names.is_given_name(p.name.split()[0])
            or (
                counts.get(_fold(p.name.split()[-1]), 0) >= 2
                and counts.get(_fold(p.name.split()[0]), 0)
                <= mentioned.get(_without_initials(p.name), 0)
            )
        }
        self.people = [p for p in self.people if p.name in people]
        self.positions = [(o, n) for o, n in self.positions if n in people]

    def _add_surname_mentions(self) -> None:
        """A surname alone ("Ayrault") is a mention of the one person it stands for."""
        # "Florida State President Richard McCullough": a word of a name's role is no surname.
        taken = sorted({*((o, o + len(n)) for o, n in self.positions), *self.runs})
        starts = [s for s, _ in taken]
        for m in _SURNAME.finditer(self.text):
            word = _owner(m.group(), self.speech) or m.group()  # "Buckley’s" is Buckley
            if _fold(word) not in self.surnames:
                continue
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < taken[i][1]:
                continue  # part of a full name already counted
            full = self.full_name(word)
            if full and full != word:
                self.positions.append((m.start(), full))
            elif len(self.surnames[_fold(word)]) > 1 and not self._modifier(m.end()):
                # "Clinton" where the article names Hillary and Bill Clinton: someone is named,
                # though not whom.
                self.positions.append((m.start(), word))
                self.ambiguous.add(word)
            else:
                continue
            if word != m.group():
                self.owned.add(m.start())
        self.positions.sort()

    def _group(self, word: str) -> bool:
        """True when a word is the plural of an adjective the article uses ("Republicans" beside
        "Republican senators"); a surname in -s ("Williams") has no such singular before a noun."""
        for ending in self.speech.plural_endings:
            singular = word[: -len(ending)]
            if word.endswith(ending) and len(singular) > 2:
                pattern = rf"(?<![\w’'\-]){re.escape(singular)}\s+[a-zà-ÿ]"
                if re.search(pattern, self.text):
                    return True
        return False

    def _modifier(self, end: int) -> bool:
        """True when the name ending at `end` qualifies the noun after it ("the Trump campaign",
        "Clinton aides"): a lower-case word that is no verb and joins nothing."""
        speech = self.speech
        following = self.text[end : end + 30].split()[:1]
        if not following or not following[0][:1].islower():
            return False
        word = following[0].strip(",.;:").casefold()
        joins = speech.complements | speech.conjunctions | speech.auxiliaries | speech.that
        return not (speakers.is_verb(word, speech) or word in joins or word in speech.verb_adverbs)

    def _apposition(self, end: int, start: int) -> str | None:
        """The role around a full name: 'X, le ministre de …,' after it or 'le ministre X' before."""
        speech = self.speech
        after = re.match(r",\s+([^,.;:«»“”„\"()]{3,90}?)\s*[,.;)]", self.text[end : end + 100])
        # "X, depuis le box des prévenus, …": a circumstance, not a role (a role may come before).
        first = after.group(1).split()[0] if after else ""
        # "Like Christmas, it’s a time for …": a pronoun with its verb opens a clause, no role.
        clitic = re.split(r"[’']", first.casefold())[0]
        stops = speech.adverbial_starts | speech.noun_phrase_stops
        if after and first.casefold() not in stops and clitic not in speech.pronouns:
            role = after.group(1)
            if (first.casefold() in speech.determiners or first[:1].islower()) and not any(
                speakers.is_verb(w, speech) or w.casefold() in speech.present_participles
                for w in role.split()
            ):  # "X, speaking to reporters, …" is a circumstance, not a role
                words = role.split()
                if len(words) <= 10 and words[0].casefold() not in speech.role_stops:
                    return _strip_role_article(role, speech) or None
        before = self.text[max(0, start - 80) : start]
        # "Le maire, Paul Leroy, …" / "The harbour master, Tom Reed, …": the role, a comma, the name.
        comma = re.search(r"(?:^|[.;:!?]\s+|\n)([^,.;:!?\n]{3,70}),\s*$", before)
        if comma and not speech.nouns_capitalised:
            words = comma.group(1).split()
            if (
                words
                and words[0].casefold() in speech.determiners
                and words[0].casefold() not in speech.indefinites
                and len(words) <= 8
                and not any(speakers.is_verb(w, speech) for w in words)
            ):
                return _strip_role_article(comma.group(1), speech) or None
        elided = "|".join(re.escape(e) for e in speech.elided) or "(?!)"
        m = re.search(
            rf"(?:^|[\s(])((?:{elided}|[a-zà-ÿ][\w’'\-]*[^\S\n]+)(?:[a-zà-ÿ][\w’'\-]*[^\S\n]+){{0,6}})$",
            before,
        )
        if m and not speech.nouns_capitalised:
            words = m.group(1).split()
            # The role begins at its determiner: "… a prévenu le commissaire à l'économie X".
            at = max((i for i, w in enumerate(words) if _opens_role(w, speech)), default=None)
            if at is not None:
                role = _strip_role_article(" ".join(words[at:]), speech)
                stops = speech.subordinators | speech.noun_phrase_stops | speech.that
                if (
                    role
                    and len(role.split()) <= 5
                    and not any(speakers.is_verb(w, speech) for w in role.split())
                    and not any(w.casefold() in stops for w in role.split())
                    # "an affair with X", "the effort by X": the name is a complement's.
                    and role.split()[-1].casefold() not in speech.complements | speech.agent_words
                ):
                    return role
        return None

    def _genders(self) -> dict[str, str]:
        """The gender the article gives its people: a title or gendered noun before a mention."""
        speech = self.speech
        found: dict[str, set[str]] = {}
        for offset, name in self.positions:
            before = [_fold(w.strip(".,")) for w in self.text[max(0, offset - 40) : offset].split()]
            words = before[-1:] + [_fold(w) for w in (self.roles.get(name) or "").split()]
            for word in words:
                if word in speech.masculine_words:
                    found.setdefault(name, set()).add("m")
                if word in speech.feminine_words:
                    found.setdefault(name, set()).add("f")
        return {name: g.pop() for name, g in found.items() if len(g) == 1}

    def is_person(self, name: str) -> bool:
        """False for a name that is an organisation's: its nouns, an acronym, a suffix, "its"."""
        speech = self.speech
        words = [w.strip(".,’'") for w in name.split()]
        if any(len(w) > 1 and w.isupper() and not _initials(words, i) for i, w in enumerate(words)):
            return False  # "NYPD", "CNN": an acronym
        organisations = _folded(speech.organisations)
        if any(_fold(w) in organisations | speech.company_suffixes for w in words):
            return False
        role = self.roles.get(name)
        if name in self.things or (role and _head(role, speech) & organisations):
            return False  # "her solo show La Fracture", "X, a news website": a thing's name
        if speech.nouns_capitalised and any(
            _fold(w).endswith(o) for w in words for o in organisations
        ):
            return False
        suffixes = "|".join(re.escape(w) for w in speech.company_suffixes) or "(?!)"
        things = "|".join(re.escape(w) for w in speech.thing_pronouns) or "(?!)"
        after = re.compile(
            rf"{re.escape(name)}(?:,?\s+(?i:{suffixes})\b"
            rf"|(?:,\s*|\s+(?:and\s+|\w+\s+)?)(?:{things})\s)"
        )
        if after.search(self.text):
            return False
        # A name only ever in a line of capitalised words is a heading's ("An Ambitious, Divisive
        # Legacy.") or a byline's, not a person the text speaks of.
        return not all(
            _heading(self.text, m.start()) for m in re.finditer(re.escape(name), self.text)
        )

    def agrees(self, name: str, gender: str | None) -> bool:
        """True unless the article gives `name` the other gender."""
        return gender is None or self.genders.get(name, gender) == gender

    def full_name(self, name: str) -> str | None:
        """The full name a surname or a shorter name stands for, when the article has only one."""
        if name not in self._full_names:
            self._full_names[name] = self._find_full_name(name)
        return self._full_names[name]

    def _find_full_name(self, name: str) -> str | None:
        words = name.split()
        titles = _titles(self.speech)
        # "Massachusetts Sen. Elizabeth Warren", "M. Peskov": the name follows the last title.
        cut = max(
            (i for i, w in enumerate(words) if w.casefold().rstrip(".") in titles), default=-1
        )
        words = words[cut + 1 :]
        if not words:
            return None
        short = " ".join(words)
        folded = _fold(short)
        found = self.surnames.get(_fold(words[-1]), set())
        matches = {f for f in found if _fold(f) == folded or _fold(f).endswith(" " + folded)}
        # "Republican Donald Trump", "Donald J. Trump" and "Donald Trump": the shortest full name
        # that the others end with, or are with a middle initial, is the person's name.
        plain = {_fold(f) for f in matches}
        minimal = {
            f
            for f in matches
            if not any(o != f and _fold(f).endswith(" " + _fold(o)) for o in matches)
            and (_without_initials(f) == f or _fold(_without_initials(f)) not in plain)
        }
        # "Aus Sicht von Diess" beside "Herbert Diess": a particle that is also a complement may
        # join a noun to the person's surname; the name without one is the person's. Where nouns
        # are capitalised, such a name alone ("Nachrichten von Gianni") is no surer.
        plain = {f for f in minimal if not self._complement_before_surname(f)}
        if plain or self.speech.nouns_capitalised:
            minimal = plain
        if len(minimal) == 1:
            return minimal.pop()
        return short

    def _complement_before_surname(self, name: str) -> bool:
        words = name.split()
        return len(words) > 2 and _is_complement(words[-2], self.speech)

    def last_named(self, pos: int, since: int | None = None) -> str | None:
        """The last person named before `pos` (and after `since`), not as a complement."""
        lower = max(0, pos - REACH) if since is None else since
        complements = self.speech.complements
        found = None
        for offset, name in self._people_at():
            if offset >= pos:
                break
            if offset < lower:
                continue
            before = self.text[max(0, offset - 12) : offset].split()
            if before and before[-1].casefold() in complements:
                continue
            found = name
        return found

    def named_between(self, start: int, end: int, other_than: str, given: bool = False) -> bool:
        """True when someone other than `other_than` is named between the two offsets (with
        `given`, someone whose name opens with a given name counts too)."""
        return any(start <= o < end and n != other_than for o, n in self._people_at(given))

    def _people_at(self, given: bool = False) -> list[tuple[int, str]]:
        """Mentions that surely are people: where nouns are capitalised, those who spoke, and
        with `given` those whose name opens with a given name too."""
        if not self.speech.nouns_capitalised:
            return self.positions
        return [
            (o, n)
            for o, n in self.positions
            if n in self.spoken or (given and given_names.is_given_name(n.split()[0]))
        ]

    def resolve(self, speaker: str | None, pos: int, previous: Resolved | None) -> Resolved:
        """The person a speaker mention at `pos` stands for (see the module's docstring)."""
        speech = self.speech
        if not speaker:
            return Resolved(None)
        speaker = speaker.strip(" ,;:")
        if _QUOTATION_MARK.search(speaker):
            # A mention running over quoted words ('You winning?” she') is no speaker, unless a
            # person the article names closes it: 'Den „Tag des Huhns“ begrüßt Inga Günther'.
            closing = _name_after_quotation(speaker)
            named = self.full_name(closing) if closing else None
            speaker = named if named and any(p.name == named for p in self.people) else ""
        if not speaker or speaker.casefold() in speech.impersonal:
            return Resolved(None)
        if speakers.is_pronoun(speaker):
            return self._antecedent(speaker, pos, previous)
        if _fold(speaker).replace("’", "'") in speech.first_person:
            return Resolved(None)  # "I'm greeted by …": the writer, whom the digest never names
        speaker = self._before_verb(speaker)
        phrase = speaker_phrase.noun_phrase(speaker, speech)
        if phrase is None:
            return Resolved(None)  # words that run into a clause name nobody
        speaker = phrase
        if _document(speaker, speech):
            return Resolved(None)  # "laut Tierschutzgesetz": a law's wording, nobody's words
        if speakers.is_pronoun(speaker):
            return self._antecedent(speaker, pos, previous)  # "She said that …" -> she
        if len(speaker.split()) > 1 and speaker.split()[0].casefold() in speech.pronouns:
            return Resolved(None)  # "Sie setzt sich …": a pronoun and its clause
        name, role = self._split(speaker)
        if name and role is None and self._common_word(name):
            name = None  # "Representation has been …", "Try saying …": a sentence's first word
        if (
            name
            and role is None
            and " " not in name
            and speaker.split()[0].casefold() in speech.determiners
            and not self.surnames.get(_fold(name))
            and not name.replace(".", "").isupper()  # "The IDF" is the IDF
        ):
            # "According to The Athletic": a determiner and one name, the title of a paper or a
            # band, printed whole; nobody's surname is "Athletic".
            return self._checked(speaker, None, False)
        if name:
            full = self.full_name(name) or name
            self.spoken.add(full)
            return self._checked(full, role or self.roles.get(full), True)
        description = _strip_role_article(speaker, speech)
        # "ein Sprecher" names nobody, even where the article calls someone "Sprecher der Grünen".
        indefinite = speaker.split()[0].casefold() in speech.indefinites
        tied = set() if indefinite else self._tied_to(description)
        if len(tied) == 1:
            return self._checked(tied.pop(), description, True)
        if len(tied) > 1:
            # "la toxicologue" where the article gives two toxicologists: either could speak.
            return self._checked(speaker, None, False)
        first = speaker.split()[0].casefold()
        definite = first in speech.determiners and first not in (
            speech.indefinites | speech.possessives | speech.plural_determiners
        )
        definite = definite or any(
            speaker.casefold().startswith(e) for e in speech.elided if e not in speech.complements
        )
        if _organisation(description, speech) or _acronym(description, speech):
            # "la préfecture de la Manche", "the agency", "der US-Nachrichtensender CNN": an
            # organisation speaks for itself.
            return self._checked(speaker, None, False)
        if _abstract(description, speech):
            # "cette affirmation n'a jamais été prise au sérieux : « … »", "Une information
            # judiciaire a été ouverte …": a thing said or done is the subject, nobody speaks.
            return Resolved(None)
        if _names_itself(description, speech):
            # "la préfecture des Pyrénées-Atlantiques" names its own entity; "le ministre de la
            # Santé" right after Roman Prymula spoke takes him up (a person named in full).
            people = {p.name for p in self.people}
            if (
                definite
                and self._continues(pos, previous)
                and previous
                and previous.speaker in people
                and self._fits(previous.speaker, description)
            ):
                return self._checked(previous.speaker, description, True)
            return self._checked(speaker, None, False)
        if (
            definite
            and self._continues(pos, previous)
            and previous
            and previous.speaker
            and self._fits(previous.speaker, description)
            and not self._beside(previous.speaker, speaker, pos)
            and not self._quotes_name(previous.speaker, pos)
        ):
            # "…, ajoute le politique letton": a definite description takes up who just spoke,
            # not one the article set beside that person ("Dempsey told the man …").
            return self._checked(previous.speaker, description, True)
        if definite and (self._opens_sentence(pos) or self._before_in_sentence(speaker, pos)):
            # "Yassin E. s'en défend. « … », affirme ce père de quatre enfants": the person the
            # sentence before the quotation opens with. A quotation inside a sentence, credited
            # after it, is about the person that sentence opens with, who does not speak it
            # ("Françoise Nyssen avait fait réaliser les travaux « sans autorisation », écrit Le
            # Canard enchaîné").
            opener = self.sentence_subject(pos)
            if (
                opener
                and self._fits(opener, description)
                and not self._beside(opener, speaker, pos)
                and not self._acts_apart(opener, speaker, pos)
                and not self._quotes_name(opener, pos)
            ):
                return self._checked(opener, description, True)
        if not _speaks(speaker, speech):
            return Resolved(None)  # "the second strike", "the mixtape": a thing, nobody's voice
        return self._checked(speaker, None, False)

    def _opens_sentence(self, pos: int) -> bool:
        """True when a sentence or a paragraph starts at `pos`."""
        before = self.text[max(0, pos - 12) : pos]
        return not before.strip() or re.search(r"(?:[.!?…:][»”\"’)]*|\n)\s*$", before) is not None

    def _common_word(self, word: str) -> bool:
        """True for one word the text capitalises only where a sentence opens, and writes in
        lower case elsewhere or forms as an abstract noun: a common word ("Try saying …",
        "Representation has been …"), not a name. Nobody the article names in full has it for
        a surname, and no given name is one."""
        if " " in word or self.names_in_full(word) or given_names.is_given_name(word):
            return False
        abstract = len(word) > 6 and _fold(word).endswith(self.speech.abstract_suffixes)
        if not (abstract or _in_lower_case(word, self.text)):
            return False
        found = re.finditer(_whole(word), self.text)
        return all(
            self._opens_sentence(m.start())
            or _QUOTATION_OPENS.search(self.text[max(0, m.start() - 4) : m.start()])
            for m in found
        )

    def _before_in_sentence(self, mention: str, pos: int) -> bool:
        """True when the mention comes before `pos` in the sentence holding it."""
        window = self.text[max(0, pos - 400) : pos]
        ends = [m.end() for m in re.finditer(r"[.!?…][»”\"’)]*\s+|\n", window)]
        return mention in window[ends[-1] if ends else 0 :]

    def _sentence_before(self, pos: int) -> int | None:
        """Where the sentence just before `pos` begins (or the words before it, after a colon)."""
        window = self.text[max(0, pos - 400) : pos]
        # A title before a name ("Mr. Obama") may stay a break: what follows opens with the name.
        abbreviations = self.speech.abbreviations - _titles(self.speech)
        ends = [
            m.end()
            for m in re.finditer(r"[.!?»”“\"]\s+|\n", window)
            # "on Dec. 25, Santa Claus …": no sentence ends after an abbreviation.
            if not (m.group()[0] == "." and _last_word(window[: m.start()]) in abbreviations)
        ]
        if not ends:
            return None
        last_end = ends[-1]
        base = max(0, pos - 400)
        return base + (ends[-2] if len(ends) > 1 and last_end >= len(window) - 3 else last_end)

    def sentence_subject(self, pos: int) -> str | None:
        """The person named at the start of the sentence just before `pos`, if any."""
        begin = self._sentence_before(pos)
        if begin is None:
            return None
        for offset, name in self._people_at():
            if begin <= offset < pos and not self._complement_at(offset):
                return name  # not "un encuentro con la periodista Pilar del Río"
        return None

    def _opener(self, pos: int) -> str | None:
        """The one person a short opening names in the sentence before `pos`, if any."""
        begin = self._sentence_before(pos)
        if begin is None:
            return None
        named = [(o, n) for o, n in self._people_at() if begin <= o < pos]
        if len({n for _, n in named}) != 1:
            return None
        offset, name = named[0]
        lead = self.text[begin:offset].split()
        if len(lead) > 3 or any(w.casefold().strip(",") in self.speech.pronouns for w in lead):
            return None
        return name

    def _reporter(self, pos: int) -> str | None:
        """The person whose words the sentence before `pos` reports: 'X, …, admet que …'."""
        begin = self._sentence_before(pos)
        if begin is None:
            return None
        speech = self.speech
        # Any name: one whose words are reported is a person, where nouns have capitals too.
        for offset, name in self.positions:
            if not begin <= offset < pos:
                continue
            # The mention, then its reporting verb and, a few words on, "que" / "that".
            after = re.match(
                rf"{_CAP}(?:\s+{_CAP})*,?\s+([\w’'-]+)((?:,?\s+[\w’'-]+){{1,3}})",
                self.text[offset:pos],
            )
            if (
                after
                and after.group(1).casefold() in speech.speech_verbs
                and any(w.casefold() in speech.that for w in after.group(2).split())
            ):
                return name
        return None

    def _continues(self, pos: int, previous: Resolved | None, person: bool = True) -> bool:
        """True when the previous speaker (a named person) goes on: nobody else was named since."""
        if previous is None or not previous.speaker or (person and not previous.person):
            return False
        since = self._previous_end
        return pos - since < REACH and not self.named_between(since, pos, previous.speaker)

    def words(self, speaker: str) -> str:
        """The words of a mention that stand for the speaker: 'Clinton says she …' -> 'Clinton',
        'Sie setzt sich …' -> 'Sie' (the mention as the article writes it, before resolution);
        empty when the words run into a clause that names nobody."""
        words = self._before_verb(speaker.strip(" ,;:")).split()
        if len(words) > 1 and words[0].casefold() in self.speech.pronouns:
            return words[0]
        return speaker_phrase.noun_phrase(" ".join(words), self.speech) or ""

    def _before_verb(self, speaker: str) -> str:
        """'Clinton says she …' -> 'Clinton': a mention that ran on into its clause."""
        words = speaker.split()
        for i, word in enumerate(words[1:], 1):
            if word.casefold() in self.speech.speech_verbs and words[i - 1][:1].isupper():
                return " ".join(words[:i])
        return speaker

    def _checked(self, speaker: str, role: str | None, person: bool) -> Resolved:
        if len(speaker.split()) > MAX_WORDS:
            return Resolved(None)
        if role and (len(role.split()) > 12 or not _reads_as_role(role, self.speech)):
            role = None
        return Resolved(speaker, role or None, person)

    def _beside(self, name: str, description: str, pos: int) -> bool:
        """True when a sentence up to `pos`, the attribution's own included, names the person and
        gives the description to someone else beside them ("Dempsey told the man to remove the
        bedding", "The officer tells Pence to …, “…”"): two people."""
        phrase = re.compile(_whole(description), re.I)
        named = [o for o, n in self.positions if n == name and o < pos]
        for m in phrase.finditer(self.text, 0, pos):
            start = max(self.text.rfind(". ", 0, m.start()), self.text.rfind("\n", 0, m.start()))
            ends = [
                e for e in (self.text.find(". ", m.end()), self.text.find("\n", m.end())) if e >= 0
            ]
            end = min(ends) if ends else len(self.text)
            for o in (o for o in named if start < o < end):
                between = self.text[min(m.end(), o + len(name)) : max(m.start(), o)]
                # "l'imam de la mosquée de Beaucaire, Yassin E.": the name's own role; "Dempsey
                # told the man": a verb between, two people.
                if any(speakers.is_verb(w.strip(",;"), self.speech) for w in between.split()):
                    return True
        return False

    def _acts_apart(self, name: str, description: str, pos: int) -> bool:
        """True when the sentence before `pos` names the person, then a verb of theirs, then the
        description: "Schaffner assumed the note was a joke until the man whispered to her, “…”"
        gives the description its own clause, so another person."""
        begin = self._sentence_before(pos)
        if begin is None:
            return False
        at = self.text.rfind(description, begin, pos)
        named = [o for o, n in self.positions if n == name and begin <= o < at]
        if at < 0 or not named:
            return False
        between = self.text[named[0] : at].split()
        while between and between[0][:1].isupper():
            between.pop(0)  # the name itself
        return any(speakers.is_verb(w.strip(",;"), self.speech) for w in between)

    def _fits(self, name: str, description: str) -> bool:
        """True when a description may stand for this person: a person of no other gender."""
        if _abstract(description, self.speech):
            return False  # "cette affirmation", "l’enseignement": a thing, not a person
        if _text(description, self.speech):
            return False  # "the filing", "la plainte": a text, not who spoke before it
        if _headed_by(description, _folded(self.speech.unnamed_sources), self.speech):
            return False  # "the second source": someone the article does not name
        if not _personal(description, self.speech):
            return False  # "the second strike", "the band": no noun of a person heads it
        if _ends_in_a_name(description, self.speech):
            return False  # "der CDU-Vorsitzende Friedrich Merz" is Merz, whoever spoke before
        if _plural(description, self.speech):
            return False  # "the doctors": many people, not the one who spoke before
        return self.is_person(name) and self.agrees(name, self._gender_of(description))

    def _gender_of(self, description: str) -> str | None:
        """The gender a description's own words give ("la ministre", "der Sprecher"), if any."""
        speech = self.speech
        folded = [_fold(w) for w in description.split()]
        words, first = set(folded), (folded[0] if folded else "")
        if words & speech.masculine_words or first in speech.masculine_determiners:
            return "m"
        if words & speech.feminine_words or first in speech.feminine_determiners:
            return "f"
        return None

    def _antecedent(self, pronoun: str, pos: int, previous: Resolved | None) -> Resolved:
        """Who a personal pronoun stands for: the one person it can be, else nobody."""
        speech, word = self.speech, _fold(pronoun)
        if word in speech.masculine_pronouns:
            gender: str | None = "m"
        elif word in speech.feminine_pronouns:
            gender = "f"
        else:
            return Resolved(None)  # "they", "it", "ils": nobody in particular
        since = max(0, pos - NEAR)
        current = None
        described: Resolved | None = None
        if previous is not None and previous.speaker and 0 <= pos - self._previous_end < NEAR:
            if previous.person:
                current = previous.speaker
                since = self._previous_end
            else:
                described = previous
        named: list[str] = []
        renamed = -1
        limit = self._pronoun_at(pronoun, pos)
        for offset, name in self._people_at(given=True):
            if offset >= limit:
                break  # "He said that Lund “…”": a name after the pronoun is not who it is
            if (
                name == current
                and offset >= since
                and offset not in self.owned
                and (self._opens_recent(offset, pos) or self._reports_recent(offset, pos))
            ):
                # "Lauer asked … . Trump said praise from Putin … . He said": the current
                # speaker opening the sentence before again, or reporting it ("…, dass Lucke
                # …, sagte Dolzer. Er fordert"), is who goes on; the others that sentence names
                # are what it tells of him.
                named, renamed = [], offset
                continue
            if renamed >= 0 and not self._ends_between(renamed, offset):
                continue
            if offset < since or name in named or name == current or offset in self.owned:
                # The current speaker's own attribution names him again; "Pence’s performance"
                # names an owner, not someone who acts.
                continue
            if described and self._after_in_attribution(described.speaker or "", offset):
                continue  # "…, a ajouté un ténor sur l'influence qu'a pu obtenir X": a complement
            if self._complement_at(offset) and not self._acts_in_relative(offset):
                continue  # "an den Soziologen Hartmut Rosa": a complement's, not who acts
            if self._object(offset):
                continue  # "Fowler said he expects Clinton to recover": acted upon, not acting
            if self.inside_quotation(offset):
                continue  # “… tells you Santa Claus is real …”: the speaker's words
            named.append(name)
        people = [n for n in named if self.is_person(n) and self.agrees(n, gender)]
        if not people and current and self.is_person(current) and self.agrees(current, gender):
            people = [current]  # the current speaker goes on: nobody else was named since
        reporter = None if people else self._reporter(pos)
        if reporter and self.is_person(reporter) and self.agrees(reporter, gender):
            # "Datenschutzbeauftragte Johannes Caspar erklärt, dass … « … », sagte er".
            people = [reporter]
        if len(people) > 1:
            # "Pour Jan Hamáček, cette attitude … « … », a-t-il réagi": the one person opening
            # the sentence just before the quotation, named alone in it, is who goes on.
            opener = self._opener(pos) or self._reporter(pos)
            people = [opener] if opener in people else people
        if len(people) != 1 and described and self._goes_on(described.speaker, gender, pos):
            return described  # "…, a ajouté un ténor de la droite. « … », met-il": the same one
        if len(people) != 1:
            return Resolved(None)  # nobody, or two people it could stand for
        name = people[0]
        if name in self.ambiguous:
            return Resolved(None)  # "Clinton" where the article names two Clintons
        if name != current and not self._someone(name):
            return Resolved(None)  # "Holiday Lights", "Christmas Day": nobody a pronoun is
        if gender is not None and _given_gender(name) not in (None, gender):
            # "Mario Stecher … schrieb sie": a given name of the other gender. It only ever
            # withholds: the one left is not who the pronoun stands for, nor is anyone else.
            return Resolved(None)
        if gender is not None:
            self.genders.setdefault(name, gender)
        return Resolved(name, self.roles.get(name), True)

    def _someone(self, name: str) -> bool:
        """True for a name that is a person's: one with a given name ("Kourtney"), one who spoke
        or speaks in the narration ("Han Fujun said …"), one the article describes ("Ning Zeng,
        a professor") or calls by the surname alone ("Povich"), one none of whose words the
        article writes in lower case ("Devika Rao"). "Holiday Lights" beside "the lights" is
        none of these."""
        if name in self.spoken or name in self.roles:
            return True
        words = name.split()
        if any(given_names.is_given_name(w) for w in words):
            return True
        # "the Afrobeats landscape": a surname never follows a determiner; a thing's name does.
        determiners = "|".join(re.escape(d) for d in sorted(self.speech.determiners)) or "(?!)"
        a_thing = re.search(
            rf"(?<![\w’'-])(?i:{determiners})\s+{re.escape(words[-1])}(?![\w’'-])", self.text
        )
        if not any(_in_lower_case(w, self.text) for w in words):
            return not a_thing  # "a Chiefs game", "the Star Garden": a team's, a venue's name
        for offset, mention in self.positions:
            if mention != name:
                continue
            if not self.text.startswith(name, offset):
                before = self.text[max(0, offset - 30) : offset].split()[-1:]
                if not (before and before[0][:1].isupper()) and not a_thing:
                    return True  # the surname alone, not the end of "the Pacific Rim"
                continue
            after = _VERB_AFTER.match(self.text, offset + len(name))
            if after and after.group(1).casefold() in self.speech.speech_verbs:
                return True
        return False

    def _complement_at(self, offset: int) -> bool:
        """True when a complement governs the name at `offset`, right before it or before its
        determiner and role ("of Smith", "an den Soziologen Hartmut Rosa")."""
        speech = self.speech
        before = self.text[max(0, offset - 60) : offset].split()
        said = " " + " ".join(before).casefold()
        if said.endswith(tuple(f" {frame}" for frame in speech.frames)):
            # "according to Jenny Walton": the source, no complement, unless the name qualifies
            # a noun ("according to South Korean law enforcement").
            run = _CAPITALISED_RUN.match(self.text, offset)
            return run is not None and self._modifier(run.end())
        before = before[-3:]
        right_before = True
        while before:
            word = before.pop()
            low = word.casefold()
            # "der" is a complement right before a name ("die Rede der Merkel"), the determiner
            # of a role before it ("Der Student Alejandro Donaire").
            if low in speech.complements and (right_before or low not in speech.determiners):
                return True
            right_before = False
            if not word[-1:].isalnum():
                return False  # "… der Zeit. Hartmut Rosa": another clause
            # A role's word: by its ending, its capital where nouns have one, or as a person noun
            # of the lexicon elsewhere ("con la periodista Pilar del Río").
            role = _role_word(word, speech) or (
                word[:1].isupper() if speech.nouns_capitalised else _personal(word, speech)
            )
            if not (low in speech.determiners or role):
                return False
        return False

    def _acts_in_relative(self, offset: int) -> bool:
        """True when a relative clause follows the name at `offset` ("to Lily Gladstone, who
        could become …"): the person acts there, whatever governs the name."""
        run = _CAPITALISED_RUN.match(self.text, offset)
        after = self.text[run.end() : run.end() + 20] if run else ""
        found = re.match(r",\s+(\w+)", after)
        return found is not None and found.group(1).casefold() in self.speech.relatives

    def _pronoun_at(self, pronoun: str, pos: int) -> int:
        """Where the pronoun stands when it comes before `pos` in the same sentence, else `pos`."""
        start = max(0, pos - 300)
        found = pos
        for m in re.finditer(_whole(pronoun), self.text[start:pos]):
            found = start + m.start()
        return pos if self._ends_between(found, pos) else found

    def _reports_recent(self, offset: int, pos: int) -> bool:
        """True when the mention at `offset` is the subject of the reporting verb right before it
        ("…, sagte Dolzer."), in the sentence holding `pos` or the one before."""
        before = self.text[max(0, offset - 30) : offset].split()
        return (
            bool(before)
            and before[-1].casefold() in self.speech.speech_verbs
            and len(self._sentence_ends(offset, pos)) <= 1
        )

    def _opens_recent(self, offset: int, pos: int) -> bool:
        """True when the mention at `offset` opens the sentence holding `pos` or the one before."""
        return self._opens_sentence(offset) and len(self._sentence_ends(offset, pos)) <= 1

    def _ends_between(self, start: int, end: int) -> bool:
        """True when a sentence ends between the two offsets."""
        return bool(self._sentence_ends(start, end))

    def _sentence_ends(self, start: int, end: int) -> list[re.Match[str]]:
        """The sentence ends between the two offsets; the full stop of an abbreviation, a title
        or an initial ends none ("nominee Sen. Tim Kaine", "John F. Kerry")."""
        found = []
        for m in _SENTENCE_END.finditer(self.text, start, end):
            word = _word_at_end(self.text[max(0, m.start() - 12) : m.start()])
            if self.text[m.start()] == "." and (
                len(word) == 1 or speakers.abbreviation_stop(word, self.speech)
            ):
                continue
            if speakers.ordinal_stop(self.text, m, self.speech):
                continue  # "Zum 60. Jahrestag der Befreiung erklärte …": an ordinal
            found.append(m)
        return found

    def _after_in_attribution(self, speaker: str, offset: int) -> bool:
        """True when the mention at `offset` follows the speaker in the sentence that closes the
        previous quotation: "…,” said Smith about Peter Martin" names Martin as a complement."""
        start = self._previous_end
        if self._ends_between(start, offset):
            return False
        words = speaker.split()
        return bool(words) and words[-1] in self.text[start:offset]

    def _goes_on(self, description: str | None, gender: str | None, pos: int) -> bool:
        """True when the description that spoke just before is who a pronoun of this gender at
        `pos` stands for: one person of no other gender ("un ténor" for "il", not "les proches"
        nor "la porte-parole"), with nobody else named or acting in between."""
        if not description:
            return False
        speech = self.speech
        words = description.split()
        opens = _fold(words[0]) if words else ""
        if not (
            opens in speech.determiners | speech.indefinites or opens.startswith(speech.elided)
        ):
            return False  # "Banana Bag", "Even more": no description of someone
        noun = " ".join(words[1:])  # the words after the determiner: "ténor de la droite"
        if opens in speech.plural_determiners or _plural(noun, speech):
            return False  # "les proches", "the workers": many people
        if _abstract(description, speech):
            return False
        if gender is not None and self._gender_of(description) not in (None, gender):
            return False
        return not self._anyone_named(description, pos)

    def _anyone_named(self, speaker: str, pos: int) -> bool:
        """True when more than one sentence, a new paragraph, or any name other than a complement
        of the speaker's own attribution stands between the previous quotation and `pos`: "…
        sagte der Sprecher. ¶ Tobias Lindner nennt den Vorfall ernst. ¶ „…“, sagte er" may be
        Lindner's, known or not."""
        stop = self._previous_end + len(self.text[self._previous_end : pos].rstrip())
        ends = [m.group() for m in self._sentence_ends(self._previous_end, stop)]
        if len(ends) > 1 or any("\n" in end for end in ends):
            return True
        return any(
            self._previous_end <= o < pos and not self._after_in_attribution(speaker, o)
            for o, _ in self.positions
        )

    def someone_else(self, start: int, end: int, previous: Resolved) -> bool:
        """True when the words between the offsets name a person other than the previous
        speaker, or hold a personal pronoun that stands for one."""
        for offset, name in self._people_at():
            if start <= offset < end and name != previous.speaker:
                return True
        personal = self.speech.masculine_pronouns | self.speech.feminine_pronouns
        for m in re.finditer(r"[\w’']+", self.text[start:end]):
            if _fold(m.group()) in personal:
                found = self._antecedent(m.group(), start + m.start(), previous)
                if found.speaker and found.speaker != previous.speaker:
                    return True
        return False

    def _quotes_name(self, name: str, pos: int) -> bool:
        """True when the quotation opening at `pos` names `name` ("„Lee Elder kam zu mir“, so der
        15-malige Major-Sieger"): nobody speaks of themselves by name, so another one speaks."""
        i = bisect.bisect_left(self.quoted, (pos, -1))
        if i >= len(self.quoted) or self.quoted[i][0] != pos:
            return False
        start, end = self.quoted[i]
        return any(start < o < end and n == name for o, n in self.positions)

    def inside_quotation(self, offset: int) -> bool:
        """True when the mention at `offset` lies between quotation marks."""
        i = bisect.bisect_right(self.quoted, (offset, len(self.text) + 1)) - 1
        return i >= 0 and self.quoted[i][0] < offset < self.quoted[i][1]

    def _object(self, offset: int) -> bool:
        """True when the mention at `offset` follows a verb inside its clause ("accusing Alicia
        Machado", "he expects Clinton"), not one opening an inverted attribution ('…,” said X')."""
        speech = self.speech
        before = self.text[max(0, offset - 60) : offset].split()
        if not before:
            return False
        verb = before[-1].casefold()
        if not (speakers.is_verb(verb, speech) or verb in speech.present_participles):
            return False
        if speech.verb_second and verb in speech.auxiliaries:
            return False  # "Mit vielem hatte Weikert gerechnet": the subject, after the verb
        return len(before) > 1 and not before[-2].endswith((",", "”", '"', "»", ":", "."))

    _previous_end = 0

    def set_previous_end(self, end: int) -> None:
        """Where the previous quotation ended, for pronouns that reach back to its speaker."""
        self._previous_end = end

    def _split(self, speaker: str) -> tuple[str | None, str | None]:
        """A mention as (name, role): 'X, le ministre' / 'le ministre X' / 'M. X' / 'X'."""
        speech = self.speech
        head, _, tail = speaker.partition(",")
        head, tail = head.strip(), tail.strip()
        words = head.split()
        # "Jonas Berg vom Institut für …", "Cameron Easley for Morning Consult": a name first,
        # then a complement saying where the person is from, or whom they told ("sagte
        # Allendorf der Frankfurter Allgemeinen Zeitung", a surname the article gives in full).
        run = 0
        while run < len(words) and words[run][:1].isupper():
            run += 1
        if (
            (run >= 2 or (run == 1 and self._known(words[:1])))
            and run < len(words)
            and words[run].casefold() in speech.complements
            and words[0].casefold() not in speech.determiners | _titles(speech)
            and (not speech.nouns_capitalised or self._known(words[:run]))
            and not self._ends_in_person(words[run:])
        ):
            # The run itself may open with the person's role: "Seniorautorin Naomi Halas von
            # der Rice University".
            name, role = self._split(" ".join(words[:run]))
            return name or " ".join(words[:run]), role or tail or None
        # The name is the capitalised run at the end of the head: "le ministre Jean Dupont".
        i = len(words)
        while i > 0 and (
            words[i - 1][:1].isupper()
            or (i < len(words) and words[i - 1].casefold() in speech.particles)
        ):
            i -= 1
        while i < len(words) and words[i].casefold() in speech.particles:
            i += 1
        name_words = words[i:]
        prefix = words[:i]
        owner = None
        owners = [k for k, w in enumerate(name_words[:-1]) if _owner(w, speech)]
        if owners and self._named_unowned(" ".join(name_words[owners[-1] + 1 :])):
            # "Newsguard’s Brewster", "FOX’s Greg Olsen": someone of the owner's, whom the
            # article names in full; the owner is no part of the name.
            cut = owners[-1] + 1
            owner = " ".join(name_words[: cut - 1] + [_owner(name_words[cut - 1], speech) or ""])
            prefix, name_words = [], name_words[cut:]
        titled = bool(name_words) and name_words[0].casefold().rstrip(".") in _titles(speech)
        # "die TVB-Vorstandsvorsitzende Eva Rönspieß", "der Düsseldorfer Fitnessexperte Manuel
        # Gajus": the determiner opens the mention's role.
        titled = titled or (
            len(prefix) == 1 and any(_role_word(w, speech) for w in name_words[:-1])
        )
        if prefix and name_words and _is_complement(prefix[-1], speech) and not titled:
            # "la préfecture des Pyrénées-Atlantiques", "un proche d'Edouard Philippe": the name
            # is a complement of the description, not the speaker; unless an organisation's
            # words stand before a given name and a surname: "la ministre des Sports Laura
            # Flessel" is Laura Flessel, with her role.
            if not self._title_case_title(prefix, name_words) and (
                speech.titles_capitalised
                or not _organisation_then_name(name_words, prefix[-1:], speech)
            ):
                return None, None
            size = _name_size(name_words, speech.particles)
            prefix, name_words = prefix + name_words[:-size], name_words[-size:]
        # Titles and determiners opening the run are no part of the name.
        titles = _titles(speech)
        while name_words and (
            name_words[0].casefold().rstrip(".") in titles
            or name_words[0].casefold() in speech.determiners
            or name_words[0].casefold() in speech.adverbial_starts
            or (len(name_words) > 1 and _role_word(name_words[0], speech))
        ):
            prefix.append(name_words.pop(0))
        size = _name_size(name_words, speech.particles)
        if (speech.nouns_capitalised and len(name_words) > size) or _titled_name(
            name_words, speech.particles
        ):
            prefix += name_words[:-size]
            name_words = name_words[-size:]
        if not name_words or not name_words[0][:1].isupper():
            return None, None
        if (
            speech.nouns_capitalised
            and not self._known(name_words)
            and (prefix or len(name_words) == 1)
            # "Ministerin Schulze", "Nationalparkleiter Dr. Roland Baier"
            and not any(_role_word(w, speech) for w in _untitled(prefix, speech)[-1:])
            # "Dr. Sven Baszio": a title before a given name and a surname
            and not (
                len(name_words) > 1 and prefix[-1:] and _fold(prefix[-1]).rstrip(".") in titles
            )
        ):
            # Where nouns are capitalised, "Ernster Nachsatz", "der Sprecher" or "VW-Chef" is no
            # name unless the article names that person again; the mention is kept as written.
            return None, None
        role = tail or None
        lead = [w for w in prefix if w.casefold().rstrip(".") not in titles]
        if not role and lead and lead[-1].casefold() not in speech.particles:
            candidate = _strip_role_article(" ".join(lead), speech)
            if candidate and candidate.split()[-1].casefold() not in speech.complements:
                role = candidate
        if role:
            role = _strip_role_article(role, speech) or None
        name = " ".join(name_words)
        if owner and not role and not self.roles.get(self.full_name(name) or name):
            role = owner
        return name, role

    def _ends_in_person(self, words: list[str]) -> bool:
        """True when the words end with a given name and a surname the article names as a person:
        "to the U.N. Linda Thomas-Greenfield", "of Trustees chairman Peter Collins"."""
        tail: list[str] = []
        for word in reversed(words):
            if not word[:1].isupper():
                break
            tail.insert(0, word)
        size = _name_size(tail, self.speech.particles)
        if len(tail) < size or not given_names.is_given_name(tail[-size]):
            return False
        return any(p.name == " ".join(tail[-size:]) for p in self.people)

    def _title_case_title(self, prefix: list[str], name_words: list[str]) -> bool:
        """True for a title in title case before a person the article names: "U.S. Ambassador
        to the U.N. Linda Thomas-Greenfield". A description in lower case ("an aide to Senator
        John Smith") makes the name a complement."""
        return (
            self.speech.titles_capitalised
            and all(w[:1].isupper() or _is_complement(w, self.speech) for w in prefix)
            and any(not _is_complement(w, self.speech) for w in prefix)
            and self._ends_in_person(name_words)
        )

    def _named_unowned(self, name: str) -> bool:
        """True when `name` stands for a person the article also names in full without an owner
        before: "Brewster" after "Jack Brewster" (not "Health Defense" of "Children’s Health
        Defense")."""
        full = self.full_name(name)
        if not full or not any(p.name == full for p in self.people) or not self.is_person(full):
            return False
        for m in re.finditer(_whole(full), self.text):
            before = self.text[max(0, m.start() - 30) : m.start()].split()[-1:]
            if not (before and _owner(before[0], self.speech)):
                return True
        return False

    def _known(self, words: list[str]) -> bool:
        return self.names_in_full(words[-1])

    def names_in_full(self, surname: str) -> bool:
        """True when the article gives someone of this surname in full ("Pence": Mike Pence)."""
        return _fold(surname.strip("’'.")) in self.surnames

    def _tied_to(self, description: str) -> set[str]:
        """Everyone the article tied this description to ('le ministre X', 'X, le ministre')."""
        if not description:
            return set()
        words = {_fold(w) for w in description.split()}
        head = _head(description, self.speech)
        tied = {
            name
            for name, role in self.roles.items()
            if words <= {_fold(w) for w in _strip_role_article(role, self.speech).split()}
            and head <= _head(_strip_role_article(role, self.speech), self.speech)
        }
        return tied


# The word after a name, past an apposition between commas: "Pankaj Pandey, Head of …, said".
_VERB_AFTER = re.compile(r"(?:,[^,.;]{1,80},)?\s+(\w+)")


def _in_lower_case(word: str, text: str) -> bool:
    """True when the text writes the word in lower case too, as a common word ("the lights")."""
    lower = word.casefold()
    return lower != word and re.search(_whole(lower), text) is not None


def _whole(words: str) -> str:
    """A pattern for the words standing whole, not inside a longer word ("Lee", not "Leeds")."""
    return rf"(?<![\w’'-]){re.escape(words)}(?![\w’'-])"


def _name_after_quotation(mention: str) -> str:
    """The capitalised words closing a mention after its last quotation mark, if any."""
    words = _QUOTATION_MARK.split(mention)[-1].split()
    i = len(words)
    while i > 0 and words[i - 1][:1].isupper():
        i -= 1
    return " ".join(words[i:])


def _described(word: str) -> bool:
    """True for a hyphenated word whose later parts are lower-case: "Ex-escort-turned-hairdresser",
    "Award-winning" (a name's parts are capitalised: "Jean-Paul", "al-Assad")."""
    parts = word.split("-")
    return len(parts) > 1 and all(p[:1].islower() for p in parts[1:] if p)


def _word_at_end(text: str) -> str:
    """The last word of `text`, as written."""
    found = re.search(r"\w+$", text)
    return found.group() if found else ""


def _last_word(text: str) -> str:
    """The last word of `text`, case-folded."""
    return _word_at_end(text).casefold()


def _initials(words: list[str], i: int) -> bool:
    """True when the capitals at `i` are a given name's initials without dots ("JD Vance", "AJ
    Styles"): two or three letters, then a surname."""
    word = words[i]
    return (
        i == 0
        and len(words) == 2
        and 2 <= len(word) <= 3
        and word.isalpha()
        and words[1][:1].isupper()
        and not words[1].isupper()
    )


def _owner(word: str, speech: Speech) -> str | None:
    """'Buckley’s' -> 'Buckley': the owner a possessive word names, None for another word."""
    for ending in speech.possessive_endings:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)]
    return None


def _without_initials(name: str) -> str:
    """'Donald J. Trump' -> 'Donald Trump': the name without its middle initials."""
    words = name.split()
    return " ".join([words[0], *(w for w in words[1:-1] if not _INITIAL.fullmatch(w)), words[-1]])


def _untitled(words: list[str], speech: Speech) -> list[str]:
    """The words without the titles among them ("Dr.", "Prof.")."""
    titles = _titles(speech)
    return [w for w in words if w.casefold().rstrip(".") not in titles]


def _role_word(word: str, speech: Speech) -> bool:
    """True for the noun of a role before a name: 'ATU-Organisator', 'Konzernchef'."""
    return _fold(word).endswith(_folded_endings(speech.role_endings))


def _opens_role(word: str, speech: Speech) -> bool:
    """True for a determiner that may open the role written before a name: not a bare complement
    ("professeure de nutrition") nor the article of a proper noun ("ministre de l’Intérieur")."""
    low = word.casefold()
    if low in speech.determiners:
        return low in speech.noun_markers or low not in speech.complements
    elided = next((e for e in speech.elided if low.startswith(e) and len(low) > len(e)), None)
    return (
        elided is not None
        and elided not in speech.complements  # "professeur d’histoire"
        and not word[len(elided)].isupper()
    )


@cache
def _folded(words: frozenset[str]) -> frozenset[str]:
    """A lexicon set as `_fold` leaves words ("behörde" is "behorde", "père" is "pere")."""
    return frozenset(_fold(w) for w in words)


@cache
def _folded_endings(endings: tuple[str, ...]) -> tuple[str, ...]:
    """A lexicon's endings folded as words are ("präsident" -> "prasident")."""
    return tuple(_fold(e) for e in endings)


def _name_size(words: list[str], particles: frozenset[str] = frozenset()) -> int:
    """How many of the last words make a name: a given name and a surname, with a middle initial
    between them ("Donald J. Trump") where there is one, or the surname's particles ("Alexander
    von Preen") when `particles` are given; given names before the first take their place in
    it ("Ralf Peter Reimann")."""
    if len(words) > 2 and _INITIAL.fullmatch(words[-2]):
        return 3
    size = 2
    while size < len(words) and words[-size].casefold() in particles:
        size += 1
    while (
        size < len(words)
        and given_names.is_given_name(words[-size])
        and given_names.is_given_name(words[-size - 1])
    ):
        size += 1
    return size


def _names_someone(words: list[str]) -> bool:
    """True when the words hold a full name: a given name and a capitalised word after it."""
    return any(
        given_names.is_given_name(w) and words[i + 1][:1].isupper()
        for i, w in enumerate(words[:-1])
    )


def _given_gender(name: str) -> str | None:
    """The gender ("m", "f") of the name's first word, when it is a given name of one only."""
    genders = given_names.genders(name.split()[0])
    if len(genders) != 1:
        return None
    return "f" if given_names.FEMININE in genders else "m"


def _organisation_then_name(words: list[str], previous: list[str], speech: Speech) -> bool:
    """True for a run after a complement or an owner ("Actors’ Equity Stefanie Frey") whose
    last words are a given name and a surname, and whose words before them name no person:
    no title or role ("Senate Majority Leader Mitch McConnell" is one person's), no given
    name ("Glenn Gordon Caron"). A surname naming an organisation ("Wolf Center") is none."""
    if not previous or not _titled_name(words, speech.particles):
        return False
    if not (_is_complement(previous[0], speech) or _owner(previous[0], speech)):
        return False
    if words[-1].casefold() in speech.organisations | speech.company_suffixes:
        return False
    titles = _titles(speech)
    size = _name_size(words, speech.particles)
    return not any(_role_word(w, speech) or _fold(w).rstrip(".") in titles for w in words[:-size])


def _titled_name(words: list[str], particles: frozenset[str]) -> bool:
    """True for a run of capitalised words ending in a given name and a surname, after words
    that are no given name ("Board President Aaron Peskin", "Defense Secretary Mark Esper"):
    those are the person's title. "Ruth Bader Ginsburg" is one name."""
    size = _name_size(words, particles)
    before = words[-size - 1] if len(words) > size else ""
    return (
        bool(before)
        and given_names.is_given_name(words[-size])
        and not given_names.is_given_name(before)
        and len(before.rstrip(".")) > 1  # "Christina N. Luis Olidem": an initial
    )


def _reads_as_role(role: str, speech: Speech) -> bool:
    """False for words that are no description of a person: "dann müsse", "träumten", "he"."""
    words = role.split()
    if any(w.casefold() in speech.pronouns | speech.auxiliaries for w in words):
        return False
    if any(w.casefold() in speech.speech_verbs for w in words):
        return False  # "allege in a new lawsuit that Ben Smith": a clause, not a description
    dangling = (
        speech.complements
        | speech.agent_words
        | speech.adverbial_starts
        | speech.conjunctions
        | speech.subordinators
        | speech.that
    )
    if words and words[-1].islower() and words[-1] in dangling:
        return False  # "Gelehrter aus", "auteure de", "if": words cut off before their object
    if len(words) == 1 and (role.islower() or role[:1].isdigit()) and not _personal(role, speech):
        return False  # "Erika Rosales, above,", "the real Prince Andrew", "X, 24,": no person noun
    own = next((i for i, w in enumerate(words) if w.casefold() in speech.complements), len(words))
    if _names_someone(words[:own]):
        return False  # "Korinna Hennig": another person, not a description (after "of", it is)
    if len(words) > 1 and any(p.endswith(" " + role.casefold()) for p in speech.same_source):
        return False  # "Marie Caron, de même source": where the words come from, not who she is
    # Where nouns have capitals, a role has a noun.
    return not speech.nouns_capitalised or any(w[:1].isupper() for w in words)


def _head(description: str, speech: Speech) -> set[str]:
    """The last word of a description before its first complement: "member" of "member of the …"."""
    return set(_head_words(description, speech)[-1:])


def _plural(description: str, speech: Speech) -> bool:
    """True when the head noun of a description is plural by its ending ("the physicians")."""
    noun = next(iter(_head(description, speech)), "")
    return noun in _folded(speech.plural_people) or _singular(noun, speech) != noun


def _ends_in_a_name(description: str, speech: Speech) -> bool:
    """True when a description ends in a name of its own: "CDU-Vorsitzende Friedrich Merz",
    "the White House" (where nouns have capitals, two capitalised words are still a description:
    "Stuttgarter Sportdirektorin")."""
    words = description.split()
    run = 0
    while run < len(words) and words[-1 - run][:1].isupper():
        run += 1
    return run >= (3 if speech.nouns_capitalised else 2)


def _titled(text: str, start: int, end: int) -> bool:
    """True when a run of capitalised words is a title in quotation marks (“Wild Rose”) or spells
    out the acronym before it ("DACA (Deferred Action for Childhood Arrivals)"); the comma English
    puts inside the marks may close it (“Black Water,”)."""
    before, after = text[max(0, start - 12) : start], text[end : end + 2].lstrip(",.")[:1]
    if before[-1:] in _OPENING_MARKS and after in _CLOSING_MARKS:
        return True
    return bool(re.search(r"\b[A-Z]{2,}\s*\($", before))


_OPENING_MARKS = set('“«„"‘‹')
_CLOSING_MARKS = set('”»“"’›')


def _heading(text: str, at: int) -> bool:
    """True when the line around `at` is a short run of capitalised words, as a heading is."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = re.findall(r"[^\W\d_][\w’'\-]*", text[start : end if end >= 0 else len(text)])
    return len(words) <= 10 and all(w[:1].isupper() for w in words)


def _organisation(description: str, speech: Speech) -> bool:
    """True when the head of a description is an organisation noun ("préfecture de …")."""
    return _headed_by(description, _folded(speech.organisations), speech)


def _text(description: str, speech: Speech) -> bool:
    """True when the head of a description is a text's noun ("the filing", "la plainte")."""
    return _headed_by(description, _folded(speech.texts), speech)


def _personal(description: str, speech: Speech) -> bool:
    """True when a noun of a person heads the description ("the singer", "the 54-year-old"), or
    when the language lists none."""
    if not (speech.person_nouns or speech.person_endings):
        return True
    nouns = _folded(
        speech.person_nouns | speech.masculine_words | speech.feminine_words | speech.role_acronyms
    )
    endings = _folded_endings(speech.person_endings)
    head = _head_words(description, speech)
    if not head:
        return False
    # "the governor-elect", "his ex-wife": a compound's part may be the noun. An ending counts
    # on the last word only: "the current AI boom" is no person.
    listed = any(part in nouns for word in {head[0], head[-1]} for part in word.split("-"))
    return listed or any(part.endswith(endings) for part in head[-1].split("-"))


def _speaks(description: str, speech: Speech) -> bool:
    """True when a description may be printed as a speaker: its head is a name ("the Orioles",
    "the People’s Daily", not "the current AI boom"), or a noun of a person (one or many), an
    organisation or a text ("the singer", "the researchers", "people familiar with the talks",
    "the company", "the filing"); not a thing ("the second strike", "the mixtape")."""
    written, determined = _written_head(description, speech)
    # A capital on the head's last word names something, where it opens no sentence ("Breathing
    # in mold …").
    if written and written[-1][:1].isupper() and (determined or len(written) > 1):
        return True
    head = [_fold(w) for w in written]
    nouns = _folded(
        speech.person_nouns
        | speech.plural_people
        | speech.organisations
        | speech.texts
        | speech.unnamed_sources
    )
    for one in (head, [_singular(w, speech) for w in head]):
        if _personal(" ".join(one), speech) or any(w in nouns for w in one):
            return True
    return False


def _singular(word: str, speech: Speech) -> str:
    """A noun without its plural ending ("analysts" -> "analyst"), where the language has one."""
    for ending in speech.plural_endings:
        if word.endswith(ending) and not word.endswith(speech.singular_endings):
            return word[: -len(ending)]
    return word


def _head_words(description: str, speech: Speech) -> list[str]:
    """The folded words of a description before its first complement."""
    head: list[str] = []
    for word in description.split():
        if _is_complement(word, speech):
            break
        head.append(_fold(word))
    return head


def _headed_by(description: str, nouns: frozenset[str], speech: Speech) -> bool:
    """True when the first or the last word before a description's first complement is one of
    the folded `nouns`; where nouns are capitalised, a compound ending with one ("Präsidialamt",
    "Innenministerium") counts."""
    head = _head_words(description, speech)
    if not head:
        return False
    if head[0] in nouns or head[-1] in nouns:
        return True
    return speech.nouns_capitalised and any(head[-1].endswith(n) for n in nouns)


def _abstract(description: str, speech: Speech) -> bool:
    """True when a description is headed by an abstract noun ("cette affirmation", "eine baldige
    Lösung"); people named after one ("aviation analysts") are people."""
    nouns = {_fold(w) for w in description.split()[:1]}
    head = _written_head(description, speech)[0]
    # The noun after the adjectives too ("eine baldige Lösung"), unless it names a text or an
    # organisation ("the draft resolution") or is a name ("Actors’ Equity").
    if (
        head
        and (speech.nouns_capitalised or not head[-1][:1].isupper())
        and _fold(head[-1]) not in _folded(speech.texts | speech.organisations)
    ):
        nouns.add(_fold(head[-1]))
    return (
        bool(speech.abstract_suffixes)
        and any(noun.endswith(speech.abstract_suffixes) for noun in nouns)
        and not _plural(description, speech)
    )


def _document(mention: str, speech: Speech) -> bool:
    """True when a mention's last word is a law or a regulation ("Tierschutzgesetz")."""
    words = mention.split(",")[0].split()
    endings = tuple(_fold(e) for e in speech.documents)
    return bool(words and endings) and _fold(words[-1].strip(".;:")).endswith(endings)


def _names_itself(description: str, speech: Speech) -> bool:
    """True when a description holds a complement with a proper name ("… des Pyrénées")."""
    words = description.split()
    return any(
        _is_complement(a, speech) and b[:1].isupper() and not speech.nouns_capitalised
        for a, b in zip(words, words[1:], strict=False)
    )


def _acronym(description: str, speech: Speech) -> bool:
    """True when an acronym names the description ("US-Nachrichtensender CNN", "the IDF", not
    "Konzernchef von FACC" nor "the current AI boom")."""
    words = description.split()
    if len(words) == 1 and len(words[0]) > 1 and words[0].isupper():
        # "the IDF", "the WPTV": the acronym is the description ("der CEO" is a person's office).
        return words[0].casefold() not in speech.role_acronyms
    # The acronym closes the words before any complement: not "the current AI boom".
    head = _written_head(description, speech)[0]
    return len(head) > 1 and len(head[-1]) > 1 and head[-1].isupper()


def _written_head(description: str, speech: Speech) -> tuple[list[str], bool]:
    """The words of a description after its determiners and before its first complement, as
    written ("some crypto analysts" -> "crypto analysts"), and whether a determiner opened it."""
    words = description.split()
    skip = 0
    while skip < len(words) and _is_complement(words[skip], speech):
        skip += 1
    rest = words[skip:]
    return rest[: len(_head_words(" ".join(rest), speech))], skip > 0


def _is_complement(word: str, speech: Speech) -> bool:
    low = word.casefold()
    if low in speech.complements or low in speech.determiners:
        return True
    # "d’Edouard" is a complement; "l’avocate" is a determiner and its noun.
    return any(
        low.startswith(e) and len(low) > len(e) for e in speech.elided if e in speech.complements
    )


@cache
def _titles(speech: Speech) -> frozenset[str]:
    return speakers.titles() | frozenset(h.rstrip(".") for h in speech.honorifics)
