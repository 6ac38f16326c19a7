"""The machine an install happens on, as plain values: tests swap every one of them.

Nothing in `install` reads `sys.platform`, `os.environ`, the home folder or the registry
directly; it asks the context. So a test on Linux can install for macOS or Windows into temporary
folders and an in-memory registry, and a Linux install can go into a temporary system root.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kefuguard.install.registry import RegistryWriter
from kefuguard.paths import Places

LINUX, MACOS, WINDOWS = "linux", "darwin", "win32"
USER, SYSTEM = "user", "system"


def platform_name(raw: str | None = None) -> str:
    raw = raw or sys.platform
    if raw.startswith("win"):
        return WINDOWS
    if raw == "darwin":
        return MACOS
    return LINUX  # Linux and the BSDs share the XDG layout


@dataclass(frozen=True)
class InstallContext:
    platform: str  # LINUX, MACOS or WINDOWS
    home: Path
    system_root: Path  # POSIX system paths are placed under it ("/" on a real machine)
    env: Mapping[str, str]
    python: str  # the interpreter the launcher runs: this one, inside its venv or pipx environment
    data_dir: Path  # kefuguard's own per-user data folder (Places.data_dir)
    registry: RegistryWriter | None = None  # Windows only
    extension_manifest: Path | None = None  # the source tree's extension/manifest.json (pinned id)
    path_search: tuple[Path, ...] = field(default=())  # PATH folders, for finding browsers

    @classmethod
    def current(cls, env: Mapping[str, str] | None = None) -> InstallContext:
        env = dict(os.environ) if env is None else dict(env)
        platform = platform_name()
        registry: RegistryWriter | None = None
        if platform == WINDOWS:  # pragma: no cover - Windows only
            from kefuguard.install.registry import WinRegistry

            registry = WinRegistry()
        source_manifest = Path(__file__).resolve().parents[3] / "extension" / "manifest.json"
        return cls(
            platform=platform,
            home=Path(env.get("HOME") or Path.home()),
            system_root=Path(os.path.abspath(os.sep)),
            env=env,
            python=sys.executable,
            data_dir=Places.from_environment(env).data_dir,
            registry=registry,
            extension_manifest=source_manifest if source_manifest.is_file() else None,
            path_search=tuple(Path(p) for p in env.get("PATH", "").split(os.pathsep) if p),
        )

    # --- bases of the path templates in browsers.py ---------------------------------------

    def system_path(self, absolute: str) -> Path:
        return self.system_root / absolute.lstrip("/")

    @property
    def config_home(self) -> Path:
        xdg = self.env.get("XDG_CONFIG_HOME", "")
        return Path(xdg) if xdg and os.path.isabs(xdg) else self.home / ".config"

    @property
    def app_support(self) -> Path:
        return self.home / "Library" / "Application Support"

    def expand_user(self, template: str) -> Path:
        return Path(template.format(config=self.config_home, home=self.home, appsupport=self.app_support))

    def windows_folder(self, template: str) -> Path:
        local = self.env.get("LOCALAPPDATA") or str(self.home / "AppData" / "Local")
        roaming = self.env.get("APPDATA") or str(self.home / "AppData" / "Roaming")
        return Path(template.format(localappdata=local, appdata=roaming).replace("\\", os.sep))

    def install_base(self, scope: str) -> Path:
        """Where the launcher, the install record and (on Windows) the manifests go."""
        if scope == USER:
            return self.data_dir / "native-host"
        if self.platform == WINDOWS:
            program_data = self.env.get("PROGRAMDATA") or r"C:\ProgramData"
            return Path(program_data) / "kefuguard" / "native-host"
        if self.platform == MACOS:
            return self.system_path("/Library/Application Support/kefuguard/native-host")
        return self.system_path("/usr/local/lib/kefuguard/native-host")
