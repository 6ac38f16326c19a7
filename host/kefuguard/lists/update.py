"""Fetch lists from their mirrors, verify them, install them atomically: the update client.

Nothing is trusted before it verifies: signature and threshold, type and spec, not expired, no
rollback below the highest version seen, same version only with the same content. Transport
(lists/fetcher.py), trust (lists/verify.py) and disk (lists/install.py) are kept apart; this
module orders them, retries across mirrors with backoff and jitter, and records each outcome in
`state.json` for `status`.
"""

from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from kefuguard.errors import DownloadError, DownloadHTTPError, KefuguardError, ListError
from kefuguard.lists.compiled import CompiledList
from kefuguard.lists.fetcher import (
    Fetcher,
    Progress,
    Timeouts,
    Validators,
    check_transport,
    is_transient,
)
from kefuguard.lists.install import (
    ListSlot,
    install_verified,
    installed_list,
    prune_index,
    update_lock,
)
from kefuguard.lists.locking import LockBusyError
from kefuguard.lists.records import UpdateOutcome, mark_attempt, record_outcome, validators_key
from kefuguard.lists.seen import read_state
from kefuguard.lists.supplementary import check_publisher_distinct
from kefuguard.lists.trust import TrustedKeys
from kefuguard.lists.verify import check_not_expired, verify_bundle

if TYPE_CHECKING:
    from kefuguard.paths import Places

__all__ = ["ListTarget", "Timeouts", "UpdateOutcome", "UpdateReport", "check_transport", "update_target"]

log = logging.getLogger("kefuguard.update")
ROUNDS = 3
MAX_BACKOFF = 30.0


@dataclass(frozen=True)
class ListTarget:
    """One list to update: where from, whose keys, where to."""

    role: str  # "main" | "supplementary"
    mirrors: tuple[str, ...]
    trust: TrustedKeys
    slot: ListSlot
    source: str | None = None  # a supplementary list's URL (its identity in config and state)


@dataclass
class UpdateReport:
    """One `kefuguard update` run: the main list and every supplementary list."""

    outcomes: list[UpdateOutcome]
    serving: dict[str, Any] | None = None  # the main list in use afterwards

    @property
    def main(self) -> UpdateOutcome:
        return self.outcomes[0]

    @property
    def status(self) -> str:
        statuses = [o.status for o in self.outcomes if o.status != "skipped"]
        if not statuses:
            return "failed"
        if "failed" in statuses:
            return "failed"
        return "updated" if "updated" in statuses else "current"

    @property
    def failures(self) -> list[UpdateOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def message(self) -> str:
        parts = [o.message if o.role == "main" else f"{o.source}: {o.message}" for o in self.outcomes]
        text = "; ".join(p for p in parts if p)
        if self.failures and self.serving:
            s = self.serving
            text += (
                f"; still serving the last good list: {s['publisher']} version {s['version']}"
                f" (age {s['age_days']:.1f} days{', EXPIRED' if s['stale'] else ''})"
            )
        elif self.failures:
            text += "; no usable list"
        return text

    def to_dict(self) -> dict[str, Any]:
        main = self.main
        out: dict[str, Any] = {"status": self.status, "message": self.message()}
        failed = self.failures
        if failed:
            out["code"] = failed[0].code
        for key in ("url", "version", "publisher"):
            value = getattr(main, key)
            if value is not None:
                out[key] = value
        out["requests"] = sum(o.requests for o in self.outcomes)
        out["bytes"] = sum(o.bytes for o in self.outcomes)
        out["lists"] = [o.to_dict() for o in self.outcomes]
        if self.serving is not None:
            out["serving"] = self.serving
        return out


def _now() -> datetime:
    return datetime.now(UTC)


# --- one list ----------------------------------------------------------------------------------


def _accept(places: Places, target: ListTarget, data: bytes, force: bool, main_publisher: str | None) -> tuple:
    """Verify and install (runs on a worker thread: parsing a big list must not stall a loop)."""
    verified = verify_bundle(data, target.trust)
    h = verified.header
    check_not_expired(h, _now())
    if target.role == "supplementary":
        check_publisher_distinct(h.publisher, main_publisher)
    installed = install_verified(places, target.slot, data, verified, target.trust, force=force)
    if installed:
        try:
            with update_lock(places):
                prune_index(places, {verified.digest})
        except (OSError, LockBusyError) as e:
            log.info("old compiled indexes not pruned: %s", e)
    return installed, h, verified.digest


def _summarize(errors: list[tuple[str, KefuguardError]]) -> list[dict[str, Any]]:
    """One entry per mirror and error code, with how often it happened."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for url, e in errors:
        entry = out.setdefault((url, e.code), {"url": url, "code": e.code, "message": e.message, "times": 0})
        entry["times"] += 1
    return list(out.values())


def _pick_error(errors: list[tuple[str, KefuguardError]]) -> KefuguardError:
    """A bad list outranks a transport failure: someone serving a list that does not verify is
    what an administrator must hear about, even when another mirror was merely down."""
    for _, e in reversed(errors):
        if isinstance(e, ListError):
            return e
    return errors[-1][1]


async def _from_mirror(
    places: Places,
    target: ListTarget,
    fetcher: Fetcher,
    url: str,
    validators: Validators,
    installed: CompiledList | None,
    outcome: UpdateOutcome,
    *,
    force: bool,
    main_publisher: str | None,
    progress: Progress,
) -> UpdateOutcome:
    """One request to one mirror: the outcome when it answered, or the error it raised."""
    requests_before, bytes_before = fetcher.requests, fetcher.body_bytes
    try:
        result = await fetcher.fetch(url, validators)
    finally:
        outcome.requests += fetcher.requests - requests_before
        outcome.bytes += fetcher.body_bytes - bytes_before
    if result.body is None:
        if installed is None:
            raise DownloadHTTPError(f"{url}: 304 Not Modified to a request that was not conditional", 304)
        h = installed.header
        outcome.status, outcome.url, outcome.version, outcome.publisher = "current", url, h.version, h.publisher
        outcome.message = f"not modified on the server: version {h.version} is current"
        record_outcome(places, target.role, target.source, outcome, validators)
        return outcome
    progress("verify", {"url": url, "bytes": len(result.body)})
    was_installed, h, digest = await asyncio.to_thread(_accept, places, target, result.body, force, main_publisher)
    outcome.url, outcome.version, outcome.publisher = url, h.version, h.publisher
    if was_installed:
        outcome.status, outcome.message = "updated", f"installed version {h.version} from {h.publisher}"
    else:
        outcome.status, outcome.message = "current", f"version {h.version} is already installed"
    v = result.validators
    record_outcome(places, target.role, target.source, outcome, Validators(v.etag, v.last_modified, digest))
    return outcome


async def update_target(
    places: Places,
    target: ListTarget,
    fetcher: Fetcher,
    *,
    force: bool,
    rounds: int,
    backoff: float,
    main_publisher: str | None,
    progress: Progress,
) -> UpdateOutcome:
    """Ask the target's mirrors in order, in up to `rounds` rounds with backoff, until one answers."""
    mark_attempt(places, target.role, target.source, _now())
    state = read_state(places.state_file)
    installed = await asyncio.to_thread(installed_list, target.slot, places, target.trust)
    stored = state.get("validators")
    stored = stored if isinstance(stored, dict) else {}
    outcome = UpdateOutcome("failed", "", role=target.role, source=target.source)
    errors: list[tuple[str, KefuguardError]] = []
    pending = list(target.mirrors)
    for attempt in range(max(1, rounds)):
        for url in list(pending):
            validators = Validators.from_dict(stored.get(validators_key(target.role, url)))
            # a 304 only means "you have it" while we still do: the validators name the list they stand for
            if force or installed is None or validators.digest != installed.digest:
                validators = Validators()
            progress("mirror", {"url": url, "round": attempt + 1, "role": target.role})
            try:
                return await _from_mirror(
                    places,
                    target,
                    fetcher,
                    url,
                    validators,
                    installed,
                    outcome,
                    force=force,
                    main_publisher=main_publisher,
                    progress=progress,
                )
            except Exception as e:  # noqa: BLE001 - one mirror's failure, whatever it is, must not stop the others
                problem: KefuguardError
                if isinstance(e, (ListError, DownloadError, LockBusyError)):
                    problem = e
                else:
                    log.exception("update of the %s list from %s failed unexpectedly", target.role, url)
                    reason = f"unexpected error reading this list: {type(e).__name__}"
                    problem = ListError(reason, code="list.unexpected")
                errors.append((url, problem))
                log.warning("update of the %s list from %s failed: %s: %s", target.role, url, problem.code, problem)
                progress("error", {"url": url, "code": problem.code, "message": problem.message})
                if not is_transient(problem) and not isinstance(problem, LockBusyError):
                    pending.remove(url)  # a bad list or a 404 will not get better in a few seconds
        if not pending or attempt + 1 >= rounds:
            break
        delay = min(MAX_BACKOFF, backoff * 2**attempt) * (1 + random.random())  # jitter: fleets spread out
        progress("wait", {"seconds": delay})
        await asyncio.sleep(delay)
    chosen = _pick_error(errors)
    outcome.code = chosen.code
    outcome.message = f"{chosen.code}: {chosen.message}"
    outcome.errors = _summarize(errors)
    record_outcome(places, target.role, target.source, outcome, None)
    return outcome
