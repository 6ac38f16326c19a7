"""Registrable domains from the public suffix list that tldextract bundles, read directly.

tldextract's own import pulls in requests, urllib3 and friends (~60 ms and ~15 MB in a host
the browser starts often), none of which an offline lookup needs. We read the same bundled
snapshot (.tld_set_snapshot, the Mozilla PSL text) and apply the PSL algorithm: exception
rules, wildcards, longest match, private section included (evil.github.io is its own site).
tests/detect/test_public_suffix.py checks that we agree with tldextract on thousands of hosts.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

_rules: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None


def snapshot_path() -> Path:
    spec = importlib.util.find_spec("tldextract")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("tldextract is not installed: its bundled public suffix list is needed")
    return Path(next(iter(spec.submodule_search_locations))) / ".tld_set_snapshot"


def _to_ascii(rule: str) -> str:
    if rule.isascii():
        return rule.lower()
    # rules are published normalized (lower case, NFC), so plain punycode equals IDNA ToASCII here
    # and costs a tenth of the idna codec
    return ".".join(
        label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii") for label in rule.split(".")
    )


def parse_rules(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    exact: set[str] = set()
    wildcard: set[str] = set()  # 'ck' for the rule '*.ck'
    exceptions: set[str] = set()  # 'www.ck' for the rule '!www.ck'
    for line in text.splitlines():
        rule = line.strip().split(" ", 1)[0]
        if not rule or rule.startswith("//"):
            continue
        try:
            rule = _to_ascii(rule)
        except UnicodeError:
            continue
        if rule.startswith("!"):
            exceptions.add(rule[1:])
        elif rule.startswith("*."):
            wildcard.add(rule[2:])
        else:
            exact.add(rule)
    return frozenset(exact), frozenset(wildcard), frozenset(exceptions)


def _loaded() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    global _rules
    if _rules is None:
        _rules = parse_rules(snapshot_path().read_text("utf-8"))
    return _rules


def public_suffix(host: str) -> str:
    """The public suffix of a lower-case ASCII host ('com.cn' for 'www.taobao.com.cn'); '' when
    no rule matches (an unknown ending like 'localhost'), as tldextract reports it."""
    exact, wildcard, exceptions = _rules or _loaded()
    candidate = host
    while True:  # from the longest candidate down: slices, not joins (this runs for every URL)
        dot = candidate.find(".")
        parent = candidate[dot + 1 :] if dot >= 0 else ""
        if candidate in exceptions:
            return parent
        if candidate in exact or (dot >= 0 and parent in wildcard):
            return candidate
        if dot < 0:
            return ""
        candidate = parent


def registrable_domain(host: str) -> tuple[str, str]:
    """(registrable domain, suffix): ('taobao.com.cn', 'com.cn'). The registrable domain is empty
    when the host is itself a public suffix."""
    suffix = public_suffix(host)
    if not suffix:
        return "", ""
    if host == suffix:
        return "", suffix
    rest = host[: -len(suffix) - 1]
    return rest.rsplit(".", 1)[-1] + "." + suffix, suffix
