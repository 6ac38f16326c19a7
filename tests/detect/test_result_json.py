"""A result's JSON without its dict (what the service and the CLI reply with): the same bytes as the
compact JSON of `to_dict()`."""

from __future__ import annotations

import pytest

from kefuguard.compact_json import to_compact_json
from kefuguard.detect.result import Advice, Reason, Result
from kefuguard.detect.result_json import result_json
from kefuguard.detect.text.check import MAX_TEXT_CHARS, ChatMessage, check_text
from tests.detect.text_support import embedded_index

MESSAGES = [
    ChatMessage("您好，我是淘宝客服，您购买的商品有质量问题，可以办理双倍赔偿，请加QQ 2839475610"),
    ChatMessage("您的账户存在异常，请立即点击 http://a1b2c3.top/login 验证。"),
    ChatMessage("【顺丰速运】您的快件已由快递员派送，请保持电话畅通。"),
    ChatMessage("This is Amazon support, your account has been locked, tell us the code."),
    ChatMessage("验证码482910", direction="outgoing"),
    ChatMessage("好的，谢谢你，我晚点再看看尺码。", sender="淘宝官方客服", url="https://www.taobao.com/chat"),
    ChatMessage("请添加客服微信 kefu8888 处理退款事宜。", sender="京东客服", url="http://taobao-kefu.top/"),
    ChatMessage("“引号”\\反斜杠\t制表\u2028行分隔 \"quoted\" 退款 " * 3),
    ChatMessage("退款" * (MAX_TEXT_CHARS // 2 + 10)),  # truncated
    ChatMessage(""),
]


@pytest.mark.parametrize("message", MESSAGES, ids=range(len(MESSAGES)))
def test_the_json_of_a_chat_result_is_the_compact_json_of_its_dict(message):
    index = embedded_index()
    for _ in range(2):  # the second time from the kept reason heads and advice lines
        result = check_text(message, index)
        assert result_json(result) == to_compact_json(result.to_dict())


def test_unusual_fields_are_written_as_the_dict_would_be():
    reasons = [
        Reason("tactic.x", "a \"b\" \\ c", "中文\u2028", None, "m"),
        Reason("link.y", "on evil.top", "在", "x.com"),
    ]
    advice = [Advice("en", "zh"), Advice("en", "zh")]
    for extra in (
        {},
        {"brand": "overrides the field", "z": 1},  # an extra key that is a field's: the dict's update
        {"n": 1.5, "t": True, "f": False, "none": None, "nested": {"a": [1, "二"]}, "big": 10**30},
    ):
        result = Result("caution", reasons, advice, "taobao", 202612050944, False, "kefu-guard", dict(extra))
        assert result_json(result) == to_compact_json(result.to_dict())
    assert result_json(Result("none", [], [], None, None, True, None)) == to_compact_json(
        Result("none", [], [], None, None, True, None).to_dict()
    )
