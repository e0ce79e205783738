"""Regenerate tests/golden/ from the fixtures in deskkit.py; review the diff before committing.

Run: .venv/bin/python tests/regen_golden.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from deskkit import golden_outputs  # noqa: E402


def main() -> None:
    """Write each golden file and say which ones changed."""
    golden = HERE / "golden"
    golden.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in golden_outputs(Path(tmp)).items():
            target = golden / name
            old = target.read_text("utf-8") if target.exists() else None
            target.write_text(text, encoding="utf-8")
            print(f"{'unchanged' if old == text else 'written  '} {target}")


if __name__ == "__main__":
    main()
