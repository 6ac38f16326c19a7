"""scripts/package-extension: the store zip, a CRX3 that verifies with the extension key and
carries the pinned id, the XPI and update.xml; a key that gives another id writes nothing."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from tests.conftest import REPO

SCRIPT = REPO / "scripts" / "package-extension"


def _key(path: Path) -> rsa.RSAPrivateKey:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    path.write_bytes(pem)
    return key


def _der(key: rsa.RSAPrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def _id(der: bytes) -> str:
    return "".join(chr(ord("a") + int(c, 16)) for c in hashlib.sha256(der).hexdigest()[:32])


@pytest.fixture
def source(tmp_path):
    """A copy of extension/ whose manifest pins a throwaway key (the real one stays out of tests)."""
    src = tmp_path / "extension"
    shutil.copytree(REPO / "extension", src)
    key = _key(tmp_path / "extension-key.pem")
    manifest = json.loads((src / "manifest.json").read_text())
    manifest["key"] = base64.b64encode(_der(key)).decode()
    (src / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return src, key, manifest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120)


def _fields(data: bytes) -> list[tuple[int, bytes]]:
    """Length-delimited protobuf fields (all CRX3 header fields are)."""
    out, i = [], 0
    while i < len(data):
        tag, i = _varint(data, i)
        assert tag & 7 == 2, "only length-delimited fields expected"
        n, i = _varint(data, i)
        out.append((tag >> 3, data[i : i + n]))
        i += n
    return out


def _varint(data: bytes, i: int) -> tuple[int, int]:
    shift = value = 0
    while True:
        b = data[i]
        i += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return value, i


def test_packages_verify_and_carry_the_pinned_id(source, tmp_path):
    src, key, manifest = source
    out = tmp_path / "dist"
    proc = run("--key", str(tmp_path / "extension-key.pem"), "--source", str(src), "--out", str(out),
               "--codebase-url", "https://updates.example.com/kefuguard.crx")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    version, ext_id = manifest["version"], _id(_der(key))
    assert ext_id in proc.stdout

    crx = (out / f"kefuguard-{version}.crx").read_bytes()
    assert crx[:4] == b"Cr24"
    crx_version, header_len = struct.unpack("<II", crx[4:12])
    header, payload = crx[12 : 12 + header_len], crx[12 + header_len :]
    assert crx_version == 3
    fields = dict(_fields(header))
    proof = dict(_fields(fields[2]))
    signed_header_data = fields[10000]
    assert dict(_fields(signed_header_data))[1] == hashlib.sha256(proof[1]).digest()[:16]
    assert proof[1] == _der(key)
    signed = b"CRX3 SignedData\x00" + struct.pack("<I", len(signed_header_data)) + signed_header_data + payload
    key.public_key().verify(proof[2], signed, padding.PKCS1v15(), hashes.SHA256())  # raises if it does not verify

    with zipfile.ZipFile(io.BytesIO(payload)) as z:
        assert json.loads(z.read("manifest.json"))["key"] == manifest["key"]
        assert set(z.namelist()) == {p.relative_to(src).as_posix() for p in src.rglob("*") if p.is_file()}
    for name in (f"kefuguard-{version}-store.zip", f"kefuguard-{version}.xpi"):
        with zipfile.ZipFile(out / name) as z:
            assert "key" not in json.loads(z.read("manifest.json"))  # the stores refuse it
    xml = (out / "update.xml").read_text()
    assert f'appid="{ext_id}"' in xml and "https://updates.example.com/kefuguard.crx" in xml
    assert f'version="{version}"' in xml
    for path in out.iterdir():
        assert b"PRIVATE KEY" not in path.read_bytes()  # nothing private in what is published
    sums = (out / "SHA256SUMS").read_text().splitlines()
    assert f"{hashlib.sha256(crx).hexdigest()}  kefuguard-{version}.crx" in sums

    again = tmp_path / "again"
    assert run("--key", str(tmp_path / "extension-key.pem"), "--source", str(src), "--out", str(again)).returncode == 0
    for name in (f"kefuguard-{version}.crx", f"kefuguard-{version}-store.zip"):
        assert (again / name).read_bytes() == (out / name).read_bytes()  # reproducible


def test_a_key_that_gives_another_id_writes_nothing(source, tmp_path):
    src, _, _ = source
    _key(tmp_path / "other.pem")
    out = tmp_path / "dist"
    proc = run("--key", str(tmp_path / "other.pem"), "--source", str(src), "--out", str(out))
    assert proc.returncode == 1 and "pins" in proc.stderr and "nothing written" in proc.stderr
    assert not out.exists()


def test_the_real_manifest_pins_the_documented_id():
    manifest = json.loads((REPO / "extension" / "manifest.json").read_text())
    documented = (REPO / "docs" / "extension.md").read_text()
    assert _id(base64.b64decode(manifest["key"])) in documented
