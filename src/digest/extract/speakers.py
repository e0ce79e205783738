"""Who speaks: attributions around and inside a quotation, in any language the lexicon knows.

Each finder looks at one side of a quotation (the text after its closing mark, the text before its
opening mark, or the inside of a quotation with an incise) and returns the speaker as the text names
it: a name, a name with its role ("Willem van Rijn, Greenpeace COO"), a noun phrase ("a source") or a
pronoun, which mentions.py then resolves to the person the article names. No parser: the words of
the article's language (lexicon `Speech`) and the shape of the words (capitals, verb endings) stand
in for one. Every function takes the article's language code and reads its lexicon; a text of an
unknown language gets every language's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, reduce

from digest.extract import given_names, lexicon
from digest.extract.lexicon import Speech


@cache
def speech_of(language: str | None) -> Speech:
    """The speech lexicon of a language; every language's words together when it has none."""
    code = (language or "").split("-")[0].casefold()
    found = lexicon.for_language(code).speech
    if found.speech_verbs:
        return found
    return everyone()


@cache
def everyone() -> Speech:
    """Every language's speech words together."""
    return reduce(Speech.union, (lex.speech for lex in lexicon.every_language()), Speech())


@cache
def _inverted(speech: Speech) -> re.Pattern[str] | None:
    return re.compile(speech.inverted_pronoun) if speech.inverted_pronoun else None


@cache
def _frame(speech: Speech, anywhere: bool) -> re.Pattern[str] | None:
    """'selon X' / 'according to X' / 'laut X': the frame and the words after it."""
    if not speech.frames:
        return None
    words = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in speech.frames)
    if anywhere:
        return re.compile(rf"(?:^|[\s,(])(?:{words})\s+", re.I)
    return re.compile(rf"(?:^|.*[\s,(])(?:{words})\s+(.+)$", re.S | re.I)


@cache
def _opinion_frame(speech: Speech) -> re.Pattern[str] | None:
    """'Pour X, « … »': a frame opening the sentence names the holder of the opinion."""
    if not speech.opinion_frames:
        return None
    conj = "|".join(re.escape(c) for c in sorted(speech.conjunctions))
    words = "|".join(re.escape(f) for f in speech.opinion_frames)
    lead = rf"(?:(?:{conj})\s+)?" if conj else ""
    return re.compile(rf"^{lead}(?:{words})\s+(.+)$", re.S | re.I)


@cache
def _this_way(speech: Speech) -> re.Pattern[str] | None:
    if not speech.this_way:
        return None
    return re.compile(rf"^(?:{'|'.join(speech.this_way)})(.+)$", re.S | re.I)


@cache
def _preludes(speech: Speech) -> re.Pattern[str] | None:
    if not speech.subject_preludes:
        return None
    return re.compile(rf"^(?:{'|'.join(re.escape(p) for p in speech.subject_preludes)})\s+")


_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w’'.\-]*$")
_PARENS = re.compile(r"\s*\([^()]{0,60}\)")
_DASH_SIGNATURE = re.compile(r"^\s*[―—–]\s*([A-ZÀ-ÖØ-Þ][^\n.,;]{1,60}(?:,[^\n.;]{1,60})?)")
_WORDS = re.compile(r"[\w’'-]+")
_TRAILING = re.compile(r"[\s,;:.!?)\]»”\"]+$")
_SENTENCE_BREAK = re.compile(r"[.?!…][»”“\"’']*\s")
# A dash set off by spaces ends a clause: "sagt Frankenstein – aber alle …".
_DASH_BREAK = re.compile(r"\s[–—―]\s")


@dataclass(frozen=True)
class Attribution:
    """A speaker mention and where its attribution clause ends (for tails) or starts (for heads)."""

    speaker: str
    edge: int


def is_pronoun(speaker: str | None) -> bool:
    """True when the speaker is a bare pronoun ("he", "elle", "er")."""
    return bool(speaker) and str(speaker).casefold() in everyone().pronouns


def is_name(speaker: str | None) -> bool:
    """True when the speaker starts with a capitalised name (not a pronoun or a description)."""
    if not speaker or is_pronoun(speaker):
        return False
    every = everyone()
    words = speaker.split(",")[0].split()
    return (
        bool(words)
        and words[0].casefold() not in every.determiners
        and all(
            _NAME_WORD.match(w)
            or w.casefold() in every.particles
            or w.casefold().rstrip(".") in every.abbreviations
            for w in words
        )
    )


def starts_noun_phrase(word: str, language: str | None = None) -> bool:
    """True when a word can open a speaker mention: a name, a determiner or a pronoun."""
    speech = speech_of(language)
    low = word.casefold()
    if speech.elided and low.startswith(speech.elided) and len(low) > 2:
        return True  # "l’ingénieur"
    if low in speech.determiners or low in speech.pronouns:
        return True
    # "Auf die Frage", "In July": a capitalised preposition opens no noun phrase.
    return bool(_NAME_WORD.match(word)) and low not in speech.adverbial_starts


def is_verb(word: str, speech: Speech) -> bool:
    """True when a word is a verb by the lexicon's lists or by its shape ("-ed", "s’")."""
    low = word.casefold()
    if low in speech.speech_verbs or low in speech.participles or low in speech.auxiliaries:
        return True
    if speech.verb_prefixes and low.startswith(speech.verb_prefixes):
        return True
    return (
        bool(speech.verb_suffixes)
        and word.islower()
        and len(word) > 4
        and low.endswith(speech.verb_suffixes)
        and "-" not in word
    )


def cut_clause(text: str, language: str | None = None) -> str:
    """Text up to the first real end of clause: a full stop that ends no abbreviation or initial."""
    speech = speech_of(language)
    dash = _DASH_BREAK.search(text)
    if dash:
        text = text[: dash.start()]
    for m in re.finditer(r"[.;:!?«»“”„\"\n]", text):
        ch = m.group()
        if ch == ".":
            word = re.search(r"([\w.\-]+)\.$", text[: m.end()])
            token = word.group(1) if word else ""
            if (
                abbreviation_stop(token, speech)
                or re.fullmatch(r"\w", token)
                or re.fullmatch(r"(?:\w\.)+\w", token)
            ):
                continue
            if re.match(r"[\d,]", text[m.end() : m.end() + 1]):
                continue  # "3.5", "Mitch McConnell, R-Ky., said": no sentence ends there
            # A period inside a parenthesis such as "(D-N.C.)" does not end the clause.
            if text.count("(", 0, m.start()) > text.count(")", 0, m.start()):
                continue
        return text[: m.start()]
    return text


def _role_stop(speech: Speech) -> re.Pattern[str]:
    return _role_stop_of(speech.role_stops | speech.noun_phrase_stops)


@cache
def _role_stop_of(words: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words)) or "(?!)"
    return re.compile(rf"\s+(?:{alternatives})\b.*$", re.S | re.I)


def _with_role(name: str, rest: str, speech: Speech) -> str:
    """'Scott Pruitt' + ', the Republican attorney general, said …' -> name with its role."""
    m = re.match(r"^\s*,\s*([^,]{2,80}?)\s*(?:,|$)", rest)
    if not m or not is_name(name):
        return name
    role = _role_stop(speech).sub("", m.group(1)).strip()
    first = role.split()[0].casefold() if role else ""
    if not role or first in speech.pronouns or first in speech.role_stops or len(role.split()) > 10:
        return name
    if is_verb(role.split()[0], everyone()) or role.split()[0].casefold() in (
        everyone().present_participles
    ):  # "X, speaking to reporters, said": a circumstance, not a role
        return name
    return f"{name}, {role}"


def second_role(before: list[str], after: list[str], word: str, speech: Speech) -> bool:
    """True when a conjunction joins a description's second role and the person's name: "der
    Publizist und Philosoph Richard David Precht" is one person, named at the end."""
    if word not in speech.conjunctions or before[0].casefold() not in speech.determiners:
        return False
    run: list[str] = []
    for token in after:
        if not token[:1].isupper():
            break
        run.append(token)
    return len(run) >= 3 and any(given_names.is_given_name(w) for w in run[1:-1])


def noun_phrase(text: str, language: str | None) -> str | None:
    """The noun phrase at the start of `text` (after a verb): a name with its role, or a description."""
    speech = speech_of(language)
    clause = _PARENS.sub("", cut_clause(text, language)).strip()
    parts = clause.split(",")
    head = parts[0].strip()
    words: list[str] = []
    tokens = head.split()
    for i, w in enumerate(tokens):
        low = w.casefold()
        if (
            words
            and low in speech.noun_phrase_stops
            and not words[-1].endswith("-")  # "Zoo- und Tierparkdirektor": a compound cut short
            and not second_role(words, tokens[i + 1 :], low, speech)
        ):
            break
        words.append(w)
        if len(words) > 10:
            return None
    if speech.nouns_capitalised:
        # "räumt Gutierrez ein", "so Renkema geknickt": where every noun has a capital, the
        # lower-case words closing the phrase after a capitalised one are verb particles or
        # adverbs, not part of it ("der dpa" keeps its noun). A closing determiner lost its
        # noun to a quotation mark: "sagte Hörmann der „Augsburger Allgemeinen“".
        if len(words) > 1 and words[-1].casefold() in speech.determiners:
            words.pop()
        kept = speech.complements | speech.particles
        end = len(words)
        while end > 1 and words[end - 1].islower() and words[end - 1].casefold() not in kept:
            end -= 1
        if end < len(words) and words[end - 1][:1].isupper():
            words = words[:end]
    if not speech.nouns_capitalised:
        words = _without_topic(words, speech)
    np = " ".join(words).strip()
    if not np:
        return None
    if not starts_noun_phrase(np.split()[0], language) and not _role_then_name(np, speech):
        return None
    # "le président du tribunal, Denis Weisbuch": the name, then the role. Not after a role
    # that opens a name ("state Rep. Linda Chaney, R-St. Pete Beach" is hers); the name after
    # a complement is another's ("l'avocate de Yassin E., Saphia Foughar").
    owns_name = _role_then_name(np, speech) and not any(
        w.casefold() in speech.complements for w in np.split()
    )
    if (
        len(parts) > 1
        and not is_name(np)
        and not owns_name
        and is_name(parts[1].strip())
        and len(parts[1].split()) <= 4
    ):
        return f"{_TRAILING.sub('', parts[1].strip())}, {np}"
    with_role = _with_role(np, clause[len(parts[0]) :], speech) if len(parts) > 1 else np
    return _TRAILING.sub("", with_role) or None


def _without_topic(words: list[str], speech: Speech) -> list[str]:
    """A name without the complement after it that says what the words were about: "said Musk
    of the venture", "says Somerton of typical open floor plan offices". A complement with a
    capital is the person's place or employer and stays: "Webster of Los Alamos", "Wee of the
    Times". Where every noun has a capital, the capital tells nothing and nothing is cut."""
    run = 0
    while run < len(words) and _NAME_WORD.match(words[run]):
        run += 1
    if run == 0 or run >= len(words) - 1 or words[run].casefold() not in speech.complements:
        return words
    rest = words[run + 1 :]
    while rest and rest[0].casefold() in speech.determiners:
        rest = rest[1:]
    return words[:run] if rest and rest[0][:1].islower() else words


def _dates_the_verb(words: list[str], i: int, speech: Speech) -> bool:
    """True when the word at `i` (after the subject's first) opens a complement with a day or a
    month, determiners aside: "Google on Wednesday morning said" dates the verb."""
    if not i or words[i].casefold() not in speech.complements:
        return False
    rest = [w for w in words[i + 1 : i + 4] if w.casefold() not in speech.determiners]
    return bool(rest) and rest[0].strip(",.").casefold() in speech.calendar


def _role_then_name(np: str, speech: Speech) -> bool:
    """'councillor Ann Delaney', 'chief executive Tim Cook': a short role, then a full name."""
    words = np.split()
    i = len(words)
    while i > 0 and words[i - 1][:1].isupper():
        i -= 1
    lead, name = words[:i], words[i:]
    blocked = speech.adverbial_starts | speech.noun_phrase_stops | speech.role_stops
    return (
        1 <= len(lead) <= 3
        and len(name) >= 2
        and all(
            w == w.casefold()  # lower case, or figures: "9/11 widow Terry Strada"
            and any(c.isalnum() for c in w)
            and w.casefold() not in blocked | speech.pronouns
            and not is_verb(w, speech)
            and w.casefold() not in speech.present_participles
            for w in lead
        )
    )


def _adverbial(chunk: str, speech: Speech) -> bool:
    """A leading phrase that is not the subject: "In July", "Though she …", "Following a meeting"."""
    words = chunk.split()
    first = words[0]
    low = first.casefold()
    return (
        low in speech.adverbial_starts
        or words[-1].casefold() in speech.adverbial_ends
        or (low.endswith("ing") and first[0].isupper() and len(low) > 5)
        or _adverb_led(words, speech)
        or _prepositional(words, speech)
    )


def _adverb_led(words: list[str], speech: Speech) -> bool:
    """An adverb alone or with its particle: "Finally", "Early on", "Broadly speaking"; a given
    name is no adverb ("Kelly", "Beverly")."""
    low = words[0].casefold()
    return (
        len(words) <= 2
        and len(low) > 4
        and low.endswith(speech.adverb_endings)
        and not given_names.is_given_name(words[0])
    )


def _prepositional(words: list[str], speech: Speech) -> bool:
    """A complement, then a determiner and common words: 'De son côté', 'D’une plume alerte'."""
    low = words[0].casefold()
    elided = next((e for e in speech.elided if low.startswith(e) and len(low) > len(e)), None)
    if elided:
        preposition, determiner = elided, low[len(elided) :]
    else:
        preposition, determiner = low, words[1].casefold() if len(words) > 1 else ""
    return (
        preposition.strip("’'") in {c.strip("’'") for c in speech.complements}
        and determiner in speech.determiners
        and not any(w[:1].isupper() for w in words[1:])
    )


def subject(clause: str, language: str | None) -> str | None:
    """The subject of a clause: the words before its verb, a role kept ('X, the …, says')."""
    speech = speech_of(language)
    clause = _PARENS.sub("", clause)
    chunks = [c.strip() for c in clause.split(",")]
    # Skip leading adverbials ("In July,", "Concernant le lait,").
    while len(chunks) > 1 and chunks[0] and _adverbial(chunks[0], speech):
        chunks.pop(0)
    if not chunks or not chunks[0]:
        return None
    words: list[str] = []
    chunk = chunks[0].split()
    for i, w in enumerate(chunk):
        # A verb-like word right after a determiner is a noun or an adjective: "la demande",
        # "the retired general".
        if (
            words
            and is_verb(w, speech)
            and words[-1].casefold() not in speech.determiners
            and not _name_goes_on(words[-1], w)
        ):
            break
        if words and _dates_the_verb(chunk, i, speech):
            break  # "Google on Wednesday morning said": the day is the verb's
        if words and w.endswith("ly") and w.islower():
            break  # "Gingrich cynically dismissed"
        if (
            words
            and w.islower()
            and w in speech.verb_adverbs
            and i + 1 < len(chunk)
            and is_verb(chunk[i + 1], speech)
        ):
            break  # "Tom Baker often said", "Baker later told"
        words.append(w)
    else:
        # No verb in the first chunk: "X, the …, says" puts it after an appositive.
        if len(chunks) > 1 and not is_name(chunks[0]) and is_name(chunks[1]):
            # "The harbour master, Tom Reed, explained": the name, then the role.
            # "A esto se suma que el presidente, Luis Lacalle Pou, expresó": the role is what
            # follows the clause's last "that".
            lead = chunks[0].split()
            cut = max((i + 1 for i, w in enumerate(lead) if w.casefold() in speech.that), default=0)
            chunks[0] = " ".join(lead[cut:]) or chunks[0]
            first = chunks[0].split()[0]
            role = (
                first.lower() + chunks[0][len(first) :]
                if first.casefold() in speech.determiners and not speech.nouns_capitalised
                else chunks[0]
            )
            return f"{chunks[1]}, {role}" if len(role.split()) <= 8 else chunks[1]
        if len(chunks) > 1 and is_name(chunks[0]):
            role_words = chunks[1].split()
            if role_words and role_words[0].casefold() in speech.role_stops | (
                speech.noun_phrase_stops
            ):  # "X, der …", "Boric, en su primer recorrido, …": no role
                return chunks[0] if len(chunks[0].split()) <= 8 else None
            if role_words and not is_verb(role_words[0], speech):
                role = _role_stop(speech).sub("", chunks[1])
                return _TRAILING.sub("", f"{chunks[0]}, {role}")
            return chunks[0] if len(chunks[0].split()) <= 8 else None
    skipped = speech.adverbial_starts | speech.conjunctions
    # Where a verb needs no subject before it (a dropped pronoun, a verb-second clause), a
    # preposition that opens an adverbial and ends noun phrases ("Sobre", "In") takes the noun
    # phrase after it as its object: "Sobre la situación de Granda dijo que …" names no speaker.
    # Where the verb comes second, the adverbial fills the place before it, whatever follows the
    # preposition: "Im Gespräch mit Niú erzählte er".
    prepositions = (
        _prepositions(speech) if speech.drops_subject or speech.verb_second else frozenset()
    )
    while words and words[0].casefold() in skipped:
        popped = words.pop(0).casefold()
        if popped in prepositions and (
            speech.verb_second or (words and words[0].casefold() in speech.determiners)
        ):
            return None
    if not words or len(words) > 10:
        return None
    np = " ".join(words)
    if not starts_noun_phrase(words[0], language) and not _role_then_name(np, speech):
        return None
    np = _TRAILING.sub("", np)
    if _adverb_led(np.split(), speech):
        return None  # "Broadly speaking it's …": an adverb, not a name
    return np or None


@cache
def _prepositions(speech: Speech) -> frozenset[str]:
    """Prepositions that open an adverbial and end a noun phrase ("Sobre", "Im", "In")."""
    return (speech.adverbial_starts & speech.noun_phrase_stops) - (
        speech.subordinators | speech.conjunctions
    )


def _inverted_pronoun(word: str, speech: Speech) -> str | None:
    pattern = _inverted(speech)
    m = pattern.match(word) if pattern else None
    return next((g for g in m.groups() if g), None) if m else None


def subject_of_verb(
    head: str, verb: tuple[int, int], language: str | None, known: frozenset[str] = frozenset()
) -> str | None:
    """The subject of the reporting verb at `verb` in `head`: the words right before it.

    `known` holds the surnames of people the article names in full, as for `before`.
    """
    speech = speech_of(language)
    pre = head[: verb[0]]
    word = head[verb[0] : verb[1]].casefold()
    pronoun = _inverted_pronoun(word, speech)
    if pronoun:
        return pronoun
    if word in speech.present_participles:
        # "…, with Foreign Minister Ayman Safadi warning of": a name right before the participle,
        # after a complement, is its own subject.
        before = re.split(r"[,;:―—–]", pre)[-1].split()
        run = 0
        while run < len(before) and _NAME_WORD.match(before[-1 - run]):
            run += 1
        if run >= 2 and run < len(before) and before[-1 - run].casefold() in speech.complements:
            return " ".join(before[-run:])
        # "…, saying that": a participle shares the main clause's subject, or that of the
        # attribution before it ("déplore-t-elle, en rappelant").
        earlier = last_reporting_verb(pre, language)
        found = subject_of_verb(pre, earlier, language) if earlier else None
        return found or subject(pre, language)
    following = head[verb[1] :].split()[:1]
    if (
        speech.verb_second
        and following
        and following[0].strip(",;:").casefold() in speech.impersonal
    ):
        return None  # "Infos hierzu findet man im Artikel „…“": the subject, nobody, follows
    chunk = re.split(r"[,;:―—–]", _PARENS.sub("", pre))[-1]
    words = chunk.strip(' "“”«»„\u00a0').split()
    if (
        not words
        and pre.strip()
        and (speech.verb_second or subject(head[: verb[1]], language) is None)
    ):
        # "Auf die Frage, ob …, sagte Trump am Montag:": the verb opens its clause, the subject
        # follows it.
        after_verb = noun_phrase(head[verb[1] :], language)
        if after_verb:
            return after_verb
    if speech.verb_second and words and words[0].casefold() in _prepositions(speech):
        # So it does after an adverbial ("Im Gespräch mit Niú erzählte er"); a bare noun there
        # may be the object ("erklärten Demonstranten die Stadt zum …"), so the subject is a
        # pronoun, a determiner's noun phrase, or a name: in full, or a surname the article
        # gives in full elsewhere ("ruft Chalupka die Verantwortlichen dazu auf").
        after_verb = noun_phrase(head[verb[1] :], language)
        name = after_verb.split(",")[0].split() if after_verb else []
        if name and (
            name[0].casefold() in speech.determiners | speech.pronouns
            or (len(name) >= 2 and is_name(" ".join(name)))
        ):
            return after_verb
        if name and name[0] in known:
            return name[0]
        return None
    relative = bool(words) and words[0].casefold() in speech.relatives
    if relative or (
        len(words) == 1
        and words[0].casefold() in speech.role_stops
        and not is_verb(words[0], speech)
    ):
        # "… José Yurramendi, para saber su opinión, quien manifestó": a relative pronoun's
        # antecedent is the nearest name before it.
        # "… se le preguntó a Yurramendi, quien señaló": the name may close its chunk.
        chunks = re.split(r"[,;:―—–]", _PARENS.sub("", pre))[:-1]
        # Not after "by": "the 2003 study, by Thomas Verstraeten, which said" is the study's.
        joins = speech.complements - speech.agent_words
        for c in reversed(chunks[-3:]):
            tail = c.split()
            i = len(tail)
            while i > 0 and is_name(" ".join(tail[i - 1 :])):
                i -= 1
            if i < len(tail) and (i == 0 or tail[i - 1].casefold() in joins):
                return " ".join(tail[i:]) if len(tail) - i <= 5 else None
            if i < len(tail):
                break
        if relative:
            # "Obama has had a frosty relationship with McConnell, …, who in 2010 said": the
            # relative's antecedent or nobody, never the main clause's subject.
            return None
    cut = max((i for i, w in enumerate(words) if w.casefold() in speech.subordinators), default=-1)
    words = words[cut + 1 :]
    while words and (
        words[-1].casefold() in speech.auxiliaries | speech.negations
        or (words[-1].endswith(("ly", "ment")) and words[-1].islower())
    ):
        words.pop()
    if not words and not pre.strip():
        return None  # "Qualifié de « … » par X": no subject before the verb
    if words and _prepositional(words, speech):
        return None  # "D’une plume alerte, …": a complement is no subject
    day = next((i for i in range(len(words)) if _dates_the_verb(words, i, speech)), None)
    words = words[:day]  # "Google on Wednesday morning announced": the day is the verb's
    if (
        words
        and len(words) <= 9
        and (starts_noun_phrase(words[0], language) or _role_then_name(" ".join(words), speech))
    ):
        return _TRAILING.sub("", " ".join(words)) or None
    return subject(head[: verb[1]], language)


def subject_of_sentence(head: str, language: str | None) -> str | None:
    """The subject of a sentence whose verb comes before `head` ends: 'Trump tweeted that …'."""
    speech = speech_of(language)
    chunks = head.split(",")
    while len(chunks) > 1 and chunks[0].strip() and _adverbial(chunks[0].strip(), speech):
        chunks.pop(0)  # "Though she called it …, Clinton restricted …"
    words = ",".join(chunks).split()
    for i, w in enumerate(words[:16]):
        if (
            i
            and is_verb(w.strip(",;"), speech)
            and w.casefold() not in speech.auxiliaries
            and not _name_goes_on(words[i - 1], w)
        ):
            if i == 1 and words[0].casefold() in speech.determiners:
                return None  # "That included “…”", "Another pointed out …": a pronoun's verb
            return subject(" ".join(words[: i + 1]), language)
    return None


def opens_with_frame(head: str, language: str | None) -> bool:
    """True when the sentence opens with an attribution frame: 'Selon X, …', 'Pour X, …'."""
    speech = speech_of(language)
    frames = speech.frames + speech.opinion_frames
    if not frames:
        return False
    words = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in frames)
    conj = "|".join(re.escape(c) for c in sorted(speech.conjunctions))
    lead = rf"(?:(?:{conj})\s+)?" if conj else ""
    return re.match(rf"^\s*{lead}(?:{words})\b", head, re.I) is not None


def after(tail: str, language: str | None) -> Attribution | None:
    """Speaker named right after a closing mark: '," said X', ', X said', ', explique X', '— X'."""
    speech = speech_of(language)
    m = _DASH_SIGNATURE.match(tail)
    if m:
        return Attribution(_TRAILING.sub("", m.group(1)), m.end())
    stripped = _PARENS.sub("", tail, count=1) if re.match(r"^\s*\(", tail) else tail
    stripped = stripped.lstrip(" \u00a0\u202f,")
    offset = len(tail) - len(stripped)
    clause = cut_clause(stripped, language)
    if len(clause) < 2:
        return None
    end = offset + len(clause)
    pronoun = _inverted_pronoun(clause, speech)
    if pronoun and clause[0].islower():
        return Attribution(pronoun, end)
    words = clause.split()
    if words and words[0] in speech.agent_words:
        # The agent of a passive: « … » par un dirigeant de LREM (not "par le passé").
        agent = noun_phrase(" ".join(words[1:]), language)
        if agent and agent.split()[-1].casefold() in speech.not_agents:
            agent = None
        if agent and speech.verb_second and not _verb_after(words[1:], agent, speech):
            # Where the participle closes the clause, "„…“ von X bezeichnet" is a passive;
            # "„I Don’t Love You“ von Chemical Romance" names the work's author, who says nothing.
            agent = None
        return Attribution(agent, end) if agent else None
    this_way = _this_way(speech)
    found_way = this_way.match(clause) if this_way else None
    if found_way:
        # « Un choc », c'est ainsi qu'il a qualifié …: the subject of the verb that follows.
        rest = found_way.group(1)
        verb = last_reporting_verb(rest, language)
        found = subject_of_verb(rest, verb, language) if verb else None
        return Attribution(found, end) if found else None
    speaker: str | None = None
    first = words[0].casefold() if words else ""
    second = words[1].casefold() if len(words) > 1 else ""
    if words and (
        (is_verb(words[0], speech) and first not in speech.auxiliaries)
        or (
            first in speech.auxiliaries
            and (
                second in speech.participles
                or second in speech.speech_verbs
                or second in speech.verb_adverbs
                or second.endswith("ment")
            )
        )
    ):
        # Inverted: ', said X' / ', explique X' / ', a ajouté X' / ', sagte er': skip the verb
        # and its adverbs.
        i = 1
        while i < len(words) and (
            is_verb(words[i], speech)
            or (words[i].endswith(("ment", "ly")) and words[i].islower())
            or (
                words[i].casefold() in speech.verb_adverbs
                # "so ein Sprecher": a determiner before a word opens the subject
                and not (words[i].casefold() in speech.determiners and i + 1 < len(words))
            )
        ):
            i += 1
        if i < len(words) and words[i].casefold() in speech.subject_pronouns | speech.impersonal:
            # "…“, sagte er damals", "fragt er live", "gibt es viel seltener": the pronoun is the
            # whole subject.
            return Attribution(words[i], end)
        rest = " ".join(words[i:])
        preludes = _preludes(speech)
        if preludes:
            rest = preludes.sub("", rest)
        speaker = noun_phrase(rest, language)
    if speaker is None:
        frame = _frame(speech, anywhere=False)
        selon = frame.match(clause) if frame else None
        if selon:
            # "…,” Mr. Rounds said, according to NBC News": the subject of a reporting verb
            # before the frame said it, as the outlet reported; else the frame's noun phrase.
            before_frame = clause[: selon.start(1)]
            verb = None if speech.inner_quotations else last_reporting_verb(before_frame, language)
            reporter = subject_of_verb(before_frame, verb, language) if verb else None
            speaker = reporter or noun_phrase(selon.group(1), language)
    if speaker is None and not speech.inner_quotations:
        speaker = _subject_before_verb(clause, language)
    return Attribution(speaker, end) if speaker else None


def reporting_verb_follows(tail: str, language: str | None) -> bool:
    """True when a reporting verb comes within the first few words of the clause after a
    quotation, after at least one word: its subject ('countless Instagram users quipped')."""
    clause = cut_clause(tail.lstrip(" \u00a0\u202f,"), language).split()
    return last_reporting_verb(" ".join(clause[1:5]), language) is not None


def opens_with_reporting_verb(tail: str, language: str | None) -> bool:
    """True when the clause after a closing mark opens with a reporting verb and goes on past
    it: '», dit en substance le texte'. A verb alone ('”, comentó.') is the previous speaker's,
    where the language drops its subject pronouns."""
    stripped = tail.lstrip(" \u00a0\u202f")
    if not stripped.startswith(","):
        return False
    clause = cut_clause(stripped[1:], language).split()
    if not clause:
        return False
    size = 2 if clause[0].casefold() in speech_of(language).auxiliaries else 1
    verb = last_reporting_verb(" ".join(clause[:size]), language)
    return verb is not None and len(clause) > size


def _verb_after(words: list[str], agent: str, speech: Speech) -> bool:
    """True when a verb follows the agent's noun phrase in its clause: a lower-case word that is
    no verb particle, complement, determiner or conjunction ("von X bezeichnet", not "von X mit")."""
    # Where nouns have capitals, a lower-case word after a noun phrase is a verb or its particle.
    skip = (
        speech.verb_adverbs
        | speech.complements
        | speech.particles
        | speech.determiners
        | speech.conjunctions
        | speech.noun_phrase_stops
    )
    rest = words[len(agent.split(",")[0].split()) :]
    return any(
        is_verb(w, speech) or (w[:1].islower() and w.casefold().strip(".,;:") not in skip)
        for w in rest
    )


def _subject_before_verb(clause: str, language: str | None) -> str | None:
    """', X said' / '" Vitter demanded.': a short subject directly followed by a verb."""
    speech = speech_of(language)
    words = clause.split()
    for i, w in enumerate(words[:24]):
        if (
            i
            and is_verb(w.rstrip(",."), speech)
            and not _name_goes_on(words[i - 1], w)
            # After a determiner, a word shaped like a verb is an adjective ("one disgruntled
            # user posted"); a speech verb there has a pronoun for subject ("one wrote").
            and not (
                words[i - 1].casefold() in speech.determiners
                and w.rstrip(",.").casefold() not in speech.speech_verbs
            )
        ):
            return subject(" ".join(words[: i + 1]), language)
    return None


def _name_goes_on(previous: str, word: str) -> bool:
    """True when a capitalised word after a capitalised word is more of a name than a verb:
    "the United States", "The Washington Post Reports"."""
    return word[:1].isupper() and previous[:1].isupper() and not previous.endswith((",", "."))


def according_to(tail: str, language: str | None = None) -> Attribution | None:
    """'… selon le ministère', '… according to officials' anywhere in the rest of a sentence."""
    frame = _frame(speech_of(language), anywhere=True)
    m = frame.search(tail) if frame else None
    if not m:
        return None
    speaker = noun_phrase(tail[m.end() :], language)
    return Attribution(speaker, len(tail)) if speaker else None


def last_reporting_verb(text: str, language: str | None) -> tuple[int, int] | None:
    """Span of the last reporting verb ('said', 'explique', 'déplore-t-elle') in `text`, if any."""
    speech = speech_of(language)
    found = None
    recent: list[str] = [""]  # "a elle aussi jugé", "a également déclaré": the auxiliary is near
    previous = ""
    for m in _WORDS.finditer(text):
        word = m.group().casefold()
        base = word.split("-")[0] if "-" in word else word
        if recent[-1] in speech.noun_markers:
            pass  # "la note", "the claims", "die Frage": nouns
        elif _name_goes_on(previous, m.group()) and text[m.start() - 1 : m.start()] == " ":
            pass  # "the United States": a name
        elif base in speech.clause_openers and not _opens_clause(text[: m.start()]):
            pass  # "würde so das „Ende“ herbeiführen": an adverb
        elif (
            base in speech.speech_verbs
            or word in speech.present_participles
            or (word in speech.participles and any(w in speech.auxiliaries for w in recent[-3:]))
        ):
            found = (m.start(), m.end())
        recent.append(word)
        previous = m.group()
    return found


def _opens_clause(before: str) -> bool:
    """True when a word after `before` opens a clause: after a comma, a dash or a quotation."""
    last = before.rstrip(" \u00a0\u202f")[-1:]
    return not last or last in ",;:―—–»«“”„\"'’"


def first_verb_with_that(text: str, language: str | None) -> tuple[int, int] | None:
    """The first reporting verb followed within a few words by 'that' / 'que': the outer report."""
    speech = speech_of(language)
    verbs = speech.speech_verbs | speech.participles
    tokens = list(_WORDS.finditer(text))
    # A "que" that is no complementiser ("ce que") follows its verb at a distance; "that" may.
    reach = 10 if speech.comma_inside else 3
    for i, m in enumerate(tokens):
        word = m.group().casefold()
        if word not in verbs or (i and tokens[i - 1].group().casefold() in speech.determiners):
            continue
        following = [t.group().casefold() for t in tokens[i + 1 : i + reach]]
        if any(w in speech.that or w.startswith(tuple(speech.that)) for w in following):
            return m.start(), m.end()
    return None


def before(
    head: str, language: str | None, known: frozenset[str] = frozenset()
) -> Attribution | None:
    """Speaker introducing a quotation: 'X said:', 'According to X,', 'X : «', 'selon X,'.

    `known` holds the surnames of people the article names in full: a lone capitalised word before
    a colon is a speaker only when it is one of them.
    """
    speech = speech_of(language)
    text = head.rstrip(" \u00a0\u202f")
    if not text.endswith((":", ",")):
        return None
    # The clause starts after the last end of sentence, a closing mark after the stop included.
    ends = [
        m.end() - 1 for m in _SENTENCE_BREAK.finditer(text) if not ordinal_stop(text, m, speech)
    ]
    start = max([text.rfind("\n"), text.rfind("; "), *ends])
    clause = text[start + 1 :].strip().rstrip(":, \u00a0\u202f")
    frame = _frame(speech, anywhere=False)
    opinion = _opinion_frame(speech)
    framed = frame.match(clause) if frame else None
    selon = framed or (opinion.match(clause) if opinion else None)
    if selon:
        # "Steinmeier sagte … laut Manuskript:": the subject of a verb of speech before the
        # frame is who speaks; the frame says where the words are found.
        before_frame = clause[: selon.start(1)]
        verb = last_reporting_verb(before_frame, language)
        reporter = subject_of_verb(before_frame, verb, language, known) if verb else None
        # "According to Heavy, he said:": a verb of speech after the frame's own words has a
        # subject of its own.
        verb = last_reporting_verb(clause, language) if framed else None
        if reporter is None and verb and "," in clause[selon.start(1) : verb[0]]:
            reporter = subject_of_verb(clause, verb, language, known)
        speaker = reporter or noun_phrase(selon.group(1), language)
        if speaker:
            return Attribution(speaker, start + 1)
    # "comme l’explique X": an elided object pronoun, the verb, then its subject.
    elided = "|".join(re.escape(e) for e in speech.elided) or "(?!)"
    for inverted in re.finditer(rf"(?<!\w)(?:{elided})\s*(\w+)\s+(.+)$", clause):
        if inverted.group(1).casefold() in speech.speech_verbs | speech.participles:
            speaker = noun_phrase(inverted.group(2), language)
            if speaker:
                return Attribution(speaker, start + 1)
    verb = last_reporting_verb(clause, language)
    pronoun = _pronoun_subject(clause, verb, speech) if verb is not None else None
    if pronoun:
        return Attribution(pronoun, start + 1)
    if verb is not None and len(clause[verb[1] :].split()) <= 3:
        # "…, Trump boasted, “…”": the subject of the verb that introduces the quotation.
        found = subject_of_verb(clause, verb, language)
        if found:
            return Attribution(found, start + 1)
    if verb is not None:
        # "…, sagte Trump am Montag bei einer Pressekonferenz:": the verb opens its clause.
        chunk = re.split(r"[,;:―—–]", clause[: verb[0]])[-1]
        if (
            not chunk.strip()
            and clause[: verb[0]].strip()
            and (speech.verb_second or subject(clause[: verb[1]], language) is None)
        ):
            found = noun_phrase(clause[verb[1] :], language)
            if found:
                return Attribution(found, start + 1)
    speaker = subject(clause, language)
    if not speaker:
        return None
    if any(is_verb(w.strip(","), speech) for w in clause.split()) and not speech.verb_second:
        return Attribution(speaker, start + 1)
    # "Claire Petit : « … »" names a person; "Quotable:" or "Boxing:" is a label. Where nouns are
    # capitalised ("Ernster Nachsatz:"), only a person the article names elsewhere counts.
    name = speaker.split(",")[0]
    if not text.endswith(":"):
        return None
    if name.split()[-1] in known:
        return Attribution(speaker, start + 1)
    if speech.nouns_capitalised:
        return None
    # "Le maire : « … »" is a description; "Partial transcript as follows:" is a label.
    first = name.split()[0].casefold()
    described = first in speech.determiners or (
        bool(speech.elided) and first.startswith(speech.elided) and len(first) > 2
    )
    if (len(name.split()) >= 2 and is_name(name)) or described:
        return Attribution(speaker, start + 1)
    return None


@cache
def titles() -> frozenset[str]:
    """Every language's titles before a name, without their full stop ("dr", "me", "on")."""
    return frozenset(h.rstrip(".") for h in everyone().honorifics)


def abbreviation_stop(word: str, speech: Speech) -> bool:
    """True when the full stop after `word` ends no sentence: the word is one of the language's
    abbreviations ("Dec.", "bzw."), or a title of any language written as a title, capitalised
    ("Me Dupont", "On. Rossi"; not "explained it to me.", "what they count on.")."""
    low = word.casefold().rstrip(".")
    return low in speech.abbreviations or (word[:1].isupper() and low in titles())


def ordinal_stop(text: str, stop: re.Match[str], speech: Speech) -> bool:
    """True for the full stop of an ordinal number, which ends no sentence: a day before its
    month ("am 1. Mai"), or a number after a word that opens an ordinal ("zum 60. Jahrestag")."""
    if (
        text[stop.start() : stop.start() + 1] != "."
        or not text[stop.start() - 1 : stop.start()].isdigit()
    ):
        return False
    number = re.search(r"(\S+)\s+\d{1,3}$", text[max(0, stop.start() - 30) : stop.start()])
    if number and number.group(1).casefold() in speech.before_ordinals:
        return True
    following = text[stop.end() : stop.end() + 14].split()[:1]
    return bool(following) and following[0].strip(".,;:").casefold() in speech.calendar


def _pronoun_subject(clause: str, verb: tuple[int, int], speech: Speech) -> str | None:
    """A subject pronoun right after the reporting verb ("Im Gespräch mit Niú erzählte er, …":
    what comes before the verb is no subject), or right before the verb that introduces the
    quotation ("To which she said,"; not "Ditto said she expects": there the pronoun opens the
    words reported)."""
    following = clause[verb[1] :].split()[:1]
    if following and following[0].strip(",:").casefold() in speech.subject_pronouns:
        return following[0].strip(",:")
    preceding = clause[: verb[0]].split()[-2:]
    # "Even more, he said, is the question …": a pronoun and its verb set off by commas
    # interrupt the sentence, whatever its length; the words before them are no subject.
    interrupting = bool(preceding) and preceding[0].endswith(",") and clause[verb[1] :][:1] == ","
    if (
        len(preceding) == 2
        and preceding[1].casefold() in speech.subject_pronouns
        and preceding[0].casefold() not in speech.that | speech.speech_verbs
        and (len(clause[verb[1] :].split()) <= 3 or interrupting)
    ):
        return preceding[1]
    return None


_INCISE = re.compile(r",\s+(?=[a-zäöüßéèêàùûôîç])")


def inside(inner: str, language: str | None) -> tuple[str, int, int] | None:
    """An incise inside the marks: « …, a réagi X. … »; the speaker and the incise's span."""
    speech = speech_of(language)
    for m in _INCISE.finditer(inner):
        rest = inner[m.end() :]
        clause = cut_clause(rest, language)
        words = clause.split()
        if not words:
            continue
        pattern = _inverted(speech)
        inverted = pattern.match(clause) if pattern else None
        if inverted:
            pronoun = next(g for g in inverted.groups() if g)
            return pronoun, m.start(), _incise_end(inner, m.end() + inverted.end())
        verbs = speech.speech_verbs | speech.participles
        if words[0].casefold() in verbs or (
            words[0] in speech.auxiliaries and len(words) > 1 and words[1] in verbs
        ):
            found = after(clause, language)
            if found and starts_noun_phrase(found.speaker.split()[0], language):
                # The incise ends with its speaker: « A, a réagi X, B » keeps B.
                named = clause.find(found.speaker.split(",")[0])
                end = named + len(found.speaker.split(",")[0]) if named >= 0 else len(clause)
                if speech.nouns_capitalised and _verb_follows(clause[end:], speech):
                    # „Frieden lasse ich euch, meinen Frieden gebe ich euch“: "meinen" opens a
                    # noun phrase there, and the clause goes on with its verb; no incise.
                    continue
                return found.speaker, m.start(), _incise_end(inner, m.end() + end)
    return None


def _verb_follows(rest: str, speech: Speech) -> bool:
    """True when the words after a supposed speaker go on with a verb: where nouns have
    capitals, a lower-case word that no noun phrase, adverbial or conjunction opens."""
    words = rest.split()
    if not words or words[0][:1] in ",;:.!?":
        return False
    first = words[0].strip(",;:.!?").casefold()
    known = (
        speech.noun_phrase_stops
        | speech.adverbial_starts
        | speech.complements
        | speech.verb_adverbs
        | speech.role_stops
        | speech.conjunctions
        | speech.subordinators
        | speech.particles
        | speech.determiners
    )
    return words[0][:1].islower() and first not in known


def _incise_end(inner: str, end: int) -> int:
    """The end of an incise, with the comma or full stop that closes it."""
    while end < len(inner) and inner[end] in " \u00a0\u202f":
        end += 1
    if end < len(inner) and inner[end] in ",.":
        end += 1
    return end
