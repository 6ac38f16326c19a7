"""The page's own address: a lookalike gets the full-page banner, an official site gets none."""

from __future__ import annotations

import json

from tests.browser.harness import EXTENSION_ORIGIN, ContentScriptWorld, click_backend_node, shadow_widgets, wait_for

DANGER_BANNER = "kefuguard-banner[data-kefuguard-level='danger']"


def test_lookalike_shop_page_gets_the_danger_banner_with_the_official_site(browser, open_page, screenshot_dir):
    page = open_page("taobao-kefu.com", "/shop.html")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)

    [banner] = [w for w in shadow_widgets(page) if w.tag == "kefuguard-banner"]
    assert banner.level == "danger"
    assert "lookalike.combo" in banner.reasons
    assert "This is probably a fake site" in banner.text
    assert "Did you mean taobao.com?" in banner.text
    assert banner.links == {"taobao.com": "https://taobao.com/"}
    assert {"Leave this page", "Details", "I understand the risk, stay"} <= set(banner.buttons)
    page.screenshot(path=str(screenshot_dir / "banner.png"))

    badge = wait_for(
        lambda: browser.badge(browser.tab_id(page))["text"] == "!!" and browser.badge(browser.tab_id(page))
    )
    assert badge and "danger" in badge["title"]


def test_official_page_gets_no_banner_and_a_verified_badge(browser, open_page):
    page = open_page("www.taobao.com", "/shop.html")
    tab = browser.tab_id(page)
    badge = wait_for(lambda: browser.badge(tab)["text"] == "\u2713" and browser.badge(tab))
    assert badge, browser.badge(tab)
    assert "official" in badge["title"]
    assert page.locator("[data-kefuguard-level]").count() == 0


def test_unknown_site_gets_no_banner_and_no_badge(browser, open_page):
    page = open_page("shop.example.com", "/shop.html")
    tab = browser.tab_id(page)
    assert wait_for(
        lambda: browser.worker.evaluate("(tabId) => !!(globalThis.kefuguardBackground.tabs.get(tabId) || {}).page", tab)
    )
    assert browser.badge(tab)["text"] == ""
    assert page.locator("[data-kefuguard-level]").count() == 0


def test_details_button_shows_reasons_and_advice(open_page):
    page = open_page("taobao-kefu.com", "/shop.html?details")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    [banner] = [w for w in shadow_widgets(page) if w.tag == "kefuguard-banner"]
    assert "Hide details" not in banner.buttons
    click_backend_node(page, banner.buttons["Details"])
    [banner] = [w for w in shadow_widgets(page) if w.tag == "kefuguard-banner"]
    assert "Hide details" in banner.buttons
    assert "Leave it and do not enter passwords" in banner.text


def test_leave_button_takes_the_tab_to_a_safe_page(open_page):
    page = open_page("taobao-kefu.com", "/shop.html?leave")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    [banner] = [w for w in shadow_widgets(page) if w.tag == "kefuguard-banner"]
    click_backend_node(page, banner.buttons["Leave this page"])
    page.wait_for_url(f"{EXTENSION_ORIGIN}ui/left.html?official=taobao.com", timeout=10000)
    page.wait_for_selector("#left[data-ready='true']")
    assert "taobao.com" in page.locator("#official").inner_text()
    assert page.locator("#official a").get_attribute("href") == "https://taobao.com/"


def test_stay_removes_the_banner(open_page):
    page = open_page("taobao-kefu.com", "/shop.html?stay")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    [banner] = [w for w in shadow_widgets(page) if w.tag == "kefuguard-banner"]
    click_backend_node(page, banner.buttons["I understand the risk, stay"])
    page.wait_for_selector(DANGER_BANNER, state="detached", timeout=5000)


def test_a_caution_verdict_gets_a_dismissable_top_bar(open_page):
    page = open_page("shop.example.com", "/shop.html?caution")
    page.wait_for_function("() => document.readyState === 'complete'")
    result = {
        "level": "caution",
        "reasons": [
            {"code": "shape.test", "message": "Something about this address is unusual.", "message_zh": "地址异常。"}
        ],
        "advice": ["Be careful."],
        "advice_zh": ["请小心。"],
    }
    world = ContentScriptWorld(page)
    try:
        world.evaluate(f"KefuGuard.widgets.pageBanner({json.dumps(result)}, 'en', (k) => k, {{leave() {{}}}}) && true")
    finally:
        world.close()
    [bar] = [w for w in shadow_widgets(page) if w.tag == "kefuguard-banner"]
    assert bar.level == "caution"
    assert "Something about this address is unusual." in bar.text
    assert "content_dismiss" in bar.buttons
    click_backend_node(page, bar.buttons["content_dismiss"])
    page.wait_for_selector("kefuguard-banner", state="detached")
