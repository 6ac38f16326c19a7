"""A host's first `check_url` of a site an earlier host checked may be answered from that host's
results (protocol/known_verdicts.py), but only when it is the answer the engine would give: any
change to what the result depends on sends the request to the engine."""

from __future__ import annotations

import json
import os

import pytest

from tests.conftest import make_signed, sign, trust_key
from tests.protocol.hostproc import HostProcess, frame

URLS = [
    "https://www.taobao.com/",
    "https://taobao-kefu.com/refund?o=1#top",
    "http://www.example.com:8080/a/b?c=d",
    "https://WWW.JD.COM/",
    "https://shop.example.org/item.html",  # a '.' in the path: never reused by host
    "https://xn--taobao-9i5e.com/",
]


def known_of(home):
    return home / "index" / "known-verdicts.json"


def replies(home, requests):
    """The replies of one host started for these requests (sent at once, as a woken worker does)."""
    host = HostProcess(home)
    try:
        host.send(b"".join(frame(r) for r in requests))
        got = [host.read_frame() for _ in requests]
        code, rest, stderr = host.finish()
        assert code == 0 and rest == [] and "Traceback" not in stderr
        return got
    finally:
        host.close()


def checks(urls, first_id=1):
    return [{"id": i, "type": "check_url", "url": u} for i, u in enumerate(urls, start=first_id)]


def tamper(home, host_name):
    """Mark one stored result so that an answer taken from the snapshot shows it."""
    snap = json.loads(known_of(home).read_text())
    tail = json.loads(snap["tails"][host_name])
    tail["advice"] = ["from the known verdicts"]
    snap["tails"][host_name] = json.dumps(tail, ensure_ascii=False, separators=(",", ":"))
    known_of(home).write_text(json.dumps(snap, ensure_ascii=False))
    return snap


def test_answers_from_known_verdicts_equal_the_engine_answers(home):
    replies(home, [{"id": 0, "type": "status"}])  # the first load records the version seen
    computed = replies(home, checks(URLS))
    assert known_of(home).exists()
    if os.name == "posix":  # it names sites the user opened: theirs alone to read
        assert known_of(home).stat().st_mode & 0o777 == 0o600
    stored = json.loads(known_of(home).read_text())["tails"]
    assert "www.taobao.com" in stored and "WWW.JD.COM" in stored
    assert "shop.example.org" not in stored  # its verdict may depend on the path
    mtime = known_of(home).stat().st_mtime_ns
    again = replies(home, checks(URLS[:4], first_id=1))
    assert again == computed[:4]
    assert known_of(home).stat().st_mtime_ns == mtime  # nothing new checked: not written again
    string_ids = replies(
        home, [{"id": "tab-7", "type": "check_url", "url": URLS[0]}, {**checks(URLS[:1])[0], "id": None}]
    )
    assert string_ids[0] == {**computed[0], "id": "tab-7"} and string_ids[1] == {**computed[0], "id": None}


def test_a_known_site_is_answered_without_the_engine(home):
    replies(home, [{"id": 0, "type": "status"}])
    replies(home, checks(URLS[:1]))
    tamper(home, "www.taobao.com")
    first = replies(home, checks([URLS[0]]))[0]
    assert first["result"]["advice"] == ["from the known verdicts"]
    # a bad request is the engine's to answer, as before
    bad = replies(home, [{"id": 1, "type": "check_url", "url": URLS[0], "tab_url": 5}])[0]
    assert bad["ok"] is False and bad["error"]["code"] == "bad_request"


@pytest.mark.parametrize(
    "change", ["install_list", "user_config", "managed_config", "host_version", "expired", "corrupt"]
)
def test_any_input_change_sends_the_check_to_the_engine(home, signing_key, change):
    key, pub = signing_key
    trust_key(home, pub)
    replies(home, [{"id": 0, "type": "status"}])
    replies(home, checks(URLS[:1]))
    snap = tamper(home, "www.taobao.com")
    if change == "install_list":
        (home / "lists").mkdir(exist_ok=True)
        (home / "lists" / "main.json").write_bytes(sign(make_signed(version=10**15), key))
    elif change == "user_config":
        (home / "config.toml").write_text(f'[trust]\nkeys = ["{pub}"]\n[update]\ninterval_hours = 5\n')
    elif change == "managed_config":  # where IT may lock the keys, only a verified list decides
        (home / "no-managed.toml").write_text("[update]\ninterval_hours = 5\n")
    elif change == "host_version":
        known_of(home).write_text(json.dumps({**snap, "host_version": "0.0.0"}))
    elif change == "expired":
        known_of(home).write_text(json.dumps({**snap, "fresh_until": "2020-01-01T00:00:00Z"}))
    else:
        known_of(home).write_bytes(b"{not json")
    first = replies(home, checks([URLS[0]]))[0]
    assert first["ok"] is True and first["result"]["advice"] != ["from the known verdicts"]


def test_a_host_leaves_its_lookalike_index_and_the_next_one_answers_the_same(home):
    """At its clean exit a host keeps the list's parsed brands and lookalike index beside the
    compiled list (detect/url/brand_index_file.py); the next host reads them: same replies."""

    def kept():
        return sorted(p.name.split("-")[0] for p in (home / "index").glob("*/brand*-*"))

    # never reused by host (a '.' in the path): every reply is worked out by the engine
    urls = [u for u in URLS if "." in u.split("/", 3)[-1]] + ["https://paypa1-login.top/a.html"]
    replies(home, [{"id": 0, "type": "status"}])
    for path in (home / "index").glob("*/brand*-*"):
        path.unlink()
    built = replies(home, checks(urls))  # this host builds them, and keeps them as it exits
    assert kept() == ["brand", "brands"]
    read = replies(home, checks(urls))
    assert read == built
    assert read[-1]["result"]["level"] == "danger"


def test_a_known_site_with_a_run_together_sign_in_path_goes_to_the_engine(home):
    """The engine looks at such a path ('/accountlogin') whatever the host's result: so must the snapshot."""
    replies(home, [{"id": 0, "type": "status"}])
    replies(home, checks(["https://www.example.com/"]))
    tamper(home, "www.example.com")
    url = "https://www.example.com/accountlogin"
    first = replies(home, checks([url, "https://www.example.com/account"]))
    assert first[0]["result"]["advice"] != ["from the known verdicts"]
    assert first[0]["result"]["url"] == url
    assert first[1]["result"]["advice"] == ["from the known verdicts"]  # a plain path still is
