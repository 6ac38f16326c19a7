"""The sixteenth URL session's rules, each a scam shape beside real sites with the same words: a
sign-in word spelt with a look-alike character (url.look_alike_word), a bill's overcharge as a refund
lure next to a brand (a scam word of the combo rule), and a web page inside a folder a site keeps its
pictures, uploads or temporary files in (url.files_folder_page)."""

from __future__ import annotations

import pytest

from kefuguard.detect.url.name_tricks import LOOK_ALIKE_SPELLINGS, SIGN_IN_WORDS
from kefuguard.detect.url.shape import page_in_files_folder

from .url_support import assert_url_case

CASES = [
    # a sign-in word with a look-alike character (the tune half's pay-logln.replit.app)
    ("https://pay-logln.replit.app/", "caution", "url.look_alike_word", None),
    ("https://l0gin-secure.com/", "caution", "url.look_alike_word", None),
    ("https://verlfy-account.net/", "caution", "url.look_alike_word", None),
    ("https://acc0unt-update.top/", "caution", "url.look_alike_word", None),
    ("https://wa11et-connect.xyz/", "caution", "url.look_alike_word", None),
    ("https://logln.top/", "caution", "url.look_alike_word", None),
    # the same words spelt right, and words that hold them, name ordinary sites
    ("https://mylogin.com/", "none", "none.unlisted", None),
    ("https://login-help.replit.app/", "none", "none.unlisted", None),
    ("https://reflog.com/", "none", "none.unlisted", None),
    ("https://onlinecourses.net/", "none", "none.unlisted", None),
    ("https://leatherwallets.net/", "none", "none.unlisted", None),
    ("https://oficial.mx/", "none", "none.unlisted", None),  # Spanish 'official', one f
    ("https://login.gov/", "none", "none.unlisted", None),
    # a bill charged too much, the refund lure, next to a brand (the tune half's bell-overcharge.ca)
    ("https://bell-overcharge.ca/", "danger", "lookalike.combo", "bell_canada"),
    ("https://telstra-overpayment.com/", "danger", "lookalike.combo", "telstra"),
    ("https://overcharged-refund.top/", "caution", None, None),
    # the words alone, or a brand's own site, say nothing
    ("https://overcharge.com/", "none", "none.unlisted", None),
    ("https://overchargelaw.com/", "none", "none.unlisted", None),
    ("https://overpaid.com/", "none", "none.unlisted", None),
    ("https://www.bell.ca/", "verified", "official.domain", "bell_canada"),
    # a web page inside a site's pictures, uploads or temporary files (the tune half's
    # www.eurofoodstuff.com.hk/images/files/SC/HomePage.html)
    ("http://kennel-club-example.org/images/files/SC/HomePage.html", "caution", "url.files_folder_page", None),
    ("http://shop.example-store.de/tmp/login.php", "caution", "url.files_folder_page", None),
    ("http://kennel-club-example.org/wp-content/uploads/2024/05/index.php", "caution", "url.files_folder_page", None),
    ("http://kennel-club-example.org/img/verify/index.htm", "caution", "url.files_folder_page", None),
    # or the folder itself (the tune half's www.elka.sklep.pl/tmp/, www.distribeauxarts.com/img/)
    ("http://www.kennel-club-example.org/tmp/", "caution", "url.files_folder_page", None),
    ("https://www.kennel-club-example.org/img/?id=4", "caution", "url.files_folder_page", None),
    # pictures and downloads there, and pages elsewhere, are what a site keeps
    ("http://kennel-club-example.org/images/files/photo.jpg", "none", "none.unlisted", None),
    ("http://kennel-club-example.org/wp-content/uploads/2024/05/report.pdf", "none", "none.unlisted", None),
    ("http://kennel-club-example.org/images.html", "none", "none.unlisted", None),
    ("http://kennel-club-example.org/gallery/index.html", "none", "none.unlisted", None),
    ("http://kennel-club-example.org/upload.php", "none", "none.unlisted", None),
    ("https://github.com/someone/repo/images/index.html", "none", "none.popular", None),
    ("https://github.com/someone/repo/tree/main/img/", "none", "none.popular", None),
    ("http://kennel-club-example.org/tmpfiles/", "none", "none.unlisted", None),
    ("http://kennel-club-example.org/images/2024/", "none", "none.unlisted", None),
    # a brand's page in such a folder keeps the brand's own reason
    ("http://kennel-club-example.org/images/files/hsbc1.htm", "caution", "url.brand_page", "hsbc"),
]


@pytest.mark.parametrize(("url", "level", "code", "brand"), CASES, ids=[c[0] for c in CASES])
def test_words_and_folders_case(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)


def test_the_look_alike_reason_names_the_word_and_its_spelling(engine):
    reason = engine.check_url("https://pay-logln.replit.app/")["reasons"][0]
    assert "'login' as 'logln'" in reason["message"] and "“login”写成了“logln”" in reason["message_zh"]


def test_every_look_alike_spelling_differs_from_its_word_in_look_alike_characters_only():
    assert len(LOOK_ALIKE_SPELLINGS) > 50
    for spelt, word in LOOK_ALIKE_SPELLINGS.items():
        assert word in SIGN_IN_WORDS and spelt != word and len(spelt) == len(word)
        changed = [(a, b) for a, b in zip(word, spelt, strict=True) if a != b]
        assert 1 <= len(changed) <= 2 and all(b in "il10" for _, b in changed), (spelt, word)


@pytest.mark.parametrize(
    ("path", "folder"),
    [
        ("/images/files/SC/HomePage.html", "images"),
        ("/Uploads/x/Login.PHP", "uploads"),
        ("/tmp/", "tmp"),  # the folder itself
        ("/tmp", None),
        ("/images/a.png", None),
        ("/news/images-of-the-week.html", None),
        ("/%69mages/x.html", "images"),  # percent-encoded as a browser may send it
    ],
)
def test_the_files_folder_of_a_page(path, folder):
    assert page_in_files_folder(path) == folder


def test_a_link_to_a_files_folder_is_never_answered_from_its_host_s_result():
    from kefuguard.detect.url.check import host_alone_key, plain_rest_is_alone

    assert host_alone_key("https://www.example-shop.de/tmp/") is None
    assert host_alone_key("https://www.example-shop.de/img/?x=1") is None
    assert not plain_rest_is_alone(b"/uploads/")
    assert host_alone_key("https://www.example-shop.de/tmpfiles/") == "www.example-shop.de"
    assert plain_rest_is_alone(b"/images/2024/")
