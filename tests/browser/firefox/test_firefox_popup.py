"""Firefox: the popup page (moz-extension://.../ui/popup.html?tab=ID) shows the tab's verdict, the
official channels, chat findings, the host's state and the list."""

from __future__ import annotations

import re

from tests.browser.harness import wait_for

DANGER_BANNER = "kefuguard-banner[data-kefuguard-level='danger']"


def text(tab, selector: str) -> str:
    return str(tab.evaluate("(s) => document.querySelector(s).textContent.trim()", selector))


def attribute(tab, selector: str, name: str) -> str | None:
    return tab.evaluate("(s, n) => document.querySelector(s).getAttribute(n)", selector, name)


def count(tab, selector: str) -> int:
    return int(tab.evaluate("(s) => document.querySelectorAll(s).length", selector))


def test_popup_shows_the_verdict_reasons_official_site_host_and_list(firefox, open_tab, open_popup):
    page = open_tab("taobao-kefu.com", "/shop.html?popup")
    page.wait_for_function(f"() => !!document.querySelector({DANGER_BANNER!r})")
    popup = open_popup(firefox.tab_id(page))
    assert attribute(popup, "#verdict", "data-level") == "danger"
    assert text(popup, "#verdict-headline") == "Danger: probably a fake site"
    assert text(popup, "#verdict-host") == "taobao-kefu.com"
    assert count(popup, "#reasons li[data-code='lookalike.combo']") == 1
    assert count(popup, "#advice li") >= 1
    assert attribute(popup, "#official li[data-kind='site'] a", "href") == "https://taobao.com/"
    assert attribute(popup, "#host-section", "data-state") == "connected"
    assert re.fullmatch(r"Running \(version \d+\.\d+\.\d+.*\)", text(popup, "#host-state"))
    assert popup.evaluate("() => document.getElementById('host-missing').hidden") is True
    assert text(popup, "#list-publisher") == "kefu-guard"
    assert re.fullmatch(r"\d{6,}", text(popup, "#list-version"))
    issued = text(popup, "#list-issued")  # relative: "3 days ago", or "this minute" right after a release
    assert any(word in issued for word in ("ago", "now", "this minute")), issued


def test_popup_for_an_official_page_shows_verified(firefox, open_tab, open_popup):
    page = open_tab("www.taobao.com", "/shop.html?popup")
    tab_id = firefox.tab_id(page)
    assert wait_for(lambda: firefox.badge(tab_id)["text"] == "\u2713"), firefox.badge(tab_id)
    popup = open_popup(tab_id)
    assert attribute(popup, "#verdict", "data-level") == "verified"
    assert text(popup, "#verdict-headline") == "Official site of a listed brand"
    assert text(popup, "#official li[data-kind='site']").endswith("taobao.com")


def test_popup_counts_chat_findings(firefox, open_tab, open_popup):
    page = open_tab("shop.example.com", "/chat.html?popup")
    page.wait_for_function("() => !!window.testChat")
    page.evaluate("() => window.testChat.receive('退款请点 http://taobao-kefu.com/refund', {id: 'p-scam'})")
    page.wait_for_function("() => !!document.querySelector(`kefuguard-mark[data-kefuguard-anchor='p-scam']`)")
    popup = open_popup(firefox.tab_id(page))
    assert popup.evaluate("() => document.getElementById('chat-section').hidden") is False
    assert "1 suspicious" in text(popup, "#chat-summary")
    # the page itself is unknown, its chat is not: the headline says so
    assert attribute(popup, "#verdict", "data-level") == "danger"
    assert attribute(popup, "#verdict", "data-source") == "chat"
    assert text(popup, "#verdict-headline") == "Danger: scam messages in this page's chat"
    assert count(popup, "#reasons li[data-source='chat']") >= 1
