"""Decoding: header charset, BOM, <meta charset>, detection; French without mojibake."""

from __future__ import annotations

import codecs

import pytest

from digest.extract.charsets import codec_for_label
from digest.extract.encoding import decode_html

FRENCH = (
    "<html><head><title>Un été à Besançon</title></head><body>"
    "<p>L’équipe a reçu « deux œuvres » à la fête de Noël ; Élodie était déçue.</p>"
    "<p>Où êtes-vous allés cet été ? À la mer, près du phare, avec François.</p>"
    "</body></html>"
)


def test_header_charset_wins_over_meta() -> None:
    html = '<meta charset="utf-8"><p>Été</p>'.encode("cp1252")
    assert "Été" in decode_html(html, "text/html; charset=windows-1252")


def test_latin1_label_reads_as_windows_1252() -> None:
    html = "<p>L’été coûte 5 €</p>".encode("cp1252")
    assert decode_html(html, "text/html; charset=ISO-8859-1") == "<p>L’été coûte 5 €</p>"


def test_bom_outranks_header() -> None:
    body = codecs.BOM_UTF8 + "<p>Noël</p>".encode()
    assert decode_html(body, "text/html; charset=iso-8859-1") == "<p>Noël</p>"


def test_utf16_with_bom() -> None:
    body = "<p>Noël</p>".encode("utf-16")
    assert decode_html(body, None) == "<p>Noël</p>"


def test_meta_charset_used_without_header() -> None:
    html = '<html><head><meta charset="windows-1252"></head><body>Noël</body></html>'
    assert "Noël" in decode_html(html.encode("cp1252"), None)


def test_http_equiv_charset() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "</head><body>Crème brûlée</body></html>"
    )
    assert "Crème brûlée" in decode_html(html.encode("latin-1"), None)


def test_stale_latin1_meta_on_utf8_page() -> None:
    html = '<html><head><meta charset="iso-8859-1"></head><body>Noël à Paris</body></html>'
    assert "Noël à Paris" in decode_html(html.encode("utf-8"), None)


def test_stale_utf8_meta_on_windows_1252_page() -> None:
    html = FRENCH.replace("<head>", '<head><meta charset="utf-8">')
    assert decode_html(html.encode("cp1252"), None) == html


@pytest.mark.parametrize("encoding", ["cp1252", "iso-8859-15"])
def test_undeclared_french_page_without_mojibake(encoding: str) -> None:
    html = FRENCH.replace("’", "'")  # iso-8859-15 has no curly apostrophe
    assert decode_html(html.encode(encoding), None) == html


def test_undeclared_utf8() -> None:
    assert decode_html(FRENCH.encode("utf-8"), None) == FRENCH


def test_unknown_label_falls_through() -> None:
    assert decode_html("<p>Été</p>".encode(), "text/html; charset=x-nonsense") == "<p>Été</p>"


@pytest.mark.parametrize("label", ["punycode", "hex", "rot13", "undefined", "utf-7", "idna"])
def test_labels_a_browser_ignores_are_ignored(label: str) -> None:
    """Not WHATWG labels: a browser falls back to its detection, and so do we."""
    html = FRENCH.replace("<head>", f"<head><meta charset={label}>")
    assert decode_html(html.encode("utf-8"), f"text/html; charset={label}") == html
    assert decode_html(html.encode("cp1252"), None) == html


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("utf-8", "utf-8"), (" UTF8\t", "utf-8"), ("unicode-1-1-utf-8", "utf-8"),
        ("ISO-8859-1", "cp1252"), ("us-ascii", "cp1252"), ("latin1", "cp1252"),
        ("iso-8859-9", "cp1254"), ("tis-620", "cp874"), ("gb2312", "gb18030"),
        ("big5", "big5hkscs"), ("euc-kr", "cp949"), ("sjis", "cp932"),
        ("iso-8859-8-i", "iso8859_8"), ("x-mac-ukrainian", "mac_cyrillic"),
        ("utf-16", "utf-16-le"), ("koi8-ru", "koi8_u"),
        ("x-user-defined", None), ("iso-2022-kr", None), ("punycode", None),
        ("latin-1", None), ("utf8mb4", None), ("", None),
    ],
)  # fmt: skip
def test_whatwg_labels_map_to_the_codec_a_browser_decodes_with(
    label: str, codec: str | None
) -> None:
    assert codec_for_label(label) == codec
