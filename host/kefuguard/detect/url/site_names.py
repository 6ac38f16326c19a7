"""Sites whose own name is the warning, whatever brand they name or none: named only with the words
of a scam script (zhuxiao-daikuan), or calling themselves a government site under an ending anyone
can buy (etc-gov.top, irs.gov.direct-paying.com)."""

from __future__ import annotations

from kefuguard.detect.url.brand_index import BrandIndex
from kefuguard.detect.url.findings import Finding, finding
from kefuguard.detect.url.parse import HostParts
from kefuguard.detect.url.reasons import MESSAGES, render
from kefuguard.detect.url.scam_words import STRONG_SCAM_WORDS


def scam_vocabulary_findings(label: str, index: BrandIndex, where: str, cheap_ending: str | None) -> list[Finding]:
    """A site named only with the words of a scam script, two of them strong, and no brand:
    zhuxiao-daikuan (cancel + loan), anquan-zhanghu (safe account), kefu-tuikuan, refund-claim.
    Under an ending throwaway sites favour (`cheap_ending`), one strong word is enough: toll-pay.top,
    parcel-redelivery.xyz. A word break like the combo rule's, keeping the most distinct strong words
    per prefix."""
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
    if found is None or len(found) < (1 if cheap_ending else 2):
        return []
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
    key = "lookalike.scam_words" if len(found) >= 2 else "lookalike.scam_words/cheap_ending"
    en, _ = render(key, shown=where, ending=cheap_ending or "", words=en_sep.join(word_en for word_en, _ in glossed))
    _, zh = render(key, shown=where, ending=cheap_ending or "", words=zh_sep.join(word_zh for _, word_zh in glossed))
    return [Finding("lookalike.scam_words", "caution", None, None, where, en, zh)]


GOVERNMENT_PARTS = frozenset({"gov", "govcn", "gouv", "gob"})


# labels of the public-suffix endings only governments get: .gov, .gov.cn, .go.jp, .gouv.fr, .gob.mx, .gc.ca
GOVERNMENT_ENDING_LABELS = frozenset({"gov", "go", "gouv", "gob", "govt", "gv", "mil", "gub", "gc"})


def is_government_ending(suffix: str) -> bool:
    return not GOVERNMENT_ENDING_LABELS.isdisjoint(suffix.split("."))


def fake_government_findings(label: str, suffix: str, where: str) -> list[Finding]:
    """A site that calls itself 'gov' in its own name, under an ending anyone can buy: etc-gov.top,
    12123-gov.cc, tax-gov-cn.com. Government sites live under government endings (.gov.cn, .gov),
    where such a name is their own (e-gov.go.jp)."""
    if "-" not in label or not GOVERNMENT_PARTS.intersection(label.split("-")) or is_government_ending(suffix):
        return []
    return [fake_government_finding(where)]


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
    return []
