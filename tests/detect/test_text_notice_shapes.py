"""Notice shapes that real fake notices take and the first notice rules missed: a party telling you
your own account, card, computer or flight is in a hallmark state, with no channel shown (the
quoting source dropped it, or the call comes next); a fee to rebook; a landline given without its
area code; greetings in traditional characters and '车主您好'.

Written from the structure police, bank and airline warnings describe, not copied from any data set.
"""

from __future__ import annotations

import pytest

from kefuguard.detect.text.entities import extract_numbers
from kefuguard.detect.text.normalize import fold_text
from tests.detect.text_support import check, codes

CAUTION = [
    # a party + a hallmark state of the reader's own thing
    "【医保中心】您的参保信息不全，账户将被停用",
    "Your Wells Fargo debit card has been deactivated.",
    "This is Windows technical support. Your computer is infected with malware.",
    "尊敬的旅客，您的航班因机械故障无法起飞，请联系客服办理改签",
    "尊敬的机主，您的积分将于明日作废，请及时点击兑换",
    # a fee to rebook a flight
    "您的机票改签需支付50元手续费",
    # '车主您好' presents a notice as much as '尊敬的车主'; its link is not the party's
    "车主您好，您有一条违章记录未处理，请点击 weizhang-cx.top 查询",
]

NONE = [
    # a reminder of what an office never does
    "The IRS does not initiate contact with taxpayers by text message.",
    # the party's own official number with the notice
    "【工商银行】您的信用卡已到期，新卡已寄出，请注意查收，详询95588",
    "【东方航空】尊敬的旅客，您乘坐的MU5101航班因机械故障取消，请致电95530办理改签",
    # a courier's pickup notice gives the courier's own mobile
    "您好，您的快递已到驿站，取件码1234，如有疑问请联系13800138000",
    # a hallmark state said of accounts in general, not of yours
    "银行提醒：长期不用的账户可能被冻结。",
]


@pytest.mark.parametrize("text", CAUTION)
def test_a_hallmark_notice_of_your_own_thing_warns(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize("text", NONE)
def test_genuine_notices_and_reminders_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


def test_a_charge_notice_with_a_local_number_is_danger_and_names_it():
    text = "尊敬的客戶：您於今日消費3200元，將從您賬戶扣除，如有疑問請諮詢：5612378"
    result = check(text)
    assert result.level == "danger"
    phone = next(r for r in result.reasons if r.code == "notice.unofficial_phone")
    assert phone.matched == "5612378"


def test_a_local_number_needs_a_call_word_right_before_it():
    def kinds(text: str) -> list[str]:
        return [e.phone_kind for e in extract_numbers(fold_text(text), text, [], []) if e.kind == "phone"]

    assert kinds("如有疑问请咨询：6089661") == ["cn_local"]
    assert kinds("订单号6089661已发货") == []
    assert "cn_local" not in kinds("请致电 1234567")  # a local number does not start with 1
