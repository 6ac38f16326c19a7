"""verify_bundle: bytes in, a verified list out, or a specific ListError. No I/O."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime

from kefuguard.errors import (
    BadSignatureError,
    ExpiredError,
    MalformedBundleError,
    MissingSignatureError,
    ThresholdNotMetError,
    TooLargeError,
    UnknownKeyError,
)
from kefuguard.lists.canonical import canonical_bytes, parse_strict
from kefuguard.lists.model import (
    ListHeader,
    ScamEntries,
    check_type_and_spec,
    parse_announced_keys,
    parse_brands,
    parse_header,
    parse_scam,
)
from kefuguard.lists.model import check_not_rollback as check_not_rollback  # its callers import it from here
from kefuguard.lists.trust import TrustedKeys
from kefuguard.value_class import FrozenValue

TYPE_CHECKING = False  # typing is not imported at run time
if TYPE_CHECKING:
    from typing import Any

MAX_BUNDLE_BYTES = 256 * 1024 * 1024


class VerifiedBundle(FrozenValue):
    header: ListHeader
    signed: dict[str, Any]
    digest: str  # sha256 of the canonical signed bytes: same content <=> same digest
    keyids: tuple[str, ...]  # trusted keys whose signatures verified
    # the scam entries as verification parsed them, so compiling does not parse a million again
    scam: ScamEntries | None
    _fields = ("header", "signed", "digest", "keyids", "scam")
    _not_compared = _not_shown = frozenset(("scam",))

    def __init__(
        self,
        header: ListHeader,
        signed: dict[str, Any],
        digest: str,
        keyids: tuple[str, ...],
        scam: ScamEntries | None = None,
    ) -> None:
        self.__dict__.update(header=header, signed=signed, digest=digest, keyids=keyids, scam=scam)


def _verified_keyids(signed_bytes: bytes, signatures: Any, trust: TrustedKeys) -> tuple[str, ...]:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if not isinstance(signatures, list) or not signatures:
        raise MissingSignatureError("the bundle carries no signatures")
    good: list[str] = []
    known_but_bad = 0
    for entry in signatures:
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("keyid"), str)
            or not isinstance(entry.get("sig"), str)
        ):
            raise MalformedBundleError("each signature must be {keyid, sig}")
        keyid = entry["keyid"].strip().lower()
        public_hex = trust.keys.get(keyid)
        if public_hex is None or keyid in good:
            continue  # unknown keys and repeats never count towards the threshold
        try:
            sig = base64.b64decode(entry["sig"], validate=True)
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(sig, signed_bytes)
        except (InvalidSignature, binascii.Error, ValueError):
            known_but_bad += 1
            continue
        good.append(keyid)
    if len(good) >= trust.threshold:
        return tuple(good)
    if known_but_bad:
        raise BadSignatureError("a signature by a trusted key does not match the content: the list was altered")
    if not good:
        raise UnknownKeyError(
            "no signature by a trusted key (keyids: "
            + ", ".join(str(e.get("keyid", "?"))[:16] for e in signatures if isinstance(e, dict))
            + ")"
        )
    raise ThresholdNotMetError(f"{len(good)} trusted signature(s), {trust.threshold} required")


def verify_bundle(data: bytes, trust: TrustedKeys) -> VerifiedBundle:
    """Signature first (so tampering reads as tampering), then type, spec and schema."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise TooLargeError(f"bundle of {len(data)} bytes exceeds {MAX_BUNDLE_BYTES}")
    if not data.strip():
        raise MalformedBundleError("empty bundle")
    doc = parse_strict(data)
    if not isinstance(doc, dict) or not isinstance(doc.get("signed"), dict):
        raise MalformedBundleError("a bundle is an object with 'signed' and 'signatures'")
    if "signatures" not in doc:
        raise MissingSignatureError("the bundle has no 'signatures'")
    signed = doc["signed"]
    signed_bytes = canonical_bytes(signed)
    keyids = _verified_keyids(signed_bytes, doc["signatures"], trust)
    check_type_and_spec(signed)
    header = parse_header(signed)
    parse_brands(signed)  # full schema check now, so an accepted list never fails later
    scam = parse_scam(signed)
    if "keys" in signed:
        parse_announced_keys(signed)
    import hashlib  # here: OpenSSL's start costs a host ~3 ms, and a host verifies only a new list

    return VerifiedBundle(header, signed, hashlib.sha256(signed_bytes).hexdigest(), keyids, scam)


def check_not_expired(header: ListHeader, now: datetime) -> None:
    if header.is_stale(now):
        raise ExpiredError(f"list version {header.version} expired at {header.expires.isoformat()}")
