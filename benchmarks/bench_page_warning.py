"""Benchmark: how soon the in-page warning is up on a lookalike page, against that page's own load.

    .venv/bin/python benchmarks/bench_page_warning.py            # 15 rounds
    .venv/bin/python benchmarks/bench_page_warning.py --quick    # 3 rounds
    .venv/bin/python benchmarks/bench_page_warning.py --rounds 7 --baseline-extension <copy>/extension

The real extension in the system Chromium (headless, Playwright), with the real host installed for
that browser profile by `kefuguard install --browser chromium --user-data-dir <profile>`. A small
phishing page is served from 127.0.0.1 as http://taobao-kefu.com:PORT/refund.html (the browser maps
every name to 127.0.0.1): about 30 KB of HTML, a stylesheet in <head>, a script at the end of
<body> and four images, about 200 KB in all, each answer held back by the server for a short while
as a small site on a fast network would be (HTML 30 ms, stylesheet 20 ms, script 30 ms, images
40 ms each, all on one HTTP/1.1 server that answers requests in parallel).

Every visit is a fresh tab, opened a second before it is navigated to the page. An init script
(page.add_init_script) registers a MutationObserver at document start that records
performance.now() when the content script inserts its banner element (<kefuguard-banner
data-kefuguard-level="danger">) and at the next animation frame; the page's own times come from its
navigation timing entry. All are milliseconds from navigation start (performance.timeOrigin). Each
round makes these visits, in this order:

  cold   worker running; the page's stylesheet, script and images never fetched before (their
         URLs carry a new version each round), HTML never cached (no-store)
  warm   worker running; the same stylesheet, script and images as the cold visit just before,
         now from the browser's cache (max-age); a new page address
  cold and warm again in a second Chromium without the extension: the page's own load without us
  woken  the extension's service worker stopped after the tab is opened and before the
         navigation (DevTools protocol: ServiceWorker.enable + ServiceWorker.stopAllWorkers on a
         tab's session, then wait for runningStatus "stopped" and for the host process to exit;
         opening a tab is itself an event that would wake the worker), then as cold: the
         navigation wakes the worker, which starts the host again

Every visit has its own page address (a query string), so the worker's verdict cache never answers
it: the worker asks the host each time (the host's own per-host-name cache may answer).

Rows:
  1  navigation -> banner inserted vs the page's loadEventEnd, worker running; ratio of the medians,
     target <= 1.0 (the warning is up before the page has finished loading); cold and warm cache;
     with it, in how many visits the banner came first
  2  navigation -> banner inserted with a woken worker vs the same with the worker running (row 1,
     cold, this run); no target. With it: navigation -> the woken worker's script start (its
     performance.timeOrigin against the page's: two processes' wall clocks) and the worker's
     first check_url round trip (the host's start included), and the rest of the banner's time
     (banner - worker start - round trip: the worker's set-up, messages, drawing)

With --baseline-extension (another checkout's extension/, e.g. main's from `git worktree add
--detach <copy> main`), a third Chromium runs that extension with its own profile and the same host
code, and each round makes its cold, warm and woken visits too, alternating which extension goes
first; the report then gives this extension's banner times against the baseline's (rows "vs").

This is a benchmark, not a test: pytest never runs it, and a missed target prints FAIL and exits 0.
It exits 1 only when a measurement could not be taken (no Chromium, no banner, the worker would not
stop, the host would not install).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
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
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.browser.harness import (  # noqa: E402 - after the path set-up
    EXTENSION_ID,
    EXTENSION_ORIGIN,
    PageServer,
    chromium_args,
    chromium_executable,
    launch,
    running_worker,
    shadow_widgets,
)

LOOKALIKE = "taobao-kefu.com"
PAGE = "/refund.html"
# how long the server holds each answer back, in seconds (TTFB of a small site on a fast network)
DELAYS_S = {"html": 0.030, "css": 0.020, "js": 0.030, "png": 0.040}
IMAGES = {"logo.png": (180, 60), "hero.png": (130, 110), "item1.png": (110, 110), "item2.png": (110, 110)}
SETTLE_S = 1.0  # a new tab waits this long before its navigation (so does a stopped worker)
BANNER_TIMEOUT_MS = 20000

INIT_SCRIPT = """
(() => {
  if (window !== window.top || window.__kgBench) return;
  const rec = { bannerAt: null, frameAt: null, level: null };
  Object.defineProperty(window, "__kgBench", { value: rec });
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType === 1 && n.localName === "kefuguard-banner") {
        rec.bannerAt = now;
        rec.level = n.getAttribute("data-kefuguard-level");
        requestAnimationFrame(() => { rec.frameAt = performance.now(); });
        observer.disconnect();
        return;
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();
"""

READ_TIMES = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  return { origin: performance.timeOrigin, banner: window.__kgBench.bannerAt, frame: window.__kgBench.frameAt,
           level: window.__kgBench.level, response: nav.responseStart, dcl: nav.domContentLoadedEventEnd,
           load: nav.loadEventEnd };
}"""


class BenchError(Exception):
    pass


# --- the page ------------------------------------------------------------------------------------


def noise_png(width: int, height: int, seed: int) -> bytes:
    """A valid RGB PNG of random pixels: does not compress, so its size is about width * height * 3."""
    rng = random.Random(seed)
    raw = b"".join(b"\x00" + rng.randbytes(width * 3) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


FAQ = [
    (
        "为什么我的订单需要退款？",
        "因系统升级，部分订单出现重复扣款，平台将为受影响的用户办理原路退款，请按页面提示完成身份核验。",
    ),
    ("退款多久到账？", "核验通过后，退款将在 5 分钟内退回您的银行卡，最迟不超过 24 小时，请留意银行短信通知。"),
    ("为什么需要填写银行卡信息？", "为确保退款准确到账，需要核对您的收款银行卡号、预留手机号及短信验证码。"),
    ("收不到验证码怎么办？", "请确认手机信号正常，或点击重新获取；如仍未收到，请联系在线客服人工处理。"),
    ("退款金额与订单金额不一致？", "退款金额包含运费险及平台补偿金，以页面显示为准，如有疑问可咨询客服。"),
    ("是否会影响我的信用？", "本次退款由平台统一处理，不会影响您的芝麻信用及账户安全等级。"),
]


def page_html(version: str) -> str:
    """The phishing page, about 30 KB; `version` goes into the subresources' URLs (cache busting)."""
    v = f"?v={version}"
    faq = []
    for i in range(90):
        question, answer = FAQ[i % len(FAQ)]
        faq.append(
            f'<details class="faq" id="faq{i}"><summary>{i + 1}. {question}</summary>'
            f"<p>{answer}（编号 KF{20240000 + i * 37}）</p></details>"
        )
    rows = []
    for i in range(60):
        rows.append(
            f"<tr><td>TB{7730000000 + i * 9173}</td><td>2026-11-{(i % 28) + 1:02d}</td>"
            f"<td>¥{(i * 37) % 500 + 19}.00</td><td>待退款</td></tr>"
        )
    return f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>淘宝网 - 官方退款中心</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="refund.css{v}">
</head>
<body>
<header class="top"><img src="logo.png{v}" width="180" height="60" alt="淘宝网">
<nav><a href="#">首页</a><a href="#">我的订单</a><a href="#">退款中心</a><a href="#">在线客服</a></nav></header>
<main class="content">
<section class="hero"><img src="hero.png{v}" width="130" height="110" alt="">
<div><h1>订单异常退款通知</h1>
<p>尊敬的用户，您的订单因系统异常被重复扣款，请在 30 分钟内完成退款申请，逾期将无法办理。</p></div>
</section>
<section class="refund"><h2>填写退款信息</h2>
<form id="refund-form">
<p><label>订单号<input name="order" placeholder="请输入订单号"></label></p>
<p><label>姓名<input name="name" placeholder="持卡人姓名"></label></p>
<p><label>身份证号<input name="id" placeholder="身份证号码"></label></p>
<p><label>银行卡号<input name="card" placeholder="收款银行卡号"></label></p>
<p><label>预留手机号<input name="phone" placeholder="银行预留手机号"></label></p>
<p><label>短信验证码<input name="code" placeholder="6 位验证码"></label>
<button type="button" id="send-code">获取验证码</button></p>
<p><button type="submit">立即退款</button></p>
</form></section>
<section class="orders"><h2>待退款订单</h2><table><thead><tr><th>订单号</th><th>日期</th><th>金额</th><th>状态</th></tr>
</thead><tbody>{"".join(rows)}</tbody></table></section>
<section class="items"><h2>相关商品</h2>
<div class="item"><img src="item1.png{v}" width="110" height="110" alt=""><p>无线蓝牙耳机 降噪版</p></div>
<div class="item"><img src="item2.png{v}" width="110" height="110" alt=""><p>智能手环 运动心率监测</p></div>
</section>
<section class="help"><h2>常见问题</h2>{"".join(faq)}</section>
</main>
<footer>客服热线 400-000-0000 · 淘宝网版权所有 © 2003-2026</footer>
<script src="refund.js{v}"></script>
</body>
</html>
"""


def page_css() -> str:
    rules = [
        "body{margin:0;font:14px/1.6 'PingFang SC','Microsoft YaHei',sans-serif;color:#333;background:#f5f5f5}",
        ".top{display:flex;align-items:center;gap:24px;padding:8px 24px;background:#ff5000;color:#fff}",
        ".top nav a{color:#fff;margin-right:16px;text-decoration:none}",
        ".content{max-width:960px;margin:16px auto;background:#fff;padding:16px 24px}",
        ".hero{display:flex;gap:16px;align-items:center}.items{display:flex;gap:16px;flex-wrap:wrap}",
        "table{width:100%;border-collapse:collapse}td,th{border-bottom:1px solid #eee;padding:4px 8px}",
        "input{margin-left:8px;padding:4px 8px;border:1px solid #ccc;border-radius:4px;width:240px}",
        "button{background:#ff5000;color:#fff;border:0;border-radius:4px;padding:6px 16px}",
        "footer{text-align:center;color:#999;padding:24px}",
    ]
    # the long tail of a site stylesheet: utility classes nobody on this page uses
    for i in range(160):
        rules.append(
            f".u-{i}{{margin:{i % 24}px {i % 16}px;padding:{i % 12}px;color:#{(i * 2654435761) % 0xFFFFFF:06x};"
            f"border-radius:{i % 8}px}}"
        )
    return "\n".join(rules) + "\n"


def page_js() -> str:
    regions = ",".join(f'{{code:"{110000 + i * 100}",name:"地区{i}",level:{i % 3}}}' for i in range(260))
    return f"""(function () {{
  "use strict";
  var REGIONS = [{regions}];
  var form = document.getElementById("refund-form");
  var button = document.getElementById("send-code");
  var left = 0;
  function tick() {{
    if (left <= 0) {{ button.disabled = false; button.textContent = "获取验证码"; return; }}
    button.textContent = left + " 秒后重新获取"; left -= 1; setTimeout(tick, 1000);
  }}
  button.addEventListener("click", function () {{ left = 60; button.disabled = true; tick(); }});
  form.addEventListener("submit", function (e) {{
    e.preventDefault();
    var card = form.elements.card.value.replace(/\\s+/g, "");
    if (!/^\\d{{12,19}}$/.test(card)) {{ alert("请输入正确的银行卡号"); return; }}
  }});
  window.regionByCode = function (code) {{
    for (var i = 0; i < REGIONS.length; i++) if (REGIONS[i].code === code) return REGIONS[i];
    return null;
  }};
}})();
"""


class Site:
    """The page's files, made once: HTML per version, the rest shared."""

    def __init__(self) -> None:
        self.css = page_css().encode()
        self.js = page_js().encode()
        self.images = {name: noise_png(w, h, seed) for seed, (name, (w, h)) in enumerate(IMAGES.items())}

    def sizes(self) -> dict[str, int]:
        sizes = {"html": len(page_html("0000-x").encode()), "css": len(self.css), "js": len(self.js)}
        sizes.update({name: len(data) for name, data in self.images.items()})
        return sizes


class _SiteHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as any server today
    # headers and body go out in two writes: without TCP_NODELAY the body would wait for the
    # client's delayed ACK (40 ms on Linux), a delay no real server adds
    disable_nagle_algorithm = True

    def __init__(self, *args: Any, site: Site, **kwargs: Any) -> None:
        self.site = site
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        parts = urlsplit(self.path)
        name = parts.path.lstrip("/")
        if parts.path == PAGE:
            version = parse_qs(parts.query).get("v", ["0"])[0]
            self._answer("html", page_html(version).encode(), "text/html; charset=utf-8", "no-store")
        elif name == "refund.css":
            self._answer("css", self.site.css, "text/css; charset=utf-8", "max-age=86400")
        elif name == "refund.js":
            self._answer("js", self.site.js, "text/javascript; charset=utf-8", "max-age=86400")
        elif name in self.site.images:
            self._answer("png", self.site.images[name], "image/png", "max-age=86400")
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def _answer(self, kind: str, body: bytes, content_type: str, cache: str) -> None:
        time.sleep(DELAYS_S[kind])
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", cache)
        self.end_headers()
        self.wfile.write(body)


class SiteServer(PageServer):
    """The harness's page server, serving the generated site with its delays instead of a folder."""

    def __init__(self, site: Site) -> None:  # the folder server of the base class is not made
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SiteHandler, site=site))
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)


# --- the browser ---------------------------------------------------------------------------------


def install_host(profile: Path, home: Path, work: Path) -> None:
    """`kefuguard install` for this profile, as a user would run it; the launcher it writes carries
    KEFUGUARD_HOME (a throwaway folder) so the host never reads the user's own settings or lists."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "KEFUGUARD_"))}
    env.update(HOME=str(work), KEFUGUARD_HOME=str(home), KEFUGUARD_MANAGED_CONFIG=str(home / "no-managed.toml"))
    cmd = [sys.executable, "-m", "kefuguard", "install", "--browser", "chromium", "--user-data-dir", str(profile)]
    done = subprocess.run(
        [*cmd, "--extension-id", EXTENSION_ID, "--json"], capture_output=True, text=True, env=env, timeout=120
    )
    if done.returncode != 0:
        raise BenchError(f"kefuguard install failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")


def host_pids(home: Path) -> list[int]:
    """Running `kefuguard host` processes started with this run's KEFUGUARD_HOME."""
    marker = f"KEFUGUARD_HOME={home}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
            # the launcher's `python -P -S -c "...kefuguard.protocol.launch import run_host..."`, or `-m kefuguard host`
            launched = any(b"kefuguard.protocol.launch" in arg for arg in cmdline)
            if not launched and (b"kefuguard" not in cmdline or b"host" not in cmdline):
                continue
            if marker in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


class WorkerControl:
    """Stops the extension's service worker through the DevTools protocol of a blank tab."""

    def __init__(self, context: Any) -> None:
        self.tab = context.pages[0] if context.pages else context.new_page()
        self.cdp = context.new_cdp_session(self.tab)
        self.statuses: list[str] = []  # the worker's runningStatus as reported, in order
        self.cdp.on("ServiceWorker.workerVersionUpdated", self._on_versions)
        self.cdp.send("ServiceWorker.enable")

    def _on_versions(self, event: dict[str, Any]) -> None:
        for version in event["versions"]:
            if version["scriptURL"].startswith(EXTENSION_ORIGIN):
                self.statuses.append(version["runningStatus"])

    def stop(self, home: Path) -> None:
        """Stop the worker; returns once it reports "stopped" and the host it had started has exited."""
        for _ in range(3):
            self._stop(home)
            time.sleep(SETTLE_S)
            self.tab.evaluate("1")  # delivers the protocol's events received meanwhile
            if self.statuses[-1] == "stopped":
                return
        raise BenchError(f"the worker keeps waking up ({self.statuses[-5:]})")

    def _stop(self, home: Path) -> None:
        seen = len(self.statuses)
        self.cdp.send("ServiceWorker.stopAllWorkers")
        deadline = time.monotonic() + 10
        while "stopped" not in self.statuses[seen:] or host_pids(home):
            if time.monotonic() > deadline:
                raise BenchError(f"the worker did not stop (status {self.statuses[seen:]}, hosts {host_pids(home)})")
            self.tab.wait_for_timeout(50)  # lets Playwright deliver the protocol's events


def extension_worker(context: Any) -> Any:
    """The running extension worker (a new one after a wake-up)."""
    try:
        return running_worker(context, timeout_s=10)
    except AssertionError as e:
        raise BenchError(str(e)) from None


def visit(context: Any, server: PageServer, query: str, banner: bool = True, before: Any = None) -> dict[str, float]:
    """One visit in a fresh tab: the page's times, and the banner's unless `banner` is False (the
    browser without the extension, where the init script is not installed). The tab is opened
    first, then `before()` runs (stopping the worker: opening a tab is an event that would wake it),
    then, after a pause, the navigation."""
    page = context.new_page()
    try:
        time.sleep(SETTLE_S)
        if before is not None:
            before()
            time.sleep(SETTLE_S)
        page.goto(server.url(LOOKALIKE, f"{PAGE}?{query}"), wait_until="load", timeout=30000)
        if not banner:
            page.wait_for_function("() => performance.getEntriesByType('navigation')[0].loadEventEnd > 0")
            nav = page.evaluate("() => performance.getEntriesByType('navigation')[0].toJSON()")
            return {
                "response": nav["responseStart"],
                "dcl": nav["domContentLoadedEventEnd"],
                "load": nav["loadEventEnd"],
            }
        try:
            page.wait_for_function(
                "() => window.__kgBench && window.__kgBench.frameAt !== null"
                " && performance.getEntriesByType('navigation')[0].loadEventEnd > 0",
                timeout=BANNER_TIMEOUT_MS,
            )
        except Exception as e:
            raise BenchError(f"no banner on {page.url} within {BANNER_TIMEOUT_MS} ms") from e
        times = page.evaluate(READ_TIMES)
    finally:
        page.close()
    if times["level"] != "danger":
        raise BenchError(f"the banner on {LOOKALIKE} has level {times['level']!r}, not danger")
    return {k: float(v) for k, v in times.items() if k != "level"}


def check_banner(context: Any, server: PageServer) -> None:
    """Once, untimed: the banner is the extension's danger banner for this lookalike."""
    page = context.new_page()
    try:
        page.goto(server.url(LOOKALIKE, f"{PAGE}?r=check&v=check"))
        page.wait_for_selector("kefuguard-banner[data-kefuguard-level='danger']", state="attached", timeout=15000)
        banners = [w for w in shadow_widgets(page) if w.tag == "kefuguard-banner"]
        if len(banners) != 1 or not any(r.startswith("lookalike") for r in banners[0].reasons):
            raise BenchError(f"unexpected banner(s) on {LOOKALIKE}: {banners}")
    finally:
        page.close()


def woken_details(context: Any, page_origin: float) -> dict[str, float]:
    """What the woken worker saw: when its script started, its first check_url round trip."""
    worker = extension_worker(context)
    deadline = time.monotonic() + 10
    while True:  # a banner from the remembered hosts (background/verdicts.js) comes before the host's answer
        info = worker.evaluate(
            "async () => { const s = await globalThis.kefuguardBackground.debug_stats();"
            " return {origin: performance.timeOrigin, url: s.host.latency.check_url || null,"
            " remembered: s.counters.remembered_pages || 0}; }"
        )
        if info["url"] or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    if not info["url"]:
        raise BenchError("the woken worker made no check_url request")
    return {
        "worker_start": info["origin"] - page_origin,
        "first_check_url": float(info["url"]["max_ms"]),
        "remembered": float(info["remembered"]),
    }


# --- the report ----------------------------------------------------------------------------------


def spread(values: list[float]) -> str:
    text = f"{statistics.median(values):.1f} ms"
    if len(values) > 1:
        low, high = min(values), max(values)
        text += f" ({low:.1f} to {high:.1f})" if low < 0 else f" ({low:.1f}-{high:.1f})"
    return text


def table(rows: list[tuple[str, ...]]) -> str:
    head = ("measurement", "median (min-max)", "baseline, median (min-max)", "ratio", "target", "result")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(head, widths, strict=True)).rstrip()]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines)


def compare(label: str, values: list[float], base: list[float], target: float | None) -> tuple[str, ...]:
    ratio = statistics.median(values) / statistics.median(base)
    if target is None:
        return (label, spread(values), spread(base), f"{ratio:.2f}", "no target", "info")
    return (
        label,
        spread(values),
        spread(base),
        f"{ratio:.2f}",
        f"<= {target:.1f}",
        "PASS" if ratio <= target else "FAIL",
    )


def info(label: str, values: list[float]) -> tuple[str, ...]:
    return (label, spread(values), "-", "-", "-", "info")


def first(label: str, visits: list[dict[str, float]]) -> tuple[str, ...]:
    ahead = sum(1 for v in visits if v["banner"] < v["load"])
    return (label, f"{ahead} of {len(visits)}", "-", "-", "-", "info")


def versus(data: dict[str, list[dict[str, float]]]) -> list[tuple[str, ...]]:
    """This extension's banner times against the baseline extension's, visit by kind."""

    def col(kind: str, key: str) -> list[float]:
        return [r[key] for r in data[kind]]

    rows = []
    for kind in ("cold", "warm", "woken"):
        rows += [
            compare(f"vs {kind}: banner inserted, this / baseline", col(kind, "banner"), col(f"base_{kind}", "banner"), None),
            compare(
                f"vs {kind}: banner / its loadEventEnd, baseline",
                col(f"base_{kind}", "banner"),
                col(f"base_{kind}", "load"),
                None,
            ),
            first(f"vs {kind}: baseline visits with the banner before loadEventEnd", data[f"base_{kind}"]),
        ]
    rows += [
        info("vs woken: baseline navigation -> worker script start", col("base_woken", "worker_start")),
        info("vs woken: baseline first check_url round trip (host start)", col("base_woken", "first_check_url")),
    ]
    return rows


def report(data: dict[str, list[dict[str, float]]]) -> list[tuple[str, ...]]:
    def col(kind: str, key: str) -> list[float]:
        return [r[key] for r in data[kind]]

    rows = []
    for kind in ("cold", "warm"):
        label = f"1 worker running, {kind} cache"
        rows += [
            info(f"{label}: page responseStart", col(kind, "response")),
            info(f"{label}: page DOMContentLoaded end", col(kind, "dcl")),
            info(f"{label}: page loadEventEnd", col(kind, "load")),
            compare(f"{label}: banner inserted / loadEventEnd", col(kind, "banner"), col(kind, "load"), 1.0),
            info(f"{label}: next animation frame after the banner", col(kind, "frame")),
            first(f"{label}: visits with the banner before loadEventEnd", data[kind]),
            info(f"{label}: banner - DOMContentLoaded end, per visit", [v["banner"] - v["dcl"] for v in data[kind]]),
            info(f"no extension, {kind} cache: page DOMContentLoaded end", col(f"plain_{kind}", "dcl")),
            info(f"no extension, {kind} cache: page loadEventEnd", col(f"plain_{kind}", "load")),
            compare(
                f"{kind} cache: loadEventEnd, extension / no extension",
                col(kind, "load"),
                col(f"plain_{kind}", "load"),
                None,
            ),
        ]
    rows += [
        info("2 woken worker, cold cache: page loadEventEnd", col("woken", "load")),
        compare(
            "2 woken worker: banner inserted / row 1 cold banner", col("woken", "banner"), col("cold", "banner"), None
        ),
        compare(
            "2 woken worker: banner inserted / its loadEventEnd", col("woken", "banner"), col("woken", "load"), None
        ),
        info("2 woken worker: next animation frame after the banner", col("woken", "frame")),
        first("2 woken worker: visits with the banner before loadEventEnd", data["woken"]),
        info("2 woken worker: navigation -> worker script start", col("woken", "worker_start")),
        info("2 woken worker: first check_url round trip (host start)", col("woken", "first_check_url")),
        info("2 woken worker: the rest (banner - worker start - round trip; < 0: banner first)", col("woken", "rest")),
        (
            "2 woken worker: visits the worker answered from the remembered hosts (before the host answered)",
            f"{sum(1 for v in data['woken'] if v.get('remembered', 0) > 0)} of {len(data['woken'])}",
            "-",
            "-",
            "-",
            "info",
        ),
    ]
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 rounds: a smoke run")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument(
        "--baseline-extension",
        type=Path,
        help="another checkout's extension/ folder: its visits alternate with this one's, round by round",
    )
    args = parser.parse_args()
    rounds = 3 if args.quick else args.rounds

    if chromium_executable() is None:
        print("ERROR: no Chromium found (apt-get install chromium)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    site = Site()
    sizes = site.sizes()
    work = Path(tempfile.mkdtemp(prefix="kefuguard-bench-warning-"))
    profile, home = work / "profile", work / "home"
    kinds = ("cold", "warm", "woken", "plain_cold", "plain_warm", "base_cold", "base_warm", "base_woken")
    data: dict[str, list[dict[str, float]]] = {k: [] for k in kinds}
    load_before = os.getloadavg()
    version = ""
    try:
        install_host(profile, home, work)
        if args.baseline_extension:
            (work / "base").mkdir()
            install_host(work / "base-profile", work / "base-home", work / "base")
        with sync_playwright() as driver, SiteServer(site) as server:
            browser = launch(driver, profile, home, server, with_host=False)  # the host: installed above
            context = browser.context
            version = context.browser.version if context.browser else ""
            context.add_init_script(INIT_SCRIPT)
            runs = [(context, home, "")]  # (browser context, its KEFUGUARD_HOME, its data prefix)
            if args.baseline_extension:
                base = launch(
                    driver,
                    work / "base-profile",
                    work / "base-home",
                    server,
                    with_host=False,
                    extension_dir=args.baseline_extension.resolve(),
                )
                base.context.add_init_script(INIT_SCRIPT)
                runs.append((base.context, work / "base-home", "base_"))
            plain = driver.chromium.launch_persistent_context(
                str(work / "plain-profile"),
                headless=True,
                executable_path=chromium_executable(),
                args=chromium_args(extension_dir=None),
                viewport={"width": 1100, "height": 720},
            )
            controls = {prefix: WorkerControl(ctx) for ctx, _, prefix in runs}
            for ctx, _, _ in runs:
                check_banner(ctx, server)
                visit(ctx, server, "r=warmup&v=warmup")  # untimed: host start, index compile, caches
                visit(ctx, server, "r=warmup-w&v=warmup")
            visit(plain, server, "r=warmup&v=warmup", banner=False)
            for r in range(rounds):
                # the extensions take turns at going first
                for ctx, ext_home, prefix in runs if r % 2 == 0 else runs[::-1]:
                    tag = f"{r}{prefix}"
                    data[f"{prefix}cold"].append(visit(ctx, server, f"r={tag}c&v={tag}c"))
                    data[f"{prefix}warm"].append(visit(ctx, server, f"r={tag}w&v={tag}c"))
                    control = controls[prefix]
                    woken = visit(ctx, server, f"r={tag}s&v={tag}s", before=lambda c=control, h=ext_home: c.stop(h))
                    woken.update(woken_details(ctx, woken["origin"]))
                    woken["rest"] = woken["banner"] - woken["worker_start"] - woken["first_check_url"]
                    data[f"{prefix}woken"].append(woken)
                    cold, warm = data[f"{prefix}cold"][-1], data[f"{prefix}warm"][-1]
                    print(
                        f"round {r + 1}/{rounds} {prefix or 'this'}: banner/load cold {cold['banner']:.0f}/"
                        f"{cold['load']:.0f}, warm {warm['banner']:.0f}/{warm['load']:.0f},"
                        f" woken {woken['banner']:.0f}/{woken['load']:.0f} ms",
                        file=sys.stderr,
                    )
                data["plain_cold"].append(visit(plain, server, f"r={r}c&v={r}c", banner=False))
                data["plain_warm"].append(visit(plain, server, f"r={r}w&v={r}c", banner=False))
            plain.close()
            for ctx, _, _ in runs:
                ctx.close()
    except BenchError as e:
        print(f"ERROR: {e}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load_after = os.getloadavg()

    total = sum(sizes.values())
    print(
        f"# bench_page_warning {dt.date.today()}  Chromium {version}  Python {platform.python_version()}"
        f"  {platform.machine()}  cpus {os.cpu_count()}"
        f"  load average {load_before[0]:.1f} before, {load_after[0]:.1f} after"
    )
    print(
        f"# page http://{LOOKALIKE}:PORT{PAGE}: HTML {sizes['html']:,} B, CSS {sizes['css']:,} B,"
        f" JS {sizes['js']:,} B, {len(IMAGES)} images {sum(len(d) for d in site.images.values()):,} B,"
        f" total {total:,} B; server delays (ms) " + ", ".join(f"{k} {v * 1000:.0f}" for k, v in DELAYS_S.items())
    )
    print(f"# {rounds} round(s), a fresh tab per visit; ms from navigation start: median (min-max)\n")
    rows = report(data)
    if args.baseline_extension:
        print(f"# baseline extension: {args.baseline_extension}")
        rows += versus(data)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
