"""Extension ids: from the pinned key, from --extension-id, and in step with the extension."""

from __future__ import annotations

import base64
import json

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from kefuguard.install import FIREFOX_EXTENSION_ID, InstallError
from kefuguard.install.extension_ids import (
    CHROMIUM_ID,
    KNOWN_CHROMIUM_IDS,
    chromium_id_from_key,
    pinned_ids,
    resolve_ids,
)
from tests.conftest import REPO

A, B = "a" * 32, "abcdefghijklmnopabcdefghijklmnop"


def public_key_b64() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    der = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(der).decode()


def test_id_from_key_is_32_letters_a_to_p_and_stable():
    key = public_key_b64()
    assert CHROMIUM_ID.match(chromium_id_from_key(key))
    assert chromium_id_from_key(key) == chromium_id_from_key(key)
    with pytest.raises(InstallError):
        chromium_id_from_key("not base64!")


def test_ids_are_sorted_to_their_browser_family_by_shape():
    ids = resolve_ids(
        [A, f"chrome-extension://{B}/", "dev@example.org", "{12345678-1234-1234-1234-123456789abc}"], None
    )
    assert ids.chromium == (*KNOWN_CHROMIUM_IDS, A, B)
    assert ids.firefox == (FIREFOX_EXTENSION_ID, "dev@example.org", "{12345678-1234-1234-1234-123456789abc}")
    assert ids.origins[-1] == f"chrome-extension://{B}/"


@pytest.mark.parametrize(
    "bad", ["", "ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP", "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq", "a" * 31, "*"]
)
def test_something_that_is_no_extension_id_is_refused(bad):
    with pytest.raises(InstallError) as e:
        resolve_ids([bad], None)
    assert e.value.code == "install.bad_extension_id"


def test_pinned_key_and_gecko_id_are_read_from_the_extension_manifest(tmp_path):
    key = public_key_b64()
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"key": key, "browser_specific_settings": {"gecko": {"id": "other@example.org"}}}))
    assert pinned_ids(manifest) == (chromium_id_from_key(key), "other@example.org")
    ids = resolve_ids([], manifest)
    assert chromium_id_from_key(key) in ids.chromium and ids.firefox == (FIREFOX_EXTENSION_ID, "other@example.org")
    assert pinned_ids(tmp_path / "absent.json") == (None, None)


def test_known_ids_include_the_extensions_pinned_id():
    """Installs from pip have no source tree: the pinned id must also be in KNOWN_CHROMIUM_IDS."""
    manifest = REPO / "extension" / "manifest.json"
    if not manifest.is_file():
        pytest.skip("extension/manifest.json does not exist yet")
    chromium, gecko = pinned_ids(manifest)
    if chromium is None:
        pytest.skip("extension/manifest.json has no pinned key yet")
    assert chromium in KNOWN_CHROMIUM_IDS, (
        f"add {chromium!r} to KNOWN_CHROMIUM_IDS in host/kefuguard/install/extension_ids.py"
    )
    assert gecko in (None, FIREFOX_EXTENSION_ID), "the extension's Firefox id changed: update FIREFOX_EXTENSION_ID"
