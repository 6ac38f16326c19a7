"""Names written to pass for something they are not (name_tricks.py and the thirteenth URL session's
other rules): a 0 for a name's first letter o, an ending made of two endings a private company sells,
a server's numeric address written into the host, France's government ending run on after a name, a
brand's name of several words written with hyphens under a throwaway ending. Each a caution with its
own reason in both languages; the real sites beside each stay quiet or verified."""

from __future__ import annotations

import pytest

from kefuguard.detect.url.name_tricks import is_pseudo_ending

from .url_support import assert_url_case

CASES = [
    # a 0 where the name's first letter o would be (the tune half's 0nlyfans.fr, 0fficialflfa-eusale.shop)
    ("https://0nlyfans.fr/", "caution", "url.digit_for_letter", None),
    ("https://0fficial-prize-claim.com/", "caution", "url.digit_for_letter", None),
    ("https://0nedrive-files.net/login", "caution", "url.digit_for_letter", None),
    ("https://0fficesupport.weebly.com/", "caution", "url.digit_for_letter", None),  # a free site's name too
    ("https://0fficebeii.example.org/", "caution", "url.digit_for_letter", None),  # in front of any site
    # genuine names that start with 0: hexadecimal (0x), a 0 before digits, a short run of letters
    ("https://0x.org/", "none", "none.unlisted", None),
    ("https://0day.today/", "none", "none.unlisted", None),
    ("https://0800-number.de/", "none", "none.unlisted", None),
    ("https://0e7p.com/", "none", "none.unlisted", None),
    # an ending of two endings (co.com, uk.com, eu.com, gb.net, us.org): the tune half's secure-paymentech.co.com
    ("https://secure-paymentech.co.com/", "caution", "url.pseudo_ending", None),
    ("https://secure-wallet-login.uk.com/", "caution", "url.pseudo_ending", None),
    ("https://wallet-sync.eu.com/", "caution", "url.pseudo_ending", None),
    ("https://delivery.gb.net/", "caution", "url.pseudo_ending", None),
    # a brand's exact name there is no sister site: danger, not the caution of a new generic ending
    ("https://paypal.co.com/", "danger", "lookalike.tld_swap", "paypal"),
    # a country's own registry's endings are no such thing
    ("https://example-shop.co.uk/", "none", "none.unlisted", None),
    ("https://example-shop.com.au/", "none", "none.unlisted", None),
    ("https://example-shop.com.br/", "none", "none.unlisted", None),
    # a server's numeric address in the host (the tune half's ...70-39-251-127.plesk.page)
    ("https://infallible-elgamal.70-39-251-127.plesk.page/", "caution", "url.server_address", None),
    ("http://adsl-75-56-163-18.dsl.example-isp.net/bank/", "caution", "url.server_address", None),
    ("https://165-22-82-35.cprapid.com/", "caution", "url.server_address", None),
    # dates, phone numbers and versions with hyphens are no address
    ("https://news-2024-05-17-sale.com/", "none", "none.unlisted", None),
    ("https://call-800-555-1212-now.com/", "none", "none.unlisted", None),
    ("https://release-1-2-300-4.com/", "none", "none.unlisted", None),  # 300 is no address byte
    # France's government ending run on after a name (the tune half's antaidossiergouv.com, which now
    # also holds a listed name, ANTAI's: that finding leads)
    ("https://antaidossiergouv.com/", "caution", "lookalike.noisy_token", "fr_antai"),
    ("https://dossiergouv.com/", "caution", "url.fake_government", None),
    ("https://amendesgouvfr.com/", "caution", "url.fake_government", None),
    ("https://www.amendes.gouv.fr/", "none", None, None),  # the real one: a government ending
    ("https://gouvernement.fr/", "none", None, None),  # 'gouv' starting a word
    ("https://opengov.com/", "none", "none.unlisted", None),  # 'gov' run on is a company's name as often
    # a brand's name of several words, hyphenated, under a throwaway ending (the tune half's post-austria.bar)
    ("https://post-austria.bar/", "caution", "lookalike.brand_name", "austrian_post"),
    ("https://post-austria.top/", "caution", "lookalike.brand_name", "austrian_post"),
    ("https://postaustria.bar/", "caution", "lookalike.brand_name", "austrian_post"),
    ("https://post-austria.com/", "none", "none.unlisted", None),  # under .com it may be the brand's own
    ("https://www.post.at/", "verified", "official.domain", "austrian_post"),
    # an official label that is an everyday word with its brand's own country's code, under a throwaway
    # ending (the tune half's tw-post.co, for Chunghwa Post's post.gov.tw)
    ("https://tw-post.co/", "caution", "lookalike.combo", "chunghwa_post"),
    ("https://posttw.top/", "caution", "lookalike.combo", "chunghwa_post"),
    ("https://post-at.top/", "none", "none.unlisted", None),  # another country's code: that country's post
    ("https://tw-post.com/", "none", "none.unlisted", None),  # an ordinary ending
    ("https://post.gov.tw/", "verified", "official.domain", "chunghwa_post"),
    # Italian 'convalida' (validate) with a country's code and nothing else (the tune half's convalida-id.com)
    ("https://convalida-id.com/eu", "caution", "url.scam_theme", None),
    ("https://convalida.it/", "none", "none.unlisted", None),  # the word alone under a country's ending
]


@pytest.mark.parametrize(("url", "level", "code", "brand"), CASES, ids=[c[0] for c in CASES])
def test_name_trick_case(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)


def test_the_reasons_say_what_the_name_hides(engine):
    zero = engine.check_url("https://0nlyfans.fr/")["reasons"][0]
    assert "'onlyfans'" in zero["message"] and "“onlyfans”" in zero["message_zh"]
    pseudo = engine.check_url("https://secure-paymentech.co.com/")["reasons"][0]
    assert "'co.com'" in pseudo["message"] and "“co.com”" in pseudo["message_zh"]
    server = engine.check_url("https://infallible-elgamal.70-39-251-127.plesk.page/")["reasons"][0]
    assert "70-39-251-127" in server["message"] and "70-39-251-127" in server["message_zh"]


@pytest.mark.parametrize(
    ("suffix", "pseudo"),
    [
        ("co.com", True),
        ("uk.com", True),
        ("us.org", True),
        ("gb.net", True),
        ("co.uk", False),  # a country's registry, the other way round
        ("com.cn", False),
        ("github.io", False),  # a hosting company: its own rule
        ("com", False),
        ("blogspot.com", False),  # a company's name, not an ending, in front of .com
    ],
)
def test_a_pseudo_ending_is_two_endings_before_a_generic_one(suffix, pseudo):
    assert is_pseudo_ending(suffix) is pseudo


@pytest.mark.parametrize(
    ("url", "brand"),
    [
        ("https://dpdhl.com/", "dhl"),  # DHL Group's own domain, named by DHL's anti-fraud guidance
        ("https://amzn.com/", "amazon"),
        ("https://www.spacex.com/", "spacex"),
        ("https://www.avatrade.com/", "avatrade"),
    ],
)
def test_the_sessions_official_domains_are_verified(engine, url, brand):
    result = engine.check_url(url)
    assert (result["level"], result["brand"]) == ("verified", brand)


@pytest.mark.parametrize(
    ("url", "level", "code", "brand"),
    [
        # the tune half's names of brands the list now holds, and their genuine neighbours
        ("https://amznhoodies.com/", "caution", "lookalike.noisy_token", "amazon"),
        ("https://amzn-billing-help.com/", "danger", "lookalike.combo", "amazon"),
        ("https://21spacex.net/", "caution", "lookalike.combo", "spacex"),  # digits beside the name
        ("https://avatrade-services.com/", "danger", "lookalike.combo", "avatrade"),
        ("https://www.bancopostaitaliana.it/", "caution", "lookalike.noisy_token", "poste_italiane"),
        ("https://dpdhl-paket.top/", "danger", "lookalike.combo", "dhl"),
    ],
)
def test_names_of_the_brands_added(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)
