"""The HTTP API of `kefuguard serve`: routes, the error and metrics middleware, token and CORS.

Every check answers with the result objects of the CLI and the native host (they come from the same
Engine). Checks take well under a millisecond (a 1,000-URL batch or a long conversation some tens of
milliseconds) and are CPU-bound, so they run inline on the event loop: a thread would only add a
hand-over per request under the GIL (docs/serve.md, benchmarks/bench_serve.py).

Errors are JSON, `{"error": {"code", "message", "message_zh"}}`, whatever went wrong; an exception
nobody expected is logged and answered as a 500 `internal_error` without its traceback.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from kefuguard.compact_json import to_compact_json
from kefuguard.errors import InputError, KefuguardError, ListError, NoUsableListError, error_zh
from kefuguard.lists.merged import base_list
from kefuguard.serve.batched_checks import BatchedChecks
from kefuguard.serve.console import CONSOLE_HEADERS, CONSOLE_HTML
from kefuguard.serve.metrics import CONTENT_TYPE as METRICS_CONTENT_TYPE
from kefuguard.serve.metrics import Metrics
from kefuguard.service.engine import Engine

log = logging.getLogger("kefuguard.serve")

MAX_BODY = 2 * 1024 * 1024  # bytes of a request body: 1,000 URLs of 2,000 characters fit
MAX_URLS = 1_000  # URLs in one /v1/check/url batch
ECHO_CHARS = 200  # an input repeated in a batch's error object: enough to find it, never megabytes
MAX_REMEMBERED_HOSTS = 64  # Host headers whose loopback verdict is remembered
HEADERS_ALLOWANCE = 4096  # bytes a response's status line and headers take at most (ours, not a client's)
JSON_TYPE = "application/json; charset=utf-8"
ENDPOINTS = frozenset(
    ("/", "/healthz", "/metrics", "/v1/status", "/v1/check/url", "/v1/check/text", "/v1/check/contact", "/v1/check/page")
)
# the metrics' label values: a client's made-up path or method must not add a time series each
METHODS = frozenset(("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"))
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Limits:
    """Sizes and timeouts (seconds). docs/serve.md lists them; tests shorten the timeouts."""

    max_body: int = MAX_BODY
    max_urls: int = MAX_URLS
    # an idle keep-alive connection is closed after this, counted from the connection's start or its
    # last response; a request's headers must be complete within it (half-open and trickling clients)
    keepalive_timeout: float = 15.0
    body_timeout: float = 30.0  # a request's body, once its headers are in (408 after)
    write_timeout: float = 30.0  # a response to a client that does not read it (the connection is dropped)
    shutdown_timeout: float = 20.0  # after SIGTERM: in-flight requests get this long to finish
    lingering_time: float = 2.0  # reading and dropping the rest of a refused body before closing


@dataclass(frozen=True)
class Options:
    token: str | None = None  # every request but /healthz must carry it (Authorization: Bearer)
    cors_origins: tuple[str, ...] = ()  # web origins allowed to call the API from a browser
    # listening on loopback without a token: only Host headers naming loopback are answered, so a web
    # page cannot reach the service through a DNS name rebound to 127.0.0.1
    loopback_hosts_only: bool = False
    limits: Limits = field(default_factory=Limits)


class ApiError(Exception):
    def __init__(
        self, status: int, code: str, message: str, message_zh: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.message_zh = message_zh
        self.headers = headers or {}


# Chinese for the service's own errors (the engine's carry theirs, or errors.error_zh knows the code)
_ZH = {
    "bad_json": "请求正文不是有效的 JSON",
    "bad_request": "请求格式不对",
    "batch_too_large": "一次最多检查 1,000 个网址",
    "unauthorized": "缺少或错误的访问令牌",
    "host_not_allowed": "只接受以本机地址访问",
    "not_found": "没有这个地址",
    "method_not_allowed": "不支持这种请求方法",
    "too_large": "请求正文过大",
    "timeout": "请求正文发送超时",
    "internal_error": "服务内部错误",
    "list.none_usable": "没有可用的名单：没有一份名单通过验证，无法检查",
}


def error_body(code: str, message: str, message_zh: str | None = None) -> dict[str, Any]:
    zh = message_zh or _ZH.get(code) or error_zh(KefuguardError(message, code=code))
    return {"error": {"code": code, "message": message, "message_zh": zh}}


_ASCII_ENCODER = json.JSONEncoder(separators=(",", ":"))


def encode(obj: Any) -> bytes:
    """Compact UTF-8 JSON; a lone surrogate (a \\ud800 escape in the request) is sent escaped."""
    try:
        return to_compact_json(obj).encode("utf-8")
    except UnicodeEncodeError:
        return _ASCII_ENCODER.encode(obj).encode("ascii")


def _encode_raw(text: str) -> bytes:
    """JSON already encoded as text (results from Engine.check_url_json) as UTF-8 bytes."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return encode(json.loads(text))


def json_response(obj: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return raw_json_response(encode(obj), status, headers)


def raw_json_response(body: bytes, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(body=body, status=status, headers={"Content-Type": JSON_TYPE, **(headers or {})})


def error_response(e: ApiError) -> web.Response:
    return json_response(error_body(e.code, e.message, e.message_zh), e.status, e.headers)


def _written_without_waiting(request: web.Request, response: web.StreamResponse) -> bool:
    """Whether prepare() + write_eof() of this response finish without waiting for the client: aiohttp
    waits (drain) only once the transport's buffer passes its high-water mark, so a response that
    fits under it, on a connection with nothing buffered, is handed to the socket or buffered whole."""
    transport = request.transport
    body = response.body if isinstance(response, web.Response) else None
    if transport is None or not isinstance(body, bytes) or transport.get_write_buffer_size():
        return False
    return len(body) + HEADERS_ALLOWANCE <= transport.get_write_buffer_limits()[1]


_LEVEL = re.compile(r'"level":"([a-z]+)"')


def _level_of(result_json: str) -> str:
    """The level of an encoded URL result without decoding it: its first `"level":"` is the result's
    own (a string value cannot hold that sequence unescaped, and `level` is the second key)."""
    m = _LEVEL.search(result_json)
    return m.group(1) if m else str(json.loads(result_json).get("level"))


def _is_loopback_host(host_header: str) -> bool:
    host = host_header.strip().lower()
    if host.startswith("["):
        host = host[1 : host.find("]")] if "]" in host else host
    elif host.count(":") == 1:
        host = host.split(":", 1)[0]
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Service:
    """The routes and the middleware around them, over one Engine."""

    def __init__(self, engine: Engine, options: Options | None = None, metrics: Metrics | None = None) -> None:
        self.engine = engine
        self.options = options or Options()
        self.limits = self.options.limits
        self.metrics = metrics or Metrics()
        self._token = self.options.token.encode("utf-8") if self.options.token else None
        # Host header -> names loopback: a client sends the same one on every request
        self._loopback_hosts: dict[str, bool] = {}
        # one-message text checks of the requests that arrived together run back to back (batched_checks.py)
        self._text_checks = BatchedChecks(self._text_reply)
        self.draining = False  # stopping: each response closes its connection (Server.stop)

    # --- the application --------------------------------------------------------------------

    def app(self) -> web.Application:
        app = web.Application(middlewares=[self.middleware], client_max_size=self.limits.max_body)
        app.router.add_get("/", self.console)
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get("/metrics", self.metrics_text)
        app.router.add_get("/v1/status", self.status)
        app.router.add_post("/v1/check/url", self.check_url)
        app.router.add_post("/v1/check/text", self.check_text)
        app.router.add_post("/v1/check/contact", self.check_contact)
        app.router.add_post("/v1/check/page", self.check_page)
        return app

    def _headers(self, request: web.Request, response: web.StreamResponse) -> None:
        """Headers of every response, errors included (every response is sent by _send)."""
        response.headers["Server"] = "kefuguard"
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Cache-Control", "no-store")
        origin = request.headers.get("Origin")
        if origin and origin in self.options.cors_origins:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Vary"] = "Origin"

    def _refusal(self, request: web.Request) -> web.StreamResponse | None:
        """A CORS preflight's answer, or an ApiError for a request not let in; None: go on."""
        if (
            request.method == "OPTIONS"
            and self.options.cors_origins
            and request.headers.get("Origin") in self.options.cors_origins
            and "Access-Control-Request-Method" in request.headers
        ):  # before the token: browsers send preflights without credentials
            return web.Response(
                status=204,
                headers={
                    "Access-Control-Allow-Methods": "GET, POST",
                    "Access-Control-Allow-Headers": "Authorization, Content-Type",
                    "Access-Control-Max-Age": "600",
                },
            )
        if self.options.loopback_hosts_only and not self._host_is_loopback(request.host):
            raise ApiError(403, "host_not_allowed", "this service answers only requests addressed to loopback")
        # the console page holds no data (it asks for the token and sends it with each request)
        open_path = request.path == "/healthz" or (request.path == "/" and request.method in ("GET", "HEAD"))
        if self._token is not None and not open_path:
            scheme, _, given = request.headers.get("Authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not given.strip():
                raise ApiError(
                    401,
                    "unauthorized",
                    "this service needs a token: send Authorization: Bearer <token>",
                    headers={"WWW-Authenticate": 'Bearer realm="kefuguard"'},
                )
            if not hmac.compare_digest(given.strip().encode("utf-8", "replace"), self._token):
                raise ApiError(
                    401,
                    "unauthorized",
                    "wrong token",
                    "访问令牌错误",
                    headers={"WWW-Authenticate": 'Bearer realm="kefuguard", error="invalid_token"'},
                )
        return None

    def _host_is_loopback(self, host: str) -> bool:
        known = self._loopback_hosts.get(host)
        if known is None:
            known = _is_loopback_host(host)
            if len(self._loopback_hosts) < MAX_REMEMBERED_HOSTS:  # made-up Host headers cannot grow it
                self._loopback_hosts[host] = known
        return known

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Errors as JSON, the write timeout, and the request's line in the metrics."""
        started = time.perf_counter()
        metrics = self.metrics
        metrics.in_flight += 1
        status = 499  # counted so if the handler is cancelled (the service stopping past its drain time)
        try:
            try:
                response = self._refusal(request) or await handler(request)
            except ApiError as e:
                response = error_response(e)
            except web.HTTPException as e:
                response = self._http_error(e)
            except InputError as e:
                response = json_response(error_body(e.code, e.message, getattr(e, "message_zh", None)), 400)
            except NoUsableListError as e:
                response = json_response(error_body(e.code, e.message), 503)
            except ListError as e:
                log.warning("list problem answering %s: %s", request.path, e)
                response = json_response(error_body(e.code, e.message), 503)
            except Exception as e:  # noqa: BLE001 - a bug costs one request, never a traceback to the client
                log.exception("internal error answering %s %s", request.method, request.path)
                code = e.code if isinstance(e, KefuguardError) else "internal_error"
                response = json_response(error_body(code, f"internal error ({type(e).__name__}); it was logged"), 500)
            status = response.status
            await self._send(request, response)
            return response
        finally:
            metrics.in_flight -= 1
            endpoint = request.path if request.path in ENDPOINTS else "other"
            method = request.method if request.method in METHODS else "other"
            metrics.request(endpoint, method, status, time.perf_counter() - started)

    def _http_error(self, e: web.HTTPException) -> web.Response:
        headers: dict[str, str] = {}
        if isinstance(e, web.HTTPMethodNotAllowed):
            headers["Allow"] = ", ".join(sorted(e.allowed_methods))
            body = error_body("method_not_allowed", f"{e.method} is not allowed here; use {headers['Allow']}")
        elif isinstance(e, web.HTTPNotFound):
            body = error_body("not_found", "no such endpoint (see GET / and docs/serve.md)")
        elif isinstance(e, web.HTTPRequestEntityTooLarge):
            body = self._too_large()
        else:
            body = error_body(f"http_{e.status}", e.reason)
        return json_response(body, e.status, headers)

    def _too_large(self) -> dict[str, Any]:
        return error_body("too_large", f"the request body is over {self.limits.max_body:,} bytes")

    async def _send(self, request: web.Request, response: web.StreamResponse) -> None:
        """Write the response here, within the write timeout (aiohttp itself would wait on a client
        that never reads for ever); after a timeout the connection is dropped."""
        if self.draining:
            response.force_close()  # Connection: close, and no further request on it
        self._headers(request, response)
        if _written_without_waiting(request, response):
            # the connection's send buffer is empty and the response fits under its high-water mark:
            # writing it cannot wait on the client, so no timer (one per request costs ~5 us)
            await response.prepare(request)
            await response.write_eof()
            return
        try:
            async with asyncio.timeout(self.limits.write_timeout):
                await response.prepare(request)
                await response.write_eof()
        except TimeoutError:
            log.warning("a client did not read its response within %g s; connection dropped", self.limits.write_timeout)
            if request.transport is not None:
                request.transport.abort()

    async def read_object(self, request: web.Request) -> dict[str, Any]:
        """The request's JSON object, within the size limit and the body timeout."""
        if request.content_length is not None and request.content_length > self.limits.max_body:
            raise ApiError(413, "too_large", self._too_large()["error"]["message"])
        try:
            if request.content.is_eof():  # the whole body is in: reading it cannot wait
                body = await request.read()
            else:
                async with asyncio.timeout(self.limits.body_timeout):
                    body = await request.read()
        except TimeoutError:
            raise ApiError(
                408, "timeout", f"the request body did not arrive within {self.limits.body_timeout:g} s"
            ) from None
        except web.HTTPRequestEntityTooLarge:
            raise ApiError(413, "too_large", self._too_large()["error"]["message"]) from None
        try:
            value = json.loads(body)
        except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
            raise ApiError(400, "bad_json", "the request body is not valid JSON (UTF-8)") from None
        if not isinstance(value, dict):
            raise ApiError(400, "bad_request", "the request body must be a JSON object")
        return value

    # --- routes -----------------------------------------------------------------------------

    async def console(self, request: web.Request) -> web.Response:
        return web.Response(body=CONSOLE_HTML, headers=CONSOLE_HEADERS)

    def _list_usable(self) -> bool:
        try:
            return self.engine.loaded().active is not None
        except Exception:  # noqa: BLE001 - an unreadable state is not a usable list
            log.exception("cannot read the list for /healthz")
            return False

    async def healthz(self, request: web.Request) -> web.Response:
        ok = self._list_usable()
        return json_response({"ok": ok}, 200 if ok else 503)

    async def metrics_text(self, request: web.Request) -> web.Response:
        info = None
        try:
            main = base_list(self.engine.loaded().active)
            if main is not None:
                header = main.header
                info = {"version": header.version, "issued": header.issued, "stale": header.is_stale()}
        except Exception:  # noqa: BLE001 - the counters are still worth a scrape
            log.exception("cannot read the list for /metrics")
        text = self.metrics.render(info)
        return web.Response(body=text.encode("utf-8"), headers={"Content-Type": METRICS_CONTENT_TYPE})

    async def status(self, request: web.Request) -> web.Response:
        return json_response(self.engine.status())

    async def check_url(self, request: web.Request) -> web.Response:
        body = await self.read_object(request)
        engine, metrics = self.engine, self.metrics
        if "urls" in body:
            if "url" in body:
                raise ApiError(400, "bad_request", "send 'url' or 'urls', not both")
            urls = body["urls"]
            if not isinstance(urls, list):
                raise ApiError(400, "bad_request", "'urls' must be a list of strings")
            if len(urls) > self.limits.max_urls:
                raise ApiError(
                    400,
                    "batch_too_large",
                    f"at most {self.limits.max_urls:,} URLs per request (this one has {len(urls):,})",
                    f"一次最多检查 {self.limits.max_urls:,} 个网址（本次 {len(urls):,} 个）",
                )
            parts = []
            for url in urls:
                try:
                    result = engine.check_url_json(url)
                except InputError as e:  # in its place; a missing list (503) still fails the request
                    echo = url[:ECHO_CHARS] if isinstance(url, str) else None
                    parts.append(
                        encode({**error_body(e.code, e.message, getattr(e, "message_zh", None)), "input": echo})
                    )
                    continue
                metrics.verdict("url", _level_of(result))
                parts.append(_encode_raw(result))
            return raw_json_response(b'{"results":[' + b",".join(parts) + b"]}")
        if "url" not in body:
            raise ApiError(400, "bad_request", 'send {"url": "..."} or {"urls": ["...", ...]}')
        result = engine.check_url_json(body["url"])
        metrics.verdict("url", _level_of(result))
        return raw_json_response(b'{"result":' + _encode_raw(result) + b"}")

    async def check_text(self, request: web.Request) -> web.Response:
        body = await self.read_object(request)
        if "messages" in body:
            if "text" in body:
                raise ApiError(400, "bad_request", "send 'text' (one message) or 'messages' (a conversation), not both")
            result = self.engine.check_chat(body.get("url"), body["messages"])
            self.metrics.verdict("chat", result["level"])
            return json_response({"result": result})
        level, reply = await self._text_checks.check(body)
        self.metrics.verdict("text", level)
        return raw_json_response(reply)

    def _text_reply(self, body: dict[str, Any]) -> tuple[str, bytes]:
        """One message's level and encoded reply; encoded in the batch too, beside the other checks."""
        level, result = self.engine.check_text_json(body)
        return level, b'{"result":' + _encode_raw(result) + b"}"

    async def check_page(self, request: web.Request) -> web.Response:
        """A page's address and what it shows of itself (detect/page_claim.py)."""
        body = await self.read_object(request)
        if "url" not in body or "page" not in body:
            raise ApiError(400, "bad_request", 'send {"url": U, "page": {"title", "site_name", "headings", "logos", "fields"}}')
        result = self.engine.check_page(body["url"], body["page"])
        self.metrics.verdict("page", result["level"])
        return json_response({"result": result})

    async def check_contact(self, request: web.Request) -> web.Response:
        body = await self.read_object(request)
        if "contact" not in body:
            raise ApiError(400, "bad_request", 'send {"contact": "+86 95188" | "qq:12345" | "wechat:abc" | ...}')
        result = self.engine.check_contact(body["contact"])
        self.metrics.verdict("contact", result["level"])
        return json_response({"result": result})
