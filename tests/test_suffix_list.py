"""The public suffix rules come from tldextract's public API, offline, and are kept per install so a
started host does not import tldextract again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import tldextract

from kefuguard import suffix_list
from kefuguard.detect.url.public_suffix import parse_rules
from tests.conftest import subprocess_env


def _cached(cache_dir: Path) -> Path:
    return cache_dir / suffix_list.CACHE_FILE


def test_rules_are_tldextracts_own_with_the_private_section(tmp_path):
    rules = suffix_list.suffix_rules(tmp_path)
    ours = parse_rules(rules)
    expected = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True).tlds
    # and the rules the list gained after tldextract's snapshot (India's bank.in and fin.in)
    assert ours == parse_rules("\n".join([*expected, *(r for r in suffix_list.NEWER_RULES if r not in expected)]))
    assert "github.io" in ours[0] and "ck" in ours[1] and "www.ck" in ours[2]
    assert {"bank.in", "fin.in"} <= ours[0]


def test_the_cached_copys_quick_parse_equals_the_general_one(tmp_path):
    rules = suffix_list.suffix_rules(tmp_path)  # one a line, lower-case ASCII: parsed the quick way
    general = parse_rules(rules + "\n// a comment, which sends it the general way\n")
    assert parse_rules(rules) == general
    assert len(general[1]) > 100 and len(general[2]) > 5  # wildcards and exceptions both there


def test_a_cached_copy_is_used_and_a_copy_from_another_tldextract_is_not(tmp_path):
    suffix_list.suffix_rules(tmp_path)
    stamp, _, _ = _cached(tmp_path).read_text("utf-8").partition("\n")
    _cached(tmp_path).write_text(stamp + "\nonly.this.rule", "utf-8")
    assert suffix_list.suffix_rules(tmp_path) == "only.this.rule"  # same tldextract: the copy is trusted
    _cached(tmp_path).write_text("tldextract elsewhere [1, 2, 3]\nonly.this.rule", "utf-8")
    assert "github.io" in suffix_list.suffix_rules(tmp_path).split("\n")  # another one: asked again
    assert _cached(tmp_path).read_text("utf-8").startswith(stamp + "\n")


def test_a_damaged_or_unwritable_cache_only_costs_time(tmp_path):
    _cached(tmp_path).write_bytes(b"\xff\xfe not text")
    assert "github.io" in suffix_list.suffix_rules(tmp_path).split("\n")
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    assert "github.io" in suffix_list.suffix_rules(blocked / "index").split("\n")  # cannot mkdir: no copy


def test_a_started_host_checks_urls_without_importing_tldextract(home):
    script = (
        "import sys\n"
        "from kefuguard.service.engine import Engine\n"
        "r = Engine().check_url('https://evil.github.io/x')\n"
        "print(r['domain'], 'tldextract' in sys.modules)\n"
    )
    run = [sys.executable, "-c", script]
    first = subprocess.run(run, env=subprocess_env(home), capture_output=True, text=True, timeout=60)
    second = subprocess.run(run, env=subprocess_env(home), capture_output=True, text=True, timeout=60)
    assert first.stdout.split() == ["evil.github.io", "True"], first.stderr
    assert second.stdout.split() == ["evil.github.io", "False"], second.stderr
