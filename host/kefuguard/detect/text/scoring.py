"""From findings to a level: combinations, conversation context, page context, sender, direction.

The rules (docs/detectors-text.md has the table):
- danger on its own: a 'safe account', a listed scam number/account/link, a scam or lookalike page;
- danger for a pretext plus a payload: someone speaking for a brand (or offering a refund or a
  cancellation, or giving an unofficial number or link) who asks for a code, money, a loan, a
  fee, or screen sharing; screen sharing for a refund; a code for a problem-and-refund story; a
  branded student-account opener with a credit threat;
- caution on its own: a code/PIN/card request, a fee to get a refund, borrowing from lending apps,
  screen sharing, the well-known openers (双倍赔偿, 注销学生账户), a problem with your order, parcel
  or product with a refund or compensation offered, an unofficial customer-service number, a
  phishing link; and a branded claim together with a refund, a threat or a move off the platform;
- never on a single ordinary word: a lone 退款, 客服 or 'pay' is what genuine service says all day.
On the brand's own verified site the claim is genuine and most dangers cap at caution; moving off
the platform still warns there.
"""

from __future__ import annotations

from dataclasses import dataclass

from kefuguard.detect.result import higher
from kefuguard.detect.text import analysis as a
from kefuguard.detect.text import slots as n
from kefuguard.detect.text import tactics as t

SENDER_SOCIAL = "sender_social"  # display name claims a brand on a social site: caution alone
SENDER_CLAIM = "sender_claim"  # display name claims a brand elsewhere: a claim
PAGE_DANGER = "page_danger"
PAGE_CAUTION = "page_caution"
SECRET = "secret"

LURES = {t.LURE_HALLMARK, t.LURE_STRONG, t.LURE_WEAK}
PRETEXT = {
    n.STATE_STRONG,
    t.CLAIM,
    t.NOTICE,
    t.LURE_HALLMARK,
    t.LURE_STRONG,
    a.PHONE_UNOFFICIAL,
    a.LINK_PRETEXT,
    SENDER_CLAIM,
    SENDER_SOCIAL,
}
PAYLOAD = {t.CRED, t.CRED_WEAK, t.MONEY_HALLMARK, t.MONEY_STRONG, t.MONEY, t.REMOTE_STRONG, t.REMOTE_WEAK}
PAYLOAD_STRONG = {t.CRED, t.MONEY_HALLMARK, t.MONEY_STRONG, t.REMOTE_STRONG}
DANGER_ALONE = {t.MONEY_HALLMARK, a.SCAM, a.LINK_DANGER, PAGE_DANGER}
CAUTION_ALONE = {
    t.CRED,
    t.MONEY_STRONG,
    t.REMOTE_STRONG,
    t.LURE_HALLMARK,
    t.LURE_STRONG,  # a problem with your order, parcel or product and money offered for it
    t.INVEST_HALLMARK,
    a.PHONE_UNOFFICIAL,
    a.LINK_PRETEXT,
    a.LINK_CAUTION,
    SENDER_SOCIAL,
    PAGE_CAUTION,
}
# what still means danger on the brand's own verified site
DANGER_ON_OFFICIAL_SITE = DANGER_ALONE | {t.MONEY_HALLMARK}
# categories that only support a warning (never trigger one)

# what keeps a notice that names the brand's own channel a warning: another channel, a move off
# the platform, an ask, a hallmark
OWN_CHANNEL_ONLY_BREAKERS = (
    {n.LINK, n.PHONE, n.CHANNEL_UNSHOWN, n.BRAND_LINK, a.PHONE_UNOFFICIAL, a.LINK_PRETEXT, a.LINK_CAUTION}
    | {t.MOVE, t.LURE_HALLMARK, t.PAY, SENDER_SOCIAL, PAGE_CAUTION}
    | DANGER_ALONE
    | PAYLOAD
)

SEVERITY = [
    PAGE_DANGER,
    a.SCAM,
    a.LINK_DANGER,
    t.MONEY_HALLMARK,
    SECRET,
    t.REMOTE_STRONG,
    t.CRED,
    t.MONEY_STRONG,
    a.LINK_CAUTION,
    PAGE_CAUTION,
    a.LINK_PRETEXT,
    a.PHONE_UNOFFICIAL,
    n.LINK,
    n.PHONE,
    n.CHANNEL_UNSHOWN,
    SENDER_SOCIAL,
    t.LURE_HALLMARK,
    t.CLAIM,
    n.PARTY,
    SENDER_CLAIM,
    t.NOTICE,
    t.LURE_STRONG,
    t.MONEY,
    t.CRED_WEAK,
    t.REMOTE_WEAK,
    t.MOVE,
    t.INVEST_HALLMARK,
    t.LURE_WEAK,
    t.THREAT,
    t.PAY,
    t.INVEST,
    t.CLAIM_WEAK,
    t.URGENCY,
    n.STATE,
    n.STATE_STRONG,
    n.ACT,
    n.DEADLINE,
    n.SELF,
    n.VOICE_MENU,
    n.YOURS,
    n.PRESSURE,
    n.VOICE,
    n.OTP_NOTICE,
    n.REMINDER,
    n.BRAND_LINK,
    n.BRAND_CLAIM,
    n.OFFICIAL_PLACE,
    n.CONSEQUENCE,
    a.SUPPORT,
    a.OWN_CHANNEL,
    a.OWN_SITE,
    n.ADVISORY,
]
SEVERITY_RANK = {c: i for i, c in enumerate(SEVERITY)}


@dataclass(frozen=True)
class PageFacts:
    level: str  # the page URL's own check: verified | none | caution | danger | unknown
    brand_id: str | None
    social: bool


def _danger(c: set[str]) -> bool:
    if c & DANGER_ALONE:
        return True
    payload = c & PAYLOAD
    if t.PAY in c and c & LURES:
        payload = payload | {t.MONEY}  # 'pay first to get your refund'
    if c & PRETEXT and payload:
        return True
    if t.LURE_WEAK in c and c & PAYLOAD_STRONG and c & {t.THREAT, t.MOVE}:
        return True
    if c & {t.CLAIM, SENDER_CLAIM, t.NOTICE} and c & LURES and t.MOVE in c:
        return True  # 'I'm Taobao CS, your order failed, double refund, add my QQ': the classic opener
    if t.LURE_HALLMARK in c and t.MOVE in c and c & {t.CLAIM_WEAK, n.PARTY}:
        return True  # the same opener from 'the courier' or 'the shop': '包裹丢了，三倍赔偿，加一下QQ'
    if t.REMOTE_STRONG in c and c & {t.CRED, t.CRED_WEAK, t.MONEY_STRONG, t.MONEY}:
        return True
    if t.REMOTE_STRONG in c and c & LURES:
        return True  # 'to process your refund, join the meeting and share your screen'
    if t.CRED in c and t.CLAIM_WEAK in c and n.PARTY in c:
        return True  # 'this is your bank's fraud department … tell me the code we just texted you'
    if t.CRED in c and c & {t.LURE_HALLMARK, t.LURE_STRONG}:
        return True  # 'your order is abnormal, we must refund you: tell me the code you got'
    if c & {t.CLAIM, SENDER_CLAIM, t.NOTICE} and t.LURE_HALLMARK in c and t.THREAT in c:
        return True  # 'JD Finance here: cancel your student account or your credit record suffers'

    if t.CLAIM_WEAK in c and c & {t.MONEY_STRONG, t.REMOTE_STRONG, t.REMOTE_WEAK, t.MONEY}:
        return True
    return bool(t.MOVE in c and c & {t.MONEY_STRONG, t.CRED} and c & LURES)


def _caution(c: set[str], official_site: bool) -> bool:
    if c & CAUTION_ALONE:
        return True
    if c & {t.CLAIM, SENDER_CLAIM, t.NOTICE} and c & (LURES | {t.MOVE, t.THREAT}):
        return True
    if t.NOTICE in c and c & {t.CLAIM, t.CLAIM_WEAK, SENDER_CLAIM}:
        return True  # '我是京东客服，我们发现您的…': a platform contacting you first
    if t.CLAIM_WEAK in c and t.MOVE in c:
        return True
    if c & LURES and c & (PAYLOAD | {t.MOVE}):
        return True
    if t.MOVE in c and c & PAYLOAD:
        return True
    if t.INVEST in c and c & {t.MONEY, t.MOVE, t.PAY}:
        return True
    if t.THREAT in c and c & {t.MONEY, t.MONEY_STRONG}:
        return True  # 'pay into this account, or your line is cut off'
    if t.REMOTE_WEAK in c and c & {t.MONEY, t.MONEY_STRONG, t.CRED, t.CRED_WEAK}:
        return True  # '你现在打开手机银行，点转账': guided, step by step, to a transfer or a password

    return official_site and t.MOVE in c


def notice_level(c: set[str]) -> str:
    level = higher(_notice_script_level(c), _brand_channel_level(c))
    if level == "none" and n.BRAND_LINK in c:
        return "caution"  # a listed brand's message with a link to a site that is not the brand's
    if level == "none" and n.VOICE_MENU in c and c & {n.PARTY, t.CLAIM, t.CLAIM_WEAK}:
        return "caution"  # 'this is the medical insurance bureau, press 9': a recorded call's script
    return level


def _brand_channel_level(c: set[str]) -> str:
    """A listed bank, payment service, operator or public office speaks and gives a personal number
    (notice.py): a warning on its own; with pressure or an ask, danger."""
    if n.BRAND_CLAIM not in c or n.ACT not in c or n.PHONE not in c:
        return "none"
    return "danger" if c & ({n.DEADLINE, n.STATE_STRONG, t.THREAT} | PAYLOAD_STRONG) else "caution"


def _notice_script_level(c: set[str]) -> str:
    """A notice script: a state (expired, frozen, charged, held) and a channel that is not the party's
    official one. With the party named and an act or a deadline it is the whole script; a deadline
    or an ask on top makes it danger. Without a channel only the states real notices rarely carry
    (frozen, a summons, suspended), with the party, an act and a deadline: real notices from a bank
    or an operator also say 'your points expire, log in to redeem'."""
    if n.STATE not in c:
        return "none"
    if not c & {n.LINK, n.PHONE, n.CHANNEL_UNSHOWN, t.MOVE}:
        # a party says your account, card or benefit is frozen, suspended, cancelled: what genuine
        # notices rarely say without their own number or link (those count as support)
        strong_script = bool(c & {n.PARTY, n.VOICE}) and n.STATE_STRONG in c and bool(c & {n.YOURS, n.ACT, n.DEADLINE})
        strong_script = strong_script and not c & {a.SUPPORT, n.OFFICIAL_PLACE}
        # 'Royal Mail: your parcel is held, pay the £1.99 fee': a payment asked by a notice with no
        # official link or number of the party's own (a genuine one points to its own site)
        pay_script = {n.PARTY, n.STATE, n.ACT, t.PAY} <= c and not c & {a.SUPPORT, n.OFFICIAL_PLACE}
        # nobody named, but a hallmark state of yours, an act and the consequence of not acting ('your
        # account is suspended … failure to verify will result in closure', 'unpaid ticket: pay within 48
        # hours to avoid further penalties'): the whole script but its sender, which quoting cuts off
        threatened = {n.STATE_STRONG, n.YOURS, n.ACT, n.CONSEQUENCE} <= c and not c & {a.SUPPORT, n.OFFICIAL_PLACE}
        return "caution" if strong_script or pay_script or threatened else "none"
    shown_or_blanked = c & {n.LINK, n.CHANNEL_UNSHOWN}
    if c & {n.PARTY, n.VOICE} and shown_or_blanked and n.YOURS in c and not c & {n.ACT, n.DEADLINE, t.MOVE}:
        # 'USPostal: your package delivery has been paused … uspkgos.homes/D4d5t6': the link is the act;
        # so is a link the quoting source blanked ('a little gift for you: [link redacted]'): with no act
        # word, the unshown channel can only be a blanked link or number, or a voice menu
        return "caution"
    if c & {n.PARTY, n.VOICE} and c & {n.ACT, n.DEADLINE, t.MOVE}:  # "add the courier's WeChat" is the act too
        # pressure: a deadline, a threat, an ask; or a listed brand's frozen / suspended / expired
        # account sent to a site that is not the brand's ('【建设银行】账户已被冻结，请登录 ccbhz.cc')
        pressed = c & ({n.DEADLINE, t.THREAT} | PAYLOAD) or {n.PRESSURE, n.BRAND_LINK} <= c
        return "danger" if pressed else "caution"
    # nobody named: a link to act on is a phishing notice; a number is what genuine alerts of
    # banks the list does not know also give ('not you? call 0406...')
    # a link named but not shown is what phishing texts do; a link shown needs pressure too: a
    # helpdesk acknowledging a problem links its own support page
    pressed = bool(c & {n.STATE_STRONG, n.DEADLINE, t.THREAT})
    link = n.CHANNEL_UNSHOWN in c or (n.LINK in c and pressed)
    # a number for your own account, card or parcel said to be locked, frozen or held, from a sender
    # that never says who it is: a genuine alert names its bank or courier
    called = n.PHONE in c and {n.STATE_STRONG, n.YOURS} <= c
    return "caution" if n.ACT in c and (link or called) else "none"


def level_for(categories: set[str], page: PageFacts | None) -> str:
    official_site = page is not None and page.level == "verified"
    c = set(categories)
    if official_site:
        c -= {t.CLAIM, t.CLAIM_WEAK, n.PARTY}  # on the brand's own site its staff are who they say
    own_channel = n.STATE in c and bool(c & {n.LINK, n.PHONE})  # a script with a link or number of its own
    if n.OTP_NOTICE in c:
        # a service's own one-time-code message (the code, and 'do not share it'): only a listed scam
        # channel or a link whose own check warns makes it a warning
        return "caution" if c & {a.SCAM, a.LINK_DANGER, a.LINK_CAUTION, PAGE_DANGER} else "none"
    # ... or speaking as the company but sending you only to its official app ('我们是正规快递公司，理赔都在
    # 官方App内办理，请勿相信陌生来电'): its own reminder, with no channel or ask of its own
    sent_to_official = n.OFFICIAL_PLACE in c and not c & (OWN_CHANNEL_ONLY_BREAKERS | {t.THREAT, t.LURE_STRONG})
    if n.ADVISORY in c and (n.REMINDER in c or (n.SELF not in c and not own_channel) or sent_to_official):
        # an anti-fraud reminder, speaking about scams and to nobody in the first person, with no
        # link or number of its own: at most a caution for a listed scam channel it quotes. Scripts
        # borrow the reminders' words ('don't trust others, I am the official...'): not those; but
        # three or more reminder phrases make a reminder even with a site or 'this is' in it.
        # a lookalike quoted in a reminder of three or more cues ('example of a scam text: "…usps-track.info…",
        # do not click such links') is its example; a listed scam channel is still worth a caution
        quoted = {a.SCAM, PAGE_DANGER} if n.REMINDER in c else {a.SCAM, a.LINK_DANGER, PAGE_DANGER}
        # advice that sends you to a listed brand's helpline at a number that is not the brand's (and
        # that it does not call a scam's): the fake helpline's disguise ('If you were scammed on Cash
        # App, the Cash App support team at 1-888-… will refund you')
        quoted = quoted | ({a.PHONE_UNOFFICIAL} if n.REMINDER not in c else set())
        return "caution" if c & quoted else "none"
    breakers = OWN_CHANNEL_ONLY_BREAKERS - {t.PAY} if a.OWN_SITE in c else OWN_CHANNEL_ONLY_BREAKERS
    if a.OWN_CHANNEL in c and not c & breakers:
        # a notice that sends you only to the brand's own number or site and asks for nothing: what
        # the brand itself says ('您的信用卡已逾期，已暂停使用，请尽快还款，详询95559'); or only to its own
        # site to pay there ('DHL: duties of £12.40 are due. Pay securely at dhl.co.uk')
        return "none"
    if _danger(c):
        if not official_site or c & DANGER_ON_OFFICIAL_SITE:
            return "danger"
        strong_remote = t.REMOTE_STRONG in c and c & {t.CRED, t.MONEY_STRONG, t.MONEY}
        moved_payload = t.MOVE in c and c & {t.CRED, t.MONEY_STRONG, t.MONEY}
        return "danger" if strong_remote or moved_payload else "caution"
    notice = notice_level(c)
    if notice != "none":
        return notice
    return "caution" if _caution(c, official_site) else "none"


def outgoing_level(secret: bool, context: set[str], page: PageFacts | None) -> str:
    if not secret:
        return "none"
    if page is not None and page.level == "verified":
        return "caution"  # genuine agents do ask for codes in the official chat: warn, don't alarm
    asked = context & ({t.CRED, t.CRED_WEAK, t.CLAIM, t.REMOTE_STRONG, t.REMOTE_WEAK, SENDER_CLAIM} | LURES | PRETEXT)
    return "danger" if asked else "caution"


def contributes(categories: set[str]) -> bool:
    """Does a message add anything a combination could use (beyond pure support)?"""
    return bool(categories - {a.SUPPORT, t.URGENCY})
