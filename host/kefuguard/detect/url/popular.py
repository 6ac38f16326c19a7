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


def is_popular(registrable: str) -> bool:
    return registrable in popular_domains()
