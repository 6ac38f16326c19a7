"""The keyword automaton: same matches as a naive search, word rules for ASCII keywords, linear time."""

from __future__ import annotations

import random
import time

import pytest

from kefuguard.detect.text.keyword_automaton import KeywordAutomaton, KeywordInfo
from kefuguard.detect.text.normalize import GAP, fold_text


def automaton(*words: str) -> KeywordAutomaton:
    infos = []
    for w in words:
        folded = fold_text(w).strip(GAP)
        key = folded.replace(GAP, "")
        infos.append(KeywordInfo(key, (w,), key.isascii() and key.isalnum(), GAP in folded))
    return KeywordAutomaton(infos)


def found(a: KeywordAutomaton, text: str) -> list[tuple[str, str]]:
    return [(h.tag, text[h.start : h.end]) for h in a.find(fold_text(text))]


def test_every_occurrence_is_found_like_a_naive_search():
    words = ["he", "she", "his", "hers", "退款", "双倍退款", "加微信", "微信", "款退"]
    a = automaton(*words)
    rng = random.Random(7)
    alphabet = "abehirs退款双倍加微信 "
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        folded = fold_text(text)
        got = sorted((end, kid) for end, ids in a.raw_matches(folded) for kid in ids)
        positions = [i for i, ch in enumerate(folded) if ch != GAP]
        compact = folded.replace(GAP, "")
        expected = []
        for kid, info in enumerate(a.keywords):
            start = compact.find(info.key)
            while start >= 0:
                expected.append((positions[start + len(info.key) - 1], kid))
                start = compact.find(info.key, start + 1)
        assert got == sorted(expected), text


def test_spans_worked_out_during_the_scan_are_those_of_the_raw_matches():
    # spans() finds a gap inside a keyword from the last gap it passed; the raw matches' way slices
    a = automaton("退款", "双倍退款", "加微信", "微信", "qq", "ups", "gift card", "kefu", "拨打9", "款退")
    rng = random.Random(11)
    alphabet = [*"退款双倍加微信qupskef9", "gift", "card", "拨打", " ", "-", "  "]
    for _ in range(3000):
        folded = fold_text("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))))
        assert sorted(a.spans(folded)) == sorted(a._spans_of(folded, a.raw_matches(folded))), folded
    flood = fold_text("退 款" * 2_000 + "加微信")
    assert a.spans(flood) == a._spans_of(flood, a.raw_matches(flood))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我要双倍退款", [("双倍退款", "双倍退款"), ("退款", "退款")]),
        ("加 微 信", [("加微信", "加 微 信"), ("微信", "微 信")]),
        ("Q Q号", [("qq", "Q Q")]),
        ("my QQ is", [("qq", "QQ")]),
        ("groups", []),  # 'ups' inside a word
        ("UPS truck", [("ups", "UPS")]),
        ("set up s.", []),  # 'up s' is not a spelled-out 'ups'
        ("gift-card", [("gift card", "gift-card")]),
        ("giftcard", [("gift card", "giftcard")]),
        ("k e f u", [("kefu", "k e f u")]),
        ("make fun", []),
        ("退" + " " * 40 + "款", []),  # too spread out to be one keyword
    ],
)
def test_matches_and_word_rules(text, expected):
    a = automaton("退款", "双倍退款", "加微信", "微信", "qq", "ups", "gift card", "kefu")
    assert found(a, text) == expected


def test_scan_time_grows_linearly_on_hostile_text():
    a = automaton("a" * 20 + "b", "aa", "aaa", "退款", "退" * 10 + "x")
    small, large = "a" * 20_000, "a" * 200_000
    t0 = time.process_time()  # CPU time: a busy machine does not skew the ratio
    a.raw_matches(small)
    t1 = time.process_time()
    a.raw_matches(large)
    t2 = time.process_time()
    assert (t2 - t1) < 30 * max(t1 - t0, 1e-4)  # 10x the text: far from 100x


def test_a_flood_of_one_keyword_is_capped_but_cannot_hide_another_after_it():
    a = automaton("退款", "验证码")
    matches = a.raw_matches("退款" * 100_000 + "验证码")
    assert len(matches) <= 1024 + 16
    assert a.keywords[matches[-1][1][0]].key == "验证码"


def test_a_dropped_automaton_frees_its_states_without_the_cyclic_collector():
    import gc

    words = ["abab", "bab", "退款退款", "款退", "加微信", "微信", "qq", "gift card"]
    gc.disable()
    try:
        gc.collect()
        a = automaton(*words)
        assert [h.tag for h in a.find(fold_text("ababab 退款退款退 加微信"))]
        del a
        assert gc.collect() == 0  # nothing left in cycles for the collector to find
    finally:
        gc.enable()
