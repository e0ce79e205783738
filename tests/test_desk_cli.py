"""CLI tests of the curator's desk: show, annotate (options and the interactive review), check."""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from typer.testing import CliRunner

from deskkit import SMALL_TOWNS, TALENT, full_project, store_article, write_project
from digest import config, edits, review
from digest.cli import app
from digest.models import Origin, OriginKind, Quote

runner = CliRunner()


def run(path: Path, *args: str, input: str | None = None) -> object:
    return runner.invoke(app, ["--sources", str(path), *args], input=input)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return full_project(tmp_path / "review")


def entry(path: Path, number: int) -> dict[str, object]:
    """The raw mapping of source `number` as now written in sources.yaml."""
    source = config.load(path).sources[number - 1]
    return {
        k: v
        for k, v in vars(source).items()
        if k in ("quote", "theme", "comment", "title", "authors", "date", "language", "label")
        and v is not None
    }


# --------------------------------------------------------------------------- show


def test_show_prints_fields_with_origins_and_numbered_candidates(project: Path) -> None:
    result = run(project, "show", "small-towns")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "1. https://news.example.org/2026/11/small-towns.html" in out
    assert "From ugly France to dead France?" in out
    assert "JSON-LD" in out
    assert "meta tag (meta author)" in out
    assert "20 November 2026 (2026-11-20)" in out
    assert " 1. “We don't give up”" in out
    assert "— Anne Martin · direct · 0.90" in out
    assert "*2. “It is also a France" in out  # the chosen candidate is marked
    assert "sources.yaml:22 · 2026-W48" in out


def test_show_says_which_rules_failed_for_a_missing_field(project: Path) -> None:
    failed = Origin(OriginKind.ERROR, "date rules: ValueError: no day 32")
    broken = replace(
        SMALL_TOWNS, published=None, origins={**SMALL_TOWNS.origins, "published": failed}
    )
    store_article(project.parent, broken)
    result = run(project, "show", "small-towns")
    assert result.exit_code == 0, result.output
    assert (
        "Date         not found (error in the date rules: ValueError: no day 32)" in result.stdout
    )
    assert "meta tag (meta author)" in result.stdout  # the other fields are still there
    data = json.loads(run(project, "show", "small-towns", "--json").stdout)
    assert data["date"] == {
        "value": None,
        "origin": "error",
        "detail": "date rules: ValueError: no day 32",
    }


def test_show_prints_the_role_the_words_of_an_inferred_speaker_and_when_none_was_found(
    tmp_path: Path,
) -> None:
    path = write_project(tmp_path / "review")
    spoken = dataclasses.replace(
        SMALL_TOWNS,
        quotes=(
            Quote(
                "We don't give up",
                "Anne Martin",
                "direct",
                0.9,
                role="mayor of the town",
                mention="A. Martin",
            ),
            Quote("The square stays open", "Anne Martin", "direct", 0.8, mention="she"),
            Quote("Nobody here is giving up", "Anne Martin", "direct", 0.7, mention="la maire"),
            Quote("Nobody said this one aloud", None, "direct", 0.4),
            Quote("The bakery closed in May", None, "direct", 0.3, mention="they"),
        ),
    )
    store_article(tmp_path / "review", spoken)
    result = run(path, "show", "small-towns")
    assert result.exit_code == 0, result.output
    # The article's words follow a name inferred from a pronoun or a description, not a name.
    assert "— Anne Martin, mayor of the town · direct · 0.90" in result.stdout
    assert "— Anne Martin (“she”) · direct · 0.80" in result.stdout
    assert "— Anne Martin (“la maire”) · direct · 0.70" in result.stdout
    assert "— speaker not found · direct · 0.40" in result.stdout
    assert "— speaker not found (“they”) · direct · 0.30" in result.stdout
    shown = json.loads(run(path, "show", "small-towns", "--json").stdout)  # type: ignore[attr-defined]
    assert shown["quotes"][0] == {
        "text": "We don't give up",
        "speaker": "Anne Martin",
        "role": "mayor of the town",
        "mention": "A. Martin",
        "kind": "direct",
        "score": 0.9,
    }


def test_show_json_has_candidates_under_quotes(project: Path) -> None:
    result = run(project, "show", "3", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["quotes"] == [
        {
            "text": "We hire people who listen first",
            "speaker": "Priya Nair",
            "role": None,
            "mention": None,
            "kind": "direct",
            "score": 0.85,
        },
        {
            "text": "Skills can be taught",
            "speaker": "Priya Nair",
            "role": None,
            "mention": None,
            "kind": "direct",
            "score": 0.6,
        },
    ]
    assert data["title"] == {
        "value": "Looking for social talents in the...",
        "origin": "page body",
        "detail": "<title>",
    }
    assert data["byline"] == {"value": None, "origin": None, "detail": None}
    assert data["publication"]["origin"] == "meta tag"
    assert (data["index"], data["line"], data["theme"], data["chosen_quote"]) == (3, 32, None, None)


def test_show_reports_the_curator_as_origin_of_an_override(project: Path) -> None:
    data = json.loads(run(project, "show", "rochet", "--json").stdout)
    assert data["byline"] == {
        "value": "Claude Rochet interviewed by Jean François Fiorina",
        "origin": "the curator",
        "detail": None,
    }
    assert data["chosen_quote"] is None


def test_show_flags_a_stale_quote(tmp_path: Path) -> None:
    path = write_project(tmp_path)
    changed = SMALL_TOWNS.__class__(**{**vars(SMALL_TOWNS), "text": "The article was rewritten."})
    store_article(tmp_path, changed)
    data = json.loads(run(path, "show", "1", "--json").stdout)
    assert data["chosen_quote"] == {
        "text": "It is also a France where one is a salesperson for a bakery chain.",
        "candidate": 2,
        "stale": True,
    }
    panel = " ".join(run(path, "show", "1").stdout.replace("│", " ").split())
    assert "a bakery chain. (no longer in the article)" in panel


def test_show_unknown_ref_is_a_usage_error(project: Path) -> None:
    result = run(project, "show", "nowhere")
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: sources.yaml: no source matches 'nowhere'"


def test_show_before_any_fetch_says_so(tmp_path: Path) -> None:
    path = write_project(tmp_path)
    data = json.loads(run(path, "show", "1", "--json").stdout)
    assert (data["status"], data["quotes"], data["title"]["value"]) == ("not fetched", [], None)


# --------------------------------------------------------------------------- annotate


def test_annotate_sets_quote_by_number_and_theme_keeping_comments(project: Path) -> None:
    result = run(project, "annotate", "3", "--quote", "2", "--theme", "looking for social talents")
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == "source 3: quote set, theme set."
    assert entry(project, 3) == {
        "quote": "Skills can be taught",
        "theme": "Looking for social talents",
    }
    text = project.read_text()
    assert "# Slate's piece on small towns" in text
    assert "    - Innovation and the city     # first section" in text
    assert text.endswith(
        "  - url: https://blog.example.com/talent\n    added: 2026-11-25\n"
        "    quote: Skills can be taught\n    theme: Looking for social talents\n"
    )


def test_annotate_accepts_literal_text_found_in_the_article(project: Path) -> None:
    result = run(project, "annotate", "talent", "--quote", "Social talents are rare.")
    assert result.exit_code == 0, result.output
    assert entry(project, 3) == {"quote": "Social talents are rare."}


def test_annotate_refuses_text_not_in_the_article_and_writes_nothing(project: Path) -> None:
    before = project.read_bytes()
    result = run(project, "annotate", "3", "--quote", "Talents grow on trees", "--theme", "2")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: the quote does not occur verbatim in the article of source 3 "
        "(https://blog.example.com/talent): “Talents grow on trees”. Nothing was written."
    )
    assert project.read_bytes() == before


def test_annotate_refuses_a_text_quote_before_the_fetch(tmp_path: Path) -> None:
    path = write_project(tmp_path)
    before = path.read_bytes()
    result = run(path, "annotate", "3", "--quote", "anything")
    assert result.exit_code == 1
    assert "has no fetched text to check the quote against" in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--quote", "7"], "Error: there is no candidate 7; source 3 has 2"),
        (
            ["--theme", "Inovation and the city"],
            "Error: 'Inovation and the city' is not a theme; did you mean 'Innovation and the "
            "city'? Themes: 'Innovation and the city', 'Social as an ambition', 'Looking for "
            "social talents'",
        ),
        (["--date", "next week"], "Error: --date 'next week' is not a date (YYYY-MM-DD)"),
        (
            ["--language", "French"],
            "Error: --language 'french' is not a two-letter code (en, fr, ...)",
        ),
    ],
)
def test_annotate_bad_values_exit_2_and_write_nothing(
    project: Path, args: list[str], message: str
) -> None:
    before = project.read_bytes()
    result = run(project, "annotate", "3", *args)
    assert result.exit_code == 2
    assert " ".join(result.stderr.split()) == message
    assert project.read_bytes() == before


def test_annotate_overrides_and_clearing_them(project: Path) -> None:
    result = run(
        project, "annotate", "3", "--title", "Looking for social talents",
        "--author", "Priya Nair", "--author", "Tom Lee", "--date", "2026-11-22",
        "--language", "FR", "--label", "Lire la suite", "--comment", "Two lines:\nsee.",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert entry(project, 3) == {
        "title": "Looking for social talents",
        "authors": ("Priya Nair", "Tom Lee"),
        "date": "2026-11-22",
        "language": "fr",
        "label": "Lire la suite",
        "comment": "Two lines:\nsee.",
    }
    assert "    comment: |-\n      Two lines:\n      see.\n" in project.read_text() or (
        "    comment: |\n      Two lines:\n      see.\n" in project.read_text()
    )
    result = run(project, "annotate", "3", "--title", "", "--author", "Solo Writer")
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == "source 3: title removed, author set."
    assert config.load(project).sources[2].title is None
    assert config.load(project).sources[2].authors == ("Solo Writer",)
    assert "authors:" not in project.read_text()


def test_annotate_empty_author_records_no_byline_and_silences_check(project: Path) -> None:
    result = run(project, "annotate", "3", "--author", "")
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == "source 3: author set to none."
    assert "    author: ''\n" in project.read_text()
    assert config.load(project).sources[2].authors == ()
    assert "no byline" not in run(project, "check").stdout


def test_annotate_without_options_and_without_terminal_exits_2_at_once(project: Path) -> None:
    before = project.read_bytes()
    result = run(project, "annotate", input="\n1\n")
    assert result.exit_code == 2
    assert "needs a terminal" in result.stderr
    assert result.stdout == ""  # no panel, no prompt: it did not start the review
    assert project.read_bytes() == before


def test_annotate_with_options_needs_a_ref(project: Path) -> None:
    result = run(project, "annotate", "--theme", "2")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "Error: name the source to annotate (its number, URL or a unique part)"
    )


# --------------------------------------------------------------------------- interactive


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review, "has_terminal", lambda: True)


def test_interactive_review_walks_the_undecided_sources(project: Path, terminal: None) -> None:
    # Source 2 lacks a quote: Enter accepts candidate 1. Source 3 lacks both: a wrong number is
    # asked again, typed text is checked and kept, then a theme by number.
    # Each then keeps its speaker and its comment (Enter, Enter).
    answers = "\n\n\n9\nNot in the article\nSocial talents are rare.\n\n\n3\n"
    result = run(project, "annotate", input=answers)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.count("╭─") == 2  # two panels: sources 2 and 3
    assert "Saved to sources.yaml: source 2: quote set" in out
    assert "there is no candidate 9; source 3 has 2" in out
    assert "the quote does not occur verbatim" in out
    assert "Saved to sources.yaml: source 3: quote set" in out
    assert "Saved to sources.yaml: source 3: theme set" in out
    assert result.stderr.strip() == ("Reviewed 2 sources; every source has a quote and a theme.")
    assert entry(project, 2)["quote"] == "The state must become a platform for its citizens."
    assert entry(project, 3) == {
        "quote": "Social talents are rare.",
        "theme": "Looking for social talents",
    }
    assert "# Slate's piece on small towns" in project.read_text()


def test_interactive_skip_and_quit_write_nothing(project: Path, terminal: None) -> None:
    before = project.read_bytes()
    result = run(project, "annotate", input="s\nq\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("╭─") == 2
    assert result.stderr.strip() == (
        "Reviewed 0 sources, skipped 1; 2 still lack a quote or a theme."
    )
    assert project.read_bytes() == before


def test_interactive_end_of_input_quits_after_saving_earlier_answers(
    project: Path, terminal: None
) -> None:
    result = run(project, "annotate", input="2\n")
    assert result.exit_code == 0, result.output
    assert "no candidate 2" in result.stdout  # source 2 has one candidate only
    assert "quote" not in entry(project, 2)
    result = run(project, "annotate", input="1\n\n\n")
    assert result.exit_code == 0, result.output
    assert entry(project, 2)["quote"] == "The state must become a platform for its citizens."
    assert "quote" not in entry(project, 3)  # input ended at its prompt
    assert "1 still lacks a quote or a theme" in result.stderr


def test_interactive_review_of_one_named_source(project: Path, terminal: None) -> None:
    result = run(project, "annotate", "3", input="2\n\n\nsocial as an ambition\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("╭─") == 1
    assert entry(project, 3) == {"quote": "Skills can be taught", "theme": "Social as an ambition"}


# --------------------------------------------------------------------------- concurrent edits


def _race(monkeypatch: pytest.MonkeyPatch, edit: object) -> list[int]:
    """Make the curator save sources.yaml by hand between annotate's read and its write."""
    original = edits._write_if_unchanged
    calls: list[int] = []

    def racing(path: Path, text: str, digest: str) -> bool:
        if not calls:
            path.write_text(edit(path.read_text()), encoding="utf-8")  # type: ignore[operator]
        calls.append(1)
        return original(path, text, digest)

    monkeypatch.setattr(edits, "_write_if_unchanged", racing)
    return calls


def test_hand_edit_between_read_and_write_loses_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def by_hand(text: str) -> str:
        text = text.replace("# Slate's piece on small towns", "# Slate, edited by hand")
        return text + "  - url: https://late.example.org/added-by-hand\n    added: 2026-11-26\n"

    calls = _race(monkeypatch, by_hand)
    result = run(project, "annotate", "3", "--quote", "1", "--comment", "Worth it.")
    assert result.exit_code == 0, result.output
    assert len(calls) == 2  # the first write was refused, the edit re-applied to the new file
    text = project.read_text()
    assert "# Slate, edited by hand" in text
    assert text.endswith(
        "  - url: https://blog.example.com/talent\n    added: 2026-11-25\n"
        "    quote: We hire people who listen first\n    comment: Worth it.\n"
        "  - url: https://late.example.org/added-by-hand\n    added: 2026-11-26\n"
    )


def test_hand_edit_of_the_same_field_is_not_overwritten(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def by_hand(text: str) -> str:
        return text.replace(
            "https://blog.example.com/talent\n    added: 2026-11-25\n",
            "https://blog.example.com/talent\n    added: 2026-11-25\n    theme: Social as an ambition\n",
        )

    _race(monkeypatch, by_hand)
    result = run(project, "annotate", "3", "--theme", "Looking for social talents")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: sources.yaml:32: source 3's 'theme' was changed by hand while this edit was "
        "being made; nothing was written. Run it again."
    )
    assert config.load(project).sources[2].theme == "Social as an ambition"


# --------------------------------------------------------------------------- check


def test_check_reports_each_problem_with_file_and_line(project: Path) -> None:
    result = run(project, "check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "sources.yaml:8: theme 'Looking for social talents' has no item in edition 2026-W48",
        "sources.yaml:22: warning: source 1: the quote is 46.7% of the article (14 of 30 words), "
        "more than digest.quotes.max_share (10%)",
        "sources.yaml:27: source 2: the URL carries tracking parameters (utm_source); cite "
        "https://mag.example.net/interview-rochet",
        "sources.yaml:27: warning: source 2: the quote is 60% of the article (9 of 15 words), "
        "more than digest.quotes.max_share (10%)",
        "sources.yaml:27: warning: source 2: no quote chosen; build will use the best candidate, "
        "“The state must become a platform for its citizens.”; choose with "
        "`digest annotate 2 --quote N`",
        "sources.yaml:32: source 3: has no theme",
        'sources.yaml:32: source 3: no byline found; set it with --author NAME, or --author "" '
        "if none",
        "sources.yaml:32: source 3: the title looks truncated: “Looking for social talents in "
        "the...”",
        "sources.yaml:32: warning: source 3: the quote is 25% of the article (6 of 24 words), "
        "more than digest.quotes.max_share (10%)",
        "sources.yaml:32: warning: source 3: printed without an author; set --author NAME (or "
        '--author "" if it has none) with digest annotate',
        "sources.yaml:32: warning: source 3: has no comment of yours; a review comments what it "
        "quotes (digest annotate --comment)",
        "sources.yaml:32: warning: source 3: no quote chosen; build will use the best candidate, "
        "“We hire people who listen first”; choose with `digest annotate 3 --quote N`",
        "5 problems and 7 warnings found.",
    ]


def test_check_json(project: Path) -> None:
    result = run(project, "check", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [(f["kind"], f["line"], f["source"]) for f in data] == [
        ("empty-theme", 8, None),
        ("long-quote", 22, 1),
        ("tracking", 27, 2),
        ("long-quote", 27, 2),
        ("auto-quote", 27, 2),
        ("no-theme", 32, 3),
        ("byline", 32, 3),
        ("title", 32, 3),
        ("long-quote", 32, 3),
        ("attribution", 32, 3),
        ("comment", 32, 3),
        ("auto-quote", 32, 3),
    ]
    assert {f["file"] for f in data} == {"sources.yaml"}


CLEAN = """\
digest:
  title: Clean
  language: en
  quotes: {max_share: 0.2}
  themes: [Cities]
sources:
  - url: https://news.example.org/2026/11/small-towns.html
    added: 2026-11-23
    theme: Cities
    comment: A town that works.
    quote: We don't give up
"""


def test_check_clean_project_exits_0(tmp_path: Path) -> None:
    path = write_project(tmp_path, CLEAN)
    store_article(tmp_path, SMALL_TOWNS)
    result = run(path, "check")
    assert (result.exit_code, result.stdout) == (0, "No problems found.\n")
    assert json.loads(run(path, "check", "--json").stdout) == []


MESSY = """\
digest:
  title: Messy
  language: en
  themes: [Cities]
sources:
  - url: https://news.example.org/2026/11/small-towns.html
    added: 2026-11-16
    theme: Cities
    quote: We don't give up
  - url: https://news.example.org/2026/11/small-towns.html?fbclid=abc
    added: 2026-11-23
    theme: Cities
    quote: We never give up
  - url: https://amp.example.org/small-towns
    added: 2026-11-23
    theme: Cities
    quote: the towns are changing
  - url: https://down.example.org/a
    added: 2026-11-23
    theme: Cities
    author: Someone
    title: Down
  - url: https://shouting.example.org/b
    added: 2026-11-23
    theme: Cities
    quote: Social talents are rare.
"""


def test_check_finds_duplicates_earlier_citations_stale_quotes_and_failures(
    tmp_path: Path,
) -> None:
    path = write_project(tmp_path, MESSY)
    store_article(tmp_path, SMALL_TOWNS)
    store_article(
        tmp_path, SMALL_TOWNS, url="https://news.example.org/2026/11/small-towns.html?fbclid=abc"
    )
    # An AMP copy whose canonical URL is the article of source 1.
    store_article(tmp_path, SMALL_TOWNS, url="https://amp.example.org/small-towns")
    store_article(tmp_path, None, url="https://down.example.org/a", error="HTTP 404 Not Found")
    shouting = TALENT.__class__(
        **{**vars(TALENT), "url": "https://shouting.example.org/b", "title": "Talents",
           "authors": ("PRIYA NAIR", "Example Blog", "ANSA", "www.example.com/team")}
    )  # fmt: skip
    store_article(tmp_path, shouting)
    result = run(path, "check", "--json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    # The fit-to-publish warnings have tests of their own.
    found = [(f["line"], f["kind"], f["message"]) for f in findings if f["severity"] == "error"]
    assert found == [
        (10, "tracking", "source 2: the URL carries tracking parameters (fbclid); cite "
         "https://news.example.org/2026/11/small-towns.html"),
        (10, "stale-quote", "source 2: the chosen quote no longer occurs in the article"),
        (14, "duplicate", "source 3: points to the same article as source 2 (line 10): "
         "https://amp.example.org/small-towns"),
        (14, "cited", "source 3: already cited in edition 2026-W47 (source 1, line 6)"),
        (18, "fetch", "source 4: failed to fetch: HTTP 404 Not Found"),
        (23, "byline", "source 5: the byline 'PRIYA NAIR' is in capitals; set the name with "
         "--author"),
        (23, "byline", "source 5: the byline 'www.example.com/team' looks like a URL"),
    ]  # fmt: skip
    # The same URL under an earlier edition: a warning, which takes the place of `cited`.
    assert [(f["line"], f["message"]) for f in findings if f["kind"] == "featured-before"] == [
        (10, "source 2: already featured in 2026-W47 (source 1, line 6)")
    ]


def test_check_same_edition_duplicates(tmp_path: Path) -> None:
    path = write_project(tmp_path, MESSY.replace("2026-11-16", "2026-11-23"))
    store_article(tmp_path, SMALL_TOWNS)
    store_article(tmp_path, SMALL_TOWNS, url="https://amp.example.org/small-towns")
    result = run(path, "check", "--edition", "2026-W48", "--json")
    duplicates = [
        (f["line"], f["message"]) for f in json.loads(result.stdout) if f["kind"] == "duplicate"
    ]
    assert duplicates == [
        (10, "source 2: points to the same article as source 1 (line 6): "
         "https://news.example.org/2026/11/small-towns.html?fbclid=abc"),
        (14, "source 3: points to the same article as source 1 (line 6): "
         "https://amp.example.org/small-towns"),
    ]  # fmt: skip


def test_check_duplicates_within_an_edition_and_citations_across(tmp_path: Path) -> None:
    text = MESSY.replace("https://amp.example.org/small-towns", SMALL_TOWNS.url + "?utm_source=x")
    path = write_project(tmp_path, text)
    store_article(tmp_path, SMALL_TOWNS)
    found = [
        (f["line"], f["kind"], f["source"])
        for f in json.loads(run(path, "check", "--json").stdout)
        if f["kind"] in ("duplicate", "cited", "featured-before")
    ]
    # The same URL in sources.yaml is featured-before (a warning); `cited` is what only the
    # store's canonical URLs or the built digests know.
    assert found == [
        (10, "featured-before", 2),
        (14, "duplicate", 3),
        (14, "featured-before", 3),
    ]


def test_check_cites_earlier_built_digests(tmp_path: Path) -> None:
    path = write_project(tmp_path, CLEAN)
    store_article(tmp_path, SMALL_TOWNS)
    (tmp_path / "digests").mkdir()
    (tmp_path / "digests" / "2026-W40.md").write_text(
        "# Old\n\nRead more: [“Old”](https://news.example.org/2026/11/small-towns.html?utm_medium=x)\n"
    )
    result = run(path, "check")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "sources.yaml:7: source 1: already cited in edition 2026-W40 (digests/2026-W40.md:3)"
    )


# --------------------------------------------------------------------------- check --links


class _Links(BaseHTTPRequestHandler):
    def _answer(self, with_body: bool) -> None:
        path = urlsplit(self.path).path  # a proxied request names the whole URL
        if path == "/nohead" and self.command == "HEAD":
            status_code = 405  # a server that refuses HEAD but serves GET
        else:
            status_code = {"/ok": 200, "/nohead": 200}.get(path, 404)
        self.server.seen.append((self.command, self.path))  # type: ignore[attr-defined]
        self.send_response(status_code)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(False)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(True)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[ThreadingHTTPServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Links)
    httpd.seen = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_check_links_against_a_local_server(
    tmp_path: Path, server: ThreadingHTTPServer, no_proxy: None
) -> None:
    base = f"http://127.0.0.1:{server.server_address[1]}"
    path = write_project(tmp_path, CLEAN.replace("  themes:", "  fetch: {delay: 0.01}\n  themes:"))
    store_article(tmp_path, SMALL_TOWNS)
    digests = tmp_path / "digests"
    digests.mkdir()
    (digests / "2026-W48.md").write_text(
        f"# Links\n\n[a]({base}/ok)\n\n[b]({base}/gone)\n\n[c]({base}/nohead)\n\n[a again]({base}/ok)\n"
    )
    result = run(path, "check", "--links")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"digests/2026-W48.md:5: {base}/gone answers 404",
        "1 problem found.",
    ]
    assert server.seen == [  # type: ignore[attr-defined]
        ("HEAD", "/ok"),
        ("HEAD", "/gone"),
        ("GET", "/gone"),
        ("HEAD", "/nohead"),
        ("GET", "/nohead"),
    ]


def test_check_links_through_the_configured_proxy(
    tmp_path: Path, server: ThreadingHTTPServer, monkeypatch: pytest.MonkeyPatch, no_proxy: None
) -> None:
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{server.server_address[1]}")
    monkeypatch.setenv("NO_PROXY", "")
    path = write_project(tmp_path, CLEAN.replace("  themes:", "  fetch: {delay: 0.01}\n  themes:"))
    store_article(tmp_path, SMALL_TOWNS)
    (tmp_path / "digests").mkdir()
    (tmp_path / "digests" / "2026-W48.html").write_text(
        '<p><a href="http://news.example.org/ok">a</a> <a href="http://news.example.org/x?a=1&amp;b=2">b</a></p>\n'
    )
    result = run(path, "check", "--links", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [
        {
            "file": "digests/2026-W48.html",
            "line": 1,
            "kind": "link",
            "severity": "error",
            "source": None,
            "message": "http://news.example.org/x?a=1&b=2 answers 404",
        }
    ]
    assert server.seen == [  # type: ignore[attr-defined]
        ("HEAD", "http://news.example.org/ok"),
        ("HEAD", "http://news.example.org/x?a=1&b=2"),
        ("GET", "http://news.example.org/x?a=1&b=2"),
    ]
