"""`kefuguard list diff OLD NEW`: what changed between two lists (signed bundles or sources), for
the publisher's review before signing and for a changelog: brands added and removed, each brand's
domains, phones and accounts added and removed, and the scam entries added and removed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kefuguard.errors import InputError
from kefuguard.lists.source import read_source

EXAMPLES = 20


def _values(entries: Any) -> set[str]:
    out = set()
    for e in entries or []:
        if isinstance(e, dict):
            out.add(f"{e['platform']}:{e['account']}" if "platform" in e else str(e.get("value")))
        else:
            out.add(str(e))
    return out


def load_any(path: Path) -> dict[str, Any]:
    """The list's contents from a signed bundle (`signed`) or a source (TOML or JSON)."""
    if not path.exists():
        raise InputError(f"{path}: no such file", code="list.unreadable")
    return read_source(path)


def diff_lists(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    old_brands = {b["id"]: b for b in old.get("brands", [])}
    new_brands = {b["id"]: b for b in new.get("brands", [])}
    changed = {}
    for bid in sorted(old_brands.keys() & new_brands.keys()):
        delta = {}
        for kind in ("domains", "phones", "im", "keywords"):
            a, b = _values(old_brands[bid].get(kind)), _values(new_brands[bid].get(kind))
            if a != b:
                delta[kind] = {"added": sorted(b - a), "removed": sorted(a - b)}
        if delta:
            changed[bid] = delta
    scam = {}
    for kind in ("domains", "phones", "accounts"):
        a, b = _values(old.get("scam", {}).get(kind)), _values(new.get("scam", {}).get(kind))
        scam[kind] = {"added": len(b - a), "removed": len(a - b), "added_examples": sorted(b - a)[:EXAMPLES],
                      "removed_examples": sorted(a - b)[:EXAMPLES]}  # fmt: skip
    return {
        "version": [old.get("version"), new.get("version")],
        "brands_added": sorted(new_brands.keys() - old_brands.keys()),
        "brands_removed": sorted(old_brands.keys() - new_brands.keys()),
        "brands_changed": changed,
        "scam": scam,
    }


def render(d: dict[str, Any]) -> str:
    lines = []
    if any(v is not None for v in d["version"]):
        lines.append(f"version {d['version'][0]} -> {d['version'][1]}")
    lines.append(f"brands added ({len(d['brands_added'])}): {', '.join(d['brands_added']) or '-'}")
    lines.append(f"brands removed ({len(d['brands_removed'])}): {', '.join(d['brands_removed']) or '-'}")
    for bid, delta in d["brands_changed"].items():
        for kind, ch in delta.items():
            parts = [f"+{x}" for x in ch["added"]] + [f"-{x}" for x in ch["removed"]]
            lines.append(f"  {bid} {kind}: {' '.join(parts)}")
    for kind, ch in d["scam"].items():
        lines.append(f"scam {kind}: +{ch['added']} -{ch['removed']}")
        for x in ch["added_examples"][:5]:
            lines.append(f"  + {x}")
        for x in ch["removed_examples"][:5]:
            lines.append(f"  - {x}")
    return "\n".join(lines)


def diff_files(old: Path, new: Path, as_json: bool) -> str:
    d = diff_lists(load_any(old), load_any(new))
    return json.dumps(d, ensure_ascii=False, indent=2) if as_json else render(d)
