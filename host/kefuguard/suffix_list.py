"""The public suffix list's rules, from tldextract's public API, offline, cached per install.

tldextract bundles a snapshot of the list. Asked with no suffix-list URLs and no cache dir
(`TLDExtract(suffix_list_urls=(), cache_dir=None)`), it never touches the network or the disk, but
importing it pulls in requests and costs ~100 ms, which a host the browser starts often should not
pay on every start. So the rules it gives are kept as text in our own index folder, stamped with
the identity of the tldextract that gave them: a reinstalled or upgraded tldextract is asked again.
"""

from __future__ import annotations

import os

from kefuguard.file_identity import file_identity
from kefuguard.top_level_spec import find_top_level_spec

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from pathlib import Path

CACHE_FILE = "public-suffix-rules.txt"
# ICANN rules the public suffix list gained after the snapshot the newest tldextract (5.4.0) bundles:
# India's bank.in and fin.in, which the Reserve Bank of India reserves for banks and for non-bank
# financial companies (publicsuffix/list pull request 2652, merged 2025-11-06). Without them
# hdfc.bank.in was read as the site bank.in with a subdomain, and a bank's real site warned.
NEWER_RULES = ("bank.in", "fin.in")


def _provider_stamp() -> str:
    """Which tldextract is installed, found without importing it (for the cache's validity)."""
    spec = find_top_level_spec("tldextract")  # not imported: the cache is read without it
    if spec is None or spec.origin is None:
        raise RuntimeError("tldextract is not installed: its bundled public suffix list is needed")
    extra = ",".join(NEWER_RULES)
    return f"ascii-rules-specials-first tldextract {spec.origin} {file_identity(spec.origin)} {extra}"  # the first word: our format


def rules_from_tldextract() -> list[str]:
    """Every rule (ICANN and private sections, '*.' wildcards and '!' exceptions), offline."""
    import tldextract

    extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)
    return list(extractor.tlds)


def rule_to_ascii(rule: str) -> str:
    """A rule as hosts are compared with it: lower case, IDN labels in punycode."""
    if rule.isascii():
        return rule.lower()
    # rules are published normalized (lower case, NFC), so plain punycode equals IDNA ToASCII here
    # and costs a tenth of the idna codec
    return ".".join(
        label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii") for label in rule.split(".")
    )


def _ascii_rules(rules: list[str]) -> list[str]:
    """The rules in ASCII, as kept in the cache: converting 500 IDN rules is most of parsing's cost."""
    out = []
    for rule in rules:
        try:
            out.append(rule_to_ascii(rule))
        except UnicodeError:
            continue  # not a rule any host could match
    return out


def suffix_rules(cache_dir: str | Path | None) -> str:
    """The rules in ASCII, one a line; from `cache_dir` when a copy there is from the same tldextract."""
    stamp = _provider_stamp()
    cache = os.path.join(cache_dir, CACHE_FILE) if cache_dir is not None else None
    if cache is not None:
        try:
            with open(cache, encoding="utf-8") as f:
                first, _, rules = f.read().partition("\n")
            if first == stamp and rules:
                return rules
        except (OSError, UnicodeDecodeError):
            pass
    given = rules_from_tldextract()
    known = set(given)
    ascii_rules = _ascii_rules([*given, *(r for r in NEWER_RULES if r not in known)])
    # wildcard and exception lines first: a first lookup searches the text (public_suffix.py)
    rules = "\n".join(sorted(ascii_rules, key=lambda r: r[:1] not in "!*"))
    if cache is not None:
        tmp = os.path.join(os.path.dirname(cache), f".{CACHE_FILE}.{os.getpid()}.tmp")
        try:
            os.makedirs(os.path.dirname(cache), exist_ok=True)
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(stamp + "\n" + rules)
            os.replace(tmp, cache)
        except OSError:  # only a start-up shortcut
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return rules
