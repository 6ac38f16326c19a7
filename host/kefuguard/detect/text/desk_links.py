"""A crypto wallet's 'support desk' sending you to its chat, ticket page or fixing tool at a link that is
nobody's known site, or to a Telegram or WhatsApp account: 'Our support team can help you fix the wallet
issue. Please open a ticket here: <link>', 'Your wallet needs to be validated. Our technical team will
help you at <link>', 'Our support team is available on Telegram: @… Message them to synchronize your wallet'.

Wallet drainers answer people who ask for help in public (issue trackers, forums, replies) as the
project's support, and the link leads to a page that asks for the wallet's recovery phrase or a
signature. Four slots together: a desk speaking (support team, live chat, help center, ticket), a
wallet's words (wallet, dapp, token, seed, synchronize, validate, rectify), a fix offered (a chat, a
ticket, 'to resolve your issue'), and a channel that is not any listed brand's (analysis.py passes the
links that are neither official nor warned of). A wallet's own help centre on its listed site is
official and never counts; nor does a ticket already resolved, a project's issue tracker, or a
reminder or a story.
"""

from __future__ import annotations

import re

from kefuguard.detect.text.entities import Entity
from kefuguard.detect.text.tactics import LURE_STRONG, Finding, MessageHits

# one of them is in every message the rule can fire on: a cheap test first
_CUES = re.compile("wallet|dapp|token|seed|crypto|web3|defi|airdrop|stak|synchron|rectif")
_WALLET = re.compile(
    r"\b(?:wallets?|dapps?|tokens?|seed|crypto|web3|defi|airdrops?|staking|stake|blockchain|nfts?|"
    r"synchroni[sz]e|synchroni[sz]ation|rectif(?:y|ication)|validat(?:e|ion)|migrat(?:e|ion))\b"
)
_DESK = re.compile(
    r"\b(?:support team|support agents?|support staff|support desk|help ?desk|help cent(?:er|re)|live chat|"
    r"live support|live agents?|customer service|customer support|technical team|tech team|dev team|"
    r"development team|our team|support ticket|ticket id|open a ticket|submit a ticket|raise a ticket|"
    r"resolution cent(?:er|re)|support portal|support page)\b"
)
_IM_WORD = re.compile(r"\b(?:telegram|whatsapp)\b")
# what the desk offers there: a chat, a ticket, a fix ('to resolve your issue', 'synchronize your wallet')
_FIX = re.compile(
    r"\b(?:live chat|(?:open|submit|raise|create|file) a (?:support )?ticket|ticket id|to resolve|"
    r"resolve (?:your|this|the)|rectif(?:y|ication)|synchroni[sz]e|validate|"
    r"connect your wallet|fixing|fix (?:it|this|the|your)|debug|restore your wallet|recover your wallet)\b"
)


def desk_link(m: MessageHits, unlisted_links: list[Entity]) -> Finding | None:
    """The desk, the wallet's words and the channel, in one incoming message."""
    folded = m.folded
    if _CUES.search(folded) is None or m.reminder_or_story():
        return None
    channel = next(iter(unlisted_links), None)
    im = _IM_WORD.search(folded)
    if channel is None and im is None and not any(e.kind == "telegram" for e in m.entities):
        return None
    desk = _DESK.search(folded)
    wallet = _WALLET.search(folded)
    if desk is None or wallet is None or m.negated(desk.start()) or _FIX.search(folded) is None:
        return None
    start = min(desk.start(), wallet.start())
    end = max(desk.end(), wallet.end())
    return Finding("support_desk_link", LURE_STRONG, start, end)
