"""Host start -> first reply, this code against a baseline copy, by wall time and by the host's CPU time.

    .venv/bin/python benchmarks/bench_first_check.py --baseline <copy> [--rounds 10] [--url URL] [--status] [--no-home]

<copy> is an unpacked older version (`git archive main host | tar -x -C <copy>`): its `host` folder is
put on PYTHONPATH for the baseline's starts. Each round starts the baseline, this code and the echo
host (benchmarks/echo_host.py), in alternating order, each with a first `check_url` (or `status`)
and an empty known-verdicts file (a site no earlier host checked). Besides the wall time to the
whole reply, the host's CPU time up to the reply is read from /proc/<pid>/schedstat (Linux): on a
machine shared with other work it moves far less than the wall time. Medians, and ratios to the
echo host of the same run. --no-home starts the hosts as an installed one runs: no KEFUGUARD_HOME,
HOME a temporary folder and no XDG_* folders, so the data and config folders are the platform's.
Each version's host is started with the command its own launcher runs (`kefuguard install`'s
POSIX script), so a change of that command is measured too.

This is a benchmark, not a test: pytest never runs it.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bench_host as bh

REPO = Path(__file__).resolve().parent.parent


def first_reply(
    cmd: list[str], env: dict[str, str], home: Path, request: dict, data: Path | None = None
) -> tuple[float, float]:
    """(wall seconds to the whole reply, the host's CPU seconds by then); then a clean exit. `data`:
    the host's data folder when it is not `home`."""
    ((data or home) / "index" / "known-verdicts.json").unlink(missing_ok=True)
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=home)
    assert p.stdin is not None and p.stdout is not None
    p.stdin.write(bh.frame(request))
    p.stdin.flush()
    (n,) = struct.unpack("=I", p.stdout.read(4))
    body = p.stdout.read(n)
    wall = time.perf_counter() - t0
    with open(f"/proc/{p.pid}/schedstat") as f:
        cpu = int(f.read().split()[0]) / 1e9
    p.stdin.close()
    p.stdout.read()
    p.wait()
    if json.loads(body).get("ok") is not True:
        raise SystemExit(f"bad reply: {body[:300]!r}")
    return wall, cpu


def launched_command(host_dir: Path, origin: str = "chrome-extension://abc/") -> list[str]:
    """The command the launcher `kefuguard install` writes for this version runs (its `exec` line)."""
    render = "import sys; from kefuguard.install.launcher import render_launcher as r; "
    render += "print(r('linux', sys.argv[1], {}).decode())"
    env = dict(os.environ, PYTHONPATH=str(host_dir))
    done = subprocess.run([sys.executable, "-c", render, sys.executable], env=env, capture_output=True, text=True)
    text = done.stdout
    (line,) = [ln for ln in text.splitlines() if ln.startswith("exec ")]
    words = shlex.split(line)[1:]
    return [origin if w == "$@" else w for w in words]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline", type=Path, required=True, help="an unpacked older version (with host/)")
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--url", default="https://www.example.com/refund.html")
    ap.add_argument("--status", action="store_true", help="a first status instead of a check_url")
    ap.add_argument("--no-home", action="store_true", help="no KEFUGUARD_HOME: the folders an installed host uses")
    args = ap.parse_args()
    if not Path("/proc/self/schedstat").exists():
        print("needs Linux's /proc/<pid>/schedstat", file=sys.stderr)
        return 1
    request = {"id": 1, "type": "status"} if args.status else {"id": 1, "type": "check_url", "url": args.url}
    root = Path(tempfile.mkdtemp(prefix="kefuguard-first-check-"))
    runs: dict[str, tuple[list[str], dict[str, str], Path, Path]] = {}
    for name, host_dir in (("baseline", args.baseline / "host"), ("this code", REPO / "host"), ("echo", None)):
        home = root / name.replace(" ", "-")
        home.mkdir()
        env = bh.Env(home).vars
        data = home
        if args.no_home:  # ~/.local/share/kefuguard on Linux (paths.plain_xdg_dirs)
            del env["KEFUGUARD_HOME"]
            for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
                env.pop(var, None)
            env["HOME"] = str(home)
            data = home / ".local" / "share" / "kefuguard"
        if host_dir is not None:
            env["PYTHONPATH"] = str(host_dir)
        cmd = bh.ECHO_CMD if host_dir is None else launched_command(host_dir)
        runs[name] = (cmd, env, home, data)
    for cmd, env, home, data in runs.values():  # untimed: index compile, bytecode
        first_reply(cmd, env, home, request, data)
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for r in range(args.rounds):
        for name in list(runs)[:: 1 if r % 2 == 0 else -1]:
            cmd, env, home, data = runs[name]
            results[name].append(first_reply(cmd, env, home, request, data))
    echo_wall = statistics.median(w for w, _ in results["echo"])
    echo_cpu = statistics.median(c for _, c in results["echo"])
    what = "status" if args.status else f"check_url {args.url}"
    what += ", no KEFUGUARD_HOME" if args.no_home else ""
    print(f"start -> first {what}, {args.rounds} rounds, load average at the end {os.getloadavg()[0]:.1f}")
    for name, values in results.items():
        wall = statistics.median(w for w, _ in values)
        cpu = statistics.median(c for _, c in values)
        print(
            f"  {name:10s} wall {wall * 1e3:7.1f} ms ({wall / echo_wall:4.2f}x echo)"
            f"   CPU {cpu * 1e3:7.1f} ms ({cpu / echo_cpu:4.2f}x echo)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
