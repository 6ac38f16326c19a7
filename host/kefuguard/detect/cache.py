"""A bounded memo for per-list caches of the detectors (verdicts per host, pages, encoded results).

Emptied whole when full: the working set of a page or a batch is far smaller than the bound, so a
reset is rare and cheaper than keeping an eviction order on every hit (the host's hot path).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Generic, TypeVar
else:
    from kefuguard.plain_typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    __slots__ = ("_items", "get", "limit")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._items: dict[K, V] = {}
        # the value kept for a key, else None: the dict's own get, called without a method of ours
        # in between (a host looks up every link's host; emptying keeps the same dict)
        self.get: Callable[[K], V | None] = self._items.get

    def put(self, key: K, value: V) -> V:
        if len(self._items) >= self.limit:
            self._items.clear()
        self._items[key] = value
        return value

    def __len__(self) -> int:
        return len(self._items)
