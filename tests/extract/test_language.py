"""The language identifier: the compact model gives py3langid's own answers, in less memory."""

from __future__ import annotations

import io
import zipfile
from array import array

import numpy as np
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from digest.extract import language
from digest.extract.language import _identifier, _read_table, identify

TEXTS = {
    "en": (
        "The council will vote next week on the plan to turn the old tram depot into a market "
        "hall, after two years of meetings in which neighbours asked for workshops, a library "
        "and a covered yard where children can play when it rains."
    ),
    "fr": (
        "Le conseil votera la semaine prochaine le projet de transformer l'ancien dépôt de "
        "tramways en halle de marché, après deux années de réunions où les habitants ont "
        "demandé des ateliers, une bibliothèque et une cour couverte pour les enfants."
    ),
    "de": (
        "Der Rat stimmt nächste Woche über den Plan ab, das alte Straßenbahndepot in eine "
        "Markthalle umzubauen, nachdem die Nachbarn zwei Jahre lang in Versammlungen "
        "Werkstätten, eine Bibliothek und einen überdachten Hof für die Kinder gefordert haben."
    ),
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_identifies_english_french_and_german(code: str) -> None:
    assert identify(TEXTS[code]) == (code, "langid")


def test_text_wins_over_a_template_default_declaration() -> None:
    assert identify(TEXTS["de"], declared="en-US") == ("de", "langid")


def test_the_compact_model_ranks_exactly_like_py3langid() -> None:
    ours = _identifier()
    theirs = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for text in [*TEXTS.values(), "Привет, как дела у вас сегодня?", "x"]:
        assert ours.rank(text) == theirs.rank(text)


def test_the_model_tables_are_flat_arrays_not_lists_of_ints() -> None:
    ours = _identifier()
    assert isinstance(ours.tk_nextmove, array)
    assert isinstance(ours.tk_output, array)
    assert isinstance(ours._rowbase, array)
    assert list(ours._rowbase[:3]) == [r << 8 for r in ours.tk_row[:3]]


def _archive(**tables: np.ndarray) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    np.savez(buffer, **tables)
    buffer.seek(0)
    return zipfile.ZipFile(buffer)


def test_a_table_is_read_whole_into_an_array_of_its_type() -> None:
    model = _archive(out=np.array([-1, 5, 70000], dtype=np.int32))
    table = _read_table(model, "out")
    assert table.typecode == "i"
    assert list(table) == [-1, 5, 70000]


def test_a_table_of_an_unknown_layout_is_refused() -> None:
    model = _archive(out=np.zeros((2, 2), dtype=np.int32))
    with pytest.raises(ValueError, match="unexpected layout"):
        _read_table(model, "out")


def test_a_model_the_compact_loader_cannot_read_falls_back_to_py3langid(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unknown_layout(path: object) -> object:
        raise KeyError("There is no item named 'nextmove.npy' in the archive")

    monkeypatch.setattr(language, "_compact_identifier", unknown_layout)
    _identifier.cache_clear()
    try:
        fallback = _identifier()
        assert isinstance(fallback.tk_output, list)  # py3langid's own tables
        assert fallback.classify(TEXTS["fr"])[0] == "fr"
    finally:
        _identifier.cache_clear()
