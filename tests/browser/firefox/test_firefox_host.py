"""Firefox finds the real host where `kefuguard install --browser firefox` put it (under HOME, here a
temporary one) and starts it for the add-on it lets in."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.browser.firefox.conftest import GECKO_ID
from tests.browser.harness import wait_for

MANIFEST = Path(".mozilla") / "native-messaging-hosts" / "org.kefuguard.host.json"


def test_install_registers_the_host_for_firefox_under_home(firefox):
    manifest_path = firefox.home / MANIFEST
    written = {a["where"] for a in firefox.install_report["actions"] if a["kind"] == "file"}
    assert str(manifest_path) in written
    manifest = json.loads(manifest_path.read_text())
    assert manifest["name"] == "org.kefuguard.host"
    assert manifest["type"] == "stdio"
    assert manifest["allowed_extensions"] == [GECKO_ID]
    assert "allowed_origins" not in manifest  # the Chromium family's key
    launcher = Path(manifest["path"])
    assert launcher == Path(firefox.install_report["launcher"])
    assert launcher.is_absolute() and os.access(launcher, os.X_OK)
    assert f"export KEFUGUARD_HOME='{firefox.kefuguard_home}'" in launcher.read_text()


def test_firefox_starts_the_installed_host_for_the_extension(firefox):
    reply = firefox.api("() => browser.runtime.sendMessage({kind: 'host_status'})")
    assert reply["ok"] is True
    assert reply["host"]["state"] == "connected", reply
    # the host Firefox started runs with the launcher's environment: its data is in the test's folder
    assert reply["status"]["data_dir"] == str(firefox.kefuguard_home)
    assert reply["status"]["publisher"] == "kefu-guard"

    hosts = wait_for(firefox.host_processes)
    assert len(hosts) == 1, hosts
    argv = Path(f"/proc/{hosts[0]}/cmdline").read_bytes().decode().split("\0")
    # Firefox passes the manifest it found and the add-on's id
    assert argv[-3:] == [str(firefox.home / MANIFEST), GECKO_ID, ""], argv
