"""The `status` reply: which lists are in use, how fresh they are, the updates, the config.

Built from plain inputs (places, settings, what was loaded), so every front end shows the same.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kefuguard import __version__
from kefuguard.config import Settings
from kefuguard.lists.compiled import list_status
from kefuguard.lists.merged import MergedList, base_list
from kefuguard.lists.model import format_time
from kefuguard.lists.records import next_due, update_records
from kefuguard.lists.seen import read_state
from kefuguard.lists.store import LoadResult
from kefuguard.lists.supplementary import describe
from kefuguard.paths import Places


def update_status(places: Places, settings: Settings, loaded: LoadResult, now: datetime) -> dict[str, Any]:
    """The `updates` part of a status reply."""
    state = read_state(places.state_file)
    main = base_list(loaded.active)
    due = next_due(state, settings, main.header.issued if main else None, now)
    return {**update_records(state), "next_due": format_time(due) if due else None}


def supplementary_status(loaded: LoadResult, now: datetime) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """Status entries of the loaded supplementary lists, and the collisions as problems."""
    entries = [e for e in (describe(load, loaded.active, now) for load in loaded.supplementary) if e]
    problems = []
    if isinstance(loaded.active, MergedList):
        for c in loaded.active.collisions:
            origin = f"supplementary {c.source}"
            problems.append({"origin": origin, "path": "", "code": "supplementary.collision", "message": c.message()})
    return entries, problems


def build_status(
    places: Places, settings: Settings, loaded: LoadResult, paths: dict[str, str], now: datetime
) -> dict[str, Any]:
    """`paths`: the file behind each origin ('installed', 'last-known-good', 'embedded')."""
    lists = []
    main_list = base_list(loaded.active)
    if main_list is not None:
        lists.append({"role": "main", **list_status(main_list, now)})
    supplementary, collisions = supplementary_status(loaded, now)
    main = lists[0] if lists else {}
    lists += supplementary
    s = settings
    return {
        "host_version": __version__,
        "ok": bool(lists),
        "publisher": main.get("publisher"),
        "version": main.get("version"),
        "issued": main.get("issued"),
        "expires": main.get("expires"),
        "stale": main.get("stale", True),
        "path": paths.get(main.get("origin") or "", "") if main_list is not None else None,
        "lists": lists,
        "problems": [p.to_dict() for p in loaded.problems] + collisions,
        # verified lists of another publisher than the main list's: never chosen by version number
        "unused": [u.to_dict() for u in loaded.unused],
        "updates": update_status(places, settings, loaded, now),
        "config": {
            "sources": list(s.sources),
            "managed": sorted(s.managed),
            "locked": sorted(s.locked),
            "problems": list(s.problems),
            "update_urls": list(s.update_urls),
            "update_interval_hours": s.update_interval_hours,
            "trust_threshold": s.trust_threshold,
            "supplementary": [x.url for x in s.supplementary],
            "report_endpoint": s.report_endpoint,
        },
        "data_dir": str(places.data_dir),
    }
