"""What the URL checks keep for one loaded list: the list's lookups, the lookalike index built from
its brands, and per-host caches (pages repeat the same hosts in hundreds of links).

A list, or its freshness, changes -> a new UrlIndex: the caches hold results that name the list's
version and staleness, so they never outlive it. The lookalike index depends on the brands alone
and is handed on when only the freshness changed (building it costs seconds at 10,000 brands).
"""

from __future__ import annotations

from kefuguard.detect.cache import BoundedCache
from kefuguard.detect.channels import Channels
from kefuguard.detect.url import brand_index_file
from kefuguard.detect.url.brand_index import BrandIndex
from kefuguard.detect.url.findings import Finding, UrlVerdict
from kefuguard.lists.compiled import CompiledList

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

HOST_CACHE_ENTRIES = 2048  # per cache; resident memory stays at its peak once one was full (skeleton.py)


class UrlIndex:
    def __init__(self, channels: Channels, brands: BrandIndex | None = None) -> None:
        self.channels = channels
        self._brands = brands
        self.host_verdicts: BoundedCache[str, UrlVerdict] = BoundedCache(HOST_CACHE_ENTRIES)
        # lookalike findings per registrable domain: hosts of one site share them
        self.site_findings: BoundedCache[str, list[Finding]] = BoundedCache(HOST_CACHE_ENTRIES)
        # a result's JSON after its URL ('"level":...}'), as UTF-8, per host; and per host as written
        # in a plain URL (check.host_alone_key): two caches, so that the second cannot empty the first
        self.encoded: BoundedCache[str, bytes] = BoundedCache(HOST_CACHE_ENTRIES)
        self.encoded_raw: BoundedCache[str, bytes] = BoundedCache(HOST_CACHE_ENTRIES)
        compiled = channels.compiled
        directory = _own_folder(compiled)
        if brands is None and directory is not None and compiled._brands is None:
            # the brands as an earlier host parsed them (~2 ms where parsing the list's takes ~9)
            count = compiled.counts.get("brands", -1)
            compiled._brands = brand_index_file.read_brands(directory, compiled.digest, count)

    @property
    def brands(self) -> BrandIndex:
        """The lookalike index, on the first check that needs it (not for a status): read from the
        file an earlier host kept beside the compiled list, else built."""
        if self._brands is None:
            brands = self.channels.brands
            compiled = self.channels.compiled
            directory = _own_folder(compiled)
            if directory is not None:
                self._brands = brand_index_file.read(directory, compiled.digest, brands)
            if self._brands is None:
                self._brands = BrandIndex(brands)
        return self._brands

    def keep_brands(self) -> None:
        """Leave the parsed brands and the lookalike index beside the compiled list for the next
        process; nothing when not built, kept already, or the list is a merged view."""
        directory = _own_folder(self.channels.compiled)
        if self._brands is not None and directory is not None:
            digest = self.channels.compiled.digest
            brand_index_file.write_brands(directory, digest, self.channels.brands)
            brand_index_file.write(directory, digest, self.channels.brands, self._brands)


def _own_folder(compiled: CompiledList) -> str | Path | None:
    """The folder of one compiled list, where what is derived from it alone is kept; None for a
    merged view of several lists (it has its main list's folder, not one of its own)."""
    return compiled.directory if type(compiled) is CompiledList else None


def url_index(channels: Channels, previous: UrlIndex | None = None) -> UrlIndex:
    """The index for `channels`; reuses `previous`'s lookalike index when it is of the same list."""
    if previous is not None and previous.channels.compiled is channels.compiled:
        return UrlIndex(channels, previous._brands)
    return UrlIndex(channels)
