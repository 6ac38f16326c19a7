"""What a browser's machine policy says about our native host (Linux: JSON files in the browser's
managed policy folder, read as the browser reads them).

Chromium-family browsers refuse a native host that `NativeMessagingBlocklist` names (or blocks
with "*") unless `NativeMessagingAllowlist` names it, and with `NativeMessagingUserLevelHosts`
false they read only the system-wide host manifests. A policy file that is not valid JSON is
ignored by the browser whole: worth saying, since the administrator meant something by it.
Windows (registry) and macOS (profiles) policies are not read here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kefuguard.install import HOST_NAME
from kefuguard.install.browsers import Browser
from kefuguard.install.context import LINUX, InstallContext
from kefuguard.install.managed_settings import ignored_settings, our_settings

# the managed policy folder of each browser on Linux
LINUX_POLICY_DIRS: dict[str, str] = {
    "chrome": "/etc/opt/chrome/policies/managed",
    "chromium": "/etc/chromium/policies/managed",
    "edge": "/etc/opt/edge/policies/managed",
    "brave": "/etc/brave/policies/managed",
}


@dataclass
class HostPolicy:
    folder: str | None = None
    files: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # files the browser ignores
    # our extension's managed settings the browser leaves out: (file, setting, why, what goes with it)
    ignored_settings: list[tuple[str, str, str, str]] = field(default_factory=list)
    # where the policy installs our extension from: (file, extension id, update URL)
    install_sources: list[tuple[str, str, str]] = field(default_factory=list)
    blocked: bool = False  # the blocklist refuses our host and the allowlist does not let it in
    user_level_allowed: bool = True


def _names(value: Any) -> set[str]:
    return {v for v in value if isinstance(v, str)} if isinstance(value, list) else set()


def _install_sources(doc: dict[str, Any], extension_ids: tuple[str, ...]) -> list[tuple[str, str]]:
    """(id, update URL) for each of our ids the policy installs: ExtensionSettings with an
    installation_mode that installs, and ExtensionInstallForcelist's "id;update URL" entries."""
    out: list[tuple[str, str]] = []
    settings = doc.get("ExtensionSettings")
    if isinstance(settings, dict):
        for ext_id in extension_ids:
            entry = settings.get(ext_id)
            if (
                isinstance(entry, dict)
                and entry.get("installation_mode") in ("force_installed", "normal_installed")
                and isinstance(entry.get("update_url"), str)
            ):
                out.append((ext_id, entry["update_url"]))
    forcelist = doc.get("ExtensionInstallForcelist")
    for item in forcelist if isinstance(forcelist, list) else []:
        ext_id, _, url = item.partition(";") if isinstance(item, str) else ("", "", "")
        if ext_id in extension_ids and url and (ext_id, url) not in out:
            out.append((ext_id, url))
    return out


def _policy_files(folder: Path) -> Iterator[tuple[Path, dict[str, Any] | None]]:
    """Each JSON file of a managed policy folder, in the browser's order, with its document (None:
    the browser ignores the file)."""
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix == ".json" and p.is_file())
    except OSError:
        return
    for path in files:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            doc = None
        yield path, doc if isinstance(doc, dict) else None


def ignored_for_extension(ctx: InstallContext, ext_id: str) -> list[dict[str, str]]:
    """The managed settings for `ext_id` that any Chromium-family browser's machine policy on this
    computer leaves out, each with its file: for the extension's options page (through the host),
    which cannot see them since the browser drops them before storage.managed."""
    if ctx.platform != LINUX:
        return []
    out: list[dict[str, str]] = []
    for where in dict.fromkeys(LINUX_POLICY_DIRS.values()):
        for path, doc in _policy_files(ctx.system_path(where)):
            for settings in our_settings(doc or {}, (ext_id,)).values():
                out += [{**s.to_dict(), "file": str(path)} for s in ignored_settings(settings)]
    return out


def host_policy(ctx: InstallContext, b: Browser, extension_ids: tuple[str, ...] = ()) -> HostPolicy:
    """Our host as the browser's machine policy treats it (empty when it has none we can read)."""
    where = LINUX_POLICY_DIRS.get(b.key) if ctx.platform == LINUX else None
    if where is None:
        return HostPolicy()
    folder = ctx.system_path(where)
    out = HostPolicy(folder=str(folder))
    allow: set[str] = set()
    block: set[str] = set()
    for path, doc in _policy_files(folder):
        out.files.append(str(path))
        if doc is None:
            out.unreadable.append(str(path))
            continue
        for settings in our_settings(doc, extension_ids).values():
            out.ignored_settings += [(str(path), s.path, s.why, s.dropped) for s in ignored_settings(settings)]
        out.install_sources += [(str(path), i, url) for i, url in _install_sources(doc, extension_ids)]
        allow |= _names(doc.get("NativeMessagingAllowlist"))
        block |= _names(doc.get("NativeMessagingBlocklist"))
        if doc.get("NativeMessagingUserLevelHosts") is False:
            out.user_level_allowed = False
    out.blocked = bool(block & {"*", HOST_NAME}) and HOST_NAME not in allow
    return out
