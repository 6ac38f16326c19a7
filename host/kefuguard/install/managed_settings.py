"""Our extension's managed settings in a browser's machine policy (`3rdparty` -> `extensions` -> our
id), checked against the extension's managed-storage schema the way the browser checks them: a
setting of the wrong type, outside its choices or unknown to the schema is left out of what the
extension sees. The administrator meant something by it, so doctor names each one.

Chromium (seen in Chromium 156) drops a whole top-level setting when any part of it has the wrong
type or is outside its choices (`features` goes when `features.chat_check` is a string; all of
`trusted_domains` when one entry is a number), and drops an unknown key inside an object alone.

`data/managed_schema.json` is a copy of `extension/managed_schema.json` (pip installs have no
extension folder); tests/install/test_managed_settings.py fails when the two drift apart.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
}


@dataclass(frozen=True)
class IgnoredSetting:
    path: str  # 'features.chat_check'
    why: str  # in English, for doctor
    kind: str = "unknown"  # "type", "choice" or "unknown": for the options page's own words
    got: str = ""  # "type": the JSON type found; "choice": the value, as JSON
    wanted: str = ""  # "type": the type the schema wants; "choice": the allowed values
    dropped: str = ""  # what the browser leaves out because of it: the path, or its top-level setting

    def __post_init__(self) -> None:
        if not self.dropped:
            object.__setattr__(self, "dropped", self.path)

    def to_dict(self) -> dict[str, str]:
        return {
            "setting": self.path,
            "kind": self.kind,
            "got": self.got,
            "wanted": self.wanted,
            "dropped": self.dropped,
        }


_JSON_TYPES = {"a boolean": "boolean", "a number": "number", "a string": "string", "a list": "array"}


@functools.cache
def schema() -> dict[str, Any]:
    text = resources.files("kefuguard").joinpath("data/managed_schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _type_ok(value: Any, kind: str) -> bool:
    if isinstance(value, bool) and kind in ("integer", "number"):
        return False  # JSON true is not a number
    return isinstance(value, _TYPES.get(kind, (object,)))


def ignored_settings(value: Any, node: dict[str, Any] | None = None, path: str = "") -> list[IgnoredSetting]:
    """What of `value` (our extension's policy object) the browser leaves out, and why."""
    node = schema() if node is None else node
    kind = node.get("type")
    where = path or "(the whole settings object)"
    if isinstance(kind, str) and not _type_ok(value, kind):
        found = _json_type(value)
        got = _JSON_TYPES.get(found, "object" if found == "an object" else "null")
        return [IgnoredSetting(where, f"is {found}, the schema wants {kind}", "type", got, kind)]
    if "enum" in node and value not in node["enum"]:
        choices = ", ".join(json.dumps(c) for c in node["enum"])
        allowed = ", ".join(str(c) for c in node["enum"])
        return [
            IgnoredSetting(
                where, f"is {json.dumps(value)}, the schema allows {choices}", "choice", json.dumps(value), allowed
            )
        ]
    if path == "":
        return [_with_dropped(found) for found in _children(value, node, path)]
    return _children(value, node, path)


def _with_dropped(found: IgnoredSetting) -> IgnoredSetting:
    """A wrong value below a top-level setting costs the whole setting; an unknown key only itself."""
    top = found.path.split(".")[0].split("[")[0]
    unknown = found.why == _UNKNOWN
    return IgnoredSetting(found.path, found.why, found.kind, found.got, found.wanted, found.path if unknown else top)


_UNKNOWN = "is not a setting of this extension"


def _children(value: Any, node: dict[str, Any], path: str) -> list[IgnoredSetting]:
    kind = node.get("type")
    out: list[IgnoredSetting] = []
    if kind == "object" and isinstance(value, dict):
        props = node.get("properties", {})
        for key, sub in value.items():
            sub_path = f"{path}.{key}" if path else str(key)
            if key not in props:
                out.append(IgnoredSetting(sub_path, _UNKNOWN, "unknown"))
            else:
                out += ignored_settings(sub, props[key], sub_path)
    elif kind == "array" and isinstance(value, list) and isinstance(node.get("items"), dict):
        for i, item in enumerate(value):
            out += ignored_settings(item, node["items"], f"{path}[{i}]")
    return out


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"


def our_settings(policy_doc: dict[str, Any], extension_ids: tuple[str, ...]) -> dict[str, Any]:
    """{extension id: its settings object} for our ids in one policy file's `3rdparty` section."""
    third = policy_doc.get("3rdparty")
    extensions = third.get("extensions") if isinstance(third, dict) else None
    if not isinstance(extensions, dict):
        return {}
    return {i: extensions[i] for i in extension_ids if i in extensions}
