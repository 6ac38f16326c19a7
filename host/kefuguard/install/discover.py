"""Where a browser is, and which of our manifests it would read: what doctor starts from."""

from __future__ import annotations

import os
import re
from pathlib import Path

from kefuguard.install.browsers import Browser
from kefuguard.install.context import MACOS, SYSTEM, USER, WINDOWS, InstallContext
from kefuguard.install.locations import MANIFEST_FILE, manifest_dirs, registry_targets
from kefuguard.install.sandbox import flatpak_app_dir, snap_found

# --- is the browser installed? -------------------------------------------------------------


def _user_data_dir(ctx: InstallContext, b: Browser) -> Path | None:
    if ctx.platform == WINDOWS:
        return ctx.windows_folder(b.win_data[0]) if b.win_data else None
    if b.is_chromium:
        template = b.mac_user[0] if ctx.platform == MACOS else b.linux_user[0]
        return ctx.expand_user(template).parent
    return ctx.app_support / "Firefox" if ctx.platform == MACOS else ctx.home / ".mozilla" / "firefox"


def find_browser(ctx: InstallContext, b: Browser) -> str | None:
    """How we know this browser is installed; None if we see no trace of it.

    A profile counts only by a file the browser itself writes (`Local State`, `profiles.ini`):
    an install creates the NativeMessagingHosts folder of every browser, installed or not.
    """
    data = _user_data_dir(ctx, b)
    if data is not None:
        marker = data / ("profiles.ini" if not b.is_chromium else "Local State")
        if marker.is_file() or (ctx.platform == WINDOWS and data.is_dir()):
            return f"profile {data}"
    if ctx.platform == MACOS:
        for app in b.mac_apps:
            for folder in (ctx.system_path("/Applications"), ctx.home / "Applications"):
                if (folder / app).exists():
                    return f"app {folder / app}"
    elif ctx.platform != WINDOWS:
        for name in b.linux_executables:
            for folder in ctx.path_search:
                if os.access(folder / name, os.X_OK) and (folder / name).is_file():
                    return f"program {folder / name}"
    app_dir = flatpak_app_dir(ctx, b)
    if app_dir is not None:
        return f"flatpak {app_dir}"
    snap = snap_found(ctx, b)
    if snap is not None:
        return f"snap {snap}"
    return None


# --- which manifest does it read? ----------------------------------------------------------


def effective_manifest(
    ctx: InstallContext, b: Browser, user_data_dir: Path | None = None
) -> tuple[Path, str, str | None] | None:
    """(manifest path, scope, registry key or None) the browser would use first, or None."""
    if ctx.platform == WINDOWS:
        if ctx.registry is None:
            return None
        for scope in (USER, SYSTEM):
            for t in registry_targets(b, scope):
                value = ctx.registry.get_default(t.hive, t.key)
                if value:
                    return Path(value), scope, t.where
        return None
    if user_data_dir is not None:
        user = [user_data_dir / "NativeMessagingHosts" / MANIFEST_FILE]
    else:
        user = [d / MANIFEST_FILE for d in manifest_dirs(ctx, b, USER)]
    system = [d / MANIFEST_FILE for d in manifest_dirs(ctx, b, SYSTEM)]
    for scope, paths in ((USER, user), (SYSTEM, system)):
        for p in paths:
            if p.is_file():
                return p, scope, None
    return None


_SH_EXEC = re.compile(r"^exec '((?:[^']|'\\'')*)' ", re.MULTILINE)
# `-P -S -c "<launcher.HOST_CODE>"` (`-P -c` before), or `-P -m kefuguard host` in launchers written before it
_BAT_RUN = re.compile(r'^"([^"]+)" -P (?:-S )?(?:-c "|-m kefuguard host)', re.MULTILINE)


def launcher_python(launcher: Path) -> str | None:
    """The interpreter one of our generated launchers runs (None for any other program)."""
    try:
        if launcher.stat().st_size > 65536:
            return None
        text = launcher.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if "written by `kefuguard install`" not in text:
        return None
    m = _SH_EXEC.search(text)
    if m:
        return m.group(1).replace("'\\''", "'")
    m = _BAT_RUN.search(text)
    return m.group(1).replace("%%", "%") if m else None
