"""The background takes a page's address from the browser (the message's sender), never from what
the content script says: a content script that lies (a compromised or confused one) cannot make the
badge or the popup show another page's verdict for its tab."""

from __future__ import annotations

import json

from tests.browser.harness import ContentScriptWorld, wait_for

DANGER_BANNER = "kefuguard-banner[data-kefuguard-level='danger']"


def _tab_entry(browser, tab: int) -> dict:
    return browser.worker.evaluate(
        "(tabId) => { const e = globalThis.kefuguardBackground.tabs.get(tabId);"
        " return e ? {url: e.url, level: e.page && e.page.level} : null; }",
        tab,
    )


def test_check_page_with_a_forged_url_records_the_senders_page(browser, open_page):
    page = open_page("taobao-kefu.com", "/shop.html?forged")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    tab = browser.tab_id(page)
    assert wait_for(lambda: browser.badge(tab)["text"] == "!!")
    official = browser.url("www.taobao.com", "/shop.html")
    world = ContentScriptWorld(page)
    try:
        reply = world.evaluate(f"chrome.runtime.sendMessage({json.dumps({'kind': 'check_page', 'url': official})})")
    finally:
        world.close()
    assert reply["ok"], reply
    # the answer is about the page the tab shows, not about the address the script named
    assert reply["result"]["level"] == "danger"
    assert reply["result"]["host"] == "taobao-kefu.com"
    assert _tab_entry(browser, tab) == {"url": page.url, "level": "danger"}
    assert browser.badge(tab)["text"] == "!!"
    popup = browser.popup(tab)
    try:
        assert popup.get_attribute("#verdict", "data-level") == "danger"
        assert popup.inner_text("#verdict-host") == "taobao-kefu.com"
    finally:
        popup.close()


def test_check_chat_sends_the_host_the_senders_page_not_the_messages(browser, open_page):
    page = open_page("www.taobao.com", "/shop.html?forged-chat")
    tab = browser.tab_id(page)
    assert wait_for(lambda: browser.badge(tab)["text"] == "\u2713")
    # what the background asks the host, seen from inside the worker
    browser.worker.evaluate(
        """() => { const bg = globalThis.kefuguardBackground; bg.__sent = [];
            const request = bg.host.request.bind(bg.host); bg.__request = request;
            bg.host.request = (r, ...rest) => { bg.__sent.push(r); return request(r, ...rest); }; }"""
    )
    lookalike = browser.url("taobao-kefu.com", "/shop.html")
    world = ContentScriptWorld(page)
    try:
        message = {"kind": "check_chat", "url": lookalike, "messages": [{"text": "您好，请问有什么可以帮您？"}]}
        reply = world.evaluate(f"chrome.runtime.sendMessage({json.dumps(message)})")
        outgoing = {"kind": "check_outgoing", "url": lookalike, "text": "验证码 123456"}
        reply_out = world.evaluate(f"chrome.runtime.sendMessage({json.dumps(outgoing)})")
    finally:
        world.close()
        sent = browser.worker.evaluate(
            """() => { const bg = globalThis.kefuguardBackground; bg.host.request = bg.__request;
                const sent = bg.__sent; delete bg.__sent; delete bg.__request; return sent; }"""
        )
    assert reply["ok"] and reply_out["ok"], (reply, reply_out)
    chats = [r for r in sent if r["type"] == "check_chat"]
    assert len(chats) == 2, sent
    assert all(r.get("url") == page.url for r in chats), chats
