"""Shared fixtures: throwaway keys, bundles made at run time, an isolated KEFUGUARD_HOME."""

from __future__ import annotations

import copy
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kefuguard.config import load_settings
from kefuguard.lists import publish
from kefuguard.lists.model import format_time
from kefuguard.paths import Places
from kefuguard.service import quiet_collector
from kefuguard.service.engine import Engine

# the test process builds indexes on threads again and again: freezing everything alive each time
# would keep each moment's garbage cycles (hosts started by the tests, their own processes, freeze)
quiet_collector.FREEZE = False

REPO = Path(__file__).resolve().parent.parent


def make_signed(
    version: int = 1,
    *,
    publisher: str = "test-publisher",
    days: float = 30,
    issued: datetime | None = None,
    brands: list[dict[str, Any]] | None = None,
    scam: dict[str, list[Any]] | None = None,
) -> dict[str, Any]:
    # the start of yesterday: the same content whenever a test builds the same version twice
    issued = issued or datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=1)
    return {
        "type": "kefuguard.channels",
        "spec": 1,
        "publisher": publisher,
        "version": version,
        "issued": format_time(issued),
        "expires": format_time(issued + timedelta(days=days)),
        "brands": copy.deepcopy(brands)
        if brands is not None
        else [
            {
                "id": "alipay",
                "names": {"en": "Alipay", "zh": "支付宝"},
                "domains": ["alipay.com", "alipay.cn"],
                "phones": ["95188"],
                "im": [],
                "keywords": ["支付宝", "alipay"],
            },
            {
                "id": "taobao",
                "names": {"en": "Taobao", "zh": "淘宝"},
                "domains": ["taobao.com"],
                "phones": [],
                "im": [{"platform": "app", "account": "淘宝App 我的-客服"}],
                "keywords": ["淘宝", "taobao"],
            },
        ],
        "scam": scam
        if scam is not None
        else {"domains": ["evil-refund.top"], "phones": ["4001234567"], "accounts": ["qq:123456789"]},
    }


class Keys:
    """Throwaway Ed25519 keys made at run time (never a committed private key)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.private: list[Any] = []
        self.public_hex: list[str] = []

    def new(self) -> tuple[Any, str]:
        _, key_path, pub_path = publish.generate_key(self.directory)
        key = publish.load_private_key(key_path)
        self.private.append(key)
        self.public_hex.append(pub_path.read_text().strip())
        return key, self.public_hex[-1]


@pytest.fixture
def keys(tmp_path: Path) -> Keys:
    return Keys(tmp_path / "keys")


@pytest.fixture
def signing_key(keys: Keys) -> tuple[Any, str]:
    return keys.new()


def sign(signed: dict[str, Any], *private_keys: Any) -> bytes:
    return publish.bundle_bytes(publish.sign_signed(signed, list(private_keys)))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An isolated KEFUGUARD_HOME (and no managed config) for this test and its subprocesses."""
    h = tmp_path / "home"
    h.mkdir()
    monkeypatch.setenv("KEFUGUARD_HOME", str(h))
    monkeypatch.setenv("KEFUGUARD_MANAGED_CONFIG", str(tmp_path / "no-managed.toml"))
    return h


def trust_key(home: Path, public_hex: str, threshold: int = 1) -> None:
    (home / "config.toml").write_text(f'[trust]\nkeys = ["{public_hex}"]\nthreshold = {threshold}\n')


def make_engine(home: Path, embedded: Path | None = None) -> Engine:
    places = Places.from_environment()
    assert places.data_dir == home
    return Engine(places, load_settings(places), embedded=embedded)


def host_command(*launch_args: str) -> list[str]:
    return [sys.executable, "-m", "kefuguard", "host", *launch_args]


def subprocess_env(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["KEFUGUARD_HOME"] = str(home)
    env["KEFUGUARD_MANAGED_CONFIG"] = str(home / "no-managed.toml")
    env.update(extra)
    return env
