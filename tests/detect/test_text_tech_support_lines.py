"""More lines of the tech-support call and pop-up in other words: the pop-up speaking of 'this PC',
a licence 'about to expire', 'someone is using your IP address', hackers 'using your connection',
'a senior technician from Microsoft'. Genuine texts with the same words stay quiet: Windows' own
notices, an IT colleague's walk-through, a broadband upgrade, a glazier 'from Windows'.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

SCAMS = [
    "Windows Defender Security Center: access to this PC has been blocked for security reasons. Contact Windows "
    "Support: +1-844-551-2206",
    "Your Windows will be expired today and stop working.",
    "Someone in Nigeria is using your IP address.",
    "Your internet will be shut down because hackers are using your connection.",
    "I'm a senior technician from Microsoft. Your computer license is about to expire.",
    "We are from Microsoft. Your computer is sending viruses to our server.",
    "We noticed illegal downloads from your IP address. Your internet will be disconnected.",
]

GENUINE = [
    "Windows Security: Microsoft Defender found a threat on this device and removed it.",
    "Your Windows 10 device will stop receiving security updates on October 14.",
    "Your Microsoft 365 subscription will expire on 3 March. Renew in your account at account.microsoft.com.",
    "Someone is using your Netflix account on a new device. If this was you, enjoy watching.",
    "My computer is about to expire lol, the battery is at 2%",
    "Hi, this is Dave from IT. I'll walk you through the Windows update: press the Windows key and type 'update'.",
    "Our engineer from Windows Glass Ltd will visit tomorrow at 10.",
    "Your internet connection will be upgraded on Monday between 1am and 5am; service may be interrupted.",
    "Your flight was cancelled. You are eligible for a refund; it will be processed to your original payment "
    "method.",
]


@pytest.mark.parametrize("text", SCAMS)
def test_the_tech_support_lines_warn(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize("text", GENUINE)
def test_genuine_texts_with_the_same_words_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)
