"""When the host updates by itself, and how: at most one update at a time, in a child process.

An update is due when update URLs (or supplementary lists) are configured, the list in use is
older than the interval (`[update] interval_hours`, default 24) counted from its issue time or
the last successful check, and no attempt, by any process, started within the interval: a
failing mirror is not asked more often than a working one.

The host runs `kefuguard update --json` as a child process rather than in its own loop: parsing,
verifying and compiling a large list holds the interpreter for seconds (a thread would still
stall checks for ~0.2 s at a time on the GIL), and its memory would stay with the long-lived
host. The child does the work under the update lock; the host then opens the compiled result and
builds its detectors' indexes on a thread (Engine.start_switch), answering with the old list
meanwhile.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import subprocess
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from kefuguard.errors import InputError
from kefuguard.lists.merged import base_list
from kefuguard.lists.records import next_due
from kefuguard.lists.seen import read_state
from kefuguard.paths import private_dir
from kefuguard.service.engine import Engine

log = logging.getLogger("kefuguard.update")
CHILD_TIMEOUT = 30 * 60.0  # seconds: every request in it has its own timeouts; this is a backstop
MAX_SLEEP = 3600.0  # look at state.json again at least hourly (another process may have updated)
MIN_SLEEP = 30.0


def check_update_request(request: dict[str, Any]) -> bool:
    """The extension may ask for an update, but only from the configured mirrors: a URL from
    the browser side is refused, so nothing a page does can make the host contact a server.
    Returns `force`."""
    if "url" in request:
        raise InputError("'update' takes no url: mirrors come from the configuration", code="bad_request")
    return request.get("force") is True


def updater_command(force: bool = False) -> list[str]:
    """How to start `kefuguard update` with the interpreter (or frozen executable) running us."""
    cmd = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "kefuguard"]
    return [*cmd, "update", "--json", *(["--force"] if force else [])]


async def run_child_update(engine: Engine, force: bool = False, timeout: float = CHILD_TIMEOUT) -> dict[str, Any]:
    """Run `kefuguard update --json` in a child process and return its JSON outcome.

    The child is not killed when this task is cancelled (the host exiting): an update that has
    started finishes, and its result is there for the next host."""
    log_path = engine.places.log_dir / "update.log"
    try:
        private_dir(engine.places.log_dir)
        err: Any = open(log_path, "wb")  # noqa: SIM115 - handed to the child
    except OSError:
        err = subprocess.DEVNULL
    # no console window; below normal priority, as `kefuguard update` lowers its own on POSIX
    flags = (
        subprocess.CREATE_NO_WINDOW | subprocess.BELOW_NORMAL_PRIORITY_CLASS  # type: ignore[attr-defined]
        if sys.platform == "win32"
        else 0
    )
    try:
        proc = subprocess.Popen(
            updater_command(force),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=err,
            creationflags=flags,
            start_new_session=sys.platform != "win32",
        )
    except OSError as e:
        return {"status": "failed", "code": "update.child_failed", "message": f"cannot start the updater: {e}"}
    finally:
        if err is not subprocess.DEVNULL:
            err.close()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    delay = 0.02
    while proc.poll() is None:
        if loop.time() > deadline:
            proc.kill()
            proc.wait()
            return {"status": "failed", "code": "update.timeout", "message": f"the updater ran over {timeout:g} s"}
        await asyncio.sleep(delay)
        delay = min(0.25, delay * 1.5)
    assert proc.stdout is not None
    out = proc.stdout.read()
    proc.stdout.close()
    lines = [ln for ln in out.decode("utf-8", "replace").splitlines() if ln.startswith("{")]
    try:
        outcome = json.loads(lines[-1])
        if not isinstance(outcome, dict) or "status" not in outcome:
            raise ValueError("no status")
    except (IndexError, ValueError):
        return {
            "status": "failed",
            "code": "update.child_failed",
            "message": f"the updater exited with {proc.returncode} and no outcome (see {log_path})",
        }
    if any(x.get("status") == "updated" for x in outcome.get("lists", [])):
        # a failed run may still have updated one list of several. The new list's indexes are built
        # on a thread while checks go on with the old one; the reply waits until it is ready
        switch = engine.start_switch()
        if switch is not None:
            await asyncio.to_thread(switch.join)
    return outcome


class UpdateRunner:
    """The host's updates: the `update` message and the background schedule share one run."""

    def __init__(
        self,
        engine: Engine,
        run: Callable[[Engine, bool], Awaitable[dict[str, Any]]] = run_child_update,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.engine = engine
        self._run = run
        self.clock = clock
        self._task: asyncio.Task[dict[str, Any]] | None = None
        self.runs = 0

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def run(self, force: bool = False) -> dict[str, Any]:
        """Start an update, or join the one already running."""
        if not self.running:
            self.runs += 1
            self._task = asyncio.ensure_future(self._run(self.engine, force))
        assert self._task is not None
        return await asyncio.shield(self._task)

    async def handle_request(self, request: dict[str, Any]) -> dict[str, Any]:
        return await self.run(check_update_request(request))

    def seconds_until_due(self) -> float | None:
        engine = self.engine
        try:
            main = base_list(engine.loaded().active)
        except Exception:  # noqa: BLE001 - a broken list must not stop the schedule; checks report it
            log.exception("cannot read the list for the update schedule")
            main = None
        now = self.clock()
        due = next_due(read_state(engine.places.state_file), engine.settings, main.header.issued if main else None, now)
        return None if due is None else max(0.0, (due - now).total_seconds())

    async def background(self, first_delay: float | None = None) -> None:
        """Run for the host's lifetime: sleep until due, update, repeat. Never raises."""
        interval = self.engine.settings.update_interval_hours * 3600
        if first_delay is None:
            # a fleet started at nine o'clock should not hit the mirror in the same second
            first_delay = random.uniform(0.5, 1.0) * min(60.0, interval)
        await asyncio.sleep(first_delay)
        while True:
            wait = self.seconds_until_due()
            if wait is None:
                return  # nothing configured: nothing to do until the config changes and a host restarts
            if wait <= 0:
                try:
                    outcome = await self.run()
                    log.info("background update: %s", outcome.get("message", outcome.get("status")))
                except Exception:  # noqa: BLE001 - the schedule outlives one broken run; the next one may work
                    log.exception("background update failed")
                wait = self.seconds_until_due() or interval
            await asyncio.sleep(min(MAX_SLEEP, max(min(MIN_SLEEP, interval), wait)))


def start_background(runner: UpdateRunner, tasks: set[asyncio.Task[Any]]) -> None:
    """Start the schedule unless nothing is configured (keeps hosts without mirrors idle)."""
    settings = runner.engine.settings
    if not settings.update_urls and not settings.supplementary:
        return
    task = asyncio.ensure_future(runner.background())
    tasks.add(task)
    task.add_done_callback(tasks.discard)
