"""verify_bundle refuses every kind of bad bundle with its own error code."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

import pytest

from kefuguard import errors
from kefuguard.lists.canonical import canonical_bytes, parse_strict
from kefuguard.lists.model import parse_header
from kefuguard.lists.trust import TrustedKeys, keyid_of
from kefuguard.lists.verify import check_not_expired, check_not_rollback, verify_bundle
from tests.conftest import make_signed, sign


def trust_of(*public_hex: str, threshold: int = 1) -> TrustedKeys:
    return TrustedKeys.of(list(public_hex), threshold)


def test_good_bundle_verifies_and_reports_signing_key(signing_key):
    key, pub = signing_key
    verified = verify_bundle(sign(make_signed(7), key), trust_of(pub))
    assert verified.header.version == 7
    assert verified.keyids == (keyid_of(pub),)


def test_pretty_printed_bundle_verifies_because_signatures_cover_canonical_json(signing_key):
    key, pub = signing_key
    doc = json.loads(sign(make_signed(), key))
    pretty = json.dumps(doc, indent=4, ensure_ascii=True).encode()
    assert verify_bundle(pretty, trust_of(pub)).header.version == 1


def test_every_flipped_bit_in_signed_is_refused(signing_key):
    key, pub = signing_key
    data = sign(make_signed(), key)
    start = data.index(b'"signed":') + len(b'"signed":')
    end = data.index(b',"signatures"') if b',"signatures"' in data else len(data) - 2
    positions = random.Random(1).sample(range(start, end), 300)
    codes = set()
    for pos in positions:
        for bit in (0, 5):
            tampered = bytearray(data)
            tampered[pos] ^= 1 << bit
            with pytest.raises(errors.ListError) as caught:
                verify_bundle(bytes(tampered), trust_of(pub))
            codes.add(caught.value.code)
    assert codes <= {"list.bad_signature", "list.malformed", "list.duplicate_key"}
    assert "list.bad_signature" in codes


def test_signature_by_unknown_key_is_refused(keys):
    signer, _ = keys.new()
    _, other_pub = keys.new()
    with pytest.raises(errors.UnknownKeyError):
        verify_bundle(sign(make_signed(), signer), trust_of(other_pub))


def test_missing_signatures_are_refused(signing_key):
    _, pub = signing_key
    for doc in ({"signed": make_signed(), "signatures": []}, {"signed": make_signed()}):
        with pytest.raises(errors.MissingSignatureError):
            verify_bundle(canonical_bytes(doc), trust_of(pub))


def test_threshold_counts_each_trusted_key_once(keys):
    k1, p1 = keys.new()
    k2, p2 = keys.new()
    one = sign(make_signed(), k1)
    with pytest.raises(errors.ThresholdNotMetError):
        verify_bundle(one, trust_of(p1, p2, threshold=2))
    doc = json.loads(one)
    doc["signatures"] = doc["signatures"] * 2  # the same signature twice is still one key
    with pytest.raises(errors.ThresholdNotMetError):
        verify_bundle(canonical_bytes(doc), trust_of(p1, p2, threshold=2))
    assert verify_bundle(sign(make_signed(), k1, k2), trust_of(p1, p2, threshold=2)).keyids


def test_key_rotation_bundle_signed_by_old_and_new_key_verifies_for_both(keys):
    old, old_pub = keys.new()
    new, new_pub = keys.new()
    both = sign(make_signed(), old, new)
    assert verify_bundle(both, trust_of(old_pub)).keyids == (keyid_of(old_pub),)
    assert verify_bundle(both, trust_of(new_pub)).keyids == (keyid_of(new_pub),)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (lambda s: s.update(type="something.else"), errors.WrongTypeError),
        (lambda s: s.update(spec=2), errors.UnsupportedSpecError),
        (lambda s: s.update(spec=True), errors.UnsupportedSpecError),
        (lambda s: s.pop("version"), errors.SchemaError),
        (lambda s: s.update(version="42"), errors.SchemaError),
        (lambda s: s.update(expires="next week"), errors.SchemaError),
        (lambda s: s.update(brands={}), errors.SchemaError),
        (lambda s: s["brands"][0].update(domains=[]), errors.SchemaError),
        (lambda s: s["brands"][0].update(domains=["not a domain/"]), errors.SchemaError),
        (lambda s: s["brands"].append(dict(s["brands"][0])), errors.SchemaError),
        (lambda s: s["scam"].update(phones=["12"]), errors.SchemaError),
    ],
)
def test_correctly_signed_but_invalid_content_is_refused(signing_key, change, error):
    key, pub = signing_key
    signed = make_signed()
    change(signed)
    with pytest.raises(error):
        verify_bundle(sign(signed, key), trust_of(pub))


def test_duplicate_keys_are_refused_even_when_the_signature_matches_one_reading(signing_key):
    key, pub = signing_key
    good = sign(make_signed(version=5), key).decode()
    # a second "version" after the first: one JSON reader sees 5, another 6
    tricked = good.replace('"version":5', '"version":5,"version":6', 1).encode()
    with pytest.raises(errors.DuplicateKeyError):
        verify_bundle(tricked, trust_of(pub))


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   ",
        b"{",
        b"[]",
        b'"x"',
        b"\xff\xfe{}",
        b'{"signed": 1, "signatures": []}',
        b'{"signed": {"version": NaN}, "signatures": []}',
        b"[" * 100000,
    ],
)
def test_malformed_bytes_are_refused(signing_key, data):
    _, pub = signing_key
    with pytest.raises(errors.MalformedBundleError):
        verify_bundle(data, trust_of(pub))


def test_truncated_bundle_is_refused_at_every_length(signing_key):
    key, pub = signing_key
    data = sign(make_signed(), key)
    for cut in range(0, len(data) - 2, max(1, len(data) // 97)):
        with pytest.raises((errors.MalformedBundleError, errors.MissingSignatureError)):
            verify_bundle(data[:cut], trust_of(pub))


def test_malformed_signature_entries_are_refused(signing_key):
    key, pub = signing_key
    doc = json.loads(sign(make_signed(), key))
    doc["signatures"][0]["sig"] = "not base64!!"
    with pytest.raises(errors.BadSignatureError):
        verify_bundle(canonical_bytes(doc), trust_of(pub))
    doc["signatures"] = ["just a string"]
    with pytest.raises(errors.MalformedBundleError):
        verify_bundle(canonical_bytes(doc), trust_of(pub))


def test_expired_list_is_refused_for_install():
    header = parse_header(make_signed(issued=datetime.now(UTC) - timedelta(days=40), days=30))
    with pytest.raises(errors.ExpiredError):
        check_not_expired(header, datetime.now(UTC))
    check_not_expired(parse_header(make_signed()), datetime.now(UTC))


def test_list_times_are_datetimes_own_and_expire_at_their_second():
    """The list model reads its times with kefuguard/plain_datetime.py's classes: datetime's own."""
    issued = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)  # dated in the future
    header = parse_header(make_signed(issued=issued, days=30))
    assert type(header.issued) is datetime and header.issued == issued and header.issued.tzinfo is UTC
    assert header.expires == issued + timedelta(days=30)
    check_not_expired(header, datetime.now(UTC))  # not yet issued: not stale either
    assert not header.is_stale(header.expires - timedelta(microseconds=1))
    assert header.is_stale(header.expires)  # at its expiry second: stale
    with pytest.raises(errors.ExpiredError):
        check_not_expired(header, header.expires)


def test_rollback_to_lower_version_is_refused():
    header = parse_header(make_signed(version=3))
    with pytest.raises(errors.RollbackError):
        check_not_rollback(header, "d3", seen_version=4, seen_digest="d4")
    check_not_rollback(header, "d3", seen_version=2, seen_digest="d2")
    check_not_rollback(header, "d3", seen_version=None, seen_digest=None)


def test_same_version_with_different_content_is_refused():
    header = parse_header(make_signed(version=4))
    with pytest.raises(errors.VersionConflictError):
        check_not_rollback(header, "other", seen_version=4, seen_digest="seen")
    check_not_rollback(header, "seen", seen_version=4, seen_digest="seen")


def test_canonical_json_is_sorted_compact_utf8():
    assert canonical_bytes({"b": 1, "a": ["淘宝", 2]}) == '{"a":["淘宝",2],"b":1}'.encode()
    with pytest.raises(errors.MalformedBundleError):
        canonical_bytes({"x": float("nan")})
    with pytest.raises(errors.MalformedBundleError):
        canonical_bytes({"x": "\ud800"})
    assert parse_strict(b'{"a": 1}') == {"a": 1}


def test_oversized_bundle_is_refused_before_parsing(signing_key, monkeypatch):
    from kefuguard.lists import verify

    _, pub = signing_key
    monkeypatch.setattr(verify, "MAX_BUNDLE_BYTES", 100)
    with pytest.raises(errors.TooLargeError):
        verify_bundle(b"{" + b" " * 200 + b"}", trust_of(pub))
