"""`kefuguard evidence verify`: does every part of an evidence file still have the SHA-256 its manifest
lists? For any file that follows docs/evidence.md, whoever wrote it (this package, the extension).

Parts and manifest entries are paired by name, in the order each appears; an entry without its part
is `missing`, a part without its entry `unlisted`, a part whose bytes differ `changed`. A required
part that is neither listed nor there is missing too. What the parts' hashes cannot cover is checked
as well: anything added around the parts that a browser would show or run (text or elements outside
the view and the parts, a script that is not JSON data, an event handler attribute, a style that
loads from outside the file) is reported as unlisted. The head's title and inline style are not
covered by any hash; they are only checked for not loading anything.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kefuguard.evidence.format import (
    MANIFEST_ID,
    REQUIRED_PARTS,
    VIEW_ID,
    Element,
    NotEvidenceError,
    Scanned,
    content_bytes,
    is_json_script,
    line_numbers,
    part_name,
    read_manifest,
    scan,
    sha256_hex,
)

MAX_FILE_BYTES = 256 << 20  # a bigger file is no evidence file of ours (a screenshot is at most tens of MB)
MAX_OUTSIDE = 50  # things outside the parts reported one by one; a flood of them is summed up
_HEX64 = re.compile(r"[0-9a-fA-F]{64}")
_ALLOWED_OUTSIDE = frozenset({"html", "head", "body", "meta", "title", "style"})
_REMOTE_STYLE = re.compile(rb"@import|url\(\s*(?![\"']?\s*data:)", re.IGNORECASE)
_BOM = b"\xef\xbb\xbf"
MISSING = ("listed in the manifest, not in the file", "清单中有，文件中没有")


@dataclass
class PartCheck:
    name: str
    status: str  # intact | changed | missing | unlisted
    bytes: int | None = None  # in the file
    sha256: str | None = None  # in the file
    listed_bytes: Any = None  # in the manifest
    listed_sha256: str | None = None  # in the manifest
    detail: str | None = None
    detail_zh: str | None = None
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    def said(self, en: str, zh: str) -> None:
        self.detail, self.detail_zh = en, zh


@dataclass
class Outside:
    """Something in the file, outside the view and the parts, that a browser would show or run."""

    what: str
    what_zh: str
    line: int

    def to_dict(self) -> dict[str, Any]:
        return {"what": self.what, "what_zh": self.what_zh, "line": self.line}


@dataclass
class Report:
    fingerprint: str
    manifest: dict[str, Any]
    parts: list[PartCheck] = field(default_factory=list)
    outside: list[Outside] = field(default_factory=list)
    page_url: str | None = None

    @property
    def intact(self) -> bool:
        return not self.outside and all(p.status == "intact" for p in self.parts)

    @property
    def problems(self) -> list[PartCheck]:
        return [p for p in self.parts if p.status != "intact"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": "intact" if self.intact else "changed",
            "fingerprint": self.fingerprint,
            "made_by": self.manifest.get("made_by"),
            "created_utc": self.manifest.get("created_utc"),
            "page": self.page_url,
            "parts": [p.to_dict() for p in self.parts],
            "outside": [o.to_dict() for o in self.outside],
        }


def read_evidence_file(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise NotEvidenceError(f"cannot read it: {e.strerror or e}", f"无法读取：{e.strerror or e}") from None
    if len(data) > MAX_FILE_BYTES:
        raise NotEvidenceError(
            f"larger than {MAX_FILE_BYTES >> 20} MiB: not an evidence file",
            f"超过 {MAX_FILE_BYTES >> 20} MiB：不是证据文件",
        )
    return data


def verify_file(path: Path) -> Report:
    return verify_bytes(read_evidence_file(path))


def verify_bytes(data: bytes) -> Report:
    """The report on one file; NotEvidenceError when it has no kefuguard-evidence version 1 manifest."""
    scanned = scan(data)
    manifest_element, manifest_bytes, manifest = read_manifest(data, scanned)
    report = Report(sha256_hex(manifest_bytes), manifest)
    found: dict[str, deque[Element]] = defaultdict(deque)
    for e in scanned.elements:
        if e is manifest_element or e.attr("id") == MANIFEST_ID:
            continue
        name = part_name(e)
        if name is not None:
            found[name].append(e)
    intact: dict[str, Element] = {}
    listed_names = set()
    for entry in manifest["parts"]:
        name = entry["name"]
        listed_names.add(name)
        listed = {"listed_bytes": entry.get("bytes"), "listed_sha256": entry["sha256"]}
        if not found[name]:
            report.parts.append(PartCheck(name, "missing", detail=MISSING[0], detail_zh=MISSING[1], **listed))
            continue
        element = found[name].popleft()
        check = _check(data, element, name)
        check.listed_bytes, check.listed_sha256 = listed["listed_bytes"], listed["listed_sha256"]
        if check.status == "intact":
            if not _HEX64.fullmatch(entry["sha256"]) or entry["sha256"].lower() != check.sha256:
                check.status = "changed"
                check.said("its SHA-256 is not the one the manifest lists", "其 SHA-256 与清单所列不符")
            elif entry.get("bytes") != check.bytes or isinstance(entry.get("bytes"), bool):
                check.status = "changed"
                check.said("its size is not the one the manifest lists", "其大小与清单所列不符")
            else:
                intact.setdefault(name, element)
        report.parts.append(check)
    leftovers = sorted((e for queue in found.values() for e in queue), key=lambda e: e.start)
    for e in leftovers:
        check = _check(data, e, part_name(e) or "")
        check.status = "unlisted"
        check.said("in the file, not in the manifest", "文件中有，清单中没有")
        report.parts.append(check)
    for name in REQUIRED_PARTS:
        if name not in listed_names and not any(p.name == name for p in report.parts):
            check = PartCheck(name, "missing")
            check.said("a required part, neither in the file nor in the manifest", "必需的部分，文件和清单中都没有")
            report.parts.append(check)
    lines = line_numbers(data, [p.line for p in report.parts if p.line is not None])
    for check in report.parts:
        if check.line is not None:
            check.line = lines[check.line]
    report.outside = _outside(data, scanned, manifest_element)
    if "page" in intact:
        report.page_url = _page_url(data, intact["page"])
    return report


def _check(data: bytes, element: Element, name: str) -> PartCheck:
    content, problem = content_bytes(data, element)
    check = PartCheck(name, "intact", line=element.start)  # `line` holds the offset until the end
    if content is None:
        check.status = "changed"
        if problem is not None:
            check.said(*problem)
    else:
        check.bytes, check.sha256 = len(content), sha256_hex(content)
    return check


def _page_url(data: bytes, element: Element) -> str | None:
    content, _ = content_bytes(data, element)
    try:
        page = json.loads(content.decode("utf-8")) if content is not None else None
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    url = page.get("url") if isinstance(page, dict) else None
    return url if isinstance(url, str) else None


def _outside(data: bytes, scanned: Scanned, manifest: Element) -> list[Outside]:
    found: list[Outside] = []

    def add(offset: int, what: str, what_zh: str) -> None:
        found.append(Outside(what, what_zh, offset))

    for e in scanned.elements:
        handlers = sorted(a for a in e.attrs if a.startswith("on"))
        if handlers:
            add(
                e.start,
                f"an event handler ({handlers[0]}) on <{e.tag}>",
                f"<{e.tag}> 上的事件处理属性（{handlers[0]}）",
            )
        name = part_name(e)
        if e.tag == "script":
            if not is_json_script(e):
                add(e.start, "a <script> that would run", "会运行的 <script>")
            elif e.attr("id") == MANIFEST_ID and e is not manifest:
                add(e.start, "a second manifest", "另一份清单")
            elif name is None and e is not manifest:
                add(e.start, "a <script> that is no part", "不属于任何部分的 <script>")
        elif e.tag == "main" and e.attr("id") == VIEW_ID:
            continue
        elif name is not None:
            continue  # a part: its hash covers it (an <img> or <script> part, or one that is changed)
        elif e.tag == "meta" and (e.attr("http-equiv") or "").strip().lower() == "refresh":
            add(e.start, "a <meta http-equiv=refresh> (it opens another address)", "会跳转到其他网址的 <meta refresh>")
        elif e.tag == "style":
            end = e.content_end if e.content_end is not None else len(data)
            if _REMOTE_STYLE.search(data, e.content_start, end):
                add(e.start, "a style that loads from outside the file", "从文件外加载内容的样式")
        elif e.tag not in _ALLOWED_OUTSIDE:
            add(e.start, f"a <{e.tag}> element outside the parts", f"各部分之外的 <{e.tag}> 元素")
    for offset, raw in scanned.text:
        stripped = raw.removeprefix(_BOM).strip() if offset == 0 else raw.strip()
        if stripped:
            shown = stripped[:40].decode("utf-8", "replace")
            add(offset, f"text outside the parts ({shown!r})", f"各部分之外的文字（{shown!r}）")
    found.sort(key=lambda o: o.line)
    if len(found) > MAX_OUTSIDE:
        rest = len(found) - MAX_OUTSIDE
        first = found[MAX_OUTSIDE].line
        found = found[:MAX_OUTSIDE]
        found.append(Outside(f"{rest:,} more things like these", f"另有 {rest:,} 处类似内容", first))
    lines = line_numbers(data, [o.line for o in found])
    for o in found:
        o.line = lines[o.line]
    return found
