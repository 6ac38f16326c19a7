"""Key rotation through the list: a list signed by the old and the new key, announcing both,
teaches clients the new key; nothing else does."""

from __future__ import annotations

from kefuguard.lists import publish
from tests.conftest import make_signed
from tests.lists.conftest import run_update


def announcing(signed: dict, *keys) -> bytes:
    signed = dict(signed)
    signed["keys"] = [publish.public_hex_of(k) for k in keys]
    return publish.bundle_bytes(publish.sign_signed(signed, list(keys)))


def only(signed: dict, *keys) -> bytes:
    return publish.bundle_bytes(publish.sign_signed(signed, list(keys)))


def test_list_signed_by_old_and_new_key_teaches_the_new_key(env, server, keys):
    new, _ = keys.new()
    engine = env.engine()
    server.body = only(make_signed(version=2), new)
    assert run_update(engine, [server.url()]).code == "list.unknown_key"  # not trusted yet
    server.body = announcing(make_signed(version=3), env.key, new)
    assert run_update(engine, [server.url()]).status == "updated"
    server.body = only(make_signed(version=4), new)  # the old key retired
    outcome = run_update(engine, [server.url()])
    assert (outcome.status, outcome.version) == ("updated", 4)
    assert engine.status()["version"] == 4


def test_an_announced_key_that_did_not_sign_is_not_learned(env, server, keys):
    new, new_pub = keys.new()
    engine = env.engine()
    signed = make_signed(version=3)
    signed["keys"] = [publish.public_hex_of(env.key), new_pub]  # names a key that did not sign
    server.body = only(signed, env.key)
    assert run_update(engine, [server.url()]).status == "updated"
    server.body = only(make_signed(version=4), new)
    assert run_update(engine, [server.url()]).code == "list.unknown_key"


def test_a_list_by_an_untrusted_key_cannot_introduce_keys(env, server, keys):
    stranger, _ = keys.new()
    other, _ = keys.new()
    engine = env.engine()
    server.body = announcing(make_signed(version=3), stranger, other)
    assert run_update(engine, [server.url()]).code == "list.unknown_key"
    server.body = only(make_signed(version=4), other)
    assert run_update(engine, [server.url()]).code == "list.unknown_key"


def test_locked_managed_keys_cannot_be_extended_by_a_list(env, server, keys, tmp_path, monkeypatch):
    new, _ = keys.new()
    managed = tmp_path / "managed.toml"
    managed.write_text(f'[policy]\nlocked = ["trust.keys"]\n[trust]\nkeys = ["{env.pub}"]\n')
    monkeypatch.setenv("KEFUGUARD_MANAGED_CONFIG", str(managed))
    engine = env.engine()
    server.body = announcing(make_signed(version=3), env.key, new)
    assert run_update(engine, [server.url()]).status == "updated"
    server.body = only(make_signed(version=4), new)
    assert run_update(engine, [server.url()]).code == "list.unknown_key"


def test_malformed_announced_keys_are_refused(env, server):
    signed = make_signed(version=3)
    signed["keys"] = ["not-a-key"]
    server.body = only(signed, env.key)
    assert run_update(env.engine(), [server.url()]).code == "list.schema"
