"""`install` and `uninstall`: write the launcher, manifests and registry keys; record them; remove
exactly those again. Running install twice changes nothing the second time."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kefuguard.install import HOST_NAME, InstallError
from kefuguard.install.browsers import BROWSERS, Browser
from kefuguard.install.context import SYSTEM, USER, WINDOWS, InstallContext
from kefuguard.install.extension_ids import ExtensionIds
from kefuguard.install.launcher import baked_environment, launcher_name, render_flatpak_wrapper, render_launcher
from kefuguard.install.locations import RegistryTarget, targets_for
from kefuguard.install.manifest import build_manifest, manifest_bytes
from kefuguard.install.record import (
    DIR,
    FILE,
    RECORD_FILE,
    REG_KEY,
    REG_VALUE,
    Entry,
    InstallRecord,
    load_record,
    save_record,
)
from kefuguard.install.registry import parents_of
from kefuguard.install.sandbox import SandboxNote, flatpak_app_dir, flatpak_paths, sandbox_notes
from kefuguard.lists.atomic import write_atomic


@dataclass(frozen=True)
class Action:
    action: str  # written, updated, unchanged, removed, kept, absent
    kind: str
    where: str
    role: str = ""
    note: str = ""

    def to_dict(self) -> dict[str, str]:
        d = {"action": self.action, "kind": self.kind, "where": self.where}
        if self.role:
            d["role"] = self.role
        if self.note:
            d["note"] = self.note
        return d


@dataclass
class InstallReport:
    command: str
    scope: str
    platform: str
    browsers: list[str]
    record: str
    launcher: str | None = None
    extension_ids: ExtensionIds | None = None
    baked_env: dict[str, str] = field(default_factory=dict)
    actions: list[Action] = field(default_factory=list)
    notes: list[SandboxNote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # asked for all browsers: those not found here

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "command": self.command,
            "ok": True,
            "scope": self.scope,
            "platform": self.platform,
            "browsers": self.browsers,
            "record": self.record,
            "actions": [a.to_dict() for a in self.actions],
            "notes": [n.to_dict() for n in self.notes],
            "warnings": self.warnings,
        }
        if self.command == "install":
            d["launcher"] = self.launcher
            d["baked_env"] = self.baked_env
            d["skipped"] = self.skipped
            if self.extension_ids is not None:
                d["extension_ids"] = {
                    "chromium": list(self.extension_ids.chromium),
                    "firefox": list(self.extension_ids.firefox),
                }
        return d


def owner_tag(browser: Browser, user_data_dir: Path | None) -> str:
    return browser.key if user_data_dir is None else f"{browser.key}:{user_data_dir}"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Writer:
    """Writes one thing at a time and records it at once, so a failure half-way leaves a record
    of everything that did get written."""

    def __init__(self, ctx: InstallContext, record: InstallRecord, report: InstallReport, scope: str) -> None:
        self.ctx, self.record, self.report, self.scope = ctx, record, report, scope

    def _dirs(self, folder: Path, owners: list[str]) -> None:
        # kefuguard's own data folder is the host's, not the install's: made if needed, never recorded
        own_data = self.ctx.data_dir if self.scope == USER else None
        if own_data is not None:
            own_data.mkdir(parents=True, exist_ok=True)
        chain: list[Path] = []
        p = folder
        while p != own_data:
            if not p.exists() or self.record.find(DIR, str(p)):
                chain.append(p)
            else:
                break
            if p.parent == p:
                break
            p = p.parent
        for d in reversed(chain):
            if not d.exists():
                d.mkdir()
                if self.scope == SYSTEM and self.ctx.platform != WINDOWS:
                    os.chmod(d, 0o755)  # readable by every user whatever root's umask is
                self.report.actions.append(Action("written", DIR, str(d)))
            self.record.own(DIR, str(d), owners)

    def file(self, path: Path, data: bytes, mode: int, owners: list[str], role: str) -> None:
        self._dirs(path.parent, owners)
        try:
            before = path.read_bytes()
        except FileNotFoundError:
            before = None
        known = self.record.find(FILE, str(path))
        if before == data and (self.ctx.platform == WINDOWS or stat.S_IMODE(path.stat().st_mode) == mode):
            action = "unchanged"
        else:
            write_atomic(path, data, mode)
            action = "written" if before is None else "updated"
        note = "replaced a file not written by kefuguard install" if before is not None and known is None else ""
        self.report.actions.append(Action(action, FILE, str(path), role, note))
        self.record.own(FILE, str(path), owners, role=role, sha256=sha256(data))

    def registry(self, target: RegistryTarget, value: str, owners: list[str]) -> None:
        reg = self.ctx.registry
        if reg is None:
            raise InstallError("no registry access on this system", code="install.no_registry")
        for key in parents_of(target.key)[1:-1]:  # below SOFTWARE, above our own key
            where = f"{target.hive}\\{key}"
            if not reg.key_exists(target.hive, key):
                self.record.own(REG_KEY, where, owners)
                self.report.actions.append(Action("written", REG_KEY, where))
            elif self.record.find(REG_KEY, where):
                self.record.own(REG_KEY, where, owners)
        before = reg.get_default(target.hive, target.key)
        if before == value:
            action = "unchanged"
        else:
            reg.set_default(target.hive, target.key, value)
            action = "written" if before is None else "updated"
        self.report.actions.append(Action(action, REG_VALUE, target.where, "registry"))
        self.record.own(REG_VALUE, target.where, owners, role="registry", value=value)


def _interpreter_warnings(ctx: InstallContext, scope: str) -> list[str]:
    if not os.path.isabs(ctx.python) or not os.path.isfile(ctx.python):
        raise InstallError(
            f"cannot tell which Python runs kefuguard ({ctx.python!r}); run `python -m kefuguard install`",
            code="install.no_python",
        )
    if scope != SYSTEM or ctx.platform == WINDOWS:
        return []
    warnings = []
    p = Path(ctx.python)
    for d in [p, *p.parents]:
        try:
            mode = d.stat().st_mode
        except OSError:
            continue
        if not mode & stat.S_IXOTH:
            warnings.append(
                f"{d} is not accessible to other users, so their browsers cannot start {ctx.python}; "
                "install kefuguard where every user can run it (for example a venv under /opt) and rerun"
            )
            break
    if ctx.env.get("KEFUGUARD_HOME"):
        warnings.append("KEFUGUARD_HOME is set, but a system install does not pass it on: each user keeps own data")
    return warnings


def install(
    ctx: InstallContext,
    scope: str,
    browsers: list[Browser],
    ids: ExtensionIds,
    user_data_dir: Path | None = None,
    flatpak: bool = False,
) -> InstallReport:
    if user_data_dir is not None and len(browsers) != 1:
        raise InstallError("--user-data-dir needs exactly one --browser", code="install.bad_option")
    if any(b.is_chromium for b in browsers) and not ids.chromium:
        raise InstallError(
            "no Chromium extension id is known, so the manifest could not let the extension in: pass "
            "--extension-id ID (chrome://extensions shows the id with Developer mode on)",
            code="install.no_extension_id",
        )
    base = ctx.install_base(scope)
    report = InstallReport(
        command="install",
        scope=scope,
        platform=ctx.platform,
        browsers=[b.key for b in browsers],
        record=str(base / RECORD_FILE),
        extension_ids=ids,
    )
    report.warnings.extend(_interpreter_warnings(ctx, scope))
    record = load_record(base / RECORD_FILE, scope, ctx.platform)
    writer = _Writer(ctx, record, report, scope)
    owners = [owner_tag(b, user_data_dir) for b in browsers]
    report.baked_env = baked_environment(ctx.env) if scope == USER else {}
    launcher = base / launcher_name(ctx.platform)
    report.launcher = str(launcher)
    try:
        writer.file(launcher, render_launcher(ctx.platform, ctx.python, report.baked_env), 0o755, owners, "launcher")
        for b in browsers:
            owner = [owner_tag(b, user_data_dir)]
            data = manifest_bytes(build_manifest(b.family, str(launcher), ids))
            targets = targets_for(ctx, b, scope, user_data_dir)
            for m in targets.manifests:
                writer.file(m, data, 0o644, owner, "manifest")
            for r in targets.registry:
                writer.registry(r, str(targets.manifests[0]), owner)
            app_dir = flatpak_app_dir(ctx, b) if scope == USER and user_data_dir is None else None
            if flatpak and app_dir is not None:
                manifest, wrapper = flatpak_paths(app_dir, b)
                writer.file(wrapper, render_flatpak_wrapper(str(launcher)), 0o755, owner, "flatpak-wrapper")
                flat = manifest_bytes(build_manifest(b.family, str(wrapper), ids))
                writer.file(manifest, flat, 0o644, owner, "flatpak-manifest")
            if user_data_dir is None:
                report.notes.extend(sandbox_notes(ctx, b, flatpak_written=flatpak and app_dir is not None))
    except PermissionError as e:
        raise _permission_error(e, scope) from e
    except OSError as e:
        raise InstallError(f"{e.filename or ''}: {e.strerror}", code="install.io") from e
    finally:
        save_record(base / RECORD_FILE, record)
    return report


def _permission_error(e: OSError, scope: str) -> InstallError:
    hint = " (a --system install needs administrator rights: sudo, or an elevated prompt)" if scope == SYSTEM else ""
    return InstallError(f"{e.filename or ''}: permission denied{hint}", code="install.permission")


def _remove_file(entry: Entry) -> Action:
    path = Path(entry.where)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Action("absent", FILE, entry.where, entry.role)
    if entry.sha256 is not None and sha256(data) != entry.sha256:
        return Action("kept", FILE, entry.where, entry.role, "changed since kefuguard wrote it")
    path.unlink()
    return Action("removed", FILE, entry.where, entry.role)


def _remove_registry_value(ctx: InstallContext, entry: Entry) -> Action:
    hive, _, key = entry.where.partition("\\")
    reg = ctx.registry
    if reg is None:
        raise InstallError("no registry access on this system", code="install.no_registry")
    current = reg.get_default(hive, key)
    if current is None and not reg.key_exists(hive, key):
        return Action("absent", REG_VALUE, entry.where, entry.role)
    if current != entry.value:
        return Action("kept", REG_VALUE, entry.where, entry.role, "changed since kefuguard wrote it")
    try:
        reg.delete_key(hive, key)
    except OSError:
        return Action("kept", REG_VALUE, entry.where, entry.role, "has subkeys kefuguard did not write")
    return Action("removed", REG_VALUE, entry.where, entry.role)


def _remove_registry_key(ctx: InstallContext, entry: Entry) -> Action:
    hive, _, key = entry.where.partition("\\")
    reg = ctx.registry
    assert reg is not None
    if not reg.key_exists(hive, key):
        return Action("absent", REG_KEY, entry.where)
    if not reg.is_empty(hive, key):
        return Action("kept", REG_KEY, entry.where, note="holds things kefuguard did not write")
    reg.delete_key(hive, key)
    return Action("removed", REG_KEY, entry.where)


def _remove_dir(entry: Entry) -> Action:
    path = Path(entry.where)
    if not path.is_dir():
        return Action("absent", DIR, entry.where)
    if any(path.iterdir()):
        return Action("kept", DIR, entry.where, note="not empty: holds files install did not write")
    path.rmdir()
    return Action("removed", DIR, entry.where)


def uninstall(
    ctx: InstallContext, scope: str, browsers: list[Browser] | None = None, user_data_dir: Path | None = None
) -> InstallReport:
    """Remove what install wrote for these browsers (None: for all of them)."""
    base = ctx.install_base(scope)
    record = load_record(base / RECORD_FILE, scope, ctx.platform)
    leaving = set(record.owners) if browsers is None else {owner_tag(b, user_data_dir) for b in browsers}
    report = InstallReport(
        command="uninstall",
        scope=scope,
        platform=ctx.platform,
        browsers=sorted(leaving),
        record=str(base / RECORD_FILE),
    )
    if not record.entries:
        report.warnings.append(f"no install record at {base / RECORD_FILE}: nothing to remove")
        report.warnings.extend(_stray_manifests(ctx, scope))
        return report
    gone: list[Entry] = []
    for e in record.entries:
        e.owners = [o for o in e.owners if o not in leaving]
        if not e.owners:
            gone.append(e)
    record.entries = [e for e in record.entries if e.owners]
    try:
        for e in gone:
            if e.kind == FILE:
                report.actions.append(_remove_file(e))
            elif e.kind == REG_VALUE:
                report.actions.append(_remove_registry_value(ctx, e))
        save_record(base / RECORD_FILE, record)  # before folders: the record may be the last file in ours
        for e in sorted((e for e in gone if e.kind == REG_KEY), key=lambda e: -e.where.count("\\")):
            report.actions.append(_remove_registry_key(ctx, e))
        for e in sorted((e for e in gone if e.kind == DIR), key=lambda e: -len(Path(e.where).parts)):
            report.actions.append(_remove_dir(e))
    except PermissionError as e:
        save_record(base / RECORD_FILE, record)
        raise _permission_error(e, scope) from e
    return report


def _stray_manifests(ctx: InstallContext, scope: str) -> list[str]:
    """Manifests for our host that no record accounts for (hand-placed, or a lost record)."""
    if ctx.platform == WINDOWS:
        return []
    found = []
    for b in BROWSERS.values():
        for p in targets_for(ctx, b, scope).manifests:
            if p.is_file() and str(p) not in found:
                found.append(str(p))
    return [f"{p} names {HOST_NAME} but was not written by kefuguard install; left in place" for p in found]
