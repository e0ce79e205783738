"""Fast development loop for the quote finder: find_quotes on a quote set, scored with score_quotes.

    .venv/bin/python bench/eval/quotes_dev.py polnear-dev [--misses] [--only ID] [--data DIR]

Reads <data>/quotes/<set>/gold.jsonl and its articles directly (no CLI), prints the summary and,
with --misses, the gold quotes not matched at 0.3/0.8, the false positives and the wrong speakers.
Speed is printed as ms per 1000 words and as a ratio to a bare quotation-mark regex over the same
texts, measured in the same run (after one warm-up call).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quote_metrics import (
    Normalised,
    Record,
    _article_predictions,
    _greedy,
    excluded_spans,
    gold_quotes,
    gold_spans,
    score_quotes,
    speaker_correct,
)

from digest.extract.quotes import find_quotes

DEFAULT_DATA = Path("/work/shared/eval")
MISSES = SPEAKERS = True


def load(data: Path, name: str) -> tuple[list[Record], dict[str, str]]:
    """Gold records and article texts of one quote set."""
    root = data / "quotes" / name
    records = [
        json.loads(line)
        for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line
    ]
    articles = {str(r["id"]): (root / str(r["file"])).read_text(encoding="utf-8") for r in records}
    return records, articles


def predict(
    records: list[Record], articles: dict[str, str]
) -> tuple[dict[str, list[Record]], float]:
    """find_quotes on every article; the predictions and the seconds spent."""
    out: dict[str, list[Record]] = {}
    find_quotes("Warm-up\n\n“A short quotation here,” she said.", "en")
    started = time.perf_counter()
    for r in records:
        rid = str(r["id"])
        out[rid] = [q.to_dict() for q in find_quotes(articles[rid], str(r.get("language") or "en"))]
    return out, time.perf_counter() - started


def show_misses(
    records: list[Record],
    preds: dict[str, list[Record]],
    articles: dict[str, str],
    threshold: float,
) -> None:
    """Print, per article, unmatched gold, unmatched predictions and wrong speakers."""
    for r in records:
        rid = str(r["id"])
        article = Normalised(articles[rid])
        quotes = gold_quotes(r)
        excluded = excluded_spans(r)
        placed = _article_predictions(preds[rid], article, excluded)
        matches = _greedy([gold_spans(q) for q in quotes], placed, threshold)
        lines: list[str] = []
        for q, m in zip(quotes, matches, strict=True):
            if m is None:
                if MISSES:
                    lines.append(f"  MISS  {q['text']!r}  [{q.get('speaker')}]")
            elif not speaker_correct(q, placed[m].speaker) and SPEAKERS:
                label = "SPKR" if not speaker_correct(q, placed[m].mention) else "spkr"
                lines.append(
                    f"  {label}  gold={q.get('speaker')}/{q.get('speaker_resolved')} "
                    f"pred={placed[m].speaker} mention={placed[m].mention}\n"
                    f"        {_context(articles[rid], q)}"
                )
        used = {m for m in matches if m is not None}
        for i, p in enumerate(placed):
            if i not in used and MISSES:
                where = "UNLOCATED" if not p.placements else "FP"
                lines.append(f"  {where:5} {p.text!r}  [{p.speaker}]")
        if lines:
            print(f"== {rid}")
            print("\n".join(lines))


def _context(article: str, quote: Record) -> str:
    start, end = int(quote["start"]), int(quote["end"])
    before = article[max(0, start - 160) : start].replace("\n", "/")
    after = article[end : end + 100].replace("\n", "/")
    return f"{before}[[{article[start:end][:120]}]]{after}"


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("set", help="quote set name, e.g. polnear-dev or fr-dev")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--misses", action="store_true", help="list misses, false positives, wrong speakers"
    )
    parser.add_argument("--threshold", type=float, default=0.3, help="threshold for --misses")
    parser.add_argument("--only", help="restrict to ids containing this string")
    parser.add_argument("--what", choices=["all", "misses", "speakers"], default="all")
    args = parser.parse_args()
    global MISSES, SPEAKERS
    MISSES = args.what in {"all", "misses"}
    SPEAKERS = args.what in {"all", "speakers"}
    records, articles = load(args.data, args.set)
    if args.only:
        records = [r for r in records if args.only in str(r["id"])]
    preds, seconds = predict(records, articles)
    if args.misses:
        show_misses(records, preds, articles, args.threshold)
    scores = score_quotes(records, preds, articles)
    words = sum(len(articles[str(r["id"])].split()) for r in records)
    for key in sorted(scores):
        print(f"{key:22} {scores[key]:.3f}")
    baseline = _baseline_seconds(records, articles)
    print(f"{'ms per 1000 words':22} {1000 * seconds / max(words, 1) * 1000:.3f}")
    print(f"{'x baseline':22} {seconds / max(baseline, 1e-9):.1f}")


_PAIRED = re.compile(r"[“«\"][^”»\"]*[”»\"]")


def _baseline_seconds(records: list[Record], articles: dict[str, str]) -> float:
    """Time of a bare quotation-mark regex over the same texts, measured in the same run."""
    started = time.perf_counter()
    for r in records:
        text = articles[str(r["id"])]
        _PAIRED.findall(text)
        text.split("\n\n")
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
