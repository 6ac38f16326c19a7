"""Every file in manifests/ is well-formed, names our host and extension, and matches the managed schema."""

from __future__ import annotations

import json
import plistlib
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from kefuguard.config import load_settings
from kefuguard.install import FIREFOX_EXTENSION_ID, HOST_NAME
from kefuguard.install.browsers import CHROMIUM, FIREFOX
from kefuguard.install.extension_ids import ExtensionIds
from kefuguard.install.manifest import build_manifest, check_manifest, manifest_bytes
from kefuguard.paths import Places
from tests.conftest import REPO

MANIFESTS = REPO / "manifests"
POLICIES = MANIFESTS / "policies"
SCHEMA = REPO / "extension" / "managed_schema.json"
CHROME_ID, EDGE_ID = "abcdefghijklmnopabcdefghijklmnop", "ponmlkjihgfedcbaponmlkjihgfedcba"
VALUES = {
    "@CHROMIUM_EXTENSION_ID@": CHROME_ID,
    "@EDGE_EXTENSION_ID@": EDGE_ID,
    "@UPDATE_URL@": "https://it.example.com/kefuguard/updates.xml",
    "@FIREFOX_INSTALL_URL@": "https://it.example.com/kefuguard/kefuguard.xpi",
    "@LAUNCHER_PATH@": "/opt/kefu guard/kefuguard-host",
    "@UUID_1@": "5F0F4E4C-0000-4000-8000-000000000001",
    "@UUID_2@": "5F0F4E4C-0000-4000-8000-000000000002",
    "@UUID_3@": "5F0F4E4C-0000-4000-8000-000000000003",
    "@TRUST_KEY@": "a" * 64,
    "@SUPPLEMENTARY_KEY@": "b" * 64,
}


def filled(path: Path) -> str:
    text = path.read_bytes().decode("utf-8")  # as is: .reg files keep their CRLF
    for k, v in VALUES.items():
        text = text.replace(k, v)
    left = re.findall(r"@[A-Z0-9_]+@", text)
    assert not left, f"{path.name}: unknown placeholders {left} (document them in manifests/README.md)"
    return text


def example() -> dict[str, Any]:
    return json.loads((POLICIES / "managed-storage.example.json").read_text("utf-8"))


def schema_errors(value: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    """The part of JSON Schema that Chrome's managed_schema uses: type, properties, items, enum.
    Unknown properties count as errors: Chrome would drop them and IT would wonder why."""
    kinds = {"object": dict, "array": list, "string": str, "boolean": bool, "integer": int, "number": (int, float)}
    kind = schema.get("type")
    if kind and (not isinstance(value, kinds[kind]) or (kind in ("integer", "number") and isinstance(value, bool))):
        return [f"{where}: expected {kind}, got {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{where}: {value!r} not one of {schema['enum']}"]
    errors: list[str] = []
    if kind == "object":
        props = schema.get("properties", {})
        for k, v in value.items():
            if k not in props:
                errors.append(f"{where}.{k}: not in the schema")
            else:
                errors.extend(schema_errors(v, props[k], f"{where}.{k}"))
    if kind == "array":
        for i, item in enumerate(value):
            errors.extend(schema_errors(item, schema.get("items", {}), f"{where}[{i}]"))
    return errors


# --- host manifests -----------------------------------------------------------------------


@pytest.mark.parametrize("family", [CHROMIUM, FIREFOX])
def test_host_manifest_templates_are_what_install_writes(family):
    template = MANIFESTS / "host" / f"{HOST_NAME}.{family}.json"
    ids = ExtensionIds(chromium=(CHROME_ID,), firefox=(FIREFOX_EXTENSION_ID,))
    built = build_manifest(family, VALUES["@LAUNCHER_PATH@"], ids)
    assert json.loads(filled(template)) == built
    assert filled(template).encode() == manifest_bytes(built)
    assert check_manifest(built, family) == []


# --- the extension's managed settings -------------------------------------------------------


def test_managed_storage_example_matches_the_extensions_schema():
    if not SCHEMA.is_file():
        pytest.skip("extension/managed_schema.json does not exist yet (expected keys: docs/install.md)")
    schema = json.loads(SCHEMA.read_text("utf-8"))
    assert schema_errors(example(), schema) == []
    assert set(example()) == set(schema["properties"]), "show every managed setting in the example"


def test_managed_storage_keys_are_documented():
    doc = (REPO / "docs" / "install.md").read_text("utf-8")
    for key in example():
        assert f"`{key}`" in doc, f"docs/install.md does not describe managed setting {key}"


# --- Chrome, Chromium and Edge --------------------------------------------------------------


@pytest.mark.parametrize("name, ext_id", [("chrome-linux.json", CHROME_ID), ("edge-linux.json", EDGE_ID)])
def test_linux_policy_json_force_installs_allows_the_host_and_sets_managed_storage(name, ext_id):
    policy = json.loads(filled(POLICIES / name))
    setting = policy["ExtensionSettings"][ext_id]
    assert setting["installation_mode"] == "force_installed"
    assert setting["update_url"] == VALUES["@UPDATE_URL@"]
    assert policy["NativeMessagingAllowlist"] == [HOST_NAME]
    assert policy["3rdparty"]["extensions"] == {ext_id: example()}


def parse_reg(text: str) -> dict[str, dict[str, Any]]:
    """A .reg file as {key: {value name: str or int}}; fails on any line it does not understand."""
    lines = text.split("\r\n")
    assert lines[0] == "Windows Registry Editor Version 5.00"
    keys: dict[str, dict[str, Any]] = {}
    current: dict[str, Any] | None = None
    for line in lines[1:]:
        if not line or line.startswith(";"):
            continue
        if m := re.fullmatch(r"\[(HKEY_[A-Z_]+\\[^\]]+)\]", line):
            current = keys.setdefault(m.group(1), {})
        elif m := re.fullmatch(r'"([^"]+)"="((?:[^"\\]|\\.)*)"', line):
            assert current is not None
            current[m.group(1)] = re.sub(r"\\(.)", r"\1", m.group(2))
        elif m := re.fullmatch(r'"([^"]+)"=dword:([0-9a-f]{8})', line):
            assert current is not None
            current[m.group(1)] = int(m.group(2), 16)
        else:
            raise AssertionError(f"not a .reg line: {line!r}")
    return keys


def from_registry(keys: dict[str, dict[str, Any]], base: str, schema: dict[str, Any]) -> Any:
    """Chrome's reading of policy from the registry: objects and lists as subkeys, list items 1, 2, ...;
    booleans as DWORDs."""
    here = keys.get(base, {})
    kind = schema.get("type")
    if kind == "object":
        out = {}
        for name, sub in schema.get("properties", {}).items():
            if f"{base}\\{name}" in keys:
                out[name] = from_registry(keys, f"{base}\\{name}", sub)
            elif name in here:
                out[name] = bool(here[name]) if sub.get("type") == "boolean" else here[name]
        unknown = set(here) - set(schema.get("properties", {}))
        assert not unknown, f"{base}: values not in the schema: {unknown}"
        return out
    assert kind == "array"
    items, i = [], 1
    while True:
        if f"{base}\\{i}" in keys:
            items.append(from_registry(keys, f"{base}\\{i}", schema["items"]))
        elif str(i) in here:
            items.append(here[str(i)])
        else:
            return items
        i += 1


@pytest.mark.parametrize(
    "name, vendor, ext_id",
    [("chrome-windows.reg", r"Google\Chrome", CHROME_ID), ("edge-windows.reg", r"Microsoft\Edge", EDGE_ID)],
)
def test_windows_reg_file_force_installs_allows_the_host_and_sets_managed_storage(name, vendor, ext_id):
    raw = (POLICIES / name).read_bytes()
    assert raw.decode("ascii")  # regedit reads plain ASCII .reg files as well as UTF-16
    keys = parse_reg(filled(POLICIES / name))
    root = rf"HKEY_LOCAL_MACHINE\SOFTWARE\Policies\{vendor}"
    assert keys[rf"{root}\ExtensionInstallForcelist"] == {"1": f"{ext_id};{VALUES['@UPDATE_URL@']}"}
    assert keys[rf"{root}\NativeMessagingAllowlist"] == {"1": HOST_NAME}
    if SCHEMA.is_file():
        schema = json.loads(SCHEMA.read_text("utf-8"))
        assert from_registry(keys, rf"{root}\3rdparty\extensions\{ext_id}\policy", schema) == example()
    assert all(k.startswith(root) for k in keys), "writes outside the browser's policy key"


def test_macos_profile_carries_chrome_policies_and_the_extensions_settings():
    profile = plistlib.loads(filled(POLICIES / "chrome-macos.mobileconfig").encode("utf-8"))
    assert profile["PayloadType"] == "Configuration"
    payloads = {p["PayloadType"]: p for p in profile["PayloadContent"]}
    chrome = payloads["com.google.Chrome"]
    assert chrome["ExtensionSettings"][CHROME_ID]["installation_mode"] == "force_installed"
    assert chrome["NativeMessagingAllowlist"] == [HOST_NAME]
    storage = payloads[f"com.google.Chrome.extensions.{CHROME_ID}"]
    assert {k: v for k, v in storage.items() if not k.startswith("Payload")} == example()
    uuids = [p["PayloadUUID"] for p in (profile, *profile["PayloadContent"])]
    assert len(set(uuids)) == len(uuids)


# --- Firefox ---------------------------------------------------------------------------------


def test_firefox_policies_force_install_and_set_managed_storage():
    policies = json.loads(filled(POLICIES / "firefox-policies.json"))["policies"]
    setting = policies["ExtensionSettings"][FIREFOX_EXTENSION_ID]
    assert setting == {"installation_mode": "force_installed", "install_url": VALUES["@FIREFOX_INSTALL_URL@"]}
    assert policies["3rdparty"]["Extensions"] == {FIREFOX_EXTENSION_ID: example()}


# --- the host's own managed config -----------------------------------------------------------


def test_managed_toml_template_parses_without_problems_and_locks_what_it_sets(tmp_path):
    managed = tmp_path / "managed.toml"
    managed.write_text(filled(POLICIES / "kefuguard-managed.toml"))
    tomllib.loads(managed.read_text())
    places = Places.from_environment({"KEFUGUARD_HOME": str(tmp_path / "h"), "KEFUGUARD_MANAGED_CONFIG": str(managed)})
    settings = load_settings(places)
    assert settings.problems == ()
    assert settings.update_urls[0] == "https://it.example.com/kefuguard/channels.json"
    assert settings.trust_keys == ("a" * 64,) and settings.supplementary[0].keys == ("b" * 64,)
    assert {"update.urls", "trust.keys", "supplementary"} <= settings.managed
    assert {"update.urls", "trust.keys"} <= settings.locked
