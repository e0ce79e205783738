"""Writing files whole: through a temporary file and a rename, never half a file.

Also the edit lock: a read-change-write of the curator's file holds an OS lock on a hidden file
beside it, so two `digest` commands editing at once take turns instead of losing an edit.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from digest.errors import ConflictError, DigestError

# Our temporary files: `.NAME.PID-RANDOM.tmp`, so that a later write can tell a leftover of a
# killed process (its PID is gone) from a write in progress.
_TEMP_NAME = re.compile(r"^\..+\.(\d+)-[A-Za-z0-9_]+\.tmp$")
# A leftover whose PID cannot be checked (or was reused) is removed once it is this old.
STALE_SECONDS = 3600.0
LOCK_TIMEOUT_SECONDS = 60.0


class WriteError(DigestError):
    """A file could not be written (permissions, a full disk): nothing was changed."""

    exit_code = 1


def real_path(path: Path) -> Path:
    """The file a path names, through symbolic links: edits go to the target, the link stays."""
    return Path(os.path.realpath(path))


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and a rename: never half a file."""
    target = real_path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(f"cannot create the folder {target.parent}: {exc.strerror}") from None
    if target.exists() and not os.access(target, os.W_OK):
        raise WriteError(f"{path} is read-only; nothing was written (check its permissions)")
    if not os.access(target.parent, os.W_OK):
        raise WriteError(
            f"cannot write {path}: the folder {target.parent} is read-only; nothing was written "
            "(check its permissions)"
        )
    remove_stale_temporaries(target.parent)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp", dir=target.parent
        )
    except OSError as exc:
        raise WriteError(
            f"cannot write {path}: {exc.strerror} in {target.parent}; nothing was written"
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise WriteError(
                f"cannot write {path}: {exc.strerror or exc}; it was left as it was"
            ) from None
        raise


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove our temporary files that a killed process left in `folder`; return them."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match is None or int(match[1]) == os.getpid():
            continue
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
            if old or not _alive(int(match[1])):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    if sys.platform == "win32":
        return True  # os.kill would end the process there; rely on the age of the file
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


class _Held(threading.local):
    """The files whose edit lock this thread holds (flock would deadlock on a second take)."""

    def __init__(self) -> None:
        self.paths: set[Path] = set()


_held = _Held()


@contextlib.contextmanager
def edit_lock(path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the edit lock of `path` (a hidden `.NAME.lock` beside the real file) meanwhile."""
    target = real_path(path)
    if target in _held.paths:  # an edit within an edit of the same file: already ours
        yield
        return
    lock_path = target.with_name(f".{target.name}.lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except PermissionError:
        # Another curator's lock file in a shared folder: a read-only handle locks as well.
        fd = _open_existing(lock_path, path)
    except OSError as exc:
        raise _cannot_lock(path, lock_path, exc) from None
    try:
        _acquire(fd, path, timeout)
        _held.paths.add(target)
        try:
            yield
        finally:
            _held.paths.discard(target)
            _release(fd)
    finally:
        os.close(fd)


def _open_existing(lock_path: Path, path: Path) -> int:
    try:
        return os.open(lock_path, os.O_RDONLY)
    except OSError as exc:
        raise _cannot_lock(path, lock_path, exc) from None


def _cannot_lock(path: Path, lock_path: Path, exc: OSError) -> WriteError:
    return WriteError(
        f"cannot edit {path}: cannot create the lock file {lock_path.name} beside it "
        f"({exc.strerror}); nothing was written"
    )


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _release(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:
            # A file system without locks: say so rather than edit unprotected in silence.
            raise WriteError(f"cannot lock the file for editing: {exc.strerror}") from None
        return True

    def _release(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)


def _acquire(fd: int, path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not _try_lock(fd):
        if time.monotonic() > deadline:
            raise ConflictError(
                f"{path}: another digest command has been editing it for {timeout:.0f} s; "
                "nothing was written, try again"
            )
        time.sleep(0.02)
