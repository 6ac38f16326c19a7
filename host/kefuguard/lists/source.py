"""The human-edited list source (TOML or JSON, with a source for every fact) -> the `signed` part."""

from __future__ import annotations

import json
import tomllib
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from kefuguard.errors import SchemaError
from kefuguard.lists.model import LIST_TYPE, SPEC, format_time, parse_brands, parse_scam


def read_source(path: Path) -> dict[str, Any]:
    raw = path.read_bytes()
    try:
        if path.suffix == ".toml":
            return tomllib.loads(raw.decode("utf-8"))
        doc = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as e:
        raise SchemaError(f"{path}: cannot parse the list source: {e}") from e
    if not isinstance(doc, dict):
        raise SchemaError(f"{path}: the list source must be an object")
    return doc.get("signed", doc) if isinstance(doc.get("signed"), dict) else doc


def _values(entries: Any) -> list[str]:
    """Facts are either plain strings or {value, source, ...}; the bundle keeps the value."""
    out = []
    for e in entries or []:
        out.append(e["value"] if isinstance(e, dict) else e)
    return out


def _brand(raw: dict[str, Any]) -> dict[str, Any]:
    brand: dict[str, Any] = {
        "id": raw["id"],
        "names": raw.get("names", {}),
        "domains": _values(raw.get("domains")),
        "phones": _values(raw.get("phones")),
        "im": [
            {k: v for k, v in e.items() if k in ("platform", "account", "note")} if isinstance(e, dict) else e
            for e in raw.get("im", [])
        ],
        "keywords": raw.get("keywords", []),
    }
    for key in ("category", "region"):
        if raw.get(key):
            brand[key] = raw[key]
    country = raw.get("country_sites")
    if (country.get("value") if isinstance(country, dict) else country) is True:
        brand["country_sites"] = True
    never = [{"en": n.get("en", ""), "zh": n.get("zh", "")} for n in raw.get("never", []) if isinstance(n, dict)]
    if never:
        brand["never"] = never
    return brand


def build_signed(
    source: dict[str, Any],
    *,
    version: int,
    issued: datetime,
    expires_days: float,
    publisher: str | None = None,
) -> dict[str, Any]:
    meta = source.get("list", {})
    scam = source.get("scam", {})
    try:
        signed: dict[str, Any] = {
            "type": LIST_TYPE,
            "spec": SPEC,
            "publisher": publisher or meta.get("publisher") or source.get("publisher") or "unnamed",
            "version": version,
            "issued": format_time(issued),
            "expires": format_time(issued + timedelta(days=expires_days)),
            "brands": [_brand(b) for b in source.get("brands", [])],
            "scam": {
                "domains": _values(scam.get("domains")),
                "phones": _values(scam.get("phones")),
                "accounts": [
                    f"{a['platform']}:{a['account']}"
                    if isinstance(a, dict) and "platform" in a
                    else (a["value"] if isinstance(a, dict) else a)
                    for a in scam.get("accounts", [])
                ],
            },
        }
        feeds = source.get("feeds")
        if feeds:  # which feeds the scam entries came from, with their licences (clients ignore it)
            signed["scam"]["feeds"] = [
                {k: f[k] for k in ("name", "licence", "attribution", "count") if k in f} for f in feeds
            ]
    except (KeyError, TypeError, AttributeError) as e:
        raise SchemaError(f"list source is missing or mistypes a field: {e}") from e
    parse_brands(signed)  # refuse to sign what a client would refuse to load
    parse_scam(signed)
    return signed
