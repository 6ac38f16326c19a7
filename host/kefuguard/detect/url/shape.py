"""Tricks in the shape of a URL rather than its domain name: a brand in the user-info part
(https://taobao.com@evil.io), a bare IP address, a link shortener, an official domain in the path, a
brand's name as a folder of a sign-in page on another site."""

from __future__ import annotations

import re
from functools import lru_cache

from kefuguard.detect.url.brand_index import ORDINARY_WORD_TOKENS, BrandIndex, Target
from kefuguard.detect.url.combos import combo_findings, has_scam_word, split_words
from kefuguard.detect.url.findings import Finding, finding
from kefuguard.detect.url.parse import HostParts, ParsedUrl, unquote
from kefuguard.detect.url.popular import is_popular
from kefuguard.detect.url.scam_words import SERVICE_WORDS

SHORTENERS = frozenset(
    {
        "bit.ly",
        "t.cn",
        "url.cn",
        "dwz.cn",
        "suo.im",
        "tinyurl.com",
        "goo.gl",
        "t.co",
        "is.gd",
        "ow.ly",
        "rebrand.ly",
        "cutt.ly",
        "s.id",
        "shorturl.at",
        "tiny.cc",
        "v.gd",
        "rb.gy",
        "bl.ink",
        "t.ly",
        "u.nu",
        "mrw.so",
        "sohu.gg",
        "j.mp",
        "buff.ly",
        "lnkd.in",
        "qr.net",
        "x.gd",
        "reurl.cc",
        "0rz.tw",
    }
)
_DOMAIN_LIKE = re.compile(r"[a-z0-9][a-z0-9.-]{0,252}\.[a-z]{2,63}")
# hosts where anyone publishes pages, each with the part of the path the publisher names: a Google
# Sites page (/view/NAME), an object storage bucket (/BUCKET/...). A listed brand's domain vouches for
# none of them (sites.google.com is under google.com), and the named part is read like a subdomain.
# Compiled on first use (~0.3 ms of a start with the S3 one below, for hosts a first check rarely is).
USER_CONTENT_PATHS = {
    "sites.google.com": r"/(?:view|site)/([^/?#]+)",
    "storage.googleapis.com": r"/([^/?#]+)/",
    "firebasestorage.googleapis.com": r"/v0/b/([^/?#]+)/o/",
    "s3.amazonaws.com": r"/([^/?#]+)/",
}
# their registrable domains, for one probe per URL (tests/detect/test_url_rare_tokens.py checks them)
USER_CONTENT_SITES = frozenset(
    {"google.com", "storage.googleapis.com", "firebasestorage.googleapis.com", "s3.amazonaws.com"}
)
_S3_REGIONAL = r"s3[.-][a-z0-9-]+\.amazonaws\.com"  # a public suffix itself: no registrable part


def user_content_path(host: HostParts) -> re.Pattern[str] | None:
    """The pattern of the publisher's part of the path, for a host where anyone publishes pages."""
    if host.registrable in USER_CONTENT_SITES:
        pattern = USER_CONTENT_PATHS.get(host.host)
        return None if pattern is None else _compiled(pattern)
    if not host.suffix and host.host.endswith(".amazonaws.com") and _compiled(_S3_REGIONAL).fullmatch(host.host):
        return _compiled(USER_CONTENT_PATHS["s3.amazonaws.com"])
    return None


@lru_cache(maxsize=None)  # kept here: re's own cache is shared with every other pattern and may drop them
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# words of a sign-in page, anywhere in a path word: /logon/, /netbanking/, /authentication/, /signin.php
SIGN_IN_PARTS = ("login", "logon", "signin", "banking", "verif", "auth", "password", "account")
# folders where a site keeps its pictures, uploads and temporary files, never its pages: a phishing kit
# unpacked on a hijacked site lands there (/images/files/SC/HomePage.html, /wp-content/uploads/x/login.php)
FILES_FOLDERS = ("images", "image", "img", "imgs", "pictures", "tmp", "temp", "uploads", "upload")
# paths read even when they hold no file name (a URL's shape is checked then): a folder of a name run
# into a sign-in word (/mufglogin/, /hsbcsignin: a kit's folder, never a slug a news page writes; the
# brand is looked up then), and a link to a files folder itself (/tmp/, /img/: a kit's index page there)
PATH_TO_READ = re.compile(
    r"/[A-Za-z]{4,}(?:login|logon|signin|LOGIN|Login|SignIn)(?:[/?#]|$)"
    r"|/(?:" + "|".join(FILES_FOLDERS) + r")/(?:[?#]|$)"
)


def brand_mentioned(text: str, index: BrandIndex) -> Target | None:
    """An official domain, or a brand token standing as its own word, in free text."""
    lowered = unquote(text).lower()
    for m in _DOMAIN_LIKE.finditer(lowered[:4096]):
        candidate = m.group(0).strip(".-")
        parts = candidate.split(".")
        for i in range(len(parts) - 1):
            t = index.official.get(".".join(parts[i:]))
            if t is not None:
                return t
    for word in re.split(r"[^a-z0-9]+", lowered[:4096]):
        if len(word) >= 4 and word in index.tokens:
            return index.tokens[word]
    return None


@lru_cache(maxsize=1024)  # an address's links repeat on a page; ipaddress takes ~20 us to tell
def _is_global_ip(host: str) -> bool:
    import ipaddress  # here: ~1 ms to import, and only an address needs it

    return ipaddress.ip_address(host).is_global


def shape_findings(parsed: ParsedUrl, index: BrandIndex) -> list[Finding]:
    """One finding for each trick found."""
    out: list[Finding] = []
    host = parsed.host.host
    if parsed.userinfo:
        t = brand_mentioned(parsed.userinfo.replace("@", " "), index)
        if t is not None:
            out.append(finding("url.userinfo_brand", "danger", t, host, host=host))
        else:
            out.append(finding("url.userinfo", "caution", None, host, host=host))
    rest = parsed.path + " " + parsed.query
    if parsed.host.is_ip:
        t = brand_mentioned(rest, index)
        if t is not None:
            out.append(finding("url.ip_brand", "danger", t, host, host=host))
        elif _is_global_ip(host):
            out.append(finding("url.ip_host", "caution", None, host, host=host))
        return out
    if parsed.host.registrable in SHORTENERS:
        t = brand_mentioned(rest, index)
        if t is not None:  # a short link dressed up as a brand: bit.ly/taobao-refund
            out.append(finding("url.shortener_brand", "caution", t, host, site=parsed.host.registrable))
        return out
    content = user_content_path(parsed.host)
    if content is not None:
        out += user_content_findings(parsed.path, content, host, index)
    app = brand_app_file(parsed.path, index)
    if app is not None and not is_popular(parsed.host.registrable):  # an app store's mirror may name any app
        word, t = app
        out.append(finding("url.brand_app_file", "danger", t, host, site=parsed.host.registrable, word=word))
    t = brand_mentioned(rest, index)
    if t is not None and "." in rest and index.official.get(t.domain) is not None and t.domain in unquote(rest).lower():
        out.append(finding("url.brand_in_path", "caution", t, host, site=parsed.host.registrable))
    elif not is_popular(parsed.host.registrable):  # a guide on a popular site may say /brand/login-help
        t = sign_in_page_brand(parsed.path, index)
        if t is not None:
            out.append(finding("url.brand_sign_in_path", "caution", t, host, site=parsed.host.registrable))
        else:
            page = brand_page_name(parsed.path, index)
            if page is not None:
                word, t = page
                out.append(finding("url.brand_page", "caution", t, host, site=parsed.host.registrable, word=word))
            else:
                folder = page_in_files_folder(parsed.path)
                if folder is not None:
                    out.append(finding("url.files_folder_page", "caution", None, host, site=host, word=folder))
    return out


_PAGE_FILE = re.compile(r"\.(?:html?|php)$")


def page_in_files_folder(path: str) -> str | None:
    """The files folder (FILES_FOLDERS) a web page (.html, .htm, .php) sits in, anywhere up its path,
    or that the link opens itself (/tmp/, /img/), or None. A site links to its pictures and downloads
    there, not to pages or to the folder; a page there was put where the site's own software would not
    put it."""
    lowered = unquote(path).lower()[:2048]
    folders = lowered.split("/")
    if lowered.endswith("/") and len(folders) >= 3 and folders[-2] in FILES_FOLDERS:
        return folders[-2]
    if _PAGE_FILE.search(lowered) is None:
        return None
    for folder in folders[:-1]:
        if folder in FILES_FOLDERS:
            return folder
    return None


def user_content_findings(path: str, content: re.Pattern[str], host: str, index: BrandIndex) -> list[Finding]:
    """A page on a host where anyone publishes, named with a brand: a combo (paypal-resolve) is
    danger, like a brand's combo in front of another site; the brand token alone or with noise
    around it is a caution."""
    m = content.match(unquote(path).lower())
    if m is None:
        return []
    name = m.group(1)[:253].split(".", 1)[0]  # a bucket may be named like a host: chase-secure.appspot.com
    for f in combo_findings(name, index, host):
        level = "danger" if f.level == "danger" else "caution"
        return [finding("lookalike.user_content", level, _target(f, index), host, site=host, word=name)]
    token = index.tokens.get(name) if len(name) >= 3 else None
    if token is None and index.distinctive_words is not None:
        noisy = index.distinctive_words.search(name)
        token = index.distinctive.get(noisy.group(0)) if noisy is not None else None
    if token is None:
        return []
    return [finding("lookalike.user_content", "caution", token, host, site=host, word=name)]


def _target(f: Finding, index: BrandIndex) -> Target | None:
    """The Target a finding was made from: its official domain's."""
    return index.official.get(f.official) if f.official is not None else None


def sign_in_page_brand(path: str, index: BrandIndex) -> Target | None:
    """A brand's name as a folder or file of its own in the path of another site, next to the words
    of a sign-in page: /bankname/netbanking/logon.htm, /wp-content/brandname2/login.php. A phishing
    kit unpacked on a hijacked site keeps the brand's name as its folder; a news page about the brand
    names it in a sentence-like slug, which the sign-in words alone would not make a warning. The
    brand's name may run straight into the page's word (/mufglogin/)."""
    lowered = unquote(path).lower()[:2048]
    segments = [seg.split(".", 1)[0] for seg in lowered.split("/")]  # folders, and file names without endings
    if len(segments) < 3 or not any(part in lowered for part in SIGN_IN_PARTS):
        return None
    for segment in segments:
        name = segment.rstrip("0123456789")  # brandname2, hsbc1: a kit's copies
        if len(name) >= 4 and name.isalpha() and name not in ORDINARY_WORD_TOKENS:
            t = index.tokens.get(name)
            if t is not None:
                return t
            for part in SIGN_IN_PARTS:  # /mufglogin/, /hsbcbanking/: the brand and the page's word run together
                head = name[: -len(part)]
                if name.endswith(part) and len(head) >= 4 and head not in ORDINARY_WORD_TOKENS:
                    t = index.tokens.get(head)
                    if t is not None:
                        return t
    return None


# an Android or iOS app file at the end of the path: /hdfc-ygsv3.apk, /files/icbc_v2.ipa
_APP_FILE = re.compile(r"/([a-z][a-z0-9_.-]{0,80})\.(?:apk|xapk|ipa)$")


def brand_app_file(path: str, index: BrandIndex) -> tuple[str, Target] | None:
    """An app file whose name starts with a brand's name (hdfc-ygsv3.apk, icbc_v2.apk) on a site that
    is not the brand's: banks and shops hand out their apps from their own sites and the app stores,
    while fake-app scams send a file from anywhere. Brand tokens of 3+ letters that are no ordinary
    word, as the file name's first word."""
    m = _APP_FILE.search(unquote(path).lower()[-256:])
    if m is None:
        return None
    first = re.match(r"[a-z]+", m.group(1))  # an app file's name: rare, so no pattern compiled at import
    if first is None or len(first.group(0)) < 3 or first.group(0) in ORDINARY_WORD_TOKENS:
        return None
    t = index.tokens.get(first.group(0))
    return (m.group(1) + m.group(0)[m.group(0).rfind(".") :], t) if t is not None else None


_STATIC_PAGE = re.compile(r"/([a-z]+[0-9]{0,3})\.html?$")
# a page named with words joined by hyphens or underscores: /paypal-login.html, /usps_redelivery.php
_WORDS_PAGE = re.compile(r"/([a-z0-9]+(?:[_-][a-z0-9]+)+)\.(?:html?|php)$")
# a site's own scripts for a payment service's round trip (/paypal-cancel.php, /alipay-payment.php) and
# for signing in with another's account (/google-login.php, /wechat-login.php) are named with these,
# and a help desk's pages with the service words: no kit's page name
_OWN_SCRIPT_WORDS = frozenset(
    "payment payments pay order orders cancel cancellation billing invoice checkout notify return "
    "login logon signin auth register registration account accounts connect callback".split()
)


def brand_page_name(path: str, index: BrandIndex) -> tuple[str, Target] | None:
    """A static page of another site named for a brand, with a kit's copy number or not: /HSBC1.htm,
    /files/paypal.html. A phishing kit's pages keep the brand's name; a site's own pages about a
    brand are named in sentence-like slugs (/news/hsbc-results.html), and payment callbacks are
    scripts (/notify/alipay.php), not static pages. Brand tokens of 4+ letters that are no
    ordinary word (apple.html is a fruit's page as often)."""
    lowered = unquote(path).lower()[:2048]
    m = _STATIC_PAGE.search(lowered)
    if m is None:
        return _combo_page_name(lowered, index)
    name = m.group(1).rstrip("0123456789")
    if len(name) < 4 or name in ORDINARY_WORD_TOKENS:
        return None
    t = index.tokens.get(name)
    return (m.group(1), t) if t is not None else None


def _combo_page_name(lowered: str, index: BrandIndex) -> tuple[str, Target] | None:
    """A page named only with a brand's name and a scam script's words (/paypal-verify.html,
    /usps_redelivery.php): a phishing kit's page on a bucket, a page builder or a hijacked site. Every
    word of the name must be known, so a slug with words of its own (/how-to-get-a-paypal-refund.html)
    is a page about the brand, not its fake; a site's checkout and sign-in scripts and a help desk's
    pages are named with words left out here (/google-login.php signs in with Google)."""
    m = _WORDS_PAGE.search(lowered)
    if m is None:
        return None
    name = m.group(1)
    words = name.replace("_", "-")
    token, strength, complete = split_words(words, index.words)
    if token is None or not complete or strength < 2 or len(token) < 3 or token.isdigit():
        return None
    if not has_scam_word(words, index, but=SERVICE_WORDS | _OWN_SCRIPT_WORDS):
        return None
    return name, index.tokens[token]
