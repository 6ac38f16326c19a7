"""Combo-squatting: a brand token next to words scammers use (taobao-kefu, jd-tuikuan,
refund-amazon), found by a word break over brand tokens, scam words, shop words and glue; and the
same around a disguised brand (ta0bao-kefu, taoboa-kefu)."""

from __future__ import annotations

import re

from kefuguard.detect.url.brand_index import FILLER, MIN_EDIT_DISTANCE_LENGTH, SCAM, BrandIndex, Target, Vocabulary
from kefuguard.detect.url.findings import Finding, finding
from kefuguard.detect.url.reasons import render
from kefuguard.detect.url.scam_words import SCAM_WORDS as SCAM_WORD_PARTS
from kefuguard.detect.url.scam_words import SERVICE_WORDS, TRAILING_COUNTRY_CODES
from kefuguard.detect.url.skeleton import skeleton
from kefuguard.detect.url.typosquats import local_name_elsewhere, typosquat_findings


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
    at = [vocab.units_at(part, i) for i in range(n)]
    # the ends of the longest word (not a brand token) starting at each place: a brand token inside
    # one is the word's own letters, not the brand (track-ing, ship-ping: tracking, shipping)
    word_end = [
        max((i + len(piece) for piece, is_brand, strength in units if strength and not is_brand), default=0)
        for i, units in enumerate(at)
    ]
    for i in range(n):
        units = at[i]
        for piece, is_brand, strength in units:  # for labels that do not decompose fully
            if is_brand and len(piece) >= 4 and loose_brand is None:
                loose_brand = piece
            if strength == SCAM and len(piece) >= 4 and not is_brand:
                loose_word = True  # a word besides the brand (customs is both: customshirts says nothing)
        state = best[i]
        if state is None:
            continue
        _, strength_so_far, token = state
        steps: list[tuple[int, str | None, int]] = []
        # of two brands' tokens starting here the longer names the brand: caixabank-pagos is CaixaBank's
        # name, not caixa + bank (another brand's name and a word); one brand's own tokens all stay
        # (booking + com glue in bookingcom, though bookingcom is also its token)
        brands_here = [p for p, is_brand, _ in units if is_brand and not _inside_word(word_end, i, i + len(p))]
        owner = _brand_of(vocab, max(brands_here, key=len)) if brands_here else None
        for piece, is_brand, strength in units:
            if piece in brands_here and _brand_of(vocab, piece) is owner:
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
    whole = best[n]
    if whole is not None:
        return whole[2], whole[1], True
    return loose_brand, 2 if loose_word else 0, False


def _brand_of(vocab: Vocabulary, token: str) -> object:
    """The brand a token names (None for a token the vocabulary holds without a target)."""
    target = vocab.tokens.get(token)
    return target.brand if target is not None else None


def _inside_word(word_end: list[int], start: int, end: int) -> bool:
    """Whether a longer known word covers [start, end): one starting before it and ending at or after
    its end, or starting with it and ending after it."""
    return any(word_end[i] >= end and (i < start or word_end[i] > end) for i in range(start + 1))


def _brand_across_hyphens(label: str, index: BrandIndex) -> str | None:
    """The label with one run of whole hyphen-separated parts that spell a brand token of 4+
    characters joined up (china-mobile-refund -> chinamobile-refund); None if there is none. Whole
    parts only: fastapi-cloudauth does not hold icloud."""
    parts = label.split("-")
    for i in range(len(parts) - 1):
        for j in range(i + 2, len(parts) + 1):
            name = "".join(parts[i:j])
            if len(name) >= 4 and name in index.tokens:
                return "-".join([*parts[:i], name, *parts[j:]])
    return None


def _short_keyword_findings(label: str, index: BrandIndex, where: str) -> list[Finding]:
    """A two-letter abbreviation of a brand from the list (tb Taobao, wx WeChat) as its own
    hyphen-separated part, the rest words of which one is a scam word: tb-kefu, dy-tuikuan. Two
    letters inside a word are everywhere (cocotb, dynet), so nothing looser counts."""
    parts = label.split("-")
    for i, part in enumerate(parts):
        t = index.short_keywords.get(part)
        if t is None:
            continue
        rest = "-".join(parts[:i] + parts[i + 1 :])
        token, strength, complete = _split_words(rest, index.words)
        if token is None and complete and _has_scam_word(rest, index):
            return [finding("lookalike.combo/short_keyword", "danger", t, label, shown=where, word=part)]
    return []


def _word_label_findings(label: str, index: BrandIndex, where: str) -> list[Finding]:
    """An official label that is an everyday word (office, live, meta, trip) at either end, and
    nothing else but scam words and glue, one of them a scam word: office-login, live-verify,
    trip-refund. The word next to shop words, service words (livehelp, office-support) or anything
    else is ordinary (officedepot, tripadvisor, live-news)."""
    for name, t in index.word_labels.items():
        if label.startswith(name):
            rest = label[len(name) :]
        elif label.endswith(name):
            rest = label[: -len(name)]
        else:
            continue
        rest = rest.strip("-")
        if not rest or rest.isdigit():
            continue
        token, _, complete = _split_words(rest, index.words)
        if token is None and complete and _has_scam_word(rest, index, but=SERVICE_WORDS):
            return [finding("lookalike.combo/everyday_word", "caution", t, label, shown=where, word=name)]
    return []


def everyday_word_country_findings(label: str, index: BrandIndex, where: str, ending: str) -> list[Finding]:
    """An official label that is an everyday word (post, chase, office) with the code of the brand's
    own country and nothing else, under an ending throwaway sites favour: tw-post.co (Chunghwa Post's
    post.gov.tw), chase-us.top. The word alone is anyone's name, and beside another country's code a
    name of that country (post-at is no Taiwanese post); beside its own brand's country, on a name
    bought for a wave of messages, it is the brand. Called for those endings only."""
    flat = label.replace("-", "")
    for name, t in index.word_labels.items():
        code = t.brand.region.lower()
        if len(code) == 2 and flat in (name + code, code + name):
            message = "lookalike.combo/everyday_word_country"
            return [finding(message, "caution", t, label, shown=where, word=name, code=code, ending=ending)]
    return []


def _hyphen_part_findings(label: str, index: BrandIndex, where: str) -> list[Finding]:
    """A brand token of 3+ letters as one whole hyphen-separated part and a scam word of 4+ letters as
    another, whatever the other parts are: secure-allocations-caf, verifica-dati-bper. The word break
    needs every part to be a known word; set apart by hyphens, the brand and the scam word say enough
    on their own (a service word such as 'support' does not: any help desk calls itself that)."""
    parts = label.split("-")
    for i, part in enumerate(parts):
        t = index.tokens.get(part)
        if t is None or len(part) < 3 or part.isdigit():
            continue
        for other in parts[:i] + parts[i + 1 :]:
            if len(other) >= 4 and other in SCAM_WORD_PARTS and other not in SERVICE_WORDS:
                return [finding("lookalike.combo/scam_words", "danger", t, label, shown=where, word=part)]
    return []


def _has_scam_word(text: str, index: BrandIndex, but: frozenset[str] = frozenset()) -> bool:
    return any(
        strength == SCAM and piece not in but
        for i in range(len(text))
        for piece, _, strength in index.words.units_at(text, i)
    )


def _own_number_in(label: str, t: Target) -> bool:
    return any(run in t.brand.phone_digits for run in re.findall(r"[0-9]{5,}", label))


def combo_findings(label: str, index: BrandIndex, where: str) -> list[Finding]:
    brand_token, strength, complete = _split_words(label, index.words)
    if brand_token is None and "-" in label:  # a hyphen inside the brand name: china-mobile-refund
        joined = _brand_across_hyphens(label, index)
        if joined is not None:
            brand_token, strength, complete = _split_words(joined, index.words)
    if brand_token is None or (not complete and "-" in label):
        # secure-allocations-caf: a word the vocabulary lacks in between, or a three-letter name
        found = _hyphen_part_findings(label, index, where) if "-" in label else []
        if found:
            return found
    if brand_token is None:
        return (_short_keyword_findings(label, index, where) if "-" in label else []) or _word_label_findings(
            label, index, where
        )
    if label.replace("-", "") == brand_token or (brand_token.isdigit() and (not complete or strength < 2)):
        return []  # a number counts only next to a scam word (95588-kefu), not a shop word (shop1688)
    t = index.tokens[brand_token]
    if strength == 2 and (complete or len(brand_token) >= 4):
        return [finding("lookalike.combo/scam_words", "danger", t, label, shown=where, word=brand_token)]
    # a shop word set apart from a three-letter name counts too (ccb-pay, dhl-shop); run together, three
    # letters and a country code make ordinary names (aemps: ae + mps), and digits alone say nothing
    short_ok = len(brand_token) == 3 and (
        ("-" in label and strength >= 1) or _own_number_in(label, t) or _two_words_run_on(label, brand_token, index)
    )
    if complete and (len(brand_token) >= 4 or short_ok):  # ccb-95533: the name with its own hotline
        return [finding("lookalike.combo/extra_words", "caution", t, label, shown=where, word=brand_token)]
    return []


RUN_ON_WORDS_MIN = 6  # letters after a three-letter name for two words run on (anz + mobile + bank)


def _two_words_run_on(label: str, token: str, index: BrandIndex) -> bool:
    """A three-letter name at the start with two or more words run on after it (anzmobilebank): not an
    ordinary name's chance letters, which one short word or a country code make (aemps: ae + mps).
    Called only for a label that broke fully into units."""
    if "-" in label or not label.startswith(token):
        return False
    rest = label[len(token) :]
    return len(rest) >= RUN_ON_WORDS_MIN and not rest.isdigit() and rest not in index.words.units


def disguised_combo_findings(label: str, suffix: str, index: BrandIndex, where: str) -> list[Finding]:
    """A brand name written with look-alike characters or one typo, next to words scammers use:
    ta0bao-kefu, a1ipay-tuikuan, paypaI-support, taoboa-kefu, pinduoudo-tuikuan. Each half alone
    is a known trick; together they leave no doubt. A typo next to shop words or a country code
    (shope-tw) is a caution."""
    skel = skeleton(label)
    if skel != label:  # look-alike characters: break the skeleton into words by their skeletons
        token, strength, complete = _split_words(skel, index.skeleton_words)
        # the whole label must break into words: folding i/1/l alike finds brand names by chance
        # inside longer ones (streamlit holds 'mllt', the skeleton of miit)
        if token is not None and token != skel and strength >= 1 and complete:
            t = index.skeleton_words.tokens[token]
            if t.label in label:
                return []  # spelt as the brand spells it (shop1688: 1688 has a 1): the plain rule's case
            risky = strength == 2
            message = "lookalike.combo/lookalike_chars_scam_words" if risky else "lookalike.combo/lookalike_chars"
            return [finding(message, "danger" if risky else "caution", t, where, shown=where, word=t.label)]
    parts = label.split("-")
    if len(parts) < 2:
        return _misspelt_with_country_code(label, suffix, index, where)
    for i, part in enumerate(parts):  # one part a typo of the brand, the rest scam words and glue
        if len(part) < MIN_EDIT_DISTANCE_LENGTH - 1 or part in index.units or skeleton(part) in index.by_skeleton:
            continue  # too short, a known word, or the brand itself (the combo rule's business)
        typo = typosquat_findings(part, suffix, part, index)
        if not typo:
            continue
        rest = "-".join(parts[:i] + parts[i + 1 :])
        token, strength, complete = _split_words(rest, index.words)
        # next to scam words: danger; next to shop words or a country code (shope-tw): caution
        if complete and token is None and strength >= 1:
            f = typo[0]
            assert f.brand is not None and f.official is not None  # a typosquat always names its brand
            risky = strength == 2
            en, zh = render(
                "lookalike.combo/misspelt" if risky else "lookalike.combo/misspelt_extra_words",
                shown=where,
                word=part,
                official=f.official,
                brand_en=f.brand.name_en,
                brand_zh=f.brand.name_zh,
            )
            return [Finding("lookalike.combo", "danger" if risky else "caution", f.brand, f.official, where, en, zh)]
    return []


def _misspelt_with_country_code(label: str, suffix: str, index: BrandIndex, where: str) -> list[Finding]:
    """A typo of the brand with a country code run on after it (shopetw): the hyphenated form's
    caution (shope-tw) without the hyphen. Not in front, where a code is a word's first letters as
    often (automobile: au + tomobile). The rest must be a typo of a brand's label, not a word the
    combo words know."""
    rest, code = label[:-2], label[-2:]
    if code in TRAILING_COUNTRY_CODES and len(rest) >= MIN_EDIT_DISTANCE_LENGTH and rest not in index.units:
        if skeleton(rest) in index.by_skeleton:
            return []  # the brand itself with a country code: the noisy-token rule's case
        for f in typosquat_findings(rest, suffix, rest, index):
            assert f.brand is not None and f.official is not None
            en, zh = render(
                "lookalike.combo/misspelt_extra_words",
                shown=where,
                word=rest,
                official=f.official,
                brand_en=f.brand.name_en,
                brand_zh=f.brand.name_zh,
            )
            return [Finding("lookalike.combo", "caution", f.brand, f.official, where, en, zh)]
    return []


def brand_name_findings(label: str, index: BrandIndex, where: str) -> list[Finding]:
    """The site is named exactly with a brand's other name, which is not one of its domains:
    zhifubao.top (Alipay in pinyin), jingdong.cc. Official labels under another ending are the
    TLD-swap rule's; this is for keywords. A service number alone (95533.com) is left alone: banks
    register their numbers too, and a number is no name a user would take for the brand's site. A
    name of several words may be written with hyphens between them (post-austria.bar, 'post austria')."""
    name = label.replace("-", "") if "-" in label else label
    t = index.tokens.get(name)
    if t is None or len(name) < 3 or name in index.by_form or name.isdigit():
        return []
    return [finding("lookalike.brand_name", "caution", t, where, shown=where, word=label)]


def brand_part_findings(label: str, index: BrandIndex, where: str, ending: str) -> list[Finding]:
    """A brand name as one whole hyphen-separated part of a site under an ending scam sites favour,
    whatever the other parts say: huabei-tie.top, taobao-x7k2.xyz. Called for those endings only."""
    for part in label.split("-") if "-" in label else ():
        t = index.tokens.get(part)
        if t is not None and len(part) >= 4 and not part.isdigit():
            return [finding("lookalike.combo/brand_part", "caution", t, label, shown=where, word=part, ending=ending)]
    return []


SHORT_NAME = 3  # ctt, att, bmo: a three-letter name is in countless words, but set apart it is a name
WORD_BESIDE_SHORT_NAME = 4  # letters of a part next to it that make a word, not initials (abs-cbn)


def short_name_part_findings(label: str, suffix: str, index: BrandIndex, where: str) -> list[Finding]:
    """A brand's three-letter name (ctt, att, bmo) as the first or last hyphen-separated part, digits
    around it or not, and a word of 4+ letters as another, whatever the word: ctt-geral, att-network,
    bmo-onlines, 1bmo-reactivemyaccount0. Run together, three letters are inside ordinary words
    (bmonline holds nothing); set apart, they are the name. The scam-word rules need a word they
    know; this one needs none, so it is a caution. Not another name of the brand hyphenated
    (ing-diba), two sets of initials (abs-cbn), or under another country's ending for a brand of
    one country (vrbank-bsb.de, a German bank, is not Bank of Shanghai's)."""
    parts = label.split("-")
    if label.replace("-", "") in index.tokens:
        return []
    for i, part in enumerate(parts):
        if 0 < i < len(parts) - 1:
            continue  # inside a longer name it is one of its words (allocations-caf-news, a news site)
        name = part.strip("0123456789")
        if len(name) != SHORT_NAME or not name.isalpha():
            continue
        t = index.tokens.get(name)
        if t is None:
            continue
        others = [p.strip("0123456789") for p in parts[:i] + parts[i + 1 :]]
        if not any(len(p) >= WORD_BESIDE_SHORT_NAME and p.isalpha() for p in others):
            continue
        joined = label.replace("-", "")
        if any(k.replace(" ", "").replace("-", "") == joined for k in t.brand.keywords):
            return []  # the brand's own name with a hyphen (ing-diba, ING's German bank)
        found = finding("lookalike.combo/short_name_part", "caution", t, where, shown=where, word=name)
        own_country = suffix.rsplit(".", 1)[-1] == t.brand.region.lower()  # att-network.us: AT&T's country
        return [] if local_name_elsewhere(suffix, found) and not own_country else [found]
    return []


# the word break and the scam-word test, for the rules that read a page's name (shape.py)
split_words = _split_words
has_scam_word = _has_scam_word


def any_combo_findings(label: str, shown: str, suffix: str, index: BrandIndex, where: str) -> list[Finding]:
    """A brand name beside words scammers use, written plainly (`label`, ASCII) or disguised (`shown`,
    the label as displayed): combo_findings, else disguised_combo_findings."""
    return combo_findings(label, index, where) or disguised_combo_findings(shown, suffix, index, where)
