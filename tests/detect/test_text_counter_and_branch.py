"""Shapes of the ninth chat session: what genuine offices, couriers and shops say that read like a
script (a police station asking you to collect your ID card at its counter, a courier branch's
fixed line for an unclear address, a receipt to look at), beside the scripts that use the same
words; a trade 'stuck' for want of a protection or a deposit; a charge disputed by calling a number.

Written from the scripts police, platform and bank warnings describe and from the genuine notices
they are mistaken for; not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

# --- an office asking you to its counter --------------------------------------------------------

COUNTER_GENUINE = [
    "您好，这里是朝阳派出所，您办理的身份证已经制作完成，请携带回执到派出所户籍窗口领取。",
    "这里是XX派出所户籍室，您的身份证已办好，请本人带上回执来领取。",
    "您好，我是城关派出所的民警，您的居住证已经办好了，工作日可以来所里领取。",
    "This is the sheriff's office. Your lost wallet was turned in; you can pick it up in person at the front desk.",
]

COUNTER_SCRIPTS = [
    # the same opener with an accusation, a fee or a card asked for: still the fake officer
    ("这里是上海市公安局，你涉嫌洗钱，必须本人到上海来配合调查，如果来不了就做远程笔录。", "tactic.authority_call"),
    ("我是派出所的民警，你的身份证办好了，来领取前先把20元工本费转到这个账户。", "tactic.authority_call"),
    ("我是城关派出所的，你的户口本办好了，请本人到所里领取，顺便把银行卡号和密码报一下。", "tactic.authority_call"),
    ("This is the police. There is a warrant for your arrest. You must come in person or pay the bond today.", "tactic.accusation"),
]


@pytest.mark.parametrize("text", COUNTER_GENUINE)
def test_an_office_asking_you_to_its_counter_is_no_authority_call(text):
    result = check(text)
    assert result.level == "none", codes(result)


@pytest.mark.parametrize(("text", "code"), COUNTER_SCRIPTS)
def test_the_fake_officer_still_warns_when_he_mentions_the_station(text, code):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert code in codes(result)


# --- a courier branch's fixed line ----------------------------------------------------------------

BRANCH_LINES = [
    "【中通快递】您的快件因地址不详无法派送，请联系派送网点0571-88886666核实地址。",
    "【圆通速递】您好，您的包裹地址有误，请致电网点电话021-69777888更正地址，谢谢。",
    "【韵达快递】您的快递因收件地址不完整暂时滞留，请联系本站电话0755-26668888。",
    "【顺丰速运】您的快件因地址错误无法派送，请联系营业点020-86661234修改地址。",
    "【极兔速递】您的快件因地址不详暂存驿站，请凭取件码8-1-202领取或联系驿站15012345678修改地址。",
]

BRANCH_SCRIPTS = [
    # the branch's line with compensation, contraband, a card number: the fake courier's
    "【中通快递】您的快件丢失，请联系网点0571-88886666办理理赔。",
    "【圆通速递】您的包裹内有违禁品已被扣押，请立即致电本站电话0755-26668888配合调查。",
    "您的快递因地址不详无法派送，请联系网点0571-88886666，并提供银行卡号核实身份。",
    "【菜鸟驿站】您的快递丢失，请联系驿站18812345678办理理赔。",
    "【菜鸟驿站】您的包裹异常，请联系驿站18812345678并提供验证码核实。",
    # an IM id or a link instead of a branch's line
    "【中通快递】您的快件因地址不详无法派送，请添加客服微信zt8866核实地址并领取赔偿。",
]


@pytest.mark.parametrize("text", BRANCH_LINES)
def test_a_courier_branchs_fixed_line_for_an_address_is_its_own(text):
    result = check(text)
    assert result.level == "none", codes(result)
    assert "notice.courier_phone" in codes(result)


@pytest.mark.parametrize("text", BRANCH_SCRIPTS)
def test_the_fake_courier_with_a_branch_line_still_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)


def test_a_branch_line_with_contraband_stays_danger():
    result = check("【圆通速递】您的包裹内有违禁品已被扣押，请立即致电本站电话0755-26668888配合调查。")
    assert result.level == "danger", codes(result)
    assert "notice.unofficial_phone" in codes(result)


# --- a receipt to look at -------------------------------------------------------------------------

RECEIPTS = [
    "Thank you for your purchase. Click here to see your receipt.",
    "Your payment was received. Click below to view your receipt.",
    "Thanks for your order! Click the link below to view your receipt and track your order.",
    "Your receipt from Starbucks. Click here to see your receipt.",
]


@pytest.mark.parametrize("text", RECEIPTS)
def test_a_receipt_to_look_at_is_no_notice_script(text):
    result = check(text)
    assert result.level == "none", codes(result)


def test_a_receipt_that_won_a_draw_is_a_prize_notice():
    result = check("Costco: Daniel, the code 42003 printed on your receipt came in 2nd in our Airpods draw: f2gpy.info/RzNKEws")
    assert result.level in ("caution", "danger"), codes(result)
    assert "notice.state" in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "Lucky draw winners will be announced on our website next week.",
        "Thanks for entering our prize draw! Winners will be contacted by email by 31 January.",
    ],
)
def test_a_draw_announced_with_no_channel_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))


def test_a_receipt_with_a_charge_disputed_by_phone_still_warns():
    result = check("Your order of $899 was charged. Click here to see your receipt. Not you? Call us at 808-555-0199 to get a refund.")
    assert result.level in ("caution", "danger"), codes(result)


# --- a trade stuck for want of a protection or a deposit ------------------------------------------

TRADE_BLOCKED = [
    "买家您好，您的订单付款失败，原因是卖家尚未签署交易保障协议，请联系平台客服解冻。",
    "亲，系统显示您的账户未开通保证金功能，买家付的款项暂时无法到账。",
    "交易失败！由于对方店铺未激活诚信保障，资金已被系统冻结，请按客服指示操作。",
    "卖家未签署三大保障协议，订单暂时无法完成，请联系在线客服。",
    "您的店铺没有开通交易保障，买家无法付款，请点击下方链接开通。",
]

TRADE_GENUINE = [
    "【支付宝】您的账户尚未完成实名认证，暂时无法付款，请在支付宝App中完成认证。",
    "您尚未开通免密支付，本次付款需要输入密码。",
    "温馨提示：您的店铺尚未缴纳保证金，缴纳后可报名参加平台活动。",
    "【闲鱼】您的订单已付款，请尽快发货，买家付款将在确认收货后到账。",
    "亲，付款失败可能是银行卡余额不足，您可以换一张卡重试。",
    "提醒：凡是称“卖家未签署保障协议导致付款失败”让您联系客服的，都是诈骗。",
]


@pytest.mark.parametrize("text", TRADE_BLOCKED)
def test_a_trade_stuck_for_want_of_a_protection_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "tactic.trade_blocked" in codes(result)


@pytest.mark.parametrize("text", TRADE_GENUINE)
def test_real_checkout_and_real_name_notices_are_no_stuck_trade(text):
    result = check(text)
    assert "tactic.trade_blocked" not in codes(result)
    assert result.level == "none", codes(result)


def test_the_stuck_trade_reason_names_the_script_in_both_languages():
    result = check("卖家未签署三大保障协议，订单暂时无法完成，请联系在线客服。")
    reason = next(r for r in result.reasons if r.code == "tactic.trade_blocked")
    assert "protection" in reason.message and "保障" in reason.message_zh
    assert reason.matched


# --- a charge disputed by calling a number --------------------------------------------------------

CHARGE_DISPUTES = [
    "Your payment of $499.99 has been processed. If you did not authorize this charge, call 1-888-555-0143 to cancel.",
    "We have charged $499.99 to your card for the annual Windows Defender plan. Call 888-555-0110 to cancel.",
    "Thank you for your purchase of McAfee Total Protection. Amount: $289.00. To cancel and get a refund call 1-844-555-0199.",
]

CHARGE_GENUINE = [
    "Your purchase of $23.50 at Target was approved. If you did not make this purchase, call the number on the back of your card.",
    "Thanks for your purchase of Norton 360. To cancel, call 1-844-488-4540 or visit norton.com.",
    "We charged $9.99 for your monthly plan. To cancel, go to Settings > Subscriptions.",
    "Your purchase of McAfee Total Protection is confirmed. Manage your subscription at home.mcafee.com.",
    "A charge of $12.99 was made to your account. Questions? Contact us through the app.",
]


@pytest.mark.parametrize("text", CHARGE_DISPUTES)
def test_a_charge_disputed_by_calling_a_number_no_one_owns_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "tactic.order_dispute_call" in codes(result)


@pytest.mark.parametrize("text", CHARGE_GENUINE)
def test_a_charge_with_the_card_or_the_brands_own_line_stays_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


def test_a_bank_named_keeps_its_alert_out_of_the_dispute_call():
    # an unlisted bank's own alert names the bank: the dispute-call opener is for nameless invoices
    result = check("First Federal Credit Union: transaction of $400.00 at Walmart. If not you, call 1-866-555-0101.")
    assert "tactic.order_dispute_call" not in codes(result)


# --- a public office introducing itself about a problem of yours ----------------------------------

OFFICE_CALLS = [
    "您好，这里是社保局，您的社保卡被他人冒用，现在需要核实您的身份信息。",
    "你好，我是税务局的，你有一笔个人所得税未缴，需要马上处理。",
    "这里是交警大队，您的车辆有3条违章未处理，将被吊销驾照。",
    "我是公积金中心的工作人员，您的公积金账户存在异常，需要重新认证。",
]

OFFICES_GENUINE = [
    "您好，这里是社保局，您的社保卡已经制好，请本人带身份证到社区服务中心领取。",
    "您好，我是市税务局12366，您的个税汇算有一笔收入需要确认，请登录个人所得税App核对。",
    "这里是医保中心，您本年度的医保已经缴费成功。",
    "这里是社保局提醒您：凡是自称社保局来电说您的社保卡异常的都是诈骗。",
    "您好，这里是XX社区，提醒您今年的城乡居民医保还未缴费，截止12月31日。",
    "我是交警大队的，您上午报案的车辆剐蹭事故已经处理完毕，责任认定书可以来领取了。",
    "您好，这里是车管所，您预约的驾驶证换证业务已办理完成。",
]


@pytest.mark.parametrize("text", OFFICE_CALLS)
def test_an_office_calling_about_a_problem_of_yours_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "tactic.office_call" in codes(result)


@pytest.mark.parametrize("text", OFFICES_GENUINE)
def test_an_office_at_its_counter_app_or_with_good_news_stays_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


def test_an_office_call_asking_for_a_card_is_danger():
    result = check("您好，这里是社保局，您的社保卡被他人冒用，请提供您的银行卡号和验证码进行核实。")
    assert result.level == "danger", codes(result)
    reason = next(r for r in result.reasons if r.code == "tactic.office_call")
    assert "public office" in reason.message and "政府部门" in reason.message_zh


# --- money 'owed to you' or a discount you 'qualify for', behind a number to call back ---------------

CALLBACK_OFFERS = [
    "Hi, this is your electric company. We overbilled you and owe you a refund. Please call us back at 1-888-555-0177.",
    "I'm calling from Spectrum: your account qualifies for 50% off. Press 1 to speak to an agent.",
    "These errors mean your computer is corrupted. I will connect to fix it for you.",
]

CALLBACK_GENUINE = [
    "Good news! Your order qualifies for free shipping. Track it at target.com/orders.",
    "You qualify for our loyalty discount. See details in the My Spectrum app.",
    "We overbilled you last month; a credit of $12.40 has been applied to your next bill. No action needed.",
    "We're sorry we overbilled you. The refund has been issued to your original payment method.",
    "Your scan found that some system files are corrupted. Run the repair tool in Settings to fix them.",
    "Hi, this is Comcast. Your account qualifies for a faster plan at no extra cost. Call 1-800-934-6489 or visit xfinity.com.",
]


@pytest.mark.parametrize("text", CALLBACK_OFFERS)
def test_money_owed_or_a_discount_behind_a_callback_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)


@pytest.mark.parametrize("text", CALLBACK_GENUINE)
def test_a_credit_applied_or_a_discount_in_the_app_stays_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


# --- reminders that name the pretext, quote the script, or speak of the caller in the third person --

REMINDERS = [
    "如有人以取消会员自动扣费、影响征信为由，要求您下载APP共享屏幕，请提高警惕。",
    "“您好，我是京东金融客服，您的学生账户需要注销，否则影响征信”——这是典型的诈骗话术。",
    "If someone calls saying they are from your bank and asks you to move money to a safe account, hang up.",
    "Never give your verification code to anyone, even if they say they are from PayPal.",
]


@pytest.mark.parametrize("text", REMINDERS)
def test_reminders_naming_the_pretext_or_quoting_the_script_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


def test_the_script_itself_without_quotes_or_pretext_words_still_warns():
    result = check("您好，我是京东金融客服，您的学生账户需要注销，否则影响征信。")
    assert result.level == "danger", codes(result)
    result = check("Hi, this is your bank's fraud team. Move your money to a safe account today.")
    assert result.level == "danger", codes(result)


# --- a caller introducing itself as a bank's fraud team -----------------------------------------------

FRAUD_TEAM_CALLS = [
    "Hi, this is the Bank of America fraud department.",
    "This is the fraud team at Chase. We need to verify a few recent transactions with you.",
    "I'm calling from your bank's security department. Your account has been compromised.",
]

FRAUD_TEAM_GENUINE = [
    "Our fraud department will never ask for your PIN or online banking password.",
    "If you receive a call from someone saying they're from our fraud team, hang up and call the number on your card.",
    "Thanks for reporting this. Our fraud team has blocked the card and a new one is on its way.",
    "Please contact our fraud department at the number on the back of your card.",
]


@pytest.mark.parametrize("text", FRAUD_TEAM_CALLS)
def test_a_caller_introducing_itself_as_the_fraud_team_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "tactic.fraud_team_call" in codes(result)


@pytest.mark.parametrize("text", FRAUD_TEAM_GENUINE)
def test_a_fraud_team_named_in_advice_or_a_reply_stays_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


def test_the_fraud_team_reason_says_to_call_the_card_number():
    result = check("Hi, this is the Bank of America fraud department.")
    reason = next(r for r in result.reasons if r.code == "tactic.fraud_team_call")
    assert "back of your card" in reason.message and "卡片背面" in reason.message_zh


# --- a parcel 'waiting for delivery' behind a link ----------------------------------------------------


def test_a_parcel_waiting_for_delivery_behind_a_link_warns():
    result = check("Your package is waiting for delivery. Please confirm your details: parcel-track-now.com")
    assert result.level in ("caution", "danger"), codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "UPS: Your package is waiting for delivery at the UPS Access Point. Track: ups.com/track",
        "Your parcel is waiting for delivery and will arrive tomorrow. No action is needed.",
        "Your order is pending delivery and will be shipped soon. Track it in your account.",
    ],
)
def test_a_parcel_waiting_with_the_couriers_own_link_or_none_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))


# --- the caller's own questions and moves: what there is to take, who is with you, the way to the bank --

CALLER_MOVES = [
    ("你银行卡里现在还有多少钱？", "tactic.asset_probe"),
    ("你名下有几张银行卡？分别是哪个银行的？", "tactic.asset_probe"),
    ("How much money do you have in your account right now?", "tactic.asset_probe"),
    ("Stay on the line with me while you go to the bank.", "tactic.escorted_cash"),
    ("别挂电话，你现在去银行柜台，按我说的办。", "tactic.escorted_cash"),
    ("A courier will come to collect the cash from your home this afternoon.", "tactic.escorted_cash"),
    ("你现在去附近找个安静没人的地方，宾馆最好。", "tactic.secrecy"),
    ("你现在身边有没有其他人？", "tactic.secrecy"),
    ("你先别挂电话，我把你转到银联中心。", "tactic.police_handoff"),
]

CALLER_MOVES_GENUINE = [
    "您可以在手机银行App查看账户余额还有多少。",
    "查询余额还有多少，请发送YE到95588。",
    "You can check how much money is in your account in the app.",
    "How much money do you have left on your gift card? You can check it at the store.",
    "请不要把快递放在没人的地方，容易丢失。",
    "你家旁边有没有人可以帮你代收快递？",
    "Please stay on the line while I transfer you to billing.",
    "Our driver will come to collect the parcel tomorrow between 9 and 12.",
    "我们安排快递员上门取件，请您把包裹准备好。",
    "你把订单号发给我，我帮你查一下物流。",
]


@pytest.mark.parametrize(("text", "code"), CALLER_MOVES)
def test_the_callers_questions_and_moves_warn(text, code):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert code in codes(result)


@pytest.mark.parametrize("text", CALLER_MOVES_GENUINE)
def test_balances_pickups_and_transfers_of_genuine_service_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


def test_a_branded_caller_asking_what_you_have_is_danger():
    result = check("您好，我是中国银联的工作人员，请问您名下有几张银行卡？")
    assert result.level == "danger", codes(result)


# --- a bank's alert of a transfer made, with its own line to freeze the account ------------------------

TRANSACTION_ALERTS = [
    "【农业银行】您尾号0021账户于12月05日通过手机银行转出2000元，如非本人操作请拨打95599冻结账户。",
    "【招商银行】您账户1234于12月05日11:02通过快捷支付转出人民币200.00，如非本人操作可致电95555冻结。",
    "【农业银行】您尾号0021账户于12月05日通过手机银行转出2000元，验证码 820193，如非本人操作请拨打95599冻结账户。",
]


@pytest.mark.parametrize("text", TRANSACTION_ALERTS)
def test_a_transfer_reported_with_the_banks_own_line_to_freeze_is_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


def test_the_same_alert_with_a_mobile_to_freeze_warns():
    result = check("您尾号0021账户于12月05日转出2000元，如非本人操作请立即联系安全专员13812345678冻结账户。")
    assert result.level in ("caution", "danger"), codes(result)
    assert "tactic.order_dispute_call" in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "【农业银行】您的账户存在异常交易，已被冻结，请联系客服0571-86661234解冻。",
        "您的银行卡已被冻结，请点击 icbc-unfreeze.cc 解冻。",
    ],
)
def test_an_account_frozen_by_them_is_still_a_state(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)


# --- money 'frozen by the system'; an item out of stock refunded ---------------------------------------

MONEY_FROZEN = [
    "您的订单因为系统原因没有成功，款项被冻结了。",
    "亲，您的退款已被系统冻结，需要验证身份后才能解冻。",
    "你的货款已经被平台冻结，要联系客服处理。",
]

HOLDS_GENUINE = [
    "您的信用卡预授权冻结1000.00元，退房后将自动解冻。",
    "您申购的基金资金已冻结，待确认后扣款。",
    "您的账户因司法冻结暂停使用，请联系当地法院。",
    "您好，您买的这款现在缺货，可以给您换同款其他颜色，或者给您退款，您看可以吗？",
    "Sorry, the item you ordered is out of stock. We have cancelled the order and will refund you in 3-5 days.",
]


@pytest.mark.parametrize("text", MONEY_FROZEN)
def test_your_money_frozen_by_the_system_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "tactic.money_frozen" in codes(result)


@pytest.mark.parametrize("text", HOLDS_GENUINE)
def test_holds_that_say_what_for_and_out_of_stock_refunds_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "亲，您拍的这款缺货了，需要给您退款，请提供一下您的支付宝账号和验证码。",
        "Your item is out of stock. We will refund you; please confirm your card number and the code we sent.",
    ],
)
def test_an_out_of_stock_refund_asking_for_a_code_is_still_danger(text):
    assert check(text).level == "danger", codes(check(text))


def test_contraband_found_in_your_parcel_is_an_accusation():
    result = check("您的快递在运输途中被海关扣押了，里面查出了违禁物品。")
    assert "tactic.accusation" in codes(result)


# --- a listed brand's 'customer care number' that is not the brand's ----------------------------------

FAKE_HELPLINES = [
    "Amazon customer care number 1-844-555-0142, call now for refunds.",
    "For Coinbase wallet recovery call customer support at +1 (888) 555-0177 24/7.",
    "To cancel your Norton subscription, many users call 𝟏 • 𝟖33 • 555 • 0143 for quick help from Norton customer support.",
    "京东人工客服热线 13812345678，24小时在线。",
]

REAL_HELPLINES = [
    "Amazon customer service: 1-888-280-4331.",
    "For help with your Chase card, call customer service at 1-800-935-9935.",
    "Your Amazon order was delivered by UPS. For delivery questions, contact UPS customer service at 1-800-742-5877.",
    "Thanks for your order from Bob's Shoes. Questions? Our customer service team is at 1-800-555-0100.",
    "京东客服热线950618，或在京东App联系在线客服。",
]


@pytest.mark.parametrize("text", FAKE_HELPLINES)
def test_a_brands_helpline_that_is_not_the_brands_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "entity.unofficial_phone" in codes(result) or "notice.unofficial_phone" in codes(result)


@pytest.mark.parametrize("text", REAL_HELPLINES)
def test_a_brands_own_helpline_or_a_shops_without_a_brand_stays_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


def test_a_number_written_with_bullets_between_its_groups_is_one_number():
    result = check("Amazon customer care: 1 • 844 • 555 • 0142")
    phone = next(r for r in result.reasons if r.code == "entity.unofficial_phone")
    assert "844" in phone.matched and "0142" in phone.matched


# --- money or a discount to claim by calling back ------------------------------------------------------

CALLBACKS = [
    "Hi there, I'm calling you from Spectrum to let you know that your existing account is qualified for 50% off. "
    "In order to avail the discount, kindly call us back at 844-555-0113 from 8 a.m. to 5 p.m.",
    "Hello, this is Verizon. You are eligible for a $150 loyalty credit. Call us back at 844-555-0190 to claim it.",
    "您好，这里是电信公司，您上月话费多收了50元，需要退还给您，请回电0571-55550123办理。",
]

CALLBACKS_GENUINE = [
    "This is Dr. Smith's office calling to confirm your appointment on Tuesday. Please call us back at 555-0100.",
    "Hi, it's Comcast. You qualify for a faster plan at no extra cost. Call us back at 1-800-934-6489.",
    "Hi Mom, the refund for the concert tickets came through. Call me back at 415-555-0123 when you can.",
    "Your refund request was received. If you have questions, call us back at the number on your bill.",
]


@pytest.mark.parametrize("text", CALLBACKS)
def test_an_offer_to_claim_by_calling_back_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "tactic.callback_offer" in codes(result)


@pytest.mark.parametrize("text", CALLBACKS_GENUINE)
def test_callbacks_without_an_offer_or_to_the_brands_own_line_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)
