"""Masking of the user's own (outgoing) messages before they go into an evidence file
(docs/evidence.md, Privacy): verification codes (4-8 digits next to a code word, or alone in the
message) keep their last 2 digits, card numbers (13-19 digits passing the Luhn check) their last 4;
every other digit of them becomes '*'. Spaces and dashes between digit groups stay, and the text
keeps its length, so a position in the original is the same position in the masked text.

Incoming messages are never masked: they are the scam's own words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kefuguard.detect.text.entities import luhn_ok
from kefuguard.detect.text.normalize import fold_text
from kefuguard.detect.text.phrases import PHRASES

MASK = "*"
CODE_KEEP = 2  # digits of a code left visible
CARD_KEEP = 4  # digits of a card number left visible
CODE_DIGITS = (4, 8)
CARD_DIGITS = (13, 19)
CODE_WINDOW = 12  # characters at most between a code word and the code, either side
MAX_GROUPS = 12  # digit groups of one run looked at for a card number inside it

# the detectors' code words, plus the ones people write when they pass a code on; folded like the
# text (traditional, full width and case need no entries of their own)
CODE_WORDS = tuple(
    dict.fromkeys(
        (
            *PHRASES["code_word"],
            "短信码",
            "短信验证码",
            "动态密码",
            "确认码",
            "授权码",
            "安全码",
            "yzm",
            "verification",
            "one-time",
            "sms code",
        )
    )
)
_DIGIT = "0-9\uff10-\uff19"  # ASCII and full-width digits
_RUN = re.compile(rf"(?<![{_DIGIT}])[{_DIGIT}]+(?:[ \-][{_DIGIT}]+)*(?![{_DIGIT}])")
_GROUP = re.compile(rf"[{_DIGIT}]+")
_CODE_WORD = re.compile(
    "|".join(
        rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])" if w.isascii() else re.escape(w)
        for w in sorted(CODE_WORDS, key=len, reverse=True)
    )
)


@dataclass(frozen=True)
class Masked:
    text: str  # the message as it goes into the file
    spans: tuple[tuple[int, int, str], ...]  # (start, end, "code" | "card") of what was masked

    def same_span(self, original: str, fragment: str) -> str:
        """`fragment` of the original message (a reason's `matched`) as it reads after masking."""
        if not self.spans or not fragment:
            return fragment
        at = original.find(fragment)
        if at >= 0:
            return self.text[at : at + len(fragment)]
        return mask_outgoing(fragment).text  # not found as written: masked on its own


def _ascii_digits(digits: str) -> str:
    return "".join(str(unicodedata.digit(c)) for c in digits)


def _mask(chars: list[str], start: int, end: int, keep: int) -> None:
    positions = [i for i in range(start, end) if chars[i] not in " -"]
    for i in positions[: max(0, len(positions) - keep)]:
        chars[i] = MASK


def _card_span(groups: list[re.Match[str]]) -> tuple[int, int] | None:
    """The longest run of whole digit groups that is a card number (13-19 digits, Luhn)."""
    groups = groups[:MAX_GROUPS]
    best: tuple[int, int] | None = None
    for i in range(len(groups)):
        digits = ""
        for j in range(i, len(groups)):
            digits += groups[j].group(0)
            if len(digits) > CARD_DIGITS[1]:
                break
            if len(digits) >= CARD_DIGITS[0] and luhn_ok(_ascii_digits(digits)):
                span = (groups[i].start(), groups[j].end())
                if best is None or span[1] - span[0] > best[1] - best[0]:
                    best = span
    return best


def mask_outgoing(text: str) -> Masked:
    """The user's own message with its codes and card numbers masked (see the module docstring)."""
    if not any(c.isdigit() for c in text):
        return Masked(text, ())
    words = [(m.start(), m.end()) for m in _CODE_WORD.finditer(fold_text(text))]
    chars = list(text)
    spans: list[tuple[int, int, str]] = []

    def near_code_word(start: int, end: int) -> bool:
        return any(0 <= start - we <= CODE_WINDOW or 0 <= ws - end <= CODE_WINDOW for ws, we in words)

    def alone(start: int, end: int) -> bool:
        return not any(c.isalnum() for c in text[:start]) and not any(c.isalnum() for c in text[end:])

    for run in _RUN.finditer(text):
        groups = list(_GROUP.finditer(text, run.start(), run.end()))
        card = _card_span(groups)
        if card is not None:
            _mask(chars, card[0], card[1], CARD_KEEP)
            spans.append((card[0], card[1], "card"))
            continue
        n = sum(len(g.group(0)) for g in groups)
        if CODE_DIGITS[0] <= n <= CODE_DIGITS[1]:
            candidates = [(run.start(), run.end())]
        else:
            candidates = [(g.start(), g.end()) for g in groups if CODE_DIGITS[0] <= len(g.group(0)) <= CODE_DIGITS[1]]
        for start, end in candidates:
            if alone(start, end) or near_code_word(start, end):
                _mask(chars, start, end, CODE_KEEP)
                spans.append((start, end, "code"))
    return Masked("".join(chars), tuple(spans))
