"""Updates as the service runs them: the configured mirrors, the engine's trust, every list, then
a reload so the next check uses what was installed (lists/update.py does each list's work)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from kefuguard.errors import InputError
from kefuguard.lists.fetcher import (
    DEFAULT_TIMEOUTS,
    MAX_DOWNLOAD_BYTES,
    Fetcher,
    Progress,
    RedirectPolicy,
    Timeouts,
    check_transport,
)
from kefuguard.lists.install import main_slot, sweep_leftovers, update_lock
from kefuguard.lists.locking import LockBusyError
from kefuguard.lists.merged import base_list
from kefuguard.lists.model import format_time
from kefuguard.lists.records import UpdateOutcome
from kefuguard.lists.supplementary import supplementary_slot, supplementary_trust
from kefuguard.lists.update import ROUNDS, ListTarget, UpdateReport, update_target
from kefuguard.service.engine import Engine


def main_target(engine: Engine, urls: list[str] | tuple[str, ...]) -> ListTarget:
    return ListTarget("main", tuple(urls), engine.trust, main_slot(engine.places))


def supplementary_targets(engine: Engine) -> list[ListTarget]:
    return [
        ListTarget("supplementary", (s.url,), supplementary_trust(s), supplementary_slot(engine.places, s.url), s.url)
        for s in engine.settings.supplementary
    ]


def serving(engine: Engine) -> dict[str, Any] | None:
    """The main list in use: what a failed update leaves in place."""
    active = base_list(engine.loaded().active)
    if active is None:
        return None
    h, now = active.header, datetime.now(UTC)
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
    except LockBusyError:
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
            outcome = await update_target(
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
