"""Fixtures for update tests: a real list server, a home with a trusted key and an embedded list."""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kefuguard.lists.store import LAST_GOOD, MAIN_LIST
from kefuguard.lists.trust import TrustedKeys
from kefuguard.lists.update import Timeouts
from kefuguard.lists.verify import verify_bundle
from kefuguard.service.engine import Engine
from kefuguard.service.updates import update_lists, update_main_list
from tests.conftest import make_engine, make_signed, sign, trust_key
from tests.lists.list_server import ListServer

FAST = Timeouts(connect=2, read=1, total=5, backoff=0.01)


@pytest.fixture
def server():
    s = ListServer().start()
    yield s
    s.stop()


@dataclass
class ListEnv:
    home: Path
    key: Any
    pub: str
    embedded: Path

    def engine(self) -> Engine:
        return make_engine(self.home, self.embedded)

    def bundle(self, version: int, **kw: Any) -> bytes:
        return sign(make_signed(version=version, **kw), self.key)

    @property
    def main(self) -> Path:
        return self.home / "lists" / MAIN_LIST

    @property
    def last_good(self) -> Path:
        return self.home / "lists" / LAST_GOOD

    def trust(self) -> TrustedKeys:
        return TrustedKeys.of([self.pub])


@pytest.fixture
def env(home, signing_key, tmp_path) -> ListEnv:
    key, pub = signing_key
    trust_key(home, pub)
    embedded = tmp_path / "embedded.json"
    embedded.write_bytes(sign(make_signed(version=1), key))
    return ListEnv(home, key, pub, embedded)


def run_update(engine: Engine, urls: list[str], **kw: Any):
    kw.setdefault("timeouts", FAST)
    kw.setdefault("rounds", 1)
    return asyncio.run(update_main_list(engine, urls, **kw))


def run_all(engine: Engine, urls: list[str] | None = None, **kw: Any):
    kw.setdefault("timeouts", FAST)
    kw.setdefault("rounds", 1)
    return asyncio.run(update_lists(engine, urls, **kw))


def temp_leftovers(home: Path) -> list[str]:
    """Anything a writer leaves while it works: temp files and half-compiled index folders."""
    found = []
    for root, dirs, files in os.walk(home):
        for name in dirs + files:
            if name.endswith(".tmp") or name.startswith(".tmp-"):
                found.append(os.path.relpath(os.path.join(root, name), home))
    return sorted(found)


def assert_clean(env: ListEnv) -> None:
    """Nothing half-written: no temp files, and every installed list file verifies."""
    assert temp_leftovers(env.home) == []
    for path in (env.main, env.last_good):
        if path.exists():
            verify_bundle(path.read_bytes(), env.trust())
