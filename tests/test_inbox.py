"""Feeds, imports and the inbox, through the real CLI against a real server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.inboxkit import BOOKMARKS, POCKET, SOURCES, feed_server, review, serve_articles
from tests.webserver import WebServer, robots
from typer.testing import CliRunner

from digest import config
from digest.cli import app
from digest.store import Store

runner = CliRunner()


def run(path: Path, *args: str, input: str | None = None) -> object:
    return runner.invoke(app, ["--sources", str(path), *args], input=input)


def plain(text: str, base: str) -> str:
    """Output with the server's address as {base} and run times as N.N."""
    return re.sub(r"in \d+\.\d s", "in N.N s", text.replace(base, "{base}"))


@pytest.fixture
def server() -> Iterator[WebServer]:
    with WebServer() as web:
        yield web


@pytest.fixture
def base(server: WebServer) -> str:
    return feed_server(server)


@pytest.fixture
def path(tmp_path: Path, base: str) -> Path:
    return review(tmp_path / "review", base)


def inbox_rows(path: Path) -> list[tuple[int, str, str | None, str | None, str | None, str]]:
    result = run(path, "inbox", "--json", "--all")
    assert result.exit_code == 0, result.stderr
    return [
        (r["number"], r["url"], r["title"], r["published"], r["theme"], r["feed"])
        for r in json.loads(result.stdout)
    ]


# --------------------------------------------------------------------------- discover


def test_discover_reads_rss_atom_json_feed_and_a_home_page(path: Path, base: str) -> None:
    result = run(path, "discover")
    assert result.exit_code == 0
    assert plain(result.stderr, base) == (
        "[1] read 200 {base}/rss.xml -- 4 entries, 2 kept, 2 new, 1 without a link\n"
        "    + Social innovation in small towns  {base}/2026/11/small-towns.html\n"
        "    + Transport and social innovation  {base}/2026/11/transport.html\n"
        "[2] read 200 {base}/atom.xml -- 2 entries, 2 kept, 1 new, 1 in sources.yaml\n"
        "    + Un tiers-lieu à la campagne  {base}/blog/tiers-lieu.html\n"
        "[3] followed 200 {base}/talents/ -- declares {base}/talents/feed.json\n"
        "[3] read 200 {base}/talents/feed.json -- 1 entry, 1 kept, 1 new, 1 without a link\n"
        "    + Looking for social talents  {base}/talents/one.html\n"
        "4 feed documents in N.N s: 4 new candidates, 0 failed. See them with `digest inbox`.\n"
    )
    # Tracking parameters and tracking fragments are gone; sport is excluded, transport is not.
    assert inbox_rows(path) == [
        (1, f"{base}/2026/11/small-towns.html", "Social innovation in small towns",
         "2026-11-30T08:00:00+00:00", "Innovation and the city", f"{base}/rss.xml"),
        (2, f"{base}/blog/tiers-lieu.html", "Un tiers-lieu à la campagne",
         "2026-11-29T09:00:00+00:00", None, f"{base}/atom.xml"),
        (3, f"{base}/2026/11/transport.html", "Transport and social innovation",
         "2026-11-28T10:00:00+00:00", "Innovation and the city", f"{base}/rss.xml"),
        (4, f"{base}/talents/one.html", "Looking for social talents",
         "2026-11-25T09:00:00+00:00", "Looking for social talents", f"{base}/talents/feed.json"),
    ]  # fmt: skip


def test_discover_again_asks_conditionally_and_suggests_nothing_twice(
    path: Path, base: str, server: WebServer
) -> None:
    run(path, "discover")
    again = run(path, "discover")
    assert again.exit_code == 0
    assert plain(again.stderr, base).splitlines()[0] == "[1] not_modified 304 {base}/rss.xml"
    assert plain(again.stderr, base).splitlines()[1] == (
        "[2] read 200 {base}/atom.xml -- 2 entries, 2 kept, 0 new, 1 in sources.yaml, "
        "1 already seen"
    )
    rss = [r for r in server.requests if r.path == "/rss.xml"]
    assert [r.headers.get("if-none-match") for r in rss] == [None, '"rss-1"']
    assert len(inbox_rows(path)) == 4


def test_bad_feeds_are_reported_and_the_others_read(tmp_path: Path, base: str) -> None:
    text = SOURCES.split("feeds:")[0] + (
        "feeds:\n"
        "  - url: {base}/broken.xml\n"
        "  - url: {base}/plain.html\n"
        "  - url: {base}/missing.xml\n"
        "  - url: {base}/big.xml\n"
        "  - url: {base}/list.opml\n"
        "    keywords: [tiers-lieu]\n"
    )
    path = review(tmp_path / "bad", base, text)
    result = run(path, "discover", "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [
        (f["index"], f["url"].replace(base, ""), f["outcome"], f["error"], f["entries"],
         len(f["new"]), f["note"])
        for f in report["feeds"]
    ] == [
        (1, "/broken.xml", "failed", "malformed feed: no element found (line 1)", 0, 0, None),
        (2, "/plain.html", "failed", 'an HTML page that declares no feed (no <link '
         'rel="alternate" type="application/rss+xml"> or Atom/JSON Feed link)', 0, 0, None),
        (3, "/missing.xml", "failed", "HTTP 404 Not Found", 0, 0, None),
        (4, "/big.xml", "read", None, 200, 200,
         "10000 entries; read the first 200 (max_entries)"),
        (5, "/list.opml", "followed", None, 0, 0, None),
        (5, "/rss.xml", "read", None, 4, 0, None),
        (5, "/atom.xml", "read", None, 2, 1, None),
    ]  # fmt: skip
    assert report["summary"] == {"feeds": 7, "failed": 3, "new": 201}
    rows = inbox_rows(path)
    assert [title for _, _, title, *_ in rows[:2]] == ["Entry 0", "Entry 1"]
    assert rows[199][2] == "Entry 199"
    assert rows[200][2] == "Un tiers-lieu à la campagne"


def test_feeds_are_validated_with_file_line_and_entry(tmp_path: Path, base: str) -> None:
    text = SOURCES.split("feeds:")[0] + (
        "feeds:\n"
        "  - url: ftp://example.org/feed\n"
        "  - url: {base}/rss.xml\n"
        "    theme: Inovation and the city\n"
        "    keywords: innovation\n"
        "    exclude: [[nested]]\n"
        "    language: french\n"
        "    max_entries: 0\n"
        "    tags: [x]\n"
        "  - theme: Social as an ambition\n"
    )
    path = review(tmp_path / "invalid", base, text)
    result = run(path, "discover")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: sources.yaml:18: feeds[1].url 'ftp://example.org/feed' is not an http(s) URL\n"
        "sources.yaml:25: feeds[2] has an unknown key 'tags'\n"
        "sources.yaml:20: feeds[2].theme 'Inovation and the city' is not a theme; did you mean "
        "'Innovation and the city'?\n"
        "sources.yaml:22: feeds[2].exclude must be a list of words or phrases\n"
        "sources.yaml:23: feeds[2].language 'french' is not a two-letter code\n"
        "sources.yaml:24: feeds[2].max_entries has an invalid value 0; write a whole number "
        "above 0\n"
        "sources.yaml:26: feeds[3] needs a 'url'\n"
    )
    assert not (path.parent / ".digest").exists()


# --------------------------------------------------------------------------- import


def test_import_bookmarks_pocket_stdin_and_opml(path: Path, base: str, tmp_path: Path) -> None:
    (tmp_path / "bookmarks.html").write_text(BOOKMARKS, encoding="utf-8")
    (tmp_path / "pocket.csv").write_text(POCKET, encoding="utf-8")
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        f'<opml version="2.0"><body><outline text="New" xmlUrl="{base}/new.xml"/>'
        f'<outline text="Again" xmlUrl="{base}/rss.xml"/></body></opml>'
    )
    before = path.read_text(encoding="utf-8")
    result = run(
        path, "import", str(tmp_path / "bookmarks.html"), str(tmp_path / "pocket.csv"), "-",
        str(opml), input=f"# to read\nhttps://news.example.org/from-stdin.html\n{base}/blog/old.html\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stderr.replace(str(tmp_path) + "/", "") == (
        "bookmarks.html (bookmarks): 2 links, 2 new candidates, 1 without a link\n"
        "pocket.csv (pocket): 1 link, 1 new candidate, 1 without a link\n"
        "stdin (urls): 2 links, 1 new candidate, 1 in sources.yaml\n"
        "feeds.opml (opml): 2 feeds, 1 added to feeds: in sources.yaml\n"
    )
    rows = [
        (u, title, theme, feed.rsplit("/", 1)[-1])
        for _, u, title, _, theme, feed in inbox_rows(path)
    ]
    # Newest first: what stdin gave has no date, so it counts as found today.
    assert rows == [
        ("https://news.example.org/from-stdin.html", None, None, "stdin"),
        ("https://news.example.org/talents-at-work.html", "Talents at work",
         "Looking for social talents", "pocket.csv"),
        ("https://news.example.org/ambition.html", "Ambition", "Social as an ambition",
         "bookmarks.html"),
        ("https://news.example.org/loose.html", "Loose link", None, "bookmarks.html"),
    ]  # fmt: skip
    again = run(path, "import", "--json", str(tmp_path / "pocket.csv"))
    assert json.loads(again.stdout) == [
        {"file": str(tmp_path / "pocket.csv"), "format": "pocket", "links": 1, "new": 0,
         "listed": 0, "known": 1, "without_link": 1, "feeds": [], "feeds_added": []}
    ]  # fmt: skip
    # Only `feeds:` changed, appended after the curator's own, their comments intact.
    assert path.read_text(encoding="utf-8") == before + f"  - url: {base}/new.xml\n"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.html", "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n</DL>\n",
         "empty.html: a bookmarks export with no http(s) link (<A HREF=...>); nothing was "
         "imported"),
        ("other.csv", "name,link,date\nA,https://a.example/,1\n",
         "other.csv:1: not a Pocket export: its columns are name,link,date; expected "
         "title,url,time_added,tags,status"),
        ("list.txt", "https://a.example/one\nnot a url\n",
         "list.txt:2: 'not' is not an http(s) URL; nothing was imported"),
        ("empty.opml", '<opml version="2.0"><body><outline text="x"/></body></opml>',
         "empty.opml: an OPML list with no feed (outline xmlUrl=...); nothing was imported"),
    ],
)  # fmt: skip
def test_import_refuses_bad_files_and_writes_nothing(
    path: Path, tmp_path: Path, name: str, content: str, message: str
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("https://news.example.org/good.html\n")
    (tmp_path / name).write_text(content, encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    result = run(path, "import", str(good), str(tmp_path / name))
    assert result.exit_code == 2
    assert result.stderr.replace(str(tmp_path) + "/", "") == f"Error: {message}\n"
    assert path.read_text(encoding="utf-8") == before
    assert not (path.parent / ".digest").exists()


# --------------------------------------------------------------------------- take and drop


def test_take_moves_candidates_into_sources_keeping_the_curators_file(
    path: Path, base: str
) -> None:
    run(path, "discover")
    before = path.read_text(encoding="utf-8")
    result = run(path, "inbox", "take", "3", "2", "--theme", "Social as an ambition",
                 "--comment", "Two ways to try.")  # fmt: skip
    assert result.exit_code == 0
    assert plain(result.stderr, base) == (
        "Took 3: {base}/2026/11/transport.html (Social as an ambition)\n"
        "Took 2: {base}/blog/tiers-lieu.html (Social as an ambition)\n"
        "Added 2 sources to sources.yaml.\n"
    )
    today = dt.date.today().isoformat()
    added = "".join(
        f"  - url: {base}{p}\n    added: {today}\n    theme: Social as an ambition\n"
        "    comment: Two ways to try.\n"
        for p in ("/2026/11/transport.html", "/blog/tiers-lieu.html")
    )
    head, tail = before.split("\nfeeds:")
    assert path.read_text(encoding="utf-8") == head + added + "\nfeeds:" + tail
    assert [u.replace(base, "") for _, u, *_ in inbox_rows(path)] == [
        "/2026/11/small-towns.html",
        "/talents/one.html",
    ]


def test_take_refuses_bad_numbers_and_themes(path: Path, base: str) -> None:
    run(path, "discover")
    before = path.read_text(encoding="utf-8")
    assert run(path, "inbox", "take", "9").stderr == (
        "Error: there is no candidate 9; the inbox has 4 (see `digest inbox --all`)\n"
    )
    wrong = run(path, "inbox", "take", "1", "--theme", "Sport")
    assert wrong.exit_code == 2
    assert wrong.stderr == (
        "Error: 'Sport' is not a theme of sources.yaml (themes: Innovation and the city, "
        "Social as an ambition, Looking for social talents)\n"
    )
    assert run(path, "inbox", "take").stderr == (
        "Error: give candidate numbers or --all (see `digest inbox`)\n"
    )
    assert path.read_text(encoding="utf-8") == before
    assert len(inbox_rows(path)) == 4


def test_drop_is_for_good_even_after_the_store_is_refetched(path: Path, base: str) -> None:
    run(path, "discover")
    result = run(path, "inbox", "drop", "2", "1")
    assert (result.exit_code, result.stderr) == (0, "Dismissed 2 candidates.\n")
    with Store.open(path.parent / ".digest") as store:  # forget the ETag: read the RSS again
        store.save_feed_validators(f"{base}/rss.xml", None, None, "2026-01-01T00:00:00+00:00")
    again = run(path, "discover", "--json")
    assert json.loads(again.stdout)["summary"]["new"] == 0
    assert [u.replace(base, "") for _, u, *_ in inbox_rows(path)] == [
        "/2026/11/transport.html",
        "/talents/one.html",
    ]
    old = run(path, "inbox", "drop", "--older-than", "0")
    assert (old.exit_code, old.stderr) == (0, "Dismissed 2 candidates.\n")
    assert inbox_rows(path) == []


def test_take_all_with_a_limit_per_theme(path: Path, base: str) -> None:
    run(path, "discover")
    result = run(path, "inbox", "take", "--all", "--max-per-theme", "1")
    assert result.exit_code == 0
    assert plain(result.stderr, base) == (
        "Took 1: {base}/2026/11/small-towns.html (Innovation and the city)\n"
        "Took 2: {base}/blog/tiers-lieu.html (no theme)\n"
        "Took 4: {base}/talents/one.html (Looking for social talents)\n"
        "Left 1 in the inbox (--max-per-theme).\n"
        "Added 3 sources to sources.yaml.\n"
    )
    assert [u.replace(base, "") for _, u, *_ in inbox_rows(path)] == ["/2026/11/transport.html"]


# --------------------------------------------------------------------------- featured before


def test_already_featured_is_flagged_by_add_take_inbox_and_check(path: Path, base: str) -> None:
    old = f"{base}/blog/old.html?utm_campaign=again"
    refused = run(path, "add", old)
    assert refused.exit_code == 1
    assert plain(refused.stderr.replace(str(path), "sources.yaml"), base) == (
        "Without its tracking parameters (utm_campaign): {base}/blog/old.html\n"
        "Not added: {base}/blog/old.html is already featured in 2026-W45; --force to add it\n"
        "Added 0 sources to sources.yaml (1 in all).\n"
    )
    # A candidate that an earlier edition lists since it was suggested.
    run(path, "import", "-", input=f"{base}/2026/11/later.html\n")
    run(path, "add", f"{base}/2026/11/later.html", "--edition", "2026-W46")
    listing = run(path, "inbox")
    assert plain(listing.stdout, base).splitlines()[1] == (
        "     {base}/2026/11/later.html  (stdin; no theme; already featured in 2026-W46)"
    )
    take = run(path, "inbox", "take", "1")
    assert take.exit_code == 1
    assert plain(take.stderr, base) == (
        "Not taken 1: {base}/2026/11/later.html is already featured in 2026-W46; --force to "
        "take it anyway\n"
        "Added 0 sources to sources.yaml.\n"
    )
    forced = run(path, "inbox", "take", "1", "--force")
    assert (forced.exit_code, plain(forced.stderr, base)) == (
        0,
        "Already listed, left as is: {base}/2026/11/later.html\nAdded 0 sources to sources.yaml.\n",
    )
    assert run(path, "add", old, "--force").exit_code == 0
    check = run(path, "check", "--json")
    featured = [
        (f["line"], f["kind"], f["severity"], f["message"])
        for f in json.loads(check.stdout)
        if f["kind"] in ("featured-before", "cited")
    ]
    assert featured == [
        (19, "featured-before", "warning",
         "source 3: already featured in 2026-W45 (source 1, line 13)"),
    ]  # fmt: skip
    assert config.load(path).sources[2].url == f"{base}/blog/old.html"  # without its tracking


# --------------------------------------------------------------------------- unattended


def test_the_unattended_weekly_review_ends_in_a_digest(
    path: Path, base: str, server: WebServer
) -> None:
    serve_articles(server)
    before = path.read_text(encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(NO_COLOR="1", COLUMNS="200")
    cron = (
        f"{sys.executable} -m digest discover && {sys.executable} -m digest inbox take --all && "
        f"{sys.executable} -m digest fetch && {sys.executable} -m digest build"
    )
    done = subprocess.run(
        cron, shell=True, cwd=path.parent, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    week = config.iso_week(dt.date.today())
    assert done.stdout == f"Wrote digests/{week}.md\n"
    digest = (path.parent / "digests" / f"{week}.md").read_text(encoding="utf-8")
    headings = [line for line in digest.splitlines() if line.startswith("#")]
    assert headings == [
        "# Cities, citizens and technologies",
        "## Innovation and the city",
        "## Looking for social talents",
        "## Also worth reading",
    ]
    for title in ("Social innovation in small towns", "Transport and social innovation",
                  "Un tiers-lieu à la campagne", "Looking for social talents"):  # fmt: skip
        assert digest.count(f"[“{title}”]({base}/") == 1, title
    after = path.read_text(encoding="utf-8")
    assert [line for line in after.splitlines() if "#" in line] == [
        line for line in before.splitlines() if "#" in line
    ]
    assert after.startswith(before.split("\nfeeds:")[0])
    assert inbox_rows(path) == []


def test_inbox_lists_newest_first_and_filters_by_feed_and_theme(path: Path, base: str) -> None:
    empty = run(path, "inbox")
    assert (empty.exit_code, empty.stdout, empty.stderr) == (
        0,
        "",
        "The inbox is empty: `digest discover` reads your feeds.\n",
    )
    run(path, "discover")
    listing = run(path, "inbox", "--feed", "rss.xml")
    assert plain(listing.stdout, base) == (
        "  1  2026-11-30  Social innovation in small towns\n"
        "     {base}/2026/11/small-towns.html  ({base}/rss.xml; Innovation and the city)\n"
        "  3  2026-11-28  Transport and social innovation\n"
        "     {base}/2026/11/transport.html  ({base}/rss.xml; Innovation and the city)\n"
    )
    themed = run(path, "inbox", "--theme", "looking for social talents")
    assert (
        plain(themed.stdout, base).splitlines()[0] == "  4  2026-11-25  Looking for social talents"
    )


def test_discover_without_feeds_says_how_to_add_them(tmp_path: Path, base: str) -> None:
    path = review(tmp_path / "none", base, SOURCES.split("feeds:")[0])
    result = run(path, "discover")
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: sources.yaml has no 'feeds:'; add one, or `digest import` an OPML\n",
    )


def test_discover_honours_robots_txt_unless_told_otherwise(
    path: Path, base: str, server: WebServer
) -> None:
    server.route("/robots.txt", robots("User-agent: *\nDisallow: /talents/\n"))
    kept_out = run(path, "discover", "--json")
    assert kept_out.exit_code == 1
    assert [(f["url"].replace(base, ""), f["error"]) for f in json.loads(kept_out.stdout)["feeds"]
            if f["outcome"] == "failed"] == [
        ("/talents/", f"disallowed by {base}/robots.txt (use --ignore-robots to override)")
    ]  # fmt: skip
    allowed = run(path, "discover", "--ignore-robots", "--json")
    assert (allowed.exit_code, json.loads(allowed.stdout)["summary"]["new"]) == (0, 1)


def test_an_opml_import_into_a_fresh_review_keeps_each_comment_in_its_section(
    tmp_path: Path,
) -> None:
    assert runner.invoke(app, ["init", "fresh"]).exit_code == 0
    path = tmp_path / "fresh" / "sources.yaml"
    before = path.read_text(encoding="utf-8")
    (tmp_path / "f.opml").write_text(
        '<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/feed.xml"/>'
        "</body></opml>"
    )
    result = run(path, "import", str(tmp_path / "f.opml"))
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") == before.replace(
        "\neditions:", "\nfeeds:\n  - url: https://a.example/feed.xml\neditions:", 1
    )
