"""Every way a mirror can misbehave: the right error code, the last good list still in use, and
nothing half-written on disk (no temp files; every list file there verifies)."""

from __future__ import annotations

import base64
import json
import os
from datetime import UTC, datetime, timedelta

import pytest

from kefuguard.lists.update import Timeouts
from tests.conftest import make_signed, sign
from tests.lists.conftest import FAST, assert_clean, run_update


@pytest.fixture
def installed(env, server):
    """Version 5 installed from the server; returns the engine and the installed bytes."""
    engine = env.engine()
    server.body = env.bundle(5)
    assert run_update(engine, [server.url()]).status == "updated"
    assert engine.status()["version"] == 5
    return engine, env.main.read_bytes()


def assert_last_good_still_in_use(env, engine, good: bytes) -> None:
    assert env.main.read_bytes() == good
    assert engine.status()["version"] == 5
    assert engine.check_url("https://www.alipay.com/")["list_version"] == 5
    assert env.engine().status()["version"] == 5  # and for a host started now
    assert_clean(env)


def bit_flipped(data: bytes, needle: bytes) -> bytes:
    flipped = bytearray(data)
    flipped[data.index(needle)] ^= 0x01  # 'a' -> '`': still valid JSON, no longer what was signed
    return bytes(flipped)


def flipped_signature(data: bytes) -> bytes:
    doc = json.loads(data)
    sig = bytearray(base64.b64decode(doc["signatures"][0]["sig"]))
    sig[10] ^= 0x04
    doc["signatures"][0]["sig"] = base64.b64encode(bytes(sig)).decode()
    return json.dumps(doc).encode()


# (fault, route, body maker, expected code, update options)
TRANSPORT_FAULTS = [
    ("http_500", "/status/500", None, "download.http_status", {}),
    ("http_404", "/status/404", None, "download.http_status", {}),
    ("connection_reset_mid_body", "/reset.json", "v6", "download.incomplete", {}),
    ("endless_body", "/endless.json", None, "download.too_large", {"max_bytes": 1_000_000}),
    ("content_length_too_long", "/long-length.json", "v6", "download.incomplete", {}),
    ("content_length_too_short", "/short-length.json", "v6", "list.malformed", {}),
]


@pytest.mark.parametrize("fault,route,body,code,options", TRANSPORT_FAULTS, ids=[f[0] for f in TRANSPORT_FAULTS])
def test_transport_fault_is_refused_and_the_last_good_list_stays(
    env, server, installed, fault, route, body, code, options
):
    engine, good = installed
    server.body = env.bundle(6) if body == "v6" else server.body
    outcome = run_update(engine, [server.url(route)], **options)
    assert (outcome.status, outcome.code) == ("failed", code), outcome.message
    assert_last_good_still_in_use(env, engine, good)


def test_one_byte_a_second_is_cut_off_by_the_total_timeout(env, server, installed):
    """Slow retrieval: every read comes within the read timeout, so only the total bounds it."""
    engine, good = installed
    server.body = env.bundle(6)
    timeouts = Timeouts(connect=2, read=1.0, total=1.5, backoff=0.01)
    outcome = run_update(engine, [server.url("/trickle.json?interval=0.25")], timeouts=timeouts)
    assert (outcome.status, outcome.code) == ("failed", "download.timeout")
    assert "not complete within 1.5 s" in outcome.message
    assert 2 <= server.fetches[-1]["bytes"] <= 10  # it did trickle; it was cut off, not refused up front
    assert_last_good_still_in_use(env, engine, good)


def test_one_byte_a_second_with_the_default_pace(env, server, installed):
    engine, good = installed
    server.body = env.bundle(6)
    outcome = run_update(engine, [server.url("/trickle.json")], timeouts=Timeouts(read=2, total=2.5))
    assert (outcome.status, outcome.code) == ("failed", "download.timeout")
    assert_last_good_still_in_use(env, engine, good)


def test_a_server_that_goes_silent_is_cut_off_by_the_read_timeout(env, server, installed):
    engine, good = installed
    outcome = run_update(engine, [server.url("/slow.json")], timeouts=Timeouts(read=0.2, total=5))
    assert (outcome.status, outcome.code) == ("failed", "download.timeout")
    assert "no data for 0.2 s" in outcome.message
    assert_last_good_still_in_use(env, engine, good)


def test_a_declared_size_over_the_cap_is_refused_before_reading(env, server, installed):
    engine, good = installed
    server.body = env.bundle(6)
    outcome = run_update(engine, [server.url()], max_bytes=len(server.body) - 1)
    assert (outcome.status, outcome.code) == ("failed", "download.too_large")
    assert "declared" in outcome.message
    assert_last_good_still_in_use(env, engine, good)


LIST_FAULTS = {
    "older_valid_bundle_rollback": ("list.rollback", lambda env, keys: env.bundle(4)),
    "valid_signature_by_untrusted_key": ("list.unknown_key", lambda env, keys: sign(make_signed(6), keys.new()[0])),
    "bit_flipped_content": ("list.bad_signature", lambda env, keys: bit_flipped(env.bundle(6), b"alipay.com")),
    "bit_flipped_signature": ("list.bad_signature", lambda env, keys: flipped_signature(env.bundle(6))),
    "expired_bundle": (
        "list.expired",
        lambda env, keys: env.bundle(6, issued=datetime.now(UTC) - timedelta(days=60), days=30),
    ),
    "same_version_other_content": ("list.version_conflict", lambda env, keys: env.bundle(5, days=90)),
    "truncated_bundle": ("list.malformed", lambda env, keys: env.bundle(6)[:200]),
    "wrong_type": ("list.wrong_type", lambda env, keys: sign({**make_signed(6), "type": "other"}, env.key)),
    "unsupported_spec": ("list.unsupported_spec", lambda env, keys: sign({**make_signed(6), "spec": 2}, env.key)),
    "empty_body": ("list.malformed", lambda env, keys: b""),
}


@pytest.mark.parametrize("fault", list(LIST_FAULTS))
def test_bad_list_from_server_is_refused_and_the_last_good_list_stays(env, server, keys, installed, fault):
    engine, good = installed
    code, make = LIST_FAULTS[fault]
    server.body = make(env, keys)
    outcome = run_update(engine, [server.url()], force=True)
    assert (outcome.status, outcome.code) == ("failed", code), outcome.message
    assert_last_good_still_in_use(env, engine, good)


def test_threshold_of_two_refuses_a_list_signed_by_one(env, server, keys):
    from tests.conftest import trust_key

    second, second_pub = keys.new()
    (env.home / "config.toml").write_text(f'[trust]\nkeys = ["{env.pub}", "{second_pub}"]\nthreshold = 2\n')
    engine = env.engine()
    server.body = env.bundle(6)
    assert run_update(engine, [server.url()]).code == "list.threshold"
    server.body = sign(make_signed(6), env.key, second)
    assert run_update(engine, [server.url()]).status == "updated"
    trust_key(env.home, env.pub)  # back to one key for the clean-up check
    assert_clean(env)


# --- redirects: followed only to a configured mirror's host -----------------------------------


def test_redirect_to_another_host_is_refused(env, server, installed):
    engine, good = installed
    server.body = env.bundle(6)
    elsewhere = f"http://127.0.0.2:{server.port}/list.json"  # loopback, but not a configured host
    outcome = run_update(engine, [server.url(f"/redirect?to={elsewhere}")])
    assert (outcome.status, outcome.code) == ("failed", "download.redirect_refused")
    assert [f["path"] for f in server.fetches[-1:]] == ["/redirect"]  # it never went there
    assert_last_good_still_in_use(env, engine, good)


def test_redirect_on_the_same_host_is_followed(env, server, installed):
    engine, _ = installed
    server.body = env.bundle(6)
    outcome = run_update(engine, [server.url("/redirect?to=/list.json&code=301")])
    assert (outcome.status, outcome.version, outcome.requests) == ("updated", 6, 2)


def test_redirect_to_another_configured_mirror_is_followed(env, server, installed):
    from tests.lists.list_server import ListServer

    engine, _ = installed
    other = ListServer().start()
    try:
        other.body = env.bundle(6)
        urls = [server.url(f"/redirect?to={other.url()}"), other.url()]
        outcome = run_update(engine, urls)
        assert (outcome.status, outcome.version, outcome.url) == ("updated", 6, urls[0])
        assert len(other.fetches) == 1
    finally:
        other.stop()


def test_endless_redirects_stop(env, server, installed):
    engine, good = installed
    loop = server.url("/redirect?to=/redirect%3Fto%3D/redirect%253Fto%253D/redirect%25253Fto%25253D/list.json")
    outcome = run_update(engine, [loop])
    assert (outcome.status, outcome.code) == ("failed", "download.redirect_refused")
    assert_last_good_still_in_use(env, engine, good)


def test_ipv6_loopback_mirror_works(env):
    from tests.lists.list_server import ListServer

    try:
        s = ListServer("::1").start()
    except (OSError, RuntimeError):
        pytest.skip("no IPv6 loopback here")
    try:
        s.body = env.bundle(2)
        assert run_update(env.engine(), [s.url()]).status == "updated"
    finally:
        s.stop()


def test_nothing_is_left_in_the_lists_folder_after_any_fault(env, server, installed):
    engine, _ = installed
    for route in ("/status/500", "/reset.json", "/long-length.json", "/short-length.json", "/endless.json"):
        run_update(engine, [server.url(route)], max_bytes=100_000, timeouts=FAST)
    names = sorted(os.listdir(env.home / "lists"))
    assert names == [".update.lock", "main.json"]
