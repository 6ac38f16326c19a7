"""The tech-support call in the caller's own words (a 'service centre' calling, remote tools by name,
'let me access your computer', the Windows-key-and-R step, an expired licence key) beside what
genuine IT help and security tips say with the same words.

Written from the call scripts consumer and police warnings describe; not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

CALLER_LINES = [
    ("I'm calling from the Windows Service Center about your computer.", "tactic.tech_support_call"),
    ("Hello, this is the technical department of Microsoft. Your computer has a serious problem.", "tactic.tech_support_call"),
    ("I need to connect to your computer to fix the problem.", "tactic.screen_share"),
    ("For a refund of your subscription, I need to access your computer.", "tactic.screen_share"),
    ("Please type www.ammyy.com in your browser.", "tactic.screen_share"),
    ("Do you see the key with the Windows logo? Press it together with R.", "tactic.screen_share"),
    ("Your Windows license key has expired, we need to renew it for $199.", "tactic.device_compromise"),
    ("Your antivirus subscription has expired and your computer is unprotected.", "tactic.device_compromise"),
    ("We have refunded you too much money by mistake, you need to return the difference.", "tactic.mistaken_payment"),
]

QUIET = [
    "Our technical department will contact you to schedule the installation.",
    "Use the Windows logo key + L to lock your PC when you leave your desk.",
    "Junk files can slow down your computer; run Disk Cleanup regularly.",
    "Never let someone you don't know connect to your computer remotely.",
    "We can't access your computer; please restart the installer.",
    "Never allow someone who calls you out of the blue to access your computer.",
    "Microsoft Support: to get help with your subscription, sign in at support.microsoft.com.",
]


@pytest.mark.parametrize(("text", "code"), CALLER_LINES)
def test_the_callers_lines_warn_with_their_reason(text, code):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)
    assert code in codes(result)


@pytest.mark.parametrize("text", QUIET)
def test_genuine_help_and_tips_with_the_same_words_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)
