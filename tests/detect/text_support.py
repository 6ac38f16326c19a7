"""Helpers for the chat-check tests: the real embedded list (built once per session) and a signed test
list with scam entries (built per test from throwaway keys)."""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path
from typing import Any

from kefuguard.detect.result import Result
from kefuguard.detect.text.check import ChatMessage, check_text
from kefuguard.detect.text.index import TextIndex
from kefuguard.paths import Places
from kefuguard.service.engine import Engine
from tests.conftest import make_engine, make_signed, sign, trust_key


@functools.cache
def embedded_index() -> TextIndex:
    """The real embedded list (61 brands), loaded once in a private KEFUGUARD_HOME."""
    home = Path(tempfile.mkdtemp(prefix="kefuguard-text-tests-"))
    saved = {k: os.environ.get(k) for k in ("KEFUGUARD_HOME", "KEFUGUARD_MANAGED_CONFIG")}
    os.environ["KEFUGUARD_HOME"] = str(home)
    os.environ["KEFUGUARD_MANAGED_CONFIG"] = str(home / "no-managed.toml")
    try:
        return Engine(Places.from_environment()).text_index()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def engine_with_test_list(home: Path, signing_key: tuple[Any, str], tmp_path: Path) -> Engine:
    """An engine on conftest's small signed list: alipay + taobao, scam phone 4001234567, scam QQ
    123456789, scam domain evil-refund.top."""
    key, pub = signing_key
    trust_key(home, pub)
    embedded = tmp_path / "embedded.json"
    embedded.write_bytes(sign(make_signed(version=1), key))
    return make_engine(home, embedded=embedded)


def check(
    text: str,
    index: TextIndex | None = None,
    *,
    direction: str = "incoming",
    sender: str | None = None,
    url: str | None = None,
    context: list[str] | None = None,
) -> Result:
    earlier = [ChatMessage(t) for t in context or []]
    return check_text(ChatMessage(text, direction, sender, url), index or embedded_index(), earlier)


def codes(result: Result) -> set[str]:
    return {r.code for r in result.reasons}
