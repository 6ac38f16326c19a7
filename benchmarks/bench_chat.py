"""Speed of the chat checks against a plain Python `str.find` loop over the same keyword set.

    .venv/bin/python benchmarks/bench_chat.py [--messages 2000] [--repeat 7]

Messages are 200 characters, built from hand-written Chinese and English chat lines (benign and
scam, no evaluation data). Measured in one run, interleaved (baseline, check, check, baseline...)
so that machine load hits both alike; each figure is the median of the repetitions.

- baseline: `for kw in keywords: text.lower().find(kw)` for every keyword of the text index
  (tactic phrases with their evasions plus every brand keyword of the embedded list);
- check_text: the whole chat check with all features on (folding, automaton, entities, tactics,
  list lookups, links through the URL check, scoring, reasons and advice);
- scan only: fold + automaton, for information;
- check_text on 40-character messages (a typical chat line), for information;
- check_chat: one 1,000-message conversation through the engine (context, reply trimming).

Target: check_text <= 3x the baseline. Missing it prints FAIL and still exits 0.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

LINES = [
    "亲，这款衣服有货的，今天下单明天发货哦。",
    "您好，退款已处理，预计1-3个工作日原路退回。",
    "【顺丰速运】您的快件已由快递员派送，请保持电话畅通。",
    "好的，谢谢你，我晚点再看看尺码。",
    "请问这个有没有优惠券可以用呀？",
    "验证码482910，您正在登录，请勿将验证码告诉任何人。",
    "您好，我是淘宝客服，您购买的商品有质量问题，可以办理双倍赔偿。",
    "请添加客服微信 kefu8888 处理退款事宜。",
    "为了资金安全，请下载腾讯会议并开启屏幕共享，我来指导您操作。",
    "请把收到的短信验证码告诉我，为您注销学生账户，否则影响征信。",
    "Hi, your parcel is on the way, you can track it in the app.",
    "Can you send me the notes from today's class?",
    "This is Amazon support, your account has been locked, tell us the code.",
    "Thanks for reaching out! We've issued a refund to your card.",
    "详情请访问 https://www.taobao.com/help 或拨打 95188 咨询。",
    "您的账户存在异常，请立即点击 http://a1b2c3.top/login 验证。",
]


def make_messages(n: int, length: int = 200, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        text = ""
        while len(text) < length:
            text += rng.choice(LINES)
        out.append(text[:length])
    return out


def _channels() -> Any:
    home = tempfile.mkdtemp(prefix="kefuguard-bench-chat-")
    os.environ["KEFUGUARD_HOME"] = home
    os.environ["KEFUGUARD_MANAGED_CONFIG"] = os.path.join(home, "no-managed.toml")
    from kefuguard.service.engine import Engine

    engine = Engine()
    return engine, engine.text_index()


def _per_message(fn: Callable[[str], Any], messages: list[str]) -> float:
    started = time.perf_counter()
    for m in messages:
        fn(m)
    return (time.perf_counter() - started) / len(messages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)

    from kefuguard.detect.text.check import ChatMessage, check_text
    from kefuguard.detect.text.normalize import fold_text

    engine, index = _channels()
    keywords = [k.key for k in index.automaton.keywords]
    messages = make_messages(args.messages)

    def baseline(text: str) -> None:
        low = text.lower()
        for kw in keywords:
            low.find(kw)

    def full(text: str) -> None:
        check_text(ChatMessage(text), index)

    def scan(text: str) -> None:
        index.hits(fold_text(text))

    for fn in (baseline, full, scan):  # warm-up: caches, the URL check's suffix list
        _per_message(fn, messages[:200])
    times: dict[str, list[float]] = {"baseline": [], "check_text": [], "scan": []}
    for i in range(args.repeat):
        order = [("baseline", baseline), ("check_text", full), ("scan", scan)]
        for name, fn in order if i % 2 == 0 else reversed(order):
            times[name].append(_per_message(fn, messages))
    med = {k: statistics.median(v) for k, v in times.items()}

    short = make_messages(args.messages, length=40, seed=2)
    short_time = statistics.median(_per_message(full, short) for _ in range(3))

    conversation = [
        {"text": m, "direction": "incoming" if i % 3 else "outgoing"} for i, m in enumerate(messages[:1000])
    ]
    chat_times = []
    for _ in range(3):
        started = time.perf_counter()
        engine.check_chat("https://www.taobao.com/chat", conversation)
        chat_times.append(time.perf_counter() - started)

    ratio = med["check_text"] / med["baseline"]
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    print(f"keywords: {len(keywords)} (automaton states: {index.automaton.state_count})")
    print(f"messages: {len(messages)} x 200 characters, {args.repeat} interleaved repetitions (medians)")
    print(f"baseline str.find loop : {med['baseline'] * 1e6:8.1f} us/message")
    print(
        f"check_text, all on     : {med['check_text'] * 1e6:8.1f} us/message  ({1 / med['check_text']:,.0f} messages/s)"
    )
    print(f"fold + automaton only  : {med['scan'] * 1e6:8.1f} us/message")
    print(f"check_text, 40 chars   : {short_time * 1e6:8.1f} us/message  ({1 / short_time:,.0f} messages/s)")
    print(f"check_chat, 1,000 msgs : {statistics.median(chat_times) * 1e3:8.1f} ms")
    print(f"{'PASS' if ratio <= 3 else 'FAIL'}  check_text / baseline = {ratio:.2f} (target <= 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
