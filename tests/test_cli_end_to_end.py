"""The whole path, as a curator runs it: the real CLI, the bundled example served over HTTP.

The example's pages are served by a real HTTP server on 127.0.0.1 acting as a forward proxy, so
the sources keep their realistic http:// URLs. The built digests are compared with golden files;
`DIGEST_REGEN=1 pytest tests/test_cli_end_to_end.py` rewrites them, and the diff is reviewed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from tests.webserver import WebServer

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EXPECTED = Path(__file__).resolve().parent / "end_to_end"
REGEN = os.environ.get("DIGEST_REGEN") == "1"


def digest(
    folder: Path, *args: str, proxy: str = "", sources: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run the real command line in `folder`, as cron or a curator would."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(NO_COLOR="1", COLUMNS="200")
    if proxy:
        env.update(HTTP_PROXY=proxy, http_proxy=proxy)
    command = [sys.executable, "-m", "digest"]
    if sources:
        command += ["--sources", sources]
    return subprocess.run(
        [*command, *args], cwd=folder, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def example_sites() -> Iterator[WebServer]:
    """The bundled example's pages at their own URLs (http://host/path), through a proxy."""
    with WebServer() as server:
        pages = EXAMPLES / "pages"
        for page in sorted(pages.rglob("*.html")):
            host, *rest = page.relative_to(pages).parts
            path = "/" + "/".join(rest).removesuffix(".html")
            server.page(path, page.read_bytes(), "text/html", host=host)
        yield server


@pytest.fixture
def review(tmp_path: Path) -> Path:
    """A copy of the bundled review, as a curator's working folder."""
    folder = tmp_path / "review"
    folder.mkdir()
    for name in ("sources.yaml", "sources-fr.yaml"):
        shutil.copy(EXAMPLES / name, folder / name)
    shutil.copytree(EXAMPLES / "saved", folder / "saved")
    return folder


def compare_with_golden(text: str, name: str) -> None:
    golden = EXPECTED / name
    if REGEN:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def commonmark_tokens(text: str) -> list[tuple[str, str]]:
    """(type, tag or content) of every block and inline token, parsed as CommonMark."""
    found: list[tuple[str, str]] = []
    for token in MarkdownIt("commonmark").parse(text):
        found.append((token.type, token.tag))
        for child in token.children or []:
            found.append(
                (child.type, child.attrs.get("href", "") if child.attrs else child.content)
            )  # type: ignore[arg-type]
    return found


def test_fetch_list_build_the_bundled_example(review: Path, example_sites: WebServer) -> None:
    proxy = example_sites.proxy_url
    fetched = digest(review, "fetch", "--json", proxy=proxy)
    assert fetched.returncode == 0, fetched.stderr
    report = json.loads(fetched.stdout)
    outcomes = {
        item["url"].rsplit("/", 1)[-1]: (item["used"], item["error"]) for item in report["items"]
    }
    assert len(outcomes) == 10
    assert outcomes["les-tiers-lieux-ecoles-de-la-seconde-chance"] == ("saved", None)
    assert all(
        used == "live" and error is None
        for key, (used, error) in outcomes.items()
        if "tiers-lieux" not in key
    )

    listed = json.loads(digest(review, "list", "--json").stdout)
    assert [row["index"] for row in listed] == list(range(1, 11))
    latin1 = next(row for row in listed if "drome-cafes" in row["url"])
    assert latin1["title"] == "Dans la Drôme, des cafés associatifs pour recoudre le lien social"
    assert latin1["language"] == "fr"

    for edition in ("2026-W47", "2026-W48"):
        built = digest(review, "build", "--edition", edition)
        assert built.returncode == 0, built.stderr
        assert built.stdout == f"Wrote digests/{edition}.md\n"
        text = (review / "digests" / f"{edition}.md").read_text(encoding="utf-8")
        compare_with_golden(text, f"{edition}.en.md")

    built = digest(review, "build", "--edition", "2026-W48", sources="sources-fr.yaml")
    assert built.returncode == 0, built.stderr
    compare_with_golden(
        (review / "digests" / "2026-W48.md").read_text(encoding="utf-8"), "2026-W48.fr.md"
    )

    # Building again from the same inputs gives the same bytes.
    first = (review / "digests" / "2026-W48.md").read_bytes()
    digest(review, "build", "--edition", "2026-W48", sources="sources-fr.yaml")
    assert (review / "digests" / "2026-W48.md").read_bytes() == first


def test_golden_english_edition_is_commonmark_with_per_language_labels() -> None:
    text = (EXPECTED / "2026-W48.en.md").read_text(encoding="utf-8")
    tokens = commonmark_tokens(text)
    headings = [t for t in tokens if t[0] == "heading_open"]
    assert headings == [("heading_open", "h1")] + [("heading_open", "h2")] * 3
    assert not [t for t in tokens if t[0].startswith("html")]
    assert all(href.startswith("http://") for kind, href in tokens if kind == "link_open")
    lines = text.splitlines()
    assert (
        "Lire plus: [“Trois métropoles testent la gratuité des transports pour les moins de 26 ans”]"
        in "\n".join(lines)
    )
    assert any(
        line.startswith("Read more: [“The care workers who redesigned their own jobs”]")
        for line in lines
    )
    assert "Claire Fontaine and Youssef Benali" in text
    # Wire copy: the byline is the agency itself, so no author is named.
    assert "moins-de-26-ans), Agence Presse Urbaine\n" in text


def test_golden_french_edition_uses_french_typography() -> None:
    text = (EXPECTED / "2026-W48.fr.md").read_text(encoding="utf-8")
    tokens = commonmark_tokens(text)
    assert not [t for t in tokens if t[0].startswith("html")]
    assert "Lire plus\u00a0: [«\u00a0" in text
    assert "Read more\u00a0: [«\u00a0The care workers who redesigned their own jobs\u00a0»]" in text
    assert "Claire Fontaine et Youssef Benali" in text
    assert "du 23 au 29 novembre 2026" in text
    # Curly double quotes only as the second level, inside guillemets.
    assert [line for line in text.splitlines() if "“" in line or "”" in line] == [
        line for line in text.splitlines() if "«\u00a0Odile Ferrand\u00a0: “Les talents" in line
    ]


def test_web_text_cannot_inject_markdown_or_html(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    shutil.copytree(Path(__file__).parent / "data" / "injection", folder)
    with WebServer() as server:  # the URL is not served: the saved copy is used
        fetched = digest(folder, "fetch", proxy=server.proxy_url)
    assert fetched.returncode == 0, fetched.stderr
    built = digest(folder, "build", "--edition", "2026-W48")
    assert built.returncode == 0, built.stderr
    text = (folder / "digests" / "2026-W48.md").read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").render(text)
    tokens = commonmark_tokens(text)
    links = [href for kind, href in tokens if kind == "link_open"]
    assert links == ["http://hostile.example/news/hostile-page"]
    assert [t for t in tokens if t[0] == "heading_open"] == [
        ("heading_open", "h1"),
        ("heading_open", "h2"),
    ]
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "](javascript:alert(1))" in html  # shown as text, not turned into a link
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
