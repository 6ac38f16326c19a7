"""The fourteenth URL session's list entries (Irish, Colombian and Malaysian banks, Monex, the
CRA's and Tesla's short names, Chinese banks' pinyin initials, two brands' own sites that were
cautions) and the word 'mob': each official domain verified, the names real scam sites gave them
warned, and genuine sites with the same letters quiet."""

from __future__ import annotations

import pytest

from .url_support import assert_url_case


@pytest.mark.parametrize(
    ("url", "brand"),
    [
        ("https://aib.ie/", "aib"),
        ("https://personal.bankofireland.com/", "bank_of_ireland"),
        ("https://www.permanenttsb.ie/", "permanent_tsb"),
        ("https://www.bancolombia.com/", "bancolombia"),
        ("https://www.bancolombia.com.co/", "bancolombia"),  # its own, under Colombia's ending
        ("https://www.davivienda.com/", "davivienda"),
        ("https://www.rhbgroup.com/", "rhb"),
        ("https://www.rhbbank.com.my/", "rhb"),
        ("https://www.monex.co.jp/", "monex"),
        ("https://www.monexgroup.jp/", "monex"),  # the parent's site: was a combo of monex and group
        ("https://www.ocbcwhhk.com/", "ocbc"),  # OCBC Wing Hang: was a noisy token
        ("https://www.mydocomo.com/", "docomo"),  # My docomo: was a combo of my and docomo
        ("https://www.cra-arc.gc.ca/", "ca_cra"),
    ],
)
def test_the_added_official_domains_are_verified(engine, url, brand):
    result = engine.check_url(url)
    assert (result["level"], result["brand"]) == ("verified", brand)


@pytest.mark.parametrize(
    ("url", "level", "code", "brand"),
    [
        # the bank's own domain, then a hyphen and the scammer's name: reads as permanenttsb.ie
        ("https://permanenttsb.ie-open24.info/", "danger", "lookalike.embedded_domain", "permanent_tsb"),
        ("https://aib-secure.com/", "danger", "lookalike.combo", "aib"),
        ("https://bankofireland-verify.com/", "danger", "lookalike.combo", "bank_of_ireland"),
        ("https://ptsb-open24.com/", "caution", "lookalike.noisy_token", "permanent_tsb"),
        ("https://cra-online-accept-return.cf/", "caution", "lookalike.combo", "ca_cra"),  # the CRA's initials
        ("https://2xtsla.io/", "caution", "lookalike.noisy_token", "tesla"),  # Tesla's ticker with noise
        ("https://tsla-giveaway.com/", "danger", "lookalike.combo", "tesla"),
        ("https://info-monex.example.cn/ITS-login/", "caution", "lookalike.brand_subdomain", "monex"),
        ("https://www.ocbcwhhkk.com/", "danger", "lookalike.typosquat", "ocbc"),  # one letter more
        ("https://davivienda-seguridad.com/", "danger", "lookalike.combo", "davivienda"),
        ("https://rhb-secure.com/", "danger", "lookalike.combo", "rhb"),
        # a Chinese bank's pinyin initials (浦发银行 pfyh, 工商银行 gsyh) with noise or scam words
        ("https://www.pfyhwzq.com/", "caution", "lookalike.noisy_token", "spdb"),
        ("https://gsyhkf.com/", "danger", "lookalike.combo", "icbc"),
        ("https://jsyh-jifen.cc/", "danger", "lookalike.combo", "ccb"),
        ("https://jsyh-jf.cc/", "danger", "lookalike.combo", "ccb"),  # jf: jifen (points) abbreviated
        # 'mob', mobile abbreviated, next to a bank's name
        ("https://uob-mob.com/", "caution", "lookalike.combo", "uob"),
        ("https://hsbcmob.com/", "caution", "lookalike.combo", "hsbc"),
    ],
)
def test_names_of_the_brands_added(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.davivienda.hn/",  # Davivienda's country sites (country_sites), not ending swaps
        "https://www.davivienda.com.sv/",
        "https://cra.org/",  # another body's initials under an ordinary ending
        "https://www.craigslist.org/",
        "https://aibang.com/",
        "https://ninjabank.com/",
        "https://flashmob.com/",  # 'mob' inside ordinary names, with no brand
        "https://smartmob.io/",
        "https://crafts-mob.com/",
        "https://msyhfont.com/",  # msyh is also Microsoft YaHei, the font: no bank's initials
        "https://uobmob.com/",  # three letters run together with a word: ordinary names (the rule needs a hyphen)
    ],
)
def test_real_sites_with_the_same_letters_stay_quiet(engine, url):
    result = engine.check_url(url)
    assert result["level"] == "none", result["reasons"]
