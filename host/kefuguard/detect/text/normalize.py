"""Text folding for chat checks: one output character per input character, in C-speed `str.translate`.

`fold_text` maps every character to exactly one character, so a match at [start, end) in the folded
text is the span [start, end) of the original, which the reasons quote back. The folding:

- NFKC where it gives one character (full-width and circled forms -> ASCII: 'Ｖ信' -> 'v信'), then
  lower case;
- traditional -> simplified (OpenCC's character table, one to one);
- GAP (a space) for what evaders insert between characters: whitespace, zero-width and other format
  characters, combining marks, emoji and other symbols, dashes, dots, asterisks, quotes... The
  keyword automaton skips gaps, so '加 微 信', '退-款', '退\u200b款' and 'Q Q' all match. Sentence
  punctuation (，。！？；：、 and ASCII , ; : ! ?) and brackets stay as they are: they end a match.

The per-character work is done once per distinct character and cached (bounded), so a message costs
one `translate` call.
"""

from __future__ import annotations

import re
import unicodedata

from kefuguard.detect.text import traditional_chars

GAP = " "

# Traditional -> simplified for every character OpenCC maps one to one (traditional_chars.py,
# generated from its table), so a phrase written once matches in both scripts. Folding the text
# and the phrases alike keeps matches right even where a traditional character is also used in
# simplified text (乾, 著, 於): both sides fold the same way.
_EXTRA = {"帐": "账"}  # not traditional: the older simplified form of 账 (安全帐户), folded with it


def _traditional_table() -> dict[str, str]:
    table = dict(zip(traditional_chars.TRADITIONAL, traditional_chars.SIMPLIFIED, strict=True))
    table.update(_EXTRA)
    for key, value in table.items():
        while value in table:  # 帳 -> 帐 -> 账
            value = table[value]
        table[key] = value
    return table


TRADITIONAL_TO_SIMPLIFIED = _traditional_table()

# Punctuation that inserts nothing meaningful between characters: folded to a gap.
_GAP_PUNCTUATION = set(".*#&@'\"/\\%_-~|^`=+<>·•‧∙・…‥\u3000「」『』")  # corner quotes: 『不會』主動
# Categories folded to a gap: format (zero-width, bidi), combining marks, symbols (emoji...),
# dashes and connectors, quotes, separators, controls, private use, unassigned.
_GAP_CATEGORIES = {"Cf", "Mn", "Me", "So", "Sk", "Sm", "Pd", "Pc", "Pi", "Pf", "Zs", "Zl", "Zp", "Cc", "Co", "Cn", "Cs"}
_MAX_CACHED = 50_000  # distinct characters remembered; hostile text cannot grow the cache without bound


def fold_char(ch: str) -> str:
    """The one character `ch` folds to (GAP for separators)."""
    if ch.isspace():
        return GAP
    nfkc = unicodedata.normalize("NFKC", ch)
    if len(nfkc) == 1:
        ch = nfkc
    elif nfkc.strip() == "" or all(c in _GAP_PUNCTUATION for c in nfkc):
        return GAP  # '…' -> '...'
    lower = ch.lower()
    if len(lower) == 1:
        ch = lower
    ch = TRADITIONAL_TO_SIMPLIFIED.get(ch, ch)
    if ch in _GAP_PUNCTUATION or unicodedata.category(ch) in _GAP_CATEGORIES:
        return GAP
    return ch


class _FoldTable(dict[int, str]):
    """A `str.translate` table that computes each character's fold on first sight."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        if len(self) < _MAX_CACHED:
            self[code] = folded
        return folded


_FOLD = _FoldTable()
for _code in range(128):  # ASCII up front: the common case never reaches __missing__
    _FOLD[_code] = fold_char(chr(_code))


# a digit standing for a letter inside a word ('Y0ur Amaz0n acc0unt has been l0cked. Ver1fy'), as
# spam writes words to slip past filters; only between two letters, so numbers and codes keep theirs.
# The digit first, the letter before it looked behind at after: the search then skips to the next
# of those six digits in C instead of trying a look-behind at every character (3.3 -> 1.0 us a line)
_LEET = re.compile(r"[013457](?<=[a-z][013457])(?=[a-z])")
_LEET_LETTERS = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"}


# a capital I standing for an l, which most fonts draw alike ('PayPaI', 'AIipay'): inside a word after
# a letter and before a lower-case one, or ending a word after a lower-case one ('OpenAI', 'I am', 'iOS'
# keep theirs), but not a camel-case 'In' ending a word ('LinkedIn', 'SignIn', 'CheckIn'). Read before
# the text is lower-cased, while the capital still tells it apart. The I first and the letter before
# it looked behind at after, as _LEET: 14.6 -> 0.6 us a message with an I
_CAPITAL_I_FOR_L = re.compile(r"I(?:(?<=[A-Za-z]I)(?=[a-z])(?!n(?![A-Za-z]))|(?<=[a-z]I)(?![A-Za-z]))")


def fold_text(text: str) -> str:
    """Same length as `text`; see the module docstring."""
    if "I" in text:
        text = _CAPITAL_I_FOR_L.sub("l", text)
    return _LEET.sub(_letter, text.translate(_FOLD))


def _letter(m: re.Match[str]) -> str:
    return _LEET_LETTERS[m.group(0)]


def fold_phrase(phrase: str) -> str:
    """A phrase as the automaton stores it: folded, gaps removed ('加 微信' -> '加微信')."""
    return fold_text(phrase).replace(GAP, "")


# a surrogate code point in a str is always a lone one (a pair is one character): what the round trip
# through UTF-8 replaces; a search in C finds there is none, as in nearly every message
_SURROGATE = re.compile(f"[{chr(0xD800)}-{chr(0xDFFF)}]")


def clean_text(text: str) -> str:
    """Text safe to analyse and to quote in JSON: NUL removed, lone surrogates replaced."""
    if not text.isascii() and _SURROGATE.search(text) is not None:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text.replace("\x00", "") if "\x00" in text else text
