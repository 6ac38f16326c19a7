"""Which extension ids a host manifest lets in.

Chromium-family browsers: the id is derived from the public key pinned in the extension's
manifest (`key`), so an unpacked copy, a store copy and a policy-installed copy share it. Firefox:
the add-on id in `browser_specific_settings.gecko.id`. Extra ids (an Edge Add-ons store id, a
development build) come from `--extension-id`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from kefuguard.install import FIREFOX_EXTENSION_ID, InstallError

# Ids of published builds, for installs without the source tree (pip/pipx). The pinned id is
# also read from extension/manifest.json when that file is next to the package;
# tests/install/test_extension_ids.py fails when the two drift apart.
KNOWN_CHROMIUM_IDS: tuple[str, ...] = (
    "hkddamnmmkmiballgkedofoimpkjkbgm",  # from the key in extension/manifest.json (rotated 2026-12)
    # the id before the rotation, for one release: extensions built before it still reach the host
    "hapgmehfklbemmkagkpibnhfdklkpcci",
)

CHROMIUM_ID = re.compile(r"^[a-p]{32}$")
GECKO_ID = re.compile(r"^(\{[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\}|[\w.+-]*@[\w.-]+)$")
ORIGIN = re.compile(r"^chrome-extension://([a-p]{32})/$")


def chromium_id_from_key(key_b64: str) -> str:
    """The id Chromium gives an extension with this `key`: SHA-256 of the DER public key, first
    16 bytes as hex, each digit 0-f written as a letter a-p."""
    try:
        der = base64.b64decode(key_b64, validate=True)
    except (binascii.Error, ValueError) as e:
        raise InstallError("the manifest's key is not base64", code="install.bad_key") from e
    return "".join("abcdefghijklmnop"[int(c, 16)] for c in hashlib.sha256(der).hexdigest()[:32])


def origin_of(chromium_id: str) -> str:
    return f"chrome-extension://{chromium_id}/"


@dataclass(frozen=True)
class ExtensionIds:
    chromium: tuple[str, ...]
    firefox: tuple[str, ...]

    @property
    def origins(self) -> list[str]:
        return [origin_of(i) for i in self.chromium]


def pinned_ids(manifest: Path | None) -> tuple[str | None, str | None]:
    """(Chromium id from `key`, Gecko id) of an extension manifest; None where absent."""
    if manifest is None or not manifest.is_file():
        return None, None
    try:
        doc = json.loads(manifest.read_text("utf-8"))
    except (OSError, ValueError) as e:
        raise InstallError(f"{manifest}: cannot read the extension manifest ({e})", code="install.bad_key") from e
    key = doc.get("key") if isinstance(doc, dict) else None
    chromium = chromium_id_from_key(key) if isinstance(key, str) and key else None
    gecko = None
    bss = doc.get("browser_specific_settings") if isinstance(doc, dict) else None
    if isinstance(bss, dict) and isinstance(bss.get("gecko"), dict) and isinstance(bss["gecko"].get("id"), str):
        gecko = bss["gecko"]["id"]
    return chromium, gecko


def resolve_ids(explicit: list[str] | None, extension_manifest: Path | None) -> ExtensionIds:
    """Known ids plus `--extension-id` values, each sorted to its browser family by its shape."""
    chromium: list[str] = list(KNOWN_CHROMIUM_IDS)
    firefox: list[str] = [FIREFOX_EXTENSION_ID]
    pinned_chromium, pinned_gecko = pinned_ids(extension_manifest)
    if pinned_chromium:
        chromium.append(pinned_chromium)
    if pinned_gecko:
        firefox.append(pinned_gecko)
    for raw in explicit or []:
        value = raw.strip()
        m = ORIGIN.match(value)
        if m:
            value = m.group(1)
        if CHROMIUM_ID.match(value):
            chromium.append(value)
        elif GECKO_ID.match(value):
            firefox.append(value)
        else:
            raise InstallError(
                f"{raw!r} is not an extension id: a Chromium id is 32 letters a-p (chrome://extensions shows it), "
                "a Firefox add-on id looks like name@domain or {uuid}",
                code="install.bad_extension_id",
            )
    return ExtensionIds(chromium=tuple(dict.fromkeys(chromium)), firefox=tuple(dict.fromkeys(firefox)))
