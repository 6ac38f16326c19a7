"""The embedded keys' ids are written out in lists/trust.py (a host start then needs no hashlib):
they must be what keyid_of gives, and trusting the keys must give the same ids either way."""

from kefuguard.lists.trust import EMBEDDED_KEYIDS, EMBEDDED_KEYS, TrustedKeys, keyid_of


def test_the_written_out_ids_are_the_keys_sha256():
    assert set(EMBEDDED_KEYIDS) == set(EMBEDDED_KEYS)
    for key, keyid in EMBEDDED_KEYIDS.items():
        assert keyid == keyid_of(key)


def test_an_embedded_key_given_in_another_case_or_with_spaces_gets_the_same_id():
    key = EMBEDDED_KEYS[0]
    trusted = TrustedKeys.of([" " + key.upper() + "\n"])
    assert trusted.keys == {keyid_of(key): key}
    assert TrustedKeys.for_main_list().keys == {keyid_of(k): k for k in EMBEDDED_KEYS}
