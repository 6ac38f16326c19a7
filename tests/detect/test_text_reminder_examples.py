"""Anti-fraud reminders in the forms they take: 'we will never ask…', 'if you receive a text
saying…', 'scammers may pretend to be…', a scam text quoted as an example ('Example of a scam text:
"…"', 'the fake message reads: "…"', 'fake texts saying "…" are circulating'), its signs listed
('know the signs: … a threat that your account will be closed'). Never a warning for the reminder;
the scam in the same words, or borrowing a reminder's words, still warns.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

REMINDERS = [
    "We will never ask you for your PIN, password or one-time code by text or phone. If you receive a message "
    "asking for these, do not reply.",
    "If you receive a text saying your account is locked and asking you to click a link, delete it. Chase will "
    "never text you a link to unlock your account.",
    "Scammers may pretend to be from your bank and say your card has been suspended. Hang up and call the number "
    "on the back of your card.",
    'Example of a scam text: "USPS: Your package is on hold due to an incomplete address. Update at '
    'usps-redelivery.top within 12 hours."',
    'Fraudsters are sending messages that say "Your Amazon account has been suspended, call 1-888-555-0199 to '
    'restore it". Amazon will not ask you to call a number like this.',
    "Never share your OTP with anyone, even if they claim to be from the bank. Bank staff will never ask for it.",
    'Don\'t fall for it! A text that reads "Your Netflix payment failed, update your billing details here: '
    'netflix-billing.info" is phishing.',
    'The fake message reads: "Dear customer, your account has been temporarily limited. Verify your identity '
    'within 24 hours at paypal-secure-login.com or it will be closed."',
    'Here\'s what the scam text looks like: "FedEx: we tried to deliver your parcel. Pay the $1.99 redelivery '
    'fee: fedex-redeliver.xyz"',
    'Fraud warning: Fake texts saying "Your Social Security number has been suspended" are circulating. Do not '
    "call the number 1-866-555-0123 provided.",
    "Know the signs: an urgent message, a threat that your account will be closed, a request for your login "
    "details, and a link that doesn't match the company's website.",
    'Beware of fake texts from "HMRC" saying you\'re due a refund. HMRC will never text you about tax refunds.',
    'Example of a phishing e-mail we\'ve seen: "Your mailbox is full. Click here to release your messages." '
    "Don't click.",
    "Police are warning residents about bogus texts claiming their bank card has been blocked.",
    "Some consumers have received a text message claiming their Apple ID has been locked, urging them to visit "
    "a website to unlock it. Apple does not send such messages.",
]

SCAMS = [
    "USPS: Your package is on hold due to an incomplete address. Update at usps-redelivery.top within 12 hours.",
    "Dear customer, your account has been temporarily limited. Verify your identity within 24 hours at "
    "paypal-secure-login.com or it will be closed.",
    'Amazon Security: to protect you from scams, your account is locked. Click "Verify" at amazon-verify-id.com',
    "Don't fall for scams! Your Wells Fargo account is locked. Unlock it now: wf-unlock.com",
    "Beware of fake texts. Your USPS parcel is on hold: pay the $1.99 fee at usps-fee.top",
    "PayPal is warning you: your account has been limited. Restore access at paypal-resolution-center.net",
    "Chase: fraudulent transactions were detected on your card. Call 1-888-991-4526 now.",
]


@pytest.mark.parametrize("text", REMINDERS)
def test_reminders_in_their_forms_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


@pytest.mark.parametrize("text", SCAMS)
def test_the_scam_itself_or_borrowing_a_reminders_words_warns(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))
