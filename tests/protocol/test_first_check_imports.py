"""What a host's first check of a new site loads (protocol/early_checks.py's path: the engine and
one check_url), in a fresh interpreter: none of the modules whose import made the start slow
(dataclasses with inspect ~9 ms, typing ~3, hashlib ~3, asyncio and logging, the chat detectors,
TOML, the list verification code, threads), whether the lookalike index is built or read back from
the file an earlier host kept."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import subprocess_env

SNIPPET = """
import json, sys
from kefuguard.paths import Places
from kefuguard.protocol.dispatch import Dispatcher
from kefuguard.service.engine import Engine

engine = Engine.long_running(Places.from_environment())
reply = Dispatcher(engine).frame_for({"id": 1, "type": "check_url", "url": sys.argv[1]})
modules = sorted(sys.modules)
if sys.argv[2] == "keep":  # as a host at its clean exit
    engine.warm_urls()
    engine.keep_url_index()
print(json.dumps({"reply": json.loads(reply[4:]), "modules": modules}))
"""

NOT_ON_THE_WAY = ("dataclasses", "inspect", "typing", "hashlib", "asyncio", "logging", "tomllib", "base64")
NOT_ON_THE_WAY += ("kefuguard.lists.verify",)  # verifying a list: only when it is new
# threading (~0.7 ms: the engine's list switch and chat index start threads, not a first check) and
# importlib.util with contextlib (~1.1 ms: finding the installed tldextract needs neither)
NOT_ON_THE_WAY += ("threading", "importlib.util", "contextlib")


def first_check(home, url: str, keep: bool) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", SNIPPET, url, "keep" if keep else "-"],
        env=subprocess_env(home),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout)


def test_a_first_check_of_a_new_site_loads_none_of_the_slow_modules(home):
    first_check(home, "https://www.example.org/", keep=False)  # the very first start verifies the list
    for url, keep in [("https://taobao-kefu.com/refund.html", True), ("https://www.example.com/a.html", False)]:
        # the first builds the lookalike index (and keeps it), the second reads it back
        run = first_check(home, url, keep)
        assert run["reply"]["ok"] is True and run["reply"]["result"]["url"] == url
        loaded = set(run["modules"])
        assert not loaded.intersection(NOT_ON_THE_WAY), url
        assert not [m for m in loaded if m.startswith("kefuguard.detect.text")]
    assert list(home.glob("index/*/brand-index-*"))
    assert run["reply"]["result"]["level"] == "none"
    assert first_check(home, "https://taobao-kefu.com/refund.html", False)["reply"]["result"]["level"] == "danger"
