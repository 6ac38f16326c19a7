"""A cheap test that a host name cannot match any lookalike rule, run before the rules.

Most links on a page go to sites that imitate nothing; proving that with the rules themselves
costs tens of microseconds a host (every form, every neighbour, the word-break walk). The screen
answers "maybe" or "certainly not" from a few set probes, and is built so that "certainly not"
is never wrong: every rule in lookalike.py needs one of the keys below to be shared with a brand
(tests/detect/test_label_screen.py checks that on tens of thousands of hosts).

- One coarse fold for typos, homographs and loose homographs alike: the skeleton's and the loose
  skeleton's one-character folds (1/i -> l, 0 -> o, n -> m, c -> e, u/y -> v...) and no hyphens.
  A map of single characters keeps two labels within one edit of each other within one edit,
  so the deletion neighbourhood of the folded label meets the folded brand's whenever an edit-1
  rule could fire on any of the forms the rules compare (label, skeleton, loose, unhyphenated).
  The same dictionary hands the rules their candidates (a superset they check one by one).
- Two-edit candidates of long labels share first three and last letter (or first and last three)
  at a length within two: a bit mask of lengths per affix.
- Brand tokens (combo-squatting, brand as a subdomain) are found by a WordSet: the label's
  substrings of the words' head length probed in one C-level pass, the few that start a word
  compared with the words that start so. It finds what a regular expression of the words shaped
  as a trie found, and builds in a millisecond where that regex took ~70 ms to compile at every
  host start (a compiled `re` pattern cannot be kept across processes).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import combinations, compress

from kefuguard.detect.url.scam_words import TRAILING_COUNTRY_CODES
from kefuguard.detect.url.skeleton import loose_skeleton, skeleton

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from typing import Any

# the one-character folds of skeleton._ASCII_FOLDS and skeleton._LOOSE_FOLDS, plus hyphens removed
_FOLD = str.maketrans("1i|0ncbquy", "lllomedgvv", "-_")
_FOLD_KEEP_HYPHENS = str.maketrans("1i|0ncbquy_", "lllomedgvv-")
# a site name starting with 'com-' makes 'brand.com-pay.xin' read as if brand.com were the site;
# net- and org- start real names (net-a-porter.com), gov- is the fake-government rule's
DISGUISED_ENDINGS = ("com-", "www-")  # com-citations.xin, www-garanti.com: the real name hides after
_GLUE = frozenset("0123456789-_")  # digit runs and hyphens sit between words in the word-break walk
# sequences the skeleton folds as a whole (rn -> m): the raw label's fold may differ from the skeleton's
_MULTI_SKELETON = re.compile(r"rn|vv|cl")
# sequences the loose skeleton folds as a whole (lh -> h, nn -> m, uu -> vv -> w), as they appear
# in a raw label before the skeleton's one-letter folds (1h, ih and |h become lh)
_MULTI_LOOSE_RAW = re.compile(r"[li1|][hkc]|nn|rr|[uvy][uvy]")


_NOTHING, _TOKEN, _COMBINE = 0, 1, 2  # what LabelScreen._combine_or_token found
_levenshtein: Any = None  # rapidfuzz's, imported on first use (within_two_edits)


def put_form(index: dict, key: object, value: str) -> None:
    """Most keys lead to one form: a plain string, not a set (at 10,000 brands: 124 -> ~50 MiB)."""
    entry = index.get(key)
    if entry is None:
        index[key] = value
    elif isinstance(entry, str):
        if entry != value:
            index[key] = (entry, value)
    elif value not in entry:
        index[key] = (*entry, value)


def add_forms(found: set[str], entry: str | tuple[str, ...] | None) -> None:
    """Add what put_form stored under one key."""
    if entry is None:
        return
    if isinstance(entry, str):
        found.add(entry)
    else:
        found.update(entry)


def within_two_edits(a: str, b: str) -> bool:
    """Levenshtein distance <= 2. rapidfuzz is imported on the first call: importing it costs a
    host ~10 ms at start, and most first checks never compare two long labels."""
    if _levenshtein is None:
        load_edit_distance()
    return bool(_levenshtein.distance(a, b, score_cutoff=2) <= 2)


def load_edit_distance() -> None:
    """Import rapidfuzz now: a host preparing a changed list does it on that thread, not in a check
    (the first check on a switched list that compared two long labels waited 15-120 ms for it).
    Not at a host's start: ~4-6 MiB for every host, and a first check waits ~10 ms."""
    global _levenshtein
    if _levenshtein is None:
        from rapidfuzz.distance import Levenshtein

        _levenshtein = Levenshtein


def fold(form: str) -> str:
    return form.translate(_FOLD)


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


class WordMatch:
    """Where a WordSet found a word: the part of a `re.Match` the rules use."""

    __slots__ = ("_text", "_start", "_end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def group(self, index: int = 0) -> str:
        if index != 0:
            raise IndexError("no such group")
        return self._text[self._start : self._end]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end


class WordSet:
    """Many words, found in a text as a regex of them shaped as a trie finds them: the leftmost
    word, and the longest of those starting there. Each word is filed under its first `head`
    characters (the shortest word's length, at most 4) with the lengths of the words that start
    so; a search takes the text's substrings of that length in one C-level pass (slices made
    once per text length) and looks at the few that start a word."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w)  # the empty word would match everywhere
        self.head = min(4, *map(len, self.words)) if self.words else 1
        lengths: dict[str, set[int]] = {}
        for word in self.words:
            lengths.setdefault(word[: self.head], set()).add(len(word))
        # head -> the lengths of its words, longest first
        self.heads = {h: tuple(sorted(ns, reverse=True)) for h, ns in lengths.items()}
        self._slices: dict[int, tuple[slice, ...]] = {}  # text length -> its head-long slices

    def _slices_of(self, length: int) -> tuple[slice, ...]:
        slices = tuple(slice(i, i + self.head) for i in range(length - self.head + 1))
        self._slices[length] = slices
        return slices

    def search(self, text: str) -> WordMatch | None:
        heads = self.heads
        slices = self._slices.get(len(text)) or self._slices_of(len(text))
        for at in compress(slices, map(heads.__contains__, map(text.__getitem__, slices))):
            start = at.start
            for n in heads[text[at]]:
                piece = text[start : start + n]  # shorter near the end: then still a word, or none
                if piece in self.words:
                    return WordMatch(text, start, start + len(piece))
        return None


def trie_pattern(words: Iterable[str]) -> WordSet | None:
    """The words as a WordSet; None when there are none (the name the rules know it by)."""
    found = WordSet(words)
    return found if found.words else None


class LabelScreen:
    def __init__(self) -> None:
        self.exact: set[str] = set()  # folded forms the rules compare for equality only
        self.four_letter: set[str] = set()  # folded four-letter names, for the doubled-letter rule
        # folded forms compared within one edit, and their deletions -> the unfolded form(s): the
        # screen's probe and the rules' candidates in one index
        self.near: dict[str, str | tuple[str, ...]] = {}
        self.long_forms: dict[str, list[str]] = {}  # 'abc>z' / 'a<xyz' -> forms compared within two edits
        self.long_lengths: dict[str, int] = {}  # the same keys -> bit mask of those forms' lengths
        self.tokens: WordSet | None = None  # brand tokens of 4+ characters anywhere (folded)
        self.short_tokens: WordSet | None = None  # shorter ones, as spelt
        self.units: set[str] = set()  # every unit the word-break walk knows (folded)
        self.unit_prefixes: set[str] = set()  # and all their prefixes
        self.longest_unit = 0
        self.scam_words: WordSet | None = None  # scam words of 4+ letters anywhere
        self.strong_words: WordSet | None = None  # words of scam scripts, as spelt
        self._distinctive: Callable[[], WordSet | None] = lambda: None

    def add_exact(self, form: str) -> None:
        """A form a rule compares for equality only (skeletons, loose skeletons)."""
        self.exact.add(fold(form))

    def add_four_letter(self, form: str) -> None:
        """A four-letter name (its skeleton) the doubled-letter rule compares: icbcc -> icbc."""
        self.four_letter.add(fold(form))

    def _doubled_letter(self, folded: str) -> bool:
        return len(folded) == 5 and any(
            folded[i] == folded[i + 1] and folded[:i] + folded[i + 1 :] in self.four_letter for i in range(4)
        )

    def add_near(self, form: str) -> None:
        """A form a rule compares within one edit (or exactly)."""
        folded = fold(form)
        for key in (folded, *_deletions(folded)):
            put_form(self.near, key, form)

    def candidates(self, form: str) -> set[str]:
        """Every added form whose fold shares a deletion-neighbourhood key with this one's: all
        forms within one edit of `form`, and some more."""
        found: set[str] = set()
        folded = fold(form)
        for key in (folded, *_deletions(folded)):
            add_forms(found, self.near.get(key))
        return found

    def add_long(self, form: str) -> None:
        """A form a rule compares within two edits, with the same first and last letter and the
        first or last three letters in common."""
        form = form.translate(_FOLD_KEEP_HYPHENS)  # one-letter maps keep lengths, ends and distances
        for key in (form[:3] + ">" + form[-1], form[0] + "<" + form[-3:]):
            self.long_forms.setdefault(key, []).append(form)
            self.long_lengths[key] = self.long_lengths.get(key, 0) | 1 << len(form)

    def set_words(
        self,
        tokens: Iterable[str],
        units: Iterable[str],
        scam_words: Iterable[str],
        strong_words: Iterable[str],
        distinctive: Callable[[], WordSet | None] | None = None,
    ) -> None:
        """Brand tokens; every unit the word-break walk knows (tokens, shop, glue and scam words);
        scam words of 4+ letters (enough for a combo without a full word break). All folded, by
        spelling and by skeleton: a combo with look-alike characters (ta0bao-kefu) folds alike.
        `distinctive` gives the brand tokens rare inside other words, asked for when first needed."""

        def folds(words: Iterable[str]) -> set[str]:
            return {f for w in words for f in (fold(w), fold(skeleton(w))) if f}

        tokens = list(tokens)
        # folding makes short tokens match too much (boc -> doe): those are looked for as spelt,
        # which is all the rules do with them (the look-alike combo rule wants 4+ characters)
        self.tokens = trie_pattern(folds(t for t in tokens if len(t) >= 4))
        self.short_tokens = trie_pattern(t for t in tokens if len(t) < 4)
        self.units = folds(units)
        self.unit_prefixes = {u[:i] for u in self.units for i in range(1, len(u) + 1)}
        self.longest_unit = max(map(len, self.units), default=0)
        self.scam_words = trie_pattern(folds(w for w in scam_words if len(w) >= 4))
        self.strong_words = trie_pattern(strong_words)
        if distinctive is not None:
            self._distinctive = distinctive

    @property
    def distinctive(self) -> WordSet | None:
        """Brand tokens rare inside other words, as spelt ('shopee' inside 'shopeejj'): asked of the
        brand index when a label first holds a brand token (it builds them on first use)."""
        return self._distinctive()

    def _starts_with_unit(self, folded: str) -> bool:
        end = 1
        while end <= len(folded) and folded[:end] in self.unit_prefixes:
            if folded[:end] in self.units:
                return True
            end += 1
        return False

    def _ends_with_unit(self, folded: str) -> bool:
        return any(folded[-k:] in self.units for k in range(1, min(len(folded), self.longest_unit) + 1))

    def has_token(self, text: str) -> bool:
        """Some brand token may be in this ASCII text (spelled, or with look-alike characters)."""
        if self.short_tokens is not None and self.short_tokens.search(text):
            return True
        if self.tokens is None:
            return False
        return self.tokens.search(fold(text)) is not None or (
            _MULTI_SKELETON.search(text) is not None and self.tokens.search(fold(skeleton(text))) is not None
        )

    def may_combine(self, label: str) -> bool:
        """False only when no combo rule can fire: each needs a brand token, and either a scam word
        or a label that breaks into known words from end to end (compared folded)."""
        return self._combine_or_token(label) == _COMBINE

    def _combine_or_token(self, label: str, folded: str | None = None) -> int:
        """_COMBINE when a combo rule may fire; _TOKEN when the label holds a brand token as spelt
        (every token is in the folded token pattern or the short one: fold maps letter by letter),
        though no combo can come of it; _NOTHING when it holds none. `folded`: fold(label), when
        the caller has it."""
        short = self.short_tokens is not None and self.short_tokens.search(label) is not None
        forms = [fold(label) if folded is None else folded]
        if "rn" in label or "vv" in label or "cl" in label:  # _MULTI_SKELETON, without a regex's call
            forms.append(fold(skeleton(label)))
        found = _NOTHING
        for form in forms:
            if not form or not (short or (self.tokens is not None and self.tokens.search(form))):
                continue
            found = _TOKEN
            if "-" in label or (self.scam_words is not None and self.scam_words.search(form)):
                return _COMBINE  # a scam word, or a hyphen that may set the brand apart (huabei-tie.top)
            if (label[0] in _GLUE or self._starts_with_unit(form)) and (
                label[-1] in _GLUE or self._ends_with_unit(form)
            ):
                return _COMBINE
        return found

    def may_equal(self, label: str) -> bool:
        """False only when the skeleton of this ASCII label is no brand's skeleton."""
        return bool(_MULTI_SKELETON.search(label)) or fold(label) in self.exact

    def _near_or_equal(self, folded: str) -> bool:
        if folded in self.exact or folded in self.near:
            return True
        if not folded:
            return False  # a label of hyphens only ('-', a host browsers accept) has no deletions
        # every deletion, built in C (combinations keep order: 'abc' -> 'ab', 'ac', 'bc')
        return not self.near.keys().isdisjoint(map("".join, combinations(folded, len(folded) - 1)))

    def may_imitate(self, label: str) -> bool:
        """False only when no lookalike rule can fire on this ASCII registrable label."""
        folded = label.translate(_FOLD)  # fold(label), shared by the typo and token probes
        if self._may_be_typo(label, folded):
            return True
        if self.has_misspelt_part(label):  # taoboa-kefu
            return True
        tokens = self._combine_or_token(label, folded)  # taobao-kefu, ta0bao-kefu
        if tokens == _COMBINE:
            return True
        if "-" in label and ("gov" in label or "gouv" in label or "gob" in label):
            return True  # a site calling itself gov (etc-gov.top)
        if tokens and self.distinctive is not None and self.distinctive.search(label):
            return True  # a distinctive brand token (a brand token too) with noise around it (shopeejj)
        if label.startswith(DISGUISED_ENDINGS):
            return True  # an ending or www glued to the site's name: ezdrive.com-citations.xin, www-bank.top
        short = self.short_tokens
        if len(label) == 5 and label.isalpha() and short is not None and short.search(label[:3]):
            return True  # a bank's three-letter short name with two letters run on (bocxi): lookalike.py
        # a site named with scam-script words alone (zhuxiao-daikuan): needs one of them, as spelt
        return self.strong_words is not None and self.strong_words.search(label) is not None

    def has_misspelt_part(self, text: str) -> bool:
        """Some hyphen-separated part of this ASCII text may be one typo from a brand, or some label
        a typo with a country code after it (shopetw: combos.py checks the code)."""
        if "." not in text and "-" not in text:  # a site's own name (the usual ask): one label, one part
            return self._typo_with_country_code(text)
        labels = text.split(".")
        if any(self._typo_with_country_code(label) for label in labels):
            return True
        if "-" not in text:
            return False
        return any(len(part) >= 4 and self._may_be_typo(part) for label in labels for part in label.split("-"))

    def _typo_with_country_code(self, label: str) -> bool:
        return (
            label[-2:] in TRAILING_COUNTRY_CODES
            and len(label) >= 7
            and "-" not in label
            and self._may_be_typo(label[:-2])
        )

    def _may_be_typo(self, label: str, folded: str | None = None) -> bool:
        """Homograph, typo, TLD-swap, hyphenation and loose rules: can any fire on this label?
        `folded`: fold(label), when the caller has it."""
        if folded is None:
            folded = label.translate(_FOLD)  # equals fold(skeleton(label)) unless a multi-letter fold applies
        if self._near_or_equal(folded) or self._doubled_letter(folded):
            return True
        forms = [label]  # what the two-edit rule compares, before folding
        if "rn" in label or "vv" in label or "cl" in label:
            skel = skeleton(label)
            forms.append(skel)
            if self._near_or_equal(fold(skel)) or self._doubled_letter(fold(skel)):
                return True
        if _MULTI_LOOSE_RAW.search(label):
            raw = loose_skeleton(label)
            loose = fold(raw)
            if loose in self.exact or (len(raw) >= 7 and loose != folded and self._near_or_equal(loose)):
                return True  # the loose rule: equal, or one edit away for 7+ letters
        for form in (folded,) if len(forms) == 1 else {folded, *map(fold, forms)}:
            i = form.find("es")
            while i >= 0:  # the plural rule: 'es' inserted anywhere
                if form[:i] + form[i + 2 :] in self.near:
                    return True
                i = form.find("es", i + 1)
        if len(label) >= 7 and self.long_forms:
            if "-" in label or "_" in label:
                forms += [f.replace("_", "-").replace("-", "") for f in forms]
            for form in forms:
                if len(form) >= 7 and self._two_edits(form.translate(_FOLD_KEEP_HYPHENS)):
                    return True
        return False

    def _two_edits(self, form: str) -> bool:
        near_lengths = 0b11111 << (len(form) - 2)
        for key in (form[:3] + ">" + form[-1], form[0] + "<" + form[-3:]):
            if not self.long_lengths.get(key, 0) & near_lengths:
                continue
            for brand_form in self.long_forms.get(key, ()):
                if abs(len(brand_form) - len(form)) <= 2 and within_two_edits(form, brand_form):
                    return True
        return False
