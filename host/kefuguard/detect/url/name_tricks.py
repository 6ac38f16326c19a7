"""Names written to pass for something they are not, whatever brand they name or none: a digit where
a name's first letter should be (0nlyfans, 0fficial), an ending made of two endings that a private
company sells so the address reads as a .com or a country's site (example.co.com, example.uk.com),
and a server's numeric address written into the name (70-39-251-127.plesk.page), the name a hosting
panel or an internet provider gives a machine before it has one of its own. Each is a caution with its
own reason: ordinary sites are not named that way, look-alike and throwaway ones are. And a word of a
sign-in page spelt with a look-alike character (logln, l0gin, verlfy, acc0unt, 0nline inside a longer
name): no one writes the word so but to pass a page off as a sign-in page at a glance."""

from __future__ import annotations

import re
from functools import cache

from kefuguard.detect.url.findings import Finding, finding
from kefuguard.detect.url.parse import HostParts
from kefuguard.detect.url.popular import is_popular
from kefuguard.detect.url.public_suffix import is_suffix_rule

MIN_LETTERS_AFTER_ZERO = 4  # 0nly, 0ffice: a word; '0a00f3...' and '0e7p' are hashes and random names

# words a sign-in page's address is built on, and the characters that pass for their letters at a glance
SIGN_IN_WORDS = ("login", "logon", "signin", "verify", "account", "secure", "update", "online", "official", "wallet")
_LOOK_ALIKES = {"i": "l1", "l": "i1", "o": "0"}


def _spellings(word: str) -> dict[str, str]:
    """Every spelling of `word` with one or two of its letters replaced by a look-alike character."""
    spots = [k for k, c in enumerate(word) if c in _LOOK_ALIKES]
    out: dict[str, str] = {}
    for a in range(len(spots)):
        for b in range(a, len(spots)):
            for x in _LOOK_ALIKES[word[spots[a]]]:
                first = word[: spots[a]] + x + word[spots[a] + 1 :]
                out[first] = word
                if b > a:
                    for y in _LOOK_ALIKES[word[spots[b]]]:
                        out[first[: spots[b]] + y + first[spots[b] + 1 :]] = word
    out.pop(word, None)
    return out


LOOK_ALIKE_SPELLINGS: dict[str, str] = {k: v for w in SIGN_IN_WORDS for k, v in _spellings(w).items()}


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
# the other way round: a generic ending in front of a country's code whose registry runs no such
# second level (com.de, co.nl: Germany's and the Netherlands' registries sell names directly under
# .de and .nl), sold by a private company; the public suffix list's private section holds them. Not
# com.ru, net.ru, org.ru or co.ua, which ordinary businesses of those countries have used since the 1990s.
PRIVATE_COUNTRY_SECOND_LEVELS = frozenset(
    "com.de com.se co.ca co.cz co.nl co.no co.dk co.ro co.pl co.bn org.yt".split()
)


def is_pseudo_ending(suffix: str) -> bool:
    """An ending of two endings, a country's or a generic one in front of .com, .net or .org (co.com,
    uk.com, eu.com, gb.net, us.org): names a private company sells under its own domain, which the
    public suffix list holds so that each is a site of its own. No country's registry runs endings
    under .com, .net or .org, so the list's own rules tell them apart: both labels are endings. And
    a generic ending in front of a country's code its registry does not use (com.de, co.nl)."""
    first, dot, last = suffix.partition(".")
    return bool(dot) and (
        (last in GENERIC_ENDINGS and is_suffix_rule(first)) or suffix in PRIVATE_COUNTRY_SECOND_LEVELS
    )


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


# digits that pass for letters (0nline, 4ccess, s3cure, upd4te): a digit inside a word is no one's spelling;
# 1 for i in one reading and for l in the other
_DIGITS_AS_I = str.maketrans("01345", "oieas")
_DIGITS_AS_L = str.maketrans("01345", "oleas")
DIGIT_SPELLING_WORDS = (*SIGN_IN_WORDS, "access", "password", "banking")


def _digit_spelt_word(label: str) -> tuple[str, str] | None:
    """(word, as spelt) for a sign-in word that the name spells only with digits for some of its
    letters; None when the name has no such word."""
    if label.isalpha():
        return None  # most names: letters alone (str.isalpha is the cheapest look)
    for read in (label.translate(_DIGITS_AS_I), label.translate(_DIGITS_AS_L)):
        if read == label:
            return None  # no digit that passes for a letter
        for word in DIGIT_SPELLING_WORDS:
            at = read.find(word)
            if at >= 0 and word not in label:
                return word, label[at : at + len(word)]
    return None


def look_alike_word_findings(label: str, where: str) -> list[Finding]:
    """A hyphen-separated part of a site's name that is a sign-in word spelt with a look-alike
    character (pay-logln, l0gin-secure, verlfy-account): one probe of a table of such spellings.
    Written with digits, the word counts anywhere in the name (00citizens0nline4ccess, myacc0unt):
    letters and digits run together make no ordinary name spell a sign-in word."""
    for part in label.split("-") if "-" in label else (label,):
        word = LOOK_ALIKE_SPELLINGS.get(part)
        if word is not None:
            return [finding("url.look_alike_word", "caution", None, where, shown=where, word=word, spelt=part)]
    spelt = _digit_spelt_word(label)
    if spelt is not None:
        return [finding("url.look_alike_word", "caution", None, where, shown=where, word=spelt[0], spelt=spelt[1])]
    return []
