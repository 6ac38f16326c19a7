"""Answer the `check_url` frames that come first, before the event loop exists.

A woken service worker opens a port and asks `status` (protocol/fast_start.py answers it from a
snapshot), then at once `check_url` for the page being loaded. Importing asyncio and logging's
handlers costs ~45 ms that this one reply does not need: so while the frames that arrive are
`check_url`, they are answered here with the engine, and the full host starts after with that
same engine and whatever else was read. Anything else (another type, a malformed or large frame,
the end of input) stops this at once and is handed over untouched. When no frame waits after a
reply, the parts of the URL index that check left for later are built then, while the page shows
its verdict (engine.warm_urls).

A check of a site an earlier host already answered, with nothing changed since, is answered from
that host's results (protocol/known_verdicts.py) before even the detectors are imported.
"""

from __future__ import annotations

import json
import os
import struct
import sys

from kefuguard import __version__
from kefuguard.paths import Places
from kefuguard.protocol.known_verdicts import KnownVerdicts, read_known_verdicts

TYPE_CHECKING = False
if TYPE_CHECKING:
    from kefuguard.service.engine import Engine

_HEADER = struct.Struct("=I")
MAX_EARLY_FRAME = 65536  # a check_url frame is small (URLs are at most 8,192 characters)
WAIT_SECONDS = 0.1  # for the page's check right after `status`; then the full host starts anyway
# the first few only: a stream of checks is the full host's job (it batches reads and writes)
MAX_EARLY_CHECKS = 4


def _readable(fd: int, timeout: float) -> bool:
    """Is there input within `timeout`? Only POSIX pipes can be asked; elsewhere never wait."""
    if sys.platform == "win32" or timeout <= 0:
        return False
    import select

    try:
        ready, _, _ = select.select([fd], [], [], timeout)
    except (OSError, ValueError):
        return False
    return bool(ready)


def _idle(fd: int) -> bool:
    """No input waiting right now? Only POSIX pipes can be asked; elsewhere say no."""
    if sys.platform == "win32":
        return False
    import select

    try:
        ready, _, _ = select.select([fd], [], [], 0)
    except (OSError, ValueError):
        return False
    return not ready


def _warm(engine: Engine) -> None:
    try:
        engine.warm_urls()
    except Exception:  # noqa: BLE001 - the full host warms up again, and logs what goes wrong
        pass


def _handed_over(
    buf: bytearray, engine: Engine | None, checked: list[str], warmed: bool
) -> tuple[bytes, Engine | None, list[str]]:
    """What the full host takes over; the engine warmed first (a frame waiting meanwhile, such as
    the `status` after a check, waits as it would for the full host's own warm-up)."""
    if engine is not None and not warmed:
        _warm(engine)
    return bytes(buf), engine, checked


def _next_request(buf: bytearray) -> tuple[dict, int] | None:
    """The first frame of `buf` when it is a complete, small check_url request, and its size."""
    if len(buf) < _HEADER.size:
        return None
    (length,) = _HEADER.unpack_from(buf)
    if length > MAX_EARLY_FRAME or len(buf) < _HEADER.size + length:
        return None
    try:
        request = json.loads(bytes(buf[_HEADER.size : _HEADER.size + length]).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(request, dict) or request.get("type") != "check_url":
        return None
    return request, _HEADER.size + length


def _complete_or_other(buf: bytearray) -> bool:
    """Does `buf` hold a whole first frame (or a header this module will not wait for)?"""
    if len(buf) < _HEADER.size:
        return False
    (length,) = _HEADER.unpack_from(buf)
    return length > MAX_EARLY_FRAME or len(buf) >= _HEADER.size + length


def answer_early_checks(
    in_fd: int, out_fd: int, prefix: bytes, places: Places
) -> tuple[bytes, Engine | None, list[str]]:
    """Answer leading check_url frames; returns the bytes read but not answered, the engine made
    for them (None when there were none) and the URLs it answered."""
    buf = bytearray(prefix)
    engine: Engine | None = None
    dispatcher = None
    known: KnownVerdicts | None = None
    known_read = False
    checked: list[str] = []
    warmed = False
    for _ in range(MAX_EARLY_CHECKS):
        while not _complete_or_other(buf):
            if not _readable(in_fd, WAIT_SECONDS):
                return _handed_over(buf, engine, checked, warmed)
            chunk = os.read(in_fd, 65536)
            if not chunk:  # the end of input: the full host sees it and exits as it should
                return _handed_over(buf, engine, checked, warmed)
            buf += chunk
        found = _next_request(buf)
        if found is None:
            return _handed_over(buf, engine, checked, warmed)
        request, size = found
        if not known_read:
            known, known_read = read_known_verdicts(places, __version__), True
        frame = known.reply(request) if known is not None else None
        if frame is None:
            if dispatcher is None:
                from kefuguard.protocol.dispatch import Dispatcher
                from kefuguard.service.engine import Engine

                engine = Engine.long_running(places)
                dispatcher = Dispatcher(engine)
            frame = dispatcher.frame_for(request) or b""  # check_url is always answered at once
            if isinstance(request.get("url"), str):
                checked.append(request["url"])
        del buf[:size]
        written = 0
        while written < len(frame):
            written += os.write(out_fd, frame[written:])
        if engine is not None and not warmed and not buf and _idle(in_fd):
            warmed = True  # the page's verdict is out: build what its check left for later meanwhile
            _warm(engine)
    return _handed_over(buf, engine, checked, warmed)
