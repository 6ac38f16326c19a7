"""Load test of `kefuguard serve` on loopback against a bare aiohttp handler started the same way.

    .venv/bin/python benchmarks/bench_serve.py [--quick] [--seconds S] [--workers N] [--soak SECONDS]

Two servers: `python -m kefuguard serve` (embedded list, no token) and this file with --bare: an
aiohttp app with the same routes and runner settings whose handlers read the body and return one
fixed JSON object (the HTTP floor: aiohttp, the loop, the sockets), each with the same number of
processes (--workers N: N each, sharing a port with SO_REUSEPORT). For each endpoint
(POST /v1/check/url, POST /v1/check/text) and each concurrency (1, 32, 128), an aiohttp client in
this process runs N tasks on N keep-alive connections for S seconds per server, in five slices
alternating kefuguard and bare (a 1-s warm-up before the first, 0.3 s before the others), and reports
requests/s, the p50/p99 latency of each request and each server's CPU time per request. Every load
target of the service gets PASS or FAIL:

- at concurrency 32, for each endpoint: throughput >= 0.5x the bare handler's, p99 <= 2x;
- errors: 0 failed requests or non-200 replies in all the loads above;
- memory: a mixed load (24 URL + 8 text connections) against kefuguard for --soak seconds (300 by
  default, 30 with --quick; 0 skips it), sampling its resident memory (VmRSS, all its processes):
  the last sample <= 1.05x the first (taken once the load has run 10 % of the time);
- a list swap under load loses no request (serve_swap.py): a separate kefuguard whose installed
  list is replaced by a newer signed one during a mixed load at concurrency 32: 0 requests lost,
  none answered from the old list after the new one, every connection on the new list.

The client shares the machine with the servers (one client process, one core at most): at high
concurrency it is often the bottleneck of the bare run, which makes the ratios look better than a
faster client would. Each text request carries one of 500 messages; the service keeps no result
cache, so a message seen before costs what a new one does.

This is a benchmark, not a test: nothing here is run by pytest.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench_urls import Row, table  # benchmarks/ is sys.path[0] when this file is run as a script
from serve_swap import make_swap_home, run_swap, signed_pair

HERE = Path(__file__).resolve().parent
SERVE_CMD = [sys.executable, "-m", "kefuguard", "serve", "--host", "127.0.0.1", "--port", "0"]
BARE_CMD = [sys.executable, str(Path(__file__).resolve()), "--bare"]
LISTENING = re.compile(r"listening on http://127\.0\.0\.1:(\d+)/")
CONCURRENCY = (1, 32, 128)
GATED = 32  # the concurrency the service's load targets are for
SLICES = 5  # a measurement alternates kefuguard and bare this many times
WARM_SLICE = 0.3  # seconds of warm-up (new connections) before each slice after the first
SOAK_FLAT = 1.05  # the soak's last VmRSS sample over its first
BARE_REPLY = json.dumps(
    {"result": {"level": "none", "reasons": [], "advice": [], "advice_zh": [], "brand": None, "list_version": 1}}
).encode()


# --------------------------------------------------------------------------------------------
# the bare handler (a child process of this script)


def run_bare(port: int, workers: int) -> int:
    """One process, or `workers` forked ones sharing `port` (as `kefuguard serve --workers`)."""
    from aiohttp import web

    from kefuguard.serve.app import Limits

    if workers > 1:
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        procs = [ctx.Process(target=run_bare, args=(port, 1)) for _ in range(workers)]
        for proc in procs:
            proc.start()
        signal.signal(signal.SIGTERM, lambda *_: [os.kill(q.pid, signal.SIGTERM) for q in procs if q.pid])
        for proc in procs:
            proc.join()
        return 0
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    async def handler(request: web.Request) -> web.Response:
        await request.read()
        return web.Response(body=BARE_REPLY, headers={"Content-Type": "application/json; charset=utf-8"})

    async def main() -> None:
        app = web.Application(client_max_size=Limits().max_body)
        app.router.add_post("/v1/check/url", handler)
        app.router.add_post("/v1/check/text", handler)
        limits = Limits()
        runner = web.AppRunner(
            app, access_log=None, keepalive_timeout=limits.keepalive_timeout, lingering_time=limits.lingering_time
        )
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", port, backlog=512, reuse_port=port != 0 or None)
        await site.start()
        print(f"bare: listening on http://127.0.0.1:{runner.addresses[0][1]}/", file=sys.stderr, flush=True)
        await asyncio.Event().wait()

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
    return 0


# --------------------------------------------------------------------------------------------
# servers and the load


class BenchError(Exception):
    pass


class ServerProcess:
    def __init__(self, name: str, cmd: list[str], env: dict[str, str], log: Path, processes: int = 1) -> None:
        self.name, self.log = name, log
        self._log = open(log, "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log, env=env)
        deadline = time.monotonic() + 120
        while True:
            ports = LISTENING.findall(log.read_text("utf-8", "replace"))
            if len(ports) >= processes:  # every worker listens
                self.port = int(ports[0])
                break
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise BenchError(f"{name} did not start: {log.read_text('utf-8', 'replace')[-2000:]}")
            time.sleep(0.05)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def pids(self) -> list[int]:
        """The process and all its descendants (the workers of --workers N, their text check processes)."""
        found, i = [self.proc.pid], 0
        while i < len(found):
            pid = found[i]
            try:
                found += map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split())
            except OSError:
                pass
            i += 1
        return found

    def rss_kib(self) -> int:
        total = 0
        for pid in self.pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            total += next((int(x.split()[1]) for x in status.splitlines() if x.startswith("VmRSS:")), 0)
        return total

    def cpu_seconds(self) -> float:
        """User + system CPU time of the process and its workers so far."""
        total = 0
        for pid in self.pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log.close()


@dataclass
class Load:
    requests: int
    seconds: float
    latencies: list[float]
    errors: list[str]
    server_cpu: float = 0.0  # seconds of the server's CPU time over the whole load (warm-up included)
    sent: int = 0  # requests sent, warm-up included

    @property
    def cpu_per_request(self) -> float:
        return self.server_cpu / self.sent if self.sent else float("nan")

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def quantile(self, q: float) -> float:
        xs = sorted(self.latencies)
        return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")


async def load(base: str, path: str, bodies: list[bytes], concurrency: int, seconds: float, warm: float) -> Load:
    """N tasks, each on its own keep-alive connection, each sending the next body as soon as the
    previous reply is read; only requests started after the warm-up and before the end count."""
    import aiohttp

    connector = aiohttp.TCPConnector(limit=concurrency, force_close=False)
    timeout = aiohttp.ClientTimeout(total=30)
    latencies: list[float] = []
    errors: list[str] = []
    counter = sent = 0
    loop = asyncio.get_running_loop()
    start = loop.time()
    measure_from, end = start + warm, start + warm + seconds
    headers = {"Content-Type": "application/json"}
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:

        async def worker(offset: int) -> None:
            nonlocal counter, sent
            i = offset
            while True:
                t0 = loop.time()
                if t0 >= end:
                    return
                body = bodies[i % len(bodies)]
                i += concurrency
                sent += 1
                try:
                    async with session.post(base + path, data=body, headers=headers) as response:
                        await response.read()
                        status = response.status
                except Exception as e:  # noqa: BLE001 - counted, the run fails
                    errors.append(f"{type(e).__name__}: {e}")
                    continue
                t1 = loop.time()
                if status != 200:
                    errors.append(f"HTTP {status}")
                if t0 >= measure_from:
                    latencies.append(t1 - t0)
                    counter += 1

        await asyncio.gather(*(worker(k) for k in range(concurrency)))
    return Load(counter, seconds, latencies, errors, sent=sent)


def run_load(
    server: ServerProcess, path: str, bodies: list[bytes], concurrency: int, seconds: float, warm: float = 1.0
) -> Load:
    """One slice of a measurement; its errors are counted in the errors row (and the first printed)."""
    before = server.cpu_seconds()
    result = asyncio.run(load(server.base, path, bodies, concurrency, seconds, warm=warm))
    result.server_cpu = server.cpu_seconds() - before
    if result.errors:
        print(f"{server.name} {path} c={concurrency}: {len(result.errors)} errors, first {result.errors[0]}")
    return result


def measure_pair(
    serve: ServerProcess, bare: ServerProcess, path: str, bodies: list[bytes], concurrency: int, seconds: float
) -> tuple[Load, Load]:
    """kefuguard and bare for `seconds` each, in SLICES alternating slices (which goes first alternates
    too), so that a burst of the machine's other work hits both alike; a slice's warm-up is 1 s for
    the first, then WARM_SLICE (new connections each time)."""
    parts: dict[str, list[Load]] = {"serve": [], "bare": []}
    for i in range(SLICES):
        order = [("serve", serve), ("bare", bare)] if (i + concurrency) % 2 else [("bare", bare), ("serve", serve)]
        for name, server in order:
            warm = 1.0 if i == 0 else WARM_SLICE
            parts[name].append(run_load(server, path, bodies, concurrency, seconds / SLICES, warm))

    def merged(loads: list[Load]) -> Load:
        return Load(
            sum(x.requests for x in loads),
            sum(x.seconds for x in loads),
            [t for x in loads for t in x.latencies],
            [e for x in loads for e in x.errors],
            sum(x.server_cpu for x in loads),
            sum(x.sent for x in loads),
        )

    return merged(parts["serve"]), merged(parts["bare"])


# --------------------------------------------------------------------------------------------
# request bodies


def url_bodies(n: int = 2000) -> list[bytes]:
    from bench_host import embedded_signed, official_domains, url_mix

    signed = embedded_signed()
    urls = url_mix(n, official_domains(signed), signed["scam"]["domains"] or ["evil-refund.top"])
    return [json.dumps({"url": u}).encode() for u in urls]


def text_bodies(n: int = 500) -> list[bytes]:
    from bench_chat import make_messages

    return [
        json.dumps({"text": t, "direction": "incoming" if i % 4 else "outgoing"}, ensure_ascii=False).encode()
        for i, t in enumerate(make_messages(n, length=120))
    ]


# --------------------------------------------------------------------------------------------
# the table


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def soak(server: ServerProcess, bodies: dict[str, list[bytes]], seconds: float) -> tuple[Row, Row, list[str]]:
    """Mixed load (3 URL requests to 1 text request) at concurrency 32 for `seconds`, sampling VmRSS;
    the memory row compares the last sample with the first taken after 10 % of the time."""
    every = min(10.0, max(1.0, seconds / 30))
    samples: list[tuple[float, int]] = [(0.0, server.rss_kib())]
    started = time.monotonic()
    loads: list[Load] = []

    async def run() -> None:
        async def sampler() -> None:
            while time.monotonic() - started < seconds:
                await asyncio.sleep(every)
                samples.append((time.monotonic() - started, server.rss_kib()))

        async def part(path: str, share: int) -> None:
            loads.append(await load(server.base, path, bodies[path], share, seconds, warm=0.0))

        await asyncio.gather(sampler(), part("/v1/check/url", 24), part("/v1/check/text", 8))

    asyncio.run(run())
    errors = [e for result in loads for e in result.errors]
    requests = sum(result.requests for result in loads)
    settled = next(((t, kib) for t, kib in samples if t >= seconds / 10), samples[-1])
    last, peak = samples[-1][1], max(kib for _, kib in samples)
    memory = Row(
        f"soak {seconds:g} s at c=32: VmRSS last / first after {settled[0]:.0f} s",
        f"{last / 1024:.1f} MiB",
        f"{settled[1] / 1024:.1f} MiB",
        last / settled[1],
        f"<= {SOAK_FLAT}",
    )
    n = len(errors)
    errors_row = Row(f"soak {seconds:g} s: failed requests or non-200 replies", f"{n}", "", n, "<= 0")
    details = [
        f"soak: {requests:,} requests, VmRSS in MiB at "
        + ", ".join(f"{t:.0f}s {kib / 1024:.1f}" for t, kib in samples)
        + f"; peak {peak / 1024:.1f} MiB"
    ]
    if errors:
        details.append(f"soak: first error {errors[0]}")
    return memory, errors_row, details


def swap_rows(env: dict[str, str], root: Path, bodies: dict[str, list[bytes]], workers: int) -> tuple[list[Row], str]:
    from bench_host import embedded_signed

    first, second, public_hex, old = signed_pair(embedded_signed())
    home = root / "swap-home"
    installed = make_swap_home(home, first, public_hex)
    swap_env = {**env, "KEFUGUARD_HOME": str(home)}
    server = ServerProcess("kefuguard (swap)", serve_command(workers), swap_env, root / "swap.log", workers)
    try:
        swap = run_swap(server.base, bodies, installed, second, old)
    finally:
        server.stop()
    lost = len(swap.lost) + swap.went_back + (0 if swap.all_switched else 1)
    first_new = f"{swap.switched_after:.2f} s" if swap.switched_after is not None else "never"
    detail = (
        f"list swap: {swap.requests:,} requests at c=32 (16 url + 16 text), version {swap.old_version} -> "
        f"{swap.new_version}; first new-list reply {first_new}"
        f" after the install; every connection switched: {swap.all_switched}; lost {len(swap.lost)}"
        f", old list after new {swap.went_back}; longest reply {ms(swap.longest_before)} before the install,"
        f" {ms(swap.longest_during)} during the switch"
        + (f"; first lost: {swap.lost[0]}" if swap.lost else "")
    )
    rows = [
        Row("a list swap under load: requests lost (or old list after new)", f"{lost}", "", lost, "<= 0"),
        Row(
            "a list swap under load: longest reply during / before",
            ms(swap.longest_during),
            ms(swap.longest_before),
            swap.longest_during / swap.longest_before if swap.longest_before else None,
        ),
    ]
    return rows, detail


def serve_command(workers: int) -> list[str]:
    if workers == 1:
        return SERVE_CMD
    return [*SERVE_CMD[:-1], str(free_port()), "--workers", str(workers)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def load_rows(path: str, c: int, k: Load, b: Load) -> list[Row]:
    gate = c == GATED
    rows = [
        Row(f"{path} c={c} requests/s", f"{k.rate:,.0f}", f"{b.rate:,.0f}", k.rate / b.rate, ">= 0.5" if gate else ""),
        Row(f"{path} c={c} p50", ms(k.quantile(0.5)), ms(b.quantile(0.5)), k.quantile(0.5) / b.quantile(0.5)),
        Row(
            f"{path} c={c} p99",
            ms(k.quantile(0.99)),
            ms(b.quantile(0.99)),
            k.quantile(0.99) / b.quantile(0.99),
            "<= 2" if gate else "",
        ),
    ]
    if gate:
        rows.append(
            Row(
                f"{path} c={c} server CPU per request",
                f"{k.cpu_per_request * 1e6:.0f} us",
                f"{b.cpu_per_request * 1e6:.0f} us",
                k.cpu_per_request / b.cpu_per_request,
            )
        )
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)  # the baseline server itself
    ap.add_argument("--bare-port", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--quick", action="store_true", help="2 s per measurement instead of 5, a 30-s soak")
    ap.add_argument("--seconds", type=float, help="measured seconds per endpoint, concurrency and server")
    ap.add_argument("--soak", type=float, metavar="SECONDS", help="memory soak length (300; --quick 30; 0 skips)")
    ap.add_argument("--no-swap", action="store_true", help="skip the list swap row")
    ap.add_argument("--keep", action="store_true", help="keep the temporary KEFUGUARD_HOME and server logs")
    ap.add_argument("--workers", type=int, default=1, help="processes of kefuguard serve and of the bare handler")
    args = ap.parse_args()
    if args.bare:
        return run_bare(args.bare_port, args.workers)
    seconds = args.seconds or (2.0 if args.quick else 5.0)
    soak_seconds = args.soak if args.soak is not None else (30.0 if args.quick else 300.0)
    try:
        from bench_host import machine

        import kefuguard
    except ImportError:
        print(f"kefuguard is not importable by {sys.executable}; use the project's venv", file=sys.stderr)
        return 1
    workers = f", {args.workers} processes each" if args.workers > 1 else ""
    print(f"kefuguard {kefuguard.__version__} serve benchmark ({seconds:g} s per measurement, 1 s warm-up{workers})")
    for line in machine():
        print("  " + line)
    print(flush=True)

    root = Path(tempfile.mkdtemp(prefix="kefuguard-bench-serve-"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["KEFUGUARD_HOME"] = str(root / "home")
    env["KEFUGUARD_MANAGED_CONFIG"] = str(root / "no-managed.toml")
    (root / "home").mkdir()
    bodies = {"/v1/check/url": url_bodies(), "/v1/check/text": text_bodies()}
    rows: list[Row] = []
    details: list[str] = []
    servers: list[ServerProcess] = []
    errors = 0
    code = 0
    try:
        serve = ServerProcess("kefuguard", serve_command(args.workers), env, root / "serve.log", args.workers)
        servers.append(serve)
        bare_cmd = BARE_CMD if args.workers == 1 else [*BARE_CMD, "--bare-port", str(free_port())]
        bare = ServerProcess("bare", [*bare_cmd, "--workers", str(args.workers)], env, root / "bare.log", args.workers)
        servers.append(bare)
        for path in bodies:
            for c in CONCURRENCY:
                print(f"... {path} concurrency {c}", file=sys.stderr, flush=True)
                k, b = measure_pair(serve, bare, path, bodies[path], c, seconds)
                errors += len(k.errors) + len(b.errors)
                rows += load_rows(path, c, k, b)
                details.append(
                    f"{path} c={c}: kefuguard {k.requests:,} requests, mean {ms(statistics.fmean(k.latencies))};"
                    f" bare {b.requests:,}, mean {ms(statistics.fmean(b.latencies))}"
                )
        rows.append(Row("failed requests or non-200 replies in the loads above", f"{errors}", "", errors, "<= 0"))
        rows.append(Row("kefuguard resident memory after the load (VmRSS)", f"{serve.rss_kib() / 1024:.1f} MiB"))
        if soak_seconds > 0:
            print(f"... memory soak, {soak_seconds:g} s", file=sys.stderr, flush=True)
            memory, soak_errors, soak_details = soak(serve, bodies, soak_seconds)
            rows += [memory, soak_errors]
            details += soak_details
        for server in servers:
            server.stop()
        servers.clear()
        if not args.no_swap:
            print("... a list swap under load", file=sys.stderr, flush=True)
            swap, detail = swap_rows(env, root, bodies, args.workers)
            rows += swap
            details.append(detail)
    except BenchError as e:
        rows.append(Row("run", "-", error=str(e)))
    finally:
        for server in servers:
            server.stop()
    code = 1 if any(r.verdict == "ERROR" for r in rows) else 0
    print(table(rows, value="kefuguard", baseline="bare aiohttp"))
    print()
    print("bare aiohttp: this file --bare, same routes and runner settings, reads the body, returns a fixed JSON.")
    print("Latency: from sending a request to reading its whole reply, client side; ratio = kefuguard / bare.")
    print("Server CPU per request: user + system time of the server's processes over the load (warm-up included).")
    for line in details:
        print("  " + line)
    for r in rows:
        if r.error:
            print(f"\nERROR in {r.name}:\n{r.error}")
    if args.keep:
        print(f"\nkept {root}")
    else:
        shutil.rmtree(root, ignore_errors=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
