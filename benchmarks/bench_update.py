"""Benchmarks for list updates against a local aiohttp mirror (127.0.0.1).

    .venv/bin/python benchmarks/bench_update.py [--quick]

Measurements (every value measured in this one run; medians over repetitions):
  1. no-change update: requests and body bytes (target: one request, zero body bytes) and time,
     in-process and as a `kefuguard update` process
  2. full update of the big list (default 10,000 brands + 1,000,000 scam domains): download +
     verify + compile + install, end to end and stage by stage, bytes, peak RSS of the process
  3. a running host picking up an update: checks are paced every 2 ms from a thread while the
     update happens (a) by another process (`kefuguard update`, as cron runs it) and (b) through
     the host's own `update` message (a child process); the longest pause between two replies
     is compared with the longest pause in the same host before the update

`--watch` starts the hosts through watch_pauses.py: a pause of 25 ms or more writes every thread's
stack to the host's log (`--keep` keeps it), naming what held the interpreter.

A missed target prints FAIL and still exits 0; a measurement that could not be taken prints ERROR
and exits 1. This is a benchmark, not a test: pytest never runs it.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import json
import os
import random
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_host import CACHE_DIR, big_source, machine  # noqa: E402

HEADER = struct.Struct("=I")
GENERATOR_VERSION = 1
V1, V2 = 999_902_010_000, 999_902_010_001
PUBLISHER = "kefuguard-bench (synthetic)"
CHECK_EVERY = 0.002  # seconds between paced check_url frames
HOST_COMMAND = ["-m", "kefuguard", "host"]  # --watch: [str(HERE / "watch_pauses.py")]


# --------------------------------------------------------------------------------------------
# the mirror


class Mirror:
    """An aiohttp server on 127.0.0.1 with ETag / Last-Modified, counting what it sends."""

    def __init__(self) -> None:
        self._body, self._etag, self._modified = b"", "", 0.0
        self.requests = 0
        self.body_bytes = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()
        if not self._ready.wait(10):
            raise RuntimeError("mirror did not start")

    def serve(self, body: bytes) -> None:
        self._body, self._etag = body, '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
        self._modified = time.time() - 1

    def reset_counts(self) -> None:
        self.requests = self.body_bytes = 0

    async def _handle(self, request: Any) -> Any:
        from aiohttp import web

        self.requests += 1
        headers = {"ETag": self._etag, "Last-Modified": formatdate(self._modified, usegmt=True)}
        if request.headers.get("If-None-Match") == self._etag:
            return web.Response(status=304, headers=headers)
        self.body_bytes += len(self._body)
        return web.Response(body=self._body, headers=headers, content_type="application/json")

    def _run(self) -> None:
        from aiohttp import web

        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_get("/list.json", self._handle)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        self._loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        self._loop.run_until_complete(site.start())
        self.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/list.json"  # type: ignore[union-attr]
        self._ready.set()
        self._loop.run_forever()


# --------------------------------------------------------------------------------------------
# the lists


@dataclass
class Bundles:
    v1: bytes
    v2: bytes
    public_hex: str
    brands: int
    scam: int
    official: list[str]
    scam_sample: list[str]


def bundles(n_brands: int, n_scam: int) -> Bundles:
    """Two versions of the big list signed by one throwaway key (its private half is never
    written outside a temp folder); cached under /tmp with the public key."""
    stem = CACHE_DIR / f"update-g{GENERATOR_VERSION}-b{n_brands}-s{n_scam}"
    paths = [stem.with_suffix(".v1.json"), stem.with_suffix(".v2.json"), stem.with_suffix(".pub")]
    try:
        v1, v2 = paths[0].read_bytes(), paths[1].read_bytes()
        pub = paths[2].read_text().strip()
        expires = json.loads(v1)["signed"]["expires"]
        if dt.datetime.fromisoformat(expires.replace("Z", "+00:00")) - dt.datetime.now(dt.UTC) < dt.timedelta(days=7):
            raise ValueError("close to expiry")
    except (OSError, ValueError, KeyError):
        from kefuguard.lists.publish import bundle_bytes, generate_key, load_private_key, sign_signed
        from kefuguard.lists.source import build_signed

        print(f"... generating {n_brands:,} brands / {n_scam:,} scam domains (cached afterwards)", file=sys.stderr)
        source = big_source(n_brands, n_scam)
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        signed1 = build_signed(source, version=V1, issued=now, expires_days=365, publisher=PUBLISHER)
        signed2 = dict(signed1, version=V2)
        signed2["scam"] = dict(signed1["scam"], domains=[*signed1["scam"]["domains"][1:], "bench-new-entry.top"])
        with tempfile.TemporaryDirectory(prefix="kefuguard-bench-key-") as keydir:
            _, key_path, pub_path = generate_key(Path(keydir))
            key = load_private_key(key_path)
            pub = pub_path.read_text().strip()
            v1 = bundle_bytes(sign_signed(signed1, [key]))
            v2 = bundle_bytes(sign_signed(signed2, [key]))
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for path, data in zip(paths, (v1, v2, pub.encode() + b"\n"), strict=True):
            tmp = path.with_suffix(f".tmp{os.getpid()}")
            tmp.write_bytes(data)
            os.replace(tmp, path)
    signed = json.loads(v1)["signed"]
    official = [d for b in signed["brands"][:2000] for d in b["domains"]]
    scam = signed["scam"]["domains"][:: max(1, len(signed["scam"]["domains"]) // 500)]
    return Bundles(v1, v2, pub, len(signed["brands"]), len(signed["scam"]["domains"]), official, scam)


# --------------------------------------------------------------------------------------------
# homes and processes


def child_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPROFILEIMPORTTIME", "PYTHONSTARTUP")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE_DIR / "pycache")  # as for an installed package
    env["KEFUGUARD_HOME"] = str(home)
    env["KEFUGUARD_MANAGED_CONFIG"] = str(home / "no-managed-config.toml")
    return env


def make_home(root: Path, name: str, pub: str, mirror: str) -> Path:
    home = root / name
    home.mkdir()
    # a long interval: the host's own schedule must not start an update in the middle of a measurement
    (home / "config.toml").write_text(
        f'[trust]\nkeys = ["{pub}"]\n[update]\nurls = ["{mirror}"]\ninterval_hours = 8760\n'
    )
    return home


def engine_for(home: Path) -> Any:
    os.environ["KEFUGUARD_HOME"] = str(home)
    os.environ["KEFUGUARD_MANAGED_CONFIG"] = str(home / "no-managed-config.toml")
    from kefuguard.service.engine import Engine

    return Engine()


def update_in_process(engine: Any) -> Any:
    from kefuguard.service.updates import update_lists

    return asyncio.run(update_lists(engine))


def cli_update(home: Path) -> tuple[float, dict[str, Any], int]:
    """`kefuguard update --json` as a process: wall time, outcome, peak RSS (KiB) of that process."""
    cmd = [sys.executable, "-m", "kefuguard", "update", "--json"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=child_env(home), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    out = proc.stdout.read() if proc.stdout else b""
    outcome = json.loads(out.decode().strip().splitlines()[-1]) if out.strip() else {"status": "no output"}
    return elapsed, outcome, usage.ru_maxrss


def frame(message: Any) -> bytes:
    body = json.dumps(message, separators=(",", ":")).encode()
    return HEADER.pack(len(body)) + body


class PacedHost:
    """A host on real pipes: a writer thread sends a check_url every CHECK_EVERY seconds, a reader
    thread records when each reply arrives and which list version it names."""

    def __init__(self, home: Path, urls: list[str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, *HOST_COMMAND, "chrome-extension://bench/"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=open(home / "host-stderr.log", "wb"),  # noqa: SIM115 - closed with the process
            env=child_env(home),
        )
        self.urls = urls
        self.replies: list[tuple[float, int | None, Any]] = []  # (arrival, list_version, id)
        self.others: dict[Any, dict[str, Any]] = {}  # non-check replies by id
        self._stop = threading.Event()
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def start_checks(self) -> None:
        threading.Thread(target=self._write, daemon=True).start()

    def send(self, message: Any) -> None:
        with self._lock:
            assert self.proc.stdin is not None
            self.proc.stdin.write(frame(message))
            self.proc.stdin.flush()

    def _write(self) -> None:
        i, next_at = 0, time.perf_counter()
        while not self._stop.is_set():
            self.send({"id": i, "type": "check_url", "url": self.urls[i % len(self.urls)]})
            i += 1
            next_at += CHECK_EVERY
            time.sleep(max(0.0, next_at - time.perf_counter()))

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            head = out.read(4)
            if len(head) < 4:
                return
            body = json.loads(out.read(HEADER.unpack(head)[0]))
            now = time.perf_counter()
            rid = body.get("id")
            if isinstance(rid, int):
                result = body.get("result") or {}
                self.replies.append((now, result.get("list_version"), rid))
            else:
                self.others[rid] = body

    def wait_other(self, rid: Any, timeout: float) -> dict[str, Any]:
        deadline = time.perf_counter() + timeout
        while rid not in self.others:
            if time.perf_counter() > deadline:
                raise RuntimeError(f"no reply to {rid!r} within {timeout} s")
            time.sleep(0.01)
        return self.others.pop(rid)

    def wait_version(self, version: int, timeout: float) -> float:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for t, v, _ in reversed(self.replies[-50:]):
                if v == version:
                    return next(t for t, v2, _ in self.replies if v2 == version)
            time.sleep(0.01)
        raise RuntimeError(f"the host did not switch to version {version} within {timeout} s")

    def longest_pause(self, start: float, end: float) -> float:
        times = [t for t, _, _ in self.replies if start <= t <= end]
        return max((b - a for a, b in zip(times, times[1:], strict=False)), default=float("nan"))

    def memory_kib(self) -> dict[str, int]:
        """VmRSS (now) and VmHWM (the peak so far) of the host, from /proc (Linux; {} elsewhere)."""
        try:
            lines = Path(f"/proc/{self.proc.pid}/status").read_text().splitlines()
        except OSError:
            return {}
        return {k: int(v.split()[0]) for k, _, v in (ln.partition(":") for ln in lines) if k in ("VmRSS", "VmHWM")}

    def close(self) -> None:
        self._stop.set()
        time.sleep(0.05)
        with self._lock:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
        self.proc.wait(timeout=60)


def reload_pause(home: Path, urls: list[str], trigger: Any, new_version: int, settle: float) -> dict[str, float]:
    """Longest pause between check replies before and across an update made by `trigger(host)`."""
    host = PacedHost(home, urls)
    try:
        host.send({"id": "warm", "type": "status"})
        host.wait_other("warm", 120)
        host.start_checks()
        time.sleep(1.5)  # the host's warm-up (brands, suffix table) happens in here
        base_start = time.perf_counter()
        time.sleep(settle)
        base_end = time.perf_counter()
        steady = host.memory_kib()  # serving the old list, warmed up
        t_trigger = time.perf_counter()
        trigger(host)
        switched = host.wait_version(new_version, 300)
        time.sleep(2.0)
        end = time.perf_counter()
        after = host.memory_kib()
        last_old = max(t for t, v, _ in host.replies if t < switched)
        memory = {}
        if steady and after:
            memory = {"rss_steady": steady["VmRSS"], "peak": after["VmHWM"], "rss_after": after["VmRSS"]}
        return memory | {
            "baseline": host.longest_pause(base_start, base_end),
            "while_updating": host.longest_pause(t_trigger, last_old),
            "switch": switched - last_old,  # the reload and first check on the new list
            "after": host.longest_pause(switched, end),
            "to_new_version": switched - t_trigger,
        }
    finally:
        host.close()


# --------------------------------------------------------------------------------------------
# the run


@dataclass
class Row:
    name: str
    value: str
    target: str = "-"
    verdict: str = "info"


def ms(s: float) -> str:
    return f"{s * 1000:.1f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="smaller list (1,000 brands, 100,000 scam), fewer repetitions")
    ap.add_argument("--brands", type=int)
    ap.add_argument("--scam", type=int)
    ap.add_argument("--keep", action="store_true", help="keep the temporary homes")
    ap.add_argument(
        "--watch", action="store_true", help="hosts log every thread's stack when replies stop (watch_pauses.py)"
    )
    args = ap.parse_args()
    if args.watch:
        HOST_COMMAND[:] = [str(HERE / "watch_pauses.py")]
    q = args.quick
    n_brands = args.brands or (1000 if q else 10_000)
    n_scam = args.scam or (100_000 if q else 1_000_000)
    reps_nochange = 5 if q else 20
    reps_full = 1 if q else 3

    import kefuguard

    print(f"kefuguard {kefuguard.__version__} update benchmark{' (--quick)' if q else ''}")
    for line in machine():
        print("  " + line)
    b = bundles(n_brands, n_scam)
    print(
        f"  list       {b.brands:,} brands, {b.scam:,} scam domains, {len(b.v2) / 1e6:.1f} MB per bundle;"
        " mirror on 127.0.0.1 (aiohttp), plain HTTP on loopback"
    )
    print(flush=True)
    mirror = Mirror()
    root = Path(tempfile.mkdtemp(prefix="kefuguard-bench-update-"))
    rows: list[Row] = []
    errors = 0

    def step(msg: str) -> None:
        print(f"... {msg}", file=sys.stderr, flush=True)

    try:
        # 2. full update (first: it leaves a home with v2 installed for the no-change runs)
        from kefuguard.lists.canonical import parse_strict  # noqa: F401 - imported before timing
        from kefuguard.lists.compiled import compile_bundle
        from kefuguard.lists.fetcher import Fetcher
        from kefuguard.lists.install import install_verified, main_slot
        from kefuguard.lists.model import parse_scam
        from kefuguard.lists.trust import TrustedKeys
        from kefuguard.lists.verify import verify_bundle

        totals, stages, sent = [], [], []
        home = None
        for rep in range(reps_full):
            home = make_home(root, f"full-{rep}", b.public_hex, mirror.url)
            engine = engine_for(home)
            mirror.serve(b.v1)
            step(f"full update {rep + 1}/{reps_full}: installing version 1 (untimed)")
            assert update_in_process(engine).status == "updated"
            mirror.serve(b.v2)
            mirror.reset_counts()
            step(f"full update {rep + 1}/{reps_full}: version 1 -> 2, timed")
            t0 = time.perf_counter()
            report = update_in_process(engine)
            totals.append(time.perf_counter() - t0)
            sent.append((mirror.requests, mirror.body_bytes))
            if report.status != "updated":
                raise RuntimeError(f"full update: {report.to_dict()}")
        rows.append(
            Row(
                f"full update, {b.scam:,}-entry list, in-process (download+verify+compile+install)",
                f"{statistics.median(totals):.2f} s",
            )
        )
        rows.append(Row("  requests / body bytes", f"{sent[0][0]} / {sent[0][1]:,}"))

        step("full update stage by stage")
        stage_home = make_home(root, "stages", b.public_hex, mirror.url)
        engine = engine_for(stage_home)
        trust = TrustedKeys.of([b.public_hex])

        async def download() -> bytes:
            async with Fetcher() as f:
                return (await f.fetch(mirror.url)).body or b""

        t = time.perf_counter()
        data = asyncio.run(download())
        stages.append(("download", time.perf_counter() - t))
        t = time.perf_counter()
        verified = verify_bundle(data, trust)
        stages.append(("verify (parse, signature, schema)", time.perf_counter() - t))
        t = time.perf_counter()
        compile_bundle(verified, engine.places.index_dir)
        stages.append(("compile (hash + sort scam entries)", time.perf_counter() - t))
        t = time.perf_counter()
        install_verified(engine.places, main_slot(engine.places), data, verified, trust)
        stages.append(("install (write, fsync, rename, seen mark)", time.perf_counter() - t))
        t = time.perf_counter()
        parse_scam(verified.signed)
        saved = time.perf_counter() - t
        for name, s in stages:
            rows.append(Row(f"  {name}", f"{s:.2f} s"))
        rows.append(Row("  second scam parse no longer done by compile (saved)", f"{saved:.2f} s"))

        step("full update as a `kefuguard update` process (peak RSS)")
        cli_home = make_home(root, "cli-full", b.public_hex, mirror.url)
        mirror.serve(b.v2)
        wall, outcome, rss = cli_update(cli_home)
        if outcome.get("status") != "updated":
            raise RuntimeError(f"kefuguard update: {outcome}")
        rows.append(Row("  as a `kefuguard update` process (wall time)", f"{wall:.2f} s"))
        rows.append(Row("  peak RSS of that process", f"{rss / 1024:.0f} MiB"))

        # 1. no change
        assert home is not None
        engine = engine_for(home)
        mirror.serve(b.v2)
        times, counts = [], []
        step(f"{reps_nochange} no-change updates in-process")
        for _ in range(reps_nochange):
            mirror.reset_counts()
            t0 = time.perf_counter()
            report = update_in_process(engine)
            times.append(time.perf_counter() - t0)
            counts.append((mirror.requests, mirror.body_bytes))
            if report.status != "current":
                raise RuntimeError(f"no-change update: {report.to_dict()}")
        worst = max(counts)
        ok = all(c == (1, 0) for c in counts)
        rows.append(
            Row(
                "no-change update: requests / body bytes per update",
                f"{worst[0]} / {worst[1]}",
                "1 / 0",
                "PASS" if ok else "FAIL",
            )
        )
        rows.append(Row("no-change update, in-process", ms(statistics.median(times))))
        step("5 no-change updates as `kefuguard update` processes")
        walls = []
        for _ in range(5):
            mirror.reset_counts()
            wall, outcome, _ = cli_update(home)
            walls.append(wall)
            if outcome.get("status") != "current" or (mirror.requests, mirror.body_bytes) != (1, 0):
                raise RuntimeError(f"no-change CLI update: {outcome}, {mirror.requests} requests")
        rows.append(Row("no-change update, `kefuguard update` process (wall)", ms(statistics.median(walls))))

        # 3. a running host across an update
        rng = random.Random(3)
        urls = [f"https://www.{d}/item/{rng.randrange(10**6)}" for d in rng.sample(b.official, 200)]
        urls += [f"https://{d}/refund" for d in b.scam_sample[:100]] + [f"https://example.org/{i}" for i in range(100)]
        rng.shuffle(urls)
        for label, how in (("another process (cron)", "external"), ("the host's `update` message", "message")):
            home_r = make_home(root, f"reload-{how}", b.public_hex, mirror.url)
            mirror.serve(b.v1)
            engine = engine_for(home_r)
            assert update_in_process(engine).status == "updated"
            mirror.serve(b.v2)
            step(f"host across an update by {label}")

            def trigger(host: PacedHost, how: str = how, home_r: Path = home_r) -> None:
                if how == "external":
                    threading.Thread(target=cli_update, args=(home_r,), daemon=True).start()
                else:
                    host.send({"id": "upd", "type": "update"})

            r = reload_pause(home_r, urls, trigger, V2, settle=3.0)
            rows.append(
                Row(f"host, update by {label}", f"longest pause between check replies (paced every {ms(CHECK_EVERY)})")
            )
            rows.append(Row("  before the update (baseline)", ms(r["baseline"])))
            rows.append(Row("  while the update runs (download, verify, compile, install)", ms(r["while_updating"])))
            rows.append(Row("  at the switch (reload + first check on the new list)", ms(r["switch"])))
            rows.append(Row("  in the 2 s after the switch", ms(r["after"])))
            rows.append(Row("  trigger -> first reply naming the new version", f"{r['to_new_version']:.2f} s"))
            if "peak" in r:  # issue 16's goal: the host's peak across a switch <= 2x its steady memory
                ratio = r["peak"] / r["rss_steady"]
                rows.append(
                    Row(
                        "  host memory: peak across the switch / steady RSS before it",
                        f"{r['peak'] / 1024:.0f} / {r['rss_steady'] / 1024:.0f} MiB = {ratio:.2f}x "
                        f"(RSS 2 s after: {r['rss_after'] / 1024:.0f} MiB)",
                        "<= 2.0x",
                        "PASS" if ratio <= 2.0 else "FAIL",
                    )
                )
    except Exception as e:  # noqa: BLE001 - print what was measured, then the failure
        errors += 1
        rows.append(Row("ERROR", f"{type(e).__name__}: {e}", verdict="ERROR"))
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
        else:
            print(f"homes kept in {root}", file=sys.stderr)

    width = max(len(r.name) for r in rows)
    vwidth = max(len(r.value) for r in rows)
    print(f"{'measurement'.ljust(width)} | {'value'.ljust(vwidth)} | target | result")
    print(f"{'-' * width}-+-{'-' * vwidth}-+--------+-------")
    for r in rows:
        print(f"{r.name.ljust(width)} | {r.value.ljust(vwidth)} | {r.target.ljust(6)} | {r.verdict}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
