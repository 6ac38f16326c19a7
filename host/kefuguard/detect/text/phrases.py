"""Phrases that mark the moves of a fake-customer-service script, by tag.

Written from public anti-fraud material (police and platform warnings about 冒充客服 scams: refund
and lost-parcel claims, "student account" and 百万保障 cancellations, safe accounts, screen sharing,
moving to QQ/WeChat) and their English counterparts (refund/tech-support scams, delivery smishing).
Never from the evaluation data.

Phrases are folded like the text (text_normalize): traditional characters, full width and case
need no entries of their own; spaced-out forms ('加 微 信') match through gaps. Evasions
(V信, 薇信, 扣扣, 企鹅) and pinyin ('tui kuan', 'ke fu') are entries. Each tag is one ingredient;
tactics.py decides what a combination of ingredients means.
"""

from __future__ import annotations


def phrase_list(phrases: str) -> tuple[str, ...]:
    """'a|b|c' -> ('a', 'b', 'c'): the one way word tables are written here."""
    return tuple(p.strip() for p in phrases.split("|") if p.strip())


PHRASES: dict[str, tuple[str, ...]] = {
    # --- who is speaking ---------------------------------------------------------------------
    "self_claim": phrase_list(
        "我是|我们是|我这边是|我这里是|这里是|这边是|本人是|我们这边是|我们这里是|我是来自|我们来自|我司|"
        "致电您的是|this is|i am|i'm|we are|we're|calling from|on behalf of|i work for|we work for|my name is"
        # a recorded call or a message presenting itself ('this call is from U.S. Customs and Border Protection')
        "|this call is from|this message is from|this is a call from|this is an automated call from|"
        "this is an automated message from|this is a message from|this is a recorded message from"
        # a sender presenting itself as someone's agent ('Hi, I represent Coinbase')
        "|i represent|we represent|i am representing|i'm representing"
    ),
    "cs_role": phrase_list(
        "客服|客服人员|客服专员|客服代表|客服经理|客服主管|人工客服|售后|售后专员|售后客服|售后人员|售后部|"
        "工作人员|专员|理赔专员|理赔员|理赔部|理赔中心|风控部|风控中心|风控专员|客服中心|服务中心|运营中心|"
        "快递员|物流客服|审核部|审核部门|财务部|结算中心|金融部|信贷部|回访人员|回访专员|信贷专员|客户经理|业务员|警官|财务人员|服务人员|"
        "customer service|customer support|customer care|support team|support agent|service team|help desk|"
        "helpdesk|fraud department|fraud team|security team|account team|billing department|refund department|"
        "technical support|tech support|representative|support|ke fu|kefu"
    ),
    # organisations: a claim only right after 'I am / we are' ('我是银行的', 'this is the bank')
    "org_word": phrase_list(
        "官方|平台|平台方|银行|公司|快递|物流|快递公司|物流公司|商家|卖家|店铺|商城|金融|贷款公司|保险公司|证券|公安局|派出所|"
        "民警|警察|检察院|法院|疾控中心|医保局|社保局|银监会|银保监会|金融监管局|人民银行|央行|税务局|海关|"
        "市场监管局|通信管理局|社保中心|医保中心|人社局|公积金中心|街道办|居委会|村委会|民政局|卫健委|教育局|交警大队|车管所|"
        "市场监督管理局|the bank|your bank|the company"
    ),
    # an organisation telling you what it 'found' about your account or parcel, without saying who it is
    "notice": phrase_list(
        "我们发现您|我发现您|我发现你|我们注意到您|我注意到您|我们了解到您|我们检测到|系统检测到|系统显示您|监测到您|我们发现你|系统监测到|"
        # the same first contact in English: 'we have detected…', 'there's an order for an iPhone on your account'
        "we noticed that your|we have noticed that your|we've noticed that your|we have detected|we've detected|"
        "we detected|our system detected|our systems detected|our records show|we found that your|we noticed a|"
        "we have noticed a|we've noticed a|we noticed an|we noticed unusual|we noticed suspicious|"
        "there's an order|there is an order|there's a charge|there is a charge|there's a purchase|"
        "there is a purchase|an order has been placed|an order was placed|a purchase was made|"
        "did you place this order|did you place an order|did you make this purchase|did you authorize this"
        # a call opening on a problem of yours ('we are calling about a suspicious purchase on your account')
        "|calling about a suspicious|calling about suspicious|calling about an unauthorized|calling about unauthorized|"
        "calling about an unusual|calling about unusual|calling about a fraudulent|calling about fraudulent|"
        "calling regarding a suspicious|calling regarding suspicious|calling regarding an unauthorized|"
        "calling regarding unauthorized|calling regarding an unusual|calling to inform you that your|"
        "calling to let you know that your|calling to notify you that your"
    ),
    "role_claim": phrase_list(
        "官方客服|平台客服|理赔专员|客服专员|退款专员|售后专员|风控专员|平台工作人员|官方工作人员|理赔中心|"
        "退款中心|风控中心|官方售后|customer service representative|fraud department|refund department|"
        "billing department|security department|refund team|"
        # an office or a bank in the caller's own voice ('我们医保局电脑上显示…'): a call script's
        # line; genuine notices name themselves in a sender frame ('【某市医保局】')
        "我们医保局|我们社保局|我们人社局|我们法院|我们公安局|我们派出所|我们检察院|我们税务局|我们海关|我们银行|"
        "我们邮政局|我们邮局|我们电信|我们移动|我们联通|我们航空公司|我们这边医保局|我们这边银行"
    ),
    "referral": phrase_list(
        "联系|致电|拨打|咨询|详询|请询|询问|垂询|热线|请打|回电|联络|关注|通过|进入|登录|打开|搜索|"
        "contact|call|visit|reach|through|via|open|dm us|message us"
    ),
    "neg": phrase_list(
        "无法|不支持|暂不支持|不要|请勿|切勿|勿|不得|不能|不可|不应|禁止|严禁|千万别|千万不要|别告诉|别给|别把|别透露|别泄露|不会|绝不|"
        "决不|从不|从来不|不存在|没有|并无|谨防|警惕|提防|防止|以免|避免|谨慎|不索要|不会索要|不用|无需|无须|"
        "never|not|don't|dont|do not|won't|will not|no one|nobody|beware|avoid|no|"
        # 'no need to give a code': what a genuine refund does not ask ('不需要您提供验证码')
        "不需要|不需|不必"
    ),
    # --- what is asked for --------------------------------------------------------------------
    "ask": phrase_list(
        "告诉|告知|提供|发给|发送给|发我|发一下|发过来|发送过来|报一下|报给|念一下|念给|读一下|读给|说一下|"
        "给我|给我们|回传|截图|拍照|拍一下|上传|索要|报出|提交|转发给|send|tell|share|give|provide|read|"
        "read out|what is your|what's your|need your|ask for|asks for|submit|upload|forward|重新绑定|重新绑卡|"
        "re-link|relink|rebind|填一下|填写一下|填上|填好|填入|reply with|text us your|text back your"
        # logging in with what the sender asks for ('login with your email credentials to view it')
        "|login with|log in with|sign in with|log in using|sign in using|login using"
        # the ask in other words: 'reply to this message with your card number', 'read it back to me'
        "|reply to this message with|reply to this text with|reply to this email with|reply back with|"
        "respond with|text back with|read it back|read it to me|read them back|read them to me|read back|"
        "i need the|we need the|i will need the|i'll need the|replying with|by replying with|by sending your|"
        "by sending us your"
    ),
    "ask_weak": phrase_list("输入|填写|核对|核实|回复|确认|enter|type|confirm|verify|update|re-enter"),
    "money_object": phrase_list("钱|资金|款项|款|账户|帐户|卡|余额|金额|元|money|funds|account"),
    "cred_strong": phrase_list(
        "验证码|校验码|动态码|动态密码|一次性密码|短信密码|短信动态密码|短信码|短信验证码|手机验证码|支付密码|取款密码|交易密码|银行卡密码|"
        "登录密码|网银密码|查询密码|卡号|银行卡号|银行卡信息|信用卡号|卡背面|卡片背面|安全码|cvv|cvv2|cvc|cvc2|背面三位|背面3位|"
        "身份证号|身份证号码|身份证正反面|身份证照片|证件照|手持身份证|付款码|u盾|卡密|yan zheng ma|yzm|"
        "verification code|one-time code|one time code|one-time password|otp|security code|pin code|pin number|"
        "card number|card numbers|credit card number|debit card number|social security number|ssn|bank details|"
        "direct debit details|debit details|banking details|bank account details|medicare number|"
        "national insurance number|social insurance number|tax file number|医保卡号|社保卡号|"
        "online banking password|login details|login credentials|sign-in code|2fa code|authentication code|"
        # a mailbox's or a network's own password, and 'credentials' said as such
        "email credentials|e-mail credentials|email password|e-mail password|webmail password|mailbox password|"
        "network password|network credentials|email login details|your credentials|"
        "passcode|mi ma|收到的短信|短信截图|短信内容|"
        # the code the service just sent to the reader's phone: what only a scammer asks to hear
        "code we sent|code we just sent|code we texted|code we just texted|code we've sent|code we have sent|"
        "code you received|code you just received|code you got|code you just got|code sent to your phone|"
        "code sent to you|code that was sent|code texted to you|code on your phone|"
        # online-banking log-ins, as Taiwan and Hong Kong name them too ('網路銀行帳號')
        "网路银行帐号|网路银行账号|网路银行密码|网上银行账号|网上银行帐号|网银账号|网银帐号|网银登录名"
        # a crypto wallet's keys: whoever has them empties the wallet
        "|recovery phrase|seed phrase|secret phrase|secret recovery phrase|mnemonic phrase|wallet phrase|"
        "12-word phrase|12 word phrase|24-word phrase|24 word phrase|private key|private keys|wallet keys"
        # a code by its length: what a caller reading out a service's code calls it ('the 6 digit code')
        "|digit code|digit pin|digit passcode|6-digit code|6 digit code|six-digit code|six digit code|"
        "4-digit code|4 digit code|8-digit code|8 digit code"
        # the card's numbers by what a caller calls them, and the code the caller is about to trigger
        "|long number on your card|long number on the card|long card number|16-digit number|16 digit number|"
        "full card number|three digits on the back|3 digits on the back|digits on the back of your card|"
        "mother's maiden name|memorable word|memorable information|send you a code|sending you a code|"
        "text you a code|texting you a code|code to cancel|code to stop the|code to reverse|code to block|"
        "code to secure your"
    ),
    "cred_weak": phrase_list(
        "支付宝账号|支付宝账户|微信账号|收款账号|银行账号|收款码|密码|password|passwords|账号密码|个人信息|账户信息|银行卡|银行账户|网银|余额|code|codes|验证信息|身份证|pin|"
        "payment details|payment information|billing information|billing details|card details|personal information|"
        "personal info|account details|banking details|date of birth|birth date|full name and date of birth|"
        "name and date of birth|full name, date of birth|mother's maiden name|maiden name|"
        "online banking password|login details|login credentials|sign-in details"
    ),
    # --- pretexts ------------------------------------------------------------------------------
    "refund": phrase_list(
        "退款|退钱|退费|退还|返还|赔偿|补偿|赔付|理赔|回款|赔款|清退|退票|改签|给您打款|为您打款|给您汇款|为您汇款|"
        "给您转账|为您转账|向您转账|refund|reimburse|reimbursement|compensation|"
        "compensate|refunds|refunded|refunding|tui kuan|li pei|pei chang|"
        # refund states of notice scripts (notice_words.py 'state' holds them too: one phrase, both tags)
        "entitled to a refund|refund has been approved|refund is pending|refund pending|pending refund"
    ),
    "refund_hallmark": phrase_list(
        "双倍赔偿|双倍退款|双倍赔付|三倍赔偿|三倍赔付|两倍赔偿|十倍赔偿|理赔金|赔偿金|赔付金|补偿金|退款金|"
        "double refund|double compensation|unclaimed refund|refund is ready|eligible for a refund|"
        "eligible to receive a tax refund|eligible to receive tax refund|eligible to receive a refund|"
        "eligible to receive your refund|submit the tax refund request|claim your tax refund|"
        # a refund you must 'validate' or 'confirm' through a link: real refunds go back by themselves
        "refund validation|validate your refund|confirm your refund|authenticate your refund|refund confirmation|"
        "refund payment link|refund link|your refund through|refund available until|"
        # a delayed or cancelled flight: money offered, or a fee to rebook (airlines rebook for free)
        "延误补偿|延误赔偿|延误理赔|延误补偿金|改签补偿|改签费|改签手续费|改签费用|退改签费用|"
        # the overpaid refund: 'I sent you $2,999 by mistake instead of $299, send back the difference'
        "by mistake instead of|sent you too much|refunded too much|accidentally refunded|accidentally sent|"
        "extra zero|return the difference|send back the difference|refund the difference|多退了|多转了|转错了|多打了|"
        # money 'sent to you by mistake', to be sent back: the transfer never arrived, the victim's own does
        "mistakenly sent|sent by mistake|wrongly sent|sent wrongly|transferred by mistake|mistakenly transferred|"
        "转错账|打错钱|转错钱|误转"
        # compensation at a multiple of the price, in more words ('理赔金额是商品价格的两倍')
        "|两倍赔付|两倍理赔|三倍理赔|双倍理赔|两倍退款|三倍退款|两倍的赔偿|三倍的赔偿|双倍的赔偿|价格的两倍|价格的三倍|"
        "价格的双倍|价格两倍|价格三倍|原价两倍|原价三倍|按两倍|按三倍|按双倍|三倍赔|双倍赔|两倍赔"
        # the fake cheque: deposit it, keep your part, send the rest on ('you will receive a check for $2,000;
        # deposit it and send $1,500 back')
        "|deposit it and send|deposit the check and send|deposit the cheque and send|cash the check and send|"
        "cash the cheque and send|cash it and send|keep your share and send|keep your pay and send|send the rest to|"
        "send the remainder to|send the balance back|overpaid you"
    ),
    "problem": phrase_list(
        "丢失|丢件|遗失|破损|损坏|质量问题|召回|不合格|甲醛超标|超标|致癌|下架|过敏|退款失败|无法退款|"
        "退款未成功|company is closing|going out of business|shutting down our services|closing down|重复扣款|重复扣费|多扣|扣费错误|误开通|错误开通|自动开通|操作失误|工作失误|系统错误|系统故障|"
        "系统漏洞|系统出现故障|系统出现问题|系统出现异常|系统异常|系统出错|出现问题|出现了问题|存在问题|出了问题|误操作|操作错误|质量有问题|有质量问题|有害物|误将|误升级|"
        "错误地|错误注册|不小心|失误|订单异常|订单出现异常|订单卡单|卡单|掉单|漏单|交易失败|支付失败|付款失败|"
        "下单失败|订单失效|订单无效|订单没有成功|交易未成功|订单被冻结|订单被锁定|缺货|库存不足|快递丢失|包裹丢失|"
        "快件丢失|弄丢|快递破损|包裹破损|运输途中损坏|有毒|发霉|变质|三无产品|不达标|检测不合格|质检不合格|"
        "丢了|搞丢|找不到了|损坏了|破损了|压坏|摔坏|磕坏|抽检不合格|甲醛|荧光剂|重金属超标|细菌超标|有害物质|"
        "违规添加|重复下单|重复订购|误设|设定错误|误设为|错误设定|批发商|经销商|升级为vip|误升级为|"
        "机械故障|航班取消|航班延误|无法起飞|不能起飞|"
        "lost parcel|lost package|lost in transit|damaged|recall|overcharged|charged twice|duplicate charge|"
        "refund failed|payment declined|order failed|order could not be processed|out of stock|defective|faulty|"
        "was lost|were lost|has been lost"
    ),
    "cancel_verb": phrase_list(
        "注销|关闭|取消|解除|撤销|停止|清除|解绑|cancel|close|deactivate|unsubscribe|turn off|stop"
    ),
    "cancel_hallmark": phrase_list(
        "学生账户|学生账号|学生贷|校园贷|学生身份|学籍|在校期间|大学期间|百万保障|百万医疗|百万保险|百万医疗险|"
        "利率太高|利率过高|调低利率|降低利率|下调利率|帮你调低|帮您调低|误设为|误设成|被设定成|设定成批发商|解除分期|解除分期付款|取消分期付款|分期付款设定|"
        "借贷账户|贷款账户|网贷账户|金融账户|代理商|代理身份|代理权限|商家代理|代理关系|代理合同|代理角色|代购名单|"
        "student loan account|student account|student loan|campus loan|loan account opened"
    ),
    "cancel_target": phrase_list(
        "会员|自动续费|自动扣费|续费|包月|订阅|扣费|扣款|每月扣|保险|白条|金条|花呗|借呗|微粒贷|分期|账户|账号|该服务|此服务|"
        "这项服务|业务|代理|分期付款|分期设定|批发商|经销商|vip|免密支付|代扣|代扣协议|扣费服务|直播会员|月付|分付|信用付|"
        "先用后付|放心借|备用金|"
        "membership|"
        "subscription|auto-renewal|auto renewal|renewal"
    ),
    "credit_threat": phrase_list(
        "影响征信|影响您的征信|影响个人征信|征信受损|征信污点|征信记录|上征信|征信黑名单|纳入征信|列入征信|信用记录|"
        "个人信用|信用受损|信用污点|不良记录|征信不良|"
        "affect your credit|credit score|credit report|credit record|credit history|credit will be affected|"
        "credit rating"
    ),
    "account_problem": phrase_list(
        "账户异常|账号异常|资金异常|交易异常|异常交易|支付异常|付款异常|收款异常|绑卡异常|存在异常|出现异常|"
        "异常情况|状态异常|被冻结|冻结|违规|涉嫌|been flagged|flagged for|suspicious transactions|suspicious transaction|"
        "洗钱|封号|封禁|限制使用|被限制|受限|风险账户|存在风险|被盗|盗刷|异地登录|异常登录|停用|暂停使用|"
        "信息不完整|认证失败|信息异常|订单异常|额度异常|额度存在异常|服务异常|实名不符|实名信息不全|实名信息不完整|未实名|实名异常|"
        "实名认证未通过|降速|限速|"
        "account locked|account suspended|account has been locked|"
        "account has been suspended|"
        "account is locked|account will be|suspended|locked|unusual activity|suspicious activity|unusual sign-in|"
        "unauthorized|compromised|restricted|disabled|frozen|verify your account|verify your identity|"
        "confirm your identity|update your details|update your information|update your payment|billing problem|"
        "payment failed|payment declined|payment was declined|was declined|has been declined|were declined|"
        "card declined|transaction declined|could not be processed|couldn't be processed|failed to process|subscription has expired|membership has expired|"
        "has expired|payment issue|billing issue|problem billing|trouble with your|could not process your payment|"
        "unable to process your payment|payment unsuccessful|placed on hold|temporarily locked|temporary locked|"
        "deactivated|suspicious transaction|suspicious activities|suspicious login|unusual transaction|login from|"
        "log-in from|sign-in from|signin from|logged in from|signed in from|login attempt|sign-in attempt|"
        "signin attempt|log-in attempt|login attempts|sign-in attempts"
        # the account shut, said by what you are told to do about it ('to unlock your account, click here')
        "|unlock your account|restore your account|reactivate your account|restore access|restore your access|regain access|"
        "unlock your card|reactivate your card|unblock your account|unblock your card|unfreeze your account|"
        "remove the restriction|remove the limitation|lift the restriction|lift the limitation"
        # a crypto wallet said to be out of sync or unvalidated, to be fixed at a link (also hallmark states)
        "|not synchronized|not synced|out of sync|synchronize your wallet|synchronise your wallet|sync your wallet|"
        "rectify your wallet|wallet rectification|validate your wallet|wallet validation|verify your wallet|"
        "wallet verification|reconnect your wallet|migrate your wallet|wallet migration"
        # the account's loss as the consequence (also threats and hallmark states: both tags)
        "|or your account will be|or your account may be|account being closed|account being suspended|"
        "account being locked|account being terminated|account being deactivated|account being restricted|"
        "account being disabled|account being deleted|account being blocked"
        # a payment that failed in other words ('we were unable to process your last payment')
        "|unable to process your last payment|unable to process your recent payment|"
        "could not process your last payment|couldn't process your last payment|were unable to process|"
        "was unable to process|unable to charge your|"
        "could not charge your|couldn't charge your|unable to bill your|payment didn't go through|"
        "payment did not go through|payment could not be completed|payment was unsuccessful|"
        # money said to be yours, paid once you prove who you are (also hallmark states: both tags)
        "verify your identity to receive|confirm your identity to receive|verify your information to receive|"
        "confirm your information to receive|verify your details to receive|confirm your details to receive|"
        "confirm your bank details to receive|verify your identity to claim|confirm your identity to claim"
    ),
    "delivery_problem": phrase_list(
        "地址不完整|地址不完全|无法配送|无法送达|无法送件|配送异常|派送异常|投递异常|派送失败|无法派送|配送失败|投递失败|地址不详|地址有误|地址错误|地址不全|包裹异常|快件异常|滞留|"
        "海关扣留|扣关|被扣押|已被扣押|已扣押|海关扣押|无法投递|could not be delivered|cannot be delivered|can't be delivered|undeliverable|"
        "unable to be delivered|cannot deliver|could not deliver|delivery failed|failed delivery|unable to deliver|"
        "wrong address|invalid address|incorrect address|unavailable address|address is not|address information|"
        "update the address|update your address|confirm your address|reconfirm your address|correct address|"
        "returned to sender|temporarily returned|returned to our warehouse|returned to the warehouse|"
        "returned to our depot|held at our depot|held at the depot|unpaid shipping|"
        "delivery attempt|address incomplete|incomplete address|package is on hold|on hold|redelivery|"
        "reschedule delivery|customs fee|held at|missed delivery|we missed you|sorry we missed you|delivery was missed|"
        "tried to deliver|couldn't deliver|couldnt deliver|couldn't make the delivery|could not make the delivery|"
        "couldnt make the delivery|missing address|mismatching address|wrong forwarding address|wrong address|"
        "address format is incorrect|address could not be verified|being returned to the sender|"
        "returned to the sender|delivery has been stopped|delivery has been paused|has not been delivered|"
        "not been delivered|pending an update|missing street|misinformation|cannot be approved for delivery|"
        "customs charge|customs fees|redelivery fee|unable to deliver|delivery failure|delivery exception|"
        # a parcel waiting on something only you can do, or a courier struggling to bring it
        "is waiting for you to|waiting for you to confirm|waiting for your confirmation|awaiting your confirmation|"
        "hard time delivering|trouble delivering|trying to deliver your|is not detailed|needs to be updated|"
        "need to be corrected|needs to be corrected|waiting your reschedule|parcel is held|package is held|"
        "shipment is held|is being held|has been held|parcel held|package held|shipment held"
    ),
    # --- money -----------------------------------------------------------------------------------
    "safe_account": phrase_list(
        "安全账户|安全账号|监管账户|国家账户|国库账户|清查账户|核查账户|资金清查|资金核查|清查资金|保护账户|"
        "safe account|secure account|safety account|protected account"
        # the same in a crypto wallet's or a caller's words ('move your funds to this secure wallet', 'a new
        # account we have set up for you')
        "|safe wallet|secure wallet|safety wallet|protected wallet|new wallet we|wallet we have set up|"
        "account we have set up for you|account we've set up for you|account we set up for you|"
        "account set up for you|account in your name we|move your funds to|move your money to|move your savings to|"
        "transfer your savings to|transfer your funds to a|to protect your money|to keep your money safe|"
        "to keep your funds safe|to protect your funds|to protect your savings|"
        "money is not safe in your account|money is not safe in the bank|money is not safe in your bank|"
        "funds are not safe in your account|your account is no longer safe|account is not safe anymore"
    ),
    "transfer": phrase_list(
        "转账|汇款|打款|打钱|转钱|汇到|指定账户|指定的账户|指定账号|指定的账号|我指定的|对公账户|个人账户|收款账户|手机银行|网银转账|"
        "zhuan zhang|wire|wire transfer|transfer|transfers|transferred|send money|zelle|western union|"
        "moneygram"
    ),
    # 'move to': money only when money is named next to it ('转到这张卡', not '转到专员')
    "transfer_to": phrase_list("转入|转到|转给|转至|转过去|转移到|transfer to|send it to"),
    "pay": phrase_list(
        "付款|支付|充值|缴纳|交纳|存入|转出|pay|paying|payment|payments|venmo|cash app|bitcoin|btc|usdt|crypto|"
        "cover the|settle the|settle this amount"
    ),
    "fee": phrase_list(
        "保证金|手续费|押金|服务费|税费|个税|所得税|个人所得税|会员费|开通费|保险费|提现费|processing fee|small fee|"
        "shipping fee|redelivery fee|clearance fee|deposit|fee|fees|"
        # what the fee is called when money is to be received ('upgrade your account to business by paying')
        # (not 'activation fee', 'unlock fee': their first word is the fee's reason, which a longer phrase would hide)
        "upgrade fee|transfer fee|insurance fee|"
        "business account upgrade|upgrade to a business account|upgrade your account to business"
        # what a tech-support caller sells ('you need to buy our security software for $299 to protect your computer')
        "|security software|antivirus software|lifetime protection|lifetime support|protection plan|support plan|"
        "firewall protection|network security|technician fee|service charge for the technician"
        # a parcel's fee in the other words of courier scripts ('pay the outstanding shipping cost')
        "|shipping cost|shipping costs|shipping charge|shipping charges|handling charge|handling fee|"
        "delivery charge|delivery charges|postage fee|postage due|outstanding postage|redelivery charge|"
        "re-delivery fee|import fee|import fees|duty fee|storage charge|"
        # a prize's 'taxes' ('you have won a free cruise, you just need to pay the port taxes')
        "port taxes|port fees|port charges|taxes on your prize|tax on your prize|taxes on the prize|"
        "taxes on your winnings|tax on your winnings"
    ),
    "fee_hallmark": phrase_list(
        "刷流水|走流水|走个流水|做流水|流水验证|验证流水|流水不足|流水未达标|流水不达标|补足信誉分|补信誉分|"
        "一笔流水|做一笔流水|刷一笔流水|充值完成任务|做任务解冻|做任务才能解冻|"
        # the task platform's 'system jam': more (paid) orders before anything comes back
        "再做三单|再做两单|再做一单|再做几单|再做一组|再完成三单|连做三单|继续做单|做单才能|"
        "验证资金|资金验证|证明还款能力|还款能力|解冻金|解冻费|激活费|验证金|认证费|工本费|信誉金|通道费|"
        "release fee|unlock fee|unfreeze fee|unfreezing fee"
        # a withdrawal 'activated' by a payment first ('Send 0.01 BTC to activate the withdrawal')
        "|to activate the withdrawal|to activate your withdrawal|to activate withdrawal|to unlock the withdrawal|"
        "to unlock your withdrawal|to enable withdrawal|to enable your withdrawal|withdrawal fee|activation deposit"
    ),
    "fee_reason": phrase_list(
        "到账|提现|放款|解冻|解封|解除限制|解除|释放|激活|提额|提升额度|额度提升|提高额度|release|unlock|unfreeze|redeliver|withdraw|activation|"
        # what the fee is said to buy in any family: your account back, a benefit or a prize paid out
        "恢复|恢复使用|恢复正常|补贴|补助|补助金|津贴|赔偿金|理赔款|赔付款|收到货款|收到款项|收到钱|"
        "activate|raise your limit|increase your limit|limit can be raised|limit increase|改签|退票|rebook|rebooking|"
        "to receive it|to receive the funds|to receive your funds|to receive the grant|to receive your grant|"
        "to receive the money|to receive your prize|release the funds|release your funds|"
        # money you are told is yours, waiting on a payment first ('to accept the payment, … by paying $100')
        "to accept the payment|to accept this payment|to receive the payment|to receive this payment|"
        "to receive your money|to get your money"
        # a prize or winnings paid out once a fee is paid ('to claim your winnings, pay the processing fee')
        "|claim your winnings|claim your prize|to claim your prize|to claim your winnings|to collect your prize|"
        "to collect your winnings|to receive your winnings|release your winnings|release your prize|"
        "to claim your reward|to receive your reward|to claim your gift|to receive your gift"
        # ... and what the caller's software is said to do for you
        "|to protect your computer|protect your computer|of your computer|to fix your computer|fix your computer|"
        "to clean your computer|clean your computer|to remove the virus|remove the virus|to remove the viruses|"
        "remove the viruses|to remove the hackers|remove the hackers|to secure your computer|secure your computer"
        # ... and what a parcel's fee is said to buy ('a small fee is required for redelivery')
        "|redelivery|re-delivery|for delivery|to deliver your|to arrange delivery|arrange delivery|for dispatch|"
        "to dispatch|release your parcel|release your package|release the parcel|release the package|"
        "receive your parcel|receive your package|receive your item|receive your shipment|release your shipment|"
        "free cruise|free trip|free vacation|free holiday|your prize|the prize|your winnings"
        # (also account problems: the longest phrase wins a span, so these need both tags)
        "|unlock your account|unlock your card|unfreeze your account|unblock your account|unblock your card|"
        "reactivate your account|reactivate your card|restore your account|restore access|restore your access"
        # a withdrawal refused, as the fake platform words it (state words too: both tags) ('提现失败，需要缴纳保证金')
        "|提现失败|无法提现|提现被驳回|提现申请被驳回|出款失败|放款失败"
    ),
    "gift_card": phrase_list(
        "礼品卡|购物卡|游戏点卡|gift card|gift cards|itunes card|apple card|steam card|google play card|amazon card|"
        "itunes cards|apple cards|steam cards|google play cards|amazon cards|ebay cards|target cards|visa gift|"
        "prepaid card|prepaid cards|prepaid debit card|prepaid debit cards|green dot|moneypak|vanilla card|reload card"
        # the card's code read out: 'scratch the back of the card and read me the numbers'
        "|scratch the back|scratch off the|scratch the silver|claim code|claim codes|redemption code|redemption codes"
    ),
    # the way a genuine agent sends you: back to the platform's own order page or app
    "on_platform": phrase_list(
        "订单页面|订单详情页|订单详情|在app内|app内|平台内|在线申请售后|申请售后|官方app内|in the app|"
        "in your orders|your orders page|order details page"
    ),
    # what the caller tells you to do with gift cards: buy them ('please purchase Apple gift cards')
    "buy_verb": phrase_list("buy|purchase|pick up|get some|购买|去买|买几张|充值"),
    "loan": phrase_list(
        "借呗|微粒贷|金条|白条|网商贷|借条|度小满|有钱花|分期乐|美团借钱|备用金|网贷|贷款平台|贷款软件|"
        "借贷平台|借款平台|额度|信用额度|loan|cash advance"
    ),
    "borrow": phrase_list(
        "借出来|贷出来|借出|套出|取出|申请借款|借一笔|开通额度|提升额度|把额度|借钱|贷款出来|borrow|"
        "take out a loan|apply for a loan"
    ),
    "qr": phrase_list("二维码|扫码|扫一扫|收款码|qr code|qr|scan the code|scan this"),
    # --- remote control ----------------------------------------------------------------------------
    "remote_strong": phrase_list(
        "屏幕共享|共享屏幕|开启共享|共享桌面|屏幕分享|分享屏幕|远程控制|远程桌面|乐播投屏|同屏|todesk|teamviewer|"
        "anydesk|螢幕共享|share your screen|screen share|screen sharing|"
        "share screen|remote access|remote control|remote desktop|quick assist|quicksupport|ultraviewer|"
        "rustdesk|logmein|splashtop|"
        # the keys and tools a caller opens a stranger's computer with ('press the Windows key and R')
        "windows key|control key|ctrl key|event viewer|eventvwr|run box|open the run|windows key and r|"
        "windows key plus r|win+r|windows+r|key that says control|key that says ctrl|key with the windows|"
        # a stranger asking into your computer, and the tools callers name
        "need to connect to your|need to access your|let me connect to your|let me access your|"
        "give me access to your|allow me to connect|allow me to access|grant me access|remote into your|"
        "control of your computer|ammyy|aeroadmin|supremo|screenconnect|connectwise|bomgar|"
        "gotoassist|zoho assist|fastsupport|getscreen"
        # the caller who wants to watch while you bank ('log into your online banking so I can check…')
        "|online banking so i can|online banking so we can|bank account so i can|bank account so we can|"
        "so i can see your screen|so i can access your|so we can access your|while i am connected|while i'm connected"
        # the session asked for in other words: 'so our technician can access your computer', 'read me
        # the number that appears on your screen' (the remote tool's session ID)
        "|technician can access|technicians can access|technician to access|engineer can access|"
        "engineer to access|us to access your|me to access your|let us access your|connect to your computer|"
        "connect to your pc|connect to your laptop|connect to your device|number on your screen|"
        "numbers on your screen|digits on your screen|id on your screen|number that appears on your screen|"
        "number showing on your screen"
    ),
    "remote_weak": phrase_list(
        "腾讯会议|钉钉会议|飞书会议|会议号|会议室号|会议id|网络会议|视频会议|云会议|会议软件|会议app|云视讯|小鱼易连|"
        "远程协助|远程操作|投屏|向日葵|zoom|webex|指定软件|指定app|指定的软件|指定的app|"
        "下载我们|加入会议|进入会议|会议中|download the app|install the app|install this app"
    ),
    # 'download … app', a claim only when the app is not named as a brand's own (tactics.screen_share)
    "download": phrase_list("下载|安装|download|install"),
    "app_word": phrase_list("app|软件|应用|应用程序|application"),
    # --- off the platform --------------------------------------------------------------------------
    "im": phrase_list(
        "微信|v信|薇信|威信|围信|维信|徽信|微xin|wei信|绿泡泡|vx|wx|weixin|wei xin|wechat|微信号|微信群|"
        "qq|q号|扣扣|抠抠|企鹅|qq群|qq号|kou kou|钉钉|纸飞机|telegram|whatsapp|whats app|signal|"
        "个人微信|私人微信|私人号|个人号|工作号|群聊|群号|line id|line帐号|line账号|line@|viber|kakaotalk|kakao talk"
        # LINE as Taiwan's scripts name it ('请你加客服LINE', '加赖')
        "|加line|客服line|line客服|加赖|"
        # more spellings evaders use for WeChat and QQ ('威芯', '加卫星', '企鹅号', 'qun')
        "威芯|薇芯|微芯|v芯|魏信|vx号|v号|加卫星|卫星号|加薇|企鹅号|扣扣号|扣群|扣扣群|企鹅群|qun"
    ),
    "add_verb": phrase_list(
        "加|请加|添加|加一下|加我|加上|搜索|扫码加|拉你|进群|加群|入群|转移到|移步|add|text me|message me|"
        "reach me|join|chat on|move to|contact me on|contact us on|message us|text us|reach us|chat with us|"
        "contact our support|contact support|contact our agent|contact our team"
    ),
    "off_platform": phrase_list(
        "私下交易|线下交易|站外交易|平台外|脱离平台|绕过平台|不走平台|私下转账|私下联系|私聊|加好友|添加好友|"
        "好友申请|通过好友|加我好友|off the platform|outside the app|"
        "outside of the app|whatsapp me"
    ),
    # --- pressure and lures ---------------------------------------------------------------------------
    "threat": phrase_list(
        "否则|不然的话|将被冻结|将会被冻结|将冻结|将被注销|将会影响|逾期|起诉|强制执行|后果自负|法律责任|就等着|等着被|"
        "追究|列入黑名单|永久冻结|永久封号|24小时内|今天之内|今日内|最后期限|legal action|will be suspended|"
        "deportation|prosecution|criminal charges|court proceedings|legal proceedings|within 2 hours|"
        "within two hours|within 1 hour|within one hour|within 72 hours|hours remaining|final deadline|"
        "final warning|last chance|"
        "to avoid losing access|avoid losing access|to avoid deactivation|avoid deactivation|"
        "to continue using your account|continue using your account|"
        "will be closed|will be terminated|will be locked|will be deactivated|permanently|arrest|lawsuit|"
        "final notice|last warning|within 24 hours|within 48 hours|to continue watching|to continue using|"
        "to keep watching|to avoid service interruption|to avoid interruption|to avoid suspension|to avoid cancellation"
        # the consequence tied to your not acting, in the words of any family's notice ('failure to verify will
        # result in…', 'if you do not respond within 24 hours…', 'to avoid account suspension', 'or your account
        # will be closed'); longer than the reminder's 'do not respond' and 'avoid', which they replace
        "|failure to verify|failure to confirm|failure to update|failure to validate|failure to comply|"
        "failure to respond|failure to complete|failure to do so|failure to act|if you fail to|"
        "if no action is taken|if you do not respond within|if you don't respond within|"
        "to avoid account suspension|to avoid permanent suspension|to avoid account closure|to avoid closure|"
        "to avoid account termination|to avoid termination|to avoid account deactivation|to avoid account restriction|"
        "to avoid account restrictions|to avoid losing your account|to avoid penalties|to avoid further penalties|"
        "to avoid additional penalties|to avoid a penalty|to avoid prosecution|to avoid legal action|"
        "to avoid arrest|to avoid being arrested|or your account will be|or your account may be|"
        "or your membership will be|or your subscription will be|or your service will be|or your card will be|"
        "or your wallet will be|to continue enjoying|to keep enjoying|to continue to enjoy|to avoid additional fees|"
        "to avoid further fees|to avoid extra fees|to avoid additional charges|to avoid a fine|to avoid fines|"
        "to avoid further action"
    ),
    "urgency": phrase_list(
        "尽快|马上|立即|立刻|赶紧|抓紧|紧急|加急|urgent|urgently|immediately|asap|right away|act now"
    ),
    "invest_hallmark": phrase_list(
        "稳赚不赔|稳赚|保本保息|包赚|躺赚|日赚|日入|月入过万|带单|内幕消息|内部消息|刷单返利|刷单返佣|做任务返|"
        "返佣|垫付|"
        "高额返利|荐股|guaranteed profit|guaranteed return|guaranteed returns|double your money|100% profit"
    ),
    "invest": phrase_list(
        "投资|理财|收益|回报|高收益|高回报|股票|基金|期货|外汇|数字货币|虚拟币|比特币|币圈|刷单|做任务|investment|invest|"
        "profit|forex|trading platform"
    ),
    "loan_offer": phrase_list(
        "无抵押|免抵押|低息|低利率|下款|放款|秒到账|贷款额度|借款额度|降低利率|降息|利率过高|利息过高|高于国家标准|"
        "贷款需求|借款需求|资金需求|信用贷|低息贷款|loan offer|pre-approved|preapproved"
    ),
    "im_talk": phrase_list("联系|沟通|聊|交流|对接|contact|chat"),
    "link_action": phrase_list(
        "点击|点开|打开链接|登录|登陆|进入链接|访问|复制链接|浏览器打开|click|tap|visit|log in|login|sign in|"
        "follow the link|go to|update|updated|confirm|reconfirm|fill in|redeliver|reschedule|"
        # also delivery problems: the longest phrase wins a span, so these need both tags
        "confirm your address|reconfirm your address|update your address|update the address|correct address|"
        "verify|validate|verify your account|verify your identity|confirm your identity|update your details|"
        "update your information|update your payment|"
        "resolve the issue|correct it|please correct|fill in the missing|please input|input again|re-check|recheck|"
        "finish update|re-schedule|follow t.ly|please follow|set delivery preferences|confirm the address|"
        "confirm the shipping|provide the correct"
        # (also account problems: the longest phrase wins a span, so these need both tags)
        "|unlock your account|restore your account|reactivate your account|restore access|restore your access|regain access|"
        "unlock your card|reactivate your card|unblock your account|unblock your card|unfreeze your account|"
        "remove the restriction|remove the limitation|lift the restriction|lift the limitation"
    ),
    "opt_out": phrase_list(
        "退订|回td|回复td|回t退订|拒收|回复r|回n退订|回0退订|reply stop|text stop|txt stop|opt out|opt-out|unsubscribe"
    ),
    "cs_phone": phrase_list(
        "客服|客服电话|客服热线|服务热线|官方热线|客服号码|官方电话|人工客服电话|官方客服电话|服务电话|咨询电话|"
        "customer service number|support number|helpline|hotline|toll-free|toll free|"
        # the other names fake helpline posts give the number ('the main Delta contact number is: …')
        "contact number is|reservations number|reservation number|reservations line|support line|help line|"
        "customer care number|customer support number|customer service line|phone support|phone number is|"
        "support phone|live agent|live person|live representative|speak to a live|talk to a live|reach a live|"
        "helpdesk number|help desk number|care number|support team number|need help with"
    ),
    "phone_word": phrase_list("电话|致电|拨打|来电|联系电话|手机号|call|phone|dial|contact us at"),
    "code_word": phrase_list("验证码|校验码|动态码|code|otp|passcode|pin"),
    # Containers that swallow a shorter keyword inside them ('参加' is not '加', '支付宝' is not '支付').
    # what fake police, courts and tax offices accuse you of, to frighten you into 'cooperating'
    # 'take the money out', 'bring the balance to zero': what a caller moving your money says first
    # a software company's technical support, as the caller presents itself
    "org_voice": phrase_list("we at|we are from|we're from|calling from|我们是|我们这边是"),
    "tech_role": phrase_list(
        "tech support|technical support|windows support|windows technical support|microsoft technical support|"
        "applecare|windows headquarters|headquarters of windows|"
        "windows technician|microsoft technician|技术支持|微软客服|微软技术|苹果技术支持|"
        "windows service center|windows service centre|windows security|microsoft support|microsoft security|"
        "technical department|tech department|apple support advisor|certified technician|remote technician|"
        "defender alert|technician team|"
        "senior technician|microsoft engineer|windows engineer|microsoft certified|windows department|"
        "microsoft department|security department of microsoft|from microsoft|from windows"
    ),
    # money a public office hands out: scanning a code to claim it pays the scammer instead
    "benefit": phrase_list(
        "补贴|补助|退税|助学金|津贴|生育津贴|育儿补贴|新生儿补贴|养老金|失业金|救助金|补偿款|福利金|"
        "tax refund|rebate|stimulus|grant|benefit payment|relief payment|federal grant|government grant"
    ),
    # a computer, phone or account said to be infected, hacked or locked: the tech-support opener
    "device": phrase_list(
        "computer|your pc|this pc|laptop|your device|your mac|your iphone|your phone|windows|电脑|手机|设备|"
        "your internet|your internet connection|your connection|your system|your operating system|"
        "ip address|your ip|your network|your router|your wifi|your wi-fi|路由器|网络"
    ),
    "compromise": phrase_list(
        "virus|viruses|malware|malwares|hacked|infected|compromised|is locked|been locked|locked because|spyware|"
        "error messages|sending errors|license has expired|licence has expired|license expired|being hacked|"
        "license key has expired|licence key has expired|license key expired|is unprotected|"
        "computer is at risk|pc is at risk|device is at risk|"
        "will be expired|about to expire|will stop working|is using your|are using your|illegal downloads|"
        "sending viruses|sending us viruses|"
        "error reports|error report|receiving errors|warning messages|warnings from your|"
        "hackers|被黑客|黑客|sending us|serious problems|serious problem|problems with your computer|"
        "been hacked|been infected|been compromised|is corrupted|are corrupted|been corrupted|corrupted files|"
        "ransomware|病毒|中毒|被黑|被入侵|被攻击|被锁|木马|"
        # the pop-up's words: 'do not turn off your computer', 'access to this PC has been blocked'
        "do not turn off|don't turn off|do not shut down|don't shut down|do not restart|don't restart|"
        "has been blocked|been blocked for security|access to this pc|"
        # other words of the same pop-ups and calls ('Trojan detected', 'your files are encrypted',
        # 'pornographic spyware', 'flagged for illegal activity')
        "trojan|trojans|trojan virus|data breach|identity theft|pornographic|files are encrypted|been encrypted|"
        "flagged for illegal|illegal activity|illegal activities|firewall breach|firewall has been"
        # the caller's own words for the same problem ('a serious security problem', 'the hackers have
        # accessed your bank account through your computer')
        "|security problem|security problems|security issue|security issues|security threat|security threats|"
        "security breach|serious issue|serious issues|hackers have|hacker has|have accessed your|has accessed your|"
        "gained access to your|got access to your|stealing your|steal your"
        # the threat the caller ends on ('pay for the protection, otherwise your computer will crash')
        "|will crash|going to crash|will stop working|is going to stop working"
    ),
    # a cash machine used for someone else's instructions ('到ATM上按我说的操作解除分期'): no bank, shop
    # or office has anything cancelled, refunded or verified at a cash machine
    "atm": phrase_list("atm|atm机|自动柜员机|柜员机|提款机|自动提款机|取款机|cash machine"),
    # what the caller has done there; not '操作' alone ('在ATM上操作时注意遮挡密码' is a bank's tip)
    "atm_act": phrase_list(
        "解除|取消|按照|依照|指示|按我|听我|照着|我说的|设定|认证|核对|退款|解冻|cancel|to cancel|walk you|guide you|"
        "stay on the line|stay on the phone|"
        # money to 'collect' at a cash machine, or the caller teaching you there: it only sends money
        "领取|激活|教你|教您|我教|按我说|跟着我"
    ),
    # a crypto cash machine: the 'deposit your cash to keep it safe' script's payment
    "atm_crypto": phrase_list(
        "bitcoin atm|bitcoin atms|btc atm|crypto atm|crypto atms|cryptocurrency atm|bitcoin machine|"
        "bitcoin kiosk|比特币atm|比特币取款机"
        # sent to 'the nearest ATM' by whoever is speaking ('请您到附近的ATM'): the instalment-cancelling
        # and fake-police callers' step before the instructions (a bank's tip names no errand there)
        "|请您到附近的atm|请到附近的atm|请你到附近的atm|您到附近的atm|你到附近的atm|去附近的atm|到最近的atm|"
        "去最近的atm|找一台atm|找一个atm|找台atm"
    ),
    # 'I sent it to your number by mistake, please send it back': the overpayment and reversal script
    "sent_by_mistake": phrase_list(
        "by mistake|refunded you too much|refunded too much|mistakenly sent|mistakenly transferred|accidentally sent|accidentally transferred|"
        "sent it to the wrong|sent to the wrong number|wrong number by mistake|sent you too much|overpaid you|"
        "转错了|转错账|转错帐|转错钱|打错钱|打错了钱|误转|错转|转多了|多转了|充错了|"
        # the same mistake in other words ('…please send it back, it was a mistake', 'sent in error')
        "was a mistake|sent in error|in error|wrongly sent|sent wrongly|sent it by accident|by accident|"
        "误给您转|误给你转|误给您打|误给你打|错给您转|错给你转|多给您转|多给你转|多给您打|多给你打|多打了|多退了"
    ),
    "send_back": phrase_list(
        "send it back|send back|send the money back|return it|return the money|refund it|reverse it|"
        "reverse the transaction|pay it back|return the difference|send the difference|pay back the difference|"
        "send back the difference|退还差价|退回多余|退回|退还|还给我|还回来|转回|转还|返还|退给我|原路退回|转回来|打回来|退回来"
    ),
    "empty_account": phrase_list(
        "余额为零|余额清零|余额归零|清空账户|账户清空|清空余额|余额取出|把钱取出|将钱取出|取出现金|现金领出|领出现金|"
        "全部取出|全部转出|需要清空|要清空|所有银行卡的余额|名下所有银行卡|余额都转到|余额全部转|全部转到|"
        "所有的钱都转|empty your account|withdraw all|withdraw the money|take the money out|"
        "move all your money|move your money"
        # the withdrawal a caller sends you out for ('go to your bank and withdraw $9,000 in cash')
        "|go to your bank and withdraw|go to the bank and withdraw|go to your bank and take out|"
        "go to the bank and take out|withdraw it in cash|withdraw the funds in cash|cash in an envelope|"
        "put the cash in|put the money in an envelope|withdraw all your savings|withdraw your savings"
    ),
    # 'follow my instructions': the caller walks the victim through the bank app or a loan application
    # cut off from whoever could stop it: the family, the bank's counter, anyone (fake police, fake
    # bank security); genuine services never ask you to keep a call from your bank or family
    "secrecy": phrase_list(
        "案件保密|案件需要保密|此案保密|机密案件|涉密案件|保密协议|签订保密|签署保密|秘密侦查|秘密调查|"
        "案子是机密|案件是机密|本案是机密|案件机密|包括你的家人|包括您的家人|"
        "不要告诉家人|不能告诉家人|不要告诉你的家人|不要告诉您的家人|不要让家人知道|不能让家人知道|不要告诉银行|"
        "不能告诉银行|不要跟银行说|不要对银行说|如果银行问|银行问起|柜员问|安静的房间|没有人的房间|单独的房间|去宾馆|"
        # the caller isolating the victim: 'find a place where nobody is', 'is anyone with you'
        "找个没人|找一个没人|找个安静没人|找个没有人|找一个没有人|去没人的|到没人的|去一个没人|到一个没人|身边不要有人|"
        "身边有没有其他人|不要让别人听到|"
        "不要让其他人听到|开个房间|开一间房|don't let anyone hear|make sure no one is listening|where no one can hear|"
        "keep this call confidential|don't tell the bank|do not tell the bank|don't tell your bank|do not tell your bank|"
        "if the bank asks|if the teller asks|tell the teller|tell the bank it's|"
        "don't tell your family|do not tell your family|gag order|don't mention this call|do not mention this call|"
        # kept from the police who step in at the bank or the door ('等他走了再办', 'if the police ask, say…')
        "不要告诉警察|别告诉警察|不要跟警察说|别跟警察说|不要理警察|等警察走了|等他走了再办|等他们走了再办|警察问你|"
        "民警问你|民警问起|警察问起|don't tell the police|do not tell the police|if the police ask|if a police officer asks"
        # the gift cards' buyer kept from the shop's warning ('don't tell the cashier what they are for')
        "|don't tell the store|do not tell the store|don't tell the cashier|do not tell the cashier|"
        "don't tell the clerk|do not tell the clerk|if the cashier asks|if the clerk asks|if the store asks|"
        "what the gift cards are for|what the cards are for|tell them it's a gift|tell them it is a gift|"
        "say it's a gift|say it is a gift"
        # the withdrawal kept from the bank staff who ask why ('do not tell anyone at the bank why you are
        # withdrawing the money')
        "|don't tell anyone at the bank|do not tell anyone at the bank|don't tell the bank why|"
        "do not tell the bank why|"
        "don't tell the teller|do not tell the teller|don't tell the bank staff|do not tell the bank staff|"
        "don't say why you|do not say why you|if anyone at the bank asks|if the bank staff ask"
    ),
    # 'reply Y, then reopen this message to activate the link': phones disable links in texts from unknown
    # senders until the reader replies, and smishing asks for that reply
    "link_activation": phrase_list(
        "activate the link|activate this link|to activate link|enable the link|reopen this message|"
        "reopen the message|reopen this text|reopen the text|re-open this message|re-open the message|"
        "re-open the text|exit the text message and open it again|exit the message and open it again|"
        "exit the sms and open it again|回复y激活链接|回复1激活链接|重新打开短信激活|重新打开此短信|退出短信后重新打开"
    ),
    "step_guidance": phrase_list(
        "按照我的提示|按照我们的提示|按我的提示|按我们的提示|按照我说的|按我说的|按照我们说的|按我们说的|跟着我操作|"
        "跟着我们操作|我教你|我教您|我来教你|我来教您|指导你|指导您|辅导你操作|辅导您操作|按照我们操作|按我们操作|"
        "按照我的操作|按照步骤操作|一步一步|follow my instructions|follow our instructions|do exactly as i say|"
        "i will guide you|i'll guide you|i will walk you through|i'll walk you through|step by step|"
        "in front of your computer|go to your computer|go over to your computer|turn on your computer|"
        "start your computer|press the windows key|打开电脑|打开手机银行|打开支付宝|按我说的点|配合操作|配合我操作|配合我们操作|按照我的指引|"
        "按照我们的指引|按我的指引|按照指引操作|log into your online banking|log in to your online banking|"
        "log into your bank account|log in to your bank account|open your online banking|open your banking app|"
        "sign in to your online banking|sign into your online banking|log on to your online banking"
    ),
    # a call handed to 'a police officer': customer service never does that
    "handoff_verb": phrase_list(
        "转接|帮您转接|给您转接|为您转接|给你转到|帮你转到|给您转到|帮您转到|为您转到|"
        "把你转到|把您转到|将您转到|将你转到|把电话转到|转给|连线|接通|转交给|转交|transfer you to|connect you to|connect you with"
    ),
    # police, courts and prosecutors: they do not introduce themselves in a call or a chat about your
    # case ('这里是…人民法院', '我是…派出所民警', 'this is the police'); their reminders are advisory
    "authority": phrase_list(
        # (the same words as police_word and org_word: a longer phrase here would hide theirs)
        "公安|公安局|派出所|警官|民警|刑警|警察|网警|法院|检察院|法官|检察官|入境处|入境事务处|出入境管理|移民局|police|sheriff|"
        "federal agent|fbi"
    ),
    # cues that gate two pattern rules (tactics.asset_probe, tactics.escorted_cash): the patterns run only
    # on messages the index already found one of these in
    "asset_cue": phrase_list("有多少|几张|哪几|哪些|how much|how many|which banks|balance"),
    "escort_cue": phrase_list(
        "stay on|stay on the line|stay on the phone|keep me on|will come to|will be sent to|挂|上门|派人|安排人|会有人|专人"
    ),
    "police_word": phrase_list(
        "警官|警察|民警|公安|刑警|公安局|派出所|警方|银联中心|银联客服|银保监|金融监管|人民银行|网警|网监|police|officer|detective|investigator|federal agent"
    ),
    # a charge that the message ties to your credit record: what membership and loan scripts say
    "charge_word": phrase_list(
        "扣费|扣钱|扣款|会员费|年费|自动续费|自动扣款|自动扣费|续费|服务费|月费|charged|charge|fee|fees|renewal|"
        # the renewal in its other words ('your protection plan will be renewed for $499')
        "renewed|renews|will be renewed|will renew|auto-renew|auto-renewed|auto-renewal|automatically renewed|renewed automatically|debited|will be debited|billed|will be billed|will be charged|has been charged"
    ),
    "accusation": phrase_list(
        "涉嫌洗钱|洗黑钱|涉嫌犯罪|涉嫌违法|涉嫌诈骗|涉案|涉案资金|涉及重要案件|涉及一宗|涉及案件|限制出境|禁止出境|被限制出境|"
        "被通缉|通缉令|逮捕令|拘捕令|冻结令|传票|法院传票|"
        "违禁物品|查出违禁|查出了违禁|"
        "资产清查|财产清查|资产核查|接受清查|配合清查|偷税漏税|逃税|涉嫌偷税|做笔录|电话笔录|远程笔录|视频笔录|涉嫌发送|涉嫌传播|涉嫌违规|违规短信|违禁品|夹带违禁|涉嫌走私|拒不执行|"
        "jail time|go to jail|sent to jail|be arrested|will be arrested|enforcement action|enforcement actions|"
        "身份证被盗用|身份证被冒用|身份信息被盗用|身份被盗用|被人冒用|被人盗用|被他人冒用|被他人盗用|身份证被人|名下账户涉嫌|资金清查|配合调查|配合警方调查|"
        "arrest warrant|warrant for your arrest|issued for your arrest|warrant will be issued|arrest you|be taken into custody|"
        "face deportation|be deported|deportation order|visa will be cancelled|visa has been cancelled|遣返|签证将被取消|"
        "money laundering|under investigation|your social security number "
        "has been suspended|ssn has been suspended|legal action against you|lawsuit against you|tax crime|"
        # a summons by call: 'an investigation against you', 'appear before a judge', 'a federal criminal offense'
        "investigation against you|investigation being finalized against you|case against you|"
        "complaint against you|charges against you|appearance before a judge|appear before a judge|"
        "federal criminal offense|criminal offense|criminal offence|serve you a notice|notice of action|"
        # the same summons in other words ('four serious allegations pending against you', 'filed against you')
        "allegations against you|allegations pending|allegation against you|filed against you|"
        "pending against you|case filed|you will be deported|may be deported"
        # your account or identity said to have been used for a crime ('your Amazon account was used to buy
        # child pornography', 'your identity was used in a drug trafficking case')
        "|child pornography|drug trafficking|illegal activities|illegal activity|used for illegal|used in illegal|"
        "used to commit|used for fraud|used for money laundering|linked to a crime|linked to criminal|"
        "linked to illegal|involved in a crime|involved in money laundering|involved in drug trafficking"
    ),
    "noise": phrase_list(
        "参加|增加|更加|加油|加班|加热|加工|加快|附加|叠加|追加|加盟|加价|外加|加速|加载|加入购物车|加购|"
        "没有问题|没问题|不客气|不会吧|不能用|支付成功|付款成功|已支付|已付款|支付方式|付款方式|别人|特别|分别|流转|"
        "添加至微信|添加到微信|转接|中转|"
        # an amount on a genuine notice, not the lure's 'refund money' (退款金, 赔偿金)
        "退款金额|赔偿金额|补偿金额|理赔金额|赔付金额"
    ),
}

# a refund already under way ('退款已处理', '已为您退款'): a status update, not an offer of money
REFUND_DONE_AFTER = (
    "已处理",
    "已到账",
    "成功",
    "已完成",
    "已原路",
    "已退回",
    "已经处理",
    "已经到账",
    "处理好",
    "已提交",
)
REFUND_DONE_BEFORE = ("已", "已经", "已为您", "已经为您", "已给您", "已帮您", "为您申请", "帮您申请", "已申请", "为您登记", "已登记")
# the money goes back the way it came: nothing for the reader to do ('款项将原路退回')
REFUND_BY_ITSELF = (
    "原路退回", "原路返回", "原路退还", "原支付账户", "原支付方式", "原付款账户", "original payment method",
    "original form of payment",
)
