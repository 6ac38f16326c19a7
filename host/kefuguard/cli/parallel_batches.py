"""Large stdin batches of `check-text -` answered on every core.

A file or a pipe fed all at once arrives in reads of hundreds of lines; one process checks about
4,000 chat messages a second, so such an input is split into chunks that forked workers check
while the parent reads the next lines and writes the answers, in input order, as they come back.
Workers are forked after the list and its indexes are loaded, so they start in milliseconds and
share them. Input that trickles in (a program feeding one line and waiting for its answer) is
answered at once, as in one process; so is everything on systems without fork (macOS, Windows)
or with one core.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import select
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from kefuguard.cli.batch_io import answer_batches, write_bytes, write_text
from kefuguard.errors import KefuguardError, NoUsableListError

BULK_LINES = 64  # lines in the first read (at most 64 KB): input arriving in bulk, worth spreading over cores
CHUNK_LINES = 250  # lines a worker checks per task: ~60 ms of work against ~1 ms of passing it
IN_FLIGHT_PER_WORKER = 4  # chunks queued per worker: enough to keep it busy, memory stays bounded
MAX_WORKERS = 8

Item = tuple[Any, KefuguardError | None]
Check = Callable[[Any], tuple[str, str]]  # an input -> (its answer, its level)

_work: tuple[Check, Callable[[Any, KefuguardError], str], str | None, str] | None = None  # set before forking


def workers() -> int:
    if sys.platform != "linux" or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), MAX_WORKERS))


def answer_on_cores(
    batches: Iterable[list[Item]],
    check: Check,
    answer_error: Callable[[Any, KefuguardError], str],
    saw: Callable[[str], None],
    warm: Callable[[], Any],
    input_waiting: Callable[[], bool] | None = None,
) -> bool:
    """answer_batches' contract (every input answered in order, an error in a bad one's place,
    NoUsableListError ends the command after what was answered), on every core for bulk input.
    `saw` gets each answer's level in the parent. Returns whether any input was an error."""
    it = iter(batches)
    first = next(it, None)
    if first is None:
        return False
    cores = workers()
    input_waiting = input_waiting or _stdin_waiting

    def answer(item: Any) -> str:
        text, level = check(item)
        saw(level)
        return text

    if len(first) >= BULK_LINES:
        # the list and its indexes loaded once, then left out of the garbage collector's scans:
        # hundreds of thousands of long-lived objects a collection would walk every few hundred
        # messages (and, in a forked worker, copy page by page)
        warm()
        gc.freeze()
    if cores < 2 or len(first) < BULK_LINES:
        return answer_batches(_chain(first, it), answer, answer_error)
    global _work
    # answers come back as the bytes stdout would write: one string pickled and written, not
    # hundreds decoded in the parent only to be encoded again (a stream without bytes gets text)
    encoding = getattr(sys.stdout, "encoding", None) if hasattr(sys.stdout, "buffer") else None
    _work = (check, answer_error, encoding, getattr(sys.stdout, "errors", None) or "strict")
    failed = False
    pending: list[Any] = []
    limit = cores * IN_FLIGHT_PER_WORKER
    with multiprocessing.get_context("fork").Pool(cores) as pool:

        def write_first() -> None:
            nonlocal failed
            answers, levels, chunk_failed, no_list = pending.pop(0).get()
            for level in levels:
                saw(level)
            failed |= chunk_failed
            if isinstance(answers, bytes):
                write_bytes(answers)
            else:
                write_text(answers)
            if no_list is not None:
                check(no_list)  # raises the same NoUsableListError here, after what came before it
                raise NoUsableListError("no usable list")

        for batch in _chain(first, it):
            # a bad line's error is written here: exceptions do not cross to the workers
            entries = [(item, None if problem is None else answer_error(item, problem)) for item, problem in batch]
            failed |= any(problem is not None for _, problem in batch)
            for start in range(0, len(entries), CHUNK_LINES):
                pending.append(pool.apply_async(_answer_chunk, (entries[start : start + CHUNK_LINES],)))
                while len(pending) >= limit:
                    write_first()
            while pending and (pending[0].ready() or not input_waiting()):
                write_first()  # nothing more to read yet: answer what came before waiting for it
        while pending:
            write_first()
    return failed


def _stdin_waiting() -> bool:
    """More input can be read at once (a file, or a pipe with data in it): not a reason to hold
    answers back. A pipe with nothing in it means the writer may be waiting for our answers."""
    try:
        return bool(select.select([sys.stdin], [], [], 0)[0])
    except (OSError, ValueError):
        return False


def _chain(first: list[Item], rest: Iterator[list[Item]]) -> Iterator[list[Item]]:
    yield first
    yield from rest


def _answer_chunk(chunk: list[tuple[Any, str | None]]) -> tuple[bytes | str, list[str], bool, Any]:
    """In a worker: the answers of a chunk, encoded for stdout, and their levels (an entry with its
    answer already written is passed through); stops at an input that finds no usable list and
    hands it back, so the parent raises the error at that place."""
    assert _work is not None
    check, answer_error, encoding, errors = _work
    texts, levels, failed, no_list = _check_chunk(chunk, check, answer_error)
    answers = "".join(texts)
    return (answers if encoding is None else answers.encode(encoding, errors)), levels, failed, no_list


def _check_chunk(
    chunk: list[tuple[Any, str | None]], check: Check, answer_error: Callable[[Any, KefuguardError], str]
) -> tuple[list[str], list[str], bool, Any]:
    texts: list[str] = []
    levels: list[str] = []
    failed = False
    for item, answered in chunk:
        if answered is not None:
            texts.append(answered)
            continue
        try:
            text, level = check(item)
            texts.append(text)
            levels.append(level)
        except NoUsableListError:
            return texts, levels, failed, item
        except KefuguardError as e:
            failed = True
            texts.append(answer_error(item, e))
    return texts, levels, failed, None
