"""The cheap tests that let the chat check skip work (one search before a rule family or an
extraction runs) must never change what comes out: each is compared here with the work done in full."""

from __future__ import annotations

import random
import re

import pytest

from kefuguard.detect.text import entities
from kefuguard.detect.text.keyword_automaton import Hit
from kefuguard.detect.text.normalize import clean_text, fold_text

# what stands around numbers in real messages: their words (codes, QQ, calls), signs, brackets, the
# letter O written for a zero, and the shapes of every kind (11-digit mobiles, 95xxx, 1-800-…, IDs)
_PIECES = [
    "验证码", "code", "qq", "QQ号", "加q", "加v", "tel", "call", "电话", "咨询", "拨打", "whatsapp", "+", "+ ",
    "(", ")", "[", "]", "（", "）", "-", " ", "  ", "   ", "o", "O", "8oo", "1-8oo-", "x", "X", "元", "$", "¥",
    "rs", "kefu", "1-800-FLOWERS", "13 22 21", "1 2 3 4 5 6 7", "，", "。", "a", "b", "订单", "12", "1", "2",
    "3", "0", "95", "400", "86", "138", "1300", "110", "5", "9", "7", "一三八一二三四五六七八", "一二三", "幺零零",
    "五六七八", "零",
]  # fmt: skip


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 14))) for _ in range(n)]


def _numbers(text: str) -> list[entities.Entity]:
    folded = fold_text(clean_text(text))
    # the hits the keyword scan gives for the code and QQ words ('验证码 1234', 'qq 12345')
    codes = [Hit("code_word", m.start(), m.end()) for m in re.finditer("验证码|code", folded)]
    im = [Hit("im", m.start(), m.end()) for m in re.finditer("qq号|qq", folded)]
    return entities.extract_numbers(folded, text, im, codes)


def test_numbers_the_same_without_the_run_test(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts(10_000, 13)
    with_test = [_numbers(t) for t in texts]
    skipped = [t for t in texts if entities._NUMBER_RUN.search(fold_text(clean_text(t))) is None]
    assert len(skipped) > 1_000  # texts the test skips ...
    monkeypatch.setattr(entities, "_NUMBER_RUN", re.compile(""))  # always a run: the full work
    without = [_numbers(t) for t in texts]
    assert with_test == without
    assert sum(1 for found in without if found) > 1_000  # ... and texts with numbers


def test_shortest_numbers_still_read() -> None:
    assert [e.kind for e in _numbers("验证码 1234")] == ["code"]
    assert [e.kind for e in _numbers("验证码 1 8oo")] == ["code"]  # the letter O for a zero counts
    assert [e.kind for e in _numbers("qq 12345")] == ["qq"]
    assert [e.phone_kind for e in _numbers("95588")] == ["cn_service"]
    assert _numbers("验证码 123") == []


def test_trie_regex_finds_what_the_flat_alternation_finds() -> None:
    from kefuguard.detect.text import told_claims
    from kefuguard.detect.text.word_trie import trie_regex

    words = told_claims._HEAD_WORDS
    flat = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    trie = re.compile(trie_regex(words))
    rng = random.Random(5)
    alphabet = sorted({ch for w in words for ch in w}) + [" ", "，", "x"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(3_000)]
    texts += ["".join(rng.choice(words) for _ in range(rng.randint(1, 8))) for _ in range(3_000)]
    for text in texts:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
    small = ["ab", "abcd", "b", "bc", "a.b", "a"]
    pattern = re.compile(trie_regex(small))
    for text in ("abcd", "abc", "a.bc", "xbcab", "aab"):
        flat_small = re.compile("|".join(map(re.escape, sorted(small, key=len, reverse=True))))
        assert pattern.findall(text) == flat_small.findall(text)


def _phrase_texts(n: int, seed: int) -> list[str]:
    """Texts made of the chat check's own phrases (every tag's, so a new word is in them at once),
    joined by the small words and signs that the rules read around them."""
    from kefuguard.detect.text.notice_words import NOTICE_PHRASES
    from kefuguard.detect.text.phrases import PHRASES

    phrases = sorted({p for table in (PHRASES, NOTICE_PHRASES) for words in table.values() for p in words})
    glue = ["", "", " ", "，", "。", "我是", "您的", "your ", "请", "不要", "如果", "we ", "已", "：", "http://a1b2c3.top/x",
            "13800138000", "验证码 482910", "qq 12345678", "www.taobao.com", "【京东】", "淘宝", "Amazon ", "“", "”"]  # fmt: skip
    rng = random.Random(seed)
    return ["".join(rng.choice(phrases) + rng.choice(glue) for _ in range(rng.randint(1, 7))) for _ in range(n)]


def test_every_tactic_fires_only_with_a_tag_it_is_run_for(engine) -> None:
    """find_tactics runs a tactic only when the message has one of its _NEEDS tags (or entity kinds):
    run ungated on texts of every phrase, no tactic may fire without one (a rule or a word that
    would let it escape the gate fails here)."""
    from kefuguard.detect.text import analysis
    from kefuguard.detect.text import tactics as t

    index = engine.text_index()
    seen = 0
    captured: list[t.MessageHits] = []
    original = analysis.find_tactics

    def capture(m: t.MessageHits) -> list[t.Finding]:
        captured.append(m)
        return original(m)

    analysis.find_tactics = capture
    try:
        for text in _phrase_texts(2_500, 7):
            analysis.analyse_message(text, "incoming", index, 20_000)
    finally:
        analysis.find_tactics = original
    for m in captured:
        present = set(m.by_tag) | {e.kind for e in m.entities}
        for tactic in t.TACTICS:
            if tactic(t.MessageHits(m.folded, m.text, m.by_tag, m.entities, m.index)) is not None:
                seen += 1
                assert present & t._NEEDS[tactic], (tactic.__name__, sorted(present))
    assert seen > 1_000


def _required_words(alternative) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The literal words each required part of one alternative of a parsed pattern is made of: a run
    of literals, or a group of an alternation of literal runs."""
    from re import _constants as c  # type: ignore[attr-defined]

    parts: list[list[str]] = []
    run = ""
    for op, av in alternative.data:
        if op is c.LITERAL:
            run += chr(av)
            continue
        if run:
            parts.append([run])
            run = ""
        if op is c.SUBPATTERN and len(av[3].data) == 1:  # a capturing group: what is inside it
            op, av = av[3].data[0]
        if op is c.BRANCH:  # a non-capturing group of alternatives stands in the sequence itself
            words = ["".join(chr(v) for o, v in alt.data if o is c.LITERAL) for alt in av[1]]
            if all(len(w) == len(alt.data) for w, alt in zip(words, av[1], strict=True)):
                parts.append(words)
    if run:
        parts.append([run])
    return parts


def test_every_greeting_holds_a_cue_word() -> None:
    """sender_frame looks for _DEAR_FRAME only where _GREETING_CUE's words are: each alternative of
    the pattern must require one of them (a greeting added without one fails here)."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    from kefuguard.detect.text import sender_frame as sf

    cues = sf._GREETING_CUE.pattern.split("|")
    parsed = _parser.parse(sf._DEAR_FRAME.pattern, sf._DEAR_FRAME.flags)
    assert len(parsed.data) == 1 and parsed.data[0][0] is c.BRANCH
    for alternative in parsed.data[0][1][1]:
        assert any(
            all(any(cue in word.lower() for cue in cues) for word in words) for words in _required_words(alternative)
        ), alternative
    # the pattern ignores case and the cue does not: folding leaves every letter of the cues in lower case
    everything = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    for letter in {ch for cue in cues for ch in cue if ch.isascii()}:
        twins = re.findall(re.escape(letter), everything, re.IGNORECASE)
        assert {fold_text(t) for t in twins} == {letter}


def test_sender_frames_the_same_as_one_pattern_found() -> None:
    """The bracket frame as two patterns and the greeting after its cue: what the single patterns found."""
    from kefuguard.detect.text import sender_frame as sf

    bracket = re.compile(r"^\s*[【\[〖「]([^】\]〗」\n]{1,20})[】\]〗」]|[【\[〖「]([^】\]〗」\n]{1,20})[】\]〗」]\s*[。.]?\s*$")
    pieces = ["【工商银行】", "[建设银行]", "〖福建省醫保局〗", "「x」", "【", "】", "[", "]", "\n", " ", "。", ".", "您好",
              "尊敬的客户", "亲爱的用户", "亲，", "用户您好", "Dear customer", "DEAR valued member", "dear", "USPS:",
              "Chase Fraud alert - ", "请登录", "abc", "12", ":"]  # fmt: skip
    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        m = bracket.search(text)
        split = sf._BRACKET_AT_START.match(text) or sf._BRACKET_AT_END.search(text)
        assert (m.span() if m else None) == (split.span() if split else None), text
        folded = fold_text(text)
        full = sf._DEAR_FRAME.search(folded[: sf.SENDER_FRAME_SEARCH])
        assert full is None or sf._GREETING_CUE.search(folded[: sf.SENDER_FRAME_SEARCH]) is not None, text
