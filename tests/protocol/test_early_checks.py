"""Checks answered before the event loop: what the page's first check leaves for later is built
once its reply is out and nothing else waits, and a frame already waiting is answered first."""

from __future__ import annotations

import json
import os
import struct
import sys

import pytest

from kefuguard.paths import Places
from kefuguard.protocol.early_checks import answer_early_checks

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes: select() is asked")
HEADER = struct.Struct("=I")


def frame(message: dict) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return HEADER.pack(len(body)) + body


def replies(data: bytes) -> list[dict]:
    out = []
    while data:
        (n,) = HEADER.unpack_from(data)
        out.append(json.loads(data[HEADER.size : HEADER.size + n]))
        data = data[HEADER.size + n :]
    return out


def run_early(frames: bytes) -> tuple[list[dict], object, bytes]:
    """The early checks on real pipes: `frames` written at once, the input left open."""
    in_r, in_w = os.pipe()
    out_r, out_w = os.pipe()
    try:
        os.write(in_w, frames)
        try:
            rest, engine, _ = answer_early_checks(in_r, out_w, b"", Places.from_environment())
        finally:
            os.close(out_w)
        out = b""
        while chunk := os.read(out_r, 65536):
            out += chunk
        return replies(out), engine, rest
    finally:
        for fd in (in_r, in_w, out_r):
            os.close(fd)


def test_the_index_is_finished_after_the_reply_when_nothing_waits(home):
    answered, engine, rest = run_early(frame({"id": 1, "type": "check_url", "url": "https://www.example.com/a.html"}))
    assert [r["id"] for r in answered] == [1] and answered[0]["result"]["level"] == "none"
    assert rest == b""
    brands = engine.url_index().brands
    assert "distinctive_words" in vars(brands)  # built by the warm-up, not by that check
    assert brands.distinctive_words.search("shopeejj") is not None


def test_a_waiting_check_is_answered_before_the_warm_up(home):
    first = frame({"id": 1, "type": "check_url", "url": "https://www.example.com/"})
    second = frame({"id": 2, "type": "check_url", "url": "https://shopeejj.com/"})
    answered, engine, _ = run_early(first + second)
    assert [r["id"] for r in answered] == [1, 2]
    assert answered[1]["result"]["level"] in ("caution", "danger")  # the distinctive token, built when asked
