"""`check-url --json -` and `check-text --json -` as batch tools: stdin read in what has arrived,
answered in order, without holding a hostile line in memory and without waiting for EOF."""

from __future__ import annotations

import io
import json
import os
import selectors
import shutil
import subprocess
import sys
import time

import pytest

from kefuguard.cli.batch_io import stdin_batches
from tests.conftest import subprocess_env


class Trickle(io.RawIOBase):
    """A raw stream that returns the given chunks one read at a time, as a pipe does."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = list(chunks)

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        if not self.chunks:
            return 0
        chunk = self.chunks.pop(0)
        buf[: len(chunk)] = chunk
        return len(chunk)


def lines_of(chunks: list[bytes], max_line: int = 100) -> list:
    stream = io.BufferedReader(Trickle(chunks), buffer_size=1 << 16)
    lines = [line for batch in stdin_batches(stream, max_line) for line in batch]
    return [line if problem is None else problem.code for line, problem in lines]


def test_lines_split_across_reads_join_and_crlf_and_missing_last_newline_are_handled():
    assert lines_of([b"https://a.com/\r\nhttps://b", b".com/\n\nhttps://c.com/"]) == [
        "https://a.com/",
        "https://b.com/",
        "",
        "https://c.com/",
    ]


def test_bad_utf8_and_over_long_lines_are_errors_in_place_and_the_rest_goes_on():
    long_line = [b"x" * 80, b"y" * 80, b"z" * 80 + b"\nafter\n"]  # 240 bytes over three reads
    assert lines_of([b"one\n\xff\xfe\n", *long_line, b"\xe6\xb7\x98\n"]) == [
        "one",
        "bad_utf8",
        "line_too_long",
        "after",
        "淘",
    ]
    assert lines_of([b"q" * 150]) == ["line_too_long"]  # no newline at the end either
    assert lines_of([b"q" * 100 + b"\n"]) == ["q" * 100]  # exactly the limit is fine


def test_each_read_is_one_batch():
    stream = io.BufferedReader(Trickle([b"a\nb\n", b"c\n"]))
    assert [[line for line, _ in batch] for batch in stdin_batches(stream)] == [["a", "b"], ["c"]]


def _read_line(proc: subprocess.Popen, timeout: float = 60.0) -> bytes:
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    data = b""
    while not data.endswith(b"\n"):
        assert sel.select(max(0.0, deadline - time.monotonic())), "no reply before the timeout"
        chunk = os.read(proc.stdout.fileno(), 1 << 16)
        assert chunk, "stdout closed"
        data += chunk
    return data


def _batch_process(home, command: str) -> subprocess.Popen:
    """`kefuguard <command> --json -` on pipes, for a test to feed and read line by line."""
    return subprocess.Popen(
        [sys.executable, "-m", "kefuguard", command, "--json", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=subprocess_env(home),
    )


def test_a_line_is_answered_before_the_next_arrives(home):
    """Interactive use (a script feeding one URL at a time) gets each reply at once, not at EOF."""
    proc = _batch_process(home, "check-url")
    try:
        for url, level in (("https://www.taobao.com/", "verified"), ("https://taobao-kefu.com/", "danger")):
            proc.stdin.write(url.encode() + b"\n")
            proc.stdin.flush()
            reply = json.loads(_read_line(proc))
            assert reply["url"] == url and reply["level"] == level
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
        proc.wait()


def test_big_batch_answers_every_line_in_order_with_a_hostile_line_inside(home):
    hosts = [f"https://shop{i}.example.org/p/{i}" for i in range(3000)]
    data = "\n".join(hosts[:1500]).encode() + b"\n" + b"h" * (17 << 20) + b"\n" + "\n".join(hosts[1500:]).encode()
    proc = subprocess.run(
        [sys.executable, "-m", "kefuguard", "check-url", "--json", "-"],
        input=data,
        capture_output=True,
        env=subprocess_env(home),
        timeout=120,
    )
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(out) == 3001 and proc.returncode == 1
    assert out[1500]["error"]["code"] == "line_too_long"
    assert [o["url"] for o in out[:1500] + out[1501:]] == hosts
    assert all(o["level"] == "none" for o in out[:1500] + out[1501:])


def test_closed_stdin_is_an_empty_batch_not_a_crash(home):
    proc = subprocess.run(
        [sys.executable, "-m", "kefuguard", "check-url", "--json", "-"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=subprocess_env(home),
        timeout=60,
        preexec_fn=lambda: os.close(0),
    )
    assert proc.returncode == 0 and proc.stdout == b"" and b"Traceback" not in proc.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args", [["check-url", "--json", "https://taobao.com/"], ["check-url", "https://taobao.com/"], ["status"]]
)
def test_a_full_disk_is_one_clear_error_not_a_traceback(home, args):
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "kefuguard", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            env=subprocess_env(home),
            timeout=60,
        )
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == [
        "kefuguard: cannot write the output: No space left on device",
        "  无法写出结果：No space left on device",
    ]


def test_any_chunking_gives_the_same_lines_as_splitting_the_whole_input():
    import random

    rng = random.Random(20261123)
    for _ in range(300):
        data = bytes(rng.choice(b"ab\n\r\xe6\xff") for _ in range(rng.randrange(0, 120)))
        cuts = sorted(rng.sample(range(1, len(data)), min(len(data) - 1, rng.randrange(0, 8)))) if len(data) > 1 else []
        chunks = [data[i:j] for i, j in zip([0, *cuts], [*cuts, len(data)], strict=True) if data[i:j]]
        expected = []
        for raw in data.split(b"\n")[: -1 if data.endswith(b"\n") else None] if data else []:
            line = raw[:-1] if raw.endswith(b"\r") else raw
            if len(raw) > 30:  # the limit counts the bytes before the newline, a CR included
                expected.append("line_too_long")
                continue
            try:
                expected.append(line.decode("utf-8"))
            except UnicodeDecodeError:
                expected.append("bad_utf8")
        assert lines_of(chunks, max_line=30) == expected, (data, chunks)


def _text_lines(n: int) -> list[str]:
    said = [
        "您好，我是淘宝客服，您的订单异常，需要给您双倍退款，请加QQ 2839475610",
        "【顺丰速运】您的快件已到达驿站，取件码 8-2-3011。",
        "Your package could not be delivered. Pay the $1.99 fee at parcel-fee.info",
        "好的，谢谢，我晚上去取",
    ]
    return [json.dumps({"text": f"{said[i % 4]} #{i}"}, ensure_ascii=False) for i in range(n)]


def _check_text(home, data: bytes, *extra: str, cores: str | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "kefuguard", "check-text", "--json", *extra, "-"]
    if cores is not None:
        command = ["taskset", "-c", cores, *command]
    return subprocess.run(command, input=data, capture_output=True, env=subprocess_env(home), timeout=300)


@pytest.mark.skipif(sys.platform != "linux" or not shutil.which("taskset") or len(os.sched_getaffinity(0)) < 2,
                    reason="needs Linux, taskset and two cores")
def test_bulk_text_on_every_core_answers_exactly_as_one_process(home):
    """A file of 3,000 messages with bad lines inside is checked by forked workers; the answers,
    their order, the errors in place and the exit code equal those of one process on one core."""
    lines = _text_lines(3000)
    lines[10], lines[1700] = "not json", "{\"text\": 5}"
    data = "\n".join(lines).encode() + b"\n\xff\xfe\n" + "\n".join(_text_lines(5)).encode() + b"\n"
    everywhere = _check_text(home, data, "--fail-on", "danger")
    one_core = _check_text(home, data, "--fail-on", "danger", cores="0")
    assert everywhere.stdout == one_core.stdout and everywhere.returncode == one_core.returncode != 0
    out = [json.loads(line) for line in everywhere.stdout.decode().splitlines()]
    assert len(out) == 3006
    assert out[10]["error"]["code"] == "bad_json" and out[3000]["error"]["code"] == "bad_utf8"
    assert out[0]["level"] == "danger" and out[1]["level"] == "none"
    assert b"Traceback" not in everywhere.stderr


def test_after_a_bulk_start_a_trickled_line_is_answered_before_the_next(home):
    """Bulk first (spread over cores), then one line at a time: each is answered without waiting."""
    proc = _batch_process(home, "check-text")
    try:
        proc.stdin.write("\n".join(_text_lines(600)).encode() + b"\n")
        proc.stdin.flush()
        got = b""
        while got.count(b"\n") < 600:
            got += _read_line(proc)
        for text, level in (("您好，我是京东客服，您的白条账户异常，将影响征信，请加QQ 2839475610 处理", "danger"), ("好的", "none")):
            proc.stdin.write(json.dumps({"text": text}, ensure_ascii=False).encode() + b"\n")
            proc.stdin.flush()
            assert json.loads(_read_line(proc))["level"] == level
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
        proc.wait()
