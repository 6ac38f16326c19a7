"""Write a list source back as TOML in the curated file's own style: `[list]`, `[[brands]]` with
inline tables per fact, `[scam]` with one entry per line. The standard library reads TOML but does
not write it, and the shapes here are few: strings, numbers, booleans, lists, tables."""

from __future__ import annotations

import json
import math
from typing import Any


def _key(k: str) -> str:
    return k if k.replace("_", "").replace("-", "").isalnum() and k.isascii() else json.dumps(k)


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise ValueError("TOML has no place for NaN or infinity here")
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(x)}" for k, x in v.items()) + " }" if v else "{}"
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        if all(not isinstance(x, (dict, list)) for x in v) and len(v) <= 16:
            return "[" + ", ".join(_value(x) for x in v) + "]"
        return "[\n" + "".join(f"  {_value(x)},\n" for x in v) + "]"
    raise ValueError(f"cannot write {type(v).__name__} as TOML")


def _table_body(table: dict[str, Any]) -> str:
    return "".join(f"{_key(k)} = {_value(v)}\n" for k, v in table.items())


def dumps(doc: dict[str, Any], header: str = "") -> str:
    """A TOML document: plain keys first, then tables, then arrays of tables."""
    out = [header] if header else []
    plain = {k: v for k, v in doc.items() if not isinstance(v, dict) and not _is_table_array(v)}
    if plain:
        out.append(_table_body(plain))
    for k, v in doc.items():
        if isinstance(v, dict):
            out.append(f"\n[{_key(k)}]\n" + _table_body(v))
    for k, v in doc.items():
        if _is_table_array(v):
            for item in v:
                out.append(f"\n[[{_key(k)}]]\n" + _table_body(item))
    return "".join(out)


def _is_table_array(v: Any) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, dict) for x in v)
