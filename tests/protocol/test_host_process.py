"""The real host process over real pipes: every kind of bad input gets an error reply or a
clean exit, never a traceback on stdout, never a hang."""

from __future__ import annotations

import struct
import subprocess
import sys
import threading

import pytest

from tests.conftest import subprocess_env
from tests.protocol.hostproc import HEADER, HostProcess, frame, parse_frames, raw_frame


@pytest.fixture
def host(home):
    h = HostProcess(home, "chrome-extension://abcdefghijklmnopabcdefghijklmnop/")
    yield h
    h.close()


def assert_no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr


def test_status_then_clean_exit_when_browser_closes_the_port(host, home):
    reply = host.request({"id": 1, "type": "status"})
    assert reply["id"] == 1 and reply["ok"] is True
    assert reply["result"]["publisher"] == "kefu-guard" and reply["result"]["host_version"]
    code, rest, stderr = host.finish()
    assert (code, rest) == (0, [])
    assert_no_traceback(stderr)


def test_check_url_replies_keep_ids_and_give_verified_then_none(host):
    host.send(frame({"id": "a", "type": "check_url", "url": "https://www.taobao.com/"}))
    host.send(frame({"id": 2, "type": "check_url", "url": "https://example.org/", "tab_url": "https://x.org/"}))
    first, second = host.read_frame(), host.read_frame()
    assert (first["id"], first["result"]["level"], first["result"]["brand"]) == ("a", "verified", "taobao")
    assert (second["id"], second["result"]["level"]) == (2, "none")


def test_caller_is_recorded_in_the_log_for_chrome_and_firefox(home):
    chrome = HostProcess(home, "chrome-extension://abcdefghijklmnopabcdefghijklmnop/", "--parent-window=0")
    chrome.request({"id": 1, "type": "status"})
    chrome.finish()
    firefox = HostProcess(
        home, "/usr/lib/mozilla/native-messaging-hosts/org.kefuguard.host.json", "kefuguard@example.org"
    )
    firefox.request({"id": 1, "type": "status"})
    firefox.finish()
    log = (home / "log" / "host.log").read_text()
    assert "origin chrome-extension://abcdefghijklmnopabcdefghijklmnop/" in log
    assert "add-on kefuguard@example.org" in log


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"\xff\xfe\x00garbage", "bad_utf8"),
        (b'{"id": 1, "type": ', "bad_json"),
        (b"[1, 2, 3]", "bad_request"),
        (b'"status"', "bad_request"),
        (b'{"id": 1, "type": "format_disk"}', "unknown_type"),
        (b'{"id": 1}', "bad_request"),
        (b'{"id": 1, "type": 7}', "bad_request"),
        (b'{"id": {"x": 1}, "type": "status"}', "bad_request"),
        (b'{"id": 1, "type": "check_url"}', "bad_request"),
        (b'{"id": 1, "type": "check_url", "url": 42}', "bad_url"),
        (b'{"id": 1, "type": "check_url", "url": "javascript:alert(1)"}', "bad_url"),
        (b'{"id": 1, "type": "check_url", "url": "https://x.org", "tab_url": []}', "bad_request"),
        (b'{"id": 1, "type": "check_chat", "url": "https://x.org", "messages": "hi"}', "bad_request"),
        (b'{"id": 1, "type": "check_chat", "messages": [{"text": 5}]}', "bad_request"),
        (b'{"id": 1, "type": "check_chat", "messages": [{"text": "x", "direction": "sideways"}]}', "bad_request"),
        (b'{"id": 1, "type": "check_page", "url": "https://x.org"}', "bad_request"),
        (b'{"id": 1, "type": "check_page", "url": "https://x.org", "page": {"title": 5}}', "bad_request"),
        (b'{"id": 1, "type": "check_page", "url": "https://x.org", "page": {"fields": ["pin"]}}', "bad_request"),
        (b'{"id": 1, "type": "check_page", "url": "file:///etc/passwd", "page": {}}', "bad_url"),
        (b'{"id": 1, "type": "update", "url": "https://attacker.example/"}', "bad_request"),
        (b"[" * 100000, "bad_json"),
        (b'{"id": 1, "type": "status", "n": ' + b"9" * 5000 + b"}", "bad_json"),  # over Python's int digit limit
        (b"", "bad_json"),
    ],
)
def test_bad_request_gets_an_error_reply_and_the_host_keeps_serving(host, body, code):
    host.send(raw_frame(body))
    reply = host.read_frame()
    assert reply["ok"] is False and reply["error"]["code"] == code, reply
    assert reply["error"]["message"]
    assert host.request({"id": 99, "type": "status"})["ok"] is True
    exit_code, rest, stderr = host.finish()
    assert exit_code == 0 and rest == []
    assert_no_traceback(stderr)


@pytest.mark.parametrize(
    "data",
    [b"\x05", b"\x05\x00", b"\x05\x00\x00", HEADER.pack(100) + b'{"id": 1', HEADER.pack(10**6) + b"x" * 1000],
    ids=["1-byte header", "2-byte header", "3-byte header", "short body", "length beyond stream"],
)
def test_broken_stream_exits_cleanly_without_output(host, data):
    host.send(data)
    code, frames, stderr = host.finish()
    assert frames == [] and code in (0, 1)
    assert_no_traceback(stderr)


def test_length_over_64_mib_is_refused_before_reading(host):
    host.send(struct.pack("=I", 64 * 1024 * 1024 + 1))  # and no body at all: must not wait for it
    reply = host.read_frame()
    assert reply["ok"] is False and reply["error"]["code"] == "frame_too_large"
    code, rest, stderr = host.finish(timeout=10)
    assert rest == [] and code == 1
    assert_no_traceback(stderr)


def test_ten_megabyte_text_is_answered(host):
    text = "您的订单异常，请联系客服退款 " * (10 * 1024 * 1024 // 40)
    reply = host.request({"id": 5, "type": "check_chat", "url": "https://example.org/", "messages": [{"text": text}]})
    assert reply["id"] == 5 and reply["ok"] is True
    assert reply["result"]["messages"][0]["truncated"] is True


def test_a_chat_over_the_character_budget_is_refused_and_the_host_stays_responsive(host):
    """1,000 messages of 20,000 characters held the host 2.9 s; the budget is 1,000,000 analysed."""
    text = "Your parcel is held, pay the fee at https://usps-redeliver.top now. " * (20_000 // 66)
    heavy = [{"text": text} for _ in range(1_000)]
    reply = host.request({"id": 9, "type": "check_chat", "messages": heavy})
    assert reply["id"] == 9 and reply["ok"] is False and reply["error"]["code"] == "bad_request"
    assert "1,000,000 characters" in reply["error"]["message"]
    assert host.request({"id": 10, "type": "status"})["ok"] is True
    # the extension's whole batch (50 messages, each cut to the analysed 20,000) fits the budget
    fits = [{"text": (text * 2)[:20_000]} for _ in range(50)]
    assert host.request({"id": 11, "type": "check_chat", "messages": fits})["ok"] is True


def test_nul_bytes_and_lone_surrogates_are_answered(host):
    body = b'{"id": 6, "type": "check_chat", "messages": [{"text": "a\\u0000b\\ud800c\\udfff", "sender": "\\ud83d"}]}'
    host.send(raw_frame(body))
    reply = host.read_frame()
    assert reply["id"] == 6 and reply["ok"] is True
    url_reply = host.request({"id": 7, "type": "check_url", "url": "https://exa\u0000mple.org/\ud800"})
    assert url_reply["id"] == 7 and url_reply["ok"] is False and url_reply["error"]["code"] == "bad_url"


def test_ten_thousand_pipelined_requests_without_reading_replies(host):
    n = 10_000
    urls = ["https://www.taobao.com/", "https://example.org/", "https://item.jd.com/1.html", "not a url at all"]
    payload = b"".join(
        frame({"id": i, "type": "check_url", "url": urls[i % len(urls)]})
        if i % 100
        else frame({"id": i, "type": "status"})
        for i in range(n)
    )
    writer = threading.Thread(target=host.send, args=(payload,))
    writer.start()  # a thread only so that a host that stopped reading fails the test instead of hanging it
    writer.join(timeout=120)
    assert not writer.is_alive(), "host stopped reading while its replies were not read"
    code, frames, stderr = host.finish(timeout=120)
    assert code == 0
    assert [f["id"] for f in frames] == list(range(n))
    assert all(f["ok"] for i, f in enumerate(frames) if urls[i % len(urls)] != "not a url at all" or i % 100 == 0)
    assert frames[1]["result"]["level"] == "none" and frames[4]["result"]["level"] == "verified"
    assert_no_traceback(stderr)


def test_reply_over_one_mib_is_replaced_by_an_error(host):
    messages = [{"text": "see https://evil-" + "x" * 900 + ".example/ now"} for _ in range(200)]
    reply = host.request({"id": 8, "type": "check_chat", "messages": messages})
    assert reply["id"] == 8
    assert reply["ok"] is True or reply["error"]["code"] == "reply_too_large"


def test_nothing_but_frames_reaches_stdout_even_when_code_prints(home):
    # a handler that prints (as a careless library might) must not corrupt the frame stream
    script = (
        "import sys\n"
        "from kefuguard.protocol import dispatch\n"
        "original = dispatch.Dispatcher.frame_for\n"
        "def noisy(self, *a):\n"
        "    print('noise from a library'); sys.stdout.write('more noise\\n')\n"
        "    return original(self, *a)\n"
        "dispatch.Dispatcher.frame_for = noisy\n"
        "from kefuguard.protocol.launch import run_host\n"
        "sys.exit(run_host([]))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        input=frame({"id": 1, "type": "status"}),
        capture_output=True,
        env=subprocess_env(home),
        timeout=60,
    )
    frames = parse_frames(proc.stdout)
    assert [f["id"] for f in frames] == [1]
    assert b"noise from a library" in proc.stderr


def test_leading_check_urls_are_answered_before_the_loop_then_everything_else_in_order(host):
    """protocol/early_checks.py answers check_url frames that come first; the rest (here a malformed
    frame, a status and a check_chat) goes to the full host untouched, and the order holds."""
    host.send(
        frame({"id": 1, "type": "check_url", "url": "https://www.taobao.com/"})
        + frame({"id": 2, "type": "check_url", "url": "not a url"})
        + raw_frame(b"{not json")
        + frame({"id": 3, "type": "status"})
        + frame({"id": 4, "type": "check_chat", "messages": [{"text": "您好"}]})
        + frame({"id": 5, "type": "check_url", "url": "https://taobao-kefu.com/"})
    )
    replies = [host.read_frame() for _ in range(6)]
    assert [r["id"] for r in replies] == [1, 2, None, 3, 4, 5]
    assert replies[0]["result"]["level"] == "verified"
    assert replies[1]["error"]["code"] == "bad_url"
    assert replies[2]["error"]["code"] == "bad_json"
    assert replies[3]["ok"] and replies[4]["ok"] and replies[5]["result"]["level"] == "danger"
    code, rest, stderr = host.finish()
    assert code == 0 and rest == []
    assert_no_traceback(stderr)


def test_an_early_check_then_the_end_of_input_exits_cleanly(host):
    host.send(frame({"id": 1, "type": "check_url", "url": "https://www.jd.com/"}))
    code, rest, stderr = host.finish()
    assert code == 0 and [r["id"] for r in rest] == [1] and rest[0]["result"]["level"] == "verified"
    assert_no_traceback(stderr)


def test_a_page_naming_a_bank_and_asking_for_its_password_is_answered_with_the_banks_site(host):
    page = {"title": "中国工商银行个人网上银行", "fields": ["password"]}
    reply = host.request({"id": 12, "type": "check_page", "url": "https://xk2j9.top/login", "page": page})
    assert reply["id"] == 12 and reply["ok"] is True
    result = reply["result"]
    assert result["level"] == "danger" and result["reasons"][0]["code"] == "page.brand_claim"
    assert result["reasons"][0]["official"] == "icbc.com.cn"
