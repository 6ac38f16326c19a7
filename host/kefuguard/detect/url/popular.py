"""The web's most linked-to registrable domains (data/popular-domains.txt, from the Majestic
Million, CC BY 3.0): the lookalike rules on a site's own name do not apply to them, as Chrome
leaves its own top domains alone. paypay.ne.jp is one letter from paypal.com and shopee.tw is
Shopee's name under another ending; both are real. Subdomains are still checked
(paypal-login.github.io), and so are the list's scam entries, user-info and the path."""

from __future__ import annotations

from functools import cache
from pathlib import Path

POPULAR_FILE = Path(__file__).resolve().parents[2] / "data" / "popular-domains.txt"


@cache
def popular_domains() -> frozenset[str]:
    with POPULAR_FILE.open(encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))


@cache
def _plain_text() -> str | None:
    """The file between newlines when every line is as popular_domains() keeps it (no spaces or
    carriage returns around a name), else None."""
    text = POPULAR_FILE.read_text(encoding="utf-8")
    return None if any(c in text for c in ("\r", "\t", " \n", "\n ")) else f"\n{text}\n"


def is_popular(registrable: str) -> bool:
    """One of the popular domains? A host's first checks ask before anything has built the set
    (~5 ms; the distinctive brand tokens build it, between requests): until then, the file's text
    is searched for the line (~0.1 ms)."""
    if not popular_domains.cache_info().currsize:
        text = _plain_text()
        if text is not None:
            return bool(registrable) and registrable[0] != "#" and f"\n{registrable}\n" in text
    return registrable in popular_domains()
