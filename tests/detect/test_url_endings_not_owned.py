"""Names under endings their brand does not own, and names of shapes that need no brand: an ending a
private company sells under a country's code (com.de, co.nl), a government body's name under a
bought ending, a brand's other name on a hosting or dynamic-DNS platform, a site named for an
e-visa, a drawn name on a dynamic-DNS service, a sign-in word written with digits, and scam words of
more languages next to a brand, a page named with a brand and scam words. Each scam shape beside
real sites with the same words."""

from __future__ import annotations

import pytest

from kefuguard.detect.url.name_tricks import is_pseudo_ending

from .url_support import assert_url_case

CASES = [
    # a generic ending in front of a country's code its registry does not use: a private company's
    ("https://paypal.com.de/", "danger", "lookalike.tld_swap", "paypal"),
    ("https://google.com.de/", "danger", "lookalike.tld_swap", "google"),  # country sites do not reach here
    ("https://amazon.co.nl/", "danger", "lookalike.tld_swap", "amazon"),
    ("https://co-photo.com.de/", "caution", "url.pseudo_ending", None),
    ("https://secure-pay.co.ca/", "caution", "url.pseudo_ending", None),
    # the country's own endings and the old Russian second levels stay as they were
    ("https://www.heise.de/", "none", "none.unlisted", None),
    ("https://example.com.ru/", "none", "none.unlisted", None),
    ("https://example.co.uk/", "none", "none.unlisted", None),
    # a government body's name under an ending anyone can buy; its own site is under a government ending
    ("https://mygov.net/", "caution", "lookalike.brand_name", "au_mygov"),
    ("https://mygov.com/", "caution", "lookalike.brand_name", "au_mygov"),
    ("https://dvla.com/", "caution", "lookalike.brand_name", "uk_dvla"),
    ("https://servicesaustralia.com/", "caution", "lookalike.brand_name", "au_mygov"),
    ("https://my.gov.au/", "verified", "official.domain", "au_mygov"),
    ("https://dvla.de/", "none", "none.unlisted", None),  # another country's ending: a name of that country
    # a brand's other name as a whole site name on a hosting or dynamic-DNS platform
    ("https://kbkookmin.netlify.app/", "caution", "lookalike.tld_swap", "kb_kookmin"),
    ("https://servicesaustralia.vercel.app/", "caution", "lookalike.tld_swap", "au_mygov"),
    ("https://bankofguizhou.duckdns.org/", "caution", "lookalike.tld_swap", "guizhou_bank"),
    ("https://mynas.duckdns.org/", "none", "none.unlisted", None),
    # a site named for an e-visa, which only a government's own site issues
    ("https://evisaindia.com/", "caution", "url.fake_government", None),
    ("https://kenya-evisa-online.com/", "caution", "url.fake_government", None),
    ("https://indianevisaservice.org/", "caution", "url.fake_government", None),
    ("https://turkey-e-visa.net/", "caution", "url.fake_government", None),
    ("https://evisa.co/", "caution", "url.fake_government", None),  # a generic ending: no country's portal
    ("https://evisa.tj/", "none", "none.unlisted", None),  # the word alone under a country's ending: its portal
    ("https://evisa.gov.tr/", "none", "none.unlisted", None),  # a government ending
    ("https://televisa.com/", "none", "none.unlisted", None),  # the end of another word
    ("https://previsaodotempo.com.br/", "none", "none.unlisted", None),
    ("https://devisarechner.de/", "none", "none.unlisted", None),
    ("https://visahq.com/", "none", "none.unlisted", None),
    # a drawn name on a dynamic-DNS service; names people type there read as words
    ("https://dfmfewemha.duckdns.org/", "caution", "url.throwaway_name", None),
    ("https://xk9qz.ddns.net/", "caution", "url.throwaway_name", None),
    ("https://homeserver.ddns.net/", "none", "none.unlisted", None),
    ("https://jellyfin.duckdns.org/", "none", "none.unlisted", None),
    ("https://plex.hopto.org/", "none", "none.unlisted", None),
    ("https://xk9qzt.github.io/", "none", "none.unlisted", None),  # platforms draw names for their users
    # a sign-in word written with digits anywhere in the name
    ("https://00citizens0nline4ccess.duckdns.org/", "caution", "url.look_alike_word", None),
    ("https://myacc0unt.com/", "caution", "url.look_alike_word", None),
    ("https://s3cure-pay.net/", "caution", "url.look_alike_word", None),
    ("https://upd4te.info/", "caution", "url.look_alike_word", None),
    ("https://24access.com/", "none", "none.unlisted", None),  # digits beside the word, not inside it
    ("https://web3login.com/", "none", "none.unlisted", None),
    ("https://365online.com/", "none", "none.unlisted", None),
    # scam words of more languages next to a brand
    ("https://unicredit-sospeso.com/", "danger", "lookalike.combo", "unicredit"),  # Italian: suspended
    ("https://sparkasse-legitimation.de/", "danger", "lookalike.combo", "sparkasse"),  # German: re-identification
    ("https://bbva-bloqueado.com/", "danger", "lookalike.combo", "bbva"),  # Spanish: blocked
    ("https://laposte-suspendu.fr/", "danger", "lookalike.combo", "la_poste"),  # French: suspended
    ("https://itau-regularizar.com/", "danger", "lookalike.combo", "itau"),  # Portuguese: settle
    ("https://bca-konfirmasi.com/", "danger", "lookalike.combo", "bca"),  # Indonesian: confirm
    ("https://vietcombank-tritan.com/", "danger", "lookalike.combo", "vietcombank"),  # Vietnamese: gratitude
    ("https://smbc-honninkakunin.com/", "danger", "lookalike.combo", "smbc"),  # romaji: identity check
    ("https://kasikornbank-yuenyan.com/", "danger", "lookalike.combo", "kasikornbank"),  # Thai: confirm
    ("https://chase-alerts.com/", "caution", "lookalike.combo", "chase"),
    ("https://henkin.top/", "caution", "url.scam_theme", None),  # romaji: refund, under a bought ending
    ("https://restituicao.top/", "caution", "url.scam_theme", None),  # Brazil's tax refund
    # the same words without a brand, under ordinary endings
    ("https://sospeso.it/", "none", "none.unlisted", None),
    ("https://tritan.com/", "none", "none.unlisted", None),
    ("https://www.legitimation.de/", "none", "none.unlisted", None),
    ("https://pushtan.de/", "none", "none.unlisted", None),
    ("https://news-alerts.com/", "none", "none.unlisted", None),
    # a page named only with a brand's name and scam words, on a bucket or anyone's site
    ("https://pub-1a2b3c.r2.dev/paypal-verify.html", "caution", "url.brand_page", "paypal"),
    ("https://firebasestorage.googleapis.com/v0/b/x/o/paypal-unlock.html", "caution", "url.brand_page", "paypal"),
    ("https://qwe-shop.net/usps_redelivery.php", "caution", "url.brand_page", "usps"),
    ("https://qwe-shop.net/wp/icbc-kefu.html", "caution", "url.brand_page", "icbc"),
    # a page about the brand, a site's own checkout and sign-in scripts, a tracking page
    ("https://qwe-shop.net/news/how-to-get-a-paypal-refund.html", "none", "none.unlisted", None),
    ("https://qwe-shop.net/paypal-cancel.php", "none", "none.unlisted", None),
    ("https://qwe-shop.net/alipay-notify.php", "none", "none.unlisted", None),
    ("https://qwe-shop.net/google-login.php", "none", "none.unlisted", None),
    ("https://qwe-shop.net/wechat-login.php", "none", "none.unlisted", None),
    ("https://qwe-shop.net/ups-tracking.html", "none", "none.unlisted", None),
    ("https://qwe-shop.net/paypal-support.html", "none", "none.unlisted", None),
]


@pytest.mark.parametrize(("url", "level", "code", "brand"), CASES, ids=[c[0] for c in CASES])
def test_ending_and_name_case(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)


@pytest.mark.parametrize(
    ("suffix", "pseudo"),
    [("com.de", True), ("co.nl", True), ("co.ca", True), ("co.com", True)]
    + [("com.ru", False), ("co.uk", False), ("com.br", False), ("com.au", False), ("de", False)],
)
def test_a_generic_ending_before_a_country_code_its_registry_does_not_use(suffix, pseudo):
    assert is_pseudo_ending(suffix) is pseudo


def test_the_reasons_name_what_they_read(engine):
    evisa = engine.check_url("https://evisaindia.com/")["reasons"][0]
    assert "e-visa" in evisa["message"] and "电子签证" in evisa["message_zh"]
    digits = engine.check_url("https://myacc0unt.com/")["reasons"][0]
    assert "'account'" in digits["message"] and "acc0unt" in digits["message"]
    drawn = engine.check_url("https://dfmfewemha.duckdns.org/")["reasons"][0]
    assert "duckdns.org" in drawn["message"] and "dfmfewemha" in drawn["message"]
