"""Highest version seen per publisher: what makes a rollback detectable after a restart.

The main list's marks live under `seen`; supplementary lists keep their own under
`seen_supplementary`, so a supplementary publisher can never raise (or lower) the main list's mark
by calling itself by the main publisher's name.
"""

from __future__ import annotations

import json
import os

from kefuguard.lists.atomic import write_atomic
from kefuguard.lists.model import ListHeader

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

MAIN_SCOPE = "seen"
SUPPLEMENTARY_SCOPE = "seen_supplementary"


def read_state(path: str | Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as f:
            state = json.loads(f.read())
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    return state if isinstance(state, dict) else {}


def write_state(path: str | Path, state: dict[str, Any]) -> None:
    write_atomic(path, json.dumps(state, indent=1, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def highest_seen(state: dict[str, Any], publisher: str, scope: str = MAIN_SCOPE) -> tuple[int | None, str | None]:
    marks = state.get(scope)
    entry = marks.get(publisher) if isinstance(marks, dict) else None
    if not isinstance(entry, dict) or not isinstance(entry.get("version"), int):
        return None, None
    return entry["version"], entry.get("digest")


def record_seen(path: str | Path, header: ListHeader, digest: str, scope: str = MAIN_SCOPE) -> None:
    """Raise the publisher's high-water mark; never lower it."""
    state = read_state(path)
    old, _ = highest_seen(state, header.publisher, scope)
    if old is not None and old >= header.version:
        return
    marks = state.get(scope)
    if not isinstance(marks, dict):
        marks = state[scope] = {}
    marks[header.publisher] = {"version": header.version, "digest": digest}
    write_state(path, state)
