"""Registrable domains by the public suffix list: exception rules, wildcards, longest match, the
private section included (evil.github.io is its own site).

The rules come from tldextract (kefuguard/suffix_list.py: its public API, offline, cached per
install); the lookup is ours, a few dict probes per host, because it runs for every URL.
tests/detect/test_public_suffix.py checks that we agree with tldextract on thousands of hosts.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import zlib

from kefuguard.suffix_list import rule_to_ascii, suffix_rules

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

Rules = tuple[frozenset[str], frozenset[str], frozenset[str]]
_rules: Rules | None = None
_rules_crc: int | None = None  # of the rules' text: what an index built with them is filed under


def parse_rules(text: str) -> Rules:
    """(exact, wildcard: 'ck' for the rule '*.ck', exceptions: 'www.ck' for '!www.ck'). Runs at
    every host start on ~10,000 rules: set comprehensions, and IDN conversion only where needed."""
    if text.isascii() and not any(c in text for c in " \t\r/") and text.islower():
        return _parse_plain_rules(text)
    rules: set[str] = set()
    for line in text.splitlines():
        rule = line.split(" ", 1)[0].strip()
        if not rule or rule.startswith("//"):
            continue
        try:
            rules.add(rule.lower() if rule.isascii() else rule_to_ascii(rule))
        except UnicodeError:
            continue
    exceptions = frozenset(r[1:] for r in rules if r[0] == "!")
    wildcard = frozenset(r[2:] for r in rules if r[:2] == "*.")
    exact = frozenset(r for r in rules if r[0] != "!" and r[:2] != "*.")
    return exact, wildcard, exceptions


def _parse_plain_rules(text: str) -> Rules:
    """The same for rules already one a line, in lower-case ASCII, with no comments (the cached copy
    a host reads at every start): C-level passes only, ~1.5 ms where the general parse takes ~5.
    The few hundred exception and wildcard lines are found in one pass over the text (a newline,
    then '!' or '*'), not by a line-anchored pattern tried at every position."""
    rules = set(text.split("\n"))
    rules.discard("")
    # a line starting with '!' or '*', with its newline (re's own cache: this runs when the kept sets do not fit)
    special = [line[1:] for line in re.findall(r"\n[!*][^\n]*", "\n" + text)]
    exception_lines = [line for line in special if line[0] == "!"]
    wildcard_lines = [line for line in special if line[:2] == "*."]
    exceptions = frozenset(line[1:] for line in exception_lines)
    wildcard = frozenset(line[2:] for line in wildcard_lines)
    return frozenset(rules.difference(exception_lines, wildcard_lines)), wildcard, exceptions


def use_rules(text: str, cache_dir: str | Path | None = None) -> None:
    """Install the rules (the engine does, from its cached copy) before the first lookup. With
    `cache_dir`, the parsed sets are kept there in `marshal` form for the next process (~0.8 ms
    to read where parsing takes ~3), filed under the text's CRC and the Python version."""
    global _rules, _rules_crc
    crc = zlib.crc32(text.encode("utf-8"))
    version = f"py{sys.version_info[0]}{sys.version_info[1]}"  # marshal's format is the interpreter's
    kept = None if cache_dir is None else os.path.join(cache_dir, f"{KEPT_PREFIX}{crc:08x}-{version}")
    rules = _read_kept(kept) if kept is not None else None
    if rules is None:
        rules = parse_rules(text)
        if kept is not None:
            _keep(kept, rules)
    _rules, _rules_crc = rules, crc


KEPT_PREFIX = "public-suffix-sets-"


def _read_kept(path: str) -> Rules | None:
    try:
        with open(path, "rb") as f:
            rules = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if type(rules) is not tuple or len(rules) != 3 or not all(type(part) is frozenset for part in rules):
        return None
    return rules


def _keep(path: str, rules: Rules) -> None:
    """Write the parsed sets (atomically) and remove those of other rules or Python versions."""
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(marshal.dumps(rules))
        os.replace(tmp, path)
        for other in os.listdir(folder or "."):
            if other.startswith(KEPT_PREFIX) and other != name:
                os.unlink(os.path.join(folder, other))
    except OSError:  # only a start-up shortcut
        try:
            os.unlink(tmp)
        except OSError:
            pass


def rules_loaded() -> bool:
    return _rules is not None


def rules_crc() -> int | None:
    """The CRC-32 of the rules' text in use; None before any are installed."""
    return _rules_crc


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
