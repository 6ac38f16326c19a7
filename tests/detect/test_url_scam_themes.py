"""A site named for a scam's theme and no brand (a tax refund, a toll, a parcel, an account to
verify, customer service and refunds), under an ending throwaway sites favour: url.scam_theme,
caution, with the theme's own advice. Under ordinary endings, or where the word only starts or
ends an ordinary word, nothing."""

from __future__ import annotations

import pytest

from kefuguard.detect.url import advice
from kefuguard.detect.url.scam_themes import THEME_OF_WORD, THEME_WORDS_ZH, THEMES, WHOLE_PART_ONLY
from kefuguard.detect.url.scam_words import STRONG_SCAM_WORDS
from kefuguard.detect.url.site_names import theme_word

from .url_support import assert_url_case

CASES = [
    # one theme word, noise around it, a throwaway ending
    ("https://etollli.top/", "caution", "url.scam_theme", None),  # e-toll at the start of the name
    ("https://tollservices.vip/", "caution", "url.scam_theme", None),
    ("https://mytollpay.top/", "caution", "url.scam_theme", None),  # a word break: my + toll + pay
    ("https://taxrebate24.xyz/", "caution", "url.scam_theme", None),
    ("https://tax-2024.icu/", "caution", "url.scam_theme", None),  # a short word as a whole part
    ("https://myrebate.cyou/", "caution", "url.scam_theme", None),  # at the end: 5+ letters
    ("https://parcel-hold7.sbs/", "caution", "url.scam_theme", None),
    ("https://redelivery-jp.click/", "caution", "url.scam_theme", None),
    ("https://zoll-gebuehr.cfd/", "caution", "url.scam_theme", None),  # German: customs
    ("https://douane-frais.buzz/", "caution", "url.scam_theme", None),  # French: customs
    ("https://peaje-pendiente.live/", "caution", "url.scam_theme", None),  # Spanish: toll
    ("https://verify-account.bond/", "caution", "url.scam_theme", None),
    ("https://kefu-online.xyz/", "caution", "url.scam_theme", None),
    ("https://tuikuan88.vip/", "caution", "url.scam_theme", None),
    ("https://rimborso-online.rest/", "caution", "url.scam_theme", None),  # Italian: refund
    ("https://退税.top/", "caution", "url.scam_theme", None),  # Chinese in an IDN label
    ("https://客服中心.shop/", "caution", "url.scam_theme", None),
    # the same names under ordinary endings: real businesses use these words too
    ("https://taxrebate24.com/", "none", "none.unlisted", None),
    ("https://etollli.com/", "none", "none.unlisted", None),
    ("https://tax-rebate.com/", "none", "none.unlisted", None),
    # words that start or end ordinary words count only whole
    ("https://taxi.top/", "none", "none.unlisted", None),
    ("https://syntax.xyz/", "none", "none.unlisted", None),
    ("https://atoll.shop/", "none", "none.unlisted", None),  # a 4-letter word at the end does not count
    ("https://paketwisata.shop/", "none", "none.unlisted", None),  # Indonesian: tour package
    ("https://claimant.top/", "none", "none.unlisted", None),
    # a more specific rule wins: a fake government site, a brand's combo
    ("https://tax-gov.top/", "caution", "url.fake_government", None),
    ("https://usps-toll.top/", "danger", "lookalike.combo", "usps"),
    # two strong words need no throwaway ending, and keep their own reason
    ("https://parcel-redelivery.com/", "caution", "lookalike.scam_words", None),
]


@pytest.mark.parametrize(("url", "level", "code", "brand"), CASES, ids=[c[0] for c in CASES])
def test_scam_theme_case(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)


@pytest.mark.parametrize(
    ("url", "theme"),
    [
        ("https://taxrebate24.xyz/", "tax"),
        ("https://etollli.top/", "toll"),
        ("https://parcel-hold7.sbs/", "parcel"),
        ("https://verify-account.bond/", "account"),
        ("https://kefu-online.xyz/", "refund"),
        ("https://zhuxiao88.top/", "cancel"),
    ],
)
def test_the_advice_is_the_themes_own(engine, url, theme):
    result = engine.check_url(url)
    assert result["reasons"][0]["code"] == "url.scam_theme"
    assert result["advice"] == [advice.SCAM_THEME_SITE[theme].en]
    assert result["advice_zh"] == [advice.SCAM_THEME_SITE[theme].zh]
    theme_en, theme_zh = THEMES[theme]
    assert theme_en in result["reasons"][0]["message"] and theme_zh in result["reasons"][0]["message_zh"]


def test_every_strong_scam_word_has_a_theme():
    """The one-word rule under a throwaway ending reports the word's theme: none may lack one."""
    assert set(STRONG_SCAM_WORDS) <= set(THEME_OF_WORD)


def test_every_theme_has_text_and_advice():
    used = set(THEME_OF_WORD.values()) | set(THEME_WORDS_ZH.values())
    assert used == set(THEMES) == set(advice.SCAM_THEME_SITE)
    assert WHOLE_PART_ONLY <= set(THEME_OF_WORD)


@pytest.mark.parametrize(
    ("label", "word"),
    [
        ("tollpay", "toll"),
        ("etollli", "etoll"),
        ("myrebate", "rebate"),
        ("x7-refunds", "refunds"),
        ("tax-2024", "tax"),
        ("taxi", None),
        ("atoll", None),
        ("customshirts", None),
        ("ab-cd", None),
    ],
)
def test_theme_word_is_a_whole_part_or_starts_or_ends_one(label, word):
    assert theme_word(label) == word


@pytest.mark.parametrize(
    ("url", "level", "code", "brand"),
    [
        # the banks, couriers, tax agencies and toll services the list names are combos, not themes
        ("https://ezdrivema-toll.top/", "danger", "lookalike.combo", "ezdrivema"),
        ("https://ncquickpass.com-pay.top/", "danger", "lookalike.embedded_domain", "nc_quick_pass"),
        ("https://peachpass-invoice.com/", "danger", "lookalike.combo", "peach_pass"),
        ("https://pnc-refund.top/", "danger", "lookalike.combo", "pnc"),
        ("https://usbank-verify.com/", "danger", "lookalike.combo", "us_bank"),
        ("https://desjardins-securite.com/", "danger", "lookalike.combo", "desjardins"),
        ("https://truist.top/", "danger", "lookalike.tld_swap", "truist"),
    ],
)
def test_a_listed_brand_of_the_theme_is_named(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)


PAIRED = [
    # a theme's word and one more word of a scam message or a country's code, nothing else, any ending
    ("https://accesso-restrizione.com/", "caution", "url.scam_theme", None),  # Italian: access + restriction
    ("https://versandverfolgungde.com/", "caution", "url.scam_theme", None),  # German parcel tracking + de
    ("https://rimborso-pagamento.com/", "caution", "url.scam_theme", None),  # Italian: refund + payment
    ("https://zoll-gebuehr-de.com/", "none", "none.unlisted", None),  # an unknown word: no pair
    ("https://peaje-pago24.es/", "caution", "url.scam_theme", None),  # Spanish: toll + payment
    ("https://tuikuan-jifen.cn/", "caution", "url.scam_theme", None),  # pinyin: refund + points
    ("https://verifica-dati.it/", "caution", "url.scam_theme", None),  # Italian: verify + data
    ("https://twtracking.com/", "caution", "url.scam_theme", None),  # parcel tracking + tw
    ("https://ca-espaceclients.com/", "caution", "url.scam_theme", None),  # French: customer area + ca
    ("https://espaceclientsecurise.com/", "caution", "url.scam_theme", None),  # customer area + secured
    # a help desk's words are no pair, nor an unknown word, nor one theme word alone
    ("https://tax-services.com/", "none", "none.unlisted", None),
    ("https://kefu-zhongxin.com/", "none", "none.unlisted", None),  # a service centre
    ("https://tracciamento-spedizione.com/", "none", "none.unlisted", None),  # a courier's tracking page
    ("https://parcel-tracking.com/", "none", "none.unlisted", None),  # two theme words
    ("https://espaceclient.fr/", "none", "none.unlisted", None),  # one theme word, an ordinary ending
    ("https://parcel-help.com/", "none", "none.unlisted", None),
    ("https://tax-advisor.com/", "none", "none.unlisted", None),
    ("https://taxi-uk.com/", "none", "none.unlisted", None),
    ("https://taxrefund.com/", "none", "none.unlisted", None),
    ("https://zollverein.de/", "none", "none.unlisted", None),
    ("https://zoll-paket.de/", "none", "none.unlisted", None),  # two words of the themes: tax-rebate too
    ("https://paketwisata-bali.com/", "none", "none.unlisted", None),
]


@pytest.mark.parametrize(("url", "level", "code", "brand"), PAIRED, ids=[c[0] for c in PAIRED])
def test_a_theme_paired_with_a_scam_word_or_country_code(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)


def test_the_paired_reason_names_both_words(engine):
    result = engine.check_url("https://accesso-restrizione.com/")
    reason = result["reasons"][0]
    assert "'restrizione'" in reason["message"] and "'accesso'" in reason["message"]
    assert "“restrizione”" in reason["message_zh"] and "“accesso”" in reason["message_zh"]
    assert result["advice"] == [advice.SCAM_THEME_SITE["account"].en]


@pytest.mark.parametrize(
    ("url", "level", "code", "brand"),
    [
        # ETC (electronic toll collection) with a few letters of noise and nothing else, any ending
        ("https://pvetc.com/", "caution", "url.scam_theme", None),
        ("https://etchyhy.com/", "caution", "url.scam_theme", None),
        ("https://etc-pay.top/", "caution", "url.scam_theme", None),
        # the letters inside words, more than four letters of noise, digits: nothing
        ("https://ketchup.com/", "none", "none.unlisted", None),
        ("https://etcetera.com/", "none", "none.unlisted", None),
        ("https://etc123.com/", "none", "none.unlisted", None),
        ("https://etc.com/", "none", "none.unlisted", None),
        # the toll services' own sites are verified first
        ("https://www.etc-meisai.jp/", "verified", "official.domain", "etc_meisai"),
        ("https://fetc.net.tw/", "verified", "official.domain", "fetc"),
    ],
)
def test_etc_with_noise_is_a_toll_site(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)


def test_the_etc_reason_and_advice(engine):
    result = engine.check_url("https://fqazetc.com/")
    assert "ETC" in result["reasons"][0]["message"] and "ETC" in result["reasons"][0]["message_zh"]
    assert result["advice"] == [advice.SCAM_THEME_SITE["toll"].en]
