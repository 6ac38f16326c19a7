"""A big JSON array decoded one element at a time.

json.loads holds the interpreter for the whole document: the brands of a 10,000-brand list
(2.7 MB) took ~19 ms of CPU in one call, on the thread preparing a changed list, while the host's
loop waited to answer checks. Decoded element by element, other threads get the interpreter
between two elements; the result is the same list.
"""

from __future__ import annotations

import json

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

IN_PIECES_FROM = 256 * 1024  # bytes: smaller documents (the embedded list's brands) in one call
_SPACE = " \t\n\r"


def loads_array(data: bytes) -> Any:
    """json.loads(data), a top-level array of a big document decoded element by element."""
    if len(data) < IN_PIECES_FROM:
        return json.loads(data)
    text = data.decode("utf-8")
    try:
        return _array_in_pieces(text)
    except (IndexError, ValueError):
        return json.loads(text)  # not a plain array (or not JSON): json's own result or error


def _skip(text: str, i: int) -> int:
    while text[i] in _SPACE:
        i += 1
    return i


def _array_in_pieces(text: str) -> list[Any]:
    scan = json.JSONDecoder().raw_decode
    i = _skip(text, 0)
    if text[i] != "[":
        raise ValueError("not an array")
    items: list[Any] = []
    i = _skip(text, i + 1)
    if text[i] != "]":
        while True:
            item, i = scan(text, i)
            items.append(item)
            i = _skip(text, i)
            if text[i] == "]":
                break
            if text[i] != ",":
                raise ValueError("expected , or ]")
            i = _skip(text, i + 1)
    end = i + 1
    if end < len(text) and text[end:].strip(_SPACE):
        raise ValueError("extra data")
    return items
