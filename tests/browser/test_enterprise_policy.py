"""Enterprise rollout in a real Chromium, the way an administrator does it on Linux: our policy
template (manifests/policies/chrome-linux.json), filled in, where Chromium reads machine policy,
force-installs a CRX built by scripts/package-extension from a self-hosted update.xml on
127.0.0.1, and its managed settings reach the extension.

Twice: with the host registered for the profile, and with `kefuguard install --system` and a
managed config that locks the trusted keys (a user's own key and list are not believed; `doctor`
says all good for the system host).

The browser and the install run in a private mount namespace (tests/browser/enterprise.py), so
nothing on the machine changes and nothing is left behind, also on failure. Skipped where that
cannot be done (not root, no unshare, a Chromium that does not read /etc/chromium).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kefuguard.lists.store import MAIN_LIST
from tests.browser.enterprise import (
    Packages,
    build_packages,
    launch,
    policy_from_template,
    policy_machine,
    why_not_isolated,
)
from tests.browser.harness import HOST_NAME, PageServer, wait_for
from tests.conftest import make_signed, sign

pytest.importorskip("cryptography")


@pytest.fixture(scope="module")
def rollout(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The packages of an extension copy pinned to a throwaway key, served from 127.0.0.1."""
    why = why_not_isolated()
    if why:
        pytest.skip(why)
    base = tmp_path_factory.mktemp("rollout")
    (base / "dist").mkdir()
    with PageServer(base / "dist") as server:
        packages: Packages = build_packages(base, f"http://127.0.0.1:{server.port}/")
        yield {"base": base, "id": packages.id, "update_url": f"http://127.0.0.1:{server.port}/update.xml"}


def _policy(ext_id: str, update_url: str) -> dict[str, Any]:
    template = policy_from_template(ext_id, update_url)
    features = {**template["3rdparty"]["extensions"][ext_id]["features"], "chat_check": False}
    return policy_from_template(
        ext_id, update_url, min_level="danger", features=features, trusted_domains=["taobao-kefu.com"]
    )


# list mirrors: the organisation's (managed, locked) and one in the user's own config. Closed
# loopback ports: nothing is fetched from either in the test
IT_MIRROR = "http://127.0.0.1:9/it/channels.json"
USER_MIRROR = "http://127.0.0.1:7/user/channels.json"


@pytest.fixture(params=["user host", "system host"])
def managed_browser(
    request: pytest.FixtureRequest,
    playwright_driver: Any,
    rollout: dict[str, Any],
    tmp_path: Path,
    signing_key: tuple[Any, str],
) -> Iterator[Any]:
    system = request.param == "system host"
    machine = policy_machine(tmp_path, _policy(rollout["id"], rollout["update_url"]))
    etc, lib = machine.etc, machine.lib
    profile = tmp_path / "profile"
    home = tmp_path / "home"
    home.mkdir()
    managed = tmp_path / "managed.toml"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEFUGUARD_")}
    env.update(HOME=str(home), KEFUGUARD_HOME=str(home / "data"), KEFUGUARD_MANAGED_CONFIG=str(managed))
    if system:
        # IT pins the list's keys and locks them; the user's own config adds a key of theirs and
        # installs a list signed by it that calls a lookalike official: it must not be believed
        managed.write_text(
            f'[update]\nurls = ["{IT_MIRROR}"]\n[policy]\nlocked = ["update.urls", "trust.keys", "trust.threshold"]\n'
        )
        user_key, user_pub = signing_key
        (home / "data" / "lists").mkdir(parents=True)
        user_config = f'[update]\nurls = ["{USER_MIRROR}"]\n[trust]\nkeys = ["{user_pub}"]\n'
        (home / "data" / "config.toml").write_text(user_config)
        forged = make_signed(version=10**13, publisher="kefu-guard")
        forged["brands"][0]["domains"].append("jd-kefu.com")
        (home / "data" / "lists" / MAIN_LIST).write_bytes(sign(forged, user_key))
    scope = ["--system"] if system else ["--user-data-dir", str(profile)]
    kefuguard = f'{machine.prefix} "{sys.executable}" -m kefuguard'
    installed = subprocess.run(
        f"{kefuguard} install --browser chromium {' '.join(scope)} --extension-id {rollout['id']}",
        shell=True, capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    if system:
        assert (etc / "native-messaging-hosts" / f"{HOST_NAME}.json").is_file()
        assert (lib / "kefuguard" / "native-host" / "kefuguard-host").is_file()
        assert not (profile / "NativeMessagingHosts").exists()
    else:
        assert (profile / "NativeMessagingHosts" / f"{HOST_NAME}.json").is_file()
    context = launch(playwright_driver, profile, machine, env)
    try:
        yield context, rollout["id"], {"kefuguard": kefuguard, "env": env, "home": home, "managed": managed}
    finally:
        context.close()


DANGER_BANNER = "kefuguard-banner[data-kefuguard-level='danger']"


def _warned_within(page: Any, url: str, timeout: float = 90) -> bool:
    """Load `url` until it gets the danger banner (the policy install takes seconds after start)."""

    def warned() -> bool:
        page.goto(url)
        try:
            page.wait_for_selector(DANGER_BANNER, state="attached", timeout=3000)
        except Exception:  # noqa: BLE001 - not installed yet
            return False
        return True

    return bool(wait_for(warned, timeout=timeout, interval=0.5))


def test_policy_force_installs_the_self_hosted_crx_with_its_managed_settings(managed_browser, page_server):
    """Installed by policy alone (no --load-extension), talking to the host `kefuguard install`
    registered for its id, with the organisation's trusted domain applied; and not switchable off."""
    context, ext_id, _ = managed_browser
    page = context.new_page()
    try:
        # the policy install takes a few seconds after start
        assert _warned_within(page, page_server.url("jd-kefu.com", "/shop.html?policy")), (
            "the policy did not install a working extension"
        )

        # the policy's trusted domain (managed storage) is honoured: a lookalike the organisation
        # marked trusted gets no banner, while the next lookalike still does. Right after the
        # install, Chromium's first storage.managed read can take seconds: honoured within 30 s
        def left_alone() -> bool:
            page.goto(page_server.url("taobao-kefu.com", "/shop.html?trusted-by-policy"))
            page.wait_for_timeout(1500)  # the other pages warned well within this
            return page.locator(DANGER_BANNER).count() == 0

        assert wait_for(left_alone, timeout=30, interval=0.5), "the policy's trusted domain was not honoured"
        page.goto(page_server.url("jd-kefu.com", "/shop.html?after-trusted"))
        page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
        # force-installed: the extensions page offers no way to turn it off or remove it
        page.goto("chrome://extensions/")
        toggle = page.locator(f"extensions-item#{ext_id} #enableToggle")
        toggle.wait_for(state="attached", timeout=15000)
        assert toggle.is_disabled()
    finally:
        page.close()


@pytest.mark.parametrize("managed_browser", ["system host"], indirect=True)
def test_the_system_host_keeps_the_locked_trust_and_doctor_says_all_good(managed_browser, page_server):
    context, ext_id, run = managed_browser
    page = context.new_page()
    try:
        # the user's list says jd-kefu.com is official; its key is the user's, and trust is locked
        assert _warned_within(page, page_server.url("jd-kefu.com", "/shop.html?locked-trust")), (
            "the lookalike was not warned about"
        )
    finally:
        page.close()
    status = subprocess.run(
        f"{run['kefuguard']} status --json", shell=True, capture_output=True, text=True, env=run["env"], timeout=60
    )
    doc = json.loads(status.stdout)
    assert doc["publisher"] != "kefu-guard" or doc["version"] != 10**13
    assert any(p["origin"] == "installed" and p["code"] == "list.unknown_key" for p in doc["problems"])
    assert {"trust.keys", "update.urls"} <= set(doc["config"]["locked"])
    assert doc["config"]["update_urls"] == [IT_MIRROR]  # the user's mirror is not used
    doctor = subprocess.run(
        f"{run['kefuguard']} doctor --browser chromium --extension-id {ext_id} --json",
        shell=True, capture_output=True, text=True, env=run["env"], timeout=120,
    )  # fmt: skip
    report = json.loads(doctor.stdout)
    [chromium] = report["browsers"]
    assert chromium["scope"] == "system" and chromium["host"]["answered"], report
    assert [f for f in report["problems"] if f["where"] == "chromium"] == [], report["problems"]
