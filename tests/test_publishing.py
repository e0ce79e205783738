"""Fit to publish: long quotes, attribution, comments and one publication's share, in `check`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from deskkit import store_article, write_project
from digest.cli import app
from digest.models import Article, Origin
from digest.models import OriginKind as K

runner = CliRunner()

BODY = " ".join(f"w{n}" for n in range(200))  # 200 words: 10% is 20 words
# 21 words: 10.5% of the article; the marks of a cut are no words
LONG = " ".join(f"w{n}" for n in range(11)) + " […] " + " ".join(f"w{n}" for n in range(11, 21))
SHORT = "w1 w2 w3 w4 w5"

SOURCES = """\
digest:
  title: Fit
  language: en
  themes: [Cities]
  quotes: {{max_words: 28}}
  require_date: true
  max_share_per_publication: 0.4
sources:
  - url: https://paper.example/long
    added: 2026-11-23
    theme: Cities
    comment: Too long a quote for the law.
    quote: "{}"
  - url: https://paper.example/share
    added: 2026-11-23
    theme: Cities
    comment: Over a tenth of the article.
    quote: "{}"
  - url: https://anon.example/nothing
    added: 2026-11-23
    theme: Cities
    quote: "{}"
  - url: https://anon.example/decided
    added: 2026-11-24
    theme: Cities
    author: ""
    comment: The curator decided it has no author.
    date: 2026-11-20
    quote: "{}"
""".format(" ".join(f"w{n}" for n in range(29)), LONG, SHORT, SHORT)


def article(url: str, **fields: object) -> Article:
    values: dict[str, object] = {
        "url": url, "title": "A title", "authors": ("Ann Lee",), "publication": "The Paper",
        "published": "2026-11-20", "language": "en", "text": BODY,
        "origins": {"title": Origin(K.JSON_LD), "publication": Origin(K.META, "og:site_name"),
                    "authors": Origin(K.META, "meta author")},
    }  # fmt: skip
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def project(tmp_path: Path) -> Path:
    path = write_project(tmp_path, SOURCES)
    store_article(tmp_path, article("https://paper.example/long"))
    store_article(tmp_path, article("https://paper.example/share"))
    # Nothing found: the URL stands for the title, the host for the publication.
    store_article(
        tmp_path,
        article("https://anon.example/nothing", title=None, authors=(), publication=None,
                published=None, origins={"authors": Origin(K.PAGE, "none found")}),
    )  # fmt: skip
    store_article(
        tmp_path,
        article("https://anon.example/decided", authors=(), published=None,
                publication="anon.example", origins={"title": Origin(K.PAGE, "<title>"), "publication": Origin(K.URL)}),
    )  # fmt: skip
    return path


def test_check_json_names_each_kind_with_file_and_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--sources", str(project(tmp_path)), "check", "--json"])
    assert result.exit_code == 1  # the missing title is an error too
    desk = ("auto-quote", "speaker", "old-article", "url-missing")  # tested in test_desk_checks
    found = [
        (f["line"], f["kind"], f["severity"], f["message"])
        for f in json.loads(result.stdout)
        if f["kind"] not in desk
    ]
    assert found == [
        (9, "long-quote", "warning", "source 1: the quote has 29 words, more than "
         "digest.quotes.max_words (28); shorten it with […]"),
        (9, "publication-share", "warning", "source 1: The Paper supplies 2 of the 4 items of "
         "edition 2026-W48 (50%), more than digest.max_share_per_publication (40%): sources 1, 2"),
        (14, "long-quote", "warning", "source 2: the quote is 10.5% of the article (21 of 200 "
         "words), more than digest.quotes.max_share (10%)"),
        (19, "title", "error", "source 3: no title found; set one with --title"),
        (19, "attribution", "warning", "source 3: printed without a title, a publication, "
         'an author and a date; set --title, --publication, --author NAME (or --author "" if it '
         "has none), --date YYYY-MM-DD with digest annotate"),
        (19, "comment", "warning", "source 3: has no comment of yours; a review comments what "
         "it quotes (digest annotate --comment)"),
        (19, "publication-share", "warning", "source 3: anon.example supplies 2 of the 4 items "
         "of edition 2026-W48 (50%), more than digest.max_share_per_publication (40%): sources "
         "3, 4"),
        (23, "attribution", "warning", "source 4: printed without a publication; set "
         "--publication with digest annotate"),
    ]  # fmt: skip


def test_warnings_fail_only_under_strict(tmp_path: Path) -> None:
    text = SOURCES.split("  - url: https://paper.example/share")[0]  # source 1 alone
    path = write_project(tmp_path, text.replace("    comment: Too long a quote for the law.\n", ""))
    store_article(tmp_path, article("https://paper.example/long"))
    result = runner.invoke(app, ["--sources", str(path), "check"])
    assert (result.exit_code, result.stdout) == (0, (
        "sources.yaml:9: warning: source 1: the quote has 29 words, more than "
        "digest.quotes.max_words (28); shorten it with […]\n"
        "sources.yaml:9: warning: source 1: has no comment of yours; a review comments what it "
        "quotes (digest annotate --comment)\n"
        "sources.yaml:9: warning: source 1: the quote has no speaker; name the speaker with "
        "`digest annotate 1 --speaker NAME` (or '' for nobody)\n"
        "3 warnings found.\n"
    ))  # fmt: skip
    assert runner.invoke(app, ["--sources", str(path), "check", "--strict"]).exit_code == 1


def test_without_a_limit_no_publication_share_is_checked(tmp_path: Path) -> None:
    path = write_project(tmp_path, SOURCES.replace("  max_share_per_publication: 0.4\n", ""))
    for url in ("https://paper.example/long", "https://paper.example/share"):
        store_article(tmp_path, article(url))
    result = runner.invoke(app, ["--sources", str(path), "check", "--json"])
    assert "publication-share" not in {f["kind"] for f in json.loads(result.stdout)}


def test_the_limits_are_validated_with_file_and_line(tmp_path: Path) -> None:
    text = SOURCES.replace("quotes: {max_words: 28}", "quotes: {max_words: many, max_share: 3}")
    text = text.replace("require_date: true", "require_date: sometimes")
    path = write_project(tmp_path, text)
    result = runner.invoke(app, ["--sources", str(path), "check"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: sources.yaml:5: digest.quotes.max_words must be a number\n"
        "sources.yaml:5: digest.quotes.max_share must be a share such as 0.1 or 10%\n"
        "sources.yaml:6: digest.require_date must be true or false\n"
    )
