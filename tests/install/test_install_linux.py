"""Install and uninstall on Linux paths, into a temporary HOME and a temporary system root."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from kefuguard.install import FIREFOX_EXTENSION_ID, HOST_NAME, InstallError
from kefuguard.install.browsers import BROWSERS, parse_browsers
from kefuguard.install.context import SYSTEM, USER
from kefuguard.install.extension_ids import ExtensionIds, resolve_ids
from kefuguard.install.installer import install, uninstall
from kefuguard.install.record import RECORD_FILE
from tests.install.conftest import CHROMIUM_ID, machine, tree, with_python

USER_DIRS = {
    "chrome": [".config/google-chrome/NativeMessagingHosts"],
    "chromium": [".config/chromium/NativeMessagingHosts"],
    "edge": [".config/microsoft-edge/NativeMessagingHosts"],
    "brave": [".config/BraveSoftware/Brave-Browser/NativeMessagingHosts"],
    "vivaldi": [".config/vivaldi/NativeMessagingHosts"],
    "opera": [".config/opera/NativeMessagingHosts"],
    "firefox": [".mozilla/native-messaging-hosts"],
}
SYSTEM_DIRS = {
    "chrome": ["etc/opt/chrome/native-messaging-hosts"],
    "chromium": ["etc/chromium/native-messaging-hosts"],
    "edge": ["etc/opt/edge/native-messaging-hosts"],
    "brave": ["etc/opt/brave.com/brave/native-messaging-hosts", "etc/opt/chrome/native-messaging-hosts"],
    "vivaldi": ["etc/opt/vivaldi/native-messaging-hosts", "etc/opt/chrome/native-messaging-hosts"],
    "opera": ["etc/opt/chrome/native-messaging-hosts"],
    "firefox": ["usr/lib/mozilla/native-messaging-hosts"],
}


def expected_manifests(ctx, browser: str, scope: str) -> list[Path]:
    base, dirs = (ctx.home, USER_DIRS) if scope == USER else (ctx.system_root, SYSTEM_DIRS)
    return [base / d / f"{HOST_NAME}.json" for d in dirs[browser]]


def launcher_of(ctx, scope: str) -> Path:
    if scope == USER:
        return ctx.data_dir / "native-host" / "kefuguard-host"
    return ctx.system_root / "usr/local/lib/kefuguard/native-host/kefuguard-host"


@pytest.mark.parametrize("scope", [USER, SYSTEM])
@pytest.mark.parametrize("browser", list(BROWSERS))
def test_install_writes_each_browsers_manifest_and_uninstall_restores_the_tree(tmp_path, ids, browser, scope):
    ctx = machine(tmp_path)
    before = {"home": tree(ctx.home), "root": tree(ctx.system_root)}
    report = install(ctx, scope, [BROWSERS[browser]], ids)
    launcher = launcher_of(ctx, scope)
    assert report.launcher == str(launcher)
    assert stat.S_IMODE(launcher.stat().st_mode) == 0o755
    for path in expected_manifests(ctx, browser, scope):
        doc = json.loads(path.read_text("utf-8"))
        assert doc["name"] == HOST_NAME and doc["type"] == "stdio" and doc["description"]
        assert doc["path"] == str(launcher)
        if browser == "firefox":
            assert doc["allowed_extensions"] == [FIREFOX_EXTENSION_ID] and "allowed_origins" not in doc
        else:
            assert doc["allowed_origins"] == ids.origins
            assert f"chrome-extension://{CHROMIUM_ID}/" in ids.origins
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        if scope == SYSTEM:  # every user's browser must be able to read it
            for d in path.parents:
                if d == ctx.system_root:
                    break
                assert stat.S_IMODE(d.stat().st_mode) & 0o005 == 0o005, d
    other_scope = ctx.system_root if scope == USER else ctx.home
    assert tree(other_scope) == before["root" if scope == USER else "home"], "wrote outside its scope"

    uninstall(ctx, scope, None)
    assert {"home": tree(ctx.home), "root": tree(ctx.system_root)} == before
    assert not (launcher.parent / RECORD_FILE).exists()


@pytest.mark.parametrize("scope", [USER, SYSTEM])
def test_second_install_changes_nothing(tmp_path, ids, scope):
    ctx = machine(tmp_path)
    install(ctx, scope, parse_browsers(["all"]), ids)
    record = (launcher_of(ctx, scope).parent / RECORD_FILE).read_bytes()
    snapshot = {"home": tree(ctx.home), "root": tree(ctx.system_root), "data": tree(ctx.data_dir)}
    again = install(ctx, scope, parse_browsers(["all"]), ids)
    assert {a.action for a in again.actions} == {"unchanged"}
    assert (launcher_of(ctx, scope).parent / RECORD_FILE).read_bytes() == record
    assert {"home": tree(ctx.home), "root": tree(ctx.system_root), "data": tree(ctx.data_dir)} == snapshot


def test_uninstall_leaves_files_and_folders_it_did_not_write(tmp_path, ids):
    ctx = machine(tmp_path)
    foreign = [
        ctx.home / ".config/chromium/NativeMessagingHosts/com.example.other.json",
        ctx.home / ".mozilla/native-messaging-hosts/com.example.other.json",
        ctx.system_root / "etc/opt/chrome/native-messaging-hosts/com.example.other.json",
        ctx.home / ".config/google-chrome/Local State",
    ]
    for f in foreign:
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text('{"name": "com.example.other"}')
    before = {"home": tree(ctx.home), "root": tree(ctx.system_root)}
    for scope in (USER, SYSTEM):
        install(ctx, scope, parse_browsers(None), ids)
    for scope in (USER, SYSTEM):
        uninstall(ctx, scope, None)
    assert {"home": tree(ctx.home), "root": tree(ctx.system_root)} == before


def test_a_place_shared_by_two_browsers_stays_until_both_are_uninstalled(linux, ids):
    install(linux, SYSTEM, parse_browsers(["chrome,opera"]), ids)
    shared = linux.system_root / "etc/opt/chrome/native-messaging-hosts" / f"{HOST_NAME}.json"
    uninstall(linux, SYSTEM, parse_browsers(["opera"]))
    assert shared.is_file() and launcher_of(linux, SYSTEM).is_file()
    uninstall(linux, SYSTEM, parse_browsers(["chrome"]))
    assert not shared.exists() and not launcher_of(linux, SYSTEM).exists()
    assert not (linux.system_root / "etc").exists()


def test_uninstall_of_one_browser_keeps_the_others(linux, ids):
    install(linux, USER, parse_browsers(["chromium,firefox"]), ids)
    uninstall(linux, USER, parse_browsers(["firefox"]))
    assert not expected_manifests(linux, "firefox", USER)[0].exists()
    assert expected_manifests(linux, "chromium", USER)[0].is_file() and launcher_of(linux, USER).is_file()


def test_a_file_changed_after_install_is_left_in_place(linux, ids):
    install(linux, USER, parse_browsers(["chromium"]), ids)
    manifest = expected_manifests(linux, "chromium", USER)[0]
    manifest.write_text('{"name": "edited by hand"}')
    report = uninstall(linux, USER, None)
    assert manifest.is_file()
    assert any(a.action == "kept" and a.where == str(manifest) for a in report.actions)


def test_reinstall_from_another_python_rewrites_the_launcher(tmp_path, linux, ids):
    install(linux, USER, parse_browsers(["chromium"]), ids)
    other = tmp_path / "other python"
    other.write_text("#!/bin/sh\n")
    report = install(with_python(linux, str(other)), USER, parse_browsers(["chromium"]), ids)
    assert [a.action for a in report.actions if a.role == "launcher"] == ["updated"]
    assert f"'{other}'" in launcher_of(linux, USER).read_text()
    uninstall(linux, USER, None)
    assert not launcher_of(linux, USER).exists()


def test_xdg_config_home_is_where_chromium_browsers_look(tmp_path, ids):
    ctx = machine(tmp_path, XDG_CONFIG_HOME=str(tmp_path / "xdg config"))
    install(ctx, USER, parse_browsers(["chrome,firefox"]), ids)
    assert (tmp_path / "xdg config/google-chrome/NativeMessagingHosts" / f"{HOST_NAME}.json").is_file()
    assert (ctx.home / ".mozilla/native-messaging-hosts" / f"{HOST_NAME}.json").is_file()  # Firefox ignores XDG


def test_firefox_system_install_also_uses_lib64_where_the_system_has_it(linux, ids):
    (linux.system_root / "usr/lib64").mkdir(parents=True)
    install(linux, SYSTEM, parse_browsers(["firefox"]), ids)
    for lib in ("lib", "lib64"):
        assert (linux.system_root / f"usr/{lib}/mozilla/native-messaging-hosts/{HOST_NAME}.json").is_file()
    uninstall(linux, SYSTEM, None)
    assert list((linux.system_root / "usr").rglob("*")) == [linux.system_root / "usr/lib64"]


def test_chromium_browsers_need_an_extension_id_firefox_does_not(linux):
    no_ids = ExtensionIds(chromium=(), firefox=(FIREFOX_EXTENSION_ID,))
    with pytest.raises(InstallError) as e:
        install(linux, USER, parse_browsers(["chrome"]), no_ids)
    assert e.value.code == "install.no_extension_id" and "--extension-id" in e.value.message
    install(linux, USER, parse_browsers(["firefox"]), no_ids)
    assert expected_manifests(linux, "firefox", USER)[0].is_file()


def test_extra_ids_are_all_allowed(linux):
    edge_store_id = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
    two = resolve_ids([CHROMIUM_ID, f"chrome-extension://{edge_store_id}/", "dev@example.org"], None)
    install(linux, USER, parse_browsers(["edge,firefox"]), two)
    edge = json.loads(expected_manifests(linux, "edge", USER)[0].read_text())
    firefox = json.loads(expected_manifests(linux, "firefox", USER)[0].read_text())
    assert edge["allowed_origins"][-2:] == [
        f"chrome-extension://{CHROMIUM_ID}/",
        f"chrome-extension://{edge_store_id}/",
    ]
    assert edge["allowed_origins"] == two.origins
    assert firefox["allowed_extensions"] == [FIREFOX_EXTENSION_ID, "dev@example.org"]


def test_custom_user_data_dir_gets_its_own_manifest_and_its_own_uninstall(tmp_path, linux, ids):
    udd = tmp_path / "profile for tests"
    install(linux, USER, parse_browsers(["chromium"]), ids)
    install(linux, USER, parse_browsers(["chromium"]), ids, user_data_dir=udd)
    custom = udd / "NativeMessagingHosts" / f"{HOST_NAME}.json"
    assert json.loads(custom.read_text())["path"] == str(launcher_of(linux, USER))
    uninstall(linux, USER, parse_browsers(["chromium"]), user_data_dir=udd)
    assert not udd.exists()
    assert expected_manifests(linux, "chromium", USER)[0].is_file() and launcher_of(linux, USER).is_file()


def test_custom_user_data_dir_is_refused_for_firefox_system_scope_and_several_browsers(tmp_path, linux, ids):
    for browsers, scope in ((["firefox"], USER), (["chromium"], SYSTEM), (["chrome,edge"], USER)):
        with pytest.raises(InstallError) as e:
            install(linux, scope, parse_browsers(browsers), ids, user_data_dir=tmp_path / "p")
        assert e.value.code == "install.bad_option"


def test_unknown_browser_is_refused():
    with pytest.raises(InstallError) as e:
        parse_browsers(["safari"])
    assert e.value.code == "install.unknown_browser" and "chrome" in e.value.message


def test_without_a_record_uninstall_removes_nothing_and_names_what_it_found(linux, ids):
    install(linux, USER, parse_browsers(["chromium"]), ids)
    (launcher_of(linux, USER).parent / RECORD_FILE).unlink()
    report = uninstall(linux, USER, None)
    manifest = expected_manifests(linux, "chromium", USER)[0]
    assert manifest.is_file() and not report.actions
    assert any(str(manifest) in w for w in report.warnings)


def test_a_damaged_record_stops_uninstall_with_a_clear_error(linux, ids):
    install(linux, USER, parse_browsers(["chromium"]), ids)
    (launcher_of(linux, USER).parent / RECORD_FILE).write_text("{not json")
    with pytest.raises(InstallError) as e:
        uninstall(linux, USER, None)
    assert e.value.code == "install.record"


def test_system_install_does_not_pass_on_kefuguard_home(linux, ids):
    report = install(linux, SYSTEM, parse_browsers(["chromium"]), ids)
    text = launcher_of(linux, SYSTEM).read_text()
    assert "KEFUGUARD_HOME" not in text and report.baked_env == {}
    assert any("KEFUGUARD_HOME" in w for w in report.warnings)
    user = install(linux, USER, parse_browsers(["chromium"]), ids)
    assert user.baked_env["KEFUGUARD_HOME"] == str(linux.data_dir)
    assert f"export KEFUGUARD_HOME='{linux.data_dir}'" in launcher_of(linux, USER).read_text()


def test_flatpak_browser_gets_guidance_and_on_request_a_sandbox_manifest(linux, ids):
    app = linux.home / ".var/app/org.chromium.Chromium"
    app.mkdir(parents=True)
    plain = install(linux, USER, parse_browsers(["chromium"]), ids)
    assert [n.kind for n in plain.notes] == ["flatpak"] and "--flatpak" in plain.notes[0].message
    assert not (app / "config").exists()

    report = install(linux, USER, parse_browsers(["chromium"]), ids, flatpak=True)
    assert "flatpak override --user --talk-name=org.freedesktop.Flatpak" in report.notes[0].message
    wrapper = app / "data/kefuguard/kefuguard-host-flatpak"
    manifest = app / "config/chromium/NativeMessagingHosts" / f"{HOST_NAME}.json"
    assert json.loads(manifest.read_text())["path"] == str(wrapper)
    assert f"exec flatpak-spawn --host '{launcher_of(linux, USER)}' \"$@\"" in wrapper.read_text()
    assert wrapper.stat().st_mode & stat.S_IXUSR
    uninstall(linux, USER, None)
    assert tree(app) == {}


def test_snap_firefox_is_explained(linux, ids):
    snap = linux.system_root / "snap/bin/firefox"
    snap.parent.mkdir(parents=True)
    snap.write_text("")
    report = install(linux, USER, parse_browsers(["firefox"]), ids)
    assert [n.kind for n in report.notes] == ["snap"]
    assert "portal" in report.notes[0].message and f"webextensions {HOST_NAME} snap.firefox" in report.notes[0].message
