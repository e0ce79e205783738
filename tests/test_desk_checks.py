"""`check` warns about what `build` would decide alone; an edition without sources is an error."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from deskkit import store_article, write_project
from digest.cli import app
from digest.models import Article, Origin, OriginKind, Quote

runner = CliRunner()

REVIEW = """\
digest:
  title: Weekly
  language: en
  themes: [Cities]
  max_age_days: 30
sources:
  - url: https://a.example/old
    added: 2026-11-23
    theme: Cities
    quote: We were there first
  - url: https://a.example/pronoun
    added: 2026-11-23
    theme: Cities
  - url: https://a.example/nobody
    added: 2026-11-23
    theme: Cities
    quote: Nobody knows who said this
"""

OLD = Article(
    url="https://a.example/old",
    title="Old",
    authors=("Ann Lee",),
    publication="A",
    published="2026-10-20",
    language="en",
    text='"We were there first," said Jo Park.',
    quotes=(Quote("We were there first", "Jo Park", "direct", 0.9),),
    origins={"authors": Origin(OriginKind.META, "meta author")},
)
PRONOUN = Article(
    url="https://a.example/pronoun",
    title="Pronoun",
    authors=("Ann Lee",),
    publication="A",
    published="2026-11-20",
    language="en",
    text='"Just do it," she said.',
    quotes=(Quote("Just do it", "she", "direct", 0.9),),
    origins={"authors": Origin(OriginKind.META, "meta author")},
)
NOBODY = Article(
    url="https://a.example/nobody",
    title="Nobody",
    authors=("Ann Lee",),
    publication="A",
    published="2026-11-20",
    language="en",
    text='"Nobody knows who said this," the report says.',
    quotes=(Quote("Nobody knows who said this", None, "direct", 0.5),),
    origins={"authors": Origin(OriginKind.META, "meta author")},
)


def project(tmp_path: Path, text: str = REVIEW) -> Path:
    path = write_project(tmp_path, text)
    for article in (OLD, PRONOUN, NOBODY):
        store_article(tmp_path, article)
    return path


# The desk's kinds; the fit-to-publish warnings (long quotes, comments...) have tests of their own.
KINDS = ("auto-quote", "speaker", "old-article", "url-missing", "empty-edition")


def check(path: Path, *args: str) -> tuple[int, list[tuple[int | None, str, str, str]]]:
    result = runner.invoke(app, ["--sources", str(path), "check", "--json", *args])
    found = [
        (f["line"], f["kind"], f["severity"], f["message"])
        for f in json.loads(result.stdout)
        if f["kind"] in KINDS
    ]
    return result.exit_code, found


def test_check_warns_about_auto_quotes_speakers_and_old_articles(tmp_path: Path) -> None:
    path = project(tmp_path)
    code, found = check(path)
    assert code == 0  # warnings only
    assert found == [
        (7, "old-article", "warning", "source 1: published 2026-10-20, 34 days before edition "
         "2026-W48 (digest.max_age_days: 30); check the date, or set it with --date"),
        (11, "auto-quote", "warning", "source 2: no quote chosen; build will use the best "
         "candidate, “Just do it”; choose with `digest annotate 2 --quote N`"),
        (11, "speaker", "warning", "source 2: the quote's speaker “she” is not a name, so the "
         "digest credits nobody; name the speaker with `digest annotate 2 --speaker NAME` "
         "(or '' for nobody)"),
        (14, "speaker", "warning", "source 3: the quote has no speaker; name the speaker with "
         "`digest annotate 3 --speaker NAME` (or '' for nobody)"),
    ]  # fmt: skip
    assert check(path, "--strict")[0] == 1


def test_decisions_silence_the_warnings(tmp_path: Path) -> None:
    path = project(tmp_path)
    for args in (
        ["annotate", "1", "--date", "2026-11-19"],
        ["annotate", "2", "--quote", "1", "--speaker", "Nike"],
        ["annotate", "3", "--speaker", ""],
    ):
        assert runner.invoke(app, ["--sources", str(path), *args]).exit_code == 0
    assert check(path) == (0, [])


def test_auto_quote_none_leaves_the_quote_out(tmp_path: Path) -> None:
    path = project(tmp_path, REVIEW.replace("max_age_days: 30", "auto_quote: none"))
    assert check(path)[1] == [
        (11, "auto-quote", "warning", "source 2: no quote chosen, and digest.auto_quote is none: "
         "the item will have no quote; choose with `digest annotate 2 --quote N`"),
        (14, "speaker", "warning", "source 3: the quote has no speaker; name the speaker with "
         "`digest annotate 3 --speaker NAME` (or '' for nobody)"),
    ]  # fmt: skip
    result = runner.invoke(app, ["--sources", str(path), "build", "--edition", "2026-W48"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"{path.name}:11: source 2: no quote chosen (digest.auto_quote: none)\n"
    )
    digest = (tmp_path / "digests" / "2026-W48.md").read_text()
    assert "Just do it" not in digest
    assert "> Nobody knows who said this\n\nRead more" in digest


def test_an_edition_without_sources_is_an_error(tmp_path: Path) -> None:
    path = project(tmp_path)
    assert check(path, "--edition", "2026-W50") == (
        1,
        [(None, "empty-edition", "error", "edition 2026-W50 has no sources; add some with "
          "`digest add URL --edition 2026-W50`")],
    )  # fmt: skip
    result = runner.invoke(app, ["--sources", str(path), "build", "--edition", "2026-W50"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "sources.yaml: edition 2026-W50 has no sources; nothing written (add some with "
        "`digest add URL --edition 2026-W50`)\n"
    )
    assert not (tmp_path / "digests" / "2026-W50.md").exists()


def test_a_built_feed_without_a_public_address_is_a_warning(tmp_path: Path) -> None:
    path = project(tmp_path)
    result = runner.invoke(app, ["--sources", str(path), "build", "--format", "atom", "--all"])
    assert result.exit_code == 0, result.output
    code, found = check(path)
    assert found[0] == (
        None,
        "url-missing",
        "warning",
        "digests/feed.xml is built but digest.url is not set: feed readers need the public "
        "address of the digests for absolute links",
    )
    path.write_text(REVIEW.replace("  max_age_days: 30\n", "  url: https://r.example/d\n"))
    assert [f[1] for f in check(path)[1]] == ["auto-quote", "speaker", "speaker"]
