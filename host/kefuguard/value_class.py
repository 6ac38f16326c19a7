"""Value classes without `dataclasses`, for what a host's first URL check loads.

Importing `dataclasses` (with inspect, ast, dis and tokenize) costs a host start ~9 ms, and each
decorated class ~0.3 ms more to create (its methods are generated and compiled at import). A class
here writes its own `__init__` and names its fields in `_fields`; it gets `__eq__` and `__repr__`
(and, frozen, `__hash__` and no assignment) as `@dataclass` gave them, and `replace`: equal when of the same
class with equal fields, shown as `Name(field=value, ...)`.
"""

from __future__ import annotations

TYPE_CHECKING = False  # without importing typing: this runs before a host's first reply
if TYPE_CHECKING:
    from typing import Any


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen value (as dataclasses.FrozenInstanceError)."""


class Value:
    _fields: tuple[str, ...] = ()
    _not_compared: frozenset[str] = frozenset()  # compared and shown: every field but these
    _not_shown: frozenset[str] = frozenset()

    def _key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f) for f in self._fields if f not in self._not_compared)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key() == other._key()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable and compared by value, as a dataclass

    def replace(self, **changes: Any) -> Any:
        """A copy with some fields changed (as dataclasses.replace: every field is an argument of
        `__init__` by its own name)."""
        return type(self)(**{**{f: getattr(self, f) for f in self._fields}, **changes})

    def __repr__(self) -> str:
        shown = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields if f not in self._not_shown)
        return f"{type(self).__qualname__}({shown})"


class FrozenValue(Value):
    """Fields set once, by `__init__` through `self.__dict__`; hashed by value."""

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:  # type: ignore[override]  # None above: a mutable value is not hashable
        return hash(self._key())
