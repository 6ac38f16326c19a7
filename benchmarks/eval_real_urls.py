#!/usr/bin/env python3
"""URL-check quality on the real development data in benchmarks/data/urls (quoted scam domains and
genuine look-alikes, split by source: benchmarks/data/SOURCES.md).

    python benchmarks/eval_real_urls.py                 # figures for both halves, per region
    python benchmarks/eval_real_urls.py --show-tune 40  # also misses and false positives, TUNE half only
    python benchmarks/eval_real_urls.py --file batch3-scam-domains.jsonl   # one batch's rows only
    python benchmarks/eval_real_urls.py --folds --show-tune 60  # the tune half in two folds by source

With --folds the tune half's sources are split in two by a hash of the source key (as
eval_real_chat.py splits its own): "tune-a" and "tune-b"; --show-tune then prints tune-a's misses
only. Write rules from tune-a's misses and read tune-b as figures: a rule that lifts tune-a and not
tune-b followed its items' names, and will not lift the holdout half either.

Every URL goes through check_url as `kefuguard check-url --json -` sees it (embedded list). Scam
items count as caught at caution or danger; genuine ones as false positives at caution or danger,
and separately at danger. The holdout half is only ever reported as figures: there is no option
that prints its items. It measures; it does not gate (exit 0).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "benchmarks" / "data" / "urls"
WARNED = ("caution", "danger")


HALVES = ("tune", "tune-a", "tune-b", "holdout")
SHOWN_HALF = ("tune", "tune-a")  # the only halves whose items --show-tune prints


def _fold(key: str) -> str:
    return "tune-a" if hashlib.sha1(key.encode("utf-8")).digest()[0] % 2 == 0 else "tune-b"


def load(folds: bool = False) -> list[dict[str, Any]]:
    sys.path.insert(0, str(DATA))
    import split  # benchmarks/data/urls/split.py: the one definition of a source

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


def run(rows: list[dict[str, Any]], show_tune: int) -> None:
    home = tempfile.mkdtemp(prefix="kefuguard-eval-urls-")
    os.environ["KEFUGUARD_HOME"] = home
    os.environ["KEFUGUARD_MANAGED_CONFIG"] = os.path.join(home, "no-managed.toml")
    from kefuguard.errors import InputError
    from kefuguard.service.engine import Engine

    engine = Engine()
    names = _listed_names(engine)
    listed: collections.Counter = collections.Counter()
    tally: dict[tuple[str, str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    shown: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    for r in rows:
        url = r["url"] if "://" in r["url"] else "http://" + r["url"]
        try:
            result = engine.check_url(url)
            level, codes = result["level"], [x["code"] for x in result["reasons"]]
        except InputError as e:
            level, codes = "error", [e.code]
        for region in (r["region"], "ALL"):
            t = tally[(r["half"], r["label"], region)]
            t["n"] += 1
            t["warned"] += level in WARNED
            t["danger"] += level == "danger"
            t["verified"] += level == "verified"
        if r["label"] == "scam":
            which = "listed" if _names_listed_brand(r["imitates"], names) else "unlisted"
            listed[(r["half"], which, "n")] += 1
            listed[(r["half"], which, "warned")] += level in WARNED
        wrong = (r["label"] == "scam") != (level in WARNED)
        if wrong and r["half"] in SHOWN_HALF and len(shown[(r["label"], r["region"])]) < show_tune:
            shown[(r["label"], r["region"])].append(f"[{level}] {r['url']}  ({','.join(codes[:3])}; {r['imitates']})")
    print("| half | label | region | n | warned (caution+) | danger | verified |")
    print("|---|---|---|---:|---:|---:|---:|")
    for key in sorted(tally, key=lambda k: (HALVES.index(k[0]), k[1], k[2] != "ALL", k[2])):
        t = tally[key]
        name = f"**{key[2]}**" if key[2] == "ALL" else key[2]

        def pct(k: str, t: collections.Counter = t) -> str:
            return f"{100 * t[k] / t['n']:.1f}%"

        print(f"| {key[0]} | {key[1]} | {name} | {t['n']} | {pct('warned')} | {pct('danger')} | {pct('verified')} |")
    present = [h for h in HALVES if any(k[0] == h for k in tally)]
    print("\nScam items by whether the brand they imitate is on the embedded list (matched by name):")
    for half in present:
        parts = []
        for which in ("listed", "unlisted"):
            n = listed[(half, which, "n")]
            warned = listed[(half, which, "warned")]
            parts.append(f"{which} {n}, warned {100 * warned / max(n, 1):.1f}%")
        print(f"- {half}: " + "; ".join(parts))
    print("\nTargets: >= 90% of real scam domains warned (each half); genuine sites never at danger.")
    for half in present:
        scam, benign = tally[(half, "scam", "ALL")], tally[(half, "benign", "ALL")]
        if scam["n"]:
            ok = scam["warned"] / scam["n"] >= 0.9
            print(f"{'PASS' if ok else 'FAIL'}  {half} scam warned {100 * scam['warned'] / scam['n']:.1f}%")
        if benign["n"]:
            print(f"{'PASS' if benign['danger'] == 0 else 'FAIL'}  {half} genuine at danger: {benign['danger']}")
    if show_tune:
        which = "tune-a" if "tune-a" in present else "tune"
        print(f"\n## {which}: misses (scam) and false positives (genuine)\n")
        for (label, region), lines in sorted(shown.items()):
            print(f"### {label} {region}")
            for line in lines:
                print(f"- {line}")


def _listed_names(engine: Any) -> list[str]:
    """Every name and keyword of 4+ characters (or 2+ Chinese characters) of the listed brands."""
    out = set()
    for brand in engine.url_index().channels.brands:
        for name in (brand.name_en, brand.name_zh, *brand.keywords):
            name = name.lower().strip()
            if len(name) >= 4 or (len(name) >= 2 and not name.isascii()):
                out.add(name)
    return sorted(out)


def _names_listed_brand(imitates: str, names: list[str]) -> bool:
    text = imitates.lower()
    return any(name in text for name in names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--show-tune", type=int, default=0, metavar="N", help="print N misses per region, tune half (tune-a with --folds)"
    )
    parser.add_argument("--file", help="only the rows of this file of benchmarks/data/urls/raw (one batch)")
    parser.add_argument("--folds", action="store_true", help="report the tune half as two folds by source")
    args = parser.parse_args(argv)
    if not (DATA / "split.tsv").exists():
        print(f"no data at {DATA}: nothing to measure")
        return 0
    rows = load(args.folds)
    if args.file:
        rows = [r for r in rows if r["file"] == args.file]
    run(rows, args.show_tune)
    return 0


if __name__ == "__main__":
    sys.exit(main())
