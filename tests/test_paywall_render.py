"""A paywalled link is marked in the article's language; templates get the reading time."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.config import Settings, Source
from digest.items import resolve
from digest.models import Article
from digest.render import EditionData, Section, render_html, render_markdown

TEXT = " ".join(f"word{n}" for n in range(461))  # 461 words: 3 minutes at 230 a minute


def edition(language: str, paywalled: bool | None, settings: Settings) -> EditionData:
    article = Article(
        url="https://paper.example/a", title="Le titre", authors=("Ann Lee",),
        publication="Paper", language=language, text=TEXT, paywalled=paywalled,
    )  # fmt: skip
    source = Source(index=1, line=5, url=article.url, theme="Theme", quote="word1 word2")
    item = resolve(source, article, settings)
    return EditionData("2026-W48", "T", "en", "23–29 November 2026", None, None,
                       (Section("Theme", (item,)),))  # fmt: skip


SETTINGS = Settings(title="T", language="en", themes=("Theme",))


def attribution(text: str) -> str:
    return next(line for line in text.splitlines() if "paper.example" in line)


def test_a_paywalled_french_article_is_marked_in_french() -> None:
    text = render_markdown(edition("fr", True, SETTINGS))
    assert attribution(text) == (
        "Lire plus: [“Le titre”](https://paper.example/a) (abonnés), Ann Lee, Paper"
    )


def test_the_html_marks_it_too() -> None:
    html = render_html(edition("de", True, SETTINGS))
    assert '</a> <span style="color:#5b6573;">(Abo)</span>, Ann Lee, Paper</p>' in attribution(html)


def test_a_free_or_undeclared_article_is_not_marked() -> None:
    for paywalled in (False, None):
        text = render_markdown(edition("en", paywalled, SETTINGS))
        assert (
            attribution(text) == "Read more: [“Le titre”](https://paper.example/a), Ann Lee, Paper"
        )


def test_the_curator_names_the_mark() -> None:
    settings = Settings(title="T", language="en", themes=("Theme",),
                        paywall_labels={"en": "paid"})  # fmt: skip
    text = render_markdown(edition("en", True, settings))
    assert "(https://paper.example/a) (paid), Ann Lee" in text


def test_templates_get_the_reading_time(tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "{% for s in sections %}{% for item in s['items'] %}"
        "{{ item.reading_minutes }} min, paywalled={{ item.paywalled }}\n"
        "{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    assert render_markdown(edition("en", True, SETTINGS), template) == "3 min, paywalled=True\n"


def test_paywall_labels_are_read_from_sources_yaml(tmp_path: Path) -> None:
    from digest import config
    from digest.errors import ConfigError

    path = tmp_path / "sources.yaml"
    path.write_text(
        "digest:\n  title: T\n  paywall_labels: {FR: réservé aux abonnés}\n", encoding="utf-8"
    )
    assert config.load(path).settings.paywall_label_for("fr") == "réservé aux abonnés"
    assert config.load(path).settings.paywall_label_for("de") == "Abo"
    path.write_text("digest:\n  title: T\n  paywall_labels: subscribers\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        config.load(path)
    assert str(raised.value) == "sources.yaml:3: digest.paywall_labels must map languages to words"


def test_show_prints_the_length_and_the_paywall(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from deskkit import SMALL_TOWNS, store_article, write_project
    from digest.cli import app

    path = write_project(
        tmp_path,
        "digest:\n  title: T\n  themes: [Cities]\nsources:\n"
        f"  - url: {SMALL_TOWNS.url}\n    added: 2026-11-23\n",
    )
    store_article(tmp_path, Article(**{**vars(SMALL_TOWNS), "paywalled": True}))  # type: ignore[arg-type]
    runner = CliRunner()
    data = json.loads(runner.invoke(app, ["--sources", str(path), "show", "1", "--json"]).stdout)
    assert (data["words"], data["paywalled"]) == (30, True)
    panel = runner.invoke(app, ["--sources", str(path), "show", "1"]).stdout
    assert "│ Length       30 words, about 1 min · paywalled (the page says so)" in panel
