"""Each step of the publication date cascade, on small pages written for these tests."""

from __future__ import annotations

from tests.extract.pagekit import URL, ld, page

from digest.extract import dates
from digest.extract.page import parse_page

LONG = "<p>" + "Der Gemeinderat hat am Dienstag lange über den Haushalt beraten. " * 4 + "</p>"


def test_published_from_json_ld_then_meta() -> None:
    obj = {"@type": "NewsArticle", "datePublished": "2024-03-05T10:00:00+01:00"}
    assert dates.find_published(page(ld(obj)), None) == ("2024-03-05T10:00:00+01:00", "JSON-LD")
    meta = '<meta property="article:published_time" content="2024-03-04">'
    assert dates.find_published(page(meta), None) == (
        "2024-03-04",
        "meta article:published_time",
    )


def test_published_never_after_the_fetch() -> None:
    meta = '<meta property="article:published_time" content="2024-03-04">'
    found = dates.find_published(page(meta), "2024-03-01T00:00:00Z")
    assert found is None or found[0][:10] <= "2024-03-01"


def test_published_falls_back_to_htmldate() -> None:
    body = "<h1>T</h1><p class='date'>Publié le 12/02/2024</p><p>Texte.</p>"
    p = parse_page(f"<html><body>{body}</body></html>", "https://ex.example/2024/02/12/t")
    found = dates.find_published(p, "2024-06-01T00:00:00Z")
    assert found is not None and found[1] == "htmldate" and found[0].startswith("2024-02-12")


def test_published_keeps_the_metadata_time_when_htmldate_agrees() -> None:
    obj = {"@type": "NewsArticle", "datePublished": "2024-03-05T10:00:00+01:00"}
    body = "<p>Publié le 5 mars 2024</p>"
    found = dates.find_published(page(ld(obj), body), "2024-06-01T00:00:00Z")
    assert found == ("2024-03-05T10:00:00+01:00", "JSON-LD")


def test_utc_timestamp_moves_to_the_publication_local_day() -> None:
    meta = '<meta property="article:published_time" content="2022-11-06T23:00:00Z">'
    p = parse_page(f'<html lang="de"><head>{meta}</head><body></body></html>',
                   "https://zeitung.example.de/a")  # fmt: skip
    found = dates.find_published(p, "2023-01-01T00:00:00Z")
    assert found is not None and found[0].startswith("2022-11-07T00:00:00+01:00")


def test_published_from_the_time_shown_above_the_text() -> None:
    # The day the article shows its readers beats a metadata date that disagrees with it.
    meta = '<meta name="dcterms.date" content="2022-01-21T09:43+01:00">'
    body = '<h1>Titel</h1><time datetime="2022-01-25T08:00:00+01:00">25.01.2022</time>' + LONG
    found = dates.find_published(page(meta, body, lang="de"), "2023-01-01T00:00:00Z")
    assert found == ("2022-01-25", "<time>")


def test_shown_time_prefers_the_printed_day_to_a_utc_datetime() -> None:
    meta = '<meta property="article:published_time" content="2019-12-20">'
    body = '<time datetime="2019-12-26T23:07:45+00:00">26/12/2019</time>' + LONG
    found = dates.find_published(page(meta, body, lang="de"), "2020-06-01T00:00:00Z")
    assert found == ("2019-12-26", "<time>")


def test_times_below_the_text_or_marked_updated_are_not_the_published_day() -> None:
    meta = '<meta property="article:published_time" content="2022-03-04">'
    below = LONG + '<time datetime="2022-05-01">1. Mai 2022</time>'
    found = dates.find_published(page(meta, below), "2023-01-01T00:00:00Z")
    assert found is not None and found[0] == "2022-03-04"
    updated = '<time class="updated" datetime="2022-05-01">1. Mai 2022</time>' + LONG
    found = dates.find_published(page(meta, updated), "2023-01-01T00:00:00Z")
    assert found is not None and found[0] == "2022-03-04"


def test_without_declared_date_htmldate_gives_the_latest_shown_day() -> None:
    body = (
        "<h1>Titel</h1><p>Erstellt am 03.02.2024</p><p>Text.</p><p>Aktualisiert am 20.02.2024</p>"
    )
    p = parse_page(f"<html lang='de'><body>{body}</body></html>", "https://ex.example/a")
    assert dates.find_published(p, "2024-06-01T00:00:00Z") == ("2024-02-20", "htmldate")
    meta = '<meta property="article:published_time" content="2024-02-03">'
    p = parse_page(f"<html lang='de'><head>{meta}</head><body>{body}</body></html>", URL)
    found = dates.find_published(p, "2024-06-01T00:00:00Z")
    assert found is not None and found[0] == "2024-02-03"
