"""Where `build --output` writes, and what it may replace.

A digest may replace only a digest: a file that digest itself wrote there (its fingerprint is
kept in .digest/outputs.json), an empty file, or a file named as digest names its outputs
(2026-W48.md, 2026-W48.html, feed.xml, index.html), so that a folder built before the store
was deleted can be built again. Anything else (sources.yaml, a README) is refused, and nothing is written.
Whether PATH is a file or a folder comes from what exists: an existing folder is a folder even
with a dot in its name, an existing file is a file even without a suffix; a device such as
/dev/stdout is written to as it is; `-` is standard output.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
from pathlib import Path

from digest.errors import UsageError
from digest.files import WriteError, write_atomic

STDOUT = Path("-")
RECORD_NAME = "outputs.json"
_OUR_NAMES = re.compile(r"^(\d{4}-W\d{2}\.(md|html)|feed\.xml|index\.html)$")


def names_a_file(output: Path) -> bool:
    """Whether `--output PATH` names one file (else a folder), from what exists first."""
    if output == STDOUT:
        return True
    if output.is_dir():
        return False
    if output.exists() or output.is_symlink():
        return True
    return bool(output.suffix)


def refuse_foreign(targets: list[Path], store_dir: Path) -> None:
    """Refuse (before anything is written) to replace a file that is not a digest."""
    record = _record(store_dir)
    for target in targets:
        if target == STDOUT or not _is_regular_file(target):
            continue
        if not _is_digest(target, record):
            raise UsageError(
                f"{target} exists and is not a digest; nothing was written "
                "(give --output a new name or a folder)"
            )


def write(target: Path, data: bytes) -> None:
    """Write one output: atomically for a file, as is for a device (/dev/stdout, a pipe)."""
    if target.exists() and not target.is_dir() and not _is_regular_file(target):
        try:
            with target.open("wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise WriteError(f"cannot write {target}: {exc.strerror or exc}") from None
        return
    write_atomic(target, data)


def remember(store_dir: Path, written: dict[Path, bytes]) -> None:
    """Keep the fingerprints of the files written, so that a later build may replace them."""
    files = {p: data for p, data in written.items() if p != STDOUT and _is_regular_file(p)}
    if not files:
        return
    record = _record(store_dir)
    for path, data in files.items():
        record[str(path.resolve())] = hashlib.sha256(data).hexdigest()
    # The record only spares the curator a refusal later: failing to keep it fails nothing.
    with contextlib.suppress(OSError, WriteError):
        write_atomic(store_dir / RECORD_NAME, json.dumps(record, indent=1).encode("utf-8"))


def _is_digest(target: Path, record: dict[str, str]) -> bool:
    if target.stat().st_size == 0:
        return True
    real = target.resolve()
    if _OUR_NAMES.match(real.name):
        return True
    known = record.get(str(real))
    return known is not None and known == hashlib.sha256(real.read_bytes()).hexdigest()


def _is_regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _record(store_dir: Path) -> dict[str, str]:
    try:
        data = json.loads((store_dir / RECORD_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items()}
