"""Background builds and releases run with a short switch interval, restored when the last ends."""

from __future__ import annotations

import sys
import threading

from kefuguard.service.short_turns import TURN_SECONDS, in_short_turns


def test_the_interval_is_short_during_a_job_and_restored_after():
    before = sys.getswitchinterval()
    seen = in_short_turns(sys.getswitchinterval)
    assert abs(seen - TURN_SECONDS) < 1e-9 and sys.getswitchinterval() == before


def test_overlapping_jobs_on_two_threads_restore_it_once_both_are_done():
    before = sys.getswitchinterval()
    first_in, release = threading.Event(), threading.Event()
    seen: list[float] = []

    def first() -> None:
        def job() -> None:
            first_in.set()
            release.wait(10)
            seen.append(sys.getswitchinterval())

        in_short_turns(job)

    t = threading.Thread(target=first)
    t.start()
    assert first_in.wait(10)
    in_short_turns(lambda: seen.append(sys.getswitchinterval()))
    assert abs(sys.getswitchinterval() - TURN_SECONDS) < 1e-9  # the first job is still under way
    release.set()
    t.join(10)
    assert all(abs(s - TURN_SECONDS) < 1e-9 for s in seen) and len(seen) == 2
    assert sys.getswitchinterval() == before


def test_a_failing_job_restores_it_and_a_shorter_interval_is_kept():
    before = sys.getswitchinterval()
    try:
        in_short_turns(lambda: 1 / 0)
    except ZeroDivisionError:
        pass
    assert sys.getswitchinterval() == before
    sys.setswitchinterval(TURN_SECONDS / 5)
    try:
        assert in_short_turns(sys.getswitchinterval) == sys.getswitchinterval()  # never made longer
    finally:
        sys.setswitchinterval(before)
