"""`kefuguard host`: the native-messaging host the browser starts.

stdout carries frames and nothing else: the real stdout is kept for frames and fd 1 is
pointed at stderr, so a stray print or warning can never corrupt the stream. Requests are
pipelined: checks are answered in order as they arrive, updates run as tasks meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
import logging.handlers
import os
import sys
from collections.abc import Callable
from typing import Any

from kefuguard import __version__
from kefuguard.errors import ProtocolError
from kefuguard.paths import Places, private_dir
from kefuguard.protocol.dispatch import Dispatcher, capped_frame, error
from kefuguard.protocol.framing import HEADER, MAX_INCOMING, decode_body, decode_length
from kefuguard.service.engine import Engine
from kefuguard.service.schedule import UpdateRunner, start_background

log = logging.getLogger("kefuguard.host")
WRITE_BUFFER_LIMIT = 32 * 1024 * 1024  # stop reading while this much reply data waits for the browser


def describe_caller(argv: list[str]) -> str:
    """Chrome passes 'chrome-extension://<id>/' (+ '--parent-window=N' on Windows);
    Firefox passes the manifest path and the add-on id."""
    origins = [a for a in argv if a.startswith(("chrome-extension://", "moz-extension://"))]
    if origins:
        return f"chromium-family browser, origin {origins[0]}"
    if len(argv) >= 2:
        return f"firefox, manifest {argv[0]}, add-on {argv[1]}"
    return f"unknown launcher, args {argv!r}" if argv else "started by hand (no launch arguments)"


def setup_logging(places: Places) -> None:
    try:
        private_dir(places.log_dir)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            places.log_dir / "host.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler(sys.stderr)  # stderr is the browser's console, never stdout
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(message)s"))
    root = logging.getLogger("kefuguard")
    root.addHandler(handler)
    root.setLevel(logging.INFO)


class _WriteFlow(asyncio.Protocol):
    def __init__(self) -> None:
        self.can_write = asyncio.Event()
        self.can_write.set()
        self.closed = False
        self.gone = asyncio.Event()

    def pause_writing(self) -> None:
        self.can_write.clear()

    def resume_writing(self) -> None:
        self.can_write.set()

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.can_write.set()
        self.gone.set()


class _BlockingIO:
    """Reader/writer on threads: Windows (asyncio cannot read a pipe stdin there, CPython
    gh-71019) and regular files used as stdin/stdout."""

    def __init__(self, in_file: Any, out_file: Any, prefix: bytes = b"") -> None:
        self.in_file, self.out_file = in_file, out_file
        self.prefix = prefix

    async def readexactly(self, n: int) -> bytes:
        loop = asyncio.get_running_loop()
        head, self.prefix = self.prefix[:n], self.prefix[n:]
        chunks, got = [head], len(head)
        while got < n:
            chunk = await loop.run_in_executor(None, self.in_file.read, min(n - got, 1 << 20))
            if not chunk:
                raise asyncio.IncompleteReadError(b"".join(chunks), n)
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    def write(self, frame: bytes) -> None:
        self.out_file.write(frame)
        self.out_file.flush()


class Host:
    def __init__(self, engine: Engine, dispatcher: Dispatcher) -> None:
        self.engine = engine
        self.dispatcher = dispatcher
        self.tasks: set[asyncio.Task[Any]] = set()
        self.warmed = False
        self.warm_scheduled = False

    async def open_streams(self, in_fd: int, out_fd: int, prefix: bytes = b"") -> None:
        loop = asyncio.get_running_loop()
        in_file, out_file = os.fdopen(in_fd, "rb", buffering=0), os.fdopen(out_fd, "wb", buffering=0)
        self.flow: _WriteFlow | None = None
        if sys.platform != "win32":
            try:
                reader = asyncio.StreamReader(limit=1 << 20)
                if prefix:
                    reader.feed_data(prefix)
                await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), in_file)
                transport, self.flow = await loop.connect_write_pipe(_WriteFlow, out_file)
                self.reader: Any = reader
                self.write: Callable[[bytes], None] = transport.write
                self.write_buffer_size = transport.get_write_buffer_size
                self.close_output = transport.close
                return
            except (ValueError, OSError):
                pass  # a regular file, not a pipe
        blocking = _BlockingIO(in_file, out_file, prefix)
        self.reader, self.write = blocking, blocking.write
        self.write_buffer_size = lambda: 0
        self.close_output = out_file.close

    def send(self, reply: dict[str, Any]) -> None:
        if self.flow is not None and self.flow.closed:
            return
        self.write(capped_frame(reply))

    async def _answer_async(self, request: dict[str, Any]) -> None:
        self.send(await self.dispatcher.reply_async(request))

    def handle_body(self, body: bytes) -> None:
        try:
            request = decode_body(body)
        except ProtocolError as e:
            self.send(error(None, e.code, e.message))
            return
        frame = self.dispatcher.frame_for(request)
        if frame is None:
            task = asyncio.create_task(self._answer_async(request))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
        elif self.flow is None or not self.flow.closed:
            self.write(frame)

    def warm_up(self) -> None:
        """Load the list and the suffix table once the first reply is out, not before it."""
        if self.warmed:
            return
        self.warmed = True
        try:
            # parses the brands, builds the lookalike index, reads the suffix and confusables tables
            self.engine.check_url("https://warm-up.invalid/")
        except Exception:
            log.exception("warm-up failed; checks will report the problem")

    async def flush_and_close(self, timeout: float = 30.0) -> None:
        """Replies still buffered when the browser closed our stdin are written before exit."""
        self.close_output()
        if self.flow is not None:
            try:
                await asyncio.wait_for(self.flow.gone.wait(), timeout)
            except TimeoutError:
                log.warning("the browser stopped reading; %d reply bytes dropped", self.write_buffer_size())

    async def serve(self) -> int:
        loop = asyncio.get_running_loop()
        while True:
            try:
                header = await self.reader.readexactly(HEADER.size)
            except asyncio.IncompleteReadError as e:
                if e.partial:
                    log.warning("stream ended inside a length header (%d bytes); exiting", len(e.partial))
                    return 1
                log.info("browser closed the port; exiting")
                return 0
            length = decode_length(header)
            if length > MAX_INCOMING:
                # cannot skip what we refuse to read: the stream is out of step from here on
                self.send(error(None, "frame_too_large", f"frame of {length} bytes exceeds {MAX_INCOMING}"))
                log.warning("refused a frame of %d bytes; exiting", length)
                return 1
            try:
                body = await self.reader.readexactly(length)
            except asyncio.IncompleteReadError as e:
                log.warning("stream ended inside a frame (%d of %d bytes); exiting", len(e.partial), length)
                return 1
            self.handle_body(body)
            if self.write_buffer_size() > WRITE_BUFFER_LIMIT and self.flow is not None:
                await self.flow.can_write.wait()  # the browser is not reading: stop reading too
            if not self.warm_scheduled:
                self.warm_scheduled = True
                loop.call_later(0.05, self.warm_up)


WARM_TEXT_AFTER = 1.0  # seconds: the chat detectors' import and index, once the page's URL check is likely done


def warm_up(engine: Engine, loop: asyncio.AbstractEventLoop) -> None:
    """Build the URL index (and a second later the chat detectors' index) between requests, so the
    page's first check does not wait for them. On the loop, so never at the same time as a check;
    a request already read waits at most for one build, which it would have needed anyway."""

    def build(what: Callable[[], Any]) -> None:
        try:
            what()
        except Exception as e:  # noqa: BLE001 - a build problem is for the request that needs it to report
            log.debug("warm-up skipped: %s", e)

    loop.call_soon(build, engine.url_index)
    loop.call_later(WARM_TEXT_AFTER, build, engine.text_index)


async def serve_stdio(argv: list[str], in_fd: int, out_fd: int, prefix: bytes = b"") -> int:
    """The full host. `prefix`: bytes fast_start already read from stdin but did not answer."""
    places = Places.from_environment()
    setup_logging(places)
    log.info("kefuguard %s host started (pid %d) by %s", __version__, os.getpid(), describe_caller(argv))
    engine = Engine(places, recheck_seconds=1.0)
    updates = UpdateRunner(engine)  # one at a time: the `update` message and the daily schedule share it
    host = Host(engine, Dispatcher(engine, update=updates.handle_request))
    await host.open_streams(in_fd, out_fd, prefix)
    start_background(updates, host.tasks)
    warm_up(engine, asyncio.get_running_loop())
    code = await host.serve()
    for task in list(host.tasks):
        task.cancel()
    if host.tasks:
        await asyncio.gather(*host.tasks, return_exceptions=True)
    await host.flush_and_close()
    return code
