"""What identifies a file's content cheaply: (size, mtime_ns, inode), or None when it is absent.

The engine compares these to notice a list installed by another process, and the start-up
snapshot (protocol/fast_start.py) to know its cached status still describes the same files.
Imports nothing the interpreter has not loaded already: fast_start runs before the first reply.
"""

from __future__ import annotations

import os


def file_identity(path: str) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def identities(paths: list[str]) -> dict[str, list[int] | None]:
    return {p: file_identity(p) for p in paths}
