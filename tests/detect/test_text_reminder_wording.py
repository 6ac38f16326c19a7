"""Anti-fraud reminders that tell the scam's line as what 'texts that say' or 'the caller says', call
a message a phishing one ('这是钓鱼短信'), or ask you to 'watch out for' it: reminders,
quiet; the scam itself in the same words, and scams that borrow a reminder's words, still warn.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

REMINDERS = [
    "Be aware of texts that say your toll is unpaid and ask you to pay within 12 hours to avoid a late fee.",
    "A common trick: the caller says your Amazon account was charged $999 and asks you to install AnyDesk to get "
    "a refund.",
    '如收到"您的ETC已失效，请点击链接重新认证"的短信，请勿点击，这是钓鱼短信。',
    "Watch out for messages that claim your parcel is held and ask for a redelivery fee.",
    "Look out for emails that say your mailbox is full and you must log in to keep your messages.",
    "The scammer will say your bank account is frozen and ask you to call back to unlock it.",
    "收到称您的医保卡已冻结、需点击链接解冻的信息，均为虚假短信，请直接删除。",
]

SCAMS = [
    "E-ZPass: your toll is unpaid. Pay within 12 hours to avoid a late fee: ezpass-tolls.com",
    "Amazon: your account was charged $999. Install AnyDesk to get a refund.",
    "【ETC】您的ETC已失效，请点击链接 etc-rz.cn 重新认证",
    "Be aware of unusual activity on your account. Verify at chase-secure-login.com within 24 hours.",
    "Look out for our new security check: your account is locked, verify at chase-secure-login.com today.",
    "Watch out: your Netflix account is suspended. Update your payment at nflx-renew.com",
    "【医保中心】您的医保卡已冻结，请点击 yb-jd.cn 解冻",
]


@pytest.mark.parametrize("text", REMINDERS)
def test_reminders_telling_the_line_stay_quiet(text):
    assert check(text).level == "none", codes(check(text))


@pytest.mark.parametrize("text", SCAMS)
def test_the_scam_in_the_same_words_warns(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))
