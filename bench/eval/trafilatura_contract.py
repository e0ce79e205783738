"""trafilatura's bare_extraction wrapped in the `digest extract --inputs LIST --jsonl` contract.

The reference baseline of ../shared/eval/README.md: metadata and text from
bare_extraction(with_metadata=True), language from <html lang> (trafilatura has none).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

from trafilatura import bare_extraction

_HTML_LANG = re.compile(rb"<html[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def extract_one(path: str, url: str) -> dict[str, object]:
    """One contract record for one page."""
    raw = Path(path).read_bytes()
    body = gzip.decompress(raw) if path.endswith(".gz") else raw
    doc = bare_extraction(body, url=url or None, with_metadata=True)
    lang = _HTML_LANG.search(body[:20000])
    record: dict[str, object] = {
        "input": path, "url": url, "title": None, "authors": [], "publication": None,
        "published": None, "language": lang.group(1).decode().lower() if lang else None,
        "text": "", "quotes": [], "error": None,
    }  # fmt: skip
    if doc is None:
        record["error"] = "no extraction"
        return record
    author = getattr(doc, "author", None) or ""
    record.update(
        title=doc.title,
        authors=[a.strip() for a in author.split(";") if a.strip()],
        publication=doc.sitename,
        published=doc.date,
        text=doc.text or "",
    )
    return record


def main() -> int:
    """Read --inputs LIST, print one JSON line per input, in order."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", required=True)
    parser.add_argument("--jsonl", action="store_true")
    args = parser.parse_args()
    for line in Path(args.inputs).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        path, _, url = line.partition("\t")
        try:
            record = extract_one(path, url.strip())
        except Exception as err:  # the contract: a failing page still gets its line
            record = {"input": path, "url": url, "authors": [], "quotes": [], "error": str(err)}
        print(json.dumps(record, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
