"""Per-list index for lookalike checks, built once; every lookup is a dict probe.

- labels and skeletons of every official registrable domain ('taobao', 'alipay', '10086')
- a deletion neighbourhood of the labels, skeletons and loose skeletons (labels of 5+
  characters), folded, in the label screen: a label within edit distance 1 of a brand shares a
  key with it, so candidates come from O(len) probes, whatever the number of brands
  (symmetric-delete search)
- brand tokens (labels and ASCII keywords) for combo-squatting and embedding, probed by length
- Chinese brand names for IDN labels ('淘宝.com')
"""

from __future__ import annotations

import re
from _weakref import ref  # weakref's C half: the module itself is not on a first check's way
from functools import cache, cached_property

from kefuguard.detect.url.label_screen import LabelScreen, WordSet, add_forms, put_form, trie_pattern
from kefuguard.detect.url.parse import split_host
from kefuguard.detect.url.popular import popular_domains
from kefuguard.detect.url.scam_words import FILLER_WORDS, SCAM_WORDS, STRONG_SCAM_WORDS, WEAK_WORDS
from kefuguard.detect.url.skeleton import letter_skeleton, loose_skeleton, skeleton
from kefuguard.lists.model import Brand
from kefuguard.value_class import FrozenValue

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

MIN_EDIT_DISTANCE_LENGTH = 5  # Chrome's kMinLengthForEditDistance: shorter labels only match by skeleton
MIN_TWO_EDITS_LENGTH = 9  # two edits (aliexespress) only for long labels, where chance matches are rare
MIN_TOKEN_LENGTH = 2
MIN_DISTINCTIVE_LENGTH = 5
MIN_NAME_END = 5  # name_ends: letters of a brand's name at a site name's start or end
# a 4-letter token with three consonants in a row (usps, icbc) is rare inside ordinary words
_CONSONANT_RUN = re.compile(r"[bcdfghjklmnpqrstvwxz]{3}")
# brand tokens that are also ordinary words or word parts: never "distinctive" (pineapple, rebooking,
# elemental; huabei is also North China's name; exodus a book, a film, a travel firm)
ORDINARY_WORD_TOKENS = frozenset(
    "apple amazon booking target chase discover capital united delta orange shell visa ebay meta "
    "google youtube office outlook citizens express global search store music video games "
    "telecom mobile unicom pingan eleme huabei poste posta tmobile exodus "
    "kotak caixa discord twitch".split()  # tmobile: boostmobile; kotak: Malay and Indonesian box; caixa:
    # Portuguese box, till; discord and twitch: English words (discordant, twitching)
)
# a token of 3-4 letters is rare when at most this many popular site names (other than the brand's
# own) hold it: okx, bidv, bofa, momo are in none; ups, boc, citi, nab in many (groups, bocconi, cities)
MAX_POPULAR_HOLDERS = {3: 0, 4: 1}
# a short run in no popular name can still be made of common pairs (cic: cicada, ciclismo); one of
# its letter pairs must be rare too, in at most this many popular names (okx: kx, dhl: dh, bidv: dv),
# which leaves out momo, bofa, temu (the combo rules still see them)
MAX_PAIR_HOLDERS = 50
WEAK, FILLER, SCAM = 1, 2, 3  # word strengths next to a brand: shop word < domain glue < scam word
# official labels that are everyday words: a domain containing them is not about the brand
COMMON_WORD_TOKENS = frozenset(
    {
        "live",
        "trip",
        "vip",
        "meta",
        "mail",
        "shop",
        "store",
        "bank",
        "pay",
        "home",
        "online",
        "global",
        "cloud",
        "news",
        "music",
        "video",
        "games",
        "office",
        "one",
        "go",
        "my",
        "app",
        "web",
        "post",
        "china",
        "mobile",
        "express",
        "service",
        "outlook",
        "www",  # www.gov.uk is a registrable domain (gov.uk is an ending): its label names no brand
        # brands named with everyday English words: their names alone say nothing (zoomit, targetline)
        "zoom",
        "target",
        "chase",
        "discover",
        "visa",
        "wise",
    }
)


class Target(FrozenValue):
    brand: Brand
    domain: str  # the official registrable domain
    label: str  # its registrable label ('taobao')
    _fields = ("brand", "domain", "label")

    def __init__(self, brand: Brand, domain: str, label: str) -> None:
        self.__dict__.update(brand=brand, domain=domain, label=label)


class BrandIndex:
    def __init__(self, brands: tuple[Brand, ...]) -> None:
        self.by_skeleton: dict[str, list[Target]] = {}
        self.by_loose: dict[str, list[Target]] = {}  # loose skeletons of labels of 5+ characters
        self.by_letters: dict[str, list[Target]] = {}  # their letter skeletons (the other fold order)
        self.by_form: dict[str, list[Target]] = {}  # raw label and skeleton -> targets
        self.by_affix: dict[tuple[str, int], str | tuple[str, ...]] = {}  # (first/last 3 chars, length) -> forms
        self.tokens: dict[str, Target] = {}
        self.short_keywords: dict[str, Target] = {}  # two-letter abbreviations from the list: tb, wx
        self.word_labels: dict[str, Target] = {}  # official labels that are everyday words: office, live
        self.official: dict[str, Target] = {}
        self.zh_names: dict[str, Brand] = {}
        self.screen = LabelScreen()  # "certainly not a lookalike" in a few probes, before the rules
        for brand in brands:
            for domain in brand.domains:
                self._add_domain(brand, domain)
            self._add_keywords(brand)
        self._add_vocabulary()
        self.zh_lengths = sorted({len(t) for t in self.zh_names}, reverse=True)

    def _add_domain(self, brand: Brand, domain: str) -> None:
        """The label of an official domain, its skeletons and near forms, and it as a brand token."""
        parts = split_host(domain)
        if parts.is_ip:
            return
        label = parts.label
        target = Target(brand, domain, label)
        self.official.setdefault(domain, target)
        skel = skeleton(label)
        self.by_skeleton.setdefault(skel, []).append(target)
        self.screen.add_exact(skel)
        if len(label) == MIN_EDIT_DISTANCE_LENGTH - 1 and label.isalpha():
            self.screen.add_four_letter(skel)
        if len(label) >= MIN_EDIT_DISTANCE_LENGTH:
            loose = loose_skeleton(label)
            self.by_loose.setdefault(loose, []).append(target)
            self.screen.add_exact(loose)
            self.by_letters.setdefault(letter_skeleton(label), []).append(target)
            if len(loose) >= 7:
                self.screen.add_near(loose)
            for form in {label, skel}:
                self.by_form.setdefault(form, []).append(target)
                self.screen.add_near(form)
                if len(form) >= MIN_TWO_EDITS_LENGTH:
                    self.screen.add_long(form)
                    put_form(self.by_affix, ("<" + form[:3], len(form)), form)
                    put_form(self.by_affix, (form[-3:] + ">", len(form)), form)
        if label in COMMON_WORD_TOKENS and len(label) >= 4:
            self.word_labels.setdefault(label, target)  # office, live: combos._word_label_findings
        elif len(label) == 2 and label.isalpha():
            # jd, ch, td: two letters sit inside any word (coches = co + ch + es), so like the
            # two-letter keywords they count only as a hyphen part next to a scam word (jd-tuikuan)
            self.short_keywords.setdefault(label, target)
        elif len(label) >= MIN_TOKEN_LENGTH and label not in COMMON_WORD_TOKENS:
            self.tokens.setdefault(label, target)
            if "-" in label:  # sf-express: also as one word
                self.tokens.setdefault(label.replace("-", ""), target)

    def _add_keywords(self, brand: Brand) -> None:
        """What people call the brand (pdd, tb, 淘宝) and its five-digit service numbers (95588)."""
        for keyword in brand.keywords:
            if keyword.isascii():
                word = keyword.replace(" ", "").replace(".", "")
                if len(word) >= 3 and word.isalnum() and word not in COMMON_WORD_TOKENS:  # pdd
                    self.tokens.setdefault(word, Target(brand, brand.primary_domain, word))
                elif len(word) == 2 and word.isalpha():  # tb, wx: only as a hyphen part (combos.py)
                    self.short_keywords.setdefault(word, Target(brand, brand.primary_domain, word))
            elif len(keyword) >= 2 and not any(c.isascii() for c in keyword):
                self.zh_names.setdefault(keyword, brand)
        for digits in brand.phone_digits:  # a service number as a name: 95588-kefu.com
            if len(digits) == 5:
                self.tokens.setdefault(digits, Target(brand, brand.primary_domain, digits))

    def _add_vocabulary(self) -> None:
        """Every brand token and domain word with what it is, and all their prefixes: one walk per
        position finds every unit starting there, whatever the number of brands."""
        self.units: dict[str, tuple[bool, int]] = {}  # piece -> (is a brand token, word strength)
        for word in WEAK_WORDS:
            self.units[word] = (False, WEAK)
        for word in FILLER_WORDS:
            self.units[word] = (False, FILLER)
        for word in SCAM_WORDS:
            self.units[word] = (False, SCAM)
        for token in self.tokens:
            self.units[token] = (True, self.units.get(token, (False, 0))[1])
        self.words = Vocabulary(self.units, self.tokens)
        self.screen.set_words(
            [*self.tokens, *self.short_keywords, *self.word_labels],
            [*self.units, *self.word_labels],
            SCAM_WORDS,
            STRONG_SCAM_WORDS,
            distinctive_words_of(self),
        )

    @cached_property
    def distinctive(self) -> dict[str, Target]:
        """Tokens rare enough to stand out inside a longer label with noise (shopeejj, uspspost):
        five or more letters and no ordinary word, or four letters no word has (usps, icbc: three
        consonants in a row); or three or four letters that (almost) no popular site's name holds
        (okx, bidv, bofa): judged by rarity, not by length. Built on first use, or by finish():
        counting in the popular names is ~20 ms a host start, and only a label holding a brand
        token asks."""
        return {
            t: target
            for t, target in self.tokens.items()
            if t.isascii()
            and t.isalpha()
            and t not in COMMON_WORD_TOKENS
            and t not in ORDINARY_WORD_TOKENS
            and self.units[t][1] != SCAM  # a token that is also a scam word (customs) is a word: customshirts
            and (
                len(t) >= MIN_DISTINCTIVE_LENGTH
                or (len(t) == 4 and _CONSONANT_RUN.search(t) is not None)
                or (len(t) in MAX_POPULAR_HOLDERS and not self.units[t][1] and _is_rare(t, target.brand))
            )
        }

    @cached_property
    def distinctive_words(self) -> WordSet | None:
        return trie_pattern(self.distinctive)

    @cached_property
    def name_ends(self) -> frozenset[str]:
        """The first and the last five letters of every brand name of five letters or more, each
        marked by side ('amazo>', '<mazon'): the drawn-noise rule looks for a name at either end
        of a site's name, and most names start and end with no brand's letters. Built on first use."""
        ends = set()
        for t in self.tokens:
            if len(t) >= MIN_NAME_END and t.isascii() and t.isalpha():
                ends.add(t[:MIN_NAME_END] + ">")
                ends.add("<" + t[-MIN_NAME_END:])
        return frozenset(ends)

    def finish(self) -> None:
        """Build what the first checks leave for later: a host calls this between requests."""
        _ = self.distinctive_words, self.skeleton_words, self.name_ends
        popular_domains()  # until built, is_popular searches the file's text

    def finish_rarely_used(self) -> None:
        """Build what only a rare host asks for (a subdomain spelt with look-alike characters): a
        list prepared on a thread builds it there, not in a check after the switch."""
        _ = self.official_by_skeleton

    def near(self, form: str) -> set[str]:
        """Brand forms (labels, skeletons) that may be within one edit of `form`: candidates for
        OSA <= 1, from the screen's folded deletion neighbourhood (a superset: callers check)."""
        return {c for c in self.screen.candidates(form) if c in self.by_form}

    def near_loose(self, loose: str) -> set[str]:
        """Loose skeletons of 7+ characters that may be within one edit of `loose`."""
        return {c for c in self.screen.candidates(loose) if len(c) >= 7 and c in self.by_loose}

    def near_long(self, form: str) -> set[str]:
        """Long brand forms of about the same length sharing the first or last three characters
        (candidates for two edits); bucketed by length so the set stays small with 10,000 brands."""
        if len(form) < MIN_TWO_EDITS_LENGTH - 2:
            return set()
        found: set[str] = set()
        for n in range(len(form) - 2, len(form) + 3):
            add_forms(found, self.by_affix.get(("<" + form[:3], n)))
            add_forms(found, self.by_affix.get((form[-3:] + ">", n)))
        return found

    @cached_property
    def official_by_skeleton(self) -> dict[str, Target]:
        """Official domains by the skeleton of each label, for hosts with look-alike characters."""
        return {".".join(map(skeleton, d.split("."))): t for d, t in reversed(self.official.items())}

    @cached_property
    def skeleton_words(self) -> Vocabulary:
        """The same words by their skeletons, for labels written with look-alike characters
        (ta0bao-kefu, a1ipay-tu1kuan): brand tokens of 4+ characters only (shorter ones fold into
        too many ordinary labels). Built on first use."""
        units: dict[str, tuple[bool, int]] = {}
        tokens: dict[str, Target] = {}
        for unit, (is_brand, strength) in self.units.items():
            key = skeleton(unit)
            brand = is_brand and len(unit) >= 4
            old_brand, old_strength = units.get(key, (False, 0))
            units[key] = (brand or old_brand, max(strength, old_strength))
            if brand:
                tokens.setdefault(key, self.tokens[unit])
        return Vocabulary(units, tokens)

    def zh_names_in(self, text: str) -> list[Brand]:
        hits = []
        for i in range(len(text)):
            for n in self.zh_lengths:
                brand = self.zh_names.get(text[i : i + n])
                if brand is not None:
                    hits.append(brand)
        return hits


class Vocabulary:
    """The words the combo word break knows (brand tokens, shop words, glue, scam words) with all
    their prefixes, so one walk per position finds every word starting there."""

    def __init__(self, units: dict[str, tuple[bool, int]], tokens: dict[str, Target]) -> None:
        self.units = units  # piece -> (is a brand token, word strength)
        self.tokens = tokens  # brand token -> its target
        self.prefixes = {unit[:i] for unit in units for i in range(1, len(unit) + 1)}

    def units_at(self, text: str, start: int) -> list[tuple[str, bool, int]]:
        """(piece, is a brand token, word strength) for every unit that starts at `start`."""
        found = []
        end = start + 1
        while end <= len(text) and text[start:end] in self.prefixes:
            unit = self.units.get(text[start:end])
            if unit is not None:
                found.append((text[start:end], *unit))
            end += 1
        return found


@cache
def _popular_names() -> str:
    """The popular sites' names, one a line: a run of letters is counted in them by str.count. The
    list holds registrable domains, so a name is the first label."""
    return "\n".join(domain.split(".", 1)[0] for domain in popular_domains())


@cache
def _popular_holders(piece: str) -> int:
    """How often the popular sites' names hold `piece` (a name rarely holds a short run twice)."""
    return _popular_names().count(piece)


def _is_rare(token: str, brand: Brand) -> bool:
    """A 3-4 letter token held by (almost) no popular site's name other than the brand's own, with a
    letter pair few of them hold."""
    popular = popular_domains()
    own = sum(1 for d in brand.domains if d in popular and token in d.split(".", 1)[0])
    if _popular_holders(token) - own > MAX_POPULAR_HOLDERS[len(token)]:
        return False
    return min(_popular_holders(token[i : i + 2]) for i in range(len(token) - 1)) <= MAX_PAIR_HOLDERS


def osa_distance_at_most_one(a: str, b: str) -> bool:
    """Optimal string alignment distance <= 1: one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def distinctive_words_of(index: BrandIndex) -> Callable[[], WordSet | None]:
    """index.distinctive_words, asked for when first needed, through a weak reference: a closure
    holding the index itself made index -> screen -> closure -> index a cycle, and the whole index of a
    list switched away from (~130,000 objects at 10,000 brands) waited for the cycle collector, which
    then walked it for ~200 ms."""
    own = ref(index)

    def words() -> WordSet | None:
        alive = own()
        return alive.distinctive_words if alive is not None else None

    return words
