"""The embedded default list: real brands, a source for every fact, signed, shipped, no private key."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

from kefuguard.lists.canonical import parse_strict
from kefuguard.lists.source import build_signed
from kefuguard.lists.store import embedded_bundle_path
from kefuguard.lists.trust import EMBEDDED_KEYS, TrustedKeys
from kefuguard.lists.verify import verify_bundle
from kefuguard.normalize import normalize_domain
from tests.conftest import REPO

SOURCE = REPO / "host" / "kefuguard" / "data" / "channels.source.toml"


def load_source() -> dict:
    return tomllib.loads(SOURCE.read_text("utf-8"))


def test_source_has_at_least_40_brands_about_half_chinese():
    brands = load_source()["brands"]
    cn = [b for b in brands if b.get("region") == "CN"]
    assert len(brands) >= 40
    assert 0.35 <= len(cn) / len(brands) <= 0.7
    ids = {b["id"] for b in brands}
    for must in (
        "taobao",
        "tmall",
        "alipay",
        "jd",
        "pinduoduo",
        "meituan",
        "douyin",
        "xianyu",
        "unionpay",
        "sf_express",
        "china_mobile",
        "amazon",
        "paypal",
        "ebay",
        "apple",
        "microsoft",
        "shopee",
        "lazada",
        "aliexpress",
        "temu",
        "shein",
        "dhl",
        "fedex",
        "ups",
        "usps",
        "booking",
    ):
        assert must in ids, must


def test_every_fact_has_a_source_and_every_brand_has_domains_and_bilingual_keywords():
    doc = load_source()
    for b in doc["brands"]:
        assert b["domains"], b["id"]
        assert b["names"].get("en") and b["names"].get("zh"), b["id"]
        # what people call it: Chinese brands in Chinese and in Latin letters; a brand known abroad only
        # by its Latin name (Revolut, Bybit) needs only that
        assert b["keywords"], b["id"]
        if b["region"] == "CN":
            assert any(not k.isascii() for k in b["keywords"]) and len(b["keywords"]) >= 2, b["id"]
        for fact in [*b["domains"], *b.get("phones", []), *b.get("im", []), *b.get("never", [])]:
            assert isinstance(fact, dict) and fact.get("source", "").strip(), (b["id"], fact)
        for d in b["domains"]:
            assert normalize_domain(d["value"]) == d["value"], d
    for kind, facts in doc.get("scam", {}).items():
        for fact in facts:
            assert fact.get("source", "").strip(), (kind, fact)


def test_no_public_suffix_is_listed_as_an_official_domain():
    from kefuguard.detect.url.parse import split_host
    from kefuguard.detect.url.site_names import is_government_ending

    for b in load_source()["brands"]:
        for d in b["domains"]:
            parts = split_host(d["value"])
            assert parts.suffix, (b["id"], d["value"], parts)  # never an ending itself
            # a registrable domain; a government service may be one host of its government's domain
            # (einvoice.nat.gov.tw), which no one else can register
            assert parts.registrable == d["value"] or is_government_ending(parts.suffix), (b["id"], d["value"], parts)


def test_shipped_bundle_verifies_with_the_embedded_key_and_matches_its_source():
    data = embedded_bundle_path().read_bytes()
    verified = verify_bundle(data, TrustedKeys.of(list(EMBEDDED_KEYS)))
    signed = parse_strict(data)["signed"]
    rebuilt = build_signed(
        load_source(),
        version=signed["version"],
        issued=verified.header.issued,
        expires_days=(verified.header.expires - verified.header.issued).days,
    )
    rebuilt["expires"] = signed["expires"]
    assert rebuilt == signed, "channels.source.toml changed without re-signing: see docs/releasing.md"


def test_shipped_bundle_is_signed_by_the_current_release_key():
    from kefuguard.lists.trust import CURRENT_RELEASE_KEYID, keyid_of

    current = next(k for k in EMBEDDED_KEYS if keyid_of(k) == CURRENT_RELEASE_KEYID)
    verified = verify_bundle(embedded_bundle_path().read_bytes(), TrustedKeys.of([current]))
    assert verified.keyids == (CURRENT_RELEASE_KEYID,)


def test_shipped_bundle_is_fresh_for_at_least_a_month():
    from datetime import UTC, datetime, timedelta

    verified = verify_bundle(embedded_bundle_path().read_bytes(), TrustedKeys.of(list(EMBEDDED_KEYS)))
    assert verified.header.expires > datetime.now(UTC) + timedelta(days=30)


def test_no_private_key_is_tracked_in_git():
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    pattern = re.compile(rb"BEGIN (ENCRYPTED |OPENSSH |EC |RSA |)PRIVATE KEY")
    offenders = []
    for name in filter(None, files.split(b"\0")):
        path = REPO / name.decode()
        if path.is_file() and pattern.search(path.read_bytes()):
            offenders.append(name.decode())
        assert not name.endswith(b".key"), name
    assert offenders == [], f"private keys tracked: {offenders}"


def test_bundle_ships_in_the_package_data():
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert "data/*.json" in pyproject["tool"]["setuptools"]["package-data"]["kefuguard"]
    assert Path(embedded_bundle_path()).parent.name == "data"
