"""Score extractors that speak the `digest extract` contract over the evaluation sets.

    .venv/bin/python bench/eval/run.py [--sets naeb,trafeval,aeb,polnear-dev,fr-dev,de-dev]
                                       [--extractors digest,trafilatura] [--limit N]

Each extractor is a command reading `--inputs LIST --jsonl` (plus `--text --language L` for the
quote sets); its JSONL is scored with metrics.py (and quote_metrics.py for quotes) and one
summary line per set and extractor is printed. Outputs are kept under --out for inspection.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import metrics

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PYTHON = sys.executable
EXTRACTORS: dict[str, list[str]] = {
    "digest": [str(REPO / ".venv" / "bin" / "digest"), "extract"],
    "trafilatura": [PYTHON, str(HERE / "trafilatura_contract.py")],
}
METADATA_SETS = ("naeb", "trafeval")
QUOTE_SETS = ("polnear-dev", "fr-dev", "de-dev")
ALL_SETS = (*METADATA_SETS, "aeb", *QUOTE_SETS)

Record = dict[str, object]


def load_set(data: Path, name: str) -> tuple[list[Record], list[tuple[str, str]], str | None]:
    """Gold records, (PATH, URL) inputs in the same order, and the language for --text sets."""
    if name in METADATA_SETS:
        base = data / "metadata" / name
        gold = [json.loads(line) for line in (base / "gold.jsonl").open(encoding="utf-8")]
        return gold, [(str(base / g["file"]), g.get("url") or "") for g in gold], None
    if name == "aeb":
        base = data / "body" / "aeb"
        truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
        gold = [{"id": k, "body": v["articleBody"], "url": v.get("url") or ""} for k, v in
                sorted(truth.items())]  # fmt: skip
        return gold, [(str(base / "html" / f"{g['id']}.html.gz"), g["url"]) for g in gold], None
    base = data / "quotes" / name
    gold = [json.loads(line) for line in (base / "gold.jsonl").open(encoding="utf-8")]
    languages = {g.get("language") for g in gold}
    language = languages.pop() if len(languages) == 1 else None
    return gold, [(str(base / g["file"]), "") for g in gold], language


def run_extractor(
    command: list[str], inputs: list[tuple[str, str]], language: str | None, workdir: Path
) -> tuple[list[Record], float]:
    """Run one extractor over the inputs; its records aligned with the inputs, and wall time."""
    listing = workdir / "inputs.tsv"
    listing.write_text("".join(f"{p}\t{u}\n" for p, u in inputs), encoding="utf-8")
    args = [*command, "--inputs", str(listing), "--jsonl"]
    if language is not None:
        args += ["--text", "--language", language]
    start = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    records = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    by_input = {str(r.get("input")): r for r in records}
    if len(by_input) < len(inputs):
        tail = proc.stderr.strip().splitlines()[-3:]
        print(f"  ! {command[-1]}: {len(records)}/{len(inputs)} records; {tail}", file=sys.stderr)
    return [by_input.get(p, {}) for p, _ in inputs], elapsed


def score_metadata(gold: list[Record], preds: list[Record]) -> dict[str, tuple[float, int]]:
    """Every metadata metric as (mean, n) over the records where the gold field is set."""
    sums: dict[str, list[float]] = {}

    def add(key: str, value: float) -> None:
        sums.setdefault(key, []).append(value)

    body_pairs: list[tuple[str, str | None]] = []
    for g, p in zip(gold, preds, strict=True):
        authors = p.get("authors") or []
        if isinstance(g.get("authors"), list):
            add("author", metrics.author_exact(g["authors"], authors))  # type: ignore[arg-type]
            add("author_tf1", metrics.author_token_f1(g["authors"], authors))  # type: ignore[arg-type]
            host = urlsplit(_s(g.get("url")) or "").hostname
            publication = _s(p.get("publication"))
            add(
                "author_personal", metrics.author_personal(g["authors"], authors, publication, host)
            )  # type: ignore[arg-type]
            if g["authors"]:
                add("author_ne", metrics.author_exact(g["authors"], authors))  # type: ignore[arg-type]
        if g.get("title"):
            add("title", metrics.title_exact(str(g["title"]), _s(p.get("title"))))
            add("title_rel", metrics.title_relaxed(str(g["title"]), _s(p.get("title"))))
        if g.get("published"):
            utc = _s(g.get("published_utc"))
            add(
                "published",
                metrics.published_match(str(g["published"]), _s(p.get("published")), utc),
            )
        if g.get("language"):
            add("language", metrics.language_match(str(g["language"]), _s(p.get("language"))))
        if g.get("publication"):
            add(
                "publication",
                metrics.publication_match(str(g["publication"]), _s(p.get("publication"))),
            )
        if g.get("body") is not None:
            body_pairs.append((str(g["body"]), _s(p.get("text"))))
    out = {k: (sum(v) / len(v), len(v)) for k, v in sums.items()}
    if body_pairs:
        for key, value in metrics.body_scores(body_pairs).items():
            out[f"body_{key}"] = (value, len(body_pairs))
    return out


def _s(value: object) -> str | None:
    return None if value is None else str(value)


def summary_line(
    name: str, extractor: str, scores: dict[str, tuple[float, int]], spp: float
) -> str:
    """One line: every metric present, with its n where it varies."""
    parts = [f"{name:<11} {extractor:<11}"]

    def fmt(key: str, label: str, with_n: bool = True) -> None:
        if key in scores:
            value, n = scores[key]
            parts.append(f"{label} {value:.3f}" + (f" ({n})" if with_n else ""))

    fmt("author", "author")
    fmt("author_ne", "non-empty", False)
    fmt("author_tf1", "tokF1", False)
    fmt("author_personal", "personal", False)
    fmt("title", "title")
    fmt("title_rel", "relaxed", False)
    fmt("published", "published")
    fmt("language", "language")
    fmt("publication", "publication")
    if "body_F1" in scores:
        p, r, f, a = (scores[f"body_{k}"][0] for k in ("P", "R", "F1", "accuracy"))
        parts.append(f"body P/R/F1 {p:.3f}/{r:.3f}/{f:.3f} acc {a:.3f}")
    for key in ("p@0.3", "r@0.3", "f1@0.3", "p@0.8", "r@0.8", "f1@0.8", "speaker", "split_f1@0.3"):
        if key in scores:
            parts.append(f"{key} {scores[key][0]:.3f}")
    for key in ("speaker_mention", "speaker_np", "speaker_name", "speaker_full", "speaker_wrong"):
        if key in scores:
            parts.append(f"{key} {scores[key][0]:.3f}")
    if "speaker_long" in scores:
        parts.append(f"speakers>8 words {scores['speaker_long'][0]:.0f}")
    parts.append(f"{spp:.3f} s/page")
    return " | ".join(parts)


def quote_scorer() -> Callable[..., dict[str, float]] | None:
    """score_quotes from quote_metrics.py, or None while it does not exist."""
    try:
        from quote_metrics import score_quotes
    except ImportError:
        return None
    return score_quotes  # type: ignore[no-any-return]


def score_quote_set(
    gold: list[Record], preds: list[Record], inputs: list[tuple[str, str]]
) -> dict[str, tuple[float, int]] | None:
    """The quote metrics for one run, or None when the scorer is missing."""
    scorer = quote_scorer()
    if scorer is None:
        return None
    articles = {str(g["id"]): Path(path).read_text(encoding="utf-8") for g, (path, _) in
                zip(gold, inputs, strict=True)}  # fmt: skip
    predictions = {
        str(g["id"]): list(p.get("quotes") or []) for g, p in zip(gold, preds, strict=True)
    }  # type: ignore[call-overload]
    result = scorer(gold, predictions, articles)
    return {k: (float(v), len(gold)) for k, v in result.items()}


def main() -> int:
    """Run every chosen extractor on every chosen set and print the summary lines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(ALL_SETS))
    parser.add_argument("--extractors", default="digest,trafilatura")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, default=0, help="first N records of each set")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "digest-eval")
    parser.add_argument("--jobs", type=int, default=2, help="extractors run side by side")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    extractors = [e for e in args.extractors.split(",") if e]
    for name in [s for s in args.sets.split(",") if s]:
        if name in QUOTE_SETS and quote_scorer() is None:
            print(f"{name:<11} skipped: bench/eval/quote_metrics.py has no score_quotes yet")
            continue
        gold, inputs, language = load_set(args.data, name)
        if args.limit:
            gold, inputs = gold[: args.limit], inputs[: args.limit]
        chosen = [e for e in extractors if not (name in QUOTE_SETS and e != "digest")]

        def one(extractor: str, gold=gold, inputs=inputs, language=language, name=name) -> str:  # type: ignore[no-untyped-def]
            workdir = args.out / f"{name}-{extractor}"
            workdir.mkdir(parents=True, exist_ok=True)
            preds, elapsed = run_extractor(EXTRACTORS[extractor], inputs, language, workdir)
            with (workdir / "scored.jsonl").open("w", encoding="utf-8") as handle:
                for g, p in zip(gold, preds, strict=True):
                    handle.write(json.dumps({"gold": g, "pred": p}, ensure_ascii=False) + "\n")
            if name in QUOTE_SETS:
                scores = score_quote_set(gold, preds, inputs) or {}
            else:
                scores = score_metadata(gold, preds)
            return summary_line(name, extractor, scores, elapsed / max(len(inputs), 1))

        with ThreadPoolExecutor(max_workers=max(args.jobs, 1)) as pool:
            for line in pool.map(one, chosen):
                print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
