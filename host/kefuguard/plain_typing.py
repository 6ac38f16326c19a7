"""typing's NamedTuple, Generic and TypeVar at run time, without importing typing (~3 ms of a host's
start to its first URL check). A module of that path imports them from here, and type checkers
see typing's own:

    TYPE_CHECKING = False
    if TYPE_CHECKING:
        from typing import NamedTuple
    else:
        from kefuguard.plain_typing import NamedTuple

`class X(NamedTuple)` makes the class `typing.NamedTuple` makes (collections.namedtuple with the
annotated fields, their defaults, and the class's methods and docstring); `Generic[...]` is an
empty base; a TypeVar is its name. tests/test_plain_typing.py compares them with typing's.
"""

from __future__ import annotations

from collections import namedtuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_make: Any = namedtuple  # called with names known only at run time

# what a NamedTuple class body may not set, and what collections.namedtuple sets itself
_PROHIBITED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults"})
_PROHIBITED |= {"_make", "_replace", "_asdict", "_source"}
_SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})


class _NamedTupleMeta(type):
    def __new__(cls, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> Any:
        fields = namespace.get("__annotations__", {})
        defaults = []
        for field in fields:
            if field in namespace:
                defaults.append(namespace[field])
            elif defaults:
                raise TypeError(f"Non-default namedtuple field {field} cannot follow default field")
        made = _make(name, list(fields), defaults=defaults, module=namespace["__module__"])
        made.__annotations__ = made.__new__.__annotations__ = dict(fields)
        for key, value in namespace.items():
            if key in _PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _SPECIAL and key not in made._fields:
                setattr(made, key, value)
        return made


_NamedTuple = type.__new__(_NamedTupleMeta, "NamedTuple", (), {})


class _NamedTupleBase:
    """`class X(NamedTuple)`: the class statement is handed to _NamedTupleMeta."""

    def __mro_entries__(self, bases: tuple[Any, ...]) -> tuple[type]:
        return (_NamedTuple,)


NamedTuple = _NamedTupleBase()


class Generic:
    """`class X(Generic[K, V])` at run time: a plain base."""

    __slots__ = ()

    def __class_getitem__(cls, params: object) -> type:
        return cls


def TypeVar(name: str) -> str:  # noqa: N802 - typing's name
    return name
