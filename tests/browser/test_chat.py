"""Chat widgets: messages added after load are checked in batches and marked inline, next to the message."""

from __future__ import annotations

import json

import pytest

from tests.browser.harness import ContentScriptWorld, click_backend_node, shadow_widgets, wait_for

SCAM_LINK = "您好，您的订单异常，点击 http://taobao-kefu.com/refund 申请退款"
TACTIC_ONLY = "我是淘宝官方客服，您的订单异常，需要为您办理退款，请添加QQ 12345678 联系我"
BENIGN = ["您好，请问有什么可以帮您？", "这款耳机今天下单明天就能发货。", "好的，感谢您的耐心等待！"]


def chat_messages_checked(browser) -> int:
    return browser.stats()["counters"]["chat_messages"]


def receive(page_or_frame, text: str, message_id: str, sender: str | None = None) -> None:
    options = {"id": message_id}
    if sender:
        options["sender"] = sender
    page_or_frame.evaluate("([text, options]) => window.testChat.receive(text, options)", [text, options])


def mark_selector(message_id: str, level: str = "danger") -> str:
    """The mark about the element with this id (marks live in our own layer, not next to the message)."""
    return f"kefuguard-mark[data-kefuguard-anchor='{message_id}'][data-kefuguard-level='{level}']"


def wait_shown(page, message_id: str) -> None:
    """A new mark is placed (made visible) in the next animation frame: click it only then."""
    page.wait_for_function(
        "(id) => { const m = document.querySelector(`kefuguard-mark[data-kefuguard-anchor='${id}']`);"
        " return !!m && m.style.visibility === 'visible'; }",
        arg=message_id,
    )


def level_pill(mark) -> int:
    """The mark's level sign: always drawn (where there is little room it is all that is), opens the details."""
    return next(node for text, node in mark.buttons.items() if text.startswith("\u26a0"))


def mark_after(page, message_id: str) -> list:
    return [w for w in shadow_widgets(page) if w.tag == "kefuguard-mark" and w.anchor_id == message_id]


@pytest.fixture
def chat_page(open_page):
    page = open_page("shop.example.com", "/chat.html")
    page.wait_for_function("() => !!window.testChat")
    return page


def test_scam_link_message_added_after_load_is_marked_next_to_it(browser, chat_page, screenshot_dir):
    receive(chat_page, "您好，我是店铺客服，请问有什么可以帮您？", "m-hello", sender="店铺客服")
    receive(chat_page, SCAM_LINK, "m-scam", sender="店铺客服")
    chat_page.wait_for_selector(mark_selector("m-scam"), state="attached", timeout=10000)
    wait_shown(chat_page, "m-scam")  # a mark's line is built when its message first comes into view

    [mark] = mark_after(chat_page, "m-scam")
    assert mark.reasons[0] == "link.lookalike.combo"
    assert "taobao-kefu.com puts the brand name 'taobao' together with words scammers use" in mark.text
    assert "Danger" in mark.text
    assert not mark_after(chat_page, "m-hello")
    chat_page.locator("#chat-root").screenshot(path=str(screenshot_dir / "chat-warning.png"))

    wait_shown(chat_page, "m-scam")
    # the level sign opens the details: "Details" itself is not drawn where the mark has little room
    # (beside a message whose text fills its bubble, which depends on the fonts installed)
    click_backend_node(chat_page, level_pill(mark))
    [mark] = mark_after(chat_page, "m-scam")
    assert "Hide details" in mark.buttons
    assert "Found: http://taobao-kefu.com/refund" in mark.text
    assert "Official: taobao.com" in mark.text
    assert "What to do" in mark.text
    chat_page.evaluate(
        "() => { const list = document.getElementById('messages');"
        " const mark = document.getElementById('m-scam');"
        " list.scrollTop += mark.getBoundingClientRect().top - list.getBoundingClientRect().top - 60; }"
    )
    chat_page.locator("#chat-root").screenshot(path=str(screenshot_dir / "chat-warning-details.png"))

    tab = browser.tab_id(chat_page)
    assert wait_for(lambda: browser.badge(tab)["text"] == "!!"), browser.badge(tab)


def test_a_mark_out_of_view_is_filled_in_when_its_message_comes_into_view(chat_page):
    """A busy chat's marks mostly scroll away before they are seen: such a mark carries its level
    and reasons at once, and its line is drawn when its message is scrolled back into view."""
    # in one task, before any result is back: the chat scrolls to its newest message, the scam leaves the view
    chat_page.evaluate(
        "([scam, n]) => { window.testChat.receive(scam, {id: 'v-scam', sender: '店铺客服'});"
        " for (let i = 0; i < n; i++) window.testChat.receive(`好的，第${i}件商品已为您登记。`, {id: `v-ok-${i}`}); }",
        [SCAM_LINK, 40],
    )
    chat_page.wait_for_selector(mark_selector("v-scam"), state="attached", timeout=10000)
    chat_page.wait_for_timeout(300)
    [mark] = mark_after(chat_page, "v-scam")
    assert mark.reasons[0] == "link.lookalike.combo"
    assert mark.text == "" and not mark.buttons
    chat_page.evaluate("() => document.getElementById('v-scam').scrollIntoView()")
    wait_shown(chat_page, "v-scam")
    [mark] = mark_after(chat_page, "v-scam")
    assert "taobao-kefu.com puts the brand name 'taobao' together with words scammers use" in mark.text
    assert "Danger" in mark.text
    assert any(text.startswith("\u26a0") for text in mark.buttons)


def test_a_mark_below_the_view_is_filled_in_when_the_chat_is_scrolled_down_to_it(chat_page):
    """The user has scrolled up to read the history when a scam message arrives at the bottom: its
    mark is drawn when the chat is scrolled back down to it (a mark out of view is not watched on
    every frame, only when its box scrolls its way)."""
    chat_page.evaluate(
        "([scam, n]) => { for (let i = 0; i < n; i++) window.testChat.receive(`好的，第${i}件商品已为您登记。`, {id: `b-ok-${i}`});"
        " window.testChat.receive(scam, {id: 'b-scam', sender: '店铺客服'});"
        " document.getElementById('messages').scrollTop = 0; }",
        [SCAM_LINK, 40],
    )
    chat_page.wait_for_selector(mark_selector("b-scam"), state="attached", timeout=10000)
    chat_page.wait_for_timeout(300)
    [mark] = mark_after(chat_page, "b-scam")
    assert mark.text == "" and not mark.buttons
    chat_page.evaluate("() => { const list = document.getElementById('messages'); list.scrollTop = list.scrollHeight; }")
    wait_shown(chat_page, "b-scam")
    [mark] = mark_after(chat_page, "b-scam")
    assert "taobao-kefu.com puts the brand name 'taobao' together with words scammers use" in mark.text


def test_tactic_only_message_is_checked(browser, chat_page):
    before = chat_messages_checked(browser)
    receive(chat_page, TACTIC_ONLY, "m-tactic")
    assert wait_for(lambda: chat_messages_checked(browser) > before)
    # the text-tactic detector is still being tuned: whatever it says must be drawn consistently
    marks = mark_after(chat_page, "m-tactic")
    for mark in marks:
        assert mark.level in ("caution", "danger")
        assert any(code.startswith("tactic.") for code in mark.reasons)


def test_benign_chat_gets_no_marks(browser, chat_page):
    before = chat_messages_checked(browser)
    for i, text in enumerate(BENIGN):
        receive(chat_page, text, f"m-benign-{i}")
    assert wait_for(lambda: chat_messages_checked(browser) >= before + len(BENIGN))
    chat_page.wait_for_timeout(200)
    assert chat_page.locator("[data-kefuguard-level]").count() == 0


def test_markup_in_a_message_is_only_text(chat_page):
    hostile = '<img src=x onerror="window.__kgPwned=1"> 退款请点 http://taobao-kefu.com/refund'
    receive(chat_page, hostile, "m-markup", sender='<img src=y onerror="window.__kgPwned=2">')
    chat_page.wait_for_selector(mark_selector("m-markup"), state="attached", timeout=10000)
    wait_shown(chat_page, "m-markup")
    [mark] = mark_after(chat_page, "m-markup")
    click_backend_node(chat_page, level_pill(mark))
    [mark] = mark_after(chat_page, "m-markup")
    assert "img" not in mark.element_names
    assert mark.element_names <= {"div", "span", "button", "ul", "li", "strong", "a", "style"}
    assert chat_page.evaluate("window.__kgPwned") is None
    assert chat_page.locator("#m-markup img").count() == 0


def test_warning_widgets_render_hostile_host_strings_as_text(chat_page):
    """Even a reply full of markup (a broken or hostile host) becomes text in the closed shadow root."""
    payload = {
        "level": "danger",
        "reasons": [
            {
                "code": "x.y",
                "message": '<img src=x onerror="window.__kgPwned=3">',
                "matched": "<b>bold</b>",
                "official": "<script>window.__kgPwned=4</script>",
            }
        ],
        "advice": ['<a href="javascript:window.__kgPwned=5">click</a>'],
    }
    expression = (
        "(() => { const target = document.createElement('div'); target.id = 'm-synthetic'; target.textContent = 'x';"
        " document.getElementById('messages').append(target);"
        f" KefuGuard.widgets.markMessage(target, {json.dumps(payload)}, 'en', (k, ...s) => k + ' ' + s.join(' '));"
        " return window.__kgPwned === undefined; })()"
    )
    world = ContentScriptWorld(chat_page)
    try:
        assert world.evaluate(expression) is True
    finally:
        world.close()
    wait_shown(chat_page, "m-synthetic")
    [mark] = mark_after(chat_page, "m-synthetic")
    click_backend_node(chat_page, level_pill(mark))
    [mark] = mark_after(chat_page, "m-synthetic")
    assert '<img src=x onerror="window.__kgPwned=3">' in mark.text
    assert "<b>bold</b>" in mark.text
    assert '<a href="javascript:window.__kgPwned=5">click</a>' in mark.text
    assert not {"img", "b", "script", "a"} & mark.element_names
    assert chat_page.evaluate("window.__kgPwned") is None


def test_chat_as_an_aria_log_without_class_names_is_found(chat_page, open_page):
    page = open_page("shop.example.com", "/chat.html?variant=aria")
    page.wait_for_function("() => !!window.testChat")
    receive(page, SCAM_LINK, "a-scam")
    page.wait_for_selector(mark_selector("a-scam"), state="attached", timeout=10000)


def test_chat_in_a_cross_origin_frame_is_checked(open_page):
    page = open_page("shop.example.com", "/chat-frame.html")
    frame = wait_for(lambda: next((f for f in page.frames if "im.chat-widget.example" in f.url), None))
    assert frame
    frame.wait_for_function("() => !!window.testChat")
    receive(frame, SCAM_LINK, "f-scam")
    frame.wait_for_selector(mark_selector("f-scam"), state="attached", timeout=10000)


def test_chinese_ui_language_shows_the_hosts_chinese_text(browser, open_page):
    browser.worker.evaluate("() => chrome.storage.local.set({settings: {language: 'zh_CN'}})")
    try:
        page = open_page("shop.example.com", "/chat.html?zh")
        page.wait_for_function("() => !!window.testChat")
        receive(page, SCAM_LINK, "z-scam")
        page.wait_for_selector(mark_selector("z-scam"), state="attached", timeout=10000)
        wait_shown(page, "z-scam")
        [mark] = mark_after(page, "z-scam")
        assert "危险" in mark.text
        assert "把品牌名“taobao”和诈骗常用词拼在一起" in mark.text
        assert "详情" in mark.buttons
    finally:
        browser.worker.evaluate("() => chrome.storage.local.remove('settings')")


def test_chat_in_a_closed_shadow_root_defined_late_is_checked(browser, open_page):
    """A web component with a closed shadow root, defined after the page loaded: the messages it
    shows when it appears and the ones added later are both found."""
    page = open_page("shop.example.com", "/shadow-chat.html")
    page.wait_for_function("() => window.shadowChat.defined")
    page.wait_for_selector(mark_selector("h-scam"), state="attached", timeout=15000)
    page.evaluate(
        "() => window.shadowChat.receive("
        + json.dumps(TACTIC_ONLY + " 点击 http://taobao-kefu.com/pay")
        + ", 'l-scam')"
    )
    page.wait_for_selector(mark_selector("l-scam"), state="attached", timeout=10000)
    page.wait_for_timeout(300)
    assert not mark_after(page, "h-hello")
    # the page itself cannot reach into the closed root: the marks are in our own layer
    assert page.evaluate("() => document.querySelector('shop-chat').shadowRoot") is None
