"""Split real development data in two halves BY SOURCE, before any rule is written against it.

A source is the site that published an item (its registrable domain, so m.163.com and www.163.com
are one), or the repository for GitHub. Sources that quote the same item, or nearly the same, are one
unit, so no item has a twin in the other half. Units go to the halves in the order of a hash of
their name, each to the half that has fewer items of its main bucket so far; a source already placed
by another data set keeps its half. The assignment depends on names and counts, never on what a
detector makes of the items. `tune` is the half rules may be written against; `holdout` is only
ever reported as figures.
"""

from __future__ import annotations

import collections
import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
# appended, not put first: a PYTHONPATH pointing at another version's host/ (a before/after run) must win
sys.path.append(str(REPO / "host"))

Row = dict


def rows(folder: Path) -> list[Row]:
    out = []
    for path in sorted((folder / "raw").glob("*.jsonl")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            row = json.loads(line)
            row["file"], row["line"] = path.name, n
            out.append(row)
    return out


def source_key(row: Row) -> str:
    from kefuguard.detect.url.public_suffix import registrable_domain

    parts = urlsplit(row["source_url"])
    host = (parts.hostname or row.get("source_site") or "?").lower()
    if host in ("github.com", "raw.githubusercontent.com", "gist.github.com"):
        owner_repo = [p for p in parts.path.split("/") if p][:2]
        return "github.com/" + "/".join(owner_repo)
    domain, _ = registrable_domain(host)
    return domain or host


def units(all_rows: list[Row], same: Callable[[list[Row]], list[tuple[int, int]]]) -> dict[str, str]:
    """source key -> unit name (the smallest key of the sources joined by shared items). `same`
    gives the index pairs of items that are one item quoted twice."""
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    keys = [source_key(r) for r in all_rows]
    for k in keys:
        find(k)
    for i, j in same(all_rows):
        if keys[i] != keys[j]:
            ra, rb = find(keys[i]), find(keys[j])
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {k: find(k) for k in parent}


def assign(
    all_rows: list[Row],
    same: Callable[[list[Row]], list[tuple[int, int]]],
    bucket: Callable[[Row], tuple[str, ...]],
    placed: dict[str, str] | None = None,
) -> dict[str, str]:
    """source key -> 'tune' | 'holdout'. `placed`: halves other data sets already gave to sources."""
    placed = placed or {}
    unit_of = units(all_rows, same)
    members: dict[str, list[Row]] = collections.defaultdict(list)
    for r in all_rows:
        members[unit_of[source_key(r)]].append(r)
    counts: dict[tuple[str, ...], collections.Counter] = collections.defaultdict(collections.Counter)
    half_of_unit: dict[str, str] = {}
    for unit in sorted(members, key=lambda u: hashlib.sha256(u.encode("utf-8")).hexdigest()):
        items = members[unit]
        main = collections.Counter(bucket(r) for r in items).most_common(1)[0][0]
        seen = counts[main]
        known = [placed[source_key(r)] for r in items if source_key(r) in placed]
        if known:
            half = collections.Counter(known).most_common(1)[0][0]
        elif seen["tune"] != seen["holdout"]:
            half = "tune" if seen["tune"] < seen["holdout"] else "holdout"
        else:
            half = "tune" if int(hashlib.sha256(unit.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "holdout"
        half_of_unit[unit] = half
        for r in items:
            counts[bucket(r)][half] += 1
    return {key: half_of_unit[unit] for key, unit in unit_of.items()}


def read_split(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text("utf-8").splitlines()[1:]:
        key, half, _ = line.split("\t")
        out[key] = half
    return out


def write_split(path: Path, all_rows: list[Row], halves: dict[str, str], script: str) -> None:
    per_key = collections.Counter(source_key(r) for r in all_rows)
    lines = [f"# source\thalf\titems  (written by {script}: do not edit by hand)"]
    lines += [f"{k}\t{halves[k]}\t{per_key[k]}" for k in sorted(halves)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
