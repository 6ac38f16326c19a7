#!/usr/bin/env python3
"""The full JSON of many chat-check results, one line each, to compare two versions of the code.

    PYTHONPATH=host python benchmarks/verdict_snapshot.py --out before.jsonl
    PYTHONPATH=<copy>/host python benchmarks/verdict_snapshot.py --out after.jsonl
    python benchmarks/verdict_snapshot.py --compare before.jsonl after.jsonl

A change meant to make the check faster must leave every line byte-identical. The lines:
`Engine.check_text` of every text of benchmarks/data/chat/raw (incoming and outgoing, each also with
a page and a sender taken in turn from a fixed set), of bench_chat's 200- and 40-character lines and
of bench_serve's 500 messages; `Engine.check_chat` of the quoted conversations (items with `conv`,
in turn order) and of every file's texts in twenty-message conversations, on a page. Where the
engine has `check_text_json` (the service's and the CLI's reply), each of its replies must be the
compact JSON of the result's dict. --compare prints how many lines differ and the key of the first
few, never the texts.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

RAW = REPO / "benchmarks" / "data" / "chat" / "raw"
PAGES = [
    "https://www.taobao.com/chat",
    "https://www.amazon.com/gp/help/customer/contact-us",
    "http://a1b2c3.top/login",
    "https://weibo.com/u/123",
    "https://example.org/support",
]
SENDERS = ["淘宝客服", "Amazon Support", "京东官方客服", "PayPal", "小王"]
CHUNK = 20


def _engine() -> Any:
    home = tempfile.mkdtemp(prefix="kefuguard-snapshot-")
    os.environ["KEFUGUARD_HOME"] = home
    os.environ["KEFUGUARD_MANAGED_CONFIG"] = os.path.join(home, "no-managed.toml")
    from kefuguard.service.engine import Engine

    return Engine()


def _raw_items() -> Iterator[tuple[str, dict[str, Any]]]:
    for path in sorted(RAW.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                yield f"{path.name}:{n}", json.loads(line)


JSON_MISMATCHES: list[str] = []


def _checked(engine: Any) -> Any:
    """engine.check_text, which also compares the engine's JSON reply (where it has one) with the
    compact JSON of the result's dict: the service and the CLI send that text."""
    from kefuguard.compact_json import to_compact_json

    as_json = getattr(engine, "check_text_json", None)

    def check_text(request: dict[str, Any]) -> Any:
        result = engine.check_text(request)
        if as_json is not None and as_json(request) != (result["level"], to_compact_json(result)):
            JSON_MISMATCHES.append(request.get("direction") or "incoming")  # counted, not shown
        return result

    return check_text


def results(engine: Any) -> Iterator[tuple[str, Any]]:
    import bench_chat
    from bench_serve import text_bodies

    check_text = _checked(engine)

    items = list(_raw_items())
    for i, (key, item) in enumerate(items):
        text = item["text"]
        page, sender = PAGES[i % len(PAGES)], SENDERS[i % len(SENDERS)]
        for direction in ("incoming", "outgoing"):
            yield f"{key} {direction}", check_text({"text": text, "direction": direction})
            request = {"text": text, "direction": direction, "url": page, "sender": sender}
            yield f"{key} {direction} page sender", check_text(request)
    for length, seed in ((200, 1), (40, 2)):
        for i, text in enumerate(bench_chat.make_messages(1000, length=length, seed=seed)):
            yield f"bench_chat {length} {i}", check_text({"text": text})
    for i, body in enumerate(text_bodies()):
        yield f"bench_serve {i}", check_text(json.loads(body))

    conversations: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    by_file: dict[str, list[dict[str, Any]]] = {}
    for key, item in items:
        if "conv" in item:
            conversations.setdefault(str(item["conv"]), []).append((int(item.get("turn", 0)), item))
        by_file.setdefault(key.split(":")[0], []).append(item)
    for conv, turns in sorted(conversations.items()):
        messages = [
            {"text": item["text"], "direction": item.get("direction") or "incoming"}
            for _, item in sorted(turns, key=lambda t: t[0])
        ]
        yield f"conversation {conv}", engine.check_chat(None, messages)
    for name, file_items in by_file.items():
        for start in range(0, len(file_items), CHUNK):
            messages = [
                {"text": item["text"], "direction": "outgoing" if j % 3 == 0 else "incoming"}
                for j, item in enumerate(file_items[start : start + CHUNK])
            ]
            page = PAGES[(start // CHUNK) % len(PAGES)]
            yield f"chat {name} {start}", engine.check_chat(page, messages)


def compare(before: Path, after: Path) -> int:
    a = before.read_text(encoding="utf-8").splitlines()
    b = after.read_text(encoding="utf-8").splitlines()
    differ = [x.split("\t", 1)[0] for x, y in zip(a, b, strict=False) if x != y]
    print(f"{len(a)} and {len(b)} lines, {len(differ)} differ")
    for key in differ[:10]:
        print("  differs:", key)
    return 0 if not differ and len(a) == len(b) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    if args.out is None:
        parser.error("--out FILE or --compare BEFORE AFTER")
    engine = _engine()
    count = 0
    with args.out.open("w", encoding="utf-8") as f:
        for key, result in results(engine):
            f.write(key + "\t" + json.dumps(result, ensure_ascii=False) + "\n")
            count += 1
    print(f"{count} results written to {args.out}; JSON replies unlike their result's dict: {len(JSON_MISMATCHES)}")
    return 1 if JSON_MISMATCHES else 0


if __name__ == "__main__":
    sys.exit(main())
