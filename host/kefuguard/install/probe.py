"""Start a host the way a browser does and ask it for `status` through a real pipe.

Same launch as the browser: the manifest's `path` with the browser's arguments, working folder
the launcher's own, one frame with a 4-byte native-order length. Closing stdin afterwards makes
the host exit once it has answered; a timeout ends a host that hangs.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

HEADER = struct.Struct("=I")
MAX_REPLY = 1024 * 1024


@dataclass(frozen=True)
class ProbeResult:
    reply: dict[str, Any] | None  # the `result` of a good status reply
    code: str | None  # None when the host answered properly
    message: str
    seconds: float
    stderr: str = ""

    @property
    def answered(self) -> bool:
        return self.code is None


def status_frame(request_id: int = 1) -> bytes:
    body = json.dumps({"id": request_id, "type": "status"}).encode("utf-8")
    return HEADER.pack(len(body)) + body


def probe_host(command: list[str], env: Mapping[str, str] | None = None, timeout: float = 20.0) -> ProbeResult:
    start = time.monotonic()

    def result(reply: dict[str, Any] | None, code: str | None, message: str, stderr: bytes = b"") -> ProbeResult:
        tail = stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
        return ProbeResult(reply, code, message, round(time.monotonic() - start, 3), "\n".join(tail))

    try:
        proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=dict(env) if env is not None else None,
            cwd=os.path.dirname(command[0]) or None,
        )
    except OSError as e:
        return result(None, "host.no_start", f"cannot start {command[0]}: {e.strerror or e}")
    try:
        out, err = proc.communicate(status_frame(), timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        return result(None, "host.timeout", f"no reply within {timeout:g} s", err)
    if len(out) < HEADER.size:
        return result(None, "host.no_reply", f"the host exited (code {proc.returncode}) without replying", err)
    (n,) = HEADER.unpack_from(out)
    body = out[HEADER.size : HEADER.size + n]
    if n > MAX_REPLY or len(body) != n:
        return result(None, "host.bad_reply", f"the reply frame is malformed (length {n}, got {len(body)} bytes)", err)
    try:
        reply = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return result(None, "host.bad_reply", "the reply is not UTF-8 JSON", err)
    if not isinstance(reply, dict) or reply.get("id") != 1:
        return result(None, "host.bad_reply", "the reply does not carry the request's id", err)
    if reply.get("ok") is not True or not isinstance(reply.get("result"), dict):
        error = reply.get("error")
        if not isinstance(error, dict):
            error = {}
        return result(None, "host.error_reply", f"the host refused status: {error.get('code')}: {error.get('message')}")
    return result(reply["result"], None, "answered status", err)
