"""What a curator can decide about a source, declared once.

Each row names a decision (a chosen quote, a comment, a theme) or an override of what extraction
found (title, byline, speaker...): the sources.yaml keys that hold it, the `Source` attribute it
lands in, the `annotate` option that sets it and how its value is checked. sources.yaml
validation, `annotate`, the guard against concurrent hand edits, `show` and the resolution of an
item all read this table, so that a new field is one new row (and one `Source` attribute).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    """One thing the curator can decide about a source."""

    name: str  # the `Source` attribute and the `annotate` option's parameter
    keys: tuple[str, ...]  # the sources.yaml keys that set it; the first is the one written
    help: str  # the `annotate` option's help
    check: str = "text"  # text | quote | theme | names | date | language: how a value is checked
    origin: str | None = None  # the extraction field an override replaces (Article.origins key)
    shown: str | None = None  # its row in `digest show`, when it is article metadata
    option: str | None = None  # the option's name, when it is not --NAME
    # "" is a decision ("no byline", "no speaker") rather than a removal of the key.
    empty_is_decision: bool = False
    metavar: str = "TEXT"  # what the option's value is, in --help
    prose: bool = False  # the curator's Markdown: its first line's indentation is kept


FIELDS: tuple[Field, ...] = (
    Field("quote", ("quote",), "A candidate's number, or text found verbatim in the article.", "quote", metavar="N|TEXT"),
    Field("theme", ("theme",), "The theme to file it under.", "theme", metavar="THEME"),
    Field("comment", ("comment",), "Your comment (Markdown).", "text", prose=True),
    Field("title", ("title",), "Override the title.", origin="title", shown="title"),
    Field(
        "authors",
        ("author", "authors"),
        "Override the byline (repeat for several; '' for no byline).",
        "names",
        origin="authors",
        shown="byline",
        option="author",
        empty_is_decision=True,
        metavar="NAME",
    ),
    Field(
        "publication",
        ("publication",),
        "Override the publication.",
        origin="publication",
        shown="publication",
    ),
    Field(
        "date",
        ("date",),
        "Override the date (YYYY-MM-DD).",
        "date",
        origin="published",
        shown="date",
        metavar="DATE",
    ),
    Field(
        "language",
        ("language",),
        "Override the language (en, fr...).",
        "language",
        origin="language",
        shown="language",
        metavar="LANG",
    ),
    Field("label", ("label",), "Override the label (Read more)."),
    Field(
        "speaker",
        ("speaker",),
        "Who said the chosen quote ('' for nobody named).",
        empty_is_decision=True,
        metavar="NAME",
    ),
    Field(
        "role",
        ("role",),
        "The speaker's role (porte-parole du Kremlin; '' for none).",
        empty_is_decision=True,
    ),
)  # fmt: skip

BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
BY_KEY: dict[str, Field] = {key: f for f in FIELDS for key in f.keys}
# The keys of a source entry that are not decisions: where the article is and when it came in.
ENTRY_KEYS = ("url", "added", "edition", "html")
SOURCE_KEYS: tuple[str, ...] = ENTRY_KEYS + tuple(key for f in FIELDS for key in f.keys)
OVERRIDES: tuple[Field, ...] = tuple(f for f in FIELDS if f.origin)
SHOWN: tuple[Field, ...] = tuple(f for f in FIELDS if f.shown)


def option_of(field: Field) -> str:
    """The `annotate` option that sets `field` (--author for the byline)."""
    return field.option or field.name
