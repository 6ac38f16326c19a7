"""An e-mail's button quoted as its label at the end, without the link behind it ('Validate Now',
'Review Activity', 'Release Messages'): a channel the quote does not show, so a hallmark state before
it warns; ordinary e-mails end on buttons too ('Track Package', 'Review Statement') and stay quiet.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

SCAMS = [
    "Your mailbox will be deactivated in 24 hours. Validate Now",
    "Your account access has been limited. Review Activity",
    "Unusual sign-in activity detected. Secure My Account",
    "Your payment method was declined. Update Payment",
    "You have 3 undelivered messages. Release Messages",
]

GENUINE = [
    "Your password was changed successfully. Sign In",
    "Welcome to your new account. Get Started",
    "Your order has shipped. Track Package",
    "Your statement is ready. Review Statement",
    "Thanks for your payment. Update Preferences",
]


@pytest.mark.parametrize("text", SCAMS)
def test_a_hallmark_state_before_a_button_warns(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize("text", GENUINE)
def test_an_ordinary_email_ending_on_a_button_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))
