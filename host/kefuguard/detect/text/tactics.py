"""Tactic findings: what the phrases found in one message add up to.

One function per tactic, each turning keyword hits (text_index) and entities into at most one
Finding with a strength category; text_scoring.py combines categories into a level. Proximity
rules stay inside one clause (sentence punctuation ends a clause) and honour negation right before
('请勿把验证码告诉他人' is a warning, not a request). Every scan here is over at most
MAX_HITS_PER_TAG hits per tag and windows of a few dozen characters: bounded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kefuguard.detect.text.entities import Entity, phone_keys
from kefuguard.detect.text.index import BRAND_TAG, TextIndex
from kefuguard.detect.text.keyword_automaton import Hit
from kefuguard.detect.text.notice_words import NOTICE_PHRASES
from kefuguard.detect.text.phrases import PHRASES, REFUND_BY_ITSELF, REFUND_DONE_AFTER, REFUND_DONE_BEFORE

# Categories, from text_scoring's point of view
CLAIM = "claim"  # names a brand / platform / bank / courier as who is speaking
CLAIM_WEAK = "claim_weak"  # 'I am customer service' without saying whose
NOTICE = "notice"  # 'we found that your account…': unsolicited outreach speaking as the platform
LURE_HALLMARK = "lure_hallmark"  # a scam script's own opener (双倍赔偿, 注销学生账户)
LURE_STRONG = "lure_strong"  # a problem plus a refund, a cancellation with a threat...
LURE_WEAK = "lure_weak"  # refund / account or delivery problem: what genuine service also says
CRED = "cred"  # asks for a code, PIN, card number, ID number
CRED_WEAK = "cred_weak"  # asks for a password or bank card, or to type a code somewhere
MONEY_HALLMARK = "money_hallmark"  # safe account
MONEY_STRONG = "money_strong"  # fee to get a refund, borrow from a lending app, gift cards, QR refund
MONEY = "money"  # transfer instructions
PAY = "pay"  # 'pay' / '付款': genuine shops say it all day
REMOTE_STRONG = "remote_strong"  # screen sharing, remote-control apps
REMOTE_WEAK = "remote_weak"  # meeting apps, 'download this app'
MOVE = "move"  # to QQ / WeChat / private chat / phone, off the platform
THREAT = "threat"
URGENCY = "urgency"
INVEST_HALLMARK = "invest_hallmark"
INVEST = "invest"
CAUTION_LURES = frozenset({LURE_HALLMARK, LURE_STRONG})  # a lure that is a caution on its own

# How far apart (characters of folded text, within one clause) the parts of one move may stand
NEGATION_WINDOW = 10  # '请勿把验证码告诉他人': a negation this close before a word cancels it
# 'If NO call 1-8xx…', 'if not you call…': a condition on what follows, not a negation of it
_IF_BEFORE = ("if ",)
NEGATION_BEFORE_HALLMARK = 12
NEGATION_BEFORE_LURE = 16
NEGATION_RIGHT_BEFORE = 4  # 'never purchase', 'do not buy'
REFERRAL_WINDOW = 8  # '请联系京东客服' names a service; it does not claim to be it
WEAK_ADVISORY_WORDS = 2  # '谨防' alone may be a points notice ('谨防过期'); two cautious words make a reminder
SELF_CLAIM_TO_WHO = 12  # '我是' ... '支付宝客服'
ROLE_AFTER_NAME = 6  # '京东' + '客服'
BRAND_BEFORE_ROLE = 8  # '淘宝' ... '官方客服'
PROBLEM_TO_REFUND = 40  # '质量问题' ... '退款'
PROBLEM_CONTEXT_BEFORE = 12  # '如果商品' / '您反馈的商品' before the problem
CANCEL_TO_TARGET = 12  # '取消' ... '自动续费'
CANCEL_TO_THREAT = 16  # '要注销掉，不然' ... '影响征信'
ASK_TO_CREDENTIAL = 16  # '告诉我' ... '验证码'
IN_APP_TO_ASK = 4  # '在微信App内' ... '重新绑定'
FEE_TO_REASON = 30  # '保证金' ... '解冻'
LOAN_TO_BORROW = 20  # '借呗' ... '借出来'
GIFT_CARD_TO_ASK = 30
DISPUTED_PAYMENT = 16  # 'if you didn't make' … 'this payment'
SELF_CLAIM_TO_TECH = 28  # 'this is John from Microsoft technical support', 'we at … the headquarters of Windows'
HANDOFF_TO_POLICE = 12  # '帮您转接' ... '张警官'
CHARGE_TO_CREDIT = 40  # '扣费失败' ... '影响个人征信'
DEVICE_TO_COMPROMISE = 40  # 'your computer' ... 'has been hacked'
FOR_YOU_BEFORE = 4  # '帮你' ... '取消', '为您' ... '关闭'
_SECOND_PERSON = re.compile(r"您|你|\byour?\b")
_FOR_YOU = re.compile(r"(?:帮|为|给|替)(?:你|您)")
_DEVICE_IN = re.compile(r"computer|电脑|device|\bpc\b|laptop")

TRANSFER_TO_OBJECT = 8  # '转到' ... '安全账户'
TRANSFER_TO_LOAN = 12  # '打开备用金，领取后转给我们': a loan taken out and passed on, across a comma
LOAN_BORROWED_TO_TRANSFER = 24  # '备用金，借出来以后转到我们的账户' 
MISTAKE_TO_RETURN = 40  # 'sent it to your number by mistake' ... 'please send it back'
REPORTED_BEFORE = 16  # '陌生人称' ... '转错账', 'someone says they' ... 'by mistake'
_AMOUNT = re.compile(r"[$£€¥]\s?[0-9]|[0-9]\s?(?:元|块|ksh|usd|dollars|pounds)|(?:ksh|rs\.?|usd)\s?[0-9]")
_SAYS_THAT = re.compile(r"称|\bsays?\b|\bclaims?\b|\bclaiming\b|\bsaying\b|\btells? you\b")
ATM_TO_ACT = 12  # '到附近的ATM' ... '操作', 'ATM解除分期'
DOWNLOAD_TO_APP = 10  # '下载' ... 'APP'
DOWNLOAD_FOR_REFUND = 24  # '下载一个云闪付，我们给你退款'
ADD_TO_IM = 6  # '加' ... '微信'
ASK_TO_IM = 8
VERB_TO_CHANNEL_IM = 14  # 'contact me on' / 'add me on' ... 'WhatsApp': naming an IM app as the channel
IM_TO_ACCOUNT = 4  # 'QQ' ... '12345678', 'WhatsApp' ... '+1 415...'
_POSSESSIVES = ("my", "our", "我的", "我们的", "本人", "私人", "个人")  # 'my WeChat', '我的微信'

_NO_HITS: list[Hit] = []  # shared and never mutated
_CLAUSE_END = frozenset("，。！？；：、,;:!?\n()（）[]【】「」")
_SENTENCE_END = frozenset("。！？；!?;\n")
# the same as character classes: one search in C instead of a generator over a slice
# ... but not the comma of '$1,500' nor the colon of '8:30': a number does not end a clause
_CLAUSE_END_IN = re.compile(
    "[" + "".join(re.escape(c) for c in sorted(_CLAUSE_END - {",", ":"})) + "]|(?<![0-9])[,:]|[,:](?![0-9])"
)
# an English sentence's full stop, which folding turns into a gap: 'was not updated. Call 98…' calls
_FULL_STOP = re.compile(r"[a-z0-9)]\. +[A-Z]")
_SENTENCE_END_IN = re.compile("[" + "".join(re.escape(c) for c in sorted(_SENTENCE_END)) + "]")


class _TagHits(dict[str, list[Hit]]):
    """Hits by tag with every phrase tag present (most empty): a rule's lookup is one C-level probe."""

    def __missing__(self, tag: str) -> list[Hit]:  # a brand's tag the message does not name
        return _NO_HITS


_EVERY_TAG = _TagHits(dict.fromkeys((*PHRASES, *NOTICE_PHRASES), _NO_HITS))


@dataclass(frozen=True)
class Finding:
    tactic: str  # the reason code is 'tactic.' + this
    category: str
    start: int
    end: int
    brand_id: str | None = None


@dataclass
class MessageHits:
    """What tactics read: hits by tag, the folded text and the entities of one message."""

    folded: str
    text: str
    by_tag: dict[str, list[Hit]]
    entities: list[Entity]
    index: TextIndex
    memo: dict[str, Any] = field(default_factory=dict)  # what notice slots work out once per message
    get: Callable[[str], list[Hit]] = field(init=False, repr=False, compare=False)  # hits of a tag, or none
    # brand_hits() and claimable_brand_hits(), made on first use: several tactics and the brand ask
    _brands: list[Hit] | None = field(default=None, init=False, repr=False, compare=False)
    _claimable: list[Hit] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lookup = _EVERY_TAG.copy()
        lookup.update(self.by_tag)
        self.get = lookup.__getitem__

    def brand_hits(self) -> list[Hit]:
        """Every brand's hits (the list is shared: do not change it)."""
        if self._brands is None:
            self._brands = [h for tag, hits in self.by_tag.items() if tag.startswith(BRAND_TAG) for h in hits]
        return self._brands

    def channel_mention(self, hit: Hit) -> bool:
        """A brand hit that is an IM app named as the channel to move to ('add my WeChat', '加我微信',
        'QQ 12345678', 'contact me on WhatsApp'): a channel, not who speaks or what the message is
        about ('我是微信客服', '您的微信账户异常' name the app itself)."""
        im = next((h for h in self.get("im") if h.start <= hit.start and hit.end <= h.end), None)
        if im is None:
            return False
        verbs = self.get("add_verb") + self.get("ask") + self.get("referral")
        if any(0 <= im.start - v.end <= VERB_TO_CHANNEL_IM and self.same_clause(v.end, im.start) for v in verbs):
            return True
        if any(0 <= t.start - im.end <= ADD_TO_IM and self.same_clause(im.end, t.start) for t in self.get("im_talk")):
            return True
        accounts = ("qq", "wechat", "telegram", "phone")
        if any(e.kind in accounts and 0 <= e.start - im.end <= IM_TO_ACCOUNT for e in self.entities):
            return True
        return self.text[max(0, im.start - 5) : im.start].lower().rstrip().endswith(_POSSESSIVES)

    def claimable_brand_hits(self) -> list[Hit]:
        """Brand hits that may name who speaks: not an IM app named only as the channel (shared too)."""
        if self._claimable is None:
            self._claimable = [h for h in self.brand_hits() if not self.channel_mention(h)]
        return self._claimable

    def same_clause(self, a: int, b: int) -> bool:
        lo, hi = (a, b) if a <= b else (b, a)
        if lo < 0:  # a slice from the end
            return not any(ch in _CLAUSE_END for ch in self.folded[lo:hi])
        return _CLAUSE_END_IN.search(self.folded, lo, hi) is None

    def sentence_before(self, pos: int, window: int) -> str:
        """The sentence up to `pos`, `window` characters at most, where a test of what precedes a
        word looks ('陌生人称…转错账', '需要先缴纳…保证金')."""
        return _SENTENCE_END_IN.split(self.folded[max(0, pos - window) : pos])[-1]

    def reminder_or_story(self) -> bool:
        """An anti-fraud reminder's or a retold case's words anywhere in the message: an advisory or a
        narrative cue, or enough weak cautious words ('谨防', '警惕') together."""
        return bool(self.get("advisory") or self.get("narrative")) or len(self.get("advisory_weak")) >= WEAK_ADVISORY_WORDS

    def done_before(self, pos: int) -> bool:
        """'已自动扣款', '已经续费': what is said at `pos` has already happened."""
        return self.folded[max(0, pos - 2) : pos].endswith(("已", "已经"))

    def same_sentence(self, a: int, b: int) -> bool:
        lo, hi = (a, b) if a <= b else (b, a)
        if lo < 0:
            return not any(ch in _SENTENCE_END for ch in self.folded[lo:hi])
        return _SENTENCE_END_IN.search(self.folded, lo, hi) is None

    def pair_in_sentence(self, first: list[Hit], second: list[Hit], window: int) -> tuple[Hit, Hit] | None:
        """Like pair(), either order, across commas but not across a sentence end."""
        for a in first:
            for b in second:
                gap = b.start - a.end if b.start >= a.start else a.start - b.end
                if 0 <= gap <= window and self.same_sentence(min(a.end, b.end), max(a.start, b.start)):
                    return a, b
        return None

    def negated(self, pos: int, window: int = NEGATION_WINDOW) -> bool:
        """A negation ('请勿', 'never') ends shortly before `pos`, in the same clause."""
        negations = self.get("neg")
        return bool(negations) and any(
            0 <= pos - n.end <= window
            and self.same_clause(n.end, pos)
            and not _FULL_STOP.search(self.text, n.end, pos + 1)
            and not self.folded.endswith(_IF_BEFORE, 0, n.start)
            for n in negations
        )

    def referral_before(self, pos: int, window: int = REFERRAL_WINDOW) -> bool:
        """'请联系京东客服' names a brand's service; it does not claim to be it."""
        referrals = self.get("referral")
        return bool(referrals) and any(0 <= pos - r.end <= window and self.same_clause(r.end, pos) for r in referrals)

    def pair(
        self, first: list[Hit], second: list[Hit], window: int, either_order: bool = True
    ) -> tuple[Hit, Hit] | None:
        for a in first:
            for b in second:
                gap = b.start - a.end if b.start >= a.start else (a.start - b.end if either_order else -1)
                if 0 <= gap <= window and self.same_clause(min(a.end, b.end), max(a.start, b.start)):
                    return a, b
        return None


def _span(*hits: Hit) -> tuple[int, int]:
    return min(h.start for h in hits), max(h.end for h in hits)


def identity_claim(m: MessageHits) -> Finding | None:
    """Who the message says is speaking. An IM app named as the channel ('我是快递员加我微信', 'add my
    WhatsApp') still completes a claim as before, but is never the brand claimed."""
    brands = m.brand_hits()
    claimable = m.claimable_brand_hits() if m.get("im") else brands
    roles = m.get("cs_role")
    # 'I am / this is' + a brand, a role or an organisation
    for s in m.get("self_claim"):
        for target in brands + roles + m.get("org_word"):
            if 0 <= target.start - s.end <= SELF_CLAIM_TO_WHO and m.same_clause(s.end, target.start):
                brand = next((b for b in brands if s.end <= b.start <= target.end), None)
                if target in roles and brand is None and not _org_between(m, s.end, target.end):
                    return Finding("identity_claim", CLAIM_WEAK, *_span(s, target))
                brand = next((b for b in claimable if s.end <= b.start <= target.end), None)
                brand_id = brand.tag[len(BRAND_TAG) :] if brand else None
                role = next(
                    (r for r in roles if 0 <= r.start - target.end <= ROLE_AFTER_NAME), None
                )  # '我是支付宝' + '客服'
                return Finding("identity_claim", CLAIM, *_span(s, target, *([role] if role else [])), brand_id)
    # a brand's 'customer service' that is not a referral ('请联系京东客服')
    pair = m.pair(brands, roles, ROLE_AFTER_NAME, either_order=False)
    if pair and not m.referral_before(pair[0].start):
        b, r = pair  # '加微信客服 abc': customer service on WeChat, not WeChat's
        return Finding("identity_claim", CLAIM, *_span(b, r), b.tag[len(BRAND_TAG) :] if b in claimable else None)
    for r in m.get("role_claim"):
        if not m.referral_before(r.start) and not m.negated(r.start):
            brand = next((b for b in claimable if 0 <= r.start - b.end <= BRAND_BEFORE_ROLE), None)
            return Finding("identity_claim", CLAIM, r.start, r.end, brand.tag[len(BRAND_TAG) :] if brand else None)
    return None


def unsolicited_notice(m: MessageHits) -> Finding | None:
    """'我们发现您的账户…': contacts you first about what 'we found', speaking as the platform."""
    for n in m.get("notice"):
        return Finding("unsolicited_notice", NOTICE, n.start, n.end)
    return None


def _org_between(m: MessageHits, start: int, end: int) -> bool:
    return any(start <= o.start < end for o in m.get("org_word"))


def _refund_done(m: MessageHits, r: Hit) -> bool:
    """'退款已处理', '已为您退款': a status update on a refund in progress is what genuine service
    says; only an offer of money is a lure."""
    after = m.folded[r.end : r.end + 6].lstrip()
    before = m.folded[max(0, r.start - 5) : r.start]
    if after.startswith(REFUND_DONE_AFTER) or before.endswith(REFUND_DONE_BEFORE):
        return True
    return any(words in m.folded for words in REFUND_BY_ITSELF)


_HYPOTHETICAL = re.compile(r"如果|假如|万一|如遇|若|如有|\bif\b|\bin case\b")
_REPORTED = re.compile(
    r"您反馈|您反映|您提到|您说的|您所说|您申请|您提交|你反馈|你反映|\byou reported\b|\byou mentioned\b"
)


# _REPORTED's words without its word edges: a literal scan C skips through, for a whole message
_REPORTED_WORDS = re.compile(r"反馈|反映|提到|说的|所说|申请|提交|reported|mentioned")


def _hypothetical_or_reported(m: MessageHits, pos: int) -> bool:
    """'如果商品有质量问题，可申请退款', '您反馈的破损问题已为您退款': an agent answering, not a
    stranger announcing a problem you did not know about."""
    before = m.folded[max(0, pos - PROBLEM_CONTEXT_BEFORE) : pos]
    return bool(_HYPOTHETICAL.search(before) or _REPORTED.search(before))


def refund_lure(m: MessageHits) -> Finding | None:
    if m.get("refund_hallmark"):
        h = m.get("refund_hallmark")[0]
        # '商品如有质量问题，我们承诺两倍赔付，请在订单页面申请': a shop's promise, supposed, to be claimed on
        # the platform's own order page with nothing asked (not a stranger's offer)
        promised = m.get("on_platform") and not any(m.get(tag) for tag in _REFUND_ASKS)
        if not (promised and _hypothetical_or_reported(m, h.start)):
            return Finding("refund_lure", LURE_HALLMARK, h.start, h.end)
    refunds = [r for r in m.get("refund") if not _refund_done(m, r)]
    if not refunds:
        return None
    # out of stock: the refund every shop gives in the normal course, unless it comes with an ask
    problems = m.get("problem")
    if not any(m.get(tag) for tag in _REFUND_ASKS):
        problems = [p for p in problems if m.folded[p.start : p.end] not in _OUT_OF_STOCK]
    pair = m.pair_in_sentence(problems, refunds, PROBLEM_TO_REFUND)
    # '…会按规定理赔，请在淘宝订单页面申请售后': sent back to the platform itself, not to a stranger
    on_platform = bool(m.get("on_platform")) and not (m.get("im") or m.get("off_platform"))
    # ... or to the official app or a counter, with nothing asked ('如需改签请通过航空公司官方App办理',
    # '可到机场柜台办理补偿手续'): where airlines, shops and offices really settle it
    asked = any(m.get(tag) for tag in _REFUND_ASKS)
    on_platform = on_platform or (not asked and bool(m.get("official_ref") or AT_A_COUNTER.search(m.folded)))
    if pair and not on_platform and not _hypothetical_or_reported(m, min(pair[0].start, pair[1].start)):
        return Finding("refund_lure", LURE_STRONG, *_span(*pair))
    return Finding("refund_lure", LURE_WEAK, refunds[0].start, refunds[0].end)


_OUT_OF_STOCK = frozenset({"缺货", "库存不足", "out of stock"})
# a counter where an office, airline or operator settles things in person (notice_channels.official_place too)
AT_A_COUNTER = re.compile(r"柜台|服务台|营业厅|办事窗口|服务窗口|到网点|营业网点|开户网点|银行网点|柜面")
_REFUND_ASKS = ("cred_strong", "cred_weak", "im", "off_platform", "transfer", "transfer_to", "pay", "qr", "download")


_CARD_OWN_ACCOUNT = re.compile(r"(?:社保卡|医保卡|社会保障卡)的?$")
_DONE_ALREADY = re.compile(r"(?:已|已经|已成功|成功|已为您|已帮您)$")


def cancel_service(m: MessageHits) -> Finding | None:
    hallmark = m.get("cancel_hallmark")
    verbs = m.get("cancel_verb")
    threats = m.get("credit_threat") + m.get("threat")
    # '已支付至您的社保卡金融账户': the bank account every social-security card carries, named by an office
    # ... and '您的信用卡已成功解除分期': a cancellation already done, reported by the bank
    hallmark = [
        h
        for h in hallmark
        if not _CARD_OWN_ACCOUNT.search(m.folded, max(0, h.start - 6), h.start)
        and not _DONE_ALREADY.search(m.folded, max(0, h.start - 4), h.start)
    ]
    if hallmark:
        h = hallmark[0]
        category = LURE_HALLMARK if verbs or threats else LURE_STRONG
        return Finding("cancel_service", category, h.start, h.end)
    targets = m.get("cancel_target")
    pair = m.pair(verbs, targets, CANCEL_TO_TARGET)
    # '我是抖音客服，你开通了直播会员，每月扣费800元，需要帮你取消': the service named first and the caller
    # offering to cancel it for you after a comma. Only in a self-claim, and only 'cancel it FOR you':
    # a genuine notice or agent says '如需取消，请在设置中关闭' (you do it yourself).
    if not pair and m.get("self_claim"):
        pair = next(
            (
                (t, v)
                for v in verbs
                if _FOR_YOU.search(m.folded, max(0, v.start - FOR_YOU_BEFORE), v.start)
                for t in targets
                if 0 <= v.start - t.end <= CANCEL_TO_TARGET and m.same_sentence(t.end, v.start)
            ),
            None,
        )
    if pair:
        category = LURE_STRONG if threats or m.get("problem") else LURE_WEAK  # 'opened by mistake, cancel it'

        return Finding("cancel_service", category, *_span(*pair))
    # '要注销掉，不然影响征信': a cancellation you must make or your credit record suffers
    pair = m.pair_in_sentence(verbs, m.get("credit_threat"), CANCEL_TO_THREAT)
    if pair and not m.negated(pair[0].start):
        return Finding("cancel_service", LURE_STRONG, *_span(*pair))
    return None


def account_problem(m: MessageHits) -> Finding | None:
    """'Your account is abnormal / frozen', 'your parcel is stuck', 'we billed you by mistake'."""
    hits = m.get("account_problem") or m.get("delivery_problem") or m.get("problem")
    if hits and _REPORTED_WORDS.search(m.folded):  # '您反馈的商品破损问题，已为您登记': what you reported
        hits = [h for h in hits if not _REPORTED.search(m.folded, max(0, h.start - PROBLEM_CONTEXT_BEFORE), h.start)]
    if any(m.folded[h.start : h.end] in _REMEDIES for h in hits):  # '冻结' as what you may ask for
        hits = [h for h in hits if not reader_remedy(m, h)]
    if not hits:
        return None
    tactic = "delivery_problem" if not m.get("account_problem") and m.get("delivery_problem") else "account_problem"
    if tactic == "delivery_problem" and not _something_to_act_through(m):
        return None  # '我是中通快递员，您的快递地址不详，麻烦告诉一下门牌号': the courier's own job
    h = hits[0]
    category = LURE_STRONG if m.get("threat") or m.get("credit_threat") else LURE_WEAK
    if category == LURE_STRONG and _AS_REQUESTED.search(m.folded, h.start, h.start + AS_REQUESTED_AFTER):
        category = LURE_WEAK  # 'your account will be closed on 30 June as you requested': the reader's own ask
    return Finding(tactic, category, h.start, h.end)


AS_REQUESTED_AFTER = 80
_AS_REQUESTED = re.compile(r"\bas (?:you )?requested\b|\bas you asked\b|\bat your request\b|\byou asked us to\b")


_ACT_THROUGH = ("im", "off_platform", "pay", "transfer", "transfer_to", "qr", "download", "fee", "cred_strong", "cred_weak")


def _something_to_act_through(m: MessageHits) -> bool:
    """A link, a number or an account to use, or money, a code, an app, another chat or payment details
    asked for (an address or a house number is the courier's own job; 'your payment details' is not)."""
    return any(e.kind != "code" for e in m.entities) or any(m.get(tag) for tag in _ACT_THROUGH)


def loan_offer(m: MessageHits) -> Finding | None:
    for h in m.get("loan_offer"):
        if not m.negated(h.start):
            return Finding("loan_offer", LURE_WEAK, h.start, h.end)
    return None


def credential_request(m: MessageHits) -> Finding | None:
    asks, weak_asks = m.get("ask"), m.get("ask_weak")
    strong, weak = m.get("cred_strong"), m.get("cred_weak")
    code_delivered = any(e.kind == "code" for e in m.entities)  # an OTP message carries its code
    # '为了确保改签顺利，需要核对您的账户信息': checking your account or card details for a refund,
    # a payout or a rebooking is how the money-back scripts collect them
    # (not for a refund already made, nor where it sends you to the official app or site to check them)
    offered = m.get("refund_hallmark") or [r for r in m.get("refund") if not _refund_done(m, r)]
    money_back = weak_asks if offered and not m.get("official_ref") else []
    # 'your package could not be delivered… confirm your payment details to rearrange delivery': a parcel
    # is redelivered for an address, never for card or payment details
    parcel = weak_asks if m.get("delivery_problem") and not m.get("official_ref") else []
    # 'we never ask for your password': the ask word inside an advisory phrase ('never ask') is denied
    advisories = m.get("advisory")
    if advisories:
        asks = [a for a in asks if not any(h.start <= a.start < h.end for h in advisories)]
    for first, second, category in (
        (asks, strong, CRED),
        (weak_asks, strong, CRED_WEAK),
        (asks, weak, CRED_WEAK),
        (money_back, weak, CRED_WEAK),
        (parcel, weak, CRED_WEAK),
    ):
        if category == CRED_WEAK and code_delivered:
            continue
        for a in first:
            if category == CRED_WEAK and _in_the_app(m, a.start):
                continue
            for c in second:
                gap = c.start - a.end if c.start >= a.start else a.start - c.end
                lo = min(a.start, c.start)
                if 0 <= gap <= ASK_TO_CREDENTIAL and m.same_clause(min(a.end, c.end), max(a.start, c.start)):
                    if m.negated(lo) or m.negated(max(a.start, c.start), window=gap + 2):
                        continue
                    return Finding("credential_request", category, *_span(a, c))
    return _code_asked_after(m, asks, strong)


CODE_TO_SPOKEN_ASK = 16  # '您收到的短信内容是一个验证码，请您报给我', '收到验证码了吗？麻烦念一下'
_SPOKEN_ASKS = frozenset({"报一下", "报给", "念一下", "念给", "读一下", "读给", "说一下", "发给", "发我", "给我", "告诉"})
# ... and in English: 'I am sending you a 6 digit code, please read it back to me'
_SPOKEN_ASKS = _SPOKEN_ASKS | {"read it back", "read it to me", "read them back", "read them to me", "read back"}
_ASKED_AFTER_CODE_ENDS = re.compile(r"[。！!\n]")


def _code_asked_after(m: MessageHits, asks: list[Hit], strong: list[Hit]) -> Finding | None:
    """The code named first, then read out to the caller a comma or a question later: the spoken
    form of the ask (not past a full stop, nor negated: '验证码请勿告诉他人')."""
    for c in strong:
        for a in asks:
            gap = a.start - c.end
            if not 0 <= gap <= CODE_TO_SPOKEN_ASK or m.folded[a.start : a.end] not in _SPOKEN_ASKS:
                continue
            if _ASKED_AFTER_CODE_ENDS.search(m.folded, c.end, a.start) or m.negated(a.start, window=gap + 2):
                continue
            return Finding("credential_request", CRED, c.start, a.end)
    return None


def _in_the_app(m: MessageHits, pos: int) -> bool:
    """'请在微信App内重新绑定银行卡': done in the platform's own app, right where it says so, not
    handed to whoever writes (unless the message also moves you off the platform)."""
    if (m.get("im") and m.get("add_verb")) or m.get("off_platform"):
        return False
    return any(0 <= pos - h.end <= IN_APP_TO_ASK and m.same_clause(h.end, pos) for h in m.get("on_platform"))


def safe_account(m: MessageHits) -> Finding | None:
    for h in m.get("safe_account"):
        if not m.negated(h.start, window=NEGATION_BEFORE_HALLMARK) and not _never_asked(m, h):
            return Finding("safe_account", MONEY_HALLMARK, h.start, h.end)
    return None


_NEVER_ASK = re.compile(r"\b(?:will|would|do|does) never\b|\bnever (?:ask|tell|request|call)|绝不会|不会要求|从不会")


def _never_asked(m: MessageHits, h: Hit) -> bool:
    """'We will never ask you to move money to a safe account': the reminder's 'never', farther before
    the hallmark than a negation reaches, in the same sentence."""
    return _NEVER_ASK.search(m.sentence_before(h.start, SAFE_ACCOUNT_NEVER_WINDOW)) is not None


SAFE_ACCOUNT_NEVER_WINDOW = 60


def advance_fee(m: MessageHits) -> Finding | None:
    if m.get("fee_hallmark"):
        h = m.get("fee_hallmark")[0]
        if not m.negated(h.start):
            return Finding("advance_fee", MONEY_STRONG, h.start, h.end)
    fees = m.get("fee")
    reasons = m.get("fee_reason") + m.get("refund") + m.get("refund_hallmark")
    pair = m.pair(fees, reasons, FEE_TO_REASON)
    if pair is None:  # across a comma when the fee is one to pay: 'To receive it, pay the processing fee'
        paid = [f for f in fees if _PAY_VERB.search(m.folded, max(0, f.start - PAY_BEFORE_FEE), f.start)]
        pair = m.pair_in_sentence(paid, reasons, FEE_TO_REASON)
    if pair and not m.negated(min(pair[0].start, pair[1].start)) and _fee_demanded(m, pair[0]):
        if not m.negated(pair[0].start):  # '办理补贴无需缴纳任何手续费': the fee denied
            return Finding("advance_fee", MONEY_STRONG, *_span(*pair))
    if m.get("advisory") or m.get("narrative"):
        return None
    for release in m.get("fee_reason"):  # '需要交3000元才能解冻': the payment right before the release
        if m.folded[release.start : release.end] in _RELEASES and not m.negated(release.start):
            money = _PAID_BEFORE.search(m.folded, max(0, release.start - PAID_BEFORE_RELEASE), release.start)
            if money is not None and not m.negated(money.start()):
                return Finding("advance_fee", MONEY_STRONG, money.start(), release.end)
    return None


# money of any name paid before your own money is released: '需要交3000元才能解冻', '交钱解冻', '充值后即可提现'
PAID_BEFORE_RELEASE = 28
_RELEASES = frozenset({"解冻", "提现", "到账", "放款", "解封", "解除", "激活"})
_PAID_BEFORE = re.compile(
    r"(?:交|缴|缴纳|交纳|充值|充|转账|转|打款|付)(?:[0-9一二三四五六七八九十百千万两几]+ ?(?:元|块|万)|钱|一笔(?:钱|费用|款)?|费用)"
    r"[^。！？!?\n]{0,8}?(?:才能|才可以|才可|方可|后才|后即可|即可|就能|就可以|才会|来)?$"
)


FEE_SENTENCE = 40  # how far around the fee its sentence's demand is looked for
PAY_BEFORE_FEE = 12  # 'pay the processing fee', '缴纳500元保证金'
_PAY_VERB = re.compile(r"\bpay(?:ing)?\b|\bsend\b|\bwire\b|缴纳|交纳|支付(?!宝)|先交|要交|交\d|充值")
# a fee asked for, not described: '需要先缴纳', '先交200元', 'pay a fee first' (or a verb of paying it)
_DEMAND = re.compile(
    r"需|先|才能|才可|方可|必须|(?<![申邀])请|要求|得交|转账|\bmust\b|\bneed|\brequired?\b|\bfirst\b|" + _PAY_VERB.pattern
)


_FEE_RETURNED = re.compile(r" ?(?:已经|已|已成功|将)(?:退还|退回|返还|原路|到账|解冻|退款)")


def _fee_demanded(m: MessageHits, fee: Hit) -> bool:
    """'退款需要先缴纳500元保证金' asks for the fee; '单笔提现收取0.1%手续费' (a price list) and '您申请退还的
    保证金已解除冻结，将退回' (a deposit coming back) only name one."""
    if _FEE_RETURNED.match(m.folded, fee.end):
        return False  # '您的押金已退还，请注意查收': a deposit coming back
    before = m.sentence_before(fee.start, FEE_SENTENCE)
    after = _SENTENCE_END_IN.split(m.folded[fee.end : fee.end + FEE_SENTENCE])[0]
    return _DEMAND.search(before) is not None or _DEMAND.search(after) is not None


def loan_app(m: MessageHits) -> Finding | None:
    pair = m.pair(m.get("loan"), m.get("borrow"), LOAN_TO_BORROW)
    if pair and not m.negated(min(pair[0].start, pair[1].start)):
        return Finding("loan_app", MONEY_STRONG, *_span(*pair))
    # '需要您开通一个借呗来接收退款', '在备用金里操作才能到账': a loan opened to 'receive' money owed to you
    refunds = m.get("refund") + m.get("refund_hallmark") + m.get("fee_reason")
    if refunds and not (m.get("advisory") or m.get("narrative")):
        for found in _LOAN_TO_RECEIVE.finditer(m.folded):
            if not m.negated(found.start()) and any(m.same_sentence(found.start(), r.start) for r in refunds):
                return Finding("loan_app", MONEY_STRONG, *found.span())
    return None


_LOANS = r"(?:借呗|备用金|金条|微粒贷|白条|网商贷|度小满|有钱花|放心借|月付|信用贷|网贷)"
_LOAN_TO_RECEIVE = re.compile(
    r"(?:开通|打开|点开|进入|激活|借出)[^，。！？,!?\n]{0,6}?" + _LOANS + r"|"
    + _LOANS + r"[^，。！？,!?\n]{0,4}?(?:里|中|内)(?:操作|接收|领取)|" + _LOANS + r"来(?:接收|领取|收款)"
)


def gift_card(m: MessageHits) -> Finding | None:
    cards = m.get("gift_card")
    if not cards:
        return None
    asks = m.get("ask") + m.get("buy_verb") + m.get("cred_strong") + m.get("cred_weak") + m.get("pay")
    pair = m.pair(cards, asks, GIFT_CARD_TO_ASK)
    # 'Customers should never purchase a prepaid card…': a reminder (right before the ask: 'avoid arrest
    # by paying … with prepaid cards' avoids the arrest, not the payment)
    if pair and not any(m.negated(h.start, window=NEGATION_RIGHT_BEFORE) for h in pair):
        return Finding("gift_card", MONEY_STRONG, *_span(*pair))
    return None


def qr_code(m: MessageHits) -> Finding | None:
    qrs = m.get("qr")
    if qrs and (m.get("refund") or m.get("refund_hallmark") or m.get("benefit")):
        return Finding("qr_code", MONEY_STRONG, qrs[0].start, qrs[0].end)
    return None


def transfer_request(m: MessageHits) -> Finding | None:
    card = any(e.kind == "card" for e in m.entities)
    for h in m.get("transfer"):
        if m.folded[max(0, h.start - 4) : h.start].endswith(_ASKED_WHETHER):
            continue  # '请问您是否有转账': asked about, not asked for (what anti-fraud officers call to ask)
        if _reported_transaction(m, h):
            continue
        if not m.negated(h.start):
            return Finding("transfer_request", MONEY_STRONG if card else MONEY, h.start, h.end)
    # '搜索备用金，借出来以后转到我们的账户': borrowed, then passed on, the borrowing between the two
    pair = m.pair_in_sentence(m.get("loan"), m.get("transfer_to"), LOAN_BORROWED_TO_TRANSFER)
    if pair and pair[0].start < pair[1].start and any(pair[0].end <= b.start < pair[1].start for b in m.get("borrow")):
        if not m.negated(pair[0].start):
            return Finding("transfer_request", MONEY_STRONG, *_span(*pair))
    pair = m.pair(m.get("transfer_to"), m.get("money_object") + m.get("safe_account"), TRANSFER_TO_OBJECT)
    if pair and not m.negated(min(pair[0].start, pair[1].start)) and not _transferred_already(m, pair[0], pair[1]):
        return Finding("transfer_request", MONEY_STRONG if card else MONEY, *_span(*pair))
    pair = m.pair_in_sentence(m.get("transfer_to"), m.get("loan"), TRANSFER_TO_LOAN)
    if pair and not m.negated(min(pair[0].start, pair[1].start)):
        return Finding("transfer_request", MONEY_STRONG, *_span(*pair))
    disputes = m.get("dispute")
    for h in m.get("pay"):
        # 'if you didn't make this payment': the payment disputed, not one asked for; '原支付账户': a noun
        if _payment_noun(m, h) or _reported_transaction(m, h) or _bill_top_up(m, h):
            continue
        if not m.negated(h.start) and not any(0 <= h.start - d.end <= DISPUTED_PAYMENT for d in disputes):
            return Finding("transfer_request", PAY, h.start, h.end)
    return None


# '您的资金已按约定转入理财账户': a bank reporting a transfer it made as agreed, not one asked of you
_DONE_AS_AGREED = re.compile(r"(?:已|已经)(?:按约定|按照约定|按您的指令|按您的委托|为您|自动|成功)?$")


def _transferred_already(m: MessageHits, verb: Hit, target: Hit) -> bool:
    if target.tag == "safe_account":
        return False
    return _DONE_AS_AGREED.search(m.folded, max(0, verb.start - 8), verb.start) is not None


_ASKED_WHETHER = ("是否有", "有没有", "是否已", "是否已经", "是否")
_TOP_UP = frozenset({"充值", "缴费", "交费", "还款"})
_YOUR_BILL = re.compile(r"欠费|余额不足|余额少于|话费|账单|应还|停机")


def _bill_top_up(m: MessageHits, h: Hit) -> bool:
    """'您的号码欠费，即将停机，请及时充值': an operator's or a bank's own bill reminder asks you to top up
    or repay (where: in its app, at its counter); a payment asked through a link or a code still warns."""
    return m.folded[h.start : h.end] in _TOP_UP and _YOUR_BILL.search(m.folded) is not None
_ON_A_DATE = re.compile(
    r"于[0-9一二三四五六七八九十今昨]|\bon [0-9]{1,2}[/-]|\bon (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
)
AMOUNT_AFTER_TRANSFER = 12  # '通过手机银行转出2000元'


def _reported_transaction(m: MessageHits, h: Hit) -> bool:
    """'您尾号0021账户于12月05日通过手机银行转出2000元': a bank's alert of a transfer made on a date, an
    amount right after it, not a transfer asked for."""
    if not _ON_A_DATE.search(m.sentence_before(h.start, 40)):
        return False
    return _AMOUNT.search(m.folded, h.end, h.end + AMOUNT_AFTER_TRANSFER) is not None


# the reader's own remedy, not the state of the account: '如非本人操作请拨打95599冻结账户', 'you can lock your card in the app'
_READER_MAY = re.compile(r"(?:(?:请|可|可以)(?:立即|及时|马上)?|拨打[0-9]{3,8}|致电[0-9]{3,8}|\byou can|\bto)\W{0,2}$")


def reader_remedy(m: MessageHits, h: Hit) -> bool:
    """A freeze or a lock the reader is told they may ask for ('请拨打95599冻结账户'), not one done to them."""
    if m.folded[h.start : h.end] not in _REMEDIES:
        return False
    return _READER_MAY.search(m.folded, max(0, h.start - 12), h.start) is not None


_REMEDIES = frozenset({"冻结", "挂失", "锁定", "lock", "freeze"})
_PAYMENT_NOUN_AFTER = ("账户", "账号", "方式", "渠道", "宝", "平台")


def _payment_noun(m: MessageHits, h: Hit) -> bool:
    """'退到您的原支付账户', '支付方式': where the money goes back, or how it was paid, not a payment asked."""
    said = m.folded[h.start : h.end]
    return said == "支付" and (
        m.folded[max(0, h.start - 1) : h.start] == "原" or m.folded.startswith(_PAYMENT_NOUN_AFTER, h.end)
    )


def screen_share(m: MessageHits) -> Finding | None:
    for h in m.get("remote_strong"):
        if not m.negated(h.start):
            return Finding("screen_share", REMOTE_STRONG, h.start, h.end)
    for h in m.get("remote_weak"):
        if not m.negated(h.start):
            return Finding("screen_share", REMOTE_WEAK, h.start, h.end)
    # 'download our app' (not a named brand's own app: '下载京东App' is ordinary advice)
    pair = m.pair(m.get("download"), m.get("app_word"), DOWNLOAD_TO_APP, either_order=False)
    if pair and _names_an_unknown_app(m, pair[0].end, pair[1].start):
        return Finding("screen_share", REMOTE_WEAK, *_span(*pair))
    # '你下载一个云闪付，我们给你退款': an app to install before a refund can come (none is needed)
    refunds = m.get("refund") + m.get("refund_hallmark")
    pair = m.pair_in_sentence(m.get("download"), refunds, DOWNLOAD_FOR_REFUND)
    if pair and not m.negated(pair[0].start):
        return Finding("screen_share", REMOTE_WEAK, *_span(*pair))
    return None


def _names_an_unknown_app(m: MessageHits, start: int, end: int) -> bool:
    """'下载一款名为“全视通”的软件', '下载我们的App': yes; '下载京东App', '下载官方App', '下载拦截软件': no."""
    between = m.text[start:end]
    if any(start <= h.start < end for h in m.brand_hits() + m.get("org_word")):
        return False
    return any(marker in between for marker in _APP_MARKERS)


_APP_MARKERS = (
    "我们的",
    "我们",
    "指定",
    "一款",
    "一个",
    "名为",
    "叫",
    "这个",
    "该",
    "“",
    '"',
    "「",
    "《",
    "our ",
    "this ",
)


def off_platform(m: MessageHits) -> Finding | None:
    im = m.get("im")
    for first, second, window in (
        (m.get("add_verb"), im, ADD_TO_IM),
        (m.get("ask"), im, ASK_TO_IM),
        (im, m.get("im_talk"), ADD_TO_IM),
    ):
        pair = m.pair(first, second, window, either_order=False)
        if pair and not m.negated(pair[0].start):
            return Finding("off_platform", MOVE, *_span(*pair))
    for h in m.get("off_platform"):
        if not m.negated(h.start):
            return Finding("off_platform", MOVE, h.start, h.end)
    for e in m.entities:
        if e.kind in ("qq", "wechat", "telegram"):
            return Finding("off_platform", MOVE, e.start, e.end)
    return None


_PROMISE_BEFORE = re.compile(r"(?:会在|将在|会于|我们会|we will|we ll|we'll)\W{0,2}$")
_PROMISED_ACT = re.compile(r"(?:reply|respond|get back to you|contact you|回复您|联系您)\W{0,3}$")
_PROMISE_AFTER = re.compile(r"\W{0,2}(?:给您|为您|回复|联系您|处理|到账|reply|respond|get back|contact you|be in touch)")


def _a_promise(m: MessageHits, h: Hit) -> bool:
    """'我们会在24小时内给您回复', 'we'll get back to you within 24 hours': the sender's own deadline."""
    before = m.folded[max(0, h.start - 8) : h.start]
    if _PROMISE_BEFORE.search(before) and _PROMISE_AFTER.match(m.folded, h.end):
        return True
    return bool(_PROMISED_ACT.search(m.folded[max(0, h.start - 24) : h.start]))


def threat(m: MessageHits) -> Finding | None:
    hits = m.get("credit_threat") or [h for h in m.get("threat") if not _a_promise(m, h)]
    if hits:
        return Finding("threat", THREAT, hits[0].start, hits[0].end)
    if m.get("urgency"):
        h = m.get("urgency")[0]
        return Finding("urgency", URGENCY, h.start, h.end)
    return None


def accusation(m: MessageHits) -> Finding | None:
    """'You are suspected of money laundering', 'there is a warrant for your arrest': the opening of
    fake police, court and tax-office calls (real ones summon you in writing, never by chat)."""
    for h in m.get("accusation"):
        if not m.negated(h.start):
            return Finding("accusation", LURE_HALLMARK, h.start, h.end)
    return None


def empty_account(m: MessageHits) -> Finding | None:
    """'把卡上的余额取出', '只有您账户余额为零': no bank or platform needs your account emptied."""
    for h in m.get("empty_account"):
        if not m.negated(h.start):
            return Finding("empty_account", MONEY_STRONG, h.start, h.end)
    return None


def link_activation(m: MessageHits) -> Finding | None:
    """'Reply Y and reopen this message to activate the link': no genuine sender needs a reply for its link
    to work; smishing asks for it because phones keep links in unknown senders' texts dead until then."""
    for h in m.get("link_activation"):
        if not m.negated(h.start):
            return Finding("link_activation", LURE_HALLMARK, h.start, h.end)
    return None


def atm_guidance(m: MessageHits) -> Finding | None:
    """'请到附近的ATM，依照我的指示操作取消扣款', 'deposit it at a Bitcoin ATM': a cash machine worked
    on a caller's instructions. Nothing is cancelled, refunded or verified at one; it only sends money."""
    for h in m.get("atm_crypto"):
        if not m.negated(h.start, window=NEGATION_BEFORE_HALLMARK):
            return Finding("atm_guidance", MONEY_STRONG, h.start, h.end)
    # '到ATM机按我说的操作': the caller's step-by-step guidance there counts as much as its own words
    pair = m.pair_in_sentence(m.get("atm"), m.get("atm_act") + m.get("step_guidance"), ATM_TO_ACT)
    if pair and not m.negated(min(pair[0].start, pair[1].start), window=NEGATION_BEFORE_HALLMARK):
        return Finding("atm_guidance", MONEY_STRONG, *_span(*pair))
    return None


def mistaken_payment(m: MessageHits) -> Finding | None:
    """'I sent Ksh 5,000 to your number by mistake, please send it back', '我转错账了，麻烦退回给我':
    the money 'received' is a fake notice or a stolen payment that will be reversed; what you send
    back is your own."""
    if not (m.get("money_object") or m.get("transfer") or m.get("transfer_to") or m.get("pay") or _AMOUNT.search(m.folded)):
        return None  # 'I deleted the file by mistake, send it back': not money
    pair = m.pair_in_sentence(m.get("sent_by_mistake"), m.get("send_back"), MISTAKE_TO_RETURN)
    if pair is None:  # the ask often comes as its own sentence: 'I sent it by mistake. Please return it.'
        mistakes, returns = m.get("sent_by_mistake"), m.get("send_back")
        pair = next(((a, b) for a in mistakes for b in returns if 0 <= b.start - a.end <= MISTAKE_TO_RETURN), None)
    if pair is None or any(m.negated(h.start, window=NEGATION_BEFORE_HALLMARK) for h in pair):
        return None  # 'no need to return it'
    start = min(pair[0].start, pair[1].start)
    if _SAYS_THAT.search(m.sentence_before(start, REPORTED_BEFORE)):
        return None  # '如果陌生人称转错账要求您退回': a reminder reporting what callers say
    return Finding("mistaken_payment", MONEY_STRONG, *_span(*pair))


def step_guidance(m: MessageHits) -> Finding | None:
    """'按照我们的提示操作', 'I'll walk you through it': the caller operates the victim's phone by voice."""
    for h in m.get("step_guidance"):
        if not m.negated(h.start):
            return Finding("step_guidance", REMOTE_WEAK, h.start, h.end)
    return None


def tech_support_call(m: MessageHits) -> Finding | None:
    """'Hello, this is Windows Technical Support calling': software companies never call first."""
    pair = m.pair(m.get("self_claim") + m.get("org_voice"), m.get("tech_role"), SELF_CLAIM_TO_TECH, either_order=False)
    if pair and not m.negated(pair[0].start):
        return Finding("tech_support_call", LURE_HALLMARK, *_span(*pair))
    return None


def secrecy(m: MessageHits) -> Finding | None:
    """'案件保密，不要告诉家人', 'don't tell the bank what it's for': the victim cut off from help."""
    for h in m.get("secrecy"):
        if not m.negated(h.start):
            return Finding("secrecy", LURE_HALLMARK, h.start, h.end)
    return None


def authority_call(m: MessageHits) -> Finding | None:
    """'这里是…中级人民法院', '我是…派出所的民警', 'this is the police': police, courts and
    prosecutors introducing themselves to you. They do not handle a case by call or message; their
    own reminders ('…谨防诈骗') are advisory, and a story told about such a call is narrative."""
    if m.get("advisory") or m.get("narrative"):
        return None
    if _IN_PERSON.search(m.folded) and not any(m.get(tag) for tag in _OFFICE_ASKS):
        return None  # '这里是朝阳派出所，您的身份证已办好，请携带回执来领取': the counter, not the phone
    for s in m.get("self_claim"):
        for a in m.get("authority"):
            if 0 <= a.start - s.end <= SELF_CLAIM_TO_WHO and m.same_clause(s.end, a.start) and not m.negated(s.start):
                return Finding("authority_call", LURE_HALLMARK, *_span(s, a))
    return None


# what an office asks of the reader that no scam does: to come to its counter in person ('请携带回执到
# 派出所户籍窗口领取'); a fake officer keeps you on the line and away from any station. A pattern, not
# phrases of the keyword index: '到派出所' there would hide the '派出所' every rule reads
_IN_PERSON = re.compile(
    r"(?:到|来|去)(?:派出所|所里|户籍|窗口)|(?:户籍|办证|服务|办事)窗口|(?:携带|带上|凭|带)回执|本人(?:携带|带上|持|到|前往)|"
    r"亲自(?:到|前往)|前来领取|来领取|\bin person\b|\bat the (?:counter|front desk)\b"
)
# ... unless the same message accuses, keeps secrets, or asks for money or a card
_OFFICE_ASKS = ("accusation", "secrecy", "safe_account", "transfer", "transfer_to", "pay", "cred_strong", "fee")


def office_call(m: MessageHits) -> Finding | None:
    """'这里是社保局，您的社保卡被他人冒用', '我是税务局的，你有一笔个人所得税未缴，需要马上处理': a
    public office (social security, medical insurance, tax, traffic police, market regulation...)
    introducing itself and telling you about a problem of yours. Offices write to you, or ask you to
    their counter; the fake official opens this way and then hands over to 'the police' or asks for
    money or a card. Not in a reminder, a story, nor with the office's own app or counter named."""
    claim = None
    for s in m.get("self_claim"):
        office = _OFFICE.search(m.folded, s.end, s.end + SELF_CLAIM_TO_WHO + 4)
        if office is not None and m.same_clause(s.end, office.start()) and not m.negated(s.start):
            claim = (s.start, office.end())
            break
    if claim is None or m.get("advisory") or m.get("narrative") or m.get("on_platform") or m.get("official_ref"):
        return None  # '请登录个人所得税App核对': the office's own place
    if _IN_PERSON.search(m.folded):
        return None
    # ... or asks for a number or details of yours ('this is Medicare… confirm your Medicare number')
    problems = m.get("state_strong") + m.get("state") + m.get("accusation") + m.get("credit_threat")
    problems += m.get("cred_strong")
    for h in sorted(problems, key=lambda h: h.start):
        if h.start < claim[1] or m.negated(h.start) or m.done_before(h.start) or _PAID.match(m.folded, h.end):
            continue
        if _SECOND_PERSON.search(m.sentence_before(h.start, OFFICE_TO_PROBLEM)):
            return Finding("office_call", LURE_STRONG, claim[0], h.end)
    return None


def money_frozen(m: MessageHits) -> Finding | None:
    """'您的订单因为系统原因没有成功，款项被冻结了': your money (a payment, a refund, a balance) said to be
    frozen by the system, the hook of the 'unfreeze fee' and 'verify to get it back' scripts. A bank's
    hold on a deposit, a pre-authorisation or a fund subscription says what for: not those."""
    found = _MONEY_FROZEN.search(m.folded)
    if found is None or m.negated(found.start()) or m.get("advisory") or m.get("narrative"):
        return None
    if _ORDINARY_HOLD.search(m.folded) or not _SECOND_PERSON.search(m.sentence_before(found.end(), 40)):
        return None
    return Finding("money_frozen", LURE_STRONG, found.start(), found.end())


_MONEY_FROZEN = re.compile(
    # (or 'by the regulator': no regulator freezes one person's money, a court does: _ORDINARY_HOLD)
    r"(?:款项|资金|货款|余额|钱款|付款|退款|提现|收益)(?:已经|已)?(?:被)?"
    r"(?:系统|平台|银行|银监会|银保监会|金融监管局|金融监管总局|监管局|监管部门|风控|风控部门)?冻结"
)
_ORDINARY_HOLD = re.compile(r"预授权|押金|保证金|司法|申购|认购|待确认|预售|定金")


def asset_probe(m: MessageHits) -> Finding | None:
    """'你银行卡里现在还有多少钱？', '你名下有几张银行卡？', 'How much money do you have in your account right
    now?': a caller taking stock of what there is to take. No bank, shop or office asks how much you
    have or in how many banks; the 'safe account' and 'asset check' scripts all do."""
    for found in _ASSET_PROBE.finditer(m.folded):
        if m.negated(found.start()) or m.get("advisory") or m.get("narrative"):
            return None
        asked = _QUESTION.search(m.folded, found.end(), found.end() + 30)  # asked of you, not 'check it in the app'
        looked_up = _LOOK_IT_UP.search(m.folded, max(0, found.start() - 8), found.start())
        if asked is not None and m.same_sentence(found.end(), asked.start()) and not looked_up:
            return Finding("asset_probe", CRED, found.start(), found.end())
    return None


_QUESTION = re.compile(r"[?？吗呢]")
_LOOK_IT_UP = re.compile(r"查询|查看|查一下|查下|check|see|view")


_ASSET_PROBE = re.compile(
    r"(?:卡里|卡上|账户里|账户上|帐户里|名下)(?:现在)?(?:还|一共|总共)?有多少(?:钱|存款|余额|资金)|"
    r"(?:余额|存款)(?:还|一共|总共)?有多少|有多少(?:存款|积蓄)|名下有几张(?:银行)?卡|有几张银行卡|(?:哪几家|哪些|哪几个)银行的(?:卡|金融卡|提款卡|银行卡|账户|帐户)|"
    r"\bhow much (?:money )?(?:do you have|is) (?:in|on) (?:your|the) (?:account|accounts|bank|card|savings)\b|"
    r"\bhow many bank accounts do you have\b|\bwhich banks do you (?:have|bank with)\b|"
    r"\bwhat(?: is|'s| s) your (?:current )?(?:account )?balance\b"
)


def escorted_cash(m: MessageHits) -> Finding | None:
    """'Stay on the line with me while you go to the bank', 'a courier will come to collect the cash',
    '别挂电话，现在去银行': the caller stays with the victim to the counter, or sends someone for the cash.
    No bank, office or shop does either."""
    found = _ESCORTED_CASH.search(m.folded)
    if found is None or m.negated(found.start()) or m.get("advisory") or m.get("narrative"):
        return None
    return Finding("escorted_cash", MONEY_STRONG, found.start(), found.end())


_ESCORTED_CASH = re.compile(
    r"\b(?:stay|keep me|remain) on the (?:line|phone)\b[^.!?]{0,30}"
    r"\b(?:go|walk|drive|head|get) to (?:the|your) (?:bank|atm|branch)\b|"
    r"\b(?:a |our )?(?:courier|agent|officer|driver|someone|somebody) will (?:come|be sent|stop by) "
    r"(?:to your (?:house|home|door|address) )?to (?:collect|pick up) "
    r"(?:the |your )?(?:cash|money|gold|card|cards)\b|"
    r"(?:保持通话|不要挂(?:断)?电话|别挂(?:断)?电话)[^。！？]{0,12}(?:去|到)(?:银行|atm|柜台)|"
    r"(?:派人|安排人|会有人|有专人)(?:上门)?(?:来)?(?:取走|收取|取|拿)(?:现金|钱|银行卡|卡)|上门(?:取|收)(?:现金|钱|银行卡)"
)


def callback_offer(m: MessageHits) -> Finding | None:
    """'I'm calling you from Spectrum: your account is qualified for 50% off, kindly call us back at
    844-…', 'we overbilled you and owe you a refund, please call us back': money or a discount offered
    by a recorded call, to be claimed by calling back a number no listed brand owns. Genuine offers
    are taken in the account or the app; a callback to claim one is the robocall's whole script."""
    back = _CALL_BACK.search(m.folded)
    if back is None or m.negated(back.start()) or m.get("advisory") or m.get("narrative"):
        return None
    if not _BENEFIT.search(m.folded):
        return None
    channels = m.index.channels
    for e in m.entities:
        if e.kind == "phone" and 0 <= e.start - back.end() <= CALL_BACK_TO_PHONE:
            if any(channels.brand_for_phone(k) for k in phone_keys(e.key, e.phone_kind)):
                return None  # the brand's own line
            return Finding("callback_offer", LURE_STRONG, back.start(), e.end)
    return None


_CALL_BACK = re.compile(r"\bcall us back\b|\bcall back (?:at|on)\b|回电|回拨")
_BENEFIT = re.compile(
    r"qualif|eligible|discount|% off|percent off|\bowe you\b|overbill|overcharg|loyalty (?:credit|reward)|"
    r"\bcredit of\b|\brefund\b|\brebate\b|优惠|折扣|补偿|退还|退费|返还|多收|退款|理赔|赔偿|赔付|退税|补贴"
)
CALL_BACK_TO_PHONE = 24  # 'call us back at 844-…', 'kindly call us back from 8 a.m. … at'


def fraud_team_call(m: MessageHits) -> Finding | None:
    """'Hi, this is the Bank of America fraud department', 'this is the fraud team at Chase': a caller
    introducing itself as a bank's fraud or security team, the opener of the 'your account is at risk,
    move your money / tell me the code' call. Banks' own advice is to hang up and call the number on
    the card: a caution, whoever calls. Not in a reminder nor in a reply to what you reported."""
    for s in m.get("self_claim"):
        team = _FRAUD_TEAM.search(m.folded, s.end, s.end + SELF_CLAIM_TO_TECH + 12)
        if team is not None and m.same_sentence(s.end, team.start()) and not m.negated(s.start):
            if m.get("advisory") or m.get("narrative"):
                return None
            return Finding("fraud_team_call", LURE_STRONG, s.start, team.end())
    return None


_FRAUD_TEAM = re.compile(
    r"\bfraud (?:department|dept|team|prevention|protection|unit|division|investigations?|services|specialists?)\b|"
    r"\bsecurity (?:department|team|division)\b"
)


# public offices other than the police and courts (authority_call's): the ones fake officials name
_OFFICE = re.compile(
    r"社保|医保|医疗保障|人社|税务|国税|地税|交警|车管所|交管|市场监管|市场监督|工商局|疾控|卫健|卫生局|公积金|民政|"
    r"教育局|财政|海关|出入境|移民局|通信管理局|12123|12333|12366|"
    # public bodies that hand out or record benefits ('我是妇幼保健院的工作人员，你的小孩可以领新生儿补贴')
    r"医院|保健院|卫生院|卫生服务中心|街道办|居委会|村委会|"
    # the same offices in English ('this is the IRS, you owe back taxes', 'this call is from the Social
    # Security Administration: your number has been suspended')
    r"\b(?:irs|ssa|cra|ato|dmv|dvla|hmrc|internal revenue|social security|revenue and customs|canada revenue|"
    r"australian taxation|taxation office|tax office|tax department|department of revenue|medicare|centrelink|"
    r"customs|border protection|treasury|inspector general|motor vehicles)\b"
)
# '您的高龄补贴已经发到社保卡了': a benefit paid, not one to claim
_PAID = re.compile(r" ?(?:已经|已)(?:发放|发到|发至|到账|打到|打入|存入|划入|汇入|转入)")
OFFICE_TO_PROBLEM = 48  # '这里是社保局，您的社保卡' ... '被他人冒用'


def police_handoff(m: MessageHits) -> Finding | None:
    """'我现在帮您转接负责此事的张警官': fake customer service handing over to fake police."""
    officers = m.get("police_word") + m.get("authority")  # '转到检察院的王检察官' as much as '转接张警官'
    pair = m.pair(m.get("handoff_verb"), officers, HANDOFF_TO_POLICE, either_order=False)
    if pair and not m.negated(pair[0].start):
        return Finding("police_handoff", LURE_HALLMARK, *_span(*pair))
    return None


PROTECTION_TO_STUCK = 30  # '卖家未开通消费者保障服务' ... '您的付款已被冻结'


def trade_blocked(m: MessageHits) -> Finding | None:
    """'由于卖家尚未签署交易保障协议，您的付款失败，请联系客服', '賣場尚未簽署協議，結帳失敗': a payment
    or an order stuck because the other side, or you, did not 'open' a protection, an agreement or a
    deposit. The fake-platform script of second-hand and shop sites; a real platform's checkout either
    takes the money or names the card, and never sends you to a 'customer service' to unblock a trade.
    Patterns, not phrases of the keyword index: '付款失败' there would hide the '付款' other rules read."""
    if not _NOT_OPENED.search(m.folded):
        return None
    if m.get("advisory") or m.get("narrative"):
        return None
    for unsigned in _UNSIGNED_PROTECTION.finditer(m.folded):
        if m.negated(unsigned.start()):
            continue
        for stuck in _TRADE_STUCK.finditer(m.folded):
            # the gap between them, either order: 'protection not opened … payment failed' or the reverse
            after = stuck.start() >= unsigned.end()
            lo, hi = (unsigned.end(), stuck.start()) if after else (stuck.end(), unsigned.start())
            if 0 <= hi - lo <= PROTECTION_TO_STUCK and m.same_sentence(lo, hi):
                start, end = min(unsigned.start(), stuck.start()), max(unsigned.end(), stuck.end())
                return Finding("trade_blocked", LURE_HALLMARK, start, end)
    return None


_NOT_OPENED = re.compile(r"(?:未|没有|没)(?:开通|签署|签订|激活|缴纳|交纳|交|缴|更新升级|验证)|未通过人工激活")
# not opened ... a protection, an agreement, a deposit (not a real-name check: '未实名认证，暂时无法付款'
# is what payment apps really say), either order ('保证金未缴纳'), a few characters apart
_UNSIGNED_PROTECTION = re.compile(
    r"(?:未|没有|没)(?:开通|签署|签订|激活|缴纳|交纳|交|缴|更新升级|验证|通过人工激活)[^，。,;；!！?？]{0,10}(?:保障|协议|保证金|担保|金流)|"
    r"(?:保障|协议|保证金|担保|金流)[^，。,;；!！?？]{0,8}(?:未|没有|没)(?:开通|签署|签订|激活|缴纳|交纳|交|缴|通过人工激活)"
)
# ... so the money or the order is stuck
_TRADE_STUCK = re.compile(
    r"无法(?:付款|支付|到账|完成|交易|下单|收款|出货|发货|结账)|(?:付款|支付|结账|交易|下单)失败|付不了款|收不到款|"
    r"(?:被|已被|被系统)冻结|(?:限制|暂停)交易|"
    # the buyer's side of it: '付款的时候显示卖家未开通担保交易', '拍下后提示…'
    r"(?:付款|支付|结账|拍下|下单)(?:的时候|时|后)?(?:显示|提示|系统显示|系统提示)"
)


def renewal_call(m: MessageHits) -> Finding | None:
    """'我是美团的客服，您开通的美团月付会员将自动续费': someone calling as customer service to tell you
    a membership will charge you, the opening of the 'cancel it or your credit suffers' script. A
    genuine renewal notice comes from the app, not from a person introducing themselves."""
    claims = m.get("self_claim") + m.get("org_voice")  # 'we are from Geek Squad' too
    if not claims:
        return None
    who = m.get("cs_role") + m.get("org_word") + m.brand_hits()
    claim = next(
        (s for s in claims if not m.negated(s.start) and any(0 <= h.start - s.end <= SELF_CLAIM_TO_WHO for h in who)), None
    )
    if claim is None:
        return None
    for h in m.get("charge_word"):
        if m.folded[h.start : h.end] not in _CHARGING or h.start <= claim.end or m.negated(h.start):
            continue  # a charge made or to come, not a fee named ('包年费用一般不能提前退回')
        if m.done_before(h.start):
            continue  # '已自动续费成功': a receipt
        sentence = m.sentence_before(h.start, h.start - claim.end)
        if _REPORTED.search(sentence) or _ASKED_ABOUT.search(sentence):
            continue  # '关于您咨询的自动续费问题': an agent answering what you asked
        return Finding("renewal_call", LURE_STRONG, claim.start, h.end)
    return None


_ASKED_ABOUT = re.compile(r"您咨询|你咨询|您问的|你问的|您询问|您说的|你说的|关于您|关于你|亲反馈|反馈的问题")
_CHARGING = frozenset({"扣费", "扣钱", "扣款", "自动续费", "自动扣款", "自动扣费", "续费", "charged", "charge", "renewal"}) | frozenset(
    "renewed|renews|will be renewed|will renew|auto-renew|auto-renewed|auto-renewal|automatically renewed|renewed automatically|debited|will be debited|billed|will be billed|will be charged|has been charged".split("|")
)


def order_dispute_call(m: MessageHits) -> Finding | None:
    """'Your order of $899.99 has been confirmed. If you did not place this order, call 1-802-555-0169':
    a purchase, invoice or renewal you never made, disputed by calling the number given, is how the
    refund-scam call is set up. Shops and services send you to your account or their site for that;
    a listed brand's own number is the notice layer's to judge (its own channel)."""
    # a transaction announced in Chinese ('您尾号0021账户于…转出2000元，如非本人操作请联系…'): only a
    # personal mobile is the scam's, a bank's alert gives its service line (95599) or a branch's
    mobile_only = False
    if not _ORDER_WORDS.search(m.folded):
        if _TRANSACTION_ZH.search(m.folded):
            mobile_only = True
        # a payment, a purchase or a charge in the same script, with no bank or shop saying it is
        # theirs: a genuine alert says whose it is ('Community Bank: a payment of…'); the refund-scam
        # invoice names nobody, or only the listed product bought ('your purchase of McAfee…'), whose
        # own lines are not the number it gives
        elif not _CHARGE_WORDS.search(m.folded) or _names_a_party(m) or m.get("org_word"):
            return None
    channels = m.index.channels
    phones = [  # a listed brand's own line is no scam's ('call Amazon at 1-888-280-4331')
        e
        for e in m.entities
        if e.kind == "phone"
        and (not mobile_only or e.phone_kind == "cn_mobile")
        and not any(channels.brand_for_phone(k) for k in phone_keys(e.key, e.phone_kind))
    ]
    ordered = not mobile_only and _ORDER_WORDS.search(m.folded) is not None
    for d in m.get("dispute"):
        if m.negated(d.start):
            continue
        if not ordered and m.folded[d.start : d.end].endswith(_ASKED):
            continue  # 'debited … Not you? Call 040…': a bank's own alert asks that too; an order's invoice may not
        phone = next((e for e in phones if 0 <= e.start - d.end <= DISPUTE_TO_PHONE), None)
        if phone is not None:
            return Finding("order_dispute_call", LURE_STRONG, d.start, phone.end)
        # 'Call 888-… to cancel': the number first, the dispute right after it
        phone = next((e for e in phones if 0 <= d.start - e.end <= PHONE_TO_DISPUTE), None)
        if phone is not None and m.folded[d.start : d.end] in _DISPUTE_AFTER_PHONE:
            return Finding("order_dispute_call", LURE_STRONG, phone.start, d.end)
    return None


_ORDER_WORDS = re.compile(r"\b(?:order|orders|invoice|subscription|membership|renewal|renewed|auto-renew)\b")


def _names_a_party(m: MessageHits) -> bool:
    """A party word ('bank', 'credit union', '银行') that is not a listed brand's own name, nor a desk
    that says nobody's name ('call customer service at 1-877-…')."""
    named = {(h.start, h.end) for h in m.brand_hits() + m.get("cs_role")}
    return any((h.start, h.end) not in named for h in m.get("party"))


_TRANSACTION_ZH = re.compile(r"转出|支出|消费|扣款|扣费|转账|购买|下单|订单")
_CHARGE_WORDS = re.compile(r"\b(?:payment of|purchase|charged|charge of|debited|transaction of)\b")
_DISPUTE_AFTER_PHONE = frozenset({"to cancel", "to dispute", "for a refund"})
_ASKED = ("?", "did you make this", "did you authorize this", "did you authorise this")
PHONE_TO_DISPUTE = 4  # '1-888-555-0143 to cancel'
DISPUTE_TO_PHONE = 60  # 'if you did not authorize this purchase, please call our billing team at 1-8…'


def credit_charge(m: MessageHits) -> Finding | None:
    """A fee or a renewal tied to your credit record ('扣费失败就会影响个人征信', '也会扣钱，还会影响
    征信'): real platforms never threaten a credit record over a membership."""
    pair = m.pair_in_sentence(m.get("charge_word"), m.get("credit_threat"), CHARGE_TO_CREDIT)
    if pair and not m.negated(min(pair[0].start, pair[1].start)):
        return Finding("cancel_service", LURE_HALLMARK, *_span(*pair))
    return None


def device_compromise(m: MessageHits) -> Finding | None:
    """'You have a virus on your computer', '您的电脑被黑了': the tech-support opener. Said to you,
    about your device; an antivirus report that found nothing is negated."""
    pair = m.pair_in_sentence(m.get("device"), m.get("compromise"), DEVICE_TO_COMPROMISE)
    if pair is None:  # 'problems with your computer' names the device itself
        pair = next(((h, h) for h in m.get("compromise") if _DEVICE_IN.search(m.folded, h.start, h.end)), None)
    if pair is None or m.negated(pair[1].start):
        return None
    start, end = _span(*pair)
    window = max(0, start - DEVICE_TO_COMPROMISE)
    if not _SECOND_PERSON.search(m.folded, window, end) and not _THIS_DEVICE.search(m.folded, window, end):
        return None
    return Finding("device_compromise", LURE_HALLMARK, start, end)


_THIS_DEVICE = re.compile(r"\bthis (?:pc|computer|laptop|device|mac)\b")  # the pop-up's 'access to this PC is blocked'


def investment_lure(m: MessageHits) -> Finding | None:
    for h in m.get("invest_hallmark"):
        if not m.negated(h.start, window=NEGATION_BEFORE_LURE):
            return Finding("investment_lure", INVEST_HALLMARK, h.start, h.end)
    if m.get("invest"):
        h = m.get("invest")[0]
        return Finding("investment_lure", INVEST, h.start, h.end)
    return None


TACTICS: tuple[Callable[[MessageHits], Finding | None], ...] = (
    identity_claim,
    unsolicited_notice,
    refund_lure,
    cancel_service,
    account_problem,
    loan_offer,
    credential_request,
    safe_account,
    advance_fee,
    loan_app,
    gift_card,
    qr_code,
    transfer_request,
    screen_share,
    off_platform,
    threat,
    accusation,
    investment_lure,
    empty_account,
    atm_guidance,
    mistaken_payment,
    step_guidance,
    link_activation,
    secrecy,
    police_handoff,
    authority_call,
    office_call,
    fraud_team_call,
    callback_offer,
    asset_probe,
    escorted_cash,
    money_frozen,
    credit_charge,
    renewal_call,
    order_dispute_call,
    trade_blocked,
    device_compromise,
    tech_support_call,
)


# the tags (or entity kinds) without which a tactic cannot fire: most messages skip most tactics
_NEEDS: dict[Callable[[MessageHits], Finding | None], frozenset[str]] = {
    identity_claim: frozenset({"self_claim", "cs_role", "role_claim"}),
    unsolicited_notice: frozenset({"notice"}),
    accusation: frozenset({"accusation"}),
    refund_lure: frozenset({"refund", "refund_hallmark"}),
    cancel_service: frozenset({"cancel_hallmark", "cancel_verb"}),
    account_problem: frozenset({"account_problem", "delivery_problem", "problem"}),
    loan_offer: frozenset({"loan_offer"}),
    credential_request: frozenset({"cred_strong", "cred_weak"}),
    safe_account: frozenset({"safe_account"}),
    advance_fee: frozenset({"fee", "fee_hallmark", "fee_reason"}),
    loan_app: frozenset({"loan"}),
    gift_card: frozenset({"gift_card"}),
    qr_code: frozenset({"qr"}),
    transfer_request: frozenset({"transfer", "transfer_to", "pay"}),
    screen_share: frozenset({"remote_strong", "remote_weak", "download"}),
    off_platform: frozenset({"im", "off_platform", "qq", "wechat", "telegram"}),
    threat: frozenset({"threat", "credit_threat", "urgency"}),
    investment_lure: frozenset({"invest", "invest_hallmark"}),
    empty_account: frozenset({"empty_account"}),
    atm_guidance: frozenset({"atm", "atm_crypto"}),
    mistaken_payment: frozenset({"sent_by_mistake"}),
    step_guidance: frozenset({"step_guidance"}),
    link_activation: frozenset({"link_activation"}),
    secrecy: frozenset({"secrecy"}),
    police_handoff: frozenset({"handoff_verb"}),
    authority_call: frozenset({"authority"}),
    office_call: frozenset({"self_claim"}),
    fraud_team_call: frozenset({"fraud_cue"}),
    callback_offer: frozenset({"callback_cue"}),
    asset_probe: frozenset({"asset_cue"}),
    money_frozen: frozenset({"remedy"}),  # '冻结' 
    escorted_cash: frozenset({"escort_cue"}),

    credit_charge: frozenset({"credit_threat"}),
    renewal_call: frozenset({"charge_word"}),
    order_dispute_call: frozenset({"dispute"}),
    trade_blocked: frozenset({"protection_cue"}),
    device_compromise: frozenset({"compromise"}),
    tech_support_call: frozenset({"tech_role"}),
}


# the same as bits: each tag's (or entity kind's) tactics, bit i for TACTICS[i]. A message's tags select
# its tactics with one lookup each, instead of a set test per tactic (27 per message)
_TACTIC_BITS: dict[str, int] = {}
for _i, _tactic in enumerate(TACTICS):
    for _tag in _NEEDS[_tactic]:
        _TACTIC_BITS[_tag] = _TACTIC_BITS.get(_tag, 0) | 1 << _i


def find_tactics(m: MessageHits) -> list[Finding]:
    bits = 0
    needed = _TACTIC_BITS.get
    for tag in m.by_tag:
        bits |= needed(tag, 0)
    for e in m.entities:
        bits |= needed(e.kind, 0)
    found = []
    while bits:  # lowest bit first: in TACTICS' order
        low = bits & -bits
        finding = TACTICS[low.bit_length() - 1](m)
        if finding is not None:
            found.append(finding)
        bits ^= low
    return found
