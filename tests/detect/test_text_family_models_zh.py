"""Chinese scam families written as models before any miss was read, each with probe grids: the
scam's wordings beside genuine texts that use the same words.

Each model is a party, a problem or a benefit said of the reader's things, and an act or an ask,
from published police and platform anti-fraud material (not from the evaluation data):

- frozen_funds: a platform's 'finance', 'customer service' or 'mentor', a loan app, a 'financial
  regulator' says your money, balance, withdrawal or loan is frozen (资金冻结, 账户被冻结, 提现失败,
  流水不足, 信誉分不足, 银行卡号填写错误, 刷单违规) and releases it through a person (联系在线客服解冻,
  添加财务微信) or for money paid in again (补交保证金, 交解冻金, 转账激活). A bank's own hold is lifted at
  the counter with your ID; a failed withdrawal's money comes back by itself (资金已退回余额).
- order_problem: a shop's or platform's 'customer service' says your order is abnormal, stuck,
  failed in the system, charged twice, recalled, or burned in a warehouse fire (订单异常, 卡单, 订单
  未能成功, 重复扣款, 质量问题, 召回, 仓库着火), or that you were set up as a member or instalment plan
  that keeps charging 'unless you cancel' (不然会持续扣款), and refunds through QQ, WeChat, a QR code or
  a meeting app. Real shops refund back the way you paid and settle in the app's order page; a
  parcel's tracking 'abnormal' or a failed checkout is not that.
- telecom_post: the operator says your number will be cut off, was used to send fraud texts, was
  opened in your name, or that points turn into cash, or that a bill is 'returned' to you; the post
  says a parcel holds contraband or a court paper waits unsigned. Operators give their own app,
  counter and short numbers (10086, 10000, 10010); a refund of phone credit goes to the account.
- gov_notice / tax_subsidy: 人社, 社保, 医保, 税务, 财政, 市场监管, 征信 speak of a card abnormal or used in
  another city, of money waiting (失业金, 补贴, 退税 待领取), of your credit record damaged (征信有问题),
  of a driving licence to be cancelled; they ask for a link, a QR code, an app, a card number.
  Offices pay into your account and send you to their own app, site or window.
- parcel_loss: a courier's 'claims officer' says your parcel was lost, damaged, soaked or burned, and
  pays 'double' through WeChat, a QR code or an app. A real courier re-sends or pays to the account
  you paid with (理赔款已退至您的支付账户).
- platform_account / auto_renewal: a platform's 'customer service' says you opened 百万保障, a student
  account, 金条/白条/月付, a live-stream or VIP membership that will charge you or hurt your credit
  record, and must be closed with their help. Real renewal notices name the app's own settings.
- spine: a listed brand's message sending you to claim money (返还, 退款, 补贴) at a site that is not
  its own is a warning whatever the state.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

SCAMS = [
    # frozen_funds
    "您的保证金不足，账户已被冻结，请尽快补交保证金。",
    "您的钱包账户因刷单违规被冻结，请下载XX APP联系在线客服解冻。",
    "您的账户被冻结了，请联系在线客服解冻。",
    "您的资金已冻结，请添加财务微信办理解冻。",
    "你的提现失败了，需要补缴3000元保证金。",
    "提现失败，需要缴纳保证金。",
    "该店铺尚未开通店铺保障",
    "您好，由於賣家未開通誠信交易保障，您的款項已被凍結，請聯繫線上客服辦理解凍。",
    # order_problem
    "您好，我们仓库昨天着火，您购买的衣服被烧毁了，现在给您理赔。",
    "订单由于系统原因未能成功，需要给您退款。",
    "您的订单在系统里显示异常，快递无法发出，请添加客服微信处理退款。",
    "請你幫我們按『確認取消訂單』，不然會持續扣款喔！",
    "您好，您被误设成了批发商，要不然每个月都会扣您的钱，我们帮您取消。",
    # telecom_post
    "您有一个包裹在海关被扣，现在帮您转接公安。",
    # gov_notice / tax_subsidy
    "您的社保卡存在异常，请尽快处理。",
    "您好，我是医保局的，您的医保卡在外地消费了，涉嫌违规套现。",
    "您的驾驶证将被注销。",
    "您的征信有问题，需要马上处理。",
    "您好，我是人民银行征信中心的，您的征信记录出现异常。",
    # parcel_loss
    "您好，您的包裹在仓库被水泡了，我们这边给您理赔，请加企业微信。",
    "您好，运输车在高速上侧翻，您的快递受损了，我们给您三倍赔偿。",
    # spine: money to claim at a site not the brand's
    "【中国电信】您的话费返还198元已到账，请点击链接领取 dx-fh.top。",
    # more wordings of the same models
    "必须连续完成3个任务才能提现。",
    "您的资金被银监会冻结了。",
    "请在24小时内完成解冻，否则资金将被清零。",
    "您的提现通道已关闭，请联系客服开通。",
    "亲，我们这边是淘宝的商家，您在我们店里购买的商品出了点问题。",
    "您有一个邮政包裹被退回了，里面有您的银行卡。",
    "您的医保有一笔报销款未领取。",
    "您的套餐即将自动升级，每月多收费100元。",
    "您的微信开通了微粒贷，会影响征信。",
    "您的营业执照即将被吊销。",
    "您好，我是银保监会的，您名下有一个金融账户需要注销，否则影响征信。",
    "【国家税务总局】您有一笔个税退款待领取，请登录个人所得税App或点击 gs-tax.top 办理。",
    # offices, couriers and shops the list does not name, as callers name them
    "您好，我是民政局的，您的低保资格被取消了，需要重新认证。",
    "您好，这里是供电局，您家的电费欠费严重，今天下午将停电，请马上缴费。",
    "您好，我是兔喜驿站的，您的包裹破损了，加一下微信给您理赔。",
    "您好，我是总工会的，您有一笔工会补贴可以领取。",
    # credit repair, contributions lapsed, a loan passed on, a refund by calling back
    "您的征信有逾期记录，我们可以帮您修复征信，需要先交一笔服务费。",
    "您的征信需要修复，不然以后不能贷款买房。",
    "您的社保存在断缴，需要补缴，请添加工作人员微信。",
    "请您在支付宝搜索备用金，借出来以后转到我们的账户。",
    "您好，请回拨这个号码 17012345678，给您办理退款。",
    # parcel loss: compensation at a multiple in more words, a 'credit score' too low for the claim,
    # a loss announced with a question of its own after it
    "我们这边会给您做理赔，理赔金额是商品价格的两倍。",
    "您的支付宝信誉分不足，无法理赔。",
    "您好，您的包裹在分拣时遗失，请问您是本人吗？我们这边负责给您理赔。",
    # airline: a ticket 'not issued', with a move to WeChat
    "您好，您的机票出票失败，需要重新支付，请加客服微信。",
    # Taiwan's wordings of the same models
    "請問您身上有金融卡嗎？請您到附近的ATM。",
    "您的訂單被誤植為批發商，會連續扣款12個月。",
    "您好，這邊是郵局，您的帳戶因為訂單錯誤需要重新認證。",
    "您有一筆勞保退費尚未領取。",
    "您的監理站罰單尚未繳納，逾期將吊扣駕照。",
    "您的ETC餘額不足，請點選連結補繳通行費。",
]

GENUINE = [
    # frozen_funds
    "【支付宝】您的提现失败，原因：银行卡信息有误，资金已退回余额，请核对后重新提交。",
    "【建设银行】您尾号8821的账户被司法冻结，如有疑问请携带身份证件到开户网点咨询或致电95533。",
    "【淘宝】您的店铺保证金余额不足，为避免影响经营，请登录千牛补缴保证金。",
    "【支付宝】您的账户已被冻结，如需解冻请登录支付宝App联系官方客服处理。",
    "您好，您的账户已解除冻结，可以正常使用了。",
    "您的银行卡被冻结了，需要本人携带身份证到网点联系客户经理办理解冻。",
    "温馨提示：凡是让您联系“客服”解冻、补交保证金的都是诈骗。",
    "该店铺未开通消费者保障服务，购买前请谨慎。",
    # order_problem
    "亲，您的订单物流显示异常，我们已联系快递公司核实，有结果会第一时间通知您。",
    "【拼多多】您的订单支付未成功，请在App内重新支付。",
    "【京东】您的订单因系统原因被重复扣款，多扣金额已原路退回，请注意查收。",
    "【腾讯视频】如需取消自动续费，请在App内操作，否则将于下期继续扣费。",
    "提醒：骗子会说“不然会持续扣款”，诱导您操作取消，请勿相信。",
    # telecom_post
    "【中国邮政】您的邮件因地址不详已被退回寄件人，如有疑问请拨打11183。",
    # gov_notice / tax_subsidy
    "【个人所得税】您2025年度综合所得汇算清缴可申请退税，请登录个人所得税App办理，勿点击陌生链接。",
    "【建设银行】您的信用卡已逾期，请尽快还款，以免影响您的个人征信。",
    "如果您的征信有问题，可以到人民银行网点免费查询个人信用报告。",
    "警方提醒：冒充医保局称您的医保卡在外地消费、涉嫌违规套现的，都是诈骗。",
    "【交管12123】您的驾驶证记分周期即将届满，请登录交管12123App查询。",
    # parcel_loss
    "【顺丰速运】您的快件在运输途中破损，我们深表歉意，理赔款已按保价金额退至您的支付账户。",
    "【中通快递】很抱歉，您的快件在运输途中丢失，我们已为您补发，新单号ZT1234567890。",
    "新闻：昨日某物流仓库着火，消防员及时扑灭，无人员伤亡。",
    # spine
    "【中国电信】您多缴的话费28元已返还至您的账户余额，请登录电信营业厅App查询。",
    # more genuine texts with the same words
    "【快手极速版】恭喜您获得新人红包，完成新手任务即可提现。",
    "提现通道维护中，预计2小时后恢复，给您带来不便敬请谅解。",
    "【京东】您购买的商品出了问题？请在京东App“我的订单”中申请售后。",
    "【中国移动】尊敬的客户，您的套餐已按您的申请升级，每月费用增加30元，详询10086。",
    "您有一个包裹内含易碎品，请小心签收。",
    "【人社局】您的社保报销款已发放至社保卡，请注意查收。",
    "您好，您的微信开通了微粒贷，按时还款不影响征信。",
    "【京东金融】您已开通京东白条，逾期还款会影响个人征信，请按时还款。",
    "亲，您的订单地址填写错误，麻烦核对一下哦。",
    "【遠通電收】您的eTag儲值餘額不足，請儘速至超商儲值，以免影響通行。",
    "如需提款，可至本行各分行自動櫃員機辦理，ATM位置請見官網。",
    "【携程】很抱歉，您预订的机票出票失败，订单金额1280元将原路退回，请注意查收。",
    "【去哪儿网】您的机票出票失败，款项已原路退回，如有疑问请在App内联系客服。",
    "【东方航空】您好，您乘坐的MU5101航班变动，新的起飞时间为18:30，详情请登录东航App查看。",
    "【XX银行】您的资金已按约定转入理财账户，到期后本金将自动返还。",
    "【医保】您的医保报销款1256元已支付至您的社保卡金融账户，请注意查收。",
    "【国家税务总局】您有一笔个人所得税经营所得需补缴税款320元，请登录自然人电子税务局缴纳，逾期将加收滞纳金。",
    "【民生银行】您的信用卡已成功解除分期，剩余本金12000元将计入本期账单。",
    "【XX市民政局】您申请的低保金已审核通过，将于每月10日发放至您的社保卡。",
    "【兔喜生活】取件码3-4-1102，您的圆通快递已到兔喜驿站，营业时间9:00-21:00。",
    "【XX街道办】温馨提示：本月起养老金资格认证可通过掌上12333App办理，无需到现场。",
    "【支付宝】您的备用金已到期，借出来的钱请按时归还，以免影响信用。",
    "人民银行提醒：所谓“征信修复”“消除不良记录”都是骗局，征信异议只能向金融机构或征信中心免费申请。",
    "【XX市人社局】您的社保存在断缴，如需补缴请携带身份证到社保经办机构办理。",
    "如有疑问，请回拨我行客服95588，我们将为您办理退款。",
    "征信业务的法规中并无所谓“征信修复”的说法，消除不良记录要收费的都是骗局。",
    "亲，您的快递丢失了吗？可以在订单页面申请售后哦。",
    "亲，商品如有质量问题，我们承诺两倍赔付，请在订单页面申请。",
    "【京东】您的运单在运输中破损，已为您办理理赔，理赔款将原路退回，如有疑问请联系京东客服。",
    # reminders and retold calls in more forms
    "网警提醒：接到“注销校园贷”“关闭百万保障”电话的，一律挂断。",
    "张大爷说：“那个人说我的医保卡在外地被人用了，要我把钱转到安全账户，我就觉得不对劲。”",
    "“您的快递在运输过程中丢失，我们将给您三倍赔偿”，看到这样的信息，千万别轻信。",
    "小心！“您的订单异常需要退款”是骗子惯用的开场白。",
    "这些都是诈骗话术：“您的账户资金已被冻结，需要缴纳解冻金”“流水不足无法提现”。",
]


@pytest.mark.parametrize("text", SCAMS)
def test_family_model_scams_warn(text):
    result = check(text)
    assert result.level in ("caution", "danger"), (text, result.level, codes(result))


@pytest.mark.parametrize("text", GENUINE)
def test_genuine_texts_of_the_same_words_stay_quiet(text):
    result = check(text)
    assert result.level == "none", (text, result.level, codes(result))


@pytest.mark.parametrize(
    "text",
    [
        "您好，我是淘宝客服，您的订单异常，请+V：kf12345处理退款。",
        "您好，我是淘宝客服，您的订单异常，请加威芯kf12345处理退款。",
        "您好，我是淘宝客服，您的订单异常，请加卫星kf12345处理退款。",
        "您好，我是淘宝客服，您的订单异常，请加qun：12345678处理退款。",
    ],
)
def test_evaders_spellings_of_wechat_and_qq_are_a_move_off_the_platform(text):
    result = check(text)
    assert "tactic.off_platform" in codes(result), (text, codes(result))


def test_a_number_in_chinese_numerals_is_a_number():
    result = check("您好，我是淘宝客服，您的订单异常，请拨打一三八一二三四五六七八处理退款。")
    assert "notice.unofficial_phone" in codes(result), codes(result)


@pytest.mark.parametrize(
    "text",
    ["请v我50，开玩笑的啦。", "【中国移动】您的验证码为一二三四五六，请勿泄露。", "二〇二六年十二月五日，天气晴。", "请问您是在卫星上看到的新闻吗？"],
)
def test_lookalike_words_of_channel_spellings_stay_quiet(text):
    assert check(text).level == "none"
