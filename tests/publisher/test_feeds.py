"""Feeds of scam domains: the three formats, broken lines and FEEDS.toml mistakes."""

from __future__ import annotations

import pytest

from kefuguard.errors import SchemaError
from kefuguard.publisher.feeds import load_feed_specs, parse_feed


def test_domains_format_keeps_names_once_and_counts_what_is_no_name():
    text = "# comment\nevil.top\nEVIL.top\n\n  shop-refund.xyz  # trailing note\n1.2.3.4\nlocalhost\nbad name.com\n"
    assert parse_feed(text, "domains") == (["evil.top", "shop-refund.xyz"], 3)


def test_hosts_format_drops_the_address():
    text = "0.0.0.0 evil.top\n127.0.0.1 taobao-kefu.com # x\n0.0.0.0\n::1 ip6.evil.cc\n"
    assert parse_feed(text, "hosts") == (["evil.top", "taobao-kefu.com", "ip6.evil.cc"], 1)


def test_adblock_format_reads_domain_rules_only():
    text = "! title\n||evil.top^\n||淘宝客服.com^\n/ads/*\nexample.org\n"
    assert parse_feed(text, "adblock") == (["evil.top", "淘宝客服.com".encode("idna").decode()], 2)


def test_hostile_lines_never_raise():
    text = "\x00\x01\n" + "a" * 300 + ".com\n" + "..\n" + "x." * 200 + "com\n" + "a/b.com\n"
    assert parse_feed(text, "domains") == ([], 5)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "no [[feed]]"),
        ('[[feed]]\nname = "a"\npath = "a.txt"\nattribution = "x"\n', "licence is required"),
        ('[[feed]]\nname = "a"\npath = "a"\nurl = "https://x"\nlicence = "MIT"\nattribution = "x"\n', "exactly one"),
        ('[[feed]]\nname = "a b"\npath = "a.txt"\nlicence = "MIT"\nattribution = "x"\n', "short id"),
        ('[[feed]]\nname = "a"\npath = "a.txt"\nformat = "csv"\nlicence = "MIT"\nattribution = "x"\n', "format"),
        ('[[feed]]\nname = "a"\npath = "a"\nlicence = "L"\nattribution = "x"\n' * 2, "used twice"),
        ("[[feed]\n", "cannot parse"),
    ],
)
def test_feeds_file_mistakes_are_clear_errors(tmp_path, body, message):
    path = tmp_path / "FEEDS.toml"
    path.write_text(body)
    with pytest.raises(SchemaError, match=message.replace("[", r"\[")):
        load_feed_specs(path)


def test_paths_are_relative_to_the_feeds_file(tmp_path):
    path = tmp_path / "FEEDS.toml"
    path.write_text('[[feed]]\nname = "local"\npath = "feeds/local.txt"\nlicence = "CC0"\nattribution = "us"\n')
    (spec,) = load_feed_specs(path)
    assert spec.path == tmp_path / "feeds" / "local.txt" and spec.format == "domains"


def test_the_shipped_feeds_and_removal_files_are_valid():
    from kefuguard.publisher.build import load_removals
    from tests.conftest import REPO

    specs = load_feed_specs(REPO / "publish" / "FEEDS.toml")
    assert specs and all(s.url and s.url.startswith("https://") and s.licence for s in specs)
    assert load_removals(REPO / "publish" / "REMOVALS.toml") == {}


def test_a_missing_or_broken_feeds_or_removal_file_is_a_clear_error(tmp_path):
    from kefuguard.errors import InputError
    from kefuguard.publisher.build import load_removals

    with pytest.raises(InputError) as missing:
        load_feed_specs(tmp_path / "nowhere.toml")
    assert missing.value.code == "feeds.unreadable" and "nowhere.toml" in missing.value.message
    broken = tmp_path / "broken.toml"
    broken.write_bytes(b"[[feed]\nname = \xff\n")
    with pytest.raises(SchemaError, match="cannot parse the feeds file"):
        load_feed_specs(broken)
    with pytest.raises(SchemaError, match="cannot parse the removal file"):
        load_removals(broken)
    with pytest.raises(InputError):
        load_removals(tmp_path / "nowhere.toml")
