"""The host's own updates: when they are due, one at a time, never more often than the interval
(even when failing), in a child process while checks keep being answered."""

from __future__ import annotations

import asyncio
import time
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
        (DAY.replace(update_interval_hours=6), {"updates": {"last_attempt": at(-1)}}, -30, 5),
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
        started = time.monotonic()
        task = asyncio.ensure_future(runner.background(first_delay=0))
        # three runs started and the third one done (runs counts a run when it starts: stopping at
        # the count alone cancelled the third before its request some of the time)
        while (runner.runs < 3 or runner.running) and time.monotonic() - started < 60:  # a busy machine only slows it
            await asyncio.sleep(0.05)
        elapsed = time.monotonic() - started
        task.cancel()
        return runner.runs, elapsed

    runs, elapsed = asyncio.run(main())
    assert runs >= 3, "it stopped trying after a failure"
    # three runs take at least two intervals; a runner retrying at once would be done in milliseconds
    assert runs <= elapsed / interval + 1
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
    """The download is held open by the server until ten checks have been answered: a host that
    waited for its update would answer none of them while the server still holds the request
    (the server gives up after a minute, and the replies would then find it "gave up")."""
    server.body = sign(make_signed(version=10**13), env.key)
    config = env.home / "config.toml"
    url = server.url("/held.json")
    config.write_text(config.read_text() + f'[update]\nurls = ["{url}"]\ninterval_hours = 0.0005\n')
    host = HostProcess(env.home)

    def check(rid: int) -> int:
        reply = host.request({"id": rid, "type": "check_url", "url": f"https://www.alipay.com/{rid}"})
        assert reply["id"] == rid and reply["ok"] is True
        return reply["result"]["list_version"]

    try:
        assert host.request({"id": 0, "type": "status"})["result"]["version"] != 10**13
        rid = 1
        while not server.held and rid < 2000:  # the first update is due within ~2 s
            check(rid)
            rid += 1
            time.sleep(0.02)
        assert server.held, "the background update never asked the server"
        for _ in range(10):
            assert check(rid) != 10**13
            assert server.held[0]["state"] == "holding", "a check waited for the download"
            rid += 1
        server.gate.set()
        version = None
        while version != 10**13 and rid < 4000:
            version = check(rid)
            rid += 1
            time.sleep(0.02)
        assert version == 10**13, "the background update did not arrive"
        status = host.request({"id": -1, "type": "status"})["result"]
        assert status["updates"]["last_success"]["status"] == "updated"
        code, _, stderr = host.finish()
        assert code == 0 and "Traceback" not in stderr
    finally:
        server.gate.set()
        host.close()
    assert server.held[0]["state"] == "released"
    assert len([f for f in server.fetches if f["status"] == 200]) == 1
