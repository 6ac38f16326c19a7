"""End to end: `kefuguard install` into a real Chromium user-data-dir, and an extension reaches the host.

A throwaway extension (pinned key made at run time, nativeMessaging permission, a service worker
that calls sendNativeMessage) runs in headless Chromium driven by Playwright. Loopback only: the
browser is started with background networking and component updates off.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kefuguard import __version__
from kefuguard.install import HOST_NAME
from kefuguard.install.extension_ids import chromium_id_from_key
from tests.install.conftest import OTHER_ID

SERVICE_WORKER = """
globalThis.askHost = () => new Promise((resolve) => {
  chrome.runtime.sendNativeMessage("HOST_NAME", {id: 1, type: "status"}, (reply) => {
    const error = chrome.runtime.lastError ? chrome.runtime.lastError.message : null;
    resolve({reply: reply === undefined ? null : reply, error});
  });
});
""".replace("HOST_NAME", HOST_NAME)


def chromium_or_skip() -> str:
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.skip("no chromium on PATH (Debian: apt-get install chromium)")
    return exe


def make_extension(folder: Path) -> str:
    """A minimal MV3 extension with a key generated now; returns the id Chromium will give it."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    der = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    key_b64 = base64.b64encode(der).decode()
    folder.mkdir(parents=True)
    manifest = {
        "manifest_version": 3,
        "name": "kefuguard install test",
        "version": "1.0",
        "key": key_b64,
        "permissions": ["nativeMessaging"],
        "background": {"service_worker": "worker.js"},
    }
    (folder / "manifest.json").write_text(json.dumps(manifest))
    (folder / "worker.js").write_text(SERVICE_WORKER)
    return chromium_id_from_key(key_b64)


def kefuguard(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "kefuguard"
    cmd = [str(script)] if script.is_file() else [sys.executable, "-m", "kefuguard"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, env=env, timeout=120)


def test_extension_in_real_chromium_reaches_the_installed_host(tmp_path):
    exe = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    extension = tmp_path / "test extension"
    extension_id = make_extension(extension)
    profile = tmp_path / "chromium profile"
    data = tmp_path / "kefu guard home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "KEFUGUARD_"))}
    env.update(
        HOME=str(tmp_path),
        KEFUGUARD_HOME=str(data),
        KEFUGUARD_MANAGED_CONFIG=str(tmp_path / "no managed.toml"),
    )
    udd = ["--browser", "chromium", "--user-data-dir", str(profile)]
    out = kefuguard(env, "install", *udd, "--extension-id", extension_id)
    assert out.returncode == 0, out.stderr
    assert (profile / "NativeMessagingHosts" / f"{HOST_NAME}.json").is_file()

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=exe,
            headless=True,
            env=env,
            args=[
                f"--load-extension={extension}",
                f"--disable-extensions-except={extension}",
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        try:
            worker = context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker")
            assert worker.url == f"chrome-extension://{extension_id}/worker.js"  # our id derivation is Chromium's

            answer = worker.evaluate("askHost()")
            assert answer["error"] is None, answer
            reply = answer["reply"]
            assert reply["id"] == 1 and reply["ok"] is True
            assert reply["result"]["host_version"] == __version__
            assert reply["result"]["data_dir"] == str(data)  # this install's launcher started this host

            # the two failures users meet most, as the browser reports them (docs/install.md)
            assert kefuguard(env, "uninstall", *udd).returncode == 0
            assert worker.evaluate("askHost()")["error"] == "Specified native messaging host not found."
            assert kefuguard(env, "install", *udd, "--extension-id", OTHER_ID).returncode == 0
            forbidden = worker.evaluate("askHost()")["error"]
            assert forbidden == "Access to the specified native messaging host is forbidden."
        finally:
            context.close()

    doctor = kefuguard(env, "doctor", *udd, "--extension-id", extension_id, "--json")
    report = json.loads(doctor.stdout)
    assert doctor.returncode == 1 and [p["code"] for p in report["problems"]] == ["origin.missing_id"]
