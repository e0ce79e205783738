"""Rewrite the expected JSON next to each page in pages/; review the diff before committing.

.venv/bin/python tests/extract/regenerate.py
"""

from __future__ import annotations

import json
from pathlib import Path

from digest.extract import extract_page

PAGES = Path(__file__).resolve().parent / "pages"
FETCHED_AT = "2024-06-01T12:00:00Z"


def expected(page: Path) -> dict[str, object]:
    """What extraction gives for one saved page, quotes left to the quote finder's tests."""
    article = extract_page(page.read_bytes(), f"https://{page.stem}.example/article",
                           fetched_at=FETCHED_AT)  # fmt: skip
    data = article.to_dict()
    del data["quotes"]
    return data


def main() -> None:
    """Regenerate every pages/*.json."""
    for page in sorted(PAGES.glob("*.html")):
        target = page.with_suffix(".json")
        text = json.dumps(expected(page), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target.name}")


if __name__ == "__main__":
    main()
