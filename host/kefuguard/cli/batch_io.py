"""Input lines and output writes of the batch commands (`check-url -`, `check-text -`).

Lines are read in batches of what has arrived, so a program can feed one line and read its answer
before writing the next; answers go out in one write per batch, in input order.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from kefuguard.cli.render import error_zh
from kefuguard.compact_json import to_compact_json
from kefuguard.detect.result import CheckInputError
from kefuguard.errors import KefuguardError, NoUsableListError

MAX_LINE_BYTES = 16 << 20  # a longer stdin line is answered with an error, not held in memory
READ_SIZE = 1 << 16

Line = tuple[str | None, KefuguardError | None]  # the text of a line, or why there is none


def write_text(text: str) -> None:
    if text:
        sys.stdout.write(text)
    sys.stdout.flush()


def write_bytes(data: bytes) -> None:
    """Answers already encoded as stdout encodes them, written after any text it holds."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def json_line(obj: Any) -> str:
    """One object as one line, in the style of every JSON line the CLI writes (results, errors,
    status): compact, UTF-8 as it is."""
    return to_compact_json(obj) + "\n"


def emit(obj: Any) -> None:
    write_text(json_line(obj))


def error_obj(e: KefuguardError, **extra: Any) -> dict[str, Any]:
    """An error as a JSON line carries it: code, message and message_zh (as reasons do), then `extra`
    (the `input` it is about)."""
    return {"error": {**e.to_dict(), "message_zh": error_zh(e)}, **extra}


def _decoded(raw: bytes) -> Line:
    line = raw[:-1] if raw.endswith(b"\r") else raw
    try:
        return line.decode("utf-8"), None
    except UnicodeDecodeError:
        return None, CheckInputError("line is not valid UTF-8", "该行不是有效的 UTF-8 文本", code="bad_utf8")


def stdin_batches(stream: Any = None, max_line: int = MAX_LINE_BYTES) -> Iterator[list[Line]]:
    """Lines of stdin as text, in batches of what has arrived so far: a pipe fed all at once is
    answered in large writes, one fed line by line is answered line by line (read1 returns what
    is there without waiting for more). A line that is not UTF-8, or longer than max_line bytes,
    yields an error in its place; an over-long line is skipped, never held in memory."""
    stream = stream if stream is not None else getattr(sys.stdin, "buffer", None)
    if stream is None:  # started with stdin closed: no lines
        return
    pending = bytearray()
    too_long = False  # inside a line already answered as too long: drop up to its newline
    while True:
        chunk = stream.read1(READ_SIZE)
        if not chunk:
            break
        batch: list[Line] = []
        start = 0
        while True:
            end = chunk.find(b"\n", start)
            piece = chunk[start:] if end < 0 else chunk[start:end]
            if not too_long:
                if len(pending) + len(piece) > max_line:
                    batch.append((None, _too_long(max_line)))
                    too_long = True
                    pending.clear()
                else:
                    pending += piece
            if end < 0:
                break
            if too_long:
                too_long = False
            else:
                batch.append(_decoded(bytes(pending)))
                pending.clear()
            start = end + 1
        if batch:
            yield batch
    if pending and not too_long:
        yield [_decoded(bytes(pending))]


def _too_long(max_line: int) -> CheckInputError:
    return CheckInputError(
        f"line is longer than {max_line} bytes", f"该行超过 {max_line} 字节，已跳过", code="line_too_long"
    )


def argument_batches(values: list[str]) -> Iterator[list[Line]]:
    yield [(v, None) for v in values]


def answer_batches(
    batches: Iterable[list[tuple[Any, KefuguardError | None]]],
    answer: Callable[[Any], str],
    answer_error: Callable[[Any, KefuguardError], str],
) -> bool:
    """Answer every input in order, one write per batch; an input that is an error (or raises
    one) gets `answer_error`'s text in its place and the batch goes on. NoUsableListError ends the
    command (nothing can be checked), after what was answered so far is written. Returns whether
    any input was an error."""
    failed = False
    for batch in batches:
        out: list[str] = []
        try:
            for item, problem in batch:
                try:
                    if problem is not None:
                        raise problem
                    out.append(answer(item))
                except NoUsableListError:
                    raise
                except KefuguardError as e:
                    failed = True
                    out.append(answer_error(item, e))
        finally:
            write_text("".join(out))
    return failed
