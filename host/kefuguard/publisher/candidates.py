"""`kefuguard list candidates FOLDER`: candidate scam entries from a folder of evidence files (what a
security team received through `send_evidence`), for a person to review before any goes into the
supplementary list's source.

Each file is verified first; a file that is not evidence or not intact is skipped and named, and
nothing of it is used. From each intact file: the registrable domain of the page when its own
verdict was danger or caution, and of each link of the `channels` part that appears in a message
whose verdict was danger or caution; every phone number and IM account of the `channels` part.
Left out, and counted: an official domain, number or account of any brand of the list in use (or
under an official domain), a public suffix or IP, a popular site (the guards of `list build`), and
what the list in use already has as a scam entry. Each entry keeps where it came from: the file's
name, its fingerprint, the page URL and the time it was captured.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kefuguard.detect.channels import Channels
from kefuguard.detect.url.parse import split_host
from kefuguard.evidence.format import NotEvidenceError, content_bytes, part_name, scan
from kefuguard.evidence.verify import read_evidence_file, verify_bytes
from kefuguard.normalize import normalize_account_text, normalize_domain, normalize_phone
from kefuguard.publisher.build import guard
from kefuguard.publisher.toml_writer import _value

FLAGGED = ("danger", "caution")
REVIEW = "review before adding to the supplementary list's source"
KINDS = ("domain", "phone", "account")


@dataclass
class Candidate:
    kind: str  # domain | phone | account
    value: str
    why: set[str] = field(default_factory=set)
    evidence: list[dict[str, str]] = field(default_factory=list)


@dataclass
class Harvest:
    files: list[str] = field(default_factory=list)  # intact files read
    skipped: list[dict[str, str]] = field(default_factory=list)  # {"file", "reason"}
    candidates: dict[tuple[str, str], Candidate] = field(default_factory=dict)
    left_out: dict[str, int] = field(default_factory=dict)  # reason -> count

    def drop(self, reason: str) -> None:
        self.left_out[reason] = self.left_out.get(reason, 0) + 1

    def sorted_candidates(self) -> list[Candidate]:
        return sorted(self.candidates.values(), key=lambda c: (KINDS.index(c.kind), c.value))


def _parts(data: bytes) -> dict[str, Any]:
    """The JSON parts of an intact file, by name (the first of each name)."""
    out: dict[str, Any] = {}
    for e in scan(data).elements:
        name = part_name(e)
        if name in ("page", "verdicts", "channels") and name not in out:
            content, _ = content_bytes(data, e)
            if content is not None:
                try:
                    out[name] = json.loads(content.decode("utf-8"))
                except (UnicodeDecodeError, ValueError, RecursionError):
                    pass
    return out


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


class _Official:
    def __init__(self, channels: Channels) -> None:
        self.channels = channels
        self.domains = {d for b in channels.brands for d in b.domains}


def harvest(folder: Path, channels: Channels) -> Harvest:
    """The candidates of every evidence file directly in `folder` (*.html, *.htm), in name order."""
    official = _Official(channels)
    h = Harvest()
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in (".html", ".htm"))
    for path in files:
        try:
            data = read_evidence_file(path)
            report = verify_bytes(data)
        except NotEvidenceError as e:
            h.skipped.append({"file": path.name, "reason": f"not an evidence file: {e.message}"})
            continue
        if not report.intact:
            names = ", ".join(sorted({p.name for p in report.problems})) or "something outside the parts"
            h.skipped.append({"file": path.name, "reason": f"not intact ({names})"})
            continue
        h.files.append(path.name)
        _one_file(h, official, path.name, report.fingerprint, report.manifest, _parts(data))
    return h


def _one_file(
    h: Harvest, official: _Official, name: str, fingerprint: str, manifest: dict[str, Any], parts: dict[str, Any]
) -> None:
    page = _dict(parts.get("page"))
    page_url = page.get("url") if isinstance(page.get("url"), str) else ""
    captured = page.get("captured_utc") or manifest.get("created_utc") or ""
    where = {"file": name, "fingerprint": fingerprint, "page": str(page_url), "captured_utc": str(captured)}
    raw_verdicts = parts.get("verdicts")
    verdicts = [v for v in raw_verdicts if isinstance(v, dict)] if isinstance(raw_verdicts, list) else []
    channels = _dict(parts.get("channels"))

    def add(kind: str, value: str, why: str) -> None:
        c = h.candidates.setdefault((kind, value), Candidate(kind, value))
        c.why.add(why)
        if where not in c.evidence:
            c.evidence.append(where)

    def add_host(host: str, why: str) -> None:
        try:
            domain = split_host(normalize_domain(host)).registrable
        except ValueError:
            h.drop("not a domain")
            return
        reason = guard(domain, official.domains) or ("official" if _under_official(host, official) else None)
        if reason is None and official.channels.scam_domain_for_host(split_host(host).hosts_up_to_registrable()):
            reason = "already listed"
        if reason is None:
            add("domain", domain, why)
        else:
            h.drop(reason)

    flagged_texts = []
    for v in verdicts:
        if v.get("level") not in FLAGGED:
            continue
        if isinstance(v.get("host"), str) and "text" not in v:
            add_host(v["host"], f"page verdict {v['level']}")
        elif isinstance(v.get("text"), str):
            flagged_texts.append(v["text"])
    for link in _strings(channels.get("links")):
        host = urlsplit(link).hostname
        if host and any(link in t or host in t for t in flagged_texts):
            add_host(host, "link in a message flagged danger or caution")
    for phone in _strings(channels.get("phones")):
        try:
            digits = normalize_phone(phone)
        except ValueError:
            h.drop("not a phone number")
            continue
        if official.channels.brand_for_phone(digits) is not None:
            h.drop("official")
        elif official.channels.is_scam_phone(digits):
            h.drop("already listed")
        else:
            add("phone", phone, "phone number in the evidence, not an official number")
    for account in _strings(channels.get("accounts")):
        try:
            key = normalize_account_text(account)
        except ValueError:
            h.drop("not an account")
            continue
        if official.channels.brand_for_account(key) is not None:
            h.drop("official")
        elif official.channels.is_scam_account(key):
            h.drop("already listed")
        else:
            add("account", key, "account in the evidence, not an official account")


def _under_official(host: str, official: _Official) -> bool:
    try:
        return official.channels.official_for_host(split_host(host).hosts_up_to_registrable()) is not None
    except ValueError:
        return False


def candidates_toml(h: Harvest, folder_name: str) -> str:
    """The review file: a header, then one [[candidate]] per entry, each with its evidence."""
    lines = [
        f"# Candidate scam entries from the evidence files in {folder_name}, made by `kefuguard list candidates`.",
        f"# Every entry: {REVIEW}.",
        "# Nothing here is used as it is: copy an entry you have checked into [scam] domains, phones or",
        "# accounts of the supplementary list's source, with a note and a source.",
        f"# {len(h.files)} intact files read, {len(h.skipped)} skipped; left out: "
        + (", ".join(f"{n} {r}" for r, n in sorted(h.left_out.items())) or "nothing"),
        "",
        f"files = {_value(h.files)}",
    ]
    for s in h.skipped:
        lines += ["", "[[skipped]]", f"file = {_value(s['file'])}", f"reason = {_value(s['reason'])}"]
    for c in h.sorted_candidates():
        lines += [
            "",
            f"# {REVIEW}",
            "[[candidate]]",
            f"kind = {_value(c.kind)}",
            f"value = {_value(c.value)}",
            f"why = {_value(sorted(c.why))}",
            f"evidence = {_value(c.evidence)}",
        ]
    return "\n".join(lines) + "\n"
