"""Fetch a list from the configured mirrors, verify it, install it atomically.

Nothing is trusted before it verifies: signature and threshold, type and spec, not expired,
no rollback below the highest version seen, same version only with the same content.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import random
import shutil
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from kefuguard.errors import DownloadError, InputError, KefuguardError, ListError
from kefuguard.lists.atomic import write_atomic
from kefuguard.lists.compiled import compile_bundle
from kefuguard.lists.locking import exclusive_lock
from kefuguard.lists.model import format_time
from kefuguard.lists.seen import highest_seen, read_state, record_seen
from kefuguard.lists.store import LAST_GOOD, MAIN_LIST
from kefuguard.lists.verify import VerifiedBundle, check_not_expired, check_not_rollback, verify_bundle

if TYPE_CHECKING:
    from kefuguard.engine import Engine

log = logging.getLogger("kefuguard.update")
MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024
ROUNDS = 3


@dataclass(frozen=True)
class Timeouts:
    connect: float = 10.0
    read: float = 20.0  # between two reads: a server that trickles bytes is cut off
    total: float = 120.0
    backoff: float = 0.5  # first retry delay; doubles each round, with jitter


@dataclass
class UpdateOutcome:
    status: str  # "updated" | "current" | "failed"
    message: str
    url: str | None = None
    version: int | None = None
    publisher: str | None = None
    code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


def check_transport(url: str, allow_plain_http: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme == "https":
        return
    if parts.scheme == "http":
        host = parts.hostname or ""
        try:
            loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if loopback or allow_plain_http:
            return
        raise InputError(
            f"plain HTTP is only allowed to loopback or by managed config: {url}", code="update.insecure_url"
        )
    raise InputError(f"update URLs must be https: {url}", code="update.insecure_url")


async def fetch(session: Any, url: str, etag: str | None, max_bytes: int) -> tuple[bytes | None, str | None]:
    """Body (None when 304 Not Modified) and the new ETag. Streams under a byte cap."""
    import aiohttp

    headers = {"If-None-Match": etag} if etag else {}
    try:
        async with session.get(url, headers=headers, allow_redirects=True, max_redirects=3) as resp:
            if resp.status == 304:
                return None, etag
            if resp.status != 200:
                raise DownloadError(f"{url}: HTTP {resp.status}", code="download.http_status")
            if resp.content_length is not None and resp.content_length > max_bytes:
                raise DownloadError(
                    f"{url}: {resp.content_length} bytes exceeds the {max_bytes} cap", code="download.too_large"
                )
            body = bytearray()
            async for chunk in resp.content.iter_chunked(65536):
                body += chunk
                if len(body) > max_bytes:
                    raise DownloadError(f"{url}: more than {max_bytes} bytes", code="download.too_large")
            return bytes(body), resp.headers.get("ETag")
    except TimeoutError as e:
        raise DownloadError(f"{url}: timed out", code="download.timeout") from e
    except aiohttp.ClientError as e:
        raise DownloadError(f"{url}: {type(e).__name__}: {e}", code="download.connection") from e


def install_bundle(engine: Engine, data: bytes, verified: VerifiedBundle) -> None:
    """Keep the current list as last-known-good, then swap the new one in (temp, fsync, rename)."""
    places = engine.places
    main = places.lists_dir / MAIN_LIST
    compile_bundle(verified, places.index_dir)  # before the swap: a reader never waits on compiling
    if main.exists():
        tmp_copy = places.lists_dir / f".{LAST_GOOD}.copy"
        shutil.copyfile(main, tmp_copy)
        tmp_copy.replace(places.lists_dir / LAST_GOOD)
    write_atomic(main, data)
    record_seen(places.state_file, verified.header, verified.digest)


def _record(engine: Engine, outcome: UpdateOutcome, etags: dict[str, str]) -> None:
    state_path = engine.places.state_file
    state = read_state(state_path)
    updates = state.setdefault("updates", {})
    now = format_time(datetime.now(UTC))
    updates["last_attempt"] = now
    if outcome.status == "failed":
        updates["last_failure"] = {"time": now, "code": outcome.code, "message": outcome.message}
    else:
        updates["last_success"] = {"time": now, "status": outcome.status, "version": outcome.version}
    state.setdefault("etags", {}).update(etags)
    try:
        write_atomic(state_path, json.dumps(state, indent=1, sort_keys=True).encode("utf-8"))
    except OSError as e:
        log.warning("cannot record update state: %s", e)


async def update_main_list(
    engine: Engine,
    urls: list[str] | None = None,
    force: bool = False,
    timeouts: Timeouts = Timeouts(),
    rounds: int = ROUNDS,
    max_bytes: int = MAX_DOWNLOAD_BYTES,
) -> UpdateOutcome:
    import aiohttp

    settings = engine.settings
    mirrors = list(urls or settings.update_urls)
    if not mirrors:
        return UpdateOutcome("failed", "no update URL configured ([update] urls in config)", code="update.no_urls")
    for url in mirrors:
        check_transport(url, settings.allow_plain_http)
    state = read_state(engine.places.state_file)
    etags: dict[str, str] = {} if force else dict(state.get("etags", {}))
    timeout = aiohttp.ClientTimeout(total=timeouts.total, sock_connect=timeouts.connect, sock_read=timeouts.read)
    last_error: KefuguardError | None = None
    new_etags: dict[str, str] = {}
    async with aiohttp.ClientSession(timeout=timeout, trust_env=False) as session:
        for attempt in range(rounds):
            for url in mirrors:
                try:
                    data, etag = await fetch(session, url, etags.get(url), max_bytes)
                    if etag:
                        new_etags[url] = etag
                    if data is None:
                        outcome = UpdateOutcome("current", "the list on the server has not changed", url)
                        _record(engine, outcome, new_etags)
                        return outcome
                    outcome = _accept(engine, data, url, force)
                    _record(engine, outcome, new_etags)
                    return outcome
                except ListError as e:
                    last_error = e  # a bad list from one mirror: another mirror may have a good one
                except DownloadError as e:
                    last_error = e
                log.warning("update from %s failed: %s", url, last_error.message if last_error else "")
            if attempt + 1 < rounds:
                await asyncio.sleep(min(30.0, timeouts.backoff * 2**attempt) * (1 + random.random()))
    assert last_error is not None
    outcome = UpdateOutcome("failed", last_error.message, code=last_error.code)
    _record(engine, outcome, new_etags)
    return outcome


def _accept(engine: Engine, data: bytes, url: str, force: bool) -> UpdateOutcome:
    verified = verify_bundle(data, engine.trust)
    h = verified.header
    check_not_expired(h, datetime.now(UTC))
    with exclusive_lock(engine.places.lists_dir / ".update.lock"):
        seen_version, seen_digest = highest_seen(read_state(engine.places.state_file), h.publisher)
        check_not_rollback(h, verified.digest, seen_version, seen_digest)
        active = engine.loaded().active
        if not force and active is not None and active.digest == verified.digest:
            return UpdateOutcome("current", f"version {h.version} is already installed", url, h.version, h.publisher)
        install_bundle(engine, data, verified)
    engine.reload()
    return UpdateOutcome("updated", f"installed version {h.version} from {h.publisher}", url, h.version, h.publisher)


async def update_from_request(engine: Engine, request: dict[str, Any]) -> dict[str, Any]:
    """The extension may ask for an update, but only from the configured mirrors: a URL from
    the browser side is refused, so nothing a page does can make the host contact a server."""
    if "url" in request:
        raise InputError("'update' takes no url: mirrors come from the configuration", code="bad_request")
    outcome = await update_main_list(engine, None, request.get("force") is True)
    return outcome.to_dict()
