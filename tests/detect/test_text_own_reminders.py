"""A brand's own reminder in the first person ('This is PayPal. We will never ask for your password')
stays quiet; the same brand asking for the same secrets warns.

'never ask' is an advisory phrase, and the ask word inside it ('ask for') is denied by it: before,
the ask outside the negation check made a brand's own reminder a credential request at danger.
Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

OWN_REMINDERS = [
    "This is PayPal. We will never ask for your password or one-time code. Visit paypal.com",
    "This is PayPal. We never ask for your password.",
    "This is Amazon. We will never ask for your password or one-time passcode.",
    "HSBC here: we will never ask for your PIN or full password by text.",
    "This is Chase. We never ask for your online banking password, card PIN or one-time code.",
    "您好，这里是工商银行，我行不会索要您的密码或验证码。",
]

ASKS = [
    "This is PayPal. Please send us your password.",
    "This is Amazon. To keep your account, reply with your password and the code we sent.",
    "HSBC here: please send your PIN and full password by text to verify your account.",
    "This is PayPal support, we never ask questions, just send your password and the code now",
    "这里是工商银行，请把您的密码和验证码发给我核实。",
]


@pytest.mark.parametrize("text", OWN_REMINDERS)
def test_a_brands_own_reminder_is_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


@pytest.mark.parametrize("text", ASKS)
def test_the_brand_asking_for_the_secrets_warns(text):
    result = check(text)
    assert result.level == "danger", codes(result)
    assert "tactic.credential_request" in codes(result)
