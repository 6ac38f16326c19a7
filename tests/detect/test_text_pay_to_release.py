"""Money of any name asked before your own money is released: '需要交3000元才能解冻', '交钱解冻',
'做一笔流水才能解冻' (tactics.advance_fee). Beside them, genuine receipts and notices with the same
words: a top-up credited, a withdrawal on its way, a deposit returned, a bill paid to restore service.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

WARNED = ("caution", "danger")

SCAM = [
    "您的账号被冻结了，需要交3000元才能解冻。",
    "您的卡号输错了，钱被冻结在后台，需要交钱解冻。",
    "您的账户需要做一笔流水才能解冻。",
    "你的资金处于冻结状态，转5000元就可以提现。",
    "您的贷款已审批，需要先付一笔费用才能放款。",
]

GENUINE = [
    "您的退款已提交，预计1-3个工作日到账。",
    "您的押金已退还，请注意查收。",
    "充值成功，到账金额100元。",
    "您好，您的提现申请已受理，预计2小时内到账。",
    "您已成功缴费100元，感谢您的使用。",
    "转账成功，对方将于2小时内到账。",
    "您的信用卡已冻结，请携带身份证到网点柜台办理解冻。",
    "温馨提示：充值后即可使用，到账时间约5分钟。",
    "您充值的话费已到账，余额为58元。",
    "请缴清欠费后即可恢复通话。",
    "缴纳年费后即可激活信用卡权益。",
    "您好，保证金交了以后，退出时可以退还。",
]


@pytest.mark.parametrize("text", SCAM)
def test_money_asked_before_your_money_is_released_warns(text):
    result = check(text)
    assert result.level in WARNED, (text, codes(result))


@pytest.mark.parametrize("text", GENUINE)
def test_receipts_and_notices_with_the_same_words_stay_quiet(text):
    result = check(text)
    assert result.level == "none", (text, result.level, codes(result))
