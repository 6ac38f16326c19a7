"""A list's indexes built on a thread are built with the cycle collector paused.

A build makes hundreds of thousands of long-lived objects, and each time enough of them have
survived, the collector walks every tracked object (the indexes of the list in use too) while
holding the interpreter: with 10,000 brands, a host's replies to checks waited 400-600 ms behind
those walks while the chat index was built on its thread (measured with faulthandler's watchdog).
Paused, the build's garbage is still freed by reference counting. When the last build under way
ends, everything alive is frozen (gc.freeze): the collector never walks the list's indexes again.
Resumed without that, its first young collection walked all the build had made (~70-180 ms), and
moved to the oldest generation unwalked instead, a full collection soon walked them all (~270 ms).
What a frozen index no longer needs is freed by reference counting, as the indexes hold no
reference cycle (tests/lists/test_list_switch.py); the cycles a build leaves as garbage stay
(~340 objects, ~55 KB at 10,000 brands). FREEZE off (the test process, where freezing would keep
every test's garbage cycles of that moment), they are moved to the oldest generation unwalked.
"""

from __future__ import annotations

import gc

from kefuguard.service.overlapping_jobs import OverlappingJobs

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    T = TypeVar("T")

FREEZE = True


def _pause() -> bool:
    """Pause the collector; was it on?"""
    was_on = gc.isenabled()
    gc.disable()
    return was_on


def _resume(was_on: bool) -> None:
    if was_on:
        # FREEZE first: counting the frozen objects walks them all, holding the interpreter
        # (~40-100 ms with a 10,000-brand list's ~3 million; measured with faulthandler)
        keep_frozen = FREEZE or gc.get_freeze_count() > 0
        gc.freeze()
        if not keep_frozen:
            gc.unfreeze()
        gc.enable()


_builds = OverlappingJobs(_pause, _resume)


def without_collection(build: Callable[[], T]) -> T:
    """build(), the collector paused meanwhile (and resumed after, if it was on before)."""
    return _builds.run(build)
