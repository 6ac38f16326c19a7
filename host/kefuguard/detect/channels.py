"""The lookup side of a loaded list: official domains and numbers by brand, scam entries.

Built once per list (brands parsed lazily on first check), then every lookup is a dict or
hash-set probe: cost does not grow with the number of brands or scam entries.
"""

from __future__ import annotations

from functools import cached_property

from kefuguard.kept_values import ByKey, KeptBrands, domain_owners
from kefuguard.lists.compiled import CompiledList
from kefuguard.lists.model import Brand

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import NamedTuple
else:
    from kefuguard.plain_typing import NamedTuple


class OfficialMatch(NamedTuple):
    brand: Brand
    domain: str  # the listed official domain that matched


class Channels:
    """One loaded list as the detectors see it, at one freshness: a list that expires while in use
    is seen through a new Channels (results carry `list_stale`, so nothing cached outlives it)."""

    def __init__(self, compiled: CompiledList, stale: bool) -> None:
        self.compiled = compiled
        self.stale = stale

    @property
    def version(self) -> int:
        return self.compiled.header.version

    @property
    def publisher(self) -> str:
        return self.compiled.header.publisher

    @cached_property
    def brands(self) -> tuple[Brand, ...]:
        return self.compiled.brands

    @cached_property
    def _domain_owner(self) -> Mapping[str, Brand]:
        brands = self.brands
        if isinstance(brands, KeptBrands):  # read back: only the brand of a site found is made
            return ByKey(brands.domain_owners, brands.__getitem__)
        return {d: brands[i] for d, i in domain_owners(brands).items()}

    @cached_property
    def _phone_owner(self) -> dict[str, Brand]:
        owner: dict[str, Brand] = {}
        for brand in self.brands:
            for digits in brand.phone_digits:
                owner.setdefault(digits, brand)
        return owner

    def official_for_host(self, hosts: list[str]) -> OfficialMatch | None:
        """A listed domain among `hosts`: a host and its parents up to, never above, its registrable
        domain (HostParts.hosts_up_to_registrable), so a listed 'github.io' could not vouch for
        'evil.github.io'."""
        owner = self._domain_owner
        for candidate in hosts:
            brand = owner.get(candidate)
            if brand is not None:
                return OfficialMatch(brand, candidate)
        return None

    @cached_property
    def _scam_domains(self):  # the set, or None when the list has no scam domains
        scam = self.compiled.scam_set("domains")
        return scam if len(scam) else None

    def scam_domain_for_host(self, hosts: list[str]) -> str | None:
        """A listed scam domain among `hosts` (as official_for_host)."""
        scam = self._scam_domains
        if scam is None:
            return None
        for candidate in hosts:
            if candidate in scam:
                return candidate
        return None

    @cached_property
    def _account_owner(self) -> dict[str, Brand]:
        owner: dict[str, Brand] = {}
        for brand in self.brands:
            for im in brand.im:
                owner.setdefault(im.key, brand)
        return owner

    def brand_for_phone(self, digits: str) -> Brand | None:
        return self._phone_owner.get(digits)

    def brand_for_account(self, key: str) -> Brand | None:
        """The brand whose official IM account `key` ('platform:account', normalized) is."""
        return self._account_owner.get(key)

    def is_scam_phone(self, digits: str) -> bool:
        return digits in self.compiled.scam_set("phones")

    def is_scam_account(self, key: str) -> bool:
        return key in self.compiled.scam_set("accounts")

    def publisher_of_brand(self, brand_id: str | None) -> str:
        """Whose list named this brand: the main list's publisher or a supplementary one's."""
        return self.compiled.publisher_of_brand(brand_id) if brand_id else self.publisher

    def publisher_of_scam(self, kind: str, value: str) -> str:
        return self.compiled.publisher_of_scam(kind, value)
