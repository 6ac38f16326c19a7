"""An injectable machine for install tests: temporary HOME and system root, any platform,
an in-memory registry. Paths contain spaces on purpose."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from kefuguard.install.context import LINUX, WINDOWS, InstallContext
from kefuguard.install.extension_ids import resolve_ids
from kefuguard.install.registry import MemoryRegistry

CHROMIUM_ID = "abcdefghijklmnopabcdefghijklmnop"
OTHER_ID = "ponmlkjihgfedcbaponmlkjihgfedcba"


def machine(tmp_path: Path, platform: str = LINUX, **env: str) -> InstallContext:
    home = tmp_path / "home of user"
    root = tmp_path / "system root"
    data = tmp_path / "kefu guard data"
    for d in (home, root):
        d.mkdir(exist_ok=True)
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "KEFUGUARD_"))}
    base_env.update(
        HOME=str(home),
        KEFUGUARD_HOME=str(data),
        KEFUGUARD_MANAGED_CONFIG=str(tmp_path / "managed config.toml"),
    )
    if platform == WINDOWS:
        base_env.update(
            LOCALAPPDATA=str(home / "AppData" / "Local"),
            APPDATA=str(home / "AppData" / "Roaming"),
            PROGRAMDATA=str(root / "ProgramData"),
        )
    base_env.update(env)
    return InstallContext(
        platform=platform,
        home=home,
        system_root=root,
        env=base_env,
        python=sys.executable,
        data_dir=data,
        registry=MemoryRegistry() if platform == WINDOWS else None,
        extension_manifest=None,
        path_search=(),
    )


@pytest.fixture
def linux(tmp_path: Path) -> InstallContext:
    return machine(tmp_path)


@pytest.fixture
def ids():
    return resolve_ids([CHROMIUM_ID], None)


def with_python(ctx: InstallContext, python: str) -> InstallContext:
    return replace(ctx, python=python)


def tree(root: Path) -> dict[str, bytes | None]:
    """Every file (with content) and folder (None) under root: a snapshot to compare."""
    out: dict[str, bytes | None] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for d in dirnames:
            out[os.path.relpath(os.path.join(dirpath, d), root)] = None
        for f in filenames:
            p = os.path.join(dirpath, f)
            out[os.path.relpath(p, root)] = Path(p).read_bytes()
    return out
