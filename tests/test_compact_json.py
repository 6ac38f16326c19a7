"""compact_json.to_compact_json writes what json.dumps(ensure_ascii=False, separators=(",", ":"))
writes, for every kind of value a result holds, and refuses what json refuses."""

from __future__ import annotations

import json
import math

import pytest

from kefuguard.compact_json import to_compact_json

VALUES = [
    {},
    [],
    "",
    "淘宝“客服”\n\t\\\"</script>\u2028\ud800",
    {"level": "danger", "reasons": [{"code": "x", "message_zh": "这不是淘宝的网站。", "official": None}]},
    {"n": 202612050333, "f": 0.1, "big": 10**30, "neg": -3, "t": True, "fa": False, "tuple": (1, "二")},
    {"nan": math.nan, "inf": math.inf, "minus_inf": -math.inf},
    {1: "int key", None: "null key", True: "bool key", 2.5: "float key"},
    [[[[["deep"]]]]],
    "x" * 100_000,
]


@pytest.mark.parametrize("value", VALUES)
def test_the_same_text_as_json_dumps(value):
    assert to_compact_json(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def test_what_json_refuses_is_refused_and_the_encoder_goes_on():
    for bad in ({"set": {1}}, [object()], {("tuple", "key"): 1}):
        with pytest.raises(TypeError):
            to_compact_json(bad)
    assert to_compact_json({"after": ["an error"]}) == '{"after":["an error"]}'
