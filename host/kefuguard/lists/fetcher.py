"""Getting list bytes over HTTP(S): the network seam of the update client. No trust decisions here.

One `Fetcher` wraps one aiohttp session. `fetch()` sends a conditional GET (If-None-Match and
If-Modified-Since from the last accepted download), streams the body under a byte cap, follows
redirects only to hosts that are allowed (see `RedirectPolicy`), and turns every transport failure
into one `DownloadError` subclass with a stable code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from kefuguard.errors import (
    DownloadConnectionError,
    DownloadError,
    DownloadHTTPError,
    DownloadIncompleteError,
    DownloadTimeoutError,
    DownloadTooLargeError,
    InputError,
    RedirectRefusedError,
)
from kefuguard.transport_rules import check_transport, is_loopback_host

MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024
MAX_REDIRECTS = 3
USER_AGENT = "kefuguard-update"


@dataclass(frozen=True)
class Timeouts:
    """Per request. `read` is the longest silence between two reads (a server that stops
    sending); `total` bounds the whole request, so a server that trickles one byte a second
    (slow retrieval) is cut off too. `backoff` is the first retry delay; it doubles each round."""

    connect: float = 10.0
    read: float = 20.0
    total: float = 120.0
    backoff: float = 0.5


DEFAULT_TIMEOUTS = Timeouts()


def is_transient(e: Exception) -> bool:
    """Worth asking the same mirror again after a pause: a server error, a timeout, a dropped
    connection. Not: a 404, a list too large, a refused redirect, a list that did not verify."""
    if isinstance(e, DownloadHTTPError):
        return e.status >= 500 or e.status in (408, 429)
    if isinstance(e, (DownloadTooLargeError, RedirectRefusedError)):
        return False
    return isinstance(e, DownloadError)


def origin_of(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return (parts.scheme, (parts.hostname or "").lower(), port)


@dataclass(frozen=True)
class RedirectPolicy:
    """Redirects are followed only to an origin (scheme, host, port) of a configured mirror, and
    never from HTTPS to HTTP. The list is signed, so a redirect cannot change what is installed;
    the rule is about where the client goes: a managed network allows a few hosts through its
    firewall, and a mirror taken over must not be able to send every client to a host of its
    choosing (tracking, probing internal addresses)."""

    allowed: frozenset[tuple[str, str, int]]
    allow_plain_http: bool = False

    @classmethod
    def for_mirrors(cls, urls: list[str] | tuple[str, ...], allow_plain_http: bool = False) -> RedirectPolicy:
        return cls(frozenset(origin_of(u) for u in urls), allow_plain_http)

    def check(self, source: str, target: str) -> None:
        if urlsplit(source).scheme == "https" and urlsplit(target).scheme != "https":
            raise RedirectRefusedError(f"{source}: redirect from HTTPS to {target} refused")
        try:
            check_transport(target, self.allow_plain_http)
        except InputError as e:
            raise RedirectRefusedError(f"{source}: redirect to {target} refused ({e.message})") from e
        if origin_of(target) not in self.allowed:
            raise RedirectRefusedError(
                f"{source}: redirect to {target} refused: only the configured mirrors' hosts are followed"
            )


@dataclass(frozen=True)
class Validators:
    """What makes the next request conditional: the server's ETag and Last-Modified of the body
    we accepted, and the digest of that list, so a 304 is only trusted while we still have it."""

    etag: str | None = None
    last_modified: str | None = None
    digest: str | None = None

    def headers(self) -> dict[str, str]:
        h = {}
        if self.etag:
            h["If-None-Match"] = self.etag
        if self.last_modified:
            h["If-Modified-Since"] = self.last_modified
        return h

    def to_dict(self) -> dict[str, str]:
        pairs = (("etag", self.etag), ("last_modified", self.last_modified), ("digest", self.digest))
        return {k: v for k, v in pairs if v}

    @classmethod
    def from_dict(cls, raw: Any) -> Validators:
        if not isinstance(raw, dict):
            return cls()
        get = lambda k: raw.get(k) if isinstance(raw.get(k), str) else None  # noqa: E731
        return cls(get("etag"), get("last_modified"), get("digest"))


@dataclass
class FetchResult:
    url: str  # the URL asked for (a configured mirror)
    final_url: str  # after redirects
    body: bytes | None  # None: 304 Not Modified
    validators: Validators = field(default_factory=Validators)
    requests: int = 1
    body_bytes: int = 0


Progress = Callable[[str, dict[str, Any]], None]


def _no_progress(event: str, info: dict[str, Any]) -> None:
    pass


def proxy_for(url: str) -> str | None:
    """The system's proxy for this URL (environment, or the OS settings on Windows and macOS),
    never for loopback."""
    host = urlsplit(url).hostname or ""
    if is_loopback_host(host):
        return None
    from urllib.request import getproxies, proxy_bypass

    if proxy_bypass(host):
        return None
    proxy = getproxies().get(urlsplit(url).scheme)
    return proxy or None


class Fetcher:
    """One aiohttp session for one update run (`async with Fetcher(...) as f`)."""

    def __init__(
        self,
        timeouts: Timeouts = DEFAULT_TIMEOUTS,
        max_bytes: int = MAX_DOWNLOAD_BYTES,
        redirects: RedirectPolicy | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.timeouts = timeouts
        self.max_bytes = max_bytes
        self.redirects = redirects
        self.progress = progress or _no_progress
        self._session: Any = None
        self.requests = 0  # over this fetcher's life, failed ones included
        self.body_bytes = 0

    async def __aenter__(self) -> Fetcher:
        import aiohttp

        timeout = aiohttp.ClientTimeout(
            total=self.timeouts.total, sock_connect=self.timeouts.connect, sock_read=self.timeouts.read
        )
        # trust_env=False: proxies come from proxy_for(), which never proxies loopback
        self._session = aiohttp.ClientSession(
            timeout=timeout, trust_env=False, headers={"User-Agent": USER_AGENT}, auto_decompress=True
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._session is not None:
            await self._session.close()

    async def fetch(self, url: str, validators: Validators = Validators()) -> FetchResult:
        """The body, or None for 304 Not Modified. Raises a DownloadError subclass."""
        import aiohttp

        current, requests = url, 0
        try:
            while True:
                requests += 1
                self.requests += 1
                self.progress("request", {"url": current})
                async with self._session.get(
                    current, headers=validators.headers(), allow_redirects=False, proxy=proxy_for(current)
                ) as resp:
                    if resp.status in (301, 302, 303, 307, 308):
                        target = urljoin(current, resp.headers.get("Location", ""))
                        if requests > MAX_REDIRECTS:
                            raise RedirectRefusedError(f"{url}: more than {MAX_REDIRECTS} redirects")
                        if self.redirects is None:
                            raise RedirectRefusedError(f"{current}: redirect to {target} refused")
                        self.redirects.check(current, target)
                        current = target
                        continue
                    new = Validators(resp.headers.get("ETag"), resp.headers.get("Last-Modified"))
                    if resp.status == 304:
                        return FetchResult(url, current, None, validators, requests)
                    if resp.status != 200:
                        reason = f"HTTP {resp.status} {resp.reason or ''}".strip()
                        raise DownloadHTTPError(f"{current}: {reason}", resp.status)
                    body = await self._read_capped(resp, current)
                    return FetchResult(url, current, body, new, requests, len(body))
        except DownloadError:
            raise
        except TimeoutError as e:
            raise DownloadTimeoutError(f"{current}: {self._timeout_kind(e)}") from e
        except aiohttp.ClientPayloadError as e:
            raise DownloadIncompleteError(f"{current}: the body ended early ({_cause(e)})") from e
        except aiohttp.ClientConnectorError as e:
            raise DownloadConnectionError(f"{current}: cannot connect ({e.os_error.strerror or e.os_error})") from e
        except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError, ConnectionError) as e:
            raise DownloadConnectionError(f"{current}: connection lost ({_cause(e)})") from e
        except aiohttp.ClientError as e:
            raise DownloadConnectionError(f"{current}: {_cause(e)}") from e

    async def _read_capped(self, resp: Any, url: str) -> bytes:
        declared = resp.content_length
        if declared is not None and declared > self.max_bytes:
            raise DownloadTooLargeError(f"{url}: {declared} bytes declared, more than the {self.max_bytes}-byte cap")
        body = bytearray()
        async for chunk in resp.content.iter_chunked(1 << 16):
            body += chunk
            self.body_bytes += len(chunk)
            if len(body) > self.max_bytes:
                raise DownloadTooLargeError(f"{url}: more than the {self.max_bytes}-byte cap")
            self.progress("bytes", {"url": url, "received": len(body), "total": declared})
        encoded = resp.headers.get("Content-Encoding", "identity").lower() != "identity"
        if declared is not None and not encoded and len(body) != declared:
            raise DownloadIncompleteError(f"{url}: {len(body)} bytes received, {declared} declared")
        return bytes(body)

    def _timeout_kind(self, e: BaseException) -> str:
        import aiohttp

        if isinstance(e, aiohttp.ConnectionTimeoutError):
            return f"no connection within {self.timeouts.connect:g} s"
        if isinstance(e, aiohttp.SocketTimeoutError):
            return f"no data for {self.timeouts.read:g} s"
        return f"not complete within {self.timeouts.total:g} s"


def _cause(e: BaseException) -> str:
    text = str(e).strip()
    return f"{type(e).__name__}: {text}" if text else type(e).__name__
