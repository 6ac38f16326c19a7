"""The launcher a manifest points at: manifests cannot pass arguments, and browsers start hosts
with a minimal environment, so a tiny script runs this exact interpreter with `-c HOST_CODE`, which
is what `-m kefuguard host` does without runpy (`-m` loads it and the import modules it needs,
~1.3 ms of the host's CPU before its first reply).

It also passes `-S` and the folders that hold kefuguard and the packages a first check looks for
(`start_folders`): the interpreter skips `site` (the environment's site-packages and .pth files,
~1 ms) and the host loads it after its first reply, or at once when something outside those
folders is imported before (protocol/launch.py), so the environment is the one a plain start has.

The interpreter path is the one running now, not resolved: a venv's or pipx's `bin/python` is a
symlink whose target would lose the environment's packages. `-P` keeps the launcher's folder
(the host's working directory) off `sys.path`, for `-c` as for `-m`. Every path is quoted, so
spaces and quotes survive.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from kefuguard.install import InstallError
from kefuguard.install.context import WINDOWS

POSIX_NAME, WINDOWS_NAME = "kefuguard-host", "kefuguard-host.bat"
# set at install time, the host would not see them otherwise (the browser's environment is its own)
BAKED_VARIABLES = ("KEFUGUARD_HOME", "KEFUGUARD_MANAGED_CONFIG")
# `kefuguard host ARGS...` as `python -P -S -c HOST_CODE FOLDERS ARGS...` runs it (sys.argv is
# ['-c', FOLDERS, *ARGS]; FOLDERS joined by os.pathsep); neither quote nor '%', so it is quoted as is
# for sh and for a .bat file
HOST_CODE = (
    "import os, sys; sys.path += [f for f in sys.argv[1].split(os.pathsep) if f]; "
    "from kefuguard.protocol.launch import run_host; sys.exit(run_host(sys.argv[2:], sys.argv[1]))"
)
# what a host imports or looks for before its first reply: itself, tldextract (whose file names the
# cached public suffix rules), rapidfuzz (lookalike screens), platformdirs (folders on macOS and Windows)
START_PACKAGES = ("kefuguard", "tldextract", "rapidfuzz", "platformdirs")


def launcher_name(platform: str) -> str:
    return WINDOWS_NAME if platform == WINDOWS else POSIX_NAME


def sh_quote(value: str) -> str:
    """Always single-quoted: nothing inside is special to sh except the quote itself."""
    return "'" + value.replace("'", "'\\''") + "'"


def bat_quote(value: str) -> str:
    if '"' in value:
        raise InstallError(f"cannot quote {value!r} for a .bat file", code="install.bad_path")
    return '"' + value.replace("%", "%%") + '"'


def _no_newlines(*values: str) -> None:
    for v in values:
        if "\n" in v or "\r" in v or "\0" in v:
            raise InstallError(f"path {v!r} contains a line break", code="install.bad_path")


def start_folders() -> list[str]:
    """The sys.path folders this interpreter finds START_PACKAGES in, in that order, once each."""
    import importlib.util

    folders: list[str] = []
    for name in START_PACKAGES:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        places = list(spec.submodule_search_locations or ()) if spec is not None else []
        if not places:
            continue  # not installed, or not a package (nothing to add)
        folder = os.path.dirname(os.path.abspath(places[0]))
        if folder not in folders:
            folders.append(folder)
    return folders


def host_command(python: str, folders: Sequence[str]) -> list[str]:
    """The command a launcher on this machine runs, without the browser's arguments."""
    return [python, "-P", "-S", "-c", HOST_CODE, os.pathsep.join(folders)]


def render_launcher(platform: str, python: str, env: Mapping[str, str], folders: Sequence[str] | None = None) -> bytes:
    """The launcher script; `folders`: start_folders() of this interpreter unless given."""
    folders = start_folders() if folders is None else list(folders)
    _no_newlines(python, *env.values(), *folders)
    joined = (";" if platform == WINDOWS else ":").join(folders)  # os.pathsep where it runs
    if platform == WINDOWS:
        lines = [
            "@echo off",
            "rem kefu-guard native-messaging host launcher, written by `kefuguard install`: rerun it, do not edit.",
            "setlocal",
            *(f"set {bat_quote(f'{k}={v}')}" for k, v in env.items()),
            f"{bat_quote(python)} -P -S -c {bat_quote(HOST_CODE)} {bat_quote(joined)} %*",
        ]
        return ("\r\n".join(lines) + "\r\n").encode("utf-8")
    lines = [
        "#!/bin/sh",
        "# kefu-guard native-messaging host launcher, written by `kefuguard install`: rerun it, do not edit.",
        "# Browsers cannot pass arguments from a host manifest, so this script adds them.",
        *(f"export {k}={sh_quote(v)}" for k, v in env.items()),
        f'exec {sh_quote(python)} -P -S -c {sh_quote(HOST_CODE)} {sh_quote(joined)} "$@"',
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def render_flatpak_wrapper(launcher: str) -> bytes:
    """Runs inside the browser's Flatpak sandbox and starts the real launcher on the host."""
    _no_newlines(launcher)
    return (
        "#!/bin/sh\n"
        "# kefu-guard: start the host outside this Flatpak sandbox. Needs the browser to be allowed to\n"
        "# talk to org.freedesktop.Flatpak (`flatpak override --user --talk-name=org.freedesktop.Flatpak <app>`).\n"
        f'exec flatpak-spawn --host {sh_quote(launcher)} "$@"\n'
    ).encode()


def baked_environment(env: Mapping[str, str]) -> dict[str, str]:
    return {k: env[k] for k in BAKED_VARIABLES if env.get(k)}
