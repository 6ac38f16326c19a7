"""The launcher a manifest points at: manifests cannot pass arguments, and browsers start hosts
with a minimal environment, so a tiny script runs this exact interpreter with `-c HOST_CODE`, which
is what `-m kefuguard host` does without runpy (`-m` loads it and the import modules it needs,
~1.3 ms of the host's CPU before its first reply).

The interpreter path is the one running now, not resolved: a venv's or pipx's `bin/python` is a
symlink whose target would lose the environment's packages. `-P` keeps the launcher's folder
(the host's working directory) off `sys.path`, for `-c` as for `-m`. Every path is quoted, so
spaces and quotes survive.
"""

from __future__ import annotations

from collections.abc import Mapping

from kefuguard.install import InstallError
from kefuguard.install.context import WINDOWS

POSIX_NAME, WINDOWS_NAME = "kefuguard-host", "kefuguard-host.bat"
# set at install time, the host would not see them otherwise (the browser's environment is its own)
BAKED_VARIABLES = ("KEFUGUARD_HOME", "KEFUGUARD_MANAGED_CONFIG")
# `kefuguard host ARGS...` as `python -P -c HOST_CODE ARGS...` runs it (sys.argv is ['-c', *ARGS]);
# neither quote nor '%', so it is quoted as is for sh and for a .bat file
HOST_CODE = "import sys; from kefuguard.protocol.launch import run_host; sys.exit(run_host(sys.argv[1:]))"


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


def render_launcher(platform: str, python: str, env: Mapping[str, str]) -> bytes:
    _no_newlines(python, *env.values())
    if platform == WINDOWS:
        lines = [
            "@echo off",
            "rem kefu-guard native-messaging host launcher, written by `kefuguard install`: rerun it, do not edit.",
            "setlocal",
            *(f"set {bat_quote(f'{k}={v}')}" for k, v in env.items()),
            f"{bat_quote(python)} -P -c {bat_quote(HOST_CODE)} %*",
        ]
        return ("\r\n".join(lines) + "\r\n").encode("utf-8")
    lines = [
        "#!/bin/sh",
        "# kefu-guard native-messaging host launcher, written by `kefuguard install`: rerun it, do not edit.",
        "# Browsers cannot pass arguments from a host manifest, so this script adds them.",
        *(f"export {k}={sh_quote(v)}" for k, v in env.items()),
        f'exec {sh_quote(python)} -P -c {sh_quote(HOST_CODE)} "$@"',
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
