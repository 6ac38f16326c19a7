"""Rules for what real scam sites look like (issue "URL checks that hold on real scam sites"): short
brand tokens judged by how rare they are, not by their length; a brand's name as the folder of a
sign-in page on another site, or as the name of a page on a host where anyone publishes (Google
Sites, object storage buckets); real sister sites verified through the list. Each works from list data
alone: a brand added to the list needs no code."""

from __future__ import annotations

import pytest

from kefuguard.detect.url.brand_index import BrandIndex, _is_rare
from kefuguard.detect.url.lookalike import registrable_findings, subdomain_findings
from kefuguard.detect.url.parse import split_host
from kefuguard.detect.url.shape import USER_CONTENT_PATHS, USER_CONTENT_SITES
from kefuguard.lists.model import Brand
from tests.detect.url_support import assert_url_case


def _brand(label: str) -> Brand:
    return Brand(
        id=label,
        name_en=label.upper(),
        name_zh=label,
        domains=(f"{label}.com",),
        phones=(),
        im=(),
        keywords=(),
        region="GLOBAL",
    )


def _findings(host: str, *brands: Brand) -> list[tuple[str, str]]:
    index = BrandIndex(brands)
    parts = split_host(host)
    return [(f.code, f.level) for f in registrable_findings(parts, index) + subdomain_findings(parts, index)]


def test_a_rare_short_token_counts_with_noise_around_it():
    vkq = _brand("vkqb")  # four letters no popular site's name holds, with a rare pair (vk, kq)
    assert _findings("vkqbzz.com", vkq) == [("lookalike.noisy_token", "caution")]
    assert _findings("vkqb-x7.top", vkq) == [("lookalike.combo", "caution")]  # a whole part under a cheap ending
    assert _findings("zvkqbq.icu", vkq) == [("lookalike.noisy_token", "danger")]
    assert _findings("login.vkqb7.example.org", vkq)[0][0] == "lookalike.brand_subdomain"
    three = _brand("qxj")
    assert _findings("qxjmaxx.com", three) == [("lookalike.noisy_token", "caution")]


def test_a_short_token_common_in_popular_names_does_not():
    assert _is_rare("qxj", _brand("qxj"))
    for label in ("art", "ing", "cic", "boc", "ups"):  # artshop, booking, cicada, bocconi, groups
        assert not _is_rare(label, _brand(label)), label
        assert _findings(f"{label}zz.com", _brand(label)) == [], label
    # in no popular name, but made of common letter pairs only: no more distinctive than a syllable
    assert not _is_rare("momo", _brand("momo"))


@pytest.mark.parametrize(
    ("url", "level", "code", "brand"),
    [
        # short tokens of the embedded list, rare in popular names
        ("https://okx-qwe.com/", "caution", "lookalike.noisy_token", "okx"),
        ("https://zbidvq.icu/", "danger", "lookalike.noisy_token", "bidv"),
        ("https://cicada.com/", "none", "none.unlisted", None),
        # real sister and country sites on the list: verified, never a lookalike (a DHL site was danger)
        ("https://dhlparcel.nl/", "verified", "official.domain", "dhl"),
        ("https://www.dhl.nl/", "verified", "official.domain", "dhl"),
        ("https://www.dhl.de/", "verified", "official.domain", "dhl"),
        ("https://dhl.com.au/", "none", "none.unlisted", None),  # DHL runs country sites: no TLD swap
        ("https://www.orange.be/", "none", "none.unlisted", None),  # Orange Belgium: Orange runs country sites
        ("https://orange.sn/", "none", "none.unlisted", None),  # Orange Sénégal
        ("https://orange.top/", "danger", "lookalike.tld_swap", "orange"),  # an ending anyone buys: still a swap
        ("https://dhlecommerce.nl/", "verified", "official.domain", "dhl"),
        ("https://esunbank.com/", "verified", "official.domain", "esun"),
        ("https://openapi.alipaydev.com/gateway.do", "verified", "official.domain", "alipay"),
        # a brand's name as the folder of a sign-in page on another site
        ("http://kennel-club-example.org/hsbc/netbanking/logon.htm", "caution", "url.brand_sign_in_path", "hsbc"),
        ("http://kennel-club-example.org/files/paypal2/signin.php", "caution", "url.brand_sign_in_path", "paypal"),
        ("http://kennel-club-example.org/news/hsbc-login-problems.html", "none", "none.unlisted", None),
        ("http://kennel-club-example.org/hsbc/index.html", "none", "none.unlisted", None),
        ("http://kennel-club-example.org/mufglogin/index.php", "caution", "url.brand_sign_in_path", "mufg"),
        ("http://kennel-club-example.org/bloglogin/index.php", "none", "none.unlisted", None),
        # a brand's name hyphenated as a label in front of another site
        ("http://e-zpass.example-shop.xin/", "caution", "lookalike.brand_subdomain", "ezpass"),
        ("http://e-mail.example-shop.xin/", "none", "none.unlisted", None),
        ("https://github.com/hsbc/login/blob/main/readme.md", "none", "none.popular", None),
        # a static page named for a brand on another site: a phishing kit's page
        ("http://kennel-club-example.org/images/files/hsbc1.htm", "caution", "url.brand_page", "hsbc"),
        ("http://kennel-club-example.org/pay/paypal.html", "caution", "url.brand_page", "paypal"),
        ("http://kennel-club-example.org/notify/alipay.php", "none", "none.unlisted", None),  # a script
        ("http://kennel-club-example.org/news/hsbc-results.html", "none", "none.unlisted", None),  # a slug
        ("http://kennel-club-example.org/apple.html", "none", "none.unlisted", None),  # an ordinary word
        ("https://github.com/someone/paypal.html", "none", "none.popular", None),
        # a bank's service number with a letter stuck to it, in front of another site
        ("http://95533x.example-shop.top/", "caution", "lookalike.brand_subdomain", "ccb"),
        # or as the site's own name with up to four letters around it
        ("http://10086sfw.cn/", "caution", "lookalike.noisy_token", "china_mobile"),
        ("http://www.jk-10086.cn/", "caution", "lookalike.noisy_token", "china_mobile"),
        ("http://jk-10086.top/", "danger", "lookalike.noisy_token", "china_mobile"),
        ("http://12306abc.top/", "danger", "lookalike.noisy_token", "china_railway_12306"),
        ("http://abcde10086.com/", "none", "none.unlisted", None),
        # an app file named for a brand, handed out by another site; not on a popular site (a store's mirror)
        ("http://k-example1.web.app/hdfc-ygsv3.apk", "danger", "url.brand_app_file", "hdfc_bank"),
        ("http://files-example.net/dl/icbc_v2.apk", "danger", "url.brand_app_file", "icbc"),
        ("http://files-example.net/dl/apple-music.apk", "none", "none.unlisted", None),  # an ordinary word
        ("http://files-example.net/dl/hdfc-statement.pdf", "none", "none.unlisted", None),
        ("https://github.com/someone/paypal/releases/paypal.apk", "none", "none.popular", None),
        # a toll word with a US state's code or a payment service's word, under any ending
        ("https://nytollservices.com/", "caution", "url.scam_theme", None),
        ("https://va-toll.com/", "caution", "url.scam_theme", None),
        ("https://myturnpiketollservices.com/", "caution", "url.scam_theme", None),
        ("https://tollbooth-example.com/", "none", "none.unlisted", None),  # either part alone: a business
        # a state's code and one word of driving, hyphenated, nothing else: the throwaway names of toll texts
        ("https://tx-road.com/", "caution", "url.scam_theme", None),
        ("https://plate-pa.com/", "caution", "url.scam_theme", None),
        ("https://texas-road.com/", "none", "none.unlisted", None),  # no state's code
        ("https://tx-roadhouse.com/", "none", "none.unlisted", None),  # a word that only starts with one
        ("https://tx-road-works.com/", "none", "none.unlisted", None),  # more than the two parts
        # 'www' and a hyphen in front of a site's name read as a www address
        ("https://www-securebank.top/", "caution", "url.disguised_ending", None),
        ("https://wwwsecure.com/", "none", "none.unlisted", None),
        # a brand's whole hyphen part and a scam word among words the vocabulary lacks
        ("https://secure-allocations-caf.info/", "danger", "lookalike.combo", "fr_caf"),
        ("https://verifica-dati-bper.com/", "danger", "lookalike.combo", "bper"),
        ("https://allocations-caf-news.com/", "none", "none.unlisted", None),  # no scam word beside it
        # parcel tracking and confirming in other languages, under an ending throwaway sites favour
        ("https://paketverfolgen-de.help/", "caution", "url.scam_theme", None),
        ("https://rastreio-pedido.top/", "caution", "url.scam_theme", None),
        ("https://tracciamento-spedizione.com/", "none", "none.unlisted", None),  # an ordinary ending
        # a theme word as a free name under a hosting or dynamic-DNS company: as cheap as a cheap ending
        ("http://kefu.duckdns.org/", "caution", "url.scam_theme", None),
        ("http://tuikuan.ddns.net/login", "caution", "url.scam_theme", None),
        ("https://refund-center.pages.dev/", "caution", "url.scam_theme", None),
        ("https://notes.github.io/", "none", "none.unlisted", None),  # no theme word
        # a three-letter name with two words run on after it; one word alone stays an ordinary name
        ("https://anzmobilebank.com/", "caution", "lookalike.combo", "anz"),
        ("https://anzmobile.com/", "none", "none.unlisted", None),
        # BOC, Bank of China's short name: three letters count set apart, next to a scam word, or with exactly
        # two letters run on (below)
        ("https://bocwap.cc/", "danger", "lookalike.combo", "boc"),
        ("https://www.bocconi.it/", "none", "none.unlisted", None),
        ("https://bocxicafe.com/", "none", "none.unlisted", None),  # more than two letters after it: a name
        ("https://kefu.com.cn/", "none", "none.unlisted", None),  # a registry's own second level, not hosting
        # a brand's name run into a sign-in word as a folder, with no file name after it
        ("https://qx7k2m.zzexample.top/mufglogin/", "caution", "url.brand_sign_in_path", "mufg"),
        ("https://qx7k2m.zzexample.top/userlogin/", "none", "none.unlisted", None),
        # a wallet the list gained from the tune half's misses
        ("https://myetherwallewt.com/", "danger", "lookalike.typosquat", "myetherwallet"),
        ("https://www.myetherwallet.com/", "verified", "official.domain", "myetherwallet"),
        ("https://xy-toll.com/", "none", "none.unlisted", None),  # no state's code
        ("https://www.paturnpike.com/", "verified", "official.domain", "pa_turnpike"),  # the agency itself
        # a government ending written into a name: in the site's own name or in front of another site
        ("https://amendes-gouvs.fr/", "caution", "url.fake_government", None),
        ("https://dmv.cagov-jh.vip/portal", "caution", "url.fake_government", None),
        ("https://my-numbercard-point-soumu-gojp.example.cyou/", "caution", "url.fake_government", None),
        ("https://govern-ments.com/", "none", "none.unlisted", None),
        # a misspelt brand next to a sign-up word
        ("https://netfllx-register.com/", "danger", "lookalike.combo", "netflix"),
        # brands the list gained: Japanese card issuers, European banks and agencies, tolls
        ("https://www.vpass.ne.jp/", "verified", "official.domain", "smbc"),
        ("https://www.shopee.tw/", "verified", "official.domain", "shopee"),
        ("https://remboursement-impots.info/", "danger", "lookalike.combo", "fr_impots"),
        ("https://sparkasse-pushtan2.info/", "danger", "lookalike.combo", "sparkasse"),  # pushTAN: a scam word
        ("https://jcb-card-security.com/", "danger", "lookalike.combo", "jcb"),
        # scam words of more languages next to a brand: security, update, log in, suspended, billing
        ("https://unicredit-sicurezza.com/", "danger", "lookalike.combo", "unicredit"),
        ("https://sparkasse-aktualisierung.de/", "danger", "lookalike.combo", "sparkasse"),
        ("https://vietcombank-dangnhap.com/", "danger", "lookalike.combo", "vietcombank"),
        ("https://smbc-teishi.com/", "danger", "lookalike.combo", "smbc"),
        ("https://amazon-seikyu.com/", "danger", "lookalike.combo", "amazon"),
        ("https://www.sicurezza-lavoro.it/", "none", "none.unlisted", None),  # the word without a brand
        # a typo of the brand with a country code after it; not in front (automobile: au + tomobile)
        ("https://shopetw.xyz/", "caution", "lookalike.combo", "shopee"),
        ("https://automobile.it/", "none", "none.unlisted", None),
        ("https://momostores.com/", "caution", "lookalike.combo", "momo_vn"),  # plural shop words
        # brands and sister sites the list gained
        ("https://dior-tw.com/", "caution", "lookalike.combo", "dior"),
        ("https://raiffeisen-overeni.com/", "danger", "lookalike.combo", "raiffeisenbank_cz"),
        ("https://bancosantander.es/", "verified", "official.domain", "banco_santander"),
        ("https://www.santander.com.br/", "verified", "official.domain", "banco_santander"),
        ("https://costco.ca/", "verified", "official.domain", "costco"),
        ("https://www.walmart.com.mx/", "verified", "official.domain", "walmart"),
        # a brand next to scam words in more languages: Dutch, Polish, Czech, Russian, Turkish
        ("https://postnl-betaling.com/", "danger", "lookalike.combo", "postnl"),
        ("https://dhl-doplata.com/", "danger", "lookalike.combo", "dhl"),
        ("https://csob-overeni.com/", "danger", "lookalike.combo", "csob"),
        ("https://ups-dostavka.ru/", "danger", "lookalike.combo", "ups"),
        ("https://paypal-odeme.com/", "danger", "lookalike.combo", "paypal"),
        ("https://betaling.nl/", "none", "none.unlisted", None),
        # brands the list gained, with their own words
        ("https://inpost-doplata.com/", "danger", "lookalike.combo", "inpost"),
        ("https://correios-encomenda.com/", "danger", "lookalike.combo", "correios_br"),
        ("https://caixabank-pagos.net/", "danger", "lookalike.combo", "caixabank"),
        # banks and services the list gained later, chosen by category (not from misses)
        ("https://caixa-verificacao.com/", "danger", "lookalike.combo", "caixa_br"),
        ("https://kotak-kyc.top/", "danger", "lookalike.combo", "kotak"),
        ("https://airtel-kyc.top/", "danger", "lookalike.combo", "airtel"),
        ("https://wooribank-security.com/", "danger", "lookalike.combo", "woori_bank"),
        ("https://xwbank-kefu.com/", "danger", "lookalike.combo", "xw_bank"),
        ("https://ahrcu-tuikuan.top/", "danger", "lookalike.combo", "ah_rcu"),
        ("https://accessbankplc-verify.com/", "danger", "lookalike.combo", "access_bank"),
        ("https://www.bbva.mx/", "verified", "official.domain", "bbva"),
        ("https://www.santander.com.mx/", "verified", "official.domain", "banco_santander"),
        # kotak is Malay and Indonesian for box, caixa Portuguese for box: ordinary words, no noisy tokens
        ("https://kotaku.co.uk/", "none", "none.unlisted", None),
        ("https://caixaforum.org/", "none", "none.unlisted", None),
        ("https://airtel.co.ke/", "none", "none.unlisted", None),  # Airtel Africa's country sites
        # a Chinese bank's three-letter short name with two letters run on after it
        ("https://www.bocxi.com/", "caution", "lookalike.noisy_token", "boc"),
        ("https://bocry.com/e", "caution", "lookalike.noisy_token", "boc"),
        ("https://cible.fr/", "none", "none.unlisted", None),  # a French word under a French ending
        ("https://www.cibeg.com/", "none", "none.unlisted", None),  # CIB Egypt: cib + a country's code
        ("https://bocconi.it/", "none", "none.unlisted", None),
        ("https://bocom.com/", "none", "none.unlisted", None),  # Bank of Communications' own short name
        ("https://sbicc.com/", "none", "none.unlisted", None),  # not a Chinese bank: three letters are common
        ("https://www.postnord.dk/", "verified", "official.domain", "postnord"),
        # a three-letter name set apart as a hyphen part, next to any word of 4+ letters
        ("https://ctt-informa.com/", "caution", "lookalike.combo", "ctt"),
        ("https://2bmo-contas7.net/", "caution", "lookalike.combo", "bmo"),  # digits around both
        ("https://att-networks.us/", "caution", "lookalike.combo", "att"),  # the brand's own country
        ("https://ctt.pt/", "verified", "official.domain", "ctt"),
        ("https://bmonline.com/", "none", "none.unlisted", None),  # run together: no name set apart
        ("https://ing-diba.de/", "none", "none.unlisted", None),  # ING's own name, hyphenated
        ("https://abs-cbn.com/", "none", "none.unlisted", None),  # two sets of initials
        ("https://vrbank-bsb.de/", "none", "none.unlisted", None),  # a German bank, not Bank of Shanghai's
        # a brand's exact name as an account on a hosting platform: its own as often as a squatter's
        ("https://microsoft.github.io/", "caution", "lookalike.tld_swap", "microsoft"),
        ("https://coinbase.pages.dev/", "caution", "lookalike.tld_swap", "coinbase"),
        ("https://jd.github.io/", "none", "none.unlisted", None),  # two letters: anyone's initials
        ("https://x.notion.site/", "none", "none.unlisted", None),
        ("https://t\u0430obao.github.io/", "danger", "lookalike.homograph", "taobao"),  # look-alike letters
        ("https://taobao-kefu.github.io/", "danger", "lookalike.combo", "taobao"),
        ("https://taobao.com.cn/", "danger", "lookalike.tld_swap", "taobao"),  # a registry's ending
        # pages anyone publishes: no brand's domain vouches for them, the publisher's name is read
        ("https://sites.google.com/view/coinbase-login", "danger", "lookalike.user_content", "coinbase"),
        ("https://sites.google.com/view/usps", "caution", "lookalike.user_content", "usps"),
        ("https://sites.google.com/view/my-bakery/home", "none", "none.user_content", None),
        ("https://storage.googleapis.com/paypal-resolve/index.html", "caution", "lookalike.user_content", "paypal"),
        ("https://s3.amazonaws.com/uspsredelivery/index.html", "danger", "lookalike.user_content", "usps"),
        ("https://s3.us-east-1.amazonaws.com/netflix-billing/x.html", "danger", "lookalike.user_content", "netflix"),
        (
            "https://firebasestorage.googleapis.com/v0/b/chase-secure.appspot.com/o/index.html",
            "caution",
            "lookalike.user_content",
            "chase",
        ),
        ("https://storage.googleapis.com/my-photos/a.jpg", "none", "none.user_content", None),
        ("https://www.google.com/", "verified", "official.domain", "google"),
    ],
)
def test_real_scam_shapes(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)


def test_user_content_sites_are_the_registrable_domains_of_their_hosts():
    assert {split_host(h).registrable for h in USER_CONTENT_PATHS} == USER_CONTENT_SITES
