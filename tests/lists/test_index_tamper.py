"""The compiled index is user-writable: with the trusted keys locked by managed config, a fresh
host process must not believe an index it did not verify and write itself."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kefuguard.lists.store import MAIN_LIST
from tests.conftest import make_signed, sign, subprocess_env

FORGED = "https://alipay-refund-center.com/"


def check_url(home: Path, managed: Path, url: str) -> dict:
    env = subprocess_env(home, KEFUGUARD_MANAGED_CONFIG=str(managed))
    out = subprocess.run(
        [sys.executable, "-m", "kefuguard", "check-url", "--json", url], env=env, capture_output=True, text=True
    )
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout.splitlines()[0])


def forge_index(home: Path) -> None:
    """What user-level malware could do: add its domain to the brand's official ones in the index
    (of every list compiled there: the embedded one may be the list in use)."""
    forged = 0
    for brands_file in (home / "index").glob("*/brands.json"):
        brands = json.loads(brands_file.read_bytes())
        for brand in brands:
            if brand["id"] == "alipay":
                brand["domains"].append("alipay-refund-center.com")
                forged += 1
        brands_file.write_text(json.dumps(brands))
    assert forged


@pytest.mark.parametrize("locked", [True, False])
def test_a_forged_index_is_not_believed_when_trust_is_locked(home, signing_key, tmp_path, locked):
    key, pub = signing_key
    (home / "lists").mkdir()
    (home / "lists" / MAIN_LIST).write_bytes(sign(make_signed(version=3), key))
    managed = tmp_path / "managed.toml"
    policy = '[policy]\nlocked = ["trust.keys"]\n' if locked else ""
    managed.write_text(f'{policy}[trust]\nkeys = ["{pub}"]\n')
    first = check_url(home, managed, FORGED)  # compiles the index
    assert first["level"] != "verified"
    forge_index(home)
    again = check_url(home, managed, FORGED)
    if locked:
        assert again["level"] == first["level"]
        # and the index on disk is the verified one again
        assert check_url(home, managed, "https://www.alipay.com/")["level"] == "verified"
    else:
        # unlocked, a user-level writer could as well add its own key to config.toml: the index
        # stays a cache, so starting a host costs no signature check
        assert again["level"] == "verified"
