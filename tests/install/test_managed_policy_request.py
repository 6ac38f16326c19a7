"""`managed_policy`: the host tells the extension's options page which of its managed settings the
machine's browser policy holds but the browser leaves out (Chromium drops them before
storage.managed, so the page cannot see them), with the file, in the terms doctor uses."""

from __future__ import annotations

import json

from kefuguard.install.policies import ignored_for_extension
from kefuguard.protocol.dispatch import Dispatcher
from kefuguard.protocol.framing import HEADER
from kefuguard.protocol.host import caller_extension_id
from tests.install.conftest import machine
from tests.install.test_doctor_policy import policy

OURS = "a" * 32


def test_the_settings_a_browser_leaves_out_are_named_with_their_file(tmp_path):
    ctx = machine(tmp_path)
    settings = {"features": {"chat_check": "no"}, "min_level": "high", "colour": "red", "language": "en"}
    policy(ctx, "kefuguard.json", {"3rdparty": {"extensions": {OURS: settings, "b" * 32: {"colour": 1}}}})
    file = str(ctx.system_path("/etc/chromium/policies/managed") / "kefuguard.json")
    assert ignored_for_extension(ctx, OURS) == [
        {"setting": "features.chat_check", "kind": "type", "got": "string", "wanted": "boolean",
         "dropped": "features", "file": file},
        {"setting": "min_level", "kind": "choice", "got": '"high"', "wanted": "caution, danger",
         "dropped": "min_level", "file": file},
        {"setting": "colour", "kind": "unknown", "got": "", "wanted": "", "dropped": "colour", "file": file},
    ]  # fmt: skip
    assert ignored_for_extension(ctx, "c" * 32) == []


def test_the_caller_is_the_extension_id_in_the_origin_chromium_passes():
    assert caller_extension_id([f"chrome-extension://{OURS}/"]) == OURS
    assert caller_extension_id([f"chrome-extension://{OURS}/", "--parent-window=0"]) == OURS
    assert caller_extension_id(["/path/org.kefuguard.host.json", "kefuguard@kefu-guard.org"]) is None  # Firefox
    assert caller_extension_id(["chrome-extension://not-an-id/"]) is None


def _reply(frame: bytes) -> dict:
    return json.loads(frame[HEADER.size :])


def test_the_host_answers_for_its_caller_only():
    with_caller = Dispatcher(object(), caller_id=OURS).frame_for({"id": 1, "type": "managed_policy"})  # type: ignore[arg-type]
    assert with_caller is not None
    reply = _reply(with_caller)
    assert reply["ok"] is True and reply["result"]["extension_id"] == OURS
    assert isinstance(reply["result"]["ignored"], list)
    without = Dispatcher(object()).frame_for({"id": 2, "type": "managed_policy"})  # type: ignore[arg-type]
    assert without is not None
    assert _reply(without)["result"] == {"extension_id": None, "ignored": []}
