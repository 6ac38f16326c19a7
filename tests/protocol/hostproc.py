"""Drive the real `kefuguard host` process over real pipes."""

from __future__ import annotations

import json
import struct
import subprocess
from pathlib import Path
from typing import Any

from tests.conftest import host_command, subprocess_env

HEADER = struct.Struct("=I")


def frame(obj: Any) -> bytes:
    body = json.dumps(obj).encode()
    return HEADER.pack(len(body)) + body


def raw_frame(body: bytes) -> bytes:
    return HEADER.pack(len(body)) + body


def parse_frames(data: bytes) -> list[dict[str, Any]]:
    """Every byte of stdout must belong to a well-formed frame: nothing else may reach it."""
    out, pos = [], 0
    while pos < len(data):
        assert pos + 4 <= len(data), f"stray bytes on stdout: {data[pos : pos + 80]!r}"
        (n,) = HEADER.unpack_from(data, pos)
        assert n <= 1024 * 1024, "a reply over 1 MiB would make the browser drop the host"
        body = data[pos + 4 : pos + 4 + n]
        assert len(body) == n, "truncated reply frame"
        out.append(json.loads(body.decode("utf-8")))
        pos += 4 + n
    return out


class HostProcess:
    def __init__(self, home: Path, *launch_args: str, **env: str) -> None:
        self.stderr_path = home / "host-stderr.txt"
        self.stderr = open(self.stderr_path, "wb")
        self.proc = subprocess.Popen(
            host_command(*launch_args),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            env=subprocess_env(home, **env),
        )

    def send(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def read_frame(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        header = self.proc.stdout.read(4)
        assert len(header) == 4, "host closed stdout"
        (n,) = HEADER.unpack(header)
        return json.loads(self.proc.stdout.read(n))

    def request(self, obj: Any) -> dict[str, Any]:
        self.send(frame(obj))
        return self.read_frame()

    def finish(self, timeout: float = 30) -> tuple[int, list[dict[str, Any]], str]:
        """Close stdin, collect the rest of stdout; returns (exit code, frames, stderr text)."""
        out, _ = self.proc.communicate(timeout=timeout)
        self.stderr.close()
        return self.proc.returncode, parse_frames(out), self.stderr_path.read_text("utf-8", "replace")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.stderr.close()
