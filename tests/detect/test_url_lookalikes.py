"""URL checks against the real embedded list: a table of tricky cases, one per rule, plus the
legitimate look-alikes that must stay quiet."""

from __future__ import annotations

import pytest

from tests.detect.url_support import assert_url_case

CASES = [
    # (url, level, reason code or None, brand or None)
    # official and sister domains
    ("https://www.taobao.com/", "verified", "official.domain", "taobao"),
    ("https://detail.tmall.com/item.htm?id=1", "verified", "official.domain", "tmall"),
    ("https://www.icloud.com/", "verified", "official.domain", "apple"),
    ("https://WWW.ALIPAY.COM./", "verified", "official.domain", "alipay"),
    ("ｗｗｗ．ｔａｏｂａｏ．ｃｏｍ", "verified", "official.domain", "taobao"),
    ("https://www.jd.com:443/", "verified", "official.domain", "jd"),
    ("https://%74aobao.com/", "verified", "official.domain", "taobao"),  # the browser decodes it
    ("https://t%61obao-kefu.com/", "danger", "lookalike.combo", "taobao"),
    # typosquats (edit distance 1 on labels of 5+ characters)
    ("https://aIipay.com/", "danger", "lookalike.homograph", "alipay"),  # I/l read alike
    ("https://taobaoo.com/", "danger", "lookalike.typosquat", "taobao"),
    ("https://tabao.com/", "danger", "lookalike.typosquat", "taobao"),
    ("https://toabao.com/", "danger", "lookalike.typosquat", "taobao"),
    ("https://pinduodou.com/", "danger", "lookalike.typosquat", "pinduoduo"),
    ("https://paypai.com/", "danger", "lookalike.homograph", "paypal"),
    ("https://paypak.com/", "caution", "lookalike.typosquat", "paypal"),  # the last letter: caution at most
    ("https://amazpn.com/", "danger", "lookalike.typosquat", "amazon"),
    ("https://microsoftt.com/", "danger", "lookalike.typosquat", "microsoft"),
    ("https://aliexepress.com/", "danger", "lookalike.typosquat", "aliexpress"),
    # homographs
    ("https://tаobao.com/", "danger", "lookalike.homograph", "taobao"),  # Cyrillic а
    ("https://xn--80ak6aa92e.com/", "danger", "lookalike.homograph", "apple"),  # аррӏе
    ("https://paypa1.com/", "danger", "lookalike.homograph", "paypal"),
    ("https://arnazon.com/", "danger", "lookalike.homograph", "amazon"),
    ("https://taoba0.com/", "danger", "lookalike.homograph", "taobao"),
    ("https://ϳd.com/", "danger", "lookalike.homograph", "jd"),  # Greek yot
    ("https://ąlipay.com/", "danger", "lookalike.homograph", "alipay"),
    # TLD swap
    ("https://taobao.net/", "danger", "lookalike.tld_swap", "taobao"),
    ("https://pinduoduo.top/", "danger", "lookalike.tld_swap", "pinduoduo"),
    ("https://paypal.xyz/", "danger", "lookalike.tld_swap", "paypal"),
    # hyphenation and split labels
    ("https://tao-bao.com/", "danger", "lookalike.hyphenation", "taobao"),
    ("https://tao.bao.com/", "danger", "lookalike.split_label", "taobao"),
    # combo-squatting
    ("https://taobao-kefu.com/", "danger", "lookalike.combo", "taobao"),
    ("https://jd-tuikuan.cn/", "danger", "lookalike.combo", "jd"),
    ("https://refund-amazon.top/", "danger", "lookalike.combo", "amazon"),
    ("https://kefutaobao.com/", "danger", "lookalike.combo", "taobao"),
    ("https://alipay95188.com/", "caution", "lookalike.combo", "alipay"),
    ("https://zhifubao-lipei.cn/", "danger", "lookalike.combo", "alipay"),
    ("https://taobaocom.com/", "danger", "lookalike.combo", "taobao"),
    # brand in the wrong place
    ("https://www.taobao.com.refund-center.top/", "danger", "lookalike.embedded_domain", "taobao"),
    ("https://secure-paypal.com.evil.io/", "danger", "lookalike.embedded_domain", "paypal"),
    ("https://taobao-com.evil.io/login", "danger", "lookalike.embedded_domain", "taobao"),
    ("https://paypal.secure-login.io/", "danger", "lookalike.brand_subdomain", "paypal"),
    ("https://evil.io/taobao.com/login", "caution", "url.brand_in_path", "taobao"),
    ("https://taobao.com@evil.io/", "danger", "url.userinfo_brand", "taobao"),
    ("https://user:pw@evil.io/", "caution", "url.userinfo", None),
    ("http://203.0.113.7/taobao/refund", "danger", "url.ip_brand", "taobao"),
    ("http://45.77.10.20/", "caution", "url.ip_host", None),
    ("https://bit.ly/alipay-refund", "caution", "url.shortener_brand", "alipay"),
    # IDN with a Chinese brand name
    ("https://淘宝客服.com/", "danger", "lookalike.chinese_name", "taobao"),
    ("https://淘宝.top/", "caution", "lookalike.chinese_name", "taobao"),
    # known scam (the list's scam section)
    ("https://meituan-p.cn/refund", "danger", "scam.domain", None),
    # legitimate look-alikes and unrelated sites stay quiet
    ("https://example.org/", "none", "none.unlisted", None),
    ("https://jdsports.com/", "none", "none.unlisted", None),
    ("https://applebees.com/", "none", "none.unlisted", None),
    ("https://vmall.com/", "none", "none.unlisted", None),
    ("https://www.google.de/", "none", "none.popular", None),  # a country site: popular, not on the list
    ("https://www.amazon.co.uk/", "verified", "official.domain", "amazon"),
    ("https://www.amazon.com.mx/", "none", "none.popular", None),  # a country site the list does not name
    ("https://uscis.gov/", "verified", "official.domain", "us_uscis"),  # on the list since 2026-12-05
    ("https://fema.gov/", "none", "none.unlisted", None),  # a government site the list does not name
    ("https://bit.ly/3xYz", "none", "none.unlisted", None),
    ("http://127.0.0.1:8080/", "none", "none.unlisted", None),
    ("http://[::1]/", "none", "none.unlisted", None),
    ("https://evil.github.io/", "none", "none.unlisted", None),
    ("https://express.de/", "none", "none.unlisted", None),
]


@pytest.mark.parametrize(("url", "level", "code", "brand"), CASES, ids=[c[0] for c in CASES])
def test_url_case(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)


def test_warning_names_the_official_domain_it_imitates(engine):
    result = engine.check_url("https://taobao-kefu.com/")
    assert result["reasons"][0]["official"] == "taobao.com"
    assert "taobao.com" in result["advice"][0] and "taobao.com" in result["advice_zh"][0]


BAD = [
    "",
    "   ",
    "javascript:alert(1)",
    "data:text/html,hi",
    "file:///etc/passwd",
    "mailto:a@b.c",
    "http://",
    "https://exa mple.com/",
    "http://a..b.com/",
    "http://" + "a" * 70 + ".com/",
    "http://xn--zz.com/",
    "https://" + "x" * 100_000 + ".com",
    "http://[::1",
    "ftp://taobao.com/",
]


@pytest.mark.parametrize("url", BAD, ids=range(len(BAD)))
def test_bad_urls_give_a_clear_error(engine, url):
    from kefuguard.errors import InputError

    try:
        result = engine.check_url(url)
    except InputError as e:
        assert e.code == "bad_url" and e.message
    else:
        assert result["level"] in ("none", "caution", "danger")


@pytest.mark.parametrize(
    "url",
    [
        "taobao.com/x",
        "HTTPS://TAOBAO.COM",
        "https://taobao.com./",
        "https://taobao.com:8443",
        "https://%74aobao.com/",
        "http://[2001:db8::1]/taobao.com",
        "http://-/",  # labels of hyphens only: browsers accept them, and they fold to nothing
        "http://-.com/",
        "http://--_.top/",
        " -%2e/x?y=1",
    ],
)
def test_odd_but_valid_urls_get_a_result(engine, url):
    assert engine.check_url(url)["level"] in ("verified", "none", "caution", "danger")


@pytest.mark.parametrize(
    "url, host, level",
    [
        ("http://134744072/taobao/refund", "8.8.8.8", "danger"),  # one decimal number: an IP address
        ("http://0x08080808/", "8.8.8.8", "caution"),
        ("http://010.010.010.010/", "8.8.8.8", "caution"),  # octal parts
        ("http://8.8.2056/", "8.8.8.8", "caution"),  # the last part fills the rest
        ("https://3232235777/", "192.168.1.1", "none"),  # a private address: no warning, but seen as one
    ],
)
def test_ip_addresses_in_disguise_are_read_as_a_browser_reads_them(engine, url, host, level):
    result = engine.check_url(url)
    assert (result["host"], result["level"]) == (host, level)


@pytest.mark.parametrize("url", ["http://taobao.123/", "http://1.2.3.4.5/", "http://256.1.1.1/", "http://08.1.1.1/"])
def test_hosts_ending_in_a_number_that_are_no_address_are_refused(engine, url):
    from kefuguard.errors import InputError

    with pytest.raises(InputError) as e:
        engine.check_url(url)
    assert e.value.code == "bad_url"


def test_fast_json_path_gives_the_same_result_as_the_full_check(engine):
    import json

    from kefuguard.detect.url.check import check_url, check_url_json

    index = engine.url_index()
    for url, *_ in CASES + [(u, None) for u in ("https://www.taobao.com/a/b?c=d#e", "http://x.org:8080/p?q=1")]:
        for _ in range(2):  # the second time comes from the per-host cache
            assert json.loads(check_url_json(url, index)) == check_url(url, index).to_dict(), url
