"""A call the customer made: 'Thanks for calling Wells Fargo. To verify your identity, please tell me
your date of birth and your ZIP code.' A bank's agent checks who is on the line with questions of
identity (name, date of birth, address, postcode, the last four digits); that is no account problem
and no credential a scam is after. The same words with a code, a card's whole number, a PIN, a
password, a payment, a remote tool, a link, a number or an app to add keep their warning: a fake
helpline a victim rang asks those."""

from __future__ import annotations

import re

from kefuguard.detect.text.entities import Entity
from kefuguard.detect.text.keyword_automaton import Hit

OPENER_WITHIN = 12  # the greeting opens the message ('Hello, thanks for calling…')
_INBOUND = re.compile(
    r"(?:thanks|thank you) for (?:calling|contacting|phoning|ringing)|(?:you ?ve|you have) reached|"
    r"welcome to [a-z0-9&' ]{2,40}(?:customer service|customer care|support|helpline|help desk)"
)
_IDENTITY_CHECK = frozenset({"verify your identity", "confirm your identity", "verify your account"})
# a postcode or a ZIP code is an address, not a one-time code
_ADDRESS_CODE = ("zip ", "postal ", "post ", "area ")
# what an agent checking identity never asks (a fake helpline does)
ASKED = frozenset(
    {"cred_strong", "pay", "fee", "fee_hallmark", "transfer", "gift_card", "remote_strong", "remote_weak"}
    | {"download", "add_verb", "im", "safe_account", "refund_hallmark", "threat"}
)


def without_identity_check(by_tag: dict[str, list[Hit]], folded: str, entities: list[Entity]) -> dict[str, list[Hit]]:
    """`by_tag` without the identity check of an inbound call: its 'verify your identity' and its
    weak identity questions."""
    if "reached" not in folded and " for " not in folded and "welcome" not in folded:
        return by_tag
    opener = _INBOUND.search(folded, 0, OPENER_WITHIN + 60)
    if opener is None or opener.start() > OPENER_WITHIN:
        return by_tag
    if ASKED & by_tag.keys() or any(e.kind in ("url", "phone", "email") for e in entities):
        return by_tag
    codes = [h for h in by_tag.get("code_word", []) if not folded.endswith(_ADDRESS_CODE, 0, h.start)]
    if codes:
        return by_tag  # a code asked for on the call is what the fake helpline wants
    out = dict(by_tag)
    out.pop("code_word", None)
    out.pop("cred_weak", None)
    problems = [h for h in by_tag.get("account_problem", []) if folded[h.start : h.end] not in _IDENTITY_CHECK]
    if problems:
        out["account_problem"] = problems
    else:
        out.pop("account_problem", None)
    return out
