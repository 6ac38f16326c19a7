"""Benchmark: the extension on a busy chat page, in the system Chromium with the real host.

    .venv/bin/python benchmarks/bench_extension.py            # 2,000 messages, 5 rounds per scenario
    .venv/bin/python benchmarks/bench_extension.py --quick    # 300 messages, 1 round
    .venv/bin/python benchmarks/bench_extension.py --baseline-extension OLD/extension   # before/after

`--baseline-extension DIR` adds a fourth way, in a third Chromium: another copy of the extension
(say `git archive main extension | tar -x -C OLD`) with the same host, checks on, interleaved with
the others, so a change to the content script is measured before and after in one run.

A local page (served on 127.0.0.1 as http://shop.example.com:PORT/) holds a shop chat widget that
appends messages by script, as a live chat does. Every 10th message carries a lookalike link
(marked `danger` by the link detector), every 25th a fake-customer-service script, the rest are
ordinary shop replies. Two scenarios:

  streamed  N messages appended 20 at a time every 50 ms (a very busy live chat)
  burst     N messages appended in one task (a long chat history shown at once)

Each round opens a fresh tab, waits for the content script, then appends. Every round runs three
ways, interleaved: the extension as installed; the same browser with all four checks switched off
in its settings (the content script loads and does nothing: the baseline that isolates what the
checking costs the page); and a second Chromium without the extension (what having the extension,
its service worker and the host process on the machine costs at all).

Measurements (medians over the rounds):
  long tasks        PerformanceObserver("longtask") entries (tasks of 50 ms or more) on the page's
                    main thread from the first message until everything is checked (+0.5 s):
                    count, total duration, and total blocking time (sum of duration - 50 ms);
                    in each of the three
  main-thread time  the renderer's TaskDuration (DevTools Performance.getMetrics) over the same
                    window: what the page's main thread did in all, ours included; its ratio to
                    the Chromium without the extension (the goal: <= 1.05); and the script,
                    layout and style-recalculation parts of it (ScriptDuration, LayoutDuration,
                    RecalcStyleDuration). Wall-clock, so other work on the machine inflates it:
                    also the main thread's CPU time (ThreadTime) and how many layouts and style
                    recalculations it did (LayoutCount, RecalcStyleCount)
  content script    time in the extension's own functions and the DOM calls they make, from a
                    sampling CPU profile of the page (200 us interval; the profiler runs in every
                    variant alike): our code, without the style and layout work its marks cause
                    later and without the browser's own cost of delivering mutation records
  (long tasks and main-thread time are wall-clock: on a shared 2-core machine the host process,
   the browser's other processes and other work move them by tens of percent between rounds;
   the table shows median (min-max) over the rounds)
  time to mark      each scam message appended -> its mark in the page (median and p95)
  end to end        first message appended -> last result back in the content script (the
                    background's last check_chat reply, or the last mark drawn, whichever is later);
                    messages checked per second = N / that time
  host round trip   check_chat requests as the background's port sees them (post -> reply), from
                    the `debug_stats` message: median, p99, and messages per request
  check_url         300 sequential check_url round trips from the background (distinct URLs)
  frames (--trace)  from a DevTools trace of each round (all variants alike): how many frames the
                    page's main thread committed to the compositor (each costs style, layout,
                    paint and commit work however small the change), and the thread time of its
                    IntersectionObserver computations (every observed element, every frame)

This is a benchmark, not a test: pytest never runs it. It exits 1 when a measurement could not be
taken (no Chromium, the extension never answered, too few warnings drawn).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.browser.harness import (  # noqa: E402 - after the path set-up
    EXTENSION_ORIGIN,
    PAGES_DIR,
    PageServer,
    chromium_args,
    chromium_executable,
    launch,
)

BENCH_PAGE = """<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>bench chat</title><link rel="stylesheet" href="chat.css"></head>
<body>
  <div class="top">优选小店</div>
  <div class="content"><div id="chat-root"></div></div>
  <script src="chat-widget.js"></script>
  <script>
    const BENIGN = ["您好，请问有什么可以帮您？", "这款耳机今天下单明天就能发货。", "好的，感谢您的耐心等待！",
      "亲，尺码可以参考详情页的尺码表哦。", "已经为您备注了，仓库会优先安排。", "快递一般两到三天送达。"];
    function text(i) {
      if (i % 10 === 3) return "您的订单" + i + "异常，点击 http://taobao-kefu.com/refund?o=" + i + " 申请退款";
      if (i % 25 === 7) return "我是淘宝官方客服，您的订单异常，需要为您办理退款，请添加QQ " + (10000000 + i);
      return BENIGN[i % BENIGN.length] + "（" + i + "）";
    }
    window.bench = { longTasks: [], marks: 0, lastMarkAt: 0, startAt: 0, startPerf: 0, addedAt: 0,
                     insertedAt: {}, toMark: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) {
        if (n.nodeName === "KEFUGUARD-MARK") {
          bench.marks++; bench.lastMarkAt = Date.now();
          const at = bench.insertedAt[n.getAttribute("data-kefuguard-anchor")];
          if (at) bench.toMark.push(bench.lastMarkAt - at);
        }
      }
    }).observe(document.documentElement, { childList: true, subtree: true });  // marks live in our layer under <html>
    bench.run = (n, perTick, intervalMs) => new Promise((resolve) => {
      bench.startAt = Date.now();
      bench.startPerf = performance.now();
      let i = 0;
      function tick() {
        const end = Math.min(n, i + perTick);
        for (; i < end; i++) {
          bench.insertedAt["b" + i] = Date.now();
          window.testChat.receive(text(i), { id: "b" + i });
        }
        if (i < n) setTimeout(tick, intervalMs); else { bench.addedAt = Date.now(); resolve(); }
      }
      tick();
    });
  </script>
</body>
</html>
"""

SCENARIOS = {"streamed": (20, 50), "burst": (None, 0)}  # name -> (messages per task, ms between tasks)
SETTLE_S = 0.5
PROFILE_INTERVAL_US = 200
TRACE_CATEGORIES = "devtools.timeline,disabled-by-default-devtools.timeline"
TRACE = {"on": False}  # --trace


class BenchError(Exception):
    pass


def link_scams(n: int) -> int:
    return sum(1 for i in range(n) if i % 10 == 3)


def debug_stats(ext_page: Any, reset: bool = False) -> dict[str, Any]:
    reply = ext_page.evaluate("(reset) => chrome.runtime.sendMessage({kind: 'debug_stats', reset})", reset)
    if not reply or not reply.get("ok"):
        raise BenchError(f"debug_stats failed: {reply}")
    return reply


PAGE_METRICS = {
    "main_thread_ms": "TaskDuration",
    "cpu_ms": "ThreadTime",
    "script_ms": "ScriptDuration",
    "layout_ms": "LayoutDuration",
    "style_ms": "RecalcStyleDuration",
    "layouts": "LayoutCount",
    "style_recalcs": "RecalcStyleCount",
}
COUNTS = ("layouts", "style_recalcs")  # not seconds


def page_metrics(cdp: Any) -> dict[str, float]:
    """The renderer's cumulative main-thread times, in seconds, by our names for them."""
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return {key: float(metrics.get(name, float("nan"))) for key, name in PAGE_METRICS.items()}


def set_checks(browser: Any, on: bool) -> None:
    """All four checks on (the defaults) or off, for the pages opened next in `browser`."""
    features = {f: on for f in ("page_check", "link_check", "chat_check", "send_warning")}
    browser.worker.evaluate(
        """async (features) => {
             await chrome.storage.local.set({settings: {features}});
             const bg = globalThis.kefuguardBackground;
             for (let i = 0; i < 100 && bg.settings.effective.features.chat_check !== features.chat_check; i++) {
               await bg.ready;
               await new Promise((r) => setTimeout(r, 20));
             }
           }""",
        features,
    )


def extension_script_ms(profile: dict[str, Any]) -> float:
    """Time in the extension's own functions and everything they call (DOM calls included) in a
    sampling CPU profile: samples whose stack has a frame from the extension's files."""
    parent: dict[int, int] = {}
    for node in profile["nodes"]:
        for child in node.get("children", []):
            parent[child] = node["id"]
    direct = {n["id"] for n in profile["nodes"] if n["callFrame"]["url"].startswith(EXTENSION_ORIGIN)}
    memo: dict[int, bool] = {}

    def ours(node_id: int) -> bool:
        chain = []
        found = False
        current: int | None = node_id
        while current is not None:
            if current in memo:
                found = memo[current]
                break
            chain.append(current)
            if current in direct:
                found = True
                break
            current = parent.get(current)
        for c in chain:
            memo[c] = found
        return found

    samples = profile.get("samples", [])
    if not samples:
        return 0.0
    per_sample_ms = (profile["endTime"] - profile["startTime"]) / len(samples) / 1000
    return sum(per_sample_ms for node in samples if ours(node))


def start_trace(cdp: Any) -> dict[str, Any]:
    state: dict[str, Any] = {"events": [], "done": False}
    cdp.on("Tracing.dataCollected", lambda p: state["events"].extend(p["value"]))
    cdp.on("Tracing.tracingComplete", lambda p: state.update(done=True))
    cdp.send("Tracing.start", {"categories": TRACE_CATEGORIES, "transferMode": "ReportEvents"})
    return state


def stop_trace(cdp: Any, page: Any, state: dict[str, Any]) -> dict[str, float]:
    cdp.send("Tracing.end")
    deadline = time.monotonic() + 60
    while not state["done"]:
        if time.monotonic() > deadline:
            raise BenchError("the DevTools trace did not finish")
        page.wait_for_timeout(50)
    return trace_counts(state["events"])


def trace_counts(events: list[dict[str, Any]]) -> dict[str, float]:
    """The page's frames (compositor commits on its renderer's main thread, the busiest one in the
    trace) and the thread time of its IntersectionObserver computations, from a DevTools trace."""
    names = {
        (e["pid"], e["tid"]): e["args"]["name"] for e in events if e.get("ph") == "M" and e.get("name") == "thread_name"
    }
    busy = collections.Counter(
        (e["pid"], e["tid"])
        for e in events
        if e.get("ph") == "X" and names.get((e["pid"], e["tid"])) == "CrRendererMain"
    )
    if not busy:
        raise BenchError("no renderer main thread in the DevTools trace")
    main = busy.most_common(1)[0][0]
    on_main = [e for e in events if e.get("ph") == "X" and (e["pid"], e["tid"]) == main]
    intersections = [e for e in on_main if e["name"] == "IntersectionObserverController::computeIntersections"]
    return {
        "frames": float(sum(1 for e in on_main if e["name"] == "Commit")),
        "intersection_ms": sum(e.get("tdur", e.get("dur", 0)) for e in intersections) / 1000,
    }


def one_round(context: Any, server: PageServer, n: int, scenario: str, ext_page: Any | None) -> dict[str, float]:
    per_tick, interval = SCENARIOS[scenario]
    page = context.new_page()
    try:
        page.goto(server.url("shop.example.com", "/bench.html"))
        page.wait_for_function("() => !!window.testChat && !!window.bench")
        page.wait_for_timeout(500)  # the content script's start, the page check
        if ext_page is not None:
            debug_stats(ext_page, reset=True)
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        # a sampling profile in both browsers (same overhead on both sides): our scripts' own time
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": PROFILE_INTERVAL_US})
        cdp.send("Profiler.start")
        trace = start_trace(cdp) if TRACE["on"] else None
        before = page_metrics(cdp)
        page.evaluate("([n, perTick, interval]) => bench.run(n, perTick, interval)", [n, per_tick or n, interval])
        end_at = added_at = None
        if ext_page is not None:
            deadline = time.monotonic() + 120
            while True:
                stats = debug_stats(ext_page)
                if stats["counters"]["chat_messages"] >= n:
                    break
                if time.monotonic() > deadline:
                    raise BenchError(f"only {stats['counters']['chat_messages']} of {n} messages were checked")
                time.sleep(0.05)
            page.wait_for_timeout(int(SETTLE_S * 1000))
            bench = page.evaluate(
                "() => ({startAt: bench.startAt, addedAt: bench.addedAt,"
                " lastMarkAt: bench.lastMarkAt, marks: bench.marks, toMark: bench.toMark})"
            )
            if bench["marks"] < link_scams(n):
                raise BenchError(f"{bench['marks']} warnings drawn, expected at least {link_scams(n)}")
            end_at = max(stats["counters"]["chat_last_reply_at"], bench["lastMarkAt"])
            to_mark = sorted(bench["toMark"]) or [float("nan")]
            added_at = bench["addedAt"]
        else:
            page.wait_for_timeout(int(SETTLE_S * 1000))
        after = page_metrics(cdp)
        traced = stop_trace(cdp, page, trace) if trace is not None else {}
        profile = cdp.send("Profiler.stop")["profile"]
        ours_ms = extension_script_ms(profile)
        if os.environ.get("KEFUGUARD_BENCH_PROFILE_DIR"):  # for a closer look: one CPU profile per round
            out_dir = Path(os.environ["KEFUGUARD_BENCH_PROFILE_DIR"])
            out_dir.mkdir(parents=True, exist_ok=True)
            name = f"{scenario}-{'ext' if ext_page else 'plain'}-{time.time_ns()}.cpuprofile"
            (out_dir / name).write_text(json.dumps(profile))
        cdp.detach()
        bench = page.evaluate(
            "() => ({startAt: bench.startAt, startPerf: bench.startPerf, longTasks: bench.longTasks})"
        )
        # a task that ends after the first message was appended (the burst's own task starts a little earlier)
        tasks = [d for start, d in bench["longTasks"] if start + d >= bench["startPerf"]]
        out = {
            "long_count": float(len(tasks)),
            "long_total_ms": sum(tasks),
            "tbt_ms": sum(max(0.0, d - 50) for d in tasks),
            **{key: (after[key] - before[key]) * (1 if key in COUNTS else 1000) for key in PAGE_METRICS},
            "ours_ms": ours_ms,
            **traced,
        }
        if ext_page is not None:
            assert end_at is not None and added_at is not None
            e2e_ms = end_at - bench["startAt"]
            latency = stats["host"]["latency"].get("check_chat", {})
            out.update(
                {
                    "e2e_ms": e2e_ms,
                    "tail_ms": end_at - added_at,
                    "to_mark_median_ms": statistics.median(to_mark),
                    "to_mark_p95_ms": to_mark[int(0.95 * (len(to_mark) - 1))],
                    "per_s": n / (e2e_ms / 1000),
                    "rtt_median_ms": latency.get("median_ms", float("nan")),
                    "rtt_p99_ms": latency.get("p99_ms", float("nan")),
                    "batch": stats["counters"]["chat_messages"] / max(1, stats["counters"]["chat_requests"]),
                }
            )
        return out
    finally:
        page.close()


def median(rounds: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in rounds)


def spread(rounds: list[dict[str, float]], key: str, unit: str) -> str:
    """The median, and the range over the rounds when there are several."""
    values = [r[key] for r in rounds]
    text = fmt(statistics.median(values), unit)
    if len(values) > 1:
        text += f" ({fmt(min(values), '')}-{fmt(max(values), '')})"
    return text


def fmt(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "/s":
        return f"{value:,.0f} /s"
    return f"{value:.1f}"


def table(rows: list[tuple[str, ...]], baseline: bool) -> str:
    head = ("measurement", "extension", "extension, checks off", "no extension") + (
        ("baseline extension",) if baseline else ()
    )
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(head, widths, strict=True)).rstrip()]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines)


def scenario_rows(scenario: str, data: dict[str, list[dict[str, float]]]) -> list[tuple[str, ...]]:
    on, off, none, base = data["on"], data["off"], data["none"], data.get("base")
    variants = [on, off, none] + ([base] if base else [])

    def page_side(label: str, key: str, unit: str) -> tuple[str, ...]:
        return (f"{scenario}: {label}", *(spread(v, key, unit) for v in variants))

    def with_checks(label: str, cell: Any) -> tuple[str, ...]:
        return (f"{scenario}: {label}", cell(on), "-", "-") + ((cell(base),) if base else ())

    def checks(label: str, key: str, unit: str, ranged: bool = True) -> tuple[str, ...]:
        return with_checks(label, lambda v: spread(v, key, unit) if ranged else fmt(median(v, key), unit))

    def vs_none(key: str) -> Any:
        def cell(v: list[dict[str, float]]) -> str:
            # per round against the same round without the extension (interleaved), then the median
            ratios = [a[key] / b[key] for a, b in zip(v, none, strict=True)]
            text = f"{statistics.median(ratios):.2f}x"
            return text + (f" ({min(ratios):.2f}-{max(ratios):.2f})" if len(ratios) > 1 else "")

        return cell

    return [
        page_side("long tasks (count)", "long_count", ""),
        page_side("long tasks (total)", "long_total_ms", "ms"),
        page_side("total blocking time", "tbt_ms", "ms"),
        page_side("main-thread task time", "main_thread_ms", "ms"),
        with_checks("main-thread time / no extension (goal <= 1.05)", vs_none("main_thread_ms")),
        page_side("  of it script", "script_ms", "ms"),
        page_side("  of it layout", "layout_ms", "ms"),
        page_side("  of it style recalculation", "style_ms", "ms"),
        page_side("main-thread CPU time", "cpu_ms", "ms"),
        with_checks("main-thread CPU time / no extension", vs_none("cpu_ms")),
        page_side("layouts (count)", "layouts", ""),
        page_side("style recalculations (count)", "style_recalcs", ""),
        *(
            [
                page_side("frames committed (count)", "frames", ""),
                page_side("IntersectionObserver work", "intersection_ms", "ms"),
            ]
            if "frames" in on[0]
            else []
        ),
        checks("content-script JS (sampled)", "ours_ms", "ms"),
        checks("first message -> last result", "e2e_ms", "ms"),
        checks("last message appended -> last result", "tail_ms", "ms"),
        checks("a scam message appended -> its mark drawn, median", "to_mark_median_ms", "ms"),
        checks("a scam message appended -> its mark drawn, p95", "to_mark_p95_ms", "ms"),
        checks("messages checked per second", "per_s", "/s", ranged=False),
        checks("check_chat round trip, median", "rtt_median_ms", "ms", ranged=False),
        checks("check_chat round trip, p99", "rtt_p99_ms", "ms", ranged=False),
        checks("messages per check_chat", "batch", "", ranged=False),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="300 messages, 1 round: a smoke run")
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--scenario", choices=sorted(SCENARIOS), action="append", help="only these (repeatable)")
    parser.add_argument(
        "--baseline-extension", type=Path, help="another copy of extension/ to measure alongside (before/after)"
    )
    parser.add_argument(
        "--trace",
        action="store_true",
        help="also count frames and IntersectionObserver work from a DevTools trace of each round",
    )
    args = parser.parse_args()
    TRACE["on"] = args.trace
    scenarios = args.scenario or list(SCENARIOS)
    n, rounds = (300, 1) if args.quick else (args.messages, args.rounds)

    executable = chromium_executable()
    if executable is None:
        print("ERROR: no Chromium found (apt-get install chromium)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="kefuguard-bench-ext-"))
    pages = work / "pages"
    pages.mkdir()
    for name in ("chat-widget.js", "chat.css"):
        shutil.copy(PAGES_DIR / name, pages / name)
    (pages / "bench.html").write_text(BENCH_PAGE, encoding="utf-8")

    results: dict[str, dict[str, list[dict[str, float]]]] = {}
    try:
        with sync_playwright() as driver, PageServer(pages) as server:
            browser = launch(driver, work / "profile", work / "home", server)
            base = None
            base_page: Any = None
            if args.baseline_extension:
                base = launch(
                    driver,
                    work / "base-profile",
                    work / "base-home",
                    server,
                    extension_dir=args.baseline_extension.resolve(),
                )
                base_page = base.context.new_page()
                base_page.goto(f"{EXTENSION_ORIGIN}ui/report.html")
            plain = driver.chromium.launch_persistent_context(
                str(work / "plain-profile"),
                headless=True,
                executable_path=executable,
                args=chromium_args(extension_dir=None),
                viewport={"width": 1100, "height": 720},
            )
            ext_page = browser.context.new_page()
            ext_page.goto(f"{EXTENSION_ORIGIN}ui/report.html")
            # warm-up, untimed: starts the host, compiles its list index, builds the chat index on
            # its thread, and lets each browser compile the page's and our scripts (a first timed
            # round without it came out 20-40 % slower than the rest)
            for scenario in scenarios:
                one_round(browser.context, server, 300, scenario, ext_page)
                one_round(plain, server, 300, scenario, None)
                if base:
                    one_round(base.context, server, 300, scenario, base_page)
            for scenario in scenarios:
                results[scenario] = {"on": [], "off": [], "none": []} | ({"base": []} if base else {})
                for _ in range(rounds):  # interleaved, so machine load drifts hit all alike
                    set_checks(browser, on=True)
                    results[scenario]["on"].append(one_round(browser.context, server, n, scenario, ext_page))
                    set_checks(browser, on=False)
                    results[scenario]["off"].append(one_round(browser.context, server, n, scenario, None))
                    results[scenario]["none"].append(one_round(plain, server, n, scenario, None))
                    if base:
                        results[scenario]["base"].append(one_round(base.context, server, n, scenario, base_page))
            set_checks(browser, on=True)
            url_rtt = browser.worker.evaluate(
                """async (count) => {
                     const bg = globalThis.kefuguardBackground;
                     const times = [];
                     for (let i = 0; i < count; i++) {
                       const t = performance.now();
                       await bg.host.request({type: 'check_url', url: `https://shop${i}.example-bench.com/item?id=${i}`});
                       times.push(performance.now() - t);
                     }
                     times.sort((a, b) => a - b);
                     return {median: times[Math.floor(count / 2)], p99: times[Math.floor(count * 0.99)]};
                   }""",
                300,
            )
            ext_page.close()
            plain.close()
            browser.context.close()
            if base:
                base.context.close()
    except BenchError as e:
        print(f"ERROR: {e}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)

    version = ""
    try:
        import subprocess

        version = subprocess.run([executable, "--version"], capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    print(f"# bench_extension {dt.date.today()}  {version}  Python {platform.python_version()}  {platform.machine()}")
    print(f"# {n} messages, {rounds} round(s) per scenario: median (min-max); streamed = 20 messages every 50 ms\n")
    rows: list[tuple[str, ...]] = []
    for scenario, data in results.items():
        rows += scenario_rows(scenario, data)
    rows += [
        ("check_url round trip, median (300 sequential)", fmt(url_rtt["median"], "ms"), "-", "-"),
        ("check_url round trip, p99 (300 sequential)", fmt(url_rtt["p99"], "ms"), "-", "-"),
    ]
    if args.baseline_extension:
        rows[-2:] = [row + ("-",) for row in rows[-2:]]
    if args.baseline_extension:
        print(f"# baseline extension: {args.baseline_extension}")
    print(table(rows, baseline=bool(args.baseline_extension)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
