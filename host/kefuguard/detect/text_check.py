"""check_text: one chat message (with optional context) -> result.

Links in the text go through the URL checks. The scam-tactic rules (identity claims, refund
lures, code requests...) plug in here; the result shape is already final.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kefuguard.detect import advice
from kefuguard.detect.channels import Channels
from kefuguard.detect.result import LEVEL_RANK, Reason, Result
from kefuguard.detect.url_check import check_url
from kefuguard.errors import InputError

MAX_TEXT_CHARS = 20_000  # analysed per message; the rest is ignored and reported as truncated
MAX_LINKS = 20
DIRECTIONS = ("incoming", "outgoing")
# one character class and a bounded quantifier: linear time on any input
_URL = re.compile(r"https?://[^\s<>\"'，。、）)】]{1,2048}", re.IGNORECASE)


@dataclass(frozen=True)
class ChatMessage:
    text: str
    direction: str = "incoming"
    sender: str | None = None
    url: str | None = None

    @classmethod
    def from_dict(cls, raw: Any) -> ChatMessage:
        if not isinstance(raw, dict):
            raise InputError("a message must be an object with a 'text' string")
        text = raw.get("text")
        if not isinstance(text, str):
            raise InputError("'text' must be a string")
        direction = raw.get("direction", "incoming")
        if direction is None:
            direction = "incoming"
        if direction not in DIRECTIONS:
            raise InputError("'direction' must be 'incoming' or 'outgoing'")
        for key in ("sender", "url"):
            if raw.get(key) is not None and not isinstance(raw.get(key), str):
                raise InputError(f"'{key}' must be a string")
        return cls(text, direction, raw.get("sender"), raw.get("url"))


def _clean(text: str) -> str:
    # lone surrogates (from a page's broken UTF-16) cannot be encoded: replace them
    return text.encode("utf-8", "replace").decode("utf-8") if not text.isascii() else text


def check_text(message: ChatMessage, channels: Channels, context: list[ChatMessage] | None = None) -> Result:
    text = _clean(message.text)
    truncated = len(text) > MAX_TEXT_CHARS
    text = text[:MAX_TEXT_CHARS]
    reasons: list[Reason] = []
    level, brand = "none", None
    for match in list(_URL.finditer(text))[:MAX_LINKS]:
        try:
            link = check_url(match.group(0), channels)
        except InputError:
            continue
        if LEVEL_RANK[link.level] >= LEVEL_RANK["caution"]:
            for r in link.reasons:
                reasons.append(
                    Reason("link." + r.code, r.message, r.message_zh, r.official, r.matched or match.group(0))
                )
            if LEVEL_RANK[link.level] > LEVEL_RANK[level]:
                level, brand = link.level, link.brand
    if level == "none":
        reasons.append(
            Reason("none.no_signal", "No known scam pattern found in this message.", "该消息中未发现已知的诈骗特征。")
        )
        adv = [advice.NOTHING_FOUND_IN_TEXT]
    else:
        adv = [advice.SCAM_LINK_IN_TEXT]
    result = Result(
        level=level,
        reasons=reasons,
        advice=adv,
        brand=brand,
        list_version=channels.version,
        list_stale=channels.stale,
        publisher=channels.publisher,
    )
    result.extra["direction"] = message.direction
    if truncated:
        result.extra["truncated"] = True
    return result
