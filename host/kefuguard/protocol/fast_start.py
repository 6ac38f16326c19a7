"""Answer the browser's first `status` before the heavy imports.

A browser may start a host for every port it opens, and the first thing the extension asks is
`status`. Importing asyncio, dataclasses and the detectors costs several times Python's own start,
so the engine leaves a snapshot of its last status reply together with the identity (size, mtime,
inode) of every file that reply was computed from. When none of those files changed, the snapshot
is the same answer the engine would give, apart from the clock-dependent fields recomputed here.
Anything else (another request, a changed file, a malformed frame) is handed over untouched to
the full host. This module imports only what the interpreter has loaded anyway.
"""

from __future__ import annotations

import json
import os
import struct

from kefuguard.file_identity import identities
from kefuguard.plain_datetime import UTC, datetime

TYPE_CHECKING = False  # without importing typing: this module runs before the first reply
if TYPE_CHECKING:
    from typing import Any

MAX_FIRST_FRAME = 65536
_HEADER = struct.Struct("=I")


def refresh_clock_fields(status: dict[str, Any], now: datetime | None = None) -> dict[str, Any]:
    now = now or datetime.now(UTC)
    for entry in status.get("lists", []):
        expires = datetime.fromisoformat(entry["expires"].replace("Z", "+00:00"))
        issued = datetime.fromisoformat(entry["issued"].replace("Z", "+00:00"))
        entry["stale"] = now >= expires
        entry["age_days"] = round((now - issued).total_seconds() / 86400, 2)
    if status.get("lists"):
        status["stale"] = status["lists"][0]["stale"]
    return status


def snapshot_status(snapshot_path: str, version: str) -> dict[str, Any] | None:
    try:
        with open(snapshot_path, "rb") as f:
            snap = json.loads(f.read())
        if snap.get("host_version") != version:
            return None
        inputs = snap["inputs"]
        if not inputs or identities(list(inputs)) != inputs:
            return None
        return refresh_clock_fields(snap["status"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _read_exactly(fd: int, n: int, got: bytearray) -> bool:
    while len(got) < n:
        chunk = os.read(fd, n - len(got))
        if not chunk:
            return False
        got += chunk
    return True


def answer_first_status(in_fd: int, out_fd: int, snapshot_path: str, version: str) -> bytes:
    """Read the first frame; answer it here if it is a `status` the snapshot can answer.
    Returns the bytes read but not answered (for the full host to process first)."""
    consumed = bytearray()
    if not _read_exactly(in_fd, 4, consumed):
        return bytes(consumed)
    (length,) = _HEADER.unpack(consumed)
    if length > MAX_FIRST_FRAME or not _read_exactly(in_fd, 4 + length, consumed):
        return bytes(consumed)
    try:
        request = json.loads(consumed[4:].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return bytes(consumed)
    if not isinstance(request, dict) or request.get("type") != "status":
        return bytes(consumed)
    rid = request.get("id")
    valid_id = (
        rid is None
        or (isinstance(rid, int) and not isinstance(rid, bool))
        or (isinstance(rid, str) and len(rid) <= 256)
    )
    if not valid_id:
        return bytes(consumed)
    status = snapshot_status(snapshot_path, version)
    if status is None:
        return bytes(consumed)
    body = json.dumps({"id": rid, "ok": True, "result": status}, ensure_ascii=False, separators=(",", ":"))
    data = body.encode("utf-8")
    frame = _HEADER.pack(len(data)) + data
    written = 0
    while written < len(frame):
        written += os.write(out_fd, frame[written:])
    return b""
