"""Load test of `kefuguard serve` on loopback against a bare aiohttp handler started the same way.

    .venv/bin/python benchmarks/bench_serve.py [--quick] [--seconds S] [--workers N] [--soak SECONDS]

Two server processes: `python -m kefuguard serve --port 0` (embedded list, no token) and this file
with --bare: an aiohttp app with the same routes and runner settings whose handlers read the body
and return one fixed JSON object (the HTTP floor: aiohttp, the loop, the sockets). For each
endpoint (POST /v1/check/url, POST /v1/check/text) and each concurrency (1, 32, 128), an aiohttp
client in this process runs N tasks on N keep-alive connections for S seconds (after a one-second
warm-up), kefuguard and bare interleaved, and reports requests/s and the p50/p99 latency of each
request. Any non-200 reply or failed request is an error: the run then prints ERROR and exits 1.

Targets, at concurrency 32: kefuguard's throughput >= 0.5x the bare handler's, its p99 <= 2x.
The client shares the machine with the servers (one client process, one core at most): at high
concurrency it is often the bottleneck of the bare run, which makes the ratios look better than a
faster client would. --soak SECONDS then runs a mixed load at concurrency 32 against kefuguard
alone and samples its resident memory (VmRSS) every few seconds. --workers N starts kefuguard with
`--workers N` on a free fixed port (the bare handler stays one process; no memory rows then).

This is a benchmark, not a test: nothing here is run by pytest.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench_urls import Row, table  # benchmarks/ is sys.path[0] when this file is run as a script

HERE = Path(__file__).resolve().parent
SERVE_CMD = [sys.executable, "-m", "kefuguard", "serve", "--host", "127.0.0.1", "--port", "0"]
BARE_CMD = [sys.executable, str(Path(__file__).resolve()), "--bare"]
LISTENING = re.compile(r"listening on http://127\.0\.0\.1:(\d+)/")
CONCURRENCY = (1, 32, 128)
BARE_REPLY = json.dumps(
    {"result": {"level": "none", "reasons": [], "advice": [], "advice_zh": [], "brand": None, "list_version": 1}}
).encode()


# --------------------------------------------------------------------------------------------
# the bare handler (a child process of this script)


def run_bare() -> int:
    from aiohttp import web

    from kefuguard.serve.app import Limits

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
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=512)
        await site.start()
        port = runner.addresses[0][1]
        print(f"bare: listening on http://127.0.0.1:{port}/", file=sys.stderr, flush=True)
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

    def rss_kib(self) -> int:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

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
    counter = 0
    loop = asyncio.get_running_loop()
    start = loop.time()
    measure_from, end = start + warm, start + warm + seconds
    headers = {"Content-Type": "application/json"}
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:

        async def worker(offset: int) -> None:
            nonlocal counter
            i = offset
            while True:
                t0 = loop.time()
                if t0 >= end:
                    return
                body = bodies[i % len(bodies)]
                i += concurrency
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
    return Load(counter, seconds, latencies, errors)


def run_load(server: ServerProcess, path: str, bodies: list[bytes], concurrency: int, seconds: float) -> Load:
    result = asyncio.run(load(server.base, path, bodies, concurrency, seconds, warm=1.0))
    if result.errors:
        raise BenchError(f"{server.name} {path} c={concurrency}: {len(result.errors)} errors, first {result.errors[0]}")
    return result


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


def soak(server: ServerProcess, bodies: dict[str, list[bytes]], seconds: float) -> list[str]:
    """Mixed load (3 URL requests to 1 text request) at concurrency 32 for `seconds`; VmRSS samples."""
    samples: list[tuple[float, int]] = [(0.0, server.rss_kib())]
    started = time.monotonic()

    async def run() -> list[str]:
        errors: list[str] = []

        async def sampler() -> None:
            while time.monotonic() - started < seconds:
                await asyncio.sleep(min(10.0, max(1.0, seconds / 30)))
                samples.append((time.monotonic() - started, server.rss_kib()))

        async def part(path: str, share: int) -> None:
            result = await load(server.base, path, bodies[path], share, seconds, warm=0.0)
            errors.extend(result.errors)

        await asyncio.gather(sampler(), part("/v1/check/url", 24), part("/v1/check/text", 8))
        return errors

    errors = asyncio.run(run())
    if errors:
        raise BenchError(f"soak: {len(errors)} errors, first {errors[0]}")
    first, last, peak = samples[1][1] if len(samples) > 1 else samples[0][1], samples[-1][1], max(s for _, s in samples)
    return [
        f"soak {seconds:g} s, concurrency 32 (24 url + 8 text), VmRSS in MiB at "
        + ", ".join(f"{t:.0f}s {kib / 1024:.1f}" for t, kib in samples),
        f"soak: first sample {first / 1024:.1f} MiB, last {last / 1024:.1f} MiB ({last / first:.2f}x), "
        f"peak {peak / 1024:.1f} MiB",
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)  # the baseline server itself
    ap.add_argument("--quick", action="store_true", help="2 s per measurement instead of 5")
    ap.add_argument("--seconds", type=float, help="measured seconds per endpoint, concurrency and server")
    ap.add_argument("--soak", type=float, default=0.0, metavar="SECONDS", help="then a memory soak (e.g. 300)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary KEFUGUARD_HOME and server logs")
    ap.add_argument("--workers", type=int, default=1, help="kefuguard serve --workers N (default 1; bare stays 1)")
    args = ap.parse_args()
    if args.bare:
        return run_bare()
    seconds = args.seconds or (2.0 if args.quick else 5.0)
    try:
        from bench_host import machine

        import kefuguard
    except ImportError:
        print(f"kefuguard is not importable by {sys.executable}; use the project's venv", file=sys.stderr)
        return 1
    workers = f", kefuguard serve --workers {args.workers}" if args.workers > 1 else ""
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
    code = 0
    try:
        cmd = SERVE_CMD
        if args.workers > 1:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                cmd = [*SERVE_CMD[:-1], str(s.getsockname()[1]), "--workers", str(args.workers)]
        serve = ServerProcess("kefuguard", cmd, env, root / "serve.log", args.workers)
        bare = ServerProcess("bare", BARE_CMD, env, root / "bare.log")
        servers += [serve, bare]
        for path in bodies:
            for c in CONCURRENCY:
                print(f"... {path} concurrency {c}", file=sys.stderr, flush=True)
                if c % 2:  # interleaved: which goes first alternates
                    k, b = (
                        run_load(serve, path, bodies[path], c, seconds),
                        run_load(bare, path, bodies[path], c, seconds),
                    )
                else:
                    b, k = (
                        run_load(bare, path, bodies[path], c, seconds),
                        run_load(serve, path, bodies[path], c, seconds),
                    )
                gate = c == 32
                rows.append(
                    Row(
                        f"{path} c={c} requests/s",
                        f"{k.rate:,.0f}",
                        f"{b.rate:,.0f}",
                        k.rate / b.rate,
                        ">= 0.5" if gate else "",
                    )
                )
                rows.append(
                    Row(
                        f"{path} c={c} p50", ms(k.quantile(0.5)), ms(b.quantile(0.5)), k.quantile(0.5) / b.quantile(0.5)
                    )
                )
                rows.append(
                    Row(
                        f"{path} c={c} p99",
                        ms(k.quantile(0.99)),
                        ms(b.quantile(0.99)),
                        k.quantile(0.99) / b.quantile(0.99),
                        "<= 2" if gate else "",
                    )
                )
                details.append(
                    f"{path} c={c}: kefuguard {k.requests:,} requests, mean {ms(statistics.fmean(k.latencies))};"
                    f" bare {b.requests:,}, mean {ms(statistics.fmean(b.latencies))}"
                )
        if args.workers == 1:
            rows.append(Row("kefuguard resident memory after the load (VmRSS)", f"{serve.rss_kib() / 1024:.1f} MiB"))
        if args.soak > 0 and args.workers == 1:
            print(f"... memory soak, {args.soak:g} s", file=sys.stderr, flush=True)
            details += soak(serve, bodies, args.soak)
    except BenchError as e:
        rows.append(Row("run", "-", error=str(e)))
        code = 1
    finally:
        for server in servers:
            server.stop()
    print(table(rows, value="kefuguard", baseline="bare aiohttp"))
    print()
    print("bare aiohttp: this file --bare, same routes and runner settings, reads the body, returns a fixed JSON.")
    print("Latency: from sending a request to reading its whole reply, client side; ratio = kefuguard / bare.")
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
