"""`kefuguard list build`: curated source + feeds -> a list source a publisher can sign unattended."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kefuguard.errors import InputError
from kefuguard.lists.source import build_signed, read_source
from kefuguard.publisher.build import build_list
from kefuguard.publisher.diff import diff_lists
from kefuguard.publisher.feeds import FeedData, FeedSpec
from kefuguard.publisher.toml_writer import dumps
from tests.conftest import REPO, subprocess_env, trust_key
from tests.lists.list_server import ListServer

SOURCE = REPO / "host" / "kefuguard" / "data" / "channels.source.toml"
DAY1, DAY2 = date(2026, 12, 1), date(2026, 12, 2)


def feed(name: str, *domains: str) -> FeedData:
    spec = FeedSpec(name, "domains", "CC0-1.0", f"{name} maintainers", url=f"https://{name}.example/f")
    return FeedData(spec, domains, 0)


@pytest.fixture(scope="module")
def curated():
    return read_source(SOURCE)


def scam_values(merged) -> dict[str, dict]:
    return {e["value"] if isinstance(e, dict) else e: e for e in merged["scam"]["domains"]}


def test_guards_keep_official_suffix_and_popular_names_out(curated):
    merged, report = build_list(
        curated,
        [feed("a", "taobao.com", "login.taobao.com", "github.io", "co.uk", "www.nytimes.com", "taobao-kefu.top")],
        today=DAY1,
    )
    got = scam_values(merged)
    assert "taobao-kefu.top" in got
    assert not {"taobao.com", "login.taobao.com", "github.io", "co.uk", "www.nytimes.com"} & got.keys()
    (fr,) = report.feeds
    assert (fr.official, fr.suffix, fr.popular, fr.kept) == (2, 2, 1, 1)
    signed = build_signed(merged, version=1, issued=datetime(2026, 12, 1), expires_days=1)
    assert "taobao-kefu.top" in signed["scam"]["domains"]
    assert signed["scam"]["feeds"] == [{"name": "a", "licence": "CC0-1.0", "attribution": "a maintainers", "count": 1}]


def test_every_feed_entry_says_which_feeds_brought_it_and_since_when(curated):
    first, _ = build_list(curated, [feed("a", "x1.top", "x2.top"), feed("b", "x2.top")], today=DAY1)
    entry = scam_values(first)["x2.top"]
    assert entry == {"value": "x2.top", "source": "feed:a ; feed:b", "first_seen": "2026-12-01"}
    second, report = build_list(curated, [feed("a", "x1.top", "x2.top", "x3.top")], previous=first, today=DAY2)
    got = scam_values(second)
    assert got["x2.top"]["first_seen"] == "2026-12-01" and got["x3.top"]["first_seen"] == "2026-12-02"
    assert (report.new, report.dropped) == (1, 0)


def test_a_feed_that_jumps_or_collapses_is_held_back_until_accepted(curated):
    domains = [f"scam{i}.top" for i in range(100)]
    first, _ = build_list(curated, [feed("a", *domains)], today=DAY1)
    emptied, report = build_list(curated, [feed("a", *domains[:10])], previous=first, today=DAY2)
    assert "HELD BACK a" in "\n".join(report.lines()) and len(scam_values(emptied)) >= 100
    doubled, report = build_list(curated, [feed("a", *domains, *[f"n{i}.top" for i in range(150)])], previous=first)
    assert report.feeds[0].held_back and "n1.top" not in scam_values(doubled)
    taken, report = build_list(curated, [feed("a", *domains[:10])], previous=first, accept_change=["a"])
    assert not report.feeds[0].held_back and "scam50.top" not in scam_values(taken)


def test_the_removal_file_always_wins(curated):
    removals = {"x1.top": "reviewed: a parked domain", "unioay.com": "reviewed"}
    merged, report = build_list(curated, [feed("a", "x1.top", "sub.x1.top", "x2.top")], removals=removals)
    got = scam_values(merged)
    assert "x2.top" in got and not {"x1.top", "sub.x1.top", "unioay.com"} & got.keys()
    assert report.feeds[0].removed == 2


def test_the_size_cap_refuses_with_a_clear_message(curated):
    with pytest.raises(InputError) as e:
        build_list(curated, [feed("a", *[f"s{i}.top" for i in range(50)])], max_domains=20)
    assert e.value.code == "feeds.too_large" and "--max-domains" in e.value.message


def test_the_toml_output_reads_back_as_the_same_source(curated):
    merged, _ = build_list(curated, [feed("a", "x1.top")], today=DAY1)
    assert tomllib.loads(dumps(merged)) == json.loads(json.dumps(merged))


def test_diff_names_brands_and_scam_entries(curated):
    merged, _ = build_list(curated, [feed("a", "x1.top")], today=DAY1)
    fewer = dict(merged, brands=[b for b in merged["brands"] if b["id"] != "tmall"])
    d = diff_lists(merged, fewer)
    assert d["brands_removed"] == ["tmall"] and d["scam"]["domains"]["added"] == 0
    d = diff_lists(curated, merged)
    assert d["scam"]["domains"]["added"] == 1 and d["scam"]["domains"]["added_examples"] == ["x1.top"]


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kefuguard", *args], capture_output=True, env=subprocess_env(home), timeout=600
    )


def test_a_100000_domain_feed_builds_signs_installs_and_warns_while_official_sites_stay_verified(tmp_path, home):
    feed_domains = [f"kefu-refund-{i}.top" for i in range(100_000)]
    server = ListServer().start()
    try:
        server.bodies["feed.txt"] = ("# a feed\n" + "\n".join(["0.0.0.0 " + d for d in feed_domains])).encode()
        feeds = tmp_path / "FEEDS.toml"
        feeds.write_text(
            f'[[feed]]\nname = "big"\nurl = "{server.url("/named/feed.txt")}"\nformat = "hosts"\n'
            'licence = "CC0-1.0"\nattribution = "test feed"\n'
        )
        out = tmp_path / "built.toml"
        built = run(home, "list", "build", str(SOURCE), "--feeds", str(feeds), "--out", str(out))
        assert built.returncode == 0, built.stderr
        assert b"feed big: 100000 read" in built.stdout
        keydir = tmp_path / "keys"
        assert run(home, "list", "keygen", "--out", str(keydir)).returncode == 0
        key = next(keydir.glob("*.key"))
        bundle = tmp_path / "bundle.json"
        signed = run(home, "list", "sign", str(out), "--key", str(key), "--expires-days", "7", "--out", str(bundle))
        assert signed.returncode == 0, signed.stderr
        trust_key(home, next(keydir.glob("*.pub")).read_text().strip())
        assert run(home, "list", "verify", str(bundle)).returncode == 0
        server.body = bundle.read_bytes()
        (home / "config.toml").write_text((home / "config.toml").read_text() + f'[update]\nurls = ["{server.url()}"]\n')
        updated = run(home, "update", "--json")
        assert updated.returncode == 0, updated.stdout + updated.stderr
    finally:
        server.stop()
    officials = sorted({d for b in read_source(SOURCE)["brands"] for d in (x["value"] for x in b["domains"])})
    urls = [f"https://{d}/" for d in officials] + ["https://kefu-refund-77777.top/", "https://www.kefu-refund-5.top/x"]
    checked = subprocess.run(
        [sys.executable, "-m", "kefuguard", "check-url", "--json", "-"],
        input="\n".join(urls).encode(),
        capture_output=True,
        env=subprocess_env(home),
        timeout=300,
    )
    results = [json.loads(line) for line in checked.stdout.splitlines()]
    assert [r["level"] for r in results[: len(officials)]] == ["verified"] * len(officials)
    assert [r["level"] for r in results[len(officials) :]] == ["danger", "danger"]
    assert results[-1]["reasons"][0]["code"] == "scam.domain"


def test_a_list_with_feeds_and_fields_from_later_versions_verifies_and_loads(tmp_path, home, signing_key):
    from kefuguard.lists.model import parse_brands, parse_scam
    from kefuguard.lists.trust import TrustedKeys
    from kefuguard.lists.verify import verify_bundle
    from tests.conftest import sign

    key, pub = signing_key
    merged, _ = build_list(read_source(SOURCE), [feed("a", "x1.top")], today=DAY1)
    signed = build_signed(merged, version=7, issued=datetime.now(UTC), expires_days=1)
    signed["scam"]["later_field"] = {"anything": [1, 2]}  # what a later version might add
    signed["aliases_v9"] = ["x"]
    verified = verify_bundle(sign(signed, key), TrustedKeys.of([pub]))
    assert "x1.top" in parse_scam(verified.signed).domains
    assert len(parse_brands(verified.signed)) == len(merged["brands"])
