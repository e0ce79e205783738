"""The Spanish and Italian speech lexicons, through the attribution rules that read them."""

from __future__ import annotations

from digest.extract import speakers


def test_spanish_inverted_verb_and_frame() -> None:
    assert speakers.after(", dijo Ana Ruiz.", "es") == speakers.Attribution("Ana Ruiz", 15)
    found = speakers.according_to(" el puerto cerrará, según el ministerio", "es")
    assert found is not None and found.speaker == "el ministerio"


def test_italian_inverted_verb_and_frame() -> None:
    assert speakers.after(", spiega Marco Neri.", "it") == speakers.Attribution("Marco Neri", 19)
    found = speakers.according_to(" il porto chiuderà, secondo il ministero", "it")
    assert found is not None and found.speaker == "il ministero"
