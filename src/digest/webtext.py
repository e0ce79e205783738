"""What text taken from the web may contain, wherever it goes next.

Pages are written by strangers. Whatever they hold, the text that leaves extraction (and the
text read back from an older store) is valid Unicode that every output can carry:

- no lone surrogates (a JSON-LD escape such as "\\ud800"): no encoder accepts them;
- no C0 or C1 control characters but tab and newline: terminals read ESC and CSI as commands
  (hidden text, window titles, clipboard writes) and XML 1.0 forbids most of them, so one of
  them in a title makes a reader reject the whole Atom feed;
- no U+FFFE or U+FFFF, which XML 1.0 forbids too;
- no bidi embeddings, overrides or isolates (U+202A-U+202E, U+2066-U+2069): an unclosed one
  reverses whatever the digest prints after the field, such as the byline;
- no zero-width space, word joiner or byte order mark (U+200B, U+2060, U+FEFF), which hide
  inside words; the zero-width joiners that scripts and emoji need are kept;
- line breaks as "\\n" (vertical tab, form feed, NEL, U+2028 and U+2029 are line breaks too);
- one-line fields (title, byline, publication, speaker) on one line, of a sensible length.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

if TYPE_CHECKING:
    from digest.models import Article, Quote

# Longest one-line fields, in characters; a longer one is cut at a word boundary with "…".
TITLE_LIMIT = 300
NAME_LIMIT = 150  # authors, publication, speaker
LIMITS = {"title": TITLE_LIMIT, "publication": NAME_LIMIT, "speaker": NAME_LIMIT,
          "role": NAME_LIMIT, "mention": NAME_LIMIT}  # fmt: skip
ELLIPSIS = "…"
_BODIES = {"text"}  # multi-line fields; every other string field is one line

_LINE_BREAKS = "\r\x0b\x0c\x85\u2028\u2029"
# Removed from web text (line breaks are turned into "\n" before this applies).
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
    "\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]"
)
_BREAK = re.compile("\r\n|[" + _LINE_BREAKS + "]")
# What lxml refuses in a document (it then yields an empty tree, and the article is lost).
_HTML_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_HTML_SPACE = re.compile("[\x0b\x0c]")
# What XML 1.0 forbids, for the last pass over a whole output.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Only the spaces the page used as breaks: no-break spaces are typography (« Titre »), kept.
_SPACES = re.compile(r"[ \t\n]+")
# Direction marks at the ends of a one-line field act on the punctuation printed after it.
_EDGE_MARKS = "\u200e\u200f\u061c"


def text(value: str) -> str:
    """Multi-line web text (an article's body, a quote) with only what any output can carry."""
    return _FORBIDDEN.sub("", _BREAK.sub("\n", value))


def line(value: str, limit: int | None = None) -> str:
    """One-line web text (a title, a name): cleaned, spaces collapsed, cut to `limit`."""
    value = _SPACES.sub(" ", text(value)).strip().strip(_EDGE_MARKS).strip()
    return cap(value, limit) if limit else value


def cap(value: str, limit: int) -> str:
    """`value` cut to at most `limit` characters, at a word boundary, with an ellipsis."""
    if len(value) <= limit:
        return value
    cut = value[: limit - len(ELLIPSIS) + 1]
    space = cut.rfind(" ")
    # A word boundary in the last third; a single endless "word" is cut where it is.
    cut = cut[:space] if space > limit * 2 // 3 else cut[:-1]
    return cut.rstrip(" ,;:.-–—") + ELLIPSIS


def html(value: str) -> str:
    """Decoded HTML ready for parsing: no character that makes lxml drop the whole page.

    Vertical tab and form feed (Word pastes carry them) become spaces, as a browser shows them.
    """
    if _XML_FORBIDDEN.search(value) is None:
        return value  # the common case: one scan (it covers both sets below), no copy
    return _HTML_FORBIDDEN.sub("", _HTML_SPACE.sub(" ", value))


def xml_safe(value: str) -> str:
    """A whole output (Markdown, HTML, Atom) without what XML 1.0 forbids: the last defence."""
    return _XML_FORBIDDEN.sub("", value)


def printable(value: str) -> str:
    """Text for a terminal or a JSON document: web text cleaning, line breaks kept."""
    return _FORBIDDEN.sub("", value.replace("\r\n", "\n"))


def json_document(value: str) -> str:
    """A JSON document safe for a terminal: what web text may not hold is escaped, not lost.

    json.dumps escapes C0 controls itself; C1 controls, bidi overrides, invisible characters and
    lone surrogates become \\uXXXX escapes, so the data reads back exactly (a curator's comment
    keeps its characters) and a terminal sees no escape sequence.
    """
    return _FORBIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", value)


def structure(value: object) -> object:
    """Every string inside parsed JSON (JSON-LD), cleaned; other values as they are."""
    if isinstance(value, str):
        return text(value)
    if isinstance(value, list):
        return [structure(v) for v in value]
    if isinstance(value, dict):
        return {text(k) if isinstance(k, str) else k: structure(v) for k, v in value.items()}
    return value


def clean_quote(quote: Quote) -> Quote:
    """A quote with its text cleaned and its one-line fields (speaker, role...) capped."""
    return _clean_fields(quote, {})


def clean_article(article: Article) -> Article:
    """An article whose every text field holds only what web text may contain."""
    return _clean_fields(
        article,
        {
            "quotes": lambda quotes: tuple(clean_quote(q) for q in quotes),
            "authors": lambda names: tuple(
                dict.fromkeys(n for n in (line(a, NAME_LIMIT) for a in names) if n)
            ),
            "origins": lambda origins: {
                line(k): dataclasses.replace(v, rule=line(v.rule)) for k, v in origins.items()
            },
        },
    )


_D = TypeVar("_D", "Article", "Quote")


def _clean_fields(record: _D, special: dict[str, Callable[[Any], object]]) -> _D:
    """`record` with every string field cleaned: bodies as text, the rest as one line.

    Fields are found by type, not listed, so that a field added later is cleaned too.
    """
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if f.name in special:
            cleaned = special[f.name](value)
        elif not isinstance(value, str):
            continue
        elif f.name in _BODIES:
            cleaned = text(value)
        else:
            cleaned = line(value, LIMITS.get(f.name))
            if not cleaned and "None" in str(f.type):
                cleaned = None  # an optional field that held only junk is absent
        if cleaned != value:
            changes[f.name] = cleaned
    return dataclasses.replace(record, **changes) if changes else record


P = ParamSpec("P")


def cleaned(extractor: Callable[P, Article]) -> Callable[P, Article]:
    """Make an extractor return only clean web text, whatever the page held."""

    @functools.wraps(extractor)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Article:
        return clean_article(extractor(*args, **kwargs))

    return wrapper
