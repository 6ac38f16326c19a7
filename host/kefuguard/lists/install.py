"""Installing a verified list: compile, keep last-known-good, swap in atomically, raise the seen mark.

Everything that changes `lists/` happens under one file lock, so two updaters never interleave;
readers (running hosts) take no lock and never need one: every file they read is replaced by a
rename of a complete, fsynced file, so they see the old list or the new one, never half of one.
A killed updater leaves at worst a temp file, which the next updater removes.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kefuguard.errors import KefuguardError
from kefuguard.lists.compiled import CompiledList, compile_bundle
from kefuguard.lists.key_rotation import learn_from
from kefuguard.lists.locking import exclusive_lock
from kefuguard.lists.seen import MAIN_SCOPE, highest_seen, read_state, record_seen
from kefuguard.lists.store import LAST_GOOD, MAIN_LIST, FileDigests, open_bundle
from kefuguard.lists.trust import TrustedKeys
from kefuguard.lists.verify import VerifiedBundle, check_not_rollback
from kefuguard.paths import Places, private_dir

LOCK_NAME = ".update.lock"
STRAY_TEMP_AGE = 600.0  # seconds: a temp file this old in a shared folder belongs to a dead process
STRAY_INDEX_AGE = 3600.0  # a half-compiled index folder: compiling even a huge list takes seconds
OLD_INDEX_AGE = 2 * 86400.0  # a compiled index no list file refers to is removed after this


@dataclass(frozen=True)
class ListSlot:
    """Where one list lives: the installed file, its last-known-good copy, its seen-version scope."""

    label: str  # "main" or "supplementary <url>"
    path: Path
    last_good: Path
    scope: str = MAIN_SCOPE


def main_slot(places: Places) -> ListSlot:
    return ListSlot("main", places.lists_dir / MAIN_LIST, places.lists_dir / LAST_GOOD, MAIN_SCOPE)


@contextmanager
def update_lock(places: Places, wait_seconds: float = 30.0) -> Iterator[None]:
    with exclusive_lock(places.lists_dir / LOCK_NAME, wait_seconds):
        yield


def installed_list(slot: ListSlot, places: Places, trust: TrustedKeys) -> CompiledList | None:
    """The list in the slot's file if it verifies now (cheap when its content is known)."""
    if not slot.path.exists():
        return None
    try:
        return open_bundle(slot.path, "installed", places, trust, FileDigests(places.index_dir))
    except KefuguardError:
        return None


def install_verified(
    places: Places, slot: ListSlot, data: bytes, verified: VerifiedBundle, trust: TrustedKeys, *, force: bool = False
) -> bool:
    """Install `data` (whose verification is `verified`). False when that list is already installed.

    Raises RollbackError / VersionConflictError when, under the lock, the list turns out to be older than
    the highest version seen or than the installed one (another updater may have been faster).
    """
    compile_bundle(verified, places.index_dir)  # before the swap: a reader never waits on compiling
    with update_lock(places):
        sweep_leftovers(places)
        h = verified.header
        check_not_rollback(h, verified.digest, *highest_seen(read_state(places.state_file), h.publisher, slot.scope))
        current = installed_list(slot, places, trust)
        if current is not None and current.header.publisher == h.publisher:
            check_not_rollback(h, verified.digest, current.header.version, current.digest)
        same = current is not None and current.digest == verified.digest
        if same and not force and set(verified.keyids) <= set(current.keyids):  # type: ignore[union-attr]
            return False
        digests = FileDigests(places.index_dir)
        if current is not None and not same:
            _keep_as_last_good(slot, current.digest, digests)
        _write_bundle(slot.path, data, verified.digest, digests)
        digests.save()
        # the seen mark last: were we killed before it, the new file is still >= the mark
        record_seen(places.state_file, h, verified.digest, slot.scope)
        if slot.scope == MAIN_SCOPE and "keys" in verified.signed:
            learn_from(places.state_file, data, verified.signed, trust, h.version)
    return True


def _keep_as_last_good(slot: ListSlot, digest: str, digests: FileDigests) -> None:
    """The installed (verified) file becomes last-known-good: a hard link where the file system
    has them (no copy of a large list), else a copied and fsynced file; then one rename."""
    tmp = slot.last_good.with_name(f".{slot.last_good.name}.{os.getpid()}.tmp")
    try:
        tmp.unlink(missing_ok=True)
        os.link(slot.path, tmp)
    except OSError:
        with open(tmp, "wb") as f:
            f.write(slot.path.read_bytes())
            f.flush()
            os.fsync(f.fileno())
    try:
        digests.known[str(slot.last_good)] = [*_identity(os.stat(tmp)), digest]
        _replace(tmp, slot.last_good)
    finally:
        # also after a rename: when last-good already was a hard link to the installed file (an
        # updater killed between the two renames), rename() of two links to one file does nothing
        # and leaves the temp name behind
        tmp.unlink(missing_ok=True)


def _write_bundle(path: Path, data: bytes, digest: str, digests: FileDigests) -> None:
    """temp file, fsync, remember its identity (a rename keeps size, mtime and inode, so a host
    that sees the new file finds its verified digest at once), rename, fsync the folder."""
    private_dir(path.parent.parent)  # the data folder
    private_dir(path.parent)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        digests.known[str(path)] = [*_identity(os.stat(tmp)), digest]
        digests.save()
        _replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _identity(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _replace(src: Path, dst: Path) -> None:
    """os.replace; on Windows a reader holding the target open makes it fail for a moment."""
    for attempt in range(50 if sys.platform == "win32" else 1):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if attempt == 49 or sys.platform != "win32":
                raise
            time.sleep(0.1)


def _fsync_dir(directory: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _pid_alive(pid: int) -> bool:
    if sys.platform == "win32":
        return True  # os.kill would terminate it there: go by age alone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _writer_pid(name: str) -> int | None:
    """'.state.json.1234.k2j4h.tmp' (lists/atomic.py) -> 1234."""
    parts = name.split(".")
    return int(parts[-3]) if len(parts) >= 4 and parts[-3].isdigit() else None


def _age(path: Path, now: float) -> float:
    try:
        return now - path.stat().st_mtime
    except OSError:
        return 0.0


def sweep_leftovers(places: Places) -> list[Path]:
    """Remove what killed processes left behind. Called under the update lock, so a temp file in
    `lists/` is never one that a live updater is writing."""
    now = time.time()
    removed: list[Path] = []
    for folder in (places.lists_dir, places.lists_dir / "supplementary"):
        for p in folder.glob(".*.tmp") if folder.is_dir() else ():
            p.unlink(missing_ok=True)
            removed.append(p)
    if places.index_dir.is_dir():
        for p in places.index_dir.glob(".tmp-*"):
            owner = p.name.rsplit("-", 1)[-1]
            dead = owner.isdigit() and not _pid_alive(int(owner))
            if dead or _age(p, now) > STRAY_INDEX_AGE:
                shutil.rmtree(p, ignore_errors=True)
                removed.append(p)
    for folder in (places.index_dir, places.data_dir):
        for p in folder.glob(".*.tmp") if folder.is_dir() else ():
            # hosts write state and caches here without the lock: only a dead writer's file goes
            pid = _writer_pid(p.name)
            if (pid is not None and not _pid_alive(pid)) or _age(p, now) > STRAY_TEMP_AGE:
                p.unlink(missing_ok=True)
                removed.append(p)
    return removed


def prune_index(places: Places, keep: set[str]) -> list[str]:
    """Remove compiled indexes that no list file refers to any more, once they are old enough
    that no running host can still be reading them."""
    known = FileDigests(places.index_dir).known
    for path, entry in known.items():
        if isinstance(entry, list) and len(entry) == 4 and Path(path).exists():
            keep.add(str(entry[3]))
    now, removed = time.time(), []
    for d in places.index_dir.iterdir() if places.index_dir.is_dir() else ():
        if d.is_dir() and len(d.name) == 64 and d.name not in keep and _age(d, now) > OLD_INDEX_AGE:
            shutil.rmtree(d, ignore_errors=True)
            removed.append(d.name)
    return removed
