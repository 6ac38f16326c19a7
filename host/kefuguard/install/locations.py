"""What goes where for one browser, one scope, on the context's platform.

On Linux and macOS a browser finds the manifest by its file name in a folder; on Windows a
registry key's default value names the manifest file, which we keep in our own folder (one per
browser family: the Chromium browsers share one).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kefuguard.install import HOST_NAME, InstallError
from kefuguard.install.browsers import Browser
from kefuguard.install.context import MACOS, SYSTEM, USER, WINDOWS, InstallContext

MANIFEST_FILE = f"{HOST_NAME}.json"


@dataclass(frozen=True)
class RegistryTarget:
    hive: str  # HKCU or HKLM
    key: str  # ...\NativeMessagingHosts\org.kefuguard.host

    @property
    def where(self) -> str:
        return f"{self.hive}\\{self.key}"


@dataclass(frozen=True)
class Targets:
    manifests: tuple[Path, ...]  # manifest files to write
    registry: tuple[RegistryTarget, ...] = ()  # Windows: keys whose default value is manifests[0]


def manifest_dirs(ctx: InstallContext, browser: Browser, scope: str) -> list[Path]:
    """POSIX folders, in the order the browser looks (first one wins)."""
    if ctx.platform == WINDOWS:
        return []
    if ctx.platform == MACOS:
        templates = browser.mac_user if scope == USER else browser.mac_system
    else:
        templates = browser.linux_user if scope == USER else browser.linux_system
    out: list[Path] = []
    for t in templates:
        if scope == USER:
            out.append(ctx.expand_user(t))
            continue
        if t.startswith("?"):  # only where that library folder is a real one on this system
            t = t[1:]
            library = ctx.system_path(t).parents[1]  # /usr/lib64/mozilla/native-messaging-hosts -> /usr/lib64
            if not library.is_dir() or library.is_symlink():
                continue
        out.append(ctx.system_path(t))
    return out


def registry_targets(browser: Browser, scope: str) -> tuple[RegistryTarget, ...]:
    hive = "HKCU" if scope == USER else "HKLM"
    return tuple(RegistryTarget(hive, f"{k}\\{HOST_NAME}") for k in browser.win_keys)


def windows_manifest(ctx: InstallContext, browser: Browser, scope: str) -> Path:
    return ctx.install_base(scope) / f"{HOST_NAME}.{browser.family}.json"


def targets_for(ctx: InstallContext, browser: Browser, scope: str, user_data_dir: Path | None = None) -> Targets:
    if user_data_dir is not None:
        if ctx.platform == WINDOWS:
            raise InstallError(
                "--user-data-dir does not apply on Windows: browsers there find hosts through the registry",
                code="install.bad_option",
            )
        if not browser.is_chromium or scope != USER:
            raise InstallError(
                "--user-data-dir is for one Chromium-family browser, user scope", code="install.bad_option"
            )
        return Targets(manifests=(user_data_dir / "NativeMessagingHosts" / MANIFEST_FILE,))
    if ctx.platform == WINDOWS:
        return Targets(manifests=(windows_manifest(ctx, browser, scope),), registry=registry_targets(browser, scope))
    return Targets(manifests=tuple(d / MANIFEST_FILE for d in manifest_dirs(ctx, browser, scope)))


def lookup_order(ctx: InstallContext, browser: Browser, user_data_dir: Path | None = None) -> list[Path]:
    """POSIX manifest paths in the order the browser tries them: user level, then system."""
    if user_data_dir is not None:
        user = [user_data_dir / "NativeMessagingHosts" / MANIFEST_FILE]
    else:
        user = [d / MANIFEST_FILE for d in manifest_dirs(ctx, browser, USER)]
    return user + [d / MANIFEST_FILE for d in manifest_dirs(ctx, browser, SYSTEM)]
