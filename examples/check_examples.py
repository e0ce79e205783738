"""Check the bundled example: pages parse, encodings are what they claim, quotes are verbatim.

Run from the repository root: .venv/bin/python examples/check_examples.py
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent
PAGES = ROOT / "pages"
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
# Elements whose end tag HTML lets a page omit; none of ours does, but browsers would cope.
HIDDEN = {"head", "script", "style", "template"}
LATIN1_PAGES = {"www.territoires-solidaires.example/reportages/drome-cafes-associatifs-lien-social"}


class Page(HTMLParser):
    """Collects the visible text and any unbalanced tags of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.text: list[str] = []
        self.charset: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = dict(attrs)
            if values.get("charset"):
                self.charset = values["charset"]
            elif (values.get("http-equiv") or "").lower() == "content-type":
                found = re.search(r"charset=([\w-]+)", values.get("content") or "")
                self.charset = found.group(1) if found else None
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            line, _ = self.getpos()
            self.problems.append(f"line {line}: </{tag}> closes <{self.stack[-1:]}>")
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not HIDDEN.intersection(self.stack):
            self.text.append(data)

    def visible_text(self) -> str:
        # Collapse ASCII whitespace only: no-break spaces are part of the French typography.
        return re.sub(r"[ \t\r\n]+", " ", " ".join(self.text))


def parse(path: Path) -> tuple[Page, str]:
    """Parse one page with the encoding it declares."""
    raw = path.read_bytes()
    declared = re.search(rb"charset=\"?([\w-]+)", raw[:2048])
    encoding = declared.group(1).decode() if declared else "utf-8"
    page = Page()
    page.feed(raw.decode(encoding))
    page.close()
    if page.stack:
        page.problems.append(f"unclosed at end: {page.stack}")
    return page, encoding


def page_for(url: str) -> Path:
    """The file the local proxy serves for `url`."""
    parts = urlsplit(url)
    return PAGES / parts.netloc / (parts.path.lstrip("/") + ".html")


def main() -> int:
    failures: list[str] = []
    texts: dict[Path, str] = {}
    tests_data = ROOT.parent / "tests" / "data"
    for path in sorted([*ROOT.rglob("*.html"), *tests_data.rglob("*.html")]):
        page, encoding = parse(path)
        texts[path] = page.visible_text()
        failures += [f"{path}: {problem}" for problem in page.problems]
        words = len(texts[path].split())
        print(f"{encoding:<11} {words:>5} words  {path.relative_to(ROOT.parent)}")
    for rel in LATIN1_PAGES:
        raw = (PAGES / f"{rel}.html").read_bytes()
        try:
            raw.decode("utf-8")
            failures.append(f"{rel}: bytes are valid UTF-8, expected real Latin-1")
        except UnicodeDecodeError:
            pass
    yaml = YAML(typ="rt")
    cited: set[Path] = set()
    for name in ("sources.yaml", "sources-fr.yaml"):
        config = yaml.load((ROOT / name).read_text("utf-8"))
        themes = list(config["digest"]["themes"])
        for index, source in enumerate(config["sources"], 1):
            where = f"{name}: sources[{index}]"
            path = ROOT / source["html"] if "html" in source else page_for(source["url"])
            cited.add(path)
            if path not in texts:
                failures.append(f"{where}: no page at {path}")
                continue
            if source["theme"] not in themes:
                failures.append(f"{where}: theme {source['theme']!r} is not a theme")
            quote = source.get("quote")
            if quote and quote not in texts[path]:
                failures.append(f"{where}: quote not verbatim in {path.name}: {quote!r}")
    for path in sorted(PAGES.rglob("*.html")):
        if path not in cited:
            failures.append(f"{path}: no source cites this page")
    for failure in failures:
        print("FAIL", failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
