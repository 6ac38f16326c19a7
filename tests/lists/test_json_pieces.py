"""A big brands file is decoded element by element (lists/json_pieces.py): the same value as
json.loads, and json's own error for what is not a JSON array."""

from __future__ import annotations

import json

import pytest

from kefuguard.lists import json_pieces
from kefuguard.lists.json_pieces import loads_array


def big(value) -> bytes:
    data = json.dumps(value, ensure_ascii=False).encode("utf-8")
    assert len(data) >= json_pieces.IN_PIECES_FROM
    return data


def test_a_big_array_decodes_to_what_json_loads_gives():
    brands = [
        {"id": f"b{i}", "names": {"zh": "银行", "en": f"Bank {i}"}, "domains": [f"b{i}.example"], "n": [i, 1.5, None]}
        for i in range(5000)
    ]
    for data in (big(brands), json.dumps(brands, indent=2).encode("utf-8"), b" \n" + big(brands) + b"\n "):
        assert loads_array(data) == json.loads(data)
    assert loads_array(b"[" + b" " * json_pieces.IN_PIECES_FROM + b"]") == []


def test_what_is_not_an_array_gets_json_loads_result_or_error():
    padding = " " * json_pieces.IN_PIECES_FROM
    assert loads_array(('{"a": [1, 2]}' + padding).encode()) == {"a": [1, 2]}
    for broken in ("[1, 2" + padding, "[1, 2]" + padding + "x", "[1 2]" + padding, "[1,]" + padding):
        with pytest.raises(json.JSONDecodeError):
            json.loads(broken)
        with pytest.raises(json.JSONDecodeError):
            loads_array(broken.encode())


def test_a_small_file_is_decoded_in_one_call(monkeypatch):
    monkeypatch.setattr(json_pieces, "_array_in_pieces", lambda text: pytest.fail("decoded in pieces"))
    assert loads_array(b'[{"id": "x"}]') == [{"id": "x"}]
