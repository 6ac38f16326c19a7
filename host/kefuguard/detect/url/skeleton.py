"""UTS #39 skeletons for domain labels: two labels that look alike get the same skeleton.

skeleton = NFKC + case fold (full-width ｔａｏｂａｏ -> taobao), drop invisible characters, strip
diacritics, map each confusable character to its ASCII prototype (Unicode confusables.txt plus
Chromium's extra map, data/confusables.json), then fold the ASCII look-alike sequences a reader
confuses at a glance (rn/m, vv/w, 1/l, 0/o). Comparison only: never display a skeleton.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from functools import lru_cache

_ASCII_FOLDS = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("|", "l"), ("1", "l"), ("i", "l"), ("0", "o"), ("_", "-"))
_table: dict[str, str] | None = None


def _confusables() -> dict[str, str]:
    global _table
    if _table is None:
        host = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))  # host/kefuguard
        with open(os.path.join(host, "data", "confusables.json"), encoding="utf-8") as f:
            _table = json.loads(f.read())["map"]
    return _table


def _invisible(ch: str) -> bool:
    # format characters (zero-width space/joiners, bidi controls, soft hyphen) and variation selectors
    return unicodedata.category(ch) == "Cf" or 0xFE00 <= ord(ch) <= 0xFE0F


# a Latin letter with a stroke, hook, tail, bar or descender that NFD does not take apart (ɨ, ʂ, ƈ,
# ɫ), or a small capital (ᴍ, ʙ): read as its base letter; plus the few bare letters shaped like one
@lru_cache(maxsize=None)  # compiled on first use (~0.13 ms): only a name with non-ASCII letters asks
def _decorated_latin() -> re.Pattern[str]:
    return re.compile(r"LATIN (?:SMALL |CAPITAL )?LETTER (?:SMALL CAPITAL )?([A-Z])(?: WITH .*| BAR)?")


_LATIN_SHAPES = {"ə": "a", "ǝ": "e", "ƿ": "p", "ƅ": "b", "ĸ": "k"}


# labels remembered per skeleton kind: a page's links and a day's browsing repeat far fewer labels;
# 65,536 per kind (with 16,384 host verdicts) took the host from 53 to 100 MiB over 50,000 distinct
# hosts, 4,096 (with 2,048) to 52-59 MiB; Python keeps the
# peak after the cache is emptied (bench_host.py "host RSS after 50,000 distinct hosts")
SKELETON_CACHE = 4096


@lru_cache(maxsize=4096)
def _latin_base(ch: str) -> str:
    m = _decorated_latin().fullmatch(unicodedata.name(ch, ""))
    return m.group(1).lower() if m else _LATIN_SHAPES.get(ch, ch)


@lru_cache(maxsize=SKELETON_CACHE)
def skeleton(label: str) -> str:
    text = _unicode_fold(label)
    for seq, proto in _ASCII_FOLDS:
        if seq in text:
            text = text.replace(seq, proto)
    return text


def _unicode_fold(label: str) -> str:
    if label.isascii():
        return label.lower()  # NFKC leaves ASCII alone
    text = unicodedata.normalize("NFKC", label).casefold()
    if not text.isascii():
        table = _confusables()
        out = []
        for ch in unicodedata.normalize("NFD", "".join(c for c in text if not _invisible(c))):
            if unicodedata.combining(ch):
                continue  # diacritics: á -> a
            mapped = table.get(ch)
            out.append(mapped if mapped is not None else _latin_base(ch) if not ch.isascii() else ch)
        text = unicodedata.normalize("NFC", "".join(out)).lower()
    return text


@lru_cache(maxsize=4096)
def reads_as_latin(ch: str) -> bool:
    """One character a reader takes for a Latin letter or digit (Cyrillic а, ạ, ɨ, ０); not a Chinese
    character, nor an ASCII one (which is what it looks like)."""
    folded = _unicode_fold(ch)
    return bool(folded) and folded != ch.lower() and folded.isascii() and folded.isalnum()


def is_mixed_script(label: str) -> bool:
    """Latin letters mixed with letters of another alphabet (Cyrillic, Greek...) in one label.
    Latin with Han/Kana/Hangul is normal in East Asia and not counted."""
    scripts = set()
    for ch in label:
        if not ch.isalpha():
            continue
        if ch.isascii():
            scripts.add("latin")
            continue
        name = unicodedata.name(ch, "")
        first = name.split(" ", 1)[0]
        if first in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO"):
            continue
        scripts.add("latin" if first == "LATIN" else first)
    return len(scripts) > 1


# pairs a hurried reader takes for each other in small type; too loose for a verdict on its own,
# used only for an exact match against a brand's label (dnstwist's two-round homoglyphs: bamkcomn)
_LOOSE_FOLDS = (
    ("lh", "h"),
    ("lk", "k"),
    ("ik", "k"),
    ("lc", "k"),
    ("nn", "m"),
    ("rr", "m"),
    ("n", "m"),
    ("c", "e"),
    ("b", "d"),
    ("q", "g"),
    ("u", "v"),
    ("y", "v"),
    ("vv", "w"),  # uuhatsapp
)


@lru_cache(maxsize=SKELETON_CACHE)
def loose_skeleton(label: str) -> str:
    text = skeleton(label)
    folded = None
    while folded != text:  # to a fixed point: tilctok -> tlktok -> tktok, as tiktok itself folds
        folded = text
        for seq, proto in _LOOSE_FOLDS:
            if seq in text:
                text = text.replace(seq, proto)
    return text


# the same look-alike letters folded one by one, before any sequence: a second order for two rounds
# of look-alikes whose sequence folds would otherwise part ways (clcmecdn and elemecdn, ic1oud and
# icloud); exact matches only
_LETTER_CLASSES = str.maketrans("1i|0cbquny_", "llloedgvmv-")


@lru_cache(maxsize=SKELETON_CACHE)
def letter_skeleton(label: str) -> str:
    return _unicode_fold(label).translate(_LETTER_CLASSES)
