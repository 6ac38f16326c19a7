"""Compact JSON, as json.dumps(value, ensure_ascii=False, separators=(",", ":")) writes it, from one
encoder made once. JSONEncoder.encode makes a new C encoder on every call, about a quarter of the
time it takes to encode a URL check's result (a browser's host encodes one for every new site).
Without the circular-reference check: results are trees made for the call."""

from __future__ import annotations

import json
from json import encoder as _json_encoder

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


def _refuse(value: object) -> object:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _compact_encoder() -> Callable[[Any], str]:
    make = getattr(_json_encoder, "c_make_encoder", None)  # not in the stubs: json's own, or None
    if make is None:  # an interpreter without json's C accelerator
        return json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
    # (markers, default, string encoder, indent, key separator, item separator, sort_keys,
    # skipkeys, allow_nan): JSONEncoder.iterencode's own call, without markers
    encoder = make(None, _refuse, _json_encoder.encode_basestring, None, ":", ",", False, False, True)

    def encode(value: Any) -> str:
        return "".join(encoder(value, 0))

    return encode


to_compact_json = _compact_encoder()
