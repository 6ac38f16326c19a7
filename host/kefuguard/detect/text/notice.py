"""Notice scripts as structure: who a message speaks for, what it says happened, what it tells you
to do, by when, and through which channel, compared with that party's official channels.

Real fake-customer-service messages are mostly notices ("【工商银行】您的电子密码器今日失效，请登录
wap.icbc-xx.com 升级", "USPS: your parcel is on hold, pay the fee at <link>"): a party, a state,
an act and one channel. Each slot (slots.py) has a broad vocabulary (notice_words.py) and alone
means little; scoring.py decides what a combination of slots means. The sender frame is
sender_frame.py's; the channels, compared with the party's official ones, notice_channels.py's.
Anti-fraud reminders use the same words about scams: they are recognised here as advisory, and
scoring keeps them from warning.
"""

from __future__ import annotations

import re

from kefuguard.detect.text.caller_lines import denied_scam_word, handed_to_antifraud
from kefuguard.detect.text.entities import Entity
from kefuguard.detect.text.keyword_automaton import Hit
from kefuguard.detect.text.notice_channels import (
    NUMBERLESS_CATEGORIES,
    PERSONAL_NUMBER_KINDS,
    SERVICE_LINE_KINDS,
    asks_for_money_or_credentials,
    brand_id_of,
    brand_link,
    channels,
    kind_at,
    mimics,
    official_place,
    official_text,
    phone_channels,
    unshown_link,
)
from kefuguard.detect.text.sender_frame import sender_frame
from kefuguard.detect.text.slots import (
    ACT,
    ADVISORY,
    BRAND_CLAIM,
    CONSEQUENCE,
    DEADLINE,
    OFFICIAL_PLACE,
    OTP_NOTICE,
    PARTY,
    PRESSURE,
    REMINDER,
    SELF,
    STATE,
    STATE_STRONG,
    VOICE,
    VOICE_MENU,
    YOURS,
    Slot,
    first_hit,
)
from kefuguard.detect.text.tactics import WEAK_ADVISORY_WORDS, MessageHits, reader_remedy
from kefuguard.lists.model import Brand

# How close the parts of one phrase must stand (characters of folded text)
_GOING_ON = ("continue ", "keep ", "stop ", "start ")
SCAM_WORD_AFTER_SUSPECTED = 4  # '涉嫌诈骗' is what fake police say, not advice
BRAND_OPENS_WITHIN = 8  # '中国移动网上充值优惠', 'Amazon: your order…': the brand is the message's subject
REMINDER_CUES = 3  # 'will never... will only... all links...': a reminder, even when it names a site
NARRATIVE_CUES = 2  # '短信称…王先生按对方要求…': a story of a scam told by someone else, link and all
QUOTE_NEGATION = 12  # '切勿点击 www.x.com', 'do not call 1-800-…': a reminder naming what not to open
ADVISORY_BEFORE_STATE = 6  # '快递员不会以理赔为由…': the state a reminder says callers invent
FOREIGN_SERVICE_KINDS = frozenset({"us_toll_free", "us_number", "au_service", "intl"})
YOURS_BEFORE_STATE = 48  # '您的医保卡确实存在异常', 'your debit card has been temporarily disabled'


def _advisory(m: MessageHits) -> Hit | None:
    for h in m.get("advisory") + m.get("narrative"):
        before = m.folded[max(0, h.start - SCAM_WORD_AFTER_SUSPECTED) : h.start]
        if "涉嫌" in before or "涉及" in before:
            continue  # 'you are suspected of fraud': the fake police's line
        if m.folded.endswith(_GOING_ON, 0, h.start):
            continue  # 'verify your account to continue receiving emails': the reader's own mail, no report
        if ("不是" in before or "没有" in before) and denied_scam_word(m, h.start):
            continue  # '我这边不是骗人的', '这不是诈骗': a caller vouching for itself
        near = m.folded[max(0, h.start - 14) : h.start]
        if ("转" in near or "接通" in near) and handed_to_antifraud(m, h.start):
            continue  # '我帮您转接165反诈骗专线': the fake bank handing over, not advice
        if before.endswith(("发送", "发布", "群发")):
            continue  # '您的号码被用来发送诈骗短信': the fake operator's accusation, not advice
        return h
    weak = m.get("advisory_weak")
    return weak[0] if len(weak) >= WEAK_ADVISORY_WORDS else None


# the message's own link or code running out ('If you don't confirm within 48 hours, the link will expire',
# 'this code expires in 10 minutes'): nothing of the reader's is in trouble
_OWN_LINK_BEFORE = re.compile(
    r"\b(?:link|code|passcode|otp|invitation|invite|token|session)s? (?:will |is going to |may )?$"
)


def _link_expires(m: MessageHits, h: Hit) -> bool:
    if "expir" not in m.folded[h.start : h.end]:
        return False
    return _OWN_LINK_BEFORE.search(m.folded, max(0, h.start - 24), h.start) is not None


def _states(m: MessageHits, hits: list[Hit]) -> list[Hit]:
    """States that are not negated; in a promotion only the ones no promotion says (frozen,
    suspended...): 'your coupon expires, claim it' is marketing, not an account in trouble."""
    if not hits:
        return []
    tests = m.memo.get("state_tests")
    if tests is None:
        # each test's words looked for once per message, not once per state: most messages have none
        tests = m.memo["state_tests"] = [
            test
            for test, needed in (
                (MessageHits.negated, m.get("neg")),
                (_reported_claim, _REPORTED_CLAIM_WORDS),
                (_advised, m.get("advisory")),
                (_maintenance, _MAINTENANCE),
                (_supposed, _SUPPOSED_WORDS),
            )
            if (_anywhere(m, needed) if needed.__class__ is re.Pattern else needed)
        ]
        m.memo["state_said"] = {}
    said: dict[int, bool] = m.memo["state_said"]  # by position: a hallmark is a state asked again
    expiring = "expir" in m.folded  # one test of the message, not one a state
    states = []
    for h in hits:
        other = said.get(h.start) if tests else False
        if other is None:  # negated, reported, advised against, in maintenance, or supposed
            other = said[h.start] = any(said_of(m, h.start) for said_of in tests)
        # ... and what the word itself says: a payment failed and returned, a link's own expiry
        if not other and not _failed_and_returned(m, h) and not (expiring and _link_expires(m, h)):
            states.append(h)
    if states and m.get("remedy"):
        states = [h for h in states if not reader_remedy(m, h)]
    if _promotes(m):
        strong = {(h.start, h.end) for h in m.get("state_strong")}
        states = [h for h in states if (h.start, h.end) in strong]
    return states


_FAILED = frozenset(
    {"提现失败", "无法提现", "支付失败", "付款失败", "转账失败", "扣款失败", "出款失败", "出票失败", "出票不成功", "未能出票", "无法出票"}
)
_RETURNED = re.compile(r"(?:已|已经|将|将会|会)(?:原路)?(?:退回|退还|返还|退至|退到|返回)|原路退回|原路返回|原路退还")


def _failed_and_returned(m: MessageHits, h: Hit) -> bool:
    """'提现失败，原因：银行卡信息有误，资金已退回余额': a payment that failed and whose money is already
    back is the service's own receipt, not a hold on your money."""
    return m.folded[h.start : h.end] in _FAILED and _RETURNED.search(m.folded, h.end) is not None


def _promotes(m: MessageHits) -> bool:
    """A promotion's words in the message itself, not in the name of a link or an address
    ('claims@cc-promo.com', 'best-deal.top')."""
    marketing = m.get("marketing")
    if not marketing:
        return False
    spans = [(e.start, e.end) for e in m.entities if e.kind in ("url", "email")]
    return any(not any(s <= h.start < e for s, e in spans) for h in marketing)


_SUPPOSED = re.compile(
    r"\b(?:if|should|whenever|when) you (?:ever )?(?:notice|see|spot|find|suspect|think|believe|discover|"
    r"become aware|are concerned|are worried)\b|如果您发现|如果你发现|若发现|如发现"
)
_SUPPOSED_WORDS = re.compile(r"(?:if|should|when|whenever) you|发现")


def _supposed(m: MessageHits, pos: int) -> bool:
    """'If you notice suspicious transactions on your account, call us': what the reader may find one day,
    the advice a bank gives, not a state the message announces ('if you did not make this purchase' is
    the dispute a script asks, and stays)."""
    return _anywhere(m, _SUPPOSED_WORDS) and _SUPPOSED.search(_sentence_before(m, pos)) is not None


_MAINTENANCE = re.compile(r"维护|maintenance")


def _maintenance(m: MessageHits, pos: int) -> bool:
    """'系统将于…升级维护，期间网银暂停服务': a service paused for everyone during maintenance, not the
    reader's account ('系统维护导致您的账户被冻结' is still the reader's)."""
    if not _anywhere(m, _MAINTENANCE):
        return False
    before = _sentence_before(m, pos)
    return _MAINTENANCE.search(before) is not None and _SECOND_PERSON.search(before) is None


def _advised(m: MessageHits, pos: int) -> bool:
    """'谨防诈骗，快递员不会以理赔为由索要验证码': a state named by the reminder a genuine notice ends with
    (right after its 'never'), not one the notice announces."""
    return any(0 <= pos - h.end <= ADVISORY_BEFORE_STATE and m.same_clause(h.end, pos) for h in m.get("advisory"))


# a receipt or an order confirmation to look at ('Thanks for your order! Click here to see your
# receipt'): what every shop e-mails, nothing wrong with anything; a fake one disputes a charge
# ('if you did not authorize…', 'charged') or announces a prize ('the code on your receipt came 2nd
# in our draw'), and those words are states of their own
_PAPERWORK = frozenset({"receipt", "order confirmation"})


_CHARGES = ("自动扣款", "扣款", "自动扣费", "扣费", "扣除", "自动续费", "自动划扣")


def _charge_done(m: MessageHits, h: Hit) -> bool:
    """'费用23.5元已自动扣款': a receipt for a charge made, not a threat of one to come."""
    said = m.folded[h.start : h.end]
    return said in _CHARGES and m.done_before(h.start)


# a bank's own debit of what you owe it: a repayment you set up ('您已开通自动还款，本期账单…将从您的借记卡
#自动扣款') or the card's annual fee ('信用卡年费将于下月扣收'), told for information ('请确保余额充足'),
# with no channel and nothing to cancel; a scam's charge is a service you never ordered ('百万保障',
# '会员') with a way to cancel it, or a number to call
_CHARGE_WORDS = frozenset({"自动扣款", "自动扣费", "扣款", "扣费", "扣除", "年费", "自动划扣", "自动划款", "自动缴费"})
_OWN_DEBT = re.compile(r"还款|账单|月供|房贷|车贷|卡年费")
_UNORDERED_CHARGE = re.compile(
    r"会员|保障|保险|保费|业务|套餐|服务费|订阅|百万|医疗|vip|开通了|误开通|不是本人|非本人|取消|关闭|解除|退订|"
    r"客服|联系|回复|点击|链接|转账|汇款"
)


# what the bank's notice tells you to do or know: keep the balance up, ignore it if paid, how to be exempt
_FOR_INFORMATION = re.compile(
    r"余额充足|足额|存入|如已还款|请忽略|免年费|免次年|可免|成功设置|已设置|已开通自动还款|登录[^，。]{0,12}app"
)
_CALLER = re.compile(r"我是|这里是|我们是|我这边|工作人员|专员")


def _own_bill_debit(m: MessageHits, h: Hit) -> bool:
    """'【招商银行】您已开通自动还款，本期账单3200元将于12月10日自动扣款，请确保余额充足': the bank's notice
    of a repayment or an annual fee to come, for information, with no channel, no caller and nothing
    to cancel: not a hallmark."""
    if m.folded[h.start : h.end] not in _CHARGE_WORDS or _OWN_DEBT.search(m.folded) is None:
        return False
    if any(e.kind in ("url", "phone", "email") for e in m.entities) or m.get("add_verb"):
        return False
    if _FOR_INFORMATION.search(m.folded) is None or _CALLER.search(m.folded) is not None:
        return False
    return _UNORDERED_CHARGE.search(m.folded) is None


# a technician or a crew on the way is a utility scam's cut-off only with the cut-off said ('2 months behind …
# a disconnection crew is on the way'); alone it is the visit you booked ('Your technician is on the way
# for your installation appointment')
_ON_THE_WAY = ("technician is on the way", "crew is on the way")
_CUT_OFF = re.compile(
    r"disconnect|shut ?off|shutoff|cut off|cut-off|unpaid|past due|overdue|behind on|months behind|"
    r"outstanding|final notice|suspend|terminat"
)


def _visit_announced(m: MessageHits, h: Hit) -> bool:
    return m.folded[h.start : h.end] in _ON_THE_WAY and _CUT_OFF.search(m.folded) is None


# 'You have been selected for jury service': the summons itself, which courts send; the scam's hallmark is
# the duty missed ('you failed to appear… a warrant has been issued'), a state of its own
_FOR_JURY = re.compile(r" (?:for|to serve on|to serve as|to serve) (?:a |the )?(?:jury|juror)")


def _selected_for_jury(m: MessageHits, h: Hit) -> bool:
    if not m.folded.endswith("selected", h.start, h.end) or _FOR_JURY.match(m.folded, h.end) is None:
        return False
    return not (m.get("pay") or m.get("fee") or m.get("cred_strong"))  # a court asks no fee, card or code


_BILL_TOTAL = ("累计", "当月", "本月", "月度", "总")
_CUTOFF_WORDS = frozenset({"停机", "即将停机", "将停机", "将被停机", "被停机", "停用", "被停用", "停话"})
_UNPAID_BILL = re.compile(r"欠费|余额不足|余额少于|话费余额")


def _bill_cutoff(m: MessageHits, h: Hit) -> bool:
    """'您的号码欠费，即将停机，请及时充值': the operator's own reminder of an unpaid bill, not a hallmark
    (a link or a number to pay through still makes it a script)."""
    return m.folded[h.start : h.end] in _CUTOFF_WORDS and _UNPAID_BILL.search(m.folded) is not None


def _a_bill_total(m: MessageHits, h: Hit) -> bool:
    """'您的当月累计消费为58元': an operator's or bank's bill summary, not one transaction announced."""
    return m.folded[max(0, h.start - 2) : h.start].endswith(_BILL_TOTAL)


_REPORTED_CLAIM = re.compile(
    r"\bclaiming\b|\bclaims that\b|\bsaying that\b|\b(?:message|text|call|e-?mail|letter)s? (?:saying|stating)\b|声称|谎称|自称|"
    # 'if a caller says we had to freeze your account', 'scammers may say your card…': said by someone else
    r"\b(?:caller|callers|scammers?|fraudsters?|criminals?|someone|anyone) (?:(?:may|might|will|could) )?"
    r"(?:says?|said|claims?|tells? you|told you)\b"
)
_REPORTED_CLAIM_WORDS = re.compile(  # edges aside
    r"claiming|claims that|saying|stating|声称|谎称|自称|caller|scammer|fraudster|criminal|someone|anyone"
)


def _anywhere(m: MessageHits, words: re.Pattern[str]) -> bool:
    """Whether `words` (a sentence test's pattern, without word edges, which a sentence cut out of
    the text could gain) occur anywhere in the message: if not, no sentence of it holds them and the
    test is skipped for each hit. One search per message instead of a slice, a split and a search
    per state word."""
    found = m.memo.get(words.pattern)
    if found is None:
        found = m.memo[words.pattern] = words.search(m.folded) is not None
    return bool(found)


def _sentence_before(m: MessageHits, pos: int) -> str:
    """The sentence up to `pos`, YOURS_BEFORE_STATE characters at most (folded: sentence ends stay,
    as ASCII), where the sentence tests below look."""
    return m.sentence_before(pos, YOURS_BEFORE_STATE)


def _reported_claim(m: MessageHits, pos: int) -> bool:
    """'a call claiming that your account has been compromised': what a caller would say, reported
    by a reminder, not the message's own news about your account."""
    return _anywhere(m, _REPORTED_CLAIM_WORDS) and _REPORTED_CLAIM.search(_sentence_before(m, pos)) is not None


_REQUESTED = re.compile(
    r"as (?:you )?requested|as you asked|at your request|you asked us|you requested|应您的要求|按您的要求|根据您的申请"
)


def _requested(m: MessageHits, pos: int) -> bool:
    """'As you asked, we will deactivate your old card': what the reader asked for, not a threat."""
    # no word edges: a sentence holds them only if the text does
    return _anywhere(m, _REQUESTED) and _REQUESTED.search(_sentence_before(m, pos)) is not None


_SUPPOSED_OR_ANSWERED = re.compile(r"\bif\b|\bin case\b|\bsorry\b|\bhear\b|如果|若|万一|抱歉|不好意思|您反馈|您反映")
_SUPPOSED_OR_ANSWERED_WORDS = re.compile(r"if|in case|sorry|hear|如果|若|万一|抱歉|不好意思|您反馈|您反映")


def _supposed_or_answered(m: MessageHits, pos: int) -> bool:
    """'If you can't access your account, …', 'sorry to hear you're locked out': advice or a
    helpdesk's answer, not a notice that you are shut out."""
    if not _anywhere(m, _SUPPOSED_OR_ANSWERED_WORDS):
        return False
    return _SUPPOSED_OR_ANSWERED.search(_sentence_before(m, pos)) is not None


_SECOND_PERSON = re.compile(r"您|你|\byour\b|\byou\b")


def _addressed(m: MessageHits, pos: int) -> bool:
    """The state is said of the reader's own thing ('您的医保资料缺失', 'your card has been
    deactivated', 'you have been hacked') in the same sentence, not of accounts in general."""
    return _SECOND_PERSON.search(_sentence_before(m, pos)) is not None


YOURS_AFTER_STATE = 20  # 'we have suspended your card', 'unauthorized withdrawal detected on your account'


def _yours(m: MessageHits, h: Hit) -> bool:
    """The state is the reader's: addressed before it, or saying 'your' itself ('lock your account')
    or right after it in the same clause ('we have suspended your card', 'unusual activity on your
    account')."""
    if _addressed(m, h.start):
        return True
    you = _SECOND_PERSON.search(m.folded, h.start, h.end + YOURS_AFTER_STATE)
    return you is not None and m.same_clause(h.start, you.start())


_ORG_VOICE = re.compile(
    r"\bwe(?: ?ll| ?ve| ?re| have| will| are| were| placed| noticed| detected)?\b|我们|本公司|我司|本平台"
)


_DESCRIPTION = re.compile(r" *(?:a|an|not|what|how|why|because|called|known|one|another|just)\b")


def _describes(m: MessageHits, end: int) -> bool:
    """'This is a common scam', 'this is not how we work': a reminder describing, not a sender
    introducing itself ('this is Amazon', 'this is John from the fraud team')."""
    return _DESCRIPTION.match(m.folded, end) is not None


_SENDER_US = re.compile(r"\b(?:us|our)\b|我们|我司|本公司")


# what else a code SMS says its code is for ('验证码192837，用于注销账户，如非本人操作请立即修改密码'): a
# pattern, not phrases, so that '注销' or '支付' inside it still count for their own tags
_CODE_PURPOSE = re.compile(
    r"用于(?:注销|修改|找回|绑定|解绑|重置|支付|变更|开通|实名|快捷登录|手机号登录)|[如若]非(?:您|你)?本人操作|"
    r"(?:您|你)正(?:在)?(?:进行|办理|使用|操作|登录|申请)"
)


def _code_for_your_action(m: MessageHits) -> bool:
    """'【京东】验证码382910，您正在进行账户注销': a service's signed code message saying what the code is
    for, asking nothing and claiming no one ('我是京东客服…请把验证码382910发给我' is not)."""
    if not (m.get("code_purpose") or _CODE_PURPOSE.search(m.folded)) or m.get("ask") or m.get("self_claim"):
        return False
    # '验证码…用于注销账户，请回复给客服专员办理退款': the code sent on to an agent for a refund
    if m.get("refund") or m.get("refund_hallmark") or m.get("cs_role"):
        return False
    # signed '中銀香港：…' or '國泰世華：…' as much as '【…】': a sender's name before a colon
    return _frame(m) is not None or _NAME_COLON.match(m.text) is not None


_NAME_COLON = re.compile(r"\s*[\u4e00-\u9fffA-Za-z0-9&]{2,12}[:：]")


def _frame(m: MessageHits) -> tuple[int, int] | None:
    """The message's sender frame, found once (several slots ask for it)."""
    if "frame" not in m.memo:
        m.memo["frame"] = sender_frame(m.text, m.folded)
    return m.memo["frame"]


def _party(m: MessageHits, party: Brand | None) -> Slot | None:
    """Who the message speaks for: a listed brand, a sender frame, or a party word not referred to."""
    frame = _frame(m)
    party_hit = first_hit([h for h in m.get("party") if not m.referral_before(h.start)])
    if party is None and frame is None and party_hit is None:
        return None
    start, end = frame or ((party_hit.start, party_hit.end) if party_hit else (0, 0))
    return Slot(PARTY, start, end, "notice.party", official_text(party), brand_id_of(party))


def _brand_claimed(m: MessageHits, party: Brand | None, claimed: bool) -> bool:
    """The listed brand speaks (an identity claim, or its name in the sender frame '【工商银行】'),
    rather than being mentioned ('请联系京东客服')."""
    if party is None:
        return False
    if claimed:
        return True
    tag = "brand:" + party.id
    frame = _frame(m)
    return frame is not None and any(frame[0] <= h.start and h.end <= frame[1] for h in m.get(tag))


def _speaks_for(m: MessageHits, party: Brand | None, claimed: bool) -> bool:
    """The brand speaks (claimed, in the sender frame, or opening the message as its subject:
    '中国移动网上充值优惠…'), not merely referred to ('详情请查询中国银行App')."""
    if party is None:
        return False
    if _brand_claimed(m, party, claimed):
        return True
    tag = "brand:" + party.id
    if any(h.start <= BRAND_OPENS_WITHIN and not m.referral_before(h.start) for h in m.get(tag)):
        return True
    # 'regarding your Amazon order', 'your PayPal account has…': the reader's own thing at the brand, which
    # only the brand has news of
    return any(m.folded.endswith("your ", 0, h.start) and _BRAND_THING.match(m.folded, h.end) for h in m.get(tag))


_BRAND_THING = re.compile(
    r" (?:account|order|card|subscription|membership|package|parcel|shipment|delivery|payment|id|wallet|refund|"
    r"purchase|transaction)s?\b"  # not 'service' or 'plan': a telco's own notice names them with its lines
)


def _brand_claim_slot(party_slot: Slot | None) -> Slot:
    start, end = (party_slot.start, party_slot.end) if party_slot is not None else (0, 0)
    return Slot(BRAND_CLAIM, start, end, "notice.party")


def _act(m: MessageHits) -> Slot | None:
    if "act" not in m.memo:
        m.memo["act"] = _find_act(m)
    return m.memo["act"]


def _find_act_only(m: MessageHits) -> bool:
    """An act word proper (contact, confirm, click...), not a deadline or a phone word."""
    return any(not m.negated(h.start) for h in m.get("act") + m.get("link_action"))


def _find_act(m: MessageHits) -> Slot | None:
    # an act may sit inside a longer phrase of another tag ('咨询电话', '请拨9', '请联系'): those count too
    acts = m.get("act") + m.get("link_action") + m.get("referral") + m.get("voice_menu") + m.get("cs_phone")
    for h in sorted(acts + m.get("phone_word"), key=lambda h: h.start):  # the first one not negated
        if not m.negated(h.start) and not _REPLY_A_KEY.match(m.folded, h.start) and not _terms_apply(m, h):
            return Slot(ACT, h.start, h.end, "notice.act")
    return None


# the consequence of not acting, not a deadline ('within 48 hours'): 'failure to verify…', 'to avoid account
# suspension', 'or your account will be…'
_CONSEQUENCE = re.compile(
    r"failure to |if you fail to|if no action is taken|if you do(?: not|n t) respond|to avoid |"
    r"or your (?:account|membership|subscription|service|card|wallet) (?:will|may) be"
)
# what a helpdesk closes when you do not answer: a ticket, a case, a request, not your account
_HELPDESK_ITEM = re.compile(r"\b(?:ticket|case|request|chat|conversation|thread|enquiry|inquiry|complaint)\b")


def _helpdesk_item(m: MessageHits, h: Hit) -> bool:
    """'If we don't hear from you within 7 days, this ticket will be closed': the helpdesk's own item."""
    before = m.folded[max(0, h.start - 24) : h.start]
    return before.isascii() and _HELPDESK_ITEM.search(before) is not None and "account" not in before


def _answered_in_thread(m: MessageHits) -> bool:
    """Only a key to reply with is asked: no link, number or address given, no code or payment asked."""
    if _REPLY_A_KEY.search(m.folded) is None:
        return False
    offered = any(e.kind in ("url", "phone", "email") for e in m.entities)
    return not offered and not (m.get("cred_strong") or m.get("pay"))


# 'Msg&data rates may apply', 'terms apply': the small print of a text, nothing the reader is asked to do
_TERMS_BEFORE_APPLY = re.compile(
    r"(?:rates?|charges?|fees?|terms|conditions|t ?&? ?cs?|restrictions|exclusions) (?:may |will )?$"
)


def _terms_apply(m: MessageHits, h: Hit) -> bool:
    if not m.folded.startswith("apply", h.start):
        return False
    return _TERMS_BEFORE_APPLY.search(m.folded, max(0, h.start - 24), h.start) is not None


# 'Reply Y if you made a $600.00 purchase, N if not', 'reply YES or NO', 'reply STOP': a bank's fraud alert
# answered in the same text thread, nothing opened, nobody called
_REPLY_A_KEY = re.compile(r"reply (?:with )?(?:y|n|yes|no|stop|1|2|c|r)\b")


_ACT_ON_YOURS = re.compile(
    r"\b(?:confirm|review|update|verify|validate|check|schedule|reschedule|manage|secure|restore|unlock|"
    r"reactivate)(?: (?:all|the details of))? your\b"
)
# money said to be yours, to be claimed at the site ('【中国电信】您的话费返还198元已到账，请点击链接领取'):
# a brand pays back into your account or its own app, never through a site that is not its own
_CLAIM_MONEY_AT_SITE = re.compile(
    r"(?:返还|退还|退款|退费|补贴|补助|补偿|赔付|赔偿|理赔|退税|返现|现金|红包|奖金|款项)[^。！？!?\n]{0,24}?"
    r"(?:领取|申领|认领|提取|兑换|提现)|(?:领取|申领|认领|提取|提现)[^，。！？!?\n]{0,6}?"
    r"(?:返还|退款|退费|补贴|补助|补偿|赔付|赔偿|理赔款|退税|返现|现金|奖金|款项)"
)


def notice_slots(
    m: MessageHits, party: Brand | None, unlisted_links: list[Entity], claimed: bool = False
) -> list[Slot]:
    """The slots of a notice script found in one incoming message. `party`: the listed brand it
    speaks for or names (analysis.py decides), if any, and whether it `claimed` to be it;
    `unlisted_links`: its links that are neither official nor a known scam or lookalike."""
    out: list[Slot] = []
    if any(e.kind == "code" for e in m.entities) and (m.get("keep_secret") or _code_for_your_action(m)):
        secret = m.get("keep_secret") or m.get("code_purpose")
        purpose = _CODE_PURPOSE.search(m.folded) if not secret else None
        start, end = (secret[0].start, secret[0].end) if secret else purpose.span() if purpose else (0, 0)
        out.append(Slot(OTP_NOTICE, start, end, "notice.otp"))
    advisory = _advisory(m) or _quoted_call(m)
    if advisory is not None:
        out.append(Slot(ADVISORY, advisory.start, advisory.end, "notice.advisory"))
        narrative = len(m.get("narrative"))
        reminder = narrative >= NARRATIVE_CUES or len(m.get("advisory")) + narrative >= REMINDER_CUES
        reminder = reminder or advisory.tag == "quoted_call" or _RULE_STATEMENT.search(m.folded) is not None
        if reminder or _ASKED_IF_CALLED.search(m.folded):
            out.append(Slot(REMINDER, advisory.start, advisory.end, "notice.advisory"))
        # '“您好，我是京东金融客服…”——这是典型的诈骗话术': a script quoted and judged outside the quotes is
        # not the sender speaking (a source quoting the scam whole, its own words inside, still is)
        judged = any(
            not _quoted(m.text, h.start) and _VERDICT.search(m.folded, h.start, h.end) for h in m.get("advisory")
        )
        example = _example_label(m)
        shown = _state_quoted(m, example) if judged or example is not None else None
        if shown is not None and (example is not None or _judged_before(m, shown)):
            # 'Example of a scam text: "USPS: your parcel is on hold… usps-x.top"': the scam quoted whole
            # after words that judge it; 'This text is a scam: Chase: your card is locked…': shown after a
            # label that judges it (a scam's own 'do not click…' comes after its quotes, not before)
            if not any(s.category == REMINDER for s in out):
                out.append(Slot(REMINDER, advisory.start, advisory.end, "notice.advisory"))
        speaker = first_hit(
            [
                h
                for h in m.get("self_claim") + m.get("notice")
                if not m.negated(h.start) and not _describes(m, h.end) and not (judged and _quoted(m.text, h.start))
            ]
        )
        if speaker is not None:
            out.append(Slot(SELF, speaker.start, speaker.end, "notice.self"))
    party_slot = _party(m, party)
    if party_slot is not None:
        out.append(party_slot)
    place = official_place(m)
    if place is not None:
        out.append(Slot(OFFICIAL_PLACE, *place, "notice.party"))
    menu = first_hit(m.get("voice_menu"))
    if menu is not None and party_slot is not None:
        out.append(Slot(VOICE_MENU, menu.start, menu.end, "notice.voice_menu"))
    # a hallmark state is a state even where the state list lacks it ('benefits will be cancelled')
    states = m.get("state") + m.get("state_strong") + m.get("account_problem") + m.get("delivery_problem")
    states += m.get("problem")
    lockouts = [h for h in m.get("lockout") if not _supposed_or_answered(m, h.start)]
    states += lockouts
    if m.get("query"):  # a transaction with 'if in doubt, call…': the charge is the state
        states += [h for h in m.get("spend") if not _a_bill_total(m, h)]
    if m.get("paperwork"):
        states = [h for h in states if m.folded[h.start : h.end] not in _PAPERWORK]
    state = first_hit(_states(m, states + m.get("credit_threat") + m.get("cancel_hallmark") + m.get("refund_hallmark")))
    speaks = unlisted_links and _speaks_for(m, party, claimed)
    brand_site = brand_link(m, party, unlisted_links, _act(m) is not None) if speaks else None
    pushed = brand_site is not None and (
        state is not None
        or any(not m.negated(h.start) for h in m.get("threat"))  # 'update … to continue watching'
        or asks_for_money_or_credentials(m)
        or any(not m.negated(h.start) for h in m.get("download"))  # an app from a link not its own
        or mimics(brand_site, m, party)
        # 'Apple: Confirm your Apple ID information: <a site not Apple's>': something of yours to be
        # confirmed, reviewed or updated at a site that is not the brand's
        or _ACT_ON_YOURS.search(m.folded) is not None
        or (_CLAIM_MONEY_AT_SITE.search(m.folded) is not None and not m.get("marketing"))
    )
    if brand_site is not None and pushed:
        out.append(brand_site)  # not a brand's own short link in an ordinary notice ('delivered: amzn.to/…')
    if state is None:
        # the brand in the sender frame, or opening the message as its subject ('Your Amazon order …
        # if you did not place this order, call …'): it speaks, and the number it gives must be its own
        if not _speaks_for(m, party, claimed):
            # no script in this message alone; its act and channels still complete one that an
            # earlier message of the conversation began ('your card is frozen' ... 'call 0201234567')
            act = _act(m)
            if act is not None and (unlisted_links or any(e.kind == "phone" for e in m.entities)):
                out += [act, *channels(m, party, unlisted_links)]
            return out
        # a bank, a payment service, an operator or a public office speaking, with a personal number:
        # never theirs (their links can be short links the list does not know yet: not those)
        act = _act(m)
        # and any listed brand speaking with a service line (400, toll-free, foreign) not its own
        numberless = party is not None and party.category in NUMBERLESS_CATEGORIES
        # a service line not on the list is the scam's only when the message pushes something: a
        # brand's real 400 number the list lacks closes ordinary notices ('退款已到账，如有疑问请致电…')
        pushes = (
            claimed
            or asks_for_money_or_credentials(m)
            or bool(m.get("dispute") or m.get("cancel_verb") or m.get("threat"))
        )
        kinds = (SERVICE_LINE_KINDS if pushes else frozenset()) | (PERSONAL_NUMBER_KINDS if numberless else set())
        if party is not None and party.phones and _find_act_only(m):
            # the list knows the brand's own lines, and this toll-free or foreign one is not among them
            # ('Amazon: please call 1-844-… regarding your recent order'); not a 400 number, which
            # Chinese brands keep more of than the list holds ('【京东】退款已到账，如有疑问请致电400-…')
            kinds = kinds | FOREIGN_SERVICE_KINDS
        personal = [s for s in phone_channels(m, party) if kind_at(m, s.start) in kinds]
        if act is not None and personal:
            out += [_brand_claim_slot(party_slot), act, *personal]
        return out
    hallmarks = _states(m, m.get("state_strong") + lockouts)
    hallmarks = [h for h in hallmarks if not _charge_done(m, h) and not _requested(m, h.start)]
    hallmarks = [h for h in hallmarks if not _own_bill_debit(m, h) and not _visit_announced(m, h)]
    hallmarks = [h for h in hallmarks if not _selected_for_jury(m, h)]
    hallmarks = [h for h in hallmarks if not _helpdesk_item(m, h)]
    strong = first_hit([h for h in hallmarks if not _bill_cutoff(m, h)])
    if strong is None and _find_act_only(m):  # 'your flight is cancelled: contact us to rebook'
        strong = first_hit(_states(m, m.get("disruption")))
    said = strong or state  # the reason quotes the hallmark state when there is one
    out.append(Slot(STATE, said.start, said.end, "notice.state"))
    if strong is None and _addressed(m, state.start):
        out.append(Slot(YOURS, state.start, state.end, "notice.state"))  # 'your package delivery has been paused'
    offered = bool(unlisted_links or m.get("link_word") or m.get("voice_menu") or m.get("operator_transfer"))
    offered = offered or bool(m.get("add_verb")) or "X" in m.text or unshown_link(m) is not None
    offered = offered or any(e.kind == "email" for e in m.entities)  # 'email your details to …@gmail.com'
    if strong is None and not offered and not m.get("pay") and not any(e.kind == "phone" for e in m.entities):
        return out  # no channel, no hallmark state, no payment asked: no script whatever else it says
    if strong is not None:
        out.append(Slot(STATE_STRONG, strong.start, strong.end, "notice.state"))
        if not any(d.start <= strong.start < d.end for d in m.get("delivery_problem")):
            out.append(Slot(PRESSURE, strong.start, strong.end, "notice.state"))  # a parcel held is not pressure
        # lockouts say "you" themselves; 'Notice of Toll Evasion: you have an unpaid toll…': a later hallmark's
        # a bank's alert answered in the thread ('…unusual activity on your card ending 1234. Was this you?
        # Reply Y or N'): what genuine alerts say word for word, with nothing to open, call or give
        in_thread = _answered_in_thread(m)
        yours = strong in lockouts or _yours(m, strong) or any(_yours(m, h) for h in hallmarks if h is not strong)
        if yours and not in_thread:
            out.append(Slot(YOURS, strong.start, strong.end, "notice.state"))
        voice = _ORG_VOICE.search(m.folded) if party_slot is None and not in_thread else None
        if voice is not None:  # 'we placed a suspension on your account': the sender's own voice
            out.append(Slot(VOICE, voice.start(), voice.end(), "notice.party"))
    if party_slot is None and not any(s.category == VOICE for s in out):
        # 'call us at … if you did not order this': the sender asks to be contacted itself about a
        # charge, an order or an account it announces; it is the party (as 'bank' would be)
        us = first_hit([h for h in m.get("contact_act") if _SENDER_US.search(m.folded, h.start, h.end + 1)])
        if us is not None:
            out.append(Slot(VOICE, us.start, us.end, "notice.party"))
    act = _act(m)
    if act is not None:
        out.append(act)
    deadline = first_hit(m.get("deadline") + m.get("threat") + m.get("urgency"))
    if deadline is not None:
        out.append(Slot(DEADLINE, deadline.start, deadline.end, "notice.deadline"))
        # English only: '如连续12个月未登录，您的账号将被注销' is an app's own dormancy rule
        threats = [h for h in m.get("threat") if _CONSEQUENCE.match(m.folded, h.start) and not m.negated(h.start)]
        if threats:
            out.append(Slot(CONSEQUENCE, threats[0].start, threats[0].end, "notice.deadline"))
    offered_channels = channels(m, party, unlisted_links)
    if advisory is not None:  # a reminder quoting the scam's link or number: an example, not its own channel
        offered_channels = [
            s for s in offered_channels if not (_quoted(m.text, s.start) or m.negated(s.start, QUOTE_NEGATION))
        ]
    return out + offered_channels


# a rule for every such caller ('凡是说您涉嫌洗钱要求转账的，都是诈骗'): a reminder, even from an officer
# who introduces himself ('我是派出所的民警，提醒大家：…')
_RULE_STATEMENT = re.compile(
    r"(?:凡是|凡|任何|只要|一律)[^。!?]{0,40}?(?:都是|均为|均是|一律是|就是|一定是|必定是|肯定是|全是)(?:诈骗|骗子|骗局|假的|假冒)"
)
# an anti-fraud officer's or a bank's protective call asking whether such a caller reached you ('您刚才是不是
# 接到了一个自称京东客服的电话？', '请问您是否接到过自称公检法的电话？'): the scammer never asks that
_ASKED_IF_CALLED = re.compile(
    r"(?:是不是|是否|有没有|有无)(?:刚才|最近|近期)?(?:接到|收到|接过|收到过|接到过)[^。!?？\n]{0,12}?(?:自称|冒充)"
)
# a script quoted as the call or text to watch for: '接到“我是社保局工作人员，您的社保卡被冒用”的电话，请…'
_QUOTED_CALL = re.compile(
    r"(?:接到|收到|遇到|碰到)(?:类似|这样|此类|自称)?[“「『\"][^”」』\"]{4,120}[”」』\"]"
    # ... or several such lines in a row ('接到“注销校园贷”“关闭百万保障”电话的，一律挂断')
    r"(?:[、，,和或及]?[“「『\"][^”」』\"]{2,120}[”」』\"]){0,4}(?:之类|这样|这类|等)?的?"
    r"(?:电话|短信|来电|信息|消息|微信|私信|通知)"
)


_CALL_VERBS = re.compile("接到|收到|遇到|碰到")


def _quoted_call(m: MessageHits) -> Hit | None:
    """The quoted script of a reminder, as an advisory cue of its own (the text keeps its quotes)."""
    if "到" not in m.folded or _CALL_VERBS.search(m.folded) is None:
        return None
    found = _QUOTED_CALL.search(m.text)
    return Hit("quoted_call", found.start(), found.end()) if found is not None else None


_OPENING_QUOTES, _CLOSING_QUOTES = "“「『《", "”」』》"
# a judgement, not a story ('被害人'); or what a reminder tells you to do with such a text ('don't click',
# 'delete messages like')
_VERDICT = re.compile(r"诈骗|骗局|骗子|话术|scam|fraud|phishing|fake|bogus|fall for|example|click|ignore|delete|like this")
_STATE_TAGS = ("state", "state_strong", "account_problem", "delivery_problem", "problem", "lockout")


def _state_quoted(m: MessageHits, example: int | None = None) -> int | None:
    """Where what happened to your account or parcel is first said inside quotation marks, or after a
    label that judges what follows (`example`): the scam's own text."""
    shown = [
        h.start
        for tag in _STATE_TAGS
        for h in m.get(tag)
        if _quoted(m.text, h.start) or (example is not None and h.start >= example)
    ]
    return min(shown) if shown else None


def _judged_before(m: MessageHits, pos: int) -> bool:
    """Words outside the quotes that judge them ('Example of a scam text:', 'Don't click:') stand before."""
    return any(
        h.end <= pos and not _quoted(m.text, h.start) and _VERDICT.search(m.folded, h.start, h.end)
        for h in m.get("advisory")
    )


# a label that judges the text after it ('This text is a scam:', 'SCAM ALERT!!', 'The message below
# is fake:', 'reports of this message:'): what follows is the example, not the sender's own notice
_EXAMPLE_LABEL = re.compile(
    r"\bscam alert\b|\bis (?:a )?(?:scam|fake|phishing)\b|\bare (?:scams|fake)\b|reports of this|"
    r"\b(?:below|following) is (?:a )?(?:scam|fake)|\b(?:message|text|e-?mail|sms) below is\b|"
    r"\b(?:texts?|messages?|e-?mails?) like this\b|\bnot (?:a )?genuine\b|\bnot (?:a )?real (?:message|text|e-?mail)|"
    r"\bscams?(?=:)|"
    # the same in Chinese: '骗子通常会说：…', '对方称：“…”', '诈骗话术如下：…' (what follows is the script)
    r"(?:骗子|诈骗分子|不法分子|犯罪分子|对方)[^，。!?:]{0,6}?(?:说|称|表示)(?=:)|话术(?:是|为|如下)?(?=:)|套路(?:是|为|如下)?(?=:)"
)
EXAMPLE_LABEL_WITHIN = 80  # the label opens the message


def _example_label(m: MessageHits) -> int | None:
    """Where the example starts, after a judging label opening the message and its ':' or '!'."""
    found = _EXAMPLE_LABEL.search(m.folded, 0, EXAMPLE_LABEL_WITHIN)
    if found is None:
        return None
    cut = re.compile(r"[:!]").search(m.folded, found.end(), found.end() + EXAMPLE_LABEL_WITHIN)
    return cut.end() if cut is not None else None


def _quoted(text: str, pos: int) -> bool:
    """Inside quotation marks: '短信称“…请登录 www.x.com 认证”，切勿点击' quotes the scam."""
    before = text[:pos]
    opened = sum(before.count(q) for q in _OPENING_QUOTES) > sum(before.count(q) for q in _CLOSING_QUOTES)
    return opened or before.count('"') % 2 == 1
