"""Hostile and broken input: a result or a clear InputError with a code, in bounded time and memory."""

from __future__ import annotations

import json
import time

import pytest

from kefuguard.detect.text.chat import MAX_CHAT_MESSAGES, check_chat, fit_messages
from kefuguard.detect.text.check import MAX_TEXT_CHARS, ChatMessage
from kefuguard.errors import InputError
from tests.detect.text_support import check, embedded_index


def reply_bytes(obj: object) -> int:
    return len(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "😀😂🤣🙏" * 50,  # only emoji
        "退款 refund возврат استرداد 払い戻し 환불",  # mixed scripts
        "\u200b\u200c\u200d\u2060\ufeff" * 100,  # only zero-width characters
        "<div onclick='x()'><a href=\"http://example.org\">点击</a><script>alert(1)</script></div>",
        "a\x00b\x00c",  # NUL bytes
        "前\ud800后\udfff",  # lone surrogates
        "\U0001f600" * 3 + "\ufffd" * 3,
        "1" * 5000,  # one huge number
        "." * 5000,
        "http://" * 1000,
        "加" * 5000,
        "1-8oo-3o1-4629 " * 3,  # numbers with the letter O for zeros, run together: groups of the read digits
        "订单 8oo 1380013800o",
    ],
)
def test_odd_text_gets_a_result_that_can_be_sent_as_json(text):
    for direction in ("incoming", "outgoing"):
        result = check(text, direction=direction).to_dict()
        assert result["level"] in ("none", "caution", "danger")
        json.dumps(result, ensure_ascii=False).encode("utf-8")  # no lone surrogate survives


def test_html_is_read_as_text_and_its_link_is_checked():
    result = check("<a href='http://a1b2c3.top/login'>您的账户异常，请立即点击登录验证</a>")
    assert result.level in ("caution", "danger")


def test_ten_megabyte_text_is_cut_to_the_analysed_length_quickly():
    text = "您的订单异常，请联系客服退款 " * (10 * 1024 * 1024 // 16)
    started = time.process_time()  # this process's CPU: other work on the machine does not count
    result = check(text)
    assert time.process_time() - started < 5
    assert result.extra["truncated"] is True and MAX_TEXT_CHARS < len(text)


def test_a_keyword_flood_stays_bounded_and_cannot_hide_the_scam_after_it():
    started = time.process_time()  # this process's CPU: other work on the machine does not count
    check("退款验证码加微信安全账户屏幕共享" * 2000)
    check("a" * 20_000)
    check("加 " * 10_000)
    assert time.process_time() - started < 5
    assert check("好的" * 5000 + "请把钱转入安全账户").level == "danger"


@pytest.mark.parametrize(
    "raw, message",
    [
        (None, "object"),
        ("text", "object"),
        ({}, "'text'"),
        ({"text": 5}, "'text'"),
        ({"text": "x", "direction": "sideways"}, "'direction'"),
        ({"text": "x", "sender": 3}, "'sender'"),
        ({"text": "x", "url": ["a"]}, "'url'"),
    ],
)
def test_malformed_messages_are_input_errors_with_a_code(raw, message):
    with pytest.raises(InputError) as e:
        ChatMessage.from_dict(raw)
    assert e.value.code == "bad_request" and message in e.value.message


def test_direction_null_means_incoming():
    assert ChatMessage.from_dict({"text": "x", "direction": None}).direction == "incoming"


@pytest.mark.parametrize("messages", [[], "hi", None, [{"text": "x"}] * (MAX_CHAT_MESSAGES + 1)])
def test_bad_conversations_are_refused(messages):
    with pytest.raises(InputError) as e:
        check_chat(None, messages, embedded_index())
    assert e.value.code == "bad_request"


def test_a_non_string_page_url_is_refused():
    with pytest.raises(InputError):
        check_chat(5, [{"text": "x"}], embedded_index())


def test_a_thousand_message_conversation_is_answered_in_bounded_time_and_size():
    lines = [
        "您好，我是淘宝客服，您的订单异常，请加我微信处理退款",
        "请把收到的验证码发给我，为您办理双倍赔偿",
        "好的，谢谢",
        "亲，今天下单明天发货哦",
    ]
    messages = [{"text": lines[i % 4] * 20, "direction": "incoming"} for i in range(MAX_CHAT_MESSAGES)]
    started = time.process_time()  # this process's CPU: other work on the machine does not count
    reply = check_chat("https://example.org/chat", messages, embedded_index())
    assert time.process_time() - started < 20
    assert len(reply["messages"]) == MAX_CHAT_MESSAGES
    assert reply["level"] == "danger"
    assert reply_bytes(reply) < 1024 * 1024


def test_huge_messages_in_a_long_conversation_share_one_analysis_budget():
    """Each message counts up to the 20,000 characters analysed, against 1,000,000 per request."""
    with pytest.raises(InputError, match="1,000,000 characters"):
        check_chat(None, [{"text": "退款" * 10_000} for _ in range(300)], embedded_index())
    reply = check_chat(None, [{"text": "退款" * 20_000} for _ in range(50)], embedded_index())
    assert len(reply["messages"]) == 50 and all(m.get("truncated") for m in reply["messages"])


def test_per_message_results_are_trimmed_only_as_far_as_needed():
    full = check("我是淘宝客服，请把验证码发给我").to_dict()
    quiet = check("好的").to_dict()
    messages = [full, quiet] * 300
    assert fit_messages(messages, 10**9) == messages  # fits: untouched
    trimmed = fit_messages(messages, 60_000)
    assert reply_bytes(trimmed) <= 60_000
    assert [m["level"] for m in trimmed] == [m["level"] for m in messages]  # every message keeps its verdict
    assert trimmed[0]["reasons"][0]["code"] == full["reasons"][0]["code"]
