"""scripts/update-lists and scripts/publish-list, and the timer/cron/Task Scheduler files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import REPO, make_signed, sign, subprocess_env

SCRIPTS = REPO / "scripts"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX shell scripts")


def update_lists(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = subprocess_env(home, KEFUGUARD_PYTHON=sys.executable)
    env.pop("KEFUGUARD", None)
    return subprocess.run([str(SCRIPTS / "update-lists"), *args], env=env, capture_output=True, timeout=60)


@posix_only
def test_update_lists_exit_codes_and_quiet_success(env, server):
    server.body = sign(make_signed(version=10**13), env.key)
    first = update_lists(env.home, "--url", server.url())
    assert (first.returncode, first.stdout, first.stderr) == (0, b"", b"")  # cron: silent on success
    current = update_lists(env.home, "--url", server.url(), "--detailed-exit-codes", "--json")
    assert current.returncode == 4 and json.loads(current.stdout)["status"] == "current"
    failed = update_lists(env.home, "--url", server.url("/status/503"))
    assert failed.returncode == 1 and b"still serving the last good list" in failed.stderr


@posix_only
def test_update_lists_jitter(env, server):
    server.body = sign(make_signed(version=10**13), env.key)
    assert update_lists(env.home, "--jitter", "1", "--url", server.url()).returncode == 0
    bad = update_lists(env.home, "--jitter", "soon")
    assert bad.returncode == 2 and b"whole seconds" in bad.stderr


@posix_only
def test_publish_list_signs_with_every_key_and_checks_them_all(tmp_path, home):
    kefuguard = Path(sys.executable).parent / "kefuguard"
    if not kefuguard.exists():
        pytest.skip("no kefuguard console script beside this interpreter")
    env = subprocess_env(home, KEFUGUARD=str(kefuguard))
    keys = []
    for _ in range(2):
        out = subprocess.run(
            [str(kefuguard), "list", "keygen", "--out", str(tmp_path / "keys")],
            env=env,
            check=True,
            capture_output=True,
        )
        keys.append(out.stdout.decode().split("private key ")[1].split(" ")[0])
    source = tmp_path / "source.json"
    source.write_text(json.dumps({"publisher": "acme-it", "brands": make_signed()["brands"]}))
    args = [str(SCRIPTS / "publish-list"), str(source), str(tmp_path / "b.json"), "--key", keys[0], "--key", keys[1]]
    done = subprocess.run(args, env=env, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert b"VALID" in done.stdout and b"signed by 2 trusted key(s)" in done.stdout
    assert json.loads(done.stdout[done.stdout.index(b"{") :])["publisher"] == "acme-it"
    missing = subprocess.run(args[:3], env=env, capture_output=True)
    assert missing.returncode == 2 and b"at least one --key" in missing.stderr


UNITS = sorted((SCRIPTS / "systemd").rglob("*.service")) + sorted((SCRIPTS / "systemd").rglob("*.timer"))


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
def test_systemd_units_verify(tmp_path):
    for unit in UNITS:
        name = unit.name.replace("@.", "@alice.")
        text = (
            unit.read_text()
            .replace("%h/.local/bin/kefuguard", "/bin/true")
            .replace("/usr/local/bin/kefuguard", "/bin/true")
        )
        (tmp_path / name).write_text(text)
    for pair in (
        ("kefuguard-update.service", "kefuguard-update.timer"),
        ("kefuguard-update@alice.service", "kefuguard-update@alice.timer"),
    ):
        done = subprocess.run(
            ["systemd-analyze", "verify", "--man=no", *(str(tmp_path / p) for p in pair)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0 and done.stderr.strip() == "", done.stderr


def test_units_run_kefuguard_update_daily_with_a_random_delay():
    assert len(UNITS) == 4
    for unit in UNITS:
        text = unit.read_text()
        if unit.suffix == ".service":
            assert "kefuguard update" in text and "Type=oneshot" in text
        else:
            assert "OnCalendar=daily" in text and "RandomizedDelaySec=" in text and "Persistent=true" in text


def test_cron_example_is_one_daily_line():
    lines = [
        ln
        for ln in (SCRIPTS / "cron" / "kefuguard-update.cron").read_text().splitlines()
        if ln and not ln.startswith("#")
    ]
    [line] = lines
    fields = line.split()
    assert fields[2:5] == ["*", "*", "*"] and fields[5].endswith("scripts/update-lists")


def test_windows_task_is_well_formed_and_runs_kefuguard_update():
    ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
    root = ET.parse(SCRIPTS / "windows" / "kefuguard-update.xml").getroot()
    assert root.tag == f"{{{ns['t']}}}Task"
    assert root.find("t:Actions/t:Exec/t:Command", ns).text == "kefuguard.exe"
    assert root.find("t:Actions/t:Exec/t:Arguments", ns).text == "update"
    assert root.find("t:Triggers/t:CalendarTrigger/t:ScheduleByDay/t:DaysInterval", ns).text == "1"
    assert root.find("t:Settings/t:StartWhenAvailable", ns).text == "true"
    assert root.find("t:Principals/t:Principal/t:RunLevel", ns).text == "LeastPrivilege"
