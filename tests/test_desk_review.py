"""The desk's second pass: speakers and roles, comments written in $EDITOR, the whole review."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from deskkit import full_project
from digest import config, review
from digest.cli import app
from digest.config import Settings, Source
from digest.items import resolve
from digest.models import Article, Quote

runner = CliRunner()


def run(path: Path, *args: str, input: str | None = None) -> object:
    return runner.invoke(app, ["--sources", str(path), *args], input=input)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return full_project(tmp_path / "review")


def quote_block(path: Path, url_part: str) -> str:
    """The lines of the built Markdown digest from a quote to its attribution."""
    result = run(path, "build", "--edition", "2026-W48")
    assert result.exit_code == 0, result.output
    text = (path.parent / "digests" / "2026-W48.md").read_text("utf-8")
    before = text[: text.index(url_part)]
    return text[before.rindex("\n\n> ") + 2 : text.index("\n", before.rindex("\n") + 1)]


# --------------------------------------------------------------------------- speakers


def test_speaker_and_role_options_are_written_and_printed_under_the_quote(project: Path) -> None:
    result = run(project, "annotate", "3", "--quote", "1", "--role", "head of people")
    assert result.exit_code == 0, result.output
    assert result.stderr == "source 3: quote set, role set.\n"
    assert quote_block(project, "blog.example.com/talent") == (
        "> We hire people who listen first\n>\n> — Priya Nair, head of people\n\n"
        "Read more: [“Looking for social talents in the...”](https://blog.example.com/talent), "
        "Example Blog"
    )
    result = run(project, "annotate", "talent", "--speaker", "Priya K. Nair", "--role", "")
    assert result.exit_code == 0, result.output
    source = config.load(project).sources[2]
    assert (source.speaker, source.role) == ("Priya K. Nair", "")
    data = json.loads(run(project, "show", "3", "--json").stdout)
    assert (data["speaker"], data["role"]) == ("Priya K. Nair", None)
    assert "> — Priya K. Nair\n\nRead more" in quote_block(project, "blog.example.com/talent")


def test_an_empty_speaker_is_a_decision_that_nobody_is_named(project: Path) -> None:
    result = run(project, "annotate", "2", "--quote", "1", "--speaker", "")
    assert result.exit_code == 0, result.output
    assert result.stderr == "source 2: quote set, speaker set to none.\n"
    assert 'speaker: ""' in project.read_text() or "speaker: ''" in project.read_text()
    assert quote_block(project, "interview-rochet") == (
        "> The state must become a platform for its citizens.\n\n"
        "Read more: [“The state as a platform: an interview”]"
        "(https://mag.example.net/interview-rochet?utm_source=newsletter), "
        "Claude Rochet interviewed by Jean François Fiorina, Mag Example"
    )


CANDIDATE = Quote(
    "We were late. We will not be late again, and the city will see it.",
    "Dmitri Peskov",
    "direct",
    0.9,
    role="porte-parole du Kremlin",
)
ARTICLE = Article(url="https://x.example/a", text="Intro. " + CANDIDATE.text, quotes=(CANDIDATE,))
SETTINGS = Settings(title="T", themes=("A",))


def item_of(**decided: object) -> tuple[str | None, str | None]:
    source = Source(index=1, line=1, url="https://x.example/a", **decided)  # type: ignore[arg-type]
    item = resolve(source, ARTICLE, SETTINGS)
    return item.speaker, item.role


def test_a_quote_trimmed_from_a_candidate_keeps_its_speaker_and_role() -> None:
    assert item_of(quote="We will not be late again") == (
        "Dmitri Peskov",
        "porte-parole du Kremlin",
    )
    assert item_of(quote="We were late. […] the city will see it.") == (
        "Dmitri Peskov",
        "porte-parole du Kremlin",
    )
    assert item_of(quote="Intro.") == (None, None)


def test_the_curators_speaker_wins_and_drops_the_candidates_role() -> None:
    assert item_of(quote="We were late.", speaker="Maria Zakharova") == ("Maria Zakharova", None)
    assert item_of(quote="We were late.", speaker="Maria Zakharova", role="spokeswoman") == (
        "Maria Zakharova",
        "spokeswoman",
    )
    assert item_of(quote="We were late.", role="") == ("Dmitri Peskov", None)
    assert item_of(quote="We were late.", speaker="") == (None, None)


# --------------------------------------------------------------------------- $EDITOR


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An editor that appends a known line to the file it is given, as a curator would."""
    script = tmp_path / "fake-editor.sh"
    script.write_text('#!/bin/sh\nprintf "Second thought: *read it*.\\n" >> "$1"\n')
    script.chmod(0o755)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(script))
    return script


def test_annotate_edit_opens_the_comment_in_the_editor(project: Path, editor: Path) -> None:
    result = run(project, "annotate", "2", "--edit")
    assert result.exit_code == 0, result.output
    assert result.stderr == "source 2: comment set.\n"
    assert config.load(project).sources[1].comment == (
        "An interview on the *state* as a platform.\nSecond thought: *read it*."
    )
    assert "    comment: |\n      An interview on the *state* as a platform.\n" in (
        project.read_text()
    )


def test_visual_wins_over_editor_and_a_failing_editor_writes_nothing(
    project: Path, editor: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing = tmp_path / "failing.sh"
    failing.write_text('#!/bin/sh\necho "lost" > "$1"\nexit 3\n')
    failing.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(failing))
    before = project.read_bytes()
    result = run(project, "annotate", "2", "--edit")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: the editor '{failing}' exited with status 3; nothing was written\n"
    )
    assert project.read_bytes() == before


def test_no_editor_is_a_usage_error(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    result = run(project, "annotate", "2", "--edit")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: no editor: set $VISUAL or $EDITOR (export EDITOR=nano), or give the text as "
        "an option\n"
    )


# --------------------------------------------------------------------------- the whole review


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review, "has_terminal", lambda: True)


def test_review_steps_quote_speaker_comment_theme(
    project: Path, terminal: None, editor: Path
) -> None:
    # Source 3: candidate 2, another speaker and a role, a comment in the editor, theme 3.
    answers = "2\nPriya K. Nair\nhead of people\ne\n3\n"
    result = run(project, "annotate", "3", input=answers)
    assert result.exit_code == 0, result.output
    prompts = [
        line
        for line in result.stdout.replace("> ", "").splitlines()
        if line.startswith(("Saved", "Speaker", "Role", "Comment"))
    ]
    assert prompts == [
        "Saved to sources.yaml: source 3: quote set",
        "Speaker · Enter: keep 'Priya Nair' · a name: that person · -: nobody named · q: quit",
        "Role of Priya K. Nair · Enter: none · or type it (mayor of Lyon) · q: quit",
        "Saved to sources.yaml: source 3: speaker set, role set",
        "Comment · Enter: keep none · type it · e: your $EDITOR · -: remove · q: quit",
        "Saved to sources.yaml: source 3: comment set",
        "Saved to sources.yaml: source 3: theme set",
    ]
    source = config.load(project).sources[2]
    assert (source.quote, source.speaker, source.role, source.comment, source.theme) == (
        "Skills can be taught",
        "Priya K. Nair",
        "head of people",
        "Second thought: *read it*.",
        "Looking for social talents",
    )
    assert result.stderr == "Reviewed 1 source; 1 still lacks a quote or a theme.\n"


def test_review_comment_typed_replaces_and_dash_names_nobody(project: Path, terminal: None) -> None:
    result = run(project, "annotate", "2", input="1\n-\nA better comment.\n")
    assert result.exit_code == 0, result.output
    source = config.load(project).sources[1]
    assert (source.quote, source.speaker, source.comment) == (
        "The state must become a platform for its citizens.",
        "",
        "A better comment.",
    )


def test_one_table_of_fields_drives_the_model_the_file_and_the_options() -> None:
    import dataclasses
    import inspect

    from digest import fields
    from digest.cli import desk

    attributes = {f.name for f in dataclasses.fields(Source)}
    options = set(inspect.signature(desk.annotate).parameters)
    for f in fields.FIELDS:
        assert f.name in attributes, f.name
        assert fields.option_of(f) in options, f.name
    assert config.SOURCE_KEYS == (
        "url", "added", "edition", "html", "quote", "theme", "comment", "title", "author",
        "authors", "publication", "date", "language", "label", "speaker", "role",
    )  # fmt: skip


# --------------------------------------------------------------------------- add


def test_add_removes_tracking_parameters_and_refuses_an_article_already_listed(
    project: Path,
) -> None:
    before = project.read_text()
    result = run(
        project,
        "add",
        "https://news.example.org/2026/12/new.html?id=7&utm_source=nl&fbclid=AbC&x=%C3%A9#part",
        "https://blog.example.com/talent?utm_campaign=week",
        "--edition",
        "2026-W48",
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "Without its tracking parameters (utm_source, fbclid): "
        "https://news.example.org/2026/12/new.html?id=7&x=%C3%A9#part\n"
        "Without its tracking parameters (utm_campaign): https://blog.example.com/talent\n"
        f"Refused: https://blog.example.com/talent is already listed, sources.yaml:32 (source 3)\n"
        f"Added 1 source to {project} (4 in all).\n"
    )
    added = project.read_text()[len(before) :]
    assert added.startswith(
        "  - url: https://news.example.org/2026/12/new.html?id=7&x=%C3%A9#part\n    added: "
    )
    again = run(
        project,
        "add",
        "https://mag.example.net/interview-rochet?utm_source=mail",
        "--edition",
        "2026-W48",
    )
    assert again.exit_code == 1
    assert again.stderr == (
        "Without its tracking parameters (utm_source): https://mag.example.net/interview-rochet\n"
        "Refused: https://mag.example.net/interview-rochet is already listed, sources.yaml:27 "
        "(source 2, https://mag.example.net/interview-rochet?utm_source=newsletter)\n"
        f"Added 0 sources to {project} (4 in all).\n"
    )


# --------------------------------------------------------------------------- list


def test_list_filters(project: Path) -> None:
    def numbers(*args: str) -> list[int]:
        result = run(project, "list", "--json", *args)
        assert result.exit_code == 0, result.output
        return [row["index"] for row in json.loads(result.stdout)]

    assert numbers() == [1, 2, 3]
    assert numbers("--missing", "quote") == [2, 3]
    assert numbers("--missing", "theme") == [3]
    assert numbers("--missing", "comment") == [3]
    assert numbers("--edition", "2026-W48", "--missing", "theme") == [3]
    assert numbers("--missing", "speaker") == []  # source 1's quote is the article's own prose
    assert run(project, "annotate", "3", "--quote", "Social talents are rare.").exit_code == 0
    assert numbers("--missing", "speaker") == [3]
    assert numbers("--theme", "social as an ambition") == [2]
    assert numbers("--language", "fr") == []
    bad = run(project, "list", "--missing", "title")
    assert (bad.exit_code, bad.stderr) == (
        2,
        "Error: --missing takes quote, comment, theme, speaker, not 'title'\n",
    )


def test_list_keeps_the_number_and_status_on_a_narrow_terminal(project: Path) -> None:
    from rich.console import Console

    from digest import listing

    console = Console(width=80, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(listing.table(listing.rows(config.load(project)), 80))
    assert console.export_text() == (
        "#  status   lang  title                 byline        theme         quote\n"
        "1  fetched  en    From ugly France to…  Jean-Lauren…  Innovation …  yes  \n"
        "2  fetched  en    The state as a plat…  Claude Roch…  Social as a…  no   \n"
        "3  fetched  en    Looking for social …                              no   \n"
    )
