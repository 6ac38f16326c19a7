"""While a list's indexes are built or taken apart on a thread, threads take turns every 0.5 ms.

A thread that wants the interpreter asks the one holding it to let go, and waits for the holder's
switch interval (5 ms by default). The host's loop lets go at every read, write and wait for the
browser's next frame, so with a build running beside it each reply waited for several of those
turns: 10-25 ms between replies to checks paced every 2 ms, over 50 ms when the machine was busy
too (bench_update.py). A shorter interval while a background job runs gives the loop the
interpreter back sooner; an idle loop asks for nothing, so the job itself is not slowed then.
"""

from __future__ import annotations

import sys

from kefuguard.service.overlapping_jobs import OverlappingJobs

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    T = TypeVar("T")

TURN_SECONDS = 0.0005


def _shorten() -> float:
    """Turns of TURN_SECONDS (never longer than they were); the interval before."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, TURN_SECONDS))
    return before


_jobs = OverlappingJobs(_shorten, sys.setswitchinterval)


def in_short_turns(job: Callable[[], T]) -> T:
    """job(), the switch interval TURN_SECONDS meanwhile (restored when the last job ends)."""
    return _jobs.run(job)
