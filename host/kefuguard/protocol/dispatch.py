"""One place that turns a decoded request into a reply: validation, routing, error replies.

The request types are those of protocol/messages.json (a test holds the two together); each has
one handler in the tables below. A `check_url` goes one way: the engine's per-host encoded result
(detect/url/check.check_url_json) is put in the reply envelope as it is, and a bad URL is answered
with the error that route raised.
"""

from __future__ import annotations

import json
import re
from collections import deque

from kefuguard.detect.url.check import host_alone_tail, plain_rest_is_alone
from kefuguard.detect.url.index import UrlIndex
from kefuguard.detect.url.parse import MAX_URL_CHARS
from kefuguard.errors import InputError, KefuguardError
from kefuguard.protocol.framing import HEADER, MAX_OUTGOING, encode_frame
from kefuguard.service.engine import Engine

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable
    from typing import Any

    UpdateHandler = Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]


def _log_internal_error(what: str, request: dict[str, Any]) -> None:
    import logging  # only here: the first reply of a host should not wait for it

    logging.getLogger("kefuguard.host").exception("internal error %s %s", what, str(request.get("type"))[:64])


MAX_ID_CHARS = 256
REMEMBERED_URLS = 200  # the URLs checked last, for protocol/known_verdicts.py at the host's exit

# A check_url frame as the browsers write it (Chromium's JSON writer sorts the keys; Firefox keeps
# the extension's order: type, url, id), with a non-negative integer id and a URL of printable
# ASCII that JSON leaves as it is (no space, '"' or '\\'): what a stream of link checks is made of.
# Such a frame is answered without decoding its JSON when its host's result is kept (Dispatcher.fast_frame).
# The URL is read as detect/url/parse.py's SIMPLE_URL reads it (scheme, host as written, port, the
# rest), in the same match: (URL, host, rest).
_PLAIN_ID = rb"(0|[1-9][0-9]{0,14})"
_URL_CHAR = rb"[\x21\x23-\x5b\x5d-\x7e]"
_PLAIN_URL = rb"((?:[hH][tT][tT][pP][sS]?)://([A-Za-z0-9.-]{1,253})(?::[0-9]{1,5})?([/?#]" + _URL_CHAR + rb"*)?)"
_CHECK_URL_SORTED = rb'\{"id":' + _PLAIN_ID + rb',"type":"check_url","url":"' + _PLAIN_URL + rb'"\}'
_CHECK_URL_AS_SENT = rb'\{"type":"check_url","url":"' + _PLAIN_URL + rb'","id":' + _PLAIN_ID + rb"\}"
_FIXED = len(b'{"id":,"ok":true,"result":{"url":"",}')  # the reply's bytes around id, URL and result
_compiled: list[re.Pattern[bytes]] = []  # on the first fast_frame: a host's first reply does not use them (~0.5 ms)


def _check_url_patterns() -> list[re.Pattern[bytes]]:
    if not _compiled:
        _compiled.extend((re.compile(_CHECK_URL_SORTED), re.compile(_CHECK_URL_AS_SENT)))
    return _compiled


def request_id(request: Any) -> Any:
    """The id to echo: an int or string the caller chose, else null."""
    if isinstance(request, dict):
        rid = request.get("id")
        if isinstance(rid, (int, str)) and not isinstance(rid, bool):
            return rid if not isinstance(rid, str) or len(rid) <= MAX_ID_CHARS else None
    return None


def ok(rid: Any, result: Any) -> dict[str, Any]:
    return {"id": rid, "ok": True, "result": result}


def error(rid: Any, code: str, message: str) -> dict[str, Any]:
    return {"id": rid, "ok": False, "error": {"code": code, "message": message[:2000]}}


def capped_frame(reply: dict[str, Any]) -> bytes:
    frame = encode_frame(reply)
    if len(frame) - HEADER.size > MAX_OUTGOING:
        frame = encode_frame(
            error(
                reply.get("id"),
                "reply_too_large",
                f"the reply would exceed {MAX_OUTGOING} bytes; send fewer or shorter messages",
            )
        )
    return frame


def _ok_frame_around(rid: Any, result_json: str) -> bytes:
    """An ok reply around a result already encoded as JSON (no decode and re-encode)."""
    encoded_id = str(rid) if isinstance(rid, int) else json.dumps(rid, ensure_ascii=False)
    body = '{"id":' + encoded_id + ',"ok":true,"result":' + result_json + "}"
    try:
        data = body.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate echoed from the URL: escaped by the general encoder
        return capped_frame(ok(rid, json.loads(result_json)))
    if len(data) > MAX_OUTGOING:
        return capped_frame(ok(rid, json.loads(result_json)))
    return HEADER.pack(len(data)) + data


class Dispatcher:
    def __init__(self, engine: Engine, update: UpdateHandler | None = None, caller_id: str | None = None) -> None:
        self.engine = engine
        self.update = update
        self.checked_urls: deque[str] = deque(maxlen=REMEMBERED_URLS)  # oldest first
        self.caller_id = caller_id  # the Chromium extension id that started the host, if any
        self._kept_index: UrlIndex | None = None  # fast_frame's, until forget_index()
        self.sync_handlers: dict[str, Callable[[Any, dict[str, Any]], bytes]] = {
            "check_url": self._check_url,
            "check_chat": self._check_chat,
            "check_page": self._check_page,
            "status": self._status,
            "managed_policy": self._managed_policy,
        }
        self.async_handlers: dict[str, Callable[[dict[str, Any]], Awaitable[Any]]] = {
            "update": self._update,
            "send_evidence": self._send_evidence,
        }

    def validate(self, request: Any) -> str:
        if not isinstance(request, dict):
            raise InputError("a request must be a JSON object")
        if "id" in request and request_id(request) is None:
            raise InputError(f"'id' must be an integer or a string of at most {MAX_ID_CHARS} characters")
        rtype = request.get("type")
        if not isinstance(rtype, str):
            raise InputError("'type' must be a string")
        if rtype not in self.sync_handlers and rtype not in self.async_handlers:
            raise InputError(f"unknown type {rtype[:64]!r}", code="unknown_type")
        return rtype

    # --- handlers: each gets a validated request ---------------------------------------------

    def _check_url(self, rid: Any, request: dict[str, Any]) -> bytes:
        if "url" not in request:
            raise InputError("check_url needs 'url'")
        tab_url = request.get("tab_url")
        if tab_url is not None and not isinstance(tab_url, str):
            raise InputError("'tab_url' must be a string")
        url = request["url"]
        frame = _ok_frame_around(rid, self.engine.check_url_json(url))
        self._remember(url)
        return frame

    def _remember(self, url: str) -> None:
        self.checked_urls.append(url)  # a deque: a dict's oldest key costs a scan past those deleted

    def _check_chat(self, rid: Any, request: dict[str, Any]) -> bytes:
        return capped_frame(ok(rid, self.engine.check_chat(request.get("url"), request.get("messages"))))

    def _check_page(self, rid: Any, request: dict[str, Any]) -> bytes:
        if "url" not in request or "page" not in request:
            raise InputError("check_page needs 'url' and 'page'")
        return capped_frame(ok(rid, self.engine.check_page(request["url"], request["page"])))

    def _status(self, rid: Any, request: dict[str, Any]) -> bytes:
        return capped_frame(ok(rid, self.engine.status()))

    def _managed_policy(self, rid: Any, request: dict[str, Any]) -> bytes:
        """The caller's managed settings that the machine's browser policy holds but the browser
        leaves out of storage.managed (wrong type, outside its choices, unknown): the extension
        cannot see them, the host can read the policy files (install/policies.py)."""
        from kefuguard.install.context import InstallContext
        from kefuguard.install.policies import ignored_for_extension

        ignored = ignored_for_extension(InstallContext.current(), self.caller_id) if self.caller_id else []
        return capped_frame(ok(rid, {"extension_id": self.caller_id, "ignored": ignored[:50]}))

    async def _update(self, request: dict[str, Any]) -> Any:
        if self.update is None:
            raise KefuguardError("updates are not available in this host", code="update.unavailable")
        return await self.update(request)

    async def _send_evidence(self, request: dict[str, Any]) -> Any:
        """POST an intact evidence file to the managed config's report endpoint (evidence/send.py)."""
        from kefuguard.evidence.send import send_evidence

        html = request.get("html")
        if not isinstance(html, str) or not html:
            raise InputError("send_evidence needs 'html': the evidence file's text")
        try:
            data = html.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError("'html' is not valid Unicode text (a lone surrogate)") from None
        settings = self.engine.settings
        return await send_evidence(data, settings.report_endpoint, max_bytes=settings.report_max_bytes)

    # --- entry points ------------------------------------------------------------------------

    def forget_index(self) -> None:
        """fast_frame(..., keep_index=True) asks the engine for the list's URL index again."""
        self._kept_index = None

    def fast_frame(self, body: bytes | bytearray, start: int, end: int, keep_index: bool = False) -> bytes | None:
        """The reply to the frame body `body[start:end]` when it is a plain check_url (above) whose
        result depends on its host alone (check.host_alone_key): the bytes frame_for would give,
        built from the UTF-8 result the engine keeps per host (index.encoded_raw) without decoding
        the frame or encoding JSON. None: anything else (another request, a URL with shape checks,
        an error to reply), to be decoded and answered by frame_for. `keep_index`: use the list's
        URL index this method kept since forget_index() (the host asks the engine once per read of
        frames, ~0.7 us a frame)."""
        check_url_sorted, check_url_as_sent = _compiled or _check_url_patterns()
        found = check_url_sorted.fullmatch(body, start, end)
        if found is not None:
            rid, url, host, rest = found.group(1, 2, 3, 4)
        else:
            found = check_url_as_sent.fullmatch(body, start, end)
            if found is None:
                return None
            url, host, rest, rid = found.group(1, 2, 3, 4)
        # a URL too long for a check is left to frame_for (its error), not bounded by the pattern:
        # a lookahead there read every URL twice
        if len(url) > MAX_URL_CHARS or (rest and not plain_rest_is_alone(rest)):
            return None
        index = self._kept_index if keep_index else None
        if index is None:
            try:
                index = self.engine.url_index()
            except Exception:  # noqa: BLE001 - no usable list: frame_for gives the error reply
                return None
            if keep_index:
                self._kept_index = index
        text = url.decode("ascii")
        key = host.decode("ascii")
        tail = index.encoded_raw.get(key)  # kept for this host as written: most frames of a page
        if tail is None:
            try:
                tail = host_alone_tail(text, key, index)
            except Exception:  # noqa: BLE001 - a bad URL: frame_for gives the error reply
                return None
            if tail is None:
                return None
        self.checked_urls.append(text)  # as _remember
        size = len(rid) + len(url) + len(tail) + _FIXED
        return b"".join((HEADER.pack(size), b'{"id":', rid, b',"ok":true,"result":{"url":"', url, b'",', tail, b"}"))

    def frame_for(self, request: Any) -> bytes | None:
        """The encoded reply frame for a request; None when `reply_async` must answer it."""
        rid = request_id(request)
        try:
            rtype = self.validate(request)
            handler = self.sync_handlers.get(rtype)
            if handler is None:
                return None
            return handler(rid, request)
        except KefuguardError as e:
            return capped_frame(error(rid, e.code, e.message))
        except Exception as e:  # a detector bug must cost one reply, not the whole port
            _log_internal_error("handling", request)
            return capped_frame(error(rid, "internal_error", f"internal error: {type(e).__name__}"))

    async def reply_async(self, request: dict[str, Any]) -> dict[str, Any]:
        rid = request_id(request)
        try:
            return ok(rid, await self.async_handlers[request["type"]](request))
        except KefuguardError as e:
            return error(rid, e.code, e.message)
        except Exception as e:
            _log_internal_error("during", request)
            return error(rid, "internal_error", f"internal error: {type(e).__name__}")
