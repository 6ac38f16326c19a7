"""Secrets the user is about to send, in English as in Chinese: a code ('my code is 556677', 'the OTP
is 482913'), a card with its expiry and CVV, a password ('my password is …', 'pass: …', 'pwd=…'),
a Social Security number ('my social is …'). Ordinary replies with the same words stay quiet.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

SECRETS = [
    ("my code is 556677", "outgoing.verification_code"),
    ("The OTP is 482913", "outgoing.verification_code"),
    ("here is the code 556677", "outgoing.verification_code"),
    ("the verification code you sent me is 556677", "outgoing.verification_code"),
    ("My card number is 4111-1111-1111-1111, expiry 09/27, CVV 123", "outgoing.cvv"),
    ("card 4111 1111 1111 1111 exp 09/27 cvv 123", "outgoing.card_expiry"),
    ("my password is Summer2024!", "outgoing.password"),
    ("login: john.doe@gmail.com pass: Tr0ub4dor", "outgoing.password"),
    ("pwd=Hunter22x", "outgoing.password"),
    ("my social is 123-45-6789", "outgoing.id_number"),
    ("我的验证码是556677", "outgoing.verification_code"),
    # a password named by a longer phrase ending in the word
    ("My online banking password is bluebird77", "outgoing.password"),
    ("the login password is qwerty123", "outgoing.password"),
]

ORDINARY = [
    "I'll pass: see you later",
    "pass is overrated",
    "the pw is fine",
    "my flight is at 10:45 tomorrow",
    "ok thanks, I got the parcel",
    "I forgot my online banking password",
    "what is the password for the wifi?",
]


@pytest.mark.parametrize(("text", "code"), SECRETS)
def test_a_secret_about_to_be_sent_is_warned(text, code):
    result = check(text, direction="outgoing")
    assert result.level in ("caution", "danger") and code in codes(result), codes(result)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_replies_stay_quiet(text):
    result = check(text, direction="outgoing")
    assert result.level == "none", codes(result)
