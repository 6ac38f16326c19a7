"""A real aiohttp server on 127.0.0.1 standing in for a security team's report endpoint.

Routes (each POST is recorded in `received`: path, headers, body):

  /evidence          200 (or `status`, when set)
  /status/{code}     that status
  /slow              waits `slow_seconds` before answering 200
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from aiohttp import web


class ReportServer:
    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.status = 200
        self.slow_seconds = 2.0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.port = 0

    def url(self, path: str = "/evidence") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    async def _record(self, request: web.Request) -> None:
        body = await request.read()
        self.received.append({"path": request.path, "headers": dict(request.headers), "body": body})

    async def _evidence(self, request: web.Request) -> web.StreamResponse:
        await self._record(request)
        return web.Response(status=self.status, text="thanks")

    async def _status(self, request: web.Request) -> web.StreamResponse:
        await self._record(request)
        return web.Response(status=int(request.match_info["code"]))

    async def _slow(self, request: web.Request) -> web.StreamResponse:
        await self._record(request)
        await asyncio.sleep(self.slow_seconds)
        return web.Response(status=200)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application(client_max_size=300 << 20)
        app.router.add_post("/evidence", self._evidence)
        app.router.add_post("/status/{code}", self._status)
        app.router.add_post("/slow", self._slow)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=3)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        self._loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._ready.set()
        self._loop.run_forever()

    def start(self) -> ReportServer:
        self._thread.start()
        self._ready.wait(10)
        return self

    def stop(self) -> None:
        async def close() -> None:
            await self._runner.cleanup()

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
