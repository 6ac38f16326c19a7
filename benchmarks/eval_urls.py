#!/usr/bin/env python3
"""URL-check quality: recall on dnstwist permutations of every official domain, false positives on
Chromium's popular-domain list, and hits on a real scam blocklist.

    python benchmarks/eval_urls.py [--limit-brands N] [--examples 5]

Reads ../shared/eval/domains (skips cleanly when absent). dnstwist is a dev tool (pip install
dnstwist): it only generates strings here, no DNS. Nothing from the eval data is copied anywhere.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval" / "domains"
# words and endings for dnstwist's dictionary and tld-swap fuzzers: common phishing vocabulary,
# deliberately including words the detector does not list (shop, mall, member, online...)
DICTIONARY = [
    "login",
    "secure",
    "account",
    "support",
    "verify",
    "update",
    "service",
    "help",
    "pay",
    "refund",
    "kefu",
    "online",
    "official",
    "shop",
    "mall",
    "member",
    "center",
    "vip",
    "bonus",
    "app",
]
TLDS = ["net", "org", "cn", "top", "xyz", "vip", "shop", "cc", "info", "co", "io", "com.cn", "hk", "de", "uk"]


def engine():
    os.environ.setdefault("KEFUGUARD_HOME", tempfile.mkdtemp(prefix="kg-eval-"))
    from kefuguard.service.engine import Engine

    e = Engine()
    return e, e.url_index()


def level_of(index, domain: str) -> tuple[str, list[str]]:
    from kefuguard.detect.url.check import check_url
    from kefuguard.errors import InputError

    try:
        r = check_url("http://" + domain + "/", index)
    except InputError:
        return "error", []
    return r.level, [x.code for x in r.reasons]


def is_country_site(parts, index) -> bool:
    """google.de for a brand the list marks with country_sites: the brand's own, not a lookalike."""
    from kefuguard.detect.url.lookalike import is_country_suffix

    return any(
        b.country_sites and parts.label in {d.split(".")[0] for d in b.domains} and is_country_suffix(parts.suffix)
        for b in index.channels.brands
    )


def dnstwist_recall(index, limit: int | None, examples: int) -> None:
    try:
        import dnstwist
    except ImportError:
        print("dnstwist not installed (pip install dnstwist): recall skipped")
        return
    from kefuguard.detect.url.lookalike import exempt_suffix
    from kefuguard.detect.url.parse import split_host
    from kefuguard.normalize import normalize_domain

    official = {d for b in index.channels.brands for d in b.domains}
    stats: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    misses: dict[str, list[str]] = collections.defaultdict(list)
    domains = sorted(official)[: limit or None]
    for domain in domains:
        long_label = len(split_host(domain).label) >= 5
        fuzzer = dnstwist.Fuzzer(domain, dictionary=DICTIONARY, tld_dictionary=TLDS)
        fuzzer.generate()
        for perm in fuzzer.permutations():
            name, kind = perm["domain"], perm["fuzzer"]
            if kind == "*original":
                continue
            try:
                parts = split_host(normalize_domain(name))  # as a browser maps it (IDNA nameprep)
            except ValueError:
                continue
            if index.channels.official_for_host(parts.hosts_up_to_registrable()) is not None or is_country_site(
                parts, index
            ):
                continue  # a permutation that is itself official (sister domain, the brand's country site)
            if exempt_suffix(parts.suffix):
                continue  # .gov/.mil: nobody but the government can register it

            level, _ = level_of(index, name)
            if level == "error":
                continue
            key = (kind, "5+" if long_label else "<5")
            stats[key][1] += 1
            if level in ("caution", "danger"):
                stats[key][0] += 1
            elif len(misses[kind]) < examples and long_label:
                misses[kind].append(name)
    print(f"\n## Recall on dnstwist permutations ({len(domains)} official domains; caution or danger)\n")
    print("| fuzzer | labels 5+ | recall | labels < 5 | recall | example misses (5+) |")
    print("|---|---|---|---|---|---|")
    total = [0, 0]
    for kind in sorted({k for k, _ in stats}):
        hit5, n5 = stats[(kind, "5+")]
        hit4, n4 = stats[(kind, "<5")]
        total[0] += hit5
        total[1] += n5
        r5 = f"{100 * hit5 / n5:.2f}%" if n5 else "-"
        r4 = f"{100 * hit4 / n4:.2f}%" if n4 else "-"
        print(f"| {kind} | {n5} | {r5} | {n4} | {r4} | {', '.join(misses[kind][:examples])} |")
    if total[1]:
        print(f"| **all** | {total[1]} | **{100 * total[0] / total[1]:.2f}%** | | | |")


def false_positives(index, examples: int) -> None:
    path = EVAL / "chromium-top-domains.list"
    if not path.exists():
        print(f"\n{path} absent: false-positive rate skipped")
        return
    from kefuguard.detect.url.parse import split_host

    names = [line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]
    from kefuguard.detect.url.popular import is_popular

    checked = flagged = verified = 0
    fps: list[str] = []
    # the rules are skipped on the shipped popular-domain list (another source, overlapping this
    # one): the domains outside it measure the rules themselves
    outside = outside_flagged = 0
    for name in names:
        level, codes = level_of(index, name)
        if level == "error":
            continue
        if (
            level == "verified"
            or index.channels.official_for_host(split_host(name).hosts_up_to_registrable()) is not None
        ):
            verified += 1
            continue
        checked += 1
        popular = is_popular(split_host(name).registrable)
        outside += not popular
        if level in ("caution", "danger"):
            flagged += 1
            outside_flagged += not popular
            fps.append(f"{name} ({level}: {', '.join(codes)})")
    print(
        f"\n## False positives on Chromium's popular domains ({len(names)} listed, {verified} official, "
        f"{checked} others)\n"
    )
    print(f"warned (caution or danger): {flagged} = **{100 * flagged / max(checked, 1):.2f}%**")
    print(
        f"not on the shipped popular-domain list: {outside} of {checked}; warned among them: {outside_flagged} = "
        f"{100 * outside_flagged / max(outside, 1):.2f}%"
    )
    for line in fps[: max(examples, 40)]:
        print(f"- {line}")


def scam_blocklist(index, examples: int) -> None:
    path = EVAL / "scam-blocklist-jarelllama-light.txt"
    if not path.exists():
        return
    names = [line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]
    counts: collections.Counter[str] = collections.Counter()
    brand_hits: list[str] = []
    for name in names:
        level, codes = level_of(index, name)
        counts[level] += 1
        if level in ("caution", "danger") and len(brand_hits) < examples:
            brand_hits.append(f"{name} ({', '.join(codes)})")
    print(f"\n## Real scam blocklist ({len(names)} domains; most imitate no listed brand)\n")
    for level in ("danger", "caution", "none", "verified", "error"):
        print(f"- {level}: {counts[level]} ({100 * counts[level] / len(names):.2f}%)")
    print("examples: " + "; ".join(brand_hits))
    # the ones that carry a listed brand's distinctive name as spelt (shopee, alipay, usps; not the
    # everyday words some brands are named with: apple, live, booking)
    tokens = sorted(index.brands.distinctive)
    branded = [n for n in names if any(t in n for t in tokens) and level_of(index, n)[0] != "verified"]
    warned = sum(level_of(index, n)[0] in ("caution", "danger") for n in branded)
    missed = [n for n in branded if level_of(index, n)[0] not in ("caution", "danger")]
    print(
        f"carrying a listed brand's distinctive name ({len(tokens)} names): {len(branded)}, warned {warned} = "
        f"**{100 * warned / max(len(branded), 1):.1f}%**; missed e.g. {', '.join(missed[:examples])}"
    )


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--limit-brands", type=int, default=None, help="only the first N official domains")
    p.add_argument("--examples", type=int, default=5)
    args = p.parse_args()
    if not EVAL.exists():
        print(f"{EVAL} is absent: nothing to evaluate (this is not an error)")
        return 0
    _, index = engine()
    print(f"list version {index.channels.version}, {len(index.channels.brands)} brands")
    dnstwist_recall(index, args.limit_brands, args.examples)
    false_positives(index, args.examples)
    scam_blocklist(index, args.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
