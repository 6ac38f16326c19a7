"""`kefuguard host` started by a person: it says what it is and exits, instead of waiting for
frames from a browser that never come."""

from __future__ import annotations

import os
import pty
import subprocess
import sys


def run(args: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kefuguard", *args], capture_output=True, timeout=20, **kw)


def test_host_help_prints_usage_and_exits_0() -> None:
    done = run(["host", "--help"], stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    assert out.startswith("usage: kefuguard host") and "kefuguard check-url" in out and "Exit codes" in out
    assert b"Traceback" not in done.stderr


def test_host_started_from_a_terminal_explains_and_exits_2() -> None:
    parent, child = pty.openpty()
    try:
        done = run(["host"], stdin=child)
    finally:
        os.close(parent)
        os.close(child)
    assert done.returncode == 2
    err = done.stderr.decode()
    assert "started from a terminal" in err and "kefuguard doctor" in err
    assert "Traceback" not in err


def test_the_host_log_folder_is_readable_by_the_user_alone(tmp_path) -> None:
    from tests.conftest import subprocess_env

    home = tmp_path / "home"
    done = subprocess.run(
        [sys.executable, "-m", "kefuguard", "host"],
        input=b"",
        capture_output=True,
        timeout=20,
        env=subprocess_env(home),
    )
    assert done.returncode == 0, done.stderr
    log_dir = home / "log"
    assert log_dir.is_dir() and log_dir.stat().st_mode & 0o777 == 0o700, oct(log_dir.stat().st_mode)
