"""The message vocabulary is checked on both sides: the background refuses malformed requests and
extension-page-only kinds from web pages; the content script refuses to send malformed ones."""

from __future__ import annotations

import json

import pytest

from tests.browser.harness import EXTENSION_DIR, EXTENSION_ORIGIN, ContentScriptWorld


@pytest.fixture
def content_world(open_page):
    page = open_page("shop.example.com", "/chat.html?vocabulary")
    page.wait_for_function("() => !!window.testChat")
    world = ContentScriptWorld(page)
    yield world.evaluate
    world.close()


def send_raw(evaluate, message: dict) -> dict:
    return evaluate(f"chrome.runtime.sendMessage({json.dumps(message)})")


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ({"kind": "debug_stats"}, "forbidden"),
        ({"kind": "popup_state"}, "forbidden"),
        ({"kind": "retry_host"}, "forbidden"),
        ({"kind": "no_such_kind"}, "bad_message"),
        ({"kind": "check_link", "url": "javascript:alert(1)"}, "bad_message"),
        ({"kind": "check_link", "url": "https://a.example/", "extra": 1}, "bad_message"),
        ({"kind": "check_chat", "url": "https://a.example/", "messages": []}, "bad_message"),
        (
            {"kind": "check_chat", "url": "https://a.example/", "messages": [{"text": "hi", "direction": "sideways"}]},
            "bad_message",
        ),
        ({"kind": "check_chat", "url": "https://a.example/", "messages": [{"text": "x"}] * 51}, "bad_message"),
    ],
)
def test_background_refuses_bad_or_privileged_requests_from_pages(content_world, message, code):
    reply = send_raw(content_world, message)
    assert reply["ok"] is False
    assert reply["error"]["code"] == code


def test_background_answers_a_well_formed_request_from_a_page(content_world):
    reply = send_raw(content_world, {"kind": "check_link", "url": "http://taobao-kefu.com/refund"})
    assert reply["ok"] is True
    assert reply["result"]["level"] == "danger"


def test_content_side_refuses_to_send_a_malformed_request(content_world):
    error = content_world(
        "KefuGuard.messaging.send('check_chat', {url: location.href, messages: [{text: ''}]})"
        ".then(() => 'sent', (e) => e.message)"
    )
    assert "not sending check_chat" in error


def test_extension_pages_may_ask_for_debug_stats(browser):
    page = browser.context.new_page()
    try:
        page.goto(f"{EXTENSION_ORIGIN}ui/report.html")
        reply = page.evaluate("() => chrome.runtime.sendMessage({kind: 'debug_stats'})")
        assert reply["ok"] is True
        assert reply["host"]["state"] in ("connected", "connecting", "idle", "exited")
        assert "check_url" in reply["host"]["latency"] or reply["host"]["state"] != "connected"
    finally:
        page.close()


def test_a_chat_batch_respects_the_hosts_character_budget(content_world):
    """A check_chat never carries more full-length texts than the host's chat_chars_analysed."""
    limits = json.loads((EXTENSION_DIR / "common" / "host-messages.json").read_text())["limits"]
    batch = content_world(
        f"""(() => {{
            const v = KefuGuard.vocabulary;
            const host = {json.dumps(limits)};
            const full = v.useHostLimits(host).batch;
            const tight = v.useHostLimits({{...host, chat_chars_analysed: 5 * host.text_chars_analysed}}).batch;
            const old = {{...host}}; delete old.chat_chars_analysed;
            const none = v.useHostLimits(old).batch;
            v.useHostLimits(host);
            return [full, tight, none];
        }})()"""
    )
    assert batch == [50, 5, 50]
