"""The channels a notice offers — links, numbers, and those it names without showing — compared with
the party's official ones from the signed list; and the spine of the check, a listed brand's
message sending you to a site or a service line that is not on its list."""

from __future__ import annotations

import re

from kefuguard.detect.hotlines import ANTIFRAUD_BRAND_ID, ANTIFRAUD_HOTLINE_CN
from kefuguard.detect.text.entities import Entity, phone_keys
from kefuguard.detect.text.index import BRAND_TAG
from kefuguard.detect.text.slots import BRAND_LINK, CHANNEL_UNSHOWN, LINK, PHONE, Slot, first_hit
from kefuguard.detect.text.tactics import AT_A_COUNTER, MessageHits
from kefuguard.detect.url.public_suffix import registrable_domain
from kefuguard.detect.url.shape import SHORTENERS
from kefuguard.lists.model import Brand

OFFICIAL_BEFORE_LINK_WORD = 4  # '官方网站', 'our app': a reference, not a channel
DISPUTE_TO_CONTACT = 60  # 'if you do not recognize this charge, please contact us'

_REDACTED_PHONE = re.compile(  # '1-205-XXX-XXXX', and after a call word '联系0777581****' (not '尾号6222****')
    r"(?<![0-9])(?:\+?1[-. ])?[0-9]{3,4}[-. ][0-9X*]{3,4}[-. ]?[X*]{3,4}(?![0-9A-Za-z])|"
    r"(?<![0-9A-Za-z])[xX]{3}[-. ][xX]{3}[-. ][xX]{4}(?![0-9A-Za-z])|"  # 'xxx-xxx-xxxx'
    r"(?:电话|联系|致电|拨打|热线|call)[:：\s]{0,2}[0-9]{3,8}[X*]{3,5}[0-9]{0,4}(?![0-9])|"
    r"(?:电话|致电|拨打|call)[:：\s]{0,2}[0-9][0-9 \-]{2,12}(?:…|\.\.\.)",  # cut off: 'Call 515 837…'
    re.IGNORECASE,
)

# 'confirm for delivery here'; '点击……', 'click the link...' (the link cut off by whoever quoted it)
_ENDS_ON_A_LINK_CUE = re.compile(
    r"(?:[:：]|\bhere\b[.!]?|(?:点击|点开|登录|登陆|访问|打开|click|tap|visit)[^。！？!?\n]{0,8}(?:…+|\.{3,}))\s*$",
    re.IGNORECASE,
)

# an e-mail's button, quoted as its label at the end without the link behind it: 'Verify Now',
# 'Review Activity', 'Release Messages' (a verb and up to three capitalised words, after a sentence)
_BUTTON = re.compile(r"(?:[.!:\n]|\s{2})\s*([A-Z][a-z]+(?: (?:[A-Z][A-Za-z]*|ID)){0,3})\s*$")
_BUTTON_VERBS = frozenset(
    "verify validate review secure update release confirm restore unlock reactivate resolve claim accept pay "
    "reschedule retain upgrade renew login".split()
)


def _email_button(text: str) -> tuple[int, int] | None:
    found = _BUTTON.search(text[-48:])
    if found is None or found.group(1).split()[0].lower() not in _BUTTON_VERBS:
        return None
    offset = max(0, len(text) - 48)
    return offset + found.start(1), offset + found.end(1)


_REDACTED_AFTER_ACT = re.compile(r"(?:打开|登录|登陆|登入|点击|访问|进入|拨打|联系|客服|电话)[:：\s]{0,2}[*×＊xX]{3,}")

_REDACTED_LINK = re.compile(
    r"(?:https?://|www\.)[^\s，。,]{0,40}?[*×＊xX]{2,}|[a-z0-9]{0,20}[*×＊]{2,}[a-z0-9.*×＊]{0,20}\.[a-z]{2,6}\b|"
    r"[<\[(（](?:url|link|链接|网址|钓鱼网址|钓鱼链接|釣魚網址)(?: [^\]>)）]{0,30})?[>\])）]|"  # a source's '<URL>'
    # a scheme or a link action followed by the source's own blank: 'http:// [redacted]', 'click [removed]'
    r"(?:https?://|\b(?:click|tap|visit|at|here)[:：]?) ?[<\[(（](?:redacted|removed|deleted|omitted)[>\])）]",
    re.IGNORECASE,
)


def redacted_link(m: MessageHits) -> tuple[int, int] | None:
    """A link the quoting source blanked out ('<URL>', 'http:// [redacted]', 'www.***.com'), not a
    link merely named ('click the link')."""
    if any(e.kind == "url" for e in m.entities) or not any(c in m.text for c in "*×＊xX<[(（"):
        return None
    found = _REDACTED_LINK.search(m.text) or _REDACTED_AFTER_ACT.search(m.text)
    return (found.start(), found.end()) if found is not None else None


# a form that came on paper: enclosed with, attached to or printed on the letter, returned by post
_PAPER_FORM = re.compile(
    r"s? (?:(?:that (?:was|is|came) |which (?:was|is|came) )?(?:enclosed|included|attached to (?:your|the|this) "
    r"(?:letter|summons|notice)|printed on|on the back of|in (?:your|the|this) (?:letter|summons|pack|envelope)|"
    r"with (?:your|the|this) (?:letter|summons|notice))|(?:[a-z ]{0,30} )?(?:by post|by mail|in the post|"
    r"in the envelope|prepaid envelope))"
)


def unshown_link(m: MessageHits) -> tuple[int, int] | None:
    """A link the message sends you to without showing it (the quoting source redacted it, or it
    follows in another message), or a phone menu; never when the message shows a link itself."""
    if any(e.kind == "url" for e in m.entities):
        return None
    redacted = redacted_link(m)
    if redacted is not None:
        return redacted
    acts = m.get("act") or m.get("link_action") or m.get("referral")
    for w in m.get("link_word") if acts else ():
        if m.negated(w.start):
            continue  # '勿点击陌生链接': the link a notice tells you not to open is none it offers
        if _PAPER_FORM.match(m.folded, w.end):
            continue  # 'respond using the form enclosed with your summons letter': paper, not a link
        if not any(0 <= w.start - o.start <= OFFICIAL_BEFORE_LINK_WORD for o in m.get("official_ref")):
            return w.start, w.end
    if (m.get("act") or m.get("link_action")) and _ENDS_ON_A_LINK_CUE.search(m.text[-40:]):
        return len(m.text.rstrip()) - 1, len(m.text.rstrip())
    button = _email_button(m.text)
    if button is not None:
        return button
    phone = _REDACTED_PHONE.search(m.text) if any(c in m.text for c in "Xx*…") or "..." in m.text else None
    if phone is not None:  # '1-205-XXX-XXXX': a number the quoting source hid is still a number
        return phone.start(), phone.end()
    menu = first_hit(m.get("voice_menu") + m.get("operator_transfer"))
    if menu is not None:
        return menu.start, menu.end
    return _callback_unshown(m)


_MONEY_EVENT = re.compile(
    r"purchase|charge|order|payment|paid|transaction|invoice|renew|subscription|debit|transfer|withdraw|"
    r"[$£€¥]|\b(?:usd|gbp|eur|cad|aud|inr)\b|扣|付|款|费|订单|消费|转账"
)


def _callback_unshown(m: MessageHits) -> tuple[int, int] | None:
    """'If you did not make this purchase, contact our customer care within 72 hours': a charge
    disputed by calling a number the message does not show (it is in the rest of the e-mail, or
    the next message), and not 'the number on the back of your card'."""
    if m.get("official_ref") or not m.get("dispute") or any(e.kind == "phone" for e in m.entities):
        return None  # (no dispute: nothing below can be found, so no search for a money event)
    if not _MONEY_EVENT.search(m.folded):
        return None  # 'your password was changed. If this wasn't you, contact us': a security notice's own desk
    for d in m.get("dispute"):
        call = next((c for c in m.get("contact_act") if 0 <= c.start - d.end <= DISPUTE_TO_CONTACT), None)
        if call is not None:
            return call.start, call.end
    return None


def official_text(brand: Brand | None) -> str | None:
    if brand is None:
        return None
    return " / ".join([*brand.phones[:3], brand.primary_domain])


def phone_channels(m: MessageHits, party: Brand | None) -> list[Slot]:
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
        if owner is not None and (
            party is None or owner.id == party.id or BRAND_TAG + owner.id in m.by_tag or party.category not in NUMBERLESS_CATEGORIES
        ):
            # official: supports the message; also when it is the line of another brand the message
            # names ('Rs.500 debited … for PhonePe payment. Call 1800 425 3800 - SBI': SBI's own line,
            # while PhonePe, named first, was taken for the sender), or when a shop, an agency or a
            # courier refers you to another listed brand's real line ('【携程】…退改签请致电航空公司95530'):
            # a call there reaches that brand. A bank, payment service, operator or public office
            # giving another one's number is still not its channel
            continue
        if (owner is not None and owner.id == ANTIFRAUD_BRAND_ID) or ANTIFRAUD_HOTLINE_CN in keys:
            continue  # 'report it to 96110': the anti-fraud line is a referral, never the scam's own channel
        if owner is None and e.phone_kind not in OFFERED_NUMBER_KINDS:
            continue  # a licensed service number of a party the list does not know; a handle ('@116612')
        if courier_own(m, e.start, e.phone_kind, party):
            continue  # '请联系派件员 176…', '请联系派送网点0571-…': the courier's own, what real delivery notices give
        out.append(Slot(PHONE, e.start, e.end, "notice.unofficial_phone", official_text(party), brand_id_of(party)))
    return out


# the person who brings the parcel, named right before their number ('派件员 176…', '快递员张师傅（177…）')
_COURIER_ROLES = "快递员|派件员|投递员|配送员|派送员|快递小哥|送货员|收派员|驿站|驿站老板|站长|网点"
_COURIER_PERSON = re.compile(f"(?:{_COURIER_ROLES})[^0-9，。,;；!！?？]{{0,6}}$")
COURIER_PERSON_BEFORE = 12
_COURIER_SELF = re.compile(f"我是[^，。,;；!！?？]{{0,8}}(?:{_COURIER_ROLES}|快递的)")
_ME = ("联系我", "打我电话", "打我", "我的电话", "我电话", "我的手机", "我手机")
# a courier's branch, named right before its fixed line ('请联系派送网点0571-…', '请致电本站电话…'):
# where a parcel whose address is unclear waits; a fake notice gives a mobile, a link or an IM id
_COURIER_BRANCH = re.compile(r"(?:网点|营业点|营业部|站点|本站|派送点|服务点|分拨中心|转运中心)(?:电话|座机)?[:：\s]{0,2}$")
COURIER_BRANCH_BEFORE = 10


def courier_own(m: MessageHits, pos: int, kind: str, party: Brand | None) -> bool:
    """A courier's own mobile, or its branch's fixed line, in a delivery notice: not when a bank,
    payment service, operator or public office speaks, nor when money, a code or compensation is in
    play (the fake courier's '快递丢了，联系快递员理赔')."""
    if kind not in ("cn_mobile", "cn_landline"):
        return False
    if party is not None and party.category in NUMBERLESS_CATEGORIES:
        return False
    if asks_for_money_or_credentials(m) or m.get("refund") or m.get("refund_hallmark") or m.get("im"):
        return False
    if kind == "cn_landline":
        if not m.get("delivery_problem") and not (party is not None and party.category == "courier"):
            return False  # a branch of what? a courier's, or one holding your parcel
        if m.get("state_strong") or m.get("accusation"):
            return False  # '包裹内有违禁品已被扣押，请致电本站…': the fake-police chain's opener
        return _COURIER_BRANCH.search(m.folded[max(0, pos - COURIER_BRANCH_BEFORE) : pos]) is not None
    if _COURIER_PERSON.search(m.folded[max(0, pos - COURIER_PERSON_BEFORE) : pos]) is not None:
        return True
    # '我是顺丰快递员，你的快递放门口了，有问题联系我138…': the courier introduced, then 'call me'
    return _COURIER_SELF.search(m.folded[:pos]) is not None and m.folded[max(0, pos - 6) : pos].rstrip(" :：").endswith(_ME)


def brand_id_of(brand: Brand | None) -> str | None:
    return brand.id if brand is not None else None


# brands whose real notices never give a personal number: a mobile, landline or foreign number
# offered in their name is a warning on its own (couriers' and shops' staff do give their own)
NUMBERLESS_CATEGORIES = frozenset({"bank", "payment", "telecom", "public"})

PERSONAL_NUMBER_KINDS = frozenset({"cn_mobile", "cn_landline", "cn_local", "intl"})

# numbers that present themselves as a company's service line: a listed brand's real ones are listed
SERVICE_LINE_KINDS = frozenset({"cn_400", "us_toll_free", "us_number", "au_service", "intl"})

OFFERED_NUMBER_KINDS = frozenset(
    {"cn_mobile", "cn_landline", "cn_local", "cn_400", "us_toll_free", "us_number", "au_service", "intl"}
)

# link wrappers a platform puts on every link posted there (a reply on Twitter carries t.co): not a
# channel the sender chose
PLATFORM_WRAPPERS = frozenset({"t.co", "lnkd.in", "fb.me", "youtu.be"})


def brand_link(m: MessageHits, party: Brand | None, unlisted_links: list[Entity], has_act: bool) -> Slot | None:
    """The spine of the check: a message speaking for a listed brand ('中国移动网上充值优惠…登录
    www.0059210086.com') asks you to open a site that is not one of the brand's official ones. Short
    links and platform wrappers hide where they go: not those."""
    if party is None or party.category == "public" or not has_act:
        return None  # public offices run many regional sites the list cannot all hold
    for e in unlisted_links:
        host = link_host(e.key)
        if host in PLATFORM_WRAPPERS or _registrable(host) in SHORTENERS or _GOVERNMENT_HOST.search(host):
            continue
        return Slot(BRAND_LINK, e.start, e.end, "notice.unofficial_link", official_text(party), party.id)
    return None


_OFFICE_ENDINGS = "gov|gc|go|gouv|gob|govt"
# names not for sale: government, military and university endings, and India's bank.in and fin.in,
# which only the Reserve Bank of India's registrar hands out, to banks and finance companies
# the UK's public-service endings only its bodies may register ('Book at nhs.uk/book-a-vaccine')
_UK_PUBLIC = r"nhs\.uk|nhs\.net|nhs\.scot|nhs\.wales|police\.uk|parliament\.uk"
_GOVERNMENT_HOST = re.compile(
    rf"(?:^|\.)(?:(?:{_OFFICE_ENDINGS}|mil|edu)(?:\.[a-z]{{2}})?|bank\.in|fin\.in|{_UK_PUBLIC})$"
)
# a government office's own site (not a university's: phishing speaks for 'the .edu server admin')
_OFFICE_HOST = re.compile(rf"(?:^|\.)(?:(?:{_OFFICE_ENDINGS})(?:\.[a-z]{{2}})?|{_UK_PUBLIC})$")


def asks_for_money_or_credentials(m: MessageHits) -> bool:
    """The message asks for money or credentials (a top-up, a payment, a card, a code)."""
    return bool(m.get("pay") or m.get("cred_strong") or m.get("cred_weak"))


def mimics(link: Slot, m: MessageHits, party: Brand | None) -> bool:
    """The link's host wears the brand: its hotline's digits or one of its names ('0059210086.com')."""
    if party is None:
        return False
    host = link_host(m.text[link.start : link.end].lower())
    digits = [d for d in party.phone_digits if len(d) >= 5]
    names = [k for k in party.keywords if k.isascii() and len(k) >= 3]
    return any(d in host for d in digits) or any(k in host for k in names)


def _registrable(host: str) -> str:
    domain, _ = registrable_domain(host)
    return domain or host


def channels(m: MessageHits, party: Brand | None, unlisted_links: list[Entity]) -> list[Slot]:
    """Every channel offered that is not the party's: links, numbers, then what is named but not shown."""
    official = official_text(party)
    chosen = [
        e
        for e in unlisted_links  # a government site is nobody's scam channel: '.gov' names are not for sale
        if link_host(e.key) not in PLATFORM_WRAPPERS and not _GOVERNMENT_HOST.search(link_host(e.key))
    ]
    out = [Slot(LINK, e.start, e.end, "notice.unofficial_link", official, brand_id_of(party)) for e in chosen]
    out += phone_channels(m, party)
    out += email_channels(m, party)
    # an address shown is a channel shown, even the sender's own desk's (email_channels leaves it out)
    unshown = unshown_link(m) if not out and not any(e.kind == "email" for e in m.entities) else None
    if unshown is not None:
        out.append(Slot(CHANNEL_UNSHOWN, *unshown, "notice.unshown_channel", official, brand_id_of(party)))
    return out


def email_channels(m: MessageHits, party: Brand | None) -> list[Slot]:
    """Addresses to write to that are not the party's: any domain but a listed brand's own or a
    government's ('email claims@cc-promo.com', 'amazon.refunds@gmail.com' for Amazon)."""
    out = []
    for e in (e for e in m.entities if e.kind == "email"):
        hosts = [e.key, _registrable(e.key)]
        owner = m.index.channels.official_for_host(hosts)
        if owner is not None and (party is None or owner.brand.id == party.id):
            continue  # the brand's own address ('reportphishing@apple.com')
        if _GOVERNMENT_HOST.search(e.key):
            continue  # 'report it to phishing@irs.gov'
        if party is None and _own_desk(m.text[e.start : e.end], e.key):
            continue  # 'Your order has been cancelled. Contact us at support@shopname.com': the sender's own desk
        out.append(Slot(LINK, e.start, e.end, "notice.unofficial_email", official_text(party), brand_id_of(party)))
    return out


# a desk's address at the sender's own domain ('support@shopname.com', 'orders@…'), what a shop or a
# service that names nobody else writes from; not at a free mail service, where anyone has one
_DESK = re.compile(
    r"(?:support|help|helpdesk|info|service|services|customerservice|customercare|care|orders?|billing|contact|"
    r"hello|team|returns|sales|enquiries|inquiries|noreply|no-reply)"
)
_FREE_MAIL = frozenset(
    "gmail.com googlemail.com outlook.com hotmail.com live.com msn.com yahoo.com ymail.com aol.com icloud.com "
    "me.com protonmail.com proton.me gmx.com gmx.net mail.com yandex.com yandex.ru qq.com 163.com 126.com "
    "sina.com zoho.com tutanota.com mail.ru".split()
)


def _own_desk(address: str, domain: str) -> bool:
    local = address.split("@", 1)[0].lower()
    return _DESK.fullmatch(local) is not None and _registrable(domain) not in _FREE_MAIL


def kind_at(m: MessageHits, start: int) -> str:
    return next((e.phone_kind for e in m.entities if e.kind == "phone" and e.start == start), "")


_IN_ITS_APP = re.compile(
    r"(?:通过|在)[^，。,;；!！?？\s]{1,6}app|\b(?:in|check|open|via|through) (?:the |your )?(?:[a-z0-9&'.-]+ ){1,3}app\b"
)


def official_place(m: MessageHits) -> tuple[int, int] | None:
    """Where the message sends you is where the brand or office really is: its own app or order page
    ('请在滴滴APP内联系客服'), the number on the back of your card, a counter, a government site."""
    if m.get("im") or m.get("off_platform"):
        return None
    ref = first_hit([h for h in m.get("on_platform") + m.get("official_ref") if not m.negated(h.start)])
    if ref is not None:
        return ref.start, ref.end
    app = _IN_ITS_APP.search(m.folded) if "app" in m.folded else None
    if app is not None:  # '请通过美团App验证身份', '可在中国电信App办理': the brand's own app named as the place
        return app.start(), app.end()
    counter = AT_A_COUNTER.search(m.folded)
    if counter is not None and not m.negated(counter.start()):  # '可到机场柜台办理补偿手续': in person
        return counter.start(), counter.end()
    gov = next((e for e in m.entities if e.kind == "url" and _OFFICE_HOST.search(link_host(e.key))), None)
    return (gov.start, gov.end) if gov is not None else None


def link_host(url: str) -> str:
    host = url.split("://", 1)[-1].split("/", 1)[0].lower()
    return host[4:] if host.startswith("www.") else host
