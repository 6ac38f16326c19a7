"""What a scam script tells you about your own things before it names a channel or asks anything:
'你的快递丢了', '您购买的商品出现质量问题', '您的手机号码将在两小时后停机', '您有一笔补贴还没有领取'.

A call or a chat opens with the claim and asks later, so the opening line carries no link, number or
ask for the notice slots to judge. Each claim here is the family's own line, said of the reader's
parcel, purchase, account, number, identity or benefit, that a courier, shop, operator or office has
no reason to send: they settle losses, recalls and benefits in their own app, at their counter, or
by paying into your account. What keeps genuine messages quiet: the claim must be said to you (a
second person in the sentence), not supposed ('如果您的快递丢失…'), asked ('…有问题吗？'), denied
('没有丢失'), answering what you raised ('您反馈的…'), nor inside an anti-fraud reminder or a story
of a scam. Patterns over folded text (simplified, lower case), bounded gaps; one scan finds the
words the patterns start with, and only those patterns run.
"""

from __future__ import annotations

import re

from kefuguard.detect.text.notice_channels import official_place
from kefuguard.detect.text.tactics import LURE_HALLMARK, LURE_STRONG, WEAK_ADVISORY_WORDS, Finding, MessageHits
from kefuguard.detect.text.word_trie import trie_regex

_NOT_CLAUSE_END = r"[^，。！？；：,!?;:\n]"
_NOT_SENTENCE_END = r"[^。！？；!?;\n]"


def _gap(n: int) -> str:
    return f"{_NOT_CLAUSE_END}{{0,{n}}}?"


def _sentence_gap(n: int) -> str:
    return f"{_NOT_SENTENCE_END}{{0,{n}}}?"


# a parcel lost or broken on its way, or a 'claims officer' of a courier: the 快递理赔 opener (a
# shop re-sending the goods, '为您补发', is what genuine sellers do: quiet)
_PARCEL_LOST = re.compile(
    r"(?:快递|包裹|快件|邮件|邮包|货物|货品)(?:在|于|因|由于|被|已|已经)?" + _gap(14)
    + r"(?P<said>丢失|遗失|丢件|弄丢|丢了|丢掉|损坏|损毁|破损|毁损|烧毁|被烧|被盗|受损|被水泡|泡水|进水|受潮|被淹|压坏|摔坏)|"
    r"(?:快递|物流|速运|快运|邮政|驿站)" + _gap(10) + r"(?P<agent>理赔(?:专员|员|客服|部|中心|部门|组))|"
    # the warehouse or the truck said to have burned, flooded or overturned with your goods in it: the
    # 仓库着火 opener (a shop's real loss is settled by re-sending or refunding in its app: _RESENT)
    r"(?:仓库|库房|货仓|仓储中心|分拣中心|中转站|中转场|运输车|物流车|货车)" + _gap(10)
    + r"(?P<site>着火|失火|起火|发生火灾|火灾|被烧|烧毁|进水|被淹|被水淹|爆炸|侧翻|翻车)"
)
_RESENT = re.compile(
    r"补发|重新发货|重发|重新寄|重新发出|已为您退款|已退款|原支付|原账户|原路|"
    # a loss already paid out, as a courier's real settlement says ('理赔款已按保价金额退至您的支付账户')
    r"已退至|已退到|已赔付|已理赔|已打款|已到账|(?:理赔|赔偿|赔付)款?(?:已|已经)|保价金额"
)

# your purchase said to be faulty, unsafe or recalled: the 质量问题退款 opener
_PURCHASE_PROBLEM = re.compile(
    r"(?:购买的|买的|订购的|下单的|选购的)" + _gap(14)
    + r"(?P<said>质量问题|质量有问题|不合格|超标|召回|下架|有问题|存在问题|出现问题|有瑕疵|致癌|有毒|含有有害|违禁|过敏|"
    r"出了点问题|出了问题|出问题|有点问题|有些问题)"
)

# your order said to be abnormal, frozen or stuck in the system (a failed payment is what checkouts
# really say; a parcel's 'abnormal' status is a real tracking state: neither here)
_ORDER_STUCK = re.compile(
    r"订单" + _gap(8)
    + r"(?P<said>出现异常|存在异常|异常|被冻结|已冻结|卡单|被系统拦截|被拦截|"
    # ... or said to have failed or vanished in 'the system' ('订单由于系统原因未能成功', '订单丢失了')
    r"未能成功|没有成功|没成功|未成功|未生效|丢失|失效|作废|错误|有误|出错)"
)
# what stands between '订单' and its state in genuine notices: a tracking state or a checkout's
# ('订单物流显示异常', '订单支付未成功，请重新支付')
_ORDER_TRACKING_OR_PAYMENT = re.compile(r"物流|快递|配送|派送|运输|支付|付款|发货|地址|收货|电话|信息|号码")

# staff's or the system's mistake made you a member, agent or wholesaler who will be charged: the
# 误开通会员 opener, said as the sender's own error
_MISTAKEN_MEMBER = re.compile(
    r"(?:失误|疏失|疏忽|出错|错误|故障|漏洞|bug|不小心|误将|误把|误设|误)" + f"{_NOT_SENTENCE_END}{{0,20}}?"
    + r"(?:设置|设定|设为|设成|开通|升级|注册|加入|变更|弄成|成为|变成|开成|改为|改成|判为|判定为|判成|认定为|列为|登记为|标记为|"
    r"植为|植成|登为|键为|键入为|输入为|归为|归类为)" + f"{_NOT_SENTENCE_END}{{0,10}}?"
    + r"(?P<said>会员|代理|批发|vip|经销商|合作商|分销商|商户|分期|重复下单|重复下了|重复订购|重复扣款|自动扣款|每月扣款)|"
    # ... or charged twice by 'the system' (the cause before it: _fits; a refund back the way it came
    # is the genuine remedy)
    r"(?P<twice>重复扣款|重复扣费|重复扣钱|重复付款|重复支付|多扣)"
)
_TWICE_BECAUSE = re.compile(r"系统|失误|疏失|错误|故障|问题")
_ORDER_SETTING = re.compile(
    # your order 'set' as an instalment plan, a wholesale or a membership: the Taiwan 解除分期 opener
    r"订单" + _gap(10) + r"(?:设定|设置|设为|设成|升级|改成|改为)" + _gap(4)
    + r"(?P<set_as>会员|批发|经销商|分期|重复|vip|代理|每月扣款|自动扣款)|"
    # '协助您解除分期设定': cancelling a setting nobody asked for, with the caller's help
    # (who helps, right before it: _fits)
    r"(?:解除|取消)" + _gap(6) + r"(?P<undo>分期|设定|设置|扣款|重复|会员|批发)|"
    # charged or ordered again and again ('重复扣款十二次', '重复下了12笔')
    r"重复(?:扣款|扣费|下单|下了|订购|订了)" + _gap(6) + r"(?P<times>[0-9一二三四五六七八九十两]+) ?(?:次|笔|期|单)|"
    # the way you pay 'gone wrong': what no checkout tells you afterwards
    r"(?:付款|支付|扣款)方式" + _gap(4) + r"(?P<pay_way>错误|异常|有误|出错)|"
    # 'if you don't cancel it, you will be charged tonight': spoken, not an app's '如不取消，将自动续费'
    r"不(?:取消|解除|关闭|注销)" + _gap(6) + r"的话" + f"{_NOT_SENTENCE_END}{{0,20}}?"
    + r"(?P<spoken>扣款|扣费|扣钱|扣您|扣你|扣除|收费|征信)|"
    # '若还不取消业务，只会被刷更多': the loss said to go on until you cancel, in a caller's words
    r"(?:不取消|不解除|不关闭|不注销)" + _gap(6) + r"[，,]?(?:只会|就会|还会)" + _gap(10)
    + r"(?P<goes_on>扣|刷|损失|影响征信|被盗)|"
    # '…不然会持续扣款喔', '要不然每个月都会扣您的钱': the charge said to go on, in a caller's words (an
    # app's '否则将自动续费' is written, not spoken: not that)
    r"(?:不然|要不然|要不)(?:的话)?[，,]?(?:会|就会|还会|都会|将会)?(?:持续|继续|一直|每个?月都?会?|每期都?会?)"
    + r"(?P<keeps_charging>扣款|扣费|扣钱|扣您|扣你|被扣|收费|产生费用)"
)
_REFUNDED_BACK = re.compile(r"原路退回|原路返回|自动退回|原路退还")
_HELPED = re.compile(r"(?:协助|帮|帮助|为|替)(?:您|你)(?:办理)?$")

# a seller's shop or payee account 'not verified', so buyers cannot pay: the second-hand market's
# fake-platform script, in more words than tactics.trade_blocked reads
_SELLER_UNVERIFIED = re.compile(
    r"(?:卖场|卖家|商家|店铺|收款码|收款账户|收款帐户|收款方|商户|卖家账号|卖家帐号)" + _gap(10)
    + r"(?:未|没有|尚未|还没|还未)(?:完成|通过|开通|进行)?" + _gap(6)
    + r"(?P<said>认证|验证|签署|签约|实名|激活|保障)"
)
_TRADE_WORDS = re.compile(r"付款|收款|下单|结账|交易|款项|提现|冻结|成立|到账|买家")

# your account, shop or number about to be banned, frozen or cut off (a deadline in hours is the
# operator scam's own: real operators warn of an unpaid bill, not of a countdown)
_CUTOFF = re.compile(
    # (whose, and when, in the sentence before it: _fits)
    r"(?P<said>封号|封禁|封停|冻结|注销|停用|停机|作废|销户|查封)|"
    # 'if you don't pay now, it's cut off': the caller's own threat, bill or no bill
    r"再不(?:交|缴|处理|还|付|配合)" + _gap(6) + r"就" + _gap(6)
    + r"(?P<spoken_cutoff>停机|停用|起诉|冻结|封号|拘留|上门|注销|作废)"
)
_BILL = re.compile(r"欠费|余额|充值|缴费|话费|您申请|你申请|您提交|应您|按您|根据您")
_CUT_WHAT_WHEN = re.compile(
    r"(?:账号|账户|帐号|帐户|店铺|微信号|支付宝|qq号|手机号|号码|手机卡|电话卡|宽带)" + _sentence_gap(16)
    + r"(?:即将|将被|将会被|会被|马上|立即|将在|将于|会在)" + _gap(12) + r"$"
)
CUT_WHAT_WHEN_BEFORE = 40

# your identity used by someone to open a card or a number: the fake-police chain's opener
_IDENTITY_MISUSED = re.compile(
    r"(?:身份证|身份信息|身份|宽带|号码|手机卡|电话卡|银行卡|信用卡|名下)" + _gap(6)
    + r"(?P<said>被人冒用|被他人冒用|被冒用|被人盗用|被他人盗用|被盗用|被人冒名|被他人冒名|被冒名|冒名|在外地|在异地)" + _gap(12)
    + r"(?:办理|开|注册|申请|开通|办)|"
    # something in your name overdue, in arrears or under suspicion ('您名下有一张信用卡严重逾期')
    r"名下" + _sentence_gap(16) + r"(?P<in_your_name>逾期|欠款|欠费|涉嫌|违规|违法|被冻结|异常)|"
    # a loan product 'opened' for you that must be closed: the 注销/关闭 script's opener
    r"(?:金条|借呗|微粒贷|白条|花呗|备用金|网贷|校园贷|贷款账户|月付)" + _sentence_gap(16)
    + r"(?:需要|必须|要|得)(?:马上|立即|尽快)?(?P<close>关闭|注销|取消|关掉)|"
    # ... or said to hurt your credit record for being open ('您的微信开通了微粒贷，会影响征信'); a lender's
    # bill reminder speaks of paying late, not of having the product
    # (found by its last words, the product opened before them: _fits)
    r"(?P<hurts>影响您的征信|影响你的征信|影响个人征信|影响您的个人征信|影响你的个人征信|影响征信|影响信用|上征信)|"
    # your credit record said to be damaged already: the student-account, loan-cancelling and
    # 'credit repair' scripts' opener (a lender warns that paying late 'will affect' it: a supposition)
    r"征信(?:记录|报告)?" + _gap(6)
    + r"(?P<credit>有问题|出现问题|出问题|出现了问题|出现异常|存在异常|异常|受损|有污点|有不良|不良记录|已受影响|"
    r"已经受到影响|受到了影响|被拉黑|上了黑名单|变黑|黑了|花了|需要修复|需修复|要修复)|"
    # 'credit repair' offered to you: no one but the lender can correct a credit record, and only if it
    # is wrong (a write-up naming the words, '均无“征信修复”概念', offers nothing to anyone)
    r"(?P<repair>修复征信|征信修复|修复您的征信|修复你的征信|修复个人征信|消除征信|洗白征信|征信洗白|铲除征信|"
    r"消除不良记录|删除逾期记录|消除逾期记录|删除不良记录|征信异议代理|代理征信异议)"
)

# you, or your card, said to be part of a criminal case
_CASE = re.compile(
    r"(?P<said>涉嫌|涉及|牵涉|卷入|参与)(?:到|了)?" + _gap(10)
    + r"(?:洗钱|诈骗案|案件|大案|刑事|犯罪|贩毒|非法集资|走私|一起案|一宗案)|"
    # a legal paper 'waiting' for you: courts serve papers in person or by post, never by a call
    r"(?P<paper>通知书|法律文书|公文|律师函|起诉书|判决书|传唤书|传票)" + _gap(8)
    + r"(?:未领取|尚未领取|没有领取|未签收|尚未签收|无人签收|待签收|待领取)|"
    # a parcel in your name said to hold cards, papers or contraband: the fake post's opener before it
    # hands you to 'the police' (a courier says what is fragile, never whose bank cards are inside)
    # (found by what is inside, the parcel before it: _fits)
    r"(?P<contents>银行卡|身份证|护照|毒品|违禁品|枪支|管制刀具|假证|信用卡|电话卡|手机卡|走私)"
)

# public money said to be waiting for you to collect: offices pay into your account, nothing is
# 'collected' through a caller (a benefit paid, '已到账', '已发放', says nothing of the kind)
_BENEFIT_NOUN = (
    r"补贴|补助|津贴|退税|补偿金|赔偿金|救助金|援助金|失业金|失业保险金|助学金|抚恤金|慰问金|生育金|退税款|补贴款|补助金|"
    # money 'returned' or reimbursed by an operator or an office, waiting to be collected
    r"话费返还|返还款|报销款|报销金|个税退款|劳保退费|健保退费|退费款"
)
_BENEFIT_WAITING = re.compile(
    r"(?P<said>" + _BENEFIT_NOUN + r")" + _gap(12)
    + r"(?:待领取|可以领取|可领取|未领取|没有领取|没领取|还没领|没领|可以领|尚未领取|还未领取|需要领取|待发放)|"
    r"(?:可以领取|可领取|能领取|需要领取|请领取)" + _gap(10) + r"(?P<claimable>" + _BENEFIT_NOUN + r")|"
    r"有一笔" + _gap(8) + r"(?P<owed>" + _BENEFIT_NOUN + r")(?!" + _gap(4) + r"(?:已|已经)(?:到账|发放|发到|存入|打入|转入|汇入))"
)

# a withdrawal refused for a 'credit score' too low (a ride app's '信用分不足，暂时无法使用先乘后付' is
# no withdrawal), or your money frozen by the system in so many words
_WITHDRAWAL = re.compile(
    r"(?P<said>信誉分|信用分|信誉积分|信誉度)" + _gap(6) + r"(?:不足|不够|过低|太低)" + _sentence_gap(12)
    + r"(?:提现|出款|提款|取出|到账|理赔|赔付|退款|赔偿)|"
    r"冻结了?(?:您|你)的(?P<frozen>资金|账户|余额|款项|钱|货款|提现|银行卡|卡|账号)|"
    # a task platform's pay: commission, principal or bonus held back
    r"(?P<funds>佣金|本金|奖金|返利|任务款|工资)(?:已经|已)?(?:被)?(?:系统|平台)?冻结|"
    # the release offered through a person or by paying in more ('请联系在线客服解冻', '请尽快补交保证金'),
    # with a freeze in the message (_fits): a bank lifts its own hold at the counter, with your ID
    # (each found by its last words, what comes before them checked in _fits)
    r"(?P<unfreeze>解冻|解封|恢复提现)|"
    r"(?:补交|补缴|追加|补足|补齐|再交|再缴)(?:[0-9]+ ?元)?(?P<deposit>保证金|押金|解冻金|解冻费|验资金|流水)|"
    # tasks or turnover demanded before your own money comes out ('必须连续完成3个任务才能提现'): a
    # promotion says the reward comes 'at once' (即可), the task platform says 'only then'
    r"(?:才能|才可以|才可|方可)(?P<tasks>提现|解冻|出款|到账|取出|提款)|"
    # the fake platform's 'withdrawal channel' closed, and your money threatened with being cleared
    r"(?P<channel>提现通道|出款通道|提款通道)" + _gap(6) + r"(?:已关闭|被关闭|关闭|被冻结|冻结|异常|未开通|暂停|被锁)|"
    r"(?P<cleared>清零|没收|划走)"
)
_REPAYMENT = re.compile(r"还款|逾期|按时|以免|避免|未还|欠款")
# what must stand right before the claims found by their last words (the 40 characters before them)
_BEFORE_CLAUSE = r"[^，。！？；：,!?;:\n]"
_BEFORE_SENTENCE = r"[^。！？；!?;\n]"
_LOAN_OPENED_BEFORE = re.compile(
    r"(?:开通|开了|注册|办理|激活)了?" + _BEFORE_CLAUSE + r"{0,6}?"
    r"(?:金条|借呗|微粒贷|白条|花呗|备用金|网贷|校园贷|学生账户|学生贷|月付|先用后付)" + _BEFORE_SENTENCE + r"{0,12}?"
    r"(?:会|将|就会|将会)?$"
)
_PARCEL_HOLDS_BEFORE = re.compile(
    r"(?:包裹|邮件|快递|快件|信件|邮包)" + _BEFORE_SENTENCE + r"{0,16}?(?:里面|里边|内|里|中)"
    r"(?:有|装有|含有|夹带|发现|藏有|查出)" + _BEFORE_CLAUSE + r"{0,8}?$"
)
_PERSON_TO_RELEASE_BEFORE = re.compile(
    r"(?:联系|咨询|添加|加|找|通过)(?:在线|人工|专属|平台|官方|我们的|我们)?"
    r"(?:客服|导师|财务|专员|工作人员|经理|老师|接待员)" + _BEFORE_CLAUSE + r"{0,8}?(?:办理|进行|申请|协助)?$"
)
_TASKS_BEFORE = re.compile(
    r"(?:完成|做|刷)" + _BEFORE_CLAUSE + r"{0,10}?(?:任务|单|流水)" + _BEFORE_CLAUSE + r"{0,4}?$"
)
_FUNDS_WILL_BE_BEFORE = re.compile(r"(?:资金|余额|本金|收益|款项)(?:将会|将被|将|会被|会|就会)被?$")
_PLAN_UPGRADED_BEFORE = re.compile(
    r"(?:套餐|资费)" + _BEFORE_SENTENCE + r"{0,16}?(?:自动升级|强制升级|被升级|升级|变更|调整)" + _BEFORE_SENTENCE + r"{0,16}?$"
)
_FROZEN_OR_HELD = re.compile(r"冻结|无法提现|提现失败|不能提现|解冻|无法出款|出款失败")

# a membership, insurance or service said to charge you, in the caller's words ('每个月要扣您的钱',
# '就要开始扣钱了') or at a price no membership has ('会员…每月扣费800元'): a renewal notice says
# 扣费 and a membership's price; the 'cancel it for you' script says how much you will lose
_CHARGE = re.compile(
    r"(?:会员|vip|月付|保障|保险|服务|业务|开通)" + _sentence_gap(24)
    + r"(?P<said>扣钱|扣您的钱|扣你的钱|扣您|扣你|要扣|就扣)|"
    r"(?:会员|vip|月付|保障|会员费|服务费|自动续费|自动扣费|续费功能|扣费服务)" + _sentence_gap(20) + r"(?:每月|每个月|按月|月费)" + _sentence_gap(10)
    + r"(?P<price>[0-9]{3,5}) ?元|"
    # a plan 'upgraded' that will cost you more: operators change a plan only when you ask
    # (found by its last words, the plan before them: _fits)
    r"(?P<upgrade>多收费|多收|多扣费|多扣|加收|额外收费|额外扣费|额外扣)"
)
MONTHLY_PRICE_NO_MEMBERSHIP_HAS = 300  # yuan a month: video, music and shopping memberships cost a tenth of it

# your points said to be worth cash: operators and banks redeem points in their own app for goods or
# phone credit, never for cash through a link or a 'client' (a 现金券 is a voucher)
_POINTS_CASH = re.compile(r"积分" + _sentence_gap(24) + r"(?P<said>现金)(?!券|抵用|抵扣)")

# your flight said to be cancelled or delayed, with compensation or a claim on offer: airlines
# announce changes and pay compensation in their own app or at the airport counter
_FLIGHT = re.compile(
    r"(?:航班|飞机|机票)" + _sentence_gap(24) + r"(?:取消|延误|故障|无法起飞|不能起飞|不能准时起飞)"
    + f"{_NOT_SENTENCE_END}{{0,40}}?" + r"(?P<flight>理赔|补偿|赔偿|延误费|赔付|补助)"
)
_AT_THE_AIRPORT = re.compile(r"柜台|值机|服务台|机场|登机口")
_PAID_OUT = re.compile(r"已到账|已发放|已赔付|已理赔|已补偿|请查收|请注意查收")

# your bank, the post office or 'the card issuer' announced as about to call you: a shop or a
# platform has no reason to make your bank call you; the instalment and fake-police scripts pass
# you on this way ('等一下会有银行的专员打电话给您')
_HANDOFF = re.compile(
    r"(?:银行|邮局|发卡行|发卡银行|金融|银联)" + _gap(8)
    + r"(?:会|将|马上会|稍后会|等下会|等一下会)?(?:主动)?(?P<handoff>打电话|来电|致电|联系|联络|与您联系|与你联系|打给)"
)
_LATER = re.compile(r"等一下|等下|稍后|待会|马上|一会|通知了|已经通知|已通知")

# a cancellation you must make 'together with us' ('需要您配合我们操作取消', '要你配合关闭一下'): a service you
# can stop yourself in its app needs no caller's help; the cancel-it-for-you script always offers it
_CANCEL_WITH_US = re.compile(
    r"(?:配合|跟着)(?:我们|我|客服|工作人员)?(?:一起)?(?:来)?(?:操作|办理)?(?:一下)?(?P<with_us>取消|关闭|注销|解除|关掉)"
)
_ASKED_OF_YOU = re.compile(r"(?:需要|要|得|请)(?:您|你)?$")  # '需要您' right before '配合…取消'
_CANCELLABLE = re.compile(r"会员|续费|扣费|扣款|服务|分期|业务|保障|保险|账户|账号|金条|白条|借呗|花呗|月付|贷款|备用金|套餐|订阅|权限|代理")

# (tactic, pattern, category): the reason code is 'tactic.' + the tactic
_CLAIMS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("parcel_lost_claim", _PARCEL_LOST, LURE_STRONG),
    ("purchase_problem_claim", _PURCHASE_PROBLEM, LURE_STRONG),
    ("purchase_problem_claim", _ORDER_STUCK, LURE_STRONG),
    ("purchase_problem_claim", _MISTAKEN_MEMBER, LURE_STRONG),
    ("purchase_problem_claim", _ORDER_SETTING, LURE_STRONG),
    ("cutoff_claim", _CUTOFF, LURE_STRONG),
    ("cutoff_claim", _IDENTITY_MISUSED, LURE_STRONG),
    ("trade_blocked", _SELLER_UNVERIFIED, LURE_HALLMARK),
    ("accusation", _CASE, LURE_HALLMARK),
    ("benefit_waiting_claim", _BENEFIT_WAITING, LURE_STRONG),
    ("money_frozen", _WITHDRAWAL, LURE_STRONG),
    ("charge_claim", _CHARGE, LURE_STRONG),
    ("points_cash_claim", _POINTS_CASH, LURE_STRONG),
    ("flight_claim", _FLIGHT, LURE_STRONG),
    ("handoff_claim", _HANDOFF, LURE_STRONG),
    ("cancel_service", _CANCEL_WITH_US, LURE_STRONG),
)






def _top_branches(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """A pattern's top-level alternatives compiled one by one: C skips through a text by the first
    characters of one alternative, but tries a pattern of several at every position (ten times slower)."""
    branches, depth, in_class, start, i, src = [], 0, False, 0, 0, pattern.pattern
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(src[start:i])
            start = i + 1
        i += 1
    branches.append(src[start:])
    return tuple(re.compile(b) for b in branches)


_SPECIAL = set("[](){}?*+|\\.^$")


def _heads_of(branch: str) -> tuple[str, ...]:
    """The words an alternative must start with: its leading group of plain words ('(?:快递|包裹)',
    '(?P<said>涉嫌|涉及)') or its leading literal ('订单', '冻结' of '冻结了?'); () if neither."""
    group = re.match(r"\((?:\?:|\?P<\w+>)([^()\[\]]*)\)", branch)
    if group is not None and not _SPECIAL & set(group.group(1)) - {"|"}:
        return tuple(group.group(1).split("|"))
    literal = ""
    for i, ch in enumerate(branch):
        if ch in _SPECIAL:
            if ch in "?*{" and literal:
                literal = literal[:-1]  # the last character is optional
            break
        literal += ch
    return (literal,) if literal else ()


# each claim's alternatives with the words they start with, and the claim's own pattern for what it
# says elsewhere (_fits)
_RUN: tuple[tuple[str, re.Pattern[str], str, re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (tactic, branch, category, pattern, _heads_of(branch.pattern))
    for tactic, pattern, category in _CLAIMS
    for branch in _top_branches(pattern)
)


def _head_words() -> list[str]:
    """Every head, and the join of any two that overlap ('手机号' + '号码' = '手机号码'), longest first:
    one scan finds heads that do not overlap, and a word found runs every alternative with a head in it."""
    heads = {h for *_, words in _RUN for h in words}
    starting: dict[str, list[str]] = {}  # each head's proper prefixes -> the heads they start
    for head in heads:
        for k in range(1, len(head)):
            starting.setdefault(head[:k], []).append(head)
    # a's last k characters start b (k shorter than both): one lookup per ending, not per pair (8 ms)
    joins = {a + b[k:] for a in heads for k in range(1, len(a)) for b in starting.get(a[-k:], ()) if b != a}
    return sorted(heads | joins, key=len, reverse=True)


# one scan for the heads of every alternative (Python tries a pattern at every position of a text: one
# scan, then the few alternatives whose heads are there, costs a tenth of running them all)
_HEAD_WORDS = _head_words()
_HEADS = re.compile(trie_regex(_HEAD_WORDS))  # the same words found, fewer comparisons (word_trie.py)
_RUNS: dict[str, tuple[int, ...]] = {
    word: tuple(i for i, (*_, heads) in enumerate(_RUN) if any(h in word for h in heads)) for word in _HEAD_WORDS
}
_ALWAYS = tuple(i for i, (*_, heads) in enumerate(_RUN) if not heads)
# the group naming what is claimed, by pattern: the word a negation before it denies
_SAID_GROUPS = (
    "said", "agent", "claimable", "owed", "frozen", "funds", "twice", "spoken", "price", "spoken_cutoff",
    "in_your_name", "close", "paper", "flight", "set_as", "undo", "times", "pay_way", "handoff", "with_us",
    "goes_on", "site", "keeps_charging", "credit", "unfreeze", "deposit", "contents", "upgrade", "hurts", "tasks",
    "channel", "cleared", "repair",
)  # fmt: skip

# what the caller threatens, said as a supposition and still a claim ('如不取消将每月扣费800元')
_THREAT_GROUPS = ("price", "spoken_cutoff", "spoken", "with_us", "goes_on", "keeps_charging")
_SECOND_PERSON = re.compile(r"您|你")
_SENTENCE_END = re.compile(r"[。！？!?;；\n]")
_SUPPOSED = re.compile(r"如果|如|若|万一|假如|一旦|是否|要是|倘若|当您|当你|怎么办|如何")
_ANSWERED = re.compile(r"您反馈|你反馈|您反映|你反映|您咨询|你咨询|您说的|你说的|您提到|你提到|您投诉|你投诉|您询问|关于您|关于你")
# (a question of its own after a comma does not make the claim one: '…在分拣时遗失，请问您是本人吗？')
_QUESTION_AFTER = re.compile(r"[^，,。！!；;\n]{0,12}?(?:吗|么|[?？])|[，,](?:是吗|对吗|对吧|是不是|有没有)")
SECOND_PERSON_BEFORE = 40  # '您在我们店铺购买的…': the reader named earlier in the sentence
SECOND_PERSON_AFTER = 12  # '快递在运输途中丢失了，我们给您赔偿'


def _reminder_or_story(m: MessageHits, start: int, end: int) -> bool:
    """An anti-fraud reminder or a case told in the third person: it quotes such claims. The claim's
    own words do not count ('涉及一起诈骗案' holds the reminder word '诈骗')."""
    if m.get("narrative"):
        return True
    return any(not (start <= h.start < end + 2) for h in m.get("advisory")) or len(m.get("advisory_weak")) >= WEAK_ADVISORY_WORDS


def _said_to_you(m: MessageHits, start: int, said: int, end: int, threat: bool = False) -> bool:
    """Said of the reader's own thing, as news: not supposed, answered, denied or asked. A threat
    ('如不取消将每月扣费800元') is said as a supposition and still counts."""
    before = m.sentence_before(start, SECOND_PERSON_BEFORE)
    if _SECOND_PERSON.search(before) is None and _SECOND_PERSON.search(m.folded, start, end) is None:
        after = _SENTENCE_END.split(m.folded[end : end + SECOND_PERSON_AFTER], 1)[0]
        if _SECOND_PERSON.search(after) is None:
            return False
    sentence = before + m.folded[start:end]
    if (not threat and _SUPPOSED.search(sentence)) or _ANSWERED.search(sentence):
        return False
    if m.negated(said):
        return False
    return _QUESTION_AFTER.match(m.folded, end) is None


def told_claims(m: MessageHits) -> list[Finding]:
    """The claims said to you in one incoming message, at most one per tactic."""
    found: dict[str, Finding] = {}
    runs = set(_ALWAYS)
    for word in _HEADS.findall(m.folded):
        runs.update(_RUNS[word])
    for i in sorted(runs):
        tactic, branch, category, pattern, _ = _RUN[i]
        if tactic in found:
            continue
        for hit in branch.finditer(m.folded):
            said = next((hit.start(g) for g in _SAID_GROUPS if _group(hit, g)), hit.start())
            # '我是快递公司的理赔专员' speaks of itself, '卖家账号未完成认证' of the other side, not of you
            # ... and '若还不取消业务，只会被刷更多' is the caller's threat, whoever it names
            itself = _group(hit, "agent") or pattern is _SELLER_UNVERIFIED or _group(hit, "goes_on")
            itself = itself or _group(hit, "keeps_charging") or _group(hit, "cleared") or _group(hit, "tasks")
            threat = any(_group(hit, g) for g in _THREAT_GROUPS)
            if not (itself and not m.negated(said)) and not _said_to_you(m, hit.start(), said, hit.end(), threat):
                continue
            if not _fits(m, pattern, hit):
                continue
            if _reminder_or_story(m, hit.start(), hit.end()) or _sent_back(m):
                return []
            found[tactic] = Finding(tactic, category, hit.start(), hit.end())
            break
    return list(found.values())


def _sent_back(m: MessageHits) -> bool:
    """'…请在淘宝订单页面申请售后': sent back where the shop or office really is (asked once, on a claim)."""
    if "told_sent_back" not in m.memo:
        m.memo["told_sent_back"] = official_place(m) is not None
    return bool(m.memo["told_sent_back"])


def _fits(m: MessageHits, pattern: re.Pattern[str], hit: re.Match[str]) -> bool:
    """What each claim's genuine look-alikes say elsewhere in the message, and what must stand right
    before the claims found by their last word (one scan of a rare word, not of a common one)."""
    before = m.folded[max(0, hit.start() - CUT_WHAT_WHEN_BEFORE) : hit.start()]
    if _group(hit, "undo") and _HELPED.search(before) is None:
        return False
    if _group(hit, "twice") and _TWICE_BECAUSE.search(m.sentence_before(hit.start(), 16)) is None:
        return False
    if pattern is _CUTOFF and _group(hit, "said") and _CUT_WHAT_WHEN.search(before) is None:
        return False
    if pattern is _PARCEL_LOST:
        return _RESENT.search(m.folded) is None
    if pattern is _CUTOFF:
        return bool(_group(hit, "spoken_cutoff")) or _BILL.search(m.folded) is None
    if pattern is _MISTAKEN_MEMBER or pattern is _ORDER_SETTING:
        return _REFUNDED_BACK.search(m.folded) is None
    if pattern is _SELLER_UNVERIFIED:
        # '该商家未认证' is a listing's label; a protection 'not opened' ('该店铺尚未开通店铺保障') is the
        # fake trade platform's own line: real platforms protect every trade without a seller opening it
        # (not a shop's label of the platform's real buyer protection: '该店铺未开通消费者保障服务')
        opened = hit.group("said") == "保障" and not m.folded.endswith("消费者", 0, hit.start("said"))
        return opened or _TRADE_WORDS.search(m.folded) is not None
    if pattern is _ORDER_STUCK:
        return _ORDER_TRACKING_OR_PAYMENT.search(m.folded, hit.start(), hit.start("said")) is None
    if _group(hit, "price") and int(hit.group("price")) < MONTHLY_PRICE_NO_MEMBERSHIP_HAS:
        return False
    if pattern is _CANCEL_WITH_US:  # asked of you ('需要您配合…'), and a thing of yours to cancel
        return _ASKED_OF_YOU.search(before) is not None and _CANCELLABLE.search(m.folded) is not None
    if pattern is _HANDOFF:
        return _LATER.search(m.folded) is not None  # 'the bank will contact you' answering what you asked
    if _group(hit, "hurts"):  # '逾期还款会影响个人征信', '按时还款不影响征信': the lender's own reminder
        opened = _LOAN_OPENED_BEFORE.search(before)
        return opened is not None and _REPAYMENT.search(opened.group(0)) is None and not before.endswith("不")
    if _group(hit, "contents"):
        return _PARCEL_HOLDS_BEFORE.search(before) is not None
    if _group(hit, "tasks"):
        return _TASKS_BEFORE.search(before) is not None
    if _group(hit, "cleared"):
        return _FUNDS_WILL_BE_BEFORE.search(before) is not None
    if _group(hit, "upgrade"):
        return _PLAN_UPGRADED_BEFORE.search(before) is not None
    if _group(hit, "unfreeze"):
        return _PERSON_TO_RELEASE_BEFORE.search(before) is not None and _FROZEN_OR_HELD.search(m.folded) is not None
    if _group(hit, "deposit"):
        return _FROZEN_OR_HELD.search(m.folded) is not None
    if pattern is _FLIGHT:  # '…请到机场柜台办理补偿', '延误险已理赔200元，请注意查收': where and how it is paid
        return not (_AT_THE_AIRPORT.search(m.folded) or _PAID_OUT.search(m.folded))
    if pattern is _BENEFIT_WAITING:
        return not m.get("marketing")  # '百亿补贴待领取': a shop's promotion
    return True


def _group(hit: re.Match[str], name: str) -> bool:
    return name in hit.re.groupindex and hit.group(name) is not None
