"""`doctor` reads the browser's machine policy (Linux JSON files) and names what keeps our host out:
a blocklist the allowlist does not answer, user-level hosts switched off, a file the browser ignores."""

from __future__ import annotations

import json

import pytest

from kefuguard.install import HOST_NAME
from kefuguard.install.browsers import parse_browsers
from kefuguard.install.context import SYSTEM, USER
from kefuguard.install.doctor import run_doctor
from kefuguard.install.installer import install
from tests.install.conftest import machine


@pytest.fixture
def ctx(tmp_path, ids):
    c = machine(tmp_path)
    install(c, USER, parse_browsers(["chromium"]), ids)
    return c


def policy(ctx, name: str, doc: object | str) -> None:
    folder = ctx.system_path("/etc/chromium/policies/managed")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(doc if isinstance(doc, str) else json.dumps(doc))


def codes(ctx, ids) -> list[str]:
    report = run_doctor(ctx, ids, parse_browsers(["chromium"]), timeout=30.0)
    return [f.code for f in report.findings]


def test_a_blocklist_of_all_hosts_without_us_in_the_allowlist_is_named(ctx, ids):
    policy(ctx, "lockdown.json", {"NativeMessagingBlocklist": ["*"], "NativeMessagingAllowlist": ["com.other.app"]})
    report = run_doctor(ctx, ids, parse_browsers(["chromium"]), timeout=30.0)
    [finding] = [f for f in report.findings if f.code == "policy.host_blocked"]
    assert HOST_NAME in finding.message and "NativeMessagingAllowlist" in finding.fix
    assert not report.ok


def test_our_host_in_the_allowlist_is_all_good(ctx, ids):
    policy(ctx, "lockdown.json", {"NativeMessagingBlocklist": ["*"]})
    policy(ctx, "kefuguard.json", {"NativeMessagingAllowlist": [HOST_NAME]})  # another file: merged
    assert codes(ctx, ids) == []


def test_user_level_hosts_switched_off_need_a_system_install(ctx, ids, tmp_path):
    policy(ctx, "hosts.json", {"NativeMessagingUserLevelHosts": False})
    assert "policy.user_level_hosts_off" in codes(ctx, ids)
    system = machine(tmp_path)  # the same machine, installed for every user instead
    install(system, SYSTEM, parse_browsers(["chromium"]), ids)
    for path in system.home.glob(".config/chromium/NativeMessagingHosts/*.json"):
        path.unlink()
    assert "policy.user_level_hosts_off" not in codes(system, ids)


def test_a_policy_file_that_is_not_json_is_named(ctx, ids):
    policy(ctx, "broken.json", '{"NativeMessagingAllowlist": [')
    assert "policy.unreadable" in codes(ctx, ids)


def test_our_managed_settings_of_the_wrong_type_or_unknown_are_named_one_by_one(ctx, ids):
    settings = {
        "features": {"chat_check": "no", "page_check": False, "sparkle": True},  # a string where a switch is wanted
        "min_level": "high",  # not one of its choices
        "trusted_domains": ["intranet.example.com", 7],
        "colour": "red",  # not a setting at all
        "language": "en",
    }
    policy(ctx, "kefuguard.json", {"3rdparty": {"extensions": {ids.chromium[0]: settings}}})
    report = run_doctor(ctx, ids, parse_browsers(["chromium"]), timeout=30.0)
    ignored = {f.message.split("'")[1]: f for f in report.findings if f.code == "policy.setting_ignored"}
    assert set(ignored) == {"features.chat_check", "features.sparkle", "min_level", "trusted_domains[1]", "colour"}
    assert '"caution", "danger"' in ignored["min_level"].message
    assert "wants boolean" in ignored["features.chat_check"].message
    # what Chromium leaves out with it: the whole top-level setting for a wrong part (page_check
    # goes too), an unknown key inside an object alone (tests/browser/test_enterprise_policy_pages.py)
    assert "leaves out all of 'features'" in ignored["features.chat_check"].message
    assert "leaves out all of 'trusted_domains'" in ignored["trusted_domains[1]"].message
    assert "leaves it out," in ignored["features.sparkle"].message
    assert "leaves it out," in ignored["colour"].message
    assert not report.ok


def test_valid_managed_settings_and_other_extensions_settings_are_all_good(ctx, ids):
    ours = {"features": {"chat_check": False}, "min_level": "danger", "trusted_domains": ["intranet.example.com"]}
    others = {"colour": "red"}
    doc = {"3rdparty": {"extensions": {ids.chromium[0]: ours, "pppppppppppppppppppppppppppppppp": others}}}
    policy(ctx, "kefuguard.json", doc)
    assert codes(ctx, ids) == []


def test_the_packaged_schema_is_the_extensions_own():
    from pathlib import Path

    from kefuguard.install.managed_settings import schema

    repo = Path(__file__).resolve().parents[2]
    assert schema() == json.loads((repo / "extension" / "managed_schema.json").read_text("utf-8"))
