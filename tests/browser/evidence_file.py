"""Reading an evidence file as docs/evidence.md describes it, for the Chromium and Firefox tests:
its parts, every part's SHA-256 against the manifest, the fingerprint, the file's structure."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.browser.harness import REPO


@dataclass
class Evidence:
    text: str
    manifest: dict[str, Any]
    manifest_text: str
    parts: list[tuple[str, bytes]]  # (name, content bytes) in file order
    json: dict[str, Any]  # JSON parts, decoded

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.manifest_text.encode("utf-8")).hexdigest()


class _BodyElements(HTMLParser):
    """The elements directly under <body>, with their attributes (the file's structure)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.top: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs))
        if self.stack and self.stack[-1] == "body":
            self.top.append((tag, dict(attrs)))
        if tag not in ("meta", "img", "br", "link", "input"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass


def read_evidence(path: Path) -> Evidence:
    text = path.read_text(encoding="utf-8")
    parts: list[tuple[str, bytes]] = []
    decoded: dict[str, Any] = {}
    pattern = re.compile(
        r'<main id="kefuguard-view">(?P<view>.*?)</main>'
        r'|<script type="application/json" data-part="(?P<name>[a-z_]+)">(?P<json>.*?)</script>'
        r'|<img data-part="(?P<img>[a-z_]+)" alt="[^"]*" src="data:image/png;base64,(?P<b64>[A-Za-z0-9+/=]+)">',
        re.S,
    )
    for m in pattern.finditer(text):
        if m.group("view") is not None:
            parts.append(("view", m.group("view").encode("utf-8")))
        elif m.group("name"):
            parts.append((m.group("name"), m.group("json").encode("utf-8")))
            decoded[m.group("name")] = json.loads(m.group("json"))
        else:
            parts.append((m.group("img"), base64.b64decode(m.group("b64"), validate=True)))
    found = re.search(r'<script type="application/json" id="kefuguard-evidence">(.*?)</script>', text, re.S)
    assert found, "no manifest"
    return Evidence(text, json.loads(found.group(1)), found.group(1), parts, decoded)


def check_evidence(path: Path, fingerprint: str) -> Evidence:
    """Everything docs/evidence.md promises about the file's form; returns it for the content checks."""
    ev = read_evidence(path)
    manifest = ev.manifest
    assert manifest["format"] == "kefuguard-evidence" and manifest["version"] == 1
    assert re.fullmatch(r"kefu-guard extension \d+\.\d+\.\d+", manifest["made_by"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", manifest["created_utc"])
    # every part listed once, in file order, with its size and the SHA-256 of its content bytes
    assert [p["name"] for p in manifest["parts"]] == [name for name, _ in ev.parts]
    for listed, (name, content) in zip(manifest["parts"], ev.parts, strict=True):
        assert listed["bytes"] == len(content), name
        assert listed["sha256"] == hashlib.sha256(content).hexdigest(), name
    names = [name for name, _ in ev.parts]
    assert {"view", "page", "verdicts", "channels"} <= set(names)
    assert len(names) == len(set(names))
    media = {p["name"]: p["media_type"] for p in manifest["parts"]}
    assert media["view"] == "text/html" and media["page"] == "application/json"
    # the fingerprint the user was shown is the SHA-256 of the manifest element's content bytes
    assert ev.fingerprint == fingerprint
    # the structure: main, the parts, the manifest last; every script is JSON data, none runs
    body = _BodyElements()
    body.feed(ev.text)
    top = [(tag, attrs.get("data-part") or attrs.get("id")) for tag, attrs in body.top]
    assert top[0] == ("main", "kefuguard-view")
    assert top[-1] == ("script", "kefuguard-evidence")
    assert ["view", *[name for _, name in top[1:-1]]] == names
    assert all(s.get("type") == "application/json" for s in body.scripts)
    json_parts = [name for name in names if name not in ("view", "screenshot")]
    assert len(body.scripts) == len(json_parts) + 1  # and the manifest
    assert ev.text.count("<main") == 1 and ev.text.count("</main>") == 1
    assert ev.text.startswith('<!doctype html>\n<html lang="zh-CN">')
    # no part can be closed early: < > & are escaped in the JSON parts
    for name, content in ev.parts:
        if media[name] == "application/json":
            assert not re.search(rb"[<>&]", content), name
    if "screenshot" in names:
        png = dict(ev.parts)["screenshot"]
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 1000
    page = ev.json["page"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", page["captured_utc"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", page["captured_local"])
    assert page["timezone"]
    return ev


def evidence_command() -> list[str] | None:
    """`kefuguard evidence verify`, when the installed kefuguard has it (the Python side is separate)."""
    probe = subprocess.run(
        [sys.executable, "-m", "kefuguard", "evidence", "verify", "--help"], capture_output=True, text=True
    )
    return [sys.executable, "-m", "kefuguard", "evidence", "verify"] if probe.returncode == 0 else None


def verify_with_the_cli(path: Path) -> None:
    command = evidence_command()
    if command is None:
        pytest.skip("`kefuguard evidence verify` is not in the installed kefuguard yet: the CLI check is skipped")
    done = subprocess.run([*command, str(path)], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stdout + done.stderr
