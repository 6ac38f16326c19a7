"""Index builds on threads pause the cycle collector, and resume it when the last one ends."""

from __future__ import annotations

import gc
import threading

from kefuguard.service import quiet_collector
from kefuguard.service.quiet_collector import without_collection


def test_the_collector_is_paused_during_a_build_and_resumed_after():
    assert gc.isenabled()
    seen = without_collection(gc.isenabled)
    assert seen is False and gc.isenabled()


def test_overlapping_builds_on_two_threads_resume_it_once_both_are_done():
    first_in, second_done, release = threading.Event(), threading.Event(), threading.Event()
    states: list[bool] = []

    def first() -> None:
        def build() -> None:
            first_in.set()
            release.wait(10)
            states.append(gc.isenabled())

        without_collection(build)

    t = threading.Thread(target=first)
    t.start()
    assert first_in.wait(10)
    without_collection(lambda: states.append(gc.isenabled()))
    second_done.set()
    assert not gc.isenabled()  # the first build is still under way
    release.set()
    t.join(10)
    assert states == [False, False] and gc.isenabled()


def test_a_collector_off_before_stays_off_and_a_failing_build_still_resumes():
    gc.disable()
    try:
        without_collection(lambda: None)
        assert not gc.isenabled()
    finally:
        gc.enable()
    try:
        without_collection(lambda: 1 / 0)
    except ZeroDivisionError:
        pass
    assert gc.isenabled()


def test_a_host_freezes_what_is_alive_when_the_last_build_ends(monkeypatch):
    monkeypatch.setattr(quiet_collector, "FREEZE", True)
    try:
        made = without_collection(lambda: [[] for _ in range(100)])
        assert gc.get_freeze_count() >= len(made) and gc.isenabled()
    finally:
        gc.unfreeze()


def test_what_a_build_made_goes_to_the_oldest_generation_unwalked():
    """With FREEZE off (this test process)."""
    assert quiet_collector.FREEZE is False
    made = without_collection(lambda: [[] for _ in range(100)])
    assert gc.isenabled()
    young = {id(o) for o in gc.get_objects(generation=0)} | {id(o) for o in gc.get_objects(generation=1)}
    assert not young.intersection(map(id, made))
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert {id(o) for o in made} <= oldest and gc.get_freeze_count() == 0


def test_objects_frozen_before_stay_frozen_with_the_builds():
    gc.freeze()  # as the service does after its warm-up
    try:
        before = gc.get_freeze_count()
        made = without_collection(lambda: [[] for _ in range(100)])
        assert gc.get_freeze_count() >= before + len(made) and gc.isenabled()
    finally:
        gc.unfreeze()


def test_a_hosts_url_warm_up_runs_with_the_collector_paused_and_freezes_after(home, monkeypatch):
    """The native host's warm-up (protocol/host.py) builds the list's URL index as a background
    build does: the collector paused, then what it made frozen (moved to the oldest generation
    here: FREEZE is off in the test process)."""
    import asyncio

    from kefuguard.protocol.dispatch import Dispatcher
    from kefuguard.protocol.host import Host
    from tests.conftest import make_engine

    engine = make_engine(home)
    seen: list[bool] = []
    warm_urls = engine.warm_urls
    monkeypatch.setattr(engine, "warm_urls", lambda: (seen.append(gc.isenabled()), warm_urls())[1])
    frozen: list[bool] = []
    freeze = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: (frozen.append(True), freeze())[1])

    async def warm() -> None:
        Host(engine, Dispatcher(engine)).warm_up()

    asyncio.run(warm())
    assert seen == [False] and frozen == [True] and gc.isenabled()
    assert engine.url_index().brands is not None  # built for real


def test_a_host_freezing_after_a_build_does_not_count_the_frozen_objects(monkeypatch):
    """gc.get_freeze_count() walks every frozen object (tens of ms with a big list's millions),
    holding the interpreter: a host that freezes anyway never asks."""

    def counted() -> int:
        raise AssertionError("the frozen objects were counted")

    monkeypatch.setattr(quiet_collector, "FREEZE", True)
    monkeypatch.setattr(gc, "get_freeze_count", counted)
    try:
        without_collection(lambda: None)
        assert gc.isenabled()
    finally:
        monkeypatch.undo()
        gc.unfreeze()
