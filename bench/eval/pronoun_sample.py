"""Print a fixed sample of quotations whose gold speaker is a pronoun, for judging by eye.

    .venv/bin/python bench/eval/pronoun_sample.py SCORED.jsonl [--n 30] [--seed 7]

SCORED.jsonl is the `scored.jsonl` that run.py leaves under --out (e.g. polnear-dev-digest/).
For each sampled quotation: the gold pronoun, the speaker digest printed, and the article text
before the quotation, so a reader can say whether the printed name is right, wrong or empty.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import quote_metrics

PRONOUNS = {"he", "she", "they", "it", "we", "i", "il", "elle", "ils", "elles", "er", "sie", "es"}


def main() -> int:
    """Print the sample."""
    parser = argparse.ArgumentParser()
    parser.add_argument("scored", type=Path)
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--context", type=int, default=500)
    args = parser.parse_args()
    cases = []
    for line in args.scored.open(encoding="utf-8"):
        row = json.loads(line)
        gold, pred = row["gold"], row["pred"]
        text = pred.get("text") or ""
        article = quote_metrics.Normalised(text)
        for q in gold.get("quotes") or []:
            if str(q.get("speaker") or "").casefold() not in PRONOUNS:
                continue
            speaker, best = None, 0
            for p in pred.get("quotes") or []:
                for spans in quote_metrics.locate(str(p["text"]), article):
                    got = quote_metrics._overlap([(q["start"], q["end"])], spans)
                    if got > best:
                        best, speaker = got, p.get("speaker") or "-"
            cases.append((gold["id"], q, speaker, text))
    random.Random(args.seed).shuffle(cases)
    for i, (ident, q, speaker, text) in enumerate(sorted(cases[: args.n], key=lambda c: c[0])):
        before = text[max(0, q["start"] - args.context) : q["start"]].replace("\n", " / ")
        print(f"## {i + 1} {ident} gold={q['speaker']!r} printed={speaker!r}")
        print(f"   …{before}[[{q['text'][:160]}]]\n")
    print(f"{len(cases)} pronoun-gold quotations, {min(args.n, len(cases))} shown", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
