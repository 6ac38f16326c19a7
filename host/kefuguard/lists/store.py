"""Which list is in use: the installed one, its last-known-good copy, or the embedded default.

Every candidate must verify against the trusted keys (once per content: the compiled index
remembers which keys verified it) and must not roll back below the highest version seen.
"""

from __future__ import annotations

import json
import os

from kefuguard.errors import KefuguardError, ListError
from kefuguard.lists.atomic import write_atomic
from kefuguard.lists.compiled import CompiledList, compile_bundle, open_compiled
from kefuguard.lists.model import check_not_rollback, parse_brands
from kefuguard.lists.seen import highest_seen, read_state, record_seen
from kefuguard.lists.trust import TrustedKeys
from kefuguard.paths import Places
from kefuguard.value_class import Value

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

MAIN_LIST = "main.json"
LAST_GOOD = "main.last-good.json"
# lists used, when nothing newer verifies, even though they are older than the highest version seen:
# our own copy of the list installed before the current one, and the one shipped in the package
FALLBACKS = ("last-known-good", "embedded")


# a string: pathlib is not on a host's first reply's way (embedded_bundle_path() is the same as a Path)
EMBEDDED_BUNDLE = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(__file__))), "data", "channels.json")


def embedded_bundle_path() -> Path:
    from pathlib import Path

    return Path(EMBEDDED_BUNDLE)


class Problem(Value):
    origin: str
    path: str
    code: str
    message: str
    _fields = ("origin", "path", "code", "message")

    def __init__(self, origin: str, path: str, code: str, message: str) -> None:
        self.origin = origin
        self.path = path
        self.code = code
        self.message = message

    def to_dict(self) -> dict[str, str]:
        return {"origin": self.origin, "path": self.path, "code": self.code, "message": self.message}


class UnusedList(Value):
    """A verified list by another publisher than the one in use (status shows it; nothing else)."""

    origin: str
    path: str
    publisher: str
    version: int
    _fields = ("origin", "path", "publisher", "version")

    def __init__(self, origin: str, path: str, publisher: str, version: int) -> None:
        self.origin = origin
        self.path = path
        self.publisher = publisher
        self.version = version

    def to_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "path": self.path, "publisher": self.publisher, "version": self.version}


class LoadResult(Value):
    active: CompiledList | None
    problems: list[Problem]
    supplementary: list[Any]  # lists/supplementary.py SupplementaryLoad
    unused: list[UnusedList]
    _fields = ("active", "problems", "supplementary", "unused")

    def __init__(
        self,
        active: CompiledList | None,
        problems: list[Problem] | None = None,
        supplementary: list[Any] | None = None,
        unused: list[UnusedList] | None = None,
    ) -> None:
        self.active = active
        self.problems = [] if problems is None else problems
        self.supplementary = [] if supplementary is None else supplementary
        self.unused = [] if unused is None else unused


def _identity(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ino]


class FileDigests:
    """Remembers file identity -> content digest, so an unchanged bundle is not re-read at start."""

    def __init__(self, index_root: str | Path) -> None:
        self.path = os.path.join(index_root, "files.json")
        try:
            with open(self.path, "rb") as f:
                loaded = json.loads(f.read())
            self.known: dict[str, list] = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            self.known = {}

    def lookup(self, bundle: str | Path, st: os.stat_result) -> str | None:
        entry = self.known.get(str(bundle))
        if isinstance(entry, list) and len(entry) == 4 and entry[:3] == _identity(st):
            return entry[3]
        return None

    def remember(self, bundle: str | Path, st: os.stat_result, digest: str) -> None:
        self.known[str(bundle)] = [*_identity(st), digest]
        self.save()

    def save(self) -> None:
        try:
            write_atomic(self.path, json.dumps(self.known).encode("utf-8"))
        except OSError:
            pass  # only a cache: the next start verifies again


# (file, identity, trusted keys) -> the bundles this process verified and compiled itself
_verified_here: dict[tuple[str, tuple[int, ...], frozenset[str], int], CompiledList] = {}


def open_bundle(path: str | Path, origin: str, places: Places, trust: TrustedKeys, digests: FileDigests) -> CompiledList:
    """Open a bundle file through its compiled index, verifying it if this content is new to us.

    The index and `files.json` are user-writable. While the user may change the trusted keys, that
    costs nothing: whoever can write them can add a key too. When the keys are locked, the index is
    believed only if this process verified the bundle and wrote the index itself."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise ListError(f"cannot read: {e.strerror}", code="list.unreadable") from e
    memo = (str(path), tuple(_identity(st)), frozenset(trust.keys), trust.threshold)
    if trust.locked:
        mine = _verified_here.get(memo)
        compiled = mine.replace(origin=origin) if mine else None
    else:
        digest = digests.lookup(path, st)
        compiled = open_compiled(places.index_dir_str, digest, origin) if digest else None
    if compiled is not None and trust.satisfied_by(compiled.keyids):
        return compiled
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise ListError(f"cannot read: {e.strerror}", code="list.unreadable") from e
    from kefuguard.lists.verify import verify_bundle  # here: a host start with a known list never verifies

    verified = verify_bundle(data, trust)
    try:
        written = compile_bundle(verified, places.index_dir_str, rewrite=trust.locked)
    except OSError as e:
        raise ListError(f"compiled index could not be written: {e}", code="list.index_failed") from e
    compiled = open_compiled(places.index_dir_str, verified.digest, origin, written)
    if compiled is None:
        raise ListError("compiled index could not be written", code="list.index_failed")
    compiled.keyids = verified.keyids
    digests.remember(path, st, verified.digest)
    if trust.locked:
        # the header and brands from what verified, not from files that stay writable
        brands = parse_brands({"brands": verified.signed.get("brands", [])})
        compiled = compiled.replace(header=verified.header, _brands=brands)
        _verified_here[memo] = compiled
    return compiled


def load_main_list(places: Places, trust: TrustedKeys, embedded: str | Path | None = None) -> LoadResult:
    """The list in use. Which publisher's: the first candidate's that verifies (installed, then
    last-known-good, then embedded), since the installed list is what the configured mirrors
    delivered. Among that publisher's lists the highest version wins; a list by another trusted
    publisher is never chosen by its version number and is reported as unused."""
    candidates = [
        ("installed", os.path.join(places.lists_dir_str, MAIN_LIST)),
        ("last-known-good", os.path.join(places.lists_dir_str, LAST_GOOD)),
        ("embedded", embedded or EMBEDDED_BUNDLE),
    ]
    digests = FileDigests(places.index_dir_str)
    state = read_state(places.state_file_str)
    result = LoadResult(active=None)
    usable: list[CompiledList] = []  # verified and not rolled back, in candidate order
    # older than what we saw (the normal case after an update: nothing to report unless it ends
    # up in use), yet better than no list at all: our copy of the previous list, the embedded one
    fallbacks: list[tuple[CompiledList, Problem]] = []
    for origin, path in candidates:
        if origin != "embedded" and not os.path.exists(path):
            continue
        try:
            compiled = open_bundle(path, origin, places, trust, digests)
            seen_version, seen_digest = highest_seen(state, compiled.header.publisher)
        except KefuguardError as e:
            result.problems.append(Problem(origin, str(path), e.code, e.message))
            continue
        try:
            check_not_rollback(compiled.header, compiled.digest, seen_version, seen_digest)
        except ListError as e:
            if origin in FALLBACKS:
                fallbacks.append((compiled, Problem(origin, str(path), e.code, e.message)))
            else:
                result.problems.append(Problem(origin, str(path), e.code, e.message))
            continue
        usable.append(compiled)
    chosen_from = usable or [c for c, _ in fallbacks]
    if chosen_from:
        publisher = chosen_from[0].header.publisher
        result.active = max((c for c in chosen_from if c.header.publisher == publisher), key=lambda c: c.header.version)
        if not usable:
            result.problems.append(next(p for c, p in fallbacks if c is result.active))
        paths = dict(candidates)
        result.unused = [
            UnusedList(c.origin, str(paths[c.origin]), c.header.publisher, c.header.version)
            for c in [*usable, *(c for c, _ in fallbacks)]
            if c.header.publisher != publisher
        ]
    if result.active is not None:
        try:
            record_seen(places.state_file_str, result.active.header, result.active.digest)
        except OSError as e:
            result.problems.append(Problem("state", str(places.state_file), "state.unwritable", str(e)))
    return result
