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
    saved = public_suffix._rules, public_suffix._rules_crc
    try:
        public_suffix.use_rules(text, tmp_path)
        (kept,) = tmp_path.glob(public_suffix.KEPT_PREFIX + "*")
        assert public_suffix._rules == parsed
        assert public_suffix._read_kept(kept) == parsed
        public_suffix._rules = None
        public_suffix.use_rules(text, tmp_path)  # read back
        assert public_suffix._rules == parsed and public_suffix.rules_crc() == zlib.crc32(text.encode("utf-8"))
        for damaged in (b"", kept.read_bytes()[:-3], b"\xe9"):  # empty, cut short, not marshal
            kept.write_bytes(damaged)
            assert public_suffix._read_kept(kept) is None
            public_suffix.use_rules(text, tmp_path)
            assert public_suffix._rules == parsed
        public_suffix.use_rules(text.replace("\ncom\n", "\n"), tmp_path)  # other rules: their own file
        assert [p.name for p in tmp_path.glob(public_suffix.KEPT_PREFIX + "*")] != [kept.name]
        assert "com" not in public_suffix._rules[0]
    finally:
        public_suffix._rules, public_suffix._rules_crc = saved
