"""Entities: links, phone numbers, QQ numbers, WeChat IDs, card and ID numbers, codes, amounts."""

from __future__ import annotations

import pytest

from kefuguard.detect.text.entities import (
    cn_id_ok,
    extract_links,
    extract_numbers,
    extract_wechat_ids,
    luhn_ok,
    phone_keys,
    phone_kind,
)
from kefuguard.detect.text.normalize import fold_text
from tests.detect.text_support import embedded_index


def id_number(first17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights, strict=True)) % 11]


def card_number(first: str) -> str:
    for check in "0123456789":
        if luhn_ok(first + check):
            return first + check
    raise AssertionError


VALID_ID = id_number("11010519491231002")
VALID_CARD = card_number("622202123456789012")  # 19 digits, UnionPay-like


def numbers(text: str) -> list[tuple[str, str, str]]:
    index = embedded_index()
    folded = fold_text(text)
    hits = index.hits(folded)
    code_words = hits.get("code_word", []) + hits.get("cred_strong", [])  # as analysis.py passes them
    found = extract_numbers(folded, text, hits.get("im", []), code_words)
    return [(e.kind, e.key, e.phone_kind) for e in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("请拨打 13800138000", ("phone", "13800138000", "cn_mobile")),
        ("手机：138-0013-8000", ("phone", "13800138000", "cn_mobile")),
        ("电话 １３８００１３８０００", ("phone", "13800138000", "cn_mobile")),
        ("+86 138 0013 8000", ("phone", "8613800138000", "intl")),
        ("客服热线 400-820-8820", ("phone", "4008208820", "cn_400")),
        ("免费电话 800-820-8820", ("phone", "8008208820", "cn_400")),
        ("致电 0571-88158198", ("phone", "057188158198", "cn_landline")),
        ("(010)12345678", ("phone", "01012345678", "cn_landline")),
        ("请致电95188", ("phone", "95188", "cn_service")),
        ("反诈专线96110", ("phone", "96110", "cn_service")),
        ("call 1-800-275-2273", ("phone", "18002752273", "us_toll_free")),
        ("call (888) 280-4331 now", ("phone", "8882804331", "us_toll_free")),
        # written the North American way: not the Chinese mobile 180 2555 0169
        ("Questions? 1 (802) 555-0169", ("phone", "18025550169", "us_number")),
        ("call 1-802-555-0169", ("phone", "18025550169", "us_number")),
        ("拨打 180 2555 0169", ("phone", "18025550169", "cn_mobile")),
        ("QQ 123456789", ("qq", "123456789", "")),
        ("扣扣：5201314", ("qq", "5201314", "")),
        ("企鹅 88886666", ("qq", "88886666", "")),
        ("加Q 12345678 办理退款", ("qq", "12345678", "")),  # a lone Q after 加 (add)
        ("验证码：482910", ("code", "482910", "")),
        ("your code is 1234", ("code", "1234", "")),
        ("the verification code they sent me is 123456", ("code", "123456", "")),
        (f"身份证 {VALID_ID}", ("id_number", VALID_ID.lower(), "")),
        (f"卡号 {VALID_CARD}", ("card", VALID_CARD, "")),
        (
            f"卡号 {VALID_CARD[:4]} {VALID_CARD[4:8]} {VALID_CARD[8:12]} {VALID_CARD[12:16]} {VALID_CARD[16:]}",
            ("card", VALID_CARD, ""),
        ),
    ],
)
def test_numbers_are_classified(text, expected):
    assert expected in numbers(text)


@pytest.mark.parametrize(
    "text",
    [
        "订单号 2024112312345678901",  # 19 digits, fails Luhn (or not a card shape)
        "数量 3 件，共 128 元",
        "2024-11-23 14:30",
        "身份证 110105194912310020",  # wrong check digit
    ],
)
def test_ordinary_numbers_are_not_phones_cards_or_ids(text):
    kinds = {kind for kind, key, _ in numbers(text) if kind in ("card", "id_number", "phone") and len(key) >= 10}
    assert not kinds - {"phone"} or text.startswith("订单号")
    assert ("id_number" not in kinds) and ("card" not in kinds or not text.startswith("身份证"))


def test_checksums():
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert cn_id_ok(VALID_ID.lower()) and not cn_id_ok("110105194912310020")


def test_phone_keys_cover_the_forms_a_list_holds():
    assert "13800138000" in phone_keys("8613800138000", "cn_mobile")
    assert "18002752273" in phone_keys("8002752273", "us_toll_free")
    assert phone_kind("10086", False) == ""  # short service numbers are only checked against the list


@pytest.mark.parametrize(
    "text, url",
    [
        ("退款请点 https://evil-refund.top/x?a=1，谢谢", "https://evil-refund.top/x?a=1"),
        ("打开 www.taobao.com/refund 查看", "http://www.taobao.com/refund"),
        ("详情见 tb-refund.xyz/a 。", "http://tb-refund.xyz/a"),
        ("Visit @shrtco.de/nllx01 now", "http://shrtco.de/nllx01"),
        ("<a href='http://evil.top/x'>点击退款</a>", "http://evil.top/x"),
        # spaced out so that filters miss it: read when a scheme starts it
        ("please visit https: // payee.cancellation95 .com. Thanks", "https://payee.cancellation95.com"),
        ("hxxps: // evil . top/x", "https://evil.top"),
        ("登录 https: // icbc-xx .cn 升级", "https://icbc-xx.cn"),
        ("Pay here: dhl-customs.eu", "http://dhl-customs.eu"),
        # where a redirecting link sends you on to is a link too
        ("unlock at https://www.google.com/url?q=https://amzn-unlock.top/x&sa=D", "https://amzn-unlock.top/x"),
        ("see https://example.com/r?url=https%3A%2F%2Fevil.top%2Fa now", "https://evil.top/a"),
    ],
)
def test_links_with_and_without_scheme(text, url):
    assert url in [e.key for e in extract_links(text)]


@pytest.mark.parametrize("text", ["邮箱 abc@qq.com", "版本 3.5.1", "price 12.50", "file.txt"])
def test_emails_decimals_and_file_names_are_not_links(text):
    assert extract_links(text) == []


@pytest.mark.parametrize("text", ["see http : // a sentence. And more", "https: // .com", "ratio 2 // 3 .5"])
def test_spaced_text_without_a_host_is_not_a_link(text):
    assert extract_links(text) == []


@pytest.mark.parametrize(
    "text, wechat_id",
    [
        ("加微信 kefu8888", "kefu8888"),
        ("V信：abc_12345", "abc_12345"),
        ("vx: Refund-001", "refund-001"),
        ("退款请加v：abc12345", "abc12345"),  # a lone V after 加 (add)
        ("请加vx：abc12345", "abc12345"),
        ("退款请＋ＶＸ：ａｂｃ１２３４５", "abc12345"),  # full-width letters and digits
    ],
)
def test_wechat_ids_after_a_wechat_word(text, wechat_id):
    index = embedded_index()
    folded = fold_text(text)
    found = extract_wechat_ids(text, folded, index.hits(folded).get("im", []))
    assert [e.key for e in found] == [wechat_id]


@pytest.mark.parametrize("text", ["加vip会员享受优惠 abcdefg", "您好，加v了解详情", "开通加qq会员"])
def test_a_v_or_q_inside_a_word_or_with_no_id_is_no_account(text):
    index = embedded_index()
    folded = fold_text(text)
    assert extract_wechat_ids(text, folded, index.hits(folded).get("im", [])) == []
    assert [n for n in numbers(text) if n[0] == "qq"] == []


def test_official_account_names_are_not_wechat_ids():
    text = "关注微信公众号ChinaMobile"
    index = embedded_index()
    folded = fold_text(text)
    assert extract_wechat_ids(text, folded, index.hits(folded).get("im", [])) == []


def test_a_link_a_slash_short_is_still_a_link():
    from kefuguard.detect.text.entities import extract_links

    (link,) = extract_links("go http:/bit.do/Claim-Tax now")
    assert link.key == "http://bit.do/Claim-Tax" and (link.start, link.end) == (3, 25)
    assert extract_links("http:/ /x") == []


def test_digits_ending_an_account_name_are_no_phone_number():
    from kefuguard.detect.text.entities import extract_numbers
    from kefuguard.detect.text.normalize import clean_text, fold_text

    def phones(text: str) -> list[str]:
        return [e.key for e in extract_numbers(fold_text(clean_text(text)), text, [], []) if e.kind == "phone"]

    assert phones("请添加微信rs12333办理") == []  # not the social-security line 12333
    assert phones("客服kefu95588") == []
    assert phones("电话95588") == ["95588"]
    assert phones("tel95588") == ["95588"]
    assert phones("加vx13812345678") == ["13812345678"]
