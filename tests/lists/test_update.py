"""Updates against a real aiohttp server on 127.0.0.1: only what verifies is installed, an unchanged
list costs one conditional request and no body, mirrors are retried with backoff."""

from __future__ import annotations

import json
import os
import socket
import time
from datetime import UTC, datetime, timedelta

import pytest

from kefuguard.lists.update import Timeouts, check_transport
from tests.conftest import make_engine, make_signed, sign
from tests.lists.conftest import FAST, assert_clean, run_update


def test_newer_list_is_installed_and_used_at_once(env, server):
    engine = env.engine()
    server.body = env.bundle(2)
    outcome = run_update(engine, [server.url()])
    assert (outcome.status, outcome.version) == ("updated", 2)
    assert env.main.read_bytes() == server.body
    assert engine.check_url("https://alipay.com")["list_version"] == 2
    assert make_engine(env.home, env.embedded).status()["version"] == 2  # and after a restart
    assert_clean(env)


def test_unchanged_list_costs_one_conditional_request_and_no_body(env, server):
    engine = env.engine()
    server.body = env.bundle(2)
    assert run_update(engine, [server.url()]).status == "updated"
    before = len(server.fetches)
    outcome = run_update(engine, [server.url()])
    assert outcome.status == "current"
    assert (outcome.requests, outcome.bytes) == (1, 0)
    [fetch] = server.fetches[before:]
    assert fetch["status"] == 304 and fetch["bytes"] == 0
    assert fetch["if_none_match"] is not None and fetch["if_modified_since"] is not None


def test_last_modified_alone_makes_the_request_conditional(env, server):
    server.etag = False  # a plain file server: Last-Modified only
    engine = env.engine()
    server.body = env.bundle(2)
    assert run_update(engine, [server.url()]).status == "updated"
    outcome = run_update(engine, [server.url()])
    assert (outcome.status, outcome.bytes) == ("current", 0)
    assert server.fetches[-1]["if_none_match"] is None and server.fetches[-1]["status"] == 304


def test_new_list_after_not_modified_is_fetched(env, server):
    engine = env.engine()
    server.body = env.bundle(2)
    run_update(engine, [server.url()])
    run_update(engine, [server.url()])
    server.body = env.bundle(3)
    outcome = run_update(engine, [server.url()])
    assert (outcome.status, outcome.version) == ("updated", 3)


def test_etag_that_changes_with_the_same_body_reinstalls_nothing(env, server):
    engine = env.engine()
    server.body = env.bundle(2)
    assert run_update(engine, [server.url("/changing-etag.json")]).status == "updated"
    identity = os.stat(env.main)
    outcome = run_update(engine, [server.url("/changing-etag.json")])
    assert (outcome.status, outcome.version) == ("current", 2)
    assert outcome.bytes == len(server.body)  # the server gave no way to avoid the body
    after = os.stat(env.main)
    assert (after.st_ino, after.st_mtime_ns) == (identity.st_ino, identity.st_mtime_ns)  # not rewritten
    assert server.fetches[-1]["if_none_match"] != server.fetches[-2]["if_none_match"]  # the new ETag is kept
    assert_clean(env)


def test_not_modified_is_trusted_only_while_the_list_it_stands_for_is_installed(env, server):
    engine = env.engine()
    server.body = env.bundle(2)
    run_update(engine, [server.url()])
    env.main.unlink()
    env.last_good.unlink(missing_ok=True)
    outcome = run_update(engine, [server.url()])
    assert (outcome.status, outcome.version) == ("updated", 2)
    assert server.fetches[-1]["if_none_match"] is None  # unconditional: we no longer have it


def test_a_refused_list_does_not_make_the_next_request_look_current(env, server):
    engine = env.engine()
    server.body = env.bundle(2)
    run_update(engine, [server.url()])
    server.body = env.bundle(3, issued=datetime.now(UTC) - timedelta(days=60), days=30)  # expired
    assert run_update(engine, [server.url()]).code == "list.expired"
    again = run_update(engine, [server.url()])
    assert (again.status, again.code) == ("failed", "list.expired")  # not a 304 "current"


def test_force_ignores_validators_and_reinstalls(env, server):
    engine = env.engine()
    server.body = env.bundle(2)
    run_update(engine, [server.url()])
    outcome = run_update(engine, [server.url()], force=True)
    assert outcome.status == "updated" and server.fetches[-1]["if_none_match"] is None
    assert not env.last_good.exists() or b'"version":2' not in env.last_good.read_bytes()


def test_previous_list_is_kept_as_last_known_good(env, server):
    engine = env.engine()
    for v in (2, 3):
        server.body = env.bundle(v)
        assert run_update(engine, [server.url()]).status == "updated"
    assert b'"version":2' in env.last_good.read_bytes()
    assert_clean(env)


def test_last_known_good_already_linked_to_the_installed_file_leaves_no_temp_file(env, server):
    """An updater killed between its two renames leaves last-good and the list as two names of
    one file; rename() between two links to one file does nothing, so the next install must still
    remove its temporary name (found by the kill test, one run in several)."""
    engine = env.engine()
    server.body = env.bundle(2)
    assert run_update(engine, [server.url()]).status == "updated"
    env.last_good.unlink(missing_ok=True)
    os.link(env.main, env.last_good)  # the state a kill between the renames leaves
    server.body = env.bundle(3)
    assert run_update(engine, [server.url()]).status == "updated"
    assert b'"version":2' in env.last_good.read_bytes() and b'"version":3' in env.main.read_bytes()
    assert_clean(env)


def test_a_damaged_installed_file_never_becomes_last_known_good(env, server):
    engine = env.engine()
    for v in (2, 3):
        server.body = env.bundle(v)
        run_update(engine, [server.url()])
    env.main.write_bytes(b"{damaged")
    server.body = env.bundle(4)
    assert run_update(engine, [server.url()]).status == "updated"
    assert b'"version":2' in env.last_good.read_bytes()  # the good one stays


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_dead_server_fails_with_a_reason_and_mirrors_are_tried_in_order(env, server):
    engine = env.engine()
    server.body = env.bundle(2)
    dead = f"http://127.0.0.1:{free_port()}/list.json"
    outcome = run_update(engine, [dead])
    assert (outcome.status, outcome.code) == ("failed", "download.connection")
    assert run_update(engine, [dead, server.url("/error.json"), server.url()]).status == "updated"
    assert [f["path"] for f in server.fetches[-2:]] == ["/error.json", "/list.json"]


def test_transient_failures_are_retried_with_growing_pauses_and_a_404_is_not(env, server):
    engine = env.engine()
    slow_backoff = Timeouts(FAST.connect, FAST.read, FAST.total, backoff=0.05)
    t0 = time.monotonic()
    outcome = run_update(
        engine, [server.url("/status/500"), server.url("/status/404")], rounds=3, timeouts=slow_backoff
    )
    elapsed = time.monotonic() - t0
    paths = [f["path"] for f in server.fetches]
    assert paths.count("/status/500") == 3 and paths.count("/status/404") == 1
    assert elapsed >= 0.05 + 0.10  # two pauses: 0.05..0.1 s, then 0.1..0.2 s (jitter)
    assert outcome.code == "download.http_status"
    assert {(e["url"].rsplit("/", 1)[1], e["times"]) for e in outcome.errors} == {("500", 3), ("404", 1)}


def test_a_mirror_serving_a_huge_json_integer_fails_alone_and_the_next_mirror_is_used(env, server):
    """An integer of over 4,300 digits makes Python's JSON parser raise a bare ValueError: it must
    fail that mirror as a malformed list, not abort the whole update."""
    engine = env.engine()
    server.bodies["huge"] = b'{"version": ' + b"9" * 5000 + b"}"
    server.body = env.bundle(2)
    outcome = run_update(engine, [server.url("/named/huge"), server.url()])
    assert (outcome.status, outcome.version) == ("updated", 2)
    alone = run_update(engine, [server.url("/named/huge")], force=True)
    assert (alone.status, alone.code) == ("failed", "list.malformed")
    assert engine.check_url("https://alipay.com")["list_version"] == 2


def test_a_bad_list_is_reported_over_a_mirror_that_was_merely_down(env, server, keys):
    engine = env.engine()
    server.body = sign(make_signed(version=9), keys.new()[0])
    outcome = run_update(engine, [server.url(), server.url("/error.json")])
    assert outcome.code == "list.unknown_key"


def test_state_records_last_success_and_last_failure_for_status(env, server):
    engine = env.engine()
    server.body = env.bundle(2)
    run_update(engine, [server.url()])
    run_update(engine, [server.url("/status/500")])
    updates = engine.status()["updates"]
    assert updates["last_success"]["version"] == 2 and updates["last_success"]["status"] == "updated"
    assert updates["last_failure"]["code"] == "download.http_status"
    assert "HTTP 500" in updates["last_failure"]["message"]
    assert updates["last_attempt"] >= updates["last_success"]["time"]
    state = json.loads((env.home / "state.json").read_text())
    assert "etags" not in state and list(state["validators"]) == [f"main {server.url()}"]


def test_plain_http_only_to_loopback():
    check_transport("https://lists.example.org/x.json", False)
    check_transport("http://127.0.0.1:8080/x.json", False)
    check_transport("http://[::1]:8080/x.json", False)
    check_transport("http://localhost:8080/x.json", False)
    for url in ("http://lists.example.org/x.json", "ftp://127.0.0.1/x", "file:///etc/passwd", "https:///x"):
        with pytest.raises(Exception) as caught:
            check_transport(url, False)
        assert caught.value.code == "update.insecure_url"
    check_transport("http://lists.example.org/x.json", True)


def test_insecure_configured_url_fails_before_any_request(env, server):
    outcome = run_update(env.engine(), ["http://lists.example.org/x.json"])
    assert (outcome.status, outcome.code) == ("failed", "update.insecure_url")


def test_after_updates_status_reports_no_problem_with_the_older_last_known_good(env, server):
    engine = env.engine()
    for v in (2, 3):
        server.body = env.bundle(v)
        run_update(engine, [server.url()])
    assert env.engine().status()["problems"] == []


def test_a_damaged_installed_list_falls_back_to_last_known_good_before_the_embedded_one(env, server):
    engine = env.engine()
    for v in (2, 3):
        server.body = env.bundle(v)
        run_update(engine, [server.url()])
    env.main.write_bytes(env.main.read_bytes().replace(b"alipay.com", b"a1ipay.com"))
    status = env.engine().status()  # a host started now
    assert (status["version"], status["lists"][0]["origin"]) == (2, "last-known-good")
    assert {p["origin"]: p["code"] for p in status["problems"]} == {
        "installed": "list.bad_signature",
        "last-known-good": "list.rollback",  # used all the same: nothing newer verifies
    }


def test_key_rotation_a_list_signed_by_both_keys_keeps_verifying_after_the_old_key_is_dropped(env, server, keys):
    from tests.conftest import trust_key

    new_key, new_pub = keys.new()
    signed = make_signed(version=2)  # one content: made twice it could differ in its issue second
    server.body = sign(signed, env.key)
    run_update(env.engine(), [server.url()])
    (env.home / "config.toml").write_text(f'[trust]\nkeys = ["{env.pub}", "{new_pub}"]\n')  # a release adds it
    server.body = sign(signed, env.key, new_key)  # same list, now signed by both
    outcome = run_update(env.engine(), [server.url()])
    assert (outcome.status, outcome.version) == ("updated", 2)  # the new signature is worth installing
    assert run_update(env.engine(), [server.url()]).status == "current"
    trust_key(env.home, new_pub)  # the old key is dropped
    status = env.engine().status()
    assert (status["version"], status["lists"][0]["origin"]) == (2, "installed")
    assert [p["origin"] for p in status["problems"]] == ["embedded"]  # the test's embedded list: old key only


def test_a_reload_that_finds_the_same_lists_keeps_the_detectors_indexes(env, server):
    engine = env.engine()
    server.body = env.bundle(2)
    run_update(engine, [server.url()])
    channels = engine.channels()
    run_update(engine, [server.url()])  # current: nothing changed
    engine.reload()
    assert engine.channels() is channels
    server.body = env.bundle(3)
    run_update(engine, [server.url()])
    assert engine.channels() is not channels and engine.channels().version == 3


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_data_folders_are_readable_by_the_user_alone(env, server):
    """Installed lists and the compiled index tell what a user checks and trusts: 0700, even when
    the data folder existed with looser permissions."""
    os.chmod(env.home, 0o755)
    engine = env.engine()
    server.body = env.bundle(2)
    assert run_update(engine, [server.url()]).status == "updated"
    for folder in (env.home, env.home / "lists", env.home / "index"):
        assert folder.is_dir() and folder.stat().st_mode & 0o777 == 0o700, (folder, oct(folder.stat().st_mode))
