"""Supplementary lists: an enterprise's own channels or a regional feed, named in managed config.

Each has its own URL, trusted keys and threshold (`[[supplementary]]`), its own files under
`<data>/lists/supplementary/<sha256 of the URL>.json` (+ `.last-good.json`) and its own seen
versions per publisher. Loading picks the best verified candidate of each, like the main list;
merging (lists/merged.py) decides what of it is added.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kefuguard.config import Settings, Supplementary
from kefuguard.errors import KefuguardError, ListError
from kefuguard.lists.compiled import CompiledList, list_status
from kefuguard.lists.install import ListSlot
from kefuguard.lists.merged import Addition, MergedList
from kefuguard.lists.seen import SUPPLEMENTARY_SCOPE, highest_seen, read_state, record_seen
from kefuguard.lists.store import FileDigests, LoadResult, Problem, open_bundle
from kefuguard.lists.trust import TrustedKeys
from kefuguard.lists.verify import check_not_rollback
from kefuguard.paths import Places

FOLDER = "supplementary"


def source_id(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def supplementary_slot(places: Places, url: str) -> ListSlot:
    folder = places.lists_dir / FOLDER
    sid = source_id(url)
    return ListSlot(
        f"supplementary {url}", folder / f"{sid}.json", folder / f"{sid}.last-good.json", SUPPLEMENTARY_SCOPE
    )


def supplementary_trust(source: Supplementary) -> TrustedKeys:
    """Only the keys managed config names for this list: the main list's keys do not count. They
    are locked by nature (the user's file cannot name supplementary lists)."""
    return TrustedKeys.of(source.keys, source.threshold, locked=True)


def watched_paths(places: Places, settings: Settings) -> list[Path]:
    """The files whose change means the supplementary lists must be loaded again."""
    out = []
    for source in settings.supplementary:
        slot = supplementary_slot(places, source.url)
        out += [slot.path, slot.last_good]
    return out


@dataclass
class SupplementaryLoad:
    source: Supplementary
    active: CompiledList | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"supplementary {self.source.url}"


def load_one(places: Places, source: Supplementary, digests: FileDigests, state: dict[str, Any]) -> SupplementaryLoad:
    result = SupplementaryLoad(source)
    slot = supplementary_slot(places, source.url)
    if not source.keys:
        result.problems.append(
            Problem(result.label, str(slot.path), "supplementary.no_keys", "managed config names no keys for it")
        )
        return result
    trust = supplementary_trust(source)
    for origin, path in (("installed", slot.path), ("last-known-good", slot.last_good)):
        if not path.exists():
            continue
        try:
            compiled = open_bundle(path, origin, places, trust, digests)
            check_not_rollback(
                compiled.header, compiled.digest, *highest_seen(state, compiled.header.publisher, SUPPLEMENTARY_SCOPE)
            )
        except KefuguardError as e:
            result.problems.append(Problem(f"{result.label} ({origin})", str(path), e.code, e.message))
            continue
        if result.active is None or compiled.header.version > result.active.header.version:
            result.active = compiled
    if result.active is not None:
        try:
            record_seen(places.state_file, result.active.header, result.active.digest, SUPPLEMENTARY_SCOPE)
        except OSError as e:
            result.problems.append(Problem("state", str(places.state_file), "state.unwritable", str(e)))
    return result


def load_supplementary(places: Places, settings: Settings) -> list[SupplementaryLoad]:
    digests = FileDigests(places.index_dir)
    state = read_state(places.state_file)
    return [load_one(places, source, digests, state) for source in settings.supplementary]


def check_publisher_distinct(publisher: str, main_publisher: str | None) -> None:
    if main_publisher is not None and publisher == main_publisher:
        raise ListError(
            f"a supplementary list may not call itself {publisher!r}, the main list's publisher",
            code="supplementary.publisher_collision",
        )


def with_supplementary(loaded: LoadResult, places: Places, settings: Settings) -> LoadResult:
    """Load the configured supplementary lists and put a merged view over the main list."""
    loads = load_supplementary(places, settings)
    loaded.supplementary = loads
    additions = []
    for load in loads:
        loaded.problems.extend(load.problems)
        if load.active is None or loaded.active is None:
            continue
        try:
            check_publisher_distinct(load.active.header.publisher, loaded.active.header.publisher)
        except ListError as e:
            loaded.problems.append(Problem(load.label, str(load.active.directory), e.code, e.message))
            load.active = None
            continue
        additions.append(Addition(load.source.url, load.active))
    if additions and loaded.active is not None:
        loaded.active = MergedList(loaded.active, additions)
    return loaded


def describe(
    load: SupplementaryLoad, merged: CompiledList | None, now: datetime | None = None
) -> dict[str, Any] | None:
    """One `lists` entry of the status reply (None when it did not load: `problems` says why)."""
    now = now or datetime.now(UTC)
    c = load.active
    if c is None:
        return None
    entry: dict[str, Any] = {"role": "supplementary", "url": load.source.url, **list_status(c, now)}
    if isinstance(merged, MergedList):
        for add in merged.additions:
            if add.compiled is c:
                merged.collisions  # noqa: B018 - decides what was accepted
                entry["brands_added"] = [b.id for b in add.brands]
                entry["ignored"] = [{"what": x.what, "entry": x.entry, "reason": x.reason} for x in add.ignored]
    return entry
