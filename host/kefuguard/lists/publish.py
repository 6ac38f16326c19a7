"""Publisher side: Ed25519 key pairs and signing. Clients never need this module."""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Any

from kefuguard.errors import ListError
from kefuguard.lists.canonical import canonical_bytes
from kefuguard.lists.trust import keyid_of


def generate_key(out_dir: Path, passphrase: bytes | None = None) -> tuple[str, Path, Path]:
    """Write <keyid>.key (PKCS#8 PEM, mode 0600) and <keyid>.pub (hex). Returns (keyid, key, pub)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    public_hex = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()
    keyid = keyid_of(public_hex)
    encryption = serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    out_dir.mkdir(parents=True, exist_ok=True)
    key_path, pub_path = out_dir / f"{keyid}.key", out_dir / f"{keyid}.pub"
    # O_EXCL with 0600 from the start: the private key is never readable by others, not even briefly
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    pub_path.write_text(public_hex + "\n", "ascii")
    return keyid, key_path, pub_path


def load_private_key(path: Path, passphrase: bytes | None = None) -> Any:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=passphrase)
    except (ValueError, TypeError) as e:
        raise ListError(f"{path}: not a usable private key ({e})", code="key.unreadable") from e
    if not isinstance(key, Ed25519PrivateKey):
        raise ListError(f"{path}: not an Ed25519 key", code="key.wrong_type")
    return key


def public_hex_of(private_key: Any) -> str:
    from cryptography.hazmat.primitives import serialization

    return private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def sign_signed(signed: dict[str, Any], private_keys: list[Any]) -> dict[str, Any]:
    payload = canonical_bytes(signed)
    signatures = [
        {"keyid": keyid_of(public_hex_of(k)), "sig": base64.b64encode(k.sign(payload)).decode("ascii")}
        for k in private_keys
    ]
    return {"signed": signed, "signatures": signatures}


def bundle_bytes(bundle: dict[str, Any]) -> bytes:
    return canonical_bytes(bundle) + b"\n"
