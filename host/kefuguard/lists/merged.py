"""The main list plus supplementary lists, seen by the detectors as one compiled list.

Supplementary lists only add. A supplementary brand is left out when its id, an official domain
(equal, above or below one of the main list's) or an official phone collides with the main list, or
with a brand already added by an earlier supplementary list, or when the main list names one of
its domains or phones as a scam. A supplementary scam entry never applies to what the main list
says is official. Every match can be traced to the publisher whose list it came from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from kefuguard.lists.compiled import SCAM_KINDS, CompiledList
from kefuguard.lists.model import Brand

if TYPE_CHECKING:
    from kefuguard.lists.compiled import ScamSet


@dataclass(frozen=True)
class Collision:
    source: str  # the supplementary list's URL
    publisher: str
    what: str  # "brand" | "scam.domains" | "scam.phones" | "scam.accounts"
    entry: str  # brand id, or the scam entry
    reason: str

    def message(self) -> str:
        return f"{self.publisher} ({self.source}): {self.what} {self.entry!r} ignored: {self.reason}"


@dataclass
class Addition:
    """One loaded supplementary list and what of it was taken."""

    source: str  # URL from managed config
    compiled: CompiledList
    brands: tuple[Brand, ...] = ()  # accepted
    ignored: list[Collision] = field(default_factory=list)

    @property
    def publisher(self) -> str:
        return self.compiled.header.publisher


def _suffixes(domain: str) -> Iterable[str]:
    labels = domain.split(".")
    return (".".join(labels[i:]) for i in range(len(labels)))


class _Official:
    """The main list's official entries, for collision checks."""

    def __init__(self, brands: tuple[Brand, ...]) -> None:
        self.ids = {b.id for b in brands}
        self.domains = {d for b in brands for d in b.domains}
        self.parents = {s for d in self.domains for s in _suffixes(d)}  # every domain and its parents
        self.phones = {p for b in brands for p in b.phone_digits}
        self.accounts = {a.key for b in brands for a in b.im}

    def covers_domain(self, domain: str) -> bool:
        """The domain is official, or under an official domain."""
        return any(s in self.domains for s in _suffixes(domain))

    def domain_collision(self, domain: str) -> str | None:
        if self.covers_domain(domain):
            return "is or is under an official domain of the main list"
        if domain in self.parents:
            return "is a parent of an official domain of the main list"
        return None

    def add(self, brand: Brand) -> None:
        self.ids.add(brand.id)
        self.domains.update(brand.domains)
        self.parents.update(s for d in brand.domains for s in _suffixes(d))
        self.phones.update(brand.phone_digits)
        self.accounts.update(a.key for a in brand.im)


class AdditionSet:
    """A supplementary list's scam entries, minus whatever the main list says is official."""

    def __init__(self, entries: ScamSet, kind: str, official: _Official) -> None:
        self.entries, self.kind, self.official = entries, kind, official

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, value: str) -> bool:
        if value not in self.entries:
            return False
        if self.kind == "domains":
            return not self.official.covers_domain(value)
        if self.kind == "phones":
            return value not in self.official.phones
        return value not in self.official.accounts


class UnionSet:
    """Membership in any of several sets (the main list's first)."""

    def __init__(self, sets: list[Any]) -> None:
        self.sets = sets

    def __len__(self) -> int:
        return sum(len(s) for s in self.sets)

    def __contains__(self, value: str) -> bool:
        return any(value in s for s in self.sets)


class MergedList(CompiledList):
    """A CompiledList view over the main list and its additions. Header, key ids, origin and
    counts are the main list's; brands and scam sets are the union."""

    def __init__(self, main: CompiledList, additions: list[Addition]) -> None:
        joined = main.digest + "".join(f"+{a.compiled.digest}" for a in additions)
        super().__init__(
            header=main.header,
            digest=hashlib.sha256(joined.encode("ascii")).hexdigest(),
            keyids=main.keyids,
            directory=main.directory,
            counts=main.counts,
            origin=main.origin,
        )
        self.main = main
        self.additions = additions

    @cached_property
    def _official(self) -> _Official:
        """Collision checks need the main brands; they run once, when brands are first needed."""
        official = _Official(self.main.brands)
        main_scam = {k: self.main.scam_set(k) for k in SCAM_KINDS}
        for add in self.additions:
            accepted = []
            for brand in add.compiled.brands:
                reason = self._brand_collision(brand, official, main_scam)
                if reason:
                    add.ignored.append(Collision(add.source, add.publisher, "brand", brand.id, reason))
                else:
                    accepted.append(brand)
                    official.add(brand)  # a later supplementary list cannot override this one either
            add.brands = tuple(accepted)
        for add in self.additions:  # listed as scam by a supplementary list, official in the main one
            for kind, values in (
                ("domains", sorted(official.domains)),
                ("phones", sorted(official.phones)),
                ("accounts", sorted(official.accounts)),
            ):
                own = {v for b in add.brands for v in _official_values(b, kind)}
                scam = add.compiled.scam_set(kind)
                if not len(scam):
                    continue
                for v in values:
                    if v not in own and v in scam:
                        add.ignored.append(
                            Collision(add.source, add.publisher, f"scam.{kind}", v, "it is official in the main list")
                        )
        return official

    @staticmethod
    def _brand_collision(brand: Brand, official: _Official, main_scam: dict[str, ScamSet]) -> str | None:
        if brand.id in official.ids:
            return "a brand with this id is already listed"
        for d in brand.domains:
            why = official.domain_collision(d)
            if why:
                return f"official domain {d} {why}"
            if d in main_scam["domains"]:
                return f"official domain {d} is listed as a scam domain"
        for p in brand.phone_digits:
            if p in official.phones:
                return f"phone {p} is already an official number of a listed brand"
            if p in main_scam["phones"]:
                return f"phone {p} is listed as a scam number"
        for a in brand.im:
            if a.key in main_scam["accounts"]:
                return f"account {a.key} is listed as a scam account"
        return None

    @property
    def brands(self) -> tuple[Brand, ...]:
        if self._brands is None:
            self._official  # noqa: B018 - decides which supplementary brands are accepted
            self._brands = self.main.brands + tuple(b for a in self.additions for b in a.brands)
        return self._brands

    def scam_set(self, kind: str) -> ScamSet:
        if kind not in self._scam:
            sets: list[Any] = [self.main.scam_set(kind)]
            sets += [AdditionSet(a.compiled.scam_set(kind), kind, self._official) for a in self.additions]
            self._scam[kind] = UnionSet(sets)
        return self._scam[kind]

    # --- which publisher's list an entry came from -----------------------------------------

    @cached_property
    def _brand_publisher(self) -> dict[str, str]:
        self._official  # noqa: B018
        return {b.id: a.publisher for a in self.additions for b in a.brands}

    def publisher_of_brand(self, brand_id: str | None) -> str:
        return self._brand_publisher.get(brand_id or "", self.header.publisher)

    def publisher_of_scam(self, kind: str, value: str) -> str:
        if value in self.main.scam_set(kind):
            return self.header.publisher
        for a in self.additions:
            if value in AdditionSet(a.compiled.scam_set(kind), kind, self._official):
                return a.publisher
        return self.header.publisher

    @property
    def collisions(self) -> list[Collision]:
        self._official  # noqa: B018
        return [c for a in self.additions for c in a.ignored]


def _official_values(brand: Brand, kind: str) -> Iterable[str]:
    if kind == "domains":
        return brand.domains
    if kind == "phones":
        return brand.phone_digits
    return (a.key for a in brand.im)


def base_list(active: CompiledList | None) -> CompiledList | None:
    """The main list behind a merged view (or the list itself)."""
    return active.main if isinstance(active, MergedList) else active
