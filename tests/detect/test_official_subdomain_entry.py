"""A list may name a brand's site by a subdomain of a shared domain (shop.example.org): the shared
domain itself imitates nobody, while lookalikes of it still warn."""

from __future__ import annotations

from kefuguard.detect.url.brand_index import BrandIndex
from kefuguard.detect.url.lookalike import registrable_findings, subdomain_findings
from kefuguard.detect.url.parse import split_host
from kefuguard.lists.model import Brand

BRAND = Brand(
    id="acme",
    name_en="Acme",
    name_zh="阿克米",
    domains=("shop.example.org", "acmebank.com"),
    phones=(),
    im=(),
    keywords=(),
    region="CN",
)


def findings(host: str) -> list[tuple[str, str]]:
    index = BrandIndex((BRAND,))
    parts = split_host(host)
    return [(f.code, f.level) for f in registrable_findings(parts, index) + subdomain_findings(parts, index)]


def test_the_shared_parent_domain_is_no_lookalike():
    assert findings("example.org") == []
    assert findings("other.example.org") == []


def test_lookalikes_of_the_shared_domain_and_the_brand_still_warn():
    assert findings("exarnple.org") == [("lookalike.homograph", "danger")]
    assert findings("example.net")[0][0] == "lookalike.tld_swap"  # another ending is another site
    assert findings("acmebank.net")[0][0] == "lookalike.tld_swap"
