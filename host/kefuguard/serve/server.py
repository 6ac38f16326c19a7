"""One serving process: the engine, the aiohttp runner and site, the update schedule, a clean stop.

The list is kept current as in the native host: the engine looks at the installed files once a
second and switches to a changed list on a thread while the old one keeps answering
(Engine.long_running()), and the update schedule (service/schedule.py) runs
`kefuguard update` in a child process when one is due. With several workers only the first runs
the schedule; the others see the installed file change.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from typing import Any

from aiohttp import web

from kefuguard.serve.app import Options, Service
from kefuguard.service.engine import Engine
from kefuguard.service.schedule import UpdateRunner, start_background

log = logging.getLogger("kefuguard.serve")
BACKLOG = 512  # pending connections per listening socket
# after our own drain (Server.stop), aiohttp's shutdown gets this long before it cancels what is left
FINAL_SHUTDOWN = 1.0


class Server:
    def __init__(
        self,
        engine: Engine | None = None,
        options: Options | None = None,
        host: str = "127.0.0.1",
        port: int = 8765,
        *,
        reuse_port: bool = False,
        run_updates: bool = True,
        freeze: bool = True,
    ) -> None:
        self.engine = engine or Engine.long_running()
        self.options = options or Options()
        self.service = Service(self.engine, self.options)
        self.host, self.requested_port = host, port
        self.reuse_port = reuse_port
        self.run_updates = run_updates
        self.freeze = freeze  # gc.freeze() after the warm-up (a process of its own; tests in pytest's: off)
        self.tasks: set[asyncio.Task[Any]] = set()
        self.runner: web.AppRunner | None = None
        self.port: int | None = None

    def warm_up(self) -> None:
        """Load the list and build the URL and chat indexes before listening, so the first requests
        are as fast as the rest; then move everything alive into the collector's permanent
        generation (gc.freeze): the list's indexes are hundreds of thousands of long-lived objects,
        and a full collection walking them held the loop ~20 ms, the p99 of a loaded service."""
        try:
            self.engine.warm_urls()
            self.engine.check_text({"text": "warm-up"})
        except Exception as e:  # noqa: BLE001 - serve anyway: /healthz says 503 until a list verifies
            log.warning("no usable list yet (%s): checks answer 503 until one is installed", e)
        if self.freeze:
            gc.collect()
            gc.freeze()

    async def start(self) -> None:
        self.warm_up()
        limits = self.options.limits
        self.runner = web.AppRunner(
            self.service.app(),
            handle_signals=False,
            access_log=None,  # what agents check is nobody's log business; /metrics counts requests
            shutdown_timeout=FINAL_SHUTDOWN,
            keepalive_timeout=limits.keepalive_timeout,
            lingering_time=limits.lingering_time,
        )
        await self.runner.setup()
        site = web.TCPSite(
            self.runner, self.host, self.requested_port, backlog=BACKLOG, reuse_port=self.reuse_port or None
        )
        try:
            await site.start()
        except BaseException:
            await self.runner.cleanup()
            self.runner = None
            raise
        addresses = self.runner.addresses
        self.port = int(addresses[0][1]) if addresses else self.requested_port
        if self.run_updates:
            start_background(UpdateRunner(self.engine), self.tasks)

    async def stop(self) -> None:
        """Stop listening, let the requests in flight finish (up to the shutdown timeout), close.

        The drain is ours, not only aiohttp's: once its shutdown starts, aiohttp (3.14) drops the
        data that arrives on a connection, so a request still sending its body when SIGTERM came
        would never complete. Here the sockets stop listening, the open connections keep reading
        until every request in flight is answered (each response now closes its connection), and
        only then does runner.cleanup() close what is idle."""
        for task in list(self.tasks):
            task.cancel()
        if self.tasks:
            await asyncio.gather(*self.tasks, return_exceptions=True)
        if self.runner is None:
            return
        self.service.draining = True
        for site in list(self.runner.sites):
            await site.stop()  # no new connections
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.options.limits.shutdown_timeout
        while self.service.metrics.in_flight > 0 and loop.time() < deadline:
            await asyncio.sleep(0.02)
        if self.service.metrics.in_flight:
            log.warning("%d request(s) still in flight after the drain time; closing", self.service.metrics.in_flight)
        await self.runner.cleanup()
        self.runner = None
