"""macOS paths and Windows registry logic, with the platform injected (run on any OS)."""

from __future__ import annotations

import json

import pytest

from kefuguard.install import HOST_NAME
from kefuguard.install.browsers import BROWSERS, parse_browsers
from kefuguard.install.context import MACOS, SYSTEM, USER, WINDOWS
from kefuguard.install.discover import effective_manifest, launcher_python
from kefuguard.install.installer import install, uninstall
from kefuguard.install.launcher import HOST_CODE, render_launcher
from kefuguard.install.registry import MemoryRegistry
from tests.install.conftest import machine, tree

AS = "Library/Application Support"
MAC_USER = {
    "chrome": [f"{AS}/Google/Chrome/NativeMessagingHosts"],
    "chromium": [f"{AS}/Chromium/NativeMessagingHosts"],
    "edge": [f"{AS}/Microsoft Edge/NativeMessagingHosts"],
    "brave": [f"{AS}/BraveSoftware/Brave-Browser/NativeMessagingHosts", f"{AS}/Google/Chrome/NativeMessagingHosts"],
    "vivaldi": [f"{AS}/Vivaldi/NativeMessagingHosts"],
    "opera": [f"{AS}/com.operasoftware.Opera/NativeMessagingHosts"],
    "firefox": [f"{AS}/Mozilla/NativeMessagingHosts"],
}
MAC_SYSTEM = {
    "chrome": ["Library/Google/Chrome/NativeMessagingHosts"],
    "chromium": [f"{AS}/Chromium/NativeMessagingHosts"],
    "edge": ["Library/Microsoft/Edge/NativeMessagingHosts"],
    "brave": ["Library/Google/Chrome/NativeMessagingHosts"],
    "vivaldi": ["Library/Google/Chrome/NativeMessagingHosts"],
    "opera": ["Library/Google/Chrome/NativeMessagingHosts"],
    "firefox": [f"{AS}/Mozilla/NativeMessagingHosts"],
}
WIN_KEYS = {
    "chrome": [r"SOFTWARE\Google\Chrome"],
    "chromium": [r"SOFTWARE\Chromium"],
    "edge": [r"SOFTWARE\Microsoft\Edge"],
    "brave": [r"SOFTWARE\BraveSoftware\Brave-Browser", r"SOFTWARE\Google\Chrome"],
    "vivaldi": [r"SOFTWARE\Vivaldi", r"SOFTWARE\Google\Chrome"],
    "opera": [r"SOFTWARE\Google\Chrome"],
    "firefox": [r"SOFTWARE\Mozilla"],
}


@pytest.mark.parametrize("scope", [USER, SYSTEM])
@pytest.mark.parametrize("browser", list(BROWSERS))
def test_macos_manifest_places(tmp_path, ids, browser, scope):
    ctx = machine(tmp_path, MACOS)
    before = {"home": tree(ctx.home), "root": tree(ctx.system_root)}
    report = install(ctx, scope, [BROWSERS[browser]], ids)
    base, dirs = (ctx.home, MAC_USER) if scope == USER else (ctx.system_root, MAC_SYSTEM)
    expected = {str(base / d / f"{HOST_NAME}.json") for d in dirs[browser]}
    written = {a.where for a in report.actions if a.role == "manifest"}
    assert written == expected
    if scope == SYSTEM:
        assert report.launcher == str(ctx.system_root / AS / "kefuguard/native-host/kefuguard-host")
    for p in expected:
        assert json.loads(open(p, encoding="utf-8").read())["path"] == report.launcher
    uninstall(ctx, scope, None)
    assert {"home": tree(ctx.home), "root": tree(ctx.system_root)} == before


@pytest.mark.parametrize("scope", [USER, SYSTEM])
@pytest.mark.parametrize("browser", list(BROWSERS))
def test_windows_registry_keys_name_the_manifest(tmp_path, ids, browser, scope):
    ctx = machine(tmp_path, WINDOWS)
    reg = ctx.registry
    assert isinstance(reg, MemoryRegistry)
    report = install(ctx, scope, [BROWSERS[browser]], ids)
    hive = "HKCU" if scope == USER else "HKLM"
    family = "firefox" if browser == "firefox" else "chromium"
    base = ctx.data_dir if scope == USER else tmp_path / "system root/ProgramData/kefuguard"
    manifest = base / "native-host" / f"{HOST_NAME}.{family}.json"
    assert reg.dump() == {f"{hive}\\{k}\\NativeMessagingHosts\\{HOST_NAME}": str(manifest) for k in WIN_KEYS[browser]}
    doc = json.loads(manifest.read_bytes().decode("utf-8"))  # UTF-8 without a BOM
    assert not manifest.read_bytes().startswith(b"\xef\xbb\xbf")
    assert doc["path"] == str(base / "native-host" / "kefuguard-host.bat") == report.launcher
    assert effective_manifest(ctx, BROWSERS[browser])[:2] == (manifest, scope)

    uninstall(ctx, scope, None)
    assert reg.keys == MemoryRegistry().keys and not manifest.exists()


def test_windows_uninstall_keeps_keys_it_did_not_create(tmp_path, ids):
    ctx = machine(tmp_path, WINDOWS)
    reg = ctx.registry
    assert isinstance(reg, MemoryRegistry)
    reg.set_default("HKCU", r"SOFTWARE\Google\Chrome\NativeMessagingHosts\com.example.other", r"C:\other.json")
    install(ctx, USER, parse_browsers(["chrome,firefox"]), ids)
    again = install(ctx, USER, parse_browsers(["chrome,firefox"]), ids)
    assert {a.action for a in again.actions} == {"unchanged"}
    uninstall(ctx, USER, None)
    assert reg.dump() == {r"HKCU\SOFTWARE\Google\Chrome\NativeMessagingHosts\com.example.other": r"C:\other.json"}
    assert not reg.key_exists("HKCU", r"SOFTWARE\Mozilla")  # created by the install, so removed


def test_windows_shared_chrome_key_outlives_one_of_its_browsers(tmp_path, ids):
    ctx = machine(tmp_path, WINDOWS)
    reg = ctx.registry
    assert reg is not None
    install(ctx, USER, parse_browsers(["chrome,brave"]), ids)
    chrome_key = rf"SOFTWARE\Google\Chrome\NativeMessagingHosts\{HOST_NAME}"
    uninstall(ctx, USER, parse_browsers(["brave"]))
    assert reg.get_default("HKCU", chrome_key)
    assert not reg.key_exists("HKCU", rf"SOFTWARE\BraveSoftware\Brave-Browser\NativeMessagingHosts\{HOST_NAME}")
    uninstall(ctx, USER, parse_browsers(["chrome"]))
    assert not reg.key_exists("HKCU", chrome_key)


def test_windows_value_changed_by_someone_else_is_kept(tmp_path, ids):
    ctx = machine(tmp_path, WINDOWS)
    reg = ctx.registry
    assert reg is not None
    install(ctx, USER, parse_browsers(["edge"]), ids)
    key = rf"SOFTWARE\Microsoft\Edge\NativeMessagingHosts\{HOST_NAME}"
    reg.set_default("HKCU", key, r"D:\somewhere\else.json")
    report = uninstall(ctx, USER, None)
    assert reg.get_default("HKCU", key) == r"D:\somewhere\else.json"
    assert [a.action for a in report.actions if a.kind == "registry-value"] == ["kept"]


def test_windows_user_key_wins_over_machine_key(tmp_path, ids):
    ctx = machine(tmp_path, WINDOWS)
    install(ctx, SYSTEM, parse_browsers(["chrome"]), ids)
    assert effective_manifest(ctx, BROWSERS["chrome"])[1] == SYSTEM
    install(ctx, USER, parse_browsers(["chrome"]), ids)
    path, scope, key = effective_manifest(ctx, BROWSERS["chrome"])
    assert scope == USER and key.startswith("HKCU\\") and str(ctx.data_dir) in str(path)


def test_windows_refuses_user_data_dir(tmp_path, ids):
    from kefuguard.install import InstallError

    ctx = machine(tmp_path, WINDOWS)
    with pytest.raises(InstallError) as e:
        install(ctx, USER, parse_browsers(["chromium"]), ids, user_data_dir=tmp_path / "p")
    assert "registry" in e.value.message


def test_windows_launcher_is_a_bat_file_that_quotes_everything():
    folders = [r"C:\Users\Zhang San\100% venv\Lib\site-packages", r"C:\src\kefu-guard\host"]
    bat = render_launcher(
        WINDOWS, r"C:\Users\Zhang San\100% venv\Scripts\python.exe", {"KEFUGUARD_HOME": r"C:\Data & More"}, folders
    )
    text = bat.decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert lines[0] == "@echo off"
    assert 'set "KEFUGUARD_HOME=C:\\Data & More"' in lines
    python, joined = r'"C:\Users\Zhang San\100%% venv\Scripts\python.exe"', r"C:\Users\Zhang San\100%% venv\Lib\site-packages;C:\src\kefu-guard\host"
    assert f'{python} -P -S -c "{HOST_CODE}" "{joined}" %*' in lines


# now, and the two forms of earlier versions
@pytest.mark.parametrize("run", ['-P -S -c "{code}" "C:\\site" %*', '-P -c "{code}" %*', "-P -m kefuguard host %*"])
def test_doctor_reads_the_python_of_a_bat_launcher(tmp_path, run):
    bat = tmp_path / "kefuguard-host.bat"
    text = render_launcher(WINDOWS, r"C:\Py 3\python.exe", {}, [r"C:\site"]).decode("utf-8")
    assert f'-P -S -c "{HOST_CODE}" "C:\\site" %*' in text
    bat.write_text(text.replace(f'-P -S -c "{HOST_CODE}" "C:\\site" %*', run.format(code=HOST_CODE)), "utf-8")
    assert launcher_python(bat) == r"C:\Py 3\python.exe"
