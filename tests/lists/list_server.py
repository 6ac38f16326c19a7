"""A real aiohttp server on 127.0.0.1 serving list bundles, with faults on demand."""

from __future__ import annotations

import asyncio
import hashlib
import threading
from typing import Any

from aiohttp import web


class ListServer:
    def __init__(self) -> None:
        self.body = b""
        self.fetches: list[dict[str, Any]] = []  # what each request asked for
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    async def _list(self, request: web.Request) -> web.StreamResponse:
        etag = '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'
        self.fetches.append({"path": request.path, "if_none_match": request.headers.get("If-None-Match")})
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(body=self.body, headers={"ETag": etag}, content_type="application/json")

    async def _slow(self, request: web.Request) -> web.StreamResponse:
        self.fetches.append({"path": request.path})
        resp = web.StreamResponse()
        await resp.prepare(request)
        for _ in range(100):  # bounded: stops by itself after ~50 s at most
            await resp.write(b" ")
            await asyncio.sleep(0.5)
        return resp

    async def _endless(self, request: web.Request) -> web.StreamResponse:
        self.fetches.append({"path": request.path})
        resp = web.StreamResponse()
        await resp.prepare(request)
        chunk = b"x" * 65536
        for _ in range(2000):  # 128 MiB at most
            await resp.write(chunk)
        return resp

    async def _error(self, request: web.Request) -> web.StreamResponse:
        self.fetches.append({"path": request.path})
        return web.Response(status=503)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_get("/list.json", self._list)
        app.router.add_get("/slow.json", self._slow)
        app.router.add_get("/endless.json", self._endless)
        app.router.add_get("/error.json", self._error)
        self._runner = web.AppRunner(app)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        self._loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._ready.set()
        self._loop.run_forever()

    def start(self) -> ListServer:
        self._thread.start()
        self._ready.wait(10)
        return self

    def url(self, path: str = "/list.json") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        async def shutdown() -> None:
            await self._runner.cleanup()

        asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
