"""Highest version seen per publisher: what makes a rollback detectable after a restart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kefuguard.lists.atomic import write_atomic
from kefuguard.lists.model import ListHeader


def read_state(path: Path) -> dict[str, Any]:
    try:
        state = json.loads(path.read_text("utf-8"))
    except (FileNotFoundError, ValueError, UnicodeDecodeError):
        return {}
    return state if isinstance(state, dict) else {}


def highest_seen(state: dict[str, Any], publisher: str) -> tuple[int | None, str | None]:
    entry = state.get("seen", {}).get(publisher)
    if not isinstance(entry, dict) or not isinstance(entry.get("version"), int):
        return None, None
    return entry["version"], entry.get("digest")


def record_seen(path: Path, header: ListHeader, digest: str) -> None:
    """Raise the publisher's high-water mark; never lower it."""
    state = read_state(path)
    seen = state.setdefault("seen", {})
    old, _ = highest_seen(state, header.publisher)
    if old is not None and old >= header.version:
        return
    seen[header.publisher] = {"version": header.version, "digest": digest}
    write_atomic(path, json.dumps(state, indent=1, sort_keys=True).encode("utf-8"))
