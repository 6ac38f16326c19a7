"""The agent console of `kefuguard serve` (GET /) in real Chromium: a lookalike link, a two-line
conversation, both languages, and pasted markup that must stay text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kefuguard.serve.app import Options
from kefuguard.serve.server import Server
from tests.browser.harness import chromium_args, chromium_executable
from tests.serve.conftest import ServerThread, engine_for


@pytest.fixture(scope="module")
def chromium(playwright_driver: Any) -> Iterator[Any]:
    """A plain Chromium (no extension): the console is an ordinary web page."""
    executable = chromium_executable()
    assert executable
    browser = playwright_driver.chromium.launch(headless=True, executable_path=executable, args=chromium_args(None))
    yield browser
    browser.close()


@pytest.fixture
def console(home: Path) -> Iterator[str]:
    server = Server(
        engine_for(home), Options(loopback_hosts_only=True), "127.0.0.1", 0, run_updates=False, freeze=False
    )
    with ServerThread(server) as running:
        yield f"http://127.0.0.1:{running.port}/"


@pytest.fixture
def open_console(chromium: Any, console: str) -> Iterator[Any]:
    contexts: list[Any] = []

    def opener(locale: str = "en-US") -> Any:
        context = chromium.new_context(locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.csp_errors = []
        page.on(
            "console",
            lambda m: page.csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
        )
        page.goto(console)
        page.wait_for_selector("#check:has-text('Check'), #check:has-text('检查')")
        return page

    yield opener
    for context in contexts:
        context.close()


def check(page: Any, text: str) -> None:
    page.click("#clear")  # no earlier card to mistake for this check's
    page.fill("#input", text)
    page.click("#check")
    page.wait_for_selector("#results .card")
    page.wait_for_function("!document.getElementById('check').disabled")


def test_a_lookalike_link_shows_danger_with_reasons_and_the_official_site(open_console):
    page = open_console("en-US")
    assert page.evaluate("document.documentElement.lang") == "en"
    check(page, "https://taobao-kefu.com/")
    card = page.locator("#results .card").first
    assert card.get_attribute("data-level") == "danger"
    assert card.locator(".badge").first.inner_text() == "Danger"
    assert card.locator(".subject").inner_text() == "https://taobao-kefu.com/"
    reasons = card.locator("ul.why li").all_inner_texts()
    assert reasons and any("taobao.com" in r for r in reasons)
    assert card.locator("ul.advice li").count() >= 1
    brand = card.locator(".brand")
    assert "Official channels of Taobao" in brand.inner_text()
    assert "taobao.com" in brand.locator(".sites .channel").all_inner_texts()
    assert page.csp_errors == []


def test_a_two_line_conversation_in_chinese(open_console):
    page = open_console("zh-CN")  # the browser's language picks Chinese
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    assert page.locator("#lang").inner_text() == "English"
    check(page, "客户: 您好，我是淘宝客服，您的订单异常需要退款，请加我QQ 123456\n客服: 请通过淘宝App联系官方客服")
    card = page.locator("#results .card.chat")
    assert card.get_attribute("data-level") == "danger"
    assert card.locator(".head .badge").first.inner_text() == "危险"
    messages = card.locator("ol.messages li.message")
    assert messages.count() == 2
    first, second = messages.nth(0), messages.nth(1)
    assert first.get_attribute("data-level") == "danger"
    assert first.locator(".who").inner_text() == "客户" and second.locator(".who").inner_text() == "客服"
    assert second.locator(".message-text").inner_text() == "请通过淘宝App联系官方客服"  # the prefix is not text
    assert first.locator("ul.why li").count() >= 1
    assert "淘宝的官方渠道" in card.locator(".brand").inner_text()
    assert "taobao.com" in card.locator(".brand .sites .channel").all_inner_texts()
    # what the conversation said, remembered across its messages: the brand claimed
    assert card.locator(".memory li.claim").all_inner_texts() == ["自称是淘宝（第 1 条）"]
    # the switch re-renders the same results in English
    page.click("#lang")
    assert page.locator("#lang").inner_text() == "中文"
    assert page.evaluate("document.documentElement.lang") == "en"
    assert card.locator(".head .badge").first.inner_text() == "Danger"
    assert first.locator(".who").inner_text() == "Customer"
    assert "Official channels of Taobao" in card.locator(".brand").inner_text()
    assert card.locator(".memory li.claim").all_inner_texts() == ["Says it is Taobao (message 1)"]
    assert page.csp_errors == []


def test_a_conversation_shows_every_number_offered_against_the_claimed_brand(open_console):
    page = open_console("en-US")
    chat = "customer: Hi, I am Taobao customer service, your order failed\ncustomer: call 13812345678 for the refund"
    check(page, chat)
    offered = page.locator("#results .card.chat .memory li.offered")
    assert offered.count() == 1
    assert offered.get_attribute("data-standing") == "not_official"
    text = offered.inner_text()
    assert text.startswith("13812345678: not official (message 2)") and "9510211" in text


def test_pasted_markup_is_shown_as_text_and_never_runs(open_console):
    page = open_console("en-US")
    hostile = '<img src=x onerror="window.__pwned=1">加我QQ领取退款<script>window.__pwned=2</script>'
    check(page, hostile)
    card = page.locator("#results .card").first
    assert card.locator(".subject").inner_text() == hostile
    check(page, f"customer: {hostile}\nagent: <b>bold</b>")
    chat = page.locator("#results .card.chat")
    assert chat.locator(".message-text").all_inner_texts() == [hostile, "<b>bold</b>"]
    assert page.evaluate("document.querySelectorAll('#results img, #results script, #results b').length") == 0
    assert page.evaluate("window.__pwned") is None
    assert page.csp_errors == []


def test_with_a_token_the_console_asks_for_it_and_then_checks(chromium: Any, home: Path) -> None:
    token = "t" * 40
    server = Server(engine_for(home), Options(token=token), "127.0.0.1", 0, run_updates=False, freeze=False)
    with ServerThread(server) as running:
        context = chromium.new_context(locale="en-US")
        try:
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{running.port}/")  # the page loads without the token
            page.wait_for_selector("#token-row:not([hidden])")  # its status request was refused: it asks
            page.fill("#input", "https://taobao-kefu.com/")
            page.fill("#token", "wrong" + token)
            page.dispatch_event("#token", "change")
            page.click("#check")
            page.wait_for_selector("#results .card")
            assert page.locator("#results .card").first.get_attribute("data-level") != "danger"
            page.fill("#token", token)
            page.dispatch_event("#token", "change")
            check(page, "https://taobao-kefu.com/")
            assert page.locator("#results .card").first.get_attribute("data-level") == "danger"
        finally:
            context.close()
