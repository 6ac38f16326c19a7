#!/usr/bin/env python3
"""Would a statistical scorer beside the chat rules help? Measured on the TUNE half only.

    python benchmarks/eval_scorer_cv.py

The tune half of benchmarks/data/chat is cut in two by source (a hash of the source's name), a
logistic regression on binary features (Chinese character 1-3-grams, English words and word pairs,
a long number, a link) is trained on one part and scored on the other, both ways. A message is
counted warned when the rules warn it, or when the scorer's probability reaches a threshold (and
the rules did not read it as an anti-fraud reminder); the gate variants let the scorer speak only
when the rules found a brand or notice slot ("brand") or any signal at all ("signal").

It answers issue 13's point 7 ("where a statistical scorer beats the rules on the untuned split,
use it") before anything is shipped: the holdout half is never touched here. No weights are
written; most of the data is quoted under "short quotation" terms that do not allow shipping them.
"""

from __future__ import annotations

import collections
import hashlib
import math
import random
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_real_chat as real  # noqa: E402 - the one loader of the split data

THRESHOLDS = (0.5, 0.7, 0.8, 0.9)
GATES = ("none", "brand", "signal")
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_WORD = re.compile(r"[a-z]+")
_NUMBER = re.compile(r"\d{5,}")
_LINK = re.compile(r"https?://|www\.|\.[a-z]{2,4}\b")


def features(text: str) -> set[str]:
    text = text.lower()
    out = set()
    for run in _CJK.findall(text):
        for n in (1, 2, 3):
            out.update("c" + run[i : i + n] for i in range(len(run) - n + 1))
    words = _WORD.findall(text)
    out.update("w" + w for w in words)
    out.update(f"b{a} {b}" for a, b in zip(words, words[1:]))
    if _NUMBER.search(text):
        out.add("#number")
    if _LINK.search(text):
        out.add("#link")
    return out


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


class Scorer:
    """Plain SGD logistic regression; small enough to read, no dependency."""

    def __init__(self, rows: list[dict[str, Any]], epochs: int = 15, rate: float = 0.2, l2: float = 1e-4) -> None:
        self.w: dict[str, float] = collections.defaultdict(float)
        self.b = 0.0
        data = [(features(r["text"]), 1 if r["label"] == "scam" else 0) for r in rows]
        rnd = random.Random(1)
        for _ in range(epochs):
            rnd.shuffle(data)
            for feats, y in data:
                g = self.p(feats) - y
                self.b -= rate * g
                step = g / math.sqrt(len(feats) or 1)
                for k in feats:
                    self.w[k] -= rate * (step + l2 * self.w[k])

    def p(self, feats: set[str]) -> float:
        return _sigmoid(self.b + sum(self.w.get(k, 0.0) for k in feats))


def _gate_open(row: dict[str, Any], gate: str) -> bool:
    codes = row["codes"]
    if "notice.advisory" in codes:
        return False
    if gate == "brand":
        return bool(row["brand"]) or any(c.startswith("notice.") for c in codes)
    if gate == "signal":
        return codes != ["none.no_signal"]
    return True


def main() -> int:
    if not (real.DATA / "split.tsv").exists():
        print(f"no data at {real.DATA}: nothing to measure")
        return 0
    engine = real.engine()
    sys.path.insert(0, str(real.DATA))
    import split  # benchmarks/data/chat/split.py

    tune = [r for r in real.load() if r["half"] == "tune" and (r.get("direction") or "incoming") == "incoming"]
    for r in tune:
        result = engine.check_text({"text": r["text"], "direction": "incoming"})
        r["rules"] = result["level"] in real.WARNED
        r["brand"] = result.get("brand")
        r["codes"] = [x["code"] for x in result["reasons"]]
        r["part"] = int(hashlib.sha1(split.source_key(r).encode()).hexdigest(), 16) % 2
    print("| gate | threshold | part | zh scam (rules -> rules or scorer) | zh benign | en scam | en benign |")
    print("|---|---:|---:|---|---|---|---|")
    for part in (0, 1):
        scorer = Scorer([r for r in tune if r["part"] != part])
        test = [r for r in tune if r["part"] == part]
        probs = [scorer.p(features(r["text"])) for r in test]
        for gate in GATES:
            for threshold in THRESHOLDS:
                cells = []
                for lang in ("zh", "en"):
                    for label in ("scam", "benign"):
                        picked = [(r, p) for r, p in zip(test, probs) if r["lang"] == lang and r["label"] == label]
                        rules = sum(r["rules"] for r, _ in picked)
                        both = sum(r["rules"] or (p >= threshold and _gate_open(r, gate)) for r, p in picked)
                        n = len(picked) or 1
                        cells.append(f"{100 * rules / n:.1f} -> {100 * both / n:.1f}% of {len(picked)}")
                print(f"| {gate} | {threshold} | {part} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
