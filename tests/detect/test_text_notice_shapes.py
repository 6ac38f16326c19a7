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
    # an e-mail's button the quote leaves out ('below')
    "Outgoing Mail Error. Due to server error, 6 new mails you sent are stucked in your mailbox. Release below to "
    "re-send all stuck emails.",
    "Your PayPal account has been limited. Log in below to restore access.",
    # 'lock your account' says whose itself; a utility's recorded call; a bill that could not be paid
    "Norfolk Fire Dept. decided to lock your account.  Resolve the situation now at 1-877-291-4690",
    "Hi, this is an automated message from the Disconnection Department of Pacific Gas and Electric, Electricity "
    "Company. This call is to inform you that your power will get disconnected in 30 minutes due to a pending "
    "balance on the account. If you need to speak with a representative for further information, please press 1.",
    "We could not process the payment for your latest Virgin Media bill. Your Virgin Media account is scheduled for "
    "disconnection. Click Here to update your billing details now.",
    # India's e-KYC hallmark; a refund 'ready to be claimed' behind a link a slash short
    "Dear Customer your pyatm wallet Has been booked and hold Your amount please complete your kyc contact customer "
    "care 6299257179",
    "Your tax refund of £349.14 is ready to be claimed. To access your refund, follow the steps required. "
    "http:/bit.do/Claim-Tax",
    # a public subsidy 'waiting for you' behind a link
    "您有一笔育儿补贴待领取，请点击 yuer-bt.cn 填写信息",
    "恭喜您获得政府消费补贴500元，请点击链接领取：xf-bt.top",
    # money of yours to take out, at a site that is not the party's
    "【公积金中心】您的住房公积金账户可提取3万元，请登录 gjj-tiqu.com 申请",
    # a card 'in your name' the reader never opened; a shop that 'will be closed'
    "我是中国电信工作人员，您名下有一张电话卡欠费，请联系公安机关",
    "您好，您的拼多多商家账户未缴纳保证金，店铺将被关闭",
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
    # the same words in genuine notices: the party's own number, a bill, a deposit made
    "【公积金中心】您的住房公积金可提取，详情请拨打12329咨询。",
    "【公积金中心】您本月公积金已缴存1200元。",
    "您名下的信用卡账单已出，本期应还1234元。",
    # a courier's own mobile, and the reminder at the end names the state callers invent
    "【菜鸟】您的快件正在派送中，快递员王师傅，电话13912345678。谨防诈骗，快递员不会以理赔为由索要验证码。",
    # a bank's code SMS in its own colloquial words
    "【招商银行】您正在申请注销账户，验证码382910，打死也不能告诉别人。",
    # a case told as news, the scam's text and its link quoted
    "近日，李先生收到一条短信：“【建设银行】您的积分即将清零，请登录 wqdh8.cc 兑换”，点开链接填写银行卡信息后被盗刷8000元。",
    'Case study: The victim got a call from "Microsoft support" saying his PC had a virus. He was told to buy '
    "$500 in Google Play gift cards.",
    # a platform's reminder of what its staff never do, its own hotline named
    "抖音提醒用户，官方客服不会通知扣费或要求下载软件、共享屏幕，遇可疑情况可通过「验证助手」或拨打官方热线 95152 核实。",
    "We could not process your payment. Please update your card in the app to keep your subscription.",
    # a service paused for everyone during maintenance; an account frozen, to unfreeze in the brand's app
    "【工商银行】系统将于12月6日0:00-4:00升级维护，期间网银暂停服务，给您带来不便敬请谅解。",
    "【美团】您的账号存在异常登录风险，已为您临时冻结，请通过美团App验证身份后解冻。",
    "Wells Fargo: We've temporarily locked your card due to unusual activity. Please check the Wells Fargo app to review.",
    "Your KYC verification is complete. Thank you.",
    "Your prize is ready to be claimed at the front desk.",
    "【人社局】您的失业保险金已于12月5日发放至社保卡，请注意查收。",
    "育儿补贴申领请通过国家政务服务平台或当地官方渠道办理，不收取任何费用。",
    # 'below' in what genuine e-mails say
    "Your order has shipped. See the details below.",
    "Thanks for signing up! Confirm below to start your subscription.",
    "Your monthly statement is ready. Log in below to view it.",
    # an English SMS signed 'DHL:' sending you only to its own site to pay there
    "DHL: Your shipment 1234567890 is held at customs. Duties of £12.40 are due. Pay securely at dhl.co.uk",
    "USPS: Your package is on hold. Pay the $1.99 redelivery fee at usps.com",
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


# --- what callers say once the victim is on the line ---------------------------------------------

SCRIPT_LINES = [
    # emptying the account, in the caller's words
    ("我们公司一直都是这样操作的，只有您账户余额为零，才能显示清楚", "tactic.empty_account"),
    ("请把卡上的钱全部取出来，存到我指定的账户", "tactic.empty_account"),
    # fake customer service handing over to fake police
    ("我现在帮您转接负责此案的李警官", "tactic.police_handoff"),
    # a membership fee tied to the credit record, across a comma
    ("您开通的会员每月扣费，扣费失败会影响您的征信", "tactic.cancel_service"),
    ("解绑银行卡也会扣钱，还会影响征信", "tactic.cancel_service"),
    # a self-claimed agent naming the membership first and offering to cancel it for you after a comma
    ("你好，我是抖音客服，你开通了直播会员，每月扣费800元，需要帮你取消", "tactic.cancel_service"),
    # the tech-support opener
    ("Hello, this is Windows support. Your computer has been hacked.", "tactic.device_compromise"),
    ("您的电脑被黑客入侵了，我们需要远程帮您处理", "tactic.device_compromise"),
    # a QR code to claim a public benefit
    ("扫码即可领取政府育儿补贴，今日截止", "tactic.qr_code"),
    # 'follow my instructions' with a refund
    ("您的订单异常，需要给您办理退款，请按照我的提示操作", "tactic.step_guidance"),
    # a problem you did not know about, and money offered for it (across a comma)
    ("你购买的童装甲醛超标，要给你退款", "tactic.refund_lure"),
    # jail for an unpaid tax
    ("You need to call us immediately to avoid jail time.", "tactic.accusation"),
]


@pytest.mark.parametrize("text, code", SCRIPT_LINES)
def test_what_callers_say_warns_with_its_own_reason(text, code):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert code in codes(result)


AGENT_LINES = [
    # an agent answering: a hypothetical problem, or the one the customer reported
    "亲，如果商品有质量问题，您可以在订单页申请退款哦",
    "您好，您反馈的商品破损问题，我们已为您申请退款，请留意到账",
    # an antivirus report that found nothing; advice about a virus
    "Your scan is complete: no viruses were found on your computer.",
    "电脑提示病毒怎么办？建议用杀毒软件全盘扫描",
    # a reminder in the conditional
    "如果接到自称快递客服的电话，声称包裹丢失要理赔，请提高警惕",
    # a platform's own renewal notice: you cancel it yourself
    "【爱奇艺】您的VIP会员将于明日自动续费，如需取消请前往App设置",
]


@pytest.mark.parametrize("text", AGENT_LINES)
def test_agents_answering_and_reminders_do_not_warn(text):
    result = check(text)
    assert result.level == "none", codes(result)


def test_a_placeholder_where_the_source_removed_the_link_is_an_unshown_channel():
    result = check("USPS: Your package is on hold. Update your address at <URL>")
    assert result.level in ("caution", "danger")
    assert "notice.unshown_channel" in codes(result)


def test_adding_the_couriers_wechat_completes_a_damaged_parcel_notice():
    result = check("【驿站】您的快递在运输中破损了，请加理赔专员微信处理")
    assert result.level == "danger", codes(result)


def test_a_sentence_before_a_colon_is_not_a_sender_name():
    from kefuguard.detect.text.sender_frame import sender_frame

    assert sender_frame("USPS: your parcel is held") is not None
    assert sender_frame("Royal Mail: pay the fee") is not None
    assert sender_frame("Your scan is complete: nothing found") is None


def test_the_senders_own_voice_stands_for_a_party_only_for_a_hallmark_state_of_yours():
    warned = check("We have placed a temporary suspension on your account until you verify your identity.")
    assert warned.level == "caution", codes(warned)
    policy = check("If we're unable to deliver an item we'll always leave a card with the fee to pay.")
    assert policy.level == "none", codes(policy)


@pytest.mark.parametrize(
    "text",
    [
        "Your membership renewal of $349.99 is complete. If you did not authorize this charge, please contact "
        "our customer care within 24 hours.",
        "A charge of $89.99 was applied to your account. If you do not recognize this charge, call us immediately "
        "to dispute it.",
    ],
)
def test_a_charge_to_dispute_by_calling_a_number_not_shown_is_a_callback_script(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "notice.unshown_channel" in codes(result)


def test_a_brand_opening_the_message_as_its_subject_must_give_its_own_number():
    """'Your Amazon order … if you did not place this order, call …': no sender frame, but the brand
    is the message's subject and the number to call is not its own."""
    text = "Your Amazon order #113-4456 for Apple iPhone 15 has been shipped. If you did not place this order, call "
    scam = check(text + "1-888-555-0199")
    assert scam.level in ("caution", "danger") and "notice.unofficial_phone" in codes(scam), codes(scam)
    assert any("amazon" in (r.official or "") for r in scam.reasons if r.code == "notice.unofficial_phone")
    genuine = check(text + "1-888-280-4331")  # Amazon's own customer service line on the list
    assert genuine.level == "none", codes(genuine)


@pytest.mark.parametrize(
    "text", ["if not you call 1-888-555-0100", "if this isn't you, call 1-888-555-0100", "如果不是您本人，请致电 1-888-555-0100"]
)
def test_every_way_of_saying_if_this_was_not_you_makes_the_number_a_callback(text):
    scam = check("Coinbase: a withdrawal of 2.1 BTC was requested, " + text)
    assert scam.level in ("caution", "danger") and "notice.unofficial_phone" in codes(scam), codes(scam)
    genuine = check("Coinbase: a withdrawal of 2.1 BTC was requested. If this was not you, contact support in the app.")
    assert genuine.level == "none", codes(genuine)


def test_the_official_line_of_another_brand_the_message_names_is_no_unofficial_channel():
    """A payment service's receipt may name the shop and give the shop's own line: that number is an
    official channel of a brand the message names, whichever of the two is taken for the sender."""
    text = "PayPal: you sent $25.00 to Amazon for order 113-4456. If you did not make this payment, call Amazon at "
    assert check(text + "1-888-280-4331").level == "none"
    scam = check(text + "1-888-555-0100")
    assert scam.level in ("caution", "danger") and "notice.unofficial_phone" in codes(scam), codes(scam)


def test_a_bank_in_link_is_a_banks_own_and_a_lookalike_beside_it_is_not():
    """bank.in is handed out by the Reserve Bank of India's registrar to banks only: a bank's link
    there is no scam's channel, whatever the list holds for the bank."""
    assert check("HDFC Bank: your statement is ready. Log in at https://hdfc.bank.in to view it.").level == "none"
    scam = check("HDFC Bank: your account is blocked, update KYC at hdfc-kyc.top")
    assert scam.level in ("caution", "danger"), codes(scam)


def test_the_number_on_the_back_of_your_card_is_the_official_channel():
    result = check("A charge of $89.99 was made. If you do not recognize it, call the number on the back of your card.")
    assert "notice.unshown_channel" not in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        # the 'wrong instalment setting' script: a mistake of theirs, a monthly charge, a cancellation
        "您好，这里是购物网站客服，由于我们工作人员操作失误，把您的订单误设为批发商，每月将自动扣款，需要帮您取消分期设定",
        # a courier's fee before the 'final attempt'
        "Royal Mail: Your parcel has a pending fee of £1.99. Pay it before the final attempt at <URL>",
        # a seller's funds frozen on a second-hand platform
        "您的闲鱼账户资金冻结，无法提现，请联系客服",
        # the tech-support opener without a virus
        "Microsoft here: your computer is sending error messages, we need to fix it",
    ],
)
def test_the_families_real_notices_come_in_warn(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


def test_a_shipping_notice_is_quiet():
    assert check("您好，您的订单已发货，预计明日送达").level == "none"


# --- the spine: a listed brand speaks, and its link is not the brand's -----------------------------


def test_a_listed_brand_opening_a_message_with_a_link_elsewhere_warns_naming_the_official_site():
    result = check("中国移动网上充值优惠，充100送50，登录www.0059210086.com网上营业厅充值")
    assert result.level == "caution", codes(result)
    link = [r for r in result.reasons if r.code == "notice.unofficial_link"]
    assert len(link) == 1  # said once, though two slots found it
    assert "10086.cn" in (link[0].official or "")


@pytest.mark.parametrize(
    "text",
    [
        # the brand only referred to; a short link; the brand's own site; a government site
        "您的账户收入500元，详情请查询中国银行APP或网站 www.example-news.com",
        "中国移动提醒您：本月流量已用完，点击 t.cn/A6abcd 订购流量包",
        "中国移动提醒您：本月流量已用完，登录 10086.cn 订购流量包",
        "国家医保局提示：请登录 fuwu.nhsa.gov.cn 查询参保信息",
    ],
)
def test_references_short_links_official_and_government_sites_are_not_the_brands_link(text):
    assert "notice.unofficial_link" not in codes(check(text))


@pytest.mark.parametrize(
    "text, code",
    [
        # a tax office's debt sent to collectors
        ("You owe money to the IRS. We will send your file to a collection agency. Call us today.", "notice.state"),
        # a refund waiting behind a link that is not shown
        ("You have a refund of $320 this year. Click here to claim it.", "notice.unshown_channel"),
        ("Your tax refund is ready. Fill in the form at [url redacted].", "notice.unshown_channel"),
        # a bank's number the quoting source replaced with x's
        ("Bank security alert: your card is on hold. Please contact the help desk at xxx-xxx-xxxx", "notice.state"),
        # the device named inside the problem
        ("You have serious problems with your computer, it is sending us errors.", "tactic.device_compromise"),
    ],
)
def test_tax_refund_debt_and_helpdesk_scripts(text, code):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert code in codes(result)


def test_a_conversation_remembers_the_claim_beyond_the_last_few_messages():
    from kefuguard.detect.text.check import ChatMessage, check_conversation
    from tests.detect.text_support import embedded_index

    chat = [ChatMessage("您好，我是京东客服，您的订单出现异常")]
    chat += [ChatMessage(line) for line in ("好的", "嗯", "然后呢", "我看看", "稍等", "在吗", "请说")]
    chat.append(ChatMessage("那您加我QQ，我们在QQ上处理"))
    last = check_conversation(chat, embedded_index())[-1]
    assert last.level in ("caution", "danger")
    assert any(r.code.startswith("context.") for r in last.reasons)
    alone = check_conversation(chat[-1:], embedded_index())[-1]
    assert alone.level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Amazon: Your order of iPhone 15 Pro for $1,299 is confirmed. Call 1-844-555-0134 to cancel.",
        "Hi, this is Apple Support. Please call us back at 1-866-555-0142 about your iCloud account.",
        "【京东】您的订单已锁定，如需取消请致电 400-123-4567",
    ],
)
def test_a_listed_brand_speaking_with_a_service_line_not_its_own_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "notice.unofficial_phone" in codes(result)


def test_a_brands_own_number_supports_its_message():
    assert check("Bank of America: Call 1-800-432-1000 if you did not authorize this transaction.").level == "none"


def test_a_reminder_quoting_the_scams_link_does_not_warn_as_if_it_were_the_scam():
    text = "警方提醒：近日有市民收到短信“您的ETC认证已失效，请登录 etc-rz.top 重新认证”，这是诈骗，切勿点击。"
    assert check(text).level == "none", codes(check(text))
    scam = "您的ETC认证已失效，请登录 etc-rz.top 重新认证"
    assert check(scam).level in ("caution", "danger")


@pytest.mark.parametrize(
    "text, code",
    [
        ("Hello, this is Windows Technical Support calling!", "tactic.tech_support_call"),
        ("Well, we now see malwares in your computer, and we can fix it", "tactic.device_compromise"),
        ("我们这边是微软技术支持，您的电脑在向我们发送错误报告", "tactic.tech_support_call"),
        ("提醒您，您有一笔停车费用未缴清，逾期将处罚锾，请点击开启连结缴纳（钓鱼网址）", "notice.unshown_channel"),
        ("尊敬的用户您好，您的免费体验已经到期，已开通免密支付，今天即将自动续约", "notice.state"),
        ("we had to lock your bank account access, call 406-630-4023 to restore your bank account.", "notice.state"),
        ("We found a parcel pending for you. Kindly claim ownership and confirm for delivery here", "notice.state"),
        ("You have received $493 from the Canada Revenue Agency. Fill in the form [url redacted].", "notice.state"),
    ],
)
def test_batch_three_shapes(text, code):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert code in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "銀行不會透過簡訊或電子郵件要求客戶提供完整信用卡卡號、安全碼或OTP。",
        "本公司『不會』主動打電話要求您變更付款方式、操作ATM轉帳。",
        "Please contact Apple Support through the Apple Support app.",
        "亲爱的会员，点击[URLa0wyo]领取夏日专属积分",  # a data set's anonymised link, not a redaction
    ],
)
def test_reminders_in_traditional_characters_and_references_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))


def test_a_police_narrative_of_a_case_is_a_reminder():
    text = "不法分子自己打来电话，说受害人的包裹丢失要双倍理赔，让其加微信并下载会议软件共享屏幕。"
    assert check(text).level == "none", codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        # someone else telling what the scammer said: reported speech the scammer never uses
        "The caller said he was from the bank's fraud department and that my card had been used in Florida. "
        "He asked me to read him the code texted to me.",
        "If someone claiming to be from Amazon calls saying your account was charged and asks you to install "
        "AnyDesk, hang up.",
        "市民李女士接到一个自称是航空公司客服的电话，对方称她的航班取消了，可以退票并获得300元补偿，"
        "李女士按对方要求下载了一款APP并开启了屏幕共享，结果银行卡被转走5万元。",
    ],
)
def test_a_victims_or_reporters_account_of_a_scam_is_not_one(text):
    assert check(text).level == "none", codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "我是京东金融客服，您的学生账户需要注销，否则影响征信，请下载会议软件共享屏幕配合操作。",
        "This is the fraud department of your bank. Your card was used in Florida. Read me the code we texted you.",
    ],
)
def test_the_scammer_speaking_is_still_danger(text):
    assert check(text).level == "danger", codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "【招商银行】您正在向尾号1234的账户转账5000元，验证码：445566，请勿泄露给任何人。",
        "【美团】您的验证码是556677，用于绑定银行卡，请勿转发。如非本人操作，请致电4006605335。",
        "Your verification code to transfer $500 is 882211. Never share this code with anyone.",
        "【支付宝】校验码654321，您正在向他人转账，打死都不要告诉别人哦！",
        "【工商银行】您正在进行网上银行转账，动态码839201，工作人员不会向您索取，请勿外泄。",
        "Your bank verification code to approve a payment of $900 is 663311. We will never ask for this code.",
        "Use 448812 to confirm your transfer. Do not forward this code to anyone.",
    ],
)
def test_a_services_own_one_time_code_message_is_quiet(text):
    assert check(text).level == "none", codes(check(text))


def test_a_one_time_code_message_with_a_lookalike_link_still_warns():
    text = "【京东】验证码123456，请勿泄露。登录 jd-kefu.com 完成验证"
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "【南方航空】尊敬的旅客，您乘坐的CZ3101航班因机械故障延误，新的起飞时间待定，请留意短信通知。",
        "【顺丰速运】您的快件派送失败，快递员将于明日再次派送。",
    ],
)
def test_a_disruption_announced_with_nothing_asked_is_a_genuine_notice(text):
    assert check(text).level == "none", codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "【淘宝】您关注的宝贝降价了，戳 m.tb.cn/h.abc 查看",
        "Amazon: Your package was delivered. Track at amzn.to/3abc",
        "【招商银行】您的账单已出，请点击 cmbt.cn/abc 查看",
    ],
)
def test_a_brands_own_short_link_in_an_ordinary_notice_is_quiet(text):
    assert check(text).level == "none", codes(check(text))


def test_a_link_wearing_the_brands_hotline_or_a_notice_script_still_warns():
    assert check("【中国移动】尊敬的客户，您的积分即将清零，请登录 jf-10086.top 兑换").level == "danger"


def test_an_ordinary_notice_closing_with_a_service_line_the_list_lacks_is_quiet():
    assert check("【京东】您的退款已到账，如有疑问请致电 400-606-5500").level == "none"


def test_a_flight_fault_with_compensation_pressed_and_a_sure_win_lottery_warn():
    assert check("女士，您的航班因机械故障延误，请立即操作理赔！").level in ("caution", "danger")
    assert check("专属客户回馈抽奖活动，100%中奖，点击链接即可参与。").level in ("caution", "danger")
    assert check("您的航班延误险已理赔200元，请注意查收").level == "none"  # a payout made, not offered


@pytest.mark.parametrize(
    "text",
    [
        "您的訂單異常，請加客服LINE：abc123 處理退款",
        "Your refund is pending. Contact our support on Telegram @amazon_refund_desk",
        "Your refund is pending. Message us on WhatsApp +44 7700 900123",
    ],
)
def test_a_refund_moved_to_line_telegram_or_whatsapp_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "tactic.off_platform" in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "電電購『不會』主動打電話要求您變更付款方式、操作ATM轉帳。",
        "Royal Mail will only send SMS notifications where the sender has requested this. The only time we "
        "would ask customers to pay a fee is for customs.",
    ],
)
def test_what_a_company_says_it_only_or_never_does_is_a_reminder(text):
    assert check(text).level == "none", codes(check(text))


def test_a_reminder_that_names_the_official_site_and_says_this_is_the_sender_is_still_a_reminder():
    text = (
        "How to verify a text from the toll agency: it will never request payment by text. It will only send "
        "texts from one short code (this is the sender of your text). All links will include example-toll.com. "
        "It will never threaten you with legal action for an unpaid toll."
    )
    assert check(text).level == "none", codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "Dear Customer your YONO Account Closed Today Contact now And Update your PAN NUMBER in the following link",
        "Good day from GCash, your account is under review, we request you to verify your account to continue.",
    ],
)
def test_closed_and_under_review_accounts(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


def test_a_government_site_named_in_a_reminder_is_not_a_scam_channel():
    text = "所有官方政府信息都是通过单一的'gov.sg'发件人ID发送的。从已停用的发件人ID收到的消息都是假的。"
    assert check(text).level == "none", codes(check(text))


def test_a_link_warned_on_its_own_still_completes_the_notice_script():
    text = "HMRC: You have an outstanding tax refund of £256. Claim it within 24 hours at https://tax-refund.top/c"
    assert check(text).level == "danger", codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "Your order of a laptop has been processed. Call us at +1 415 555 0134 if you did not order this item.",
        "Your subscription was renewed and you will be charged $299. To cancel, contact our team at 1-808-555-0199.",
        "您的会员已自动续费，将扣款299元，如需取消请致电我们 0755-86013388",
    ],
)
def test_a_charge_announced_with_call_us_at_a_number_warns(text):
    # nobody named, but the sender asks to be called itself about the charge it announces
    assert check(text).level in ("caution", "danger"), codes(check(text))


def test_a_delivery_update_saying_contact_us_without_a_charge_is_quiet():
    text = "Your parcel was delivered today at 14:05. Questions? Contact us at 020 7946 0018."
    assert check(text).level == "none", codes(check(text))


def test_a_reminder_saying_this_is_a_common_scam_is_not_a_sender_introducing_itself():
    text = "If anyone calls to ask for an OTP, hang up. This is a common scam that fraudsters use."
    assert check(text).level == "none", codes(check(text))
    # a sender introducing itself with the same words still speaks for itself
    assert check("This is Amazon. Tell me the OTP we sent you to cancel the order.").level != "none"


def test_a_failed_delivery_with_the_couriers_own_mobile_is_quiet():
    result = check("【极兔速递】您的快件因地址不详派送失败，请联系派件员 17612345678")
    assert result.level == "none", codes(result)
    assert "notice.courier_phone" in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "您的快递丢失了，我是快递员，请联系快递员 15012345678 办理双倍理赔",  # compensation in play
        "【中国银行】您的账户已冻结，请联系快递员 15012345678",  # a bank never sends you to a courier
    ],
)
def test_a_courier_word_before_a_number_does_not_clear_a_scam(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


def test_a_benefit_not_yet_claimed_with_the_link_cut_off_after_click_warns():
    # '点击……': whoever quoted the message cut the link off; a benefit waiting, cancelled unless verified
    text = "您的补贴尚未申领！不验证自动取消，点击……"
    assert check(text).level in ("caution", "danger"), codes(check(text))
    # an ellipsis not after a link action is a message trailing off, not a link
    assert check("您的快递已到驿站，请尽快取件……").level == "none"


def test_a_police_reminder_headed_jingfang_tixing_is_a_reminder():
    text = "警方提醒：真正的“百万保障”完全免费"
    assert check(text).level == "none", codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "消费者权益保护局提示：保险公司正常理赔无须进行ATM机操作，不需要提供银行卡密码和验证码。",
        "任何机构、任何人都无权修改真实的不良信用记录，妄图通过“征信修复”修改信用记录的，可能涉嫌违法犯罪。",
    ],
)
def test_a_regulators_reminder_of_what_is_never_needed_is_a_reminder(text):
    assert check(text).level == "none", codes(check(text))


def test_a_scammer_saying_no_fee_is_needed_still_warns():
    # '无需' words in a script that asks for the code anyway
    text = "我是淘宝客服，您的订单异常，退款无需任何费用，请把收到的验证码告诉我"
    assert check(text).level == "danger", codes(check(text))


def test_short_names_people_use_name_the_brand_and_ambiguous_ones_do_not():
    assert check("【邮储】您的账户已冻结，请登录 psbc-vip.top 解冻").brand == "psbc"
    # '恒生芸泰' is another company: '恒生' alone is no longer Hang Seng Bank's name
    assert check("【恒生芸泰】北京协和医院APP提醒您已预约，客服电话400-893-3900").level == "none"
    assert check("请在设置里查找您的订单号").brand is None  # '查找' is 'search', not Apple's Find My


@pytest.mark.parametrize(
    "text",
    [
        # a brand calling first about an order the reader did not place: the call's opener
        "Hello, I'm calling from Amazon. There's an order for an iPhone on your account for $1,499. "
        "Did you place this order?",
        # a platform account about to be banned, and a verification to do with 'us'
        "您的抖音账号存在违规行为，即将被封号，请配合我们进行认证。",
    ],
)
def test_openers_of_calls_and_ban_threats_warn(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "这是机密案件，你不能告诉家人，找一个安静的房间配合调查。",
        "If the bank asks, tell them it's for a home renovation. Don't tell the bank about this call.",
    ],
)
def test_being_told_to_keep_it_from_family_or_bank_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger") and "tactic.secrecy" in codes(result), codes(result)


def test_a_reminder_about_secrecy_is_not_a_warning():
    text = "银行和公安不会要求您对家人保密，凡是要求保密的都是诈骗。"
    assert check(text).level == "none", codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "Hello, my name is Joe with Microsoft tech support; we're showing that your Windows license is invalid.",
        "您通过淘宝店铺购买了商品,现在系统出现故障,请申请退款。",
        "IT Helpdesk: your mailbox quota exceeded, we have temporarily signed you out. Sign back in to increase storage.",
    ],
)
def test_batch_six_shapes_warn(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "校安中心提醒,任何要求私下交易、離開官方平台付款,或要求提供個資、驗證碼及操作ATM的訊息,都應立即停止並向官方客服查證。",
        "當接到航班取消或變動需要改簽或者退票的電話或短信時,一定要通過航空公司客服電話、官方網站等多方渠道核實。",
    ],
)
def test_advice_phrased_as_a_rule_for_any_such_message_is_quiet(text):
    assert check(text).level == "none", codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "【中華郵政】您的包裹因地址不完整無法配送，請於24小時內更新：https://post-tw.cc/a",
        "You have a pending stimulus payment. Confirm your eligibility here: bit.ly/3xYz12",
        "Your Medicare card is being replaced. Call 1-866-555-0188 to verify your Social Security number.",
        "Congratulations! You've been selected for a $500 Walmart gift card. Claim: wmt-rewards.shop",
    ],
)
def test_parcel_benefit_card_and_prize_notices_warn(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        # Taiwan's 'cancel the instalments' script: an order 'set by mistake' to instalments or wholesale
        "您好，我是博客來客服，因為我們工作人員疏失，把您的訂單誤設為12期分期付款，每個月會從您的帳戶扣款，需要您配合銀行解除設定。",
        "您的帳戶被設定成批發商，將被重複扣款12次，稍後會有銀行專員跟您聯繫。",
    ],
)
def test_the_instalment_cancellation_script_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger") and "tactic.cancel_service" in codes(result), codes(result)


def test_being_told_to_buy_gift_cards_is_a_money_request():
    text = "This is Apple Support. Your iCloud account has been hacked. Please purchase Apple gift cards to secure it."
    result = check(text)
    assert result.level == "danger" and "tactic.gift_card" in codes(result), codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "尊敬的用户，您的手机银行将于今日停止使用，请及时登录 www.ccb-sj.cc 激活。",
        "Chase Alert: A new payee 'John Smith' was added to your account. If you didn't do this, call 1-888-555-0134 now.",
    ],
)
def test_bank_notices_stopping_service_or_a_payee_added_warn(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "您好，这里是京东客服，您反馈的问题我们已经记录，会在24小时内给您回复，请您耐心等待。",
        "Hi, this is Amazon customer service. We'll get back to you within 24 hours.",
    ],
)
def test_an_agents_own_deadline_is_a_promise_not_a_threat(text):
    assert check(text).level == "none", codes(check(text))


def test_a_deadline_on_the_readers_account_is_still_a_threat():
    assert "tactic.threat" in codes(check("您的账户将在24小时内冻结，请立即联系客服"))


@pytest.mark.parametrize(
    "text",
    [
        # a signed notice whose only channel is the brand's own number, asking nothing
        "【交通银行】您的信用卡已逾期，已暂停使用，请尽快还款，详询95559。",
        # the national anti-fraud centre's own message: '拨打96110' is its number, not a phone menu
        "【国家反诈中心】您好，我们监测到您的手机号近期接到涉诈电话，请提高警惕，如有疑问请拨打96110。",
        # a receipt for a charge made
        "【高德打车】您的行程已结束，费用23.5元已自动扣款，如有疑问请在App内联系客服。",
        # a refund that goes back by itself
        "亲，您的订单因为库存不足无法发货，我们已经为您申请退款，款项将在1-3个工作日原路退回，给您带来不便非常抱歉。",
        # sent back to the platform's own order page
        "您好，您的快递在运输途中出现破损，快递公司会按规定进行理赔，请在淘宝订单页面申请售后。",
        # a payment disputed, not asked for
        "PayPal: You sent $50.00 USD to John Smith. If you didn't make this payment, log in to PayPal to report it.",
    ],
)
def test_genuine_notices_and_agent_replies_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))



@pytest.mark.parametrize(
    "text, code",
    [
        (
            "I have sent you $2,999 by mistake instead of $299. Please go to the store and buy Google Play cards "
            "to return the difference.",
            "tactic.gift_card",
        ),
        ("Your IP address has been hacked by hackers from Russia.", "tactic.device_compromise"),
        ("Do not turn off your computer. Call Microsoft Support immediately at 1-866-555-0111.", "tactic.device_compromise"),
    ],
)
def test_tech_support_and_overpaid_refund_lines_warn(text, code):
    result = check(text)
    assert result.level in ("caution", "danger") and code in codes(result), codes(result)


@pytest.mark.parametrize(
    "text, code",
    [
        ("这个钱只是走个流水，验证完会全部退给你", "tactic.advance_fee"),
        ("你现在打开手机银行，点转账", "tactic.step_guidance"),
        ("你下载一个云闪付，我们给你退款", "tactic.screen_share"),
        ("这个是银保监会的要求，要注销掉，不然影响征信", "tactic.cancel_service"),
        ("我给你发个链接，你填一下银行卡信息", "tactic.credential_request"),
        ("你的花呗利率太高，需要帮你调低，不然会影响征信", "tactic.cancel_service"),
    ],
)
def test_call_script_lines_warn(text, code):
    result = check(text)
    assert result.level in ("caution", "danger") and code in codes(result), codes(result)


@pytest.mark.parametrize(
    "text, code",
    [
        ("你需要把你名下所有银行卡的余额都转到这个账户上，我们核查完会退给你", "tactic.empty_account"),
        ("我们会把你的资料转交给公安机关处理", "tactic.police_handoff"),
        ("你先别挂电话，我帮你转接到银联中心", "tactic.police_handoff"),
        ("你把刚才收到的短信截图发我", "tactic.credential_request"),
        ("我是中国银联的工作人员，你的账户被人恶意开通了贷款", "tactic.identity_claim"),
    ],
)
def test_more_call_script_lines_warn(text, code):
    result = check(text)
    assert result.level in ("caution", "danger") and code in codes(result), codes(result)


def test_a_parcel_returned_to_the_warehouse_with_a_short_link_warns():
    text = "Dear customer, your package has been returned to our warehouse. Update your info: tinyurl.com/y8k2"
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "您好，您的闲鱼账户未开通诚信保障，买家无法付款，请先开通",
        "您的提现申请被驳回，原因是银行卡信息错误，请联系客服修改",
    ],
)
def test_seller_and_withdrawal_scripts_warn(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


def test_asking_for_the_alipay_account_to_pay_triple_compensation_is_danger():
    result = check("您的快递在中转站丢失，我们按三倍赔偿，请提供您的支付宝账号")
    assert result.level == "danger" and "tactic.credential_request" in codes(result), codes(result)


def test_a_hallmark_state_missing_from_the_state_list_is_still_a_state():
    text = "Your Medicare benefits will be cancelled unless you verify your information. Call 1-877-555-0133."
    assert check(text).level == "danger", codes(check(text))


@pytest.mark.parametrize(
    "text",
    ["我们是检察院的，现在要对你进行资产清查", "请你到一个安静的地方，我们要给你做笔录"],
)
def test_fake_authority_lines_warn(text):
    result = check(text)
    assert result.level in ("caution", "danger") and "tactic.accusation" in codes(result), codes(result)


def test_finding_a_quiet_place_to_call_back_is_no_secrecy():
    assert check("等我找个安静的地方给你回电话").level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Evri: We missed you today. Rebook your delivery here",
        "We attempted to deliver your package today. Schedule a new delivery at the link below.",
        "Your parcel could not be delivered because the house number is missing. Please click http:// [redacted]",
    ],
)
def test_a_redelivery_to_book_through_a_link_not_shown_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "notice.unshown_channel" in codes(result)


def test_a_redaction_of_a_name_is_not_a_link():
    assert check("Dear [redacted], your parcel could not be delivered today.").level == "none"


def test_a_charge_to_dispute_by_calling_a_number_not_the_brands_warns_naming_it():
    result = check("Chase Bank Fraud Alert: Did you attempt a purchase of $849.99 at Walmart? If not, call 1-877-555-0123.")
    assert result.level == "caution", codes(result)
    phone = next(r for r in result.reasons if r.code == "notice.unofficial_phone")
    assert phone.matched == "1-877-555-0123"
    assert "1-800-935-9935" in (phone.official or "")


def test_if_not_you_in_chinese_with_the_banks_own_number_is_quiet_and_with_another_warns():
    assert check("【工商银行】您尾号1234的卡消费3200元，如非本人操作请致电95588").level == "none"
    assert check("【工商银行】您尾号1234的卡消费3200元，如非本人操作请致电400-820-1234").level == "caution"


def test_a_rebate_form_not_shown_is_an_unshown_channel():
    result = check("HMRC: You have an outstanding tax rebate of £320.15. Please complete the form to receive it.")
    assert "notice.unshown_channel" in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "这里是工信部，您的手机号码将在2小时内被停机",  # a public office, your number cut off, a deadline
        "您的订单卡单了，需要您配合操作一下",  # a stuck order worked by the caller's instructions
    ],
)
def test_call_openers_of_a_cut_off_line_and_a_stuck_order_warn(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


def test_an_operator_telling_of_a_line_cut_for_arrears_with_its_own_number_is_quiet():
    assert check("【中国移动】您的话费余额不足，为避免停机请及时充值，详询10086").level == "none"


def test_a_refund_worked_through_your_online_banking_and_an_arrest_over_taxes_warn():
    refund = check(
        "I am going to refund you $299 for the cancellation of your subscription. "
        "Please log into your online banking so I can process the refund."
    )
    assert refund.level in ("caution", "danger"), codes(refund)
    arrest = check("You owe $4,982 in back taxes. A warrant will be issued for your arrest unless you pay today.")
    assert arrest.level == "danger", codes(arrest)


def test_a_bank_saying_what_it_never_asks_is_quiet():
    assert check("We will never ask you to log into your online banking while on the phone with us.").level == "none"
    assert check("To see your statement, log into your online banking.").level == "none"


def test_a_reminder_quoting_an_example_scam_text_with_its_lookalike_does_not_warn():
    text = (
        'Example of a scam text: "USPS: Your package is on hold. Visit usps-track.info to update your address." '
        "Do not click such links."
    )
    result = check(text)
    assert result.level == "none", codes(result)
    assert "notice.advisory" in codes(result)
    # the same text sent as a notice, without the reminder around it, is a warning
    assert check("USPS: Your package is on hold. Visit usps-track.info to update your address.").level == "danger"


@pytest.mark.parametrize(
    "text",
    [
        # the brand's own app is its own channel
        "【滴滴出行】您的账号存在异常登录，已为您冻结，如需解冻请在滴滴APP内联系客服。",
        # a claim registered, the money back to where it was paid from: nothing for the reader to do
        "您好，这边查询到您的快递在运输途中破损了，已为您登记理赔，理赔款会退到您的原支付账户。",
    ],
)
def test_genuine_notices_sending_you_back_to_the_platform_are_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


def test_the_same_frozen_account_sent_to_a_stranger_still_warns():
    text = "【滴滴出行】您的账号存在异常登录，已为您冻结，如需解冻请添加客服微信 dd-kefu88"
    assert check(text).level in ("caution", "danger"), codes(check(text))


def test_paying_in_a_noun_is_not_a_payment_asked():
    result = check("您的退款将退回您的支付宝账户")
    assert "tactic.transfer_request" not in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "Bank of America: Your card ending in 1234 has been temporarily locked due to suspicious activity. "
        "Please call the number on the back of your card.",
        "Toll reminder: you have an unpaid Dart Charge crossing. Pay by midnight tomorrow at gov.uk/dart-charge "
        "to avoid a penalty.",
    ],
)
def test_a_notice_sending_you_to_the_back_of_your_card_or_a_government_site_is_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


def test_a_university_domain_named_is_no_official_place():
    result = check("From pugetsound.edu Server Admin: your account has been suspended, verify now at the link below")
    assert result.level in ("caution", "danger"), codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "Take an extra step & check with your bank to verify if your account has been compromised.",
        "No law enforcement organization will ever call you and inform you that you need to pay any sort of fine "
        "or fee to resolve a legal situation.",
    ],
)
def test_reminders_in_their_own_words_are_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "I have mistakenly sent someone's money into your wallet. Please, send it back to me.",
        "对不起，我刚才转错账了，转到你的支付宝上了，麻烦你退给我",
        "Your bank has declined the Direct Debit payment request. Please provide new Direct Debit details now.",
    ],
)
def test_money_sent_by_mistake_and_new_debit_details_asked_warn(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


def _outgoing(text):
    return check(text, direction="outgoing")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我的卡号是6222 0202 0000 1234 562，有效期12/28，背面三位是123", ["outgoing.card_number", "outgoing.card_expiry", "outgoing.cvv"]),
        ("卡号 6222 0202 0000 1234 567", ["outgoing.card_number"]),  # mistyped (checksum fails), still a card
        ("my SSN is 123-45-6789", ["outgoing.id_number"]),
        ("My card is 4539 1488 0343 6467, expiry 09/26, security code 271", ["outgoing.card_number", "outgoing.card_expiry", "outgoing.cvv"]),
    ],
)
def test_what_a_victim_types_is_named_for_what_it_is(text, expected):
    result = _outgoing(text)
    assert result.level == "caution"
    assert [r.code for r in result.reasons] == expected


def test_a_date_is_no_card_expiry():
    assert _outgoing("the meeting is on 12/28").level == "none"
    assert _outgoing("I expire 12/28 lol").level == "none"


def test_chase_as_a_sender_label_is_the_bank_and_chasing_something_up_is_not():
    result = check("Chase: Your transfer of $210 has been accepted. If you dont recognize this transaction call 1-877-555-0123")
    assert result.level in ("caution", "danger"), codes(result)
    assert result.brand == "chase"
    assert check("I'll chase this up for you: call us on 0800 123 456").level == "none"


def test_a_notice_of_your_parcel_in_trouble_with_a_link_warns_without_a_word_telling_you_to_click():
    text = "USPostal: Your package delivery has been paused due to missing street information. uspkgos.homes/D4d5t6"
    result = check(text)
    assert result.level == "caution", codes(result)
    assert "notice.unofficial_link" in codes(result)
    # the same notice pointing to the courier's own site is quiet
    assert check("USPS: Your package delivery has been paused due to missing street information. usps.com/track").level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Hi, your parcel with tracking number 4411 is waiting for you to confirm the delivery address: parcel-now.info/x1",
        "Hi it's Tom, I'm having a hard time delivering your parcel. Fill in your details here: deliv-help.com/q",
        "USPS: your delivery address needs to be corrected here https://ab.nz/4UJQ to enable redelivery",
        "Refund Validation: validate your refund of $412.20 through our online form: refund-desk.info/r",
        "Netflix: please update your membership to continue watching. nf-members.info/u",
    ],
)
def test_parcel_refund_and_membership_texts_with_a_strangers_link_warn(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "Your package is waiting for you at the post office counter until Friday.",
        "Netflix: please update your membership to continue watching. netflix.com/account",
        "Your refund of $23.99 has been issued to your original payment method.",
    ],
)
def test_the_same_words_from_the_brand_itself_are_quiet(text):
    assert check(text).level == "none", codes(check(text))


def test_a_courier_giving_his_own_number_after_introducing_himself_is_quiet():
    assert check("你好，我是顺丰快递员，你的快递放门口了，有问题联系我13800138000").level == "none"
    # the same number from someone claiming compensation is not the courier's ordinary note
    assert check("我是顺丰快递员，你的快递丢了，要给你理赔，联系我13800138000").level in ("caution", "danger")


def test_asking_whether_you_transferred_is_not_asking_for_a_transfer():
    result = check("请问您最近是否有转账给陌生人？")
    assert "tactic.transfer_request" not in codes(result)


@pytest.mark.parametrize(
    "text, digits",
    [
        ("Your parcel is held. Call 8 8 8 - 5 5 5 - 0 1 9 9 to release it.", "8885550199"),
        ("您的快递丢失，请拨打 1 3 8 0 0 1 3 8 0 0 0 领取赔偿", "13800138000"),
    ],
)
def test_a_number_written_one_digit_at_a_time_is_still_the_number(text, digits):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    phone = next(r for r in result.reasons if r.code == "notice.unofficial_phone")
    assert phone.matched.replace(" ", "").replace("-", "") == digits


def test_scores_and_lists_of_single_digits_are_no_number():
    assert check("比分 1 2 3 4 5 6 7，今晚的比赛太精彩了").level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Please reply Y, then exit the text message and open it again to activate the link.",
        "请回复Y激活链接后重新打开短信",
    ],
)
def test_asking_for_a_reply_to_make_a_link_work_warns_with_its_own_reason(text):
    result = check(text)
    assert result.level == "caution"
    assert codes(result) == {"tactic.link_activation"}
    assert result.advice


def test_an_email_footer_about_a_broken_button_is_not_link_activation():
    assert check("If the button doesn't work, copy and paste the link into your browser.").level == "none"


def test_a_caller_sending_you_to_the_windows_key_and_the_event_viewer_warns():
    result = check("OK, now press the Windows key and R together, and type eventvwr.")
    assert result.level == "caution", codes(result)
    assert "tactic.screen_share" in codes(result)


@pytest.mark.parametrize("text", ["你等他走了再办吧，警察问你就说是给家里人转钱", "If the police ask, tell them the money is for a relative."])
def test_coaching_you_to_keep_it_from_the_police_warns(text):
    assert "tactic.secrecy" in codes(check(text))


def test_a_police_reminder_to_tell_the_police_is_quiet():
    assert check("如遇可疑电话，请立即告诉警察或拨打110。").level == "none"


def test_or_else_in_chinese_is_a_threat():
    result = check("不转钱就等着被起诉吧")
    assert "tactic.threat" in codes(result)
    assert result.level in ("caution", "danger")


def test_a_telegram_account_offered_by_a_brands_support_is_a_move_off_the_platform():
    result = check("This is Coinbase support. Add our agent on Telegram: @coinbase_care")
    assert result.level in ("caution", "danger"), codes(result)
    off = next(r for r in result.reasons if r.code == "tactic.off_platform")
    assert "coinbase_care" in off.matched


def test_a_courier_asking_you_to_message_a_whatsapp_number_warns():
    result = check("Royal Mail: your parcel is held, message our team on WhatsApp +44 7911 123456")
    assert result.level in ("caution", "danger"), codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "Your Verizon bill of $85.23 is due on 12/15. Pay at vzw.com/pay or call *611.",
        "DHL Express: your shipment 123456 is subject to import duty of £12.50. Pay online at dhl.co.uk/pay to release it.",
    ],
)
def test_a_brands_sister_domain_in_its_own_notice_is_its_own_site(text):
    result = check(text)
    assert result.level == "none", codes(result)
    assert "official.link" in codes(result)


def test_deportation_threats_and_identity_numbers_asked_warn():
    assert "tactic.accusation" in codes(check("USCIS: Your immigration status has an issue. Call 202-555-0199 or face deportation."))
    asked = check("What is your National Insurance number? I need it to process your claim.")
    assert "tactic.credential_request" in codes(asked)


def test_a_case_said_to_be_secret_even_from_family_is_secrecy():
    assert "tactic.secrecy" in codes(check("这个案子是机密，不能告诉任何人，包括你的家人"))
    assert check("【工商银行】验证码123456，请勿告诉任何人。").level == "none"


# --- a transaction announced, with 'if in doubt, call…' ------------------------------------------

SPEND_QUERIED = [
    "尊敬的客户，您的信用卡于12月3日在华联商厦消费3680元，如有疑问请致电0755-83216655张主任",
    "您尾号8812的银行卡在国美电器刷卡消费8990元，若有疑问请拨打：021-58813377",
]

SPEND_GENUINE = [
    # the bank's own number
    "【招商银行】您账户1234于12月01日消费人民币100.00元，如有疑问请致电95555",
    # a bill summary, not one transaction
    "尊敬的客户，您本月累计消费58.20元，话费余额32.10元，如有疑问请拨打10086",
    # a transaction announced with no channel at all
    "您尾号3321的信用卡消费12.50元。",
]


@pytest.mark.parametrize("text", SPEND_QUERIED)
def test_a_transaction_with_a_number_to_query_it_that_is_not_the_banks_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "notice.unofficial_phone" in codes(result)


@pytest.mark.parametrize("text", SPEND_GENUINE)
def test_a_banks_own_transaction_notice_and_a_bill_summary_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


# --- the sender's own threat to the reader's account ----------------------------------------------

SENDER_THREATS = [
    "Dear member, we will suspend your account if we do not hear from you within 24 hours. Please confirm your billing details.",
    "Dear Customer, all unverified accounts will be terminated. You are required to verify your account immediately.",
]

REQUESTED_OR_ADVICE = [
    # what the reader asked for
    "Dear customer, as you asked, we will deactivate your old card today. Your new card is in the post.",
    "Dear customer, as requested, your subscription will be terminated at the end of the billing period.",
    # a reminder, and an option in the settings
    "We will never suspend your account by text message. Do not share your password.",
    "You can suspend your account at any time from Settings, and reactivate it later.",
]


@pytest.mark.parametrize("text", SENDER_THREATS)
def test_a_sender_threatening_to_suspend_or_terminate_your_account_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "notice.state" in codes(result)


@pytest.mark.parametrize("text", REQUESTED_OR_ADVICE)
def test_a_closure_the_reader_asked_for_or_a_reminder_stays_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


# --- you are shut out of your computer or account ------------------------------------------------

LOCKOUTS = [
    "Windows Defender: you cannot access your files until you contact our certified technicians.",
    "尊敬的用户，您将无法登录您的账户，请立即联系客服处理。",
]

LOCKOUT_ANSWERS = [
    # advice for a case that may happen
    "If you can't access your account, reset your password in the app.",
    # a helpdesk's answer: the one who cannot access is the helpdesk, or the reader already said so
    "Sorry to hear you're locked out of your account. Please send us a DM.",
    "We'd love to help but are unable to access your account from here.",
]


@pytest.mark.parametrize("text", LOCKOUTS)
def test_a_notice_that_you_are_shut_out_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "notice.state" in codes(result)


@pytest.mark.parametrize("text", LOCKOUT_ANSWERS)
def test_advice_and_helpdesk_answers_about_a_lockout_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


# --- an office or a bank in the caller's own voice -------------------------------------------------

OFFICE_VOICE = [
    "我们社保局系统显示，您的社保卡存在异常，需要重新认证。",
    "我们银行这边查到您的账户有异常交易。",
]

OFFICE_NOTICES = [
    # a notice in the office's sender frame, with nothing wrong
    "【某市医保局】您的医保卡已激活，可正常使用。",
    # the office's own reminder
    "我们医保局提醒您：医保局不会通过电话要求您转账，谨防诈骗。",
    # a shop's agent speaking for the shop
    "我们店铺会为您办理退款，请耐心等待。",
]


@pytest.mark.parametrize("text", OFFICE_VOICE)
def test_an_office_in_the_callers_voice_with_a_problem_on_your_account_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "tactic.identity_claim" in codes(result)


@pytest.mark.parametrize("text", OFFICE_NOTICES)
def test_an_offices_own_notice_or_reminder_and_a_shops_agent_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


# --- the police, a court or a prosecutor introducing itself -------------------------------------

AUTHORITY_CALLS = [
    "这里是市中级人民法院，您有一份传票需要核实，请问您是张先生吗？",
    "我是城南公安分局的刑警，请问你最近有没有丢过身份证？",
    "Hi, this is the police. We need to talk about your bank account.",
]

AUTHORITY_REMINDERS = [
    # their own reminder, in the first person
    "我是城东派出所的民警，提醒您近期冒充客服诈骗高发，请勿向陌生人转账。",
    # a story told about such a call
    "对方自称是法院工作人员，让王女士把钱转到安全账户。",
    # a customer-service opener names no authority
    "这里是京东客服，请问有什么可以帮您？",
]


@pytest.mark.parametrize("text", AUTHORITY_CALLS)
def test_the_police_or_a_court_introducing_itself_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "tactic.authority_call" in codes(result)


@pytest.mark.parametrize("text", AUTHORITY_REMINDERS)
def test_an_authoritys_reminder_or_a_story_of_its_call_has_no_authority_call(text):
    assert "tactic.authority_call" not in codes(check(text))


# --- a reminder speaking of the scammer in the third person ---------------------------------------


def test_a_reminder_about_what_they_may_ask_you_to_do_is_advisory():
    text = (
        "If a caller says your computer has a virus, hang up. They may ask you to install an app: "
        "never give them remote access."
    )
    result = check(text)
    assert result.level == "none", codes(result)
    assert "notice.advisory" in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        # the scam's own technicians, in its own voice
        "Our technician will call you now. Please install AnyDesk and give him remote access so he can fix it.",
        "When they ask you, provide them with remote access, they are our engineers.",
    ],
)
def test_a_script_handing_you_to_its_technicians_still_warns(text):
    assert "tactic.screen_share" in codes(check(text))


# --- letters inside a link name no brand --------------------------------------------------------


def test_a_brand_alias_inside_a_links_path_is_not_who_the_message_speaks_for():
    text = "【某某医院】您已预约明日上午门诊，请填写入院通行证 https://reg.example-health.cn/wx/form?id=3 ，客服电话400-123-4567"
    result = check(text)
    assert result.level == "none", codes(result)


def test_a_brand_in_the_sender_frame_with_a_link_not_its_own_still_warns():
    result = check("【微信支付】您的账户异常，请登录 wx-pay-verify.top 处理")
    assert result.level == "danger", codes(result)


# --- checking your account details for a refund, a payout or a rebooking ---------------------------

MONEY_BACK_DETAILS = [
    "为了给您办理退票，需要核对一下您的账户信息。",
    "To process your refund we need to verify your payment details.",
]

MONEY_BACK_GENUINE = [
    "退票已办理，票款将原路退回您的支付账户。",
    "改签成功，请核对您的新航班信息。",
    # a refund already made; the details checked in the official app
    "Your refund has been processed. Please confirm your account details in the app if the amount looks wrong.",
    "退款已为您处理，如金额有误请在官方App核对您的账户信息。",
]


@pytest.mark.parametrize("text", MONEY_BACK_DETAILS)
def test_checking_your_account_details_for_a_refund_or_rebooking_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "tactic.credential_request" in codes(result)


@pytest.mark.parametrize("text", MONEY_BACK_GENUINE)
def test_a_refund_made_or_details_checked_in_the_official_app_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


# --- a payment service 'abnormal', and a bank card to re-bind ---------------------------------------


def test_a_payment_abnormal_with_a_card_to_rebind_warns():
    result = check("您的微信支付异常，需要重新绑定银行卡才能继续使用。")
    assert result.level in ("caution", "danger"), codes(result)
    assert "tactic.account_problem" in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        # done in the platform's own app
        "您的微信支付异常，请在微信App内重新绑定银行卡。",
        # a checkout's error message asks for nothing
        "支付异常？请稍后重试或更换支付方式。",
    ],
)
def test_rebinding_in_the_platforms_own_app_or_a_checkout_error_stays_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


# --- the ETC card by its own names ------------------------------------------------------------------


@pytest.mark.parametrize("text", ["您的ETC卡处于禁用状态，请尽快处理。", "您的电子IC卡已停用，请联系客服解除。"])
def test_an_etc_card_in_a_hallmark_state_speaks_for_the_etc_service(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "notice.party" in codes(result)


def test_an_etc_top_up_receipt_stays_quiet():
    assert check("【ETC服务】您的ETC卡已充值100元。").level == "none"


# --- 'sign back in' is the act of a signed-out notice ----------------------------------------------


def test_signed_out_and_told_to_sign_back_in_warns():
    result = check("Mailbox notice: for safety reasons we have signed you out. Sign back in to keep using your mailbox.")
    assert result.level in ("caution", "danger"), codes(result)
    assert "notice.state" in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "If the app logs you out after the update, just sign back in with your usual password.",
        "You were signed out after the update. Sign back in to continue.",
    ],
)
def test_signing_back_in_after_an_update_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))


# --- a summons by call, and a tax refund to claim --------------------------------------------------

SUMMONS_AND_TAX_REFUNDS = [
    ("This is a final notice: there is an investigation against you and a federal criminal offense on file.", "tactic.accusation"),
    ("If you ignore this, you will have to appear before a judge.", "tactic.accusation"),
    ("Our records show you are eligible to receive a tax refund of 265.40 GBP.", "tactic.refund_lure"),
]

SUMMONS_AND_TAX_GENUINE = [
    # the office's own reminder
    "The IRS will never threaten you with arrest or an appearance before a judge over the phone.",
    # a refund already paid
    "Your federal tax refund of $1,200 has been deposited to your account ending 4411.",
]


@pytest.mark.parametrize(("text", "code"), SUMMONS_AND_TAX_REFUNDS)
def test_a_summons_by_call_or_a_tax_refund_to_claim_warns(text, code):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert code in codes(result)


@pytest.mark.parametrize("text", SUMMONS_AND_TAX_GENUINE)
def test_the_offices_reminder_and_a_refund_paid_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))


# --- a full mailbox to 're-validate' -----------------------------------------------------------------


def test_a_full_mailbox_to_revalidate_through_a_link_warns():
    text = "IT Help Desk: your mailbox is full and 5 mails pending. Re-validate your mailbox here to increase the storage."
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "notice.state" in codes(result)


def test_a_full_mailbox_with_mails_pending_signed_by_a_brand_warns():
    text = (
        "Your mailbox is full and you have 4 mails pending. Increase the storage capacity by clicking below "
        "to avoid being disconnected. © Microsoft"
    )
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "IT Help Desk: your mailbox has exceeded its storage limit. Please delete old messages to free up space.",
        "Your mailbox is almost full. Delete unwanted messages or empty the trash to keep receiving mail.",
    ],
)
def test_a_full_mailbox_fixed_by_deleting_mail_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))


# --- a state a caller would claim, reported by a reminder ------------------------------------------


def test_a_reminder_reporting_what_a_caller_claims_is_not_a_notice_of_it():
    text = (
        "If you get a call from our bank claiming that your card has been blocked, hang up and call back "
        "at the number on our website: 1-800-555-0134."
    )
    assert check(text).level == "none", codes(check(text))


def test_the_same_state_said_by_the_message_itself_with_a_number_warns():
    result = check("Your card has been blocked. Call us back at 1-888-555-0177 immediately.")
    assert result.level in ("caution", "danger"), codes(result)
    assert "notice.unofficial_phone" in codes(result)


# --- 'apply here' is a notice's act -----------------------------------------------------------------


def test_an_office_telling_you_to_apply_through_a_link_not_shown_warns():
    result = check("DVLA: you are eligible for a vehicle tax rebate. You can apply here.")
    assert result.level in ("caution", "danger"), codes(result)
    assert "notice.unshown_channel" in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "You are eligible for the Warm Home Discount. Apply at gov.uk/the-warm-home-discount-scheme",
        "You can apply for a refund in the app.",
    ],
)
def test_applying_on_the_offices_own_site_or_in_the_app_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))


# --- a parcel 'owed to you', and a toll road's outstanding bill -----------------------------------

PARCEL_AND_TOLL = [
    "We found a parcel owed to you from last month. Please claim ownership and confirm for delivery.",
    "E-ZPass: upon review, you have an outstanding toll bill of $4.15.",
]

PARCEL_AND_TOLL_GENUINE = [
    "Your parcel is ready. Schedule a delivery at ups.com/mychoice or pick it up at the store.",
    "Turnpike closure tonight: the highway will reopen at 6 am.",
]


@pytest.mark.parametrize("text", PARCEL_AND_TOLL)
def test_a_parcel_owed_to_you_or_an_outstanding_toll_bill_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "notice.state" in codes(result)


@pytest.mark.parametrize("text", PARCEL_AND_TOLL_GENUINE)
def test_a_couriers_own_link_and_a_road_closure_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))


# --- customs duty pending, or else -------------------------------------------------------------------


def test_customs_duty_pending_or_the_parcel_goes_back_warns():
    result = check("Customs duty is still pending on your order. Please settle it or we will return the parcel to the sender.")
    assert result.level in ("caution", "danger"), codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "DHL Express: your shipment 123456 is subject to import duty of £12.50. Pay online at dhl.co.uk/pay to release it.",
        "Your parcel has customs duties of £6.20 to pay. Pay at royalmail.com/fee or it will be returned.",
    ],
)
def test_customs_duty_paid_on_the_couriers_own_site_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))


# --- a new secure message behind a button ---------------------------------------------------------


def test_a_new_secure_message_behind_a_button_below_warns():
    result = check("myGov: you have 1 new secure message. To read it, click the View message button below.")
    assert result.level in ("caution", "danger"), codes(result)
    assert "notice.unshown_channel" in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "You have a new message in your myGov inbox. Sign in to myGov to read it.",
        "Your bank: you have a new secure message. Log in to online banking to read it.",
    ],
)
def test_a_new_message_read_by_signing_in_yourself_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))


# --- a payment waiting for you to 'accept' through a link ---------------------------------------------


def test_a_payment_to_accept_through_a_link_not_shown_warns():
    result = check("A payment of $950 from RELIEF FUND is waiting. Action is required to accept this payment: continue here.")
    assert result.level in ("caution", "danger"), codes(result)
    assert "notice.unshown_channel" in codes(result)


def test_a_payment_received_with_nothing_to_do_stays_quiet():
    assert check("You have received $50 from John Smith via Zelle.").level == "none"


def test_a_caller_walking_you_to_the_ctrl_key_warns_but_a_refresh_tip_does_not():
    assert "tactic.screen_share" in codes(check("Good. Now find the key that says Ctrl, bottom left of your keyboard."))
    assert check("Try pressing Ctrl + Shift + R to refresh the page.").level == "none"


# --- a listed brand's notice pushing a download or a declined payment to a link not its own -----------


@pytest.mark.parametrize(
    "text",
    [
        # points about to lapse is ordinary marketing; installing an app from a site not the bank's is not
        "尊敬的工商银行用户，您的信用卡积分即将清零，请及时登录 jfdh-vip.com，根据提示下载安装激活后领取216元大礼包",
        # a declined payment sent to a shortener, not to chase.com
        "Chase: your payment method was declined. Update here: bit.ly/3xYzQ9a",
        # (a site whose own name names no brand: amzn-billing-help.com is an Amazon look-alike link since
        # amzn.com is on the list, a reason of its own)
        "Dear Amazon customer, your card was declined. Update your payment at acct-billing-help.com",
    ],
)
def test_a_brand_sending_you_to_a_site_not_its_own_to_install_or_pay_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert "notice.unofficial_link" in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "【工商银行】您的积分即将清零，请登录工行手机银行App兑换，详询95588",
        "Wells Fargo: a transaction of $82.15 at TARGET was declined. Reply 1 if you recognize it, 2 if not.",
        "Your Discover card payment was declined. Log in to discover.com to update.",
        "Chase: Your payment of $50.00 to Verizon was declined. Reply YES if you made it.",
    ],
)
def test_a_declined_payment_or_points_notice_of_the_brands_own_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))


# --- your account locked, call this number: from a sender that never says who it is ----------------


def test_a_nameless_lockout_with_a_number_to_call_warns():
    result = check("Your account has been locked. If this was not you, call 1-888-512-7734.")
    assert result.level in ("caution", "danger"), codes(result)
    assert "notice.unofficial_phone" in codes(result) or "notice.state" in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "Chase: your account has been locked. If this was not you, call 1-800-935-9935.",
        "Your card has been locked for your protection. Call the number on the back of your card.",
        "Accounts left unused for a year may be locked. Questions? Call 1-888-512-7734.",
    ],
)
def test_a_lockout_named_or_with_no_number_or_said_of_accounts_in_general_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))


# --- a reminder that retells the scam text: 'a message saying …, do not call it' ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "If you receive a message saying your Amazon account is locked and asking you to call a number, do not call it.",
        "如果您收到称您的医保卡异常、要求点击链接认证的短信，请不要理会。",
    ],
)
def test_a_reminder_retelling_the_scam_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))


def test_a_text_saying_so_of_its_own_account_still_warns():
    result = check("Amazon: your account is locked. Call 1-888-512-7734 now to restore access.")
    assert result.level in ("caution", "danger"), codes(result)


# --- batch 9's tune half: reminders with 'never would', 'the only time', 提醒民众; a named dear-frame ---


@pytest.mark.parametrize(
    "text",
    [
        "NEVER would Union State Bank send out a generic text or phone call stating your account is locked.",
        "Royal Mail, Evri, DHL, DPD, Yodel re-delivery fee texts and follow-up calls. Couriers never collect re-delivery fees by phone.",
        "The only time Royal Mail would ask customers to make a payment in an email or SMS is if a customs fee is due.",
        "We do not communicate with our customers by text message. Refunds are generally processed directly on the bill.",
        "提醒民眾ATM只有「提款」跟「轉帳」功能,不能解除分期付款或退款。",
        "Security alert - your account was accessed from a new device. If this was you, no action is needed.",
    ],
)
def test_reminders_and_plain_alerts_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "Dear Duke Energy customer, your electricity services will be disconnected due to lack of payment.",
        "citizens alert – your banking is limited",
        "我是香港入境處,我們剛收到上海公安部門的通知,由於您涉及重要案件,明天開始會被限制出境。",
    ],
)
def test_a_named_greeting_a_dashed_alert_label_and_an_immigration_officer_warn(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


def test_off_alone_is_no_promotion():
    # 'off' was a marketing word ('% off' folded): a promotion's weak states are ignored
    result = check("Your power will be shut off in 30 minutes unless you pay. Call 1-888-555-0199.")
    assert result.level in ("caution", "danger"), codes(result)


def test_a_code_sms_for_closing_an_account_with_do_not_tell_anyone_stays_quiet():
    # '切勿将验证码告诉他人': the code's own SMS, its warning split by the object
    text = "【京东】验证码：382910，您正在进行账户注销操作，切勿将验证码告诉他人。如非本人操作，请联系客服。"
    assert check(text).level == "none", codes(check(text))
    asked = check("我是京东客服，您的账户需要注销，请把收到的验证码告诉我，不要告诉他人")
    assert asked.level == "danger", codes(asked)


def test_a_foreign_login_with_a_number_to_call_warns_but_a_sign_in_alert_with_its_own_site_does_not():
    scam = check("We noticed a login from Russia on your Microsoft account. Call 1-866-555-0142 immediately.")
    assert scam.level in ("caution", "danger"), codes(scam)
    for text in (
        "Google: New sign-in from Chrome on Windows. If this was you, you don't need to do anything. Check activity at myaccount.google.com",
        "Microsoft account: A sign-in attempt was blocked. Review recent activity at account.live.com/activity",
    ):
        assert check(text).level == "none", codes(check(text))


def test_telecom_real_name_and_post_seizure_notices_warn_but_a_low_balance_reminder_does_not():
    for text in (
        "您好，这里是中国电信，您的号码实名信息不全，即将停机，请添加客服QQ 2837465912处理",
        "您好，这里是邮政局，您的邮包内有违禁品已被扣押，请拨打0755-83216547",
    ):
        assert check(text).level in ("caution", "danger"), codes(check(text))
    reminder = "【中国移动】尊敬的客户，您的话费余额已不足10元，为避免停机影响使用，请及时充值。充值可通过中国移动APP或拨打10086。"
    assert check(reminder).level == "none", codes(check(reminder))


@pytest.mark.parametrize(
    "text",
    [
        "Someone who tells you to move your money to a safe account is not us. Report it to 7726.",
        "Reminder: a caller who asks for the one-time code we sent you - do not respond.",
        "Police warn: a text saying your USPS parcel is on hold and asking for a redelivery fee - do not respond.",
    ],
)
def test_english_reminders_that_retell_the_ask_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))


def test_the_ask_itself_still_warns():
    assert check("Move your money to this safe account now: 12345678.").level == "danger"


@pytest.mark.parametrize(
    "text",
    [
        "接到要求您把钱转到安全账户的电话，请立即挂断。",
        "请勿相信以注销校园贷为由让您贷款转账。",
        "遇到要求您把钱转到安全账户，一定要提高警惕。",
        "一旦以ETC认证失效为由发来链接，马上报警。",
    ],
)
def test_chinese_reminders_that_retell_the_ask_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))


def test_a_scammers_own_if_you_meet_any_problem_is_no_reminder():
    # '如遇到…可随时联系我们的工作人员': one cautious phrase, not two
    text = "我是快手客服，您的包裹丢失了，为了给您退款，请下载安装窝窝应用并输入密码登录，如遇到任何问题可随时联系我们。"
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "Hang up if a caller asks you to move money to a safe account.",
        "Never trust anyone who offers a refund if you share your screen.",
        "Did you get a message that says your Amazon account is locked and gives a number to call? Delete it.",
    ],
)
def test_more_english_reminder_shapes_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))


def test_a_caller_keeping_you_on_the_line_still_warns():
    result = check("Don't hang up. I am from Amazon security, move your money to a safe account now.")
    assert result.level == "danger", codes(result)


def test_a_reminder_to_ignore_such_calls_and_check_through_official_channels_stays_quiet():
    text = "如您接到要求把钱转到安全账户的电话，请不要理睬并通过官方渠道核实。"
    assert check(text).level == "none", codes(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "【支付宝】验证码382910，您正在进行账户注销，如非本人操作请忽略。",
        "【中国银行】验证码：382910，您正在进行账户注销，5分钟内有效。如非本人操作，请致电客服。",
    ],
)
def test_a_signed_code_sms_saying_what_you_are_doing_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))


def test_a_code_asked_for_with_the_same_words_still_warns():
    asked = check("您好，我是京东客服，您正在进行的退款需要核验，请把收到的验证码382910发给我")
    assert asked.level == "danger", codes(asked)
    assert check("【京东】验证码382910，您正在申请退款，请把验证码告诉客服").level in ("caution", "danger")


def test_an_agency_referring_you_to_an_airlines_real_line_stays_quiet_but_a_bank_giving_anothers_does_not():
    agency = "【携程旅行】尊敬的旅客，您预订的12月08日MU5101航班因天气原因取消，如需改签或退票请致电95530。"
    assert check(agency).level == "none", codes(check(agency))
    bank = check("【中国银行】您的账户存在异常已被冻结，请致电95588处理。")
    assert bank.level in ("caution", "danger"), codes(bank)


def test_paying_at_a_site_not_the_couriers_or_by_transfer_still_warns():
    assert check("DHL: Your shipment is held at customs. Pay the duties at dhl-customs-pay.com").level == "danger"
    transfer = check("DHL: Your shipment is held at customs. Pay £2.99 by bank transfer to account 12345678, see dhl.co.uk")
    assert transfer.level in ("caution", "danger")
    number = check("USPS: Your package is on hold. Pay the $1.99 redelivery fee at usps.com and call 1-888-555-0199")
    assert number.level == "danger"


def test_a_frozen_account_blamed_on_maintenance_with_a_site_not_the_banks_is_still_danger():
    assert check("【工商银行】系统维护导致您的账户被冻结，请点击 icbc-jd.cc 解冻").level == "danger"


def test_an_app_named_beside_another_channel_does_not_quiet_it():
    download = check("Wells Fargo: Your card is locked. Download the Wells Fargo Secure app from wf-secure.top to unlock it.")
    assert download.level == "danger"
    assert check("Your card has been locked. Check the banking app and call 1-888-555-0133.").level == "caution"
