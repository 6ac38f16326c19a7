"""Other words of the tech-support pop-ups and calls ('Trojan detected on your computer', 'your files
are encrypted', 'flagged for illegal activity', 'certified technician'): with the device and a number
or a request they warn; the same words in ordinary messages stay quiet.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

SCAMS = [
    "Trojan detected on your computer. Call 1-888-555-0143 now to remove it.",
    "Your computer has been flagged for illegal activity. Call the certified technician at +1 (844) 555-0101.",
    "Your files are encrypted on this PC. Contact our remote technician at 1-877-555-0188.",
    "Defender alert: pornographic spyware found on your computer. Do not turn off your PC, call 1-833-555-0190.",
]

GENUINE = [
    "Identity theft protection is included in your plan at no extra cost.",
    "Our certified technician will install your new boiler on Monday.",
    "Your backup files are encrypted at rest for your safety.",
    "The news reported a data breach at a retailer; change your password if you shop there.",
]


@pytest.mark.parametrize("text", SCAMS)
def test_a_pop_up_or_call_in_other_words_warns(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize("text", GENUINE)
def test_the_same_words_in_ordinary_messages_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))
