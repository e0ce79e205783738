"""Print the speakers digest gives on the pages that have no speaker gold, for judging by eye.

    .venv/bin/python bench/eval/speaker_scan.py [--data ../shared/eval] [--all]

The metadata and body sets (naeb, trafeval, aeb) hold news pages in several languages whose
quotes nobody annotated: the pages of "the web" closest to those we are measured on. Without
`--all`, only the suspect speakers are printed: four words or more, a lower-case word after the
first, or a possessive. That shape is crude: it also takes in good descriptions ("the pitching
coach"); the count at the end (suspect / printed, by language) is for comparing two versions.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def pages(data: Path) -> list[Path]:
    """Every page of naeb, trafeval and aeb, in a fixed order."""
    found = sorted((data / "metadata").glob("*/pages/*.html.gz"))
    return found + sorted((data / "body" / "aeb" / "html").glob("*.html.gz"))


def suspect(speaker: str) -> bool:
    """Four words or more, a lower-case word after the first, or a possessive."""
    words = speaker.split()
    return (
        len(words) >= 4 or any(w[:1].islower() for w in words[1:]) or speaker.endswith(("’s", "'s"))
    )


def main() -> int:
    """Print the speakers and the counts."""
    from digest.extract import extract_page

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE.parents[1].parent / "shared" / "eval")
    parser.add_argument("--all", action="store_true", help="every speaker, not only suspect ones")
    args = parser.parse_args()
    printed: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    for page in pages(args.data):
        try:
            article = extract_page(gzip.decompress(page.read_bytes()), "https://example.org/")
        except Exception as err:  # a page that fails is reported, the scan goes on
            print(f"{page.name}: {type(err).__name__}: {err}", file=sys.stderr)
            continue
        language = article.language or "?"
        for quote in article.quotes:
            if not quote.speaker:
                continue
            printed[language] += 1
            if suspect(quote.speaker):
                flagged[language] += 1
            if args.all or suspect(quote.speaker):
                row = {"page": page.name, "language": language, "speaker": quote.speaker,
                       "role": quote.role, "mention": getattr(quote, "mention", None),
                       "quote": quote.text[:80]}  # fmt: skip
                print(json.dumps(row, ensure_ascii=False))
    total = f"{sum(flagged.values())} suspect / {sum(printed.values())} printed"
    by_language = ", ".join(f"{k} {flagged[k]}/{n}" for k, n in printed.most_common())
    print(f"{total} ({by_language})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
