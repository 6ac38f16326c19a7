"""Frames: a 4-byte length in native byte order, then that many bytes of UTF-8 JSON."""

from __future__ import annotations

import json
import struct

from kefuguard.compact_json import to_compact_json
from kefuguard.errors import ProtocolError

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from typing import Any

HEADER = struct.Struct("=I")  # native order, standard 4-byte size
MAX_INCOMING = 64 * 1024 * 1024  # Chrome's own limit for extension -> host
MAX_OUTGOING = 1024 * 1024  # browsers drop a host that sends more


def encode_frame(message: Any) -> bytes:
    try:
        body = to_compact_json(message).encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates echoed from input: escape them instead
        body = json.dumps(message, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    return HEADER.pack(len(body)) + body


def decode_length(header: bytes) -> int:
    return HEADER.unpack(header)[0]


def decode_body(body: bytes) -> Any:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ProtocolError(f"frame is not valid UTF-8 (byte {e.start})", code="bad_utf8") from e
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ProtocolError(f"frame is not valid JSON: {e.msg} at column {e.colno}", code="bad_json") from e
    except RecursionError as e:
        raise ProtocolError("frame JSON is nested too deeply", code="bad_json") from e
    except ValueError as e:  # an integer of over 4,300 digits (Python's int conversion limit)
        raise ProtocolError(f"frame is not valid JSON: {e}", code="bad_json") from e
