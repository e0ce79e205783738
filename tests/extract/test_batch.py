"""Batch records for `digest extract --jsonl`: keys, order, .html.gz, failures."""

from __future__ import annotations

import gzip
import threading
from pathlib import Path

import pytest

from digest.errors import UsageError
from digest.extract.batch import RECORD_KEYS, extract_records, read_inputs_list

PAGES = Path(__file__).resolve().parent / "pages"


def test_records_in_input_order_with_gz_and_failures(tmp_path: Path) -> None:
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress((PAGES / "en-news.html").read_bytes()))
    inputs = [
        (str(gz), "https://courier.example/a"),
        (str(tmp_path / "missing.html"), ""),
        (str(PAGES / "fr-latin1.html"), ""),
    ]
    records = list(extract_records(inputs))
    assert [r["input"] for r in records] == [p for p, _ in inputs]
    assert all(tuple(r) == RECORD_KEYS for r in records)
    assert records[0]["title"] == "Council votes to reopen the river path"
    assert records[0]["url"] == "https://courier.example/a"
    assert records[0]["error"] is None
    assert str(records[1]["error"]).startswith("FileNotFoundError")
    assert records[1]["authors"] == [] and records[1]["quotes"] == []
    assert records[2]["language"] == "fr"


def test_plain_text_inputs(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Headline here\n\nFirst paragraph.\n\nSecond one.", encoding="utf-8")
    (record,) = extract_records([(str(article), "")], plain_text=True, language="en")
    assert record["title"] == "Headline here"
    assert record["text"] == "First paragraph.\n\nSecond one."
    assert record["language"] == "en"


def test_read_inputs_list(tmp_path: Path) -> None:
    listing = tmp_path / "list.tsv"
    listing.write_text("a.html\thttps://x.example/a\n\n# note\nb.html.gz\t\nc.html\n", "utf-8")
    assert read_inputs_list(listing) == [
        ("a.html", "https://x.example/a"),
        ("b.html.gz", ""),
        ("c.html", ""),
    ]


def test_read_inputs_list_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="missing.tsv: cannot read the inputs list"):
        read_inputs_list(tmp_path / "missing.tsv")


def test_with_a_time_limit_an_input_past_it_fails_alone(tmp_path: Path) -> None:
    inputs = [(str(PAGES / "en-news.html"), ""), (str(PAGES / "fr-latin1.html"), "")]
    in_process = list(extract_records(inputs))
    assert list(extract_records(inputs, timeout=60)) == in_process
    # A page of most of a megabyte takes the best part of a second to extract, so a hundredth of
    # a second is past, however the machine schedules the threads: both fail, the batch goes on.
    # (A small page and a tenth of a millisecond failed once on a loaded machine: the waiting
    # thread got the interpreter back only after the extraction had ended.)
    paragraph = "<p>" + " ".join(["The council met on Monday to discuss the bridge."] * 20) + "</p>"
    big = tmp_path / "big.html"
    big.write_text(f"<html><body><article>{paragraph * 600}</article></body></html>")
    slow = [(str(big), ""), (str(big), "")]
    past = list(extract_records(slow, timeout=0.01))
    assert [(r["input"], r["title"], r["error"]) for r in past] == [
        (name, None, "extraction took longer than 0.01 s") for name, _ in slow
    ]
    for thread in threading.enumerate():
        if thread.name == "extract":
            thread.join()  # the abandoned extractions end here, not during the next tests
