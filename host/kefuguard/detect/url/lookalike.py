"""Lookalike rules for a host that is neither official nor a known scam.

Each rule returns Findings naming the brand and the official domain imitated. Rules, in the
order a user would explain them: homograph, typosquat (edit distance 1 on skeletons), TLD swap,
hyphenation, combo-squatting (brand + scam words), brand split across labels, official domain
embedded in a subdomain, brand as a subdomain, Chinese brand name in an IDN label. Typosquats
live in typosquats.py, combos in combos.py; label_screen.py skips all of them for labels that
cannot match.
"""

from __future__ import annotations

import re
from functools import cache

from kefuguard.detect.url.brand_index import (
    COMMON_WORD_TOKENS,
    MIN_DISTINCTIVE_LENGTH,
    MIN_NAME_END,
    BrandIndex,
    Target,
    osa_distance_at_most_one,
)
from kefuguard.detect.url.combos import (
    any_combo_findings,
    brand_name_findings,
    brand_part_findings,
    combo_findings,
    everyday_word_country_findings,
    short_name_part_findings,
)
from kefuguard.detect.url.findings import Finding, finding, unicode_label
from kefuguard.detect.url.label_screen import DISGUISED_ENDINGS
from kefuguard.detect.url.name_tricks import (
    digit_for_letter_findings,
    is_pseudo_ending,
    look_alike_word_findings,
    pseudo_ending_findings,
)
from kefuguard.detect.url.parse import HostParts
from kefuguard.detect.url.popular import is_popular
from kefuguard.detect.url.public_suffix import public_suffix
from kefuguard.detect.url.reasons import render
from kefuguard.detect.url.scam_words import GENERIC_CCTLDS, SCAM_WORDS, SCAM_WORDS_ZH
from kefuguard.detect.url.site_names import (
    evisa_site_findings,
    fake_government_findings,
    fake_government_subdomain,
    is_government_ending,
    scam_theme_findings,
    theme_pair_findings,
    scam_vocabulary_findings,
    toll_site_findings,
)
from kefuguard.detect.url.skeleton import is_mixed_script, letter_skeleton, loose_skeleton, skeleton
from kefuguard.detect.url.throwaway_names import (
    drawn_host_findings,
    drawn_part,
    dynamic_dns_name_findings,
    throwaway_name_findings,
)
from kefuguard.detect.url.typosquats import (
    EVERYDAY_WORDS,
    SHORT_CORE,
    local_name_elsewhere,
    other_initials,
    typosquat_findings,
)

# TLDs that cheap throwaway scam sites favour; a brand's exact label under one of them is no sister site
ABUSED_TLDS = frozenset(
    {
        "top",
        "xyz",
        "vip",
        "shop",
        "cc",
        "icu",
        "club",
        "online",
        "site",
        "buzz",
        "cyou",
        "live",
        "fun",
        "work",
        "wang",
        "ltd",
        "store",
        "tk",
        "ml",
        "ga",
        "cf",
        "gq",
        "pw",
        "info",
        "bond",
        "sbs",
        "win",
        "link",
        "click",
        "rest",
        "today",
        "life",
        "asia",
        "ink",
        "cloud",
        "lat",
        "mobi",
        "support",
        "services",
        "help",
        # cheap new endings that abuse reports rank high, where throwaway sites are registered in bulk
        "cfd",
        "lol",
        "mom",
        "qpon",
        "autos",
        "boats",
        "beauty",
        "hair",
        "makeup",
        "skin",
        "quest",
        "monster",
        "xin",
        "bid",
        "bar",
    }
)


# scam words long enough to mean something inside a name (shorter ones sit inside too many ordinary words)
LONG_SCAM_WORDS = tuple(sorted(w for w in SCAM_WORDS if len(w) >= 4))


def has_long_scam_word(text: str) -> bool:
    return any(w in text for w in LONG_SCAM_WORDS)


# the word for the post in a language, which every country speaking it names its post with
POSTAL_WORDS = frozenset({"post", "posta", "poste", "laposte", "correo", "correos", "correios", "posti", "posten"})


def is_country_suffix(suffix: str) -> bool:
    """'de', 'co.uk', 'com.br': a country's own ending, not one sold as generic ('co', 'io')."""
    parts = suffix.split(".")
    if len(parts[-1]) != 2:
        return False
    if len(parts) == 1:
        return parts[0] not in GENERIC_CCTLDS
    return len(parts) == 2 and parts[0] in ("com", "co", "net", "org", "ne", "or", "ac", "gen")


# second levels registries sell under a country's ending (com.cn, co.uk, ne.jp, com.au...): not hosting
_REGISTRY_SECOND_LEVELS = frozenset(
    "com co net org ne or ac ad gen edu gov go gob gouv mil ltd plc biz info nom web med law int id in ind "
    "firm store shop art idv game club".split()
)


def is_hosting_suffix(suffix: str) -> bool:
    """An ending that is a company's domain under which its users get sites (github.io, pages.dev,
    notion.site, web.app: the public suffix list's private section), told from a registry's second
    level (com.cn, co.uk) by its first label."""
    first, dot, _ = suffix.partition(".")
    return bool(dot) and len(first) > 3 and first not in _REGISTRY_SECOND_LEVELS


# endings whose registrar registers only a regulator's members: India's banks (bank.in) and non-bank
# financial companies (fin.in), registered through the Reserve Bank of India's IDRBT alone; .post,
# the Universal Postal Union's ending, registered only to postal operators (postnl.post)
RESTRICTED_ENDINGS = frozenset({"bank.in", "fin.in", "post"})


def exempt_suffix(suffix: str) -> bool:
    """Government and military endings cannot be registered by scammers (Chrome's IsSafeTLD):
    .gov, .mil, .gov.cn, .go.jp, .gouv.fr, .gc.ca...; nor can the regulated ones above."""
    return suffix in RESTRICTED_ENDINGS or is_government_ending(suffix)


def registrable_findings(host: HostParts, index: BrandIndex) -> list[Finding]:
    label_ascii = host.label
    if exempt_suffix(host.suffix):
        return []
    label = unicode_label(label_ascii)
    ending = host.suffix.rsplit(".", 1)[-1]
    cheap_ending = ending if ending in ABUSED_TLDS else None
    # a free name under a hosting or dynamic-DNS company (kefu.duckdns.org, tuikuan.ddns.net) costs a
    # scammer even less than a cheap ending: a theme word there counts as it does under one
    theme_ending = cheap_ending or (host.suffix if is_hosting_suffix(host.suffix) else None)
    shown = host.registrable
    if label is label_ascii and not index.screen.may_imitate(label):
        # no brand rule can fire: the screen shares no key with any brand
        return (
            noisy_number_findings(label, index, shown, ending)
            or fake_government_findings(label, host.suffix, shown)
            or evisa_site_findings(label, host.suffix, shown)
            or toll_site_findings(label, shown)
            or scam_theme_findings(label, shown, theme_ending)
            or theme_pair_findings(label, shown)
            or name_trick_findings(label, host.suffix, shown)
            or drawn_noise_findings(label, index, shown)  # the screen keys no everyday-word names (amazon)
            or throwaway_name_findings(label, shown, cheap_ending)
            or dynamic_dns_name_findings(label, host.suffix, shown)
        )
    skel = skeleton(label)
    flat = skel.replace("-", "")
    out: list[Finding] = []
    for t in index.by_skeleton.get(skel, []) + (index.by_skeleton.get(flat, []) if flat != skel else []):
        if t.domain.endswith("." + shown):
            continue  # the site an official subdomain lives on (example.org for shop.example.org): no imitation
        if label == t.label:
            if label in COMMON_WORD_TOKENS:
                continue  # vip.de, live.net: an everyday word is no brand under another ending
            if is_hosting_suffix(host.suffix):
                # microsoft.github.io, netflix.github.io: a brand's own account on a hosting platform as
                # often as a squatter's; two letters there are anyone's initials (jd.github.io, x.notion.site)
                if len(label) > 2:
                    out.append(finding("lookalike.tld_swap/hosting", "caution", t, shown, shown=shown))
                continue
            if len(label) <= 2 and ending not in ABUSED_TLDS and ending not in GENERIC_CCTLDS:
                continue  # fb.ru, ee.de: two letters under a real ending are as likely any other name
            level = "danger"
            sold_worldwide = ending in GENERIC_CCTLDS and not is_country_suffix(host.suffix)  # .co, not com.co
            if t.brand.region != "CN" and ending not in ABUSED_TLDS and not sold_worldwide:
                level = "caution"  # amazon.jobs: a global brand's own site under a new ending is plausible
            pseudo = is_pseudo_ending(host.suffix)
            if pseudo:
                level = "danger"  # paypal.co.com: an ending a private company sells is no brand's sister site
            if t.brand.country_sites and is_country_suffix(host.suffix) and not pseudo:
                continue  # google.de, mercadolibre.cl: the brand's own country sites, which the list cannot all name
            swapped = finding("lookalike.tld_swap", level, t, shown, shown=shown)
            if is_country_suffix(host.suffix) and local_name_elsewhere(host.suffix, swapped):
                if len(label) <= 3 or label in POSTAL_WORDS:
                    continue  # poste.sm, laposte.tg, ems.dz: another country's post, not Italy's, France's, China's
                # airchina.vn, bbva.com.co: a one-country brand's name under another country's own ending
                # is its local arm as often as a squatter's: caution, never danger on the name alone
                swapped = finding("lookalike.tld_swap", "caution", t, shown, shown=shown)
            out.append(swapped)
        elif label.replace("-", "") == t.label:
            # jn-bank: initials and an everyday word apart, as a town's bank writes them (Jining Bank);
            # one bank's initials are another's by chance, so caution (td-bank stays warned)
            level = "caution" if _initials_and_word(label) else "danger"
            out.append(finding("lookalike.hyphenation", level, t, shown, shown=shown))
        else:
            out.append(finding("lookalike.homograph", "danger", t, shown, shown=shown))
    if out:
        return out
    if any(label == t.label for t in index.by_skeleton.get(skel, [])):
        return out  # a country site or an everyday word: nothing more to say
    out += [f for f in typosquat_findings(label, host.suffix, shown, index) if not local_name_elsewhere(host.suffix, f)]
    if out:
        if all(f.level != "danger" for f in out):
            # ems-cn: one letter from another brand's short name (ebscn) at caution must not hide a brand
            # and a scam word side by side, which is danger
            combos = any_combo_findings(label_ascii, label, host.suffix, index, shown)
            if any(f.level == "danger" for f in combos):
                return combos
        return out
    loose = loose_skeleton(label)
    near_loose = index.by_loose.get(loose) or index.by_letters.get(letter_skeleton(label), [])
    if not near_loose and len(loose) >= 7:  # one more slip on top of look-alike letters, long names only
        near_loose = [
            t
            for key in sorted(index.near_loose(loose))
            if osa_distance_at_most_one(loose, key)
            for t in index.by_loose[key]
        ]
    for t in near_loose[:1]:
        if other_initials(label, t.label):
            break  # qhdbank, rhbbank: two banks' initials before the same word, not look-alike letters
        return [finding("lookalike.homograph/small_type", "caution", t, shown, shown=shown)]
    out += any_combo_findings(label_ascii, label, host.suffix, index, shown)
    if out:
        return out
    if not label.isascii():
        return _mixed_language_findings(label, index, shown) or scam_theme_findings(label, shown, theme_ending)
    if ending in ABUSED_TLDS:
        out = brand_part_findings(label, index, shown, ending)
        if out:
            return out
    # a brand's other name as a whole site name only under endings scammers buy (zhifubao.top): under
    # .com or .cn it is as likely the brand's own unlisted registration (gmail.com, jingdong.com)
    bought = ending in ABUSED_TLDS or ending in GENERIC_CCTLDS
    named = []
    if bought:
        named = brand_name_findings(label, index, shown) or everyday_word_country_findings(label, index, shown, ending)
    elif is_hosting_suffix(host.suffix):
        named = hosted_brand_name_findings(label, index, shown)
    else:
        named = government_name_findings(label, host.suffix, index, shown)
    return (
        named
        or disguised_ending_findings(label, host.suffix, shown)
        or noisy_token_findings(label, index, shown, ending)
        or drawn_noise_findings(label, index, shown)
        or short_bank_name_findings(label, host.suffix, index, shown)
        or (short_name_part_findings(label, host.suffix, index, shown) if "-" in label else [])
        or noisy_number_findings(label, index, shown, ending)
        or scam_vocabulary_findings(label, index, shown, cheap_ending)
        or fake_government_findings(label, host.suffix, shown)
        or evisa_site_findings(label, host.suffix, shown)
        or toll_site_findings(label, shown)
        or scam_theme_findings(label, shown, theme_ending)
        or theme_pair_findings(label, shown)
        or name_trick_findings(label, host.suffix, shown)
        or throwaway_name_findings(label, shown, cheap_ending)
        or dynamic_dns_name_findings(label, host.suffix, shown)
    )


MIN_HOSTED_NAME = 4  # pdd.github.io, irs.netlify.app: three letters on a hosting platform are anyone's initials


def hosted_brand_name_findings(label: str, index: BrandIndex, shown: str) -> list[Finding]:
    """A brand's other name (not a domain's label, which the TLD-swap rule reads) as the whole name
    of a site on a hosting platform or a dynamic-DNS service: americanairlines.duckdns.org,
    servicesaustralia.web.app. As for a domain's label there (microsoft.github.io), it may be the
    brand's own account or a squatter's: a caution."""
    name = label.replace("-", "") if "-" in label else label
    t = index.tokens.get(name)
    if t is None or len(name) < MIN_HOSTED_NAME or name.isdigit() or name in index.by_form:
        return []
    return [finding("lookalike.tld_swap/hosting", "caution", t, shown, shown=shown)]


def government_name_findings(label: str, suffix: str, index: BrandIndex, shown: str) -> list[Finding]:
    """A government body's name as the whole name of a site under an ending anyone can buy: mygov.net,
    dvla.com. A company may own its name under .com without listing it; an agency whose every domain
    is under a government ending (my.gov.au, www.gov.uk) does not run its service there. Only names
    rare enough to stand out (index.distinctive: not customs, court or canada). A caution, as the
    brand-name rule's under the endings scammers buy."""
    name = label.replace("-", "") if "-" in label else label
    t = index.distinctive.get(name)
    if t is None or t.brand.category != "government" or name in index.by_form:
        return []
    if not all(exempt_suffix(public_suffix(domain)) for domain in t.brand.domains):
        return []  # an agency with a site under a commercial ending (chsi.com.cn) may own others
    # another country's government may go by the same name under its own ending (mygov.in, India's)
    return [f for f in brand_name_findings(label, index, shown) if not local_name_elsewhere(suffix, f)]


def name_trick_findings(label: str, suffix: str, shown: str) -> list[Finding]:
    """A name written to pass for another with no brand rule to say more (name_tricks.py): a digit for
    its first letter (0nlyfans.fr), an ending made of two endings (secure-pay.co.com), a sign-in word
    spelt with a look-alike character (pay-logln.replit.app)."""
    return (
        digit_for_letter_findings(label, shown)
        or pseudo_ending_findings(suffix, shown)
        or look_alike_word_findings(label, shown)
    )


def noisy_token_findings(label: str, index: BrandIndex, shown: str, ending: str) -> list[Finding]:
    """A distinctive brand token with letters or digits around it (shopeejj.com, uspspost.me,
    icbcack.com): Chrome leaves short names alone, but a rare token is not there by chance. Caution;
    danger under an ending scammers buy or next to a scam word."""
    match = index.distinctive_words.search(label) if index.distinctive_words is not None else None
    if match is None:
        return []
    word = match.group(0)
    t = index.distinctive.get(word)
    if t is None or label.replace("-", "") == word:
        return []
    rest = label[: match.start()] + label[match.end() :]
    if _initials_or_letter_and_word(word) and _token_runs_into_word(label, match.start(), match.end()):
        return []
    scam_word_beside = has_long_scam_word(rest)
    if word in LOCAL_BANK_KINDS and _own_ending(ending, t) and not scam_word_beside:
        return []  # sparkasse-aachen.de: a town's savings bank under the country's ending
    risky = ending in ABUSED_TLDS or scam_word_beside
    return [finding("lookalike.noisy_token", "danger" if risky else "caution", t, shown, shown=shown, word=word)]


# words a name ends or starts with that are no scam word: bank, card, the cu and fcu of a credit union
NAME_WORDS = (EVERYDAY_WORDS - SCAM_WORDS) | {"cu", "fcu"}


# brand tokens that are the word for a kind of bank, which every town's own bank of that kind carries
# with the town's name under the country's ending (sparkasse-aachen.de, volksbank-mittelhessen.de)
LOCAL_BANK_KINDS = frozenset({"sparkasse", "kreissparkasse", "stadtsparkasse", "volksbank"})


def _own_ending(ending: str, t: Target) -> bool:
    """The site's ending is one the brand's listed domains use (.de for sparkasse.de)."""
    return any(domain.rsplit(".", 1)[-1] == ending for domain in t.brand.domains)


def _initials_or_letter_and_word(token: str) -> bool:
    """nfcu, hxb: a short token; ubank: a letter or two and an everyday word. Such a token is found
    across the edge of two words of an ordinary name (jejubank: 'jeju' and 'bank')."""
    return len(token) < MIN_DISTINCTIVE_LENGTH or any(
        token[n:] in NAME_WORDS and len(token[n:]) >= 3 for n in (1, 2)
    )


def _token_runs_into_word(label: str, start: int, end: int) -> bool:
    """A rare token of three or four letters (nfcu, htsc, hxb), or a letter and a word (ubank), made
    of a name's letters and the start of the everyday word that ends it (advfinfcu: Advanced
    Financial FCU; northernlightscu: 'lights' and 'cu'; fjhxbank: Fujian Haixia Bank; jejubank: Jeju
    Bank, not ubank), or of the end of the word it starts with. Letters on both sides of the word's
    edge show it: hxbank, a bare hxb and 'bank', keeps the warning, and so do tokens that stop where
    a word starts (uspspeace) or in a name that holds a scam word."""
    if has_long_scam_word(label):
        return False  # loginfcu: the letters around it are a scam word's
    part_start = label.rfind("-", 0, start) + 1
    part_end = label.find("-", end)
    part = label[part_start : len(label) if part_end < 0 else part_end]
    start, end = start - part_start, end - part_start
    for n in range(2, len(part)):
        edge = len(part) - n  # a word that ends the name, starting at `edge`
        if part[edge:] in NAME_WORDS and 0 < start < edge < end:
            return True
        if part[:n] in NAME_WORDS and 0 < start < n < end < len(part):  # a word that starts it
            return True
    return False


def _initials_and_word(label: str) -> bool:
    """jn-bank, bank-xw: two parts, two or three letters and an everyday word."""
    parts = label.split("-")
    return len(parts) == 2 and any(
        len(a) <= SHORT_CORE and a.isalpha() and b in EVERYDAY_WORDS for a, b in (parts, parts[::-1])
    )


MIN_DRAWN_NOISE_TOKEN = MIN_NAME_END  # a brand's name of 5+ letters: shorter ones start too many drawn names by chance


def drawn_noise_findings(label: str, index: BrandIndex, shown: str) -> list[Finding]:
    """A brand's name of 5+ letters at the start or end of a site's name, the rest letters that read
    as no word (throwaway_names.py): amazonfbajp, bookingxqzvt. Brands named with everyday words
    (amazon, orange, booking) are no 'noisy token' on their own, since ordinary names hold them
    (amazonas, orangebox); a drawn remainder is no ordinary name's. Caution."""
    flat = label.replace("-", "") if "-" in label else label
    if len(flat) < 2 * MIN_DRAWN_NOISE_TOKEN or not flat.isascii():
        return []  # a brand's name and a drawn run of five letters each need ten
    ends = index.name_ends  # most names start and end with no brand's five letters: one probe each
    if flat[:MIN_DRAWN_NOISE_TOKEN] + ">" not in ends and "<" + flat[-MIN_DRAWN_NOISE_TOKEN:] not in ends:
        return []
    for k in range(MIN_DRAWN_NOISE_TOKEN, len(flat) - MIN_DRAWN_NOISE_TOKEN + 1):
        for word, rest in ((flat[:k], flat[k:]), (flat[-k:], flat[:-k])):
            t = index.tokens.get(word)
            if t is not None and word.isalpha() and drawn_part(rest) == rest:
                return [finding("lookalike.noisy_token/drawn", "caution", t, shown, shown=shown, word=word, rest=rest)]
    return []


SHORT_BANK_NAME = 3  # BOC, CCB, CIB: Chinese banks go by the initials of their names
SHORT_BANK_NOISE = 2  # letters run on after it, and nothing else: bocxi, bocll


def short_bank_name_findings(label: str, suffix: str, index: BrandIndex, shown: str) -> list[Finding]:
    """A Chinese bank's three-letter short name with two letters run on after it and nothing else
    (bocxi.com, bocry.com: the names 'e-token upgrade' texts send). Three letters are inside many
    ordinary names (bocconi, ccbill), so the noisy-token rule leaves them alone; a name of exactly
    that shape is held by no site on the popular-domain list. The bank is told by the list's region
    and category, so a bank added to the list needs no code. Not under another country's ending,
    where such a name is a word of that country (cible.fr), nor with a country's code as the two
    letters (cibeg.com is CIB Egypt's). Caution."""
    if len(label) != SHORT_BANK_NAME + SHORT_BANK_NOISE or not label.isalpha() or label in index.tokens:
        return []
    t = index.tokens.get(label[:SHORT_BANK_NAME])
    if t is None or t.brand.region != "CN" or t.brand.category != "bank":
        return []
    if public_suffix(label[SHORT_BANK_NAME:]) == label[SHORT_BANK_NAME:]:
        return []  # two letters that are a country's code: another country's bank (cibeg.com, CIB Egypt)
    word = label[:SHORT_BANK_NAME]
    found = finding("lookalike.noisy_token/short_bank", "caution", t, shown, shown=shown, word=word)
    return [] if local_name_elsewhere(suffix, found) else [found]


# a service number of 5+ digits with up to four letters stuck to it, at either end, a hyphen between
# or not: 10086sfw, jk-10086, 95533vip (one letter is the typosquat rule's: 10010a)
@cache  # compiled on first use (~0.15 ms): most names never get past _FIVE_DIGITS
def _number_in_name() -> re.Pattern[str]:
    return re.compile(r"([a-z]{1,4})-?([0-9]{5,})|([0-9]{5,})-?([a-z]{1,4})")


_FIVE_DIGITS = re.compile(r"[0-9]{5}")  # a quick look first: most names hold no such run


def noisy_number_findings(label: str, index: BrandIndex, shown: str, ending: str) -> list[Finding]:
    """A brand's service number (10086, 95533) as the site's name with a few letters around it: a
    number of five digits or more is no word and no chance match, so the site names the brand.
    Caution; danger under an ending scammers buy or when the letters are a scam word."""
    if _FIVE_DIGITS.search(label) is None:
        return []
    m = _number_in_name().fullmatch(label)
    if m is None:
        return []
    number, letters = (m.group(2), m.group(1)) if m.group(2) else (m.group(3), m.group(4))
    t = index.tokens.get(number)
    if t is None:
        return []
    risky = ending in ABUSED_TLDS or letters in SCAM_WORDS
    level = "danger" if risky else "caution"
    return [finding("lookalike.noisy_token/number", level, t, shown, shown=shown, word=number)]


def disguised_ending_findings(label: str, suffix: str, shown: str) -> list[Finding]:
    """A site's name that starts with an ending and a hyphen (com-citations.xin), so that the host
    reads 'ezdrivema.com-citations...' as if ezdrivema.com were the site; or with 'www-'
    (www-garanti.com), which reads as the www address of the name after it. Not under a government
    ending, whose sites are what they say."""
    if not label.startswith(DISGUISED_ENDINGS) or is_government_ending(suffix):
        return []
    message = "url.disguised_ending/www" if label.startswith("www-") else "url.disguised_ending"
    return [Finding("url.disguised_ending", "caution", None, None, shown, *render(message, shown=shown))]


def _mixed_language_findings(label: str, index: BrandIndex, shown: str) -> list[Finding]:
    """An IDN label with a brand's Chinese name (淘宝客服), or its Latin name among Chinese words
    (taobao客服, jd客服); scam words in either language make it danger (淘宝kefu)."""
    latin = [w for w in re.split(r"[^a-z0-9]+", label.lower()) if w]  # the Latin runs between Chinese
    risky = any(w in label for w in SCAM_WORDS_ZH) or any(w in SCAM_WORDS for w in latin)
    out: list[Finding] = []
    for brand in index.zh_names_in(label)[:1]:
        t = Target(brand, brand.primary_domain, brand.primary_domain)
        out.append(finding("lookalike.chinese_name", "danger" if risky else "caution", t, shown, shown=shown))
    for word in latin if not out else ():
        token = index.tokens.get(word) or index.short_keywords.get(word)  # jd客服: two letters set apart
        if token is not None and (risky or len(word) >= 4):
            message = "lookalike.combo/chinese_scam_words" if risky else "lookalike.combo/chinese_words"
            out.append(finding(message, "danger" if risky else "caution", token, shown, shown=shown, word=word))
            break
    return out


def subdomain_findings(host: HostParts, index: BrandIndex) -> list[Finding]:
    sub = host.host[: -len(host.registrable)].rstrip(".") if host.host != host.registrable else ""
    if not sub or exempt_suffix(host.suffix):
        return []  # correosytelegrafos.civ.gob.gt: a government's site names its own subdomains
    out: list[Finding] = []
    # the subdomain and the site's own name, which may go on with the official domain's ending:
    # apple.com-id.info reads as apple.com
    shown = f"{sub}.{host.label}"
    idn = "xn--" in shown
    if idn:  # read as shown: taobao.cοm.cn with a Greek ο reads taobao.com, аlipay.com alipay.com
        shown = ".".join(skeleton(unicode_label(p)) for p in shown.split("."))
    pieces = [p for p in shown.replace("-", ".").split(".") if p]
    for i in range(len(pieces)):
        for k in (2, 3):
            candidate = ".".join(pieces[i : i + k])
            t = index.official_by_skeleton.get(candidate) if idn else index.official.get(candidate)
            if t is not None and len(pieces[i : i + k]) == k:
                return [
                    finding("lookalike.embedded_domain", "danger", t, host.host, host=host.host, site=host.registrable)
                ]
    labels = sub.split(".")
    for n in range(len(labels[-3:]), 0, -1):  # 'tao.bao.com': the brand split across labels
        joined = "".join(labels[-n:]) + host.label
        if joined.isascii() and not index.screen.may_equal(joined):
            continue
        candidate = skeleton(joined)
        for t in index.by_skeleton.get(candidate, [])[:1]:
            return [finding("lookalike.split_label", "danger", t, host.host, host=host.host, label=t.label)]
    if "xn--" not in sub and not index.screen.has_token(sub) and not index.screen.has_misspelt_part(sub):
        # the rules below need a brand token or a misspelt one
        return fake_government_subdomain(sub, host) or _digit_for_letter_subdomain(sub, host) or drawn_host_findings(host)
    registrable_has_word = bool(combo_findings(host.label, index, host.registrable)) or has_long_scam_word(host.label)
    # a popular site names its own subdomains: only a brand's own token there is a warning, not a
    # word one letter from it ('gov-cloud.salesforce.com' is no misspelt 'icloud')
    popular = is_popular(host.registrable)
    for lab in labels:
        shown = unicode_label(lab)
        combos = any_combo_findings(lab, shown, host.suffix, index, host.host)
        if popular and "xn--" not in lab and not index.screen.has_token(lab):
            combos = []
        for f in combos:
            return [Finding("lookalike.brand_subdomain", "danger", f.brand, f.official, host.host, f.en, f.zh)]
        if shown != lab:  # a Chinese label in front of another site: 淘宝客服.example.com
            for f in _mixed_language_findings(shown, index, host.host):
                return [Finding("lookalike.brand_subdomain", f.level, f.brand, f.official, host.host, f.en, f.zh)]
        number = _number_with_noise(lab)
        if number is not None and number in index.tokens:  # 95533x.mc0.top: a bank's hotline with a letter
            lab = number
        elif "-" in lab and len(lab) >= 6 and lab.replace("-", "") in index.tokens:
            lab = lab.replace("-", "")  # e-zpass.example.xin: the brand's name hyphenated, in front of another site
        if lab in index.tokens and len(lab) >= 3:
            t = index.tokens[lab]
            level = "danger" if registrable_has_word else "caution"
            out.append(
                finding(
                    "lookalike.brand_subdomain", level, t, host.host, host=host.host, site=host.registrable, word=lab
                )
            )
            break
        noisy = index.distinctive_words.search(lab) if index.distinctive_words is not None else None
        if noisy is not None and noisy.group(0) in index.distinctive:  # coinbasepr04.godaddysites.com
            t = index.distinctive[noisy.group(0)]
            level = "danger" if registrable_has_word else "caution"
            word = noisy.group(0)
            out.append(
                finding(
                    "lookalike.brand_subdomain", level, t, host.host, host=host.host, site=host.registrable, word=word
                ),
            )
            break
    return (
        out
        or fake_government_subdomain(sub, host)
        or _digit_for_letter_subdomain(sub, host)
        or drawn_host_findings(host)
    )


def _digit_for_letter_subdomain(sub: str, host: HostParts) -> list[Finding]:
    """A name with a 0 for its first letter in front of another site: a free site's name on a
    hosting company's domain that is no public suffix (0fficesupport.weebly.com)."""
    return digit_for_letter_findings(sub.split(".", 1)[0], host.host) if sub[:1] == "0" else []


@cache  # compiled on first use (~0.2 ms): only a label with five digits in a row asks
def _number_with_noise_pattern() -> re.Pattern[str]:
    return re.compile(r"[a-z]{1,2}([0-9]{5,})|([0-9]{5,})[a-z]{1,2}")


def _number_with_noise(label: str) -> str | None:
    """A service number of 5+ digits with a letter or two stuck to it (95533x, x95533): the brand's
    number in a subdomain, as a noisy token is its name."""
    if _FIVE_DIGITS.search(label) is None:  # the pattern needs five digits in a row
        return None
    m = _number_with_noise_pattern().fullmatch(label)
    return (m.group(1) or m.group(2)) if m is not None else None


def mixed_script_finding(host: HostParts) -> Finding | None:
    for label in host.host.split("."):
        u = unicode_label(label)
        if u != label and is_mixed_script(u):
            return finding("lookalike.mixed_script", "caution", None, u, host=host.host, label=u)
    return None
