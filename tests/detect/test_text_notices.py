"""Notice scripts: who a message speaks for, what it says happened, what it asks, by when, and
through which channel, compared with the party's official channels (detect/text/notice.py).

Written from the structure described in police and bank warnings, not copied from any data set.
"""

from __future__ import annotations

import pytest

from kefuguard.detect.text.entities import extract_links, extract_numbers
from kefuguard.detect.text.normalize import fold_text
from tests.detect.text_support import check, codes

DANGER = [
    # party + state + act + deadline + a link that is not the party's site
    ("【建设银行】尊敬的客户，您的电子密码器将于今日失效，请登录 wap.jsyh-update.top 升级", {"notice.state"}),
    ("【高速ETC】您的ETC认证已失效，请于3月20日前点击 etc-rz.cn 重新认证，逾期将停用", {"notice.unofficial_link"}),
    (
        "HMRC: You have an outstanding tax refund of £256. Claim it within 24 hours at https://refund-portal.info/c",
        {"notice.unofficial_link", "notice.state"},
    ),
    # a defanged link as a warning quotes it is still a link
    (
        "PayPal: your account is restricted. Log in at hxxp://secure-check.example.top today to restore it",
        {"notice.unofficial_link"},
    ),
    # a link glued to Chinese text ends at the first Chinese character
    (
        "尊敬的用户：您的网银将于今日失效，请及时登录www.qwzx-bank.com进行升级维护【工商银行】",
        {"notice.unofficial_link"},
    ),
    # a listed brand's account frozen, and a site that is not the brand's: pressure without a deadline
    ("【建设银行】您的账户因未做实名认证已被冻结，请登录 ccbhz.cc 进行验证。", {"notice.unofficial_link"}),
    # the classic opener from 'the courier': lost parcel, triple compensation, move to QQ
    ("您好，我是快递员，您的包裹在运输中丢失了，我们按照商品价格三倍赔偿，请加我QQ 283947561办理。", {"tactic.off_platform"}),
]

CAUTION = [
    # "if this wasn't you, call ...": a claimed account event with a number that is not the brand's
    (
        "Coinbase: a new device was added. If this wasn't you, please reach out to support +1 (305) 722-1252",
        {"notice.unofficial_phone"},
    ),
    # the whole script without a deadline
    ("【中国邮政】您的包裹因地址不详无法派送，请点击 http://a.b-c.top/x 更新地址", {"notice.unofficial_link"}),
    # a phone menu is a channel the notice does not name
    ("您好，这里是医保中心，您的医保卡存在异常，请按9转人工服务", {"notice.unshown_channel"}),
    # a listed brand's notice with another listed brand's number: the reason names the official one
    ("【工商银行】您的信用卡存在异常扣费，如有疑问请致电 95599 处理", {"notice.unofficial_phone"}),
    # a link the quoting source redacted is still a link
    ("【社会保障卡】您的社保卡未升级电子版，请打开 www.****.cc 在线办理", {"notice.state", "notice.party"}),
    # the party, a hallmark state, an act and a deadline, with no channel at all
    ("您好，这里是法院，您有一张传票未领取，请于今天下午前联系我们处理", {"notice.state", "notice.party"}),
]

NONE = [
    # an anti-fraud reminder that lists the scam's steps and names the 96110 line to report it
    "为了保障您的财产安全,如您收到“00”开头的国际短信,内容为医保卡停用等并包含登录链接,请您高度警惕,切勿点击短信中的链接、"
    "向陌生人转账汇款、提供验证码等。如已发生异常情况,请您及时拨打反诈中心96110报警电话报警。",
    # anti-fraud reminders speak about scams, to nobody in the first person
    "警方提醒：凡是自称客服要求您点击链接办理退款、登录网站认证的，都是诈骗！",
    "银行绝不会要求您点击短信中的链接升级网银，如收到此类短信请拨打官方客服核实。",
    "Chase will never ask you to share a one-time code by text or phone. If someone does, it's a scam.",
    "谨防冒充ETC客服的诈骗短信，ETC不会通过短信链接要求认证。",
    # genuine notices: official numbers, a licensed service number the list does not know, codes
    "【中国工商银行】您尾号1234的卡于11月23日消费500元，如非本人操作请致电95588",
    "【浦发银行】尊敬的客户，您的信用卡本期账单已出，详询95528",
    "您的快递已到菜鸟驿站，取件码 3-2-1108，请尽快领取",
    "Your verification code is 482910. Don't share it with anyone.",
    # a refund amount on a genuine notice is not the lure's 'refund money' (退款金)
    "【淘宝】您的退款申请已通过，退款金额50.00元将原路退回至您的支付宝",
    # a promotion: a coupon that expires is not an account in trouble
    "【某超市】会员日活动：您的积分即将到期，点击 https://promo.example.com/a 兑换礼品",
]


@pytest.mark.parametrize("text, expected", DANGER)
def test_a_notice_with_a_deadline_through_an_unofficial_channel_is_danger(text, expected):
    result = check(text)
    assert result.level == "danger", [r.code for r in result.reasons]
    assert expected <= codes(result)


@pytest.mark.parametrize("text, expected", CAUTION)
def test_a_notice_without_a_deadline_or_without_a_channel_is_caution(text, expected):
    result = check(text)
    assert result.level == "caution", [r.code for r in result.reasons]
    assert expected <= codes(result)


@pytest.mark.parametrize("text", NONE)
def test_reminders_genuine_notices_and_promotions_do_not_warn(text):
    result = check(text)
    assert result.level == "none", [r.code for r in result.reasons]


def test_a_reminder_gets_a_neutral_note_not_nothing_found():
    result = check("警方提醒：凡是自称客服要求您点击链接办理退款的，都是诈骗！")
    assert [r.code for r in result.reasons] == ["notice.advisory"]


def test_a_scammer_borrowing_reminder_words_still_warns():
    result = check("我是京东金融客服，为防范诈骗，请不要轻易相信他人。您的账户异常，请提供验证码给我核实")
    assert result.level == "danger"


def test_the_unofficial_phone_reason_names_the_brand_and_its_official_number():
    result = check("【工商银行】您的信用卡存在异常扣费，如有疑问请致电 95599 处理")
    [reason] = [r for r in result.reasons if r.code == "notice.unofficial_phone"]
    assert "95588" in (reason.official or "") and "95588" in reason.message
    assert "工商银行" in reason.message_zh and reason.matched == "95599"


def test_an_amount_is_not_a_phone_number():
    text = "您的账户已签订缴费协议，将自动缴费10000元，¥95588 已冻结"
    assert [e for e in extract_numbers(fold_text(text), text, [], []) if e.kind == "phone"] == []


def test_a_link_ends_at_the_first_chinese_character():
    [link] = extract_links("请及时登录www.qwzx-bank.com进行升级")
    assert link.key == "http://www.qwzx-bank.com"


def test_a_number_the_source_hid_is_still_a_channel():
    result = check("Your ATM card has been put on hold. Call the card services department now 1-205-XXX-XXXX.")
    assert result.level == "caution"
    assert "notice.unshown_channel" in codes(result)


def test_a_notice_asking_for_a_payment_without_any_official_link_warns():
    result = check("Royal Mail: your parcel is on hold due to an unpaid shipping fee. Please pay the £2.99 fee now.")
    assert result.level != "none"


def test_asking_to_provide_card_details_is_a_request_for_them():
    result = check("Your account is on hold. To restore it, please provide your card details.")
    assert result.level != "none" and "tactic.credential_request" in codes(result)


def test_a_recorded_call_asking_to_press_a_key_for_a_party_warns():
    result = check("您好，这里是中国邮政，您有一个包裹已经到了，详情请按9号键进入人工服务。")
    assert result.level == "caution" and "notice.voice_menu" in codes(result)


def test_digits_inside_a_link_are_not_a_phone_number():
    result = check("您的积分可兑换现金，请登录 10086abc.cn 领取")
    assert "official.phone" not in codes(result)


def test_an_act_inside_a_longer_phrase_still_counts():
    # '咨询电话' holds the act '咨询'; the number the source left out is still offered
    result = check("尊敬的客户，我行将于今日扣除您年费1680元，如有疑问请拨打电话 0771234****")
    assert result.level == "danger"


def test_a_bank_speaking_with_a_personal_number_warns_even_without_a_state():
    result = check("【工商银行】尊敬的客户，请致电 13812345678 联系您的专属客户经理办理业务")
    assert result.level == "caution" and "notice.unofficial_phone" in codes(result)


def test_a_courier_giving_its_station_number_does_not():
    result = check("【顺丰速运】您的快件已到驿站，取件码 5-2-1103，详询 13812345678")
    assert result.level == "none"


def test_a_north_american_number_is_a_phone_number():
    text = "Feel free to contact our support team at (856) 633-1822 for any inquiries."
    [phone] = [e for e in extract_numbers(fold_text(text), text, [], []) if e.kind == "phone"]
    assert phone.phone_kind == "us_number"


def test_a_fake_renewal_receipt_with_a_number_to_call_warns():
    result = check(
        "Your McAfee plan has been successfully renewed and $349.99 will be billed today. "
        "If you wish to cancel, contact our support team at (856) 633-1822."
    )
    assert result.level != "none" and "notice.unofficial_phone" in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        # the quote ends where the link was: a colon after an act
        "USPS: your package could not be delivered because the address does not match, please confirm it here:",
        # a defanged link as a warning prints it
        "PayPal: your account has been limited. Restore access today at https;//paypal-restore.example.top/x",
        # a number cut off by the quote
        "This is the IRS. You have unpaid taxes and a warrant is pending. Call 515 837… today to avoid arrest.",
    ],
)
def test_channels_a_quoting_source_mangled_are_still_channels(text):
    assert check(text).level != "none"


def test_a_helpdesk_linking_its_support_page_about_a_problem_does_not_warn():
    result = check(
        "I'm sorry your order is delayed! Please reach out to us here: https://support.example-shop.com/contact"
    )
    assert result.level == "none"


def test_a_handle_or_a_platform_link_wrapper_is_no_channel():
    result = check("@116612 Sorry your account is locked! Please DM us here: https://t.co/AbCdEf")
    assert result.level == "none"


def test_a_conversation_completes_a_script_across_messages():
    from kefuguard.detect.text.check import ChatMessage, check_conversation
    from tests.detect.text_support import embedded_index

    messages = [
        ChatMessage("您好，这里是医保局，您的医保卡出现异常，将被冻结"),
        ChatMessage("请马上拨打 020-12345678 转人工核查"),
    ]
    levels = [r.level for r in check_conversation(messages, embedded_index())]
    assert levels[1] != "none"


@pytest.mark.parametrize(
    "text, code",
    [
        ("my code is 556677", "outgoing.verification_code"),
        ("verification code: 839201", "outgoing.verification_code"),
        ("您的短信验证码是 839201", "outgoing.verification_code"),
        ("My card number is 4111 1111 1111 1111 exp 12/27 cvv 123", "outgoing.card_number"),
    ],
)
def test_secrets_about_to_be_sent_are_caught_in_english_and_chinese(text, code):
    result = check(text, direction="outgoing")
    assert result.level != "none" and code in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "这里是公安局，您的身份证被盗用了，名下账户涉嫌洗钱，请配合调查",
        "This is the IRS. There is an arrest warrant in your name for tax crimes.",
    ],
)
def test_an_accusation_of_a_crime_is_a_fake_police_or_tax_opener(text):
    result = check(text)
    assert result.level != "none" and "tactic.accusation" in codes(result)


def test_a_reminder_about_fake_police_is_not_one():
    result = check("警方提醒：凡是自称公检法来电称您涉嫌洗钱、要求配合调查并转账的，都是诈骗")
    assert result.level == "none"


def test_a_slot_word_inside_a_longer_phrase_still_fills_its_slot():
    # 'this link' sits inside the act 'follow this link'; 'settle' inside 'settle this amount'
    result = check("Hermes: we attempted to deliver your parcel today, to reschedule delivery please follow this link.")
    assert result.level != "none"
