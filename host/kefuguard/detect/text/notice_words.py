"""The vocabulary of notice scripts, by slot (detect/text/notice.py puts the slots together).

A fake notice speaks for someone (a party), says something happened to your account, card,
parcel, flight or benefit (a state), asks you to act (an act), often by a deadline, and gives one
channel to act through. Real anti-fraud reminders use the same words about scams (advisory).
Words are matched on folded text (lower case, simplified Chinese, spaces and symbols stepped
over); a longer phrase wins over a shorter one inside it. Brands come from the signed list, not
from here: these are the parties that notices name without naming a listed brand.
"""

from __future__ import annotations

from kefuguard.detect.hotlines import ANTIFRAUD_HOTLINE_CN
from kefuguard.detect.text.phrases import phrase_list

NOTICE_PHRASES: dict[str, tuple[str, ...]] = {
    # who a notice speaks for, when no listed brand is named
    "party": phrase_list(
        "银行|我行|本行|贵行|信用卡中心|卡中心|银行卡中心|信用卡部|银行卡务部|网银中心|医保|医保局|医保中心|"
        "医疗保障局|医保卡|医疗保险|社保|社保局|社保中心|社保卡|社会保障卡|人社局|电子社保卡|公积金|公积金中心|"
        "etc|高速etc|etc中心|etc服务中心|etc卡|电子ic卡|车辆中心|车主服务|交警|交管|交管局|车管所|12123|违章查询|"
        "高速公路|粤通卡|"
        "税务|税务局|个税|个人所得税|12366|财政局|补贴中心|法院|检察院|公安局|派出所|通信管理局|防疫中心|疾控中心|"
        "海关|航空|航空公司|航班|机票|国航|东航|南航|海航|川航|厦航|春秋航空|快递|快递员|派件员|驿站|菜鸟|"
        "菜鸟驿站|丰巢|邮政|邮局|包裹|物流中心|运营商|营业厅|话费|宽带|平台|商城|商家|店铺|卖场|会员中心|客服中心|"
        "bank|credit union|card services|fraud department|fraud team|security team|customer department|"
        "billing department|support team|customer care|customer service|account services|irs|"
        "internal revenue service|hmrc|cra|canada revenue agency|ato|mygov|dmv|dvla|toll|tolls|the toll roads|"
        "e-zpass|ezpass|sunpass|fastrak|express lanes|highway|turnpike|toll road|social security|treasury|"
        "tax office|tax department|electricity company|electric company|power company|gas company|utility company|"
        "disconnection department|"
        "government|royal mail|hermes|evri|dpd|canada post|australia post|auspost|post office|postal service|"
        "courier|delivery service|parcel|package|shipment|airline|airlines|airways|air lines|"
        "flight|norton|mcafee|geek squad|lifelock|"
        "tech support|technical support|windows support|applecare|help desk|速递|速递员|配送员|快递公司|"
        "social benefits|your social|"
        "helpdesk|support center|"
        "netflix|costco|walmart|santander|chase|wells fargo|bank of america|citi|barclays|hsbc|lloyds|natwest|"
        "navy federal|capital one|mashreq|at&t|verizon|t-mobile|飞机|机场|保险|保险公司|重疾保障|重疾险|百万保障|"
        "银联|银行联合管理局|insurance|it support|it helpdesk|it help desk|it service desk|it department|"
        "server admin|system administrator|email administrator|mail administrator|webmail|邮箱管理员|系统管理员|"
        "medicare|medicaid|social security administration|"
        # the offices, desks and providers any notice may speak for, named without a brand
        "billing team|accounts department|account team|customer support|support desk|delivery team|logistics|"
        "logistics company|shipping department|tax authority|tax authorities|revenue commissioners|revenue service|"
        "department of revenue|motor vehicles|department of motor vehicles|court|the court|immigration|"
        "immigration office|border agency|health department|department of health|ministry of health|utility|"
        "utilities|electricity provider|energy provider|energy supplier|water company|water board|telecom|"
        "compliance department|compliance team|legal department|collections department|recovery department|"
        "enforcement department|fines department|"
        "telecoms|mobile operator|network provider|internet provider|internet service provider|broadband|"
        "streaming service|"
        # what only one office or provider runs: a notice about it speaks for them
        "vehicle registration|vehicle tax|driving licence|driver's license|drivers license|driver license|"
        "online banking|mobile banking|internet banking|netbanking|electricity bill|power bill|energy bill|"
        "gas bill|water bill|electricity supply|electricity account|your electricity|electricity service|"
        # a tax refund or rebate: only a tax office issues one ('You have a pending tax refund of $820. Confirm
        # your details to receive it')
        "tax refund|tax rebate|tax refunds|tax rebates|"
        "electric service|"
        # a mail service speaking for itself, as webmail phishing does ('your webmail account needs to be …')
        "email account|e-mail account|mail account|mailbox|webmail|university email|staff email|student email|"
        "office 365|microsoft 365|outlook account|it service desk|service desk|email team|mail server|"
        "email storage|mailbox storage|"
        "仓储中心|派送站|营业部|分行|支行|工商局|住建局|物业|物业公司|广电|刑侦大队|"
        # Taiwan's and Hong Kong's offices and carriers, as their notices name them
        "健保署|监理所|国税局|劳保局|劳动部|卫生署|警务处|医管局|电讯管理局|入境处|宅配|超商"
        # English sentences name the same parties in other words: the agencies of customs and police
        # calls, the staff a robocall hands you to ('press 1 to speak with a representative'), the
        # parking and penalty offices
        "|customs office|customs department|"
        "customs and border protection|border protection|homeland security|police department|sheriff's office|"
        "federal agent|federal agents|dvsa|parking services|parking enforcement|penalty charge notice|"
        "a representative|customer representative|support representative|service representative|"
        "an agent|our agent|our agents|our representative|our representatives"
        "|federal reserve|e-tag|etag|e-toll|etoll|"
        # a utility's supply named without the utility ('your water service will be disconnected')
        "water service|gas service|power service|water supply|gas supply|power supply|your electric company|"
        "your power company|your gas company|your water company"
        # papers only one office issues: a notice about them speaks for it
        "|驾驶证|驾照|行驶证|机动车驾驶证|营业执照|监理站|监理处|"
        # the other offices that pay allowances or run registers, by the names callers give them
        "民政局|退役军人事务局|教育局|农业农村局|卫健委|卫生健康委|残联|残疾人联合会|总工会|街道办|街道办事处|"
        "居委会|村委会|供电局|供电公司|自来水公司|燃气公司|政务服务中心|商务局|文旅局|统计局|发改委|财政厅|人社厅|"
        "人力资源和社会保障局|人力资源社会保障局|社会保险中心|社会保险事业管理中心|"
        # couriers, parcel stations and shops the list does not name
        "天天快递|优速快递|安能物流|跨越速运|壹米滴答|丹鸟|众邮快递|宅急送|国通快递|速尔快递|兔喜|兔喜生活|妈妈驿站|"
        "熊猫快收|近邻宝|中邮驿站|快递超市|快递柜|智能快递柜|淘特|微店|有赞|快团团|美团优选|多多买菜|兴盛优选|叮咚买菜|"
        "朴朴超市|京喜|聚划算|视频号|西瓜视频|今日头条|蘑菇街|网易严选|小米有品|58同城|赶集网|爱回收"
        # the warranty robocall's sender, named by what it sells ('about your car's extended warranty. Press 1')
        "|extended warranty|car warranty|vehicle warranty|auto warranty|vehicle service contract|warranty department|"
        "prize department|claims department|sweepstakes department|sweepstakes|lottery commission|lottery board"
    ),
    # something happened to your account, card, service, parcel, booking, or a benefit is waiting
    # (every hallmark state below, in state_strong, is a state too: notice.py reads both lists)
    "state": phrase_list(
        # money of yours waiting to be taken out or applied for ('您的公积金账户可提取3万元'; not '可领取', what promotions say)
        "可提取|可全额提取|可申领|待申领|"
        "if you didn't do this|if you did not do this|new payee|payee was added|was added to your account|失效|已失效|将失效|即将失效|到期|即将到期|已到期|过期|已过期|即将过期|已过时|冻结|被冻结|将冻结|异常|"
        "出现异常|存在异常|使用异常|停用|被停用|已停|暂停使用|关停|被关停|停机|即将停机|注销|将被注销|作废|逾期作废|清零|将清零|"
        "取消资格|取消报销资格|无法使用|无法报销|暂时无法|限制交易|暂停服务|已暂停|受限|被限制|扣除|扣费|扣款|"
        "自动扣款|自动扣费|年费|收取年费|自动续费|续费|会员费|开通了|误开通|已开通|未签署|尚未签署|未认证|"
        "尚未认证|认证已失效|未实名|未实名认证|二次实名|未升级|需升级|需要升级|升级电子版|系统升级|资料缺失|"
        "信息不全|未上传|未完善|尚未更新|涉嫌|违章|违章记录|传票|欠费|未按时还款|黑名单|盗刷|被盗刷|积分|积分兑换|"
        "兑换现金|可兑换|提额|提升额度|额度|补贴|补助|退税|理赔|赔偿|补偿|改签|航班取消|取消航班|延误|机械故障|"
        "中奖|抽奖|礼品|expire|expires|expired|expiring|will expire|suspend|suspended|suspension|locked|limited|"
        "restricted|disabled|deactivated|blocked|on hold|put on hold|frozen|unusual activity|unusual activities|"
        "suspicious activity|suspicious transaction|unauthorized|compromised|hacked|failed|payment failed|"
        "could not process the payment|could not process your payment|unable to process your payment|"
        "incomplete or outdated|scheduled for disconnection|disconnection date|will get disconnected|"
        "unable to validate|unable to verify|unable to deliver|cannot deliver|could not be delivered|"
        "delivery attempt|attempted to deliver|missed you|redeliver|redelivery|incorrect address|"
        "address does not match|unpaid|outstanding|overdue|past due|late fee|late fees|toll evasion|charged|"
        "charge|renewal|renewed|auto-renew|automatic charge|subscription|invoice|receipt|order confirmation|"
        "in our draw|our prize draw|prize draw|lucky draw|came in 2nd|came 2nd|came in second|2nd spot|second spot|"
        "2nd place|second place|overcharged|overbilled|overbilling|owe you a refund|owe you money|"
        "qualifies for|qualified for|you qualify for|"
        "reimbursement|compensation|rebate|tax refund|eligible|reward|prize|penalty|warrant|arrest|"
        "lawsuit|violation|customs|import duties|duties|shipping fee|delivery fee|service fee|kyc|virus|扣出|划扣|"
        "从您账户|从您的账户|将从|自动缴费|缴费协议|扣费协议|签订|代扣|磕坏|摔坏|压坏|丢了|有问题|质量有问题|故障|"
        "出现故障|now active|activated|has been activated|will be charged|has been charged|deducted|debited|"
        "has been processed|自动划扣|自动划款|未签订|尚未开通|店铺保障|订单保障|保障协议|清退|billed|"
        "will be billed|auto-renewal|automatic renewal|discontinue|did not order|not ordered|you ordered this|"
        "if this wasn't you|if this was not you|if this wasnt you|if you did not request|if you didn't request|"
        "if you did not make|if you didn't make|if you don't recognize|if you dont recognize|"
        "if you do not recognize|if you did not authorize|if you didn't authorize|"
        "has concluded|payment of|"
        "total payment|awaiting delivery|waiting for delivery|pending delivery|"
        "waiting to be delivered|awaiting payment|settlement|"
        "held a recent payment|held a payment|payment on hold|e-transfer|sent you|funds are waiting|"
        "deposit your money|money waiting|kyc mandate|not updating|account closed|has been closed|been closed|"
        "under review|禁用|被禁用|禁用状态|100%中奖|百分百中奖|必中奖|"
        "自动续约|续约|"
        "免密支付|未缴清|未缴|欠缴|"
        "未缴纳|罚锾|罚款|停车费|派送失败|配送失败|投递失败|地址不正确|发货已暂停|you have received|"
        "you've received|you are owed|you're owed|unclaimed|lock your|had to lock|we have locked|we've locked|"
        "pending for you|package pending|parcel pending|claim ownership|gift for you|free gift|little gift|"
        "social benefits|you owe|owe money|owe taxes|back taxes|tax debt|"
        "outstanding balance|collection agency|sent to collections|a refund of|you have a refund|"
        "you are eligible for a refund|refund is ready|refund is waiting|have been issued a refund|"
        "urgent notification|urgent notice|security alert|account alert|security notice|verification required|"
        "action required|incomplete address|insufficient address|"
        "invalid address|missing address|pending fee|customs fee|unpaid fee|redelivery fee|return to sender|"
        "final attempt|last attempt|awaiting customs|无法提现|提现失败|资金冻结|货款冻结|款项冻结|尚未启用|未启用|"
        "金流|认证失败|违禁品|海关扣留|被扣押|viruses|malware|been hacked|infected|尚未申领|未申领|尚未领取|"
        "is locked|exposed to risks|new secure message|new notification|无法起飞|不能起飞|不能准时起飞|因故取消|"
        "航班延误|"
        # money a public office or a company 'owes' you, waiting to be taken: what benefit and refund
        # notices of any office say ('您有一笔生育津贴待领取', 'a pending refund of $89.50')
        "津贴|助学金|援助金|经济援助金|救助金|补助金|补偿金|抚恤金|慰问金|待领取|待发放|发放中|"
        "is due to you|"
        # money offered to make up for something ('as a credit for the outage, we're offering you $50')
        # what any such notice says, in words the list lacked: a membership cancelled, a sign-in tried,
        # a delivery unsuccessful, a final notice, a refund pending, points unused, storage full (not
        # 'cash back': what a bank agent explains how to get)
        "cancelled|canceled|requires verification|needs to be verified|needs verification|tried to sign in|"
        "tried to log in|tried to login|unrecognized device|unrecognised device|"
        "unsuccessful|has been returned|being returned|will be returned|incomplete|final notice|final warning|"
        "last warning|legal action|entitled to a refund|refund has been approved|refund is pending|refund pending|"
        "pending refund|interrupted|service interruption|unused points|points balance|"
        "transaction of|fraudulent activity|fraudulent transaction|fraudulent charge|storage is full|"
        "storage full|storage is almost full|cloud storage|icloud storage|undelivered|undelivered messages|"
        "安全风险|被锁定|已锁定|已被锁定|被退回|已退回|吊销|将被吊销|交通违法|扣分|被标记|标记为|信息有误|"
        "资料有误|逾期|被拒绝|新设备登录|异地登录|被封|账号被封|账户被封|"
        "罚单|综所税|纾困|纾困金|普发现金|停话|断电|断水|欠税|被暂停|将被暂停|遭暂停|"
        "已逾期|已经逾期|物业费|水费|电费|燃气费|has won|number has won|email has won|lottery|jackpot|"
        "a credit of|as a credit|outage credit|to make up for|to compensate you|compensate you|"
        # a fee a parcel waits for ('pay 2 KD postal fees through the attached link'), money you are told
        # is yours to claim ('you are entitled to a $50 credit')
        "postal fee|postal fees|shipping fee|shipping fees|delivery fee|delivery fees|delivery charge|customs fees|"
        "customs charge|customs charges|clearance fee|handling fee|storage fee|"
        "you are entitled to|you're entitled to|you are owed|you're owed|credit for the|"
        "fraudulent transaction|fraudulent transactions|fraudulent charge|fraudulent charges|fraudulent purchase|"
        "fraudulent purchases|unauthorized transaction|unauthorised transaction|suspicious charge|suspicious charges|"
        "suspicious purchase|unusual transaction|unusual transactions|unusual purchase|unusual sign-in|"
        "unusual login|suspicious sign-in|suspicious login|large purchase|"
        "stimulus payment|relief payment|economic impact payment|cost of living payment|benefit payment|"
        # a parcel stopped for its address, in the words of any courier's notice (Taiwan's 资讯 too)
        "资讯不全|资料不全|地址不全|地址不详|地址有误|地址错误|暂停派送|暂停配送|无法派送|无法投递|派送异常"
        # the same events in other words ('a package from May waiting for you', 'if you did not approve this
        # purchase', 'your benefits will be stopped', 'renews today for $489.95')
        "|waiting for you|is waiting for you|are waiting for you|awaiting you|held for you|reserved for you|"
        "waiting to be claimed|if you did not approve|if you didn't approve|if you did not place|"
        "if you didn't place|if you did not order|if you didn't order|if you did not purchase|"
        "if you didn't purchase|if you did not send|if you didn't send|if you did not attempt|"
        "if you didn't attempt|renews|renews today|will renew|will be renewed|set to renew|auto-renews|"
        "renewed automatically|will be stopped|be stopped|will be cancelled|will be canceled|will be deleted|"
        "will be removed|been seized|has been seized|was seized|were seized|seized|confiscated|"
        "penalty charge|penalty notice|clamped|impounded"
        # what was done to an account, a card or a line, in the other participles ('your account has been
        # terminated / revoked / blacklisted', 'your card has been rejected', 'your line has been disconnected')
        "|terminated|breached|blacklisted|banned|revoked|disconnected|detained|withheld|invalidated|rejected|"
        "paused|stopped|placed on hold|penalized|penalised|downgraded|been accessed|was accessed|accessed from|"
        # what a caller says of your card, number, papers or identity in any family's wording: a card
        # dormant, an account on a risk list, a number reported, papers unsigned, your identity used
        "长期未使用|长期不使用|长期闲置|风险名单|风险账户|高风险账户|账户存在风险|账户有风险|被投诉|被大量投诉|被多次投诉|"
        "被举报|被人举报|遭到举报|遭到投诉|补办实名|重新实名|实名登记|实名核验|无人签收|未签收|尚未签收|补缴运费|"
        "补缴关税|补缴税费|补缴邮费|被用于注册|被他人注册|被人注册|被冒名注册|被冒用|被人冒用|被他人冒用|被盗用|被人盗用|"
        # a flight or a ticket changed, in the words schedule notices use too (a state, not a hallmark)
        "航班变动|航班调整|航班临时调整|航班变更|航班信息变更|机票变动|"
        # an allowance or a status said to be withdrawn ('您的低保资格被取消了')
        "资格被取消|资格已被取消|资格将被取消|资格被撤销|资格被冻结|资格已取消|"
        # contributions said to have lapsed (offices remind of it through their own app or window)
        "断缴|存在断缴|社保断缴|医保断缴"
        # money a company says it owes you ('We owe you $50 for the recent outage. Click the link to receive it')
        "|we owe you|owe you $|owe you £|owe you €|unclaimed bitcoin|unclaimed crypto|unclaimed funds"
    ),
    # 'if this was not you': disputing a charge or a change the message announces
    "dispute": phrase_list(
        "if you did not|if you didn't|if you didnt|if you do not recognize|if you don't recognize|"
        "if you dont recognize|if you do not recognise|if you don't recognise|if you're unsure|if you are unsure|"
        "if this wasn't you|if this was not you|if this wasnt you|if you did not authorize|"
        "if you didn't authorize|if you do not believe|if you don't believe|if you wish to cancel|"
        "to cancel|to dispute|for a refund|if not, call|if not call|if not, please call|if not, contact|"
        "if not, reply|if no, call|if not you|if it wasn't you|if it was not you|if this isn't you|"
        "if this is not you|if that wasn't you|if that was not you|if you did not request|if you didn't request|"
        "if you did not make|if you didn't make|if you did not initiate|if you didn't initiate|"
        # the question a fake alert asks instead ('…has been placed. Not you? Call …', 'Was this you?')
        "not you?|wasn't you?|was this you?|was it you?|not your order?|not your purchase?|did you make this|"
        "did you authorize this|did you authorise this|if unauthorized|if unauthorised|not authorized by you|not authorised by you|"
        # the same question in other words, and the cancellation a call is offered for ('Did you attempt a
        # purchase of $1,140? If NO call…', 'Didn't order it? Call…'); not the words holding 'refund',
        # which a longer phrase here would hide from the refund rules
        "did you attempt|did you just|did you recently|did you try to|didn't order|did not order|didn't place|"
        "did not place|didn't purchase|did not purchase|didn't buy|did not buy|not authorized?|not authorised?|"
        "unauthorized?|unauthorised?|not yours?|for cancellation|to stop this|to stop the charge|"
        "to stop the renewal|to stop auto-renewal|to stop the payment|to stop this payment|if you want to cancel|"
        "if you would like to cancel|if you'd like to cancel|"
        "如果不是您本人|如果不是本人|如非本人操作|若非本人操作|如非您本人操作|若非您本人操作|如不是您本人操作|"
        "如不是本人操作|若不是本人操作|非本人操作请|如非本人|若非本人"
    ),
    # a transaction announced ('您的银联卡在…消费1280元'): a state only when the message also invites
    # questions about it ('如有疑问，请拨…'): the channel it then gives is the one to compare
    "spend": phrase_list("消费|刷卡消费|消费成功"),
    "query": phrase_list(
        "如有疑问|若有疑问|如有疑义|若有疑义|如有异议|若有异议|如有任何疑问|有疑问请|有疑问可|如有问题|若有问题"
    ),
    # contacting the sender by phone or through its 'customer care'
    "contact_act": phrase_list(
        "contact us|contact our|call us|call our|call the|reach us|reach out to|speak to|speak with|get in touch|"
        "give us a call|phone us|contact customer|contact support|contact the|联系我们|致电我们|联系我司|致电我司|"
        "联系本公司|致电本公司|拨打我们|回复我们|联系客服|致电客服|拨打客服|联系人工客服"
    ),
    # 'keep this code to yourself': what a service's own one-time-code message says
    "keep_secret": phrase_list(
        "请勿泄露|切勿泄露|请勿泄漏|切勿泄漏|请勿告知|切勿告知|勿告诉|不要告诉|请勿转发|请勿透露|切勿透露|泄露有风险|"
        "告诉他人|告知他人|告诉任何人|告知任何人|泄露给他人|透露给他人|"
        "请勿向任何人|请勿向他人|不要泄露|不要透露|don't share|do not share|never share|not share|do not disclose|"
        "don't disclose|never give this code|never tell anyone|do not give this code|"
        # how one-time-code SMS of shops, banks and apps say it: '验证码打死都不要告诉别人哦',
        # '工作人员不会向您索取', 'we will never ask for this code', 'do not forward this code'
        "打死也不要告诉|打死都不要告诉|打死也不能告诉|打死都不能告诉|不能告诉别人|不能告诉任何人|请勿提供给|切勿提供给|不要提供给|请勿外泄|严禁泄露|请妥善保管|不会向您索取|"
        "不会索取|索要验证码|索取验证码|never ask for this code|never ask you for this code|never ask for your code|"
        "don't give this code|do not forward|don't forward|keep this code private|keep it private|keep it secret|"
        "don't tell anyone|do not tell anyone"
        # the code named between the 'never' and the 'tell' ('请勿将验证码告诉买家'): a trade's own code SMS
        "|勿将验证码|勿把验证码|不要将验证码|不要把验证码|别把验证码|不能把验证码|不能将验证码"
    ),
    # what a one-time-code message says the code is for: the reader's own action ('验证码382910，您正在
    # 进行账户注销，如非本人操作请忽略'); with the code in it, the service's own message as keep_secret is
    "code_purpose": phrase_list(
        "您正在|您正进行|用于登录|用于注册|用于身份验证|用于验证|如非本人操作请忽略|若非本人操作请忽略|非本人操作请忽略|"
        "is your verification code|is your login code|is your security code|is your one-time|is your otp"
    ),
    # what it tells you to do
    "act": phrase_list(
        "登录|登入|登陆|点击|点开|打开|访问|进入|前往|认证|验证|核实|升级|更新|激活|兑换|领取|申请|办理|完善|补充|"
        "填写|重新绑定|绑定|查询|确认|联系|致电|拨打|咨询|回复|添加|扫描|扫码|下载|转人工|在线办理|完成办理|click|"
        "tap|visit|follow the link|follow this link|go to|log in|login|sign in|update|verify|validate|confirm|"
        "reactivate|restore|release|re-send|resend|resolve|reschedule|pay|settle|call|contact|reach out|reply|claim|review|track|cancel|dispute|"
        "拨|请拨|follow the|kindly follow|follow the next steps|cover the|report online|rebook|rearrange|"
        "message us|message our|text us|whatsapp us|chat with us|reach our team|"
        "retrieve|recover your|upgrade now|upgrade your|keep it active|"
        "schedule a new delivery|schedule redelivery|schedule your delivery|schedule a redelivery|arrange redelivery|"
        "arrange a redelivery|book a redelivery|book your redelivery|complete the form|fill in the form|fill out the form|"
        "complete the attached form|submit the form|sign back in|log back in|sign in again|log in again|重新登录|"
        "apply|apply now|apply here|apply online|schedule for delivery|schedule a delivery|"
        "accept this payment|accept the payment|accept your payment|accept the transfer|accept this transfer|"
        "redeem|redeem now|redeem here|redeem them|redeem your|exchange your points|use your points|"
        "log on|sign on|proceed to|complete the verification|complete verification|complete your verification|"
        "respond|go online|book a new delivery|choose a delivery date|choose a new delivery|"
        # the other verbs of an account's fix: unfreeze or unblock it, appeal a deletion, secure it
        "unfreeze|unblock|unlock|appeal|appeal here|submit an appeal|secure your account|rectify|synchronize|"
        "fill the form|fill out this form|fill this form|fill in this form|complete the survey|"
        "及时处理|请配合|配合调查|人脸识别|修改地址|预约派送|重新派送"
    ),
    # by when, or else
    "deadline": phrase_list(
        "今日|今天|明日|明天|次日|当日|今晚|下午|之前|日前|号前|小时内|逾期|否则|将被|将于|以免|为避免|避免影响|"
        "延期将|过时将|未补充将|不验证|today|tomorrow|within 24 hours|within 12 hours|within 48 hours|24 hours|"
        "12 hours|immediately|final notice|to avoid|or your|will be|before|as soon as possible|or we will|"
        "urgent notice|urgent action required|"
        "or it will be"
        "|by the due date|may result in|will result in|could result in|failure to pay|non-payment|nonpayment"
    ),
    # a link named without being shown (the source redacted it, or it follows): still a channel
    "link_word": phrase_list(
        "网址|网站|链接|短链|手机网|维护网站|官方网站|link|web link|url|website|the link below|the link|"
        "click here|tap here|here:|following link|link below|this link|link above|the below|link in|via the link|"
        "fee here|here.|连结|开启连结|点选连结|钓鱼网址|the form|this form|the online form|the attached form|"
        "button below|the button below|message button|"
        "clicking below|clicking here|clicking the link|tapping here|tapping below|clicking the button|"
        # an e-mail's button the quote leaves out: 'Release below to re-send', 'click below', 'verify below'
        "release below|click below|tap below|verify below|login below|log in below|sign in below|下方链接|点击下方|"
        "下面的链接|下面链接|以下链接|如下链接|链接如下|下面的网址|以下网址"
    ),
    # the official site or app named, with no address: a reference, not a channel
    "official_ref": phrase_list(
        "官网|官方网站|官方app|官方应用|官方渠道|官方客服|手机银行app|银行app|official website|official app|"
        "our app|the app|back of your card|number on the back|卡背面|卡片背面|"
        # a full mailbox fixed inside the mailbox itself: no site to visit, nothing to re-validate
        "delete old|delete some|delete unwanted|free up space|empty your trash|empty the trash|删除旧邮件|清理邮件"
        # the offices' own online counters, named as the place to go ('请登录自然人电子税务局缴纳')
        "|电子税务局|自然人电子税务局|个人所得税app|个税app|掌上12333|国家医保服务平台|国家社会保险公共服务平台|"
        "国家政务服务平台|政务服务网|政务服务app|交管12123app|12123app|人民法院在线服务|办税服务厅|社保经办机构|医保经办机构"
        # a phone's or an account's own settings, where a store subscription is paid and managed ('Update your
        # payment method in Settings')
        "|in settings|in your settings|go to settings|open settings|in the settings app|in system settings|"
        "in system preferences|in your account settings|in account settings"
        # money an office pays by itself, nothing asked of you ('will be paid into your bank account
        # automatically. You do not need to apply')
        "|paid automatically|paid into your account automatically|paid into your bank account automatically|"
        "you do not need to apply|you don't need to apply|you do not need to claim|you don't need to claim|"
        "no need to apply|no need to claim|you do not need to do anything|you don't need to do anything"
    ),
    # a voice menu: robocalls ask you to press a key for a 'person'
    "voice_menu": phrase_list(
        "按9|按1|按0|按2|press 1|press 9|press 0|请拨9|拨9|拨打9|按9号键|按3|按4|按5|按6|按7|按8|按9键|按1键|"
        "按0键|请按9|请按1|请按0|press 2|press 8"
        # the other keys and the words for them ('press 7 now to speak with security team', 'press one')
        "|press 3|press 4|press 5|press 6|press 7|press one|press two|press nine|press zero"
    ),
    # anti-fraud reminders and official advice: about scams, not one
    "advisory": phrase_list(
        "诈骗|骗局|骗子|诈骗短信|诈骗电话|防骗|反诈|都是诈骗|均为诈骗|是诈骗|绝不会|不会要求|不会通过|从不会|"
        "从来不会|官方不会|不会以|不会透过|不会主动|不会打电话|不会来电|客服不会|工作人员不会|平台不会|银行不会|"
        "不会通知|提醒用户|提醒消费者|提醒网友|is fraudulent|are fraudulent|if you are contacted by|"
        "if you're contacted by|"
        + ANTIFRAUD_HOTLINE_CN
        + "|scam|scams|scammer|scammers|fraudster|fraudsters|beware|never ask|"
        "will never|would never|never request|never call|never text|do not share|don't share|never share|"
        "impersonat|被骗|受骗|上当|圈套|从未|不会向您|不会索要|never will|we will not|we won't|will not ask|"
        "does not send|doesn't send|不要轻信|不要轻易相信|不要相信|勿信|不轻易|不要轻易|冒充|假冒|假扮|"
        "不要点|别点|千万别点|是病毒|病毒链接|木马病毒|钓鱼网站|钓鱼链接|does not initiate|do not initiate|"
        "does not threaten|does not contact|does not call|doesn't call|doesn't contact|will not contact|"
        "will not call|never initiate|never contact|never contacts|will only send|will only ever|only ever send|"
        "the only time we would|the only time we will|均为假|are fake|自称|声称|自称是|"
        "不要理会|不予理会|不必理会|请勿理会|勿理会|提醒民众|提醒市民|呼吁民众|呼吁市民|广大市民|广大群众|"
        "勿相信|不要理睬|不予理睬|勿理睬|别理睬|官方渠道核实|立即挂断|马上挂断|直接挂断|请挂断|立即报警|马上报警|及时报警|请报警|拨打110|一定要提高警惕|务必提高警惕|"
        "一定要警惕|务必警惕|"
        "never would|never collect|never charge|never require|never send|never phone|never email|never e-mail|"
        "the only time|do not communicate|don't communicate|does not communicate|never communicate|"
        "will not communicate|do not respond|don't respond|is not us|isn't us|it's not us|report it to|"
        "report them to|forward it to|forward them to|someone who tells you|someone who asks|anyone who calls|"
        "anyone who asks|a caller who|callers who|hang up if|hang up and|hang up immediately|just hang up|"
        "simply hang up|never trust anyone who|don't trust anyone who|delete it|delete the message|delete the text|"
        "delete such|"
        "市民朋友|such links|such messages|such texts|such calls|example of a scam|examples of scam|"
        "scam text|scam texts|scam message|scam messages|phishing text|phishing message|phishing e-mail|"
        "phishing email|smishing|此类短信|此类链接|此类电话|类似短信|诈骗案例|典型案例|no law enforcement|"
        "no government agency|no legitimate|no genuine|no real bank|will ever call|will ever ask|will ever contact|"
        "will ever text|will ever request|check with your bank|contact your bank directly|call your bank directly|"
        "提醒大家|提醒广大|警方提示|警方提醒|民警提醒|民警提示|公安提醒|反诈提醒|防诈提醒|防诈骗|防范诈骗|识别诈骗|"
        "red flags|red flag|how to spot|warning signs|protect yourself|legitimate companies|if in doubt|be wary|"
        "be suspicious|不法分子|犯罪分子|诈骗分子|作案|受害人|受害者|事主|被害人|立案侦查|案发|criminals|crooks|"
        "con artists|victims|"
        # a scam text shown as one ('the fake message reads: "…"', 'fake texts saying "…" are circulating'),
        # or its signs listed ('know the signs: an urgent message, a threat that your account…')
        "fake text|fake texts|fake message|fake messages|fake email|fake emails|fake e-mail|fake call|fake calls|"
        "bogus text|bogus texts|bogus message|bogus messages|bogus email|bogus emails|fraudulent text|"
        "fraudulent texts|fraudulent message|fraudulent messages|fraudulent email|fraudulent emails|"
        "don't fall for|do not fall for|know the signs|signs of a scam|signs of fraud|tell-tale signs|"
        "telltale signs|are circulating|is circulating|doing the rounds|on the lookout for|is warning|are warning|"
        "has warned|have warned|warns customers|warned customers|warns the public|warned the public|"
        # how an office says it really contacts you ('we only ever contact customers… in writing by post')
        "only ever contact|will only contact|would only contact|only contact you|only ever write|in writing by post|"
        "only by post|by post only|only in writing|we don't use|we do not use|"
        "example:|examples:|an example of|here's an example|here is an example|"
        "don't click|do not click|don't tap|do not tap|messages like|texts like|emails like|e-mails like|"
        "calls like|delete messages|delete texts|delete any|aware of a scam|aware of a fraudulent|aware of a fake|"
        "aware of a phishing|reports of this|"
        "scam alert|not from us|is a scam|is fake|are fake|is phishing|spot the fake|spot a fake|spot the scam|"
        "spot a scam|phishing example|scam example|like this one|not a genuine message|not a genuine text|"
        "not a genuine email|not a genuine e-mail|"
        # the pretext named as a pretext ('以取消会员为由', 'on the pretext of'), the caller's claim in the
        # third person ('saying they are from your bank', 'even if they say'): a reminder's words
        "为由|为借口|以此为由|on the pretext|under the pretext|saying they are|saying they're|say they are|"
        "say they're|claiming they are|claim they are|even if they say|even if they claim|"
        # the message judged a phishing one ('这是钓鱼短信'), a warning to watch for such
        "钓鱼短信|钓鱼信息|钓鱼邮件|虚假短信|诈骗信息|watch out for|look out for|"
        # a report on such messages: the fake sites they lead to, 'these texts', what police and
        # reporters found (not '犯罪嫌疑人': fake police say it of you)
        "仿冒网站|假冒网站|虚假网站|山寨网站|仿冒网址|假冒网址|仿冒链接|这些短信|这类短信|这种短信|该类短信|此类信息|"
        "这类电话|这种电话|这些链接|这类链接|记者调查|记者发现|民警介绍|警方介绍|"
        # a debunking: what such callers say judged false, a service said not to exist, the advice to
        # hang up ('任何让你加QQ的都是假的', '学生账户注销？根本没有这回事', '所谓的“安全账户”', '赶紧挂电话')
        "都是假的|均是假的|全是假的|就是假的|一定是假的|都是骗子|一定是骗子|就是骗子|开场白|常见话术|识破|"
        "没有这回事|根本没有这回事|没有这项业务|没有这项服务|没有这种业务|根本不存在|不存在所谓|没有所谓|所谓的|"
        "没有任何正规|没有任何机构|没有任何单位|赶紧挂|挂断就好|马上挂电话|直接挂电话|立即挂电话|"
        "假警察|假民警|假公安|假检察官|假法官|假客服|假快递员|假工作人员|都是骗人的|骗人的把戏|不会这样|不会这么|"
        "更不会|也不会要|不会要你|不会要您|不会发送|不会发短信|不会通过短信|停止操作|无论说什么|无论对方|一句话识别|"
        # 'do not believe strangers' in the words the negation tag would otherwise take ('请勿' + '相信')
        "请勿相信|切勿相信|请勿轻信|切勿轻信|千万不要相信|千万别信|不可轻信|勿轻信|陌生来电"
        # the same advice in other words: the cyber police's reminder, 'hang up on all of them', 'don't
        # believe it', 'the scammer's usual opener'
        "|网警提醒|网警提示|网警说|一律挂断|一律拒绝|千万别轻信|千万不要轻信|别轻信|莫轻信|切莫轻信|不能轻信|"
        "惯用的开场白|惯用话术|惯用伎俩|诈骗话术|诈骗套路|骗子惯用|常用话术"
        # a list of a scam's signs ('Common signs: urgent language, threats that your account will be suspended…')
        "|common signs|signs include|signs to look for|threats that|threatening language|urgent language|"
        "pressure to act|unfamiliar links|links to unfamiliar|spelling mistakes|poor spelling|generic greeting"
    ),
    # marketing: a coupon that expires is not an account in trouble
    "marketing": phrase_list(
        "优惠券|红包|券|抢购|秒杀|折扣|大促|会员日|上新|特价|满减|包邮|直播间|coupon|discount|sale|off your order|off your first|off your next|off orders|off everything|off sitewide|percent off|deal|"
        "offer ends|回馈|活动|福利|优惠|特惠|惊喜|礼包|大礼包|赠送|促销|限量|抢|免费领|免费体验|新品|砍价|免单|"
        "流量包|会员专享|感谢您一直以来|promotion|promo|exclusive offer|limited time"
    ),
    # states that are the hallmark of a fake notice on their own (with the party, an act and a deadline)
    "state_strong": phrase_list(
        # India's e-KYC hallmark; a utility cutting you off; a shop's 'buyer protection' to activate by hand
        "complete your kyc|update your kyc|kyc update|kyc pending|kyc expired|kyc verification|"
        "will get disconnected|scheduled for disconnection|will be cut|will be terminated|will be permanently deleted|"
        "人工激活|无法支付购买|"
        "ready to be claimed|is ready to claim|awaiting your claim|unclaimed refund|medicare card is expiring|"
        "medicare card expires|"
        # a public subsidy 'waiting for you' behind a link: offices pay into your account, they never send links
        "补贴待领取|补助待领取|补贴未领取|补助未领取|补贴尚未领取|补助尚未领取|获得政府|"
        # a card, number or account 'in your name' the reader never opened: the fake-police chain's opener
        "名下有一张|名下有张|名下的一张|名下有一个|名下办理了|名下注册了|名下开通了|"
        "店铺将被关闭|店铺被关闭|账户将被关闭|账号将被关闭|will be closed|will be permanently closed|"
        "诚信保障|will be disconnected|will be shut off|will be cut off|将被停机|被停机|将停机|交易保障|消费者保障|买家无法付款|买家付不了款|买家无法下单|提现申请被驳回|提现被驳回|银行卡信息错误|卡号填写错误|恶意开通|被人开通|被他人开通|冒名开通|被冒用|停止使用|将停止使用|停止服务|pending stimulus|stimulus payment|stimulus check|economic impact payment|cost of living payment|"
        "energy rebate|being replaced|replacement card|new medicare card|you've been selected|you have been selected|"
        "you've won|you have won|you are a winner|you're a winner|you've been chosen|you have been chosen|"
        "has won|have won|won a prize|lucky winner|winning ticket|winning number|prize money|claim your prize|"
        "claim your winnings|"
        "selected as the winner|selected as a winner|chosen as the winner|chosen as a winner|"
        "you won a|you've won a|you won r|you won $|you won £|you won €|you are the winner|you're the winner|"
        "verification required|verification is required|"
        "account verification required|identity verification required|outstanding fine|unpaid fine|"
        "fine has still not been paid|fine has not been paid|fine remains unpaid|"
        # webmail phishing: what no mail service offers ('keep your current password', 'retrieve your messages')
        "keep your current password|keep the same password|keep same password|keep your password|"
        "retain your password|retain your current password|undelivered messages|undelivered emails|"
        "retrieve your messages|retrieve your emails|incoming emails could not be delivered|"
        "incoming messages could not be delivered|emails could not be delivered|re-validated|revalidated|"
        "re-validation|revalidation|upgrading all email accounts|email upgrade|mailbox upgrade|"
        "sign in with your email to view|log in with your email to view|login with your email to view|"
        "enter your email password|verify your email account|validate your email account|"
        # a tax office's refund or debt by text (they write, they do not text), a parcel's duty, files to go
        "due a tax refund|due a tax rebate|tax refund is due|tax rebate is due|eligible for a tax refund|"
        "eligible for a tax rebate|entitled to a tax refund|entitled to a tax rebate|unclaimed tax refund|"
        "tax refund is pending|tax balance|tax debt|back taxes|unpaid tax|unpaid taxes|tax arrears|"
        "outstanding tax|postal fee|postal fees|customs charge|customs charges|clearance fee|"
        "files will be deleted|photos will be deleted|data will be deleted|lose your files|"
        "lose your photos|lose all your files|lose all your photos|account restrictions|account restriction|"
        "mailbox quota|quota exceeded|exceeded your quota|exceeded the quota|increase storage|capacity increase|"
        "upgrade your mailbox|messages pending|pending messages|release message|release your messages|signed you out|"
        "login interruption|validate your mailbox|verify your mailbox|email deactivation|mailbox deactivation|"
        "deactivate your email|邮箱已满|邮箱容量已满|邮箱将被停用|mailbox is full|mailbox has exceeded|"
        "exceeded its storage|exceeded it storage|storage limit|increase the storage|storage capacity|mails pending|"
        "emails pending|stuck emails|re-validate|revalidate|"
        "封号|被封号|将被封号|封禁|被封禁|永久封禁|失效|已失效|将失效|即将失效|冻结|被冻结|将冻结|停用|被停用|已停|暂停使用|关停|被关停|注销|将被注销|作废|"
        "逾期作废|取消资格|取消报销资格|无法报销|限制交易|暂停服务|黑名单|传票|涉嫌|洗钱|盗刷|被盗刷|盗用|被盗用|"
        "未认证|尚未认证|认证已失效|未实名|未实名认证|二次实名|资料缺失|信息不全|未上传|未升级|需升级|需要升级|"
        "自动扣款|自动扣费|自动缴费|扣除|年费|误开通|suspended|suspension|locked|limited|restricted|disabled|"
        "deactivated|blocked|on hold|put on hold|frozen|unusual activity|unusual activities|suspicious activity|"
        "compromised|unpaid|overdue|past due|toll evasion|late fee|late fees|warrant|arrest|lawsuit|"
        "failed a fraud check|will be charged|automatic charge|兑换现金|可兑换现金|现金礼包|兑现|自动划扣|"
        "自动划款|尚未签署|未签署|未签订|尚未开通|未开通保障|店铺保障|订单保障|三大保障|保障协议|清退|kyc mandate|"
        "held a recent payment|held a payment|virus|viruses|malware|hacked|been hacked|infected|is locked|"
        "exposed to risks|自动续约|未缴清|罚锾|逾期将处|lock your|"
        "had to lock|we have locked|we've locked|owed to you|claim ownership|assume ownership|take ownership|"
        "suspend your|terminate your|deactivate your|accounts will be terminated|benefits will be canceled|"
        "benefits will be cancelled|"
        "blocked permanently|account closed|account is under review|被禁用|禁用状态|处于禁用|100%中奖|百分百中奖|"
        "必中奖|collection agency|"
        "sent to collections|send your file|"
        "pending fee|customs duty|customs duties|outstanding toll|outstanding highway|highway bill|toll bill|"
        "customs fee|unpaid fee|redelivery fee|"
        "无法提现|提现失败|资金冻结|货款冻结|款项冻结|尚未启用|金流|违禁品|海关扣留|被扣押|"
        # the same hallmarks in other words: a freeze done to you ('we had to freeze your online banking'),
        # benefits or a service stopped, a parcel seized with drugs in it, a car to be clamped, a mailbox's
        # 'pending' mail held back
        "had to freeze|have frozen|we've frozen|we froze|had to suspend|had to block|had to restrict|"
        "had to disable|had to deactivate|had to close|had to limit|had to hold|will be stopped|"
        "benefits will be stopped|service will be stopped|been seized|has been seized|was seized|were seized|"
        "illegal drugs|contraband|may be clamped|will be clamped|be impounded|emails are pending|"
        "mails are pending|messages are pending|mailbox capacity|increase your mailbox|increase mailbox|"
        "increase your storage"
        # suspicious activities found by the caller
        "|suspicious activities|suspicious transactions"
        "|been terminated|been breached|been blacklisted|been banned|been revoked|been disconnected|been invalidated|"
        "been withheld|been detained|"
        # a utility's cut-off on its way, money owed to you to claim, points turned into cash
        "months behind|behind on your payments|behind on payments|disconnection crew|crew is on the way|"
        "technician is on the way|avoid disconnection|to avoid disconnection|due a refund|owed a refund|"
        "owed a rebate|due a rebate|entitled to a refund|entitled to a rebate|entitled to an energy|"
        "redeem them for cash|redeem for cash|redeem your points for cash|points into cash|points for cash|"
        "convert your points|cash out your points|randomly selected|been randomly chosen|selected to test|"
        "selected to receive|chosen to receive|number won|email won|won a free|placed under review|"
        # money taken without your say, in any of its words ('unauthorized withdrawal detected on your account')
        "unauthorized withdrawal|unauthorised withdrawal|unauthorized charge|unauthorised charge|"
        "unauthorized purchase|unauthorised purchase|unauthorized payment|unauthorised payment|"
        "unauthorized transfer|unauthorised transfer|unauthorized access|unauthorised access|unauthorized login|"
        "unauthorised login|unauthorized activity|unauthorised activity|unauthorized transactions|"
        "unauthorised transactions|"
        # a tax return put in doubt, a toll road used without a pass (not a benefit to repay: the office's
        # own reminders say that, with its own account to pay into)
        "irregularities in your|discrepancies in your|discrepancy in your|without a valid transponder|"
        "without a transponder|without a valid pass|toll violation|toll violations|"
        # a parcel held for something ('DHL: Your shipment is pending. … pay the 2.99 EUR processing fee')
        "shipment is pending|parcel is pending|package is pending|delivery is pending|"
        # an account flagged, to be banned, held ('your account has been flagged for suspicious login', 'we
        # have put a hold on your account')
        "been flagged|suspicious login|suspicious log-in|suspicious sign-in|will be banned|permanently banned|"
        "put a hold on|placed a hold on|a hold on your account"
        # what the fake social-security, medical-insurance, customs and card callers say of your things, in
        # more words: a card 'abnormal' or used in another city, cashed out, your parcel held at customs,
        # your personal data leaked (offices and banks do not announce these by text or call)
        "|社保卡异常|社保卡存在异常|社保卡出现异常|医保卡异常|医保卡存在异常|医保卡出现异常|医保账户异常|社保账户异常|"
        "在外地消费|在异地消费|在外地使用|在异地使用|在外地被使用|在异地被使用|在外地刷卡|在异地刷卡|违规套现|涉嫌套现|恶意套现|"
        "在海关被扣|被海关扣|被海关扣留|被海关查扣|海关查扣|被扣留|被查扣|"
        "个人信息被泄露|个人信息已泄露|信息被泄露|信息已被泄露|资料被泄露|信息遭泄露|"
        # a licence 'about to be revoked': offices revoke by a written decision after a hearing, never by text
        "即将被吊销|将被吊销|将吊销|将予以吊销|吊扣驾照|将吊扣|吊扣|"
        # a toll said to be unpaid, to be paid up through the message (ETC operators debit the card)
        "补缴通行费|补交通行费|通行费未缴|未缴通行费|通行费欠费|欠缴通行费|通行费逾期|"
        # a ticket 'not issued' (the fake airline's and travel agent's opener: a real one refunds by itself)
        "出票失败|出票不成功|未能出票|无法出票|出票异常"
        # a prize said won 'just' now; a crypto wallet out of sync or unvalidated (also account problems)
        "|just won|have just won|has just won|you just won|you've just won|you have just been selected|"
        "not synchronized|not synced|out of sync|synchronize your wallet|synchronise your wallet|sync your wallet|"
        "rectify your wallet|wallet rectification|validate your wallet|wallet validation|verify your wallet|"
        "wallet verification|reconnect your wallet|migrate your wallet|wallet migration"
        # the account's loss as the consequence of not acting ('failure to do so will result in your account being
        # closed')
        "|account being closed|account being suspended|account being locked|account being terminated|"
        "account being deactivated|account being restricted|account being disabled|account being deleted|"
        "account being blocked"
        # money said to be yours, paid once you prove who you are: offices and companies pay into the account
        # they already hold ('The IRS has issued a refund of $1,234. Verify your identity to receive it')
        "|verify your identity to receive|confirm your identity to receive|verify your information to receive|"
        "confirm your information to receive|verify your details to receive|confirm your details to receive|"
        "confirm your bank details to receive|verify your identity to claim|confirm your identity to claim"
        # an office's new card, to be had by confirming the number it already holds ('You are eligible for a new
        # card. Please confirm your Medicare number')
        "|eligible for a new card|eligible for a new medicare card|issuing new cards|issuing new medicare cards"
        # a page or account 'scheduled for deletion' (what a social network's appeal scam says), a council tax
        # rebate owed (councils credit the account they bill)
        "|scheduled for permanent deletion|scheduled for deletion|permanent deletion|permanently deleted|"
        "council tax rebate|council tax refund"
        # a prize or a badge you were 'selected' for ('your number was selected in the … sweepstakes', 'Facebook
        # has selected you for the blue verification badge')
        "|number was selected|number has been selected|email was selected|you were selected|has selected you|"
        "have selected you|selected you for|won the sweepstakes|sweepstakes winner|verification badge|blue badge|"
        "blue tick|verified badge"
        # a hold said in other words ('we have placed a temporary hold on your account because…')
        "|placed a temporary hold|put a temporary hold|temporary hold on your|temporarily placed on hold|"
        "placed a temporary restriction|temporary restriction on your|placed a restriction on|placed a limitation on"
    ),
    # you are shut out of your computer or account: a hallmark of the sender's notice, not of a
    # helpdesk's answer or a hypothetical ('if you can't access your account, …': notice.py)
    "lockout": phrase_list(
        "you cannot access|you can't access|you cant access|you are unable to access|you're unable to access|"
        "you will lose access|you'll lose access|you will no longer have access|you have been locked out|"
        "you've been locked out|you are locked out|you're locked out|您将无法登录|您将无法使用|您已无法登录|您已无法使用"
    ),
    # disruptions real services announce too (a cancelled flight, a failed delivery): a hallmark only
    # with something you are asked to do about it
    "disruption": phrase_list(
        "机械故障|无法起飞|不能起飞|不能准时起飞|航班取消|取消航班|因故取消|派送失败|投递失败|地址不正确|发货已暂停|"
        "final attempt|last attempt|incomplete address|insufficient address"
    ),
    # cautious words: two together make a reminder ('谨防过期' alone is a points notice)
    # someone telling what a scammer said or did (police write-ups, news, victims' reports): reported
    # speech that the scammer, speaking to you, never uses ('短信称其ETC已失效', 'the caller said')
    "narrative": phrase_list(
        "短信称|短信，称|来电称|来电，称|电话称|对方称|对方自称|对方要求|按对方要求|按照对方|按对方|对方让其|对方让她|对方让他|"
        # the scammer's words reported, and the message quoted as an example ('收到这样的短信：“…”')
        "对方说|对方表示|对方告诉她|对方告诉他|对方告诉其|对方声称|信以为真|才发现被骗|意识到被骗|发现上当|据受害人|"
        "这样的短信|这样一条短信|如下短信|内容如下|短信写道|短信写着|"
        "不少市民|许多市民|很多市民|多名市民|有市民|市民反映|网友反映|不少网友|有网友|多位网友|"
        "发现被骗|骗走|被骗走|接到一个自称|接到自称|收到一条自称|the caller said|the caller claimed|"
        "the caller told|the caller asked|claiming to be|claimed to be|pretending to be|posing as|he asked me|"
        "she asked me|they asked me|he told me|she told me|they told me|i was told|"
        # a case told as news: '李先生收到一条短信：“…”，点开链接后被骗', 'case study: the victim got a call from'
        "收到一条短信|收到一条信息|收到一条消息|点开链接后|点击链接后|被骗了|案例回顾|典型案例|真实案例|案情回顾|"
        "the victim|case study|was told to|were told to|received a text saying|received a call from|got a call from|"
        # the scam's line told as what such messages or callers say ('texts that say your toll is unpaid',
        # 'a common trick: the caller says your account was charged')
        "texts that say|messages that say|calls that say|emails that say|e-mails that say|texts that claim|"
        "messages that claim|calls that claim|emails that claim|the caller says|the caller will say|callers say|"
        "the caller may say|the scammer says|the scammer will|scammers say|the fraudster says|fraudsters say|"
        "a common trick|common trick|a common tactic|common ploy|"
        # messages reported as received by others or by the writer ('customers have received emails saying…',
        # 'I got a message saying…', 'a text says your parcel…')
        "texts claiming|messages claiming|emails claiming|calls claiming|texts that claim|a text saying|"
        "a message saying|an email saying|an e-mail saying|a call saying|texts saying|messages saying|emails saying|"
        "calls saying|a text says|a message says|an email says|receiving texts|receiving messages|receiving emails|"
        "receiving calls|received texts|received messages|received emails|received calls|customers have received|"
        "people have received|may have received|warning customers|warning people|warning residents|"
        "warning the public|"
        "i got a message|i got a text|i got an email|i got a call|got a text saying|got a message saying|"
        "writing to warn|we're seeing|we are seeing|we've seen|we have seen"
        # a victim or a witness retelling the call in the first person ('那个人说我的医保卡在外地被人用了，
        # 要我把钱转到安全账户'), or the message shown as one to watch for ('看到这样的信息')
        "|那个人说|那人说|那个人让我|那人让我|那个人要我|对方让我|对方要我|他让我把|她让我把|要我把钱|让我把钱|"
        "骗子让我|骗子要我|这样的信息|这样的消息|这样的电话|这样的来电|这类信息|这种信息|这种消息|此类消息"
        # the tech-support pop-up described ('if you get a pop-up that says your computer is infected…')
        "|pop-up that says|pop-ups that say|popup that says|popups that say|a pop-up saying|pop-ups saying|"
        "popup saying|pop-up says|popup says|a window that says|an alert that says|alerts that say|"
        "a warning that says|warnings that say|a message pops up|a window pops up"
        # reports of such messages received, and the fake sites named as examples ('we've had reports of
        # emails from … saying your account is limited', 'fake websites like … are being used to steal…')
        "|had reports of|reports of emails|reports of texts|reports of calls|reports of messages|fake websites like|"
        "fake sites like|fake website like|fake site like|websites such as|sites such as|being used to steal|"
        "designed to steal|set up to steal"
    ),
    "advisory_weak": phrase_list(
        "谨防|警惕|提防|当心|切勿|不要点击|一律|凡是|如遇|一旦|警方提醒|陷阱|提高警惕|保持警惕|防范|正规渠道|谨慎|avoid|"
        "如有人|若有人|如果有人|如遇有人|"
        "如果接到|如接到|若接到|如果收到|如收到|若收到|如果您收到|如您收到|若您收到|如果你收到|if you receive|if you get a call|"
        "if someone calls|do not call it|don't call it|do not call them|don't call them|do not call back|don't call back|"
        "if anyone calls|温馨提示|切记|牢记|请注意|be careful|remember|任何机构|任何单位|无权|妄图|消费者权益保护|"
        "消保委|消协|风险提示|无须|无需进行|不需要提供|"
        # advice phrased as a rule for any such message: '任何要求…的讯息都应立即停止并向官方查证',
        # '当接到…的电话时，一定要通过…多方渠道核实'
        "任何要求|应立即停止|立即停止|查证|当接到|当您接到|当你接到|当收到|当您收到|一定要通过|多方渠道|渠道核实|"
        # the scammer spoken of in the third person: 'do not go to any website they ask you to visit,
        # never provide them with remote access' (a script speaks to you in the first person)
        "they ask you to|they may ask|they might ask|they may claim|they might claim|they may say|they might say|"
        "provide them with remote|give them remote|provide them with access|give them access|"
        "under any circumstances|"
        # a rule for such services, which a script has no reason to state ('退款只能在官方平台申请')
        "从来没有|只能在官方|只能通过官方|走官方渠道|官方渠道申请|官方平台申请|记住|只要对方|对方让你|对方让您"
    ),
    # a call handed to 'an operator': a channel the message does not name (with a state it is a script)
    # cues that only let a pattern rule run (a dict lookup instead of scanning the text): the words of a
    # receipt, a freeze, a protection not opened, a callback, a fraud team
    "paperwork": phrase_list("receipt|order confirmation"),
    "remedy": phrase_list("冻结|挂失|锁定|lock|freeze"),
    "protection_cue": phrase_list("保障|协议|保证金|担保|金流"),
    "callback_cue": phrase_list("back|回电|回拨"),  # not 'call us back': that would hide the 'call' in it
    "fraud_cue": phrase_list("fraud|security"),
    "operator_transfer": phrase_list(
        "转人工|转接人工|转人工服务|转人工核查|自动转接|transferred to an agent|speak to an agent"
    ),
}
