"""One native-messaging vocabulary: host/kefuguard/protocol/messages.json. The extension ships a
byte-for-byte copy (extension/common/host-messages.json) and takes its request types and limits
from it; these tests fail when the host's code, the file, its copy or the extension's requests drift."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from kefuguard.detect.text import chat, check, verdict
from kefuguard.detect.url import parse
from kefuguard.protocol import dispatch, framing

REPO = Path(__file__).resolve().parents[2]
HOST_FILE = REPO / "host" / "kefuguard" / "protocol" / "messages.json"
EXTENSION_FILE = REPO / "extension" / "common" / "host-messages.json"
# only the background talks to the host (connectNative); other `type:` keys (the install page's
# host manifest "type": "stdio") are no requests
BACKGROUND_DIR = REPO / "extension" / "background"


def vocabulary() -> dict[str, Any]:
    return json.loads(HOST_FILE.read_text(encoding="utf-8"))


def test_the_extension_ships_a_byte_for_byte_copy_of_the_hosts_file():
    assert EXTENSION_FILE.read_bytes() == HOST_FILE.read_bytes(), (
        f"{EXTENSION_FILE.relative_to(REPO)} differs from {HOST_FILE.relative_to(REPO)}: copy the host's file over it"
    )


def test_the_installed_package_ships_the_file():
    shipped = resources.files("kefuguard.protocol").joinpath("messages.json")
    assert shipped.is_file(), "the wheel lacks protocol/messages.json (pyproject.toml package-data)"
    assert shipped.read_bytes() == HOST_FILE.read_bytes(), "the installed package is older than the tree: reinstall"


def test_the_dispatcher_answers_exactly_the_request_types_of_the_file():
    dispatcher = dispatch.Dispatcher(object())  # it only stores the engine
    sync, background = set(dispatcher.sync_handlers), set(dispatcher.async_handlers)
    assert not sync & background, sync & background
    assert sync | background == set(vocabulary()["requests"])


def test_the_limits_of_the_file_are_the_hosts_constants():
    assert vocabulary()["limits"] == {
        "incoming_frame_bytes": framing.MAX_INCOMING,
        "outgoing_frame_bytes": framing.MAX_OUTGOING,
        "id_chars": dispatch.MAX_ID_CHARS,
        "url_chars": parse.MAX_URL_CHARS,
        "chat_messages": chat.MAX_CHAT_MESSAGES,
        "chat_chars_analysed": chat.MAX_CHAT_CHARS,
        "text_chars_analysed": check.MAX_TEXT_CHARS,
        "sender_chars": verdict.MAX_SENDER_CHARS,
    }


def test_every_request_type_the_extension_sends_is_in_the_file():
    requests = vocabulary()["requests"]
    sent: dict[str, str] = {}
    for path in sorted(BACKGROUND_DIR.glob("*.js")):
        for name in re.findall(r"""\btype:\s*["']([A-Za-z0-9_.-]+)["']""", path.read_text(encoding="utf-8")):
            sent.setdefault(name, path.name)
    assert {name: where for name, where in sent.items() if name not in requests} == {}
    assert {"check_url", "check_chat"} <= set(sent), f"the pattern is stale: found {sorted(sent)}"


def test_every_request_type_the_extension_times_is_in_the_file():
    source = (BACKGROUND_DIR / "host-connection.js").read_text(encoding="utf-8")
    table = re.search(r"TIMEOUTS_MS = Object\.freeze\(\{([^}]*)\}\)", source)
    assert table, "TIMEOUTS_MS not found in host-connection.js: the pattern is stale"
    timed = set(re.findall(r"(\w+):\s*\d", table.group(1)))
    assert timed, "no entries in TIMEOUTS_MS: the pattern is stale"
    assert timed <= set(vocabulary()["requests"]), sorted(timed - set(vocabulary()["requests"]))


def test_the_file_describes_each_field_with_a_type_the_extension_knows():
    # background/host-connection.js checks requests against these before sending; it knows these names
    known = {"string", "integer", "boolean", "array", "object", "null"}
    for rtype, spec in vocabulary()["requests"].items():
        for field, ftype in spec["fields"].items():
            assert set(ftype.removesuffix("?").split("|")) <= known, (rtype, field, ftype)
