"""An e-mail address to write to is a channel as a link or a number is: a listed brand's notice
giving an address off its official domains ('amazon.refunds@gmail.com') is the spine of the check;
the brand's own address, a government's, or an address in an ordinary message is not. A promotion's
word inside an address or a link ('…@cc-promo.com') does not make the message a promotion.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from kefuguard.detect.text.entities import extract_emails
from tests.detect.text_support import check, codes

SCAMS = [
    "Amazon: your refund of $120 is on hold. Email amazon.refunds@gmail.com with your card details to release it.",
    "PayPal: your account has been limited. Send your ID to paypal-resolution@outlook.com within 24 hours.",
    "Dear customer, your mailbox quota is exceeded. Reply to admin.helpdesk@mail-upgrade.net to keep your messages.",
    "【京东】您的订单异常需要退款，请发送银行卡信息至 jd-tuikuan@163.com",
    "Your tax refund of £420 is ready. Email your bank details to hmrc.refunds@gmail.com",
]

GENUINE = [
    "Report suspicious texts to phishing@irs.gov.",
    "Forward suspicious emails to reportphishing@apple.com.",
    "Thanks for your order! Your receipt was sent to john.smith@gmail.com.",
    "Please send the meeting notes to anna@example.com by Friday.",
    "PayPal will never ask for your password by e-mail. Forward suspicious messages to phishing@paypal.com",
    "Your password was changed. If this wasn't you, contact support@github.com",
]


def test_addresses_are_read_with_their_domain():
    found = extract_emails("write to amazon.refunds@gmail.com or x@y.example.co.uk today")
    assert [e.key for e in found] == ["gmail.com", "y.example.co.uk"]


@pytest.mark.parametrize("text", SCAMS)
def test_a_notice_sending_you_to_an_address_off_its_domain_warns(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize("text", GENUINE)
def test_official_government_and_ordinary_addresses_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))


def test_the_address_is_named_as_not_the_brands():
    result = check("Amazon: your refund is on hold. Email amazon.refunds@gmail.com to release it.")
    assert "notice.unofficial_email" in codes(result)


def test_a_promotion_word_inside_a_link_or_address_is_no_promotion():
    # 'promo' in the address left the state out as a coupon's; the link ('deal' in its name) likewise
    assert check("Your account is locked. Restore it at best-deal-login.top within 24 hours").level in (
        "caution",
        "danger",
    )
    assert check("【京东】您的优惠券即将到期，点击 jd.com 使用").level == "none"
