"""A rollout that cannot work, in a real Chromium, and what an administrator gets to see: a policy
whose update URL nobody answers (a closed port on 127.0.0.1), and a CRX signed by another key served
under our id's update.xml. Chromium installs nothing in either case and says so only in its own
log (`--enable-logging=stderr --v=1`): the test waits for that line, then finds the extension absent
from chrome://extensions-internals; `kefuguard doctor` names the cause from the same policy file.
And a policy that blocks native hosts without allowing ours: the extension installs, the browser
refuses to start the host, and doctor says which policy keeps it out.

Each browser runs in a private mount namespace (tests/browser/enterprise.py); skipped where that
cannot be done.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.enterprise import (
    ALLOW_DEVTOOLS,
    Packages,
    build_packages,
    installed_extensions,
    launch,
    policy_from_template,
    policy_machine,
    why_not_isolated,
)
from tests.browser.harness import REPO, PageServer, wait_for

pytest.importorskip("cryptography")


@pytest.fixture(scope="module")
def two_keys(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[PageServer, Packages, Packages]]:
    """Our packages and another key's; the other key's CRX is served under our id's update.xml."""
    why = why_not_isolated()
    if why:
        pytest.skip(why)
    base = tmp_path_factory.mktemp("two-keys")
    (base / "www").mkdir()
    with PageServer(base / "www") as server:
        ours = build_packages(base / "ours", f"http://127.0.0.1:{server.port}/")
        other = build_packages(base / "other", f"http://127.0.0.1:{server.port}/")
        [crx] = other.dist.glob("*.crx")
        (base / "www" / crx.name).write_bytes(crx.read_bytes())
        update = (other.dist / "update.xml").read_text().replace(other.id, ours.id)
        (base / "www" / "update.xml").write_text(update)
        yield server, ours, other


def _browser_log_says(log: Path, line: str, timeout: float = 90) -> bool:
    def said() -> bool:
        return log.is_file() and line in log.read_text(errors="replace")

    return bool(wait_for(said, timeout=timeout, interval=0.5))


def _doctor(prefix: str, ext_id: str, tmp_path: Path) -> list[dict[str, Any]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEFUGUARD_")}
    env.update(HOME=str(tmp_path / "home"), KEFUGUARD_HOME=str(tmp_path / "data"))
    doctor = subprocess.run(
        f'{prefix} "{sys.executable}" -m kefuguard doctor --browser chromium --extension-id {ext_id} --json',
        shell=True, capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    problems: list[dict[str, Any]] = json.loads(doctor.stdout)["problems"]
    return problems


def test_an_update_url_nobody_answers_installs_nothing_and_doctor_names_it(
    two_keys: tuple[PageServer, Packages, Packages], playwright_driver: Any, tmp_path: Path
) -> None:
    _, ours, _ = two_keys
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}/update.xml"
    log = tmp_path / "chromium.log"
    machine = policy_machine(tmp_path, policy_from_template(ours.id, closed), log=log)
    context = launch(playwright_driver, tmp_path / "profile", machine)
    try:
        assert _browser_log_says(log, f"Failed to fetch manifest '{closed}?"), "Chromium never tried the update URL"
        assert ours.id not in installed_extensions(context)
    finally:
        context.close()
    [problem] = [p for p in _doctor(machine.prefix, ours.id, tmp_path) if p["code"].startswith("policy.update")]
    assert problem["code"] == "policy.update_unreachable" and closed in problem["message"]


def test_a_crx_signed_by_another_key_is_refused_and_doctor_names_the_key(
    two_keys: tuple[PageServer, Packages, Packages], playwright_driver: Any, tmp_path: Path
) -> None:
    server, ours, other = two_keys
    update_url = server.url("127.0.0.1", "/update.xml")
    log = tmp_path / "chromium.log"
    machine = policy_machine(tmp_path, policy_from_template(ours.id, update_url), log=log)
    context = launch(playwright_driver, tmp_path / "profile", machine)
    refusal = f'Expected ID "{ours.id}", but ID was "{other.id}"'
    try:
        assert _browser_log_says(log, refusal), "Chromium did not refuse the package"
        installed = installed_extensions(context)
        assert ours.id not in installed and other.id not in installed
    finally:
        context.close()
    [problem] = [p for p in _doctor(machine.prefix, ours.id, tmp_path) if p["code"].startswith("policy.crx")]
    assert problem["code"] == "policy.crx_wrong_key" and refusal in problem["message"]


def test_a_native_messaging_blocklist_without_our_host_is_felt_by_the_extension_and_named_by_doctor(
    playwright_driver: Any, tmp_path: Path
) -> None:
    why = why_not_isolated()
    if why:
        pytest.skip(why)
    packages = build_packages(tmp_path / "packages", "")  # its own CRX, served from its own folder
    with PageServer(packages.dist) as server:
        update = (packages.dist / "update.xml").read_text()
        (packages.dist / "update.xml").write_text(
            update.replace('codebase="', f'codebase="{server.url("127.0.0.1", "/")}')
        )
        policy = policy_from_template(packages.id, server.url("127.0.0.1", "/update.xml"))
        policy.update(ALLOW_DEVTOOLS, NativeMessagingBlocklist=["*"], NativeMessagingAllowlist=["com.example.other"])
        machine = policy_machine(tmp_path, policy)
        env = {k: v for k, v in os.environ.items() if not k.startswith("KEFUGUARD_")}
        env.update(HOME=str(tmp_path / "home"), KEFUGUARD_HOME=str(tmp_path / "data"))
        kefuguard = f'{machine.prefix} "{sys.executable}" -m kefuguard'
        profile = tmp_path / "profile"
        installed = subprocess.run(
            f'{kefuguard} install --browser chromium --user-data-dir "{profile}" --extension-id {packages.id}',
            shell=True, capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip
        assert installed.returncode == 0, installed.stderr
        context = launch(playwright_driver, profile, machine, env)
        try:
            page = context.new_page()

            def host_state() -> Any:
                try:
                    page.goto(f"chrome-extension://{packages.id}/ui/left.html")
                    reply = page.evaluate("async () => await chrome.runtime.sendMessage({kind: 'host_status'})")
                except Exception:  # noqa: BLE001 - ERR_BLOCKED_BY_CLIENT until the policy installed it
                    page.wait_for_timeout(500)
                    return None
                return reply["host"] if reply["host"]["state"] not in ("idle", "connecting") else None

            host = wait_for(host_state, timeout=90, interval=0.5)
            # "Access to the native messaging host was disabled by the system administrator.": not
            # an exit to restart from, and the popup says whose policy it is
            assert host and host["state"] == "forbidden", host
            assert "system administrator" in host["detail"]
            page.goto(f"chrome-extension://{packages.id}/ui/popup.html")
            page.wait_for_selector("#popup[data-ready='true']", state="attached")
            blocked = json.loads((REPO / "extension" / "_locales" / "en" / "messages.json").read_text())
            assert page.locator("#host-state").text_content() == blocked["popup_host_blocked"]["message"]
            assert page.locator("#host-missing").is_hidden()  # no "install the program" link: it is installed
        finally:
            context.close()
        doctor = subprocess.run(
            f'{kefuguard} doctor --browser chromium --user-data-dir "{profile}" --extension-id {packages.id} --json',
            shell=True, capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip
    report = json.loads(doctor.stdout)
    [blocked] = [p for p in report["problems"] if p["code"] == "policy.host_blocked"]
    assert "org.kefuguard.host" in blocked["message"] and "NativeMessagingAllowlist" in blocked["fix"]
    assert report["ok"] is False
