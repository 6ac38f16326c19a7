"""Names written to pass for something they are not, whatever brand they name or none: a digit where
a name's first letter should be (0nlyfans, 0fficial), an ending made of two endings that a private
company sells so the address reads as a .com or a country's site (example.co.com, example.uk.com),
and a server's numeric address written into the name (70-39-251-127.plesk.page), the name a hosting
panel or an internet provider gives a machine before it has one of its own. Each is a caution with its
own reason: ordinary sites are not named that way, look-alike and throwaway ones are."""

from __future__ import annotations

import re
from functools import cache

from kefuguard.detect.url.findings import Finding, finding
from kefuguard.detect.url.parse import HostParts
from kefuguard.detect.url.popular import is_popular
from kefuguard.detect.url.public_suffix import is_suffix_rule

MIN_LETTERS_AFTER_ZERO = 4  # 0nly, 0ffice: a word; '0a00f3...' and '0e7p' are hashes and random names


def digit_for_letter_findings(label: str, where: str) -> list[Finding]:
    """A site's name that starts with the digit 0 and then a word of letters (0nlyfans, 0fficial-sale,
    0nedrive-files): the 0 stands for an 'o' to pass for the name it spells. Not '0x' (a hexadecimal
    number: crypto addresses, 0x.org) and not a 0 before digits or a short run (hashes, 0day)."""
    if label[:1] != "0" or label[1:2] == "x":
        return []
    letters = 0
    for c in label[1:]:
        if not ("a" <= c <= "z"):
            break
        letters += 1
    if letters < MIN_LETTERS_AFTER_ZERO:
        return []
    return [finding("url.digit_for_letter", "caution", None, where, shown=where, word="o" + label[1 : 1 + letters])]


GENERIC_ENDINGS = frozenset({"com", "net", "org"})


def is_pseudo_ending(suffix: str) -> bool:
    """An ending of two endings, a country's or a generic one in front of .com, .net or .org (co.com,
    uk.com, eu.com, gb.net, us.org): names a private company sells under its own domain, which the
    public suffix list holds so that each is a site of its own. No country's registry runs endings
    under .com, .net or .org, so the list's own rules tell them apart: both labels are endings."""
    first, dot, last = suffix.partition(".")
    return bool(dot) and last in GENERIC_ENDINGS and is_suffix_rule(first)


def pseudo_ending_findings(suffix: str, where: str) -> list[Finding]:
    if not is_pseudo_ending(suffix):
        return []
    return [finding("url.pseudo_ending", "caution", None, where, shown=where, ending=suffix)]


@cache  # compiled on first use: only a host with three hyphens asks
def _dashed_address() -> re.Pattern[str]:
    return re.compile(r"(?<![0-9])([0-9]{1,3})-([0-9]{1,3})-([0-9]{1,3})-([0-9]{1,3})(?![0-9])")


def server_address_findings(host: HostParts) -> list[Finding]:
    """A host with an IPv4 address written into a name with hyphens (70-39-251-127.plesk.page,
    adsl-75-56-163-18.dsl.example.net, ec2-3-8-1-9.compute.amazonaws.com): the name a hosting panel,
    a cloud or an internet provider gives a machine, not a site's own; as a link's destination it is
    a bare address with a name around it. Not on a popular site (a provider's own pages)."""
    if host.host.count("-") < 3 or host.is_ip:
        return []
    m = _dashed_address().search(host.host)
    if m is None or any(int(part) > 255 for part in m.groups()) or is_popular(host.registrable):
        return []
    return [finding("url.server_address", "caution", None, host.host, host=host.host, word=m.group(0))]
