"""Text folding: one character out per character in, evasions folded, spans map back to the original."""

from __future__ import annotations

import pytest

from kefuguard.detect.text.normalize import (
    GAP,
    TRADITIONAL_TO_SIMPLIFIED,
    clean_text,
    fold_phrase,
    fold_text,
)
from tests.detect.text_support import check


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("加 微 信", "加微信"),
        ("加-微-信", "加微信"),
        ("退\u200b款", "退款"),  # zero-width space
        ("退\u200d款\ufeff", "退款"),  # zero-width joiner, BOM
        ("退😀款", "退款"),  # emoji between characters
        ("退*款", "退款"),
        ("退·款", "退款"),
        ("退…款", "退款"),
        ("ＶＸ", "vx"),  # full width
        ("Ｑ Ｑ", "qq"),
        ("ⓠⓠ", "qq"),  # circled letters
        ("淘寶客服", "淘宝客服"),  # traditional
        ("驗證碼", "验证码"),
        ("銀行卡號", "银行卡号"),
        ("轉帳到安全帳戶", "转账到安全账户"),
        ("雙倍賠償", "双倍赔偿"),
        ("螢幕共享", "萤幕共享"),  # any traditional character, not only those of our phrases
        ("確認地址", "确认地址"),
        ("處於禁用狀態", "处于禁用状态"),
        ("帳戶", "账户"),  # 帳 -> 帐 -> 账
        ("ＴＵＩ ＫＵＡＮ", "tuikuan"),
    ],
)
def test_evasions_fold_to_the_plain_phrase(text, phrase):
    assert fold_phrase(text) == phrase


@pytest.mark.parametrize(
    "text",
    ["", "abc", "加 微 信", "😀" * 5, "e\u0301", "ﬁ", "㎡", "İstanbul", "\ud7ff", "混合 mixed русский العربية"],
)
def test_folded_text_has_the_same_length_so_spans_map_back(text):
    assert len(fold_text(text)) == len(text)


def test_sentence_punctuation_is_kept_as_a_boundary_not_a_gap():
    assert fold_text("退，款") == "退,款"  # NFKC: full-width comma -> ','
    assert fold_text("退。款") == "退。款"
    assert fold_phrase("退，款") == "退,款"


def test_spaces_symbols_and_format_characters_become_gaps():
    folded = fold_text("a\u00a0b\u2060c\u0301d\te")
    assert folded == f"a{GAP}b{GAP}c{GAP}d{GAP}e"


def test_traditional_table_maps_only_traditional_characters():
    simplified = set(TRADITIONAL_TO_SIMPLIFIED.values())
    assert not simplified & set(TRADITIONAL_TO_SIMPLIFIED)  # no chains, no simplified key
    assert len(TRADITIONAL_TO_SIMPLIFIED) > 3000


def test_clean_text_removes_nul_and_replaces_lone_surrogates():
    assert clean_text("a\x00b") == "ab"
    cleaned = clean_text("a\ud800b\x00")
    assert cleaned == "a?b"
    cleaned.encode("utf-8")  # must not raise


def test_digits_standing_for_letters_inside_words_are_read_as_letters():
    assert fold_text("Y0ur Amaz0n acc0unt has been l0cked, Ver1fy n0w") == "your amazon account has been locked, verify now"
    # numbers, codes and accounts keep their digits: only a digit between two letters is a letter
    assert fold_text("code 123456, QQ 2839475610, kf8899a, 3 days") == "code 123456, qq 2839475610, kf8899a, 3 days"


def test_a_capital_i_standing_for_an_l_is_read_as_one():
    assert fold_text("This is PayPaI support") == "this is paypal support"
    assert fold_text("我是AIipay客服") == "我是alipay客服"
    # a capital I that is one: a word of its own, an acronym, a name's capital
    assert fold_text("If I can, OpenAI on iOS") == "if i can, openai on ios"


def test_a_brand_written_with_a_capital_i_for_an_l_is_recognised():
    result = check("This is PayPaI support, your account is limited, call 1-888-555-0100")
    assert result.level in ("caution", "danger")
    assert result.brand == "paypal"
