"""The fake helpline (假客服): a listed brand's support, reservations or help line given at a number that
is not the brand's, also when the post dresses as advice ('If you were scammed on Cash App, the Cash
App support team at 1-888-… will refund you') or lets the number run on into '(24/7 live agent)'.
Airlines are listed with their own lines (United, American, Southwest, Lufthansa, British Airways,
Air Canada, KLM, JetBlue, Alaska, Frontier, Spirit), and Intuit QuickBooks, HP, Robinhood, Hulu,
Chime, Avast, Kaspersky, Cash App's, Netflix's, Walmart's and Best Buy's lines; 'call KLM at …' and
'Frontier Airlines phone number …' give the number as the brand's (where the list knows the brand's
lines, or with a refund or '24/7' beside it). Genuine texts with the same words stay quiet: the
airline's own notices and numbers, reminders that name a fake number as one ('do not call…', '… is
not Cash App support', 'fake numbers such as…').

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from kefuguard.detect.text.entities import extract_numbers
from kefuguard.detect.text.normalize import clean_text, fold_text
from tests.detect.text_support import check, codes

SCAMS = [
    "To change your United Airlines flight, call the United Airlines reservations number 1-855-420-7190 "
    "(24/7 live agent).",
    "American Airlines customer support: +1 (844) 203-1187. Call for refunds and rebooking.",
    "British Airways helpline +44 20 3807 1122 for lost baggage refunds, call now",
    "Southwest Airlines: your flight WN1234 has been cancelled. Call 1-877-330-4210 to rebook and get a refund.",
    "Lufthansa Airlines main customer service number is +1888-486-3822, where you can reach a live "
    "representative 24/7.",
    "If you were scammed on PayPal, never panic: call PayPal customer support at 1-888-502-7710 and they will "
    "refund you.",
    "If you think you have been scammed on Cash App, report it right away. The Cash App support team at "
    "(+1)-888-431-8933 will look into the situation and may refund your money.",
    "If you got scammed, call Cash App support 1-8OO-431-8933 now",
    "How do I contact Robinhood customer service? You can call Robinhood support at +1-833-420-7731 (24/7).",
    "To speak to a live person at QuickBooks, dial 1-844-405-0907 (toll-free).",
    "Call KLM at 1-844-201-4470 for refunds and name change.",
    "Call HP support +1-888-203-6682 24/7 for instant fix.",
    "Air Canada customer care number 1-855-401-7720, live agent 24/7",
    "Netflix support 1-855-201-3345 24/7 for refunds",
    "Frontier Airlines phone number +1-888-486-3822 (Fast Help)",
    "JetBlue customer service number 1-844-201-5506 live person 24/7",
    "Alaska Airlines reservations number +1-855-420-7710",
    "Call Walmart at 1-800-999-1234.",
    "Avast antivirus support 1-844-402-6221 call now",
    "Spirit Airlines customer service number +1-855-201-3311 live agent",
    "Chime support number 1-833-201-5510 24/7 for locked accounts",
    "Kaspersky customer support phone number +1-888-220-6614",
]

GENUINE = [
    "United Airlines: Your flight UA 456 has been cancelled. We've rebooked you on UA 789. View details at "
    "united.com.",
    "American Airlines: Check in now for your flight to DFW. Visit aa.com or call 1-800-433-7300.",
    "Lufthansa: Your boarding pass for LH 400 is ready. Open the Lufthansa app to view it.",
    "British Airways: Your flight BA117 is now boarding at gate B42.",
    "Southwest Airlines: Your trip confirmation ABC123. Need help? Call 1-800-435-9792.",
    "If you think you've been scammed on Cash App, contact Cash App support at 1-800-969-1940 or in the app.",
    "If you were scammed, report it to PayPal customer service on 1-888-221-1161 right away.",
    "Do not call 1-888-431-8933, it is not Cash App support.",
    "1-888-431-8933 is not Cash App support. Beware.",
    "Fake Cash App support numbers like 1-888-431-8933 are circulating. Cash App support is only reached in "
    "the app.",
    "Scammers post fake Amazon customer service numbers such as 1-844-557-9024 online. Use the number on "
    "amazon.com.",
    "If you receive a call from Amazon support at 1-844-557-9024, it is a scam.",
    "Reported scam number: 1-8OO-555-0199. Do not call it.",
    # a brand's own line given the same way; the number alone, with nothing a fake helpline offers
    "Call Walmart at 1-800-925-6278 for a refund.",
    "Contact Netflix at 1-866-579-7172, 24/7.",
    "Call Best Buy at 1-888-237-8289 for a refund of your order.",
    "Call KLM at 1-800-618-0104 to rebook.",
    "Air Canada: your flight AC123 is delayed. Call 1-888-247-2262 or visit aircanada.com.",
    "QuickBooks: your invoice from Acme Ltd is ready. Questions? Call Intuit at 1-800-446-8848.",
    "Call Walmart at 1-800-925-6278.",
    "Frontier Airlines phone number 1-801-401-9000",
    "Frontier: your flight F9 123 is on time. Manage your trip at flyfrontier.com",
    "JetBlue: Need help? Call 1-800-538-2583.",
    "Spirit Airlines: your flight NK 123 departs at 6:05 PM. Check in at spirit.com",
    "Chime: your direct deposit of $1,200 has arrived. Questions? Call 1-844-244-6363.",
]


@pytest.mark.parametrize("text", SCAMS)
def test_a_brands_helpline_at_a_number_not_its_own_warns(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize("text", GENUINE)
def test_the_brands_own_lines_and_reminders_naming_a_fake_number_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


def _numbers(text):
    cleaned = clean_text(text)
    return [(e.kind, e.key) for e in extract_numbers(fold_text(cleaned), cleaned, [], [])]


def test_a_number_running_on_into_other_digits_is_read_up_to_its_end():
    assert _numbers("call 1-855-420-7190 (24/7 live agent)") == [("phone", "18554207190")]
    assert _numbers("call 1 800 935 9935 24 7") == [("phone", "18009359935")]
    assert _numbers("ref 12 34 56 78 90 12") == []  # pairs of digits are a reference, not a number
