"""Evidence files (docs/evidence.md) saved from the warnings in a real Chromium: the page banner,
a chat mark, a held link and the popup. Each saved file is opened from the downloads folder and
checked against the format: its parts, every part's SHA-256 against the manifest, the fingerprint
the report page shows, masking of the user's own code and card number, no password, and page
text that tries to close the file's elements.

And the report page: where to report for the region set in the options, with the imitated brand's
real numbers.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.evidence_file import check_evidence, verify_with_the_cli
from tests.browser.harness import (
    EXTENSION_ORIGIN,
    ContentScriptWorld,
    click_backend_node,
    shadow_widgets,
    wait_for,
)

DANGER_BANNER = "kefuguard-banner[data-kefuguard-level='danger']"
POPOVER = "kefuguard-popover[data-kefuguard-level]"
SCAM_MARK = "kefuguard-mark[data-kefuguard-anchor='e-scam']"
SCAM = "您好，您的订单异常，点击 http://taobao-kefu.com/refund 申请退款，或加QQ 12345678，客服电话 400-123-4567"
HOSTILE = '注意 </script><script>alert(1)</script> 和 </main><img src=x onerror="alert(2)"> 结束'
PASSWORD = "Hunter2-Secret!"
CODE_MESSAGE = "验证码是 482913"
CARD_MESSAGE = "我的银行卡号是 6222 0212 3456 7890 128"
FINGERPRINT = re.compile(r"[0-9a-f]{64}")


# --- saving --------------------------------------------------------------------------------------


def corner_pixel(page, png: bytes) -> list[int]:
    """The colour near the screenshot's bottom left corner (the page's own background there)."""
    url = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return page.evaluate(
        """async (url) => {
            const img = new Image();
            img.src = url;
            await img.decode();
            const canvas = new OffscreenCanvas(img.width, img.height);
            const ctx = canvas.getContext('2d');
            ctx.drawImage(img, 0, 0);
            return [...ctx.getImageData(4, img.height - 4, 1, 1).data.slice(0, 3)];
        }""",
        url,
    )


def saved_report(browser, click) -> tuple[Any, Path, str]:
    """Run `click()` (a "Save evidence" click); the report page it opens saves the file. Returns the
    report page, the saved file and the fingerprint the page shows."""
    with browser.context.expect_page(timeout=20000) as opened:
        click()
    report = opened.value
    report.wait_for_selector("#saved[data-state='saved']", timeout=20000)
    name = report.inner_text("#saved-name")
    fingerprint = report.get_attribute("#fingerprint", "data-fingerprint")
    assert FINGERPRINT.fullmatch(fingerprint or ""), fingerprint
    assert report.inner_text("#fingerprint") == fingerprint
    assert re.fullmatch(r"kefuguard-evidence-[a-z0-9.-]+-\d{8}-\d{6}Z(?: \(\d+\))?\.html", name), name
    path = browser.downloads / name
    assert wait_for(path.exists), sorted(p.name for p in browser.downloads.iterdir())
    return report, path, fingerprint


def button_of(page, tag: str, label: str) -> int:
    [widget] = [w for w in shadow_widgets(page) if w.tag == tag]
    return widget.buttons[label]


def test_banner_saves_one_evidence_file_of_a_lookalike_page(browser, open_page, screenshot_dir):
    page = open_page("taobao-kefu.com", "/shop.html?evidence")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    before = set(browser.downloads.iterdir())

    report, path, fingerprint = saved_report(
        browser, lambda: click_backend_node(page, button_of(page, "kefuguard-banner", "Save evidence"))
    )
    try:
        assert set(browser.downloads.iterdir()) - before == {path}  # one click, one file
        ev = check_evidence(path, fingerprint)
        assert ev.json["page"]["url"] == page.url
        assert ev.json["page"]["title"] == "淘宝网 - 退款中心"
        [first, *_] = ev.json["verdicts"]
        assert first["level"] == "danger" and first["url"] == page.url
        assert "lookalike.combo" in [r["code"] for r in first["reasons"]]
        assert first["publisher"] and first["list_version"]
        assert "chat" not in ev.json  # no chat on this page: the part is left out
        assert any(link.startswith("http://taobao-kefu.com:") for link in ev.json["channels"]["links"])
        # the screenshot shows the page, not the banner over it: the banner stepped aside for it
        assert corner_pixel(report, dict(ev.parts)["screenshot"]) == [245, 245, 245]
        view = dict(ev.parts)["view"].decode("utf-8")
        assert "taobao-kefu.com" in view
        assert "kefuguard evidence verify" in view

        # the report page: the file's name and fingerprint, what to do now, where to report (en-US:
        # the US), and the real numbers of the brand the page imitated
        assert report.inner_text("#report-page") == f"Page: {page.url}"
        assert report.get_attribute("#report", "data-region") == "US"
        assert "reportfraud.ftc.gov" in report.inner_text("#authorities")
        phones = report.locator("#brand-channels li[data-kind='phone'] .value").all_inner_texts()
        assert phones == ["0571-88158198", "9510211"], phones
        assert "Taobao" in report.inner_text("#brand-name")
        report.set_viewport_size({"width": 900, "height": 900})
        report.screenshot(path=str(screenshot_dir / "evidence-saved.png"))
        # a reload shows the saved file again, without saving a second one
        report.reload()
        report.wait_for_selector("#report[data-ready='true']")
        assert report.get_attribute("#fingerprint", "data-fingerprint") == fingerprint
        assert report.locator("#brand-channels li[data-kind='phone']").count() == 2
        assert set(browser.downloads.iterdir()) - before == {path}
        # the banner is back as it was (it stepped aside for the screenshot)
        [banner] = [w for w in shadow_widgets(page) if w.tag == "kefuguard-banner"]
        assert banner.level == "danger"
        assert page.evaluate(
            "() => !document.querySelector('kefuguard-banner').hasAttribute('data-kefuguard-capturing')"
        )
        verify_with_the_cli(path)
    finally:
        report.close()


@pytest.fixture
def evidence_chat(open_page):
    """A shop chat page with a password field typed into, a scam message, page text that tries to
    close the file's elements, and the user's own code and card number sent (after the send guard)."""
    page = open_page("shop.example.com", "/evidence.html")
    page.wait_for_function("() => !!window.testChat")
    page.fill("#password", PASSWORD)
    page.fill("#account", "13800138000")
    receive = "([text, options]) => window.testChat.receive(text, options)"
    page.evaluate(receive, ["您好，我是店铺客服，请问有什么可以帮您？", {"id": "e-hello", "sender": "店铺客服"}])
    page.evaluate(receive, [SCAM, {"id": "e-scam", "sender": "店铺客服"}])
    page.evaluate(receive, [HOSTILE, {"id": "e-hostile"}])
    for text, how in ((CODE_MESSAGE, "enter"), (CARD_MESSAGE, "click")):
        page.fill("#chat-input", text)
        if how == "enter":
            page.press("#chat-input", "Enter")
        else:
            page.click("#send")
        page.wait_for_selector(POPOVER, state="attached", timeout=10000)
        click_backend_node(page, button_of(page, "kefuguard-popover", "Send anyway"))
        page.wait_for_selector(POPOVER, state="detached", timeout=5000)
    assert page.evaluate("() => window.testChat.sent") == [CODE_MESSAGE, CARD_MESSAGE]
    page.wait_for_selector(SCAM_MARK + "[data-kefuguard-level='danger']", timeout=10000)
    world = ContentScriptWorld(page)
    try:
        assert wait_for(lambda: world.evaluate("KefuGuard.evidenceLog.collect().chat.length") == 5)
    finally:
        world.close()
    return page


def test_chat_mark_saves_the_conversation_masked_and_without_the_password(browser, evidence_chat, screenshot_dir):
    page = evidence_chat
    page.wait_for_function("(s) => document.querySelector(s).style.visibility === 'visible'", arg=SCAM_MARK)
    [mark] = [w for w in shadow_widgets(page) if w.tag == "kefuguard-mark" and w.anchor_id == "e-scam"]
    # the level sign opens the details (where there is little room it is all the mark shows)
    click_backend_node(page, next(node for text, node in mark.buttons.items() if text.startswith("\u26a0")))
    report, path, fingerprint = saved_report(
        browser,
        lambda: click_backend_node(
            page,
            next(w for w in shadow_widgets(page) if w.anchor_id == "e-scam").buttons["Save evidence"],
        ),
    )
    report.close()
    ev = check_evidence(path, fingerprint)

    # the page's title and the hostile message are data, as written on the page
    assert ev.json["page"]["title"] == "小店 </title><script>alert(1)</script> 在线客服"
    chat = ev.json["chat"]
    assert [m["direction"] for m in chat] == ["incoming", "incoming", "incoming", "outgoing", "outgoing"]
    hello, scam, hostile, code, card = chat
    assert hello == {
        "direction": "incoming",
        "sender": "店铺客服",
        "time": hello["time"],
        "text": "您好，我是店铺客服，请问有什么可以帮您？",
        "level": "none",
        "flagged": False,
    }
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", hello["time"])
    assert scam["text"] == SCAM and scam["level"] == "danger" and scam["flagged"] is True
    assert hostile["text"] == HOSTILE
    # the user's own code and card number are masked, in the chat and in the verdicts
    assert code["text"] == "验证码是 ****13" and code["flagged"] is True
    assert card["text"] == "我的银行卡号是 **** **** **** ***0 128" and card["flagged"] is True
    for secret in ("482913", "6222 0212 3456 7890 128", "6222021234567890128", "0212 3456"):
        assert secret not in ev.text, secret
    # no password typed into the page is anywhere in the file (the account field is not read either)
    assert PASSWORD not in ev.text
    assert "13800138000" not in ev.text
    # hostile text is escaped everywhere: it never closes an element of the file
    assert "<script>alert(1)" not in ev.text and "</script><script>" not in ev.text
    assert ev.text.count("<img") == 1  # the screenshot's; the message's <img onerror> stayed text
    assert ev.text.count("<script") == len(ev.json) + 1  # the JSON parts and the manifest
    view = dict(ev.parts)["view"].decode("utf-8")
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in view and "&lt;/main&gt;" in view

    verdicts = ev.json["verdicts"]
    texts = {v.get("text"): v for v in verdicts}
    assert texts[SCAM]["level"] == "danger"
    assert "link.lookalike.combo" in [r["code"] for r in texts[SCAM]["reasons"]]
    assert all("list_version" in v and "publisher" in v for v in verdicts)
    outgoing = [v for v in verdicts if v.get("direction") == "outgoing"]
    assert sorted(v["text"] for v in outgoing) == sorted([code["text"], card["text"]])
    channels = ev.json["channels"]
    assert "4001234567" in channels["phones"]  # the digits, as the kefuguard program lists them
    assert "qq:12345678" in channels["accounts"]
    assert "http://taobao-kefu.com/refund" in channels["links"]
    verify_with_the_cli(path)


def test_a_held_link_saves_evidence_with_the_links_verdict(browser, open_page):
    page = open_page("shop.example.com", "/links.html?evidence")
    page.hover("#bad")
    page.click("#bad")
    page.wait_for_selector(POPOVER, state="attached", timeout=10000)
    report, path, fingerprint = saved_report(
        browser, lambda: click_backend_node(page, button_of(page, "kefuguard-popover", "Save evidence"))
    )
    report.close()
    ev = check_evidence(path, fingerprint)
    held = page.evaluate("() => document.getElementById('bad').href")
    assert ev.json["page"]["url"] == page.url
    links = [v for v in ev.json["verdicts"] if v.get("url") == held]
    assert len(links) == 1 and links[0]["level"] == "danger"
    assert held in ev.json["channels"]["links"]
    assert page.url.endswith("/links.html?evidence")  # the link was not followed


def test_the_popup_saves_evidence_of_its_tab(browser, open_page):
    page = open_page("taobao-kefu.com", "/shop.html?popup-evidence")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    popup = browser.popup(browser.tab_id(page))
    try:
        assert popup.is_visible("#save-evidence")
        report, path, fingerprint = saved_report(browser, lambda: popup.click("#save-evidence"))
        ev = check_evidence(path, fingerprint)
        # the page's tab (brought to the front for it here, where the popup is a tab of its own),
        # without the banner over it
        assert corner_pixel(report, dict(ev.parts)["screenshot"]) == [245, 245, 245]
        report.close()
    finally:
        popup.close()
    assert ev.json["page"]["url"] == page.url
    assert ev.json["verdicts"][0]["level"] == "danger"
    assert page.locator(DANGER_BANNER).count() == 1
    assert page.evaluate("() => !document.querySelector('kefuguard-banner').hasAttribute('data-kefuguard-capturing')")


# --- the report page -----------------------------------------------------------------------------


def open_report(browser, tab_id: int, settings: dict[str, Any]) -> Any:
    browser.worker.evaluate("(s) => chrome.storage.local.set({settings: s})", settings)
    report = browser.context.new_page()
    report.set_viewport_size({"width": 900, "height": 900})
    report.goto(f"{EXTENSION_ORIGIN}ui/report.html?tab={tab_id}")
    report.wait_for_selector("#report[data-ready='true']", timeout=15000)
    return report


@pytest.fixture
def lookalike_tab(browser, open_page):
    page = open_page("taobao-kefu.com", "/shop.html?report")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    yield browser.tab_id(page)
    browser.worker.evaluate("() => chrome.storage.local.remove('settings')")


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        ("CN", {"96110": "96110", "12321": "12321.cn", "app": "国家反诈中心", "110": "110"}),
        ("US", {"ftc": "reportfraud.ftc.gov", "7726": "7726", "ic3": "ic3.gov"}),
        ("GB", {"actionfraud": "actionfraud.police.uk", "phishing": "report@phishing.gov.uk", "7726": "7726"}),
        ("other", {"police": "", "authority": "", "platform": ""}),
    ],
)
def test_report_page_shows_where_to_report_for_the_region(browser, lookalike_tab, region, expected):
    report = open_report(browser, lookalike_tab, {"region": region})
    try:
        assert report.get_attribute("#report", "data-region") == region
        for channel, value in expected.items():
            item = report.locator(f"#authorities li[data-channel='{channel}']")
            assert item.count() == 1, channel
            assert value in item.inner_text()
        if region == "GB":
            assert "Action Fraud" in report.inner_text("#authorities")
            assert "0300 123 2040" in report.inner_text("#authorities li[data-channel='actionfraud']")
        assert "(chosen in the options)" in report.inner_text("#region-line")
        # the brand the page imitated: its real numbers, whatever the region
        phones = report.locator("#brand-channels li[data-kind='phone'] .value").all_inner_texts()
        assert phones == ["0571-88158198", "9510211"]
        assert report.locator("#checklist li").count() == 6
        assert report.is_hidden("#saved")
    finally:
        report.close()


def test_report_page_in_chinese_for_china(browser, lookalike_tab, screenshot_dir):
    report = open_report(browser, lookalike_tab, {"region": "auto", "language": "zh_CN"})
    try:
        # auto: the browser's locale (en-US here) decides
        assert report.get_attribute("#report", "data-region") == "US"
        assert "按浏览器语言判断" in report.inner_text("#region-line")
    finally:
        report.close()
    report = open_report(browser, lookalike_tab, {"region": "CN", "language": "zh_CN"})
    try:
        text = report.inner_text("#report")
        assert "去哪里举报" in text and "96110" in text and "12321.cn" in text
        assert report.inner_text("#brand-name") == "淘宝：真正的官方客服"
        report.screenshot(path=str(screenshot_dir / "report.png"), full_page=True)
    finally:
        report.close()


def test_report_page_without_a_brand_shows_no_brand_block(browser, open_page):
    page = open_page("shop.example.com", "/shop.html?report-plain")
    tab = browser.tab_id(page)
    try:
        report = open_report(browser, tab, {"region": "GB"})
        try:
            assert report.is_hidden("#brand")
            assert report.locator("#authorities li").count() == 4
        finally:
            report.close()
    finally:
        browser.worker.evaluate("() => chrome.storage.local.remove('settings')")


def test_the_region_is_chosen_in_the_options(browser, lookalike_tab):
    options = browser.context.new_page()
    try:
        options.goto(f"{EXTENSION_ORIGIN}ui/options.html")
        options.wait_for_selector("#options[data-ready='true']")
        assert options.input_value("#region") == "auto"
        labels = options.locator("#region option").all_inner_texts()
        assert labels == [
            "From the browser's language",
            "China (mainland)",
            "United States",
            "United Kingdom",
            "Elsewhere",
        ]
        options.select_option("#region", "GB")
        stored = "async () => ((await chrome.storage.local.get('settings')).settings || {}).region"
        assert wait_for(lambda: browser.worker.evaluate(stored) == "GB")
    finally:
        options.close()
    report = browser.context.new_page()
    try:
        report.goto(f"{EXTENSION_ORIGIN}ui/report.html?tab={lookalike_tab}")
        report.wait_for_selector("#report[data-ready='true']")
        assert report.get_attribute("#report", "data-region") == "GB"
    finally:
        report.close()


def test_report_page_for_evidence_already_saved_says_so(browser):
    report = browser.context.new_page()
    try:
        report.goto(f"{EXTENSION_ORIGIN}ui/report.html?evidence=00000000-0000-4000-8000-000000000000")
        report.wait_for_selector("#report[data-ready='true']")
        assert report.get_attribute("#saved", "data-state") == "missing"
        assert "Nothing to save here any more" in report.inner_text("#saved-status")
        assert report.is_hidden("#saved-details")
    finally:
        report.close()


def test_evidence_builder_masks_only_the_users_own_codes_and_cards(browser):
    """The masking rules of docs/evidence.md, in the builder itself (an extension page)."""
    page = browser.context.new_page()
    try:
        page.goto(f"{EXTENSION_ORIGIN}ui/report.html?tab=999999")
        page.wait_for_selector("#report[data-ready='true']")
        cases = {
            "验证码是 482913": "验证码是 ****13",
            "482913": "****13",
            "code: 5521": "code: **21",
            "我的卡号 6222 0212 3456 7890 128": "我的卡号 **** **** **** ***0 128",
            "card 4111-1111-1111-1111 ok": "card ****-****-****-1111 ok",
            "订单号 20261123 的物流到哪了": "订单号 20261123 的物流到哪了",  # no code word: an order number
            "6222 0212 3456 7890 127": "6222 0212 3456 7890 127",  # fails the Luhn check
            "电话 13800138000": "电话 13800138000",
            "我的验证码 48 29 13": "我的验证码 ** ** 13",  # a code written in groups
            "验证码：４８２９１３": "验证码：****１３",  # full-width digits
            "卡号6222021234567890128谢谢": "卡号***************0128谢谢",
            "订单 12345678901234567890": "订单 12345678901234567890",  # too long for a card
        }
        masked = page.evaluate("(texts) => texts.map((t) => KefuGuard.evidence.maskOutgoing(t).text)", list(cases))
        assert dict(zip(cases, masked, strict=True)) == cases
        # the same as the kefuguard program masks them (`kefuguard evidence make`), when it has the rules
        try:
            from kefuguard.evidence.mask import mask_outgoing
        except ImportError:
            return
        assert {text: mask_outgoing(text).text for text in cases} == cases
    finally:
        page.close()
