"""The organisation's settings as users see them, in a Chromium where our policy template (filled
in) force-installed the extension from 127.0.0.1: the options page shows each managed setting
locked and marked "Set by your organisation", and the popup says the extension is managed by the
organisation and names its support contact, in English and in Chinese (the policy's `language`).

And a policy with a setting of the wrong type and a key that is not a setting: Chromium leaves
both out of storage.managed (the whole top-level setting when a part of it has the wrong type), so
the extension never sees them; the host reads the policy file for the options page
(`managed_policy`), which names each one with its file, in English and in Chinese, as
`kefuguard doctor` does (Firefox passes such values on to storage.managed, and the page names them
from there: tests/browser/firefox/test_firefox_enterprise_policy.py).

Each browser runs in a private mount namespace (tests/browser/enterprise.py); skipped where that
cannot be done. The policy also allows DevTools on the extension's pages (enterprise.ALLOW_DEVTOOLS),
without which Chromium lets no automation look at them.
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

from tests.browser.enterprise import (
    ALLOW_DEVTOOLS,
    build_packages,
    launch,
    policy_from_template,
    policy_machine,
    why_not_isolated,
)
from tests.browser.harness import EXTENSION_DIR, PageServer, wait_for

pytest.importorskip("cryptography")

FEATURES = ("page_check", "link_check", "chat_check", "send_warning")
SUPPORT = "IT help desk: ext. 1234, it-help@example.com"  # the template's support_contact


def _strings(lang: str) -> dict[str, str]:
    doc = json.loads((EXTENSION_DIR / "_locales" / lang / "messages.json").read_text(encoding="utf-8"))
    return {key: entry["message"] for key, entry in doc.items()}


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(extension id, update.xml address): packages of an extension copy pinned to a throwaway key."""
    why = why_not_isolated()
    if why:
        pytest.skip(why)
    base = tmp_path_factory.mktemp("pages-rollout")
    (base / "dist").mkdir()
    with PageServer(base / "dist") as server:
        built = build_packages(base, f"http://127.0.0.1:{server.port}/")
        yield built.id, f"http://127.0.0.1:{server.port}/update.xml"


def _start(playwright: Any, tmp_path: Path, policy: dict[str, Any]) -> Any:
    machine = policy_machine(tmp_path, {**policy, **ALLOW_DEVTOOLS})
    return launch(playwright, tmp_path / "profile", machine)


def _open_extension_page(context: Any, ext_id: str, path: str, ready: str) -> Any:
    """The extension's page once the policy has installed it (seconds after start)."""
    page = context.new_page()

    def opened() -> bool:
        try:
            page.goto(f"chrome-extension://{ext_id}/{path}")
        except Exception:  # noqa: BLE001 - ERR_BLOCKED_BY_CLIENT until the extension is installed
            page.wait_for_timeout(500)
            return False
        return True

    assert wait_for(opened, timeout=90, interval=0), "the policy did not install the extension"
    page.wait_for_selector(f"#{ready}[data-ready='true']", state="attached", timeout=15000)
    return page


def _after_managed_arrives(page: Any, ready: str, timeout: float = 60) -> bool:
    """Wait until storage.managed holds the policy's values, then reload `page` once. Chromium's
    storage.managed is empty for a few seconds after a policy install; reloading the page all the
    while kept it empty (seen in Chromium 156), so the page only asks until the values are there."""
    arrived = wait_for(
        lambda: page.evaluate("async () => Object.keys(await chrome.storage.managed.get()).length > 0"),
        timeout=timeout,
        interval=0.5,
    )
    page.reload()
    page.wait_for_selector(f"#{ready}[data-ready='true']", state="attached", timeout=15000)
    return bool(arrived)


LOCKS = """() => {
  const lock = (id) => {
    const control = document.getElementById(id);
    const holder = control.closest('label') || control.parentElement;
    const badge = holder.querySelector(':scope > .lock');
    return {disabled: control.disabled, value: control.type === 'checkbox' ? control.checked : control.value,
            badge: badge ? badge.textContent : null};
  };
  const ids = ['feature-page_check', 'feature-link_check', 'feature-chat_check', 'feature-send_warning',
               'min_level', 'language', 'region'];
  const trusted = [...document.querySelectorAll('#trusted li')].map((li) => ({
    domain: li.querySelector('code')?.textContent, badge: li.querySelector('.lock')?.textContent ?? null,
    removable: !!li.querySelector('button')}));
  const note = document.getElementById('managed-note');
  return {controls: Object.fromEntries(ids.map((id) => [id, lock(id)])), trusted,
          note: note.hidden ? null : note.textContent,
          ignored: document.getElementById('managed-ignored').hidden, lang: document.documentElement.lang};
}"""


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_options_show_the_policys_settings_locked_and_the_popup_says_managed(
    lang: str, packages: tuple[str, str], playwright_driver: Any, tmp_path: Path
) -> None:
    ext_id, update_url = packages
    features = {f: f != "chat_check" for f in FEATURES}
    policy = policy_from_template(
        ext_id, update_url, features=features, min_level="danger", language=lang, trusted_domains=["corp.example"]
    )
    context = _start(playwright_driver, tmp_path, policy)
    strings = _strings(lang)
    try:
        options = _open_extension_page(context, ext_id, "ui/options.html", "options")
        assert _after_managed_arrives(options, "options"), "the policy's settings never reached the extension"
        state = options.evaluate(LOCKS)
        locked = strings["options_locked"]
        for feature, on in features.items():
            assert state["controls"][f"feature-{feature}"] == {"disabled": True, "value": on, "badge": locked}
        assert state["controls"]["min_level"] == {"disabled": True, "value": "danger", "badge": locked}
        assert state["controls"]["language"] == {"disabled": True, "value": lang, "badge": locked}
        # where to report a scam is the user's own choice, never the organisation's
        assert state["controls"]["region"]["disabled"] is False and state["controls"]["region"]["badge"] is None
        assert {"domain": "corp.example", "badge": locked, "removable": False} in state["trusted"]
        assert state["note"] == strings["options_managed_note"]
        assert state["ignored"] is True  # nothing ignored: no such section
        assert state["lang"] == ("zh-CN" if lang == "zh_CN" else "en")

        popup = _open_extension_page(context, ext_id, "ui/popup.html", "popup")
        texts = popup.evaluate(
            "() => ({managed: document.getElementById('managed').hidden ? null"
            " : document.getElementById('managed').textContent,"
            " support: document.getElementById('support').textContent})"
        )
        assert texts["managed"] == strings["popup_managed"]
        assert texts["support"] == strings["popup_support"].replace("$CONTACT$", SUPPORT)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_wrong_type_and_an_unknown_key_are_named_by_the_options_page_and_doctor_alike(
    lang: str, packages: tuple[str, str], playwright_driver: Any, tmp_path: Path
) -> None:
    ext_id, update_url = packages
    wrong_features = {"page_check": True, "link_check": True, "chat_check": "no", "send_warning": True}
    policy = policy_from_template(
        ext_id, update_url, features=wrong_features, min_level="danger", language=lang, colour="red"
    )
    machine = policy_machine(tmp_path, {**policy, **ALLOW_DEVTOOLS})
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEFUGUARD_")}
    env.update(HOME=str(tmp_path / "home"), KEFUGUARD_HOME=str(tmp_path / "data"))
    env["KEFUGUARD_MANAGED_CONFIG"] = str(tmp_path / "no-managed.toml")
    kefuguard = f'{machine.prefix} "{sys.executable}" -m kefuguard'
    installed = subprocess.run(
        f'{kefuguard} install --browser chromium --user-data-dir "{tmp_path / "profile"}" --extension-id {ext_id}',
        shell=True, capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    context = launch(playwright_driver, tmp_path / "profile", machine, None)
    policy_file = machine.etc / "policies" / "managed" / "kefuguard.json"
    try:
        options = _open_extension_page(context, ext_id, "ui/options.html", "options")
        assert _after_managed_arrives(options, "options"), "the policy's settings never reached the extension"
        managed = options.evaluate("async () => await chrome.storage.managed.get()")
        # what Chromium passes on: the valid settings; all of 'features' (one part had the wrong
        # type) and the unknown key are gone, so the extension alone could not name them
        assert managed["min_level"] == "danger" and managed["support_contact"] == SUPPORT
        assert "features" not in managed and "colour" not in managed
        state = options.evaluate(LOCKS)
        assert state["controls"]["feature-chat_check"] == {"disabled": False, "value": True, "badge": None}
        # the host read the policy file for the page (managed_policy): both are named, with the file
        assert state["ignored"] is False
        items = options.evaluate(
            "() => [...document.querySelectorAll('#managed-ignored-list li')]"
            ".map((li) => [li.dataset.setting, li.textContent])"
        )
    finally:
        context.close()
    strings = _strings(lang)
    in_file = strings["options_ignored_file"].replace("$FILE$", "/etc/chromium/policies/managed/kefuguard.json")
    wrong_type = strings["options_ignored_type"].replace("$SETTING$", "features.chat_check")
    wrong_type = wrong_type.replace("$GOT$", "string").replace("$WANTED$", "boolean")
    all_of = strings["options_ignored_dropped"].replace("$SETTING$", "features")
    unknown = strings["options_ignored_unknown"].replace("$SETTING$", "colour")
    assert items == [
        ["features.chat_check", f"{wrong_type} {all_of} {in_file}"],
        ["colour", f"{unknown} {in_file}"],
    ]

    doctor = subprocess.run(
        f"{kefuguard} doctor --browser chromium --user-data-dir {tmp_path / 'profile'} --extension-id {ext_id} --json",
        shell=True, capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    report = json.loads(doctor.stdout)
    ignored = [p["message"] for p in report["problems"] if p["code"] == "policy.setting_ignored"]
    assert len(ignored) == 2, report["problems"]
    [chat, colour] = sorted(ignored, key=lambda m: "'colour'" in m)
    assert chat.startswith(f"{policy_file.as_posix().replace(str(machine.etc), '/etc/chromium')}: ")
    assert "'features.chat_check'" in chat and "all of 'features'" in chat
    assert "'colour'" in colour and "not a setting" in colour
