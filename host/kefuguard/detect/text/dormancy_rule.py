"""A service's own dormancy rule: 'If you don't log in for 24 months, your account will be closed',
'Your account has been inactive for 2 years. Sign in to keep it'. Closing an account nobody has used
for months or years is what services really do and tell, with nothing asked but signing in; a scam's
closure comes within hours and for something to verify. The closure, its threat and its deadline said
after such a rule are not a hallmark, as long as the message gives no channel but the brand's own
site: the same words with a link that is not the brand's, a number or an address stay a script."""

from __future__ import annotations

import re
from collections.abc import Callable

from kefuguard.detect.text.entities import Entity
from kefuguard.detect.text.keyword_automaton import Hit

_PERIOD = (
    r"(?:\d+|one|two|three|four|five|six|nine|twelve|eighteen|twenty-four|twenty four) "
    r"(?:consecutive )?(?:months?|years?)"
)
# folded text: apostrophes and full stops are gaps ("don t", "haven t")
_DORMANCY = re.compile(
    r"\b(?:if you (?:don ?t|do not|haven ?t|have not|didn ?t|did not) (?:log ?in|sign ?in|use your account|"
    r"use it|sign into your account|log into your account)(?: to your account)? (?:for|in|within) "
    r"(?:the (?:next|last|past) )?"
    + _PERIOD
    + r"|(?:has|have|had) been inactive|inactive for (?:more than |over )?"
    + _PERIOD
    + r"|(?:not|n t) been used (?:for|in) (?:more than |over )?"
    + _PERIOD
    + r"|(?:once|at least once) every "
    + _PERIOD
    + r"|(?:after|for) "
    + _PERIOD
    + r" of inactivity)"
)
_GATE = ("month", "year", "inactiv")
RULE_REACH = 120  # the closure a rule announces follows it ('…for 24 months, your account will be closed')
RULE_AFTER = 60  # ... or comes first ('Your account will be closed after 3 years of inactivity')
DORMANCY_SAID = frozenset({"threat", "state_strong", "state", "account_problem", "deadline", "lockout"})
# what a scam asks under the same words: a password or a card, a fee, a payment, an answer, an app
ASKED = frozenset(
    {"cred_strong", "cred_weak", "code_word", "pay", "fee", "fee_hallmark", "charge_word", "transfer", "gift_card"}
    | {"ask", "remote_strong", "remote_weak", "download", "add_verb", "im", "safe_account"}
)


def without_dormancy_closure(
    by_tag: dict[str, list[Hit]], folded: str, entities: list[Entity], verified: Callable[[str], bool]
) -> dict[str, list[Hit]]:
    """`by_tag` without the states, threats and deadlines a dormancy rule says; `verified(url)`: the
    link's own check finds it the brand's official site."""
    if not any(w in folded for w in _GATE):
        return by_tag
    rules = [r.start() for r in _DORMANCY.finditer(folded)]
    if not rules:
        return by_tag
    if ASKED & by_tag.keys() or any(e.kind in ("phone", "email") for e in entities):
        return by_tag
    if not all(verified(e.key) for e in entities if e.kind == "url"):
        return by_tag
    said = [(max(0, s - RULE_AFTER), s + RULE_REACH) for s in rules]
    out = dict(by_tag)
    for tag in DORMANCY_SAID & by_tag.keys():
        kept = [h for h in by_tag[tag] if not any(s <= h.start < e for s, e in said)]
        if kept:
            out[tag] = kept
        else:
            del out[tag]
    return out
