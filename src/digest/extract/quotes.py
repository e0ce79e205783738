"""Candidate pull quotes and their speakers, from an article's main text, in any language.

Quotations are found by pairing quotation marks (“ ” « » „ “ » « " ", nested ‘ ’ kept inside)
paragraph by paragraph; a quotation running over paragraphs gives one candidate per paragraph, all
with its speaker. What a language's newsrooms do comes from its lexicon (`Speech`): where a
quotation inside a sentence of the writer's is the words between the marks (French, German), each is
its own candidate; elsewhere (English) a fragment quoted inside a reported-speech sentence ("She said
Trump favors a “strongman approach.”") becomes the reported clause. A candidate ends at its closing
mark, without the comma the English convention puts inside it. A quotation that its reporting clause
interrupts ("“A,” she said. “B”", "« A, a-t-il dit, B »", "„A“, sagte er, „b“") is one candidate
with the clause cut out, its pieces joined by " […] ", the editor's mark for a cut, so that the
verbatim check accepts it piece by piece and an ellipsis of the speaker's own stays distinct. Speakers
come from speakers.py and are resolved to the person the article names (mentions.py). Candidates are
ranked for a pull quote: attributed, named, 12 to 45 words, first person or opinion first; fragments
last. Articles without a usable quotation get their key sentences instead.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from digest.extract import mentions, speakers
from digest.extract.lexicon import Speech
from digest.models import Quote

# Pieces of one quotation with its reporting clause cut out are joined with the editor's mark.
CUT = " […] "

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
# "’’" closes a quotation on some sites ("“It was an attempt to mislead voters,’’ Will Moy …").
_MARKS = re.compile(r"’’|[“”«»„\"]")
_SPACES = " \t\n\u00a0\u202f\u2009"
_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
_SENTENCE_END = re.compile(
    r"[.!?…]+[”»\"’)]*(?=\s+(?:[\"“«‘„‚(\[][\s\u00a0\u202f]*)?\[?[A-ZÀ-ÖØ-Þ0-9])"
)
_EDGE = ",;:" + _SPACES
_QUOTED = re.compile(r"[“”«»„\"][^“”«»„\"]*[“”«»„\"]")
_EMBED = re.compile(
    r"pic\.twitter\.com|\(@\w+\)|A post shared by|View this post on Instagram|Une publication "
    r"partagée par|twitter\.com/|instagram\.com/|facebook\.com/",
    re.I,
)


@dataclass
class _Mark:
    """One pair of quotation marks (or an opening mark left open at the paragraph's end)."""

    start: int  # the opening mark
    end: int  # after the closing mark, or the paragraph's end
    para: int
    closed: bool
    width: int = 1  # of the closing mark: "’’" is two characters

    def inner(self, text: str) -> tuple[int, int]:
        """Offsets of the quoted words, without marks and padding spaces."""
        s, e = self.start + 1, self.end - (self.width if self.closed else 0)
        while s < e and text[s] in _SPACES:
            s += 1
        while e > s and text[e - 1] in _SPACES:
            e -= 1
        return s, e


@dataclass
class _Unit:
    """A candidate in the making: one or more pieces of article text and what we know about it."""

    pieces: list[tuple[int, int]]
    para: int
    speaker: str | None = None
    fragment: bool = False
    marks: list[_Mark] = field(default_factory=list)
    role: str | None = None
    named: bool = False  # the speaker is a person or organisation by name
    mention: str | None = None  # the attribution's own words, before resolution
    followed: bool = False  # the speaker was taken up from the quotation before

    def text(self, text: str) -> str:
        return CUT.join(text[s:e] for s, e in _trimmed(text, self.pieces))


def _trimmed(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces without the comma (or colon) left at their ends by a cut or the closing mark."""
    out = []
    for s, e in pieces:
        while e > s and text[e - 1] in _EDGE:
            e -= 1
        while s < e and text[s] in _EDGE:
            s += 1
        if s < e:
            out.append((s, e))
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if text[pos : m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text.rstrip())))
    return spans


def _opens_straight(text: str, i: int, start: int) -> bool:
    """A straight or misused closing mark opens when it starts a word."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isspace() and (before.isspace() or before in "([—–-/:")


def _scan(text: str, start: int, end: int, para: int) -> list[_Mark]:
    """Pair the quotation marks of one paragraph."""
    marks: list[_Mark] = []
    opener = ""
    opened = 0
    depth = 0
    for m in _MARKS.finditer(text, start, end):
        i, width = m.start(), len(m.group())
        ch = "”" if width > 1 else m.group()
        if not opener:
            if ch in "“«„" or (ch in '"”»' and (i == start or _opens_straight(text, i, start))):
                # "»" opens only the German »…«: glued to the word it opens.
                opener, opened, depth = ch, i, 0
            continue
        if opener == "»":
            if ch == "«":
                marks.append(_Mark(opened, i + width, para, True, width))
                opener = ""
            continue
        if opener == "„":
            # German and Central European „…“ (or „…”): the closing mark is a high one.
            if ch in "“”":
                marks.append(_Mark(opened, i + width, para, True, width))
                opener = ""
            continue
        if opener == "«":
            if ch == "«":
                depth += 1
            elif ch == "»":
                if depth:
                    depth -= 1
                    continue
                marks.append(_Mark(opened, i + width, para, True, width))
                opener = ""
            continue
        # Curly or straight double quotes: a mark of the other style nests one level.
        if ch == "“" and opener in '"”':
            depth += 1
        elif ch == "”" and depth and opener in '"”':
            depth -= 1
        elif ch == '"' and opener == "“" and _opens_straight(text, i, start):
            depth += 1
        elif ch == '"' and opener == "“" and depth:
            depth -= 1
        elif ch == "“" and opener == "“":
            depth += 1
        elif ch == "”" and opener == "“" and depth:
            depth -= 1
        elif ch in '”"' or (ch == "»" and opener == "“"):
            marks.append(_Mark(opened, i + width, para, True, width))
            opener = ""
    if opener:
        marks.append(_Mark(opened, end, para, False))
    return marks


def _sentence_starts(
    text: str,
    start: int,
    end: int,
    marks: Sequence[_Mark],
    speech: Speech,
) -> list[int]:
    """Offsets where sentences of a paragraph begin, ignoring full stops inside quotations and
    after an ordinal number ("am 1. Mai", "zum 60. Jahrestag")."""
    starts = [start]
    for m in _SENTENCE_END.finditer(text, start, end):
        pos = m.end()
        if any(q.start < m.start() and pos < q.end for q in marks):
            continue
        word = re.search(r"([\w.]+)[.!?…]*[”»\"’)]*$", text[max(start, m.start() - 12) : pos])
        if word and text[m.start()] == "." and speakers.abbreviation_stop(word.group(1), speech):
            continue
        if word and text[m.start()] == "." and re.fullmatch(r"[A-Z]", word.group(1).rstrip(".")):
            continue  # an initial: "Yassin E."
        if speakers.ordinal_stop(text, m, speech):
            continue  # an ordinal: "rund um den 1. Mai", "zum 60. Jahrestag"
        while pos < end and text[pos].isspace():
            pos += 1
        starts.append(pos)
    return starts


# Attributions sit close to their quotation: looking further than this costs time on run-on text
# (a page of « x » « y » with no full stop) and finds nothing.
_WINDOW = 400
# A fragment this close after a whole quotation stands in the sentence right after it.
_NEXT_SENTENCE = 40


def _sentence_of(starts: list[int], pos: int, text: str) -> int:
    """Where the sentence holding `pos` starts, at most _WINDOW characters back (on a space)."""
    start = starts[bisect.bisect_right(starts, pos) - 1]
    if pos - start > _WINDOW:
        space = text.find(" ", pos - _WINDOW, pos)
        start = space + 1 if space >= 0 else pos - _WINDOW
    return start


def _next_start(starts: list[int], pos: int, end: int) -> int:
    i = bisect.bisect_right(starts, pos)
    return starts[i] if i < len(starts) else end


def _names(clause: str, unit: _Unit) -> bool:
    """True when the clause holds the surname of the unit's speaker ('sagte von Preen')."""
    surname = (unit.speaker or "").split(",")[0].split()[-1:]
    return (
        bool(surname)
        and surname[0][:1].isupper()
        and re.search(rf"(?<![\w’'-]){re.escape(surname[0])}(?![\w’'-])", clause) is not None
    )


def _is_sentence(quoted: str) -> bool:
    """A capitalised run of four words or more that ends like a sentence."""
    end = quoted.rstrip(",’'\"”")
    return bool(end) and quoted[0].isupper() and end[-1] in ".?!…" and _words(quoted) >= 4


def _words(s: str) -> int:
    return len(_WORD.findall(s))


class _Finder:
    """State for one article: its paragraphs, quotation marks and the speakers seen so far."""

    def __init__(self, text: str, language: str | None) -> None:
        self.text = text
        self.language = language
        self.speech: Speech = speakers.speech_of(language)
        self.paragraphs = _paragraphs(text)
        self.quoted: list[tuple[int, int]] = []  # the quotation marks' spans seen so far

    @cached_property
    def table(self) -> mentions.Mentions:
        """The article's people, built only when a quotation needs a speaker."""
        table = mentions.Mentions(self.text, self.speech)
        table.quoted = self.quoted
        return table

    @cached_property
    def known(self) -> frozenset[str]:
        """Surnames of the people the article names in full."""
        return frozenset(w for p in self.table.people for w in p.name.split()[-1:])

    def units(self) -> list[_Unit]:
        """Every quotation unit of the article, in text order, with speakers."""
        out: list[_Unit] = []
        previous: _Unit | None = None
        for index, (start, end) in enumerate(self.paragraphs):
            marks = _scan(self.text, start, end, index)
            if not marks:
                continue
            # Names inside quotation marks are a speaker's words, not the article's narrative.
            self.quoted.extend((m.start, m.end) for m in marks)
            starts = _sentence_starts(self.text, start, end, marks, self.speech)
            silent: _Unit | None = None  # the paragraph's last quotation without a speaker
            for unit in self._units_of(marks, starts, start, end):
                self._attribute(unit, starts, previous, start)
                if silent is not None and self._goes_on(silent, unit, starts, end):
                    # "Sans nouvelles « d'encore plus de 200 » personnes. « … », a ajouté
                    # Laurent Fabius": who adds to his words spoke the ones just before.
                    silent.speaker, silent.role, silent.named = unit.speaker, unit.role, unit.named
                silent = unit if not (unit.speaker or unit.mention) else None
                out.append(unit)
                if unit.speaker:
                    # A quotation nobody is credited with (a scare quote) does not interrupt
                    # the speaker who goes on.
                    previous = unit
        return out

    def _units_of(self, marks: list[_Mark], starts: list[int], start: int, end: int) -> list[_Unit]:
        text = self.text
        units: list[_Unit] = []
        i = 0
        while i < len(marks):
            mark = marks[i]
            s0 = _sentence_of(starts, mark.start, text)
            fragment = self._is_fragment(text[s0 : mark.start], mark)
            if fragment and self.speech.inner_quotations:
                # The quotation is the words inside the marks, each one its own candidate.
                unit = self._fragment_unit([mark], s0, _next_start(starts, mark.start, end))
                unit.pieces = [mark.inner(text)]
                units.append(unit)
                i += 1
                continue
            if fragment:
                # Fragments quoted in the same reported sentence make one clause.
                group = [mark]
                s1 = _next_start(starts, mark.start, end)
                while i + 1 < len(marks) and marks[i + 1].start < s1:
                    nxt = marks[i + 1]
                    if nxt.start - s0 > 2 * _WINDOW or not self._is_fragment(
                        text[max(s0, nxt.start - _WINDOW) : nxt.start], nxt
                    ):
                        break
                    group.append(nxt)
                    i += 1
                units.append(self._fragment_unit(group, s0, s1))
                i += 1
                continue
            unit = _Unit([mark.inner(text)], mark.para, marks=[mark])
            incise = speakers.inside(text[slice(*mark.inner(text))], self.language)
            if incise is not None:
                # « A, a-t-il dit, B »: the quotation without its reporting clause.
                s, e = mark.inner(text)
                unit.pieces = [(s, s + incise[1]), (s + incise[2], e)]
                unit.speaker = incise[0]
            # A quotation interrupted by its attribution: “…,” said X. “…”
            while i + 1 < len(marks) and self._interrupted(unit.marks[-1], marks[i + 1]):
                unit.marks.append(marks[i + 1])
                unit.pieces.append(marks[i + 1].inner(text))
                i += 1
            units.append(unit)
            i += 1
        return [u for u in units if u.pieces]

    def _is_fragment(self, head: str, mark: _Mark) -> bool:
        """True when the quotation sits inside a sentence of the writer's rather than opening one."""
        stripped = head.strip(_SPACES)
        if not stripped:
            return False
        if stripped.endswith((":", "—", "–", "-", "―")):
            return False
        # "Trump boasted, “…”": a clause that introduces the quotation.
        if stripped.endswith(",") and speakers.before(head, self.language) is not None:
            return False
        # A whole sentence in quotation marks is a quotation wherever it stands.
        return not _is_sentence(self.text[slice(*mark.inner(self.text))])

    def _interrupted(self, first: _Mark, second: _Mark) -> bool:
        if not first.closed:
            return False
        text = self.text
        s, e = first.inner(text)
        comma_inside = text[s:e].endswith(",")
        between = text[first.end : second.start]
        if len(between) > 160 or "\n" in between:
            return False
        s2 = second.inner(text)[0]
        ends = between.rstrip(_SPACES)[-1:]
        goes_on = ends == "," and text[s2 : s2 + 1].islower()
        if self.speech.comma_inside:
            # '“…,” she said. “…”' or '“…,” she said, “…”' goes on; '…, asking her, “Why…”' does not.
            if not comma_inside:
                return False
            goes_on = goes_on or (ends == "." and text[s2 : s2 + 1].isupper())
        elif not between.lstrip(_SPACES).startswith(","):
            return False
        if not goes_on:
            # '„A“, sagt er. „B“' is two quotations; '„A“, sagte er, „b“' one interrupted sentence.
            return False
        attribution = speakers.after(between, self.language)
        return attribution is not None and not between[attribution.edge :].strip(_SPACES + ",.")

    def _after(self, tail: str, mark: _Mark) -> speakers.Attribution | None:
        """The attribution after a quotation, unless it names the author of a titled work."""
        words = tail.split()
        if words and words[0] in self.speech.agent_words and self._titles(mark):
            # "den „Steppenwolf“ von Hermann Hesse", "der Arbeit “Dynamical bias …” von Persi
            # Diaconis": a quotation after a determiner or a noun is the name of a work, and the
            # agent after it is its author or maker, not someone who speaks.
            return None
        return speakers.after(tail, self.language)

    def _reports(self, unit: _Unit, starts: list[int], previous: _Unit) -> bool:
        """True when the writer goes on reporting the previous speaker up to a fragment: a verb
        form of reported speech in its sentence or the one before (after the previous
        quotation), a subject pronoun in its sentence, a quotation that is a clause of its own,
        or the very next sentence after a whole quotation."""
        speech, text = self.speech, self.text
        first, last = unit.marks[0], unit.marks[-1]
        s0 = _sentence_of(starts, first.start, text)
        s1 = _next_start(starts, last.end, self.paragraphs[last.para][1])
        # The sentence before and the fragment's own, without what quotations hold.
        since = max(_sentence_of(starts, s0 - 1, text) if s0 > starts[0] else s0, starts[0])
        since = max(since, previous.marks[-1].end)
        report = _QUOTED.sub(" ", text[since : first.start] + " " + text[last.end : s1]).split()
        sentence = _QUOTED.sub(" ", text[s0 : first.start] + " " + text[last.end : s1]).split()
        inside = text[slice(*first.inner(text))].split()
        reported = {w.strip(".,;:!?()–-").casefold() for w in report}
        outer = {w.strip(".,;:!?()–-").casefold() for w in sentence}
        inner = {w.strip(".,;:!?()–-").casefold() for w in inside}
        # '„…“ Die FACC ist „zu 100 Prozent …“': a fragment right after a whole quotation.
        close = not previous.fragment and first.start - previous.marks[-1].end < _NEXT_SENTENCE
        return bool(
            (reported | inner) & speech.reported_forms
            or outer & speech.subject_pronouns
            or inner & (speech.auxiliaries | speech.that)
            or close
        )

    def _names_a_thing(self, mark: _Mark) -> bool:
        """True for a capitalised quotation after a determiner or a noun: the name of a thing
        ("den „Anticipation Hub“", "der Zeitung „Die Welt“"), which nobody is saying."""
        s, e = mark.inner(self.text)
        return self.text[s : s + 1].isupper() and self._titles(mark)

    def _titles(self, mark: _Mark) -> bool:
        """True when the word before a quotation's opening mark is a determiner or a noun."""
        before = self.text[max(0, mark.start - 40) : mark.start].split()
        if not before:
            return False
        word = before[-1]
        if word.casefold() in self.speech.noun_markers:
            return True
        # Where nouns have capitals, a capitalised word inside a sentence is a noun (or a name).
        return (
            self.speech.nouns_capitalised
            and len(before) > 1
            and word[:1].isupper()
            and word.replace("-", "").isalpha()
            and before[-2][-1:] not in ".!?:"
            and word.casefold() not in self.speech.adverbial_starts
        )

    def _fragment_unit(self, group: list[_Mark], s0: int, s1: int) -> _Unit:
        """The reported clause around quoted fragments: 'She said [Trump favors a “strongman approach.”]'."""
        text, language, speech = self.text, self.language, self.speech
        head = text[s0 : group[0].start]
        cut = max(head.rfind("; "), head.rfind(": "))
        if cut >= 0:
            s0, head = s0 + cut + 2, head[cut + 2 :]
        sentence_end = min(s1, group[-1].end + _WINDOW)
        while sentence_end > group[-1].end and text[sentence_end - 1] in _SPACES:
            sentence_end -= 1
        if sentence_end > group[-1].end and text[sentence_end - 1] in ".;":
            sentence_end -= 1
        tail = text[group[-1].end : sentence_end]
        attribution = speakers.according_to(tail, language)
        # Where a comma goes inside the marks, '“…,” she said' closes the quotation with its
        # attribution; in 'a “historic” Phase 1 trade agreement, …' the writer's sentence goes on.
        closed = (
            not speech.comma_inside
            or tail.lstrip(_SPACES)[:1] in ",;"
            or text[group[-1].end - 1 - group[-1].width] in ",.!?"
        )
        # A dash after a fragment opens an apposition ("sondern „alle“ – Kinder, Soldaten –"),
        # not a signature: only a whole quotation is signed "— X".
        signed = tail.lstrip(_SPACES)[:1] in "―—–"
        if attribution is None and closed and not signed:
            attribution = self._after(tail, group[0])
        # A verb inside an earlier quotation of the sentence reports nothing of the writer's.
        said = _QUOTED.sub(lambda m: " " * len(m.group()), head)
        verb = speakers.last_reporting_verb(said, language)
        outer = speakers.first_verb_with_that(said, language)
        if outer is not None:
            # "Trump said … that Clinton described it as “…”": the outer verb reports the clause.
            verb = outer
        if speech.inner_quotations:
            # Only the words inside the marks are the quotation; the sentence says who.
            speaker = speakers.subject_of_verb(head, verb, language, self.known) if verb else None
            if speaker is None and attribution is not None:
                speaker = attribution.speaker
            if speaker is None:
                # "un « deuxième étage » est caché, rappelle le journal": an incise further on.
                incise = speakers.inside(tail, language)
                speaker = incise[0] if incise else None
            if speaker is None:
                framed = speakers.according_to(head, language)
                speaker = framed.speaker if framed else None
            if speaker is None:
                incise = speakers.inside(text[slice(*group[0].inner(text))], language)
                speaker = incise[0] if incise else None
            if speaker is None and speakers.opens_with_frame(head, language):
                opener = speakers.before(head.rstrip() + ",", language)
                speaker = opener.speaker if opener else None
            return _Unit([m.inner(text) for m in group], group[0].para, speaker, True, group)
        if verb is not None:
            after_verb = head[verb[1] :]
            that = (
                re.search(
                    r"\b(?:" + "|".join(re.escape(w) for w in sorted(speech.that)) + r")",
                    after_verb[:60],
                    re.I,
                )
                if speech.that
                else None
            )
            content_start = s0 + verb[1] + (that.start() if that else 0)
            while content_start < group[0].start and text[content_start] in _SPACES + ",":
                content_start += 1
            speaker = speakers.subject_of_verb(head, verb, language)
            if speaker is None and attribution is not None:
                speaker = attribution.speaker
            content_end = sentence_end
            # ", she said." closing the reported clause is not part of it.
            if attribution is not None and re.match(r"^\s*,", tail):
                content_end = group[-1].end
            return _Unit([(content_start, content_end)], group[0].para, speaker, True, group)
        if attribution is not None:
            return _Unit([(s0, group[-1].end)], group[0].para, attribution.speaker, True, group)
        # No reporting verb: the sentence that quotes the words (a candidate of last resort).
        quoted = sum(_words(text[slice(*m.inner(text))]) for m in group)
        speaker = speakers.subject_of_sentence(head, language)
        pieces = [(s0, sentence_end)] if quoted >= 2 and speaker else []
        return _Unit(pieces, group[0].para, speaker, True, group)

    def _previous_sentence_source(
        self, starts: list[int], pos: int, para_start: int, reported: bool = False
    ) -> str | None:
        """'Selon X, … . « … »': a paraphrase attributed just before the quotation names its source.
        With `reported`, so does the subject of a reporting verb there ("Das Ministerium bestätigte
        den Auftritt. „…“, hieß es")."""
        s0 = _sentence_of(starts, pos, self.text)
        if s0 <= para_start:
            return None
        prev_start = _sentence_of(starts, s0 - 1, self.text)
        sentence = self.text[prev_start:s0].strip(_SPACES)
        if any(ch in sentence for ch in '“”«»„"'):
            return None  # a sentence with its own quotation has its own speaker
        found = speakers.according_to(" " + sentence, self.language)
        if found or not reported:
            return found.speaker if found else None
        verb = speakers.last_reporting_verb(sentence, self.language)
        return speakers.subject_of_verb(sentence, verb, self.language) if verb else None

    def _attribute(
        self, unit: _Unit, starts: list[int], previous: _Unit | None, para_start: int
    ) -> None:
        text, language = self.text, self.language
        first, last = unit.marks[0], unit.marks[-1]
        speaker = unit.speaker
        turn = self._turn(first.para) if speaker is None else None
        if turn is not None:
            speaker = self._turn_speaker(turn)
            if speaker is None:
                # "WALLACE: …" where the article never names Wallace in full: the turn is his,
                # not the previous speaker's, and nobody can be printed.
                unit.mention = turn
                return
        if speaker is None and len(unit.marks) > 1:
            between = text[unit.marks[0].end : unit.marks[1].start]
            attribution = speakers.after(between, language)
            speaker = attribution.speaker if attribution else None
        unread = False
        if speaker is None and not unit.fragment:
            # "While protesters chanted, “Red for Ed,” in a hallway, the Speaker spoke": a
            # reporting verb right before the opening mark introduces the quotation; the clause
            # after it is another one's.
            speaker = self._introduced(text[_sentence_of(starts, first.start, text) : first.start])
        if speaker is None and not unit.fragment:
            paragraph_end = self.paragraphs[last.para][1]
            tail = text[last.end : min(paragraph_end, last.end + _WINDOW)]
            # After a quotation closed by a full stop, a capitalised sentence is a new sentence,
            # not an attribution ('“…?” Vitter demanded.' still is).
            ended = text[slice(*last.inner(text))].rstrip("’'\"”“")[-1:] == "."
            if not (ended and tail.strip(_SPACES)[:1].isupper()):
                attribution = self._after(tail, first)
                speaker = attribution.speaker if attribution else None
                # « … », dit en substance le texte: an attribution we cannot read is still
                # someone's, not the previous speaker's going on.
                # '“…,” countless Instagram users quipped': where the comma goes inside the
                # marks, a subject we cannot read and its verb after it, the same.
                reported = speakers.opens_with_reporting_verb(tail, language) or (
                    self.speech.comma_inside
                    and text[slice(*last.inner(text))].endswith(",")
                    and speakers.reporting_verb_follows(tail, language)
                )
                unread = (
                    speaker is None
                    and reported
                    and not (previous and _names(speakers.cut_clause(tail, language), previous))
                )
        if speaker is None and not unit.fragment:
            s0 = _sentence_of(starts, first.start, text)
            attribution = speakers.before(text[s0 : first.start], language, self.known)
            if attribution and self._quoted_words(attribution.speaker, s0, first.start):
                # '"… The American people do not agree," Sanders said, suggesting …, "…"': an
                # earlier quotation's words are no subject of the writer's sentence.
                attribution = None
            if attribution is None and s0 == para_start and first.para > 0:
                # "Caddell said:" closing the previous paragraph.
                ps, pe = self.paragraphs[first.para - 1]
                prev = text[max(ps, pe - _WINDOW) : pe]
                if prev.rstrip().endswith(":"):
                    attribution = speakers.before(prev, language, self.known)
            speaker = attribution.speaker if attribution else None
        if speaker is None and not unit.fragment:
            reported = self._impersonally_reported(text[last.end : last.end + 40])
            speaker = self._previous_sentence_source(starts, first.start, para_start, reported)
        if previous is not None and previous.speaker and self._same_source(last.end, speaker):
            # « … », ajoute-t-on de même source: whoever spoke before.
            unit.speaker, unit.role, unit.named = previous.speaker, previous.role, previous.named
            unit.mention = speaker
            return
        # A follow-up quotation with no attribution of its own continues the previous speaker;
        # a quoted fragment too where quotations are the words inside the marks, within the same
        # or the next paragraph. An English fragment without a reporting verb is more often a
        # scare quote than a follow-up.
        if (
            speaker is None
            and not unread
            and previous is not None
            and previous.speaker
            and 0 <= first.para - previous.para <= (1 if unit.fragment else 2)
            and (not unit.fragment or self.speech.inner_quotations)
            and not (unit.fragment and self._about_someone_else(unit, starts, previous))
            and not self._introduces_someone_else(unit, starts, previous, para_start)
            and not self._presented_by_another(unit, starts, previous)
            and not (unit.fragment and self._names_a_thing(first))
            and not self._credits_someone_else(unit, starts, previous)
            and not (unit.fragment and self._in_heading(first.para))
            and not (
                unit.fragment
                and previous.followed
                and self.speech.reported_forms
                and not self._reports(unit, starts, previous)
            )
        ):
            unit.speaker, unit.role, unit.named = previous.speaker, previous.role, previous.named
            unit.followed = True
            return
        before = None
        if previous is not None:
            if previous.named or not previous.fragment:
                # A description credited with a fragment ("one questioner claimed that the
                # “…”") is not who a pronoun after it stands for: the answer is another's.
                before = mentions.Resolved(previous.speaker, previous.role, previous.named)
            self.table.set_previous_end(previous.marks[-1].end)
        resolved = self.table.resolve(speaker, first.start, before)
        unit.speaker, unit.role, unit.named = resolved.speaker, resolved.role, resolved.person
        unit.mention = (self.table.words(speaker) or None) if speaker else None

    def _impersonally_reported(self, tail: str) -> bool:
        """True when an impersonal report follows the quotation: '„…“, hieß es in …'."""
        opening = " ".join(tail.lstrip(_SPACES + ",").split()[:2]).casefold()
        return any(opening == phrase.casefold() for phrase in self.speech.impersonal_reports)

    def _goes_on(self, silent: _Unit, unit: _Unit, starts: list[int], end: int) -> bool:
        """True when `unit` is credited by a verb of going on ("added", "a ajouté") in the
        sentence right after the one that quotes `silent`, and that sentence reports nobody."""
        if not (unit.speaker and unit.mention) or unit.followed or not self.speech.going_on:
            return False
        text = self.text
        s0 = _sentence_of(starts, silent.marks[0].start, text)
        s1 = _next_start(starts, silent.marks[-1].end, end)
        if _sentence_of(starts, unit.marks[0].start, text) != s1:
            return False
        if speakers.last_reporting_verb(_QUOTED.sub(" ", text[s0:s1]), self.language):
            return False  # the silent quotation's own sentence reports someone
        s2 = _next_start(starts, unit.marks[-1].end, end)
        words = _QUOTED.sub(" ", text[s1:s2]).split()
        return any(w.strip(".,;:!?()").casefold() in self.speech.going_on for w in words)

    def _credits_someone_else(self, unit: _Unit, starts: list[int], previous: _Unit) -> bool:
        """True when the rest of the quotation's sentence names a person other than the previous
        speaker: "„…“, machte der SPD-Fraktionsvize Dirk Wiese deutlich" is his."""
        text, last = self.text, unit.marks[-1]
        end = _next_start(starts, last.end, self.paragraphs[last.para][1])
        ended = text[slice(*last.inner(text))].rstrip("’'\"”“")[-1:] in (".", "!", "?")
        if ended and text[last.end : end].strip(_SPACES)[:1].isupper():
            return False  # „…eingefordert.“ Für unseren …: the quotation closed its sentence
        return self.table.named_between(last.end, end, previous.speaker or "", given=True)

    def _in_heading(self, para: int) -> bool:
        """True for a paragraph of a few words and no stop, as a crosshead is ("Versagen beim
        Thema „fossile Energien“"): the editor's words, not a speaker's going on."""
        start, end = self.paragraphs[para]
        body = self.text[start:end]
        return _words(body) <= 12 and not re.search(r"[.!?:…]", body)

    def _same_source(self, end: int, speaker: str | None) -> bool:
        """True when the clause right after a quotation credits the source named before it
        and nobody else: "« … », ajoute-t-on de même source", "“…,” the same source said"."""
        phrases = self.speech.same_source
        clause = self.text[end : end + _WINDOW].lstrip(_SPACES + ",")
        if not phrases or (clause[:1].isupper() and not clause.casefold().startswith(phrases)):
            return False  # a new sentence, not the quotation's own clause
        clause = re.split(r"[.!?…;:]|\n", clause, maxsplit=1)[0].casefold()
        named = speaker.casefold() if speaker else ""
        if named and named not in self.speech.impersonal and not any(named in p for p in phrases):
            return False  # « … », a dit Jean Dupont: his own words, whatever follows
        return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", clause) for p in phrases)

    def _quoted_words(self, words: str, start: int, end: int) -> bool:
        """True when the last place of `words` between two offsets is inside a quotation."""
        at = self.text.rfind(words, start, end)
        return at >= 0 and self.table.inside_quotation(at)

    def _introduced(self, head: str) -> str | None:
        """The speaker of a reporting verb that closes `head` with a comma or a colon, a short
        complement allowed ("X chanted,", "the man whispered to her,"), if any."""
        stripped = head.rstrip(_SPACES)
        # Where the comma goes inside the marks, the words after a quotation closed by its own
        # comma are the writer's sentence going on; elsewhere ', sagte X' follows any quotation.
        if not self.speech.comma_inside or not stripped.endswith((",", ":")):
            return None
        verb = speakers.last_reporting_verb(stripped, self.language)
        if verb is None or len(stripped[verb[1] :].split()) > 3:
            return None
        found = speakers.before(head, self.language, self.known)
        speaker = found.speaker if found else None
        if not speaker or speakers.is_pronoun(speaker) or speaker.split()[-1].endswith("ing"):
            # A pronoun is left to the attribution after the quotation, which may name who
            # reports the words ('he said, “…,” the office said'); "That being said," is no
            # attribution.
            return None
        return speaker

    def _about_someone_else(self, unit: _Unit, starts: list[int], previous: _Unit) -> bool:
        """True when the sentence quoting a fragment names someone other than the previous
        speaker before it: "il avait déjà montré son « rapport de force »" (il: not the one
        who spoke), "Para Ingrid Betancourt la solución está en “…”"; unsure, nobody."""
        first = unit.marks[0]
        s0 = _sentence_of(starts, first.start, self.text)
        return self._someone_else(s0, first.start, previous)

    def _someone_else(self, start: int, end: int, previous: _Unit) -> bool:
        """True when the text between the offsets names someone other than who spoke before."""
        return self.table.someone_else(start, end, self._going_on(previous))

    def _going_on(self, previous: _Unit) -> mentions.Resolved:
        """The previous speaker, for the table to weigh a mention after their quotation."""
        self.table.set_previous_end(previous.marks[-1].end)
        return mentions.Resolved(previous.speaker, previous.role, previous.named)

    def _introduces_someone_else(
        self, unit: _Unit, starts: list[int], previous: _Unit, para_start: int
    ) -> bool:
        """True when a quotation in a later paragraph than the previous speaker's follows
        sentences of its own paragraph that report someone else speaking: "Un punto similar hace
        la timonel PPD, Natalia Piergentili, quien afirmó que … . “…”" is hers, not the previous
        speaker's."""
        first = unit.marks[0]
        if unit.fragment or first.para <= previous.para:
            return False
        if any(self._reports_another(p, previous) for p in range(previous.para + 1, first.para)):
            return True
        s0 = _sentence_of(starts, first.start, self.text)
        if s0 <= para_start:
            return False
        before = self.text[para_start:s0]
        if speakers.last_reporting_verb(before, self.language) is None:
            return False  # nobody else is reported speaking: the previous speaker goes on
        if _names(before, previous):
            return False  # "…, Schiff said. “…”": the previous speaker is named again
        return self._someone_else(para_start, s0, previous)

    def _presented_by_another(self, unit: _Unit, starts: list[int], previous: _Unit) -> bool:
        """True when the writer's sentence that opens a quotation with a colon has a subject of
        its own, a name or a personal pronoun, that is not the previous speaker: "Eine Frau kommt
        … Sie findet das nachvollziehbar: „…“" presents her words, whoever spoke before, though
        nobody can be named for them."""
        first = unit.marks[0]
        s0 = _sentence_of(starts, first.start, self.text)
        head = self.text[s0 : first.start].rstrip(_SPACES)
        if not head.endswith(":") or _QUOTED.search(head):
            return False
        opening = head.split()[0]
        subject = speakers.subject_of_sentence(head, self.language) or (
            opening if opening.casefold() in self.speech.subject_pronouns else None
        )
        if subject is None:
            return False
        if speakers.is_name(subject):
            return not _names(subject, previous)
        if not speakers.is_pronoun(subject):
            return False
        return self.table.resolve(subject, s0, self._going_on(previous)).speaker != previous.speaker

    def _reports_another(self, para: int, previous: _Unit) -> bool:
        """True when a paragraph between the previous speaker's and a quotation ends by reporting
        what someone else named said: "¶ Erekat said it was only the latest move … ¶ “…”"."""
        start, end = self.paragraphs[para]
        text = self.text[start:end]
        verb = speakers.last_reporting_verb(text, self.language)
        if verb is None:
            return False
        found = speakers.subject_of_verb(text[: verb[1]], verb, self.language, self.known)
        name = found.split(",")[0] if found else ""
        return speakers.is_name(name) and not _names(name, previous)

    def _turn(self, para: int) -> str | None:
        """The label a transcript's turn opens with ("PENCE", "SPIEGEL"), if the paragraph is one."""
        start, end = self.paragraphs[para]
        label = _TURN.match(self.text, start, end)
        # In capitals only: "Erster Erfolg: …" or "Pence: Flowers Won’t Be at Debate" is a heading.
        return label.group(1) if label and label.group(1).isupper() else None

    def _turn_speaker(self, label: str) -> str | None:
        """The person a turn's label names, when the article names that person in full; a label
        of anyone else ("NOTE", "SPIEGEL", "Update") names nobody."""
        surname = label.split()[-1]
        if not self.table.names_in_full(surname):
            return None
        return self.table.full_name(surname.title())


# A transcript's turn: a name of one to three words in capitals and a colon open the paragraph
# (inside a quotation mark when the article quotes the transcript).
_TURN = re.compile(r"[\"“”„«»]?\s*([A-ZÀ-Þ][\w’'.\-]*(?: [A-ZÀ-Þ][\w’'.\-]*){0,2}):\s")


def _score(text: str, speaker: str | None, fragment: bool, speech: Speech) -> float:
    """Pull-quote rank: named speaker, 12 to 45 words, first person or opinion; fragments last."""
    words = _words(text)
    score = 0.3
    if speaker:
        score += 0.25 if speakers.is_name(speaker) else 0.1
    tokens = {w.casefold() for w in _WORD.findall(text)}
    if 12 <= words <= 45:
        score += 0.2
    elif 6 <= words <= 80:
        score += 0.05
    if tokens & (speech.first_person | speech.opinion):
        score += 0.1
    if fragment:
        score -= 0.25
    if words < 4:
        score -= 0.1
    return round(min(1.0, max(0.0, score)), 3)


def _blockquote(text: str, finder: _Finder) -> Quote | None:
    body = text.strip(_SPACES)
    if not body or _EMBED.search(body) or _words(body) < 4:
        return None
    resolved = mentions.Resolved(None)
    mention = None
    m = re.search(r"\n?\s*[―—–]\s*([^\n]{2,80})$", body)
    if m:
        mention = finder.table.words(m.group(1))
        resolved = finder.table.resolve(m.group(1).strip(), len(finder.text), None)
        body = body[: m.start()].strip(_SPACES)
    body = body.strip('“”«»„"' + _SPACES)
    return Quote(
        text=body,
        speaker=resolved.speaker,
        role=resolved.role,
        mention=mention,
        kind="blockquote",
        score=round(_score(body, resolved.speaker, False, finder.speech) - 0.05, 3),
    )


def _key_sentences(finder: _Finder, limit: int = 3) -> list[Quote]:
    """Fallback candidates: the first well-sized sentences of the body."""
    out: list[Quote] = []
    text, body = finder.text, finder.paragraphs
    if body:
        first = text[body[0][0] : body[0][1]]
        if _words(first) < 25 and not first.rstrip().endswith((".", "!", "?")):
            body = body[1:]  # a headline
    for start, end in body[:8]:
        starts = _sentence_starts(text, start, end, [], finder.speech)
        for s, e in zip(starts, [*starts[1:], end], strict=True):
            sentence = text[s:e].strip(_SPACES)
            if 12 <= _words(sentence) <= 45:
                out.append(
                    Quote(
                        text=sentence,
                        speaker=None,
                        kind="key_sentence",
                        score=round(0.2 - 0.05 * len(out), 3),
                    )
                )
            if len(out) >= limit:
                return out
    return out


def _titled(body: str, speech: Speech) -> bool:
    """True when quoted words are a title in title case: every word capitalised but the small
    joining words, and no stop ("Sex and Death in the Rational World of …"). Where every noun
    has a capital, every word must have one ("Jungle World", "On Photography"; not "Geschichte
    der Sexualität", which may be anyone's words)."""
    if body.rstrip("”’\"'»")[-1:] in ".!?":
        return False
    words = re.findall(r"[^\W\d_][\w’'\-]*", body)
    small = speech.complements | speech.determiners | speech.conjunctions | speech.particles
    if speech.nouns_capitalised:
        small = frozenset()
    capitalised = [w for w in words if w.casefold() not in small]
    if all(w.isupper() for w in capitalised):
        return False  # "LOVED IT": words shouted, not a title
    return 2 <= len(words) <= 10 and all(w[:1].isupper() for w in capitalised)


def _names_a_title(fragment: _Unit, body: str, finder: _Finder) -> bool:
    """True when a quoted fragment is a title, or a sentence of the writer's whose only quoted
    words are titles and that no attribution reports ('Trump called her “Miss Piggy”' does)."""
    text, speech = finder.text, finder.speech
    if _titled(body, speech):
        return True
    return not fragment.mention and all(
        _titled(text[slice(*m.inner(text))], speech) for m in fragment.marks
    )


def _quote(body: str, unit: _Unit, speech: Speech) -> Quote:
    return Quote(
        text=body,
        speaker=unit.speaker,
        role=unit.role,
        mention=unit.mention,
        kind="direct",
        score=_score(body, unit.speaker, unit.fragment, speech),
    )


def find_quotes(text: str, language: str | None, blockquotes: Sequence[str] = ()) -> list[Quote]:
    """Return candidate pull quotes found in `text`, best first."""
    finder = _Finder(text, language)
    quotes: list[Quote] = []
    seen: dict[str, int] = {}  # a quotation's words -> where its candidate is in `quotes`
    for unit in finder.units():
        body = unit.text(text).strip(_SPACES)
        if not body:
            continue
        if body in seen:
            # A pull quote or a heading repeats words the article quotes further on: the speaker
            # of the quotation before it was taken up, where the occurrence with an attribution
            # of its own says who spoke.
            earlier = quotes[seen[body]]
            if unit.mention and earlier.speaker and not earlier.mention:
                quotes[seen[body]] = _quote(body, unit, finder.speech)
            continue
        if unit.fragment and _words(body) < (2 if finder.speech.inner_quotations else 3):
            continue  # a quoted word or title, not a quotation
        if not unit.fragment and _words(body) < 2:
            continue
        # An attribution left unresolved ("she", two women named) still says somebody spoke.
        if (
            unit.fragment
            and not (unit.speaker or unit.mention)
            and (_words(body) <= 3 or body[0].isupper())
        ):
            continue  # a title, a name, a slogan or a button label: nobody says it
        if (unit.fragment and _names_a_title(unit, body, finder)) or (
            not unit.mention and _titled(body, finder.speech)
        ):
            # “Wild Rose”, "Farmers for Nikki": a work's or a group's name, unless an attribution
            # of its own reports it as words ('“Welcome Jose,” the club tweeted').
            continue
        seen[body] = len(quotes)
        quotes.append(_quote(body, unit, finder.speech))
    for block in blockquotes:
        quote = _blockquote(block, finder)
        if quote is not None and quote.text not in seen:
            seen[quote.text] = len(quotes)
            quotes.append(quote)
    if not any(_words(q.text) >= 6 for q in quotes):
        quotes.extend(_key_sentences(finder))
    return sorted(quotes, key=lambda q: -q.score)
