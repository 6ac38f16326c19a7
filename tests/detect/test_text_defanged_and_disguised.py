"""Links and numbers written so that they are not live or not read: a defanged link ('x[.]top',
'http[s]://', 'hxxps[:]//', '(dot)') is read whole, and a number with the letter O for a zero
('1-8OO-3O1-4629') is a disguised number, as styled digits are. Genuine texts with the same words
(an official link, a time written 'o'clock', a reminder quoting a defanged link) stay quiet.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from kefuguard.detect.text.entities import extract_links, extract_numbers
from kefuguard.detect.text.normalize import clean_text, fold_text
from tests.detect.text_support import check, codes

DEFANGED = [
    ("go to usps-redelivery[.]top now", "http://usps-redelivery.top", "usps-redelivery[.]top"),
    ("visit hxxps://secure-login[.]com/verify", "https://secure-login.com/verify", "hxxps://secure-login[.]com/verify"),
    ("click: http[s]://l[.]ead.me/x-ID1551", "https://l.ead.me/x-ID1551", "http[s]://l[.]ead.me/x-ID1551"),
    ("hxxps[:]//evil[.]top/x", "https://evil.top/x", "hxxps[:]//evil[.]top/x"),
    ("visit www(.)paypal-help(.)com", "http://www.paypal-help.com", "www(.)paypal-help(.)com"),
    ("pay at dhl-pay(dot)top/x today", "http://dhl-pay.top/x", "dhl-pay(dot)top/x"),
    ("see evil{.}top.", "http://evil.top", "evil{.}top"),
]


@pytest.mark.parametrize(("text", "key", "shown"), DEFANGED)
def test_a_defanged_link_is_read_whole_in_its_place(text, key, shown):
    links = extract_links(text)
    assert [e.key for e in links] == [key]
    assert text[links[0].start : links[0].end] == shown  # the reason quotes the text as written


def _numbers(text):
    cleaned = clean_text(text)
    return [(e.kind, e.key) for e in extract_numbers(fold_text(cleaned), cleaned, [], [])]


def test_the_letter_o_for_a_zero_is_read_as_a_digit():
    assert _numbers("call 1-8OO-3O1-4629") == [("phone", "18003014629")]
    assert _numbers("call 1-8oo-555-0199 now") == [("phone", "18005550199")]
    assert _numbers("buy 10oz for 500 today") == []  # a unit after digits is no zero
    assert _numbers("o2 customers") == []


SCAMS = [
    "Delta Airlines customer service number: 1-8OO-3O1-4629. Call now for refunds and rebooking, 24/7 live agent.",
    "Call our support line 1-8OO-555-0199 now to get your refund.",
    "United Airlines reservations 1 8OO 864 83O1, call for cancellations",
    "DHL: a customs duty of $3.50 is due for shipment 4839201. Pay at dhl-paycustoms[.]top",
    "USPS: Your package is on hold due to an incomplete address. Update at usps-redelivery[.]top within 12 hours.",
    "Chase fraud alert: unusual activity on your debit card. Verify at hxxps://chase-secure-alerts[.]com now.",
    "Amazon: we have deactivated your account. Verify your payment method at http[s]://l[.]ead.me/Amazon-verify",
]

GENUINE = [
    "Ticket office opens at 10 o'clock. Call 020 7946 0018 for bookings.",
    "Scam warning: texts with links like usps-delivery[.]info are fake. USPS does not send links by text.",
    "Reported scam number: 1-8OO-555-0199. Do not call it.",
    "Royal Mail: a fee of £1.45 is due on your parcel. Pay at royalmail.com/fee-to-pay or at a Post Office.",
    "Our office is open 9 to 5. The room number is 1o4 on the first floor.",
    "Your order has shipped! Track it at amazon.com/orders.",
]


@pytest.mark.parametrize("text", SCAMS)
def test_scams_with_defanged_links_or_disguised_numbers_warn(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize("text", GENUINE)
def test_genuine_texts_with_the_same_forms_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))
