"""The web's most linked-to registrable domains (data/popular-domains.txt, from the Majestic
Million, CC BY 3.0): the lookalike rules on a site's own name do not apply to them, as Chrome
leaves its own top domains alone. paypay.ne.jp is one letter from paypal.com and shopee.tw is
Shopee's name under another ending; both are real. Subdomains are still checked
(paypal-login.github.io), and so are the list's scam entries, user-info and the path."""

from __future__ import annotations

import mmap
import os
from functools import cache

# a string, not a Path: pathlib is not on a host's first reply's way
_HOST = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))  # host/kefuguard
POPULAR_FILE = os.path.join(_HOST, "data", "popular-domains.txt")
MAX_TEXT_SEARCHES = 16  # then building the set costs less than searching on


@cache
def popular_domains() -> frozenset[str]:
    with open(POPULAR_FILE, encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))


@cache
def _plain_file() -> mmap.mmap | None:
    """The file, mapped, when every line is as popular_domains() keeps it (no spaces or carriage
    returns around a name, a newline at the end), else None. Mapped, not read: a first check
    searches it a few times, and reading it as text copied ~190 KB twice."""
    with open(POPULAR_FILE, "rb") as f:
        if os.fstat(f.fileno()).st_size == 0:
            return None  # nothing to map: the set (empty) answers
        mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    plain = mapped[-1:] == b"\n" and all(mapped.find(c) < 0 for c in (b"\r", b"\t", b" \n", b"\n "))
    return mapped if plain else None


_text_searches = [0]  # how many lookups is_popular answered from the file's text
# the set once is_popular has it: then a lookup is one probe (asking the cache for its size made a
# named tuple each time, ~0.35 us of an unknown site's check, which asks twice)
_known: list[frozenset[str]] = []


def is_popular(registrable: str) -> bool:
    """One of the popular domains? A host's first checks ask before anything has built the set
    (~5 ms; the host's warm-up builds it, between requests): the first few lookups search the
    file for the line (~0.1 ms each), later ones build the set."""
    if _known:
        return registrable in _known[0]
    if not popular_domains.cache_info().currsize and _text_searches[0] < MAX_TEXT_SEARCHES:
        mapped = _plain_file()
        if mapped is not None:
            _text_searches[0] += 1
            if not registrable or registrable[0] == "#" or "\n" in registrable:
                return False
            line = registrable.encode("utf-8", "surrogatepass") + b"\n"
            return mapped[: len(line)] == line or mapped.find(b"\n" + line) >= 0
    domains = popular_domains()
    _known[:] = [domains]
    return registrable in domains


def forget() -> None:
    """Drop the set, the mapped file and the count of searches: the next lookups start as a new
    host's do (tests, and a file replaced under a running process)."""
    popular_domains.cache_clear()
    _plain_file.cache_clear()
    _known.clear()
    _text_searches[0] = 0
