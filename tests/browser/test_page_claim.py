"""A page on an address that says nothing, presenting itself as a listed brand and asking for a
password: the banner names the brand and its official site (content/page-facts.js, the host's
detect/page_claim.py). A forum's login page that mentions brands gets none."""

from __future__ import annotations

from tests.browser.harness import shadow_widgets, wait_for

DANGER_BANNER = "kefuguard-banner[data-kefuguard-level='danger']"


def test_a_bank_login_page_on_a_random_name_gets_the_danger_banner(browser, open_page):
    page = open_page("xk2j9.top", "/bank-login.html")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    [banner] = [w for w in shadow_widgets(page) if w.tag == "kefuguard-banner"]
    assert "page.brand_claim" in banner.reasons
    assert "icbc.com.cn" in banner.text
    assert banner.links == {"icbc.com.cn": "https://icbc.com.cn/"}
    tab = browser.tab_id(page)
    badge = wait_for(lambda: browser.badge(tab)["text"] == "!!" and browser.badge(tab))
    assert badge, browser.badge(tab)


def test_a_password_field_added_later_is_seen_and_the_pages_title_stays_text(open_page):
    page = open_page("a1b2c3.top", "/signin-steps.html")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    [banner] = [w for w in shadow_widgets(page) if w.tag == "kefuguard-banner"]
    assert "page.brand_claim" in banner.reasons and "paypal.com" in banner.text
    assert page.evaluate("() => !!window.__kefuguard_xss") is False
    assert page.evaluate("() => document.querySelectorAll('img').length") == 0  # nothing the title said was built


def test_a_forum_login_page_naming_brands_gets_no_banner(browser, open_page):
    page = open_page("bbs.luntan-xyz.cn", "/forum-login.html")
    tab = browser.tab_id(page)
    asked = "(tabId) => !!(globalThis.kefuguardBackground.tabs.get(tabId) || {}).page"
    assert wait_for(lambda: browser.worker.evaluate(asked, tab))
    page.wait_for_timeout(1000)  # the page-facts check goes after the address check
    assert page.locator("[data-kefuguard-level]").count() == 0
