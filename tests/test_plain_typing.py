"""kefuguard.plain_typing stands in for typing's NamedTuple, Generic and TypeVar at run time (a host
start without importing typing): a class made with it behaves as one made with typing's."""

from __future__ import annotations

import pickle
import typing

import pytest

from kefuguard import plain_typing


def _classes(base):
    class Point(base):
        """A point."""

        x: int
        y: int = 0
        label: str | None = None

        def norm(self) -> int:
            return abs(self.x) + abs(self.y)

        @property
        def shown(self) -> str:
            return f"{self.label or ''}({self.x}, {self.y})"

    return Point


def test_a_named_tuple_class_is_typings():
    ours, theirs = _classes(plain_typing.NamedTuple), _classes(typing.NamedTuple)
    for kind in (ours, theirs):
        p = kind(3, -4)
        assert isinstance(p, tuple) and tuple(p) == (3, -4, None)
        assert p == (3, -4, None) and p.norm() == 7 and p.shown == "(3, -4)"
        assert repr(p) == "Point(x=3, y=-4, label=None)"
        assert p._replace(label="a") == (3, -4, "a") and kind(x=1, label="b").y == 0
        assert kind._fields == ("x", "y", "label") and kind._field_defaults == {"y": 0, "label": None}
        assert kind.__doc__ == "A point." and kind.__name__ == "Point"
        with pytest.raises(AttributeError):
            p.x = 1  # type: ignore[misc]
        with pytest.raises(TypeError):
            kind()  # x has no default
    assert hash(ours(1, 2)) == hash(theirs(1, 2)) and ours(1, 2) == theirs(1, 2)


def test_named_tuple_refuses_what_typing_refuses():
    for base in (plain_typing.NamedTuple, typing.NamedTuple):
        with pytest.raises(TypeError):

            class Bad(base):  # a field without a default after one with
                a: int = 0
                b: int

        with pytest.raises(AttributeError):

            class Worse(base):
                a: int

                def _asdict(self):  # namedtuple's own
                    return {}


def test_a_module_level_named_tuple_pickles():
    from kefuguard.detect.result import Reason

    reason = Reason("code", "message", "消息", official="taobao.com")
    assert pickle.loads(pickle.dumps(reason)) == reason


def test_generic_and_typevar_at_run_time():
    K = plain_typing.TypeVar("K")

    class Box(plain_typing.Generic[K]):
        __slots__ = ("item",)

        def __init__(self, item) -> None:
            self.item = item

    assert Box(3).item == 3 and Box[int] is Box and not hasattr(Box(3), "__dict__")


def test_plain_datetime_gives_datetimes_own_classes():
    import datetime
    import subprocess
    import sys

    from kefuguard import plain_datetime

    assert plain_datetime.datetime is datetime.datetime and plain_datetime.UTC is datetime.UTC
    # imported first, before any datetime: the same classes, and the same list times out of them
    code = (
        "from kefuguard.plain_datetime import UTC, datetime as d; import sys; assert 'datetime' not in sys.modules; "
        "t = d.fromisoformat('2026-12-05T02:00:00+08:00').astimezone(UTC); import datetime; "
        "assert d is datetime.datetime and UTC is datetime.UTC; print(t.strftime('%Y-%m-%dT%H:%M:%SZ'), repr(t))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "2026-12-04T18:00:00Z"
    assert " ".join(out[1:]) == "datetime.datetime(2026, 12, 4, 18, 0, tzinfo=datetime.timezone.utc)"
