#!/usr/bin/env python3
"""Split the real chat data in two halves BY SOURCE, before any rule is written against it.

    python benchmarks/data/chat/split.py          # writes benchmarks/data/chat/split.tsv

Sources already listed in split.tsv keep their half; new sources (a later batch) are assigned by the
same method, balanced against everything already placed.

The method is benchmarks/data/split_by_source.py's: sources that quote the same message, or nearly
the same (a reprint, two wordings of one SMS), are one unit; units are balanced per (language,
label, family). `tune` is the half rules may be written against; `holdout` is only ever reported as
figures (benchmarks/eval_real_chat.py never prints its texts).
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import split_by_source as s  # noqa: E402 - the shared method, next to this folder

NEAR_DUPLICATE = 85  # rapidfuzz ratio of normalized texts at or above which two messages are one
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def rows() -> list[dict]:
    return s.rows(HERE)


def source_key(row: dict) -> str:
    return s.source_key(row)


def normalized(text: str) -> str:
    return _NOT_WORD.sub("", text).lower()


def near_duplicates(all_rows: list[dict]) -> list[tuple[int, int]]:
    from rapidfuzz import fuzz, process

    texts = [normalized(r["text"]) for r in all_rows]
    long_enough = [i for i, t in enumerate(texts) if len(t) >= 12]
    choices = [texts[i] for i in long_enough]
    pairs = []
    for i in long_enough:
        for _, _, b in process.extract_iter(texts[i], choices, scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE):
            pairs.append((i, long_enough[b]))
    return pairs


def main() -> int:
    all_rows = rows()
    # Sources already in split.tsv keep their half (batch 1 was split before any rule was written;
    # later batches are added without moving it); only sources not yet there are assigned.
    placed = s.read_split(HERE / "split.tsv")
    halves = s.assign(all_rows, near_duplicates, lambda r: (r["lang"], r["label"], r["family"]), placed)
    moved = sorted(k for k, half in placed.items() if k in halves and halves[k] != half)
    if moved:
        why = "split.py: these sources would change half (a new item joins sources of both halves): "
        sys.exit(why + ", ".join(moved))
    s.write_split(HERE / "split.tsv", all_rows, halves, "split.py")
    totals = collections.Counter((halves[source_key(r)], r["lang"], r["label"]) for r in all_rows)
    for key in sorted(totals):
        print(*key, totals[key], sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
