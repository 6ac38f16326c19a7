"""Helpers for the evidence tests: the real `kefuguard` process, a small PNG, an evidence file made
once per module by `evidence make`."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import subprocess_env

# one conversation with every kind of line: a claim, a QQ number, a scam link, the user's code and
# card number, hostile markup, quotes of both kinds
CHAT = """\
对方: 我是淘宝客服，您的订单异常，加我QQ 123456789 办理退款，或 WhatsApp +1 415 555 0100
me: 好的，验证码 123456，卡号 6222 0212 3456 7894
对方：请点 https://evil-refund.top/x 并输入 </script><script>alert(1)</script> </main> "quotes" 'single'
我: 4321
卡号 4111 1111 1111 1111 是对方发来的
"""


def kefuguard(
    home: Path, *args: str, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kefuguard", *args],
        capture_output=True,
        env=subprocess_env(home, **(env or {})),
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def png_bytes(width: int = 3, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes([200, 30, 30]) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@dataclass(frozen=True)
class Made:
    home: Path
    path: Path
    data: bytes
    fingerprint: str
    parts: list[dict]
    png: bytes


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Made:
    """`evidence make` with a URL, the chat above and a screenshot, once for the module."""
    work = tmp_path_factory.mktemp("evidence")
    home = work / "home"
    home.mkdir()
    (work / "chat.txt").write_text(CHAT, "utf-8")
    png = png_bytes()
    (work / "shot.png").write_bytes(png)
    out = work / "evidence.html"
    args = ["--url", "https://taobao-kefu.com/refund", "--text-file", str(work / "chat.txt")]
    proc = kefuguard(
        home, "evidence", "make", "--json", *args, "--screenshot", str(work / "shot.png"), "--out", str(out)
    )
    assert proc.returncode == 0, proc.stderr.decode()
    reply = json.loads(proc.stdout)
    return Made(home, out, out.read_bytes(), reply["fingerprint"], reply["parts"], png)
