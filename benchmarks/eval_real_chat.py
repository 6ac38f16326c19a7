#!/usr/bin/env python3
"""Chat-check quality on the real development data in benchmarks/data/chat (quoted scam messages
and real benign look-alikes, split by source: benchmarks/data/SOURCES.md).

    python benchmarks/eval_real_chat.py                 # figures for both halves, per family
    python benchmarks/eval_real_chat.py --show-tune 20  # + 20 misses/false positives a family, TUNE half only
    python benchmarks/eval_real_chat.py --folds --show-tune 20  # the tune half in two folds by source
    python benchmarks/eval_real_chat.py --folds --file '*-batch14.jsonl'  # one batch's rows only

With --folds the tune half's sources are split in two by a hash of the source key: "tune-a" and
"tune-b". Write rules from tune-a's misses only and read tune-b as figures: a rule that lifts
tune-a and not tune-b followed its items' wording, and will not lift the holdout half either.

Every message is checked on its own, as `kefuguard check-text --json -` checks one JSON line (the
embedded list, no page, direction as quoted; the victim's own replies are left out of recall).
Quoted conversations are also replayed in order (check_conversation): a conversation counts as
caught when any of its scammer's messages is warned. The holdout half is only ever reported as
figures: this script has no option that prints its texts. It measures; it does not gate (exit 0).
"""

from __future__ import annotations

import argparse
import collections
import fnmatch
import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "benchmarks" / "data" / "chat"
WARNED = ("caution", "danger")
# targets of the issue "Chat checks that hold on real scam messages"
TARGET_RECALL = 0.90
TARGET_BENIGN_WARNED = 0.03


@dataclass
class Tally:
    n: int = 0
    warned: int = 0
    danger: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, level: str, show: str | None, keep: int) -> None:
        self.n += 1
        self.warned += level in WARNED
        self.danger += level == "danger"
        if show is not None and len(self.examples) < keep:
            self.examples.append(show)

    def pct(self, k: int) -> str:
        return f"{100 * k / self.n:.1f}%" if self.n else "-"


def _fold(key: str) -> str:
    return "tune-a" if hashlib.sha1(key.encode("utf-8")).digest()[0] % 2 == 0 else "tune-b"


def load(folds: bool = False) -> list[dict[str, Any]]:
    sys.path.insert(0, str(DATA))
    import split  # benchmarks/data/chat/split.py: the one definition of a source

    halves = {}
    for line in (DATA / "split.tsv").read_text("utf-8").splitlines()[1:]:
        key, half, _ = line.split("\t")
        halves[key] = half
    rows = split.rows()
    for r in rows:
        key = split.source_key(r)
        r["half"] = halves[key]
        if folds and r["half"] == "tune":
            r["half"] = _fold(key)
    return rows


def engine() -> Any:
    home = tempfile.mkdtemp(prefix="kefuguard-eval-real-")
    os.environ["KEFUGUARD_HOME"] = home
    os.environ["KEFUGUARD_MANAGED_CONFIG"] = os.path.join(home, "no-managed.toml")
    from kefuguard.service.engine import Engine

    return Engine()


def _describe(row: dict[str, Any], result: dict[str, Any]) -> str:
    codes = ",".join(r["code"] for r in result["reasons"][:4])
    return f"[{result['level']}] {row['text'][:160]!r}  ({codes}; {row['source_url']})"


def run(rows: list[dict[str, Any]], show_tune: int) -> tuple[dict, dict, dict]:
    from kefuguard.detect.text.check import ChatMessage, check_conversation

    eng = engine()
    single: dict[tuple, Tally] = collections.defaultdict(Tally)
    convs: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    outgoing: dict[tuple, Tally] = collections.defaultdict(Tally)
    for row in rows:
        direction = row.get("direction") or "incoming"
        result = eng.check_text({"text": row["text"], "direction": direction})
        if row.get("conv"):
            convs[f"{row['file']}:{row['conv']}"].append(row)
        if direction == "outgoing":
            outgoing[(row["half"], row["lang"])].add(result["level"], None, 0)
            continue
        missed = (row["label"] == "scam") != (result["level"] in WARNED)
        show = _describe(row, result) if missed and row["half"] in ("tune", "tune-a") and show_tune else None
        for family in (row["family"], "ALL"):
            single[(row["half"], row["lang"], row["label"], family)].add(result["level"], show, show_tune)
    index = eng.text_index()
    conversations: dict[tuple, Tally] = collections.defaultdict(Tally)
    for turns in convs.values():
        turns.sort(key=lambda r: r.get("turn", 0))
        messages = [ChatMessage(r["text"], r.get("direction") or "incoming") for r in turns]
        results = check_conversation(messages, index)
        incoming = [(r.get("direction") or "incoming") == "incoming" for r in turns]
        levels = [res.level for res, said_to_victim in zip(results, incoming, strict=True) if said_to_victim]
        worst = "danger" if "danger" in levels else ("caution" if "caution" in levels else "none")
        first = turns[0]
        conversations[(first["half"], first["lang"], first["label"])].add(worst, None, 0)
    return single, conversations, outgoing


def report(single: dict, conversations: dict, outgoing: dict, show_tune: int) -> None:
    print("## Single messages (as check-text --json - sees them)\n")
    print("| half | lang | label | family | n | warned (caution+) | danger |")
    print("|---|---|---|---|---:|---:|---:|")
    for key in sorted(single, key=lambda k: (k[0] == "holdout", k[0], k[1], k[2], k[3] != "ALL", k[3])):
        t = single[key]
        half, lang, label, family = key
        name = f"**{family}**" if family == "ALL" else family
        print(f"| {half} | {lang} | {label} | {name} | {t.n} | {t.pct(t.warned)} | {t.pct(t.danger)} |")
    print("\n## Targets (both halves must meet them; the holdout half was never tuned on)\n")
    for half in ("tune", "tune-a", "tune-b", "holdout"):
        if not any(k[0] == half for k in single):
            continue
        for lang in ("zh", "en"):
            t = single.get((half, lang, "scam", "ALL"))
            if t and t.n:
                ok = t.warned / t.n >= TARGET_RECALL
                print(f"{'PASS' if ok else 'FAIL'}  {half} {lang} scam warned {t.pct(t.warned)} (target >= 90%)")
        benign = [single.get((half, lang, "benign", "ALL")) for lang in ("zh", "en")]
        n = sum(t.n for t in benign if t)
        warned = sum(t.warned for t in benign if t)
        if n:
            ok = warned / n <= TARGET_BENIGN_WARNED
            print(f"{'PASS' if ok else 'FAIL'}  {half} benign warned {100 * warned / n:.1f}% of {n} (target <= 3%)")
        reminders = [single.get((half, lang, "benign", "antifraud_reminder")) for lang in ("zh", "en")]
        danger = sum(t.danger for t in reminders if t)
        print(f"{'PASS' if danger == 0 else 'FAIL'}  {half} anti-fraud reminders at danger: {danger} (target 0)")
    print("\n## Quoted conversations replayed (caught: any scammer message warned)\n")
    print("| half | lang | label | conversations | caught | danger |")
    print("|---|---|---|---:|---:|---:|")
    for key in sorted(conversations):
        t = conversations[key]
        print(f"| {key[0]} | {key[1]} | {key[2]} | {t.n} | {t.pct(t.warned)} | {t.pct(t.danger)} |")
    print("\n## The victims' own replies (outgoing), warned\n")
    for key in sorted(outgoing):
        t = outgoing[key]
        print(f"- {key[0]} {key[1]}: {t.warned} of {t.n}")
    if show_tune:
        print("\n## Tune half (tune-a with --folds): misses (scam) and false positives (benign)\n")
        for key in sorted(single):
            if key[0] in ("tune", "tune-a") and key[3] != "ALL" and single[key].examples:
                print(f"### {key[1]} {key[2]} {key[3]}")
                for line in single[key].examples:
                    print(f"- {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show-tune", type=int, default=0, metavar="N", help="print N misses per family, tune half")
    parser.add_argument("--folds", action="store_true", help="report the tune half as two folds by source")
    parser.add_argument("--json", action="store_true", help="the figures as one JSON object")
    parser.add_argument(
        "--file", metavar="NAME", help="only the rows of the chat/raw files this name or pattern matches (one batch)"
    )
    args = parser.parse_args(argv)
    if not (DATA / "split.tsv").exists():
        print(f"no data at {DATA}: nothing to measure")
        return 0
    rows = load(args.folds)
    if args.file:
        rows = [r for r in rows if fnmatch.fnmatchcase(r["file"], args.file)]
    single, conversations, outgoing = run(rows, args.show_tune)
    if args.json:
        out = {"/".join(k): {"n": t.n, "warned": t.warned, "danger": t.danger} for k, t in single.items()}
        print(json.dumps(out, ensure_ascii=False, sort_keys=True))
        return 0
    report(single, conversations, outgoing, args.show_tune)
    return 0


if __name__ == "__main__":
    sys.exit(main())
