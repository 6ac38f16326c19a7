"""One message on its own: clean, fold, find keywords, entities and tactics, check links, numbers and
accounts against the list. No conversation or page context here (text_scoring adds that), so a
conversation analyses each message once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kefuguard.detect.channels import Channels
from kefuguard.detect.result import LEVEL_RANK
from kefuguard.detect.text import tactics as t
from kefuguard.detect.text.benefit_rush import benefit_rush
from kefuguard.detect.text.caller_lines import caller_line
from kefuguard.detect.text.desk_links import desk_link
from kefuguard.detect.text.dormancy_rule import without_dormancy_closure
from kefuguard.detect.text.entities import (
    CN_DIGIT_RUN,
    DEFANGED_DOT_CUES,
    Entity,
    extract_emails,
    extract_links,
    extract_numbers,
    extract_wechat_ids,
    phone_keys,
)
from kefuguard.detect.text.inbound_call import without_identity_check
from kefuguard.detect.text.index import BRAND_TAG, TextIndex
from kefuguard.detect.text.keyword_automaton import Hit
from kefuguard.detect.text.normalize import clean_text, fold_text
from kefuguard.detect.text.notice import notice_slots
from kefuguard.detect.text.notice_channels import courier_own
from kefuguard.detect.text.relative_claim import relative_claim
from kefuguard.detect.text.sender_frame import label_frame
from kefuguard.detect.text.slots import OFFICIAL_PLACE
from kefuguard.detect.text.story_cues import story_hits
from kefuguard.detect.text.staff_call import staff_call
from kefuguard.detect.text.tactics import Finding, MessageHits, find_tactics
from kefuguard.detect.text.told_claims import told_claims
from kefuguard.detect.url.check import judge_url
from kefuguard.detect.url.parse import parse_url
from kefuguard.errors import InputError
from kefuguard.lists.model import Brand

MAX_LINKS = 20  # links checked per message
MAX_MATCHED = 200  # characters of the text quoted in a reason

# categories of evidence that are not tactic findings
SCAM = "scam"  # a listed scam number / account
LINK_DANGER = "link_danger"
LINK_CAUTION = "link_caution"
LINK_PRETEXT = "link_pretext"  # unlisted link + account/delivery/refund pretext
PHONE_UNOFFICIAL = "phone_unofficial"
SUPPORT = "support"  # official number or link: supports legitimacy, never warns
OWN_CHANNEL = "own_channel"  # every official channel given is the message's own brand's
OWN_SITE = "own_site"  # ... and they are all its own sites: what it asks is done there

_HAS_DIGIT = re.compile(r"[0-9]")
# full-width letters, digits, hyphen, dot and slash, as a browser reads them in an address
# (ｔａｏｂａｏ－ｋｅｆｕ．ｃｏｍ): one character for one, so positions in the text stay valid. Not the
# full-width comma, colon or 。, which end Chinese clauses around a link.
_FULL_WIDTH_URL = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
    | {"－": "-", "．": ".", "／": "/"}
)
# a text with none of those is its own translation: str.translate with a dict costs ~60 ns a character
# it does not map (a KeyError each), a regular expression finds there are none in C
_FULL_WIDTH_URL_CHARS = re.compile("[\uff0d-\uff5a]")
_PASSWORD_VALUE = re.compile(r"(?:是|为|:|=| is| ){1,3} ?([^\s，。,]{4,64})")
# 'pass: Tr0ub4dor', 'pwd=Hunter22' ('=' folds to a space)
_SHORT_PASSWORD = re.compile(r"\b(?:(?:pass|pwd|pw)(?: ?: ?| is )|(?:pwd|pw) )([^\s，。,]{4,64})")
_CVV_VALUE = re.compile(r"[ :是为]{0,3}([0-9]{3,4})(?![0-9])")
_JUST_A_CODE = re.compile(r"[0-9]{4,8}")
_UNOFFICIAL_KINDS = ("cn_mobile", "cn_landline", "cn_local", "cn_400", "us_toll_free", "intl")
_PRETEXT_CATEGORIES = (t.LURE_HALLMARK, t.LURE_STRONG, t.CRED, t.CRED_WEAK)


@dataclass(frozen=True)
class Evidence:
    code: str
    category: str
    start: int
    end: int
    official: str | None = None
    brand_id: str | None = None
    message: tuple[str, str] | None = None  # link reasons keep the URL check's messages


@dataclass
class MessageAnalysis:
    direction: str
    text: str  # cleaned and cut to the analysed length
    truncated: bool
    findings: list[Finding] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    secrets: list[Evidence] = field(default_factory=list)  # outgoing only
    brand_id: str | None = None  # the brand it speaks for (claimed) or about (named)
    claimed: bool = False

    def categories(self) -> set[str]:
        return {f.category for f in self.findings} | {e.category for e in self.evidence}

    def matched(self, start: int, end: int) -> str:
        return self.text[start : min(end, start + MAX_MATCHED)]


def analyse_message(text: str, direction: str, index: TextIndex, max_chars: int) -> MessageAnalysis:
    truncated = len(text) > max_chars
    cleaned = clean_text(text[:max_chars] if truncated else text)
    analysis = MessageAnalysis(direction, cleaned, truncated)
    if not cleaned:
        return analysis
    folded = fold_text(cleaned)
    by_tag = index.hits(folded)
    stories = story_hits(folded)  # '陈女士接到一个电话…': a scam retold, for every rule that reads stories
    if stories:
        by_tag["narrative"] = sorted(by_tag.get("narrative", []) + stories, key=lambda h: h.start)
    entities: list[Entity] = []
    # http://134744072/ has no dot; 'evil(dot)top' none either
    if "." in cleaned or "://" in cleaned or "．" in cleaned or any(c in cleaned for c in DEFANGED_DOT_CUES):
        full_width = not cleaned.isascii() and _FULL_WIDTH_URL_CHARS.search(cleaned)
        entities += extract_links(cleaned.translate(_FULL_WIDTH_URL) if full_width else cleaned)
    if _HAS_DIGIT.search(folded) or CN_DIGIT_RUN.search(folded):
        # a code word may sit inside a longer credential phrase ('verification code', '短信验证码')
        code_words = by_tag.get("code_word", []) + by_tag.get("cred_strong", [])
        numbers = extract_numbers(folded, cleaned, by_tag.get("im", []), code_words)
        links = [(e.start, e.end) for e in entities]
        # digits inside a link are part of its name ('10086wds.cn'), not a number to call
        entities += [n for n in numbers if not any(s <= n.start < e for s, e in links)]
    if "@" in cleaned:
        entities += extract_emails(cleaned)
    # '加v：abc123' and '请+V：abc123' name WeChat with no IM word
    if "im" in by_tag or "加" in folded or ("请" in folded and "v" in folded):
        entities += extract_wechat_ids(cleaned, folded, by_tag.get("im", []))
    if direction == "outgoing":
        analysis.secrets = _secrets(cleaned, folded, by_tag, entities)
        return analysis  # the user's own words: only what they are about to give away
    by_tag = without_dormancy_closure(by_tag, folded, entities, lambda url: _verified_link(url, index))
    by_tag = without_identity_check(by_tag, folded, entities)
    hits = MessageHits(folded, cleaned, by_tag, entities, index)
    if not by_tag and not entities:
        # no keyword, link, number or account (half of real customer-service lines): the tactics, the
        # brand and the link and number evidence all read hits or entities, so none can come of it; the
        # notice layer still looks for a sender frame ('【…】', 'Dear customer', 'USPS:') with no brand,
        # and a script's opening claim may use no listed word ('…在运输途中遗失了')
        analysis.findings = told_claims(hits)
        # '我这边的确不是骗人的', a campaign, a relative on a new number
        line = (caller_line(hits) or benefit_rush(hits) or relative_claim(hits)) if not analysis.findings else None
        analysis.findings += [line] if line is not None else []
        analysis.evidence = [
            Evidence(s.code, s.category, s.start, s.end, s.official, s.brand_id)
            for s in notice_slots(hits, None, [], False)
        ]
        return analysis
    found = find_tactics(hits)
    # a script's opening claim said to you matters where no lure was read yet: with one, the message
    # is a warning already and the claim would only repeat it (and cost a scan of every message)
    if not any(f.category in t.CAUTION_LURES for f in found):
        named = {f.tactic for f in found}  # a claim a tactic already read ('涉嫌洗钱') is not said twice
        found += [f for f in told_claims(hits) if f.tactic not in named]
        if not any(f.category in t.CAUTION_LURES for f in found):
            # opening, middle, campaign, or a relative on a new number asking for money
            staff = staff_call(hits) or caller_line(hits) or benefit_rush(hits) or relative_claim(hits)
            found += [staff] if staff is not None else []
    analysis.findings = found
    brand = _brand_context(analysis, hits, index)
    link_evidence, unlisted_links = _link_evidence(analysis, hits, entities, index, brand)
    desk = desk_link(hits, unlisted_links) if not analysis.findings else None  # a wallet's 'support' at a link
    if desk is not None:
        analysis.findings.append(desk)
    analysis.evidence = link_evidence + _number_evidence(analysis, hits, entities, index.channels, brand)
    analysis.evidence += [
        Evidence(s.code, s.category, s.start, s.end, s.official, s.brand_id)
        for s in notice_slots(hits, brand, unlisted_links, analysis.claimed)
    ]
    support = [e for e in analysis.evidence if e.category == SUPPORT]
    # the brand's own app ('【滴滴出行】…请在滴滴APP内联系客服') is as much its own channel as its number
    if brand is not None and not _offers_a_channel(entities):
        support += [
            Evidence(e.code, e.category, e.start, e.end, None, brand.id) for e in analysis.evidence if e.category == OFFICIAL_PLACE
        ]
    if brand is None and ("back" in folded or "背面" in folded) and not _offers_a_channel(entities):
        # 'we have temporarily blocked your card. Please call us on the number on the back of your card':
        # a card issuer's alert naming no bank sends you to the one number it cannot fake
        back = next((e for e in analysis.evidence if e.category == OFFICIAL_PLACE and _CARD_BACK.search(folded, e.start, e.end)), None)
        if back is not None:
            analysis.evidence.append(Evidence("official.own_channel", OWN_CHANNEL, back.start, back.end))
    if support and brand is not None and _own_channels_only(hits, brand.id, support):
        first = support[0]
        analysis.evidence.append(Evidence("official.own_channel", OWN_CHANNEL, first.start, first.end))
        if all(e.code == "official.link" for e in support):
            analysis.evidence.append(Evidence("official.own_channel", OWN_SITE, first.start, first.end))
    return analysis


_CARD_BACK = re.compile(r"back of (?:your|the) card|on the back|卡背面|卡片背面")


def _offers_a_channel(entities: list[Entity]) -> bool:
    """A link, a number or an account the message gives."""
    return any(e.kind in ("url", "phone", "qq", "wechat", "telegram") for e in entities)


def _own_channels_only(hits: MessageHits, brand_id: str, support: list[Evidence]) -> bool:
    """An SMS signed 【brand】 naming one brand throughout, with that brand's channels only: not
    another's site used as a redirect ('Amazon: unlock at www.linkedin.com/slink'), nor a stranger's
    chat line."""
    named = {tag for tag in hits.by_tag if tag.startswith(BRAND_TAG)}
    if not named <= {BRAND_TAG + brand_id} or any(e.brand_id != brand_id for e in support):
        return False
    return _signed_by(hits, brand_id)


_SIGNATURE = re.compile(r"^\s*[【\[]([^】\]]{1,24})[】\]]|[【\[]([^】\]]{1,24})[】\]]\s*$")


def _signed_by(hits: MessageHits, brand_id: str) -> bool:
    """The message carries an SMS signature ('【交通银行】' first or last, or 'DHL:' opening it) with
    the brand in it."""
    m = _SIGNATURE.search(hits.text)
    if m is not None:
        start, end = m.span(1) if m.group(1) is not None else m.span(2)
    else:
        label = label_frame(hits.text)
        if label is None:
            return False
        start, end = label
    return any(start <= h.start and h.end <= end for h in hits.get(BRAND_TAG + brand_id))


def _brand_context(analysis: MessageAnalysis, hits: MessageHits, index: TextIndex) -> Brand | None:
    claim = next((f for f in analysis.findings if f.tactic == "identity_claim" and f.brand_id), None)
    if claim is not None:
        analysis.brand_id, analysis.claimed = claim.brand_id, True
        return index.brands.get(claim.brand_id or "")
    # the first brand named, not an IM app named as the channel ('加我微信', 'add my WhatsApp'), nor
    # letters inside a link ('…/wx#/official/…' names no WeChat: the link is checked as a link)
    links = [(e.start, e.end) for e in hits.entities if e.kind == "url"]
    for h in sorted(hits.claimable_brand_hits(), key=lambda h: h.start):
        if links and any(start <= h.start < end for start, end in links):
            continue
        brand = index.brand_of(h)
        if brand is not None and brand.category != "public":
            analysis.brand_id = brand.id
            return brand
    return None


def _verified_link(url: str, index: TextIndex) -> bool:
    try:
        return judge_url(parse_url(url), index.urls).level == "verified"
    except InputError:
        return False


def _link_evidence(
    analysis: MessageAnalysis, hits: MessageHits, entities: list[Entity], index: TextIndex, brand: Brand | None
) -> tuple[list[Evidence], list[Entity]]:
    """Evidence from each link's own check, and the links that are neither official nor warned of
    (the notice layer compares them with the party's channels)."""
    out: list[Evidence] = []
    unlisted_links: list[Entity] = []
    for e in [e for e in entities if e.kind == "url"][:MAX_LINKS]:
        try:
            link = judge_url(parse_url(e.key), index.urls)
        except InputError:
            continue
        link_brand = link.brand.id if link.brand is not None and link.kind != "scam" else None
        if LEVEL_RANK[link.level] >= LEVEL_RANK["caution"]:
            category = LINK_DANGER if link.level == "danger" else LINK_CAUTION
            for f in link.findings:
                out.append(Evidence("link." + f.code, category, e.start, e.end, f.official, link_brand, (f.en, f.zh)))
            if link.level == "caution":
                # still a channel of the notice it sits in: a warned link must not make a notice with a
                # deadline milder than an unknown link does
                unlisted_links.append(e)
        elif link.level == "verified":
            official = link.findings[0].official if link.findings else None
            out.append(Evidence("official.link", SUPPORT, e.start, e.end, official, link_brand))
        else:
            unlisted_links.append(e)
    unlisted = unlisted_links[0] if unlisted_links else None
    if unlisted is not None and _link_pretext(analysis, hits):
        if brand is not None:
            out.append(
                Evidence(
                    "entity.unofficial_link", LINK_PRETEXT, unlisted.start, unlisted.end, brand.primary_domain, brand.id
                )
            )
        else:
            out.append(Evidence("tactic.phishing_link", LINK_PRETEXT, unlisted.start, unlisted.end))
    return out, unlisted_links


_PRESSING_LINK_WORDS = ("click", "tap")


def _link_pretext(analysis: MessageAnalysis, hits: MessageHits) -> bool:
    """An unlisted link asked to be opened because of an account, delivery, refund or code problem."""
    pretext = any(
        f.category in _PRETEXT_CATEGORIES or f.tactic in ("account_problem", "delivery_problem")
        for f in analysis.findings
    )
    pressed = bool(hits.get("link_action") or hits.get("threat") or hits.get("urgency") or hits.get("credit_threat"))
    # 'click here' is a link word (a longer phrase than the link action 'click' inside it): as pressing
    pressed = pressed or any(hits.folded.startswith(_PRESSING_LINK_WORDS, h.start) for h in hits.get("link_word"))
    return pretext and pressed


def _listed_number(brand: Brand, keys: tuple[str, ...]) -> str:
    for shown, digits in zip(brand.phones, brand.phone_digits, strict=True):
        if digits in keys:
            return shown
    return keys[0]


def _number_evidence(
    analysis: MessageAnalysis, hits: MessageHits, entities: list[Entity], channels: Channels, brand: Brand | None
) -> list[Evidence]:
    out: list[Evidence] = []
    claimed = analysis.claimed
    for e in entities:
        if e.kind in ("qq", "wechat", "telegram"):
            platforms = {"qq": ("qq",), "wechat": ("wechat", "weixin"), "telegram": ("telegram",)}[e.kind]
            if any(channels.is_scam_account(f"{p}:{e.key}") for p in platforms):
                out.append(Evidence("entity.scam_account", SCAM, e.start, e.end))
            continue
        if e.kind != "phone":
            continue
        keys = phone_keys(e.key, e.phone_kind)
        if any(channels.is_scam_phone(k) for k in keys):
            out.append(Evidence("entity.scam_phone", SCAM, e.start, e.end))
            continue
        owner = next((b for k in keys if (b := channels.brand_for_phone(k)) is not None), None)
        if owner is not None:
            out.append(Evidence("official.phone", SUPPORT, e.start, e.end, _listed_number(owner, keys), owner.id))
            continue
        if _disguised(hits.text, e) and not _named_as_a_scam(hits, e):
            out.append(Evidence("entity.disguised_phone", PHONE_UNOFFICIAL, e.start, e.end, None, analysis.brand_id))
            continue
        if courier_own(hits, e.start, e.phone_kind, brand):
            # the courier's own mobile in a delivery notice: its own channel, as an official number is
            out.append(Evidence("notice.courier_phone", SUPPORT, e.start, e.end))
            continue
        if brand is None or e.phone_kind not in _UNOFFICIAL_KINDS:
            continue
        as_service = (
            _before(hits.get("cs_phone"), e.start, 16)
            or (claimed and _before(hits.get("phone_word"), e.start, 10))
            or _helpline(hits, e)
            or _called_brand(hits, e, brand)
        )
        if as_service and not _named_as_a_scam(hits, e):
            official = "、".join(brand.phones) or brand.primary_domain
            out.append(Evidence("entity.unofficial_phone", PHONE_UNOFFICIAL, e.start, e.end, official, brand.id))
    return out


# mathematical bold, double-struck, sans-serif and monospace digits ('+𝟏-𝟖𝟞𝟞-𝟟𝟛𝟠'): folding reads them as
# digits, but nobody types them by accident; spam posts fake helplines in them to slip past filters
_STYLED_DIGITS = re.compile("[\U0001D7CE-\U0001D7FF]")
_LETTER_O = re.compile("[oO]")  # '1-8OO-3O1-4629': entities.py reads the letter as a zero
_OTHER_LETTER = re.compile("[a-np-zA-NP-Z]")


def _disguised(text: str, e: Entity) -> bool:
    """The number is written, at least in part, in styled look-alike digits or with letters O."""
    if _LETTER_O.search(text, e.start, e.end) is not None:
        # '1-8OO-3O1-4629' hides zeros; '1-800-FLOWERS' spells a word (entities.py reads its keypad digits)
        return _OTHER_LETTER.search(text, e.start, e.end) is None
    return not text.isascii() and _STYLED_DIGITS.search(text, e.start, e.end) is not None


# the service desk itself, not a person ('快递员张师傅…联系电话138…' is the courier's own)
_HELPLINE_ROLE = re.compile(r"客服|热线|服务中心|customer|support|help ?desk|helpline|hotline|help|live (?:agent|person)")
HELPLINE_WINDOW = 48  # 'Amazon customer care number: 062 9457 6565', '855 446 0916 microsoft windows customer support'


def _helpline(hits: MessageHits, e: Entity) -> bool:
    """The number is given as the named brand's helpline: its customer care, support or service (or
    '客服') named in the same sentence, before or after it. The fake helplines of search results and
    posts ('Expedia refunds: reach their support team at +1-833-…') are that and nothing else."""
    desks = hits.get("cs_role") + hits.get("cs_phone")
    roles = [h for h in desks if _HELPLINE_ROLE.search(hits.folded, h.start, h.end)]
    return any(
        (0 <= e.start - h.end <= HELPLINE_WINDOW or 0 <= h.start - e.end <= HELPLINE_WINDOW)
        and hits.same_sentence(min(h.end, e.end), max(h.start, e.start))
        for h in roles
    )


# a number a reminder calls a scam's ('1-888-… is not Cash App's number', 'fake support lines such as
# 1-888-…', 'do not call 1-888-…'), in the sentence before it or just after it; not 'scammed' (what
# happened to the reader a fake helpline offers to put right)
_JUDGED_NUMBER = re.compile(
    r"\bscams?\b|fake|bogus|fraudulent|fraudster|phishing|spoof|impersonat|not (?:the|an?|our|their) |is not|"
    r"isn't|are not|aren't|"
    r"not affiliated|诈骗|假"
)
JUDGED_BEFORE, JUDGED_AFTER, NUMBER_NEGATED = 80, 40, 12


def _named_as_a_scam(hits: MessageHits, e: Entity) -> bool:
    """In a reminder, the number is one it warns of, not one it gives (scoring warns of a reminder
    that gives a brand's helpline a number that is not the brand's: the fake helpline's disguise)."""
    if hits.negated(e.start, NUMBER_NEGATED):
        return True  # 'do not call 1-888-…': nobody giving their number says that
    if not (hits.get("advisory") or hits.get("narrative") or hits.get("advisory_weak")):
        return False
    after = hits.folded[e.end : e.end + JUDGED_AFTER]
    after = re.split(r"[.!?。！？]", after, maxsplit=1)[0]
    return _JUDGED_NUMBER.search(hits.sentence_before(e.start, JUDGED_BEFORE) + " " + after) is not None


# 'Call KLM at 1-844-…', 'reach Coinbase on +1 …', 'call HP support +1-888-…': the number given as the
# brand's own, the brand named right after the word to call and right before the number
_CALL_THE_BRAND = re.compile(r"(?:call|dial|ring|phone|contact|reach)(?: the)? $")
_BRAND_THEN_NUMBER = re.compile(r"^(?:'s)? ?(?:support|customer service|customer care|team)?:? ?(?:at|on|via)?:? ?$")
_BRANDS_NUMBER = re.compile(r"^(?:'s)? ?(?:customer service |support |reservations? |contact |main |toll free )?(?:phone )?number:? ?(?:is)?:? ?$")
_BRAND_CALL = re.compile(r"^:? ?(?:call|dial|phone|ring)(?: us)?:? ?(?:at|on)?:? ?$")
BRAND_TO_NUMBER = 24
_ROUND_THE_CLOCK = re.compile(r"24 ?[/x ]? ?7|24 hours a day|round the clock")  # folded: '24/7' is '24 7'


def _called_brand(hits: MessageHits, e: Entity, brand: Brand) -> bool:
    """Only where the list knows the brand's lines, or with what fake helplines offer besides ('for
    refunds', '24/7'): a brand's real number the list lacks is given the same way ('Call Walmart at …')."""
    if not (brand.phones or hits.get("refund") or hits.get("refund_hallmark") or _ROUND_THE_CLOCK.search(hits.folded)):
        return False
    for h in hits.get(BRAND_TAG + brand.id):
        if not 0 <= e.start - h.end <= BRAND_TO_NUMBER:
            continue
        between = hits.folded[h.end : e.start].strip()
        if _BRANDS_NUMBER.match(between):
            return True  # 'Frontier Airlines phone number +1-888-…'
        if _BRAND_THEN_NUMBER.match(between) and _CALL_THE_BRAND.search(hits.folded[max(0, h.start - 10) : h.start]):
            return True
        if _BRAND_CALL.match(between):
            return True  # 'Amazon Call +1 (888) …', 'PayPal: call 1-8…
    return False


def _before(hits: list[Hit], pos: int, window: int) -> bool:
    return any(0 <= pos - h.end <= window for h in hits)


def _secrets(text: str, folded: str, by_tag: dict[str, list[Hit]], entities: list[Entity]) -> list[Evidence]:
    out: list[Evidence] = []
    kinds = {"code": "outgoing.verification_code", "card": "outgoing.card_number", "id_number": "outgoing.id_number"}
    for e in entities:
        if e.kind in kinds:
            out.append(Evidence(kinds[e.kind], "secret", e.start, e.end))
    out = _card_and_id_parts(folded, out)
    stripped = folded.replace(" ", "")
    if not out and _JUST_A_CODE.fullmatch(stripped):
        out.append(Evidence("outgoing.verification_code", "secret", 0, len(text)))
    short = _SHORT_PASSWORD.search(folded) if "pass" in folded or "pwd" in folded else None
    if short is not None and _looks_like_password(text[short.start(1) : short.end(1)]):
        out.append(Evidence("outgoing.password", "secret", short.start(), short.end()))  # 'pass: Tr0ub4dor'
    for h in by_tag.get("cred_weak", []) + by_tag.get("cred_strong", []):
        word = folded[h.start : h.end].replace(" ", "")
        # 'my online banking password is …', 'email password: …': a longer credential phrase ending in the word
        if "密码" in word or word.endswith(("password", "passcode", "pin", "pincode")):
            m = _PASSWORD_VALUE.match(folded, h.end)
            said = any(e.code == "outgoing.password" and e.start == h.start for e in out)  # a phrase in two tags
            if m and not said and _looks_like_password(text[m.start(1) : m.end(1)]):
                out.append(Evidence("outgoing.password", "secret", h.start, m.end()))
        elif word in _CVV_WORDS:
            m = _CVV_VALUE.match(folded, h.end)
            if m:
                out.append(Evidence("outgoing.cvv", "secret", h.start, m.end()))
    return out


# a card's expiry ('有效期12/28', 'exp 09/26') and a US Social Security number ('SSN 123-45-6789'), in the
# folded text ('/' and '-' are spaces there): their digit groups alone look like codes
_EXPIRY = re.compile(r"(?:有效期|到期日|exp(?:iry|iration)?(?: date)?|valid (?:thru|through|until))[:：\s是为]{0,3}(0[1-9]|1[0-2]) ?[/ -] ?([0-9]{2}|20[0-9]{2})(?![0-9])")
_SSN = re.compile(
    r"(?:ssn|social security(?: number| no\.?)?|my social)[:：\s#is]{0,5}([0-9]{3}[ -][0-9]{2}[ -][0-9]{4})(?![0-9])"
)
# a card number written after its word, even one mistyped (the checksum fails): '卡号 6222 0202 …'
_CARD_AFTER_WORD = re.compile(r"(?:卡号|银行卡|信用卡|储蓄卡|借记卡|card number|card no\.?|card is|card)[:：\s是为]{0,4}((?:[0-9]{4} ?){3}[0-9]{4}(?: ?[0-9]{1,3})?)(?![0-9])")


def _card_and_id_parts(folded: str, found: list[Evidence]) -> list[Evidence]:
    """The expiry, the SSN and a card number after its word, replacing the 'codes' their digits made."""
    parts: list[Evidence] = []
    for pattern, code in ((_EXPIRY, "outgoing.card_expiry"), (_SSN, "outgoing.id_number"), (_CARD_AFTER_WORD, "outgoing.card_number")):
        for m in pattern.finditer(folded):
            start, end = m.start(1), m.end(m.lastindex or 1)
            if not any(e.start <= start and end <= e.end and e.code == code for e in found + parts):
                parts.append(Evidence(code, "secret", start, end))
    if not parts:
        return found
    inside = [e for e in found if e.code == "outgoing.verification_code" and any(p.start <= e.start < p.end for p in parts)]
    return [e for e in found if e not in inside] + parts


# what people call the three digits on the back of a card ('背面三位' says it without a name)
_CVV_WORDS = ("cvv", "cvv2", "cvc", "cvc2", "securitycode", "安全码", "背面三位", "背面3位", "后三位", "卡背面", "卡片背面")


def _looks_like_password(value: str) -> bool:
    """'hunter22', 'Tr0ub4dor' yes; 'wrong', '我的生日' no."""
    has_digit = any(c.isdigit() for c in value)
    mixed_case = any(c.isupper() for c in value) and any(c.islower() for c in value)
    return value.isascii() and (has_digit or mixed_case)
