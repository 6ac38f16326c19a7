"""The label screen may only ever skip work: with it and without it, every lookalike rule must give
the same findings. Checked on every one-edit variant of many brand labels (and two-edit, plural,
hyphen, split, combo and subdomain variants), over the embedded brands plus synthetic ones built
to exercise each fold (rn, cl, vv, 1/i/l, 0/o, n/m, u/v/y, hyphens, long labels)."""

from __future__ import annotations

import random
import re

import pytest

from kefuguard.detect.url.brand_index import BrandIndex
from kefuguard.detect.url.label_screen import WordSet
from kefuguard.detect.url.lookalike import registrable_findings, subdomain_findings
from kefuguard.detect.url.parse import split_host
from kefuguard.detect.url.scam_words import SCAM_WORDS, STRONG_SCAM_WORDS, WEAK_WORDS
from kefuguard.lists.model import Brand

ALPHABET = "abcdeghiklmnoqrsuvy0123-_"  # the letters every fold touches, and a few it does not
SYNTHETIC_LABELS = [
    "cornerstone", "clickbank", "vvorldpay", "bilibili", "pinduoduo", "sf-express", "china-post",
    "yunhuiquan", "quickly", "nuanyang", "hello10086", "lhasa-bank", "ikonline", "buyu", "rrmall",
    "connectivity", "o2oshop", "kiwi", "ab-cd-ef", "uuyouqu", "liuliangbao", "chinanetcenter",
]  # fmt: skip


def _synthetic(label: str, i: int) -> Brand:
    return Brand(
        id=f"syn{i}",
        name_en=label,
        name_zh=label,
        domains=(f"{label}.com", f"{label}.cn"),
        phones=(),
        im=(),
        keywords=(label.replace("-", "") + "pay",) if i % 3 == 0 else (),
        region="CN" if i % 2 else "US",
    )


@pytest.fixture(scope="module")
def brands(engine):
    embedded = engine.channels().brands
    return embedded + tuple(_synthetic(label, i) for i, label in enumerate(SYNTHETIC_LABELS))


class _AlwaysMaybe:
    """A screen that never skips anything: the rules alone (with the real index of candidates)."""

    def __init__(self, real) -> None:
        self.candidates = real.candidates

    def may_imitate(self, label: str) -> bool:
        return True

    def may_equal(self, label: str) -> bool:
        return True

    def has_token(self, label: str) -> bool:
        return True


def _one_edit(label: str) -> set[str]:
    out = set()
    for i in range(len(label) + 1):
        for c in ALPHABET:
            out.add(label[:i] + c + label[i:])  # insertion
            if i < len(label):
                out.add(label[:i] + c + label[i + 1 :])  # substitution
        if i < len(label):
            out.add(label[:i] + label[i + 1 :])  # omission
        if i + 1 < len(label):
            out.add(label[:i] + label[i + 1] + label[i] + label[i + 2 :])  # transposition
    return out


def _variants(label: str, rng: random.Random) -> set[str]:
    out = _one_edit(label)
    for _ in range(60):  # two edits, for the long-label rule
        first = rng.choice(sorted(_one_edit(label)))
        out.add(rng.choice(sorted(_one_edit(first))))
    for i in range(len(label) + 1):
        out.add(label[:i] + "es" + label[i:])
        out.add(label[:i] + "-" + label[i:])
    words = sorted(SCAM_WORDS)[:12] + sorted(WEAK_WORDS)[:6] + ["123", "-"]
    for a, b in (("m", "rn"), ("w", "vv"), ("d", "cl"), ("l", "1"), ("o", "0"), ("h", "lh"), ("m", "nn")):
        for v in {label.replace(a, b), label.replace(b, a)} - {label}:  # both ways: rn for m, m for rn
            word = rng.choice(words[:12])
            out |= {v, f"{v}-{word}", v + word}
    for word in words:
        out |= {label + word, word + label, f"{label}-{word}", f"{word}-{label}"}
    disguised = sorted(out)
    for v in rng.sample(disguised, min(len(disguised), 40)):  # a misspelt or disguised brand in a combo
        word = rng.choice(words[:12])
        out |= {f"{v}-{word}", f"{word}-{v}", v + word}
    return {v for v in out if v and v[0] not in "-_" and v[-1] not in "-_"}


def _hosts(brands: tuple[Brand, ...]) -> list[str]:
    rng = random.Random(20261123)
    labels = sorted({split_host(d).label for b in brands for d in b.domains if not split_host(d).is_ip})
    hosts = []
    for label in labels:
        variants = sorted(_variants(label, rng))
        for v in rng.sample(variants, min(len(variants), 250)):
            hosts.append(f"{v}.{rng.choice(['com', 'cn', 'top', 'com.cn', 'de'])}")
        for v in rng.sample(variants, min(len(variants), 12)):
            hosts.append(f"{v}.shop-online.com")  # the same variants as a subdomain of another site
        hosts.append(f"www.{label}.xyz")
        if len(label) == 3 and label.isalpha():  # a bank's short name with two letters run on (bocxi)
            noise = [rng.choice("abcxyz") + rng.choice("ilry") for _ in range(4)]
            hosts += [f"{label}{n}.{rng.choice(['com', 'fr'])}" for n in noise]
        if len(label) >= 4:
            half = len(label) // 2
            hosts.append(f"{label[:half]}.{label[half:]}.com")  # split across labels
            hosts.append(f"{label}-{rng.choice(sorted(SCAM_WORDS))}.example.com")  # brand as a subdomain
            hosts.append(f"{label}.com.evil-{rng.choice(sorted(SCAM_WORDS))}.top")  # official domain embedded
            junk = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rng.randrange(2, 6)))
            hosts.append(f"{rng.choice((label + '-' + junk, junk + '-' + label))}.{rng.choice(['top', 'xyz'])}")
    for brand in brands:  # a brand's other names as whole site names (zhifubao.top), or one part of it
        for k in (k for k in brand.keywords if k.isascii() and k.isalnum()):
            junk = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randrange(1, 6)))
            word = rng.choice(sorted(SCAM_WORDS))
            hosts += [f"{k}.{rng.choice(['top', 'cc', 'com'])}", f"{junk}-{k}.top", f"{k}-{junk}.xyz"]
            hosts += [f"{k}-{word}.com", f"{word}-{k}-{rng.randrange(100)}.cn", f"{k}{word}.com"]
    strong, others = sorted(STRONG_SCAM_WORDS), sorted(SCAM_WORDS | WEAK_WORDS)
    for _ in range(2000):  # sites named with scam words alone (zhuxiao-daikuan), and near misses
        words = [rng.choice(strong), rng.choice(strong + others), *rng.sample(others, rng.choice((0, 0, 1)))]
        rng.shuffle(words)
        hosts.append(rng.choice(("-", "", "-")).join(words) + rng.choice(("", "", "8", "x")) + ".top")
    for word in ("etc", "12123", "tax", "shebao", "my"):  # sites calling themselves gov
        hosts += [f"{word}-gov.top", f"gov-{word}.cc", f"{word}-gov-cn.com", f"{word}gov.com", f"{word}-gouv.fr"]
    for _ in range(3000):  # ordinary names
        n = rng.randrange(3, 14)
        hosts.append("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(n)) + ".com")
    return hosts


def test_screen_never_hides_a_finding(brands):
    index = BrandIndex(brands)
    plain = BrandIndex(brands)
    plain.screen = _AlwaysMaybe(plain.screen)  # type: ignore[assignment]
    hosts = _hosts(brands)
    assert len(hosts) > 20_000
    skipped = 0
    for name in hosts:
        host = split_host(name)
        with_screen = registrable_findings(host, index) + subdomain_findings(host, index)
        without = registrable_findings(host, plain) + subdomain_findings(host, plain)
        assert [(f.code, f.level, f.official) for f in with_screen] == [
            (f.code, f.level, f.official) for f in without
        ], name
        skipped += host.label.isascii() and not index.screen.may_imitate(host.label)
    assert skipped > len(hosts) // 10  # the screen does skip work, or this test proves nothing


def test_screen_says_maybe_for_the_classic_lookalikes(brands):
    index = BrandIndex(brands)  # alive while its screen is used (the screen asks it for the distinctive words)
    screen = index.screen
    for label in ("taobao", "tao-bao", "taoba0", "arnazon", "paypa1", "aliexespress", "taobao-kefu", "jd-tuikuan"):
        assert screen.may_imitate(label), label
    for label in ("wikipedia", "stackoverflow", "bbc", "nytimes"):
        assert not screen.may_imitate(label), label


def _trie_regex(words: list[str]) -> re.Pattern[str]:
    """The regex WordSet replaced: the words as a trie, so the leftmost, then longest, word wins."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(build(trie))


def _found(match) -> tuple[int, int, str] | None:
    return None if match is None else (match.start(), match.end(), match.group(0))


@pytest.mark.parametrize(
    ("words", "text", "expected"),
    [
        (["abc", "abcdef", "abcd"], "xxabcdefg", (2, 8, "abcdef")),  # the longest at the leftmost start
        (["abc", "abcdef", "abcd"], "xxabcdx", (2, 6, "abcd")),
        (["abcdef", "bc"], "abcdex", (1, 3, "bc")),  # the longer word does not fit: the next start
        (["cdef", "abcdefgh"], "abcdefg", (2, 6, "cdef")),  # a word cut off by the end is no word
        (["taobao", "bao"], "mytaobaokefu", (2, 8, "taobao")),  # leftmost beats later, whatever the length
        (["kefu", "taobao"], "kefutaobao", (0, 4, "kefu")),
        (["ab", "abab"], "ab", (0, 2, "ab")),
        (["xyz"], "ab", None),
        (["a.b", "a+"], "xa+a.b", (1, 3, "a+")),  # characters a regex would read are plain here
    ],
)
def test_word_set_finds_the_leftmost_then_longest_word(words, text, expected):
    assert _found(WordSet(words).search(text)) == expected
    assert _found(_trie_regex(words).search(text)) == expected


def test_word_set_finds_what_the_trie_regex_finds(brands):
    """On the screen's own word lists, over the hosts above, their labels and random text."""
    index = BrandIndex(brands)  # alive while its screen is used (the screen asks it for the distinctive words)
    screen = index.screen
    word_sets = [screen.tokens, screen.short_tokens, screen.scam_words, screen.strong_words, screen.distinctive]
    rng = random.Random(4)
    hosts = _hosts(brands)
    texts = {*hosts, *(name.split(".")[0] for name in hosts)}
    texts |= {"".join(rng.choice("abcdegikmnorstuvy0-") for _ in range(rng.randrange(0, 70))) for _ in range(3000)}
    for found in word_sets:
        assert found is not None
        regex = _trie_regex(sorted(found.words))
        hits = 0
        for text in sorted(texts):
            expected = _found(regex.search(text))
            assert _found(found.search(text)) == expected, (text, sorted(found.words)[:5])
            hits += expected is not None
        assert hits > 100  # the words are there to be found, or this proves nothing
