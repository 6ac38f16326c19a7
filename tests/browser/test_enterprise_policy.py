"""Enterprise rollout in a real Chromium, the way an administrator does it on Linux: our policy
template (manifests/policies/chrome-linux.json), filled in, where Chromium reads machine policy,
force-installs a CRX built by scripts/package-extension from a self-hosted update.xml on
127.0.0.1, and its managed settings reach the extension.

Machine policy lives in /etc/chromium/policies/managed/, which every Chromium on the machine reads.
So the browser here runs in a private mount namespace (unshare, as root) where a temporary folder
is mounted over /etc/chromium: only this browser sees the policy, nothing on the machine changes,
and nothing is left behind, also on failure. Skipped where that cannot be done (not root, no
unshare, a Chromium that does not read /etc/chromium).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.harness import HOST_NAME, PageServer, chromium_executable, wait_for
from tests.conftest import REPO

pytest.importorskip("cryptography")
from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402

POLICY_ETC = Path("/etc/chromium")


def _id(der: bytes) -> str:
    import hashlib

    return "".join(chr(ord("a") + int(c, 16)) for c in hashlib.sha256(der).hexdigest()[:32])


def _can_isolate() -> str | None:
    if os.name != "posix" or os.geteuid() != 0:
        return "needs root for a private mount namespace (unshare --mount)"
    if shutil.which("unshare") is None:
        return "no unshare"
    if not POLICY_ETC.is_dir():
        return "this Chromium does not read policy from /etc/chromium"
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "true"], capture_output=True, timeout=10)
    return None if probe.returncode == 0 else f"unshare refused: {probe.stderr.decode()[:200]}"


@pytest.fixture(scope="module")
def rollout(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The packages of an extension copy pinned to a throwaway key, served from 127.0.0.1."""
    why = _can_isolate()
    if why:
        pytest.skip(why)
    if chromium_executable() is None:
        pytest.skip("no Chromium on this machine")
    base = tmp_path_factory.mktemp("rollout")
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
    dist.mkdir()
    server = PageServer(dist).__enter__()
    try:
        crx_url = f"http://127.0.0.1:{server.port}/kefuguard-{manifest['version']}.crx"
        built = subprocess.run(
            [sys.executable, str(REPO / "scripts" / "package-extension"), "--key", str(base / "key.pem"),
             "--source", str(source), "--out", str(dist), "--codebase-url", crx_url],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert built.returncode == 0, built.stderr
        yield {"base": base, "id": _id(der), "update_url": f"http://127.0.0.1:{server.port}/update.xml"}
    finally:
        server.__exit__(None, None, None)


def _policy(ext_id: str, update_url: str) -> dict[str, Any]:
    text = (REPO / "manifests" / "policies" / "chrome-linux.json").read_text()
    policy = json.loads(text.replace("@CHROMIUM_EXTENSION_ID@", ext_id).replace("@UPDATE_URL@", update_url))
    managed = policy["3rdparty"]["extensions"][ext_id]
    managed["min_level"] = "danger"
    managed["features"]["chat_check"] = False
    managed["trusted_domains"] = ["taobao-kefu.com"]
    return policy


@pytest.fixture
def managed_browser(playwright_driver: Any, rollout: dict[str, Any], tmp_path: Path) -> Iterator[Any]:
    etc = tmp_path / "etc-chromium"
    shutil.copytree(POLICY_ETC, etc)  # what the machine has there (master_preferences...), plus our policy
    (etc / "policies" / "managed").mkdir(parents=True)
    policy = _policy(rollout["id"], rollout["update_url"])
    (etc / "policies" / "managed" / "kefuguard.json").write_text(json.dumps(policy, indent=2))
    wrapper = tmp_path / "chromium-with-policy"
    wrapper.write_text(
        "#!/bin/sh\n"
        "# this browser alone sees the policy: a private mount namespace with our folder over /etc/chromium\n"
        "exec unshare --mount --propagation private sh -c "
        '\'mount --bind "$0" /etc/chromium && exec "$@"\' '
        f'"{etc}" "{chromium_executable()}" "$@"\n'
    )
    wrapper.chmod(0o755)
    profile = tmp_path / "profile"
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEFUGUARD_")}
    env.update(HOME=str(home), KEFUGUARD_HOME=str(home / "data"), KEFUGUARD_MANAGED_CONFIG=str(home / "none.toml"))
    installed = subprocess.run(
        [sys.executable, "-m", "kefuguard", "install", "--browser", "chromium", "--user-data-dir", str(profile),
         "--extension-id", rollout["id"]],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    assert (profile / "NativeMessagingHosts" / f"{HOST_NAME}.json").is_file()
    context = playwright_driver.chromium.launch_persistent_context(
        str(profile),
        executable_path=str(wrapper),
        headless=True,
        env=env,
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
    try:
        yield context, rollout["id"]
    finally:
        context.close()


DANGER_BANNER = "kefuguard-banner[data-kefuguard-level='danger']"


def test_policy_force_installs_the_self_hosted_crx_with_its_managed_settings(managed_browser, page_server):
    """Installed by policy alone (no --load-extension), talking to the host `kefuguard install`
    registered for its id, with the organisation's trusted domain applied; and not switchable off."""
    context, ext_id = managed_browser
    page = context.new_page()
    try:

        def warned() -> bool:  # the policy install takes a few seconds after start
            page.goto(page_server.url("jd-kefu.com", "/shop.html?policy"))
            try:
                page.wait_for_selector(DANGER_BANNER, state="attached", timeout=3000)
            except Exception:  # noqa: BLE001 - not installed yet
                return False
            return True

        assert wait_for(warned, timeout=90, interval=0.5), "the policy did not install a working extension"
        # the policy's trusted domain (managed storage) is honoured: a lookalike the organisation
        # marked trusted gets no banner, while the next lookalike still does
        page.goto(page_server.url("taobao-kefu.com", "/shop.html?trusted-by-policy"))
        page.wait_for_timeout(1500)  # the other pages warned well within this
        assert page.locator(DANGER_BANNER).count() == 0
        page.goto(page_server.url("jd-kefu.com", "/shop.html?after-trusted"))
        page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
        # force-installed: the extensions page offers no way to turn it off or remove it
        page.goto("chrome://extensions/")
        toggle = page.locator(f"extensions-item#{ext_id} #enableToggle")
        toggle.wait_for(state="attached", timeout=15000)
        assert toggle.is_disabled()
    finally:
        page.close()
