"""The `update` message: the host fetches from configured mirrors while it keeps answering checks."""

from __future__ import annotations

import pytest

from tests.conftest import make_signed, sign
from tests.lists.list_server import ListServer
from tests.protocol.hostproc import HostProcess, frame


@pytest.fixture
def server():
    s = ListServer().start()
    yield s
    s.stop()


def test_update_message_installs_a_newer_list_and_checks_keep_flowing(home, signing_key, server):
    key, pub = signing_key
    (home / "config.toml").write_text(f'[trust]\nkeys = ["{pub}"]\n[update]\nurls = ["{server.url()}"]\n')
    server.body = sign(make_signed(version=99_999_999_999_999), key)
    host = HostProcess(home, "chrome-extension://abcdefghijklmnopabcdefghijklmnop/")
    try:
        host.send(frame({"id": 1, "type": "update"}) + frame({"id": 2, "type": "check_url", "url": "https://jd.com/"}))
        replies = {r["id"]: r for r in (host.read_frame(), host.read_frame())}
        assert replies[2]["ok"] is True
        assert replies[1]["ok"] is True and replies[1]["result"]["status"] == "updated", replies[1]
        status = host.request({"id": 3, "type": "status"})["result"]
        assert status["version"] == 99_999_999_999_999 and status["publisher"] == "test-publisher"
        again = host.request({"id": 4, "type": "update"})
        assert again["result"]["status"] == "current"
        code, rest, stderr = host.finish()
        assert code == 0 and rest == [] and "Traceback" not in stderr
    finally:
        host.close()


def test_update_with_no_mirror_configured_is_an_error_reply_not_a_crash(home):
    host = HostProcess(home)
    try:
        reply = host.request({"id": 1, "type": "update"})
        assert reply["ok"] is True and reply["result"]["status"] == "failed"
        assert reply["result"]["code"] == "update.no_urls"
    finally:
        host.close()
