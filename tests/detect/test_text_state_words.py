"""Notice states in the words any such notice uses that the vocabulary lacked: a membership
cancelled, a sign-in tried from an unrecognized device, a delivery unsuccessful or returned, a final notice,
a refund pending, unused points, storage full; 被锁定, 被退回, 吊销, 交通违法, 扣分, 被标记, 信息有误,
逾期, 新设备登录, 被封. Behind a channel that is not the party's they warn; the same words where the
party itself is named as the place, or with nothing to act on, stay quiet.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

SCAMS = [
    "Netflix: your membership has been cancelled. Restore it at member-restore.top",
    "Instagram: someone tried to sign in from an unrecognized device. Secure your account: acct-secure-check.com",
    "Your delivery was unsuccessful. Reschedule at parcel-resched.info",
    "FINAL NOTICE: your account balance must be settled at pay-balance-now.xyz",
    "Your refund is pending. Confirm your card at refund-confirm.top to receive it.",
    "You have 12,000 unused points. Redeem them at points-redeem.club before midnight.",
    "Your iCloud storage is full. Upgrade at icloud-storage-upgrade.com or lose your photos.",
    "【交管12123】您有一条交通违法未处理，将被扣分，请点击 jg-12123.top 处理。",
    "您的驾驶证将被吊销，请立即登录 jsz-cx.cn 核实。",
    "【抖音】您的账号在新设备登录，如非本人操作请点击 dy-secure.top 冻结。",
    "【中国移动】您的号码已被标记为骚扰号码，请联系 17012345678 解除。",
    "尊敬的用户，您的实名信息有误，请登录 sm-rz.top 重新认证。",
]

GENUINE = [
    "Your membership has been cancelled as you requested. We hope to see you again.",
    "Someone tried to sign in from an unrecognized device. If this was you, you can ignore this message.",
    "Your delivery was unsuccessful. We'll try again tomorrow.",
    "You have 12,000 unused points. Check them in the app.",
    "Your iCloud storage is full. Manage storage in Settings.",
    "【交管12123】您有一条交通违法记录，请通过交管12123App查询处理。",
    "【抖音】您的账号在新设备登录，如非本人操作请在抖音App内修改密码。",
    "您的快递已被退回，运费将原路退还。",
]


@pytest.mark.parametrize("text", SCAMS)
def test_a_state_in_other_words_behind_a_channel_warns(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize("text", GENUINE)
def test_the_same_state_at_the_party_itself_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))
