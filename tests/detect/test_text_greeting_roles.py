"""More roles a notice greets you by ('Dear Applicant', 'Dear Beneficiary', 'Dear Sir/Madam',
'尊敬的业主', '亲爱的家长'): the message presents itself as a notice, so its state and channel are
read as a notice's; greetings in ordinary messages with nothing to act on stay quiet.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from kefuguard.detect.text.sender_frame import sender_frame
from tests.detect.text_support import check, codes


@pytest.mark.parametrize(
    "text",
    ["Dear Applicant, we", "Dear Beneficiary, your", "Dear Sir/Madam, your", "Dear Sir / Madam, we", "尊敬的业主，您好",
     "亲爱的家长：", "Dear valued policyholder, your"],
)
def test_the_greeting_is_a_frame(text):
    assert sender_frame(text) is not None


@pytest.mark.parametrize("text", ["Dear John, see you soon", "Dear all, the meeting moved", "亲爱的，晚上吃什么"])
def test_a_personal_greeting_is_no_frame(text):
    assert sender_frame(text) is None


SCAMS = [
    "Dear Applicant, your tax refund of GBP 178.25 is due. Claim it at hmrc-refund-claim.com within 24 hours.",
    "Dear Beneficiary, your compensation fund is ready. Confirm your details at un-compensation.org",
    "Dear Sir/Madam, your account will be suspended today. Verify at secure-verify-acct.com",
    "尊敬的业主，您的物业费已逾期，请点击 wuye-jf.cn 缴纳，否则将停水停电。",
    "亲爱的家长：您孩子的助学金待领取，请登录 zxj-bt.top 填写银行卡信息。",
]

GENUINE = [
    "Dear Applicant, thank you for your application. We will contact you within two weeks.",
    "Dear Sir/Madam, please find attached the minutes of the last meeting.",
    "尊敬的业主，您好：本周六上午小区停水检修，请提前储水。",
    "亲爱的家长：本周五下午家长会，请准时参加。",
    "Dear valued policyholder, your policy documents are available in your online account.",
]


@pytest.mark.parametrize("text", SCAMS)
def test_a_greeted_notice_with_a_link_warns(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize("text", GENUINE)
def test_a_greeted_ordinary_message_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "【国家电网】您的电费已逾期，请通过网上国网App缴纳，详询95598。",
        "【国家电网】尊敬的客户，您本月电费128元，请及时缴纳。",
        "您好，本月水费已出账，请在支付宝生活缴费中缴纳。",
        "【物业】尊敬的业主，您的物业费已逾期，请到物业服务中心缴纳。",
        "【燃气公司】您的燃气费余额不足，请及时充值。",
    ],
)
def test_a_utility_bill_overdue_paid_where_the_utility_is_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))
