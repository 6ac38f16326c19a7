"""Updates against a real aiohttp server on 127.0.0.1: only what verifies is installed."""

from __future__ import annotations

import asyncio
import socket
from datetime import UTC, datetime, timedelta

import pytest

from kefuguard.lists.store import LAST_GOOD, MAIN_LIST
from kefuguard.lists.update import Timeouts, check_transport, update_main_list
from tests.conftest import make_engine, make_signed, sign, trust_key
from tests.lists.list_server import ListServer

FAST = Timeouts(connect=2, read=1, total=5, backoff=0.01)


@pytest.fixture
def server():
    s = ListServer().start()
    yield s
    s.stop()


@pytest.fixture
def env(home, signing_key, tmp_path):
    key, pub = signing_key
    trust_key(home, pub)
    embedded = tmp_path / "embedded.json"
    embedded.write_bytes(sign(make_signed(version=1), key))
    return home, key, embedded


def run_update(engine, urls, **kw):
    return asyncio.run(update_main_list(engine, urls, timeouts=FAST, rounds=kw.pop("rounds", 1), **kw))


def test_newer_list_is_installed_and_used_at_once(env, server):
    home, key, embedded = env
    engine = make_engine(home, embedded)
    server.body = sign(make_signed(version=2), key)
    outcome = run_update(engine, [server.url()])
    assert (outcome.status, outcome.version) == ("updated", 2)
    assert (home / "lists" / MAIN_LIST).read_bytes() == server.body
    assert engine.check_url("https://alipay.com")["list_version"] == 2
    assert make_engine(home, embedded).status()["version"] == 2  # and after a restart


def test_unchanged_list_costs_one_conditional_request_and_no_body(env, server):
    home, key, embedded = env
    engine = make_engine(home, embedded)
    server.body = sign(make_signed(version=2), key)
    assert run_update(engine, [server.url()]).status == "updated"
    outcome = run_update(engine, [server.url()])
    assert outcome.status == "current"
    assert server.fetches[-1]["if_none_match"] is not None


def test_previous_list_is_kept_as_last_known_good(env, server):
    home, key, embedded = env
    engine = make_engine(home, embedded)
    for v in (2, 3):
        server.body = sign(make_signed(version=v), key)
        assert run_update(engine, [server.url()]).status == "updated"
    assert b'"version":2' in (home / "lists" / LAST_GOOD).read_bytes()


@pytest.mark.parametrize(
    "fault", ["tampered", "unknown_key", "rollback", "expired", "same_version_other_content", "truncated"]
)
def test_bad_list_from_server_is_refused_and_last_good_stays(env, server, keys, fault):
    home, key, embedded = env
    engine = make_engine(home, embedded)
    server.body = sign(make_signed(version=5), key)
    assert run_update(engine, [server.url()]).status == "updated"
    good = (home / "lists" / MAIN_LIST).read_bytes()
    if fault == "tampered":
        server.body = sign(make_signed(version=6), key).replace(b"alipay.com", b"a1ipay.com")
    elif fault == "unknown_key":
        server.body = sign(make_signed(version=6), keys.new()[0])
    elif fault == "rollback":
        server.body = sign(make_signed(version=4), key)
    elif fault == "expired":
        server.body = sign(make_signed(version=6, issued=datetime.now(UTC) - timedelta(days=60), days=30), key)
    elif fault == "same_version_other_content":
        server.body = sign(make_signed(version=5, days=90), key)
    else:
        server.body = sign(make_signed(version=6), key)[:200]
    outcome = run_update(engine, [server.url()], force=True)
    expected = {
        "tampered": "list.bad_signature",
        "unknown_key": "list.unknown_key",
        "rollback": "list.rollback",
        "expired": "list.expired",
        "same_version_other_content": "list.version_conflict",
        "truncated": "list.malformed",
    }[fault]
    assert (outcome.status, outcome.code) == ("failed", expected)
    assert (home / "lists" / MAIN_LIST).read_bytes() == good
    assert engine.status()["version"] == 5


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_dead_server_fails_with_a_reason_and_mirrors_are_tried_in_order(env, server):
    home, key, embedded = env
    engine = make_engine(home, embedded)
    server.body = sign(make_signed(version=2), key)
    dead = f"http://127.0.0.1:{free_port()}/list.json"
    outcome = run_update(engine, [dead])
    assert (outcome.status, outcome.code) == ("failed", "download.connection")
    assert run_update(engine, [dead, server.url("/error.json"), server.url()]).status == "updated"


def test_slow_server_is_cut_off_by_the_read_timeout(env, server):
    home, _, embedded = env
    outcome = run_update(make_engine(home, embedded), [server.url("/slow.json")])
    assert (outcome.status, outcome.code) == ("failed", "download.timeout")


def test_endless_body_is_cut_off_at_the_size_cap(env, server):
    home, _, embedded = env
    outcome = run_update(make_engine(home, embedded), [server.url("/endless.json")], max_bytes=1_000_000)
    assert (outcome.status, outcome.code) == ("failed", "download.too_large")


def test_plain_http_only_to_loopback():
    check_transport("https://lists.example.org/x.json", False)
    check_transport("http://127.0.0.1:8080/x.json", False)
    check_transport("http://[::1]:8080/x.json", False)
    for url in ("http://lists.example.org/x.json", "ftp://127.0.0.1/x", "file:///etc/passwd"):
        with pytest.raises(Exception) as caught:
            check_transport(url, False)
        assert caught.value.code == "update.insecure_url"
    check_transport("http://lists.example.org/x.json", True)
