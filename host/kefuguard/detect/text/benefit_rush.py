"""Public money said to be running out, first come first served: '居家隔离补助发放中，补助总金额仅剩
2806万，数量有限，先到先得', '困难补助名额有限，先到先得'.

Allowances, relief and hardship payments go to everyone entitled, through the office's own channel;
no office hands them out while stocks last. A fake benefit campaign (a link, a QR code, a form for
card details) says so to hurry people in. Only the benefits that are entitlements count here: a
shop's '百亿补贴' or a city's consumption vouchers really can run out. Not in a reminder or a story.
"""

from __future__ import annotations

import re

from kefuguard.detect.text.tactics import LURE_STRONG, Finding, MessageHits

RUSH_NEAR_BENEFIT = 80  # characters between the benefit and the scarcity, either order

_ENTITLEMENT = re.compile(
    r"补助|援助金|救助金|津贴|慰问金|抚恤金|补偿金|(?:生活|困难|隔离|防疫|失业|育儿|生育|高温|就业|创业|养老|疫情|租房|住房|"
    r"医疗|教育|学生|老人|高龄|残疾|低保)补贴"
)
# one of them is in every phrase below: a cheap test first
_RUSH_CUES = ("有限", "先到", "先领", "仅剩", "领完", "发完", "送完", "手慢", "限量", "抢完")
_RUSH = re.compile(r"数量有限|名额有限|先到先得|先领先得|仅剩|额度有限|领完即止|发完为止|送完为止|手慢无|限量发放|抢完为止")


def benefit_rush(m: MessageHits) -> Finding | None:
    """The first entitlement named within reach of a 'while stocks last'."""
    if m.reminder_or_story():
        return None
    rush = _RUSH.search(m.folded) if any(w in m.folded for w in _RUSH_CUES) else None
    if rush is None:
        return None
    for benefit in _ENTITLEMENT.finditer(m.folded):
        gap = rush.start() - benefit.end() if rush.start() >= benefit.end() else benefit.start() - rush.end()
        if gap <= RUSH_NEAR_BENEFIT and not m.negated(rush.start()):
            start, end = min(benefit.start(), rush.start()), max(benefit.end(), rush.end())
            return Finding("benefit_rush_claim", LURE_STRONG, start, end)
    return None
