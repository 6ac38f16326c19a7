"""Which extension a CRX3 package is, as Chromium decides it: the id in its signed header, and
whether a signature by the key with that id verifies (components/crx_file/crx3.proto).

Chromium installs a CRX for an id only when the package's id is that id and a key proof whose
public key gives that id verifies; anything else it refuses ("Expected ID ..., but ID was ...").
`kefuguard doctor` reads the package a policy's update manifest names with this, so an
administrator learns that a package was signed with another key before the fleet silently lacks
the extension.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass

from kefuguard.errors import KefuguardError

MAGIC = b"Cr24"
SIGNED_DATA_PREFIX = b"CRX3 SignedData\x00"
# CrxFileHeader fields: sha256_with_rsa = 2, sha256_with_ecdsa = 3, signed_header_data = 10000;
# AsymmetricKeyProof: public_key = 1, signature = 2; SignedData: crx_id = 1
RSA_PROOF, ECDSA_PROOF, SIGNED_HEADER = 2, 3, 10000


class CrxError(KefuguardError):
    """Not a CRX3 package Chromium could read."""

    code = "crx.malformed"


@dataclass(frozen=True)
class CrxIdentity:
    declared_id: str  # the id in the signed header ("" when it has none)
    verified_ids: frozenset[str]  # ids of the keys whose signature over the package verifies

    @property
    def installs_as(self) -> str | None:
        """The id Chromium installs this package as, or None when it refuses it."""
        return self.declared_id if self.declared_id in self.verified_ids else None


def extension_id(public_key_der: bytes) -> str:
    """Chromium's id: the first 16 bytes of SHA-256(public key DER), hex digits 0-f as a-p."""
    return _id_of(hashlib.sha256(public_key_der).digest()[:16])


def _id_of(raw: bytes) -> str:
    return "".join(chr(ord("a") + int(c, 16)) for c in raw.hex())


def _varint(data: bytes, i: int) -> tuple[int, int]:
    value, shift = 0, 0
    while True:
        if i >= len(data) or shift > 63:
            raise CrxError("the CRX header is cut short")
        byte = data[i]
        value |= (byte & 0x7F) << shift
        i += 1
        if not byte & 0x80:
            return value, i
        shift += 7


def _fields(data: bytes) -> list[tuple[int, bytes]]:
    """The length-delimited fields of a protobuf message (others are skipped)."""
    out: list[tuple[int, bytes]] = []
    i = 0
    while i < len(data):
        key, i = _varint(data, i)
        number, wire = key >> 3, key & 7
        if wire == 2:
            size, i = _varint(data, i)
            if i + size > len(data):
                raise CrxError("the CRX header is cut short")
            out.append((number, data[i : i + size]))
            i += size
        elif wire == 0:
            _, i = _varint(data, i)
        elif wire in (1, 5):
            i += 8 if wire == 1 else 4
        else:
            raise CrxError(f"the CRX header has a field of wire type {wire}")
    return out


def read_identity(package: bytes) -> CrxIdentity:
    if package[:4] != MAGIC or len(package) < 12:
        raise CrxError("not a CRX package (no Cr24 magic)")
    version, header_size = struct.unpack("<II", package[4:12])
    if version != 3:
        raise CrxError(f"a CRX{version} package: Chromium installs CRX3 only", code="crx.version")
    header = package[12 : 12 + header_size]
    if len(header) != header_size:
        raise CrxError("the CRX header is cut short")
    archive = package[12 + header_size :]
    fields = _fields(header)
    signed_header = next((payload for number, payload in fields if number == SIGNED_HEADER), b"")
    raw_id = next((payload for number, payload in _fields(signed_header) if number == 1), b"")
    signed = SIGNED_DATA_PREFIX + struct.pack("<I", len(signed_header)) + signed_header + archive
    verified = set()
    for number, proof in fields:
        if number not in (RSA_PROOF, ECDSA_PROOF):
            continue
        parts = dict(_fields(proof))
        key, signature = parts.get(1, b""), parts.get(2, b"")
        if key and signature and _verifies(key, signature, signed, rsa=number == RSA_PROOF):
            verified.add(extension_id(key))
    return CrxIdentity(_id_of(raw_id) if len(raw_id) == 16 else "", frozenset(verified))


def _verifies(public_key_der: bytes, signature: bytes, signed: bytes, *, rsa: bool) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, padding
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

    try:
        key = serialization.load_der_public_key(public_key_der)
        if rsa and isinstance(key, RSAPublicKey):
            key.verify(signature, signed, padding.PKCS1v15(), hashes.SHA256())
        elif not rsa and isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, signed, ec.ECDSA(hashes.SHA256()))
        else:
            return False
    except (InvalidSignature, ValueError):
        return False
    return True
