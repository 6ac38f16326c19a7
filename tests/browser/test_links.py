"""Links to other sites: a click on a lookalike link is held with a warning; other links just work."""

from __future__ import annotations

from tests.browser.harness import click_backend_node, shadow_widgets

POPOVER = "kefuguard-popover[data-kefuguard-level='danger']"


def test_click_on_a_lookalike_link_is_held_with_a_warning(open_page):
    page = open_page("shop.example.com", "/links.html")
    start = page.url
    page.hover("#bad")
    page.click("#bad")
    page.wait_for_selector(POPOVER, state="attached", timeout=10000)
    [warning] = [w for w in shadow_widgets(page) if w.tag == "kefuguard-popover"]
    assert "lookalike.combo" in warning.reasons
    assert "This link leads to a suspicious site" in warning.text
    assert page.url == start

    click_backend_node(page, warning.buttons["Open anyway"])
    page.wait_for_url("http://taobao-kefu.com:*/shop.html?from=link", timeout=10000)


def test_click_without_pointing_first_is_still_checked(open_page):
    page = open_page("shop.example.com", "/links.html?keyboard")
    page.focus("#bad")
    page.keyboard.press("Enter")
    page.wait_for_selector(POPOVER, state="attached", timeout=10000)


def test_official_and_same_site_links_are_followed(open_page):
    page = open_page("shop.example.com", "/links.html?good")
    page.click("#good")
    page.wait_for_url("http://www.taobao.com:*/shop.html?from=link", timeout=10000)
    page.go_back()
    page.click("#same")
    page.wait_for_url("http://shop.example.com:*/chat.html", timeout=10000)
