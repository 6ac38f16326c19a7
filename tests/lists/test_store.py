"""Which list is in use: verified candidates, last-known-good, rollback at load, stale lists."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from kefuguard.lists import verify
from kefuguard.lists.store import LAST_GOOD, MAIN_LIST
from tests.conftest import make_engine, make_signed, sign, trust_key


@pytest.fixture
def setup(home, signing_key, tmp_path):
    key, pub = signing_key
    trust_key(home, pub)
    embedded = tmp_path / "embedded.json"
    embedded.write_bytes(sign(make_signed(version=1), key))
    (home / "lists").mkdir()
    return home, key, embedded


def install(home, data: bytes, name: str = MAIN_LIST) -> None:
    (home / "lists" / name).write_bytes(data)


def test_embedded_list_is_used_when_nothing_is_installed(setup):
    home, _, embedded = setup
    engine = make_engine(home, embedded)
    assert engine.loaded().active.header.version == 1
    assert engine.loaded().active.origin == "embedded"
    assert engine.check_url("https://www.alipay.com/")["level"] == "verified"


def test_higher_installed_list_wins(setup):
    home, key, embedded = setup
    install(home, sign(make_signed(version=5), key))
    status = make_engine(home, embedded).status()
    assert (status["version"], status["lists"][0]["origin"]) == (5, "installed")


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "garbage"])
def test_damaged_installed_list_is_refused_and_last_good_stays_in_use(setup, damage):
    home, key, embedded = setup
    install(home, sign(make_signed(version=3), key), LAST_GOOD)
    data = bytearray(sign(make_signed(version=4), key))
    if damage == "flip":
        data[data.index(b"alipay.com")] ^= 0x01
    elif damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "empty":
        data = bytearray()
    else:
        data = bytearray(b"\x00\xff" * 100)
    install(home, bytes(data))
    status = make_engine(home, embedded).status()
    assert status["version"] == 3 and status["lists"][0]["origin"] == "last-known-good"
    assert [p["origin"] for p in status["problems"]] == ["installed"]
    assert status["problems"][0]["code"].startswith("list.")


def test_list_by_untrusted_key_is_refused(setup, keys):
    home, _, embedded = setup
    stranger, _ = keys.new()
    install(home, sign(make_signed(version=9), stranger))
    status = make_engine(home, embedded).status()
    assert status["version"] == 1
    assert status["problems"][0]["code"] == "list.unknown_key"


def test_rollback_by_swapping_an_older_file_in_is_refused(setup):
    home, key, embedded = setup
    install(home, sign(make_signed(version=7), key))
    assert make_engine(home, embedded).status()["version"] == 7  # seen: 7
    install(home, sign(make_signed(version=6), key))
    status = make_engine(home, embedded).status()
    assert status["problems"][0]["code"] == "list.rollback"
    # nothing better than the embedded list is left: it is used, though older than seen
    assert status["version"] == 1


def test_same_version_different_content_is_refused_at_load(setup):
    home, key, embedded = setup
    install(home, sign(make_signed(version=7), key))
    make_engine(home, embedded).status()
    install(home, sign(make_signed(version=7, publisher="test-publisher", days=60), key))
    status = make_engine(home, embedded).status()
    assert status["problems"][0]["code"] == "list.version_conflict"


def test_expired_list_is_still_used_but_reported_stale(setup):
    home, key, embedded = setup
    old = datetime.now(UTC) - timedelta(days=100)
    install(home, sign(make_signed(version=2, issued=old, days=30), key))
    engine = make_engine(home, embedded)
    status = engine.status()
    assert status["version"] == 2 and status["stale"] is True
    result = engine.check_url("https://alipay.com/")
    assert result["level"] == "verified" and result["list_stale"] is True
    fresh = make_engine(home, embedded)
    (home / "lists" / MAIN_LIST).unlink()
    assert fresh.check_url("https://alipay.com/")["list_stale"] is False


def test_compiled_index_is_reused_without_verifying_again(setup, monkeypatch):
    home, key, embedded = setup
    install(home, sign(make_signed(version=3), key))
    assert make_engine(home, embedded).status()["version"] == 3

    def must_not_verify(*a, **k):
        raise AssertionError("verified again although the content was already verified")

    monkeypatch.setattr(verify, "verify_bundle", must_not_verify)  # store imports it where it verifies
    assert make_engine(home, embedded).status()["version"] == 3


def test_removing_a_trusted_key_invalidates_the_cached_verification(setup):
    home, key, embedded = setup
    install(home, sign(make_signed(version=3), key))
    assert make_engine(home, embedded).status()["version"] == 3
    (home / "config.toml").write_text("")  # the test key is no longer trusted
    status = make_engine(home, embedded).status()
    assert status["ok"] is False
    assert {p["code"] for p in status["problems"]} == {"list.unknown_key"}


def test_changed_file_is_verified_again(setup, keys):
    home, key, embedded = setup
    install(home, sign(make_signed(version=3), key))
    engine = make_engine(home, embedded)
    assert engine.status()["version"] == 3
    stranger, _ = keys.new()
    install(home, sign(make_signed(version=4), stranger))
    assert engine.status()["version"] == 3  # noticed the change, refused it, kept the last good list
    assert engine.status()["problems"][0]["code"] == "list.unknown_key"


def test_running_engine_picks_up_a_new_installed_list(setup):
    home, key, embedded = setup
    engine = make_engine(home, embedded)
    assert engine.check_url("https://alipay.com")["list_version"] == 1
    install(home, sign(make_signed(version=2), key))
    assert engine.check_url("https://alipay.com")["list_version"] == 2


def test_scam_lookup_uses_the_compiled_hash_index(setup):
    home, _, embedded = setup
    engine = make_engine(home, embedded)
    result = engine.check_url("https://login.evil-refund.top/x")
    assert result["level"] == "danger" and result["reasons"][0]["code"] == "scam.domain"
    assert engine.check_url("https://evil-refund.top.example.org/")["level"] == "none"
    meta = json.loads((next((home / "index").glob("*/meta.json"))).read_text())
    assert meta["counts"] == {"brands": 2, "scam_domains": 1, "scam_phones": 1, "scam_accounts": 1}


def test_no_usable_list_is_reported_not_crashed(home, tmp_path):
    engine = make_engine(home, tmp_path / "missing.json")
    status = engine.status()
    assert status["ok"] is False and status["version"] is None
    with pytest.raises(Exception) as caught:
        engine.check_url("https://alipay.com")
    assert caught.value.code == "list.none_usable"
    assert verify.MAX_BUNDLE_BYTES > 0


def test_another_publishers_list_is_never_chosen_by_its_version_number(setup, keys):
    """The installed list (what the configured mirrors delivered) names the publisher; a list by
    another trusted publisher is reported as unused, however high its version."""
    home, key, embedded = setup
    other_key, other_pub = keys.new()
    config = (home / "config.toml").read_text()
    (home / "config.toml").write_text(config.replace('keys = ["', f'keys = ["{other_pub}", "'))
    embedded.write_bytes(sign(make_signed(version=50, publisher="kefu-guard"), key))
    install(home, sign(make_signed(version=2, publisher="acme-it"), other_key))
    status = make_engine(home, embedded).status()
    assert (status["publisher"], status["version"], status["lists"][0]["origin"]) == ("acme-it", 2, "installed")
    assert status["unused"] == [{"origin": "embedded", "path": str(embedded), "publisher": "kefu-guard", "version": 50}]
    assert status["problems"] == []


def test_a_newer_embedded_list_of_the_same_publisher_wins_and_nothing_is_unused(setup):
    home, key, embedded = setup  # after a package upgrade: the shipped list is newer than the installed one
    embedded.write_bytes(sign(make_signed(version=8), key))
    install(home, sign(make_signed(version=4), key))
    status = make_engine(home, embedded).status()
    assert (status["version"], status["lists"][0]["origin"], status["unused"]) == (8, "embedded", [])


def test_last_good_of_another_publisher_is_unused_when_the_installed_list_verifies(setup, keys):
    home, key, embedded = setup
    other_key, other_pub = keys.new()
    config = (home / "config.toml").read_text()
    (home / "config.toml").write_text(config.replace('keys = ["', f'keys = ["{other_pub}", "'))
    install(home, sign(make_signed(version=9, publisher="old-mirror"), other_key), LAST_GOOD)
    install(home, sign(make_signed(version=3, publisher="new-mirror"), key))
    status = make_engine(home, embedded).status()
    assert (status["publisher"], status["version"]) == ("new-mirror", 3)
    unused = [(u["origin"], u["publisher"], u["version"]) for u in status["unused"]]
    assert unused == [("last-known-good", "old-mirror", 9), ("embedded", "test-publisher", 1)]


def test_status_text_names_an_unused_list(setup, keys):
    from kefuguard.cli.render import status_text

    home, key, embedded = setup
    other_key, other_pub = keys.new()
    config = (home / "config.toml").read_text()
    (home / "config.toml").write_text(config.replace('keys = ["', f'keys = ["{other_pub}", "'))
    install(home, sign(make_signed(version=2, publisher="acme-it"), other_key))
    text = status_text(make_engine(home, embedded).status())
    assert "unused: embedded list by another publisher: test-publisher version 1" in text
