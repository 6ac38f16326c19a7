"""A verified list compiled once into an on-disk index keyed by its digest.

Start-up reads only a small `meta.json`; brands are parsed on first use; scam entries are
sorted 64-bit hashes behind mmap, so a million scam domains cost neither start time nor
resident memory, and a lookup is a binary search touching a few pages.
"""

from __future__ import annotations

import bisect
import json
import mmap
import os
import sys
import zlib
from array import array

from kefuguard.lists.atomic import write_atomic
from kefuguard.lists.json_pieces import loads_array
from kefuguard.lists.model import Brand, ListHeader, format_time, parse_brands, parse_scam, parse_time
from kefuguard.paths import private_dir
from kefuguard.plain_datetime import datetime
from kefuguard.value_class import Value

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, Protocol

    from kefuguard.lists.verify import VerifiedBundle

    class ScamSet(Protocol):
        """A set of scam entries as the checks see it: one list's hashes, or several lists' union."""

        def __len__(self) -> int: ...

        def __contains__(self, value: str) -> bool: ...

INDEX_FORMAT = 1
SCAM_KINDS = ("domains", "phones", "accounts")


def _hash(data: bytes) -> int:
    # imported here: OpenSSL's start costs ~3 ms, and a host's first check rarely hashes (the filter
    # answers for absent values); once imported, the statement is a dictionary lookup
    import hashlib

    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def entry_hash(value: str) -> int:
    return _hash(value.encode("utf-8"))


def _filter_bits(n: int) -> int:
    """Bits of the pre-filter for n entries: 16 a entry (about 6 % of absent values pass), a power of two."""
    return max(1 << 16, 1 << (16 * max(n, 1) - 1).bit_length())


def _remove_tree(path: Path) -> None:
    import shutil  # here: only compiling writes folders, and a host starts ~2 ms sooner without it

    shutil.rmtree(path, ignore_errors=True)


def _map(path: str) -> mmap.mmap | None:
    try:
        if os.stat(path).st_size == 0:
            return None
        with open(path, "rb") as f:
            return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    except OSError:
        return None


class HashSet:
    """Membership in a sorted array of uint64 hashes, memory-mapped read-only. A bit array indexed
    by CRC-32 (written beside it, also mapped) answers most absent values without hashing or
    searching: a URL check probes the host and each parent, and nearly all of them are absent."""

    def __init__(self, path: str | Path) -> None:
        path = os.fspath(path)
        self._mm = _map(path)
        self._view: Any = memoryview(self._mm).cast("Q") if self._mm is not None else ()
        self._filter = _map(os.path.splitext(path)[0] + ".filter") if self._mm is not None else None
        self._mask = len(self._filter) * 8 - 1 if self._filter is not None else 0

    def __len__(self) -> int:
        return len(self._view)

    def __contains__(self, value: str) -> bool:
        data = value.encode("utf-8")
        if self._filter is not None:
            bit = zlib.crc32(data) & self._mask  # inline: this runs for every host of every URL
            if not self._filter[bit >> 3] >> (bit & 7) & 1:
                return False
        h = _hash(data)
        i = bisect.bisect_left(self._view, h)
        return i < len(self._view) and self._view[i] == h


def _write_hashes(path: Path, values: tuple[str, ...]) -> None:
    unique = set(values)
    hashes = array("Q", sorted({entry_hash(v) for v in unique}))
    if array("Q").itemsize != 8 or sys.byteorder != "little":
        raise RuntimeError("index format needs 8-byte little-endian uint64")
    path.write_bytes(hashes.tobytes())
    if unique:  # an index compiled before the filter existed has none: lookups then skip it
        bits = _filter_bits(len(unique))
        mask = bits - 1
        table = bytearray(bits // 8)
        for v in unique:
            bit = zlib.crc32(v.encode("utf-8")) & mask
            table[bit >> 3] |= 1 << (bit & 7)
        path.with_suffix(".filter").write_bytes(bytes(table))


class CompiledList(Value):
    header: ListHeader
    digest: str
    keyids: tuple[str, ...]
    directory: str  # a string (os.path), not a Path: pathlib is not on a host's first reply's way
    counts: dict[str, int]
    origin: str  # which file it was read from
    _brands: tuple[Brand, ...] | None
    _scam: dict[str, ScamSet]
    _fields = ("header", "digest", "keyids", "directory", "counts", "origin", "_brands", "_scam")
    _not_shown = frozenset(("_brands", "_scam"))

    def __init__(
        self,
        header: ListHeader,
        digest: str,
        keyids: tuple[str, ...],
        directory: str | Path,
        counts: dict[str, int],
        origin: str = "",
        _brands: tuple[Brand, ...] | None = None,
        _scam: dict[str, ScamSet] | None = None,
    ) -> None:
        self.header = header
        self.digest = digest
        self.keyids = keyids
        self.directory = os.fspath(directory)
        self.counts = counts
        self.origin = origin
        self._brands = _brands
        self._scam = {} if _scam is None else _scam

    @property
    def brands(self) -> tuple[Brand, ...]:
        if self._brands is None:
            with open(os.path.join(self.directory, "brands.json"), "rb") as f:
                raw = loads_array(f.read())  # a big list's element by element: see json_pieces
            self._brands = parse_brands({"brands": raw})
        return self._brands

    def scam_set(self, kind: str) -> ScamSet:
        if kind not in self._scam:
            self._scam[kind] = HashSet(os.path.join(self.directory, f"scam-{kind}.u64"))
        return self._scam[kind]

    # which publisher's list an entry came from: one list, one publisher (lists/merged.py has more)
    def publisher_of_brand(self, brand_id: str | None) -> str:
        return self.header.publisher

    def publisher_of_scam(self, kind: str, value: str) -> str:
        return self.header.publisher


def list_status(c: CompiledList, now: datetime) -> dict[str, Any]:
    """One list's entry in a `status` reply (main or supplementary)."""
    h = c.header
    return {
        "publisher": h.publisher,
        "version": h.version,
        "issued": format_time(h.issued),
        "expires": format_time(h.expires),
        "stale": h.is_stale(now),
        "age_days": round((now - h.issued).total_seconds() / 86400, 2),
        "origin": c.origin,
        "digest": c.digest,
        "keyids": list(c.keyids),
        "counts": c.counts,
    }


def compile_bundle(verified: VerifiedBundle, index_root: str | Path, rewrite: bool = False) -> Path:
    """Write the index for a verified bundle (atomically: a whole folder or nothing). An index
    already there is kept, unless `rewrite`: then it is replaced, since it may have been altered."""
    from pathlib import Path  # here: a list new to this host is compiled once, not at every start

    index_root = Path(index_root)
    final = index_root / verified.digest
    if (final / "meta.json").exists() and not rewrite:
        return final
    private_dir(index_root.parent)  # the data folder
    private_dir(index_root)
    tmp = index_root / f".tmp-{verified.digest[:16]}-{os.getpid()}"
    _remove_tree(tmp)
    tmp.mkdir()
    try:
        scam = verified.scam if verified.scam is not None else parse_scam(verified.signed)
        for kind in SCAM_KINDS:
            _write_hashes(tmp / f"scam-{kind}.u64", getattr(scam, kind))
        from kefuguard.lists.canonical import canonical_bytes

        (tmp / "brands.json").write_bytes(canonical_bytes(verified.signed.get("brands", [])))
        h = verified.header
        meta = {
            "format": INDEX_FORMAT,
            "digest": verified.digest,
            "keyids": list(verified.keyids),
            "publisher": h.publisher,
            "version": h.version,
            "issued": format_time(h.issued),
            "expires": format_time(h.expires),
            "counts": {
                "brands": len(verified.signed.get("brands", [])),
                **{f"scam_{k}": len(getattr(scam, k)) for k in SCAM_KINDS},
            },
        }
        # meta.json last: its presence marks the folder complete
        write_atomic(tmp / "meta.json", json.dumps(meta, indent=1).encode("utf-8"))
        if rewrite:
            return _replace_folder(tmp, final)
        else:
            try:
                os.rename(tmp, final)
            except OSError:
                if not (final / "meta.json").exists():  # not a lost race with another process
                    raise
    finally:
        _remove_tree(tmp)
    return final


def _replace_folder(new: Path, final: Path) -> Path:
    """Put `new` where `final` is and return where it ended up. Readers keep the files they have
    open (mapped files stay valid after an unlink on POSIX). Where the old folder cannot be moved
    (Windows, while another process maps it), the new one stays beside it under this process's name."""
    old = final.with_name(f".old-{final.name[:16]}-{os.getpid()}")
    try:
        os.rename(final, old)
    except FileNotFoundError:
        pass
    except OSError:
        return _beside(new, final)
    _remove_tree(old)
    try:
        os.rename(new, final)
    except OSError:  # another process put its own (as verified as ours) there in between
        return _beside(new, final)
    return final


def _beside(new: Path, final: Path) -> Path:
    """Keep `new` next to `final` under this process's name."""
    own = final.with_name(f".own-{final.name}-{os.getpid()}")
    _remove_tree(own)
    os.rename(new, own)
    return own


def open_compiled(
    index_root: str | Path, digest: str, origin: str = "", directory: str | Path | None = None
) -> CompiledList | None:
    directory = os.fspath(directory) if directory else os.path.join(index_root, digest)
    try:
        with open(os.path.join(directory, "meta.json"), "rb") as f:
            meta = json.loads(f.read())
        if meta.get("format") != INDEX_FORMAT or meta.get("digest") != digest:
            return None
        header = ListHeader(
            publisher=meta["publisher"],
            version=meta["version"],
            issued=parse_time(meta["issued"], "issued"),
            expires=parse_time(meta["expires"], "expires"),
        )
        return CompiledList(header, digest, tuple(meta["keyids"]), directory, dict(meta["counts"]), origin)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or damaged: the caller recompiles from the bundle
