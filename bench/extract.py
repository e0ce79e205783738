"""Extraction speed: `digest extract` against trafilatura alone, same pages, same run.

    .venv/bin/python bench/extract.py [--sets naeb,trafeval,aeb] [--limit N] [--repeat 1]

Two measures, both as ratios against trafilatura measured in this very run:
* command: `digest extract --inputs LIST --jsonl` and the trafilatura baseline script that
  speaks the same contract (bench/eval/trafilatura_contract.py), each as a subprocess over the
  same list, wall time including start-up;
* in-process: `digest.extract.extract_page` against `trafilatura.bare_extraction(
  with_metadata=True)` on the same decompressed bytes, parsing to output, no I/O; page by page,
  one right after the other, so that the machine's load weighs on both alike.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DIGEST = [str(REPO / ".venv" / "bin" / "digest"), "extract"]
TRAFILATURA = [sys.executable, str(HERE / "eval" / "trafilatura_contract.py")]


def pages(data: Path, sets: list[str], limit: int) -> list[tuple[str, str]]:
    """(PATH, URL) for the chosen sets, in a fixed order."""
    found: list[tuple[str, str]] = []
    for name in sets:
        if name == "aeb":
            base = data / "body" / "aeb"
            truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
            items = [(str(base / "html" / f"{k}.html.gz"), v.get("url") or "")
                     for k, v in sorted(truth.items())]  # fmt: skip
        else:
            base = data / "metadata" / name
            gold = [json.loads(line) for line in (base / "gold.jsonl").open(encoding="utf-8")]
            items = [(str(base / g["file"]), g.get("url") or "") for g in gold]
        found += items[:limit] if limit else items
    return found


def time_command(command: list[str], listing: Path) -> float:
    """Wall time of one extractor command over the list (its output is discarded)."""
    start = time.perf_counter()
    subprocess.run([*command, "--inputs", str(listing), "--jsonl"], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)  # fmt: skip
    return time.perf_counter() - start


def time_in_process(items: list[tuple[bytes, str]]) -> tuple[float, float]:
    """Seconds for digest.extract_page and for trafilatura.bare_extraction over the bytes."""
    from trafilatura import bare_extraction

    from digest.extract import extract_page

    # Warm both (imports, the language model, lxml) so neither pays start-up here.
    extract_page(items[0][0], items[0][1])
    bare_extraction(items[0][0], url=items[0][1] or None, with_metadata=True)
    # Page by page, one extractor right after the other (which one first alternates): a burst of
    # load on the machine falls on both, and neither always finds the page warm.
    digest_time = trafilatura_time = 0.0
    for index, (body, url) in enumerate(items):
        for run_digest in (True, False) if index % 2 == 0 else (False, True):
            start = time.perf_counter()
            if run_digest:
                extract_page(body, url)
                digest_time += time.perf_counter() - start
            else:
                bare_extraction(body, url=url or None, with_metadata=True)
                trafilatura_time += time.perf_counter() - start
    return digest_time, trafilatura_time


def main() -> int:
    """Measure and print pages per second and the digest/trafilatura time ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="naeb,trafeval,aeb")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each set")
    parser.add_argument("--skip-commands", action="store_true", help="in-process only")
    args = parser.parse_args()
    chosen = pages(args.data, [s for s in args.sets.split(",") if s], args.limit)
    n = len(chosen)
    print(f"{n} pages from {args.sets}")
    if not args.skip_commands:
        with tempfile.TemporaryDirectory() as tmp:
            listing = Path(tmp) / "inputs.tsv"
            listing.write_text("".join(f"{p}\t{u}\n" for p, u in chosen), encoding="utf-8")
            digest_s = time_command(DIGEST, listing)
            trafilatura_s = time_command(TRAFILATURA, listing)
        print(f"command     digest extract {n / digest_s:6.1f} pages/s | trafilatura "
              f"{n / trafilatura_s:6.1f} pages/s | time ratio {digest_s / trafilatura_s:.2f}")  # fmt: skip
    items = [(gzip.decompress(Path(p).read_bytes()) if p.endswith(".gz") else Path(p).read_bytes(),
              u) for p, u in chosen]  # fmt: skip
    digest_s, trafilatura_s = time_in_process(items)
    print(f"in-process  extract_page   {n / digest_s:6.1f} pages/s | bare_extraction "
          f"{n / trafilatura_s:6.1f} pages/s | time ratio {digest_s / trafilatura_s:.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
