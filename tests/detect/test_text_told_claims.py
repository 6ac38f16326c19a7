"""A scam script's opening claim about your own things, before any channel or ask (detect/text/
told_claims.py): a parcel lost, a purchase faulty, an order stuck, a staff error that made you a
paying member, an account or number about to be cut off, your identity misused, a case against you,
a subsidy waiting, a withdrawal refused. Beside each, genuine messages with the same words: a claim
supposed, asked, denied, answering what you reported, paid already, or sent back to the official
app; and reminders that quote the claim.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

WARNED = ("caution", "danger")

CLAIMS = {
    "tactic.parcel_lost_claim": [
        "你的快递丢了。",
        "您的快递在运输途中丢失了。",
        "您的包裹已经丢件，我们这边给您赔偿。",
        "您的快件丢失了，需要给您理赔。",
        "您的快递因为仓库问题损坏了。",
        "我是快递公司的理赔专员。",
        "您的包裹在分拣时遗失了，非常抱歉。",
    ],
    "tactic.purchase_problem_claim": [
        "您购买的商品出现质量问题。",
        "您在我们店铺购买的商品被检测出不合格。",
        "您之前买的奶粉批次有问题，厂家要召回。",
        "由于系统故障，您的订单被冻结了。",
        "您的订单出现异常，无法发货。",
        "我们工作人员失误，把您设置成了批发商，每个月会扣您的钱。",
        "因為我們工作人員的疏失，將您的訂單設定成分期付款，每個月會自動扣款。",
        "您好，您上次購買時，我們的員工誤將您的訂單設定為重複下單12筆。",
        "因為系統問題，您的付款被重複扣款了。",
        "不取消訂單的話，明天就會從您的帳戶自動扣款。",
    ],
    "tactic.cutoff_claim": [
        "您的账号存在违规行为，即将被封号。",
        "您的手机号码将在两小时后停机。",
        "您的手机号实名认证信息不全，将被停机。",
        "您的微信号即将被冻结。",
        "您的身份证在外地办理了一张手机卡。",
        "您的身份信息被人冒用，开了一张银行卡。",
        "您好，您的宽带已被他人冒名办理，请转人工客服核实。",
        "我是电信局的，你家电话欠费3000多元，再不交就停机了。",
        "你再不配合的话就冻结你名下所有账户。",
    ],
    "tactic.charge_claim": [
        "您好，您在抖音开通的直播会员试用期已到，如不取消将每月扣费800元。",
        "我们这边显示您开通了我们平台的VIP会员，每个月要扣您1000元。",
        "您的保险免费体验期到了，今天晚上12点就要开始扣钱了。",
        "您的百万保障免费期结束了，下个月开始每月扣费500元。",
        "您开通的服务到期了，要扣您的钱的。",
    ],
    "tactic.points_cash_claim": [
        "【10086】您的积分已满足兑换条件，请下载客户端领取现金红包。",
        "您的话费积分可以兑换现金。",
        "尊敬的客户，您的信用卡积分可兑换388元现金，月底清零。",
        "您的积分即将过期，可直接兑换成现金。",
        "您有12000积分未使用，现可兑现金198元。",
    ],
    "tactic.accusation": [
        "您涉嫌一起洗钱案件。",
        "您名下的银行卡涉及一起诈骗案。",
        "你卷入了一宗非法集资案件，需要配合调查。",
        "您的账户参与了洗钱，我们正在核查。",
        "你涉嫌参与跨境犯罪。",
    ],
    "tactic.benefit_waiting_claim": [
        "您有一笔退税待领取。",
        "您有一笔补贴还没有领取。",
        "你有一笔生育津贴可以领取。",
        "您的孩子有一笔教育补助金。",
        "您可以领取个人所得税退税。",
        "您有一笔失业金没有领取。",
    ],
    "tactic.money_frozen": [
        "您的信誉分不足，无法提现，需要充值补足。",
        "因为您的操作失误，导致系统冻结了您的资金。",
        "您的任务佣金被冻结，需要完成三单才能提现。",
        "系统冻结了你的银行卡。",
        "您的本金已被平台冻结。",
    ],
    "tactic.trade_blocked": [
        "賣家帳號未完成三大保障認證，交易已被暫停。",
        "由於您的賣場未完成實名驗證，訂單無法成立。",
        "该店铺尚未开通保障，买家无法付款。",
        "您的收款账户尚未认证，买家的款项无法到账。",
        "商家未签署保障协议，交易款项已冻结。",
    ],
}

GENUINE = [
    # parcels
    "【菜鸟驿站】您的快递已到驿站，取件码3-2-1008，请及时领取。",
    "如果您的快递丢失，请在顺丰速运App内申请理赔。",
    "您的快递没有丢失，目前在转运中心，请耐心等待。",
    "亲，您的包裹在运输途中破损了，我们已经为您补发，请注意查收。",
    "快递丢了怎么办？可以在官方App里申请理赔。",
    "您反馈的快递丢失问题，我们已经登记，会在3个工作日内给您回复。",
    "您的快递是否丢失？请您先查看一下驿站。",
    "您好，您的快递在运输途中出现破损，快递公司会按规定进行理赔，请在淘宝订单页面申请售后。",
    # purchases and orders
    "您购买的商品如有质量问题，可以在7天内申请退货。",
    "您购买的商品不存在质量问题，请放心使用。",
    "您购买的商品有质量问题吗？可以拍照给我们看看。",
    "关于您反映的商品质量问题，我们已经为您办理退货退款。",
    "您的订单已发货，物流单号SF1234567890。",
    "您的订单支付失败，请在30分钟内重新支付。",
    "我买的商品有质量问题，怎么退货？",
    "因银行系统问题，您的订单被重复扣款，款项将原路退回。",
    "如不取消，将于下月1日自动续费。",
    # accounts and numbers
    "如连续12个月未登录，您的账号将被注销。",
    "您申请的账号注销将于7天后生效。",
    "您的话费余额不足10元，为避免停机请及时充值。",
    "您已欠费15元，将于明日停机，请及时缴费。",
    "根据您的申请，您的手机号码将于3日后停机保号。",
    "您的宽带将于下月到期，请及时续费。",
    "您的身份证已办理完成，请携带回执到派出所领取。",
    "本案涉及金额巨大，警方已立案侦查。",
    # benefits
    "您的生育津贴已到账，请注意查收。",
    "您有一笔退税已到账，请查收。",
    "您的2024年度个人所得税退税已办理，退税款将退至您的银行卡。",
    "您申请的失业保险金已审核通过，将于下月发放至社保卡。",
    "您有一笔养老金已发放至社保卡。",
    "领取补贴请到社区服务中心窗口办理。",
    "您的高龄津贴已经发放到社保卡了。",
    # scores, withdrawals, listings
    "【滴滴出行】您的信用分不足，暂时无法使用先乘后付服务。",
    "您的信用分为720分，信用良好。",
    "您的提现已到账，请查收。",
    "您的店铺已完成实名认证，可以正常收款。",
    # charges and points
    "【爱奇艺】您的黄金VIP会员将于12月10日自动续费，扣费25元，如需取消请在APP内操作。",
    "您的会员每月扣费15元，可在设置中关闭自动续费。",
    "您开通的会员不会扣您的钱，请放心。",
    "您的保险每月保费350元已扣款成功。",
    "会员到期后会扣钱吗？",
    "【中国移动】您的积分余额为3200分，可在中国移动APP兑换话费、流量等。",
    "您的信用卡积分可兑换现金券，请在掌上生活App查看。",
    "积分不能兑换现金，请勿相信此类短信。",
    "您的欠费已缴清，感谢您的支持。",
    # reminders quoting the claims
    "警惕“快递丢失理赔”诈骗：快递员不会以丢件理赔为由让您加QQ或下载软件。",
    "反诈提醒：接到自称客服说您购买的商品有质量问题要给您退款的，一律是诈骗。",
    "骗子常说：“您的快递丢了，我们给您三倍赔偿。”千万不要相信。",
    "如接到自称淘宝客服称您的订单异常需要退款的电话，请立即挂断。",
    "案例：王女士接到自称快递客服的电话，对方称其快递丢失，要给她理赔，王女士按对方要求操作后被骗5000元。",
    "警方提醒：骗子会说您的身份证被冒用办理了银行卡，这是诈骗。",
    "凡是自称公安机关说您涉嫌洗钱的，都是诈骗。",
    "警惕补贴诈骗：政府部门不会通过短信链接发放补贴，凡是要求您领取补贴需提供验证码的都是诈骗。",
]


@pytest.mark.parametrize(("code", "text"), [(c, t) for c, texts in CLAIMS.items() for t in texts])
def test_a_scripts_opening_claim_about_your_things_warns(code, text):
    result = check(text)
    assert result.level in WARNED, codes(result)
    assert code in codes(result) or len(codes(result) - {"none.no_signal"}) > 1, codes(result)


@pytest.mark.parametrize("text", GENUINE)
def test_the_same_words_supposed_denied_paid_or_warned_about_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


def test_a_claim_said_to_you_is_no_danger_without_an_ask():
    assert check("你的快递丢了。").level == "caution"
    assert check("您的快递丢了，我们给您三倍赔偿，请告诉我您收到的验证码。").level == "danger"
