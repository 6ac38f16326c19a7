"""Masking (docs/evidence.md, Privacy): codes and Luhn-valid card numbers in the user's own messages,
never in incoming ones, never a number that is neither."""

from __future__ import annotations

import json
import re

import pytest

from kefuguard.evidence.mask import mask_outgoing
from tests.evidence.conftest import Made


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("验证码 123456", "验证码 ****56"),
        ("我的驗證碼是：884213", "我的驗證碼是：****13"),  # traditional characters fold to the code word
        ("123456", "****56"),  # alone in the message
        (" 4321。", " **21。"),
        ("my code is 8842, ok", "my code is **42, ok"),
        ("8842 is the OTP", "**42 is the OTP"),
        ("PIN: 1234", "PIN: **34"),
        ("４３２１", "**２１"),  # full-width digits
        ("卡号 6222 0212 3456 7894", "卡号 **** **** **** 7894"),
        ("卡号 6222-0212-3456-7894 谢谢", "卡号 ****-****-****-7894 谢谢"),
        ("4111111111111111", "************1111"),
        ("amex 378282246310005", "amex ***********0005"),  # 15 digits
        ("卡 6222021234567894 验证码 1234", "卡 ************7894 验证码 **34"),
    ],
)
def test_codes_and_card_numbers_are_masked(text: str, masked: str) -> None:
    result = mask_outgoing(text)
    assert result.text == masked
    assert len(result.text) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "订单号 1234567812345678",  # 16 digits, not Luhn-valid: not a card
        "1234 5678 1234 5678",
        "电话 13800138000",  # 11 digits, no code word
        "我今年 2024 年买的",  # 4 digits, no code word, not alone
        "pinned 1234 times",  # 'pin' only as a whole word
        "付款 12345 元",
        "no digits here",
    ],
)
def test_other_numbers_stay(text: str) -> None:
    assert mask_outgoing(text).text == text


def test_masked_fragments_map_to_the_same_span() -> None:
    original = "验证码 123456，卡号 6222 0212 3456 7894"
    masked = mask_outgoing(original)
    assert masked.same_span(original, "6222") == "****"
    assert masked.same_span(original, "123456") == "****56"
    assert masked.same_span(original, "卡号") == "卡号"
    assert masked.same_span(original, "6222021234567894") == "************7894"  # not as written: on its own


def _json_part(data: bytes, name: str):
    m = re.search(rb'data-part="' + name.encode() + rb'">(.*?)</script>', data, re.S)
    assert m is not None
    return json.loads(m.group(1))


def test_the_file_masks_outgoing_lines_only_in_every_part(made: Made) -> None:
    chat = _json_part(made.data, "chat")
    assert chat[1] == {**chat[1], "direction": "outgoing", "text": "好的，验证码 ****56，卡号 **** **** **** 7894"}
    assert chat[3]["text"] == "**21"
    assert "4111 1111 1111 1111" in chat[4]["text"]  # an incoming card number stays: the scam's own words
    verdicts = _json_part(made.data, "verdicts")
    assert verdicts[2]["text"] == chat[1]["text"] and verdicts[4]["text"] == "**21"
    outgoing = json.dumps(verdicts[2], ensure_ascii=False) + json.dumps(verdicts[4], ensure_ascii=False)
    for secret in ("123456", "6222", "0212", "3456", "4321"):
        assert secret not in outgoing, secret  # the reasons quote what they found: masked too
    view = re.sub(r'<td class="hash">[0-9a-f]{64}</td>', "", made.data.split(b"</main>")[0].decode())
    for secret in ("6222", "0212", "4321", "验证码 123456"):
        assert secret not in view, secret
    assert "4111 1111 1111 1111" in view
