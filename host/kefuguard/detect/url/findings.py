"""What the URL rules report: one Finding per rule that fired (the brand and official domain it
compared with, and why, in two languages), and the verdict they add up to for one URL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from kefuguard.detect.url.brand_index import Target
from kefuguard.lists.model import Brand


@dataclass(frozen=True)
class Finding:
    code: str
    level: str  # "verified" | "none" | "caution" | "danger"
    brand: Brand | None  # None: a warning about the site itself, imitating no listed brand
    official: str | None  # the official domain compared with
    matched: str | None  # what in the URL it is about
    en: str
    zh: str


def finding(code: str, level: str, t: Target, matched: str, en: str, zh: str) -> Finding:
    return Finding(code, level, t.brand, t.domain, matched, en, zh)


class UrlVerdict(NamedTuple):
    level: str
    kind: str  # "scam" | "official" | "lookalike" | "none"
    findings: tuple[Finding, ...]
    brand: Brand | None = None  # the brand it belongs to or imitates
    official: str | None = None  # that brand's official domain
    publisher: str | None = None  # whose list the matched entry came from (None: the brand's list)


def unicode_label(label: str) -> str:
    """The Unicode form of a punycode label ('xn--...'); any other label as it is."""
    if label.startswith("xn--"):
        try:
            return label[4:].encode("ascii").decode("punycode")
        except UnicodeError:
            return label
    return label
