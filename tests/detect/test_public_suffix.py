"""Our public-suffix lookup, on the rules tldextract gives, agrees with tldextract itself."""

from __future__ import annotations

import re

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
