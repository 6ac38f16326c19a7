"""The list10 entries (the NHS, O2 (UK), Western Union, Turkcell, Equity Bank, IMSS, Resona Bank,
Vodacom, Viettel and Viettel Post; ba.com for British Airways and vpass.jp for Sumitomo Mitsui Card):
each official domain verified, made-up scam names with the brand's name warned, and genuine sites and
messages in each brand's own voice quiet."""

from __future__ import annotations

import pytest

from tests.detect.text_support import check

from .url_support import assert_url_case


@pytest.mark.parametrize(
    ("url", "brand"),
    [
        ("https://www.nhs.uk/", "nhs_uk"),
        ("https://www.o2.co.uk/", "o2_uk"),
        ("https://www.westernunion.com/", "western_union"),
        ("https://www.ba.com/", "british_airways"),
        ("https://www.britishairways.com/", "british_airways"),
        ("https://vpass.jp/usage2m/", "smbc"),  # was an ending swap of vpass.ne.jp
        ("https://www.turkcell.com.tr/", "turkcell"),
        ("https://equitybankgroup.com/", "equity_bank"),
        ("https://www.imss.gob.mx/", "mx_imss"),
        ("https://www.resonabank.co.jp/", "resona_bank"),
        ("https://www.resona-gr.co.jp/", "resona_bank"),  # the group's site: was a combo of resona and gr
        ("https://www.vodacom.co.za/", "vodacom"),
        ("https://www.vodacombusiness.co.za/", "vodacom"),  # was a noisy token of vodacom
        ("https://www.vodacom.com/", "vodacom"),
        ("https://viettel.vn/", "viettel"),
        ("https://viettel.com.vn/", "viettel"),
        ("https://viettelstore.vn/", "viettel"),
        ("https://viettelpost.com.vn/", "viettel_post"),  # Viettel's courier, a brand of its own
    ],
)
def test_the_added_official_domains_are_verified(engine, url, brand):
    result = engine.check_url(url)
    assert (result["level"], result["brand"]) == ("verified", brand)


@pytest.mark.parametrize(
    ("url", "level", "code", "brand"),
    [
        ("https://nhs-refund.com/", "danger", "lookalike.combo", "nhs_uk"),
        ("https://nhs-uk.com/", "caution", "lookalike.combo", "nhs_uk"),
        ("https://westernunion-refund.com/", "danger", "lookalike.combo", "western_union"),
        ("https://westernunion.co.uk/", "caution", "lookalike.tld_swap", "western_union"),
        ("https://ba-refund.com/", "danger", "lookalike.combo", "british_airways"),
        ("https://turkcell-odeme.com/", "danger", "lookalike.combo", "turkcell"),
        ("https://imss-citas.com/", "caution", "lookalike.noisy_token", "mx_imss"),
        ("https://resona-login.com/", "danger", "lookalike.combo", "resona_bank"),
        ("https://vodacom-rewards.com/", "danger", "lookalike.combo", "vodacom"),
        ("https://viettel-money.com/", "caution", "lookalike.noisy_token", "viettel"),
    ],
)
def test_names_of_the_brands_added(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)


@pytest.mark.parametrize(
    "url",
    [
        # under nhs.uk, a public suffix, each site is a name of its own; the NHS's other endings are
        # not listed (nhs.net would make the bare nhs.uk of NHS texts an ending swap): all unwarned
        "https://nhs.uk/book-a-vaccine",
        "https://www.nhs.net/",
        "https://www.nhs.scot/",
        "https://www.nhs.wales/",
        "https://login.nhs.uk/",  # NHS login: not listed ('login' would become the NHS's name), not warned
        "https://www.nhsinform.scot/",  # NHS Scotland's health information site, on the popular list
        "https://www.nhsa.gov.cn/",  # China's healthcare security administration, verified as its own
        "https://swimsuit.com/",  # 'imss' across a word break
        "https://o2online.de/",  # O2 in Germany: two characters are no name under another ending
        "https://www.o2.cz/",
        "https://vodacom.co.tz/",  # Vodacom's country sites (country_sites), not ending swaps
        "https://www.vodacom.cd/",
    ],
)
def test_real_sites_near_the_new_names_stay_unwarned(engine, url):
    result = engine.check_url(url)
    assert result["level"] in ("none", "verified"), result["reasons"]


@pytest.mark.parametrize(
    ("text", "brand"),
    [
        (
            "NHS: Your COVID-19 vaccination appointment is confirmed for 12 Dec at 10:30. "
            "To manage it visit https://www.nhs.uk/book-a-vaccination",
            "nhs_uk",
        ),
        ("O2: Your bill of £23.50 is ready. View it in My O2 or at https://www.o2.co.uk/myo2", "o2_uk"),
        (
            "Western Union: Your transfer MTCN 1234567890 has been picked up by the receiver. "
            "Track at https://www.westernunion.com",
            "western_union",
        ),
        (
            "British Airways: Your flight BA117 to New York is ready for check-in. Check in at https://www.ba.com/checkin",
            "british_airways",
        ),
        (
            "【三井住友カード】ご利用のお知らせ。ご利用金額：3,000円。詳細はVpassでご確認ください https://vpass.jp/usage2m/",
            "smbc",
        ),
        ("Turkcell: Faturaniz hazir. Detaylar icin https://www.turkcell.com.tr adresini ziyaret edin.", "turkcell"),
        (
            "Equity Bank: Your account has been credited with KES 5,000. Visit https://equitybankgroup.com for details.",
            "equity_bank",
        ),
        ("IMSS: Su cita ha sido confirmada. Consulte https://www.imss.gob.mx para mas informacion.", "mx_imss"),
        ("【りそな銀行】お振込みを受け付けました。詳細はマイゲートでご確認ください https://www.resonabank.co.jp/", "resona_bank"),
        ("Vodacom: Your data bundle of 1GB has been activated. Check your balance at https://www.vodacom.co.za", "vodacom"),
        ("Viettel Post: Don hang cua ban dang duoc giao. Tra cuu tai https://viettelpost.com.vn", "viettel_post"),
    ],
)
def test_genuine_messages_of_the_new_brands_stay_quiet(text, brand):
    result = check(text)
    assert (result.level, result.brand) == ("none", brand), [r.code for r in result.reasons]


@pytest.mark.parametrize(
    ("text", "level", "brand"),
    [
        (
            "NHS: You are eligible for a tax-free refund of £215. Claim now at https://nhs-refund.com before it expires",
            "danger",
            "nhs_uk",
        ),
        (
            "Western Union: A transfer of $950 is on hold. Pay the release fee at https://westernunion-refund.com",
            "danger",
            "western_union",
        ),
        ("Turkcell: 50GB hediye internet kazandiniz! https://turkcell-odeme.com", "danger", "turkcell"),
        (
            "IMSS: Tiene un pago pendiente. Ingrese a https://imss-citas.com para evitar la suspension",
            "caution",
            "mx_imss",
        ),
    ],
)
def test_the_scam_shape_with_the_same_names_is_warned(text, level, brand):
    result = check(text)
    assert (result.level, result.brand) == (level, brand), [r.code for r in result.reasons]
