"""digest.curate: origins, answers, and edits that keep the curator's file as they wrote it."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskkit import SMALL_TOWNS, TALENT, store_article, write_project
from digest import config, curate
from digest.errors import ConflictError, UsageError
from digest.models import Origin, OriginKind

# Lists indented under their key, folded comments, blank lines and comments between entries:
# the layout of the bundled example, which an annotation must leave alone.
INDENTED = """\
digest:
  title: Review      # the title
  language: en
  themes:                # sections, in this order
    - Cities
    - Work

sources:
  # ---- first week ----

  - url: https://news.example.org/2026/11/small-towns.html
    added: 2026-11-23
    theme: Cities
    comment: >-
      A long comment folded
      over two lines.
    # no quote yet: let `digest show` propose candidates

  - url: https://blog.example.com/talent
    added: 2026-11-25
    comment: >-
      Another one.

  # ---- the end ----
"""


@pytest.mark.parametrize(
    ("origin", "shown"),
    [
        (Origin(OriginKind.JSON_LD), "JSON-LD"),
        (Origin(OriginKind.JSON_LD, "publisher"), "JSON-LD (publisher)"),
        (Origin(OriginKind.META, "OpenGraph"), "meta tag (OpenGraph)"),
        (Origin(OriginKind.PAGE, "printed date"), "page body (printed date)"),
        (Origin(OriginKind.SITE_NAME, "site owner"), "the site's name (site owner)"),
        (Origin(OriginKind.CURATOR), "the curator"),
        (Origin(OriginKind.URL), "the URL"),
        (
            Origin(OriginKind.ERROR, "date rules: ValueError: no day 32"),
            "not found (error in the date rules: ValueError: no day 32)",
        ),
    ],
)
def test_field_origins_in_the_curators_words(origin: Origin, shown: str) -> None:
    assert curate.FieldView("x", origin).describe() == shown


def test_choose_theme() -> None:
    themes = ("Cities", "Work")
    assert curate.choose_theme("cities", themes) == "Cities"
    assert curate.choose_theme("2", themes) == "Work"
    with pytest.raises(UsageError, match=r"^'Citis' is not a theme; did you mean 'Cities'\?"):
        curate.choose_theme("Citis", themes)
    with pytest.raises(UsageError, match=r"^'Leisure' is not a theme\. Themes: 'Cities', 'Work'$"):
        curate.choose_theme("Leisure", themes)


def test_annotations_keep_the_layout_of_the_file(tmp_path: Path) -> None:
    path = write_project(tmp_path, INDENTED)
    store_article(tmp_path, SMALL_TOWNS)
    store_article(tmp_path, TALENT)
    project = config.load(path)
    curate.annotate(project, "1", curate.Annotation(quote="1"))
    curate.annotate(config.load(path), "talent", curate.Annotation(quote="2", theme="Work"))
    assert path.read_text() == INDENTED.replace(
        "      over two lines.\n",
        "      over two lines.\n    quote: We don't give up\n",
    ).replace(
        "      Another one.\n",
        "      Another one.\n    quote: Skills can be taught\n    theme: Work\n",
    )


def test_a_hand_edit_during_the_write_is_merged(tmp_path: Path) -> None:
    path = write_project(tmp_path, INDENTED)
    store_article(tmp_path, SMALL_TOWNS)
    project = config.load(path)
    edits: list[int] = []

    def curator_saves() -> None:
        if not edits:
            path.write_text(path.read_text().replace("# the title", "# renamed by hand"))
        edits.append(1)

    curate.annotate(project, "1", curate.Annotation(comment="Short."), before_write=curator_saves)
    assert len(edits) == 2
    text = path.read_text()
    assert "  title: Review      # renamed by hand\n" in text
    assert config.load(path).sources[0].comment == "Short."


def test_a_removed_entry_is_a_conflict(tmp_path: Path) -> None:
    path = write_project(tmp_path, INDENTED)
    project = config.load(path)

    def curator_deletes() -> None:
        text = path.read_text()
        path.write_text(text[: text.index("  - url: https://blog")] + "  # ---- the end ----\n")

    with pytest.raises(ConflictError, match="https://blog.example.com/talent is no longer listed"):
        curate.annotate(project, "2", curate.Annotation(theme="Work"), before_write=curator_deletes)
    assert "talent" not in path.read_text()


def test_describe_changes() -> None:
    changes = {"quote": "x", "theme": None, "authors": ["A", "B"]}
    assert curate.describe_changes(changes) == ["quote set", "theme removed", "author set"]
