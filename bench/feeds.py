"""What `max_entries` saves on a huge feed: reading a feed of N entries bounded to the first 200,
as a ratio to reading all N (median of runs).

    .venv/bin/python bench/feeds.py [--entries 10000] [--runs 5]

Both reads run alternately in this process on the same bytes, so machine noise hits both.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.inboxkit import big_feed  # noqa: E402

from digest import feeds  # noqa: E402


def timed(body: bytes, max_entries: int | None) -> tuple[float, int]:
    start = time.perf_counter()
    document = feeds.read(body, "http://bench.example/feed.xml", "application/rss+xml",
                          max_entries=max_entries)  # fmt: skip
    return time.perf_counter() - start, len(document.entries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--bound", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    body = big_feed("http://bench.example", args.entries)
    bounded: list[float] = []
    whole: list[float] = []
    for _ in range(args.runs):
        seconds, kept = timed(body, args.bound)
        bounded.append(seconds)
        seconds, read = timed(body, None)
        whole.append(seconds)
    b, w = statistics.median(bounded), statistics.median(whole)
    print(f"feed of {args.entries} entries ({len(body) / 1e6:.1f} MB), {args.runs} runs")
    print(f"all {read} entries: median {w:.2f} s")
    print(f"first {kept} (max_entries {args.bound}): median {b:.3f} s, ratio {b / w:.3f}")


if __name__ == "__main__":
    main()
