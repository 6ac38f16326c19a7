"""Shared by the Chromium enterprise tests: packages of an extension copy pinned to a throwaway key,
our policy template filled in, and a Chromium that reads that policy in a private mount namespace.

Machine policy lives in /etc/chromium/policies/managed/, which every Chromium on the machine reads,
and a system install writes /etc/chromium/native-messaging-hosts/ and /usr/local/lib/kefuguard/.
So the browser (and `kefuguard install --system`) run in a private mount namespace (unshare, as
root) where temporary folders are mounted over /etc/chromium and /usr/local/lib: only they see
them, nothing on the machine changes, and nothing is left behind, also on failure.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.browser.harness import chromium_executable
from tests.conftest import REPO

POLICY_ETC = Path("/etc/chromium")
SYSTEM_LIB = Path("/usr/local/lib")  # where `kefuguard install --system` puts the launcher on Linux


def extension_id(der: bytes) -> str:
    return "".join(chr(ord("a") + int(c, 16)) for c in hashlib.sha256(der).hexdigest()[:32])


def why_not_isolated() -> str | None:
    """Why the policy cannot be given to one browser alone here (None: it can)."""
    if os.name != "posix" or os.geteuid() != 0:
        return "needs root for a private mount namespace (unshare --mount)"
    if shutil.which("unshare") is None:
        return "no unshare"
    if not POLICY_ETC.is_dir():
        return "this Chromium does not read policy from /etc/chromium"
    if chromium_executable() is None:
        return "no Chromium on this machine"
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "true"], capture_output=True, timeout=10)
    return None if probe.returncode == 0 else f"unshare refused: {probe.stderr.decode()[:200]}"


@dataclass(frozen=True)
class Packages:
    id: str  # the Chromium id the throwaway key gives
    dist: Path  # what scripts/package-extension wrote: the CRX, update.xml, ...


def build_packages(base: Path, codebase_base: str) -> Packages:
    """scripts/package-extension on a copy of extension/ pinned to a new throwaway key; the CRX is
    named in update.xml at `codebase_base` + its file name."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    base.mkdir(parents=True, exist_ok=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    (base / "key.pem").write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    der = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    source = base / "extension"
    shutil.copytree(REPO / "extension", source)
    manifest = json.loads((source / "manifest.json").read_text())
    manifest["key"] = base64.b64encode(der).decode()
    (source / "manifest.json").write_text(json.dumps(manifest, indent=2))
    dist = base / "dist"
    dist.mkdir(exist_ok=True)
    built = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "package-extension"), "--key", str(base / "key.pem"),
         "--source", str(source), "--out", str(dist),
         "--codebase-url", f"{codebase_base}kefuguard-{manifest['version']}.crx"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    return Packages(extension_id(der), dist)


def policy_from_template(ext_id: str, update_url: str, **managed: Any) -> dict[str, Any]:
    """manifests/policies/chrome-linux.json filled in, with `managed` over its 3rdparty values."""
    text = (REPO / "manifests" / "policies" / "chrome-linux.json").read_text()
    filled = text.replace("@CHROMIUM_EXTENSION_ID@", ext_id).replace("@UPDATE_URL@", update_url)
    policy: dict[str, Any] = json.loads(filled)
    policy["3rdparty"]["extensions"][ext_id].update(managed)
    return policy


# Chromium forbids DevTools (and so any automation) on the pages of an extension installed by
# policy unless DeveloperToolsAvailability allows it (default 0: "disallowed for force-installed
# extensions"; Playwright's page is closed on navigation). Tests that look at the extension's own
# pages add this; it changes nothing else about the install.
ALLOW_DEVTOOLS = {"DeveloperToolsAvailability": 1}


def namespace_command(etc: Path, lib: Path) -> str:
    """A shell prefix: run what follows in a private mount namespace where `etc` is /etc/chromium and
    `lib` is /usr/local/lib, so the policy and a system-wide install are seen by it alone."""
    return (
        "unshare --mount --propagation private sh -c "
        '\'mount --bind "$0" /etc/chromium && mount --bind "$1" /usr/local/lib && shift && exec "$@"\' '
        f'"{etc}" "{lib}"'
    )


@dataclass(frozen=True)
class PolicyMachine:
    """Temporary /etc/chromium and /usr/local/lib holding one policy, and a Chromium that sees them."""

    etc: Path
    lib: Path
    prefix: str  # namespace_command(etc, lib)
    wrapper: Path  # a 'chromium' that runs in that namespace


def policy_machine(tmp_path: Path, policy: dict[str, Any], log: Path | None = None) -> PolicyMachine:
    """`log`: where Chromium's own log goes (its stderr, with verbose logging)."""
    etc, lib = tmp_path / "etc-chromium", tmp_path / "usr-local-lib"
    shutil.copytree(POLICY_ETC, etc)  # what the machine has there (master_preferences...), plus our policy
    shutil.copytree(SYSTEM_LIB, lib, symlinks=True)
    (etc / "policies" / "managed").mkdir(parents=True)
    (etc / "policies" / "managed" / "kefuguard.json").write_text(json.dumps(policy, indent=2))
    prefix = namespace_command(etc, lib)
    wrapper = tmp_path / "chromium-with-policy"
    logging = f' --enable-logging=stderr --v=1 "$@" 2>>"{log}"' if log else ' "$@"'
    wrapper.write_text(f'#!/bin/sh\nexec {prefix} "{chromium_executable()}"{logging}\n')
    wrapper.chmod(0o755)
    return PolicyMachine(etc, lib, prefix, wrapper)


def launch(playwright: Any, profile: Path, machine: PolicyMachine, env: dict[str, str] | None = None) -> Any:
    return playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=str(machine.wrapper),
        headless=True,
        env=env,  # the host the browser starts inherits it: the data folder and the managed config
        # Playwright turns extensions and the extension updater off by default: a policy install needs both
        ignore_default_args=["--disable-extensions", "--disable-background-networking"],
        args=[
            "--no-sandbox",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--host-resolver-rules=MAP * 127.0.0.1",
            "--lang=en-US",
        ],
    )


def installed_extensions(context: Any) -> list[str]:
    """The ids of the extensions this browser has, from chrome://extensions-internals."""
    page = context.new_page()
    try:
        page.goto("chrome://extensions-internals/")
        return [e["id"] for e in json.loads(page.locator("body").inner_text())]
    finally:
        page.close()
