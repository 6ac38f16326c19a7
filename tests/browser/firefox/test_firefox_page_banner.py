"""Firefox: a lookalike shop page gets the full-page danger banner, an official site gets none."""

from __future__ import annotations

from tests.browser.firefox.conftest import EXTENSION_ORIGIN
from tests.browser.harness import wait_for

DANGER_BANNER = "kefuguard-banner[data-kefuguard-level='danger']"


def banner_shown(tab):
    tab.wait_for_function(f"() => !!document.querySelector({DANGER_BANNER!r})")
    [banner] = tab.widgets("kefuguard-banner")
    return banner


def test_lookalike_shop_page_gets_the_danger_banner_with_the_official_site(firefox, open_tab):
    tab = open_tab("taobao-kefu.com", "/shop.html")
    banner = banner_shown(tab)
    assert banner.level == "danger"
    assert "lookalike.combo" in banner.reasons
    assert "This is probably a fake site" in banner.text
    assert "Did you mean taobao.com?" in banner.text
    assert banner.links == {"taobao.com": "https://taobao.com/"}
    assert {"Leave this page", "Details", "I understand the risk, stay"} <= set(banner.buttons)
    # the page's own scripts cannot reach into the banner
    assert tab.evaluate("() => document.querySelector('kefuguard-banner').shadowRoot") is None

    tab_id = firefox.tab_id(tab)
    badge = wait_for(lambda: firefox.badge(tab_id)["text"] == "!!" and firefox.badge(tab_id))
    assert badge, firefox.badge(tab_id)
    assert "danger" in badge["title"]


def test_official_page_gets_no_banner_and_a_verified_badge(firefox, open_tab):
    tab = open_tab("www.taobao.com", "/shop.html")
    tab_id = firefox.tab_id(tab)
    badge = wait_for(lambda: firefox.badge(tab_id)["text"] == "\u2713" and firefox.badge(tab_id))
    assert badge, firefox.badge(tab_id)
    assert "official" in badge["title"]
    assert tab.widgets() == []


def test_details_button_shows_reasons_and_advice(open_tab):
    tab = open_tab("taobao-kefu.com", "/shop.html?details")
    banner = banner_shown(tab)
    assert "Hide details" not in banner.buttons
    tab.click(banner.buttons["Details"])
    [banner] = tab.widgets("kefuguard-banner")
    assert "Hide details" in banner.buttons
    assert "Leave it and do not enter passwords" in banner.text


def test_leave_button_takes_the_tab_to_the_extensions_safe_page(open_tab):
    tab = open_tab("taobao-kefu.com", "/shop.html?leave")
    banner = banner_shown(tab)
    tab.click(banner.buttons["Leave this page"])
    left = f"{EXTENSION_ORIGIN}ui/left.html?official=taobao.com"
    assert wait_for(lambda: tab.url == left), tab.url
    tab.wait_for_function("() => document.getElementById('left').dataset.ready === 'true'")
    assert tab.evaluate("() => document.querySelector('#official a').href") == "https://taobao.com/"


def test_stay_removes_the_banner(open_tab):
    tab = open_tab("taobao-kefu.com", "/shop.html?stay")
    banner = banner_shown(tab)
    tab.click(banner.buttons["I understand the risk, stay"])
    tab.wait_for_function("() => !document.querySelector('kefuguard-banner')")


def test_a_bank_login_page_on_a_random_name_gets_the_danger_banner(open_tab):
    """What the page shows of itself (content/page-facts.js): its title names ICBC, it asks for a password."""
    tab = open_tab("xk2j9.top", "/bank-login.html")
    banner = banner_shown(tab)
    assert "page.brand_claim" in banner.reasons
    assert banner.links == {"icbc.com.cn": "https://icbc.com.cn/"}


def test_a_remembered_warning_the_host_does_not_bear_out_is_taken_back(firefox, open_tab):
    """The same memory as in Chromium (common/remembered.js): the background answers from it, the
    content script asks for the host's own verdict (check_page confirm) and takes the banner back."""
    lookalike = open_tab("taobao-kefu.com", "/shop.html?remember")
    banner_shown(lookalike)
    memory = "async (url) => (await browser.runtime.getBackgroundPage()).kefuguardBackground.hostDangers.get(url)"
    result = wait_for(lambda: firefox.api(memory, lookalike.url))
    assert result and result["level"] == "danger", result
    official = firefox.url("www.taobao.com", "/shop.html?remembered")
    firefox.api(
        "async ([url, result]) => (await browser.runtime.getBackgroundPage()).kefuguardBackground.hostDangers.note(url, result)",
        [official, result],
    )
    assert firefox.api(memory, official)["level"] == "danger"
    firefox.api("() => browser.runtime.sendMessage({kind: 'debug_stats', reset: true})")
    tab = open_tab("www.taobao.com", "/shop.html?remembered")
    assert wait_for(lambda: firefox.api(memory, official) is None)
    tab.wait_for_function("() => !document.querySelector('kefuguard-banner')")
    assert tab.widgets() == []
    assert firefox.stats()["counters"]["remembered_pages"] == 1  # the banner was up, from memory
