"""The `send_evidence` message over the real host process: the managed config names a loopback
endpoint; the host posts the intact file there and answers with the reply of evidence/send.py."""

from __future__ import annotations

import pytest

from tests.evidence.conftest import Made, made  # noqa: F401  (the fixture)
from tests.evidence.report_server import ReportServer
from tests.protocol.hostproc import HostProcess, frame


@pytest.fixture
def server():
    s = ReportServer().start()
    yield s
    s.stop()


def test_send_evidence_posts_the_file_and_checks_keep_flowing(home, tmp_path, made: Made, server):  # noqa: F811
    managed = tmp_path / "managed.toml"
    managed.write_text(f'[report]\nendpoint = "{server.url()}"\n')
    host = HostProcess(home, KEFUGUARD_MANAGED_CONFIG=str(managed))
    try:
        status = host.request({"id": 0, "type": "status"})["result"]
        assert status["config"]["report_endpoint"] == server.url()
        html = made.data.decode("utf-8")
        host.send(
            frame({"id": 1, "type": "send_evidence", "html": html})
            + frame({"id": 2, "type": "check_url", "url": "https://jd.com/"})
        )
        replies = {r["id"]: r for r in (host.read_frame(), host.read_frame())}
        assert replies[2]["ok"] is True
        assert replies[1] == {
            "id": 1,
            "ok": True,
            "result": {
                "status": "sent",
                "http_status": 200,
                "endpoint": server.url(),
                "fingerprint": made.fingerprint,
                "bytes": len(made.data),
            },
        }
        [got] = server.received
        assert got["body"] == made.data and got["headers"]["X-Kefuguard-Fingerprint"] == made.fingerprint
        tampered = html.replace("聊天记录", "聊天纪录", 1)
        reply = host.request({"id": 3, "type": "send_evidence", "html": tampered})
        assert reply["ok"] is False and reply["error"]["code"] == "report.not_intact"
        reply = host.request({"id": 4, "type": "send_evidence"})
        assert reply["ok"] is False and reply["error"]["code"] == "bad_request"
        assert len(server.received) == 1
        code, rest, stderr = host.finish()
        assert code == 0 and rest == [] and "Traceback" not in stderr
    finally:
        host.close()


def test_send_evidence_without_a_managed_endpoint_is_not_configured(home, made: Made, server):  # noqa: F811
    (home / "config.toml").write_text(f'[report]\nendpoint = "{server.url()}"\n')  # the user's file cannot
    host = HostProcess(home)
    try:
        status = host.request({"id": 0, "type": "status"})["result"]
        assert status["config"]["report_endpoint"] is None
        assert any("report endpoint" in p for p in status["config"]["problems"])
        reply = host.request({"id": 1, "type": "send_evidence", "html": made.data.decode("utf-8")})
        assert reply["ok"] is False and reply["error"]["code"] == "report.not_configured"
        assert server.received == []
    finally:
        host.close()
