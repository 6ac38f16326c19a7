"""The extension asks for the permissions it uses, no more: the manifest against docs/extension.md."""

from __future__ import annotations

import json
import re

from tests.conftest import REPO

MANIFEST = json.loads((REPO / "extension" / "manifest.json").read_text(encoding="utf-8"))


def documented_permissions() -> set[str]:
    doc = (REPO / "docs" / "extension.md").read_text(encoding="utf-8")
    section = doc.split("## Permissions", 1)[1].split("\n## ", 1)[0]
    table = [line for line in section.splitlines() if line.startswith("| ") and "`" in line.split("|")[1]]
    return {name for line in table for name in re.findall(r"`([^`]+)`", line.split("|")[1])}


def test_the_manifest_asks_for_exactly_the_documented_permissions():
    asked = set(MANIFEST["permissions"]) | set(MANIFEST["host_permissions"])
    assert asked == documented_permissions()
    assert asked == {"nativeMessaging", "storage", "downloads", "http://*/*", "https://*/*", "<all_urls>"}
    assert "optional_permissions" not in MANIFEST and "optional_host_permissions" not in MANIFEST


def test_content_scripts_run_only_where_the_host_permissions_reach():
    for script in MANIFEST["content_scripts"]:
        assert set(script["matches"]) <= set(MANIFEST["host_permissions"])
