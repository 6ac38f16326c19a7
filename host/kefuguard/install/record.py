"""The install record: every file, folder and registry key an install wrote, and for whom.

One record per scope, next to the launcher. Each entry lists its owners (browser keys, or
`chromium:<user-data-dir>` for a custom folder), because browsers share places: Opera, Brave and
Vivaldi also use Chrome's system folder, and every browser in a scope uses one launcher. Uninstall
drops owners and removes an entry only when none is left, and only if it is still what we wrote.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kefuguard.install import InstallError
from kefuguard.lists.atomic import write_atomic

RECORD_FILE = "install-record.json"
RECORD_TYPE = "kefuguard.install-record"

FILE, DIR, REG_VALUE, REG_KEY = "file", "dir", "registry-value", "registry-key"


@dataclass
class Entry:
    kind: str  # FILE, DIR (a folder we created), REG_VALUE (a key whose default value we set), REG_KEY (created)
    where: str  # a path, or HIVE\key
    owners: list[str] = field(default_factory=list)
    role: str = ""  # launcher, manifest, flatpak-manifest, flatpak-wrapper
    sha256: str | None = None  # FILE: what we wrote
    value: str | None = None  # REG_VALUE: what we wrote

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "where": self.where, "owners": sorted(self.owners)}
        if self.role:
            d["role"] = self.role
        if self.sha256 is not None:
            d["sha256"] = self.sha256
        if self.value is not None:
            d["value"] = self.value
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entry:
        return cls(
            kind=str(d["kind"]),
            where=str(d["where"]),
            owners=[str(o) for o in d.get("owners", [])],
            role=str(d.get("role", "")),
            sha256=d.get("sha256"),
            value=d.get("value"),
        )


@dataclass
class InstallRecord:
    scope: str
    platform: str
    entries: list[Entry] = field(default_factory=list)

    def find(self, kind: str, where: str) -> Entry | None:
        return next((e for e in self.entries if e.kind == kind and e.where == where), None)

    def own(self, kind: str, where: str, owners: list[str], **facts: Any) -> Entry:
        """Add or update an entry, adding owners; later facts (new content) replace older ones."""
        entry = self.find(kind, where)
        if entry is None:
            entry = Entry(kind=kind, where=where)
            self.entries.append(entry)
        entry.owners = sorted(set(entry.owners) | set(owners))
        for k, v in facts.items():
            setattr(entry, k, v)
        return entry

    @property
    def owners(self) -> list[str]:
        return sorted({o for e in self.entries for o in e.owners})

    def to_bytes(self) -> bytes:
        doc = {
            "type": RECORD_TYPE,
            "version": 1,
            "scope": self.scope,
            "platform": self.platform,
            "entries": [e.to_dict() for e in self.entries],
        }
        return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def load_record(path: Path, scope: str, platform: str) -> InstallRecord:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return InstallRecord(scope=scope, platform=platform)
    except OSError as e:
        raise InstallError(f"{path}: cannot read the install record ({e.strerror})", code="install.record") from e
    try:
        doc = json.loads(raw.decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("type") != RECORD_TYPE:
            raise ValueError("not an install record")
        return InstallRecord(
            scope=str(doc.get("scope", scope)),
            platform=str(doc.get("platform", platform)),
            entries=[Entry.from_dict(e) for e in doc.get("entries", [])],
        )
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise InstallError(
            f"{path}: the install record is damaged ({e}); move it away and remove old files by hand",
            code="install.record",
        ) from e


def save_record(path: Path, record: InstallRecord) -> None:
    if record.entries:
        write_atomic(path, record.to_bytes(), 0o644)
    else:
        path.unlink(missing_ok=True)
