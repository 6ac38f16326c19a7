"""Where a caller's script ends: a cash machine worked on instructions (Taiwan's 'cancel the
instalments at the ATM', the crypto ATM deposit), money 'sent by mistake' asked back, a fee to have an account unbanned, a withdrawal
'turnover' shortfall, a platform loan taken out and passed on.

Written from the scripts police and bank warnings describe, each beside what banks and reminders
really say with the same words; not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

SCRIPT_LINES = [
    ("因為系統錯誤，您的訂單被設定為分期付款，需要到ATM操作解除", "tactic.atm_guidance"),
    ("請您到附近的ATM，依照我的指示操作取消扣款", "tactic.atm_guidance"),
    ("您现在去最近的ATM机，按我说的步骤取消会员自动扣费", "tactic.atm_guidance"),
    ("Take the cash to the nearest Bitcoin ATM and deposit it to keep it safe.", "tactic.atm_guidance"),
    ("I will stay on the line while you go to the ATM to cancel the transaction.", "tactic.atm_guidance"),
    ("您的快手账号违规，需要缴纳保证金解封", "tactic.advance_fee"),
    ("您的账户流水不足，无法提现，需要再充值5000元", "tactic.advance_fee"),
    ("请您打开支付宝的备用金，领取后转给我们", "tactic.transfer_request"),
    # the task and loan platforms' withdrawal scripts
    ("您操作失误导致系统卡单，需要再做三单才能解冻", "tactic.advance_fee"),
    ("您的账户异常，需要缴纳20%的个人所得税才能提现", "tactic.advance_fee"),
    ("您的提现申请审核未通过，原因是流水未达标", "tactic.advance_fee"),
    ("您的账户已被风控，需要缴纳风险保证金20000元才能解除", "tactic.advance_fee"),
    # money 'sent by mistake', asked back
    ("Hi, I accidentally sent you $300 on Cash App. Can you please send it back?", "tactic.mistaken_payment"),
    ("I sent the money to the wrong number by mistake. Please reverse it.", "tactic.mistaken_payment"),
    ("不好意思，我刚才转错账了，转到你的支付宝了，麻烦退回给我", "tactic.mistaken_payment"),
]

QUIET = [
    # a bank's own transaction notice and tips
    "【工商银行】您尾号1234的卡于12月3日在ATM取款1000元，余额5000元。",
    "您可以通过ATM、手机银行或柜台办理查询业务。",
    "ATM机操作时请注意遮挡密码。",
    "请在ATM上操作时注意周围环境，谨防偷窥。",
    "为保障资金安全，请勿在陌生人指导下操作ATM。",
    "You can withdraw cash at any of our ATMs with your new card.",
    "Your card was used at an ATM on Main St. If this wasn't you, call the number on the back of your card.",
    # reminders naming the script
    "银行不会要求您到ATM操作解除分期付款，凡是要求您去ATM操作的都是诈骗。",
    "警方提醒：接到电话让您到ATM按指示操作的，一律是诈骗。",
    "Never use a bitcoin ATM to pay someone you don't know.",
    "If anyone tells you to deposit cash at a Bitcoin ATM, it's a scam.",
    # 'by mistake' without money, a refund not asked back, a reminder of the script
    "Sorry, I deleted that file by mistake. Can you send it back to me?",
    "We refunded your order by mistake; no need to return it.",
    "If someone says they sent you money by mistake and asks you to send it back, it is a scam.",
    # a fee named, not asked for: a price list, a deposit coming back, a credit score too low
    "提现说明：单笔提现收取0.1%手续费，最低0.1元。",
    "您申请退还的保证金已解除冻结，将在3个工作日内退回您的支付宝账户。",
    "租房押金将在退租验房后解除合同时退还。",
    "【滴滴出行】您的信用分不足，暂时无法使用先乘后付服务。",
    "【个人所得税】您的2025年度个人所得税综合所得汇算已完成，应退税额123元，将退至您的银行卡。",
    # a lender's own notice of what a loan is
    "备用金可用于日常消费，按日计息，随借随还。",
]


@pytest.mark.parametrize(("text", "code"), SCRIPT_LINES)
def test_the_scripts_last_step_warns_with_its_reason(text, code):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert code in codes(result)


@pytest.mark.parametrize("text", QUIET)
def test_what_banks_and_reminders_say_with_the_same_words_stays_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


def test_the_atm_reason_says_why_in_both_languages():
    result = check("請您到附近的ATM，依照我的指示操作取消扣款")
    reason = next(r for r in result.reasons if r.code == "tactic.atm_guidance")
    assert "ATM" in reason.message and "ATM" in reason.message_zh
    assert reason.matched


def test_a_branded_caller_sending_you_to_the_atm_is_danger():
    result = check("您好，我是淘宝客服，您的订单被误设为分期付款，请到附近的ATM依照我的指示解除")
    assert result.level == "danger", codes(result)


# --- the fake officials' chain -----------------------------------------------------------------

OFFICIAL_CHAIN = [
    ("你的资金需要接受清查，清查完后会退还给你", "tactic.accusation"),
    ("现在给你转到检察院的王检察官", "tactic.police_handoff"),
    ("您好，我是社保中心的，您的社保账户出现异常，需要重新认证", "tactic.identity_claim"),
    ("我是税务局的工作人员，您的公司存在偷税漏税的嫌疑", "tactic.accusation"),
]


@pytest.mark.parametrize(("text", "code"), OFFICIAL_CHAIN)
def test_the_fake_officials_lines_warn(text, code):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert code in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "如有疑问，我们可以帮您转接人工客服",
        "【国家税务总局】您的2025年度个税汇算已办理成功，详情请登录个人所得税App查看。",
        "【人社局】您的社保卡已激活，可在“电子社保卡”小程序中使用。",
    ],
)
def test_genuine_offices_and_agents_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))


# --- the membership-renewal opener -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("您好，我是美团的客服，您开通的美团月付会员将自动续费", "tactic.renewal_call"),
        # a charge you did not make, 'call customer service' (the number comes next)
        ("您的会员将于今日到期，将自动扣款398元，如非本人操作请联系客服取消", "notice.unshown_channel"),
    ],
)
def test_the_renewal_opener_warns(text, code):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert code in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "您好，我是美团客服，您的会员已自动续费成功，有问题随时找我。",
        "您好，我是淘宝客服小美，关于您咨询的自动续费问题，可以在设置里关闭哦。",
        "我是京东客服，您说的扣费是您开通的PLUS会员，需要我帮您看一下吗？",
        "【爱奇艺】您的黄金VIP会员将于明日自动续费25元，如需取消请在App“我的-设置-自动续费管理”中关闭。",
    ],
)
def test_agents_answering_and_genuine_renewal_notices_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))


def test_a_flagged_account_asking_your_name_and_birth_date_by_reply_warns():
    result = check(
        "Your account has been flagged for suspicious transactions. Reply with your full name and date of birth to verify."
    )
    assert result.level in ("caution", "danger"), codes(result)
    assert "tactic.credential_request" in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        # a bank's own fraud alert and a booking agent asking who you are; a frozen card is not a fee
        "Chase: We've flagged a suspicious transaction on your card ending 1234. Reply YES if it was you, NO if not.",
        "Please reply with your full name and date of birth so we can find your booking.",
        "Reply with STOP to unsubscribe.",
    ],
)
def test_replies_genuine_services_ask_for_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))


def test_a_frozen_card_to_unfreeze_is_no_fee():
    result = check("Your card ending 4432 has been frozen. Call us to unfreeze it.")
    assert "tactic.advance_fee" not in codes(result)
    assert "tactic.advance_fee" in codes(check("Pay a $50 fee to unfreeze your account."))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a fine paid in prepaid cards ('$1,500': a number's comma ends no clause)
        ("You can avoid arrest by paying a fine of $1,500 today with prepaid cards.", "tactic.gift_card"),
        # a fee before a grant, across a comma
        ("Your federal grant of $9,000 has been approved. To receive it, pay the processing fee of $250.", "tactic.advance_fee"),
        ("Your Medicare card is expiring. Please confirm your Medicare number to receive a new card.", "tactic.credential_request"),
    ],
)
def test_the_fake_officials_payment_and_card_lines_warn(text, code):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert code in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "Customers should never purchase a prepaid card to avoid service disconnection or shutoff.",
        "Reload your prepaid card in the app to keep spending.",
        "Thanks for paying your bill on time!",
        "To receive the funds, your employer must submit the form by Friday.",
    ],
)
def test_prepaid_cards_and_payments_in_ordinary_words_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))


def test_agents_explaining_fees_and_plans_are_no_advance_fee_or_renewal_call():
    # a price explained across a comma, and a fee named in an answer to a complaint
    fee = check("亲，目前如果您提现金额不足100元，是需要收取2元手续费的哦")
    assert fee.level == "none", codes(fee)
    plan = check("您好，我是联通客服小编，已关注到亲反馈的问题，包年费用一般不能提前退回，详情请咨询10010")
    assert "tactic.renewal_call" not in codes(plan)
    # while a fee to rebook in the same clause is still one
    assert "tactic.advance_fee" in codes(check("飛機因故取消，改簽需收取20元手續費"))


@pytest.mark.parametrize(
    "text",
    [
        "Your order of $899.99 has been confirmed. If you did not place this order call 1-802-555-0169",
        "Your subscription has been renewed. Amount: $449.99. If you did not authorize this, call 1 (802) 555-0169",
    ],
)
def test_an_order_or_renewal_to_dispute_by_calling_a_number_warns(text):
    result = check(text)
    assert result.level == "caution", codes(result)
    assert "tactic.order_dispute_call" in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "Chase: A $52.10 debit card purchase at Target. If this wasn't you, call 1-800-935-9935.",
        "Thanks for your order! If you have questions, call 1-800-555-0100.",
        "Amazon: Your order has shipped. If you did not place this order, visit amazon.com/your-orders.",
    ],
)
def test_bank_alerts_and_order_notices_without_a_number_to_dispute_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))
