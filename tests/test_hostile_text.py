"""Hostile web text, end to end: pages served over HTTP, the real command line, every output.

One review cites pages written to break a digest: lone surrogates, control characters, terminal
escapes, XML-forbidden characters, Markdown fences, bare URLs, bidi overrides, invisible
characters and a 100 KB title. It is fetched once; each test then runs the commands a curator
(or cron) would and checks that every output stays whole and carries none of it.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import cmarkgfm
import feedparser
import pytest
from tests.test_cli_end_to_end import digest
from tests.webserver import WebServer

from deskkit import store_article
from digest.models import Article, Quote
from digest.store import Store

HOST = "http://hostile.example/news/"
BODY = (
    "<p>The council met on Tuesday evening to discuss the new bridge over the river, a project"
    " that has divided the town for more than a decade and that returns at every election.</p>"
    "<p>Residents who live near the old crossing say that traffic has doubled since the"
    " factory opened, and that the narrow road {mark} was never meant to carry lorries.</p>"
    "<p>“We will build the bridge next year, whatever the cost of steel,” said Mayor John"
    " Smith, speaking to reporters after the vote in the town hall.</p>"
    "<p>The opposition asked for an independent study of the costs before any contract is"
    " signed, and promised to raise the question again at the next meeting of the council.</p>"
)
CONTROLS = {"soh": "\x01", "bs": "\x08", "vt": "\x0b", "ff": "\x0c", "esc": "\x1b"}
LONG_TITLE = "Endless " + "headline " * 12_000  # about 100 KB
# Nothing of this may reach an output: controls but tab and newline, surrogates, the two
# noncharacters XML forbids, bidi embeddings/overrides/isolates, invisible characters.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
    "\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]"
)


def page(headline: str, author: str, body: str = BODY.format(mark=""), head: str = "") -> bytes:
    """An article page whose JSON-LD carries `headline` and `author` (JSON escapes allowed)."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<script type="application/ld+json">{{"@context": "https://schema.org",'
        f' "@type": "NewsArticle", "headline": "{headline}",'
        f' "author": {{"@type": "Person", "name": "{author}"}},'
        ' "publisher": {"@type": "Organization", "name": "Hostile Gazette"},'
        f' "datePublished": "2026-11-24T10:00:00Z"}}</script>{head}</head>'
        f"<body><article>{body}</article></body></html>"
    ).encode()


PAGES: dict[str, bytes] = {
    "surrogate": page("Lone \\ud800 surrogate in the headline", "Jane \\udfff Doe"),
    "xml": page(
        "Feed \\u0001 breaker \\u000b with \\u001b escapes",
        "Ann\\u0001 Lee",
        head="<title>Feed \x01 breaker \x0b with \x1b escapes</title>",
    ),
    "terminal": page(
        "Hidden \\u001b[8msecret\\u001b[0m title \\u001b]0;pwned\\u0007"
        " clip \\u001b]52;c;ZXZpbA==\\u0007 end",
        "Evil\\u009b Author",
    ),
    **{
        f"control-{name}": page("Bridge vote", "Kim Park", BODY.format(mark=f" {char} "))
        for name, char in CONTROLS.items()
    },
    "control-none": page("Bridge vote", "Kim Park"),
    "empty": b"<html><head><title>Nothing to read</title></head><body></body></html>",
    "fence": page(
        "Fences and links",
        "Lou Grant",
        "<p>The council met on Tuesday evening to discuss the bridge, which has divided the town"
        " for a decade; the mayor spoke after the vote and did not take questions.</p>"
        "<p>“~~~ The plan is at https://evil.example/plan and on www.evil.example, and ~~nobody~~"
        " can stop it now,” said Mayor John Smith, speaking to reporters in the town hall.</p>"
        "<p>The opposition asked for an independent study of the costs before any contract is"
        " signed, and promised to raise the question again at the next meeting.</p>",
    ),
    "bidi": page(
        "\\u202eReversed title\\u2067 without closing marks", "Zero\\u200bwidth\\u2060 Jo\\ufeffe"
    ),
    "long": page(LONG_TITLE, "Long Writer"),
}
OLD = HOST + "old-store"  # stored by an older version that kept whatever the page held
OLD_ARTICLE = Article(
    url=OLD,
    title="Old \ud800 row \x1b]0;pwned\x07 \x01 with \u202e override",
    authors=("Old\x1b[8m Writer",),
    publication="Old \udfff Gazette",
    language="en",
    text="“Old words\x0b stay\ud800 here,” said Old Writer.",
    quotes=(Quote("Old words stay\ud800 here\x1b[2J", "Old\u202e Writer", "direct", 0.9),),
)


@dataclass(frozen=True)
class Review:
    folder: Path
    report: list[str]  # what `digest fetch` printed, one line per item

    def index(self, name: str) -> int:
        return [*PAGES, "old-store"].index(name) + 1

    def run(self, *args: str) -> tuple[str, str]:
        result = digest(self.folder, *args)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        return result.stdout, result.stderr


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Review:
    folder = tmp_path_factory.mktemp("hostile")
    entries = "".join(
        f"  - url: {HOST}{name}\n    added: 2026-11-24\n    theme: Hostile\n" for name in PAGES
    )
    (folder / "sources.yaml").write_text(
        'digest:\n  title: "Hostile pages"\n  language: en\n  themes: [Hostile]\n'
        f"sources:\n{entries}  - url: {OLD}\n    added: 2026-11-24\n    theme: Hostile\n",
        encoding="utf-8",
    )
    store_article(folder, OLD_ARTICLE)
    with WebServer() as server:
        for name, body in PAGES.items():
            server.page(f"/news/{name}", body, "text/html; charset=utf-8", host="hostile.example")
        fetched = digest(folder, "fetch", proxy=server.proxy_url)
    assert fetched.returncode == 0, fetched.stderr
    return Review(folder, fetched.stderr.splitlines())


@pytest.fixture(scope="module")
def built(review: Review) -> dict[str, str]:
    """Build md, html and atom; every file's text by format."""
    for fmt in ("md", "html", "atom"):
        stdout, _ = review.run("build", "--edition", "2026-W48", "--format", fmt)
        assert stdout.startswith("Wrote ")
    digests = review.folder / "digests"
    names = {"md": "2026-W48.md", "html": "2026-W48.html", "atom": "feed.xml"}
    return {fmt: (digests / name).read_text(encoding="utf-8") for fmt, name in names.items()}


def stored(review: Review, name: str) -> Article:
    with Store.open(review.folder / ".digest") as store:
        article = store.get_article(HOST + name)
    assert article is not None
    return article


def test_lone_surrogates_never_stop_the_edition(review: Review, built: dict[str, str]) -> None:
    again, _ = review.run("fetch", "--json")  # every item from the store, old row included
    items = {i["url"]: i for i in json.loads(again)["items"]}
    assert items[HOST + "surrogate"]["title"] == "Lone surrogate in the headline"
    assert items[OLD]["title"] == "Old row ]0;pwned with override"
    assert (stored(review, "surrogate").title, stored(review, "surrogate").authors) == (
        "Lone surrogate in the headline",
        ("Jane Doe",),
    )
    # An older store row still holding them: every command reads it cleaned.
    rows = {r["url"]: r for r in json.loads(review.run("list", "--json")[0])}
    assert (rows[OLD]["title"], rows[OLD]["authors"], rows[OLD]["publication"]) == (
        "Old row ]0;pwned with override",
        "Old[8m Writer",
        "Old Gazette",
    )
    shown = json.loads(review.run("show", str(review.index("old-store")), "--json")[0])
    assert [q["text"] for q in shown["quotes"]] == ["Old words stay here[2J"]
    for text in built.values():
        assert FORBIDDEN.search(text) is None
    assert "Old row \\]0;pwned with override" in built["md"]


def test_xml_forbidden_characters_never_reach_a_feed(review: Review, built: dict[str, str]) -> None:
    root = ET.fromstring(built["atom"].encode("utf-8"))  # raises on any forbidden character
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    feed = feedparser.parse(built["atom"].encode("utf-8"))
    assert feed.bozo == 0
    content = feed.entries[0].content[0].value
    assert "Feed breaker with escapes" in content
    assert "Ann Lee" in content
    for fmt, text in built.items():
        assert FORBIDDEN.search(text) is None, fmt
    assert "[“Feed breaker with escapes”](http://hostile.example/news/xml), Ann Lee" in built["md"]


def test_terminal_escapes_never_reach_the_terminal(review: Review) -> None:
    listed, _ = review.run("list")
    shown, _ = review.run("show", str(review.index("terminal")))
    shown_old, _ = review.run("show", str(review.index("old-store")))
    for printed in (listed, shown, shown_old):
        assert FORBIDDEN.search(printed) is None
        assert "\x07" not in printed and "\x1b" not in printed
    assert "Hidden [8msecret[0m title ]0;pwned clip ]52;c;ZXZpbA== end" in shown


@pytest.mark.parametrize("name", sorted(CONTROLS))
def test_one_control_character_does_not_wipe_the_article(review: Review, name: str) -> None:
    twin = stored(review, "control-none")
    article = stored(review, f"control-{name}")
    assert twin.text.count("\n\n") == 3 and "lorries" in twin.text
    assert article.text == twin.text
    assert article.quotes == twin.quotes != ()
    assert article.title == "Bridge vote"


def test_an_empty_article_is_reported(review: Review) -> None:
    lines = {line.rsplit(" ", 1)[-1]: line for line in review.report if line.startswith("[")}
    empty = next(line for line in review.report if line.startswith("[10] "))
    assert re.sub(r" \d+\.\ds ", " 0.0s ", empty) == (
        f"[10] fetched live 200 0.0s {HOST}empty -- no article text found in the page"
    )
    assert re.sub(r" \d+\.\ds ", " 0.0s ", lines[HOST + "control-none"]) == (
        f"[9] fetched live 200 0.0s {HOST}control-none"
    )


def test_web_quotes_cannot_open_fences_or_make_links(review: Review, built: dict[str, str]) -> None:
    md = built["md"]
    html = cmarkgfm.github_flavored_markdown_to_html(md)
    assert "<pre" not in html and "<code" not in html and "<del" not in html
    links = re.findall(r'href="([^"]*)"', html)
    assert links == [f"{HOST}{name}" for name in PAGES] + [OLD]
    # The quote stays one quote, its speaker line stays text, the URLs and ~~ stay as written.
    quote = re.search(r"<blockquote>\n<p>~~~ The plan(.*?)</blockquote>", html, re.DOTALL)
    assert quote is not None
    assert quote.group(1).startswith(
        " is at https://evil.example/plan and on www.evil.example, and ~~nobody~~ can stop it now"
    )
    assert re.search(r"</p>\n<p>— [^<]*John Smith[^<]*</p>\n$", quote.group(1))


def test_bidi_and_invisible_characters_and_long_titles(
    review: Review, built: dict[str, str]
) -> None:
    line = next(x for x in built["md"].splitlines() if x.startswith("Read more: [“Reversed"))
    assert line == (
        "Read more: [“Reversed title without closing marks”](http://hostile.example/news/bidi),"
        " Zerowidth Joe, Hostile Gazette"
    )
    rows = {r["url"]: r for r in json.loads(review.run("list", "--json")[0])}
    title = rows[HOST + "long"]["title"]
    assert 280 < len(title) <= 300 and title.endswith(" headline…")
    assert title[:-1] == LONG_TITLE[: len(title) - 1].rstrip()
    for text in built.values():
        assert FORBIDDEN.search(text) is None
        assert LONG_TITLE[:400] not in text


def test_text_no_encoder_takes_prints_as_a_question_mark(tmp_path: Path) -> None:
    # The curator's own text is theirs to write, even a YAML escape of a lone surrogate: the
    # terminal gets a "?", not a traceback.
    (tmp_path / "sources.yaml").write_text(
        'digest:\n  title: "Review"\n  language: en\nsources:\n  - url: http://x.example/a\n'
        '    added: 2026-11-24\n    title: "A \\ud800 B"\n',
        encoding="utf-8",
    )
    listed = digest(tmp_path, "list")
    assert (listed.returncode, listed.stderr) == (0, "")
    assert listed.stdout.splitlines()[1].split() == ["1", "not", "fetched", "A", "?", "B", "no"]
