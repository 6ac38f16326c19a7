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
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from kefuguard.errors import DownloadError, InputError, KefuguardError, ListError
from kefuguard.lists.fetcher import (
    DEFAULT_TIMEOUTS,
    MAX_DOWNLOAD_BYTES,
    DownloadHTTPError,
    Fetcher,
    Progress,
    RedirectPolicy,
    Timeouts,
    Validators,
    check_transport,
    is_transient,
)
from kefuguard.lists.install import (
    ListSlot,
    install_verified,
    installed_list,
    main_slot,
    prune_index,
    sweep_leftovers,
    update_lock,
)
from kefuguard.lists.locking import LockBusy
from kefuguard.lists.merged import base_list
from kefuguard.lists.model import format_time
from kefuguard.lists.records import mark_attempt, record_outcome, validators_key
from kefuguard.lists.seen import read_state
from kefuguard.lists.trust import TrustedKeys
from kefuguard.lists.verify import check_not_expired, verify_bundle

if TYPE_CHECKING:
    from kefuguard.engine import Engine
    from kefuguard.paths import Places

__all__ = ["Timeouts", "check_transport", "update_lists", "update_main_list", "UpdateOutcome", "UpdateReport"]

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
class UpdateOutcome:
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
        from kefuguard.lists.supplementary import check_publisher_distinct

        check_publisher_distinct(h.publisher, main_publisher)
    installed = install_verified(places, target.slot, data, verified, target.trust, force=force)
    if installed:
        try:
            with update_lock(places):
                prune_index(places, {verified.digest})
        except (OSError, LockBusy) as e:
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


async def _update_target(
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
    started = _now()
    mark_attempt(places, target.role, target.source, started)
    state = read_state(places.state_file)
    installed = await asyncio.to_thread(installed_list, target.slot, places, target.trust)
    stored = state.get("validators") if isinstance(state.get("validators"), dict) else {}
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
            requests_before, bytes_before = fetcher.requests, fetcher.body_bytes
            try:
                try:
                    result = await fetcher.fetch(url, validators)
                finally:
                    outcome.requests += fetcher.requests - requests_before
                    outcome.bytes += fetcher.body_bytes - bytes_before
                if result.body is None and installed is None:
                    raise DownloadHTTPError(f"{url}: 304 Not Modified to a request that was not conditional", 304)
                if result.body is None:
                    assert installed is not None
                    h = installed.header
                    outcome.status, outcome.url, outcome.version, outcome.publisher = (
                        "current",
                        url,
                        h.version,
                        h.publisher,
                    )
                    outcome.message = f"not modified on the server: version {h.version} is current"
                    record_outcome(places, target.role, target.source, outcome, validators)
                    return outcome
                progress("verify", {"url": url, "bytes": len(result.body)})
                was_installed, h, digest = await asyncio.to_thread(
                    _accept, places, target, result.body, force, main_publisher
                )
                outcome.url, outcome.version, outcome.publisher = url, h.version, h.publisher
                if was_installed:
                    outcome.status, outcome.message = "updated", f"installed version {h.version} from {h.publisher}"
                else:
                    outcome.status, outcome.message = "current", f"version {h.version} is already installed"
                v = result.validators
                record_outcome(places, target.role, target.source, outcome, Validators(v.etag, v.last_modified, digest))
                return outcome
            except (ListError, DownloadError, LockBusy) as e:
                errors.append((url, e))
                log.warning("update of the %s list from %s failed: %s: %s", target.role, url, e.code, e.message)
                progress("error", {"url": url, "code": e.code, "message": e.message})
                if not is_transient(e) and not isinstance(e, LockBusy):
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


# --- all lists -------------------------------------------------------------------------------


def main_target(engine: Engine, urls: list[str] | tuple[str, ...]) -> ListTarget:
    return ListTarget("main", tuple(urls), engine.trust, main_slot(engine.places))


def supplementary_targets(engine: Engine) -> list[ListTarget]:
    from kefuguard.lists.supplementary import supplementary_slot, supplementary_trust

    return [
        ListTarget("supplementary", (s.url,), supplementary_trust(s), supplementary_slot(engine.places, s.url), s.url)
        for s in engine.settings.supplementary
    ]


def serving(engine: Engine) -> dict[str, Any] | None:
    """The main list in use: what a failed update leaves in place."""
    active = base_list(engine.loaded().active)
    if active is None:
        return None
    h, now = active.header, _now()
    return {
        "publisher": h.publisher,
        "version": h.version,
        "issued": format_time(h.issued),
        "age_days": round((now - h.issued).total_seconds() / 86400, 2),
        "stale": h.is_stale(now),
        "origin": active.origin,
    }


async def update_lists(
    engine: Engine,
    urls: list[str] | None = None,
    force: bool = False,
    timeouts: Timeouts = DEFAULT_TIMEOUTS,
    rounds: int = ROUNDS,
    max_bytes: int = MAX_DOWNLOAD_BYTES,
    progress: Progress | None = None,
    supplementary: bool = True,
) -> UpdateReport:
    """Update the main list (from `urls`, else the configured mirrors) and the supplementary lists."""
    progress = progress or (lambda event, info: None)
    settings, places = engine.settings, engine.places
    mirrors = tuple(urls or settings.update_urls)
    targets = ([main_target(engine, mirrors)] if mirrors else []) + (
        supplementary_targets(engine) if supplementary else []
    )
    if not targets:
        outcome = UpdateOutcome("failed", "no update URL configured ([update] urls in config)", code="update.no_urls")
        return UpdateReport([outcome], serving(engine))
    outcomes: list[UpdateOutcome] = []
    try:  # what killed updaters left behind goes first, even when nothing new gets installed
        with update_lock(places, wait_seconds=5.0):
            sweep_leftovers(places)
    except LockBusy:
        pass  # another updater holds the lock and sweeps itself
    if not mirrors:
        outcomes.append(UpdateOutcome("skipped", "no main-list mirror configured"))
    all_urls = [u for t in targets for u in t.mirrors]
    redirects = RedirectPolicy.for_mirrors(all_urls, settings.allow_plain_http)
    async with Fetcher(timeouts, max_bytes, redirects, progress) as fetcher:
        for target in targets:
            try:
                for url in target.mirrors:
                    check_transport(url, settings.allow_plain_http)
            except InputError as e:
                outcomes.append(UpdateOutcome("failed", e.message, code=e.code, role=target.role, source=target.source))
                continue
            main = base_list(engine.loaded().active)
            outcome = await _update_target(
                places,
                target,
                fetcher,
                force=force,
                rounds=rounds,
                backoff=timeouts.backoff,
                main_publisher=main.header.publisher if main else None,
                progress=progress,
            )
            outcomes.append(outcome)
            if outcome.status == "updated":
                engine.reload()  # the main list first: a supplementary list is checked against it
    return UpdateReport(outcomes, serving(engine))


async def update_main_list(
    engine: Engine,
    urls: list[str] | None = None,
    force: bool = False,
    timeouts: Timeouts = DEFAULT_TIMEOUTS,
    rounds: int = ROUNDS,
    max_bytes: int = MAX_DOWNLOAD_BYTES,
    progress: Progress | None = None,
) -> UpdateOutcome:
    """The main list only (tests and callers that do not care about supplementary lists)."""
    report = await update_lists(engine, urls, force, timeouts, rounds, max_bytes, progress, supplementary=False)
    return report.main


def check_update_request(request: dict[str, Any]) -> bool:
    """The extension may ask for an update, but only from the configured mirrors: a URL from
    the browser side is refused, so nothing a page does can make the host contact a server.
    Returns `force`."""
    if "url" in request:
        raise InputError("'update' takes no url: mirrors come from the configuration", code="bad_request")
    return request.get("force") is True
