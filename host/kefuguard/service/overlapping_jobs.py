"""A setting changed while any of several jobs runs, on any thread: the first to begin changes it,
the last to end puts it back (service/quiet_collector.py: the cycle collector paused;
service/short_turns.py: a short switch interval)."""

from __future__ import annotations

from _thread import allocate_lock  # not threading: the engine's module loads before a first reply

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar

    T = TypeVar("T")


class OverlappingJobs:
    def __init__(self, begin: Callable[[], Any], end: Callable[[Any], None]) -> None:
        """`begin()` when the first job begins, its value handed to `end(value)` when the last ends."""
        self._begin, self._end = begin, end
        self._lock = allocate_lock()
        self._running = 0
        self._saved: Any = None

    def run(self, job: Callable[[], T]) -> T:
        with self._lock:
            if self._running == 0:
                self._saved = self._begin()
            self._running += 1
        try:
            return job()
        finally:
            with self._lock:
                self._running -= 1
                if self._running == 0:
                    self._end(self._saved)
