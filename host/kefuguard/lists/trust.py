"""Which Ed25519 keys may sign lists, and how many must agree (threshold)."""

from __future__ import annotations

from kefuguard.value_class import FrozenValue

# Public halves of kefu-guard's release keys (docs/releasing.md). The private halves live
# offline with the release manager and never enter the repository.
EMBEDDED_KEYS: tuple[str, ...] = (
    # keyid 653b17a5...: signs every list since 2026-12-03 (the release keys' store holds its private half)
    "83a194c50404901caa900eca9cfd305f09a9000a33adaf790b3792ce8155ab9c",
    # keyid of the first key: its private half was lost; lists it signed still verify
    "2174256838d69397acb54a111040264198b82e5deb9eee6ec5851b59c64112a1",
)
CURRENT_RELEASE_KEYID = "653b17a5f57ac1ffab3178b985c68cbb3ef944282c5f682ce2993d43346b8f01"
# the embedded keys' ids, worked out once (tests/lists/test_trust_keyids.py checks them with keyid_of):
# every host start trusts these keys, and hashlib's import (OpenSSL's start) costs it ~3 ms
EMBEDDED_KEYIDS: dict[str, str] = {
    "83a194c50404901caa900eca9cfd305f09a9000a33adaf790b3792ce8155ab9c": CURRENT_RELEASE_KEYID,
    "2174256838d69397acb54a111040264198b82e5deb9eee6ec5851b59c64112a1": (
        "2166d28a2ada5216df02bcc4af87ac98f41c29048e82f9eb12d203c1d9b882e7"
    ),
}


def keyid_of(public_hex: str) -> str:
    """The key id is the SHA-256 of the raw 32-byte public key, in hex."""
    import hashlib

    return hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()


class TrustedKeys(FrozenValue):
    keys: dict[str, str]  # keyid -> public key hex
    threshold: int
    # keys nobody at user level can change (managed config locked them): then nothing user-writable
    # is believed without a signature check, not even our own compiled index of a verified list
    locked: bool
    _fields = ("keys", "threshold", "locked")

    def __init__(self, keys: dict[str, str], threshold: int = 1, locked: bool = False) -> None:
        self.__dict__.update(keys=keys, threshold=threshold, locked=locked)

    @classmethod
    def of(cls, public_hex_keys: tuple[str, ...] | list[str], threshold: int = 1, locked: bool = False) -> TrustedKeys:
        normalised = dict.fromkeys(k.strip().lower() for k in public_hex_keys)
        keys = {EMBEDDED_KEYIDS.get(k) or keyid_of(k): k for k in normalised}
        return cls(keys=keys, threshold=threshold, locked=locked)

    @classmethod
    def for_main_list(cls, extra_keys: tuple[str, ...] = (), threshold: int = 1, locked: bool = False) -> TrustedKeys:
        return cls.of((*EMBEDDED_KEYS, *extra_keys), threshold, locked)

    def satisfied_by(self, keyids: list[str] | tuple[str, ...]) -> bool:
        """Were enough of these (already verified) key ids ours?"""
        return len({k for k in keyids if k in self.keys}) >= self.threshold
