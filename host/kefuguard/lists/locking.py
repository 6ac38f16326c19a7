"""One updater at a time: an exclusive lock on a file beside the lists."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kefuguard.errors import KefuguardError


class LockBusyError(KefuguardError):
    code = "update.locked"


@contextmanager
def exclusive_lock(path: Path, wait_seconds: float = 30.0) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                if sys.platform == "win32":
                    import msvcrt

                    msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
                else:
                    import fcntl

                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as e:
                if time.monotonic() >= deadline:
                    raise LockBusyError(f"another update holds {path}") from e
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)  # closing releases the lock
