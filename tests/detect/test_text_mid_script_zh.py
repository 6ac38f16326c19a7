"""Lines from the middle of Chinese fake customer-service scripts, whatever the family: a loan opened to
'receive' a refund, money 'sent by mistake' to be sent back, an order 'judged' a wholesale one, a fee
that buys your account back or a subsidy, the fake operator's accusation of 'sending fraud texts'.
Beside them, genuine notices with the same words: a loan product's own notices, refunds going back to
it, a seller's deposit topped up in the platform's own tool, a bill paid to restore service, a fee
denied.

Probe grid written for this session, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

WARNED = ("caution", "danger")

SCAM = [
    "您的退款需要您在支付宝的备用金里操作才能到账。",
    "我们这边给您退款，需要您开通一个借呗来接收。",
    "我们误给您转了5000元，麻烦您转回来。",
    "您好，您的订单被系统误判为批发商，需要您取消。",
    "您好，您的抖音账号存在违规行为，需要缴纳保证金才能恢复。",
    "我们这边帮您申请了一笔补贴，您需要先交一笔手续费。",
    "您的电话被人用来发送诈骗短信，我们需要把您的情况转交给公安机关。",
]

GENUINE = [
    "您的京东白条已开通成功，可在京东App内查看额度。",
    "退款已原路退回至您的白条账户，请注意查收。",
    "您申请的备用金已到账，请按时还款。",
    "您的订单退款将退回到月付账户。",
    "打开借呗可以查看您的可用额度。",
    "退款将于1-3个工作日退回您的京东白条，已还款部分退回原支付账户。",
    "【淘宝】您的店铺保证金余额不足，请在千牛工作台补缴保证金，补缴后将恢复正常经营。",
    "您的会员已过期，续费会员费后即可恢复使用全部权益。",
    "【中国移动】您已欠费停机，缴清话费后将在2小时内恢复通话。",
    "中奖用户需自行承担奖品的个人所得税，由主办方代扣代缴。",
    "办理补贴无需缴纳任何手续费，请认准官方渠道。",
    "【国家税务总局】您2025年度个人所得税综合所得汇算清缴可申请退税，请登录个人所得税App办理。",
    "不要出租出借手机卡，以免被不法分子用来发送诈骗短信。",
]


@pytest.mark.parametrize("text", SCAM)
def test_mid_script_lines_warn(text):
    result = check(text)
    assert result.level in WARNED, (text, codes(result))


@pytest.mark.parametrize("text", GENUINE)
def test_notices_with_the_same_words_stay_quiet(text):
    result = check(text)
    assert result.level == "none", (text, result.level, codes(result))


RUSH_AND_TRADE = [
    # an entitlement said to run out (benefit_rush.py)
    "困难补助名额有限，先到先得，请点击链接登记。",
    "2024年育儿补贴开始发放，名额有限，先到先得，扫码即可申领。",
    "疫情补助金发放中，额度有限，领完即止。",
    "居家隔离补助发放中\n补助总金额仅剩2806万\n数量有限,先到先得",
    # the second-hand trade stuck for a protection 'not paid' (tactics.trade_blocked)
    "我已经拍下了，付款的时候显示卖家未开通担保交易，你看一下。",
    "你好，我在你家买东西付不了款，系统说你的店没交保证金。",
    "您需要缴纳500元保证金开通保障服务，才能收到货款。",
]

RUSH_AND_TRADE_GENUINE = [
    "拼多多百亿补贴，数量有限，先到先得！",
    "本市第二轮消费券今晚8点开抢，数量有限，先到先得。",
    "家电以旧换新补贴资金有限，先到先得，详见京东App。",
    "失业补助金按月发放，符合条件的参保人均可申领，无名额限制。",
    "警惕“补助数量有限，先到先得”的诈骗短信，政府补贴不会先到先得。",
    "该店铺未开通消费者保障服务，购买前请谨慎。",
    "您还没交物业费，请尽快缴纳。",
    "付款的时候显示余额不足，我换张卡再试。",
    "下单时提示库存不足，请稍后再试。",
    "您的保证金已缴纳成功，店铺可以正常经营。",
    "卖家已开通担保交易，请放心购买。",
]


@pytest.mark.parametrize("text", RUSH_AND_TRADE)
def test_benefits_running_out_and_trades_stuck_for_a_protection_warn(text):
    result = check(text)
    assert result.level in WARNED, (text, codes(result))


@pytest.mark.parametrize("text", RUSH_AND_TRADE_GENUINE)
def test_promotions_vouchers_and_shop_labels_stay_quiet(text):
    result = check(text)
    assert result.level == "none", (text, result.level, codes(result))


RENEWALS = [
    # a renewal at a price no membership has, and a cancellation 'with our help' (told_claims.py)
    "您好，您之前领取了一张优惠券，开通了自动续费功能，每月扣费499元。",
    "您的京东PLUS会员今天到期，如不需要自动续费，需要您配合我们操作取消。",
    "您好，需要您配合我们操作取消分期，不然每个月都会扣款。",
]

RENEWALS_GENUINE = [
    "【爱奇艺】您的黄金VIP会员将于12月8日自动续费，每月扣费25元，如需取消请在App内关闭。",
    "您已开通自动续费，每月扣费15元，可随时在设置中取消。",
    "【腾讯视频】您的超级影视VIP连续包年将于明日自动续费，扣费金额308元。",
    "如需取消自动续费，请在App我的-设置中关闭。",
    "请您配合关闭窗口后再试。",
]


@pytest.mark.parametrize("text", RENEWALS)
def test_renewals_at_a_scam_price_and_cancellations_with_the_callers_help_warn(text):
    result = check(text)
    assert result.level in WARNED, (text, codes(result))


@pytest.mark.parametrize("text", RENEWALS_GENUINE)
def test_renewal_notices_that_let_you_cancel_yourself_stay_quiet(text):
    result = check(text)
    assert result.level == "none", (text, result.level, codes(result))


@pytest.mark.parametrize("text", ["现在已经被盗刷了,若还不取消业务,只会被刷更多。", "你这个业务不取消，就会一直扣你的钱。"])
def test_a_loss_said_to_go_on_until_you_cancel_warns(text):
    result = check(text)
    assert result.level in WARNED, (text, codes(result))


@pytest.mark.parametrize(
    "text", ["如不取消，将于明日自动扣款。", "若不取消订阅，将按月续费。", "如果不取消预约，就会按时为您服务。"]
)
def test_a_notice_of_what_happens_if_you_do_not_cancel_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))
