"""Pipelined `check_url`, this code against a baseline copy and the echo host, by wall time and by the host's CPU time.

    .venv/bin/python benchmarks/bench_pipelined.py --baseline <copy> [--rounds 7] [--messages 5000] [--big] [--check]

<copy> is an older version with a `host` folder (`git worktree add --detach <copy> <commit>`): it is
put on PYTHONPATH for the baseline's hosts. Each round starts the baseline, this code and the echo
host (benchmarks/echo_host.py), in alternating order, each as bench_host.py's pipelined round does:
one awaited check of a new site and a status, then N `check_url` frames (bench_host.py's mix: 40 %
official, 35 % unknown, 15 % scam-list, 10 % lookalike URLs, all distinct) written by a thread while
the replies are read. Besides the wall time from the first write to the last reply, the host's CPU
time over those frames is read from /proc/<pid>/schedstat (Linux; the main thread, which answers
them): on a machine shared with other work it moves far less than the wall time. Medians per
message, and ratios to the echo host of the same run. --check also compares every reply of the
two versions byte for byte.

This is a benchmark, not a test: pytest never runs it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import bench_host as bh

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline", type=Path, required=True, help="an older version (with host/)")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--messages", type=int, default=5000)
    ap.add_argument("--check", action="store_true", help="compare the two versions' replies byte for byte")
    ap.add_argument(
        "--big", action="store_true", help="bench_host.py's big list (10,000 brands, 1,000,000 scam domains) installed"
    )
    args = ap.parse_args()
    if not Path("/proc/self/schedstat").exists():
        print("needs Linux's /proc/<pid>/schedstat", file=sys.stderr)
        return 1
    embedded = bh.embedded_signed()
    official, scam = bh.official_domains(embedded), list(embedded["scam"]["domains"])
    big = bh.big_list(10_000, 1_000_000) if args.big else None  # cached by bench_host.py
    if big is not None:
        official, scam = official + big.sample_official, scam + big.sample_scam
    urls = bh.url_mix(args.messages, official, scam)
    frames = [bh.frame({"id": i, "type": "check_url", "url": u}) for i, u in enumerate(urls, start=1)]
    root = Path(tempfile.mkdtemp(prefix="kefuguard-pipelined-"))
    runs: dict[str, tuple[bh.Env, list[str]]] = {}
    for name, host_dir in (("baseline", args.baseline / "host"), ("this code", REPO / "host"), ("echo", None)):
        env = bh.Env(root / name.replace(" ", "-"))
        env.home.mkdir()
        if big is not None and host_dir is not None:
            (env.home / "lists").mkdir()
            shutil.copyfile(big.bundle, env.home / "lists" / "main.json")
            (env.home / "config.toml").write_text(f'[trust]\nkeys = ["{big.public_hex}"]\n')
        if host_dir is not None:
            env = _with_pythonpath(env, host_dir)
        runs[name] = (env, bh.ECHO_CMD if host_dir is None else bh.HOST_CMD)
    first: dict[str, list[bytes]] = {}
    for name, (env, cmd) in runs.items():  # untimed: index compile, bytecode
        first[name] = bh.pipelined_with_cpu(env, cmd, frames, 1)[2]
    if args.check:
        same = first["baseline"] == first["this code"]
        print(f"replies of the two versions byte-identical: {same}")
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for r in range(args.rounds):
        for name in list(runs)[:: 1 if r % 2 == 0 else -1]:
            wall, cpu, _ = bh.pipelined_with_cpu(*runs[name], frames, 1)
            results[name].append((wall / len(frames), cpu / len(frames)))
    echo_wall = statistics.median(w for w, _ in results["echo"])
    echo_cpu = statistics.median(c for _, c in results["echo"])
    which = "big list" if big is not None else "embedded list"
    print(f"{which}: {args.rounds} rounds x {len(frames)} check_url, load average {os.getloadavg()[0]:.1f}")
    for name, xs in results.items():
        wall = statistics.median(w for w, _ in xs)
        cpu = statistics.median(c for _, c in xs)
        spread = " ".join(f"{c * 1e6:.1f}" for _, c in xs)
        print(
            f"  {name:10s} wall {wall * 1e6:6.1f} us {wall / echo_wall:5.2f}x | CPU {cpu * 1e6:6.1f} us"
            f" {cpu / echo_cpu:5.2f}x (rounds: {spread})"
        )
    return 0


def _with_pythonpath(env: bh.Env, host_dir: Path) -> bh.Env:
    class WithPath(bh.Env):
        @property
        def vars(self) -> dict[str, str]:
            v = super().vars
            v["PYTHONPATH"] = str(host_dir)
            return v

    return WithPath(env.home)


if __name__ == "__main__":
    sys.exit(main())
