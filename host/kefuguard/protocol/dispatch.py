"""One place that turns a decoded request into a reply: validation, routing, error replies."""

from __future__ import annotations

import json
import logging
import struct
from collections.abc import Awaitable, Callable
from typing import Any

from kefuguard.detect.url.check import check_url_json
from kefuguard.errors import InputError, KefuguardError
from kefuguard.protocol.framing import MAX_OUTGOING, encode_frame
from kefuguard.service.engine import Engine

log = logging.getLogger("kefuguard.host")

SYNC_TYPES = ("check_url", "check_chat", "status")
ASYNC_TYPES = ("update",)


def request_id(request: Any) -> Any:
    """The id to echo: an int or string the caller chose, else null."""
    if isinstance(request, dict):
        rid = request.get("id")
        if isinstance(rid, (int, str)) and not isinstance(rid, bool):
            return rid if not isinstance(rid, str) or len(rid) <= 256 else None
    return None


def ok(rid: Any, result: Any) -> dict[str, Any]:
    return {"id": rid, "ok": True, "result": result}


def error(rid: Any, code: str, message: str) -> dict[str, Any]:
    return {"id": rid, "ok": False, "error": {"code": code, "message": message[:2000]}}


def capped_frame(reply: dict[str, Any]) -> bytes:
    frame = encode_frame(reply)
    if len(frame) - 4 > MAX_OUTGOING:
        frame = encode_frame(
            error(
                reply.get("id"),
                "reply_too_large",
                f"the reply would exceed {MAX_OUTGOING} bytes; send fewer or shorter messages",
            )
        )
    return frame


class Dispatcher:
    def __init__(self, engine: Engine, update: Callable[[dict[str, Any]], Awaitable[dict[str, Any]]] | None = None):
        self.engine = engine
        self.update = update

    def _url_result_json(self, request: dict[str, Any]) -> str | None:
        """check_url's result as JSON on the fast path (detect/url_check.check_url_json caches per
        host); None sends the request down the full path, which also produces any error."""
        url = request.get("url")
        if not isinstance(url, str) or len(url) > 2048 or len(request) > 4:
            return None
        tab_url = request.get("tab_url")
        if tab_url is not None and not isinstance(tab_url, str):
            return None
        try:
            return check_url_json(url, self.engine.channels())
        except KefuguardError:
            return None

    def frame_for(self, request: Any) -> bytes | None:
        """The encoded reply frame for a sync request; None when `reply_async` must answer it."""
        if isinstance(request, dict) and request.get("type") == "check_url":
            cached = self._url_result_json(request)
            rid = request_id(request)
            if cached is not None and (rid is not None or "id" not in request):
                encoded_id = str(rid) if isinstance(rid, int) else json.dumps(rid, ensure_ascii=False)
                body = '{"id":' + encoded_id + ',"ok":true,"result":' + cached + "}"
                try:
                    data = body.encode("utf-8")
                except UnicodeEncodeError:
                    data = None
                if data is not None and len(data) <= MAX_OUTGOING:
                    return struct.pack("=I", len(data)) + data
        reply = self.reply_for(request)
        return None if reply is None else capped_frame(reply)

    def validate(self, request: Any) -> str:
        if not isinstance(request, dict):
            raise InputError("a request must be a JSON object")
        if "id" in request and request_id(request) is None:
            raise InputError("'id' must be an integer or a short string")
        rtype = request.get("type")
        if not isinstance(rtype, str):
            raise InputError("'type' must be a string")
        if rtype not in SYNC_TYPES + ASYNC_TYPES:
            raise InputError(f"unknown type {rtype[:64]!r}", code="unknown_type")
        return rtype

    def handle_sync(self, rtype: str, request: dict[str, Any]) -> Any:
        if rtype == "check_url":
            if "url" not in request:
                raise InputError("check_url needs 'url'")
            return self.engine.check_url(request["url"], request.get("tab_url"))
        if rtype == "check_chat":
            return self.engine.check_chat(request.get("url"), request.get("messages"))
        return self.engine.status()

    def reply_for(self, request: Any) -> dict[str, Any] | None:
        """The reply for a sync request, or None when the caller must await `reply_async`."""
        rid = request_id(request)
        try:
            rtype = self.validate(request)
            if rtype in ASYNC_TYPES:
                return None
            return ok(rid, self.handle_sync(rtype, request))
        except KefuguardError as e:
            return error(rid, e.code, e.message)
        except Exception as e:  # a detector bug must cost one reply, not the whole port
            log.exception("internal error handling %s", str(request.get("type"))[:64])
            return error(rid, "internal_error", f"internal error: {type(e).__name__}")

    async def reply_async(self, request: dict[str, Any]) -> dict[str, Any]:
        rid = request_id(request)
        if self.update is None:
            return error(rid, "update.unavailable", "updates are not available in this host")
        try:
            return ok(rid, await self.update(request))
        except KefuguardError as e:
            return error(rid, e.code, e.message)
        except Exception as e:
            log.exception("internal error during update")
            return error(rid, "internal_error", f"internal error: {type(e).__name__}")
