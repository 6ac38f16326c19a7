#!/usr/bin/env python3
"""Throughput of the batch CLI: `kefuguard check-text --json -` over a file of chat messages.

    .venv/bin/python benchmarks/bench_batch_cli.py [--messages 20000] [--rounds 3]

Messages are 200 characters, built by bench_chat.py from hand-written Chinese and English chat
lines (no evaluation data), one JSON line each. Each round times the whole process (start, list
load, every answer written to a file) twice, interleaved: as it runs, on every core it may use,
and pinned to one core with `taskset` (the baseline: one process, what the command did before
it spread bulk input over cores). Both outputs must be byte-identical. Figures are medians.

Target (the chat issue): >= 5,000 messages a second at 200 characters. Missing it prints FAIL and
still exits 0; a measurement that cannot be taken exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "host"))

TARGET = 5000.0


def _run(command: list[str], data: Path, out: Path, env: dict[str, str]) -> float:
    with data.open("rb") as stdin, out.open("wb") as stdout:
        start = time.perf_counter()
        proc = subprocess.run(command, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env=env, timeout=900)
        elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"exit {proc.returncode}: {proc.stderr.decode(errors='replace')[-400:]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    import bench_chat

    work = Path(tempfile.mkdtemp(prefix="kefuguard-bench-batch-"))
    data = work / "messages.jsonl"
    with data.open("w", encoding="utf-8") as f:
        for text in bench_chat.make_messages(args.messages):
            f.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    env = {**os.environ, "KEFUGUARD_HOME": str(work / "home"), "PYTHONPATH": str(REPO / "host")}
    env["KEFUGUARD_MANAGED_CONFIG"] = str(work / "no-managed.toml")
    command = [sys.executable, "-m", "kefuguard", "check-text", "--json", "-"]
    pinned = ["taskset", "-c", str(min(os.sched_getaffinity(0)))] if shutil.which("taskset") else None
    _run(command, data, work / "warm.jsonl", env)  # first start compiles the list's index: untimed
    cores, one = [], []
    for _ in range(args.rounds):
        cores.append(_run(command, data, work / "cores.jsonl", env))
        if pinned:
            one.append(_run(pinned + command, data, work / "one.jsonl", env))
    if pinned and (work / "cores.jsonl").read_bytes() != (work / "one.jsonl").read_bytes():
        print("the answers on every core differ from one process's")
        return 1
    rate = args.messages / statistics.median(cores)
    print(f"messages: {args.messages:,} of 200 characters; cores usable: {len(os.sched_getaffinity(0))}")
    print(f"check-text --json -, every core : {statistics.median(cores):6.2f} s  {rate:8,.0f} messages/s")
    if pinned:
        base = args.messages / statistics.median(one)
        print(f"check-text --json -, one core   : {statistics.median(one):6.2f} s  {base:8,.0f} messages/s")
        print(f"ratio every core / one core     : {rate / base:.2f}x (answers byte-identical)")
    verdict = "PASS" if rate >= TARGET else "FAIL"
    print(f"{verdict}  batch CLI {rate:,.0f} messages/s (target >= {TARGET:,.0f})")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
