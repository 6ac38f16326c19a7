"""Readable output for people (without --json): result blocks, the status, update progress."""

from __future__ import annotations

import sys
import time
from typing import Any

from kefuguard.errors import KefuguardError, error_zh

LEVEL_LABEL = {"verified": "VERIFIED 官方", "none": "NONE 未知", "caution": "CAUTION 注意", "danger": "DANGER 危险"}
ERROR_LABEL = "ERROR 错误"
NOT_TEXT = "(a line that is not text 无法读取的行)"  # the subject of an error about an unreadable line


def error_block(subject: str | None, e: KefuguardError) -> str:
    """An input's error, shaped like a result block: the input, the label and code, English then Chinese."""
    lines = [
        NOT_TEXT if subject is None else subject,
        f"  {ERROR_LABEL}  {e.code}",
        f"  - {e.message}",
        f"    {error_zh(e)}",
    ]
    return "\n".join(lines) + "\n\n"


def error_lines(prefix: str, e: KefuguardError) -> str:
    """A command's error on stderr: English with the code, then Chinese."""
    return f"{prefix}: {e.code}: {e.message}\n  {error_zh(e)}\n"


def result_block(subject: str, result: dict[str, Any]) -> str:
    brand = f"  brand: {result['brand']}" if result.get("brand") else ""
    stale = "  (list expired: update it)" if result.get("list_stale") else ""
    lines = [subject, f"  {LEVEL_LABEL.get(result['level'], result['level'])}{brand}{stale}"]
    for r in result["reasons"]:
        lines.append(f"  - {r['message']}\n    {r['message_zh']}")
    for en, zh in zip(result.get("advice", []), result.get("advice_zh", []), strict=False):
        lines.append(f"  > {en}\n    {zh}")
    return "\n".join(lines) + "\n\n"


def status_text(status: dict[str, Any]) -> str:
    lines = []
    if status["ok"]:
        for entry in status["lists"]:
            role = "list" if entry["role"] == "main" else f"supplementary list {entry['url']}"
            lines.append(f"{role}: {entry['publisher']} version {entry['version']} ({entry['origin']})")
            lines.append(
                f"  issued {entry['issued']}, expires {entry['expires']}"
                + ("  STALE: update it" if entry["stale"] else "")
            )
            counts = entry["counts"]
            added = f" ({len(entry['brands_added'])} added)" if "brands_added" in entry else ""
            lines.append(f"  {counts.get('brands', 0)} brands{added}, {counts.get('scam_domains', 0)} scam domains")
        lines.append(f"  path: {status['path']}")
    else:
        lines.append("no usable list")
    updates = status.get("updates") or {}
    success, failure = updates.get("last_success"), updates.get("last_failure")
    if success:
        version = success.get("version")
        lines.append(f"last successful update: {success['time']} ({success['status']}, version {version})")
    if failure:
        lines.append(f"last failed update: {failure['time']}: {failure['message']}")
    if updates.get("next_due"):
        lines.append(f"next update due: {updates['next_due']}")
    for url, rec in (updates.get("supplementary") or {}).items():
        failed = rec.get("last_failure")
        if failed:
            lines.append(f"supplementary list {url}: last failed update {failed['time']}: {failed['message']}")
    for p in status["problems"]:
        lines.append(f"problem: {p['origin']} {p['path']}: {p['code']}: {p['message']}")
    for u in status.get("unused", []):
        lines.append(f"unused: {u['origin']} list by another publisher: {u['publisher']} version {u['version']}")
    for p in status["config"]["problems"]:
        lines.append(f"config: {p}")
    if status["config"]["managed"]:
        lines.append("managed settings: " + ", ".join(status["config"]["managed"]))
    if status["config"]["locked"]:
        lines.append("locked settings: " + ", ".join(status["config"]["locked"]))
    if status["config"].get("report_endpoint"):
        lines.append(f"evidence report endpoint (sent on the user's click): {status['config']['report_endpoint']}")
    lines.append(f"host version {status['host_version']}, data in {status['data_dir']}")
    return "\n".join(lines) + "\n"


class UpdateProgress:
    """One line on a terminal's stderr, rewritten in place; `clear` removes it at the end."""

    WIDTH = 119

    def __init__(self) -> None:
        self.shown_at = 0.0
        self.width = 0

    def __call__(self, event: str, info: dict[str, Any]) -> None:
        now = time.monotonic()
        if event == "bytes":
            if now - self.shown_at < 0.1:
                return
            total = f" of {info['total'] / 1e6:.1f}" if info.get("total") else ""
            line = f"downloading {info['url']}: {info['received'] / 1e6:.1f}{total} MB"
        elif event == "mirror":
            line = f"asking {info['url']} ({info['role']} list, round {info['round']})"
        elif event == "verify":
            line = f"verifying {info['bytes'] / 1e6:.1f} MB from {info['url']}"
        elif event == "wait":
            line = f"retrying in {info['seconds']:.1f} s"
        elif event == "error":
            line = f"{info['url']}: {info['code']}"
        else:
            return
        self.shown_at = now
        sys.stderr.write("\r" + line[: self.WIDTH].ljust(self.width))
        self.width = min(self.WIDTH, len(line))
        sys.stderr.flush()

    def clear(self) -> None:
        if self.width:
            sys.stderr.write("\r" + " " * self.width + "\r")
