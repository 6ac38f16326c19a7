"""Canonical JSON (what signatures cover) and a strict parser that refuses ambiguous documents."""

from __future__ import annotations

import json

from kefuguard.errors import DuplicateKeyError, MalformedBundleError

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from typing import Any


def canonical_bytes(value: Any) -> bytes:
    """UTF-8, sorted keys, no insignificant whitespace, no NaN/Infinity."""
    try:
        text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        return text.encode("utf-8")
    except (ValueError, UnicodeEncodeError) as e:  # NaN, lone surrogates
        raise MalformedBundleError(f"cannot be written as canonical JSON: {e}") from e


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        dup = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise DuplicateKeyError(f"duplicate key {dup!r}: two readers could see two different lists")
    return obj


def _refuse_constant(name: str) -> Any:
    raise MalformedBundleError(f"{name} is not valid JSON")


def parse_strict(data: bytes) -> Any:
    """Parse JSON bytes, refusing invalid UTF-8, duplicate keys and NaN/Infinity."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise MalformedBundleError(f"not UTF-8 at byte {e.start}") from e
    try:
        return json.loads(text, object_pairs_hook=_refuse_duplicates, parse_constant=_refuse_constant)
    except json.JSONDecodeError as e:
        raise MalformedBundleError(f"not valid JSON: {e.msg} at line {e.lineno} column {e.colno}") from e
    except RecursionError as e:
        raise MalformedBundleError("JSON nested too deeply") from e
    except ValueError as e:  # an integer of over 4,300 digits (Python's int conversion limit)
        raise MalformedBundleError(f"not valid JSON: {e}") from e
