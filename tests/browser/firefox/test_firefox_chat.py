"""Firefox: chat messages added after load are checked and a scam one is marked next to it."""

from __future__ import annotations

import pytest

from tests.browser.harness import wait_for

SCAM_LINK = "您好，您的订单异常，点击 http://taobao-kefu.com/refund 申请退款"
BENIGN = ["您好，请问有什么可以帮您？", "这款耳机今天下单明天就能发货。", "好的，感谢您的耐心等待！"]


def receive(tab, text: str, message_id: str, sender: str | None = None) -> None:
    options = {"id": message_id, **({"sender": sender} if sender else {})}
    tab.evaluate("(text, options) => window.testChat.receive(text, options)", text, options)


def marks_for(tab, message_id: str) -> list:
    return [w for w in tab.widgets("kefuguard-mark") if w.anchor_id == message_id]


def wait_shown(tab, message_id: str) -> None:
    """A new mark is placed (made visible) in the next animation frame: click it only then."""
    tab.wait_for_function(
        "(id) => { const m = document.querySelector(`kefuguard-mark[data-kefuguard-anchor='${id}']`);"
        " return !!m && m.style.visibility === 'visible'; }",
        message_id,
    )


def level_pill(mark) -> str:
    return next(shared_id for text, shared_id in mark.buttons.items() if text.startswith("\u26a0"))


def chat_messages_checked(firefox) -> int:
    return int(firefox.stats()["counters"]["chat_messages"])


@pytest.fixture
def chat_tab(open_tab):
    tab = open_tab("shop.example.com", "/chat.html")
    tab.wait_for_function("() => !!window.testChat")
    return tab


def test_scam_link_message_added_after_load_is_marked_next_to_it(firefox, chat_tab):
    receive(chat_tab, "您好，我是店铺客服，请问有什么可以帮您？", "m-hello", sender="店铺客服")
    receive(chat_tab, SCAM_LINK, "m-scam", sender="店铺客服")
    wait_shown(chat_tab, "m-scam")

    [mark] = marks_for(chat_tab, "m-scam")
    assert mark.level == "danger"
    assert mark.reasons[0] == "link.lookalike.combo"
    assert "taobao-kefu.com puts the brand name 'taobao' together with words scammers use" in mark.text
    assert "Danger" in mark.text
    assert not marks_for(chat_tab, "m-hello")
    # the mark sits by its message: their boxes overlap vertically
    boxes = chat_tab.evaluate(
        "() => [document.getElementById('m-scam'),"
        " document.querySelector(`kefuguard-mark[data-kefuguard-anchor='m-scam']`)]"
        ".map((e) => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; })"
    )
    (message_top, message_bottom), (mark_top, mark_bottom) = boxes
    assert mark_top < message_bottom and mark_bottom > message_top, boxes

    # the level pill is always drawn (where the text leaves little room it is all that is) and opens the details
    chat_tab.click(level_pill(mark))
    [mark] = marks_for(chat_tab, "m-scam")
    assert "Hide details" in mark.buttons
    assert "Found: http://taobao-kefu.com/refund" in mark.text
    assert "Official: taobao.com" in mark.text

    tab_id = firefox.tab_id(chat_tab)
    assert wait_for(lambda: firefox.badge(tab_id)["text"] == "!!"), firefox.badge(tab_id)


def test_benign_chat_gets_no_marks(firefox, chat_tab):
    before = chat_messages_checked(firefox)
    for i, text in enumerate(BENIGN):
        receive(chat_tab, text, f"m-benign-{i}")
    assert wait_for(lambda: chat_messages_checked(firefox) >= before + len(BENIGN))
    # a scam message after them: once its mark is drawn, the replies about the earlier ones are in too
    receive(chat_tab, SCAM_LINK, "m-after-benign")
    wait_shown(chat_tab, "m-after-benign")
    assert [w.anchor_id for w in chat_tab.widgets()] == ["m-after-benign"]
