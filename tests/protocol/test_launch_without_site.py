"""The launcher starts the host with `python -P -S` and the folders a first check needs
(install/launcher.py); the host loads `site` after its first reply, or as soon as something outside
those folders is imported (protocol/launch.py). Real interpreters, real pipes."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys

import tldextract

import kefuguard
from kefuguard.install.launcher import HOST_CODE, host_command, start_folders
from tests.conftest import subprocess_env
from tests.protocol.test_first_check_imports import AS_LAUNCHED  # the reply, and the modules loaded by then

# load_site() as the host calls it after its first reply, then sys.path
PATH_AFTER_SITE = """
import sys
code, folders = sys.argv[1], sys.argv[2]
sys.argv = ["-c", folders]
exec(code.partition("from kefuguard")[0])  # HOST_CODE's sys.path line
from kefuguard.protocol import launch
launch._SiteOnDemand.folders = folders
sys.meta_path.append(launch._SiteOnDemand)
launch.load_site()
print("\\n".join(sys.path))
"""


def _package_folder(module) -> str:
    return os.path.dirname(os.path.dirname(os.path.abspath(module.__file__)))


def test_start_folders_are_where_this_python_finds_the_packages():
    folders = start_folders()
    assert folders[0] == _package_folder(kefuguard)
    assert _package_folder(tldextract) in folders
    assert len(folders) == len(set(folders))


def _first_reply(home, url: str, folders: list[str]) -> dict:
    python, *flags, code, _ = host_command(sys.executable, folders)
    done = subprocess.run(
        [python, *flags[:-1], "-c", AS_LAUNCHED, url, code, os.pathsep.join(folders)],
        env=subprocess_env(home),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    run = json.loads(done.stderr)
    return run | {"site": "site" in run["modules"]}


def test_a_first_check_needs_no_site_when_the_folders_hold_what_it_looks_for(home):
    _first_reply(home, "https://www.example.org/", start_folders())  # the first start verifies the list
    run = _first_reply(home, "http://taobao-kefu.com:8080/refund.html", start_folders())
    assert run["reply"]["result"]["level"] == "danger" and run["site"] is False


def test_a_package_outside_the_folders_loads_site_first(home, tmp_path):
    """Folders holding kefuguard alone (a link to the package, wherever it is installed): tldextract
    (which the public suffix rules' cache names) is then found through site, loaded on demand; the
    check answers as ever."""
    only = tmp_path / "only-kefuguard"
    only.mkdir()
    (only / "kefuguard").symlink_to(os.path.dirname(os.path.abspath(kefuguard.__file__)), target_is_directory=True)
    _first_reply(home, "https://www.example.org/", start_folders())
    for cached in (home / "index").glob("public-suffix-*"):
        cached.unlink()  # so the rules' cache is made again: tldextract itself is imported
    run = _first_reply(home, "http://taobao-kefu.com:8080/refund.html", [str(only)])
    assert run["reply"]["result"]["level"] == "danger" and run["site"] is True


def test_after_site_the_path_is_a_plain_starts(home):
    plain = subprocess.run(
        [sys.executable, "-P", "-c", "import sys; print('\\n'.join(sys.path))"],
        env=subprocess_env(home),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for folders in (start_folders(), [*start_folders(), "/nonexistent/kefuguard-folder"]):
        joined = os.pathsep.join(folders)
        after = subprocess.run(
            [sys.executable, "-P", "-S", "-c", PATH_AFTER_SITE, HOST_CODE, joined],
            env=subprocess_env(home),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        # as a plain start has it, then any folder site would not have added
        assert after == plain + [f for f in folders if f not in plain]


def test_the_launched_host_answers_status_and_checks_over_real_pipes(home):
    """The whole launcher command, several frames: the early reply, then the full host (site loaded)."""
    frames = b""
    for i, request in enumerate(
        [{"type": "status"}, {"type": "check_url", "url": "https://www.example.com/"}, {"type": "check_chat", "messages": [{"text": "请加我QQ 12345678 办理退款"}]}]
    ):
        body = json.dumps({"id": i + 1, **request}).encode()
        frames += struct.pack("=I", len(body)) + body
    done = subprocess.run(
        [*host_command(sys.executable, start_folders()), "chrome-extension://abc/"],
        input=frames,
        env=subprocess_env(home),
        capture_output=True,
        timeout=120,
        check=True,
    )
    out, replies = done.stdout, []
    while out:
        (n,) = struct.unpack("=I", out[:4])
        replies.append(json.loads(out[4 : 4 + n]))
        out = out[4 + n :]
    assert [r["id"] for r in replies] == [1, 2, 3] and all(r["ok"] for r in replies), replies
    assert replies[2]["result"]["level"] in ("caution", "danger"), replies[2]
