"""The popup (this page's verdict, official channels, host and list status) and the options page."""

from __future__ import annotations

import re

from tests.browser.harness import EXTENSION_ORIGIN, wait_for

DANGER_BANNER = "kefuguard-banner[data-kefuguard-level='danger']"


def test_popup_shows_the_verdict_reasons_official_site_and_list(browser, open_page, screenshot_dir):
    page = open_page("taobao-kefu.com", "/shop.html?popup")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    popup = browser.popup(browser.tab_id(page))
    try:
        assert popup.get_attribute("#verdict", "data-level") == "danger"
        assert popup.inner_text("#verdict-headline") == "Danger: probably a fake site"
        assert popup.inner_text("#verdict-host") == "taobao-kefu.com"
        assert popup.locator("#reasons li[data-code='lookalike.combo']").count() == 1
        assert popup.locator("#advice li").count() >= 1
        assert popup.locator("#official li[data-kind='site'] a").first.get_attribute("href") == "https://taobao.com/"
        assert popup.get_attribute("#host-section", "data-state") == "connected"
        assert re.fullmatch(r"Running \(version \d+\.\d+\.\d+.*\)", popup.inner_text("#host-state"))
        assert popup.inner_text("#list-publisher") == "kefu-guard"
        assert re.fullmatch(r"\d{6,}", popup.inner_text("#list-version"))
        issued = popup.inner_text("#list-issued")  # relative: "3 days ago", or "this minute" right after a release
        assert any(word in issued for word in ("ago", "now", "this minute")), issued
        assert popup.is_hidden("#host-missing")
        popup.screenshot(path=str(screenshot_dir / "popup.png"), full_page=True)
    finally:
        popup.close()


def test_popup_for_an_official_page_shows_verified(browser, open_page):
    page = open_page("www.taobao.com", "/shop.html?popup")
    tab = browser.tab_id(page)
    assert wait_for(lambda: browser.badge(tab)["text"] == "\u2713")
    popup = browser.popup(tab)
    try:
        assert popup.get_attribute("#verdict", "data-level") == "verified"
        assert popup.inner_text("#verdict-headline") == "Official site of a listed brand"
        assert popup.locator("#official li[data-kind='site']").first.inner_text().endswith("taobao.com")
    finally:
        popup.close()


def test_popup_counts_chat_findings(browser, open_page):
    page = open_page("shop.example.com", "/chat.html?popup")
    page.wait_for_function("() => !!window.testChat")
    page.evaluate("() => window.testChat.receive('退款请点 http://taobao-kefu.com/refund', {id: 'p-scam'})")
    page.wait_for_selector("kefuguard-mark[data-kefuguard-anchor='p-scam']", state="attached", timeout=10000)
    popup = browser.popup(browser.tab_id(page))
    try:
        assert popup.is_visible("#chat-section")
        assert "1 suspicious" in popup.inner_text("#chat-summary")
        # the page itself is unknown, its chat is not: the headline says so (not "Nothing known")
        assert popup.get_attribute("#verdict", "data-level") == "danger"
        assert popup.get_attribute("#verdict", "data-source") == "chat"
        assert popup.inner_text("#verdict-headline") == "Danger: scam messages in this page's chat"
        assert popup.locator("#reasons li[data-source='chat']").count() >= 1
    finally:
        popup.close()


def _receive(page, text: str, message_id: str) -> None:
    page.wait_for_function("() => !!window.testChat")
    page.evaluate("([text, id]) => window.testChat.receive(text, {id})", [text, message_id])
    page.wait_for_selector(f"kefuguard-mark[data-kefuguard-anchor='{message_id}']", state="attached", timeout=10000)


def test_popup_headline_on_an_official_site_with_a_scam_chat_is_not_safe(browser, open_page):
    page = open_page("www.taobao.com", "/chat.html?popup-official")
    tab = browser.tab_id(page)
    assert wait_for(lambda: browser.badge(tab)["text"] == "\u2713")
    scam = "您好，我是淘宝客服，您的订单异常，退款请加QQ 12345678 并点 http://taobao-kefu.com/refund"
    _receive(page, scam, "p-official")
    assert wait_for(lambda: browser.badge(tab)["text"] == "!!")
    popup = browser.popup(tab)
    try:
        headline = popup.inner_text("#verdict-headline")
        assert headline == "Danger: scam messages in this page's chat", headline
        assert popup.get_attribute("#verdict", "data-level") == "danger"
        # the chat's reasons come first, the page's own (an official site) after them
        sources = popup.eval_on_selector_all("#reasons li", "(lis) => lis.map((li) => li.dataset.source)")
        assert sources[0] == "chat" and "page" in sources, sources
    finally:
        popup.close()


def test_popup_on_a_lookalike_page_without_chat_shows_the_brands_real_numbers(browser, open_page):
    page = open_page("taobao-kefu.com", "/shop.html?popup-card")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    popup = browser.popup(browser.tab_id(page))
    try:
        block = popup.locator("#official .brand-channels[data-brand='taobao']")
        assert block.locator(".brand-name").inner_text() == "Brand: Taobao"
        assert block.locator("li[data-kind='site'] a").all_inner_texts() == ["taobao.com"]
        assert block.locator("li[data-kind='phone'] .value").all_inner_texts() == ["0571-88158198", "9510211"]
    finally:
        popup.close()


def test_popup_lists_official_channels_by_brand_with_phones_and_each_reason_once(browser, open_page):
    page = open_page("taobao-kefu.com", "/shop.html?popup-channels")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    _receive(page, "您好，我是淘宝客服，退款请点 http://taobao-kefu.com/refund", "p-channels")
    popup = browser.popup(browser.tab_id(page))
    try:
        assert popup.inner_text("#verdict-headline") == "Danger: probably a fake site"
        # the page's reason and the chat link's reason say the same thing: it is shown once
        assert popup.inner_text("#popup").count("taobao-kefu.com puts the brand name 'taobao' together") == 1
        # one brand, named, with its site and its numbers, each once
        assert popup.locator("#official .brand-channels").count() == 1
        block = popup.locator("#official .brand-channels[data-brand='taobao']")
        assert block.locator(".brand-name").inner_text() == "Brand: Taobao"  # the list's name (brand_card)
        sites = block.locator("li[data-kind='site'] a").all_inner_texts()
        phones = block.locator("li[data-kind='phone'] .value").all_inner_texts()
        assert sites == ["taobao.com"], sites
        assert phones == ["0571-88158198", "9510211"], phones
        reasons = popup.locator("#reasons li").evaluate_all("(lis) => lis.map((li) => li.firstChild.textContent)")
        assert len(reasons) == len(set(reasons)), reasons
        assert popup.get_attribute("#verdict", "data-source") == "page"
        assert popup.locator("#reasons li[data-source='chat']").count() >= 1  # the chat's own reasons follow
        advice = popup.locator("#advice li").all_inner_texts()
        assert len(advice) == len(set(advice)), advice
    finally:
        popup.close()


def test_where_to_report_opens_the_report_page_for_the_tab(browser, open_page):
    page = open_page("taobao-kefu.com", "/shop.html?report")
    popup = browser.popup(browser.tab_id(page))
    try:
        with browser.context.expect_page() as opened:
            popup.click("#report")
        report = opened.value
        report.wait_for_selector("#report[data-ready='true']")
        assert report.inner_text("#report-page") == f"Page: {page.url}"
        assert report.is_hidden("#saved")  # nothing is saved from here: "Save evidence" does that
        assert report.locator("#authorities li").count() >= 3
        assert report.locator("#brand-channels li[data-kind='phone']").count() == 2
        report.close()
    finally:
        popup.close()


def test_options_save_settings_and_trusted_domains_suppress_warnings(browser, open_page):
    options = browser.context.new_page()
    try:
        options.goto(f"{EXTENSION_ORIGIN}ui/options.html")
        options.wait_for_selector("#options[data-ready='true']")
        assert options.is_checked("#feature-chat_check")
        options.fill("#trusted-new", "https://Taobao-Kefu.com/some/path")
        options.click("#trusted-add")
        options.wait_for_selector("#trusted code:text('taobao-kefu.com')")
        stored = browser.worker.evaluate("async () => (await chrome.storage.local.get('settings')).settings")
        assert stored["trusted_domains"] == ["taobao-kefu.com"]

        page = open_page("taobao-kefu.com", "/shop.html?trusted")
        tab = browser.tab_id(page)
        assert wait_for(
            lambda: browser.worker.evaluate(
                "(tabId) => !!(globalThis.kefuguardBackground.tabs.get(tabId) || {}).page", tab
            )
        )
        page.wait_for_timeout(300)
        assert page.locator("[data-kefuguard-level]").count() == 0
        assert browser.badge(tab)["text"] == ""

        options.fill("#trusted-new", "not a domain")
        options.click("#trusted-add")
        assert options.is_visible("#trusted-error")
        options.select_option("#min_level", "danger")
        wait_for(
            lambda: (
                browser.worker.evaluate(
                    "async () => ((await chrome.storage.local.get('settings')).settings || {}).min_level"
                )
                == "danger"
            )
        )
    finally:
        browser.worker.evaluate("() => chrome.storage.local.remove('settings')")
        options.close()


def test_managed_values_override_and_lock(browser):
    """storage.managed is set only by policy; the merge it goes through is tested in the page that uses it."""
    page = browser.context.new_page()
    try:
        page.goto(f"{EXTENSION_ORIGIN}ui/options.html")
        page.wait_for_selector("#options[data-ready='true']")
        user = {"features": {"chat_check": False, "link_check": False}, "min_level": "caution"}
        user["trusted_domains"] = ["mine.example"]
        managed = {"features": {"chat_check": True}, "min_level": "danger", "language": "zh_CN", "unknown": 1}
        managed["trusted_domains"] = ["corp.example", "bad domain"]
        managed["host_update_urls"] = ["https://lists.corp.example/channels.json"]
        merged = page.evaluate("([user, managed]) => KefuGuard.settings.merge(user, managed)", [user, managed])
        assert merged["effective"]["features"] == {
            "page_check": True,
            "link_check": False,
            "chat_check": True,
            "send_warning": True,
        }
        assert merged["effective"]["min_level"] == "danger"
        assert merged["effective"]["language"] == "zh_CN"
        assert merged["effective"]["trusted_domains"] == ["corp.example", "mine.example"]
        assert sorted(merged["locked"]) == ["features.chat_check", "language", "min_level"]
        assert merged["managed_info"]["host_update_urls"] == ["https://lists.corp.example/channels.json"]
    finally:
        page.close()


def test_the_options_page_names_the_same_ignored_settings_as_doctor(browser):
    """What the options page lists as ignored (Firefox passes such values to storage.managed)
    is what `kefuguard doctor` names as policy.setting_ignored, setting by setting."""
    from kefuguard.install.managed_settings import ignored_settings

    cases = [
        {"features": {"chat_check": "no", "page_check": False, "sparkle": True}, "min_level": "high"},
        {"features": [True], "language": 3, "trusted_domains": ["corp.example", 7], "colour": "red"},
        {"host_update_urls": "https://x.example/", "support_contact": ["a"], "min_level": "danger"},
        {"host_supplementary_lists": [{"url": 3, "name": "x", "extra": 1}, "https://y.example/"]},
        {"trusted_domains": "corp.example", "language": "fr", "features": {"link_check": True}},
        {"min_level": "caution", "language": "zh_CN", "support_contact": "desk"},
    ]
    page = browser.context.new_page()
    try:
        page.goto(f"{EXTENSION_ORIGIN}ui/options.html")
        page.wait_for_selector("#options[data-ready='true']")
        for case in cases:
            named = page.evaluate("(m) => KefuGuard.settings.ignoredManaged(m).map((i) => i.path)", case)
            assert sorted(named) == sorted(s.path for s in ignored_settings(case)), case
    finally:
        page.close()
