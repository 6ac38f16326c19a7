"""Sending an evidence file to the report endpoint (evidence/send.py): a real aiohttp server on
127.0.0.1; what it receives, and each failure's code. A file that is not intact never opens a
connection."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from pathlib import Path

import pytest

from kefuguard.config import load_settings
from kefuguard.evidence.send import ReportError, SendTimeouts, send_evidence
from kefuguard.paths import Places
from tests.evidence.conftest import Made, kefuguard
from tests.evidence.report_server import ReportServer, self_signed, server_context


@pytest.fixture
def server():
    s = ReportServer().start()
    yield s
    s.stop()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tamper(data: bytes) -> bytes:
    """The view's text changed: one word of the file's visible part."""
    changed = data.replace("聊天记录".encode(), "聊天纪录".encode(), 1)
    assert changed != data
    return changed


def send(data: bytes, endpoint: str | None, **kw) -> dict:
    return asyncio.run(send_evidence(data, endpoint, **kw))


def refused(data: bytes, endpoint: str | None, **kw) -> ReportError:
    with pytest.raises(ReportError) as e:
        send(data, endpoint, **kw)
    return e.value


def test_an_intact_file_reaches_the_endpoint_byte_for_byte_with_its_fingerprint(made: Made, server):
    reply = send(made.data, server.url())
    assert reply == {
        "status": "sent",
        "http_status": 200,
        "endpoint": server.url(),
        "fingerprint": made.fingerprint,
        "bytes": len(made.data),
    }
    [got] = server.received
    assert got["body"] == made.data
    assert got["headers"]["X-Kefuguard-Fingerprint"] == made.fingerprint
    assert got["headers"]["Content-Type"] == "text/html; charset=utf-8"
    assert got["headers"]["X-Kefuguard-Version"]


def test_a_server_error_is_report_http_status_with_the_status(made: Made, server):
    e = refused(made.data, server.url("/status/500"))
    assert e.code == "report.http_status" and e.http_status == 500 and "500" in e.message
    assert len(server.received) == 1


def test_a_dead_port_is_report_unreachable(made: Made):
    e = refused(made.data, f"http://127.0.0.1:{free_port()}/evidence")
    assert e.code == "report.unreachable", e.message


def test_a_server_that_does_not_answer_is_a_timeout(made: Made, server):
    started = time.monotonic()
    e = refused(made.data, server.url("/slow"), timeouts=SendTimeouts(connect=1.0, total=0.5))
    assert e.code == "report.timeout"
    assert time.monotonic() - started < 5


def test_a_certificate_the_system_does_not_trust_is_report_tls(made: Made, tmp_path: Path):
    server = ReportServer(server_context(*self_signed(tmp_path))).start()
    try:
        e = refused(made.data, server.url())
        assert e.code == "report.tls", e.message
        assert server.received == []
    finally:
        server.stop()


def test_https_with_a_trusted_certificate_is_sent(made: Made, tmp_path: Path):
    """Through the CLI, with the test certificate as the trusted roots (SSL_CERT_FILE)."""
    cert, key = self_signed(tmp_path)
    server = ReportServer(server_context(cert, key)).start()
    try:
        home = tmp_path / "home"
        home.mkdir()
        (home / "no-managed.toml").write_text(f'[report]\nendpoint = "{server.url()}"\n')
        proc = kefuguard(home, "evidence", "send", "--json", str(made.path), env={"SSL_CERT_FILE": str(cert)})
        assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()
        assert json.loads(proc.stdout)["endpoint"].startswith("https://127.0.0.1:")
        assert server.received[0]["body"] == made.data
    finally:
        server.stop()


def test_no_endpoint_is_not_configured(made: Made):
    assert refused(made.data, None).code == "report.not_configured"
    assert refused(made.data, "").code == "report.not_configured"


def test_a_plain_http_endpoint_off_loopback_is_refused_without_a_connection(made: Made):
    assert refused(made.data, "http://security.example.com/evidence").code == "report.not_configured"


def test_a_file_over_max_bytes_is_too_large_and_not_sent(made: Made, server):
    e = refused(made.data, server.url(), max_bytes=len(made.data) - 1)
    assert e.code == "report.too_large"
    assert server.received == []


def test_a_tampered_file_is_refused_before_any_connection(made: Made, server):
    tampered = tamper(made.data)
    assert tampered != made.data
    e = refused(tampered, server.url())
    assert e.code == "report.not_intact"
    assert refused(b"<html>just a page</html>", server.url()).code == "report.not_evidence"
    assert server.received == []


def test_the_endpoint_comes_only_from_the_managed_config(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    managed = tmp_path / "managed.toml"
    places = Places(data_dir=home, config_file=home / "config.toml", log_dir=home, managed_config=managed)
    (home / "config.toml").write_text('[report]\nendpoint = "https://attacker.example/collect"\n')
    s = load_settings(places)
    assert s.report_endpoint is None
    assert any("report endpoint can only be set in the managed config" in p for p in s.problems)
    managed.write_text('[report]\nendpoint = "https://security.example.com/kefuguard/evidence"\nmax_bytes = 1000\n')
    s = load_settings(places)
    assert s.report_endpoint == "https://security.example.com/kefuguard/evidence"
    assert s.report_max_bytes == 1000 and "report.endpoint" in s.managed
    managed.write_text('[report]\nendpoint = "http://security.example.com/evidence"\n')
    s = load_settings(places)
    assert s.report_endpoint is None and any("report.endpoint" in p for p in s.problems)
    managed.write_text('[report]\nendpoint = "http://127.0.0.1:8080/evidence"\n')
    assert load_settings(places).report_endpoint == "http://127.0.0.1:8080/evidence"


def test_cli_send(made: Made, server, tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "no-managed.toml").write_text(f'[report]\nendpoint = "{server.url()}"\n')
    proc = kefuguard(home, "evidence", "send", "--json", str(made.path))
    assert proc.returncode == 0, proc.stderr.decode()
    reply = json.loads(proc.stdout)
    assert reply["status"] == "sent" and reply["fingerprint"] == made.fingerprint
    assert server.received[-1]["body"] == made.data
    proc = kefuguard(home, "evidence", "send", str(made.path))
    assert proc.returncode == 0 and made.fingerprint in proc.stdout.decode()
    tampered = tmp_path / "tampered.html"
    tampered.write_bytes(tamper(made.data))
    before = len(server.received)
    proc = kefuguard(home, "evidence", "send", str(tampered))
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert "report.not_intact" in err and "证据文件" in err
    assert len(server.received) == before
    (home / "no-managed.toml").unlink()
    proc = kefuguard(home, "evidence", "send", "--json", str(made.path))
    assert proc.returncode == 2
    assert json.loads(proc.stdout)["error"]["code"] == "report.not_configured"
