"""The verified chat UI structures (extension/content/chat-structures.js) stay true to the corpus
that verifies them: every library in tests/browser/chat_uis has an entry naming the version pinned
there, and every entry has what the watcher needs. Plain file checks: no browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.browser.chat_uis import build

REPO = Path(__file__).resolve().parents[2]
STRUCTURES_JS = (REPO / "extension" / "content" / "chat-structures.js").read_text(encoding="utf-8")
LOCK = json.loads((Path(build.__file__).parent / "package-lock.json").read_text(encoding="utf-8"))
ENTRY = re.compile(r"\{\s*name: \"(?P<name>[^\"]+)\",\s*checked: \"(?P<checked>[^\"]+)\",(?P<body>.*?)\n    \}", re.S)


def entries() -> list[dict[str, str]]:
    out = []
    for m in ENTRY.finditer(STRUCTURES_JS):
        fields = dict(re.findall(r"(\w+): \"([^\"]*)\"", m.group("body")))
        out.append({"name": m.group("name"), "checked": m.group("checked"), **fields})
    return out


def test_every_entry_has_a_list_a_message_and_a_checked_version() -> None:
    found = entries()
    assert len(found) >= 9, found
    for entry in found:
        assert entry.get("list") and entry.get("message"), entry
        assert entry["checked"].strip(), entry


def test_every_library_of_the_corpus_is_there_at_its_pinned_version() -> None:
    checked = " | ".join(e["checked"] for e in entries())
    for _, package, _ in build.UIS.values():
        if package is None:
            continue
        version = LOCK["packages"][f"node_modules/{package}"]["version"]
        assert f"{package} {version}" in checked, (
            f"{package} {version} (pinned in chat_uis) is not what an entry was checked against"
        )
