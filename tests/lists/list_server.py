"""A real aiohttp server on 127.0.0.1 serving list bundles, with faults on demand.

Routes (every one records what it was asked and what it sent in `fetches`):

  /list.json              `body` with a content ETag and a Last-Modified; honours If-None-Match and
                          If-Modified-Since (304, no body). `etag`/`last_modified` switch them off.
  /named/{name}           `bodies[name]`, same validators (several lists from one server)
  /changing-etag.json     `body` with a new ETag on every response (a CDN that does that)
  /status/{code}          an empty response with that status (500, 404, ...)
  /error.json             503
  /reset.json             headers, half the body, then a TCP reset
  /trickle.json?interval= the real body, one byte per `interval` seconds (default 1)
  /slow.json              a space every 0.5 s, 100 times
  /endless.json           a body with no length that does not end (128 MiB at most)
  /long-length.json       Content-Length 1000 bytes more than the body, then the connection closes
  /short-length.json      Content-Length half the body (the rest is never sent)
  /redirect?to=URL[&code=302]
  /held.json              waits until `gate` is set, then serves like /list.json (a request that
                          waits more than a minute gets a 503); `held` lists each waiting request's
                          state: "holding", "released" or "gave up"
"""

from __future__ import annotations

import asyncio
import hashlib
import socket
import struct
import threading
import time
import uuid
from email.utils import formatdate, parsedate_to_datetime
from typing import Any

from aiohttp import web


class ListServer:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self._body = b""
        self._modified = time.time()
        self.bodies: dict[str, bytes] = {}
        self.etag = True
        self.last_modified = True
        self.fetches: list[dict[str, Any]] = []  # what each request asked for and got
        self.gate = threading.Event()
        self.held: list[dict[str, str]] = []
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def body(self) -> bytes:
        return self._body

    @body.setter
    def body(self, data: bytes) -> None:
        if data != self._body:
            self._modified = time.time() - 1  # whole seconds in HTTP dates: now is "newer" than before
        self._body = data

    def bytes_sent(self) -> int:
        return sum(f.get("bytes", 0) for f in self.fetches)

    def _record(self, request: web.Request, status: int, sent: int = 0) -> dict[str, Any]:
        entry = {
            "path": request.path,
            "if_none_match": request.headers.get("If-None-Match"),
            "if_modified_since": request.headers.get("If-Modified-Since"),
            "status": status,
            "bytes": sent,
        }
        self.fetches.append(entry)
        return entry

    def _validated(self, request: web.Request, body: bytes, etag: str | None) -> web.Response:
        headers = {}
        if etag:
            headers["ETag"] = etag
        if self.last_modified:
            headers["Last-Modified"] = formatdate(self._modified, usegmt=True)
        inm, ims = request.headers.get("If-None-Match"), request.headers.get("If-Modified-Since")
        # RFC 9110: If-None-Match decides when present; If-Modified-Since only without it
        if inm is not None and etag:
            fresh = inm == etag
        elif ims is not None and self.last_modified:
            try:
                fresh = parsedate_to_datetime(ims).timestamp() >= int(self._modified)
            except (TypeError, ValueError):
                fresh = False
        else:
            fresh = False
        if fresh:
            self._record(request, 304)
            return web.Response(status=304, headers=headers)
        self._record(request, 200, len(body))
        return web.Response(body=body, headers=headers, content_type="application/json")

    async def _list(self, request: web.Request) -> web.StreamResponse:
        etag = '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"' if self.etag else None
        return self._validated(request, self.body, etag)

    async def _held(self, request: web.Request) -> web.StreamResponse:
        state = {"state": "holding"}
        self.held.append(state)
        for _ in range(600):  # bounded: a test that never opens the gate ends in a minute
            if self.gate.is_set():
                state["state"] = "released"
                return await self._list(request)
            await asyncio.sleep(0.1)
        state["state"] = "gave up"
        self._record(request, 503)
        return web.Response(status=503)

    async def _named(self, request: web.Request) -> web.StreamResponse:
        body = self.bodies.get(request.match_info["name"])
        if body is None:
            self._record(request, 404)
            return web.Response(status=404)
        return self._validated(request, body, '"' + hashlib.sha256(body).hexdigest()[:16] + '"')

    async def _changing_etag(self, request: web.Request) -> web.StreamResponse:
        etag = f'"{uuid.uuid4().hex}"'
        self._record(request, 200, len(self.body))
        return web.Response(body=self.body, headers={"ETag": etag}, content_type="application/json")

    async def _status(self, request: web.Request) -> web.StreamResponse:
        code = int(request.match_info["code"])
        self._record(request, code)
        return web.Response(status=code)

    async def _error(self, request: web.Request) -> web.StreamResponse:
        self._record(request, 503)
        return web.Response(status=503)

    async def _reset(self, request: web.Request) -> web.StreamResponse:
        half = self.body[: len(self.body) // 2]
        self._record(request, 200, len(half))
        resp = web.StreamResponse(headers={"Content-Type": "application/json"})
        resp.content_length = len(self.body)
        await resp.prepare(request)
        await resp.write(half)
        await asyncio.sleep(0.05)  # let the half reach the client before the reset
        transport = request.transport
        assert transport is not None
        sock = transport.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close = RST
        transport.abort()
        return resp

    async def _trickle(self, request: web.Request) -> web.StreamResponse:
        interval = float(request.query.get("interval", "1"))
        resp = web.StreamResponse(headers={"Content-Type": "application/json"})
        resp.content_length = len(self.body)
        await resp.prepare(request)
        entry = self._record(request, 200)
        try:
            for i in range(min(len(self.body), 600)):  # bounded: ten minutes at one byte a second
                await resp.write(self.body[i : i + 1])
                entry["bytes"] += 1
                await asyncio.sleep(interval)
        except ConnectionError:
            pass  # the client gave up: that is the point
        return resp

    async def _slow(self, request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse()
        await resp.prepare(request)
        entry = self._record(request, 200)
        try:
            for _ in range(100):  # bounded: stops by itself after ~50 s at most
                await resp.write(b" ")
                entry["bytes"] += 1
                await asyncio.sleep(0.5)
        except ConnectionError:
            pass
        return resp

    async def _endless(self, request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse()
        await resp.prepare(request)
        chunk = b"x" * 65536
        entry = self._record(request, 200)
        try:
            for _ in range(2000):  # 128 MiB at most
                await resp.write(chunk)
                entry["bytes"] += len(chunk)
        except ConnectionError:
            pass
        return resp

    async def _long_length(self, request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "application/json"})
        resp.content_length = len(self.body) + 1000
        resp.force_close()
        await resp.prepare(request)
        await resp.write(self.body)
        self._record(request, 200, len(self.body))
        return resp  # the connection closes 1000 bytes short of what was announced

    async def _short_length(self, request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "application/json"})
        resp.content_length = len(self.body) // 2
        await resp.prepare(request)
        await resp.write(self.body[: len(self.body) // 2])
        self._record(request, 200, len(self.body) // 2)
        return resp

    async def _redirect(self, request: web.Request) -> web.StreamResponse:
        code = int(request.query.get("code", "302"))
        self._record(request, code)
        return web.Response(status=code, headers={"Location": request.query["to"]})

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_get("/list.json", self._list)
        app.router.add_get("/named/{name}", self._named)
        app.router.add_get("/changing-etag.json", self._changing_etag)
        app.router.add_get("/status/{code}", self._status)
        app.router.add_get("/error.json", self._error)
        app.router.add_get("/reset.json", self._reset)
        app.router.add_get("/trickle.json", self._trickle)
        app.router.add_get("/held.json", self._held)
        app.router.add_get("/slow.json", self._slow)
        app.router.add_get("/endless.json", self._endless)
        app.router.add_get("/long-length.json", self._long_length)
        app.router.add_get("/short-length.json", self._short_length)
        app.router.add_get("/redirect", self._redirect)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=0.5)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, self.host, 0)
        self._loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._ready.set()
        self._loop.run_forever()

    def start(self) -> ListServer:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("list server did not start")
        return self

    def url(self, path: str = "/list.json") -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{path}"

    def stop(self) -> None:
        async def shutdown() -> None:
            await self._runner.cleanup()

        asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
