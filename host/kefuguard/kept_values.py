"""Values a host reads back from files an earlier host kept, made when first used.

A host's first check of a site touches a handful of a list's ~650 brands and ~1,500 lookalike
targets; making all of them from the kept files cost ~2.5 ms of its start. These stand for the
tuple of brands and the dicts of targets until everything is read between requests, and answer
every question the plain values answer, the same way.
"""

from __future__ import annotations

import marshal
from _thread import RLock  # not threading (~0.6 ms to import): this loads before a first reply
from collections.abc import Mapping, Sequence

from kefuguard.lists.model import Brand, ImAccount

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import Any

_ABSENT = object()


class ByKey(Mapping):
    """{key: number(s)} whose values are made on first lookup by `make` (each once); reads like the
    dict it stands for (order, views, reversed items). `plain()` makes that dict."""

    __slots__ = ("_numbers", "_make", "_made")

    def __init__(self, numbers: dict[Any, Any], make: Callable[[Any], Any]) -> None:
        self._numbers, self._make = numbers, make
        self._made: dict[Any, Any] = {}

    def __getitem__(self, key: Any) -> Any:
        made = self._made.get(key, _ABSENT)
        if made is _ABSENT:
            made = self._made[key] = self._make(self._numbers[key])
        return made

    def get(self, key: Any, default: Any = None) -> Any:
        return self[key] if key in self._numbers else default

    def __contains__(self, key: object) -> bool:
        return key in self._numbers

    def __iter__(self) -> Iterator[Any]:
        return iter(self._numbers)

    def __len__(self) -> int:
        return len(self._numbers)

    def keys(self) -> Any:
        return self._numbers.keys()

    def items(self) -> Any:  # dict views, as the plain dict's (reversed() of them is used)
        return self.plain().items()

    def values(self) -> Any:
        return self.plain().values()

    def plain(self) -> dict[Any, Any]:
        return {k: self[k] for k in self._numbers}


def brand_from_row(r: tuple[Any, ...]) -> Brand:
    """A Brand from its kept row (brand_index_file.encode_brands), as parse_brands made it."""
    return Brand(r[0], r[1], r[2], r[3], r[4], tuple(ImAccount(*i) for i in r[5]), r[6], r[7], r[8], r[9], r[10])


def domain_owners(brands: Sequence[Brand]) -> dict[str, int]:
    """{official domain: number of the first brand naming it}: whose site a domain is."""
    owners: dict[str, int] = {}
    for i, b in enumerate(brands):
        for d in b.domains:
            owners.setdefault(d, i)
    return owners


class KeptBrands(Sequence):
    """The list's brands, each made from its own marshalled row when first asked for (once, under a
    lock: every index that names a brand holds the same object), with `domain_owners`, {official
    domain: number of the first brand naming it}, for finding a site's brand without making them
    all. Stands for the tuple of brands: indexes, slices, iterates, compares and adds like it."""

    def __init__(self, rows: list[bytes], domain_owners: dict[str, int]) -> None:
        self._rows = rows
        self._made: list[Brand | None] = [None] * len(rows)
        self._lock = RLock()
        self.domain_owners = domain_owners

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self._rows))))
        made = self._made[i]
        if made is None:
            with self._lock:
                made = self._made[i]
                if made is None:
                    made = self._made[i] = brand_from_row(marshal.loads(self._rows[i]))
        return made

    def __iter__(self) -> Iterator[Brand]:
        for i in range(len(self._rows)):
            yield self[i]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (tuple, KeptBrands)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __add__(self, other: Any) -> tuple[Brand, ...]:
        return tuple(self) + tuple(other)

    def __radd__(self, other: Any) -> tuple[Brand, ...]:
        return tuple(other) + tuple(self)

    def __repr__(self) -> str:
        return f"KeptBrands({len(self._rows)} brands)"
