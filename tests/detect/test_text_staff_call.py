"""A caller naming themselves as a company's or an office's staff and telling you of a problem of
yours (detect/text/staff_call.py): the claim '我是/这里是 + a bank, an operator, a courier, a
platform, an office' and a state said of your account, card, number, papers or identity. Beside each,
genuine messages with the same words: signed notices, agents answering what you raised, couriers about
delivering, offices asking you to their counter, and reminders and stories that quote the script.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

WARNED = ("caution", "danger")

SCAM = [
    "您好，我是建设银行的工作人员，您的银行卡因长期未使用需要激活。",
    "你好，这里是信用卡中心，您的账户被列入风险名单，需要核实身份。",
    "您好，我是中国移动客服，您的手机卡需要补办实名登记。",
    "你好，这里是联通公司，您的号码被人举报发送违规信息。",
    "您好，我是邮局的工作人员，您有一份法院文书无人签收。",
    "您好，我是税务局客服，您的身份信息被用于注册公司。",
    "您好，我是淘宝客服，您的店铺保证金未缴纳。",
    "您好，我是电信营业厅的工作人员，您的宽带即将欠费停用。",
]

GENUINE = [
    # signed notices: the sender frame, not a caller's self-introduction
    "【中国移动】您的号码欠费，即将停机，请及时充值。",
    "【中国邮政】您有一份邮件无人签收，请凭身份证到邮局领取。",
    # agents answering what you raised, couriers about delivery, offices asking you in
    "您好，我是淘宝客服小蜜，您反馈的商品破损问题，已为您登记，商家会在24小时内联系您处理。",
    "您好，我是物业的，您家的水费已经欠了两个月了，麻烦抽空到物业办公室交一下。",
    "您好，我是顺丰快递员，您的快递到了，放门口还是驿站？",
    "您好，我是招商银行客户经理小李，您之前咨询的理财产品已经到期，本金和收益已到账。",
    "您好，这里是中国移动客服，您咨询的流量套餐可以在中国移动App里办理。",
    "您好，我是银行的工作人员，如果您的银行卡长期未使用，可以到网点柜台办理销户。",
    # reminders and stories quoting the script
    "接到“我是社保局工作人员，您的社保卡被冒用”的电话，请第一时间拨打12333核实。",
    "骗子通常会说：我是淘宝客服，您购买的商品有质量问题，需要给您退款。请大家注意。",
    "对方说：“这里是市医保局，你的医保卡在外地消费了，涉嫌违规套现。”李阿姨吓坏了。",
    "大家好，我是XX派出所的民警，提醒大家：凡是说您涉嫌洗钱要求转账到安全账户的，都是诈骗！",
    "诈骗分子冒充银行工作人员，谎称您的银行卡因长期未使用需要激活，诱导您点击链接。",
]


@pytest.mark.parametrize("text", SCAM)
def test_a_caller_naming_a_party_and_your_problem_warns(text):
    result = check(text)
    assert result.level in WARNED, (text, codes(result))


@pytest.mark.parametrize("text", GENUINE)
def test_notices_answers_and_reminders_with_the_same_words_stay_quiet(text):
    result = check(text)
    assert result.level == "none", (text, result.level, codes(result))


def test_the_reason_names_the_staff_call_in_both_languages():
    result = check("您好，我是建设银行的工作人员，您的银行卡因长期未使用需要激活。")
    reason = next(r for r in result.reasons if r.code == "tactic.staff_call")
    assert "工作人员" in reason.message_zh and "staff" in reason.message


def test_a_staff_call_with_a_code_asked_is_danger():
    result = check("您好，我是中国移动客服，您的手机卡需要补办实名登记，请把收到的验证码告诉我。")
    assert result.level == "danger", codes(result)
