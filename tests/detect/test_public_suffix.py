"""Our public-suffix lookup, on the rules tldextract gives, agrees with tldextract itself."""

from __future__ import annotations

import re
import zlib

import pytest
import tldextract

from kefuguard.detect.url.public_suffix import registrable_domain
from tests.conftest import REPO

EVAL_DOMAINS = REPO.parent / "shared" / "eval" / "domains" / "chromium-top-domains.list"
SPECIAL = [
    "www.taobao.com",
    "taobao.com.cn",
    "a.b.c.taobao.com.cn",
    "evil.github.io",
    "github.io",
    "x.blogspot.com",
    "a.b.foo.ck",
    "www.ck",
    "x.www.ck",
    "foo.bar.kawasaki.jp",
    "city.kawasaki.jp",
    "xn--pbt173b.com",
    "foo.xn--fiqs8s",
    "localhost",
    "a.b.c.d.e",
    "com",
    "co.uk",
    "bbc.co.uk",
    "s3.amazonaws.com",
    "bucket.s3.amazonaws.com",
    "foo.appspot.com",
    "x.y.z.web.app",
    "www.gov.cn",
    "mps.gov.cn",
    "a.jd.hk",
]


@pytest.fixture(scope="module")
def extract():
    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True, include_psl_private_domains=True
    )


def hosts() -> list[str]:
    found = list(SPECIAL)
    source = (REPO / "host" / "kefuguard" / "data" / "channels.source.toml").read_text("utf-8")
    words = (w.strip('",;:()') for w in source.split() if w.startswith('"') and "." in w and "/" not in w)
    found += [w for w in words if re.fullmatch(r"[a-z0-9][a-z0-9.-]*[a-z0-9]", w)][:2000]
    if EVAL_DOMAINS.exists():
        found += [line.strip() for line in EVAL_DOMAINS.read_text().splitlines() if line and not line.startswith("#")]
    return found + ["www." + h for h in found] + ["a.b." + h for h in found[:500]]


def test_registrable_domain_matches_tldextract(extract):
    mismatches = []
    for host in hosts():
        host = host.lower().strip(".")
        if not host or not host.isascii():
            continue
        r = extract(host)
        want = (
            r.top_domain_under_public_suffix,
            r.suffix if r.top_domain_under_public_suffix or host == r.suffix else "",
        )
        got = registrable_domain(host)
        if want[0] != got[0]:
            mismatches.append((host, want, got))
    assert mismatches == []


def test_private_suffixes_make_each_subdomain_its_own_site():
    assert registrable_domain("evil.github.io") == ("evil.github.io", "github.io")
    assert registrable_domain("login.taobao.com.evil.blogspot.com")[0] == "evil.blogspot.com"


def test_the_parsed_rules_kept_for_the_next_process_are_the_rules(tmp_path):
    """use_rules with a folder keeps the parsed sets there (marshal); the next use reads them
    instead of parsing, and anything damaged or of other rules is parsed again."""
    from kefuguard.detect.url import public_suffix
    from kefuguard.suffix_list import suffix_rules

    text = suffix_rules(None)
    parsed = public_suffix.parse_rules(text)
    saved = _state(public_suffix)
    try:
        public_suffix.use_rules(text, tmp_path)
        public_suffix.load_sets()
        (kept,) = tmp_path.glob(public_suffix.KEPT_PREFIX + "*")
        assert public_suffix._rules == parsed
        assert public_suffix._read_kept(kept) == parsed
        public_suffix._rules = None
        public_suffix.use_rules(text, tmp_path)  # read back
        public_suffix.load_sets()
        assert public_suffix._rules == parsed and public_suffix.rules_crc() == zlib.crc32(text.encode("utf-8"))
        for damaged in (b"", kept.read_bytes()[:-3], b"\xe9"):  # empty, cut short, not marshal
            kept.write_bytes(damaged)
            assert public_suffix._read_kept(kept) is None
            public_suffix.use_rules(text, tmp_path)
            public_suffix.load_sets()
            assert public_suffix._rules == parsed
        public_suffix.use_rules(text.replace("\ncom\n", "\n"), tmp_path)  # other rules: their own file
        public_suffix.load_sets()
        assert [p.name for p in tmp_path.glob(public_suffix.KEPT_PREFIX + "*")] != [kept.name]
        assert "com" not in public_suffix._rules[0]
    finally:
        _restore(public_suffix, saved)


_STATE = ("_rules", "_rules_crc", "_text", "_exact_from", "_text_lookups", "_kept_sets")


def _state(module):
    return {name: getattr(module, name) for name in _STATE}


def _restore(module, state):
    for name, value in state.items():
        setattr(module, name, value)


def test_a_first_lookup_searches_the_rules_text_and_agrees_with_the_sets(tmp_path):
    """The engine's cached copy (wildcard and exception lines first) is not read into sets for a
    host's first lookups: they search the text. Same answers, for every host of the test above and
    for odd ones; the sets come after TEXT_LOOKUPS lookups or load_sets()."""
    from kefuguard.detect.url import public_suffix
    from kefuguard.suffix_list import suffix_rules

    text = suffix_rules(tmp_path)  # the cached copy's shape
    odd = ["", ".", "a..com", ".com", "com.", "a.b.", "x\ncom", "com\nnet", "!www.ck", "*.ck", "ck"]
    saved = _state(public_suffix)
    try:
        public_suffix.use_rules(text)
        want = {h: public_suffix.public_suffix(h) for h in [*hosts(), *odd]}
        public_suffix.use_rules(text, tmp_path)
        assert public_suffix._rules is None and public_suffix._text is not None
        got = {}
        for h in hosts():
            public_suffix._text_lookups = 0  # every host searched in the text
            got[h] = public_suffix.public_suffix(h)
        assert public_suffix._rules is None  # still only the text
        for h in odd:  # an empty label or a line break: these read the sets
            public_suffix.use_rules(text, tmp_path)
            got[h] = public_suffix.public_suffix(h)
        assert got == want
        public_suffix.use_rules(text, tmp_path)
        for _ in range(public_suffix.TEXT_LOOKUPS):
            public_suffix.public_suffix("www.example.com")
        assert public_suffix._rules is None
        assert public_suffix.public_suffix("www.example.com") == "com" and public_suffix._rules is not None
        # rules not in that shape (a wildcard line after an exact one) are read into sets at once
        public_suffix.use_rules(text + "\n*.late.example", tmp_path)
        assert public_suffix._rules is not None and public_suffix.public_suffix("x.late.example") == "x.late.example"
    finally:
        _restore(public_suffix, saved)
