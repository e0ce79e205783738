"""Quote metrics of the GenderGapTracker protocol, as /work/shared/eval/README.md describes them.

Predictions are located in the article after a light normalisation (quotes, dashes, spaces), piecewise
when they contain an ellipsis, then matched greedily one-to-one against the gold quotations taken in text
order. Scores are character overlaps |gold ∩ pred| / |gold|.

Beside the README's metrics, `speaker_mention` applies the lenient speaker test to a prediction's
`mention` (the attribution's words as the article writes them, "he"; its speaker when it has none):
whether the attribution was found, independently of its resolution to a person, which `speaker`
counts wrong where the gold is the pronoun itself (PolNeAR).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

THRESHOLDS = (0.3, 0.8)
IGNORED_KINDS = frozenset({"key_sentence", "sentence", "summary", "lead", "fallback"})
SPEAKER_STOPWORDS = frozenset(
    "the a an of and for to in on at by from with mr mrs ms dr sen rep gov said says told".split()
)

_CHAR_MAP = {
    **dict.fromkeys("“”„‟«»″〝〞＂", '"'),
    **dict.fromkeys("‘’‚‛‹›′`", "'"),
    **dict.fromkeys("\u00a0\u202f\u2009\u2007\u2008\u200a\u2002\u2003\u2005\u2006", " "),
    **dict.fromkeys("–—‒―−", "-"),
}
_ELLIPSIS = re.compile(r"\s*(?:\[…\]|\[\.\.\.\]|\(…\)|\(\.\.\.\)|…|\.\.\.)\s*")
_TRIM = " \t\n\"'.,;:!?-()[]…"
_WORD = re.compile(r"\w+")
# What speaker_name / speaker_full ignore: titles, articles and pronouns (README, "Speaker names
# the person").
NAME_IGNORED = frozenset(
    """m mme mlle mr mrs ms dr herr frau le la les l der die das den dem des the il elle he she er sie
    lui him her ils elles they""".split()
)

Span = tuple[int, int]
Record = dict[str, Any]


class Normalised:
    """A normalised copy of a text with a map from each normalised character to its original offset."""

    def __init__(self, text: str) -> None:
        out: list[str] = []
        index: list[int] = []
        in_space = False
        for i, ch in enumerate(text):
            ch = _CHAR_MAP.get(ch, ch)
            if ch.isspace():
                if in_space:
                    continue
                in_space = True
                ch = " "
            else:
                in_space = False
            out.append(ch)
            index.append(i)
        self.text = "".join(out)
        self.index = index
        self.length = len(text)

    def span(self, start: int, end: int) -> Span:
        """Original offsets covering normalised characters start..end."""
        return self.index[start], self.index[end - 1] + 1


def _normalise_needle(text: str) -> str:
    return Normalised(text).text.strip()


def _find_all(haystack: Normalised, needle: str) -> list[Span]:
    spans: list[Span] = []
    if not needle:
        return spans
    pos = haystack.text.find(needle)
    while pos >= 0:
        spans.append(haystack.span(pos, pos + len(needle)))
        pos = haystack.text.find(needle, pos + 1)
    return spans


def _find_piece(haystack: Normalised, piece: str) -> list[Span]:
    found = _find_all(haystack, piece)
    if not found:
        found = _find_all(haystack, piece.strip(_TRIM))
    return found


def locate(text: str, article: Normalised) -> list[list[Span]]:
    """Every way `text` can be found in the article: each a list of original character spans."""
    needle = _normalise_needle(text)
    whole = _find_piece(article, needle)
    if whole:
        return [[span] for span in whole]
    pieces = [p.strip(_TRIM) for p in _ELLIPSIS.split(needle)]
    pieces = [p for p in pieces if len(_WORD.findall(p)) >= 3]
    if len(pieces) < 1 or not _ELLIPSIS.search(needle):
        return []
    # Pieces are located in order; each piece takes its first occurrence after the previous one, and
    # every starting occurrence of the first piece is tried.
    results: list[list[Span]] = []
    for first in _find_all(article, pieces[0]):
        chain = [first]
        for piece in pieces[1:]:
            nxt = [s for s in _find_all(article, piece) if s[0] >= chain[-1][1]]
            if not nxt:
                break
            chain.append(nxt[0])
        else:
            results.append(chain)
    return results


def _overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    total = 0
    for s1, e1 in a:
        for s2, e2 in b:
            total += max(0, min(e1, e2) - max(s1, s2))
    return total


def _length(spans: Iterable[Span]) -> int:
    return sum(e - s for s, e in spans)


def gold_spans(quote: Record) -> list[Span]:
    """The character spans of a gold quote: its segments when discontinuous."""
    segments = quote.get("segments")
    if segments:
        return [(int(s), int(e)) for s, e in segments]
    return [(int(quote["start"]), int(quote["end"]))]


def gold_quotes(record: Record) -> list[Record]:
    """The gold quotes of a record, in text order."""
    return sorted(record.get("quotes") or [], key=lambda q: int(q["start"]))


def excluded_spans(record: Record) -> list[Span]:
    """Spans deliberately not annotated (French sets)."""
    return [(int(s), int(e)) for s, e in record.get("excluded") or []]


def _speaker_tokens(name: object) -> set[str]:
    if not name:
        return set()
    return {w for w in _WORD.findall(str(name).casefold()) if w not in SPEAKER_STOPWORDS}


def speaker_correct(gold: Record, predicted: object) -> bool:
    """True when the predicted speaker shares a word with the gold speaker (or its resolution)."""
    names = [gold.get("speaker"), gold.get("speaker_resolved")]
    if not any(names):
        return not predicted
    pred = _speaker_tokens(predicted)
    return any(pred & _speaker_tokens(n) for n in names if n)


def _name_tokens(name: object) -> list[str]:
    """Words of a name without case, accents, titles, articles and pronouns."""
    if not name:
        return []
    flat = unicodedata.normalize("NFKD", str(name).casefold())
    flat = "".join(ch for ch in flat if not unicodedata.combining(ch))
    return [w for w in _WORD.findall(flat) if w not in NAME_IGNORED]


def speaker_names(gold: Record, predicted: object) -> tuple[bool, bool] | None:
    """(surname present, every word present) for a gold with speaker_resolved, else None."""
    resolved = _name_tokens(gold.get("speaker_resolved"))
    if not resolved:
        return None
    pred = set(_name_tokens(predicted))
    return resolved[-1] in pred, all(w in pred for w in resolved)


def _mostly_inside(placement: Sequence[Span], spans: Sequence[Span]) -> bool:
    size = _length(placement)
    return bool(size) and _overlap(placement, spans) / size > 0.5


class _Prediction:
    __slots__ = ("text", "speaker", "mention", "placements")

    def __init__(
        self, text: str, speaker: object, placements: list[list[Span]], mention: object = None
    ) -> None:
        self.text = text
        self.speaker = speaker
        # The attribution's words before resolution ("he"); the speaker when there are none.
        self.mention = mention or speaker
        self.placements = placements

    def score(self, gold: Sequence[Span]) -> float:
        size = _length(gold)
        if not self.placements or not size:
            return 0.0
        return max(_overlap(gold, p) for p in self.placements) / size

    def inside(self, spans: Sequence[Span]) -> bool:
        """True when most of the prediction lies inside `spans` (for some placement)."""
        for p in self.placements:
            size = _length(p)
            if size and _overlap(p, spans) / size > 0.5:
                return True
        return False


def _greedy(
    golds: list[list[Span]], preds: list[_Prediction], threshold: float
) -> list[int | None]:
    """For each gold (in text order), the index of the prediction matched to it, or None."""
    used: set[int] = set()
    matches: list[int | None] = []
    for gold in golds:
        best, best_score = None, threshold
        for i, pred in enumerate(preds):
            if i in used:
                continue
            s = pred.score(gold)
            if s > best_score:
                best, best_score = i, s
        if best is not None:
            used.add(best)
        matches.append(best)
    return matches


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


class Counts:
    """Running totals for one variant of the metric."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.speaker_ok = self.speaker_n = 0
        self.name_ok = self.full_ok = self.name_n = 0
        self.given = self.wrong = self.long = 0
        self.np_ok = self.np_n = 0
        self.mention_ok = 0

    def as_dict(self, suffix: str) -> dict[str, float]:
        p, r, f = _prf(self.tp, self.fp, self.fn)
        out = {f"p{suffix}": p, f"r{suffix}": r, f"f1{suffix}": f}
        if self.speaker_n:
            out[f"speaker{suffix}"] = self.speaker_ok / self.speaker_n
            out[f"speaker_mention{suffix}"] = self.mention_ok / self.speaker_n
        if self.name_n:
            out[f"speaker_name{suffix}"] = self.name_ok / self.name_n
            out[f"speaker_full{suffix}"] = self.full_ok / self.name_n
        if self.given:
            out[f"speaker_wrong{suffix}"] = self.wrong / self.given
        if self.np_n:
            out[f"speaker_np{suffix}"] = self.np_ok / self.np_n
        out[f"speaker_long{suffix}"] = float(self.long)
        return out


def _article_predictions(
    preds: Sequence[Record], article: Normalised, excluded: Sequence[Span]
) -> list[_Prediction]:
    out: list[_Prediction] = []
    for pred in preds:
        if str(pred.get("kind") or "direct") in IGNORED_KINDS:
            continue
        text = str(pred.get("text") or "")
        placements = locate(text, article)
        if excluded and placements:
            # An occurrence lying mostly inside a span deliberately not annotated is not scored; a
            # text found elsewhere too keeps its other occurrences.
            kept = [p for p in placements if not _mostly_inside(p, excluded)]
            if not kept:
                continue
            placements = kept
        placed = _Prediction(text, pred.get("speaker"), placements, pred.get("mention"))
        out.append(placed)
    return out


def score_quotes(
    gold_records: list[Record],
    predictions: dict[str, list[Record]],
    articles: dict[str, str],
) -> dict[str, float]:
    """Score predicted quotes against gold records; keys like 'f1@0.3' and 'speaker' (see README)."""
    strict = {t: Counts() for t in THRESHOLDS}
    pure = {t: Counts() for t in THRESHOLDS}
    tolerant = {t: Counts() for t in THRESHOLDS}
    n_pred = n_gold = unlocated = 0
    for record in gold_records:
        rid = str(record["id"])
        article = Normalised(articles[rid])
        quotes = gold_quotes(record)
        excluded = excluded_spans(record)
        preds = _article_predictions(predictions.get(rid) or [], article, excluded)
        golds = [gold_spans(q) for q in quotes]
        n_pred += len(preds)
        n_gold += len(golds)
        unlocated += sum(1 for p in preds if not p.placements)
        for t in THRESHOLDS:
            matches = _greedy(golds, preds, t)
            _count_strict(strict[t], quotes, matches, preds)
            _count_pure(pure[t], quotes, matches, preds)
            _count_tolerant(tolerant[t], golds, preds, t)
    result: dict[str, float] = {}
    for t in THRESHOLDS:
        result.update(strict[t].as_dict(f"@{t}"))
        result.update({f"pure_{k}": v for k, v in pure[t].as_dict(f"@{t}").items()})
        result.update({f"split_{k}": v for k, v in tolerant[t].as_dict(f"@{t}").items()})
    for key in (
        "speaker",
        "speaker_mention",
        "speaker_name",
        "speaker_full",
        "speaker_wrong",
        "speaker_long",
        "speaker_np",
    ):
        if f"{key}@0.3" in result:
            result[key] = result[f"{key}@0.3"]
    result.update(n_gold=float(n_gold), n_pred=float(n_pred), unlocated=float(unlocated))
    return result


def _count_strict(
    c: Counts,
    quotes: Sequence[Record],
    matches: list[int | None],
    preds: list[_Prediction],
) -> None:
    matched = {m for m in matches if m is not None}
    c.tp += len(matched)
    c.fn += sum(1 for m in matches if m is None)
    c.fp += len(preds) - len(matched)
    for quote, m in zip(quotes, matches, strict=True):
        if m is not None:
            speaker = preds[m].speaker
            c.speaker_n += 1
            c.speaker_ok += speaker_correct(quote, speaker)
            # The same lenient test on the attribution's own words ("he" where the speaker is the
            # person it stands for): whether the attribution was found, whatever its resolution.
            c.mention_ok += speaker_correct(quote, preds[m].mention)
            names = speaker_names(quote, speaker)
            if names is not None:
                c.name_n += 1
                c.name_ok += names[0]
                c.full_ok += names[1]
            if speaker:
                c.given += 1
                c.wrong += not speaker_correct(quote, speaker)
            # The lenient test counts a pronoun resolved to its person as wrong where the gold is
            # the pronoun alone (PolNeAR): the same accuracy over gold that is no bare pronoun.
            if _speaker_tokens(quote.get("speaker")) - NAME_IGNORED or quote.get(
                "speaker_resolved"
            ):
                c.np_n += 1
                c.np_ok += speaker_correct(quote, speaker)
    # Speakers longer than eight words are clauses, not names: counted over every prediction.
    c.long += sum(1 for p in preds if p.speaker and len(str(p.speaker).split()) > 8)


def _count_pure(
    c: Counts,
    quotes: Sequence[Record],
    matches: list[int | None],
    preds: list[_Prediction],
) -> None:
    # Recall over pure_direct gold only; a prediction matched to a mixed gold quote is neither right
    # nor wrong here, an unmatched one is still a false positive.
    matched = {m for m in matches if m is not None}
    c.fp += len(preds) - len(matched)
    for quote, m in zip(quotes, matches, strict=True):
        if not quote.get("pure_direct", True):
            continue
        if m is None:
            c.fn += 1
        else:
            c.tp += 1
            c.speaker_n += 1
            c.speaker_ok += speaker_correct(quote, preds[m].speaker)
            c.mention_ok += speaker_correct(quote, preds[m].mention)


def _count_tolerant(
    c: Counts, golds: list[list[Span]], preds: list[_Prediction], threshold: float
) -> None:
    # A gold quote is found when the union of all predictions covers more than the threshold of it;
    # predictions lying mostly inside a found gold quote are then not false positives.
    covered: list[Span] = sorted(
        {s for p in preds for placement in p.placements for s in placement}
    )
    merged: list[Span] = []
    for s, e in covered:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    found = [g for g in golds if _length(g) and _overlap(g, merged) / _length(g) > threshold]
    c.tp += len(found)
    c.fn += len(golds) - len(found)
    found_spans = [s for g in found for s in g]
    c.fp += sum(1 for p in preds if not p.inside(found_spans))
