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
    assert {"Leave this page", "Details", "Save evidence", "I understand the risk, stay"} <= set(banner.buttons)
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


# --- the danger banner is modal: nothing behind it takes focus, keys or scrolling -----------------


def _focused_in_banner(page) -> str | None:
    """The name of the focused node inside our closed shadow root (DevTools' accessibility tree sees it)."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    for node in nodes:
        if node.get("role", {}).get("value") == "RootWebArea":
            continue  # the document itself is focused too
        if any(p["name"] == "focused" and p["value"].get("value") for p in node.get("properties", [])):
            return node.get("name", {}).get("value")
    return None


def _page_state(page) -> dict:
    return page.evaluate(
        """() => ({
            active: document.activeElement ? document.activeElement.tagName.toLowerCase() : null,
            values: [...document.querySelectorAll('input, textarea')].map((e) => e.value),
            scrollY: window.scrollY,
            keys: window.__keys.length,
        })"""
    )


def _open_long_lookalike(open_page, query: str):
    page = open_page("taobao-kefu.com", f"/shop.html?{query}")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    page.wait_for_function("() => document.readyState === 'complete'")
    # a long page (something to scroll) and a page script that listens to every key, as key loggers do
    page.evaluate(
        """() => {
            const filler = document.createElement('div');
            filler.style.height = '5000px';
            document.body.append(filler);
            window.__keys = [];
            document.addEventListener('keydown', (e) => window.__keys.push(e.key));
        }"""
    )
    return page


def test_danger_banner_keeps_keyboard_focus_in_itself(open_page):
    page = _open_long_lookalike(open_page, "trap")
    [banner] = [w for w in shadow_widgets(page) if w.tag == "kefuguard-banner"]
    # the order of the page: "Did you mean taobao.com?", then the buttons
    cycle = ["taobao.com", "Leave this page", "Details", "Save evidence", "I understand the risk, stay"]
    assert _focused_in_banner(page) == "Leave this page"
    seen = []
    for key in ["Tab"] * 11 + ["Shift+Tab"] * 11:
        page.keyboard.press(key)
        state = _page_state(page)
        assert state["active"] == "kefuguard-banner", (key, state)
        seen.append(_focused_in_banner(page))
    forward = [cycle[(1 + i) % 5] for i in range(1, 12)]
    backward = [cycle[(12 - i) % 5] for i in range(1, 12)]
    assert seen == forward + backward, seen
    assert _page_state(page)["keys"] == 0  # the page's key listener heard none of it
    assert banner.level == "danger"


def test_danger_banner_lets_no_typing_or_scrolling_reach_the_page(open_page):
    page = _open_long_lookalike(open_page, "inert")
    for _ in range(2):  # Escape does not close it (nor does the browser's second, uncancellable close request)
        page.keyboard.press("Escape")
    for _ in range(6):  # ends on "Details" (Space below opens it; on "stay" it would dismiss the banner)
        page.keyboard.press("Tab")
        page.keyboard.type("6222020200112233")
    page.mouse.move(550, 360)
    for _ in range(5):
        page.mouse.wheel(0, 600)
    for key in ["PageDown", "ArrowDown", "End", "Space"]:
        page.keyboard.press(key)
    page.wait_for_timeout(300)  # smooth scrolling would have moved by now
    state = _page_state(page)
    assert state["values"] == ["", "", ""], state
    assert state["scrollY"] == 0, state
    assert state["keys"] == 0, state
    # a page script cannot move focus behind the banner either
    page.evaluate("() => document.querySelector('input').focus()")
    assert _page_state(page)["active"] == "kefuguard-banner"
    # and the mouse reaches nothing
    page.mouse.click(100, 200)
    assert _page_state(page)["active"] != "input"
    [banner] = [w for w in shadow_widgets(page) if w.tag == "kefuguard-banner"]
    assert banner.level == "danger"


def test_after_stay_the_page_works_normally_again(open_page):
    page = _open_long_lookalike(open_page, "afterstay")
    [banner] = [w for w in shadow_widgets(page) if w.tag == "kefuguard-banner"]
    click_backend_node(page, banner.buttons["I understand the risk, stay"])
    page.wait_for_selector(DANGER_BANNER, state="detached", timeout=5000)
    # the page's own styles are as they were (no style attribute left behind)
    styled = page.evaluate("() => [document.documentElement, document.body].map((e) => e.hasAttribute('style'))")
    assert styled == [False, False]
    page.click("input[placeholder='银行卡号']")
    page.keyboard.type("123")
    assert page.input_value("input[placeholder='银行卡号']") == "123"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.placeholder") == "短信验证码"
    page.mouse.move(550, 360)
    page.mouse.wheel(0, 600)
    assert wait_for(lambda: page.evaluate("() => window.scrollY") > 0)
    assert page.evaluate("() => window.__keys.length") > 0
