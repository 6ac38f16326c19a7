#!/usr/bin/env python3
"""Split the real chat data in two halves BY SOURCE, before any rule is written against it.

    python benchmarks/data/chat/split.py          # writes benchmarks/data/chat/split.tsv

A source is the site that published the message (its registrable domain, so m.163.com and
www.163.com are one), or the repository for GitHub. Sources that quote the same message, or nearly
the same (a reprint, two wordings of one SMS), are one unit, so no message has a twin in the other
half. Units go to the halves in the order of a hash of their name, each to the half that has fewer
items of its main (language, label, family) so far: the assignment depends on names and counts,
never on what a detector makes of the texts. `tune` is the half rules may be written against;
`holdout` is only ever reported as figures (benchmarks/eval_real_chat.py never prints its texts).
"""

from __future__ import annotations

import collections
import hashlib
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(REPO / "host"))

NEAR_DUPLICATE = 85  # rapidfuzz ratio of normalized texts at or above which two messages are one
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def rows() -> list[dict]:
    out = []
    for path in sorted((HERE / "raw").glob("*.jsonl")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            row = json.loads(line)
            row["file"], row["line"] = path.name, n
            out.append(row)
    return out


def source_key(row: dict) -> str:
    from kefuguard.detect.url.public_suffix import registrable_domain

    parts = urlsplit(row["source_url"])
    host = (parts.hostname or row.get("source_site") or "?").lower()
    if host in ("github.com", "raw.githubusercontent.com", "gist.github.com"):
        owner_repo = [p for p in parts.path.split("/") if p][:2]
        return "github.com/" + "/".join(owner_repo)
    domain, _ = registrable_domain(host)
    return domain or host


def normalized(text: str) -> str:
    return _NOT_WORD.sub("", text).lower()


def units(all_rows: list[dict]) -> dict[str, str]:
    """source key -> unit name (the smallest key of the sources joined by shared messages)."""
    from rapidfuzz import fuzz, process

    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def join(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    keys = [source_key(r) for r in all_rows]
    texts = [normalized(r["text"]) for r in all_rows]
    for k in keys:
        find(k)
    long_enough = [i for i, t in enumerate(texts) if len(t) >= 12]
    choices = [texts[i] for i in long_enough]
    for i in long_enough:
        for _, _, b in process.extract_iter(texts[i], choices, scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE):
            j = long_enough[b]
            if keys[i] != keys[j]:
                join(keys[i], keys[j])
    return {k: find(k) for k in parent}


def assign(all_rows: list[dict]) -> dict[str, str]:
    unit_of = units(all_rows)
    members: dict[str, list[dict]] = collections.defaultdict(list)
    for r in all_rows:
        members[unit_of[source_key(r)]].append(r)
    counts: dict[tuple[str, str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    half_of_unit: dict[str, str] = {}
    for unit in sorted(members, key=lambda u: hashlib.sha256(u.encode("utf-8")).hexdigest()):
        items = members[unit]
        bucket = collections.Counter((r["lang"], r["label"], r["family"]) for r in items).most_common(1)[0][0]
        seen = counts[bucket]
        if seen["tune"] != seen["holdout"]:
            half = "tune" if seen["tune"] < seen["holdout"] else "holdout"
        else:
            half = "tune" if int(hashlib.sha256(unit.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "holdout"
        half_of_unit[unit] = half
        for r in items:
            counts[(r["lang"], r["label"], r["family"])][half] += 1
    return {key: half_of_unit[unit] for key, unit in unit_of.items()}


def main() -> int:
    all_rows = rows()
    halves = assign(all_rows)
    per_key = collections.Counter(source_key(r) for r in all_rows)
    lines = ["# source\thalf\titems  (written by split.py: do not edit by hand)"]
    lines += [f"{k}\t{halves[k]}\t{per_key[k]}" for k in sorted(halves)]
    (HERE / "split.tsv").write_text("\n".join(lines) + "\n", "utf-8")
    totals = collections.Counter((halves[source_key(r)], r["lang"], r["label"]) for r in all_rows)
    for key in sorted(totals):
        print(*key, totals[key], sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
