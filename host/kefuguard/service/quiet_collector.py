"""A list's indexes built on a thread are built with the cycle collector paused.

A build makes hundreds of thousands of long-lived objects, and each time enough of them have
survived, the collector walks every tracked object (the indexes of the list in use too) while
holding the interpreter: with 10,000 brands, a host's replies to checks waited 400-600 ms behind
those walks while the chat index was built on its thread (0.6 s at most without them; measured with
faulthandler's watchdog). Paused, the build's garbage is still freed by reference counting; the
rare cycles wait until the last build under way ends and the collector runs again.
"""

from __future__ import annotations

import gc
from _thread import allocate_lock  # not threading: the engine's module loads before a first reply

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    T = TypeVar("T")

_lock = allocate_lock()
_builds = 0  # under way, on any thread
_resume = False  # was the collector on when the first of them began?


def without_collection(build: Callable[[], T]) -> T:
    """build(), the collector paused meanwhile (and resumed after, if it was on before)."""
    global _builds, _resume
    with _lock:
        if _builds == 0:
            _resume = gc.isenabled()
            gc.disable()
        _builds += 1
    try:
        return build()
    finally:
        with _lock:
            _builds -= 1
            if _builds == 0 and _resume:
                gc.enable()
