"""A Result as compact JSON, the same text as `to_compact_json(result.to_dict())`, without the dict.

A chat check's result is mostly fixed texts: each reason's code and its English and Chinese
message, each line of advice. The general encoder escapes every one of them again for every reply
(~55 strings, ~7 us of a text check's ~10 us of encoding); here the encoded head of a reason and the
encoded lines of advice are kept (bounded), and what the message itself brings (what was matched,
the official channel compared with) is encoded each time. Reasons of a link's own check are not kept:
their messages can name the link's host.
"""

from __future__ import annotations

from json import encoder as _json_encoder

from kefuguard.compact_json import to_compact_json
from kefuguard.detect.result import Advice, Reason, Result

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_string = _json_encoder.encode_basestring  # json's own (in C): what to_compact_json writes a str with
MAX_KEPT = 4096  # encoded reason heads and advice lines: a few codes and lines per brand of the list
_BASE = frozenset(Result._fields)

_heads: dict[tuple[str, str, str], str] = {}
_advice: dict[Advice, tuple[str, str]] = {}


def _value(value: Any) -> str:
    if value.__class__ is str:
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value.__class__ is int:
        return int.__repr__(value)
    return to_compact_json(value)


def _reason(r: Reason) -> str:
    key = (r.code, r.message, r.message_zh)
    head = _heads.get(key)
    if head is None:
        head = '{"code":' + _value(r.code) + ',"message":' + _value(r.message) + ',"message_zh":' + _value(r.message_zh)
        if len(_heads) < MAX_KEPT and not r.code.startswith("link."):
            _heads[key] = head
    if r.official is not None:
        head += ',"official":' + _value(r.official)
    if r.matched is not None:
        head += ',"matched":' + _value(r.matched)
    return head + "}"


def _advice_lines(a: Advice) -> tuple[str, str]:
    kept = _advice.get(a)
    if kept is None:
        kept = (_value(a.en), _value(a.zh))
        if len(_advice) < MAX_KEPT:
            _advice[a] = kept
    return kept


def result_json(result: Result) -> str:
    """`to_compact_json(result.to_dict())`, byte for byte."""
    extra = result.extra
    if (
        not _BASE.isdisjoint(extra)
        or any(key.__class__ is not str for key in extra)
        or result.reasons.__class__ is not list
        or result.advice.__class__ is not list
    ):
        return to_compact_json(result.to_dict())  # what the plain path does with unusual fields
    advice = [_advice_lines(a) for a in result.advice]
    level, brand, publisher = result.level, result.brand, result.publisher
    parts = [
        '{"level":',
        _string(level) if level.__class__ is str else _value(level),
        ',"reasons":[',
        ",".join([_reason(r) for r in result.reasons]),
        '],"advice":[',
        ",".join([en for en, _ in advice]),
        '],"advice_zh":[',
        ",".join([zh for _, zh in advice]),
        '],"brand":',
        _string(brand) if brand.__class__ is str else _value(brand),
        ',"list_version":',
        _value(result.list_version),
        ',"list_stale":',
        _value(result.list_stale),
        ',"publisher":',
        _string(publisher) if publisher.__class__ is str else _value(publisher),
    ]
    for key, value in extra.items():
        parts += [",", _string(key), ":", _string(value) if value.__class__ is str else _value(value)]
    parts.append("}")
    return "".join(parts)
