"""`doctor` finds each seeded fault, by starting the installed launchers through real pipes."""

from __future__ import annotations

import json
import stat
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kefuguard.install import HOST_NAME
from kefuguard.install.browsers import parse_browsers
from kefuguard.install.context import USER
from kefuguard.install.doctor import run_doctor
from kefuguard.install.extension_ids import resolve_ids
from kefuguard.install.installer import install
from kefuguard.lists.store import MAIN_LIST, embedded_bundle_path
from tests.conftest import make_signed, sign, trust_key
from tests.install.conftest import CHROMIUM_ID, OTHER_ID, machine, with_python


@pytest.fixture
def ctx(tmp_path, ids):
    c = machine(tmp_path)
    install(c, USER, parse_browsers(["chromium,firefox"]), ids)
    return c


def manifest(ctx, browser="chromium") -> Path:
    folder = ".config/chromium/NativeMessagingHosts" if browser == "chromium" else ".mozilla/native-messaging-hosts"
    return ctx.home / folder / f"{HOST_NAME}.json"


def launcher(ctx) -> Path:
    return ctx.data_dir / "native-host" / "kefuguard-host"


def doctor(ctx, ids, browsers="chromium", timeout=30.0):
    return run_doctor(ctx, ids, parse_browsers([browsers]) if browsers else None, timeout=timeout)


def codes(report) -> list[str]:
    return [f.code for f in report.findings]


def point_manifest_at(ctx, program: Path) -> None:
    doc = json.loads(manifest(ctx).read_text())
    doc["path"] = str(program)
    manifest(ctx).write_text(json.dumps(doc))


def script(path: Path, text: str) -> Path:
    path.write_text(text)
    path.chmod(0o755)
    return path


def test_a_good_install_is_all_good_and_the_host_answers_through_the_launcher(ctx, ids):
    report = doctor(ctx, ids, "chromium,firefox")
    assert report.ok, [f.line() for f in report.findings]
    for check in report.browsers:
        assert check.manifest == str(manifest(ctx, check.browser)) and check.scope == USER
        assert check.host and check.host["answered"] and check.host["data_dir"] == str(ctx.data_dir)
    assert report.list_status and report.list_status["source"] == "host" and report.list_status["ok"]
    assert report.config["managed_config_present"] is False
    json.dumps(report.to_dict())


def test_missing_manifest(tmp_path, ids):
    report = doctor(machine(tmp_path), ids)
    assert codes(report) == ["manifest.missing"]
    assert report.findings[0].fix == "kefuguard install --browser chromium"
    assert report.list_status and report.list_status["source"].startswith("this process")


def test_wrong_extension_id(ctx):
    report = doctor(ctx, resolve_ids([OTHER_ID], None))
    assert codes(report) == ["origin.missing_id"]
    f = report.findings[0]
    assert OTHER_ID in f.message and "forbidden" in f.message and f.fix.endswith(f"--extension-id {OTHER_ID}")


def test_launcher_that_is_not_executable(ctx, ids):
    launcher(ctx).chmod(0o644)
    report = doctor(ctx, ids)
    assert codes(report) == ["launcher.not_executable"] and "chmod +x" in report.findings[0].fix


def test_launcher_that_is_gone(ctx, ids):
    launcher(ctx).unlink()
    assert codes(doctor(ctx, ids)) == ["launcher.missing"]


def test_launcher_whose_python_is_gone(tmp_path, ids):
    fake = script(tmp_path / "old venv python", "#!/bin/sh\n")
    ctx = with_python(machine(tmp_path), str(fake))
    install(ctx, USER, parse_browsers(["chromium"]), ids)
    fake.unlink()
    report = doctor(ctx, ids)
    assert codes(report) == ["launcher.python_missing"] and str(fake) in report.findings[0].message


def test_manifest_that_is_not_json(ctx, ids):
    manifest(ctx).write_text('{"name": "org.kefuguard.host",')
    assert codes(doctor(ctx, ids)) == ["manifest.invalid_json"]


def test_manifest_with_wrong_fields_is_not_probed(ctx, ids):
    doc = json.loads(manifest(ctx).read_text())
    doc.update(type="pipe", path="relative/kefuguard-host")
    manifest(ctx).write_text(json.dumps(doc))
    report = doctor(ctx, ids)
    assert set(codes(report)) >= {"manifest.wrong_type", "launcher.not_absolute"}
    assert report.browsers[0].host is None


def test_host_that_exits_without_replying(tmp_path, ctx, ids):
    point_manifest_at(
        ctx, script(tmp_path / "dies.sh", "#!/bin/sh\necho 'ModuleNotFoundError: kefuguard' >&2\nexit 3\n")
    )
    report = doctor(ctx, ids)
    assert codes(report) == ["host.no_reply"]
    assert "ModuleNotFoundError" in report.findings[0].message


def test_host_that_hangs(tmp_path, ctx, ids):
    point_manifest_at(ctx, script(tmp_path / "hangs.sh", "#!/bin/sh\nexec sleep 60\n"))
    report = doctor(ctx, ids, timeout=1.0)
    assert codes(report) == ["host.timeout"]


def test_host_that_refuses_status(tmp_path, ctx, ids):
    body = json.dumps({"id": 1, "ok": False, "error": {"code": "internal_error", "message": "boom"}}).encode()
    program = (
        f"#!{sys.executable}\nimport struct, sys\nsys.stdin.buffer.read(4)\n"
        f"sys.stdout.buffer.write(struct.pack('=I', {len(body)}) + {body!r})\n"
    )
    point_manifest_at(ctx, script(tmp_path / "refuses.py", program))
    report = doctor(ctx, ids)
    assert codes(report) == ["host.error_reply"] and "internal_error" in report.findings[0].message


def test_broken_list(ctx, ids):
    lists = ctx.data_dir / "lists"
    lists.mkdir(parents=True, exist_ok=True)
    (lists / MAIN_LIST).write_bytes(b'{"signed": {"type": "kefuguard.channels"}, "signatures": []}')
    report = doctor(ctx, ids)
    assert codes(report) == ["list.problem"]
    assert "installed" in report.findings[0].message and str(lists / MAIN_LIST) in report.findings[0].message


def test_expired_list(ctx, ids, signing_key):
    key, public_hex = signing_key
    trust_key(ctx.data_dir, public_hex)
    embedded = json.loads(embedded_bundle_path().read_text("utf-8"))["signed"]["version"]
    expired = make_signed(version=embedded + 1, issued=datetime.now(UTC) - timedelta(days=40), days=30)
    (ctx.data_dir / "lists").mkdir(parents=True, exist_ok=True)
    (ctx.data_dir / "lists" / MAIN_LIST).write_bytes(sign(expired, key))
    report = doctor(ctx, ids)
    assert codes(report) == ["list.stale"]
    assert report.list_status and report.list_status["stale"] is True
    assert report.findings[0].fix.startswith("kefuguard update")


def test_no_list_verifies(ctx, ids):
    Path(ctx.env["KEFUGUARD_MANAGED_CONFIG"]).write_text("[trust]\nthreshold = 2\n")  # the release list has 1 signature
    report = doctor(ctx, ids)
    assert "list.none_usable" in codes(report)


def test_unparsable_managed_config(ctx, ids):
    Path(ctx.env["KEFUGUARD_MANAGED_CONFIG"]).write_text("[update\nurls = ")
    report = doctor(ctx, ids)
    assert codes(report) == ["config.problem"]
    assert "not valid TOML" in report.findings[0].message and report.config["managed_config_present"]


def test_managed_settings_are_reported(ctx, ids):
    Path(ctx.env["KEFUGUARD_MANAGED_CONFIG"]).write_text(
        '[update]\nurls = ["https://it.example.com/l.json"]\n[policy]\nlocked = ["update.urls"]\n'
        f'[[supplementary]]\nurl = "https://it.example.com/ours.json"\nkeys = ["{"c" * 64}"]\n'
    )
    report = doctor(ctx, ids)
    assert report.ok, [f.line() for f in report.findings]
    assert report.config["managed"] == ["supplementary", "update.urls"] and report.config["locked"] == ["update.urls"]
    assert report.config["supplementary"] == ["https://it.example.com/ours.json"]


def test_supplementary_list_without_keys_is_a_config_fault(ctx, ids):
    Path(ctx.env["KEFUGUARD_MANAGED_CONFIG"]).write_text('[[supplementary]]\nurl = "https://it.example.com/o.json"\n')
    report = doctor(ctx, ids)
    assert codes(report) == ["list.problem"] and "[[supplementary]]" in report.findings[0].fix


def test_without_browser_option_it_checks_browsers_found_and_those_with_manifests(tmp_path, ids):
    ctx = machine(tmp_path)
    assert codes(doctor(ctx, ids, browsers=None)) == ["browsers.none"]
    (ctx.home / ".config/google-chrome").mkdir(parents=True)
    (ctx.home / ".config/google-chrome/Local State").write_text("{}")
    report = doctor(ctx, ids, browsers=None)
    assert [b.browser for b in report.browsers] == ["chrome"] and codes(report) == ["manifest.missing"]
    install(ctx, USER, parse_browsers(["firefox"]), ids)
    report = doctor(ctx, ids, browsers=None)
    assert [b.browser for b in report.browsers] == ["chrome", "firefox"]
    assert report.browsers[1].found is None and not report.browsers[1].findings


def test_browser_on_path_counts_as_found(tmp_path, ids):
    from dataclasses import replace

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script(bin_dir / "brave-browser", "#!/bin/sh\n")
    ctx = replace(machine(tmp_path), path_search=(bin_dir,))
    report = doctor(ctx, ids, browsers=None)
    assert [b.browser for b in report.browsers] == ["brave"]
    assert report.browsers[0].found == f"program {bin_dir / 'brave-browser'}"


def test_flatpak_browser_is_explained(ctx, ids):
    (ctx.home / ".var/app/org.mozilla.firefox").mkdir(parents=True)
    report = doctor(ctx, ids, "firefox")
    assert [n.kind for n in report.notes] == ["flatpak"]
    assert report.ok  # a note, not a fault: the regular Firefox may be the one in use


def test_custom_user_data_dir(tmp_path, ctx, ids):
    udd = tmp_path / "test profile"
    # the default ~/.config/chromium manifest does not count for a browser started with --user-data-dir
    assert codes(run_doctor(ctx, ids, parse_browsers(["chromium"]), udd, timeout=30)) == ["manifest.missing"]
    install(ctx, USER, parse_browsers(["chromium"]), resolve_ids([CHROMIUM_ID], None), user_data_dir=udd)
    report = run_doctor(ctx, ids, parse_browsers(["chromium"]), udd, timeout=30)
    assert report.ok and report.browsers[0].manifest == str(udd / "NativeMessagingHosts" / f"{HOST_NAME}.json")
    assert stat.S_IMODE(Path(report.browsers[0].manifest).stat().st_mode) == 0o644
