"""Quality of the chat checks on real public data in ../shared/eval (never copied into the project).

    .venv/bin/python benchmarks/eval_chat.py [--eval DIR] [--examples 5] [--only NAME]

Per dataset and subtype: the share of messages at caution or above and at danger, with example
misses (scam sets) and false positives (benign sets). Conversations with a session or dialogue id
are replayed in order through check_conversation (multi-turn context); JD's real agent chats are
replayed twice: without a page and on JD's own (verified) chat page. Customer turns are sent as
outgoing text. Exits 0 when the data is absent (with a message saying so), and also when a target is
missed (it prints FAIL): this measures, it does not gate.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = REPO.parent / "shared" / "eval"
JD_CHAT_PAGE = "https://chat.jd.com/index.action"

# (dataset, subtype, measure, limit): measure is 'caution' or 'danger', 'min' for recall and 'max' for warnings
TARGETS = [
    ("zh-telecom-fraud", "impersonate_customer_service", "caution", "min", 0.95),
    ("zh-telecom-fraud", "normal", "caution", "max", 0.03),
    ("zh-telecom-fraud", "normal", "danger", "max", 0.01),
    ("en-sms-spam", "ham", "caution", "max", 0.01),
    ("en-smishtank", "ALL cs_related", "caution", "min", 0.90),
    ("zh-jddc-cs (on chat.jd.com)", "agent", "caution", "max", 0.01),
    ("zh-jddc-cs (on chat.jd.com)", "agent", "danger", "max", 0.0),
    ("zh-weibo-helpdesk", "agent", "caution", "max", 0.02),
    ("en-twitter-support", "agent", "caution", "max", 0.02),
]


@dataclass
class Tally:
    scam: bool
    n: int = 0
    caution: int = 0
    danger: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    def add(self, text: str, level: str, reasons: list[str], keep: int) -> None:
        self.n += 1
        warned = level in ("caution", "danger")
        self.caution += warned
        self.danger += level == "danger"
        if self.scam and not warned and len(self.misses) < keep:
            self.misses.append(_short(text))
        if not self.scam and warned and len(self.false_positives) < keep:
            self.false_positives.append(f"[{level}: {', '.join(reasons[:3])}] {_short(text)}")


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _rows(path: Path) -> Iterable[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _engine() -> Any:
    home = tempfile.mkdtemp(prefix="kefuguard-eval-")
    os.environ["KEFUGUARD_HOME"] = home
    os.environ["KEFUGUARD_MANAGED_CONFIG"] = os.path.join(home, "no-managed.toml")
    from kefuguard.service.engine import Engine

    return Engine()


def eval_single(channels: Any, rows: Iterable[dict[str, Any]], subtype_of: Any, keep: int) -> dict[str, Tally]:
    from kefuguard.detect.text.check import ChatMessage, check_text

    tallies: dict[str, Tally] = {}
    for row in rows:
        subtype = subtype_of(row)
        tally = tallies.setdefault(subtype, Tally(scam=row.get("label") != "benign"))
        result = check_text(ChatMessage(row["text"]), channels)
        tally.add(row["text"], result.level, [r.code for r in result.reasons], keep)
    return tallies


def eval_conversations(
    channels: Any, rows: list[dict[str, Any]], key: str, page: str | None, keep: int, customer_outgoing: bool
) -> dict[str, Tally]:
    from kefuguard.detect.text.check import ChatMessage, check_conversation

    sessions: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        sessions[row.get(key)].append(row)
    tallies: dict[str, Tally] = {}
    for turns in sessions.values():
        messages = [
            ChatMessage(r["text"], "outgoing" if customer_outgoing and r.get("subtype") == "customer" else "incoming")
            for r in turns
        ]
        for row, result in zip(turns, check_conversation(messages, channels, page), strict=True):
            tally = tallies.setdefault(row.get("subtype", "?"), Tally(scam=row.get("label") != "benign"))
            tally.add(row["text"], result.level, [r.code for r in result.reasons], keep)
    return tallies


def _smishtank_subtype(row: dict[str, Any]) -> str:
    return str(row.get("subtype", "?")).split("|", 1)[0] + (" (cs_related)" if row.get("cs_related") else "")


def run(eval_dir: Path, keep: int, only: str | None) -> list[tuple[str, dict[str, Tally]]]:
    engine = _engine()
    channels = engine.text_index()  # what the chat checks take
    results: list[tuple[str, dict[str, Tally]]] = []

    def want(name: str) -> bool:
        return (only is None or only in name) and (eval_dir / name.split(" ")[0] / "all.jsonl").exists()

    if want("zh-telecom-fraud"):
        rows = _rows(eval_dir / "zh-telecom-fraud" / "all.jsonl")
        results.append(("zh-telecom-fraud", eval_single(channels, rows, lambda r: r["subtype"], keep)))
    if want("en-sms-spam"):
        rows = _rows(eval_dir / "en-sms-spam" / "all.jsonl")
        results.append(("en-sms-spam", eval_single(channels, rows, lambda r: r["subtype"], keep)))
    if want("en-smishtank"):
        rows = _rows(eval_dir / "en-smishtank" / "all.jsonl")
        tallies = eval_single(channels, rows, _smishtank_subtype, keep)
        combined = Tally(scam=True)  # the customer-service-like set the target is about
        for subtype, t in tallies.items():
            if subtype.endswith("(cs_related)"):
                combined.n, combined.caution, combined.danger = (
                    combined.n + t.n,
                    combined.caution + t.caution,
                    combined.danger + t.danger,
                )
        tallies["ALL cs_related"] = combined
        results.append(("en-smishtank", tallies))
    if want("zh-jddc-cs"):
        rows = list(_rows(eval_dir / "zh-jddc-cs" / "all.jsonl"))
        results.append(("zh-jddc-cs (no page)", eval_conversations(channels, rows, "session", None, keep, True)))
        results.append(
            ("zh-jddc-cs (on chat.jd.com)", eval_conversations(channels, rows, "session", JD_CHAT_PAGE, keep, True))
        )
    if want("zh-weibo-helpdesk"):
        rows = list(_rows(eval_dir / "zh-weibo-helpdesk" / "all.jsonl"))
        results.append(("zh-weibo-helpdesk", eval_conversations(channels, rows, "dialogue", None, keep, False)))
    if want("en-twitter-support"):
        rows = list(_rows(eval_dir / "en-twitter-support" / "all.jsonl"))
        results.append(("en-twitter-support", eval_conversations(channels, rows, "dialogue", None, keep, False)))
    return results


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def table(results: list[tuple[str, dict[str, Tally]]]) -> str:
    lines = [
        "| dataset | subtype | kind | n | caution+ | danger |",
        "|---|---|---|---:|---:|---:|",
    ]
    for name, tallies in results:
        for subtype, t in sorted(tallies.items()):
            kind = "scam (recall)" if t.scam else "benign (warned)"
            lines.append(f"| {name} | {subtype} | {kind} | {t.n} | {_pct(t.caution, t.n)} | {_pct(t.danger, t.n)} |")
    return "\n".join(lines)


def targets(results: list[tuple[str, dict[str, Tally]]]) -> list[str]:
    out = []
    by_name = {name: tallies for name, tallies in results}
    for dataset, subtype, measure, direction, limit in TARGETS:
        t = by_name.get(dataset, {}).get(subtype)
        if t is None or not t.n:
            continue
        share = (t.caution if measure == "caution" else t.danger) / t.n
        ok = share >= limit if direction == "min" else share <= limit
        sign = ">=" if direction == "min" else "<="
        out.append(
            f"{'PASS' if ok else 'FAIL'}  {dataset} / {subtype}: {measure}{'+' if measure == 'caution' else ''} "
            f"{100 * share:.1f}% (target {sign} {100 * limit:.0f}%)"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="the shared evaluation folder")
    parser.add_argument("--examples", type=int, default=5, help="misses / false positives shown per subtype")
    parser.add_argument("--only", help="datasets whose name contains this")
    args = parser.parse_args(argv)
    if not (args.eval / "README.md").exists() and not any(args.eval.glob("*/all.jsonl")):
        print(f"skipped: no evaluation data at {args.eval} (it is not part of the project)")
        return 0
    started = time.perf_counter()
    results = run(args.eval, args.examples, args.only)
    print(table(results))
    print()
    for line in targets(results):
        print(line)
    for name, tallies in results:
        for subtype, t in sorted(tallies.items()):
            examples = t.misses if t.scam else t.false_positives
            if not examples:
                continue
            print(f"\n{name} / {subtype}: {'misses' if t.scam else 'false positives'}")
            for text in examples:
                print(f"  - {text}")
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
