"""Utilities listed with their own sites and lines (PG&E, Con Edison, Duke Energy): their own overdue
and disconnection notices, with their own site and number, stay quiet; the same notice with a number
that is not theirs, or a gift card asked, warns.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

GENUINE = [
    "PG&E: Your payment is overdue. To avoid disconnection, pay at pge.com or call 1-800-743-5000.",
    "Con Edison: your bill is past due. Pay at coned.com/pay or call 1-800-752-6633.",
    "Duke Energy: an outage was reported in your area. Updates at duke-energy.com or call 1-800-777-9898.",
]

SCAMS = [
    "PG&E: your power will be disconnected in 30 minutes. Call 1-888-201-7744 to pay now.",
    "Duke Energy: your service will be disconnected today unless you pay $412 by gift card. Call 1-844-210-3398.",
    "Con Edison: final notice, your electricity will be cut off today. Pay at coned-billpay.com",
]


@pytest.mark.parametrize("text", GENUINE)
def test_a_utilitys_own_notice_stays_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


@pytest.mark.parametrize("text", SCAMS)
def test_the_same_notice_with_a_channel_not_its_own_warns(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))
