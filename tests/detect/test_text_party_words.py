"""The offices, desks and providers a notice may speak for without a brand (the billing team, the
court, immigration, the utility, the mobile operator, broadband) and the acts it asks in other words
(log on, proceed to, complete the verification, respond): a party with a hallmark state and a
channel warns; the same words in ordinary messages stay quiet.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

SCAMS = [
    "Billing team: your account is suspended for non-payment. Log on at billing-restore.top to avoid disconnection.",
    "Immigration office: your visa has been cancelled. Call +44 7700 900456 immediately to avoid arrest.",
    "Your utility account is overdue and will be cut off today. Proceed to utility-pay-now.com",
    "Mobile operator notice: your SIM will be blocked in 24 hours. Complete the verification at sim-kyc.top",
    "The court has issued a warrant in your name. Respond within 24 hours at court-case-portal.xyz",
]

GENUINE = [
    "Billing team: your invoice for November is available in your online account.",
    "The court hearing has been moved to Monday at 10am.",
    "Your broadband engineer will arrive between 8am and 1pm tomorrow.",
    "Please respond to the survey in the app when you have a moment.",
    "Log on to your online banking to view your statement.",
]


@pytest.mark.parametrize("text", SCAMS)
def test_an_unbranded_party_with_a_hallmark_and_a_channel_warns(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize("text", GENUINE)
def test_the_same_parties_and_acts_in_ordinary_messages_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "【物业】尊敬的业主，您的账户已冻结，请及时处理：wy-jf.top",
        "支行通知：您的银行卡已被锁定，请前往 zh-jiesuo.cn 进行人脸识别解除。",
    ],
)
def test_a_branch_or_property_office_with_a_hallmark_and_a_link_warns(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize(
    "text",
    ["【物业】尊敬的业主，本周六上午电梯检修，请及时处理好出行安排。", "支行营业时间调整为9:00-17:00，请配合安排。"],
)
def test_a_branch_or_property_office_notice_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "【國稅局】您的綜所稅退稅尚未領取，請點擊 tax-tw-refund.top 登記帳戶。",
        "健保署通知：您的健保資格將被暫停，請立即撥打 0912345678 核實。",
        "【中華電信】您的門號因欠費將於今日停話，請點擊 cht-pay.top 繳費。",
        "警務處通知：你涉嫌洗黑錢，請即致電 +852 5123 4567 。",
    ],
)
def test_taiwan_and_hong_kong_offices_with_a_hallmark_and_a_channel_warn(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "國稅局提醒：綜所稅申報期間為5月1日至5月31日，請使用報稅軟體或至國稅局櫃台辦理。",
        "【宅配通】您的包裹將於今日下午送達，請留意電話。",
        "超商取貨通知：您的包裹已到店，請於7日內取貨。",
    ],
)
def test_taiwan_and_hong_kong_ordinary_notices_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))
