#!/usr/bin/env python3
"""Split the real URL data in two halves BY SOURCE, before any rule is written against it.

    python benchmarks/data/urls/split.py          # writes benchmarks/data/urls/split.tsv

The method is benchmarks/data/split_by_source.py's: sources that quote the same site (the same
registrable domain) are one unit; units are balanced per (region, label); a source split.tsv
already lists keeps its half, and a new source the chat data already placed takes its half there.
`tune` is the half rules may be written against; `holdout` is only ever reported as figures
(benchmarks/eval_real_urls.py never prints its items).
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import split_by_source as s  # noqa: E402 - the shared method, next to this folder


def rows() -> list[dict]:
    return s.rows(HERE)


def source_key(row: dict) -> str:
    return s.source_key(row)


def site_of(url: str) -> str:
    from kefuguard.detect.url.public_suffix import registrable_domain

    host = url.strip().lower().split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].rstrip(".")
    domain, _ = registrable_domain(host)
    return domain or host


def same_site(all_rows: list[dict]) -> list[tuple[int, int]]:
    by_site: dict[str, list[int]] = collections.defaultdict(list)
    for i, r in enumerate(all_rows):
        by_site[site_of(r["url"])].append(i)
    return [(group[0], j) for group in by_site.values() for j in group[1:]]


def main() -> int:
    all_rows = rows()
    # Sources already in split.tsv keep their half (batch 1 was split before any URL rule was
    # written; later batches are added without moving it); a new source the chat data already
    # placed takes the chat half; only the rest are assigned.
    own = s.read_split(HERE / "split.tsv")
    placed = {**s.read_split(HERE.parent / "chat" / "split.tsv"), **own}
    halves = s.assign(all_rows, same_site, lambda r: (r["region"], r["label"]), placed=placed)
    moved = sorted(k for k, half in own.items() if k in halves and halves[k] != half)
    if moved:
        why = "split.py: these sources would change half (a new item joins sources of both halves): "
        sys.exit(why + ", ".join(moved))
    s.write_split(HERE / "split.tsv", all_rows, halves, "split.py")
    totals = collections.Counter((halves[source_key(r)], r["label"]) for r in all_rows)
    for key in sorted(totals):
        print(*key, totals[key], sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
