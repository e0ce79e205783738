"""Batch extraction for `digest extract`: one record per input, in order, failures included."""

from __future__ import annotations

import functools
import gzip
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from digest.errors import UsageError
from digest.models import Article

RECORD_KEYS = (
    "input", "url", "title", "authors", "publication", "published", "language", "text",
    "quotes", "paywalled", "words", "error",
)  # fmt: skip
# A saved page larger than this is not an article; reading it whole would only cost memory.
MAX_INPUT_BYTES = 50_000_000


def read_inputs_list(path: str | Path) -> list[tuple[str, str]]:
    """Parse a `PATH<TAB>URL` list (URL optional; blank lines and # comments skipped)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"{path}: cannot read the inputs list ({err})") from err
    inputs: list[tuple[str, str]] = []
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, _, url = line.partition("\t")
        inputs.append((name.strip(), url.strip()))
    return inputs


def extract_records(
    inputs: Iterable[tuple[str, str]],
    *,
    plain_text: bool = False,
    language: str | None = None,
    timeout: float | None = None,
) -> Iterator[dict[str, object]]:
    """Yield one `digest extract --jsonl` record per (PATH, URL) input, in input order.

    With a `timeout`, an input whose extraction takes longer fails with that reason and the
    batch goes on.
    """
    extract = functools.partial(_extract_one, plain_text=plain_text, language=language)
    for name, url in inputs:
        try:
            article = (
                _within(timeout, extract, Path(name), url) if timeout else extract(Path(name), url)
            )
        except _TooLong:
            yield _record(name, url, None, f"extraction took longer than {timeout:g} s")
        except Exception as err:  # one bad input never stops the batch; its record says why
            yield _record(name, url, None, f"{type(err).__name__}: {err}")
        else:
            yield _record(name, url, article, None)


class _TooLong(Exception):
    """An extraction ran past the time limit."""


def _within(timeout: float, call: Callable[[Path, str], Article], path: Path, url: str) -> Article:
    """`call(path, url)` on a thread of its own; _TooLong if it takes more than `timeout` s.

    A thread past the limit is left behind (a daemon: it ends with the command) and the batch
    goes on. Not a process, as the fetch's workers are: starting one costs more than a short
    batch takes, and `digest extract` ends when its inputs do.
    """
    outcome: list[Article | BaseException] = []

    def target() -> None:
        try:
            outcome.append(call(path, url))
        except BaseException as err:  # handed to the caller, as if raised there
            outcome.append(err)

    thread = threading.Thread(target=target, name="extract", daemon=True)
    thread.start()
    thread.join(timeout)
    if not outcome:
        raise _TooLong
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def _extract_one(path: Path, url: str, *, plain_text: bool, language: str | None) -> Article:
    from digest.extract import extract_page, extract_text

    body = read_input(path)
    if plain_text:
        return extract_text(body.decode("utf-8", errors="replace"), url=url, language=language)
    return extract_page(body, url)


def read_input(path: Path) -> bytes:
    """The bytes of a saved page, gunzipped when the name ends in .gz."""
    if path.stat().st_size > MAX_INPUT_BYTES:
        raise ValueError(f"{path}: larger than {MAX_INPUT_BYTES // 1_000_000} MB")
    if path.name.endswith(".gz"):
        with gzip.open(path, "rb") as handle:
            return handle.read(MAX_INPUT_BYTES)
    return path.read_bytes()


def _record(name: str, url: str, article: Article | None, error: str | None) -> dict[str, object]:
    if article is None:
        return {
            "input": name, "url": url, "title": None, "authors": [], "publication": None,
            "published": None, "language": None, "text": "", "quotes": [], "paywalled": None,
            "words": 0, "error": error,
        }  # fmt: skip
    return {
        "input": name,
        "url": url,
        "title": article.title,
        "authors": list(article.authors),
        "publication": article.publication,
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "quotes": [q.to_dict() for q in article.quotes],
        "paywalled": article.paywalled,
        "words": article.words,
        "error": error,
    }
