"""The `channels` part: phone numbers, IM accounts and links found in the page address and the
messages, read by the chat checks' own entity extraction (detect/text/entities.py), so the file
names the same numbers and links the checks looked at.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from kefuguard.detect.text.entities import extract_links, extract_numbers, extract_wechat_ids
from kefuguard.detect.text.index import TextIndex
from kefuguard.detect.text.normalize import clean_text, fold_text

MAX_CHARS = 20_000  # of each message read for channels (what the checks analyse at most)
MAX_EACH = 500  # phones, accounts and links each: a flood of numbers cannot grow the file without bound
WHATSAPP_WINDOW = 12  # characters between 'WhatsApp' and the number it names
# full-width letters, digits, '-', '.', '/' as a browser reads them in an address (as analysis.py)
_FULL_WIDTH_URL = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
    | {"－": "-", "．": ".", "／": "/"}
)
_WHATSAPP_WORD = re.compile(r"whats ?app")
_WA_LINK = re.compile(r"^https?://(?:api\.)?(?:wa\.me|whatsapp\.com/send)/?\??(?:phone=)?\+?([0-9]{6,15})", re.I)
_QQ_LINK = re.compile(r"^https?://wpa\.qq\.com/msgrd\?(?:[^#]*&)?uin=([0-9]{5,11})", re.I)


class _Ordered:
    """Values in the order first found, each once, at most MAX_EACH."""

    def __init__(self) -> None:
        self.values: dict[str, None] = {}

    def add(self, value: str) -> None:
        if value and len(self.values) < MAX_EACH:
            self.values.setdefault(value, None)

    def __iter__(self) -> Any:
        return iter(self.values)


def find_channels(page_url: str | None, texts: Iterable[str], index: TextIndex | None) -> dict[str, list[str]]:
    """`index`: the chat checks' index of the list in use (None: there are no messages to read)."""
    phones, accounts, links = _Ordered(), _Ordered(), _Ordered()
    if page_url:
        links.add(page_url)
        _link_accounts(page_url, accounts)
    if index is not None:
        for text in texts:
            _message(text, index, phones, accounts, links)
    return {"phones": list(phones), "accounts": list(accounts), "links": list(links)}


def _link_accounts(url: str, accounts: _Ordered) -> None:
    m = _WA_LINK.match(url)
    if m:
        accounts.add(f"whatsapp:{m.group(1)}")
    m = _QQ_LINK.match(url)
    if m:
        accounts.add(f"qq:{m.group(1)}")


def _message(text: str, index: TextIndex, phones: _Ordered, accounts: _Ordered, links: _Ordered) -> None:
    cleaned = clean_text(text[:MAX_CHARS])
    if not cleaned:
        return
    folded = fold_text(cleaned)
    by_tag = index.hits(folded)
    found_links = []
    if "." in cleaned or "．" in cleaned:
        found_links = extract_links(cleaned.translate(_FULL_WIDTH_URL) if not cleaned.isascii() else cleaned)
        for e in found_links:
            links.add(e.key)
            _link_accounts(e.key, accounts)
    if any(c.isdigit() for c in folded):
        code_words = by_tag.get("code_word", []) + by_tag.get("cred_strong", [])
        whatsapp_ends = [m.end() for m in _WHATSAPP_WORD.finditer(folded)]
        in_links = [(e.start, e.end) for e in found_links]
        for e in extract_numbers(folded, cleaned, by_tag.get("im", []), code_words):
            if any(s <= e.start < end for s, end in in_links):
                continue  # digits inside a link are part of its name
            if e.kind == "qq":
                accounts.add(f"qq:{e.key}")
            elif e.kind == "phone":
                phones.add("+" + e.key if e.phone_kind == "intl" and not e.key.startswith("00") else e.key)
                if any(0 <= e.start - end <= WHATSAPP_WINDOW for end in whatsapp_ends):
                    accounts.add(f"whatsapp:{e.key.removeprefix('00')}")
    if "im" in by_tag:
        for e in extract_wechat_ids(cleaned, folded, by_tag["im"]):
            accounts.add(f"wechat:{e.key}")
