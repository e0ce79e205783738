"""Language knowledge as data: one module per language, read by language-blind code.

Each module beside this one (`en.py`, `fr.py`, ...) defines `LEXICON`, a `Lexicon` holding what the
rules of one language need. The extraction code asks `for_language(code)` for the lexicon of the
article's language, or `every_language()` where a page may mix languages (a German page with an
English byline), and never compares language codes itself. Adding a language is adding a module
here and its tests.

The knowledge falls in two parts, each read by its own rules:
- `Speech`: what quotes and speakers need (speech verbs, attribution frames, pronouns...);
- `Names`: what bylines, honorifics, agencies and dates need.
A language the rules know only a little of has a small module all the same (`pl.py`: its time zone).
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Speech:
    """What the quote and speaker rules know of a language."""

    # Every field has an empty default, so a language may leave out what it does not need. Words
    # are lower-case; the rules compare case-folded words.

    # Verbs that report speech as a finite form: "said", "explique", "sagte". Either order works:
    # "X said" and "…, said X" / "…, explique X" / "…, sagte er".
    speech_verbs: frozenset[str] = field(default_factory=frozenset)
    # Speech verbs that report only where their clause opens, after a quotation or a comma: "„…“,
    # so der Minister"; elsewhere the word is an adverb ("würde so das „Ende“ herbeiführen").
    clause_openers: frozenset[str] = field(default_factory=frozenset)
    # Phrases that report a quotation without naming anyone, right after it: "„…“, heißt es",
    # "« … », peut-on lire". The source is the one the sentence before reports, if any.
    impersonal_reports: tuple[str, ...] = ()
    # Past participles that report speech only after an auxiliary: "a déclaré X", not "le prévenu".
    participles: frozenset[str] = field(default_factory=frozenset)
    # Present participles sharing the subject of the main clause: "…, saying that", "estimant".
    present_participles: frozenset[str] = field(default_factory=frozenset)
    # Words that make a counted determiner part of a role: "one of the founders", "l'un des".
    partitives: frozenset[str] = field(default_factory=frozenset)
    auxiliaries: frozenset[str] = field(default_factory=frozenset)
    # Word shapes of verbs outside the lists: English "-ed" past tenses, French "s'…" / "n'…".
    verb_suffixes: tuple[str, ...] = ()
    verb_prefixes: tuple[str, ...] = ()
    # Words between an inverted verb and its subject: "a ajouté ainsi X", "sagte zudem X".
    verb_adverbs: frozenset[str] = field(default_factory=frozenset)
    # Openers skipped before a subject after an inverted verb: "pour sa part", "de même source".
    subject_preludes: tuple[str, ...] = ()
    # Pronouns that can be a speaker ("he", "elle", "er"); `impersonal` ones name nobody ("on").
    pronouns: frozenset[str] = field(default_factory=frozenset)
    impersonal: frozenset[str] = field(default_factory=frozenset)
    # Pronouns of the person's own words when an inverted verb carries them: "a-t-il ajouté" has
    # the regular expression `inverted_pronoun` (group 1 or 2 is the pronoun).
    inverted_pronoun: str = ""
    # Personal pronouns in the subject's case ("er", "sie", "he"): one right after a reporting
    # verb is its subject, whatever stands before the verb ("Im Gespräch erzählte sie, …").
    subject_pronouns: frozenset[str] = field(default_factory=frozenset)
    determiners: frozenset[str] = field(default_factory=frozenset)
    # Determiners and numerals naming nobody in particular: "un proche", "ein Sprecher", "a source".
    indefinites: frozenset[str] = field(default_factory=frozenset)
    # Determiners written onto their noun: "l’ingénieur", "d’anciens".
    elided: tuple[str, ...] = ()
    # Determiners that mark a noun rather than a verb right after them ("la note", "die Frage").
    noun_markers: frozenset[str] = field(default_factory=frozenset)
    # Attribution frames introducing a source: "selon X", "according to X", "laut X".
    frames: tuple[str, ...] = ()
    # Frames naming an opinion holder at the start of a sentence: "pour X, « … »", "für X".
    opinion_frames: tuple[str, ...] = ()
    # Phrases crediting the source named just before: "ajoute-t-on de même source", "the same
    # source said", "hieß es aus derselben Quelle": the previous speaker goes on.
    same_source: tuple[str, ...] = ()
    # Verbs of a speaker going on ("added", "a ajouté", "fügte hinzu", "añadió"): who they credit
    # also spoke just before, so a quotation left without a speaker in the sentence before is theirs.
    going_on: frozenset[str] = field(default_factory=frozenset)
    # The preposition of a passive agent: "« … » par un dirigeant", "… by a spokesman".
    agent_words: frozenset[str] = field(default_factory=frozenset)
    # Nouns after the agent word that are no agent: "par le passé", "par exemple".
    not_agents: frozenset[str] = field(default_factory=frozenset)
    # Phrases taking up a quotation before naming its speaker: "c'est ainsi que X a …".
    this_way: tuple[str, ...] = ()
    # Titles written before a name: "M.", "Mme", "Mr", "Dr", "Herr", "Frau", "Pr".
    honorifics: frozenset[str] = field(default_factory=frozenset)
    # Abbreviations ending in a full stop that ends no sentence ("Mr.", "Mme.", "Dr.").
    abbreviations: frozenset[str] = field(default_factory=frozenset)
    # Words that start an adverbial before the subject: "In July, …", "Concernant …".
    adverbial_starts: frozenset[str] = field(default_factory=frozenset)
    # Words that end one: "Twenty-two years ago, …".
    adverbial_ends: frozenset[str] = field(default_factory=frozenset)
    # Endings of an adverb that can stand alone before the subject: "Posteriormente, X …".
    adverb_endings: tuple[str, ...] = ()
    # Words ending a speaker's noun phrase: "X in an interview", "X lors de …", "X am Montag".
    noun_phrase_stops: frozenset[str] = field(default_factory=frozenset)
    # Words ending a role given in apposition: "X, the mayor, who …".
    role_stops: frozenset[str] = field(default_factory=frozenset)
    # Relative pronouns opening a clause whose subject is the name before the comma: "…, with
    # McConnell, …, who in 2010 said" is McConnell's; "to Lily Gladstone, who could become …"
    # makes her act, though a complement governs her name.
    relatives: frozenset[str] = field(default_factory=frozenset)
    subordinators: frozenset[str] = field(default_factory=frozenset)
    negations: frozenset[str] = field(default_factory=frozenset)
    conjunctions: frozenset[str] = field(default_factory=frozenset)
    # Words introducing reported content: "that", "que", "dass".
    that: frozenset[str] = field(default_factory=frozenset)
    # Name particles ("de", "van", "von"): the language's `Names.particles`, which `Lexicon`
    # hands over; a module declares them there, once, for the byline and the speaker rules alike.
    particles: frozenset[str] = field(default_factory=frozenset)
    # Names of the months and weekdays in full ("september", "lundi"): the language's
    # `Names.months` and `Names.weekdays`, which `Lexicon` hands over. A mention headed by one
    # ("Für den September 1935 …") is a date, never a speaker.
    calendar: frozenset[str] = field(default_factory=frozenset)
    # Words after which a number and its full stop are an ordinal, where the language writes
    # ordinals so ("zum 60. Jahrestag", "im 19. Jahrhundert"): that full stop ends no sentence.
    before_ordinals: frozenset[str] = field(default_factory=frozenset)
    # Words after which a name is a complement, not the one who speaks: "of", "de", "von".
    complements: frozenset[str] = field(default_factory=frozenset)
    # Nouns heading a description of an organisation ("la préfecture", "the agency", "das Amt"):
    # such a description never takes up the person who spoke before it.
    organisations: frozenset[str] = field(default_factory=frozenset)
    # Nouns naming a text, a work or a deal ("the filing", "la plainte", "das Urteil"): a
    # description headed by one ("The 11th-hour compromise calls for …") is the text, never the
    # person who spoke before it. Where nouns are capitalised, compounds ending with one count.
    texts: frozenset[str] = field(default_factory=frozenset)
    # Nouns naming a source the article does not name ("a source", "the insider", "eine
    # Quelle"): printed as written, never taken for a person the article names.
    unnamed_sources: frozenset[str] = field(default_factory=frozenset)
    # Nouns of many people without a plural ending ("people", "men", "the couple"): never one.
    plural_people: frozenset[str] = field(default_factory=frozenset)
    # Nouns naming a person ("judge", "pope") and endings of such nouns ("-er", "-ist",
    # "-year-old"): where a language lists them, a description takes up the person who spoke
    # before it only when one heads it ("the singer", not "the second strike" nor "the band").
    person_nouns: frozenset[str] = field(default_factory=frozenset)
    person_endings: tuple[str, ...] = ()
    # Endings of the nouns naming a text that binds or rules ("Tierschutzgesetz", "Verordnung"):
    # "laut Infektionsschutzgesetz" quotes the law's wording, which nobody is saying.
    documents: tuple[str, ...] = ()
    # Gender the article itself states, for a pronoun to agree with its person: personal pronouns
    # ("he", "elle", "er"; only these ever stand for a person: "they", "ils" stand for nobody),
    # titles ("Mr", "Mme", "Frau") and nouns ("chairman", "présidente", "Sprecherin").
    masculine_pronouns: frozenset[str] = field(default_factory=frozenset)
    feminine_pronouns: frozenset[str] = field(default_factory=frozenset)
    masculine_words: frozenset[str] = field(default_factory=frozenset)
    feminine_words: frozenset[str] = field(default_factory=frozenset)
    # Determiners that give a description its gender where a noun has two ("la porte-parole",
    # "un ténor"): "la porte-parole … a-t-il ajouté" is somebody else.
    masculine_determiners: frozenset[str] = field(default_factory=frozenset)
    feminine_determiners: frozenset[str] = field(default_factory=frozenset)
    # Pronouns of a thing ("its"): a name the article takes up with one is no person.
    thing_pronouns: frozenset[str] = field(default_factory=frozenset)
    # Determiners of a possessor ("his", "sa", "seine"): what they open ("his lawyer", "sa
    # défense") is someone or something of the person, never the person who just spoke.
    possessives: frozenset[str] = field(default_factory=frozenset)
    # Endings that make a name its owner's ("Jessie Buckley’s"): the person is the name without
    # them, and a run of capitals with one inside ("Jehovah’s Witnesses") names a thing of theirs.
    possessive_endings: tuple[str, ...] = ()
    # Endings of abstract nouns ("-tion", "-ment", "-ung"): a description headed by one ("cette
    # affirmation", "die Mitteilung") is a thing said or done, never a person.
    abstract_suffixes: tuple[str, ...] = ()
    # Marks of a plural description ("les médecins", "the doctors"): many people, never the one
    # person who spoke before. Determiners that are plural only, and noun endings of the plural
    # with the singular endings they must not be mistaken for ("s", but not "ss": "the witness").
    plural_determiners: frozenset[str] = field(default_factory=frozenset)
    plural_endings: tuple[str, ...] = ()
    singular_endings: tuple[str, ...] = ()
    # Endings of the nouns of a role written before a surname ("Konzernchef Machtlinger",
    # "Euro-Kritiker Lucke", "Professor Drosten"): where nouns are capitalised, such a word is the
    # person's role, not a given name.
    role_endings: tuple[str, ...] = ()
    # Acronyms of a person's office ("CEO", "CFO"): "the CEO" is someone, "the IDF" an organisation.
    role_acronyms: frozenset[str] = field(default_factory=frozenset)
    # Words closing a company's name ("Inc", "GmbH", "SA"): the name is no person's.
    company_suffixes: frozenset[str] = field(default_factory=frozenset)
    # Verb forms of reported speech ("sei", "habe", "würden": the German Konjunktiv): a sentence
    # holding one reports somebody's words, so a quoted fragment in it may take up the person
    # who spoke before, even several quotations on; a fragment in the writer's own indicative
    # narration ("Die Länder haben ein „Arbeitsprogramm“ aufgesetzt") is a scare quote then.
    reported_forms: frozenset[str] = field(default_factory=frozenset)
    # Words of the first person and of opinion, which make a better pull quote.
    first_person: frozenset[str] = field(default_factory=frozenset)
    opinion: frozenset[str] = field(default_factory=frozenset)
    # Conventions. `inner_quotations`: a quotation inside a sentence of the writer's is the words
    # between the marks (French and German newsrooms); otherwise the reported clause around them
    # (the English news convention). `comma_inside`: an interrupted quotation keeps its comma
    # inside the marks ('“…,” she said. “…”'). `nouns_capitalised`: every noun starts with a
    # capital, so a capitalised word before a name may be a role ("Konzernchef Robert …").
    # `verb_second`: see below.
    inner_quotations: bool = False
    comma_inside: bool = False
    nouns_capitalised: bool = False
    # `titles_capitalised`: a title before a name has a capital ("House Speaker Nancy Pelosi",
    # "President Joe Biden"), so capitalised words between a complement and a name may be the
    # person's title ("an aide to House Speaker …" is the aide); elsewhere ("le président
    # Macron") they name an organisation ("la ministre des Sports Laura Flessel").
    titles_capitalised: bool = False
    # `verb_second`: the finite verb comes second, so "…, versichert X:" names its subject after
    # the verb and what stands before it is often no subject ("Zumindest … wird es nicht fehlen").
    verb_second: bool = False
    # `drops_subject`: a finite verb needs no subject pronoun ("Sobre el acuerdo dijo que …"), so
    # a clause may open with a complement and have no subject at all before its verb.
    drops_subject: bool = False

    def __post_init__(self) -> None:
        # The rules compare case-folded words, and folding changes some lower-case words ("weiß"
        # is "weiss"): each word is kept in both forms.
        for name in self.__dataclass_fields__:
            words = getattr(self, name)
            if isinstance(words, frozenset):
                object.__setattr__(self, name, words | {w.casefold() for w in words})

    def union(self, other: Speech) -> Speech:
        """Both languages' words together (conventions from this one), for text of unknown language."""
        merged: dict[str, object] = {}
        for name in self.__dataclass_fields__:
            mine, theirs = getattr(self, name), getattr(other, name)
            if isinstance(mine, frozenset):
                merged[name] = mine | theirs
            elif isinstance(mine, tuple):
                merged[name] = mine + tuple(t for t in theirs if t not in mine)
            elif isinstance(mine, str):
                merged[name] = "|".join(p for p in (mine, theirs) if p)
            else:
                merged[name] = mine
        return Speech(**merged)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Names:
    """What the byline, author and date rules know of a language.

    Words are lower case; the rules fold case (and drop dots in agency names) before looking.
    """

    byline_labels: tuple[str, ...] = ()
    # Words before the agency a closing credit names ("Reporting by The Associated Press.",
    # "Quelle: kathpress", "(avec AFP)", "(Mit Material von dts)"), lower case.
    credit_labels: tuple[str, ...] = ()
    # Words opening the line that names the institution whose press release a page prints
    # ("Provided by University of Tokyo", "Materials provided by …"), lower case.
    provider_labels: tuple[str, ...] = ()
    # Wire agencies, as their short or long names are printed ("dpa", "agence france-presse"):
    # credited as authors. Each language lists the agencies that write copy in it (English
    # also the international ones); the rules read them all, since any page may credit any.
    agencies: frozenset[str] = frozenset()
    # Words naming a desk or a publication's team rather than a person ("redaktion", "staff").
    desk_words: frozenset[str] = frozenset()
    # Words that make a byline part a role, an organisation or a phrase rather than a name.
    not_a_name: frozenset[str] = frozenset()
    # Job titles printed beside a name in a byline ("korrespondentin", "editor"), and words
    # that stand there too ("mehr", "posted"): cut off a name's ends, never a name themselves.
    roles: frozenset[str] = frozenset()
    # Lower-case words inside names ("van", "de", "von"): not a given name or a family name. The
    # speaker rules read them too (`Speech.particles`), where a particle joins the capitalised
    # words around it into one name: a word that as often joins a name to a noun (German "zu",
    # "der") is left out of its language. Bylines read every language's.
    particles: frozenset[str] = frozenset()
    # Letters after a name that stay attached to it ("Jane Doe, MD").
    credentials: frozenset[str] = frozenset()
    # Academic titles before a name ("prof", "dr"), read with or without their dot.
    academic_titles: tuple[str, ...] = ()
    # Month names and their abbreviations by number (1-12); weekday names. Where dateparser's
    # language data has them, the module takes them from there.
    months: tuple[tuple[str, ...], ...] = ()
    weekdays: tuple[str, ...] = ()
    # Whether a slashed date reads month/day ("02/03/2022" is February 3rd), and the regions
    # (subtags, country domains) of the language that write the day first all the same.
    month_first: bool = False
    day_first_regions: frozenset[str] = frozenset()
    # Labels a site puts in brackets after a headline to announce its media ("… [Watch]",
    # "… (video)"), lower case: not part of the title.
    media_labels: frozenset[str] = frozenset()
    # The Faker locales whose person data list the given names of the language's countries
    # ("fr_FR", "fr_CH"), with their gender: `given_names` reads every language's, since an
    # article names people from anywhere.
    given_name_locales: tuple[str, ...] = ()
    # Given names those locales lack, lower case, by gender ("will" for Will Smith): a short
    # form the lists give only in full ("William") would otherwise read as a common word.
    masculine_given_names: frozenset[str] = frozenset()
    feminine_given_names: frozenset[str] = frozenset()
    # Where the language's newsrooms keep time ("Europe/Berlin"): a UTC timestamp on a page whose
    # site names no country moves there, so that it falls on the day the page printed.
    time_zone: str = ""

    @staticmethod
    def months_of(code: str, *more: str) -> tuple[tuple[str, ...], ...]:
        """A language's month names and abbreviations from dateparser's data, January first.

        Each name also comes without its accents ("février", "fevrier"), as pages write both;
        `more` adds forms the library lacks, each as "number:form" ("3:maerz").
        """
        info = _dateparser_info(code)
        months = [list(_spellings(info.get(name, ()))) for name in _MONTH_KEYS]
        for extra in more:
            number, _, form = extra.partition(":")
            months[int(number) - 1] += _spellings([form])
        return tuple(tuple(dict.fromkeys(forms)) for forms in months)

    @staticmethod
    def weekdays_of(code: str) -> tuple[str, ...]:
        """A language's weekday names in full ("montag", "lundi"), from dateparser's data."""
        info = _dateparser_info(code)
        # The longest form is the full name; abbreviations ("mi", "don") are common words.
        return tuple(max(_spellings(info.get(name, ())) or ("",), key=len) for name in _DAY_KEYS)


_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")  # fmt: skip
_DAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _dateparser_info(code: str) -> dict[str, list[str]]:
    """dateparser's data for one language: a module holding one dict, `info`.

    The file is loaded on its own: importing it through its package would first run
    dateparser's start-up (0.3 s), which every command reading a lexicon would pay.
    """
    package = importlib.util.find_spec("dateparser")
    if package is None or not package.submodule_search_locations:
        return {}
    path = Path(package.submodule_search_locations[0], "data", "date_translation_data")
    spec = importlib.util.spec_from_file_location(f"_dateparser_{code}", path / f"{code}.py")
    if spec is None or spec.loader is None:
        return {}
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    info: dict[str, list[str]] = module.info
    return info


def _spellings(forms: Iterable[str]) -> tuple[str, ...]:
    """Lower-case forms of a calendar word, each also without accents; dots dropped."""
    out: list[str] = []
    for form in forms:
        word = form.casefold().strip(". ")
        if len(word) < 3 or not word.isalpha():
            continue  # "lu", "mo": two letters are too often something else
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)
        )
        out += [word, plain] if plain != word else [word]
    return tuple(out)


@dataclass(frozen=True)
class Lexicon:
    """Everything the rules know of one language."""

    code: str
    speech: Speech = field(default_factory=Speech)
    names: Names = field(default_factory=Names)

    def __post_init__(self) -> None:
        if self.speech.particles:
            raise ValueError(f"{self.code}: name particles belong in Names, not Speech")
        if self.speech.calendar:
            raise ValueError(f"{self.code}: month and weekday names belong in Names, not Speech")
        # The speaker rules find name particles and calendar words in their own part, declared
        # once in `Names`; a month's abbreviations ("sept", "jän") are left out: each begins
        # a longer form of its month.
        months = frozenset(
            f for forms in self.names.months for f in forms
            if not any(o != f and o.startswith(f) for o in forms)
        )  # fmt: skip
        calendar = months | frozenset(w for w in self.names.weekdays if w)
        speech = replace(self.speech, particles=self.names.particles, calendar=calendar)
        object.__setattr__(self, "speech", speech)


_EMPTY = Lexicon(code="")


def languages() -> tuple[str, ...]:
    """The codes of the languages that have a module here, sorted."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.ispkg))


@cache
def for_language(code: str | None) -> Lexicon:
    """The lexicon of a language (ISO 639-1); an empty one for a language without a module."""
    if not code or code not in languages():
        return _EMPTY
    module = importlib.import_module(f"{__name__}.{code}")
    lexicon: Lexicon = module.LEXICON
    return lexicon


@cache
def every_language() -> tuple[Lexicon, ...]:
    """Every language's lexicon, for rules that hold whatever the article's language."""
    return tuple(for_language(code) for code in languages())
