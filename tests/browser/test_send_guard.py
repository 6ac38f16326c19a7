"""Before a verification code or a card number goes out in a chat, the user is asked to confirm."""

from __future__ import annotations

import pytest

from tests.browser.harness import click_backend_node, shadow_widgets, wait_for

POPOVER = "kefuguard-popover[data-kefuguard-level]"


@pytest.fixture
def chat_page(open_page):
    page = open_page("shop.example.com", "/chat.html?send")
    page.wait_for_function("() => !!window.testChat")
    return page


def sent(page) -> list[str]:
    return page.evaluate("() => [...window.testChat.sent]")


def popover(page):
    [widget] = [w for w in shadow_widgets(page) if w.tag == "kefuguard-popover"]
    return widget


def test_a_verification_code_sent_with_enter_is_held_until_confirmed(chat_page, screenshot_dir):
    chat_page.fill("#chat-input", "验证码是 482913")
    chat_page.press("#chat-input", "Enter")
    chat_page.wait_for_selector(POPOVER, state="attached", timeout=10000)
    warning = popover(chat_page)
    assert "outgoing.verification_code" in warning.reasons
    assert "Wait — don't send this in a chat" in warning.text
    assert sent(chat_page) == []
    chat_page.screenshot(path=str(screenshot_dir / "send-warning.png"))

    click_backend_node(chat_page, warning.buttons["Send anyway"])
    assert wait_for(lambda: sent(chat_page) == ["验证码是 482913"]), sent(chat_page)
    assert chat_page.locator(POPOVER).count() == 0


def test_dont_send_keeps_the_text_unsent(chat_page):
    chat_page.fill("#chat-input", "我的验证码 552211")
    chat_page.press("#chat-input", "Enter")
    chat_page.wait_for_selector(POPOVER, state="attached", timeout=10000)
    click_backend_node(chat_page, popover(chat_page).buttons["Don't send"])
    chat_page.wait_for_selector(POPOVER, state="detached")
    assert sent(chat_page) == []
    assert chat_page.input_value("#chat-input") == "我的验证码 552211"


def test_a_card_number_sent_with_the_button_is_held(chat_page):
    chat_page.fill("#chat-input", "我的银行卡号是 6222 0212 3456 7890 128")
    chat_page.click("#send")
    chat_page.wait_for_selector(POPOVER, state="attached", timeout=10000)
    assert "outgoing.card_number" in popover(chat_page).reasons
    assert sent(chat_page) == []


def test_ordinary_text_is_sent_at_once(chat_page):
    chat_page.fill("#chat-input", "请问什么时候发货？")
    chat_page.press("#chat-input", "Enter")
    assert sent(chat_page) == ["请问什么时候发货？"]
    chat_page.fill("#chat-input", "订单号 20261123 的物流到哪了")
    chat_page.press("#chat-input", "Enter")
    assert wait_for(lambda: len(sent(chat_page)) == 2), sent(chat_page)
    assert chat_page.locator(POPOVER).count() == 0
