"""Sites whose own name is the warning, whatever brand they name or none: named only with the words
of a scam script (zhuxiao-daikuan), named for a scam's theme under an ending throwaway sites favour
(etoll-pay.top, taxrebate24.xyz), or calling themselves a government site under an ending anyone can
buy (etc-gov.top, irs.gov.direct-paying.com)."""

from __future__ import annotations

import functools
import re

from kefuguard.detect.url.brand_index import BrandIndex
from kefuguard.detect.url.findings import Finding, finding
from kefuguard.detect.url.parse import HostParts
from kefuguard.detect.url.reasons import MESSAGES, render
from kefuguard.detect.url.scam_themes import THEME_OF_WORD, THEME_WORDS_ZH, THEMES, US_STATE_CODES, WHOLE_PART_ONLY
from kefuguard.detect.url.scam_words import COUNTRY_CODES, GENERIC_CCTLDS, SCAM_WORDS, SERVICE_WORDS, STRONG_SCAM_WORDS


def scam_vocabulary_findings(label: str, index: BrandIndex, where: str, cheap_ending: str | None) -> list[Finding]:
    """A site named only with the words of a scam script, two of them strong, and no brand:
    zhuxiao-daikuan (cancel + loan), anquan-zhanghu (safe account), kefu-tuikuan, refund-claim.
    Under an ending throwaway sites favour (`cheap_ending`), one strong word is enough, reported as
    the scam's theme: toll-pay.top, kefu-online.xyz. A word break like the combo rule's, keeping the
    most distinct strong words per prefix."""
    n = len(label)
    best: list[frozenset[str] | None] = [None] * (n + 1)
    best[0] = frozenset()
    for i in range(n):
        used = best[i]
        if used is None:
            continue
        steps = [
            (i + len(piece), used | {piece} if piece in STRONG_SCAM_WORDS else used)
            for piece, is_brand, strength in index.words.units_at(label, i)
            if strength and not is_brand  # a brand token makes it a combo: that rule's business
        ]
        j = i
        while j < n and (label[j].isdigit() or label[j] == "-"):
            j += 1
        if j > i:
            steps.append((j, used))
        for stop, words in steps:
            old = best[stop]
            if old is None or len(words) > len(old):
                best[stop] = words
    found = best[n]
    if found is None or not found or (len(found) < 2 and not cheap_ending):
        return []
    if len(found) == 1:
        return [scam_theme_finding(next(iter(found)), THEME_OF_WORD[next(iter(found))], where, cheap_ending or "")]
    words = found
    # each word glossed in the message's own language, so the two lists are rendered apart
    ordered = sorted(words, key=label.find)
    glossed = [
        render(
            "lookalike.scam_words/word", word=w, meaning_en=STRONG_SCAM_WORDS[w][0], meaning_zh=STRONG_SCAM_WORDS[w][1]
        )
        for w in ordered
    ]
    # an English word needs no English gloss: 'refund', not 'refund' (refund)
    glossed = [
        (f"'{w}'" if STRONG_SCAM_WORDS[w][0] == w else en, zh) for w, (en, zh) in zip(ordered, glossed, strict=True)
    ]
    en_sep, zh_sep = MESSAGES["lookalike.scam_words/separator"]
    en, _ = render("lookalike.scam_words", shown=where, words=en_sep.join(word_en for word_en, _ in glossed))
    _, zh = render("lookalike.scam_words", shown=where, words=zh_sep.join(word_zh for _, word_zh in glossed))
    return [Finding("lookalike.scam_words", "caution", None, None, where, en, zh)]


# endings of the early 2000s where many ordinary sites explain things: a theme word there is as likely a guide
INFORMATION_ENDINGS = frozenset({"info", "mobi", "asia"})
MIN_THEME_END_LENGTH = 5  # a theme word ending a name: shorter ones end ordinary words (atoll)


@functools.cache
def _theme_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Theme words at the start of a run of letters, and (reversed) at its end; longest first. At
    the end only words of 5+ letters: a short one ends ordinary words (atoll). Compiled when first
    needed (~2.4 ms): most hosts' first check never asks."""
    free = sorted((w for w in THEME_OF_WORD if w not in WHOLE_PART_ONLY), key=len, reverse=True)
    ends = [w[::-1] for w in free if len(w) >= MIN_THEME_END_LENGTH]
    return re.compile("|".join(free)), re.compile("|".join(ends))


def prepare() -> None:
    """Compile the theme patterns now: a host's warm-up calls this between requests, so that the
    first name a check reads them for does not wait ~2.4 ms."""
    _theme_patterns()


_NOT_LETTERS = re.compile(r"[^a-z]+")


def theme_word(label: str) -> str | None:
    """The first theme word a site's name is built on: a whole run of letters between hyphens,
    digits or the ends (tax-2024, refund), or the start or end of one (tollservices, etollli,
    myrebate; at the end 5+ letters). Words that start or end ordinary words (tax: taxi, syntax; customs: customshirts)
    count only whole."""
    theme_start, theme_end_reversed = _theme_patterns()
    for run in _NOT_LETTERS.split(label):
        if len(run) < 3:
            continue
        if run in THEME_OF_WORD:
            return run
        start = theme_start.match(run)
        if start is not None:
            return start.group(0)
        end = theme_end_reversed.match(run[::-1])
        if end is not None:
            return end.group(0)[::-1]
    return None


def scam_theme_findings(label: str, where: str, cheap_ending: str | None) -> list[Finding]:
    """A site named for a scam's theme and no brand (etoll-pay.top, taxrebate24.xyz, 退税.top),
    under an ending throwaway sites favour: a caution, with advice for that theme. Under other endings
    the same words name real businesses (tollbooth software, tax advisers), so nothing; nor under the
    old generic endings full of information sites (emailverification.info is a popular one), where
    only a name made of scam words alone counts (scam_vocabulary_findings)."""
    if cheap_ending is None or cheap_ending in INFORMATION_ENDINGS:
        return []
    if label.isascii():
        word = theme_word(label)
        if word is None:
            return []
        return [scam_theme_finding(word, THEME_OF_WORD[word], where, cheap_ending)]
    for zh_word, theme in THEME_WORDS_ZH.items():
        if zh_word in label:
            return [scam_theme_finding(zh_word, theme, where, cheap_ending)]
    return []


# words a real help desk or courier calls its own pages, in pinyin and in the couriers' languages
# (kefu-zhongxin is a service centre, tracciamento-spedizione a tracking page): no pair for a theme
_ORDINARY_PAIR_WORDS = SERVICE_WORDS | frozenset(
    "zhongxin fuwu guanfang wuliu delivery shipping shipment spedizione envio livraison entrega "
    "sendung zending bezorging dostawa doruceni dostavka".split()
)
# the words a theme's name may be paired with: other scam words (accesso, pagamento, jifen), and
# country codes (versandverfolgung-de)
_PAIR_WORDS = frozenset(THEME_OF_WORD) | (SCAM_WORDS - _ORDINARY_PAIR_WORDS) | COUNTRY_CODES


def _word_ends(words: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The first and the last three characters a name made of these words can have (a two-letter
    word with the character after or before it): two set probes rule out most names."""
    heads: set[str] = set()
    tails: set[str] = set()
    for w in words:
        if len(w) >= 3:
            heads.add(w[:3])
            tails.add(w[-3:])
        else:
            heads.update(w + c for c in _NAME_CHARS)
            tails.update(c + w for c in _NAME_CHARS)
    return frozenset(heads), frozenset(tails)


_NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-"


@functools.cache
def _pair_tables() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The pair words' prefixes and their first and last three characters (_word_ends), made when a
    name first asks (~1 ms), not at import: a popular site's first check never does."""
    prefixes = frozenset(w[:i] for w in _PAIR_WORDS for i in range(1, len(w) + 1))
    return (prefixes, *_word_ends(_PAIR_WORDS))


def _pair_words(label: str) -> tuple[str, ...] | None:
    """The fewest known words (_PAIR_WORDS) the name is made of, digits and hyphens between them,
    or None when some part of it is no such word."""
    prefixes = _pair_tables()[0]
    n = len(label)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(n):
        words = best[i]
        if words is None:
            continue
        steps = []
        end = i + 1
        while end <= n and label[i:end] in prefixes:
            if label[i:end] in _PAIR_WORDS:
                steps.append((end, (*words, label[i:end])))
            end += 1
        j = i
        while j < n and (label[j].isdigit() or label[j] == "-"):
            j += 1
        if j > i:
            steps.append((j, words))
        for stop, found in steps:
            old = best[stop]
            if old is None or len(found) < len(old):
                best[stop] = found
    return best[n]


def theme_pair_findings(label: str, where: str) -> list[Finding]:
    """A site named for a scam's theme and one more word of a scam script or a country's code, and
    nothing else, under any ending: accesso-restrizione (access + restriction),
    versandverfolgungde (parcel tracking + de), rimborso-pagamento. One theme word alone
    names real businesses under ordinary endings (a tax adviser, a courier's guide), so it counts
    only under an ending throwaway sites favour (scam_theme_findings); paired, and with every part a
    known word, it names what the scam message says, not a business. A help desk's or a courier's
    words (service, zhongxin, tracking, spedizione) are no pair: tax-services is an accountant,
    tracciamento-spedizione a tracking page; nor is a second word of the themes (tax-rebate, zoll-paket)."""
    inner = label.strip("0123456789-")  # digits and hyphens may stand around the words
    _, heads, tails = _pair_tables()
    if inner[:3] not in heads or inner[-3:] not in tails or inner in THEME_OF_WORD:
        return []
    words = _pair_words(label)
    if words is None or len(words) < 2:
        return []
    word = next((w for w in words if w in THEME_OF_WORD), None)
    other = next((w for w in words if w not in THEME_OF_WORD), None)
    if word is None or other is None:  # two theme words (tax-rebate) name tax advisers too
        return []
    theme_en, theme_zh = THEMES[THEME_OF_WORD[word]]
    en, zh = render("url.scam_theme/paired", shown=where, word=word, other=other, theme_en=theme_en, theme_zh=theme_zh)
    return [Finding("url.scam_theme", "caution", None, None, where, en, zh, THEME_OF_WORD[word])]


# a toll word with a state's code before it or a payment service's word after it, and nothing else:
# nytollservices, tollwayservices, myturnpiketollservices, va-toll, iltolls
_TOLL_SITE = (  # re.fullmatch compiles this and the two below when a name first asks, not at import
    r"(?:([a-z]{2})-?)?((?:turnpike|tollway|tollroad|etoll|tolls?)(?:-?(?:turnpike|tollway|tolls?))*)"
    r"(?:-?(services?|pay|payments?|portal|online|center|billing|bills?|notices?))?"
)


# words of driving and tolls that unpaid-toll texts pair with a US state's code, a hyphen between and
# nothing else: fl-pass, tx-road, oh-route, plate-pa, ks-drive
_ROAD_WORDS = frozenset("pass road roads route routes plate plates drive tag tags ezp gtg".split())  # ezp: E-ZPass


def state_road_findings(label: str, where: str) -> list[Finding]:
    """A site named with a US state's code and one word of driving, hyphenated, in either order
    (fl-pass, plate-pa): the shape of the throwaway names of unpaid-toll texts. Caution: the word
    alone is everywhere; with a state's code and nothing else it names no business a text would
    send a driver to pay."""
    first, dash, second = label.partition("-")
    if not dash or "-" in second:
        return []
    state, word = (first, second) if first in US_STATE_CODES else (second, first)
    if state not in US_STATE_CODES or word not in _ROAD_WORDS:
        return []
    theme_en, theme_zh = THEMES["toll"]
    en, zh = render("url.scam_theme/state_road", shown=where, word=word, theme_en=theme_en, theme_zh=theme_zh)
    return [Finding("url.scam_theme", "caution", None, None, where, en, zh, "toll")]


# ETC, electronic toll collection (China, Taiwan, Japan), with up to four letters before or after it
# and nothing else: pvetc, fqazetc, etchyhy. Inside a longer name it is a word's letters (sketch, ketchup)
_ETC_SITE = r"[a-z]{1,4}-?etc|etc-?[a-z]{1,4}"


def etc_site_findings(label: str, where: str) -> list[Finding]:
    """A site named 'etc' with a few letters of noise and nothing else: the throwaway names of the
    unpaid-toll and 'your ETC card expires' texts of China, Taiwan and Japan. The toll services'
    own sites (etc-meisai.jp, fetc.net.tw) are on the list and verified before any rule. Caution."""
    if re.fullmatch(_ETC_SITE, label) is None:
        return []
    theme_en, theme_zh = THEMES["toll"]
    en, zh = render("url.scam_theme/etc_site", shown=where, theme_en=theme_en, theme_zh=theme_zh)
    return [Finding("url.scam_theme", "caution", None, None, where, en, zh, "toll")]


def toll_site_findings(label: str, where: str) -> list[Finding]:
    """A site named for unpaid tolls with a US state's code or a payment service's word, under any
    ending: the toll agencies' own sites are on the list (verified before any rule), and the texts of
    a toll scam send people to names like these. Either part alone names real businesses (tollbooth
    makers, a state's roads), so both are needed; 'my' may stand for the state."""
    if "toll" not in label and "turnpike" not in label:
        if "etc" in label:
            return etc_site_findings(label, where)
        return state_road_findings(label, where) if len(label) <= 9 and "-" in label else []
    m = re.fullmatch(_TOLL_SITE, label)
    if m is None:
        return []
    state, word, service = m.group(1), m.group(2), m.group(3)
    if state is not None and state not in US_STATE_CODES and state != "my":
        return []
    if service is None and (state is None or state == "my"):
        return []
    theme_en, theme_zh = THEMES["toll"]
    en, zh = render("url.scam_theme/toll_site", shown=where, word=word, theme_en=theme_en, theme_zh=theme_zh)
    return [Finding("url.scam_theme", "caution", None, None, where, en, zh, "toll")]


def scam_theme_finding(word: str, theme: str, where: str, ending: str) -> Finding:
    theme_en, theme_zh = THEMES[theme]
    key = "url.scam_theme/hosting" if "." in ending else "url.scam_theme"  # duckdns.org, not .top
    en, zh = render(key, shown=where, ending=ending, word=word, theme_en=theme_en, theme_zh=theme_zh)
    return Finding("url.scam_theme", "caution", None, None, where, en, zh, theme)


GOVERNMENT_PARTS = frozenset({"gov", "govcn", "gouv", "gob"})
# a government ending written into a name as one word: gouvs, cagov (ca.gov), govuk, gouvfr, gobmx, and
# the endings of Japan, Korea and Indonesia (go.jp, go.kr, go.id)
_WRITTEN_GOVERNMENT_ENDING = r"(?:[a-z]{2})?(?:gov|gouv|gob)(?:[a-z]{2})?s?|go(?:jp|kr|id)"


_RUN_ON_GOUV = r"[a-z0-9]{4,}(gouv(?:[a-z]{2})?)"  # re.fullmatch compiles it when a name first asks
# labels of the public-suffix endings only governments get: .gov, .gov.cn, .go.jp, .gouv.fr, .gob.mx, .gc.ca
GOVERNMENT_ENDING_LABELS = frozenset({"gov", "go", "gouv", "gob", "govt", "gv", "mil", "gub", "gc"})


def is_government_ending(suffix: str) -> bool:
    return not GOVERNMENT_ENDING_LABELS.isdisjoint(suffix.split("."))


def fake_government_findings(label: str, suffix: str, where: str) -> list[Finding]:
    """A site that calls itself 'gov' in its own name, under an ending anyone can buy: etc-gov.top,
    12123-gov.cc, tax-gov-cn.com, or a government ending written as one word in a part of it
    (amendes-gouvs.fr, cagov-jh.vip, soumu-gojp). Government sites live under government endings
    (.gov.cn, .gov), where such a name is their own (e-gov.go.jp)."""
    if "go" not in label or is_government_ending(suffix):
        return []
    if "-" not in label:
        # France's government ending run on after a name (antaidossiergouv, impotsgouvfr): 'gouv' ends no
        # word, so with four letters before it the name can only be calling itself a government site
        m = re.fullmatch(_RUN_ON_GOUV, label) if "gouv" in label else None
        if m is None:
            return []
        return [finding("url.fake_government/written", "caution", None, where, shown=where, word=m.group(1))]
    parts = label.split("-")
    if GOVERNMENT_PARTS.intersection(parts):
        return [fake_government_finding(where)]
    for part in parts:
        if re.fullmatch(_WRITTEN_GOVERNMENT_ENDING, part):  # amendes-gouvs, cagov-jh, soumu-gojp
            return [finding("url.fake_government/written", "caution", None, where, shown=where, word=part)]
    return []


# 'evisa' or 'e-visa' in a name, not the end of a word (televisa, previsao, devisa: r, d or l before it)
_EVISA = re.compile(r"(?<![rdl])e-?visa")


def evisa_site_findings(label: str, suffix: str, where: str) -> list[Finding]:
    """A site named for an electronic visa (evisaindia, kenya-evisa-online, indianevisaservice): a
    country issues its e-visa on its government's own site, under a government ending
    (indianvisaonline.gov.in, evisa.gov.tr); sites named so elsewhere are agents that charge a fee
    of their own for the form, or take the fee and the passport's details and issue nothing.
    Called for names under other endings only. Not the word alone under a country's own ending
    (evisa.tj, Tajikistan's portal). A caution."""
    if "visa" not in label:
        return []
    m = _EVISA.search(label)
    if m is None:
        return []
    last = suffix.rsplit(".", 1)[-1]
    if m.group(0) == label and len(last) == 2 and last not in GENERIC_CCTLDS:
        return []
    return [finding("url.fake_government/evisa", "caution", None, where, shown=where)]


def fake_government_finding(where: str) -> Finding:
    return finding("url.fake_government", "caution", None, where, shown=where)


def fake_government_subdomain(sub: str, host: HostParts) -> list[Finding]:
    """A government ending worn in front of another site: irs.gov.direct-paying.com,
    www.gov.cn.evil.top, gov.uk.example.com. Real government hosts end in it. A plain 'gov' in front
    (gov.salesforce.com, a company's government cloud) is not an ending."""
    labels = sub.split(".")
    for i, label in enumerate(labels):
        if label in GOVERNMENT_PARTS and (i > 0 or (i + 1 < len(labels) and len(labels[i + 1]) == 2)):
            return [fake_government_finding(host.host)]
        # a government ending written as one word with its country (soumu-gojp, irs-govus): no company's
        # own host names itself so; a plain 'gov' part is a government cloud's (gov-cloud.example.com)
        for part in label.split("-"):
            if part not in GOVERNMENT_PARTS and len(part) >= 4 and re.fullmatch(_WRITTEN_GOVERNMENT_ENDING, part):
                return [finding("url.fake_government/written", "caution", None, host.host, shown=host.host, word=part)]
    return []
