"""Real sites stay quiet: every official domain of every listed brand is verified (bare, www., m.
and a random subdomain), and the web's popular sites are left to the list, never called a
lookalike, while their subdomains and scam look-alikes of them are still checked."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kefuguard.detect.url.parse import split_host
from kefuguard.detect.url.popular import POPULAR_FILE, popular_domains
from tests.detect.url_support import assert_url_case


def _official_hosts(engine) -> list[tuple[str, set[str]]]:
    rng = random.Random(20261203)
    owners: dict[str, set[str]] = {}
    for brand in engine.url_index().channels.brands:
        for domain in brand.domains:
            owners.setdefault(domain, set()).add(brand.id)
    hosts = []
    for domain, ids in sorted(owners.items()):
        sub = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rng.randint(1, 12)))
        hosts += [(h, ids) for h in (domain, "www." + domain, "m." + domain, f"{sub}.{domain}")]
    return hosts


def test_every_official_domain_of_every_brand_is_verified(engine):
    hosts = _official_hosts(engine)
    assert len(hosts) >= 4 * 100
    wrong = []
    for host, ids in hosts:
        result = engine.check_url(f"https://{host}/")
        if result["level"] != "verified" or result["brand"] not in ids:
            wrong.append((host, result["level"], result["brand"]))
    assert wrong == []


@pytest.mark.parametrize(
    "url",
    [
        "https://paypal.me/someone",  # PayPal's own link host
        "https://amazon.com.mx/",  # shopee.tw was here until the list named it (now verified)
        "https://amazon.jobs/",
        "https://cloud.microsoft/",  # Microsoft 365 under its own .microsoft ending
        "https://google.ws/",
        "https://net-a-porter.com/",
    ],
)
def test_popular_real_sites_are_no_lookalikes(engine, url):
    result = engine.check_url(url)
    assert result["level"] == "none", result["reasons"]
    assert [r["code"] for r in result["reasons"]] == ["none.popular"]
    assert "Majestic" in result["reasons"][0]["message"] and "Majestic" in result["reasons"][0]["message_zh"]


@pytest.mark.parametrize(
    ("url", "brand"),
    [
        ("https://jd.hk/", "jd"),
        ("https://item.jd.hk/1.html", "jd"),
        ("https://3.cn/1x2y", "jd"),
        ("https://paypay.ne.jp/", "paypay"),  # one letter from paypal: a Japanese payment service
        ("https://ubank.com.au/", "ubank_au"),  # one letter from usbank: an Australian bank
        ("https://www.e-zpassny.com/", "ezpass"),  # E-ZPass's state sites are one brand
        ("https://www.ezdrivema.com/", "ezdrivema"),
        ("https://mypeachpass.com/", "peach_pass"),
        ("https://www.nintendo.co.jp/", "nintendo"),
        ("https://www.xiaomiyoupin.com/", "xiaomi"),  # Xiaomi's own shop, not a combo of its name
        ("https://www.virginmediao2.co.uk/", "virgin_media"),
        ("https://playvalorant.com/", "riot_games"),
        ("https://www.banksinopac.com.tw/", "sinopac"),
        ("https://www.tesla.cn/", "tesla"),
        ("https://bitflyer.jp/", "bitflyer"),
        ("https://www.kotaksecurities.com/", "kotak"),
        ("https://www.douban.fm/", "douban"),
        ("https://img1.doubanio.com/view/a.jpg", "douban"),
        ("https://www.navercorp.com/", "naver"),
        ("https://www.shinhancard.com/", "shinhan_bank"),
        ("https://www.hanabank.com/", "hana_bank"),
        ("https://www.citibanamex.com/", "banamex"),
        ("https://www.tossbank.com/", "toss_bank"),
        ("https://www.krungsrionline.com/", "krungsri"),
        ("https://www.kbcard.com/", "kb_kookmin"),
        ("https://canarabank.in/", "canara_bank"),
        ("https://www.pekao24.pl/", "pekao"),
        ("https://online.bankfab.com/", "fab"),
        ("https://login.yahoo.com/", "yahoo"),
    ],
)
def test_sister_domains_in_the_list_are_verified(engine, url, brand):
    result = engine.check_url(url)
    assert (result["level"], result["brand"]) == ("verified", brand)


@pytest.mark.parametrize(
    "url",
    [
        "https://mi.tv/",  # a TV guide: Xiaomi's mi.com stays off the list, its two letters under .tv were danger
        "https://www.ajio.com/",  # Reliance's fashion shop: jio.com stays off the list
        "https://www.jiosaavn.com/",
        "https://www.nintendo.es/",  # Nintendo's country sites (country_sites), not ending swaps
        "https://www.nintendo.com.au/",
        "https://lolesports.com/",
        # India's banks on bank.in, which only the Reserve Bank's registrar hands out (to banks)
        "https://www.hdfc.bank.in/",
        "https://web.axis.bank.in/",
        "https://sbi.bank.in/",
        # real banks one letter or one small-type slip from names the list left out (Nubank, Public
        # Bank's pbebank, ttb's ttbbank, Yes Bank, PostFinance, KakaoBank): AdGuard's list of bank sites
        "https://nhbank.com/",
        "https://abcbank.de/",
        "https://atbbank.ru/",
        "https://secure.tcsbank.ru/",
        "https://ibank2.rostfinance.ru/",
        "https://kokobank.com/",
        "https://www1.royalbank.com/",  # RBC: two letters from riyadbank, so Riyad Bank stays off the list
        "https://accessbank.az/",  # another country's bank of the same name: Access Bank's label is accessbankplc
        "https://emiratesnbd.com.eg/",  # Emirates NBD's country sites (country_sites)
        # the country sites of banks the list marks as running them (country_sites)
        "https://danskebank.fi/",
        "https://ib.swedbank.lt/",
        "https://www4.handelsbanken.fi/",
        "https://shinhan.de/",
        "https://airtel.co.ke/",
        "https://yahoo.co.jp/",  # Yahoo's country sites (country_sites); Japan's is another company's
        "https://www.pinterest.co.uk/",
        "https://discordant.com/",  # English words that are brand names: no name with noise
        "https://discord.gg/",  # Discord's invite links: a user's link, so not on the list, and quiet
        "https://x.github.io/",  # two letters on a hosting platform
        # hosts where anyone publishes files stay off the list, so nothing there is verified: GitHub's
        # and GitLab's repositories and releases, Discord's attachments (cdn.discordapp.com)
        "https://github.com/someone/paypal/releases/paypal.apk",
        "https://gitlab.com/someone/login-page/-/raw/main/index.html",
        "https://cdn.discordapp.com/attachments/1/2/paypal.apk",
    ],
)
def test_real_sites_near_listed_names_stay_quiet(engine, url):
    result = engine.check_url(url)
    assert result["level"] == "none", result["reasons"]


@pytest.mark.parametrize(
    ("url", "level", "code", "brand"),
    [
        ("https://taobao-refund.medium.com/", "danger", "lookalike.brand_subdomain", "taobao"),  # subdomain
        ("https://paypal.com.tumblr.com/", "danger", "lookalike.embedded_domain", "paypal"),
        ("https://coinbasepr04.godaddysites.com/", "caution", "lookalike.brand_subdomain", "coinbase"),  # noise
        ("https://facebook-v1myx.pagemaker.link/", "caution", "lookalike.brand_subdomain", "meta"),
        ("https://paypai.me/", "danger", "lookalike.homograph", "paypal"),  # not the popular paypal.me
        ("https://e-gov.go.jp/", "none", "none.unlisted", None),  # 'gov' under a government ending
        ("https://gov-online.go.jp/", "none", "none.unlisted", None),
        ("https://tax-gov.top/", "caution", "url.fake_government", None),
    ],
)
def test_around_popular_sites_the_rules_still_apply(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)


@pytest.mark.parametrize(
    ("url", "level", "code", "brand"),
    [
        ("https://coches.net/", "none", "none.unlisted", None),  # co + ch + es: two letters (ch.com) inside a word
        ("https://ch-kefu.top/", "danger", "lookalike.combo", "springair"),  # as a hyphen part next to a scam word
        ("https://shop1688.example.org/", "none", "none.popular", None),  # a number next to a shop word
        ("https://1688-tuikuan.com/", "danger", "lookalike.combo", "alibaba_1688"),
        # one slip from a brand that serves one country, under another country's ending: a local name
        # mbank.pl, one slip from mybank.cn and mbbank.com.vn, is now a listed brand of its own
        ("https://mbank.pl/", "verified", "official.domain", "mbank"),
        ("https://posta.com.tr/", "none", "none.unlisted", None),  # poste.it
        ("https://targeo.pl/", "none", "none.unlisted", None),  # target.com
        ("https://mondo.rs/", "none", "none.unlisted", None),  # monzo.com
        ("https://airbnn.pl/", "caution", "lookalike.typosquat", "airbnb"),  # a global brand: still a slip
        ("https://brestbuy.ca/", "caution", "lookalike.typosquat", "best_buy"),  # bestbuy.ca is a sister site
        ("https://targett.com/", "danger", "lookalike.typosquat", "target"),  # under the brand's own ending
        # a hotline number mistyped is another number; a letter in it makes a name
        ("https://qoo10.jp/", "none", "none.unlisted", None),  # 10010.com (China Unicom)
        ("https://10019.cn/", "caution", "lookalike.typosquat", "china_unicom"),
        ("https://10010a.cn/", "caution", "lookalike.typosquat", "china_unicom"),  # one letter: still a slip
        # a brand token that is itself a scam word (China Customs' 'customs') counts next to other
        # scam words, not as a rare name inside any longer one
        ("https://customshirts.shop/", "none", "none.unlisted", None),
        ("https://customs-refund.top/", "danger", "lookalike.combo", "cn_customs_12360"),
        ("https://cic.gc.ca/", "none", "none.unlisted", None),  # a government ending: nobody else can register it
        ("https://zoomit.ir/", "none", "none.unlisted", None),  # an everyday word as a brand name
        ("https://zoom-verify-account.com/", "caution", "lookalike.combo", "zoom"),
        ("https://telegraf.rs/", "caution", "lookalike.typosquat", "telegram"),  # the last letter: caution at most
    ],
)
def test_names_of_a_large_list_stay_apart_from_ordinary_sites(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)


def test_the_popular_domain_file_names_its_source_and_holds_registrable_domains_only(engine):
    head = Path(POPULAR_FILE).read_text("utf-8").splitlines()[:5]
    assert any("Majestic Million" in line for line in head)
    assert any("CC BY 3.0" in line for line in head)
    domains = popular_domains()
    assert len(domains) >= 10_000
    for d in sorted(domains):
        assert split_host(d).registrable == d, d
    channels = engine.url_index().channels
    assert [d for d in domains if channels.scam_domain_for_host([d])] == []


def test_a_popular_sites_own_subdomain_is_no_misspelt_brand(engine):
    """'gov-cloud.salesforce.com' is Salesforce's, not a misspelt 'icloud' next to a scam word; a
    brand's own name in front of a popular site is still checked."""
    assert engine.check_url("https://gov-cloud.salesforce.com/")["level"] == "none"
    assert engine.check_url("https://paypal-verify.github.io/")["level"] == "danger"


def test_axis_bank_is_verified_on_its_own_site_and_quiet_on_bank_in(engine):
    assert engine.check_url("https://www.axisbank.com/")["level"] == "verified"
    assert engine.check_url("https://web.axis.bank.in/")["level"] == "none"
    assert engine.check_url("https://axisbank-kyc.top/")["level"] == "danger"


def test_a_bank_in_lookalike_outside_bank_in_still_warns(engine):
    assert engine.check_url("https://hdfc-bank.in/")["level"] == "danger"
    assert engine.check_url("https://hdfc.bank.in.verify-kyc.top/")["level"] != "none"
