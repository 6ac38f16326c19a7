"""A native host that reports what held it when its replies stopped (a benchmark tool, Linux/macOS).

    python benchmarks/watch_pauses.py chrome-extension://bench/     # in place of `-m kefuguard host`

`bench_update.py --watch` starts its hosts this way (`--keep` keeps their logs). After the first
4 s of replies (the start's warm-up is not watched), each reply written arms faulthandler's
watchdog: when no reply follows within WATCH_MS, every thread's stack is written to stderr (the
host's log), then a line `=== GAP <ms> ending at <monotonic time>` when replies resume; cycle
collections over 5 ms are logged too. A thread's long C call (a big json.loads, counting frozen
objects, an import) shows as that thread's innermost frame; the loop waiting for the interpreter
shows in select(), read() or write().
"""

from __future__ import annotations

import faulthandler
import gc
import os
import sys
import time

WATCH_MS = float(os.environ.get("KEFUGUARD_WATCH_MS", "25"))
AFTER_START = 4.0  # seconds of replies before watching


def watch() -> None:
    from kefuguard.protocol import host

    write_all = host.Host._write_all
    state = {"last": 0.0, "armed": 0.0, "first": 0.0}

    def watched(self: host.Host, replies: list[bytes]) -> None:
        write_all(self, replies)
        if not replies:
            return
        now = time.monotonic()
        if state["last"] and now - state["last"] > WATCH_MS / 1000:
            sys.stderr.write(f"=== GAP {1000 * (now - state['last']):.1f} ms ending at {now:.4f}\n")
        state["last"] = now
        state["first"] = state["first"] or now
        if now - state["first"] > AFTER_START and now - state["armed"] > 0.005:  # not once per reply
            state["armed"] = now
            faulthandler.dump_traceback_later(WATCH_MS / 1000, repeat=False, file=sys.stderr)

    host.Host._write_all = watched  # type: ignore[method-assign]
    started: list[float] = []

    def collections(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[:] = [time.monotonic()]
        elif started and time.monotonic() - started[0] > 0.005:
            took = 1000 * (time.monotonic() - started[0])
            sys.stderr.write(f"=== GC gen {info['generation']} {took:.1f} ms at {time.monotonic():.4f}\n")

    gc.callbacks.append(collections)


if __name__ == "__main__":
    watch()
    from kefuguard.protocol.launch import run_host

    sys.exit(run_host(sys.argv[1:]))
