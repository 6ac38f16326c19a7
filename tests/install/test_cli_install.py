"""`kefuguard install`, `doctor` and `uninstall` as real processes: output, JSON, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kefuguard.install import HOST_NAME
from tests.install.conftest import CHROMIUM_ID, OTHER_ID


def run(tmp_path: Path, *args: str, path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "KEFUGUARD_"))}
    env.update(
        HOME=str(tmp_path / "home dir"),
        KEFUGUARD_HOME=str(tmp_path / "kefu data"),
        KEFUGUARD_MANAGED_CONFIG=str(tmp_path / "managed.toml"),
    )
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        [sys.executable, "-m", "kefuguard", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_install_doctor_uninstall_round_trip(tmp_path):
    (tmp_path / "home dir").mkdir()
    out = run(tmp_path, "install", "--browser", "chromium,firefox", "--extension-id", CHROMIUM_ID, "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["ok"] and report["scope"] == "user" and report["browsers"] == ["chromium", "firefox"]
    assert CHROMIUM_ID in report["extension_ids"]["chromium"]
    assert report["launcher"] == str(tmp_path / "kefu data" / "native-host" / "kefuguard-host")
    manifest = tmp_path / "home dir/.config/chromium/NativeMessagingHosts" / f"{HOST_NAME}.json"
    assert json.loads(manifest.read_text())["path"] == report["launcher"]

    doc = run(tmp_path, "doctor", "--browser", "chromium,firefox", "--extension-id", CHROMIUM_ID, "--json")
    assert doc.returncode == 0, doc.stdout + doc.stderr
    d = json.loads(doc.stdout)
    assert d["ok"] and [b["browser"] for b in d["browsers"]] == ["chromium", "firefox"] and d["problems"] == []

    human = run(tmp_path, "doctor", "--browser", "chromium", "--extension-id", CHROMIUM_ID)
    assert human.returncode == 0 and "All good." in human.stdout

    gone = run(tmp_path, "uninstall", "--json")
    assert gone.returncode == 0, gone.stderr
    assert {a["action"] for a in json.loads(gone.stdout)["actions"]} == {"removed"}
    assert not manifest.exists() and not (tmp_path / "home dir/.config").exists()


def test_doctor_prints_one_line_per_problem_and_exits_1(tmp_path):
    (tmp_path / "home dir").mkdir()
    assert run(tmp_path, "install", "--browser", "chromium", "--extension-id", CHROMIUM_ID).returncode == 0
    (tmp_path / "managed.toml").write_text("this is = = not toml")
    out = run(tmp_path, "doctor", "--browser", "chromium,edge", "--extension-id", OTHER_ID)
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.endswith("problem(s):"))
    problems = [line.strip() for line in lines[start + 1 :]]
    assert lines[start] == "3 problem(s):"
    assert problems[0].startswith("chromium: ") and OTHER_ID in problems[0] and "--extension-id" in problems[0]
    assert problems[1].startswith("edge: no manifest") and "kefuguard install --browser edge" in problems[1]
    assert problems[2].startswith("config: ") and "not valid TOML" in problems[2]


def test_usage_errors(tmp_path):
    (tmp_path / "home dir").mkdir()
    out = run(tmp_path, "install", "--browser", "netscape")
    assert out.returncode == 2 and "unknown browser netscape" in out.stderr
    out = run(tmp_path, "install", "--extension-id", "not-an-id", "--json")
    assert out.returncode == 1 and json.loads(out.stdout)["error"]["code"] == "install.bad_extension_id"
    out = run(tmp_path, "doctor", "--user-data-dir", str(tmp_path))
    assert out.returncode == 2 and "--browser" in out.stderr


def test_uninstall_without_install_says_so(tmp_path):
    (tmp_path / "home dir").mkdir()
    out = run(tmp_path, "uninstall")
    assert out.returncode == 0 and "nothing to remove" in out.stdout


def test_install_for_all_writes_only_for_browsers_found_and_names_the_rest(tmp_path):
    home = tmp_path / "home dir"
    (home / ".mozilla/firefox").mkdir(parents=True)
    (home / ".mozilla/firefox/profiles.ini").write_text("[General]\n")  # Firefox, by its profile
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "google-chrome").write_text("#!/bin/sh\n")  # Chrome, by its program
    (bin_dir / "google-chrome").chmod(0o755)
    out = run(tmp_path, "install", "--extension-id", CHROMIUM_ID, "--json", path=str(bin_dir))
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["browsers"] == ["chrome", "firefox"]
    assert report["skipped"] == ["chromium", "edge", "brave", "vivaldi", "opera"]
    assert (home / ".config/google-chrome/NativeMessagingHosts" / f"{HOST_NAME}.json").is_file()
    assert not (home / ".config/chromium").exists() and not (home / ".config/microsoft-edge").exists()
    human = run(tmp_path, "install", "--extension-id", CHROMIUM_ID, path=str(bin_dir))
    assert "skipped, not found on this machine: chromium, edge, brave, vivaldi, opera" in human.stdout
    # named explicitly, a browser not found is still installed for (it may come later)
    named = run(tmp_path, "install", "--browser", "edge", "--extension-id", CHROMIUM_ID, "--json", path=str(bin_dir))
    assert json.loads(named.stdout)["browsers"] == ["edge"] and json.loads(named.stdout)["skipped"] == []


def test_install_for_all_with_no_browser_found_says_what_to_do(tmp_path):
    (tmp_path / "home dir").mkdir()
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    out = run(tmp_path, "install", "--extension-id", CHROMIUM_ID, path=str(empty))
    assert out.returncode == 1
    assert "no supported browser was found" in out.stderr and "--browser" in out.stderr
    assert "本机没有找到支持的浏览器" in out.stderr  # and in Chinese, as every CLI error
    assert not (tmp_path / "home dir/.config").exists() and not (tmp_path / "kefu data/native-host").exists()
