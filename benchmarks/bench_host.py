"""Benchmarks for `kefuguard host` against a minimal Python echo host (benchmarks/echo_host.py).

    .venv/bin/python benchmarks/bench_host.py [--quick]

Every ratio is kefuguard / baseline, both measured in this one run, interleaved (host, echo,
echo, host, ...) so drifting machine load hits both alike. Each value is a median over
several repetitions. Missing a target prints FAIL and still exits 0; a measurement that could
not be taken at all (a crash, a wrong reply) prints ERROR and exits 1.

Measurements:
  1. start -> first `status` reply, embedded list (after one untimed warm-up start that
     compiles the list index; that cold start is reported on its own)
  2. the same with a big signed list installed (default 10,000 brands, 1,000,000 scam domains);
     for both lists also start -> first `check_url` reply (information: what a page load waits for)
  3. pipelined `check_url` round trips: N frames written by a thread, replies read meanwhile
  4. peak RSS (VmHWM) after a few checks, embedded vs big list (information)
  5. resident memory (VmRSS) after 50,000 distinct hosts checked in batches of 500 (after the
     chat index warm-up too), vs after one check and that warm-up (target <= 1.25: the caches
     are bounded and stay small)

This is a benchmark, not a test: nothing here is run by pytest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
HEADER = struct.Struct("=I")
HOST_CMD = [sys.executable, "-m", "kefuguard", "host", "chrome-extension://abc/"]
ECHO_CMD = [sys.executable, str(HERE / "echo_host.py")]
CACHE_DIR = Path(tempfile.gettempdir()) / "kefuguard-bench-cache"
GENERATOR_VERSION = 1  # bump when the big-list generator changes: cached bundles are keyed by it
BIG_VERSION = 999_901_010_000  # above any timestamp-style version of the embedded list
BIG_PUBLISHER = "kefuguard-bench (synthetic)"


# --------------------------------------------------------------------------------------------
# talking to a host process


def frame(message: Any) -> bytes:
    body = json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return HEADER.pack(len(body)) + body


STATUS_FRAME = frame({"id": 1, "type": "status"})


class BenchError(Exception):
    pass


class Peer:
    """One host process on real pipes, killed by a watchdog if it hangs."""

    def __init__(self, cmd: list[str], env: dict[str, str], cwd: Path, stderr_path: Path, timeout: float = 120.0):
        self.cmd = cmd
        self.stderr_path = stderr_path
        self._stderr = open(stderr_path, "wb")  # spawns are sequential: this one's stderr only
        self.p = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, env=env, cwd=cwd
        )
        self.timed_out = False
        self._watchdog = threading.Timer(timeout, self._kill)
        self._watchdog.daemon = True
        self._watchdog.start()

    def _kill(self) -> None:
        self.timed_out = True
        self.p.kill()

    def send(self, data: bytes) -> None:
        assert self.p.stdin is not None
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send_raw(self, data: bytes) -> None:
        """One write(2) per call (as a browser writes one message), no Python buffering."""
        assert self.p.stdin is not None
        fd, view = self.p.stdin.fileno(), memoryview(data)
        while view:
            view = view[os.write(fd, view) :]

    def _read_exact(self, n: int) -> bytes:
        assert self.p.stdout is not None
        data = self.p.stdout.read(n)  # BufferedReader: short only at EOF
        if len(data) != n:
            raise BenchError(f"{self.name}: stream ended ({len(data)} of {n} bytes){self._why()}")
        return data

    def recv(self) -> bytes:
        (length,) = HEADER.unpack(self._read_exact(HEADER.size))
        return self._read_exact(length)

    def memory(self) -> dict[str, int]:
        """VmHWM / VmRSS in KiB from /proc (Linux)."""
        out = {}
        try:
            for line in Path(f"/proc/{self.p.pid}/status").read_text().splitlines():
                key, _, value = line.partition(":")
                if key in ("VmHWM", "VmRSS"):
                    out[key] = int(value.split()[0])
        except OSError:
            pass
        return out

    def close(self) -> int:
        """Close stdin (the browser closing the port) and wait for a clean exit."""
        assert self.p.stdin is not None and self.p.stdout is not None
        try:
            self.p.stdin.close()
        except BrokenPipeError:
            pass
        extra = self.p.stdout.read()
        rc = self.p.wait()
        self._watchdog.cancel()
        self._stderr.close()
        if extra:
            raise BenchError(f"{self.name}: {len(extra)} unexpected bytes on stdout after the last reply")
        if rc != 0:
            raise BenchError(f"{self.name}: exit code {rc}{self._why()}")
        return rc

    def abort(self) -> None:
        self._watchdog.cancel()
        if self.p.poll() is None:
            self.p.kill()
        self.p.wait()
        self._stderr.close()

    @property
    def name(self) -> str:
        if self.cmd == HOST_CMD:
            return "kefuguard host"
        return "echo host" if self.cmd == ECHO_CMD else " ".join(self.cmd[1:])

    def _why(self) -> str:
        if self.timed_out:
            return " (killed by the watchdog: it hung)"
        try:
            tail = self.stderr_path.read_text(errors="replace")[-1500:].strip()
        except OSError:
            tail = ""
        return f"; stderr tail:\n{tail}" if tail else ""


BYTECODE = {"cache": True}  # --env-as-is turns this off


def child_environment() -> dict[str, str]:
    """The environment both hosts start with. Unless --env-as-is: bytecode is cached (under
    CACHE_DIR, never in the repository), as it is for a pip-installed package, even when the
    calling shell sets PYTHONDONTWRITEBYTECODE."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPROFILEIMPORTTIME", "PYTHONSTARTUP")}
    if BYTECODE["cache"]:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(CACHE_DIR / "pycache")
    return env


@dataclass
class Env:
    """A KEFUGUARD_HOME and the environment a host is started with."""

    home: Path

    @property
    def vars(self) -> dict[str, str]:
        env = child_environment()
        env["KEFUGUARD_HOME"] = str(self.home)
        env["KEFUGUARD_MANAGED_CONFIG"] = str(self.home / "no-managed-config.toml")  # hermetic: not /etc
        return env

    def spawn(self, cmd: list[str], timeout: float = 120.0) -> Peer:
        return Peer(cmd, self.vars, self.home, self.home / "stderr.log", timeout)


def timed_first_reply(env: Env, cmd: list[str], request: dict[str, Any]) -> tuple[float, dict[str, Any]]:
    """Seconds from spawning to the reply to a first request fully read; then a clean shutdown."""
    t0 = time.perf_counter()
    peer = env.spawn(cmd)
    try:
        peer.send(frame(request))
        body = peer.recv()
        elapsed = time.perf_counter() - t0
        peer.close()
    except BaseException:
        peer.abort()
        raise
    reply = json.loads(body)
    if reply.get("id") != request["id"] or reply.get("ok") is not True:
        raise BenchError(f"{peer.name}: bad {request['type']} reply {body[:300]!r}")
    return elapsed, reply


def timed_start(env: Env, cmd: list[str]) -> tuple[float, dict[str, Any]]:
    """Seconds from spawning to the first status reply fully read."""
    return timed_first_reply(env, cmd, {"id": 1, "type": "status"})


def timed_first_check(env: Env, cmd: list[str], url: str) -> float:
    """Seconds from spawning to the reply of a first check_url (what a page load waits for)."""
    return timed_first_reply(env, cmd, {"id": 1, "type": "check_url", "url": url})[0]


def main_thread_cpu(pid: int) -> float:
    """CPU seconds of a process's main thread so far (Linux: /proc/<pid>/schedstat); nan elsewhere.
    The main thread answers the frames, and its CPU time moves far less than wall time on a busy machine."""
    try:
        with open(f"/proc/{pid}/schedstat") as f:
            return int(f.read().split()[0]) / 1e9
    except OSError:
        return float("nan")


def pipelined(env: Env, cmd: list[str], frames: list[bytes], first_id: int) -> tuple[float, list[bytes]]:
    """Warm up with one check, then time writing all frames (thread) while reading all replies."""
    elapsed, _, replies = pipelined_with_cpu(env, cmd, frames, first_id)
    return elapsed, replies


def pipelined_with_cpu(
    env: Env, cmd: list[str], frames: list[bytes], first_id: int
) -> tuple[float, float, list[bytes]]:
    """`pipelined`, and the host's main-thread CPU seconds over the same frames (main_thread_cpu)."""
    peer = env.spawn(cmd, timeout=600.0)
    try:
        # a check, then a status: the host has answered the check before its event loop
        # (protocol/early_checks.py) and started the loop for the status; the timed frames then
        # measure the running host, not its start
        # a host name no earlier host checked: a known one is answered before the detectors are
        # even imported (protocol/known_verdicts.py), and the timed frames would pay their start
        warm_up = f"https://warm-up-{time.monotonic_ns()}.example.com/"
        peer.send(frame({"id": 0, "type": "check_url", "url": warm_up}))
        warm = json.loads(peer.recv())
        if warm.get("id") != 0 or warm.get("ok") is not True:
            raise BenchError(f"{peer.name}: bad warm-up reply {warm!r}"[:400])
        peer.send(STATUS_FRAME)
        peer.recv()
        errors: list[BaseException] = []

        def writer() -> None:
            try:
                for f in frames:
                    peer.send_raw(f)
            except BaseException as e:  # noqa: BLE001 - reported by the main thread
                errors.append(e)

        thread = threading.Thread(target=writer, daemon=True)
        replies: list[bytes] = []
        cpu0 = main_thread_cpu(peer.p.pid)
        t0 = time.perf_counter()
        thread.start()
        for _ in frames:
            replies.append(peer.recv())
        elapsed = time.perf_counter() - t0
        cpu = main_thread_cpu(peer.p.pid) - cpu0
        thread.join()
        if errors:
            raise BenchError(f"{peer.name}: writer failed: {errors[0]!r}")
        peer.close()
    except BaseException:
        peer.abort()
        raise
    ids = []
    for body in replies:
        reply = json.loads(body)
        if reply.get("ok") is not True:
            raise BenchError(f"{peer.name}: reply not ok: {body[:300]!r}")
        ids.append(reply.get("id"))
    expected = list(range(first_id, first_id + len(frames)))
    if sorted(ids) != expected:
        raise BenchError(f"{peer.name}: reply ids do not match the requests")
    return elapsed, cpu, replies


def memory_after_checks(env: Env, cmd: list[str], urls: list[str]) -> dict[str, int]:
    """Status, a few checks (each awaited), a short pause for the host's warm-up; then /proc."""
    peer = env.spawn(cmd)
    try:
        peer.send(STATUS_FRAME)
        peer.recv()
        for i, url in enumerate(urls, start=2):
            peer.send(frame({"id": i, "type": "check_url", "url": url}))
            reply = json.loads(peer.recv())
            if reply.get("id") != i or reply.get("ok") is not True:
                raise BenchError(f"{peer.name}: bad check reply {reply!r}"[:400])
        time.sleep(0.2)
        mem = peer.memory()
        peer.close()
    except BaseException:
        peer.abort()
        raise
    return mem


def memory_growth(env: Env, cmd: list[str], n_hosts: int, seed: int = 1) -> tuple[int, int]:
    """VmRSS (KiB) after one check and the host's warm-ups, then after n_hosts distinct hosts."""
    peer = env.spawn(cmd, timeout=600.0)
    try:
        peer.send(frame({"id": 0, "type": "check_url", "url": "https://www.taobao.com/"}))
        peer.recv()
        time.sleep(2.0)  # the URL index at start, the chat index a second later (on a thread)
        before = peer.memory()["VmRSS"]
        rng = random.Random(seed)
        words = ["shop", "pay", "kefu", "taobao", "alipay", "bank", "refund", "mail", "news", "cloud", "icbc", "vip"]
        for start in range(0, n_hosts, 500):
            batch = []
            for i in range(start, min(start + 500, n_hosts)):
                host = f"{rng.choice(words)}{rng.choice(['-', ''])}{rng.choice(words)}{i}.{rng.choice(SCAM_TLDS)}"
                batch.append(frame({"id": i + 1, "type": "check_url", "url": f"https://{host}/x"}))
            peer.send_raw(b"".join(batch))
            for _ in batch:
                peer.recv()
        after = peer.memory()["VmRSS"]
        peer.close()
    except BaseException:
        peer.abort()
        raise
    return before, after


# --------------------------------------------------------------------------------------------
# inputs: URL mixes and the big synthetic list

SYLLABLES = {
    "xin": "新", "hua": "华", "mei": "美", "tian": "天", "kang": "康", "jia": "佳", "long": "龙",
    "feng": "丰", "bao": "宝", "tong": "通", "da": "达", "rui": "瑞", "sheng": "盛", "yun": "云",
    "hai": "海", "jin": "金", "an": "安", "le": "乐", "fu": "福", "ming": "明", "zhi": "智",
    "hong": "宏", "guo": "国", "bai": "百", "xing": "星", "chen": "辰", "yi": "易", "jie": "捷",
}  # fmt: skip
CCTLDS = ["cn", "com.cn", "hk", "com.hk", "tw", "com.tw", "jp", "co.jp", "sg", "com.sg", "co.uk", "de", "kr"]
CATEGORIES = ["ecommerce", "bank", "payment", "logistics", "telecom", "travel", "food", "social", "government"]
REGIONS = ["CN", "HK", "TW", "SG", "JP", "US", "GB", "DE", "KR"]
SCAM_WORDS = [
    "refund", "kefu", "service", "pay", "verify", "secure", "login", "claim", "support", "help",
    "tuikuan", "lipei", "account", "update", "bonus", "vip", "order", "express", "customs", "reward",
]  # fmt: skip
SCAM_TLDS = ["top", "xyz", "vip", "shop", "icu", "cc", "online", "site", "cn", "com", "net", "club", "buzz", "asia"]
ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
UNKNOWN_HOSTS = [
    "example.org", "www.wikipedia.org", "github.com", "news.ycombinator.com", "www.bbc.co.uk",
    "stackoverflow.com", "www.python.org", "docs.python.org", "www.zhihu.com", "www.bilibili.com",
    "www.163.com", "www.sina.com.cn", "blog.example.net", "shop.example.co.jp", "cdn.jsdelivr.net",
    "fonts.googleapis.com.example.org", "a.b.c.example.com.cn", "192.0.2.7", "user.github.io", "www.nytimes.com",
]  # fmt: skip
LOOKALIKE_HOSTS = [
    "taobao-kefu.com", "www.a1ipay.com", "jd-refund.top", "login.paypa1.com", "amazon.com.account-verify.xyz",
    "www.taoba0.com", "alipay-secure.net", "icbc-help.vip", "www.meituan-pay.cn", "apple-id-support.site",
]  # fmt: skip


def embedded_signed() -> dict[str, Any]:
    from kefuguard.lists.store import embedded_bundle_path

    return json.loads(embedded_bundle_path().read_bytes())["signed"]


def url_mix(n: int, official: list[str], scam: list[str], seed: int = 7) -> list[str]:
    """Official 40 %, unknown 35 %, scam-list 15 %, lookalike 10 %; every URL distinct by its path."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        r = rng.random()
        if r < 0.40:
            host = rng.choice(official)
            host = host if rng.random() < 0.3 else f"www.{host}"
        elif r < 0.75:
            host = rng.choice(UNKNOWN_HOSTS)
        elif r < 0.90:
            host = rng.choice(scam)
        else:
            host = rng.choice(LOOKALIKE_HOSTS)
        path = rng.choice(["/", "/item/{}", "/login?next=/{}", "/s?q=kefu+{}&page=2", "/order/{}/refund", "/#{}"])
        out.append(f"{rng.choice(['https', 'https', 'http'])}://{host}{path.format(i)}")
    return out


def official_domains(signed: dict[str, Any], limit: int | None = None) -> list[str]:
    brands = signed["brands"] if limit is None else signed["brands"][:limit]
    return [d for b in brands for d in b["domains"]]


def _brand(i: int, rng: random.Random) -> dict[str, Any]:
    syl = rng.sample(sorted(SYLLABLES), 2)
    latin, zh = "".join(syl), "".join(SYLLABLES[s] for s in syl)
    domains = [f"{latin}{i}.com"] + [f"{latin}{i}.{cc}" for cc in rng.sample(CCTLDS, rng.choice((1, 2)))]
    phones = [f"400-{rng.randrange(100, 1000)}-{rng.randrange(1000, 10000)}"]
    if rng.random() < 0.5:
        phones.append(f"95{rng.randrange(100, 1000)}")
    brand: dict[str, Any] = {
        "id": f"brand{i}",
        "names": {"en": f"{latin.capitalize()} {i}", "zh": f"{zh}{i}"},
        "domains": domains,
        "phones": phones,
        "keywords": [f"{latin}{i}", f"{zh}{i}", f"{zh}{i}客服"],
        "category": rng.choice(CATEGORIES),
        "region": rng.choice(REGIONS),
    }
    if rng.random() < 0.3:
        brand["im"] = [{"platform": "wechat", "account": f"{latin}{i}_kefu"}]
    return brand


def _scam_domain(rng: random.Random, targets: list[str]) -> str:
    word, target, tld = rng.choice(SCAM_WORDS), rng.choice(targets), rng.choice(SCAM_TLDS)
    junk = "".join(rng.choices(ALNUM, k=rng.randrange(3, 7)))
    n = rng.randrange(1000)
    shape = rng.randrange(4)
    if shape == 0:
        return f"{junk}-{word}-{target}{n}.{tld}"  # xk3f-refund-taobao42.top
    if shape == 1:
        return f"{target}-{word}{n}.{tld}"
    if shape == 2:
        return f"{word}{target}{junk}.{tld}"
    return f"{target}{n}-{word}.{junk}.{tld}"


def big_source(n_brands: int, n_scam: int, seed: int = 20261123) -> dict[str, Any]:
    rng = random.Random(seed)
    brands = [_brand(i, rng) for i in range(1, n_brands + 1)]
    targets = [b["id"] for b in embedded_signed()["brands"]] + [b["domains"][0].split(".")[0] for b in brands]
    scam: set[str] = set()
    while len(scam) < n_scam:
        scam.add(_scam_domain(rng, targets))
    n_small = max(10, n_scam // 1000)
    phones = sorted(
        {f"{rng.choice(['170', '171', '165', '400'])}{rng.randrange(10**7, 10**8)}" for _ in range(n_small)}
    )
    accounts = sorted(
        {
            f"{rng.choice(['wechat', 'qq', 'alipay'])}:{rng.choice(targets)}_kf{rng.randrange(10**6)}"
            for _ in range(n_small)
        }
    )
    return {
        "list": {"publisher": BIG_PUBLISHER},
        "brands": brands,
        "scam": {"domains": sorted(scam), "phones": phones, "accounts": accounts},
    }


@dataclass
class BigList:
    bundle: Path
    public_hex: str
    brands: int
    scam_domains: int
    generated_now: bool
    seconds: float
    sample_official: list[str] = field(default_factory=list)
    sample_scam: list[str] = field(default_factory=list)


def big_list(n_brands: int, n_scam: int) -> BigList:
    """The signed big bundle, from the cache under /tmp when it is there and not near expiry."""
    from kefuguard.lists.model import parse_time

    stem = CACHE_DIR / f"biglist-g{GENERATOR_VERSION}-b{n_brands}-s{n_scam}"
    bundle, pub = stem.with_suffix(".json"), stem.with_suffix(".pub")
    t0 = time.perf_counter()
    generated = False
    try:
        doc = json.loads(bundle.read_bytes())
        public_hex = pub.read_text().strip()
        expires = parse_time(doc["signed"]["expires"], "expires")
        if expires - dt.datetime.now(dt.UTC) < dt.timedelta(days=7):
            raise ValueError("cached bundle is close to expiry")
    except (OSError, ValueError, KeyError):
        from kefuguard.lists.publish import bundle_bytes, generate_key, load_private_key, sign_signed
        from kefuguard.lists.source import build_signed

        generated = True
        source = big_source(n_brands, n_scam)
        signed = build_signed(
            source, version=BIG_VERSION, issued=dt.datetime.now(dt.UTC), expires_days=365, publisher=BIG_PUBLISHER
        )
        with tempfile.TemporaryDirectory(prefix="kefuguard-bench-key-") as keydir:
            _, key_path, pub_path = generate_key(Path(keydir))  # throwaway: gone with the temp dir
            public_hex = pub_path.read_text().strip()
            data = bundle_bytes(sign_signed(signed, [load_private_key(key_path)]))
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = bundle.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(data)
        pub.write_text(public_hex + "\n")
        os.replace(tmp, bundle)
        doc = {"signed": signed}
    seconds = time.perf_counter() - t0
    signed = doc["signed"]
    return BigList(
        bundle,
        public_hex,
        len(signed["brands"]),
        len(signed["scam"]["domains"]),
        generated,
        seconds,
        sample_official=official_domains(signed, 2000)[::7] + official_domains(signed)[-50:],
        sample_scam=signed["scam"]["domains"][:: max(1, len(signed["scam"]["domains"]) // 500)],
    )


# --------------------------------------------------------------------------------------------
# the run


@dataclass
class Row:
    name: str
    value: str
    baseline: str = ""
    ratio: float | None = None
    target: float | None = None
    note: str = ""  # for information rows
    error: str = ""

    @property
    def verdict(self) -> str:
        if self.error:
            return "ERROR"
        if self.target is None or self.ratio is None:
            return "info"
        return "PASS" if self.ratio <= self.target else "FAIL"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def us(seconds: float) -> str:
    return f"{seconds * 1e6:.1f} us"


def mib(kib: int) -> str:
    return f"{kib / 1024:.1f} MiB"


def spread(xs: list[float], unit: Any) -> str:
    q = statistics.quantiles(xs, n=4, method="inclusive") if len(xs) >= 2 else [xs[0]] * 3
    return (
        f"median {unit(statistics.median(xs))}, min {unit(min(xs))},"
        f" IQR {unit(q[0])}..{unit(q[2])}, max {unit(max(xs))}, n={len(xs)}"
    )


def interleaved(reps: int, a: Any, b: Any) -> tuple[list[float], list[float]]:
    """Run a() and b() reps times each, alternating which goes first."""
    xs, ys = [], []
    for i in range(reps):
        if i % 2 == 0:
            xs.append(a())
            ys.append(b())
        else:
            ys.append(b())
            xs.append(a())
    return xs, ys


def git_state(repo: Path) -> str:
    try:
        git = ["git", "-C", str(repo)]
        head = subprocess.run([*git, "log", "-1", "--format=%h %s"], capture_output=True, text=True, check=True)
        dirty = subprocess.run(
            [*git, "status", "--porcelain", "--", "host"], capture_output=True, text=True, check=True
        )
        head_line, changed = head.stdout.strip(), [line[3:] for line in dirty.stdout.splitlines() if line.strip()]
    except (OSError, subprocess.CalledProcessError):
        return "? (not a git checkout)"
    head_line = head_line if len(head_line) <= 72 else head_line[:70] + "..."
    if not changed:
        return head_line + " (host/ clean)"
    shown = ", ".join(changed[:4]) + (", ..." if len(changed) > 4 else "")
    return f"{head_line} + {len(changed)} uncommitted file(s) in host/: {shown}"


def machine() -> list[str]:
    import kefuguard

    package = Path(kefuguard.__file__).resolve().parent  # what `-m kefuguard` runs (same sys.path)
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = subprocess.run(["free", "-h"], capture_output=True, text=True, check=False).stdout.splitlines()[1]
        mem = " ".join(mem.split()[:2])
    except (OSError, IndexError):
        mem = "?"
    return [
        f"date       {dt.date.today().isoformat()}",
        f"cpu        {cpu}, nproc {os.cpu_count()} (usable {len(os.sched_getaffinity(0))})",
        f"memory     {mem}",
        f"python     {platform.python_version()} ({sys.executable})",
        f"kernel     {platform.release()}",
        f"kefuguard  {package}",
        f"commit     {git_state(package.parents[1])}",
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions, smaller big list (a smoke run)")
    ap.add_argument("--starts", type=int, help="timed starts per host and list (default 15, quick 5)")
    ap.add_argument("--messages", type=int, help="check_url frames per pipelined round (default 5000, quick 1000)")
    ap.add_argument("--rounds", type=int, help="pipelined rounds per host (default 7, quick 3)")
    ap.add_argument("--brands", type=int, help="big list brands (default 10000, quick 1000)")
    ap.add_argument("--scam", type=int, help="big list scam domains (default 1000000, quick 100000)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary KEFUGUARD_HOME folders")
    ap.add_argument(
        "--env-as-is",
        action="store_true",
        help="start the hosts with this shell's environment unchanged (by default PYTHONDONTWRITEBYTECODE is"
        " dropped and bytecode is cached under " + str(CACHE_DIR / "pycache") + ", as for an installed package)",
    )
    args = ap.parse_args()
    q = args.quick
    starts = args.starts or (5 if q else 15)
    n_msgs = args.messages or (1000 if q else 5000)
    rounds = args.rounds or (3 if q else 7)
    BYTECODE["cache"] = not args.env_as_is
    n_brands = args.brands or (1000 if q else 10_000)
    n_scam = args.scam or (100_000 if q else 1_000_000)

    try:
        import kefuguard
    except ImportError:
        print(f"kefuguard is not importable by {sys.executable}; use the project's venv", file=sys.stderr)
        return 1

    print(f"kefuguard {kefuguard.__version__} host benchmark{' (--quick)' if q else ''}")
    for line in machine():
        print("  " + line)
    print(
        f"  settings   {starts} timed starts per host per list, {rounds} pipelined rounds x {n_msgs} check_url,"
        f" big list {n_brands:,} brands / {n_scam:,} scam domains"
    )
    if BYTECODE["cache"]:
        dropped = " (PYTHONDONTWRITEBYTECODE dropped)" if os.environ.get("PYTHONDONTWRITEBYTECODE") else ""
        print(f"  bytecode   cached in {CACHE_DIR / 'pycache'}{dropped}, as for an installed package")
    else:
        flag = os.environ.get("PYTHONDONTWRITEBYTECODE", "")
        print(f"  bytecode   environment as is (PYTHONDONTWRITEBYTECODE={flag!r})")
    print(flush=True)

    root = Path(tempfile.mkdtemp(prefix="kefuguard-bench-"))
    rows: list[Row] = []
    details: list[str] = []

    def step(msg: str) -> None:
        print(f"... {msg}", file=sys.stderr, flush=True)

    def guarded(name: str, fn: Any) -> None:
        try:
            fn()
        except Exception as e:  # noqa: BLE001 - one broken measurement must not hide the others
            rows.append(Row(name, "-", error=f"{type(e).__name__}: {e}"))

    small = Env(root / "home-embedded")
    small.home.mkdir()
    echo_env = Env(root / "home-echo")
    echo_env.home.mkdir()
    embedded = embedded_signed()

    def first_check(env: Env, url: str, which: str, target: float | None = None) -> None:
        """Twice: a site no earlier host checked (the detectors are imported and the index built),
        and a site an earlier host checked (answered from its known verdicts)."""
        known = env.home / "index" / "known-verdicts.json"

        def unseen() -> float:
            known.unlink(missing_ok=True)  # before the clock starts: what a host that never saw it does
            return timed_first_check(env, HOST_CMD, url)

        for seen in (False, True):
            label = f"start -> first check_url reply, {'site checked before' if seen else 'new site'}, {which}"
            step(f"{starts} starts each: first request a check_url ({which}, {'seen' if seen else 'new'})")
            if seen:
                timed_first_check(env, HOST_CMD, url)  # untimed: a host that checked it and exited
            host_t, echo_t = interleaved(
                starts,
                (lambda: timed_first_check(env, HOST_CMD, url)) if seen else unseen,
                lambda: timed_first_check(echo_env, ECHO_CMD, url),
            )
            h, e = statistics.median(host_t), statistics.median(echo_t)
            rows.append(Row(label, ms(h), ms(e), h / e, target if seen else None, note="" if seen else "no target"))
            details.append(f"{label} ({url}): kefuguard {spread(host_t, ms)}")

    # 1. start -> first status reply, embedded list ---------------------------------------------
    def bench_start_embedded() -> None:
        step("cold start (embedded list, empty KEFUGUARD_HOME: compiles the index)")
        cold, reply = timed_start(small, HOST_CMD)
        r = reply["result"]
        if r.get("version") != embedded["version"] or r["lists"][0]["origin"] != "embedded":
            raise BenchError(f"expected the embedded list, status says {r.get('version')} from {r['lists']}")
        rows.append(Row("cold first start (index compile), embedded list", ms(cold), note="untimed warm-up, no target"))
        timed_start(echo_env, ECHO_CMD)  # the echo host's own warm-up start (page cache, .pyc)
        step(f"{starts} starts each: kefuguard host (embedded list) and echo host")
        host_t, echo_t = interleaved(
            starts, lambda: timed_start(small, HOST_CMD)[0], lambda: timed_start(echo_env, ECHO_CMD)[0]
        )
        h, e = statistics.median(host_t), statistics.median(echo_t)
        rows.append(Row("start -> first status reply, embedded list", ms(h), ms(e), h / e, 2.0))
        details.append(f"start, embedded list: kefuguard {spread(host_t, ms)}")
        details.append(f"start, embedded list: echo      {spread(echo_t, ms)}")
        first_check(small, "https://www.taobao.com/", "embedded list", target=2.0)

    guarded("start -> first status reply, embedded list", bench_start_embedded)

    # 2. the same with a big list ----------------------------------------------------------------
    big_holder: list[BigList] = []
    big = Env(root / "home-big")

    def bench_start_big() -> None:
        step(f"big list: {n_brands:,} brands, {n_scam:,} scam domains (cached under {CACHE_DIR})")
        bl = big_list(n_brands, n_scam)
        big_holder.append(bl)
        how = "generated and signed with a throwaway key" if bl.generated_now else "read from the cache"
        details.append(
            f"big list: {bl.bundle} ({bl.bundle.stat().st_size / 2**20:.1f} MiB), {how} in {bl.seconds:.1f} s;"
            f" {bl.brands:,} brands, {bl.scam_domains:,} scam domains"
        )
        (big.home / "lists").mkdir(parents=True)
        shutil.copyfile(bl.bundle, big.home / "lists" / "main.json")
        (big.home / "config.toml").write_text(f'[trust]\nkeys = ["{bl.public_hex}"]\n')
        step("big list: first start (verifies the signature and compiles the index)")
        cold, reply = timed_start(big, HOST_CMD)
        r = reply["result"]
        main_list = r["lists"][0] if r.get("lists") else {}
        if (
            r.get("version") != BIG_VERSION
            or main_list.get("origin") != "installed"
            or main_list.get("counts", {}).get("scam_domains") != bl.scam_domains
        ):
            raise BenchError(f"the big list is not the one loaded: status says {json.dumps(r)[:600]}")
        details.append(
            f"big list loaded: status reports version {r['version']}, origin {main_list['origin']},"
            f" counts {main_list['counts']}"
        )
        rows.append(Row("first start with big list (verify + compile)", ms(cold), note="untimed warm-up, no target"))
        step(f"{starts} starts each: kefuguard host (big list) and echo host")

        def host_once() -> float:
            t, rep = timed_start(big, HOST_CMD)
            if rep["result"].get("version") != BIG_VERSION:
                raise BenchError(f"big list not loaded on a later start: version {rep['result'].get('version')}")
            return t

        host_t, echo_t = interleaved(starts, host_once, lambda: timed_start(echo_env, ECHO_CMD)[0])
        h, e = statistics.median(host_t), statistics.median(echo_t)
        rows.append(Row("start -> first status reply, big list", ms(h), ms(e), h / e, 3.0))
        details.append(f"start, big list: kefuguard {spread(host_t, ms)}")
        details.append(f"start, big list: echo      {spread(echo_t, ms)}")
        first_check(big, f"https://www.{bl.sample_official[0]}/", "big list")

    guarded("start -> first status reply, big list", bench_start_big)

    # 3. pipelined check_url ---------------------------------------------------------------------
    def run_pipelined(env: Env, urls: list[str], label: str, target: float | None) -> None:
        frames = [frame({"id": i, "type": "check_url", "url": u}) for i, u in enumerate(urls, start=1)]
        host_t: list[float] = []
        levels: dict[str, int] = {}

        def host_once() -> float:
            t, replies = pipelined(env, HOST_CMD, frames, 1)
            levels.clear()
            for body in replies:
                lvl = json.loads(body)["result"].get("level", "?")
                levels[lvl] = levels.get(lvl, 0) + 1
            return t

        host_t, echo_t = interleaved(rounds, host_once, lambda: pipelined(echo_env, ECHO_CMD, frames, 1)[0])
        h, e = statistics.median(host_t) / len(frames), statistics.median(echo_t) / len(frames)
        rows.append(Row(label, us(h), us(e), h / e, target, note="" if target else "no target"))
        details.append(f"{label}: kefuguard total {spread(host_t, ms)}")
        details.append(f"{label}: echo      total {spread(echo_t, ms)}")
        details.append(f"{label}: verdicts of the last kefuguard round {dict(sorted(levels.items()))}")

    scam_embedded = list(embedded["scam"]["domains"])
    mix = url_mix(n_msgs, official_domains(embedded), scam_embedded)

    def bench_pipelined_embedded() -> None:
        step(f"pipelined: {rounds} rounds x {n_msgs} check_url each, kefuguard host and echo host")
        run_pipelined(small, mix, "pipelined check_url per message, embedded list", 2.0)

    guarded("pipelined check_url per message, embedded list", bench_pipelined_embedded)

    def bench_pipelined_big() -> None:
        if not big_holder:
            raise BenchError("no big list (see above)")
        bl = big_holder[0]
        step(f"pipelined with the big list: {rounds} rounds x {n_msgs} check_url")
        urls = url_mix(n_msgs, official_domains(embedded) + bl.sample_official, scam_embedded + bl.sample_scam)
        run_pipelined(big, urls, "pipelined check_url per message, big list", None)

    guarded("pipelined check_url per message, big list", bench_pipelined_big)

    # 4. peak RSS --------------------------------------------------------------------------------
    def bench_memory() -> None:
        step("peak RSS after a few checks")
        few = mix[:40]
        mem_small = memory_after_checks(small, HOST_CMD, few)
        mem_echo = memory_after_checks(echo_env, ECHO_CMD, few)
        small_kib, echo_kib = mem_small["VmHWM"], mem_echo["VmHWM"]
        ratio = small_kib / echo_kib
        rows.append(Row("peak RSS (VmHWM), embedded list", mib(small_kib), mib(echo_kib), ratio, None, note="info"))
        details.append(f"memory, embedded list: {mem_small}; echo host: {mem_echo} (KiB)")
        if not big_holder:
            raise BenchError("no big list (see above)")
        bl = big_holder[0]
        big_few = (
            few[:20]
            + [f"https://www.{d}/" for d in bl.sample_official[:10]]
            + [f"https://{d}/login" for d in bl.sample_scam[:10]]
        )
        mem_big = memory_after_checks(big, HOST_CMD, big_few)
        big_kib = mem_big["VmHWM"]
        label = "peak RSS (VmHWM), big list vs embedded list"
        rows.append(Row(label, mib(big_kib), mib(small_kib), big_kib / small_kib, 1.5, note="target of a later issue"))
        details.append(f"memory, big list: {mem_big} (KiB)")

    guarded("peak RSS", bench_memory)

    def bench_memory_growth() -> None:
        n_hosts = 10_000 if args.quick else 50_000
        step(f"resident memory after {n_hosts:,} distinct hosts")
        before, after = memory_growth(small, HOST_CMD, n_hosts)
        label = f"RSS after {n_hosts:,} distinct hosts vs after one check"
        rows.append(Row(label, mib(after), mib(before), after / before, 1.25))

    guarded("RSS growth", bench_memory_growth)

    # report -------------------------------------------------------------------------------------
    print(table(rows))
    print()
    print("baseline: benchmarks/echo_host.py (blocking json echo) started the same way; ratio = kefuguard / baseline.")
    print("The cold starts were untimed warm-ups: every timed start reuses the compiled index.")
    print("For the RSS rows the baseline column is the echo host, resp. the kefuguard host with the embedded list.")
    print()
    for line in details:
        print("  " + line)
    errors = [r for r in rows if r.error]
    for r in errors:
        print(f"\nERROR in {r.name}:\n{r.error}")
    if args.keep:
        print(f"\nkept {root}")
    else:
        shutil.rmtree(root, ignore_errors=True)
    return 1 if errors else 0


def table(rows: list[Row]) -> str:
    head = ("measurement", "kefuguard", "baseline", "ratio", "target", "result")
    body = []
    for r in rows:
        target = f"<= {r.target:g}" if r.target is not None else (r.note or "-")
        if r.target is not None and r.note:
            target += f" ({r.note})"
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "-"
        body.append((r.name, r.value, r.baseline or "-", ratio, target, r.verdict))
    widths = [max(len(x[i]) for x in [head, *body]) for i in range(len(head))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(head, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in body]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
