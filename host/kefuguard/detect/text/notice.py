"""Notice scripts as structure: who a message speaks for, what it says happened, what it tells you
to do, by when, and through which channel, compared with that party's official channels.

Real fake-customer-service messages are mostly notices ("【工商银行】您的电子密码器今日失效，请登录
wap.icbc-xx.com 升级", "USPS: your parcel is on hold, pay the fee at <link>"): a party, a state,
an act and one channel. Each slot has a broad vocabulary (notice_words.py) and alone means little;
scoring.py decides what a combination of slots means. A channel that is one of the claimed
brand's official ones (from the signed list) supports the message instead; a licensed service
number (95xxx) of an unlisted party is neither. Anti-fraud reminders use the same words about
scams: they are recognised here as advisory, and scoring keeps them from warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kefuguard.detect.hotlines import ANTIFRAUD_BRAND_ID, ANTIFRAUD_HOTLINE_CN
from kefuguard.detect.text.entities import Entity, phone_keys
from kefuguard.detect.text.keyword_automaton import Hit
from kefuguard.detect.text.normalize import fold_text
from kefuguard.detect.text.tactics import MessageHits
from kefuguard.detect.url.public_suffix import registrable_domain
from kefuguard.detect.url.shape import SHORTENERS
from kefuguard.lists.model import Brand

# Categories, from scoring's point of view (the slots of a notice script)
PARTY = "notice_party"  # speaks for a bank, a public service, a courier... (or a listed brand)
STATE = "notice_state"  # something happened: expired, frozen, charged, a parcel held, points to redeem
STATE_STRONG = "notice_state_strong"  # what fake notices say and real ones rarely do: frozen, 传票, suspended
ACT = "notice_act"  # log in, click, call, verify, update, pay
DEADLINE = "notice_deadline"  # today, within 24 hours, or else
LINK = "notice_link"  # a link that is not the party's official site (nor a known scam or lookalike)
PHONE = "notice_phone"  # a number that is not the party's official one
CHANNEL_UNSHOWN = "notice_channel_unshown"  # a link named but not shown (redacted), a 'press 9' menu
ADVISORY = "advisory"  # an anti-fraud reminder: about scams, not one
SELF = "notice_self"  # speaks in the first person to you: 'I am...', 'this is...', 'we found that your...'
BRAND_CLAIM = "notice_brand_claim"  # a listed brand speaks (not merely named): its channels are known
VOICE_MENU = "notice_voice_menu"  # 'press 9 for an operator': a recorded call, never a genuine message
VOICE = "notice_voice"  # no party named, but the sender speaks as one: 'we will suspend your membership'
YOURS = "notice_yours"  # the hallmark state is about the reader's own account, card, parcel: '您的…已冻结'
REMINDER = "notice_reminder"  # reminder cues throughout: a reminder even with a link or number in it
OTP_NOTICE = "notice_otp"  # a service's one-time-code message: 'your code is 123456, do not share it'
BRAND_LINK = "notice_brand_link"  # a listed brand's message sends you to a site that is not the brand's


# How close the parts of one phrase must stand (characters of folded text)
WEAK_ADVISORY_WORDS = 2  # '谨防' alone may be a points notice ('谨防过期'); two cautious words make a reminder
OFFICIAL_BEFORE_LINK_WORD = 4  # '官方网站', 'our app': a reference, not a channel
SCAM_WORD_AFTER_SUSPECTED = 4  # '涉嫌诈骗' is what fake police say, not advice
SENDER_FRAME_SEARCH = 400  # a greeting frame is near the start ('尊敬的…用户', 'Dear customer')
BRAND_OPENS_WITHIN = 8  # '中国移动网上充值优惠', 'Amazon: your order…': the brand is the message's subject
REMINDER_CUES = 3  # 'will never... will only... all links...': a reminder, even when it names a site
DISPUTE_TO_CONTACT = 60  # 'if you do not recognize this charge, please contact us'
QUOTE_NEGATION = 12  # '切勿点击 www.x.com', 'do not call 1-800-…': a reminder naming what not to open
YOURS_BEFORE_STATE = 48  # '您的医保卡确实存在异常', 'your debit card has been temporarily disabled'

_BRACKET_FRAME = re.compile(  # at the start or the end: '【工商银行】', '[建设银行]', '〖福建省醫保局〗'
    r"^\s*[【\[〖「]([^】\]〗」\n]{1,20})[】\]〗」]|[【\[〖「]([^】\]〗」\n]{1,20})[】\]〗」]\s*[。.]?\s*$"
)
_DEAR_FRAME = re.compile(
    r"(?:尊敬的|亲爱的)[^，,。！!\n]{0,12}?(?:用户|客户|车主|机主|会员|旅客|乘客|持卡人|先生|女士|参保人|纳税人)|"
    r"(?:用户|客户|车主|机主|会员|旅客|乘客|持卡人|参保人|纳税人)(?:您好|你好)|"
    r"\bdear (?:valued |our )?(?:customer|user|member|client|taxpayer|cardholder|account ?holder|subscriber)",
    re.IGNORECASE,
)
_DEAR_FRAME_WORDS = ("尊敬", "亲", "親", "ear")
_ROLES = tuple("用户 客户 客戶 车主 車主 机主 機主 会员 會員 旅客 乘客 持卡人 参保人 纳税人".split())


def _greeting(head: str) -> bool:
    return "您好" in head or "你好" in head


_LABEL_FRAME = re.compile(r"^\s*([A-Z][A-Za-z0-9&.'\- ]{1,28}):")  # 'USPS:', 'ROYAL MAIL:', 'Chase:'
_REDACTED_PHONE = re.compile(  # '1-205-XXX-XXXX', and after a call word '联系0777581****' (not '尾号6222****')
    r"(?<![0-9])(?:\+?1[-. ])?[0-9]{3,4}[-. ][0-9X*]{3,4}[-. ]?[X*]{3,4}(?![0-9A-Za-z])|"
    r"(?<![0-9A-Za-z])[xX]{3}[-. ][xX]{3}[-. ][xX]{4}(?![0-9A-Za-z])|"  # 'xxx-xxx-xxxx'
    r"(?:电话|联系|致电|拨打|热线|call)[:：\s]{0,2}[0-9]{3,8}[X*]{3,5}[0-9]{0,4}(?![0-9])|"
    r"(?:电话|致电|拨打|call)[:：\s]{0,2}[0-9][0-9 \-]{2,12}(?:…|\.\.\.)",  # cut off: 'Call 515 837…'
    re.IGNORECASE,
)
_ENDS_ON_A_LINK_CUE = re.compile(r"(?:[:：]|\bhere\b[.!]?)\s*$", re.IGNORECASE)  # 'confirm for delivery here'

_REDACTED_AFTER_ACT = re.compile(r"(?:打开|登录|登陆|登入|点击|访问|进入|拨打|联系|客服|电话)[:：\s]{0,2}[*×＊xX]{3,}")
_REDACTED_LINK = re.compile(
    r"(?:https?://|www\.)[^\s，。,]{0,40}?[*×＊xX]{2,}|[a-z0-9]{0,20}[*×＊]{2,}[a-z0-9.*×＊]{0,20}\.[a-z]{2,6}\b|"
    r"[<\[(（](?:url|link|链接|网址|钓鱼网址|钓鱼链接|釣魚網址)(?: [^\]>)）]{0,30})?[>\])）]",  # a source's '<URL>'
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Slot:
    category: str
    start: int
    end: int
    code: str  # the reason code
    official: str | None = None  # the party's official channels, when one is named
    brand_id: str | None = None


def _first(hits: list[Hit]) -> Hit | None:
    return min(hits, key=lambda h: h.start) if hits else None


def sender_frame(text: str, folded: str | None = None) -> tuple[int, int] | None:
    """'【建设银行】', '尊敬的工行用户', 'Dear customer', 'USPS:': the message presents itself as a notice.
    The greeting is matched folded ('尊敬的客戶' in traditional characters too; same positions)."""
    head = text[:SENDER_FRAME_SEARCH]
    candidates = (  # cheap tests first: most messages have no frame at all
        (_BRACKET_FRAME, text) if any(c in text for c in "【[〖「") else None,
        (_DEAR_FRAME, (folded or fold_text(head))[:SENDER_FRAME_SEARCH])
        if any(w in head for w in _DEAR_FRAME_WORDS) or (_greeting(head) and any(r in head for r in _ROLES))
        else None,
        (_LABEL_FRAME, head) if ":" in head[:32] else None,
    )
    for pattern, where in (c for c in candidates if c is not None):
        m = pattern.search(where)
        if m is not None and (pattern is not _LABEL_FRAME or _is_a_name(m.group(1))):
            return m.start(), m.end()
    return None


_NOT_A_NAME = frozenset(
    "your you we our i the this that it please hi hello dear note important attention warning reminder".split()
)


def _is_a_name(label: str) -> bool:
    """'USPS', 'Royal Mail', 'Chase Fraud' name a sender; 'Your scan is complete' is a sentence."""
    words = label.split()
    return 0 < len(words) <= 3 and words[0].lower() not in _NOT_A_NAME


def _advisory(m: MessageHits) -> Hit | None:
    for h in m.get("advisory"):
        before = m.folded[max(0, h.start - SCAM_WORD_AFTER_SUSPECTED) : h.start]
        if "涉嫌" in before or "涉及" in before:
            continue  # 'you are suspected of fraud': the fake police's line
        return h
    weak = m.get("advisory_weak")
    return weak[0] if len(weak) >= WEAK_ADVISORY_WORDS else None


def _states(m: MessageHits, hits: list[Hit]) -> list[Hit]:
    """States that are not negated; in a promotion only the ones no promotion says (frozen,
    suspended...): 'your coupon expires, claim it' is marketing, not an account in trouble."""
    states = [h for h in hits if not m.negated(h.start)]
    if m.get("marketing"):
        strong = {(h.start, h.end) for h in m.get("state_strong")}
        states = [h for h in states if (h.start, h.end) in strong]
    return states


def _unshown_link(m: MessageHits) -> tuple[int, int] | None:
    """A link the message sends you to without showing it (the quoting source redacted it, or it
    follows in another message), or a phone menu; never when the message shows a link itself."""
    if any(e.kind == "url" for e in m.entities):
        return None
    hidden = any(c in m.text for c in "*×＊xX<[(（")
    redacted = (_REDACTED_LINK.search(m.text) or _REDACTED_AFTER_ACT.search(m.text)) if hidden else None
    if redacted is not None:
        return redacted.start(), redacted.end()
    acts = m.get("act") or m.get("link_action") or m.get("referral")
    for w in m.get("link_word") if acts else ():
        if not any(0 <= w.start - o.start <= OFFICIAL_BEFORE_LINK_WORD for o in m.get("official_ref")):
            return w.start, w.end
    if _ENDS_ON_A_LINK_CUE.search(m.text[-40:]) and (m.get("act") or m.get("link_action")):
        return len(m.text.rstrip()) - 1, len(m.text.rstrip())
    phone = _REDACTED_PHONE.search(m.text) if any(c in m.text for c in "Xx*…") or "..." in m.text else None
    if phone is not None:  # '1-205-XXX-XXXX': a number the quoting source hid is still a number
        return phone.start(), phone.end()
    menu = _first(m.get("voice_menu") + m.get("operator_transfer"))
    if menu is not None:
        return menu.start, menu.end
    return _callback_unshown(m)


def _callback_unshown(m: MessageHits) -> tuple[int, int] | None:
    """'If you did not make this purchase, contact our customer care within 72 hours': a charge
    disputed by calling a number the message does not show (it is in the rest of the e-mail, or
    the next message), and not 'the number on the back of your card'."""
    if m.get("official_ref") or any(e.kind == "phone" for e in m.entities):
        return None
    for d in m.get("dispute"):
        call = next((c for c in m.get("contact_act") if 0 <= c.start - d.end <= DISPUTE_TO_CONTACT), None)
        if call is not None:
            return call.start, call.end
    return None


_SECOND_PERSON = re.compile(r"您|你|\byour\b|\byou\b")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


def _addressed(m: MessageHits, pos: int) -> bool:
    """The state is said of the reader's own thing ('您的医保资料缺失', 'your card has been
    deactivated', 'you have been hacked') in the same sentence, not of accounts in general."""
    before = m.folded[max(0, pos - YOURS_BEFORE_STATE) : pos]  # folded: sentence ends stay, as ASCII
    sentence = _SENTENCE_END.split(before)[-1]
    return _SECOND_PERSON.search(sentence) is not None


_ORG_VOICE = re.compile(
    r"\bwe(?: ?ll| ?ve| ?re| have| will| are| were| placed| noticed| detected)?\b|我们|本公司|我司|本平台"
)


def _official_text(brand: Brand | None) -> str | None:
    if brand is None:
        return None
    return " / ".join([*brand.phones[:3], brand.primary_domain])


def _phone_channels(m: MessageHits, party: Brand | None) -> list[Slot]:
    """Numbers that are not the party's own: a listed brand's number offered for another party,
    and any mobile, landline, 400 or foreign number; a licensed service number (95xxx) of a party
    the list does not know is neither."""
    channels = m.index.channels
    out: list[Slot] = []
    for e in (e for e in m.entities if e.kind == "phone"):
        keys = phone_keys(e.key, e.phone_kind)
        if any(channels.is_scam_phone(k) for k in keys):
            continue  # analysis.py reports listed scam numbers
        owner = next((b for k in keys if (b := channels.brand_for_phone(k)) is not None), None)
        if owner is not None and (party is None or owner.id == party.id):
            continue  # official: supports the message
        if (owner is not None and owner.id == ANTIFRAUD_BRAND_ID) or ANTIFRAUD_HOTLINE_CN in keys:
            continue  # 'report it to 96110': the anti-fraud line is a referral, never the scam's own channel
        if owner is None and e.phone_kind not in OFFERED_NUMBER_KINDS:
            continue  # a licensed service number of a party the list does not know; a handle ('@116612')
        out.append(Slot(PHONE, e.start, e.end, "notice.unofficial_phone", _official_text(party), _id(party)))
    return out


def _id(brand: Brand | None) -> str | None:
    return brand.id if brand is not None else None


def _frame(m: MessageHits) -> tuple[int, int] | None:
    """The message's sender frame, found once (several slots ask for it)."""
    if "frame" not in m.memo:
        m.memo["frame"] = sender_frame(m.text, m.folded)
    return m.memo["frame"]


def _party(m: MessageHits, party: Brand | None) -> Slot | None:
    """Who the message speaks for: a listed brand, a sender frame, or a party word not referred to."""
    frame = _frame(m)
    party_hit = _first([h for h in m.get("party") if not m.referral_before(h.start)])
    if party is None and frame is None and party_hit is None:
        return None
    start, end = frame or ((party_hit.start, party_hit.end) if party_hit else (0, 0))
    return Slot(PARTY, start, end, "notice.party", _official_text(party), _id(party))


# brands whose real notices never give a personal number: a mobile, landline or foreign number
# offered in their name is a warning on its own (couriers' and shops' staff do give their own)
NUMBERLESS_CATEGORIES = frozenset({"bank", "payment", "telecom", "public"})
PERSONAL_NUMBER_KINDS = frozenset({"cn_mobile", "cn_landline", "cn_local", "intl"})
# numbers that present themselves as a company's service line: a listed brand's real ones are listed
SERVICE_LINE_KINDS = frozenset({"cn_400", "us_toll_free", "us_number", "intl"})
OFFERED_NUMBER_KINDS = frozenset(
    {"cn_mobile", "cn_landline", "cn_local", "cn_400", "us_toll_free", "us_number", "intl"}
)
# link wrappers a platform puts on every link posted there (a reply on Twitter carries t.co): not a
# channel the sender chose
PLATFORM_WRAPPERS = frozenset({"t.co", "lnkd.in", "fb.me", "youtu.be"})


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
    return any(h.start <= BRAND_OPENS_WITHIN and not m.referral_before(h.start) for h in m.get(tag))


def _brand_link(m: MessageHits, party: Brand | None, unlisted_links: list[Entity]) -> Slot | None:
    """The spine of the check: a message speaking for a listed brand ('中国移动网上充值优惠…登录
    www.0059210086.com') asks you to open a site that is not one of the brand's official ones. Short
    links and platform wrappers hide where they go: not those."""
    if party is None or party.category == "public" or _act(m) is None:
        return None  # public offices run many regional sites the list cannot all hold
    for e in unlisted_links:
        host = _link_host(e.key)
        if host in PLATFORM_WRAPPERS or _registrable(host) in SHORTENERS or _GOVERNMENT_HOST.search(host):
            continue
        return Slot(BRAND_LINK, e.start, e.end, "notice.unofficial_link", _official_text(party), party.id)
    return None


_GOVERNMENT_HOST = re.compile(r"(?:^|\.)(?:gov|gc|go|gouv|gob|govt|mil|edu)(?:\.[a-z]{2})?$")


def _asks(m: MessageHits) -> bool:
    """The message asks for money or credentials (a top-up, a payment, a card, a code)."""
    return bool(m.get("pay") or m.get("cred_strong") or m.get("cred_weak"))


def _mimics(link: Slot, m: MessageHits, party: Brand | None) -> bool:
    """The link's host wears the brand: its hotline's digits or one of its names ('0059210086.com')."""
    if party is None:
        return False
    host = _link_host(m.text[link.start : link.end].lower())
    digits = [d for d in party.phone_digits if len(d) >= 5]
    names = [k for k in party.keywords if k.isascii() and len(k) >= 3]
    return any(d in host for d in digits) or any(k in host for k in names)


def _registrable(host: str) -> str:
    domain, _ = registrable_domain(host)
    return domain or host


def _channels(m: MessageHits, party: Brand | None, unlisted_links: list[Entity]) -> list[Slot]:
    """Every channel offered that is not the party's: links, numbers, then what is named but not shown."""
    official = _official_text(party)
    chosen = [
        e
        for e in unlisted_links  # a government site is nobody's scam channel: '.gov' names are not for sale
        if _link_host(e.key) not in PLATFORM_WRAPPERS and not _GOVERNMENT_HOST.search(_link_host(e.key))
    ]
    out = [Slot(LINK, e.start, e.end, "notice.unofficial_link", official, _id(party)) for e in chosen]
    out += _phone_channels(m, party)
    unshown = _unshown_link(m) if not out else None
    if unshown is not None:
        out.append(Slot(CHANNEL_UNSHOWN, *unshown, "notice.unshown_channel", official, _id(party)))
    return out


def _kind_at(m: MessageHits, start: int) -> str:
    return next((e.phone_kind for e in m.entities if e.kind == "phone" and e.start == start), "")


def _link_host(url: str) -> str:
    host = url.split("://", 1)[-1].split("/", 1)[0].lower()
    return host[4:] if host.startswith("www.") else host


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
        if not m.negated(h.start):
            return Slot(ACT, h.start, h.end, "notice.act")
    return None


def notice_slots(
    m: MessageHits, party: Brand | None, unlisted_links: list[Entity], claimed: bool = False
) -> list[Slot]:
    """The slots of a notice script found in one incoming message. `party`: the listed brand it
    speaks for or names (analysis.py decides), if any, and whether it `claimed` to be it;
    `unlisted_links`: its links that are neither official nor a known scam or lookalike."""
    out: list[Slot] = []
    if m.get("keep_secret") and any(e.kind == "code" for e in m.entities):
        secret = m.get("keep_secret")[0]
        out.append(Slot(OTP_NOTICE, secret.start, secret.end, "notice.otp"))
    advisory = _advisory(m)
    if advisory is not None:
        out.append(Slot(ADVISORY, advisory.start, advisory.end, "notice.advisory"))
        if len(m.get("advisory")) >= REMINDER_CUES:
            out.append(Slot(REMINDER, advisory.start, advisory.end, "notice.advisory"))
        speaker = _first([h for h in m.get("self_claim") + m.get("notice") if not m.negated(h.start)])
        if speaker is not None:
            out.append(Slot(SELF, speaker.start, speaker.end, "notice.self"))
    party_slot = _party(m, party)
    if party_slot is not None:
        out.append(party_slot)
    menu = _first(m.get("voice_menu"))
    if menu is not None and party_slot is not None:
        out.append(Slot(VOICE_MENU, menu.start, menu.end, "notice.voice_menu"))
    states = m.get("state") + m.get("account_problem") + m.get("delivery_problem") + m.get("problem")
    state = _first(_states(m, states + m.get("credit_threat") + m.get("cancel_hallmark") + m.get("refund_hallmark")))
    brand_link = _brand_link(m, party, unlisted_links) if unlisted_links and _speaks_for(m, party, claimed) else None
    if brand_link is not None and (state is not None or _asks(m) or _mimics(brand_link, m, party)):
        out.append(brand_link)  # not a brand's own short link in an ordinary notice ('delivered: amzn.to/…')
    if state is None:
        if not _brand_claimed(m, party, claimed):
            # no script in this message alone; its act and channels still complete one that an
            # earlier message of the conversation began ('your card is frozen' ... 'call 0201234567')
            act = _act(m)
            if act is not None and (unlisted_links or any(e.kind == "phone" for e in m.entities)):
                out += [act, *_channels(m, party, unlisted_links)]
            return out
        # a bank, a payment service, an operator or a public office speaking, with a personal number:
        # never theirs (their links can be short links the list does not know yet: not those)
        act = _act(m)
        # and any listed brand speaking with a service line (400, toll-free, foreign) not its own
        numberless = party is not None and party.category in NUMBERLESS_CATEGORIES
        # a service line not on the list is the scam's only when the message pushes something: a
        # brand's real 400 number the list lacks closes ordinary notices ('退款已到账，如有疑问请致电…')
        pushes = claimed or _asks(m) or bool(m.get("dispute") or m.get("cancel_verb") or m.get("threat"))
        kinds = (SERVICE_LINE_KINDS if pushes else frozenset()) | (PERSONAL_NUMBER_KINDS if numberless else set())
        personal = [s for s in _phone_channels(m, party) if _kind_at(m, s.start) in kinds]
        if act is not None and personal:
            out += [_brand_claim_slot(party_slot), act, *personal]
        return out
    strong = _first(_states(m, m.get("state_strong")))
    if strong is None and _find_act_only(m):  # 'your flight is cancelled: contact us to rebook'
        strong = _first(_states(m, m.get("disruption")))
    said = strong or state  # the reason quotes the hallmark state when there is one
    out.append(Slot(STATE, said.start, said.end, "notice.state"))
    offered = bool(unlisted_links or m.get("link_word") or m.get("voice_menu") or m.get("operator_transfer"))
    offered = offered or bool(m.get("add_verb")) or "X" in m.text or _unshown_link(m) is not None
    if strong is None and not offered and not m.get("pay") and not any(e.kind == "phone" for e in m.entities):
        return out  # no channel, no hallmark state, no payment asked: no script whatever else it says
    if strong is not None:
        out.append(Slot(STATE_STRONG, strong.start, strong.end, "notice.state"))
        if _addressed(m, strong.start):
            out.append(Slot(YOURS, strong.start, strong.end, "notice.state"))
        voice = _ORG_VOICE.search(m.folded) if party_slot is None else None
        if voice is not None:  # 'we placed a suspension on your account': the sender's own voice
            out.append(Slot(VOICE, voice.start(), voice.end(), "notice.party"))
    act = _act(m)
    if act is not None:
        out.append(act)
    deadline = _first(m.get("deadline") + m.get("threat") + m.get("urgency"))
    if deadline is not None:
        out.append(Slot(DEADLINE, deadline.start, deadline.end, "notice.deadline"))
    channels = _channels(m, party, unlisted_links)
    if advisory is not None:  # a reminder quoting the scam's link or number: an example, not its own channel
        channels = [s for s in channels if not (_quoted(m.text, s.start) or m.negated(s.start, QUOTE_NEGATION))]
    return out + channels


_OPENING_QUOTES, _CLOSING_QUOTES = "“「『《", "”」』》"


def _quoted(text: str, pos: int) -> bool:
    """Inside quotation marks: '短信称“…请登录 www.x.com 认证”，切勿点击' quotes the scam."""
    before = text[:pos]
    opened = sum(before.count(q) for q in _OPENING_QUOTES) > sum(before.count(q) for q in _CLOSING_QUOTES)
    return opened or before.count('"') % 2 == 1
