"""Firefox: before a verification code or a card number goes out in a chat, the user is asked to confirm."""

from __future__ import annotations

import pytest

from tests.browser.harness import wait_for

POPOVER = "kefuguard-popover[data-kefuguard-level]"


@pytest.fixture
def chat_tab(open_tab):
    tab = open_tab("shop.example.com", "/chat.html?send")
    tab.wait_for_function("() => !!window.testChat")
    return tab


def sent(tab) -> list[str]:
    return list(tab.evaluate("() => [...window.testChat.sent]"))


def input_value(tab) -> str:
    return str(tab.evaluate("() => document.getElementById('chat-input').value"))


def popover(tab):
    tab.wait_for_function(f"() => !!document.querySelector({POPOVER!r})")
    [widget] = tab.widgets("kefuguard-popover")
    return widget


def test_a_verification_code_sent_with_enter_is_held_until_confirmed(chat_tab):
    chat_tab.type("#chat-input", "验证码是 482913")
    assert input_value(chat_tab) == "验证码是 482913"
    chat_tab.press_enter()
    warning = popover(chat_tab)
    assert "outgoing.verification_code" in warning.reasons
    assert "Wait — don't send this in a chat" in warning.text
    assert sent(chat_tab) == []

    chat_tab.click(warning.buttons["Send anyway"])
    assert wait_for(lambda: sent(chat_tab) == ["验证码是 482913"]), sent(chat_tab)
    assert chat_tab.widgets("kefuguard-popover") == []


def test_dont_send_keeps_the_text_unsent(chat_tab):
    chat_tab.type("#chat-input", "我的验证码 552211")
    chat_tab.press_enter()
    chat_tab.click(popover(chat_tab).buttons["Don't send"])
    chat_tab.wait_for_function(f"() => !document.querySelector({POPOVER!r})")
    assert sent(chat_tab) == []
    assert input_value(chat_tab) == "我的验证码 552211"


def test_a_card_number_sent_with_the_button_is_held(chat_tab):
    chat_tab.type("#chat-input", "我的银行卡号是 6222 0212 3456 7890 128")
    chat_tab.click(chat_tab.shared_id("#send"))
    assert "outgoing.card_number" in popover(chat_tab).reasons
    assert sent(chat_tab) == []


def test_ordinary_text_is_sent_at_once(chat_tab):
    chat_tab.type("#chat-input", "请问什么时候发货？")
    chat_tab.press_enter()
    assert sent(chat_tab) == ["请问什么时候发货？"]
    chat_tab.type("#chat-input", "订单号 20261123 的物流到哪了")
    chat_tab.press_enter()
    assert wait_for(lambda: len(sent(chat_tab)) == 2), sent(chat_tab)
    assert chat_tab.widgets("kefuguard-popover") == []
