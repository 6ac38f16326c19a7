"""A caller who introduces themselves as a company's or an office's staff and, in the same message,
tells you that something happened to your own account, card, number, order or benefit: '您好，我是建设
银行的工作人员，您的银行卡由于长期未使用需要激活', '这里是中国移动，您的号码被大量用户投诉', '我是
淘宝客服，您的店铺保证金未缴纳'.

The spine of the fake customer-service call, whatever the brand and whatever the problem: a claim
('我是/这里是' + a bank, an operator, a platform, a courier, an office) and a state said of the
reader's things. Genuine notices sign themselves in a sender frame ('【建设银行】您的…') and send
you to their own app or number; a stranger naming themselves in the first person and then announcing
your problem is how the call opens before the link, the number or the ask. office_call (tactics.py)
reads the same shape for public offices with a narrower state list; this reads it for any party.

What keeps genuine messages quiet: an anti-fraud reminder or a story of a scam; the party's own app,
site or counter named as the place to deal with it; a state supposed, asked, answered ('您反馈的…'),
denied or already settled ('已到账'); a courier calling about delivering your parcel (an address to
confirm is its job); an agent who names no organisation ('我是客服小王').
"""

from __future__ import annotations

import re

from kefuguard.detect.text.tactics import LURE_STRONG, Finding, MessageHits

CLAIM_TO_PARTY = 12  # '我是' ... '建设银行', '这里是' ... '中国移动'
PARTY_TO_STATE = 60  # the claim, then the state in the same or the next sentence
STATE_SAID_TO_YOU = 40  # '您的银行卡由于长期未使用' ... '需要激活': the reader named before the state

_SECOND_PERSON = re.compile(r"您|你")
_SUPPOSED_OR_ANSWERED = re.compile(
    r"如果|假如|万一|若|如有|如遇|一旦|是否|您反馈|你反馈|您反映|你反映|您咨询|你咨询|您提到|你提到|您申请|你申请|"
    r"您提交|你提交|您投诉|你投诉|您询问|应您|按您|根据您|关于您|您说的|你说的|您所说|你所说|您问的|你问的"
)
_QUESTION_AFTER = re.compile(r"[^。！!；;\n]{0,12}?(?:吗|么|[?？])")
_SETTLED_AFTER = re.compile(r" ?(?:(?:已经|已)(?:发放|发到|发至|到账|打到|打入|存入|划入|汇入|转入|处理|解决|恢复)|成功)")
# '有问题随时找我', '如有问题请联系': help offered, not a problem announced
_OFFER_AFTER = re.compile(r"(?:随时|请|可|欢迎|都可以|就|联系|找|打|拨)")
# where offices and companies settle things with you in person: a genuine call asks you there
_IN_PERSON = re.compile(
    r"(?:到|来|去|前往)[^，。！？,!?\n]{0,8}?(?:营业厅|网点|柜台|窗口|派出所|办公室|服务中心|服务台|前台|办事大厅)|"
    r"柜台办理|窗口办理|携带|本人持|亲自(?:到|前往)"
)
# what a courier calling about delivery has to say (the address, a failed attempt): its job, not a script
_DELIVERY = frozenset({"delivery_problem", "disruption"})
_STATE_TAGS = ("state", "state_strong", "account_problem", "problem", "credit_threat", "accusation", "lockout")


def _claim(m: MessageHits) -> tuple[int, int] | None:
    """Where '我是/这里是 + a party' ends: a listed brand, an organisation or a party word (not a bare
    role: '我是客服小王' names no one)."""
    parties = m.brand_hits() + m.get("org_word") + m.get("party") + m.get("role_claim")
    for s in m.get("self_claim"):
        if m.negated(s.start):
            continue
        for p in parties:
            if 0 <= p.start - s.end <= CLAIM_TO_PARTY and m.same_clause(s.end, p.start):
                return s.start, p.end
    return None


def staff_call(m: MessageHits) -> Finding | None:
    """The claim and a state of the reader's own that follows it, at most one finding."""
    if not m.get("self_claim") or not any(m.get(tag) for tag in _STATE_TAGS):
        return None  # most messages: no '我是/这里是', or no state at all
    if m.reminder_or_story():
        return None
    if m.get("on_platform") or m.get("official_ref"):
        return None
    claim = _claim(m)
    if claim is None or _IN_PERSON.search(m.folded):
        return None
    start, end = claim
    delivery = [h for tag in _DELIVERY for h in m.get(tag)]
    states = sorted((h for tag in _STATE_TAGS for h in m.get(tag)), key=lambda h: h.start)
    passed: list[tuple[int, int]] = []  # states passed over, and the shorter words inside them
    for h in states:
        if h.start < end or h.start - end > PARTY_TO_STATE or any(s <= h.start and h.end <= e for s, e in passed):
            continue
        passed.append((h.start, h.end))
        if any(d.start <= h.start < d.end for d in delivery) or m.negated(h.start) or m.done_before(h.start):
            continue
        if m.folded[h.start : h.end] == "有问题" and _OFFER_AFTER.match(m.folded, h.end):
            continue
        before = m.sentence_before(h.start, STATE_SAID_TO_YOU)
        if _SECOND_PERSON.search(before) is None or _SUPPOSED_OR_ANSWERED.search(before):
            continue
        if _QUESTION_AFTER.match(m.folded, h.end) or _SETTLED_AFTER.match(m.folded, h.end):
            continue
        return Finding("staff_call", LURE_STRONG, start, h.end)
    return None
