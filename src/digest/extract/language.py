"""Language from the text with an offline identifier, checked against what the page declares."""

from __future__ import annotations

import lzma
import re
import shutil
import tempfile
import zipfile
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Any

# Enough text to be sure; more only costs time.
_SAMPLE_CHARS = 3000
# Below this much text the identifier guesses; a declared language is then worth more.
_SHORT_TEXT = 200
_URLS = re.compile(r"https?://\S+|\S+@\S+")
# array typecodes for the model's integer tables, by NumPy dtype (kind, size in bytes).
_TYPECODES = {("u", 2): "H", ("u", 4): "I", ("i", 4): "i", ("u", 8): "Q", ("i", 8): "q"}
_CHUNK = 1 << 20


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The identifier, loaded once per process (in `digest fetch`, in the extraction worker)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    try:
        return _compact_identifier(Path(MODEL_DIR) / MODEL_FILE)
    except (KeyError, ValueError, zipfile.BadZipFile):  # a layout this loader does not know
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def load_identifier() -> None:
    """Load the identifier now, so that the first page does not wait for it."""
    _identifier()


def _compact_identifier(path: Path) -> Any:
    """py3langid's model with its tables in flat arrays: 35 MB less at peak, 5 MB less after.

    py3langid's own loader reads the 39 MB transition table into NumPy and then copies it
    into an array, and keeps two 104,583-entry tables as lists of int objects. Here each table
    is read straight into an array; lookups give the same ints, so scores are identical.
    """
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    # The model is an xz-compressed npz; decompressed to disk, not to memory.
    with tempfile.TemporaryFile(suffix=".npz") as npz:
        with lzma.open(path) as compressed:
            shutil.copyfileobj(compressed, npz, _CHUNK)
        npz.seek(0)
        with zipfile.ZipFile(npz) as model:
            with model.open("ptc.npy") as member:
                ptc = np.lib.format.read_array(member, allow_pickle=False)
            with model.open("pc.npy") as member:
                pc = np.lib.format.read_array(member, allow_pickle=False)
            with model.open("classes.npy") as member:
                classes = np.lib.format.read_array(member, allow_pickle=False).tolist()
            nextmove = _read_table(model, "nextmove")
            row = _read_table(model, "nextmove_row")
            output = _read_table(model, "out_feat")
    identifier = LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)
    # States are row offsets into the transition table: under 2**31 for any model that fits.
    identifier._rowbase = array("l" if len(nextmove) >= 1 << 31 else "i", (r << 8 for r in row))
    return identifier


def _read_table(model: zipfile.ZipFile, name: str) -> array[int]:
    """A one-dimensional integer .npy member read chunk by chunk into an array."""
    import numpy as np

    with model.open(f"{name}.npy") as stream:
        version = np.lib.format.read_magic(stream)
        if version == (1, 0):
            shape, _, dtype = np.lib.format.read_array_header_1_0(stream)
        elif version == (2, 0):
            shape, _, dtype = np.lib.format.read_array_header_2_0(stream)
        else:
            raise ValueError(f"model table {name}: unknown .npy version {version}")
        typecode = _TYPECODES.get((dtype.kind, dtype.itemsize))
        if typecode is None or len(shape) != 1 or not dtype.isnative:
            raise ValueError(f"model table {name}: unexpected layout {dtype} {shape}")
        # Allocated whole, then filled: growing it chunk by chunk leaves the heap fragmented.
        table = array(typecode, [0]) * shape[0]
        view = memoryview(table).cast("B")
        filled = 0
        while filled < len(view):
            chunk = stream.read(min(_CHUNK, len(view) - filled))
            if not chunk:
                raise ValueError(f"model table {name}: truncated")
            view[filled : filled + len(chunk)] = chunk
            filled += len(chunk)
        return table


def primary_subtag(code: str | None) -> str | None:
    """'en-US' -> 'en'; None for an empty or malformed code."""
    if not code:
        return None
    head = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    return head if re.fullmatch(r"[a-z]{2}", head) else None


def identify(text: str, declared: str | None = None) -> tuple[str | None, str]:
    """The text's ISO 639-1 language and how it was decided ('langid', 'html lang', ...)."""
    declared = primary_subtag(declared)
    sample = _URLS.sub(" ", text[:_SAMPLE_CHARS]).strip()
    if not sample:
        return (declared, "html lang") if declared else (None, "none")
    # The identifier knows a few languages by ISO 639-3 codes only; the contract is 639-1.
    ranked = [(c, p) for c, p in _identifier().rank(sample) if len(c) == 2]
    best, confidence = ranked[0]
    if declared is None or declared == best:
        return best, "langid"
    # <html lang> is often a template default ("en" on a German page), so it only wins when
    # the identifier has too little text to judge or itself finds the declaration plausible.
    declared_score = dict(ranked).get(declared, 0.0)
    if len(sample) < _SHORT_TEXT and not (confidence > 0.8 and declared_score < 0.01):
        return declared, "html lang"
    if confidence < 0.6 and declared_score > 0.25:
        return declared, "html lang"
    return best, "langid"
