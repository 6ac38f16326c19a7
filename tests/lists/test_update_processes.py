"""`kefuguard update` as real processes: killed at random points, two at once, a running host
picking the new list up, and the command's exit codes and output."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kefuguard.lists.seen import highest_seen, read_state
from kefuguard.lists.store import load_main_list
from kefuguard.lists.verify import verify_bundle
from kefuguard.paths import Places
from tests.conftest import make_signed, sign, subprocess_env
from tests.lists.conftest import temp_leftovers
from tests.protocol.hostproc import HostProcess

BASE = 10**13  # above the embedded list's timestamp version, as a real update would be
SCAM = {"domains": [f"refund-{i}.example" for i in range(5_000)], "phones": [], "accounts": []}


def updater(home: Path, url: str, *extra: str, **popen) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "kefuguard", "update", "--url", url, "--json", *extra]
    return subprocess.Popen(cmd, env=subprocess_env(home), stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)


def run_updater(home: Path, url: str, *extra: str) -> tuple[int, dict, str]:
    proc = updater(home, url, *extra)
    out, err = proc.communicate(timeout=60)
    lines = [json.loads(x) for x in out.decode().splitlines() if x.startswith("{")]
    return proc.returncode, (lines[-1] if lines else {}), err.decode()


def check_installed_lists(home: Path, trust, floor: int) -> int:
    """Every list file verifies, none is below what was installed before, and a host starting now
    would use it (no rollback refusal). Returns the installed version."""
    main, last_good = home / "lists" / "main.json", home / "lists" / "main.last-good.json"
    version = floor
    if main.exists():
        version = verify_bundle(main.read_bytes(), trust).header.version
        assert version >= floor
        seen, _ = highest_seen(read_state(home / "state.json"), "test-publisher")
        assert seen is None or seen <= version
    if last_good.exists():
        verify_bundle(last_good.read_bytes(), trust)
    places = Places.from_environment()
    problems = [p for p in load_main_list(places, trust).problems if p.origin != "embedded"]
    assert problems == []
    return version


def test_killing_the_updater_at_random_points_never_leaves_a_bad_list(env, server):
    rng = random.Random(20261123)
    trust = env.trust()
    server.body = sign(make_signed(version=BASE, scam=SCAM), env.key)
    t0 = time.monotonic()
    code, outcome, err = run_updater(env.home, server.url())
    full = time.monotonic() - t0
    assert code == 0 and outcome["status"] == "updated", err
    installed = BASE
    killed_after_install = 0
    for i in range(1, 101):
        server.body = sign(make_signed(version=BASE + i, scam=SCAM), env.key)
        proc = updater(env.home, server.url())
        time.sleep(rng.uniform(0, full * 1.5))  # a third of the kills after a whole run: some surely past the install
        proc.kill()  # SIGKILL on POSIX: no clean-up of any kind
        proc.communicate(timeout=30)
        before = installed
        installed = check_installed_lists(env.home, trust, installed)
        killed_after_install += installed > before
    code, outcome, err = run_updater(env.home, server.url())
    assert code == 0 and outcome["status"] in ("updated", "current"), err
    assert check_installed_lists(env.home, trust, installed) == BASE + 100
    assert [p for p in temp_leftovers(env.home) if p.startswith("lists")] == []  # swept under the lock
    assert [p for p in temp_leftovers(env.home) if ".tmp-" in p] == []  # dead compilers' folders too
    assert killed_after_install >= 5, "the kills should land on both sides of the install"


def test_two_updaters_at_once_install_one_list_once(env, server):
    trust = env.trust()
    for round_ in range(1, 6):
        server.body = sign(make_signed(version=BASE + round_, scam=SCAM), env.key)
        procs = [updater(env.home, server.url()) for _ in range(2)]
        results = []
        for p in procs:
            out, err = p.communicate(timeout=60)
            assert p.returncode == 0, err.decode()
            results.append(json.loads(out.decode().splitlines()[-1])["status"])
        assert "updated" in results and set(results) <= {"updated", "current"}
        assert verify_bundle((env.home / "lists/main.json").read_bytes(), trust).header.version == BASE + round_
        if round_ > 1:  # the one before, never the same list twice
            last_good = verify_bundle((env.home / "lists/main.last-good.json").read_bytes(), trust)
            assert last_good.header.version == BASE + round_ - 1
    assert temp_leftovers(env.home) == []


def test_a_running_host_picks_up_the_new_list_without_restart(env, server):
    server.body = sign(make_signed(version=BASE + 1), env.key)
    assert run_updater(env.home, server.url())[0] == 0
    host = HostProcess(env.home)
    try:
        assert host.request({"id": 1, "type": "status"})["result"]["version"] == BASE + 1
        server.body = sign(make_signed(version=BASE + 2), env.key)
        assert run_updater(env.home, server.url())[0] == 0
        deadline, version, rid = time.monotonic() + 10, None, 2
        while time.monotonic() < deadline:
            reply = host.request({"id": rid, "type": "check_url", "url": "https://www.alipay.com/"})
            version = reply["result"]["list_version"]
            if version == BASE + 2:
                break
            rid += 1
            time.sleep(0.2)
        assert version == BASE + 2
        assert host.request({"id": 0, "type": "status"})["result"]["version"] == BASE + 2
        code, rest, stderr = host.finish()
        assert code == 0 and "Traceback" not in stderr
    finally:
        host.close()


# --- the command's contract ----------------------------------------------------------------------


def test_exit_codes_updated_current_and_failed_with_the_age_of_the_list_in_use(env, server):
    server.body = sign(make_signed(version=BASE + 1), env.key)
    code, outcome, _ = run_updater(env.home, server.url())
    assert (code, outcome["status"], outcome["version"]) == (0, "updated", BASE + 1)
    code, outcome, _ = run_updater(env.home, server.url())
    assert (code, outcome["status"], outcome["requests"], outcome["bytes"]) == (0, "current", 1, 0)
    code, outcome, _ = run_updater(env.home, server.url(), "--detailed-exit-codes")
    assert (code, outcome["status"]) == (4, "current")
    code, outcome, _ = run_updater(env.home, server.url("/status/500"))
    assert (code, outcome["status"], outcome["code"]) == (1, "failed", "download.http_status")
    assert outcome["serving"]["version"] == BASE + 1
    assert "still serving the last good list" in outcome["message"]
    assert re.search(r"\(age \d+\.\d days\)", outcome["message"])


def test_under_cron_success_is_silent_and_failure_is_one_line_on_stderr(env, server):
    server.body = sign(make_signed(version=BASE + 1), env.key)
    cmd = [sys.executable, "-m", "kefuguard", "update", "--url", server.url()]
    ok = subprocess.run(cmd, env=subprocess_env(env.home), capture_output=True, timeout=60)
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, b"", b"")
    cmd = [sys.executable, "-m", "kefuguard", "update", "--url", server.url("/status/404")]
    bad = subprocess.run(cmd, env=subprocess_env(env.home), capture_output=True, timeout=60)
    assert bad.returncode == 1 and bad.stdout == b""
    [line] = bad.stderr.decode().splitlines()
    assert "failed" in line and "HTTP 404" in line and re.search(rf"version {BASE + 1} \(age \d+\.\d days\)", line)


@pytest.mark.skipif(os.name != "posix", reason="pseudo-terminal")
def test_on_a_terminal_a_progress_line_then_the_outcome(env, server):
    import pty

    server.body = sign(make_signed(version=BASE + 1, scam=SCAM), env.key)
    leader, follower = pty.openpty()
    cmd = [sys.executable, "-m", "kefuguard", "update", "--url", server.url()]
    proc = subprocess.Popen(cmd, env=subprocess_env(env.home), stdout=follower, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(leader)
    text = b"".join(chunks).decode()
    assert proc.returncode == 0
    assert "\rasking " + server.url() in text and "verifying" in text
    assert text.rstrip().endswith(f"updated: installed version {BASE + 1} from test-publisher")


def test_failed_with_no_usable_list_at_all_exits_3(env, server, tmp_path, capsys):
    from argparse import Namespace

    from kefuguard.cli.commands import cmd_update
    from tests.conftest import make_engine

    bad = tmp_path / "bad-embedded.json"
    bad.write_bytes(b"{}")
    engine = make_engine(env.home, bad)
    args = Namespace(url=[server.url("/status/500")], force=False, json=True, detailed_exit_codes=False)
    assert cmd_update(args, engine) == 3
    outcome = json.loads(capsys.readouterr().out)
    assert outcome["status"] == "failed" and "no usable list" in outcome["message"] and "serving" not in outcome


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads a process's niceness from /proc")
def test_the_updater_runs_below_normal_priority_so_checks_win_the_cpu(env, server):
    """Verifying and compiling a big list takes seconds of CPU; a host answering checks with the
    old list meanwhile must not wait behind it on a busy machine."""
    server.body = sign(make_signed(version=BASE + 1), env.key)
    proc = updater(env.home, server.url("/held.json"))
    try:
        deadline = time.monotonic() + 30
        while not server.held and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
        assert server.held, "the updater never asked the server"
        # /proc/<pid>/stat: the 19th field is the niceness; the command name may hold spaces
        fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        assert int(fields[16]) - os.nice(0) >= 10
    finally:
        server.gate.set()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode()
    assert json.loads(out.decode().splitlines()[-1])["status"] == "updated"
