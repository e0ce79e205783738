"""Turn a page's bytes into text: header charset, BOM, <meta charset>, then detection."""

from __future__ import annotations

import codecs
import re

from digest.extract.charsets import codec_for_label

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Single-byte Latin code pages a detector confuses with Windows-1252 on short Western texts
# (French "à" read as Czech "ŕ"); between these we prefer the Western reading unless it
# produces symbols glued inside words, the sign of a Central European page.
_LATIN_FAMILY = {
    "cp1250", "cp1252", "cp1257", "latin_1", "iso8859_2", "iso8859_4", "iso8859_9",
    "iso8859_13", "iso8859_15", "iso8859_16", "mac_roman", "mac_latin2", "cp850", "cp437",
}  # fmt: skip
_ODD = "¹²³¼½¾¿¤¦¨¬¯±´¶¸¥˝˘˙˛ˇ"
_GLUED_SYMBOL = re.compile(rf"(?<=[^\W\d_])[{_ODD}ªº°µ]|[{_ODD}](?=[^\W\d_])")
_SNIFF_BYTES = 16384


def decode_html(body: bytes, content_type: str | None) -> str:
    """Decode a page: header charset, then BOM, then <meta charset>, then detection."""
    for encoding in _declared(body, content_type):
        text = _try_decode(body, encoding)
        if text is not None:
            return text
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(body)


def _declared(body: bytes, content_type: str | None) -> list[str]:
    """The codecs of the encodings the page claims, strongest first.

    Only labels of the WHATWG Encoding Standard count, as in a browser: any other label
    (punycode, hex, rot13, undefined...) is ignored and detection decides.
    """
    found: list[str] = []
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        if match and (codec := codec_for_label(match.group(1))):
            found.append(codec)
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            found.insert(0, encoding)  # a BOM outranks a header that forgot to change
            break
    meta = _META_CHARSET.search(body[:_SNIFF_BYTES])
    if meta and (codec := codec_for_label(meta.group(1).decode("ascii", "replace"))):
        found.append(codec)
    return found


def _try_decode(body: bytes, declared: str) -> str | None:
    """Decode strictly with a declared codec, or None if the declaration is wrong."""
    codec = codecs.lookup(declared).name
    if codec in ("cp1252", "latin-1", "iso8859-15") and _is_utf8_with_non_ascii(body):
        # A stale latin-1 label on a UTF-8 page: reading it as 1252 makes mojibake. Non-ASCII
        # UTF-8 sequences almost never occur by chance in real 1252 text.
        return body.decode("utf-8")
    if codec.startswith(("utf-16", "utf-32")) and not any(body.startswith(b) for b, _ in _BOMS):
        return None  # <meta charset=utf-16> in an ASCII-compatible file is a lie
    try:
        text = body.decode(codec)
    except UnicodeDecodeError:
        return None
    return text[1:] if text.startswith("\ufeff") else text


def _is_utf8_with_non_ascii(body: bytes) -> bool:
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect(body: bytes) -> str:
    """No usable declaration and not UTF-8: ask charset-normalizer, biased to Western pages."""
    import charset_normalizer

    best = charset_normalizer.from_bytes(body[: _SNIFF_BYTES * 4]).best()
    guess = best.encoding if best is not None else None
    if guess is None or guess in _LATIN_FAMILY:
        # Fewest symbols glued inside words wins; ties go to the Western readings.
        readings = [
            text
            for text in (_decode_or_none(body, e) for e in ("cp1252", "iso8859_15", guess) if e)
            if text is not None
        ]
        if readings:
            return min(readings, key=_glued)
    if guess is not None:
        text = _decode_or_none(body, guess)
        if text is not None:
            return text
    return body.decode("cp1252", errors="replace")


def _decode_or_none(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _glued(text: str) -> int:
    return len(_GLUED_SYMBOL.findall(text))
