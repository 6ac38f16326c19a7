"""An e-mail address as a channel: a desk's address at the sender's own domain ('support@shopname.com')
in a notice that names nobody else is the sender's own desk, not a channel to compare; an address at a
free mail service, or one a listed brand's notice gives off the brand's domains, or a prize's claim
address, still is.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

GENUINE = [
    "Your order #1234 has been cancelled and a refund of $29.99 issued. Contact us at support@shopname.com with "
    "questions.",
    "Your order has been cancelled. Contact us at support@shopname.com with questions.",
    "Your subscription has expired. To renew, email billing@examplehosting.com or reply to this message.",
    "Your reservation was cancelled. Questions? Write to help@cityhotel.co.uk.",
    "Delivery failed: no one was home. Contact orders@bakery-shop.com to rearrange.",
]

SCAMS = [
    "Your order has been cancelled. Contact us at support.shopname@gmail.com with questions.",
    "PayPal: your account is limited. Contact support@paypal-resolve.com",
    "Congratulations! Your mobile number has won £850,000 in the UK National Lottery. To claim, email "
    "claims@uknl-award.com",
    "Your account has been suspended. Contact us at support@secure-verify.com to restore it.",
]


@pytest.mark.parametrize("text", GENUINE)
def test_the_senders_own_desk_address_stays_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


@pytest.mark.parametrize("text", SCAMS)
def test_free_mail_a_brands_off_domain_address_and_a_prize_claim_address_warn(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))
