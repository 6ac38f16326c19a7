"""Registrable domains by the public suffix list: exception rules, wildcards, longest match, the
private section included (evil.github.io is its own site).

The rules come from tldextract (kefuguard/suffix_list.py: its public API, offline, cached per
install); the lookup is ours, a few dict probes per host, because it runs for every URL.
tests/detect/test_public_suffix.py checks that we agree with tldextract on thousands of hosts.
"""

from __future__ import annotations

from kefuguard.suffix_list import suffix_rules

Rules = tuple[frozenset[str], frozenset[str], frozenset[str]]
_rules: Rules | None = None


def _to_ascii(rule: str) -> str:
    if rule.isascii():
        return rule.lower()
    # rules are published normalized (lower case, NFC), so plain punycode equals IDNA ToASCII here
    # and costs a tenth of the idna codec
    return ".".join(
        label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii") for label in rule.split(".")
    )


def parse_rules(text: str) -> Rules:
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


def use_rules(text: str) -> None:
    """Install the rules (the engine does, from its cached copy) before the first lookup."""
    global _rules
    _rules = parse_rules(text)


def rules_loaded() -> bool:
    return _rules is not None


def _loaded() -> Rules:
    if _rules is None:
        use_rules(suffix_rules(None))  # no engine installed them: ask tldextract directly
    assert _rules is not None
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
