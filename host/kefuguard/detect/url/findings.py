"""What a lookalike rule reports: the brand and official domain imitated, and why, in two languages."""

from __future__ import annotations

from dataclasses import dataclass

from kefuguard.detect.url.brand_index import Target
from kefuguard.lists.model import Brand


@dataclass(frozen=True)
class Finding:
    code: str
    level: str  # "caution" | "danger"
    brand: Brand | None  # None: a warning about the site itself, imitating no listed brand
    official: str | None
    matched: str
    en: str
    zh: str


def finding(code: str, level: str, t: Target, matched: str, en: str, zh: str) -> Finding:
    return Finding(code, level, t.brand, t.domain, matched, en, zh)


def unicode_label(label: str) -> str:
    """The Unicode form of a punycode label ('xn--...'); any other label as it is."""
    if label.startswith("xn--"):
        try:
            return label[4:].encode("ascii").decode("punycode")
        except UnicodeError:
            return label
    return label
