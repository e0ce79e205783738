"""A damaged store: every command says what to do, fetch sets it aside and rebuilds it, and an
article row that cannot be decoded is extracted again."""

from __future__ import annotations

import contextlib
import random
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from deskkit import full_project
from digest.cli import app
from digest.store import DB_NAME, Store
from webserver import WebServer

runner = CliRunner()
PAGE_SIZE = 4096


def run(path: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--sources", str(path), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def damage(store_file: Path) -> None:
    """Random bytes over the pages of the data, as a failing disk leaves them.

    The header and the schema's own table (_migrations) are spared, so that the store opens
    and the damage is met where the data is read.
    """
    with sqlite3.connect(store_file) as db:
        spared = {1} | {
            page for (page,) in db.execute(
                "SELECT rootpage FROM sqlite_master WHERE tbl_name = '_migrations'"
            )
        }  # fmt: skip
    db.close()
    data = bytearray(store_file.read_bytes())
    noise = random.Random(10)
    for number, start in enumerate(range(0, len(data), PAGE_SIZE), 1):
        if number not in spared:
            data[start : start + PAGE_SIZE] = noise.randbytes(min(PAGE_SIZE, len(data) - start))
    store_file.write_bytes(bytes(data))


def damaged_message(store_file: Path) -> str:
    return (
        f"Error: the store {store_file} is damaged (database disk image is malformed). It is a "
        "cache: run `digest fetch`, which sets the damaged file aside and rebuilds the store; "
        "sources.yaml and your saved pages (html:) are not in it\n"
    )


@pytest.mark.parametrize(
    "command",
    [["list"], ["show", "1"], ["build", "--edition", "2026-W48"], ["check"],
     ["annotate", "1", "--comment", "Still worth reading."]],
    ids=["list", "show", "build", "check", "annotate"],
)  # fmt: skip
def test_every_command_on_a_damaged_store_says_what_to_do(
    tmp_path: Path, command: list[str]
) -> None:
    sources = full_project(tmp_path / "review")
    store_file = tmp_path / "review" / ".digest" / DB_NAME
    damage(store_file)
    code, output = run(sources, *command)
    assert (code, output) == (1, damaged_message(store_file))


ARTICLE = (
    "<html lang=en><head><title>{0}</title></head><body><article><h1>{0}</h1>"
    "<p>The body of {0}, long enough for the extractor to keep it as text.</p>"
    "<p>The body of {0}, long enough for the extractor to keep it as text.</p>"
    "</article></body></html>"
)


@pytest.fixture
def fetched(tmp_path: Path) -> Iterator[tuple[WebServer, Path]]:
    with WebServer() as server:
        urls = [server.page(f"/{name}", ARTICLE.format(name)) for name in ("One", "Two")]
        sources = tmp_path / "sources.yaml"
        sources.write_text(
            "digest:\n  title: T\n  fetch: {delay: 0.001}\nsources:\n"
            + "".join(f"  - url: {url}\n    added: 2026-11-23\n" for url in urls),
            encoding="utf-8",
        )
        assert run(sources, "fetch")[0] == 0
        yield server, sources


def test_fetch_sets_a_damaged_store_aside_and_rebuilds_it(
    fetched: tuple[WebServer, Path],
) -> None:
    server, sources = fetched
    store_file = sources.parent / ".digest" / DB_NAME
    damage(store_file)
    code, output = run(sources, "fetch")
    (kept,) = sorted(store_file.parent.glob(f"{DB_NAME}.damaged-*"))
    assert code == 0, output
    one, two = (server.url(f"/{name}") for name in ("One", "Two"))
    # the seconds column depends on the machine's load
    lines = [re.sub(r" \d+\.\ds ", " ", line) for line in output.splitlines()]
    assert sorted(lines[:2]) == [
        f"[1] fetched live 200 {one}", f"[2] fetched live 200 {two}",
    ]  # fmt: skip
    assert lines[2] == f"The store was damaged: it is kept as {kept}, and was rebuilt."
    assert lines[3].endswith(": 2 downloaded, 0 from the store, 0 from saved pages, 0 failed.")
    assert len(lines) == 4
    assert (server.hits["/One"], server.hits["/Two"]) == (2, 2)
    code, output = run(sources, "list")
    assert code == 0 and "One" in output and "Two" in output


def test_an_article_that_cannot_be_decoded_is_extracted_again(
    fetched: tuple[WebServer, Path],
) -> None:
    server, sources = fetched
    store_file = sources.parent / ".digest" / DB_NAME
    with sqlite3.connect(store_file) as db:
        db.execute('UPDATE articles SET data = \'{"title": "One", "quo\' WHERE url LIKE \'%/One\'')
    db.close()
    code, output = run(sources, "show", "1")
    assert code == 0, output
    code, output = run(sources, "fetch", "--json")
    assert code == 0, output
    assert '"outcome": "cached"' in output and '"title": "One"' in output
    assert server.hits["/One"] == 1  # extracted again from the stored page, not downloaded
    with Store.open(store_file.parent) as store:
        article = store.get_article(server.url("/One"))
    assert article is not None and article.title == "One"


def test_a_store_read_not_wrapped_by_the_store_still_gives_no_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI's net for a store method that forgets the store's own guard."""
    monkeypatch.setattr(Store, "_reading", contextlib.nullcontext)
    sources = full_project(tmp_path / "review")
    damage(tmp_path / "review" / ".digest" / DB_NAME)
    code, output = run(sources, "list")
    assert (code, output) == (1, damaged_message(Path(".digest") / DB_NAME))


def test_the_rebuild_keeps_every_table_a_bad_page_did_not_touch(
    fetched: tuple[WebServer, Path],
) -> None:
    server, sources = fetched
    store_file = sources.parent / ".digest" / DB_NAME
    with sqlite3.connect(store_file) as db:
        (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'pages'").fetchone()
    db.close()
    data = bytearray(store_file.read_bytes())
    start = (root - 1) * PAGE_SIZE
    data[start : start + PAGE_SIZE] = random.Random(3).randbytes(PAGE_SIZE)
    store_file.write_bytes(bytes(data))
    assert run(sources, "fetch")[0] == 0
    with Store.open(store_file.parent) as store:
        history = [r.outcome for r in store.fetch_history(server.url("/One"))]
        stored = store.page_urls()
    assert history == ["fetched", "fetched"]  # the first run's record came through
    assert stored == sorted([server.url("/One"), server.url("/Two")])
