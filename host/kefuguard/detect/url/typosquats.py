"""Typosquats: one edit from an official label or its skeleton (two for long labels), with
Chrome's filters for short names and numbers. Thresholds and why: docs/detectors-url.md."""

from __future__ import annotations

from kefuguard.detect.url.brand_index import (
    COMMON_WORD_TOKENS,
    MIN_EDIT_DISTANCE_LENGTH,
    BrandIndex,
    Target,
    osa_distance_at_most_one,
)
from kefuguard.detect.url.findings import Finding, finding
from kefuguard.detect.url.label_screen import within_two_edits
from kefuguard.detect.url.parse import split_host
from kefuguard.detect.url.scam_words import FILLER_WORDS, GENERIC_CCTLDS, SCAM_WORDS, WEAK_WORDS
from kefuguard.detect.url.skeleton import skeleton

EVERYDAY_WORDS = COMMON_WORD_TOKENS | WEAK_WORDS | FILLER_WORDS | SCAM_WORDS
# endings where a hotline number as a site name (10086.com, 10010.cn) would pose as the real one
NUMBER_SITE_SUFFIXES = frozenset({"com", "cn", "com.cn", "net", "net.cn", "top", "vip", "xyz", "cc", "site", "shop"})


def _first_letter_slip(form: str, brand_form: str, brand_label: str) -> bool:
    """A short name with one letter put in front (sapple, xtmall), or its first letter mistyped
    (xpple). Chrome ignores first-letter changes of short names because the rest is often a word
    of its own (vmall/tmall, strip/ctrip); when it is no everyday word, the name is still the
    brand's at a glance."""
    if form[1:] == brand_form:
        return True  # the whole name with a letter in front: xtmall
    return form[1:] == brand_form[1:] and brand_label[1:].isalpha() and brand_label[1:] not in EVERYDAY_WORDS


SHORT_CORE = 3  # XW, TD, BOC: the initials a bank or firm puts before an everyday word


def other_initials(form: str, brand_form: str) -> bool:
    """xtbank and xwbank, tzbank and tdbank, msbank and mybank: two names made of two or three
    letters and the same everyday word after them, that differ in the letters. Such letters are a
    town's or a firm's initials (Xingtai Bank's xtbank, Sichuan XW Bank's xwbank), and one set of
    initials is another's by chance, not by a slip; a slip in the word itself (tdbamk) is still one."""
    for n in range(3, len(brand_form)):  # the word: three letters or more
        word = brand_form[-n:]
        if word not in EVERYDAY_WORDS or not form.endswith(word):
            continue
        core, brand_core = form[:-n], brand_form[:-n]
        if core != brand_core and 2 <= len(core) <= SHORT_CORE and 2 <= len(brand_core) <= SHORT_CORE:
            return core.isalpha() and brand_core.isalpha()  # one letter and a word is a name: tmall, xtmall
    return False


def hyphen_affix(label: str, brand_form: str) -> bool:
    """e-chinalife, chinalife-p: a letter set apart by a hyphen in front or at the end, then the
    brand's whole name. A slip does not type a hyphen; the letter is an affix (e-, the p of
    'property'), which the combo rules judge as the word next to the name it is."""
    if "-" not in label:
        return False
    first, _, rest = label.partition("-")
    head, _, last = label.rpartition("-")
    return (len(first) == 1 and rest.replace("-", "") == brand_form) or (
        len(last) == 1 and head.replace("-", "") == brand_form
    )


def _cheap(suffix: str) -> bool:
    """An ending throwaway scam sites favour (lookalike.ABUSED_TLDS): an affix there is no affiliate's."""
    from kefuguard.detect.url.lookalike import ABUSED_TLDS  # lookalike imports this module

    return suffix.rsplit(".", 1)[-1] in ABUSED_TLDS


def _foreign_country(suffix: str, t: Target) -> bool:
    """A country ending other than the brand's own (gogle.no, one letter from google.com): a local
    business's name as often as a typo, so caution at most. Endings sold worldwide (.cc, .me) are
    not countries here."""
    return _foreign_ending(suffix, t.domain)


def _foreign_ending(suffix: str, official: str) -> bool:
    ending = suffix.rsplit(".", 1)[-1]
    # .co is sold worldwide, but com.co is Colombia's own (bbva.com.co); za.bz is no country's
    first = suffix.split(".")[0]
    generic = ending in GENERIC_CCTLDS and (suffix == ending or first not in ("com", "co", "net", "org", "gov", "edu"))
    return len(ending) == 2 and ending != official.rsplit(".", 1)[-1] and not generic


def local_name_elsewhere(suffix: str, f: Finding) -> bool:
    """A site's own name one slip from a brand that serves one country, under another country's
    ending (mbank.pl and mybank.cn, posta.com.tr and poste.it, targeo.pl and target.com): a word or
    business of that country, where the brand runs no site and its customers are not. Brands the
    list marks GLOBAL keep the warning (gogle.no, airbnn.pl), and so do the endings of the brand's
    listed sister sites (bestbuy.ca makes brestbuy.ca a slip)."""
    return (
        f.brand is not None
        and f.official is not None
        and f.brand.region not in ("GLOBAL", "")
        and all(_foreign_ending(suffix, domain) for domain in f.brand.domains)
    )


def typosquat_findings(label: str, suffix: str, shown: str, index: BrandIndex) -> list[Finding]:
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
                return [finding("lookalike.typosquat/letters_added", "danger", t, shown, shown=shown)]
            i = form.find("es", i + 1)
    doubled = _doubled_letter_findings(forms, label, shown, index)
    if doubled or label in EVERYDAY_WORDS:
        return doubled  # henkin ('refund') beside nenkin ('pension'): a word of its own is no slip of a name
    for form in sorted(forms, key=len, reverse=True):
        if len(form) < MIN_EDIT_DISTANCE_LENGTH - 1:
            continue
        best: tuple[str, Target] | None = None  # the strongest one-edit match of this form
        for brand_form in sorted(index.near(form)):
            if form == brand_form or not osa_distance_at_most_one(form, brand_form):
                continue
            t = index.by_form[brand_form][0]
            if other_initials(form, brand_form):
                continue
            if (hyphen_affix(label, brand_form) or hyphen_affix(skel, brand_form)) and not _cheap(suffix):
                continue
            if t.label.isdigit():  # a hotline used as a name: 10086.cn
                if sum(not c.isdigit() for c in label) > 1:
                    continue  # a number with one slip (10010a, 1o0010); more letters make a name (qoo10: 10010)
                if label.isdigit() and suffix != split_host(t.domain).suffix and suffix not in NUMBER_SITE_SUFFIXES:
                    continue  # 1000.menu: other numbers are just other numbers, unless posing as the same site
                if label in index.tokens:
                    continue  # 95588 is ICBC's own number, not a slip of State Grid's 95598
                level = "caution"
            else:
                if form.rstrip("0123456789") == brand_form.rstrip("0123456789") and form[-1:].isdigit():
                    continue  # site45 vs site35: Chrome's false-positive filter
                swapped = len(form) == len(brand_form) and form[:2] == brand_form[1::-1]
                if form[0] != brand_form[0] and len(brand_form) <= 5 and not swapped:
                    if not _first_letter_slip(form, brand_form, index.by_form[brand_form][0].label):
                        continue  # vmall/tmall, hank/tank: Chrome's first-character filter, for short names
                # the last letter changed is how words inflect in other languages (telegraf: telegram,
                # targeo: target): a real name as often as a typo, so caution at most
                last_letter = len(form) == len(brand_form) and form[:-1] == brand_form[:-1]
                # one of two doubled letters dropped (mbbank: mbank) is how other names are spelt too
                undoubled = len(form) + 1 == len(brand_form) and any(
                    brand_form[i] == brand_form[i + 1] and brand_form[:i] + brand_form[i + 1 :] == form
                    for i in range(len(brand_form) - 1)
                )
                plain = form[0] == brand_form[0] and not last_letter and not undoubled
                level = "danger" if len(brand_form) >= 6 and plain and not _foreign_country(suffix, t) else "caution"
            if best is None or (level == "danger" and best[0] != "danger"):
                best = (level, t)
        if best is not None:
            level, t = best
            return [finding("lookalike.typosquat/one_character", level, t, shown, shown=shown)]
        for brand_form in sorted(index.near_long(form)):
            if (form[0], form[-1]) == (brand_form[0], brand_form[-1]) and within_two_edits(form, brand_form):
                t = index.by_form[brand_form][0]
                return [finding("lookalike.typosquat/two_characters", "caution", t, shown, shown=shown)]
    return []


def _doubled_letter_findings(forms: list[str], label: str, shown: str, index: BrandIndex) -> list[Finding]:
    """A four-letter name with one letter typed twice: icbcc, ebbay, temmu. Below Chrome's length
    floor for edit distance, but a doubled letter is the commonest slip and rarely makes a word;
    other one-letter changes of four-letter names (icba, ebey) mostly do, and are left alone."""
    if label in EVERYDAY_WORDS:
        return []
    for form in forms:
        if len(form) != MIN_EDIT_DISTANCE_LENGTH:
            continue
        for i in range(len(form) - 1):
            if form[i] != form[i + 1] or not form[i].isalpha():
                continue
            name = form[:i] + form[i + 1 :]
            for t in index.by_skeleton.get(skeleton(name), []):
                if len(t.label) == MIN_EDIT_DISTANCE_LENGTH - 1 and t.label.isalpha():
                    return [
                        finding("lookalike.typosquat/doubled_letter", "caution", t, shown, shown=shown, letter=form[i])
                    ]
    return []
