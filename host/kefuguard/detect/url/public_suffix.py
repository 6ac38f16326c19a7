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
# before the sets are read: "\n" + the rules + "\n", the wildcard and exception lines first, and
# where in it the exact rules start (after the newline there)
_text: str | None = None
_exact_from = 0
_text_lookups = 0
TEXT_LOOKUPS = 16  # then the sets are read: a search of the text costs ~30 us, a set probe ~0.05
_kept_sets: str | None = None
_SPECIAL_LINES = re.compile(r"(?:[!*][^\n]*\n)*")


def parse_rules(text: str) -> Rules:
    """(exact, wildcard: 'ck' for the rule '*.ck', exceptions: 'www.ck' for '!www.ck'). Runs at
    every host start on ~10,000 rules: set comprehensions, and IDN conversion only where needed."""
    if _plain(text):
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


def _plain(text: str) -> bool:
    """One rule a line in lower-case ASCII and nothing else on it? (`lower() ==`: str.islower
    looks up each character's case, ~0.9 ms on the ~135,000 characters of the rules.)"""
    return text.isascii() and not any(c in text for c in " \t\r/") and text.lower() == text


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
    `cache_dir`, the parsed sets are kept there in `marshal` form for the next process (~1.3 ms
    to read where parsing takes ~3), filed under the text's CRC and the Python version. Rules
    in the cached copy's shape (suffix_list.py: one a line, wildcard and exception lines first)
    are not read into sets until `load_sets` or the TEXT_LOOKUPS-th lookup: a host's first
    check looks up one or two hosts, a few searches of the text (~30 us each)."""
    global _rules, _rules_crc, _text, _exact_from, _text_lookups, _kept_sets
    crc = zlib.crc32(text.encode("utf-8"))
    version = f"py{sys.version_info[0]}{sys.version_info[1]}"  # marshal's format is the interpreter's
    kept = None if cache_dir is None else os.path.join(cache_dir, f"{KEPT_PREFIX}{crc:08x}-{version}")
    exact_from = _exact_rules_start(text) if kept is not None else None
    _rules, _rules_crc, _text, _text_lookups, _kept_sets = None, crc, None, 0, kept
    if exact_from is None:
        load_sets(text)
    else:
        _text, _exact_from = "\n" + text + "\n", exact_from


def _exact_rules_start(text: str) -> int | None:
    """Where the exact rules begin when `text` is in the cached copy's shape, else None."""
    if not _plain(text):
        return None
    start = _SPECIAL_LINES.match(text).end()  # type: ignore[union-attr] # it matches the empty string
    if text.find("\n!", start) >= 0 or text.find("\n*", start) >= 0:
        return None
    return start


def load_sets(text: str | None = None) -> None:
    """Read the rules into sets (from the kept copy, else parsed and kept): after this every
    lookup is a few set probes. The engine calls it after a first check, between requests."""
    global _rules, _text
    if text is None:
        if _rules is not None or _text is None:
            return
        text = _text[1:-1]
    rules = _read_kept(_kept_sets) if _kept_sets is not None else None
    if rules is None:
        rules = parse_rules(text)
        if _kept_sets is not None:
            _keep(_kept_sets, rules)
    _rules, _text = rules, None


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
    """Are rules installed (as sets, or as text still to be read into them)?"""
    return _rules is not None or _text is not None


def rules_crc() -> int | None:
    """The CRC-32 of the rules' text in use; None before any are installed."""
    return _rules_crc


def _loaded() -> Rules:
    if _rules is None:
        if _text is not None:
            load_sets()
        else:
            use_rules(suffix_rules(None))  # no engine installed them: ask tldextract directly
    assert _rules is not None
    return _rules


def _searchable(host: str) -> bool:
    """A host whose every candidate is a whole line or none (no empty label, no line break)."""
    return bool(host) and "\n" not in host and ".." not in host and host[0] != "." and host[-1] != "."


def _suffix_in_text(host: str) -> str:
    """public_suffix by searching the rules' text: exceptions and wildcards among the lines before
    `_exact_from`, exact rules after."""
    global _text_lookups
    _text_lookups += 1
    text, start = _text, _exact_from
    assert text is not None
    candidate = host
    while True:
        dot = candidate.find(".")
        parent = candidate[dot + 1 :] if dot >= 0 else ""
        if text.find(f"\n!{candidate}\n", 0, start + 1) >= 0:
            return parent
        if text.find(f"\n{candidate}\n", start) >= 0 or (dot >= 0 and text.find(f"\n*.{parent}\n", 0, start + 1) >= 0):
            return candidate
        if dot < 0:
            return ""
        candidate = parent


def public_suffix(host: str) -> str:
    """The public suffix of a lower-case ASCII host ('com.cn' for 'www.taobao.com.cn'); '' when
    no rule matches (an unknown ending like 'localhost'), as tldextract reports it."""
    if _rules is None and _text is not None and _text_lookups < TEXT_LOOKUPS and _searchable(host):
        return _suffix_in_text(host)
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


def is_suffix_rule(name: str) -> bool:
    """Whether `name` is itself a rule of the list ('com', 'uk', 'co.uk'), not a wildcard's child."""
    return name in (_rules or _loaded())[0]


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
