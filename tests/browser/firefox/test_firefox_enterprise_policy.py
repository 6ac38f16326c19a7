"""Enterprise rollout in a real Firefox ESR, the way an administrator does it on Linux: our policy
template (manifests/policies/firefox-policies.json), filled in, in the `distribution` folder of the
Firefox installation, force-installs the XPI that scripts/package-extension builds (from a file://
address here; an https:// one on a real network), and its `3rdparty` managed settings reach the
extension, whose options page shows them locked and whose popup names the organisation's support
contact. The host is registered with `kefuguard install --browser firefox`, as a user does it.

What needs a signed XPI: release Firefox refuses an unsigned add-on, even from policy. ESR (and
Developer Edition, Nightly) honour `xpinstall.signatures.required = false`, which this test sets in
the profile's user.js; on release Firefox the XPI must first be signed by addons.mozilla.org (an
unlisted signing is enough) and the same policy then works unchanged.

The policy folder (`/usr/lib/firefox-esr/distribution/`) belongs to the whole machine, so Firefox
runs in a private mount namespace (unshare, as root) where a temporary folder is mounted over it:
nothing on the machine changes, and nothing is left behind, also on failure. Skipped where that
cannot be done (not root, no unshare, no Firefox ESR with a distribution folder).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.firefox.bidi import BidiClient, Tab
from tests.browser.firefox.conftest import GECKO_ID, PREFS, firefox_executable, install_host
from tests.browser.harness import wait_for
from tests.conftest import REPO

pytest.importorskip("cryptography")
from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402


def _distribution_dir() -> Path | None:
    executable = firefox_executable()
    if executable is None:
        return None
    folder = Path(os.path.realpath(executable)).parent / "distribution"
    return folder if folder.is_dir() else None


def _why_not() -> str | None:
    if os.name != "posix" or os.geteuid() != 0:
        return "needs root for a private mount namespace (unshare --mount)"
    if shutil.which("unshare") is None:
        return "no unshare"
    if _distribution_dir() is None:
        return "no Firefox with a distribution folder (Debian's firefox-esr has one)"
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "true"], capture_output=True, timeout=10)
    return None if probe.returncode == 0 else f"unshare refused: {probe.stderr.decode()[:200]}"


def _build_xpi(base: Path) -> Path:
    """scripts/package-extension on a copy pinned to a throwaway key (the Gecko id is the real one)."""
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
    built = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "package-extension"), "--key", str(base / "key.pem"),
         "--source", str(source), "--out", str(dist)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    [xpi] = dist.glob("*.xpi")
    return xpi


def _policy(xpi: Path) -> dict[str, Any]:
    text = (REPO / "manifests" / "policies" / "firefox-policies.json").read_text()
    policy = json.loads(text.replace("@FIREFOX_INSTALL_URL@", xpi.as_uri()))
    managed = policy["policies"]["3rdparty"]["Extensions"][GECKO_ID]
    managed["min_level"] = "danger"
    managed["features"]["chat_check"] = False
    managed["language"] = "en"
    managed["trusted_domains"] = ["intranet.example.com"]
    managed["features"]["send_warning"] = "no"  # the wrong type
    managed["colour"] = "red"  # not a setting
    return dict(policy)


@pytest.fixture(scope="module")
def managed_firefox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    why = _why_not()
    if why:
        pytest.skip(why)
    base = tmp_path_factory.mktemp("firefox-rollout")
    xpi = _build_xpi(base)
    distribution = base / "distribution"
    original = _distribution_dir()
    assert original is not None
    shutil.copytree(original, distribution)  # what the installation has there (search plugins), plus our policy
    (distribution / "policies.json").write_text(json.dumps(_policy(xpi), indent=2))
    home, profile = base / "home", base / "profile"
    home.mkdir()
    profile.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "MOZ_", "KEFUGUARD_"))},
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "KEFUGUARD_HOME": str(base / "kefuguard"),
        "KEFUGUARD_MANAGED_CONFIG": str(base / "no-managed.toml"),
    }
    install_host(env)
    extension_uuid = str(uuid.uuid4())
    prefs = {
        **PREFS,
        "extensions.webextensions.uuids": json.dumps({GECKO_ID: extension_uuid}),
        "xpinstall.signatures.required": False,  # ESR only: release Firefox needs a signed XPI
    }
    lines = [f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs.items()]
    (profile / "user.js").write_text("".join(lines))
    script = 'mount --bind "$0" "$1" && shift && exec "$@"'
    command = [
        "unshare", "--mount", "--propagation", "private", "sh", "-c", script, str(distribution), str(original),
        str(firefox_executable()), "--headless", "--no-remote", "--profile", str(profile),
        "--remote-debugging-port=0", "--remote-allow-system-access",
    ]  # fmt: skip
    log = (base / "firefox.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    bidi = None
    try:

        def port() -> int | None:
            assert process.poll() is None, (base / "firefox.log").read_text()[-2000:]
            try:
                return int(json.loads((profile / "WebDriverBiDiServer.json").read_text())["ws_port"])
            except (OSError, ValueError, KeyError):
                return None

        found = wait_for(port, timeout=60, interval=0.1)
        assert found, "Firefox did not start WebDriver BiDi"
        bidi = BidiClient(f"ws://127.0.0.1:{found}/session")
        bidi.command("session.new", {"capabilities": {}})
        yield {"bidi": bidi, "origin": f"moz-extension://{extension_uuid}/", "home": home}
    finally:
        if bidi is not None:
            bidi.close()
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
        log.close()
    assert not (original / "policies.json").exists()  # the machine's own folder never saw our policy


def _open(managed: dict[str, Any], path: str, ready: str) -> Tab:
    bidi = managed["bidi"]
    context = bidi.command("browsingContext.create", {"type": "tab"})["context"]
    tab = Tab(bidi, context)
    tab.navigate(managed["origin"] + path)
    tab.wait_for_function(f"() => document.getElementById({json.dumps(ready)})?.dataset.ready === 'true'")
    return tab


def test_the_policy_force_installs_the_xpi_as_an_admin_add_on_with_its_managed_settings(managed_firefox):
    tab = _open(managed_firefox, "ui/left.html", "left")
    self_info = tab.evaluate("async () => { const s = await browser.management.getSelf();"
                             " return {installType: s.installType, enabled: s.enabled}; }")  # fmt: skip
    assert self_info == {"installType": "admin", "enabled": True}  # users cannot remove or disable it
    managed = tab.evaluate("async () => await browser.storage.managed.get()")
    assert managed["min_level"] == "danger"
    assert managed["features"]["chat_check"] is False
    assert managed["trusted_domains"] == ["intranet.example.com"]


def test_the_options_page_shows_the_organisations_settings_locked(managed_firefox):
    tab = _open(managed_firefox, "ui/options.html", "options")
    state = tab.evaluate(
        "() => ({chat: document.getElementById('feature-chat_check').checked,"
        " chatLocked: document.getElementById('feature-chat_check').disabled,"
        " pageLocked: document.getElementById('feature-page_check').disabled,"
        " level: document.getElementById('min_level').value,"
        " levelLocked: document.getElementById('min_level').disabled,"
        " trusted: document.getElementById('trusted').innerText})"
    )
    assert state["chat"] is False and state["chatLocked"] is True
    assert state["pageLocked"] is True  # set (true) by the policy: locked too
    assert state["level"] == "danger" and state["levelLocked"] is True
    assert "intranet.example.com" in state["trusted"]


def test_the_options_page_names_the_settings_it_cannot_use(managed_firefox):
    """Firefox passes the policy's values to storage.managed as they are: the wrong-typed switch and
    the unknown key arrive, the extension ignores them (the user's own choice applies) and says so,
    naming each as `kefuguard doctor` does."""
    tab = _open(managed_firefox, "ui/options.html", "options")
    managed = tab.evaluate("async () => await browser.storage.managed.get()")
    assert managed["features"]["send_warning"] == "no" and managed["colour"] == "red"
    state = tab.evaluate(
        "() => ({shown: !document.getElementById('managed-ignored').hidden,"
        " items: [...document.querySelectorAll('#managed-ignored-list li')].map((li) =>"
        " ({setting: li.dataset.setting, text: li.textContent})),"
        " sendLocked: document.getElementById('feature-send_warning').disabled})"
    )
    assert state["shown"] is True
    assert state["items"] == [
        {
            "setting": "features.send_warning",
            "text": "features.send_warning: the wrong type (string; it should be boolean)",
        },
        {"setting": "colour", "text": "colour: not a kefu-guard setting"},
    ]
    assert state["sendLocked"] is False  # not the organisation's: the user's own choice applies


def test_the_popup_names_the_organisations_support_contact_and_reaches_the_host(managed_firefox):
    tab = _open(managed_firefox, "ui/popup.html", "popup")
    support = tab.evaluate("() => document.getElementById('support').textContent")
    assert "IT help desk: ext. 1234" in support
    reply = tab.evaluate("async () => await browser.runtime.sendMessage({kind: 'host_status'})")
    assert reply["ok"] is True and reply["host"]["state"] == "connected", reply
    assert reply["status"]["data_dir"].endswith("kefuguard")  # the host the user's install registered
