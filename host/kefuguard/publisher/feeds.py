"""Feeds of known scam domains, as a FEEDS.toml names them, read into plain domain names.

    [[feed]]
    name = "phishing-database"          # a short id: entries carry it as their provenance
    url = "https://..."                 # or path = "relative/to/FEEDS.toml.txt"
    format = "domains"                  # domains | hosts | adblock
    licence = "MIT"
    attribution = "Phishing.Database by Mitchell Krog et al."

A feed's lines: `domains` one name per line; `hosts` "0.0.0.0 name" (the address is dropped);
`adblock` "||name^". Comments (`#`, `!`) and blank lines are skipped; a line that is no host name
is counted as bad and left out, never fatal: one broken line must not hold back a feed.
"""

from __future__ import annotations

import asyncio
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kefuguard.errors import InputError, SchemaError
from kefuguard.lists.fetcher import Fetcher, Timeouts, check_transport
from kefuguard.normalize import normalize_domain

FORMATS = ("domains", "hosts", "adblock")
MAX_FEED_BYTES = 256 * 1024 * 1024
FEED_TIMEOUTS = Timeouts(connect=15.0, read=60.0, total=900.0)
_HOSTS_ADDRESSES = frozenset({"0.0.0.0", "127.0.0.1", "::", "::1", "::0"})


@dataclass(frozen=True)
class FeedSpec:
    name: str
    format: str
    licence: str
    attribution: str
    url: str | None = None
    path: Path | None = None

    @property
    def where(self) -> str:
        return self.url or str(self.path)


@dataclass(frozen=True)
class FeedData:
    spec: FeedSpec
    domains: tuple[str, ...]  # normalized, in feed order, no repeats
    bad_lines: int


def read_toml(path: Path, what: str) -> dict[str, Any]:
    """A publisher input file (`what`: "feeds", "removal"): unreadable is an InputError, unparsable a SchemaError."""
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except OSError as e:
        raise InputError(f"{path}: {e.strerror}", code="feeds.unreadable") from e
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise SchemaError(f"{path}: cannot parse the {what} file: {e}") from e


def load_feed_specs(path: Path) -> list[FeedSpec]:
    """The feeds a FEEDS.toml names; a clear SchemaError for a missing or mistyped field."""
    doc = read_toml(path, "feeds")
    raw = doc.get("feed", [])
    if not isinstance(raw, list) or not raw:
        raise SchemaError(f"{path}: no [[feed]] entries")
    specs: list[FeedSpec] = []
    for i, f in enumerate(raw):
        where = f"{path}: feed {i + 1}"
        if not isinstance(f, dict):
            raise SchemaError(f"{where} must be a table")
        name, fmt = f.get("name"), f.get("format", "domains")
        if not isinstance(name, str) or not name.strip() or any(c in name for c in " ;:"):
            raise SchemaError(f"{where}: name must be a short id without spaces, ';' or ':'")
        if fmt not in FORMATS:
            raise SchemaError(f"{where} ({name}): format must be one of {', '.join(FORMATS)}")
        for key in ("licence", "attribution"):
            if not isinstance(f.get(key), str) or not f[key].strip():
                raise SchemaError(f"{where} ({name}): {key} is required (what lets us redistribute it)")
        url, rel = f.get("url"), f.get("path")
        if (url is None) == (rel is None):
            raise SchemaError(f"{where} ({name}): give exactly one of url or path")
        if any(s.name == name for s in specs):
            raise SchemaError(f"{where}: the name {name!r} is used twice")
        specs.append(
            FeedSpec(
                name=name,
                format=fmt,
                licence=f["licence"].strip(),
                attribution=f["attribution"].strip(),
                url=url if isinstance(url, str) else None,
                path=(path.parent / rel) if isinstance(rel, str) else None,
            )
        )
    return specs


def parse_feed(text: str, fmt: str) -> tuple[list[str], int]:
    """(domains in order without repeats, number of lines that held no host name)."""
    out: dict[str, None] = {}
    bad = 0
    for line in text.splitlines():
        line = line.strip()
        if not line or line[0] in "#!":
            continue
        if fmt == "hosts":
            fields = line.split("#", 1)[0].split()
            if len(fields) >= 2 and fields[0] in _HOSTS_ADDRESSES:
                fields = fields[1:]
            line = fields[0] if len(fields) == 1 else ""
        elif fmt == "adblock":
            if not (line.startswith("||") and line.endswith("^")):
                bad += 1
                continue
            line = line[2:-1]
        else:
            line = line.split("#", 1)[0].strip()
        try:
            name = normalize_domain(line) if line else ""
        except ValueError:
            name = ""
        if "." not in name or name.replace(".", "").isdigit():
            bad += 1  # no host name, a bare label, or an IPv4 address
            continue
        out.setdefault(name, None)
    return list(out), bad


async def _download(specs: list[FeedSpec], allow_plain_http: bool) -> dict[str, bytes]:
    bodies: dict[str, bytes] = {}
    async with Fetcher(FEED_TIMEOUTS, MAX_FEED_BYTES) as fetcher:
        for spec in specs:
            assert spec.url is not None
            check_transport(spec.url, allow_plain_http)
            result = await fetcher.fetch(spec.url)
            bodies[spec.name] = result.body or b""
    return bodies


def read_feeds(specs: list[FeedSpec], allow_plain_http: bool = False) -> list[FeedData]:
    """Every feed read (files) or downloaded (HTTPS, loopback HTTP in tests). A feed that cannot
    be had raises: the build stops rather than publishing a list that silently lost a feed."""
    bodies = asyncio.run(_download([s for s in specs if s.url], allow_plain_http)) if any(s.url for s in specs) else {}
    out = []
    for spec in specs:
        if spec.path is not None:
            try:
                raw = spec.path.read_bytes()
            except OSError as e:
                raise InputError(f"feed {spec.name}: {spec.path}: {e.strerror}", code="feeds.unreadable") from e
        else:
            raw = bodies[spec.name]
        domains, bad = parse_feed(raw.decode("utf-8", errors="replace"), spec.format)
        out.append(FeedData(spec, tuple(domains), bad))
    return out
