"""Helpers for the careless-hands tests: files and folders made unwritable, even for root."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """`path` cannot be written meanwhile: its mode for a user, the immutable flag for root."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode:
        pytest.skip("running as root on a file system without the immutable flag")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


# The smallest review the tests build on: add editions and sources after it.
HEAD = """\
digest:
  title: Weekly
  language: en
  themes: [Cities]
"""
HELLO_W48 = """\
editions:
  2026-W48:
    intro: Hello.
"""
