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
import re
import stat
import sys
from collections.abc import Callable
from typing import Any

from kefuguard import __version__
from kefuguard.errors import ProtocolError
from kefuguard.paths import Places, private_dir
from kefuguard.protocol.dispatch import Dispatcher, capped_frame, error
from kefuguard.protocol.framing import HEADER, MAX_INCOMING, decode_body, decode_length
from kefuguard.service.engine import Engine
from kefuguard.service.quiet_collector import without_collection
from kefuguard.service.schedule import UpdateRunner, start_background

log = logging.getLogger("kefuguard.host")
WRITE_BUFFER_LIMIT = 32 * 1024 * 1024  # stop reading while this much reply data waits for the browser
READ_CHUNK = 1 << 20  # bytes asked of stdin at once; every complete frame in them is answered in turn
WRITE_EVERY = 16 * 1024  # reply bytes written as soon as this much is made (a pipe holds 64 KiB)


def describe_caller(argv: list[str]) -> str:
    """Chrome passes 'chrome-extension://<id>/' (+ '--parent-window=N' on Windows);
    Firefox passes the manifest path and the add-on id."""
    origins = [a for a in argv if a.startswith(("chrome-extension://", "moz-extension://"))]
    if origins:
        return f"chromium-family browser, origin {origins[0]}"
    if len(argv) >= 2:
        return f"firefox, manifest {argv[0]}, add-on {argv[1]}"
    return f"unknown launcher, args {argv!r}" if argv else "started by hand (no launch arguments)"


def caller_extension_id(argv: list[str]) -> str | None:
    """The Chromium extension id in the origin the browser passed ('chrome-extension://<id>/')."""
    for arg in argv:
        found = re.fullmatch(r"chrome-extension://([a-p]{32})/?", arg)
        if found:
            return found.group(1)
    return None


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


class _PipeWriter:
    """The browser's end of our stdout, non-blocking: each write puts into the pipe what it takes
    at once and keeps the rest, written when the loop reports the pipe writable or with the next
    write. (asyncio's pipe transport only appends while anything is kept, so the replies of a long
    run of pipelined checks would wait for the whole run, the browser idle meanwhile.)"""

    def __init__(self, loop: asyncio.AbstractEventLoop, fd: int) -> None:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or stat.S_ISCHR(mode)):
            raise ValueError("not a pipe, socket or character device")
        os.set_blocking(fd, False)
        self.loop, self.fd = loop, fd
        self.kept = bytearray()
        self.closed = False  # the browser's end is gone: nothing more can be written
        self.closing = False
        self.can_write = asyncio.Event()  # cleared while more than WRITE_BUFFER_LIMIT is kept
        self.can_write.set()
        self.gone = asyncio.Event()  # closed, with everything written or never to be
        if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
            # the browser closing its end makes ours "readable" (an error event): noticed without a write
            loop.add_reader(fd, self._lost)

    def write(self, data: bytes) -> None:
        if self.closed:
            return
        if self.kept:
            self.kept += data
            self._write_kept()
            return
        n = self._put(data)
        if n is None:
            return
        if n < len(data):
            self.kept += memoryview(data)[n:]
            self.loop.add_writer(self.fd, self._write_kept)
            self._limit()

    def _put(self, data: bytes | bytearray) -> int | None:
        """The bytes the pipe took at once; None when the browser's end is gone."""
        try:
            return os.write(self.fd, data)
        except (BlockingIOError, InterruptedError):
            return 0
        except OSError:
            self._lost()
            return None

    def _write_kept(self) -> None:
        n = self._put(self.kept)
        if n is None:
            return
        del self.kept[:n]  # from the front of a bytearray: no copy of the rest
        if self.kept:
            self._limit()
            return
        self.loop.remove_writer(self.fd)
        self.can_write.set()
        if self.closing:
            self._finish()

    def _limit(self) -> None:
        """Reading stops while more than WRITE_BUFFER_LIMIT waits, and goes on below half of it."""
        if len(self.kept) > WRITE_BUFFER_LIMIT:
            self.can_write.clear()
        elif len(self.kept) <= WRITE_BUFFER_LIMIT // 2:
            self.can_write.set()

    def detach(self) -> None:
        """Leave the descriptor as it was found (blocking I/O takes over)."""
        self.loop.remove_reader(self.fd)
        os.set_blocking(self.fd, True)

    def buffer_size(self) -> int:
        return len(self.kept)

    def close(self) -> None:
        """Close once everything kept is written (or the browser's end is gone)."""
        self.closing = True
        if not self.kept or self.closed:
            self._finish()

    def _lost(self) -> None:
        self.closed = True
        self.kept.clear()
        self._finish()

    def _finish(self) -> None:
        if self.gone.is_set():
            return
        self.loop.remove_writer(self.fd)
        self.loop.remove_reader(self.fd)
        try:
            os.close(self.fd)
        except OSError:
            pass
        self.closed = True
        self.can_write.set()
        self.gone.set()


class _BlockingIO:
    """Reader/writer on threads: Windows (asyncio cannot read a pipe stdin there, CPython
    gh-71019) and regular files used as stdin/stdout."""

    def __init__(self, in_file: Any, out_file: Any, prefix: bytes = b"") -> None:
        self.in_file, self.out_file = in_file, out_file
        self.prefix = prefix

    async def read(self, n: int) -> bytes:
        """What is there, up to n bytes (b"" at the end), as StreamReader.read."""
        if self.prefix:
            head, self.prefix = self.prefix[:n], self.prefix[n:]
            return head
        return await asyncio.get_running_loop().run_in_executor(None, self.in_file.read, n)

    def write(self, frame: bytes) -> None:
        self.out_file.write(frame)
        self.out_file.flush()


class Host:
    def __init__(self, engine: Engine, dispatcher: Dispatcher) -> None:
        self.engine = engine
        self.dispatcher = dispatcher
        self.tasks: set[asyncio.Task[Any]] = set()
        self.warmed = False

    async def open_streams(self, in_fd: int, out_fd: int, prefix: bytes = b"") -> None:
        loop = asyncio.get_running_loop()
        in_file = os.fdopen(in_fd, "rb", buffering=0)
        self.flow: _PipeWriter | None = None
        writer = None
        if sys.platform != "win32":
            try:
                writer = _PipeWriter(loop, out_fd)
                reader = asyncio.StreamReader(limit=1 << 20)
                if prefix:
                    reader.feed_data(prefix)
                await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), in_file)
            except (ValueError, OSError):  # a regular file, not a pipe
                if writer is not None:
                    writer.detach()
                    writer = None
        if writer is not None:
            self.flow = writer
            self.reader: Any = reader
            self.write: Callable[[bytes], None] = writer.write
            self.write_buffer_size = writer.buffer_size
            self.close_output = writer.close
            return
        out_file = os.fdopen(out_fd, "wb", buffering=0)
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

    def reply_frame(self, body: bytes) -> bytes | None:
        """The reply to one frame's body; None when an async handler will send it later."""
        try:
            request = decode_body(body)
        except ProtocolError as e:
            return capped_frame(error(None, e.code, e.message))
        frame = self.dispatcher.frame_for(request)
        if frame is None:
            task = asyncio.create_task(self._answer_async(request))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
        return frame

    def warm_up(self) -> None:
        """Load the list and build the URL index between requests, so that a page's first check
        does not wait for them (the chat detectors' index a second later). On the loop: never at
        the same time as a check; a request arriving meanwhile waits for one build it needed anyway."""
        if self.warmed:
            return
        self.warmed = True
        try:
            # and then frozen, as a background build is: the collections that a stream of checks
            # sets off no longer walk the list's URL index (~3 % of a pipelined check's cost)
            without_collection(self.engine.warm_urls)
        except Exception:
            log.exception("warm-up failed; checks will report the problem")
            return
        asyncio.get_running_loop().call_later(WARM_TEXT_AFTER, self._warm_text)

    def _warm_text(self) -> None:
        self.engine.warm_text_in_background()  # on a thread: a big list's takes a second

    async def flush_and_close(self, timeout: float = 30.0) -> None:
        """Replies still buffered when the browser closed our stdin are written before exit."""
        self.close_output()
        if self.flow is not None:
            try:
                await asyncio.wait_for(self.flow.gone.wait(), timeout)
            except TimeoutError:
                log.warning("the browser stopped reading; %d reply bytes dropped", self.write_buffer_size())

    async def serve(self) -> int:
        """Read what the browser sent, answer every complete frame in it, write the replies in a few
        writes: pipelined requests cost one read per chunk and one write per 16 KiB of replies, not
        per frame, and the browser reads the first replies while the later ones are made."""
        buf = bytearray()
        fast_frame = self.dispatcher.fast_frame
        length_at = HEADER.unpack_from
        while True:
            chunk = await self.reader.read(READ_CHUNK)
            if not chunk:
                if len(buf) >= HEADER.size:
                    length = decode_length(bytes(buf[: HEADER.size]))
                    log.warning("stream ended inside a frame (%d of %d bytes); exiting", len(buf) - 4, length)
                    return 1
                if buf:
                    log.warning("stream ended inside a length header (%d bytes); exiting", len(buf))
                    return 1
                log.info("browser closed the port; exiting")
                return 0
            buf += chunk
            replies: list[bytes] = []
            waiting = 0  # bytes in replies
            start = 0
            while len(buf) - start >= HEADER.size:
                (length,) = length_at(buf, start)
                if length > MAX_INCOMING:
                    # cannot skip what we refuse to read: the stream is out of step from here on
                    replies.append(
                        capped_frame(error(None, "frame_too_large", f"frame of {length} bytes exceeds {MAX_INCOMING}"))
                    )
                    self._write_all(replies)
                    log.warning("refused a frame of %d bytes; exiting", length)
                    return 1
                end = start + HEADER.size + length
                if end > len(buf):
                    break
                frame = fast_frame(buf, start + HEADER.size, end, True)
                if frame is None:
                    frame = self.reply_frame(bytes(buf[start + HEADER.size : end]))
                    self.dispatcher.forget_index()  # the engine may have switched to a newer list
                if frame is not None:
                    replies.append(frame)
                    waiting += len(frame)
                    if waiting >= WRITE_EVERY:  # the browser reads these while the next are made
                        self._write_all(replies)
                        replies, waiting = [], 0
                start = end
            # the list is looked up once per read, at its first check: never kept while idle (a list
            # switched meanwhile is not held in memory, and the next read sees it)
            self.dispatcher.forget_index()
            del buf[:start]
            self._write_all(replies)
            if self.write_buffer_size() > WRITE_BUFFER_LIMIT and self.flow is not None:
                await self.flow.can_write.wait()  # the browser is not reading: stop reading too

    def _write_all(self, replies: list[bytes]) -> None:
        if replies and (self.flow is None or not self.flow.closed):
            self.write(replies[0] if len(replies) == 1 else b"".join(replies))


WARM_TEXT_AFTER = 1.0  # seconds: the chat detectors' import and index, once the page's URL check is likely done


async def serve_stdio(
    argv: list[str],
    in_fd: int,
    out_fd: int,
    prefix: bytes = b"",
    engine: Engine | None = None,
    checked: list[str] | None = None,
) -> int:
    """The full host. `prefix`: bytes already read from stdin but not answered; `engine` and
    `checked`: the engine that answered early checks (protocol/early_checks.py), if any, and their URLs."""
    places = Places.from_environment()
    setup_logging(places)
    log.info("kefuguard %s host started (pid %d) by %s", __version__, os.getpid(), describe_caller(argv))
    engine = engine or Engine.long_running(places)
    updates = UpdateRunner(engine)  # one at a time: the `update` message and the daily schedule share it
    dispatcher = Dispatcher(engine, update=updates.handle_request, caller_id=caller_extension_id(argv))
    host = Host(engine, dispatcher)
    await host.open_streams(in_fd, out_fd, prefix)
    start_background(updates, host.tasks)
    # after a frame already read (fast_start's prefix) is answered: serve() handles it before yielding
    asyncio.get_running_loop().call_soon(host.warm_up)
    code = await host.serve()
    for task in list(host.tasks):
        task.cancel()
    if host.tasks:
        await asyncio.gather(*host.tasks, return_exceptions=True)
    await host.flush_and_close()
    leave_known_verdicts(engine, [*(checked or []), *dispatcher.checked_urls])
    keep_url_index(engine)
    return code


def keep_url_index(engine: Engine) -> None:
    """The list's parsed brands and lookalike index, for the next host to read instead of building
    (detect/url/brand_index_file.py); like the known verdicts, after the replies are out."""
    try:
        engine.keep_url_index()
    except Exception:  # a start-up shortcut must never turn a clean exit into a crash
        log.exception("keeping the URL index failed")


def leave_known_verdicts(engine: Engine, urls: list[str]) -> None:
    """For the next host's first answers; after the replies are out, so the browser never waits on it."""
    if not urls:
        return
    from kefuguard.protocol.known_verdicts import save_known_verdicts

    try:
        save_known_verdicts(engine, urls)
    except Exception:  # a start-up shortcut must never turn a clean exit into a crash
        log.exception("leaving the known verdicts failed")
