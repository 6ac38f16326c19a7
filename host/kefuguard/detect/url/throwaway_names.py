"""Names no one could say: a site named with a run of letters that cannot be read as syllables
(gshbcz, pozmns, swmqt), or with digits thrown between letters that make no word either (pt5jf,
l1smc), the names a script draws for a wave of scam texts. Under an ending throwaway sites favour it
is a caution of its own (url.throwaway_name); under any other ending only when the host is two such
names, one in front of the other (hnaatvlrl.isrhns5.com), which no business types for its customers.

'Cannot be read' is a test of syllables, not a dictionary: a run is readable when it splits into
syllables of an onset, vowels and a coda, the consonants between two vowels splitting into a coda
English, pinyin or Vietnamese ends a syllable with and an onset they start one with (bestshop:
best-shop; zhongguo: zhong-guo; firstclass: first-class; dangnhap: dang-nhap). Compound words,
invented brands and pinyin stay readable; abbreviations and random draws do not. Repeated letters count once (kknews, xxx), and x is
read as the syllable it is spoken as (xbox, xnxx). Short runs (4 letters or fewer) are left alone:
initials (bbc, cctv) are what many real sites are named.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kefuguard.detect.url.findings import Finding, finding
from kefuguard.detect.url.parse import HostParts
from kefuguard.detect.url.popular import is_popular
from kefuguard.detect.url.site_names import INFORMATION_ENDINGS

MIN_RUN = 5  # letters in a run before its reading counts: bbc, cctv, html are initials and words
MIN_MIXED_LETTERS = 4  # letters mixed with digits (l1smc, pt5jf, idbt12269) before the mix counts

_VOWELS = frozenset("aeiouyx")  # x reads as a syllable of its own ('eks'): xbox, xnxx
# consonants that start a syllable in English, pinyin or Vietnamese
_ONSETS = frozenset(
    "b c d f g h j k l m n p q r s t v w z "
    "bl br ch cl cr dr dw fl fr gl gr kl kn kr ph pl pr sc sch scr sh shr sk sl sm sn sp spl spr st str sw "
    "th thr tr tw wh wr gn ps ts zh sph squ qu chr phr schl schm schn schr schw pf kw rh "
    "kh nh ng ngh".split()  # the last four Vietnamese (khachhang, dangnhap)
) | {""}
# consonants that end one, and the same with a plural's s (crafts, strengths)
_SINGLE_CODAS = (
    "b c d f g h j k l m n p q r s t v w z "
    "ck ct ft ld lf lk lm lp lt mp nd ng nk nt ps rb rc rd rk rl rm rn rp rs rt sh sk sp st th ts ch tch "
    "nch rch rst gh ght lth nth rth ngth mb mn rf rg rv lv pt xt sm ph lch lsh rsh nst rz tz pf rn "
    "rld gn wn rgh ghth lfth pth dth mpt lpt cht thm nh".split()  # world, design, download ... xacminh
)
_CODAS = frozenset(_SINGLE_CODAS) | frozenset(c + "s" for c in _SINGLE_CODAS) | {""}
_GROUPS = re.compile(r"[aeiouyx]+|[^aeiouyx]+")
_RUNS = re.compile(r"[a-z]+")
_REPEATS = re.compile(r"([a-z])\1+")
_DIGIT = re.compile(r"[0-9]")
# prefixes a site puts in front of its own name (www, wap, m, mail): no drawn name of their own
_SITE_PREFIXES = frozenset({"www", "wap", "m", "mail", "web", "app", "api", "cdn", "static", "img", "h5"})


@lru_cache(maxsize=4096)  # names repeat across a page's links; bounded for a long-running host
def readable(run: str) -> bool:
    """Whether a run of letters reads as syllables (see the module's note)."""
    groups = _GROUPS.findall(_REPEATS.sub(r"\1", run))
    if not any(g[0] in _VOWELS for g in groups):
        return False
    last = len(groups) - 1
    for k, g in enumerate(groups):
        if g[0] in _VOWELS:
            continue
        if k == 0:
            ok = g in _ONSETS
        elif k == last:
            ok = g in _CODAS
        else:
            ok = any(g[:i] in _CODAS and g[i:] in _ONSETS for i in range(len(g) + 1))
        if not ok:
            return False
    return True


def drawn_part(label: str) -> str | None:
    """The part of a name that reads as no word: a run of 5+ letters that cannot be read as
    syllables, or letters mixed with digits that together cannot and hold no readable word of 4+
    letters (pt5jf, l1smc, idbt12269; not mp3juices, whose 'juices' is a word). None for a
    readable name, a word with a number (shop24, web3) or short initials."""
    runs = _RUNS.findall(label)
    if _DIGIT.search(label) is not None and runs:
        letters = "".join(runs)
        if (
            len(letters) >= MIN_MIXED_LETTERS
            and not readable(letters)
            and not any(len(run) >= MIN_MIXED_LETTERS and readable(run) for run in runs)
        ):
            return label
    for run in runs:
        if len(run) >= MIN_RUN and not readable(run):
            return run
    return None


def throwaway_name_findings(label: str, where: str, cheap_ending: str | None) -> list[Finding]:
    """A site's own name that reads as no word, under an ending throwaway sites favour: the scripted
    draws of one wave of scam texts (gshbcz.cc, pozmns.cc). Under ordinary endings initials and
    abbreviations name real businesses (hdfcbank.com, cbsnews.com), so nothing there. Caution."""
    if cheap_ending is None or cheap_ending in INFORMATION_ENDINGS or not label.isascii():
        return []  # .info, .mobi, .asia: old endings full of ordinary sites named with initials
    part = drawn_part(label)
    if part is None:
        return []
    return [finding("url.throwaway_name", "caution", None, where, shown=where, ending=cheap_ending, word=part)]


# dynamic-DNS services (the public suffix list's private section): a home server's owner types its
# name (mynas, homeserver); tunnels and hosting platforms that draw names for their users are not here
DYNAMIC_DNS_SUFFIXES = frozenset(
    "duckdns.org ddns.net myftp.org hopto.org zapto.org sytes.net servehttp.com serveftp.com servebeer.com "
    "no-ip.org noip.me dynu.net freeddns.org ddnsking.com dyndns.org dynv6.net".split()
)


def dynamic_dns_name_findings(label: str, suffix: str, where: str) -> list[Finding]:
    """A name that reads as no word on a dynamic-DNS service (dfmfewemha.duckdns.org): free and made in
    a minute like a throwaway ending's, and its owners type a name they can remember. Caution."""
    if suffix not in DYNAMIC_DNS_SUFFIXES or not label.isascii():
        return []
    part = drawn_part(label)
    if part is None:
        return []
    return [finding("url.throwaway_name/dynamic_dns", "caution", None, where, shown=where, ending=suffix, word=part)]


def drawn_host_findings(host: HostParts) -> list[Finding]:
    """A host that is two drawn names, one in front of the other (hnaatvlrl.isrhns5.com,
    hedrnwvvad.koanwx.net): a script's subdomain on a script's domain, under any ending. A real
    site's subdomains are its services' names (www, mail, shop) and its own name reads; a popular
    site's machine names (d3abc.cloudfront.net) are the popular site's business."""
    if host.host == host.registrable or host.is_ip or not host.label.isascii():
        return []
    # the cheap tests first: most hosts with a subdomain are www. or m. of an ordinary site
    first = host.host[: -len(host.registrable)].rstrip(".").split(".", 1)[0]
    if first in _SITE_PREFIXES or not first.isascii():
        return []
    site_part = drawn_part(host.label)
    if site_part is None:
        return []
    front = drawn_part(first)
    if front is None or is_popular(host.registrable):
        return []
    shown = f"{first}.{host.registrable}"
    return [finding("url.throwaway_name/pair", "caution", None, host.host, shown=shown, word=front, site=site_part)]
