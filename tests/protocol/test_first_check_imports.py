"""What a host's first check of a new site loads (protocol/early_checks.py's path: the engine and
one check_url), in a fresh interpreter: none of the modules whose import made the start slow
(dataclasses with inspect ~9 ms, typing ~3, hashlib ~3, pathlib ~3, platformdirs ~6.5, asyncio and
logging, the chat detectors, TOML, the list verification code, threads), whether the lookalike index
is built or read back from the file an earlier host kept."""

from __future__ import annotations

import json
import struct
import subprocess
import sys

from kefuguard.install.launcher import host_command, start_folders
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
# the CLI's module (its help texts: `-m kefuguard host` goes straight to the host) and platformdirs
# (~6.5 ms; the common Linux folders are read without it, tests/test_paths.py)
NOT_ON_THE_WAY += ("kefuguard.cli", "kefuguard.cli.main", "platformdirs")
# pathlib with urllib.parse and ipaddress (~3 ms): the places a start reads are os.path strings
# (Places' `*_str`), and a plain URL is read without urlsplit; an address imports ipaddress itself
NOT_ON_THE_WAY += ("pathlib", "urllib.parse", "ipaddress", "fnmatch")
# datetime (~1 ms: its pure-Python version, then the C one's): the list's times and the status
# snapshot's clock fields use the C module's classes (kefuguard/plain_datetime.py)
NOT_ON_THE_WAY += ("datetime",)

# the host as the launcher starts it (`python -P -S -c HOST_CODE FOLDERS ORIGIN`), stdin a pipe holding one
# check_url frame: the modules loaded when the reply is written (the first write that is not to
# stdout or stderr, which the host has moved away from the frame stream)
AS_LAUNCHED = """
import json, os, struct, sys
body = json.dumps({"id": 1, "type": "check_url", "url": sys.argv[1]}).encode()
r, w = os.pipe()
os.write(w, struct.pack("=I", len(body)) + body)
os.dup2(r, 0)
write = os.write
def first_reply(fd, data):
    if fd in (1, 2):
        return write(fd, data)
    write(2, json.dumps({"reply": json.loads(bytes(data[4:])), "modules": sorted(sys.modules)}).encode())
    os._exit(0)
os.write = first_reply
code = sys.argv[2]
sys.argv = ["-c", sys.argv[3], "chrome-extension://abc/"]
exec(code)
"""


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
        # building the index reads official domains that start with a digit (12306.cn) as an address may
        assert not loaded.intersection(NOT_ON_THE_WAY).difference({"ipaddress"} if keep else ()), url
        assert not [m for m in loaded if m.startswith("kefuguard.detect.text")]
    assert list(home.glob("index/*/brand-index-*"))
    assert run["reply"]["result"]["level"] == "none"
    assert first_check(home, "https://taobao-kefu.com/refund.html", False)["reply"]["result"]["level"] == "danger"


def test_the_launched_host_loads_none_of_them_before_its_first_reply(home):
    env = subprocess_env(home)
    env.pop("KEFUGUARD_HOME")  # the folders an installed host finds: no platformdirs either
    env["HOME"] = str(home)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env.pop(name, None)
    # nor runpy, which `-m kefuguard host` loads before any of ours, with importlib.util and
    # contextlib (~1.3 ms): the launcher runs the host with `-c`; nor site (the environment's .pth
    # files, ~1 ms): the launcher passes -S and the folders a first check needs
    not_ours = set(NOT_ON_THE_WAY) | {"runpy", "kefuguard.__main__", "site"}
    python, *flags, code, folders = host_command(sys.executable, start_folders())
    # the very first start verifies the list and keeps the lookalike index, at its clean exit
    body = json.dumps({"id": 1, "type": "check_url", "url": "https://www.example.org/"}).encode()
    first = subprocess.run(
        [python, *flags, code, folders, "chrome-extension://abc/"],
        input=struct.pack("=I", len(body)) + body,
        env=env,
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert json.loads(first.stdout[4:])["ok"] is True
    checks = [("https://www.example.com/a.html", "none"), ("http://taobao-kefu.com:8080/refund.html", "danger")]
    for url, level in checks:
        done = subprocess.run(
            [python, *flags[:-1], "-c", AS_LAUNCHED, url, code, folders],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        run = json.loads(done.stderr)
        assert run["reply"]["ok"] is True and run["reply"]["result"]["level"] == level
        loaded = set(run["modules"])
        assert not loaded.intersection(not_ours), (url, loaded.intersection(not_ours))
        assert not [m for m in loaded if m.startswith("kefuguard.detect.text")]
