"""The host's own updates: when they are due, one at a time, never more often than the interval
(even when failing), in a child process while checks keep being answered."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from kefuguard.config import Settings, Supplementary
from kefuguard.lists.model import format_time
from kefuguard.lists.records import next_due
from kefuguard.paths import Places
from kefuguard.service.engine import Engine
from kefuguard.service.schedule import UpdateRunner, run_child_update, updater_command
from kefuguard.service.updates import update_lists
from tests.conftest import make_signed, sign
from tests.lists.conftest import FAST
from tests.protocol.hostproc import HostProcess, frame

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
DAY = Settings(update_urls=("https://lists.example.org/l.json",))


def at(hours: float) -> str:
    return format_time(NOW + timedelta(hours=hours))


@pytest.mark.parametrize(
    "settings,state,issued_hours,due_hours",
    [
        (Settings(), {}, -100, None),  # nothing configured: never
        (DAY, {}, -30, 0),  # never tried, list older than a day: now
        (DAY, {}, -2, 22),  # a fresh list: a day after it was issued
        (DAY, {"updates": {"last_attempt": at(-1)}}, -30, 23),  # tried an hour ago (failing or not)
        (DAY, {"updates": {"last_attempt": at(-25)}}, -30, 0),
        (DAY, {"updates": {"last_attempt": at(-3), "last_success": {"time": at(-3)}}}, -300, 21),
        (replace(DAY, update_interval_hours=6), {"updates": {"last_attempt": at(-1)}}, -30, 5),
        (Settings(supplementary=(Supplementary("https://it.example/l.json", ("ab" * 32,)),)), {}, -30, 0),
    ],
)
def test_next_due(settings, state, issued_hours, due_hours):
    due = next_due(state, settings, NOW + timedelta(hours=issued_hours), NOW)
    assert due == (None if due_hours is None else NOW + timedelta(hours=due_hours))


def test_updater_command_runs_this_interpreter():
    assert updater_command(force=True)[-4:] == ["kefuguard", "update", "--json", "--force"]


def test_a_second_request_joins_the_running_update():
    started = []

    async def slow_run(engine, force):
        started.append(force)
        await asyncio.sleep(0.2)
        return {"status": "current", "message": "ok"}

    async def main():
        runner = UpdateRunner(engine=None, run=slow_run)  # type: ignore[arg-type]
        results = await asyncio.gather(runner.run(), runner.run(), runner.handle_request({"type": "update"}))
        assert [r["status"] for r in results] == ["current"] * 3
        await runner.run()  # a new one after the first finished
        return runner.runs

    assert asyncio.run(main()) == 2 and len(started) == 2


def test_an_update_request_with_a_url_is_refused():
    runner = UpdateRunner(engine=None)  # type: ignore[arg-type]
    with pytest.raises(Exception) as caught:
        asyncio.run(runner.handle_request({"type": "update", "url": "https://attacker.example/"}))
    assert caught.value.code == "bad_request"


def test_background_updates_are_not_more_often_than_the_interval_even_when_failing(env, server):
    interval = 0.4  # seconds
    places = Places.from_environment()
    settings = Settings(update_urls=(server.url("/status/500"),), update_interval_hours=interval / 3600)
    engine = Engine(places, settings, embedded=env.embedded)
    engine.reload()

    async def in_process(engine, force):
        return (await update_lists(engine, None, force, timeouts=FAST, rounds=1)).to_dict()

    async def main():
        runner = UpdateRunner(engine, run=in_process)
        task = asyncio.ensure_future(runner.background(first_delay=0))
        await asyncio.sleep(2.0)
        task.cancel()
        return runner.runs

    runs = asyncio.run(main())
    assert 2 <= runs <= 2.0 / interval + 1
    assert len(server.fetches) == runs  # one request per run (rounds=1): no hidden retries
    assert engine.status()["updates"]["last_failure"]["code"] == "download.http_status"


def test_child_update_installs_and_the_engine_reloads(env, server):
    server.body = sign(make_signed(version=10**13), env.key)
    config = env.home / "config.toml"
    config.write_text(config.read_text() + f'[update]\nurls = ["{server.url()}"]\n')  # the child reads it
    engine = env.engine()
    outcome = asyncio.run(run_child_update(engine))
    assert outcome["status"] == "updated", outcome
    assert engine.loaded().active.header.version == 10**13


def test_the_host_updates_in_the_background_while_checks_keep_flowing(env, server):
    server.body = sign(make_signed(version=10**13), env.key)
    config = env.home / "config.toml"
    config.write_text(config.read_text() + f'[update]\nurls = ["{server.url()}"]\ninterval_hours = 0.0005\n')
    host = HostProcess(env.home)
    try:
        assert host.request({"id": 0, "type": "status"})["result"]["version"] != 10**13
        last, longest, rid, version = time.monotonic(), 0.0, 1, None
        deadline = last + 20
        while time.monotonic() < deadline:
            host.send(frame({"id": rid, "type": "check_url", "url": f"https://www.alipay.com/{rid}"}))
            reply = host.read_frame()
            now = time.monotonic()
            longest, last = max(longest, now - last), now
            assert reply["id"] == rid and reply["ok"] is True
            version = reply["result"]["list_version"]
            if version == 10**13:
                break
            rid += 1
            time.sleep(0.02)
        assert version == 10**13, "the background update did not arrive"
        assert longest < 1.0, f"a check waited {longest:.2f} s during the update"
        status = host.request({"id": -1, "type": "status"})["result"]
        assert status["updates"]["last_success"]["status"] == "updated"
        code, _, stderr = host.finish()
        assert code == 0 and "Traceback" not in stderr
    finally:
        host.close()
    assert len([f for f in server.fetches if f["status"] == 200]) == 1
