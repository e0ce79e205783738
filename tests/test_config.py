"""sources.yaml: validation names file, line and entry; edits keep the curator's file intact."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from digest import config, edits
from digest.errors import ConfigError, ConflictError, UsageError

REVIEW = """\
# The curator's own comment, which must survive every edit.
digest:
  title: "Cities, citizens and technologies"
  language: en
  themes:
    - Innovation and the city
    - Social as an ambition
editions:
  2026-W48:
    intro: |
      First paragraph.

      Second paragraph.
sources:
  # pinned at the top on purpose
  - url: https://www.slate.fr/story/1
    added: 2026-11-23      # Monday
    theme: Innovation and the city
    comment: Beyond clichés.
  - url: https://example.org/b
    added: 2026-11-24
    edition: 2026-W47
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_settings_editions_and_sources(tmp_path: Path) -> None:
    project = config.load(write(tmp_path, REVIEW))
    assert project.settings.title == "Cities, citizens and technologies"
    assert project.settings.themes == ("Innovation and the city", "Social as an ambition")
    assert project.editions["2026-W48"].intro == "First paragraph.\n\nSecond paragraph."
    first, second = project.sources
    assert (first.index, first.line, first.added) == (1, 16, dt.date(2026, 11, 23))
    assert first.edition_key == "2026-W48"
    assert second.edition_key == "2026-W47"  # `edition:` wins over the week it was added
    assert project.store_dir == tmp_path / ".digest"


def test_misspelt_theme_names_file_line_entry_and_suggests(tmp_path: Path) -> None:
    path = write(tmp_path, REVIEW.replace("theme: Innovation", "theme: Inovation"))
    with pytest.raises(ConfigError) as caught:
        config.load(path)
    assert str(caught.value) == (
        "sources.yaml:18: sources[1].theme 'Inovation and the city' is not a theme; "
        "did you mean 'Innovation and the city'?"
    )
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("replace", "by", "message"),
    [
        ("added: 2026-11-24", "added: 24/11/2026", "sources.yaml:21: sources[2].added '24/11/2026' is not a date (YYYY-MM-DD)"),
        ("url: https://example.org/b", "url: ftp://example.org/b", "sources.yaml:20: sources[2].url 'ftp://example.org/b' is not an http(s) URL"),
        ("edition: 2026-W47", "edition: week 47", "sources.yaml:22: sources[2].edition 'week 47' is not an ISO week (2026-W48)"),
        ("edition: 2026-W47", "editon: 2026-W47", "sources.yaml:22: sources[2] has an unknown key 'editon'; did you mean 'edition'?"),
        ("  language: en", "  language: english", "sources.yaml:4: digest.language 'english' is not a two-letter code"),
    ],
)  # fmt: skip
def test_each_mistake_is_named_where_it_is(
    tmp_path: Path, replace: str, by: str, message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        config.load(write(tmp_path, REVIEW.replace(replace, by)))
    assert str(caught.value) == message


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    text = REVIEW.replace("added: 2026-11-24", "added: soon").replace("theme: Inn", "theme: X")
    with pytest.raises(ConfigError) as caught:
        config.load(write(tmp_path, text))
    assert len(str(caught.value).splitlines()) == 2


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        config.load(write(tmp_path, REVIEW.replace("    theme: Innovation", "   theme: [")))
    assert str(caught.value).startswith("sources.yaml:")
    assert "Traceback" not in str(caught.value)


def test_missing_file_says_how_to_start(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="digest init"):
        config.load(tmp_path / "nope.yaml")


def test_alias_bomb_is_refused_without_expanding(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    with pytest.raises(ConfigError, match="alias bomb"):
        config.load(write(tmp_path, "\n".join(lines) + "\n"))


def test_harmless_aliases_are_fine(tmp_path: Path) -> None:
    text = REVIEW.replace("comment: Beyond clichés.", "comment: &c Beyond clichés.")
    text += "  - url: https://example.org/c\n    added: 2026-11-25\n    comment: *c\n"
    assert config.load(write(tmp_path, text)).sources[2].comment == "Beyond clichés."


def test_add_appends_and_keeps_everything_else_byte_for_byte(tmp_path: Path) -> None:
    path = write(tmp_path, REVIEW)
    new = edits.NewSource(
        "https://new.example/x", dt.date(2026, 11, 28), "Social as an ambition", "Line 1\nLine 2"
    )
    project, skipped = edits.add_sources(path, [new])
    assert skipped == []
    assert path.read_text(encoding="utf-8") == REVIEW + (
        "  - url: https://new.example/x\n"
        "    added: 2026-11-28\n"
        "    theme: Social as an ambition\n"
        "    comment: |\n"
        "      Line 1\n"
        "      Line 2\n"
    )
    assert project.sources[-1].comment == "Line 1\nLine 2"


def test_add_skips_a_url_already_listed(tmp_path: Path) -> None:
    path = write(tmp_path, REVIEW)
    _, skipped = edits.add_sources(
        path, [edits.NewSource("https://example.org/b", dt.date(2026, 11, 28))]
    )
    assert skipped == ["https://example.org/b"]
    assert path.read_text(encoding="utf-8") == REVIEW


def test_an_edit_that_would_break_the_file_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, REVIEW)
    project = config.load(path)
    with pytest.raises(ConfigError, match="is not a theme"):
        edits.set_fields(path, project.sources[0], {"theme": "No such theme"})
    assert path.read_text(encoding="utf-8") == REVIEW


def test_set_fields_reapplies_over_a_hand_edit_made_meanwhile(tmp_path: Path) -> None:
    path = write(tmp_path, REVIEW)
    project = config.load(path)
    hand_edit = REVIEW.replace("Beyond clichés.", "Beyond clichés, rewritten by hand.")
    calls = []

    def curator_saves_in_editor() -> None:
        if not calls:  # only before the first attempt to write
            path.write_text(hand_edit, encoding="utf-8")
        calls.append(1)

    edits.set_fields(
        path,
        project.sources[1],
        {"quote": "A verbatim sentence."},
        before_write=curator_saves_in_editor,
    )
    text = path.read_text(encoding="utf-8")
    assert "rewritten by hand" in text
    assert "quote: A verbatim sentence." in text
    assert len(calls) == 2


def test_set_fields_refuses_when_the_entry_is_gone(tmp_path: Path) -> None:
    path = write(tmp_path, REVIEW)
    project = config.load(path)
    path.write_text(REVIEW.replace("https://example.org/b", "https://example.org/renamed"))
    with pytest.raises(ConflictError, match="no longer listed"):
        edits.set_fields(path, project.sources[1], {"quote": "x"})


def test_resolve_ref_by_number_url_and_unique_part(tmp_path: Path) -> None:
    project = config.load(write(tmp_path, REVIEW))
    assert project.resolve("2").url == "https://example.org/b"
    assert project.resolve("https://www.slate.fr/story/1").index == 1
    assert project.resolve("slate").index == 1
    with pytest.raises(UsageError, match="no source 3"):
        project.resolve("3")
    with pytest.raises(UsageError, match="matches 2 sources"):
        project.resolve("https://")


def test_init_creates_a_loadable_commented_file(tmp_path: Path) -> None:
    path = edits.init_folder(tmp_path / "review", title="Ma revue", language="fr")
    assert (tmp_path / "review" / "digests").is_dir()
    assert path.read_text(encoding="utf-8").startswith("# sources.yaml")
    project = config.load(path)
    assert (project.settings.title, project.settings.language) == ("Ma revue", "fr")
    with pytest.raises(UsageError, match="already exists"):
        edits.init_folder(tmp_path / "review")


def test_labels_default_per_language_and_can_be_overridden(tmp_path: Path) -> None:
    settings = config.load(write(tmp_path, REVIEW)).settings
    assert settings.label_for("fr") == "Lire plus"
    assert settings.label_for("de") == "Weiterlesen"
    assert settings.label_for(None) == "Read more"
    text = REVIEW.replace("  language: en\n", "  language: en\n  labels: {fr: À lire}\n")
    assert config.load(write(tmp_path, text)).settings.label_for("fr") == "À lire"


def test_set_fields_edits_the_right_one_of_two_entries_with_the_same_url(tmp_path: Path) -> None:
    text = REVIEW + "  - url: https://example.org/b\n    added: 2026-11-25\n"
    path = write(tmp_path, text)
    second = config.load(path).sources[2]
    edits.set_fields(path, second, {"comment": "The repeat."})
    first, _, repeat = config.load(path).sources[:3]
    assert (first.comment, repeat.comment) == ("Beyond clichés.", "The repeat.")
    assert config.load(path).sources[1].comment is None
