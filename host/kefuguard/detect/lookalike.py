"""Lookalike rules for a host that is neither official nor a known scam.

Each rule returns Findings naming the brand and the official domain imitated. Rules, in the
order a user would explain them: homograph, typosquat (edit distance 1 on skeletons), TLD swap,
hyphenation, combo-squatting (brand + scam words), brand split across labels, official domain
embedded in a subdomain, brand as a subdomain, Chinese brand name in an IDN label.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from kefuguard.detect.brand_index import (
    COMMON_WORD_TOKENS,
    FILLER,
    MIN_EDIT_DISTANCE_LENGTH,
    SCAM,
    BrandIndex,
    Target,
    Vocabulary,
    osa_distance_at_most_one,
)
from kefuguard.detect.domains import HostParts, split_host
from kefuguard.detect.scam_words import (
    FILLER_WORDS,
    GENERIC_CCTLDS,
    SCAM_WORDS,
    SCAM_WORDS_ZH,
    WEAK_WORDS,
)
from kefuguard.detect.skeleton import is_mixed_script, letter_skeleton, loose_skeleton, skeleton
from kefuguard.lists.model import Brand

EVERYDAY_WORDS = COMMON_WORD_TOKENS | WEAK_WORDS | FILLER_WORDS | SCAM_WORDS
# endings where a hotline number as a site name (10086.com, 10010.cn) would pose as the real one
NUMBER_SITE_SUFFIXES = frozenset({"com", "cn", "com.cn", "net", "net.cn", "top", "vip", "xyz", "cc", "site", "shop"})
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
    }
)


@dataclass(frozen=True)
class Finding:
    code: str
    level: str  # "caution" | "danger"
    brand: Brand
    official: str
    matched: str
    en: str
    zh: str


def is_country_suffix(suffix: str) -> bool:
    """'de', 'co.uk', 'com.br': a country's own ending, not one sold as generic ('co', 'io')."""
    parts = suffix.split(".")
    if len(parts[-1]) != 2:
        return False
    if len(parts) == 1:
        return parts[0] not in GENERIC_CCTLDS
    return len(parts) == 2 and parts[0] in ("com", "co", "net", "org", "ne", "or", "ac", "gen")


def exempt_suffix(suffix: str) -> bool:
    """Government and military endings cannot be registered by scammers (Chrome's IsSafeTLD)."""
    parts = suffix.split(".")
    return parts[0] in ("gov", "mil") or parts[-1] in ("gov", "mil")


def unicode_label(label: str) -> str:
    if label.startswith("xn--"):
        try:
            return label[4:].encode("ascii").decode("punycode")
        except UnicodeError:
            return label
    return label


def _finding(code: str, level: str, t: Target, matched: str, en: str, zh: str) -> Finding:
    return Finding(code, level, t.brand, t.domain, matched, en, zh)


def _rank(state: tuple[bool, int, str | None]) -> tuple[bool, bool, bool, int, int]:
    """Brand first, then a scam word or glue, then a brand token of 4+ characters before a shop
    word: jdpay-mall is jdpay + mall, not jd + pay + mall (a shop word alone warns of nothing)."""
    has_brand, strength, token = state
    return has_brand, strength >= 2, len(token or "") >= 4, strength, len(token or "")


def _split_words(part: str, vocab: Vocabulary) -> tuple[str | None, int, bool]:
    """Word-break `part` into brand tokens, scam words, glue, shop words and digit runs.
    Returns (brand token found, strongest word: 2 scam word or glue, 1 shop word, 0 none; fully
    decomposed?). One prefix walk per position finds every unit; cost is linear in the label."""
    n = len(part)
    best: list[tuple[bool, int, str | None] | None] = [None] * (n + 1)  # per prefix: (brand?, strength, token)
    best[0] = (False, 0, None)
    loose_brand: str | None = None
    loose_word = False
    for i in range(n):
        units = vocab.units_at(part, i)
        for piece, is_brand, strength in units:  # for labels that do not decompose fully
            if is_brand and len(piece) >= 4 and loose_brand is None:
                loose_brand = piece
            if strength == SCAM and len(piece) >= 4:
                loose_word = True
        state = best[i]
        if state is None:
            continue
        _, strength_so_far, token = state
        steps: list[tuple[int, str | None, int]] = []
        for piece, is_brand, strength in units:
            if is_brand:
                steps.append((i + len(piece), token or piece, strength_so_far))
            if strength:
                steps.append((i + len(piece), token, max(strength_so_far, 2 if strength >= FILLER else 1)))
        for joiner in (str.isdigit, "-".__eq__):  # digit runs and hyphens sit between units
            j = i
            while j < n and joiner(part[j]):
                j += 1
            if j > i:
                steps.append((j, token, strength_so_far))
        for stop, t, w in steps:
            candidate = (t is not None, w, t)
            old = best[stop]
            if old is None or _rank(candidate) > _rank(old):
                best[stop] = candidate
    if best[n] is not None:
        return best[n][2], best[n][1], True
    return loose_brand, 2 if loose_word else 0, False


def combo_findings(label: str, index: BrandIndex, where: str) -> list[Finding]:
    brand_token, strength, complete = _split_words(label, index.words)
    if brand_token is None or label == brand_token or (brand_token.isdigit() and not complete):
        return []  # a service number counts only in a label that breaks into words: 95588-kefu
    t = index.tokens[brand_token]
    if strength == 2 and (complete or len(brand_token) >= 4):
        return [
            _finding(
                "lookalike.combo",
                "danger",
                t,
                label,
                f"{where} puts the brand name '{brand_token}' together with words scammers use; "
                f"{t.brand.name_en}'s official domain is {t.domain}.",
                f"{where} 把品牌名“{brand_token}”和诈骗常用词拼在一起；{t.brand.name_zh}的官方域名是 {t.domain}。",
            )
        ]
    if complete and len(brand_token) >= 4:
        return [
            _finding(
                "lookalike.combo",
                "caution",
                t,
                label,
                f"{where} is the brand name '{brand_token}' with extra words or digits; "
                f"{t.brand.name_en}'s official domain is {t.domain}.",
                f"{where} 是品牌名“{brand_token}”加上额外的词或数字；{t.brand.name_zh}的官方域名是 {t.domain}。",
            )
        ]
    return []


def disguised_combo_findings(label: str, suffix: str, index: BrandIndex, where: str) -> list[Finding]:
    """A brand name written with look-alike characters or one typo, next to words scammers use:
    ta0bao-kefu, a1ipay-tuikuan, paypaI-support, taoboa-kefu, pinduoudo-tuikuan. Each half alone
    is a known trick; together they leave no doubt."""
    skel = skeleton(label)
    if skel != label:  # look-alike characters: break the skeleton into words by their skeletons
        token, strength, complete = _split_words(skel, index.skeleton_words)
        # the whole label must break into words: folding i/1/l alike finds brand names by chance
        # inside longer ones (streamlit holds 'mllt', the skeleton of miit)
        if token is not None and token != skel and strength == 2 and complete:
            t = index.skeleton_words.tokens[token]
            return [
                _finding(
                    "lookalike.combo",
                    "danger",
                    t,
                    where,
                    f"{where} writes the brand name '{t.label}' with look-alike characters, next to words "
                    f"scammers use; {t.brand.name_en}'s official domain is {t.domain}.",
                    f"{where} 用外形相似的字符拼写品牌名“{t.label}”，并搭配诈骗常用词；"
                    f"{t.brand.name_zh}的官方域名是 {t.domain}。",
                )
            ]
    parts = label.split("-")
    if len(parts) < 2:
        return []
    for i, part in enumerate(parts):  # one part a typo of the brand, the rest scam words and glue
        if len(part) < MIN_EDIT_DISTANCE_LENGTH - 1 or part in index.units or skeleton(part) in index.by_skeleton:
            continue  # too short, a known word, or the brand itself (the combo rule's business)
        typo = _typosquats(part, suffix, part, index)
        if not typo:
            continue
        rest = "-".join(parts[:i] + parts[i + 1 :])
        token, strength, complete = _split_words(rest, index.words)
        if complete and token is None and strength == 2:
            f = typo[0]
            return [
                Finding(
                    "lookalike.combo",
                    "danger",
                    f.brand,
                    f.official,
                    where,
                    f"{where} puts a misspelling of {f.official} ('{part}') next to words scammers use "
                    f"({f.brand.name_en}).",
                    f"{where} 把 {f.official} 的错拼形式“{part}”和诈骗常用词拼在一起（{f.brand.name_zh}）。",
                )
            ]
    return []


def _first_letter_slip(form: str, brand_form: str, brand_label: str) -> bool:
    """A short name with one letter put in front (sapple, xtmall), or its first letter mistyped
    (xpple). Chrome ignores first-letter changes of short names because the rest is often a word
    of its own (vmall/tmall, strip/ctrip); when it is no everyday word, the name is still the
    brand's at a glance."""
    if form[1:] == brand_form:
        return True  # the whole name with a letter in front: xtmall
    return form[1:] == brand_form[1:] and brand_label[1:].isalpha() and brand_label[1:] not in EVERYDAY_WORDS


def _typosquats(label: str, suffix: str, shown: str, index: BrandIndex) -> list[Finding]:
    """One edit (insertion, omission, substitution, swap) from an official label or its skeleton;
    two edits for long labels. Compared on the label and on its skeleton."""
    skel = skeleton(label)
    # in a fixed order (a set's order changes from one process to the next): the label first
    forms = list(dict.fromkeys((label, skel, skel.replace("-", ""), label.replace("-", ""))))
    for form in forms:  # plural 'es' inserted anywhere: amazeson, aliexespress
        i = form.find("es")
        while i >= 0:
            if form[:i] + form[i + 2 :] in index.by_form:
                t = index.by_form[form[:i] + form[i + 2 :]][0]
                return [
                    _finding(
                        "lookalike.typosquat",
                        "danger",
                        t,
                        shown,
                        f"{shown} is {t.domain} with letters added ({t.brand.name_en}).",
                        f"{shown} 是在 {t.domain}（{t.brand.name_zh}）中添加字母的仿冒域名。",
                    )
                ]
            i = form.find("es", i + 1)
    for form in sorted(forms, key=len, reverse=True):
        if len(form) < MIN_EDIT_DISTANCE_LENGTH - 1:
            continue
        best: tuple[str, Target] | None = None  # the strongest one-edit match of this form
        for brand_form in sorted(index.near(form)):
            if form == brand_form or not osa_distance_at_most_one(form, brand_form):
                continue
            t = index.by_form[brand_form][0]
            if t.label.isdigit():  # a hotline used as a name: 10086.cn
                if label.isdigit() and suffix != split_host(t.domain).suffix and suffix not in NUMBER_SITE_SUFFIXES:
                    continue  # 1000.menu: other numbers are just other numbers, unless posing as the same site
                level = "caution"
            else:
                if form.rstrip("0123456789") == brand_form.rstrip("0123456789") and form[-1:].isdigit():
                    continue  # site45 vs site35: Chrome's false-positive filter
                swapped = len(form) == len(brand_form) and form[:2] == brand_form[1::-1]
                if form[0] != brand_form[0] and len(brand_form) <= 5 and not swapped:
                    if not _first_letter_slip(form, brand_form, index.by_form[brand_form][0].label):
                        continue  # vmall/tmall, hank/tank: Chrome's first-character filter, for short names
                level = "danger" if len(brand_form) >= 6 and form[0] == brand_form[0] else "caution"
            if best is None or (level == "danger" and best[0] != "danger"):
                best = (level, t)
        if best is not None:
            level, t = best
            return [
                _finding(
                    "lookalike.typosquat",
                    level,
                    t,
                    shown,
                    f"{shown} differs by one character from {t.domain} ({t.brand.name_en}).",
                    f"{shown} 与 {t.domain}（{t.brand.name_zh}）只差一个字符。",
                )
            ]
        for brand_form in sorted(index.near_long(form)):
            if (form[0], form[-1]) == (brand_form[0], brand_form[-1]) and Levenshtein.distance(
                form, brand_form, score_cutoff=2
            ) <= 2:
                t = index.by_form[brand_form][0]
                return [
                    _finding(
                        "lookalike.typosquat",
                        "caution",
                        t,
                        shown,
                        f"{shown} differs by two characters from {t.domain} ({t.brand.name_en}).",
                        f"{shown} 与 {t.domain}（{t.brand.name_zh}）只差两个字符。",
                    )
                ]
    return []


def registrable_findings(host: HostParts, index: BrandIndex) -> list[Finding]:
    label_ascii = host.label
    if exempt_suffix(host.suffix):
        return []
    label = unicode_label(label_ascii)
    if label is label_ascii and not index.screen.may_imitate(label):
        return []  # no rule below can fire: the screen shares no key with any brand
    skel = skeleton(label)
    flat = skel.replace("-", "")
    shown = host.registrable
    out: list[Finding] = []
    for t in index.by_skeleton.get(skel, []) + (index.by_skeleton.get(flat, []) if flat != skel else []):
        if label == t.label:
            if label in COMMON_WORD_TOKENS:
                continue  # vip.de, live.net: an everyday word is no brand under another ending
            if t.brand.country_sites and is_country_suffix(host.suffix):
                continue  # google.de: the brand's own country sites, which the list cannot all name
            ending = host.suffix.rsplit(".", 1)[-1]
            level = "danger"
            if t.brand.region != "CN" and ending not in ABUSED_TLDS and ending not in GENERIC_CCTLDS:
                level = "caution"  # amazon.jobs: a global brand's own site under a new ending is plausible
            out.append(
                _finding(
                    "lookalike.tld_swap",
                    level,
                    t,
                    shown,
                    f"{shown} has {t.brand.name_en}'s name under another ending; the official domain is {t.domain}.",
                    f"{shown} 用了{t.brand.name_zh}的名字但后缀不同；官方域名是 {t.domain}。",
                )
            )
        elif label.replace("-", "") == t.label:
            out.append(
                _finding(
                    "lookalike.hyphenation",
                    "danger",
                    t,
                    shown,
                    f"{shown} is {t.domain} with hyphens added.",
                    f"{shown} 是在 {t.domain} 中加了连字符的仿冒域名。",
                )
            )
        else:
            out.append(
                _finding(
                    "lookalike.homograph",
                    "danger",
                    t,
                    shown,
                    f"{shown} uses look-alike characters to imitate {t.domain} ({t.brand.name_en}).",
                    f"{shown} 用外形相似的字符冒充 {t.domain}（{t.brand.name_zh}）。",
                )
            )
    if out:
        return out
    if any(label == t.label for t in index.by_skeleton.get(skel, [])):
        return out  # a country site or an everyday word: nothing more to say
    out += _typosquats(label, host.suffix, shown, index)
    if out:
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
        return [
            _finding(
                "lookalike.homograph",
                "caution",
                t,
                shown,
                f"{shown} swaps letters that look alike in small type to imitate {t.domain} ({t.brand.name_en}).",
                f"{shown} 替换了小字号下相似的字母来冒充 {t.domain}（{t.brand.name_zh}）。",
            )
        ]
    out += combo_findings(label_ascii, index, shown) or disguised_combo_findings(label, host.suffix, index, shown)
    if not out and not label.isascii():
        for brand in index.zh_names_in(label)[:1]:
            t = Target(brand, brand.primary_domain, brand.primary_domain)
            risky = any(w in label for w in SCAM_WORDS_ZH)
            out.append(
                _finding(
                    "lookalike.chinese_name",
                    "danger" if risky else "caution",
                    t,
                    shown,
                    f"{shown} uses the Chinese name of {brand.name_en} but is not its official domain "
                    f"{brand.primary_domain}.",
                    f"{shown} 使用了{brand.name_zh}的中文名，但不是其官方域名 {brand.primary_domain}。",
                )
            )
    return out


def subdomain_findings(host: HostParts, index: BrandIndex) -> list[Finding]:
    sub = host.host[: -len(host.registrable)].rstrip(".") if host.host != host.registrable else ""
    if not sub:
        return []
    out: list[Finding] = []
    pieces = [p for p in sub.replace("-", ".").split(".") if p]
    for i in range(len(pieces)):
        for k in (2, 3):
            candidate = ".".join(pieces[i : i + k])
            t = index.official.get(candidate)
            if t is not None and len(pieces[i : i + k]) == k:
                return [
                    _finding(
                        "lookalike.embedded_domain",
                        "danger",
                        t,
                        host.host,
                        f"{host.host} starts with {t.domain}, but the site is really {host.registrable}.",
                        f"{host.host} 以 {t.domain} 开头，但实际网站是 {host.registrable}。",
                    )
                ]
    labels = sub.split(".")
    for n in range(len(labels[-3:]), 0, -1):  # 'tao.bao.com': the brand split across labels
        joined = "".join(labels[-n:]) + host.label
        if joined.isascii() and not index.screen.may_equal(joined):
            continue
        candidate = skeleton(joined)
        for t in index.by_skeleton.get(candidate, [])[:1]:
            return [
                _finding(
                    "lookalike.split_label",
                    "danger",
                    t,
                    host.host,
                    f"{host.host} spells {t.label} across several parts to imitate {t.domain}.",
                    f"{host.host} 把 {t.label} 拆成几段来冒充 {t.domain}。",
                )
            ]
    if sub.isascii() and not index.screen.has_token(sub) and not index.screen.has_misspelt_part(sub):
        return out  # the combo and brand-token rules below need a brand token or a misspelt one
    registrable_has_word = bool(combo_findings(host.label, index, host.registrable)) or any(
        w in host.label for w in SCAM_WORDS if len(w) >= 4
    )
    for lab in labels:
        combos = combo_findings(lab, index, host.host) or disguised_combo_findings(
            unicode_label(lab), host.suffix, index, host.host
        )
        for f in combos:
            return [Finding("lookalike.brand_subdomain", "danger", f.brand, f.official, host.host, f.en, f.zh)]
        if lab in index.tokens and len(lab) >= 3:
            t = index.tokens[lab]
            level = "danger" if registrable_has_word else "caution"
            out.append(
                _finding(
                    "lookalike.brand_subdomain",
                    level,
                    t,
                    host.host,
                    f"{host.host} shows '{lab}' in front, but the site is really {host.registrable}, "
                    f"not {t.brand.name_en}'s {t.domain}.",
                    f"{host.host} 前面显示“{lab}”，但实际网站是 {host.registrable}，"
                    f"不是{t.brand.name_zh}的 {t.domain}。",
                )
            )
            break
    return out


def mixed_script_finding(host: HostParts) -> tuple[str, str, str] | None:
    for label in host.host.split("."):
        u = unicode_label(label)
        if u != label and is_mixed_script(u):
            return (
                u,
                f"{host.host} mixes letters of different alphabets in '{u}', a common disguise.",
                f"{host.host} 的“{u}”混用了不同文字的字母，这是常见的伪装手法。",
            )
    return None
