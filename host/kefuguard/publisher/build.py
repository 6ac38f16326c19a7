"""`kefuguard list build`: the curated list source plus feeds of known scam domains -> one list
source, with guards a publisher can trust to run unattended.

Guards, each counted in the report: a feed entry is never an official domain of a listed brand or
under one, never a public suffix (`github.io`, `co.uk`), never on or under a popular site
(`docs.google.com` would flag Google Docs); a reviewed removal file always wins; a feed whose size
jumps or collapses against the previous build (more than `max_change` times either way) is held back
with its previous entries and a message; the whole list has a size cap. Every feed entry carries its
provenance (`source = "feed:<name>"`, several joined with " ; ") and the day it was first seen, so a
false positive can be traced to the feed that brought it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kefuguard.detect.url.parse import split_host
from kefuguard.detect.url.popular import is_popular
from kefuguard.errors import InputError, SchemaError
from kefuguard.normalize import normalize_domain
from kefuguard.publisher.feeds import FeedData, read_toml

DEFAULT_MAX_DOMAINS = 500_000
DEFAULT_MAX_CHANGE = 2.0  # a feed that more than doubles or halves since the last build is held back
FEED_SOURCE = "feed:"


@dataclass
class FeedReport:
    name: str
    read: int
    bad_lines: int
    kept: int = 0
    official: int = 0
    suffix: int = 0
    popular: int = 0
    removed: int = 0
    previous: int | None = None
    held_back: str = ""  # why, when the feed's previous entries were kept instead


@dataclass
class BuildReport:
    feeds: list[FeedReport] = field(default_factory=list)
    curated: int = 0
    total: int = 0
    new: int = 0
    dropped: int = 0  # feed entries of the previous build that no feed has any more

    def lines(self) -> list[str]:
        out = [f"curated scam domains: {self.curated}"]
        for f in self.feeds:
            prev = "" if f.previous is None else f", previous build {f.previous}"
            out.append(
                f"feed {f.name}: {f.read} read, {f.bad_lines} bad lines; left out: {f.official} official, "
                f"{f.suffix} public suffixes, {f.popular} popular sites, {f.removed} by the removal file; "
                f"{f.kept} kept{prev}"
            )
            if f.held_back:
                out.append(f"  HELD BACK {f.name}: {f.held_back}")
        out.append(
            f"scam domains in the list: {self.total} ({self.new} new, {self.dropped} gone since the previous build)"
        )
        return out


def load_removals(path: Path | None) -> dict[str, str]:
    """domain -> why, from a reviewed REMOVALS.toml ([[remove]] value, reason). Always wins."""
    if path is None:
        return {}
    doc = read_toml(path, "removal")
    out: dict[str, str] = {}
    for i, r in enumerate(doc.get("remove", [])):
        if not isinstance(r, dict) or not isinstance(r.get("value"), str) or not isinstance(r.get("reason"), str):
            raise SchemaError(f"{path}: remove {i + 1} needs a value and a reason")
        try:
            out[normalize_domain(r["value"])] = r["reason"]
        except ValueError as e:
            raise SchemaError(f"{path}: remove {i + 1}: {e}") from e
    return out


def _official_domains(source: dict[str, Any]) -> set[str]:
    out = set()
    for b in source.get("brands", []):
        for d in b.get("domains", []):
            out.add(normalize_domain(d["value"] if isinstance(d, dict) else d))
    return out


def _under_any(domain: str, names: set[str]) -> bool:
    labels = domain.split(".")
    return any(".".join(labels[i:]) in names for i in range(len(labels)))


def _previous_feed_entries(previous: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    """value -> entry of every feed entry in the previous build's source."""
    if previous is None:
        return {}
    out = {}
    for e in previous.get("scam", {}).get("domains", []):
        if isinstance(e, dict) and str(e.get("source", "")).startswith(FEED_SOURCE):
            out[e["value"]] = e
    return out


def _feeds_of(entry: dict[str, Any]) -> list[str]:
    parts = (s.strip() for s in str(entry.get("source", "")).split(";"))
    return [p[len(FEED_SOURCE) :] for p in parts if p.startswith(FEED_SOURCE)]


def guard(domain: str, official: set[str], removals: set[str] | None = None) -> str | None:
    """Why a domain must not become a scam entry ('suffix', 'official', 'popular', 'removed'), or
    None: a public suffix or an IP, an official domain of a listed brand or under one, on or under a
    popular site, on or under a reviewed removal."""
    host = split_host(domain)
    if host.suffix == "" or host.is_ip:
        return "suffix"
    if _under_any(domain, official):
        return "official"
    if is_popular(host.registrable):
        return "popular"
    if removals and _under_any(domain, removals):
        return "removed"
    return None


def _screen(feed: FeedData, official: set[str], removals: set[str], report: FeedReport) -> list[str]:
    kept = []
    for d in feed.domains:
        why = guard(d, official, removals)
        if why is None:
            kept.append(d)
        else:
            setattr(report, why, getattr(report, why) + 1)
    report.kept = len(kept)
    return kept


def build_list(
    source: dict[str, Any],
    feeds: Iterable[FeedData],
    *,
    previous: dict[str, Any] | None = None,
    removals: dict[str, str] | None = None,
    today: date | None = None,
    max_domains: int = DEFAULT_MAX_DOMAINS,
    max_change: float = DEFAULT_MAX_CHANGE,
    accept_change: Iterable[str] = (),
) -> tuple[dict[str, Any], BuildReport]:
    """The merged source (the curated one with feed entries and a `feeds` table) and a report."""
    removals = removals or {}
    day = (today or date.today()).isoformat()
    official = _official_domains(source)
    prev_entries = _previous_feed_entries(previous)
    prev_counts: dict[str, int] = {}
    for e in prev_entries.values():
        for name in _feeds_of(e):
            prev_counts[name] = prev_counts.get(name, 0) + 1
    report = BuildReport()
    curated = [e for e in source.get("scam", {}).get("domains", [])]
    curated_values = {normalize_domain(e["value"] if isinstance(e, dict) else e) for e in curated}
    report.curated = len(curated)
    by_domain: dict[str, list[str]] = {}
    feed_table = []
    accept = set(accept_change)
    for feed in feeds:
        fr = FeedReport(feed.spec.name, len(feed.domains), feed.bad_lines, previous=prev_counts.get(feed.spec.name))
        report.feeds.append(fr)
        kept = _screen(feed, official, set(removals), fr)
        if fr.previous and feed.spec.name not in accept:
            ratio = len(kept) / fr.previous
            if ratio > max_change or ratio < 1 / max_change:
                fr.held_back = (
                    f"{fr.previous} -> {len(kept)} entries (x{ratio:.2f}, more than x{max_change:g} either way); "
                    f"its previous entries are kept. Check the feed, then pass --accept-change {feed.spec.name}."
                )
                kept = [v for v, e in prev_entries.items() if feed.spec.name in _feeds_of(e) and v not in removals]
        for d in kept:
            if d not in curated_values:
                by_domain.setdefault(d, []).append(feed.spec.name)
        spec = feed.spec
        feed_table.append(
            {
                "name": spec.name,
                "licence": spec.licence,
                "attribution": spec.attribution,
                "where": spec.where,
                "count": len(kept),
            }
        )
    total = len(curated) + len(by_domain)
    if total > max_domains:
        raise InputError(
            f"the list would hold {total} scam domains, more than the cap of {max_domains}: raise --max-domains "
            "if that is meant, or drop a feed",
            code="feeds.too_large",
        )
    entries = []
    for d, names in by_domain.items():
        first = prev_entries.get(d, {}).get("first_seen", day)
        entries.append({"value": d, "source": " ; ".join(FEED_SOURCE + n for n in names), "first_seen": first})
    report.total = total
    report.new = sum(1 for d in by_domain if d not in prev_entries)
    report.dropped = sum(1 for d in prev_entries if d not in by_domain)
    merged = dict(source)
    scam = dict(source.get("scam", {}))
    scam["domains"] = [e for e in curated if _value(e) not in removals] + entries
    merged["scam"] = scam
    merged["feeds"] = feed_table
    return merged, report


def _value(entry: Any) -> str:
    return normalize_domain(entry["value"] if isinstance(entry, dict) else entry)
