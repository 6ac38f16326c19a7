"""A real `kefuguard serve` on 127.0.0.1: in this process (its event loop on a thread, so tests can
talk to it with plain blocking clients), or as a `kefuguard serve` subprocess."""

from __future__ import annotations

import asyncio
import http.client
import json
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kefuguard.config import load_settings
from kefuguard.paths import Places
from kefuguard.serve.app import Options
from kefuguard.serve.server import Server
from kefuguard.service.engine import Engine
from tests.conftest import subprocess_env

TOKEN = "t0k3n-" + "x" * 40


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def call(
    port: int,
    method: str,
    path: str,
    body: Any = None,
    *,
    raw: bytes | None = None,
    headers: dict[str, str] | None = None,
    token: str | None = None,
    timeout: float = 30.0,
) -> Reply:
    """One request on its own connection. `body` is sent as JSON, `raw` as it is."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode("utf-8"))
    sent = {"Content-Type": "application/json"} if data is not None else {}
    if token is not None:
        sent["Authorization"] = f"Bearer {token}"
    sent.update(headers or {})
    try:
        conn.request(method, path, body=data, headers=sent)
        response = conn.getresponse()
        return Reply(response.status, response.headers, response.read())
    finally:
        conn.close()


class ServerThread:
    """Server.start() and then the event loop on a thread; stop() as SIGTERM would."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._run, name="serve-test-loop", daemon=True)
        self._started = threading.Event()
        self._error: BaseException | None = None

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self.server.start())
        except BaseException as e:  # noqa: BLE001 - handed to the test
            self._error = e
            self._started.set()
            return
        self._started.set()
        self.loop.run_forever()

    def __enter__(self) -> ServerThread:
        self.thread.start()
        assert self._started.wait(60), "the server did not start"
        if self._error is not None:
            raise self._error
        return self

    @property
    def port(self) -> int:
        assert self.server.port is not None
        return self.server.port

    def call(self, method: str, path: str, body: Any = None, **kw: Any) -> Reply:
        return call(self.port, method, path, body, **kw)

    async def _stop(self) -> None:
        await self.server.stop()
        # connections closed by the stop finish their tasks (as asyncio.run lets them at exit)
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        if others:
            await asyncio.wait(others, timeout=5)

    def stop(self) -> None:
        if self.loop.is_running():
            asyncio.run_coroutine_threadsafe(self._stop(), self.loop).result(60)
            self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(60)

    def __exit__(self, *exc: object) -> None:
        self.stop()
        if not self.loop.is_closed():
            self.loop.close()


def engine_for(home: Path, embedded: Path | None = None, recheck: float = 1.0) -> Engine:
    places = Places.from_environment()
    assert places.data_dir == home
    return Engine(places, load_settings(places), embedded=embedded, recheck_seconds=recheck, switch_in_background=True)


@pytest.fixture
def serve(home: Path) -> Iterator[Any]:
    """Start servers on free ports: serve(options=..., engine=...) -> a running ServerThread."""
    running: list[ServerThread] = []

    def start(options: Options | None = None, engine: Engine | None = None) -> ServerThread:
        server = Server(
            engine or engine_for(home), options or Options(), "127.0.0.1", 0, run_updates=False, freeze=False
        )
        thread = ServerThread(server).__enter__()
        running.append(thread)
        return thread

    yield start
    for thread in running:
        thread.__exit__(None, None, None)


@pytest.fixture
def api(serve: Any) -> ServerThread:
    """A server with the embedded list, no token."""
    return serve()


# --- `kefuguard serve` as a subprocess ------------------------------------------------------------

LISTENING = re.compile(r"listening on http://[^ ]+:(\d+)/")


class ServeProcess:
    def __init__(self, home: Path, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kefuguard", "serve", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=subprocess_env(home),
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.stderr: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for raw in self.proc.stderr:
            line = raw.decode("utf-8", "replace")
            self.stderr.append(line)
            self.lines.put(line)
        self.lines.put(None)

    def wait_listening(self, timeout: float = 60.0) -> int:
        """The port from the 'listening on' line (the first one, with several workers)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no 'listening on' line in {timeout} s: {''.join(self.stderr)}") from None
            if line is None:
                raise AssertionError(f"exited with {self.proc.wait()}: {''.join(self.stderr)}")
            m = LISTENING.search(line)
            if m:
                return int(m.group(1))

    def wait_for_line(self, needle: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.stderr):
                if needle in line:
                    return line
            time.sleep(0.02)
        raise AssertionError(f"no line with {needle!r}: {''.join(self.stderr)}")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(30)


@pytest.fixture
def serve_process(home: Path) -> Iterator[Any]:
    started: list[ServeProcess] = []

    def start(*args: str) -> ServeProcess:
        p = ServeProcess(home, *args)
        started.append(p)
        return p

    yield start
    for p in started:
        p.close()
