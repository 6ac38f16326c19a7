"""Can the browser install our extension from where the machine policy says? For a self-hosted
rollout (an update URL that is not a store's): the update manifest answers, names our id, and the
package it names is a CRX Chromium would install as our id.

The browser itself says little when this fails: the extension is simply missing (chrome://policy
shows the policy as valid; only a verbose browser log says "Failed to fetch manifest" or
"Expected ID ..., but ID was ..."). So doctor fetches what the browser would, once, with a timeout.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from kefuguard.errors import KefuguardError
from kefuguard.install.crx import CrxError, read_identity

# the stores' update services: packages there are the stores' business, not checked
STORE_UPDATE_HOSTS = ("clients2.google.com", "edge.microsoft.com")
MAX_MANIFEST_BYTES = 1 << 20
MAX_PACKAGE_BYTES = 64 << 20
_NS = "{http://www.google.com/update2/response}"


@dataclass(frozen=True)
class SourceProblem:
    code: str
    message: str
    fix: str


def is_store(update_url: str) -> bool:
    return urllib.parse.urlsplit(update_url).hostname in STORE_UPDATE_HOSTS


def is_fetched(update_url: str) -> bool:
    """A self-hosted http(s) source doctor fetches (a store's, or another scheme, is left alone)."""
    return urllib.parse.urlsplit(update_url).scheme in ("http", "https") and not is_store(update_url)


def _get(url: str, limit: int, timeout: float) -> bytes:
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise KefuguardError(f"{url} is not an http(s) address", code="policy.update_unreachable")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as reply:  # noqa: S310 - http(s) only, checked above
            data: bytes = reply.read(limit + 1)
    except urllib.error.HTTPError as e:
        raise KefuguardError(f"{url} answers HTTP {e.code}", code="policy.update_unreachable") from e
    except (urllib.error.URLError, OSError, ValueError) as e:
        reason = getattr(e, "reason", e)
        raise KefuguardError(f"{url} cannot be reached ({reason})", code="policy.update_unreachable") from e
    if len(data) > limit:
        raise KefuguardError(f"{url} sent more than {limit:,} bytes", code="policy.update_unreachable")
    return data


def _codebase(manifest: bytes, ext_id: str) -> str | None:
    """The package address the update manifest gives for `ext_id` (None: it does not name the id)."""
    root = ET.fromstring(manifest)  # noqa: S314 - a small document from the organisation's own server
    for app in root.iter():
        if app.tag in ("app", _NS + "app") and app.get("appid") == ext_id:
            for check in app:
                if check.tag in ("updatecheck", _NS + "updatecheck") and check.get("codebase"):
                    return check.get("codebase")
    return None


def check_update_source(update_url: str, ext_id: str, browser: str, timeout: float = 15.0) -> list[SourceProblem]:
    """What keeps `browser` from installing `ext_id` from `update_url` (empty: nothing found)."""
    if not is_fetched(update_url):
        return []
    fix_url = f"make {update_url} answer with the update.xml scripts/package-extension wrote, or correct the policy"
    try:
        manifest = _get(update_url, MAX_MANIFEST_BYTES, timeout)
    except KefuguardError as e:
        return [SourceProblem(e.code, f"{browser} cannot install the extension: {e.message}", fix_url)]
    try:
        codebase = _codebase(manifest, ext_id)
    except ET.ParseError as e:
        return [SourceProblem("policy.update_manifest", f"{update_url} is not an update manifest ({e})", fix_url)]
    if codebase is None:
        return [
            SourceProblem(
                "policy.update_manifest",
                f"{update_url} names no package for the extension id {ext_id}: {browser} installs nothing",
                fix_url,
            )
        ]
    fix_crx = (
        f"serve at {codebase} the CRX scripts/package-extension signed with the extension key "
        f"(id {ext_id}), and its update.xml"
    )
    try:
        identity = read_identity(_get(codebase, MAX_PACKAGE_BYTES, timeout))
    except KefuguardError as e:
        code = e.code if isinstance(e, CrxError) else "policy.update_unreachable"
        return [SourceProblem(code, f"{browser} cannot install the extension: {e.message} ({codebase})", fix_crx)]
    if identity.declared_id == ext_id and identity.installs_as is None:
        return [
            SourceProblem(
                "policy.crx_bad_signature",
                f"the package at {codebase} names the id {ext_id} but no signature by that id's key "
                f"verifies: {browser} refuses it",
                fix_crx,
            )
        ]
    if identity.installs_as != ext_id:
        signed_for = identity.installs_as or identity.declared_id or "no id"
        return [
            SourceProblem(
                "policy.crx_wrong_key",
                f"the package at {codebase} is signed for the extension id {signed_for}, not {ext_id}: "
                f'{browser} refuses it (its log: Expected ID "{ext_id}", but ID was "{signed_for}")',
                fix_crx,
            )
        ]
    return []
