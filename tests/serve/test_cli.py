"""`kefuguard serve` as a real process: refusals, the token, SIGTERM's drain, several workers."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time

import pytest

from kefuguard.serve.run import reuse_port_supported
from tests.conftest import subprocess_env
from tests.serve.conftest import TOKEN, call


def serve_cmd(home, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kefuguard", "serve", *args],
        env=subprocess_env(home),
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_help_gives_examples_and_exit_codes(home):
    proc = serve_cmd(home, "--help")
    assert proc.returncode == 0
    assert "examples:\n  kefuguard serve" in proc.stdout
    codes = proc.stdout.split("exit codes:\n", 1)[1]
    assert re.search(r"^  0  ", codes, re.M) and re.search(r"^  2  usage", codes, re.M)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "example.org"])
def test_listening_beyond_loopback_without_a_token_is_refused(home, host):
    proc = serve_cmd(home, "--host", host, "--port", "0")
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("kefuguard serve: refusing to listen on") and "--token-file" in lines[0]


def test_a_weak_or_malformed_token_file_is_refused(home, tmp_path):
    short = tmp_path / "short"
    short.write_text("x" * 31 + "\n")
    two = tmp_path / "two"
    two.write_text(TOKEN + "\n" + TOKEN + "\n")
    for path, words in ((short, "31 characters"), (two, "one line"), (tmp_path / "missing", "cannot read")):
        proc = serve_cmd(home, "--host", "0.0.0.0", "--port", "0", "--token-file", str(path))
        assert proc.returncode == 2, proc.stderr
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], proc.stderr


def test_a_port_in_use_is_exit_1_with_one_line(home):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = serve_cmd(home, "--port", str(port))
    assert proc.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in proc.stderr


def test_with_a_token_file_it_listens_on_every_interface_and_asks_for_the_token(home, tmp_path, serve_process):
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")
    token_file.chmod(0o600)
    server = serve_process("--host", "0.0.0.0", "--port", "0", "--token-file", str(token_file))
    port = server.wait_listening()
    assert "token required" in server.wait_for_line("listening on")
    assert call(port, "GET", "/v1/status").status == 401
    assert call(port, "GET", "/v1/status", token="wrong" + TOKEN).status == 401
    assert call(port, "GET", "/v1/status", token=TOKEN).status == 200
    assert call(port, "GET", "/healthz").status == 200
    reply = call(port, "POST", "/v1/check/contact", {"contact": "+86 95188"}, token=TOKEN)
    assert reply.status == 200 and reply.json()["result"]["brand"] == "alipay"
    server.proc.send_signal(signal.SIGTERM)
    assert server.proc.wait(30) == 0


def test_sigterm_lets_a_slow_request_in_flight_finish_and_exits_0(home, serve_process):
    server = serve_process("--port", "0")
    port = server.wait_listening()
    body = b'{"url": "https://taobao-kefu.com/"}'
    slow = socket.create_connection(("127.0.0.1", port))
    try:
        slow.sendall(
            b"POST /v1/check/url HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body[:10]
        )
        time.sleep(0.3)  # the handler is now reading the body
        server.proc.send_signal(signal.SIGTERM)
        server.wait_for_line("stopping")
        deadline = time.monotonic() + 10
        while True:  # no new connections once stopping
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
            except ConnectionRefusedError:
                break
            assert time.monotonic() < deadline, "still accepting connections after SIGTERM"
            time.sleep(0.05)
        assert server.proc.poll() is None  # waiting for the request in flight
        time.sleep(0.5)
        slow.sendall(body[10:])
        slow.settimeout(30)
        response = b""
        while chunk := slow.recv(65536):
            response += chunk
            if b'"level"' in response and response.endswith(b"}"):
                break
    finally:
        slow.close()
    assert response.startswith(b"HTTP/1.1 200"), response[:200]
    assert b'"level":"danger"' in response
    assert b"\r\nConnection: close\r\n" in response  # no further request on it
    assert server.proc.wait(30) == 0
    assert "Traceback" not in "".join(server.stderr)


@pytest.mark.skipif(not reuse_port_supported(), reason="several workers need SO_REUSEPORT load-balancing (Linux)")
def test_several_workers_share_one_port_and_stop_together(home, serve_process):
    port = free_port()
    server = serve_process("--port", str(port), "--workers", "2")
    server.wait_listening()
    deadline = time.monotonic() + 60
    while sum("listening on" in line for line in server.stderr) < 2:
        assert time.monotonic() < deadline, "".join(server.stderr)
        time.sleep(0.05)
    pids = set()
    for _ in range(40):  # new connections: the kernel spreads them over both workers
        text = call(port, "GET", "/metrics").text
        pids.add(re.search(r'kefuguard_process_start_time_seconds\{pid="(\d+)"\}', text).group(1))
        assert call(port, "POST", "/v1/check/url", {"url": "https://www.taobao.com/"}).status == 200
    assert len(pids) == 2
    server.proc.send_signal(signal.SIGTERM)
    assert server.proc.wait(60) == 0
    assert sum("stopped" in line for line in server.stderr) == 2


@pytest.mark.skipif(not reuse_port_supported(), reason="several workers need SO_REUSEPORT load-balancing (Linux)")
def test_a_worker_that_dies_stops_the_others_and_the_parent_exits_1_for_the_supervisor(home, serve_process):
    port = free_port()
    server = serve_process("--port", str(port), "--workers", "2")
    server.wait_listening()
    deadline = time.monotonic() + 60
    while sum("listening on" in line for line in server.stderr) < 2:
        assert time.monotonic() < deadline, "".join(server.stderr)
        time.sleep(0.05)
    pids: set[int] = set()
    while len(pids) < 2:  # the kernel spreads new connections over both workers
        assert time.monotonic() < deadline, pids
        text = call(port, "GET", "/metrics").text
        pids.add(int(re.search(r'kefuguard_process_start_time_seconds\{pid="(\d+)"\}', text).group(1)))
    victim, survivor = sorted(pids)
    os.kill(victim, signal.SIGKILL)  # out of memory, a crash: not a stop anyone asked for
    assert server.proc.wait(60) == 1
    log = "".join(server.stderr)
    assert f"(pid {victim}) exited with -9; stopping the others" in log
    with pytest.raises(ProcessLookupError):
        os.kill(survivor, 0)  # the other worker stopped too: nothing half-serves the port
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_several_workers_need_a_fixed_port(home):
    proc = serve_cmd(home, "--port", "0", "--workers", "2")
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
