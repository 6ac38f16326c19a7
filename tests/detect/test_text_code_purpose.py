"""A service's code SMS says what the code is for in more ways than '用于登录' ('用于注销账户',
'用于修改支付密码', '如非本人操作请立即修改密码'): quiet; the same code sent on to an agent for a refund,
or asked for, still warns.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

GENUINE = [
    "【拼多多】验证码：192837，用于注销账户，如非本人操作请立即修改密码。",
    "【微信支付】验证码482910，用于修改支付密码，10分钟内有效。",
    "【交管12123】您的验证码是234567，用于找回密码。",
    "【中国移动】验证码839201，用于解绑手机号，如非本人操作请致电10086。",
    "【支付宝】验证码583920，用于重置登录密码，5分钟内有效。",
]

SCAMS = [
    "【拼多多】验证码：192837，用于注销账户，请回复给客服专员办理退款。",
    "【京东】验证码382910，用于注销账户，请把验证码告诉客服。",
    "我是拼多多客服，验证码192837用于注销账户，请发给我",
    "验证码：192837，用于注销学生账户，否则影响征信，请告诉我。",
]


@pytest.mark.parametrize("text", GENUINE)
def test_a_code_sms_saying_what_it_is_for_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))


@pytest.mark.parametrize("text", SCAMS)
def test_the_code_sent_on_or_asked_for_warns(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))
