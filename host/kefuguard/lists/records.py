"""What `state.json` records about updates, for `status` and the host's schedule.

    "updates": {"last_attempt", "last_success": {time, status, version, url}, "last_failure": {time, code, message}}
    "supplementary_updates": {"<url>": the same}
    "validators": {"<role> <url>": {etag, last_modified, digest}}

`updates.last_attempt` is set when any list's update starts, by any process: the schedule's clock.
Writes happen under the update lock, so two updaters never lose each other's records.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from kefuguard.config import Settings
from kefuguard.errors import ListError
from kefuguard.lists.fetcher import Validators
from kefuguard.lists.install import update_lock
from kefuguard.lists.locking import LockBusyError
from kefuguard.lists.model import format_time, parse_time
from kefuguard.lists.seen import read_state, write_state
from kefuguard.paths import Places

log = logging.getLogger("kefuguard.update")


@dataclass
class UpdateOutcome:
    """What one list's update came to: recorded in state.json and reported by `kefuguard update`."""

    status: str  # "updated" | "current" | "failed" | "skipped"
    message: str
    url: str | None = None
    version: int | None = None
    publisher: str | None = None
    code: str | None = None
    role: str = "main"
    source: str | None = None
    requests: int = 0  # HTTP requests made, redirects included
    bytes: int = 0  # body bytes received
    errors: list[dict[str, Any]] = field(default_factory=list)  # per mirror and code, when it failed

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None and v != []}


def validators_key(role: str, url: str) -> str:
    return f"{role} {url}"


def _records(state: dict[str, Any], role: str, source: str | None) -> dict[str, Any]:
    if role == "main":
        rec = state.get("updates")
        if not isinstance(rec, dict):
            rec = state["updates"] = {}
        return rec
    per = state.get("supplementary_updates")
    if not isinstance(per, dict):
        per = state["supplementary_updates"] = {}
    rec = per.get(source or "")
    if not isinstance(rec, dict):
        rec = per[source or ""] = {}
    return rec


def _change_state(places: Places, change: Callable[[dict[str, Any]], None]) -> None:
    try:
        with update_lock(places):
            state = read_state(places.state_file)
            change(state)
            write_state(places.state_file, state)
    except (OSError, LockBusyError) as e:
        log.warning("cannot record the update in %s: %s", places.state_file, e)


def mark_attempt(places: Places, role: str, source: str | None, started: datetime) -> None:
    def change(state: dict[str, Any]) -> None:
        _records(state, role, source)["last_attempt"] = format_time(started)
        _records(state, "main", None)["last_attempt"] = format_time(started)  # the schedule's clock

    _change_state(places, change)


def record_outcome(
    places: Places, role: str, source: str | None, outcome: UpdateOutcome, validators: Validators | None
) -> None:
    now = format_time(datetime.now(UTC))

    def change(state: dict[str, Any]) -> None:
        rec = _records(state, role, source)
        if outcome.status == "failed":
            rec["last_failure"] = {"time": now, "code": outcome.code, "message": outcome.message}
        else:
            rec["last_success"] = {"time": now, "status": outcome.status, "version": outcome.version}
            if outcome.url:
                rec["last_success"]["url"] = outcome.url
        state.pop("etags", None)  # ETags without the digest they stand for (before validators)
        if validators is not None and outcome.url:
            all_validators = state.get("validators")
            if not isinstance(all_validators, dict):
                all_validators = state["validators"] = {}
            all_validators[validators_key(role, outcome.url)] = validators.to_dict()

    _change_state(places, change)


def update_records(state: dict[str, Any]) -> dict[str, Any]:
    """What `status` shows about updates: the main list's records and each supplementary list's."""
    main = state.get("updates")
    per = state.get("supplementary_updates")
    main = main if isinstance(main, dict) else {}
    per = per if isinstance(per, dict) else {}
    return {
        "last_attempt": main.get("last_attempt"),
        "last_success": main.get("last_success"),
        "last_failure": main.get("last_failure"),
        "supplementary": per,
    }


def last_time(record: Any, key: str = "time") -> datetime | None:
    """A time stored in a state record, or None."""
    value = record.get(key) if isinstance(record, dict) else record
    if not isinstance(value, str):
        return None
    try:
        return parse_time(value, key)
    except ListError:
        return None


def next_due(state: dict[str, Any], settings: Settings, issued: datetime | None, now: datetime) -> datetime | None:
    """When the next background update should start (<= now: due now); None: never (nothing configured)."""
    if not settings.update_urls and not settings.supplementary:
        return None
    interval = timedelta(hours=settings.update_interval_hours)
    records = update_records(state)
    attempt = last_time(records["last_attempt"])
    success = last_time(records["last_success"])
    fresh = max((t for t in (issued, success) if t is not None), default=None)
    due = now
    if fresh is not None:
        due = max(due, fresh + interval)
    if attempt is not None:
        due = max(due, attempt + interval)
    return due
