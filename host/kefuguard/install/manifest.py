"""The host manifest: built in one place, checked in one place (doctor uses the same rules).

The templates in manifests/host/ are this function's output with placeholders; a test keeps
them equal.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

from kefuguard.install import HOST_DESCRIPTION, HOST_NAME
from kefuguard.install.browsers import CHROMIUM
from kefuguard.install.extension_ids import ORIGIN, ExtensionIds, origin_of


def build_manifest(family: str, launcher: str, ids: ExtensionIds) -> dict[str, Any]:
    doc: dict[str, Any] = {"name": HOST_NAME, "description": HOST_DESCRIPTION, "path": launcher, "type": "stdio"}
    if family == CHROMIUM:
        doc["allowed_origins"] = ids.origins
    else:
        doc["allowed_extensions"] = list(ids.firefox)
    return doc


def manifest_bytes(doc: dict[str, Any]) -> bytes:
    """UTF-8 without a byte-order mark (Chrome on Windows refuses one)."""
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


@dataclass(frozen=True)
class ManifestIssue:
    code: str
    message: str


def check_manifest(doc: Any, family: str, windows: bool = False) -> list[ManifestIssue]:
    """Field-level problems that would make the browser refuse or misroute this manifest."""
    if not isinstance(doc, dict):
        return [ManifestIssue("manifest.not_object", "the manifest is not a JSON object")]
    issues: list[ManifestIssue] = []
    if doc.get("name") != HOST_NAME:
        issues.append(ManifestIssue("manifest.wrong_name", f"name is {doc.get('name')!r}, expected {HOST_NAME!r}"))
    if doc.get("type") != "stdio":
        issues.append(ManifestIssue("manifest.wrong_type", f"type is {doc.get('type')!r}, expected 'stdio'"))
    if not isinstance(doc.get("description"), str):
        issues.append(ManifestIssue("manifest.no_description", "description is missing"))
    path = doc.get("path")
    if not isinstance(path, str) or not path:
        issues.append(ManifestIssue("manifest.no_path", "path is missing"))
    elif not windows and not os.path.isabs(path):
        issues.append(ManifestIssue("launcher.not_absolute", f"path {path!r} is not absolute"))
    if family == CHROMIUM:
        origins = doc.get("allowed_origins")
        if not isinstance(origins, list) or not origins:
            issues.append(ManifestIssue("origin.none", "allowed_origins is missing or empty"))
        else:
            for o in origins:
                if not isinstance(o, str) or not ORIGIN.match(o):
                    issues.append(
                        ManifestIssue(
                            "origin.malformed", f"{o!r} is not chrome-extension://<32 letters a-p>/ (no wildcards)"
                        )
                    )
    else:
        ext = doc.get("allowed_extensions")
        if not isinstance(ext, list) or not ext or not all(isinstance(e, str) for e in ext):
            issues.append(ManifestIssue("origin.none", "allowed_extensions is missing or empty"))
    return issues


def missing_ids(doc: dict[str, Any], family: str, ids: ExtensionIds) -> list[str]:
    """Expected ids the manifest does not let in (as the manifest would spell them)."""
    if family == CHROMIUM:
        allowed = doc.get("allowed_origins") or []
        return [origin_of(i) for i in ids.chromium if origin_of(i) not in allowed]
    allowed = doc.get("allowed_extensions") or []
    return [i for i in ids.firefox if i not in allowed]
