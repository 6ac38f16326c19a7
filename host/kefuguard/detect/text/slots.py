"""The slots of a notice script: what each category means to scoring.py, and one slot found in a
message (detect/text/notice.py and notice_channels.py find them) with its reason code and, when a
party is named, its official channels."""

from __future__ import annotations

from dataclasses import dataclass

from kefuguard.detect.text.keyword_automaton import Hit

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

# the hallmark state is an account's, card's or benefit's: frozen, expired, suspended (a parcel held is not)
PRESSURE = "notice_pressure"

YOURS = "notice_yours"  # the hallmark state is about the reader's own account, card, parcel: '您的…已冻结'

REMINDER = "notice_reminder"  # reminder cues throughout: a reminder even with a link or number in it

OTP_NOTICE = "notice_otp"  # a service's one-time-code message: 'your code is 123456, do not share it'

BRAND_LINK = "notice_brand_link"  # a listed brand's message sends you to a site that is not the brand's

# sends you where the brand or office really is: the platform's own app or order page ('在滴滴APP内联系客服'),
# the number on the back of your card, a government site
OFFICIAL_PLACE = "notice_official_place"

# what happens if you do not act, said in an English notice ('failure to verify will result in…', 'pay within 48
# hours to avoid further penalties'): with a hallmark state of yours and an act, a script whose sender was cut off
CONSEQUENCE = "notice_consequence"


@dataclass(frozen=True)
class Slot:
    category: str
    start: int
    end: int
    code: str  # the reason code
    official: str | None = None  # the party's official channels, when one is named
    brand_id: str | None = None


def first_hit(hits: list[Hit]) -> Hit | None:
    return min(hits, key=lambda h: h.start) if hits else None
