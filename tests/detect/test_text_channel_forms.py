"""Channels in forms the extractors missed, and notice slots said in other words: a number of a
country with no pattern of its own written after 'call' ('Call 9876543210'); short links on country
endings ('rb.gy/…', 'bit.do/…'); a 'not' in one English sentence no longer cancelling the next one's
'Call …' (folding turns the full stop into a gap); benefits by their other names (津贴, 助学金,
援助金…); a link the quoting source blanked, in a notice with no act word.

Probe grids written for this change (the scam shape in several wordings beside genuine texts with
the same words), not copied from any data set.
"""

from __future__ import annotations

import pytest

from kefuguard.detect.text.entities import extract_links, extract_numbers
from kefuguard.detect.text.normalize import fold_text
from tests.detect.text_support import check, codes

WARNED = ("caution", "danger")


def _phones(text: str) -> list[str]:
    return [e.key for e in extract_numbers(fold_text(text), text, [], []) if e.kind == "phone"]


@pytest.mark.parametrize(
    "text, number",
    [
        ("Call 9876543210 now", "9876543210"),
        ("please contact 7012345678 today", "7012345678"),
        ("WhatsApp: 254703275802", "254703275802"),
        ("customer care 8745123690", "8745123690"),
        ("dial 9123456789 to update", "9123456789"),
    ],
)
def test_a_number_after_a_word_to_call_it_is_a_phone(text, number):
    assert number in _phones(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ref no 7012345678 for your complaint.",
        "Your order 4417821093 has shipped.",
        "Call 1234567890 for details",  # a placeholder, not a number anyone answers
        "如有疑问请致电1234567890",  # Chinese numbers have shapes of their own
        "Invoice 9876543210 is attached.",
    ],
)
def test_other_long_numbers_are_not_phones(text):
    assert not [k for k in _phones(text) if len(k) >= 9 and k[0] != "0"]


SCAM_CALLED = [
    "Your electricity will be disconnected tonight at 9:30pm because your bill was not updated. Call 9876543210",
    "Dear user your Paytm KYC has expired. Call 9123456789 to update",
    "Your bank account has been suspended. Contact customer care 7012345678 immediately",
    "Your SIM card will be blocked within 24 hours. Call our officer 8745123690 to verify",
    "Dear customer, your electricity connection will be cut tonight. Call 9811122233 at once",
]

GENUINE_CALLED = [
    "Call me on 9876543210 when you arrive.",
    "Ref no 7012345678 for your complaint. We will resolve it within 48 hours.",
    "M-PESA: confirmed. Ksh500 sent to JOHN DOE 0712345678 on 5/12/26. New balance Ksh1,200.",
    "Your order #4417821093 has been dispatched. Track it in the app.",
    "Your OTP for login is 482913. Do not share it with anyone. -HDFC Bank",
    "Do not share your PIN. Call 9876543210 if you have questions about your delivery slot.",
]


@pytest.mark.parametrize("text", SCAM_CALLED)
def test_a_hallmark_state_with_a_number_to_call_warns(text):
    assert check(text).level in WARNED, codes(check(text))


@pytest.mark.parametrize("text", GENUINE_CALLED)
def test_a_number_to_call_in_ordinary_messages_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))


@pytest.mark.parametrize("url", ["rb.gy/x7ka2p", "bit.do/usps-upd", "paypal-help.cm/login"])
def test_short_links_on_country_endings_are_links(url):
    assert [e.key for e in extract_links(f"Verify here {url} today")] == ["http://" + url]


@pytest.mark.parametrize(
    "text",
    ["官网t.tt提交售后", "Mr.Li will call you", "see e.g. the manual", "Dr.Ma is on duty"],
)
def test_names_that_are_no_links_stay_words(text):
    assert extract_links(text) == []


SCAM_SHORT = [
    "USPS: your package cannot be delivered. Update address: bit.do/usps-upd",
    "Your parcel is held at customs. Pay the clearance fee via rb.gy/x7ka2p",
    "Your bank account has been suspended. Verify at rb.gy/k2p9q1 within 24 hours",
]


@pytest.mark.parametrize("text", SCAM_SHORT)
def test_a_notice_with_a_short_link_on_a_country_ending_warns(text):
    assert check(text).level in WARNED, codes(check(text))


def test_a_not_in_the_sentence_before_no_longer_cancels_call():
    text = "Your power will be disconnected today because the bill was not paid. Call 9876543210"
    assert check(text).level in WARNED
    # the same negation inside the sentence still cancels: 'do not call …' is advice
    assert check("Do not call 9876543210 about your bill.").level == "none"


SCAM_BENEFIT = [
    "我是财政局的，您有一笔生育津贴3600元待领取。",
    "您好，这里是教育局，你的孩子有一笔助学金可以领取，请点击 zxj-lq.cn 登记。",
    "【民政局】您有一笔经济援助金待发放，请登录 mz-yzj.top 填写银行卡信息。",
    "您的失业救助金已到，请点击链接 sybz-lq.com 领取，逾期作废。",
    "尊敬的用户，您的抚恤金待领取，请联系工作人员 13812345678 办理。",
]

GENUINE_BENEFIT = [
    "【人社局】您的生育津贴已发放至社保卡，请通过国家社会保险公共服务平台查询。",
    "学校通知：本学期国家助学金已发放至学生银行卡，如有疑问请咨询学院办公室。",
    "【民政局】温馨提示：救助金发放不会要求您提供验证码，谨防诈骗。",
    "您好，您申请的津贴正在审核中，结果将在官网公布。",
    "本月慰问金已于12月1日发放，请注意查收。",
]


@pytest.mark.parametrize("text", SCAM_BENEFIT)
def test_a_benefit_waiting_behind_a_channel_warns(text):
    assert check(text).level in WARNED, codes(check(text))


@pytest.mark.parametrize("text", GENUINE_BENEFIT)
def test_a_benefit_paid_or_under_review_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))


SCAM_BLANKED = [
    "Free Msg: Your bill is paid for March. Thanks, here's a little gift for you: [link redacted for security].",
    "AT&T: your account has a reward waiting for you: [link removed]",
    "Dear customer, your account is suspended <URL>",
]

GENUINE_BLANKED = [
    "Free Msg: Your bill is paid for March. Thanks for being a customer.",
    "AT&T: your account has a new message in the app.",
    "Dear customer, your account statement is ready in online banking.",
]


@pytest.mark.parametrize("text", SCAM_BLANKED)
def test_a_notice_with_a_blanked_link_and_no_act_word_warns(text):
    assert check(text).level in WARNED, codes(check(text))


@pytest.mark.parametrize("text", GENUINE_BLANKED)
def test_the_same_notice_with_no_link_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))


SCAM_STYLED = [
    "For any query call +𝟏-𝟖𝟞𝟞-𝟟𝟛𝟠-𝟘𝟞𝟜𝟘 (Live Person)",
    "Delta Airlines refund desk **[Instant help] +𝟭(𝟴𝟲𝟲) 𝟳𝟲𝟯-𝟴𝟳𝟬𝟳**",
    "Call 𝟏-𝟖𝟎𝟎-𝟓𝟓𝟓-𝟎𝟏𝟗𝟗 now to speak to a live agent",
    "Coinbase wallet support number 𝟖𝟖𝟖 𝟓𝟓𝟓 𝟎𝟏𝟕𝟕",
    "客服热线：𝟒𝟎𝟎-𝟏𝟐𝟑-𝟒𝟓𝟔𝟕",
]

GENUINE_PLAIN_OR_FULL_WIDTH = [
    "For any query call our store on 020 7946 0018.",
    "我的电话１３８００１３８０００，到了打给我",
    "Your order １２３４５ has shipped.",
    "Meeting room 𝟏𝟐 is booked for you at 3pm.",  # styled digits that are no phone number
    "Call me back when you can.",
]


@pytest.mark.parametrize("text", SCAM_STYLED)
def test_a_number_in_styled_digits_warns(text):
    result = check(text)
    assert result.level in WARNED and "entity.disguised_phone" in codes(result), codes(result)


@pytest.mark.parametrize("text", GENUINE_PLAIN_OR_FULL_WIDTH)
def test_plain_or_full_width_numbers_and_styled_non_numbers_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))


SCAM_CREDIT = [
    "Rogers: As a credit for last week's outage, we're offering you $50. Claim here: rogers-credit.com",
    "Telco Mobile: to make up for the network outage, we are giving you a credit of $30. Redeem at telco-credit.net",
    "Verizon: to compensate you for the outage, a $40 credit is waiting. Claim: vz-outage.co",
]

GENUINE_CREDIT = [
    "Rogers: We're sorry about the outage. A $5 credit has been applied to your account automatically.",
    "As a credit for the outage, $10 will appear on your next bill. No action is needed.",
    "Telstra: your refund of $64.20 has been credited to your account.",
]


@pytest.mark.parametrize("text", SCAM_CREDIT)
def test_a_credit_offered_behind_a_link_warns(text):
    assert check(text).level in WARNED, codes(check(text))


@pytest.mark.parametrize("text", GENUINE_CREDIT)
def test_a_credit_applied_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))
