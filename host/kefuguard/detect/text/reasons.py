"""Reason codes of the chat checks and their messages in English and Chinese (docs/detectors-text.md).

Templates may use {brand_en}, {brand_zh} (the brand the message is about) and {official} (the official
numbers or domain it was compared with). A reason about no listed brand takes its text from UNBRANDED
when the code has one there, so that no sentence is left with an empty name.
"""

from __future__ import annotations

import functools
import re

_EMPTY_OFFICIAL = re.compile(r" ?[（(](?:official|官方)[:：] ?[)）]")

MESSAGES: dict[str, tuple[str, str]] = {
    "tactic.identity_claim": (
        "The sender presents itself as {brand_en} customer service or staff. Anyone can type that.",
        "对方自称{brand_zh}客服或工作人员。任何人都可以这样自称。",
    ),
    "tactic.unsolicited_notice": (
        "It contacts you first about something 'we found' on your account or order, speaking as the platform.",
        "对方主动联系您，称“我们发现”您的账户或订单有情况，以平台名义说话。",
    ),
    "tactic.refund_lure": (
        "It offers a refund, compensation or a claim payout: the usual opening of fake customer service.",
        "对方主动提出退款、赔偿或理赔：这是假客服诈骗常见的开场。",
    ),
    "tactic.cancel_service": (
        "It asks you to cancel a 'student loan' account, a membership or a '百万保障' service, or says your "
        "credit record will suffer: a well-known fake customer-service script.",
        "对方要求注销“学生账户”、会员或“百万保障”等服务，或称会影响征信：这是典型的假客服话术。",
    ),
    "tactic.account_problem": (
        "It says something is wrong with your account, order or service (abnormal, frozen, breaking rules, "
        "opened or billed by mistake), to push you into acting.",
        "对方称您的账户、订单或服务出了问题（异常、冻结、违规、误开通或误扣费），以此催促您操作。",
    ),
    "tactic.loan_offer": (
        "It offers a loan, a higher credit limit or a lower interest rate.",
        "对方提供贷款、提额或降低利率。",
    ),
    "tactic.delivery_problem": (
        "It says your parcel is stuck, lost or cannot be delivered.",
        "对方称您的包裹滞留、丢失或无法派送。",
    ),
    "tactic.credential_request": (
        "It asks for a verification code, password, PIN, card number, CVV or ID number. Real customer service "
        "never needs these in a chat.",
        "对方索要验证码、密码、银行卡号、安全码或身份证号。真正的客服不会在聊天中索要这些。",
    ),
    "tactic.safe_account": (
        "It mentions a 'safe account' or 'fund check' account. No bank, platform or police uses one: it is "
        "always a scam.",
        "对方提到“安全账户”或“资金核查”账户。银行、平台和公安都没有所谓安全账户：这一定是诈骗。",
    ),
    "tactic.transfer_request": (
        "It asks you to transfer or pay money.",
        "对方要求您转账或付款。",
    ),
    "tactic.advance_fee": (
        "It asks for a deposit, fee or 'turnover' before you can receive a refund, loan or unfrozen money.",
        "对方要求先交保证金、手续费或“刷流水”才能收到退款、贷款或解冻资金。",
    ),
    "tactic.empty_account": (
        "It asks you to take the money out of your account or bring its balance to zero. No bank, platform or "
        "police ever needs that: it is how callers move victims' money.",
        "对方要求您取出账户里的钱或把余额清零。银行、平台和公安都不会这样要求：这是骗子转走钱款的步骤。",
    ),
    "tactic.atm_guidance": (
        "It sends you to a cash machine to follow instructions there ('cancel the instalments at the ATM', "
        "'deposit it at a Bitcoin ATM'). Nothing is cancelled, refunded or verified at an ATM: it only moves "
        "your money to the caller.",
        "对方让您到ATM（自动柜员机）按其指示操作，如“到ATM解除分期付款”“存入比特币ATM”。ATM无法取消扣款、退款或认证，"
        "按指示操作只会把钱转给对方。",
    ),
    "tactic.mistaken_payment": (
        "It says money was sent to you by mistake and asks you to send it back. The payment 'received' is "
        "often a fake notice, or a stolen payment the bank will reverse: check your own account in your bank's "
        "app first, and let the bank return a real one.",
        "对方称“转错账”并要求您退回。所谓到账往往是伪造的通知，或会被银行追回的盗刷款：请先在银行App里核实自己的账户，"
        "确有到账也请通过银行原路退回。",
    ),
    "tactic.renewal_call": (
        "Someone introducing themselves as customer service tells you a membership or service will renew or "
        "charge you. That is how the 'cancel it or your credit record suffers' script opens: genuine renewal "
        "notices come from the app itself. Check your subscriptions in the official app; do not follow the caller.",
        "对方自称客服，称您的会员或服务将自动续费、扣费。这是“不取消就影响征信”骗局的开场白：真正的续费提醒来自App本身。"
        "请自行在官方App中查看订阅，不要按对方指引操作。",
    ),
    "tactic.order_dispute_call": (
        "It announces an order, invoice or renewal you may not have made and gives a number to call to "
        "dispute it. That is how the refund-scam call begins: shops and services let you check orders in your "
        "account. Check there, or call the number on the company's own website, never this one.",
        "对方通知一笔您可能并未下单的订单、账单或续费，并给出电话让您“申诉”。这是退款诈骗电话的开场："
        "商家会让您在自己的账户中核对订单。请在账户内核实，或拨打官网公布的电话，不要拨打消息里的号码。",
    ),
    "tactic.office_call": (
        "Someone introduces themselves as a public office (social security, medical insurance, tax, traffic "
        "police...) and tells you about a problem of yours. Offices write to you or ask you to their counter; "
        "fake officials open this way before handing you to 'the police' or asking for money or a card. Hang "
        "up and call the office on the number on its own website or the government service line.",
        "对方自称社保、医保、税务、交警等政府部门，并告知您“名下有问题”。政府部门会书面通知或请您到窗口办理；"
        "冒充公职人员的骗子正是这样开场，随后转接“警官”或索要钱款、卡号。请挂断，自行拨打该部门官网公布的电话或政务服务热线核实。",
    ),
    "tactic.fraud_team_call": (
        "A caller introduces themselves as a bank's or a shop's fraud or security team. That is how the 'your "
        "account is at risk, move your money or tell me the code' call opens. Banks say it themselves: hang up "
        "and call the number on the back of your card or in the official app, never a number the caller gives.",
        "对方自称银行或平台的“反欺诈部门”“安全部门”来电。这是“您的账户有风险，请转移资金或告诉我验证码”骗局的开场。"
        "银行自己的建议是：挂断电话，拨打卡片背面或官方App上的号码核实，不要使用对方提供的号码。",
    ),
    "tactic.asset_probe": (
        "It asks how much money you have, or in how many banks. No bank, shop or office needs to know that; "
        "callers who do are taking stock of what to take before they ask you to move it to a 'safe account'. "
        "Do not answer; hang up and call your bank on the number on your card.",
        "对方询问您卡里有多少钱、名下有几张银行卡。银行、商家和政府部门都不需要知道这些；这样问的人是在摸清能骗走多少，"
        "接下来就会让您转到“安全账户”。请不要回答，挂断后拨打银行卡背面的电话核实。",
    ),
    "tactic.escorted_cash": (
        "The caller wants to stay on the line while you go to the bank, or to send someone to collect cash or "
        "cards. No bank, police force or shop does either: it keeps you from the teller's questions and your "
        "family's. Hang up and talk to the bank staff in person.",
        "对方要求您“不要挂电话”一路去银行，或说要派人上门取现金、银行卡。银行、警方和商家都不会这样做：这是为了不让柜员和家人提醒您。"
        "请挂断电话，当面向银行工作人员求助。",
    ),
    "tactic.money_frozen": (
        "It says your payment, refund or balance has been frozen by 'the system'. That is the hook of the "
        "'pay a fee or verify to unfreeze it' scripts: a real platform shows a held payment in its own app and "
        "never asks for money or codes to release it. Check in the official app; pay nothing.",
        "对方称您的款项、退款或余额被“系统冻结”。这是“交解冻费、验证后才能解冻”骗局的诱饵：真正的平台会在官方App中显示被暂扣的款项，"
        "不会要求您付费或提供验证码来解冻。请在官方App中核实，不要付款。",
    ),
    "tactic.parcel_lost_claim": (
        "It tells you your parcel was lost or damaged, or speaks as a courier's 'claims officer'. That is how the "
        "lost-parcel compensation scam opens: couriers settle losses in their own app or at the official hotline "
        "on their website, and never pay compensation through a stranger who contacts you first.",
        "对方称您的快递丢失或损坏，或自称快递公司“理赔专员”。这是“快递丢失理赔”骗局的开场：快递公司只在其官方App或官网公布的客服电话"
        "处理丢件理赔，不会由主动联系您的陌生人办理赔付。",
    ),
    "tactic.purchase_problem_claim": (
        "It tells you something you bought is faulty or recalled, your order is 'abnormal' or frozen, or a staff "
        "mistake made you a paying member. That is how fake customer service opens: shops announce recalls and "
        "refunds on the order page of the platform's official app, where you can check it yourself.",
        "对方称您购买的商品有质量问题或被召回、订单“异常”或被冻结，或因工作人员失误把您设成了收费会员。这是假客服的开场：商家的召回和退款"
        "都在平台官方App的订单页面办理，您可以自己在那里核实。",
    ),
    "tactic.cutoff_claim": (
        "It tells you your account or phone number is about to be banned, frozen or cut off, or that your identity "
        "was used to open a card or a number, or that your credit record is already damaged or can be 'repaired'. "
        "That is the opening of the fake operator and fake police scripts: "
        "check in the official app or by calling the official service line (such as 10086, 10000, 10010) yourself.",
        "对方称您的账号或手机号即将被封、被冻结或停机，或称您的身份信息被冒用办理了卡或号码，或称您的征信已经出了问题、可以“修复”。这是冒充运营商和冒充公检法骗局的开场："
        "请在官方App中或自行拨打官方客服电话（如10086、10000、10010）核实。",
    ),
    "tactic.staff_call": (
        "Someone introduces themselves as a company's or an office's staff ('I am from the bank', 'this is "
        "China Mobile') and tells you something happened to your account, card, number, order or benefit. "
        "That is how fake customer-service calls open; genuine notices are signed and send you to the "
        "official app or number. Hang up and check in the official app, or call the official number yourself.",
        "对方自称某公司或政府部门的工作人员（如“我是银行的”“这里是中国移动”），并告诉您的账户、银行卡、号码、订单或补贴出了情况。"
        "这是假客服来电的开场；真正的通知有署名，并让您通过官方App或官方电话办理。请挂断，在官方App中核实，或自行拨打官方电话。",
    ),
    "tactic.not_a_scam_claim": (
        "The sender insists it is genuine ('I am not a scammer', 'we are a legitimate company'). Genuine "
        "services have no reason to say so; callers who have just been doubted do. Hang up and check in the "
        "official app or on the official number, dialled yourself.",
        "对方一再强调自己“不是骗子”“是正规客服”。真正的客服没有理由这样说，被怀疑的骗子才会这样说。请挂断，在官方App中或自行拨打官方电话核实。",
    ),
    "tactic.police_contact_call": (
        "It tells you that you must contact the police or a court of some city, on its word. That is how fake "
        "customer service hands you to fake police. Real police do not send you to an office by phone: if in "
        "doubt, call 110 or the anti-fraud line 96110 yourself.",
        "对方称您“必须尽快与某地公安部门联系”。这是假客服把您转交给“假警察”的套路。真警察不会通过电话让您联系某地公安；如有疑问，请自行拨打110或反诈专线96110。",
    ),
    "tactic.benefit_rush_claim": (
        "It says an allowance or relief payment is running out, first come first served. Public benefits are "
        "paid to everyone entitled through the office's own channel, never while stocks last: the hurry is the "
        "bait of a fake benefit campaign. Check with the office on the government service line (12345).",
        "对方称补助、津贴等“数量有限、先到先得”。政府补助会通过官方渠道发放给所有符合条件的人，不会“先到先得”：这种催促是虚假补贴活动的诱饵。"
        "请拨打政务服务热线（12345）向有关部门核实。",
    ),
    "tactic.benefit_waiting_claim": (
        "It tells you a subsidy, allowance or tax refund is waiting for you to collect. Public offices pay "
        "benefits straight into your account or social security card; nothing is collected through a caller, a "
        "link or a cash machine. Check with the office on the government service line (12345, 12333, 12366).",
        "对方称有一笔补贴、津贴或退税等着您领取。政府部门会把补贴直接发放到您的银行账户或社保卡，不会让您通过来电、链接或ATM领取。"
        "请拨打政务服务热线（12345、12333、12366）向有关部门核实。",
    ),
    "tactic.charge_claim": (
        "It tells you a membership, insurance or service will take money from you, in a caller's words or at a "
        "price no membership has (hundreds a month). That is how the 'let me cancel it for you' script opens: "
        "check your subscriptions yourself in the official app's settings; nothing needs cancelling by phone.",
        "对方称某项会员、保险或服务要从您这里扣钱，用的是来电者的口吻，或是会员不可能有的价格（每月几百元）。这是“帮您取消扣费”"
        "骗局的开场：请自行在官方App的设置中查看自动续费项目，不需要通过电话取消任何业务。",
    ),
    "tactic.support_desk_link": (
        "It answers as a crypto wallet's support desk and sends you to a chat, a ticket page or a fixing tool at "
        "a link or an account that is no known official site: wallet drainers answer help requests this way. Use "
        "only the wallet's official site, and never enter your recovery phrase anywhere.",
        "对方以加密钱包“客服”的身份回复，并把您引到一个非已知官网的链接或账号上的聊天、工单页或“修复工具”：钱包盗取者常这样回复求助。"
        "请只使用钱包官网，任何地方都不要输入助记词。",
    ),
    "tactic.relative_claim": (
        "It speaks as your child or grandchild on a new number, or in trouble, and asks for money: call them on "
        "the number you already know before you pay anything.",
        "对方自称是您的子女或孙辈，说换了新号码或遇到麻烦，并向您要钱：付款前请先拨打您原来知道的号码核实。",
    ),
    "tactic.points_cash_claim": (
        "It tells you your points can be turned into cash. Operators and banks redeem points only in their own "
        "app (such as the China Mobile app or your bank's app) for goods or phone credit, never for cash through a "
        "link or a 'client' to download.",
        "对方称您的积分可以兑换现金。运营商和银行只在其官方App（如中国移动App、银行App）中把积分兑换为商品或话费，"
        "不会让您通过链接或下载“客户端”兑换现金。",
    ),
    "tactic.flight_claim": (
        "It tells you your flight is cancelled or delayed and offers compensation or a claim. Airlines announce "
        "changes and pay any compensation in their own app or at the airport counter; check your booking in the "
        "airline's official app or on its official service line.",
        "对方称您的航班取消或延误，并提出理赔或补偿。航空公司只在其官方App或机场柜台通知航班变动、办理补偿；请在航空公司官方App"
        "或官方客服电话中核实您的行程。",
    ),
    "tactic.handoff_claim": (
        "It tells you your bank or the post office will call you next about it. A shop or a platform has no "
        "reason to have your bank call you: the instalment-cancelling and fake-police scripts pass you on this "
        "way. Hang up, and call your bank yourself on the number on the back of your card.",
        "对方称您的银行或邮局接下来会联系您处理此事。商家或平台没有理由让您的银行给您打电话：“解除分期”和冒充公检法骗局正是这样"
        "把您转给下一个骗子。请挂断，自行拨打银行卡背面的客服电话核实。",
    ),
    "tactic.callback_offer": (
        "It offers money or a discount (a refund, a credit, 'you qualify for 50% off') to be claimed by calling "
        "back a number that is no listed company's. That is the recorded call's script: genuine offers are taken "
        "in your account or the company's app. Call the company on the number on its own website or bill.",
        "对方提供退款、补偿或折扣，并要您回拨一个不属于任何已收录公司的号码来领取。这是录音诈骗电话的套路：真正的优惠在您的账户或"
        "官方App中办理。请拨打公司官网或账单上的电话核实。",
    ),
    "tactic.trade_blocked": (
        "It says a payment or an order is stuck because a 'protection', agreement or deposit was not opened "
        "or signed, and sends you to 'customer service' to unblock it. That is the fake-platform script of "
        "second-hand and shop sites: a real checkout takes the money or names the card, and nothing is "
        "unblocked by paying or by a chat. Check the order in the platform's own app; pay nothing.",
        "对方称因“保障服务/协议/保证金未开通、未签署”导致付款失败或资金冻结，并让您找“客服”解决。这是冒充交易平台的"
        "骗局：真正的平台付款要么成功、要么提示银行卡问题，不会让您通过客服缴费“解冻”。请在平台官方App里核实订单，不要付款。",
    ),
    "tactic.step_guidance": (
        "It walks you through steps on your computer, phone or bank app ('follow my instructions', 'press the "
        "Windows key'): scammers talk victims through transfers, loans and remote access this way.",
        "对方要“一步步指导”您在电脑、手机或银行App上操作：骗子正是这样引导受害人转账、贷款或开放远程控制。",
    ),
    "tactic.link_activation": (
        "It asks you to reply, or to reopen the message, so that its link works. Phones keep links in texts from "
        "unknown senders dead until you reply; no genuine company needs you to do that.",
        "对方让您先回复或重新打开短信，好让其中的链接可以点开。手机会屏蔽陌生号码短信里的链接，正规机构不会这样要求。",
    ),
    "tactic.device_compromise": (
        "It says your computer, phone or account is infected, hacked or locked. Microsoft, Apple and your bank "
        "never call or message you about that: this is the tech-support scam's opener.",
        "对方称您的电脑、手机或账户中了病毒、被黑或被锁。微软、苹果和银行不会为此主动联系您：这是冒充技术支持诈骗的开场白。",
    ),
    "tactic.tech_support_call": (
        "It says it is a software company's technical support (Microsoft, Windows, Apple) contacting you. They "
        "never call or message first about your computer: this is the tech-support scam.",
        "对方自称软件公司（微软、Windows、苹果）的技术支持主动联系您。这些公司从不主动来电处理您的电脑问题：这是技术支持诈骗。",
    ),
    "tactic.police_handoff": (
        "It hands you over to a 'police officer' or a 'regulator' (UnionPay centre, the central bank). Customer "
        "service never transfers a call to the police or a regulator: this is the fake-police script.",
        "对方要把您“转接”给警官或“监管部门”（银联中心、人民银行等）。客服不会把电话转给公安或监管部门：这是冒充公检法的诈骗套路。",
    ),
    "tactic.authority_call": (
        "It introduces itself as the police, a court or a prosecutor contacting you. They never handle a case "
        "by phone, message or chat, nor ask you for money or details: hang up and call 110 (or your local "
        "police) yourself.",
        "对方自称公安、法院或检察院主动联系您。公检法机关不会通过电话、短信或网络聊天办案，也不会向您要钱或索要信息："
        "请挂断，自行拨打110核实。",
    ),
    "tactic.secrecy": (
        "It tells you to keep this secret from your family or your bank. Police, banks and shops never ask that: "
        "scammers do, so that nobody stops the transfer.",
        "对方要求您对家人或银行保密。公安、银行、商家从不这样要求：骗子这样说，是怕有人拦下您的转账。",
    ),
    "tactic.loan_app": (
        "It asks you to borrow from a lending app (借呗, 微粒贷, 金条...) and move the money.",
        "对方要求您在借贷平台（借呗、微粒贷、金条等）借款并转出。",
    ),
    "tactic.gift_card": (
        "It asks for payment with gift cards or their codes.",
        "对方要求用礼品卡、充值卡或其卡密付款。",
    ),
    "tactic.qr_code": (
        "It asks you to scan a QR code to get a refund or payout: scanning pays the scammer.",
        "对方让您扫二维码领取退款或赔偿：扫码往往是在给对方付款。",
    ),
    "tactic.screen_share": (
        "It asks you to install a meeting or remote-control app or to share your screen: whoever sees your screen "
        "sees your codes and can operate your bank app.",
        "对方让您下载会议或远程控制软件、开启屏幕共享：对方能看到您的验证码并操作您的银行App。",
    ),
    "tactic.off_platform": (
        "It moves the conversation off the platform (QQ, WeChat, private chat, a phone number), where the "
        "platform cannot protect you or keep a record.",
        "对方要求离开平台，改用QQ、微信、私聊或电话联系：平台外交易不受保护。",
    ),
    "tactic.threat": (
        "It threatens consequences (frozen account, credit record, legal action) to rush you.",
        "对方以冻结账户、影响征信、追究法律责任等后果施压。",
    ),
    "tactic.urgency": (
        "It pushes you to act at once.",
        "对方催促您立即操作。",
    ),
    "tactic.investment_lure": (
        "It promises easy, high or guaranteed returns.",
        "对方承诺轻松、高额或稳赚的收益。",
    ),
    "tactic.phishing_link": (
        "A link to an unlisted site comes with an account, delivery or refund problem: typical phishing.",
        "消息以账户、快递或退款问题为由，附带未收录网站的链接：典型的钓鱼手法。",
    ),
    "entity.unofficial_link": (
        "The message speaks for {brand_en} but links to a site that is not one of its official domains ({official}).",
        "消息以{brand_zh}名义发出，但链接不是其官方域名（{official}）。",
    ),
    "entity.unofficial_phone": (
        "The number given as {brand_en} customer service is not one of its official numbers ({official}).",
        "消息中作为{brand_zh}客服的号码不是其官方号码（官方：{official}）。",
    ),
    "entity.disguised_phone": (
        "The phone number is written in styled look-alike digits or with letters for digits (like 𝟏𝟖𝟎𝟎 or 1-8OO), "
        "a trick to slip past spam filters. "
        "No real company writes its number that way: look its number up on its official website.",
        "该电话号码用花体等形似数字或以字母代替数字写成（如 𝟏𝟖𝟎𝟎、1-8OO），这是躲避过滤的伎俩。正规公司不会这样写电话：请到官网自行查找官方号码。",
    ),
    "entity.scam_phone": (
        "This phone number is on the list of known scam numbers.",
        "该电话号码在已知诈骗号码名单中。",
    ),
    "entity.scam_account": (
        "This QQ/WeChat/other account is on the list of known scam accounts.",
        "该QQ/微信等账号在已知诈骗账号名单中。",
    ),
    "official.phone": (
        "This is an official number of {brand_en} ({official}). Caller ID can be faked: call it yourself.",
        "这是{brand_zh}的官方号码（{official}）。来电号码可以伪造：请自己拨打核实。",
    ),
    "notice.courier_phone": (
        "The number is given as the courier's own mobile, as real delivery notices do. Never pay or give a code to "
        "anyone who calls about a parcel.",
        "号码是作为快递员本人的手机给出的，真实的派送通知也会这样。凡是为包裹来电要钱或要验证码的，都不要理会。",
    ),
    "official.link": (
        "The link goes to an official domain of {brand_en} ({official}).",
        "链接指向{brand_zh}的官方域名（{official}）。",
    ),
    "context.lookalike_page": (
        "This chat is on a page that is a known scam or imitates a brand: treat everything in it as a scam.",
        "该聊天所在网页是已知诈骗网站或仿冒网站：其中的一切都应视为诈骗。",
    ),
    "context.official_page": (
        "This chat is on {brand_en}'s official site ({official}).",
        "该聊天位于{brand_zh}的官方网站（{official}）。",
    ),
    "context.sender_impersonation": (
        "The sender's display name claims to be {brand_en} customer service, but on this site anyone can choose "
        "that name.",
        "发送者的昵称自称{brand_zh}客服，但在该网站上任何人都可以取这样的名字。",
    ),
    "outgoing.verification_code": (
        "You are about to send what looks like a verification code. Whoever gets it can log in or pay as you.",
        "您将要发送的内容像是验证码。拿到验证码的人可以冒充您登录或付款。",
    ),
    "outgoing.password": (
        "You are about to send a password or PIN.",
        "您将要发送密码。",
    ),
    "outgoing.card_number": (
        "You are about to send a bank card number.",
        "您将要发送银行卡号。",
    ),
    "outgoing.id_number": (
        "You are about to send an identity number (an ID card or Social Security number).",
        "您将要发送身份证件号码（身份证号、社会安全号等）。",
    ),
    "outgoing.card_expiry": (
        "You are about to send a card's expiry date: with the card number it is enough to pay online.",
        "您将要发送银行卡有效期：连同卡号，别人就可以在网上付款。",
    ),
    "outgoing.cvv": (
        "You are about to send a card security code (CVV).",
        "您将要发送银行卡安全码（CVV）。",
    ),
    "notice.party": (
        "It presents itself as a notice from {brand_en}.",
        "这条消息以{brand_zh}通知的口吻发出。",
    ),
    "notice.state": (
        "It says something happened to your account, card, service, parcel or booking, or that money or "
        "points are waiting for you.",
        "对方称您的账户、银行卡、服务、包裹或订单出了状况，或有钱款、积分等您领取。",
    ),
    "notice.act": (
        "It tells you to act: log in, click, call, verify, update or pay.",
        "对方要求您操作：登录、点击、致电、验证、更新或付款。",
    ),
    "notice.deadline": (
        "It sets a deadline or threatens a consequence, to rush you.",
        "对方设定期限或以后果相威胁，催促您尽快操作。",
    ),
    "notice.unofficial_link": (
        "It sends you to a link that is not {brand_en}'s official site (official: {official}). Real notices "
        "never ask you to log in or pay through a link in a message.",
        "它让您打开的链接不是{brand_zh}的官方网站（官方：{official}）。真正的通知不会让您通过短信或聊天中的链接登录或付款。",
    ),
    "notice.unofficial_email": (
        "It asks you to write to an e-mail address that is not on {brand_en}'s official domain (official: "
        "{official}). Contact it only through its official website or app.",
        "它让您发邮件到不属于{brand_zh}官方域名的邮箱（官方：{official}）。请只通过官方网站或App联系。",
    ),
    "notice.unofficial_phone": (
        "It gives a number that is not {brand_en}'s official number (official: {official}). Dial the official "
        "number yourself instead.",
        "它给出的号码不是{brand_zh}的官方号码（官方：{official}）。请改为自行拨打官方号码。",
    ),
    "notice.unshown_channel": (
        "It sends you to a website or a phone menu it does not name (official: {official}); a real notice "
        "names the official app, site or number.",
        "它让您前往一个没有写明的网站或语音菜单（官方：{official}）；真正的通知会写明官方App、官网或号码。",
    ),
    "notice.self": (
        "It speaks to you in the first person as someone official ('I am...', 'we found that your...').",
        "对方以第一人称自称官方人员（“我是……”“我们发现您的……”）。",
    ),
    "notice.voice_menu": (
        "It asks you to press a key for an operator: a recorded call speaking as an office or a company. "
        "Genuine notices do not come as recorded calls asking you to press 9.",
        "对方让您按键转人工：这是以机关或公司名义播放的录音电话。正规通知不会以录音电话让您按9转人工。",
    ),
    "notice.advisory": (
        "It reads as an anti-fraud reminder: it talks about scams rather than asking you for anything.",
        "这是一条防诈骗提醒：它在讲诈骗手法，而不是要求您做什么。",
    ),
    "tactic.accusation": (
        "It accuses you of a crime or says your identity was used in one (money laundering, a warrant, a "
        "summons). Police, courts and tax offices never settle such matters by message or phone: hang up "
        "and call the police yourself.",
        "对方称您涉嫌犯罪或身份被冒用（洗钱、通缉、传票）。公检法和税务机关不会通过短信或电话处理此类事务："
        "请挂断，自行拨打110核实。",
    ),
    "none.no_signal": (
        "No known scam pattern found in this message.",
        "该消息中未发现已知的诈骗特征。",
    ),
}

# the texts of codes above that name a brand, for a message that names no listed brand
UNBRANDED: dict[str, tuple[str, str]] = {
    "tactic.identity_claim": (
        "The sender presents itself as customer service or staff. Anyone can type that.",
        "对方自称客服或工作人员。任何人都可以这样自称。",
    ),
    "context.sender_impersonation": (
        "The sender's display name claims to be customer service, but on this site anyone can choose that name.",
        "发送者的昵称自称客服，但在该网站上任何人都可以取这样的名字。",
    ),
    "notice.party": (
        "It presents itself as a notice from a bank, public service, courier or platform.",
        "这条消息以银行、公共服务、快递或平台通知的口吻发出。",
    ),
    "notice.unofficial_link": (
        "It sends you to a link that is not a known official site. Real notices never ask you to log in or pay "
        "through a link in a message.",
        "它让您打开的链接不是已知的官方网站。真正的通知不会让您通过短信或聊天中的链接登录或付款。",
    ),
    "notice.unofficial_email": (
        "It asks you to write to an e-mail address that is not on a known official domain. Contact the sender "
        "only through its official website or app.",
        "它让您发邮件到一个不属于已知官方域名的邮箱。请只通过官方网站或App联系。",
    ),
    "notice.unofficial_phone": (
        "It gives a number that is not a known official number. Look the official number up yourself (on the "
        "card, the bill or the official website) and dial it instead.",
        "它给出的号码不是已知的官方号码。请自行查找官方号码（银行卡背面、账单或官网上）并拨打。",
    ),
}

# what a tactic is called when an earlier message supplied it (context.earlier_message)
TACTIC_NAMES: dict[str, tuple[str, str]] = {
    "identity_claim": ("claimed to be customer service or staff", "自称客服或工作人员"),
    "unsolicited_notice": ("said 'we found' something about your account", "称“我们发现”您的账户有情况"),
    "refund_lure": ("offered a refund or compensation", "提出退款或赔偿"),
    "cancel_service": ("asked to cancel an account or service", "要求注销账户或服务"),
    "account_problem": ("said the account has a problem", "称账户异常"),
    "loan_offer": ("offered a loan or a lower rate", "提供贷款或降息"),
    "delivery_problem": ("said the parcel has a problem", "称包裹异常"),
    "credential_request": ("asked for a code, password or card number", "索要验证码、密码或卡号"),
    "safe_account": ("mentioned a 'safe account'", "提到“安全账户”"),
    "transfer_request": ("asked for a transfer or payment", "要求转账或付款"),
    "advance_fee": ("asked for a fee or deposit", "要求支付费用或保证金"),
    "loan_app": ("asked to borrow from a lending app", "要求在借贷平台借款"),
    "empty_account": ("asked you to empty your account", "要求取出账户余额"),
    "atm_guidance": ("sent you to a cash machine to follow instructions", "要您到ATM按指示操作"),
    "mistaken_payment": ("asked you to send back money 'sent by mistake'", "以“转错账”为由要求退回"),
    "renewal_call": ("called as customer service about a renewal charge", "自称客服来电告知自动续费扣款"),
    "order_dispute_call": ("gave a number to dispute an order you never made", "给出电话让您申诉未下单的订单"),
    "office_call": ("introduced itself as a public office about a problem of yours", "自称政府部门来电告知您有问题"),
    "fraud_team_call": ("introduced itself as a bank's fraud or security team", "自称银行反欺诈或安全部门来电"),
    "asset_probe": ("asked how much money you have or in which banks", "询问您有多少钱、有几张银行卡"),
    "escorted_cash": ("kept you on the line to the bank, or sent for your cash", "要求不挂电话去银行或派人上门取钱"),
    "money_frozen": ("said your money was frozen by the system", "称您的款项被系统冻结"),
    "parcel_lost_claim": ("said your parcel was lost or damaged", "称您的快递丢失或损坏"),
    "purchase_problem_claim": ("said your purchase or order has a problem", "称您购买的商品或订单有问题"),
    "cutoff_claim": ("said your account or number is about to be cut off", "称您的账号或号码即将被封停"),
    "staff_call": ("introduced itself as staff and told you of a problem of yours", "自称工作人员并告知您的账户或业务有情况"),
    "not_a_scam_claim": ("insisted it is not a scam", "一再强调自己不是骗子"),
    "police_contact_call": ("told you to contact the police of some city", "要求您尽快联系某地公安"),
    "benefit_rush_claim": ("said an allowance is running out, first come first served", "称补助数量有限、先到先得"),
    "benefit_waiting_claim": ("said a subsidy or tax refund is waiting for you", "称有补贴或退税等您领取"),
    "charge_claim": ("said a membership or service will take your money", "称会员或服务要扣您的钱"),
    "points_cash_claim": ("said your points can be turned into cash", "称积分可兑换现金"),
    "support_desk_link": ("sent you to a wallet 'support' chat or tool at an unknown link", "以钱包客服名义把您引到陌生链接"),
    "relative_claim": ("spoke as your child on a new number and asked for money", "自称子女换了新号码并要钱"),
    "flight_claim": ("said your flight is cancelled, with compensation on offer", "称航班取消并提出理赔"),
    "handoff_claim": ("said your bank or the post office will call you next", "称银行或邮局会接着联系您"),
    "callback_offer": ("offered money or a discount to claim by calling back", "以退款或优惠为由要您回拨电话"),
    "trade_blocked": ("said a trade is stuck for want of a 'protection' or deposit", "称因未开通保障或保证金导致交易受阻"),
    "step_guidance": ("offered to guide you step by step", "要一步步指导您操作"),
    "link_activation": ("asked for a reply to make its link work", "要求回复以点开链接"),
    "police_handoff": ("handed the call to a 'police officer' or 'regulator'", "把电话转接给“警官”或“监管部门”"),
    "secrecy": ("asked you to keep it from your family or bank", "要求对家人或银行保密"),
    "authority_call": ("introduced itself as the police or a court", "自称公检法机关来电"),
    "device_compromise": ("said your device was hacked or infected", "称您的设备中毒或被黑"),
    "tech_support_call": ("called as a software company's tech support", "自称软件公司技术支持来电"),
    "gift_card": ("asked for gift cards", "要求购买礼品卡"),
    "qr_code": ("sent a QR code for a refund", "发送二维码办理退款"),
    "screen_share": ("asked to install an app or share the screen", "要求下载软件或共享屏幕"),
    "off_platform": ("moved the chat off the platform", "要求离开平台联系"),
    "threat": ("threatened consequences", "以后果施压"),
    "investment_lure": ("promised investment returns", "承诺投资收益"),
    "accusation": ("accused you of a crime", "称您涉嫌犯罪"),
}


@functools.lru_cache(maxsize=4096)  # a few codes x the brands named: the same texts again and again
def reason_text(code: str, brand_en: str, brand_zh: str, official: str) -> tuple[str, str]:
    if code.startswith("link."):
        return "", ""  # link reasons keep the URL check's own messages
    en, zh = (not brand_en and UNBRANDED.get(code)) or MESSAGES.get(code, (code, code))
    fields = {"brand_en": brand_en, "brand_zh": brand_zh, "official": official}
    empty_official = not official and "{official}" in en
    en, zh = en.format(**fields), zh.format(**fields)
    if empty_official:  # no official channel to name: drop the empty '(official: )'
        en, zh = _EMPTY_OFFICIAL.sub("", en), _EMPTY_OFFICIAL.sub("", zh)
    return en, zh
