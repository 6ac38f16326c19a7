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

# more forms: questions and answers, numbered signs, a victim's own story, news, an office's own number
MORE_REMINDERS = [
    'Q: Will my bank ever text me a link to verify my account? A: No. Never click links in texts that say your '
    'account is locked.',
    'Signs of a scam text: 1. It says your account is suspended. 2. It asks you to click a link. 3. It creates '
    'urgency.',
    'Never click links in texts claiming your parcel is held and asking for a redelivery fee.',
    'I got a text saying my package was held and asking me to pay $1.99 at a link. I almost paid it!',
    'The BBB is warning about a text that reads: "Your Amazon account is on hold. Call 1-888-555-0142 to '
    'restore access."',
    'If you receive a suspicious call claiming to be from us, hang up and call us on 0800 056 0606.',
    'Forward suspicious texts to 7726 for free. Your bank will never ask you to move money to a safe account.',
    "Got a text about an unpaid toll? It's probably a scam. Toll agencies don't text payment links.",
    "Remember: IRS agents won't call to demand immediate payment or threaten arrest. Report such calls to TIGTA.",
    'Criminals send messages pretending to be from Royal Mail saying a parcel is waiting and a fee must be '
    'paid. Delete them.',
    'Scam texts often look like this: "HSBC: A new payee was added to your account. If this wasn\'t you, call '
    '0203 769 0098."',
    'Be careful of emails saying your Netflix payment failed. Netflix will never ask for card details by email.',
    "Have you received a message saying your Microsoft account has been compromised? It's a phishing attempt.",
    'Beware: fraudsters are calling customers claiming their card has been cloned and asking them to hand it '
    'to a courier.',
    "Protect yourself: don't give your one-time passcode to anyone who calls you, even if they say they're "
    'from our fraud team.',
    "We've been made aware of a scam where customers receive a text saying their account will be closed unless "
    'they verify their details at a link.',
    "Warning! Don't reply to messages asking you to confirm your card details to receive a tax refund.",
    'Tip of the week: a real courier will never ask you to pay a customs fee through a text message link.',
    'Watch out: a popular scam tells people their Social Security number has been suspended and to call a '
    'number to fix it.',
    "Scammers pose as tech support, telling you your computer has a virus and asking for remote access. Don't "
    'let them in.',
    'Fraud alert from your credit union: we will never call you and ask for your online banking password or PIN.',
    'What to do if you clicked a link in a scam text: change your password, contact your bank, and report it.',
    'News: Police say residents have been receiving texts claiming to be from the DMV about unpaid fines, with '
    'a link to pay.',
    "If someone calls and says you've won a lottery you never entered but must pay fees first, it's a scam.",
    'Example: "USPS: The package arrived at the warehouse but could not be delivered due to incomplete address '
    'information. Please confirm your address in the link within 12 hours."',
]

# the scam shown after a label that judges it or a word on what to do with it ('Don't click: "…"',
# 'This text is a scam: …', 'SCAM ALERT!! …', 'texts like this one: …'), lookalike links and all
SHOWN_AS_EXAMPLES = [
    'Don\'t click: "Your Apple ID is locked. Unlock at appleid-unlock-verify.com"',
    'Delete messages like "Amazon: your account is suspended, verify at amazon-verify-account.com within 24h".',
    'Spot the fake: USPS will never text "pay $1.99 at usps-fee.top or your parcel is returned".',
    'This text is a scam: Chase: your card is locked. Call 1-888-991-4526 now.',
    'SCAM ALERT!! Wells Fargo: your account has been suspended. Verify at wf-secure.top',
    'Warning - we have received reports of this message: Netflix: your payment failed, update at nflx-pay.com',
    "Customers have reported texts like this one: 'HSBC: a new payee was added. If not you, visit "
    "hsbc-payee-cancel.com'",
    'Phishing example - "Your PayPal account has been limited. Restore access at paypal-restore-center.com '
    'within 24 hours."',
    'We are aware of a fraudulent text message: "Your Barclays account is locked, call 0203 769 0098 to unlock it".',
    'Please ignore any SMS saying "your E-ZPass has an unpaid toll, pay at ezpass-pay.top"; it is not from us.',
    'Heads up! Scammers are sending: "DHL: customs fee due, pay at dhl-customsfee.com or parcel will be destroyed"',
    'The message below is fake: Royal Mail: your parcel is held, pay £1.99 at royalmail-redeliver.com today.',
]

# messages reported as received by others or by the writer, the office's own 'we will never…' and the
# scam's line told in the third person ('customers have received emails saying their account…')
REPORTED = [
    "We're seeing texts that claim your account is locked and ask you to call 0800 123 4567. We will never do this.",
    'We are warning customers about a text saying their parcel is held and asking them to pay at royalmail-fee.com.',
    'I am writing to warn you: I got a message saying my PayPal was limited with a link to '
    "paypal-limited-help.com. Don't fall for it.",
    'This is not a genuine message: your Apple ID has been locked, unlock at apple-id-locked.com',
    'We have been made aware that customers are receiving calls saying their account is suspended. Please hang '
    'up and call 03457 404 404.',
    'Our customers have received emails saying their account will be closed within 24 hours unless they log in '
    'at natwest-secure-login.com.',
    "I'm from the bank's fraud team and I want to remind you: we will never ask you to move money to a safe account.",
    'My mum got a text saying her card was blocked and to call 01632 960 123. It was a scam!',
    "Reminder from HMRC: a text saying you're due a tax refund of £458 with a link is a scam. Report it to 60599.",
    'Today we are warning people about a new delivery scam: a text says your parcel could not be delivered and '
    'asks you to pay £1.45 at a link.',
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
    # a scam that calls itself an alert, or says 'click' or 'delete', is no reminder
    "Fraud alert: your Chase card is locked. Click here to unlock: chase-unlock-card.com",
    "Security alert: we detected unusual activity. Delete this message only after you verify at chase-verify.top",
    'Chase: your card is locked. Click "Unlock" at chase-unlock-card.com',
    'Your account has been "suspended" for security reasons. Do not click any other link. Restore it at '
    "chase-restore-acc.com",
    "Chase: we are seeing unusual activity on your account. Verify at chase-verify.top",
    "We've seen a suspicious login on your Netflix account. Secure it now: netflix-secure.top",
    "Dear customer, we have received a parcel for you. Pay the £1.99 fee at royalmail-fee.top",
    "Call us now: we need to move your money to a safe account today. Your account has been compromised.",
    "We are aware of a problem with your account. Verify your details at chase-verify-acc.com to avoid suspension.",
    "Hello, this call is from Microsoft Help Center. Your computer has been hacked and your personal information "
    "is at risk. Press 7 now to speak with the security team. Please ignore if we called you by mistake.",
]


@pytest.mark.parametrize("text", REMINDERS + MORE_REMINDERS + SHOWN_AS_EXAMPLES + REPORTED)
def test_reminders_in_their_forms_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


@pytest.mark.parametrize("text", SCAMS)
def test_the_scam_itself_or_borrowing_a_reminders_words_warns(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))
