"""Real regional sites are never at danger on a name-only resemblance (issue 14): a town's bank whose
initials are another bank's, a credit union whose name runs into a listed token, another country's
post under its own ending, a government's own subdomains, a brand's affiliate with an affix. Each
real shape beside scam shapes with the same words, which keep their warning."""

from __future__ import annotations

import pytest

from tests.detect.url_support import assert_url_case

# (url, level, code, brand): the real site first, then scam shapes with its words
CASES = [
    # initials and the same word: another town's bank, not a slip (Xingtai, Zigong, Taizhou, Wenzhou Minshang)
    ("https://www.xtbank.com/", "none", "none.unlisted", None),
    ("https://www.zgbank.com.cn/", "none", "none.unlisted", None),
    ("https://www.tzbank.com/", "none", "none.unlisted", None),
    ("https://www.ms-bank.cn/", "none", "none.unlisted", None),
    ("https://www.qhdbank.cn/", "none", "none.unlisted", None),  # Qinhuangdao Bank, not RHB in small type
    ("https://xwbamk.com/", "danger", "lookalike.typosquat", "xw_bank"),  # a slip in the word
    ("https://tdbamk.com/", "danger", "lookalike.typosquat", "td_bank"),
    ("https://rhbbamk.com/", "danger", "lookalike.typosquat", "rhb"),
    ("https://xwbank-verify.com/", "danger", "lookalike.combo", "xw_bank"),
    ("https://tdbank.top/", "danger", "lookalike.tld_swap", "td_bank"),
    ("https://xtmall.com/", "caution", "lookalike.typosquat", "tmall"),  # one letter and a word is a name
    # initials and a word set apart: caution, not danger; a scam word makes it danger
    ("https://www.jn-bank.com/", "caution", "lookalike.hyphenation", "jiangnan_rcb"),
    ("https://td-bank.com/", "caution", "lookalike.hyphenation", "td_bank"),
    ("https://td-bank-login.com/", "danger", "lookalike.combo", "td_bank"),
    # a short rare token made of a name's letters and the word that ends it
    ("https://www.advfinfcu.com/", "none", "none.unlisted", None),  # Advanced Financial FCU
    ("https://www.northernlightscu.com/", "none", "none.unlisted", None),
    ("https://www.jejubank.co.kr/", "none", "none.unlisted", None),  # Jeju Bank: 'ubank' is no token here
    ("https://www.fjhxbank.com/", "verified", "official.domain", "fujian_haixia_bank"),  # now on the list
    ("https://nfcu-login.com/", "danger", "lookalike.combo", "navy_federal"),
    ("https://nfcusecure.com/", "danger", "lookalike.combo", "navy_federal"),
    ("https://nfcuxx.com/", "caution", "lookalike.noisy_token", "navy_federal"),
    ("https://hxbank.com/", "caution", "lookalike.noisy_token", "hxb"),  # the token first: still the bank's
    ("https://hxbvip.com/", "danger", "lookalike.combo", "hxb"),
    ("https://uspspeace.com/", "caution", "lookalike.noisy_token", "usps"),  # stops where a word starts
    ("https://www.jejubank.co.kr/", "none", "none.unlisted", None),  # Jeju Bank, not ubank (Australia)
    ("https://ubank-login.com/", "danger", "lookalike.combo", "ubank_au"),
    ("https://loginfcu.com/", "danger", "lookalike.combo", "navy_federal"),
    # a town's savings or cooperative bank under the country's ending
    ("https://www.sparkasse-aachen.de/", "none", "none.unlisted", None),
    ("https://www.stadtsparkasse-muenchen.de/", "none", "none.unlisted", None),
    ("https://www.volksbank-mittelhessen.de/", "none", "none.unlisted", None),
    ("https://sparkasse-login.de/", "danger", "lookalike.combo", "sparkasse"),
    ("https://sparkasse-kundenservice.de/", "danger", "lookalike.combo", "sparkasse"),
    ("https://sparkasse-pushtan.com/", "danger", "lookalike.combo", "sparkasse"),  # not the country's ending; pushTAN is a scam word
    ("https://sparkasse.top/", "danger", "lookalike.tld_swap", "sparkasse"),
    # another country's post or bank under its own ending: its own name
    ("https://www.poste.sm/", "none", "none.unlisted", None),
    ("https://www.laposte.tg/", "none", "none.unlisted", None),
    ("https://www.ems.dz/", "none", "none.unlisted", None),
    # another country's own ending: caution at most for a one-country brand's name (its local arm or not)
    ("https://www.icbc.com.ar/", "caution", "lookalike.tld_swap", "icbc"),  # ICBC Argentina
    ("https://www.bbva.com.co/", "caution", "lookalike.tld_swap", "bbva"),  # com.co is Colombia's, .co anyone's
    ("https://airchina.vn/", "caution", "lookalike.tld_swap", "airchina"),
    ("https://bbva.co/", "danger", "lookalike.tld_swap", "bbva"),
    ("https://poste.top/", "danger", "lookalike.tld_swap", "poste_italiane"),
    ("https://laposte.xyz/", "danger", "lookalike.tld_swap", "la_poste"),
    ("https://ems-cn.top/", "danger", "lookalike.combo", "china_post_ems"),  # not hidden by ebscn one letter away
    # a label that is a word of its own (henkin, 'refund') is no slip of a brand one letter away (nenkin)
    ("https://henkin.com/", "none", "none.unlisted", None),
    ("https://henkin.top/", "caution", "url.scam_theme", None),
    ("https://nenkln.com/", "danger", "lookalike.homograph", "japan_pension_service"),
    # .post is registered only to postal operators
    ("https://www.postnl.post/", "none", "none.unlisted", None),
    ("https://postnl.top/", "danger", "lookalike.tld_swap", "postnl"),
    ("https://postnl-track.com/", "danger", "lookalike.combo", "postnl"),
    # a government's own subdomains
    ("https://correosytelegrafos.civ.gob.gt/", "none", "none.unlisted", None),
    ("https://correos.entrega-pago.com/", "danger", "lookalike.brand_subdomain", "correos"),
    # an affiliate's affix: caution; under a cheap ending or with a scam word, danger
    ("https://www.e-chinalife.com/", "caution", "lookalike.noisy_token", "chinalife"),
    ("https://www.chinalife-p.com.cn/", "caution", "lookalike.noisy_token", "chinalife"),
    ("https://chinalife-p.top/", "danger", "lookalike.typosquat", "chinalife"),
    ("https://chinalifee.com/", "danger", "lookalike.typosquat", "chinalife"),
    ("https://chinalife-verify.com/", "danger", "lookalike.combo", "chinalife"),
    # bpost's own tracking site
    ("https://track.bpost.cloud/btr/web/", "verified", "official.domain", "bpost"),
    ("https://bpost.top/", "danger", "lookalike.tld_swap", "bpost"),
]


@pytest.mark.parametrize(("url", "level", "code", "brand"), CASES)
def test_regional_site_case(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)


def test_real_shapes_are_never_at_danger(engine):
    real = [url for url, level, _, _ in CASES if level in ("none", "verified") or "www." in url]
    assert all(engine.check_url(url)["level"] != "danger" for url in real)
