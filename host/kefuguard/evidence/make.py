"""`kefuguard evidence make`: the page's URL (and the chat of a text file, and a screenshot) checked
by the engine, put into the parts of an evidence file, written where the user says and nowhere else.

A text file is one message a line: `me:`, `我:` or `我：` starts the user's own (outgoing) line,
masked before it goes into any part (mask.py); `them:`, `对方:`, `对方：` or nothing an incoming one.
What a huge file holds beyond the caps below is left out, and the view says so.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kefuguard import __version__
from kefuguard.evidence.format import (
    PNG_SIGNATURE,
    Built,
    EvidenceError,
    Part,
    build_file,
    json_part,
    png_part,
    view_part,
)
from kefuguard.evidence.mask import Masked, mask_outgoing
from kefuguard.evidence.view import STYLE, ViewData, ViewMessage, render_view

if TYPE_CHECKING:
    from kefuguard.service.engine import Engine

MADE_BY = f"kefu-guard cli {__version__}"
MAX_TEXT_FILE_BYTES = 2_000_000  # of --text-file read; the rest is left out (and the view says so)
MAX_MESSAGES = 1_000  # as a check_chat request
MAX_MESSAGE_CHARS = 20_000  # of each message kept: what the chat checks analyse at most
MAX_SCREENSHOT_BYTES = 32 << 20
OUTGOING_PREFIXES = ("me:", "我:", "我：")
INCOMING_PREFIXES = ("them:", "对方:", "对方：")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class Made:
    out: Path
    fingerprint: str
    parts: list[dict[str, Any]]  # as the manifest lists them
    size: int
    level: str  # the page address's level


@dataclass
class _Message:
    direction: str
    text: str  # as written in the file (cut to MAX_MESSAGE_CHARS)
    cut: bool


def utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_timezone() -> str:
    """The local time zone's name: an IANA name where the system says it (TZ, /etc/localtime),
    else its abbreviation, else its UTC offset."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if "/" in tz and not tz.startswith("/"):
        return tz
    try:
        target = os.readlink("/etc/localtime")
    except (OSError, AttributeError):
        target = ""
    if "zoneinfo/" in target:
        return target.split("zoneinfo/", 1)[1]
    name = time.strftime("%Z")
    return name if name and name.isascii() else datetime.now().astimezone().strftime("%z")


def _refuse_existing(out: Path) -> None:
    if os.path.lexists(out):
        raise EvidenceError(
            f"{out} exists: evidence make never overwrites a file; give another --out",
            f"{out} 已存在：不会覆盖已有文件，请用 --out 指定另一个文件名",
            code="evidence.out_exists",
        )


def _read(path: Path, what: str, limit: int) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(limit + 1)
    except OSError as e:
        raise EvidenceError(
            f"cannot read {what} {path}: {e.strerror or e}",
            f"无法读取 {what} {path}：{e.strerror or e}",
            code="evidence.unreadable",
        ) from None


def read_screenshot(path: Path) -> bytes:
    data = _read(path, "--screenshot", MAX_SCREENSHOT_BYTES)
    if len(data) > MAX_SCREENSHOT_BYTES:
        raise EvidenceError(
            f"--screenshot {path} is larger than {MAX_SCREENSHOT_BYTES >> 20} MiB",
            f"截图 {path} 超过 {MAX_SCREENSHOT_BYTES >> 20} MiB",
            code="evidence.too_large",
        )
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise EvidenceError(
            f"--screenshot {path} is not a PNG image (a screenshot is kept as PNG only)",
            f"截图 {path} 不是 PNG 图片（只收录 PNG 格式的截图）",
            code="evidence.not_png",
        )
    return data


def _decode(raw: bytes, path: Path) -> str:
    if raw.startswith(_UTF16_BOMS):
        return raw.decode("utf-16", "replace")
    if b"\x00" in raw:
        raise EvidenceError(
            f"--text-file {path} is not a text file",
            f"--text-file {path} 不是文本文件",
            code="evidence.not_text",
        )
    for encoding in ("utf-8-sig", "gb18030"):  # a chat copied on a Chinese Windows may be GBK
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def read_messages(path: Path) -> tuple[list[_Message], list[tuple[str, str]]]:
    """The messages of a text file, and notes (English, Chinese) on what was left out."""
    raw = _read(path, "--text-file", MAX_TEXT_FILE_BYTES)
    notes: list[tuple[str, str]] = []
    if len(raw) > MAX_TEXT_FILE_BYTES:
        size = path.stat().st_size if path.is_file() else None
        cut = raw.rfind(b"\n", 0, MAX_TEXT_FILE_BYTES)
        if cut < 0:  # one huge line: cut it at a character boundary
            cut = MAX_TEXT_FILE_BYTES
            while cut > 0 and raw[cut] & 0xC0 == 0x80:
                cut -= 1
        raw = raw[:cut]
        total = f"{size:,}" if size is not None else f"more than {MAX_TEXT_FILE_BYTES:,}"
        total_zh = f"{size:,}" if size is not None else f"超过 {MAX_TEXT_FILE_BYTES:,}"
        notes.append(
            (
                f"The text file has {total} bytes: only its first {len(raw):,} bytes are included.",
                f"文本文件共 {total_zh} 字节：只收录了前 {len(raw):,} 字节。",
            )
        )
    messages: list[_Message] = []
    lines = 0
    for line in _decode(raw, path).splitlines():
        direction, text = _direction(line.strip())
        if not text:
            continue
        lines += 1
        if len(messages) < MAX_MESSAGES:
            cut = len(text) > MAX_MESSAGE_CHARS
            messages.append(_Message(direction, text[:MAX_MESSAGE_CHARS], cut))
    if lines > MAX_MESSAGES:
        notes.append(
            (
                f"The text file has {lines:,} messages: only the first {MAX_MESSAGES:,} are included.",
                f"文本文件共 {lines:,} 条消息：只收录了前 {MAX_MESSAGES:,} 条。",
            )
        )
    cut_count = sum(m.cut for m in messages)
    if cut_count:
        notes.append(
            (
                f"{cut_count:,} message(s) longer than {MAX_MESSAGE_CHARS:,} characters are cut to their first "
                f"{MAX_MESSAGE_CHARS:,}.",
                f"{cut_count:,} 条消息超过 {MAX_MESSAGE_CHARS:,} 个字符，只收录了前 {MAX_MESSAGE_CHARS:,} 个字符。",
            )
        )
    return messages, notes


def _direction(line: str) -> tuple[str, str]:
    lower = line[:5].lower()
    for prefix in OUTGOING_PREFIXES:
        if lower.startswith(prefix):
            return "outgoing", line[len(prefix) :].strip()
    for prefix in INCOMING_PREFIXES:
        if lower.startswith(prefix):
            return "incoming", line[len(prefix) :].strip()
    return "incoming", line


def _scrub(value: Any, original: str, masked: Masked) -> Any:
    """An outgoing message's check result with what was masked in the message masked in it too (the
    reasons quote the code or card number they found)."""
    if isinstance(value, str):
        for start, end, _ in masked.spans:
            value = value.replace(original[start:end], masked.text[start:end])
        return value
    if isinstance(value, list):
        return [_scrub(v, original, masked) for v in value]
    if isinstance(value, dict):
        return {
            k: _scrub(masked.same_span(original, v) if k == "matched" and isinstance(v, str) else v, original, masked)
            for k, v in value.items()
        }
    return value


def make_evidence(
    engine: Engine,
    url: str,
    out: Path,
    text_file: Path | None = None,
    screenshot: Path | None = None,
    now: datetime | None = None,
) -> Made:
    """Check, fill the parts, write `out` (never over an existing file); EvidenceError (or the
    check's InputError, NoUsableListError) before anything is written."""
    _refuse_existing(out)
    url = url.encode("utf-8", "replace").decode("utf-8")  # a command-line argument that was not UTF-8
    url_result = engine.check_url(url)
    png = read_screenshot(screenshot) if screenshot is not None else None
    messages, notes = read_messages(text_file) if text_file is not None else ([], [])
    moment = (now or datetime.now(UTC)).replace(microsecond=0)

    view_messages: list[ViewMessage] | None = None
    verdicts: list[dict[str, Any]] = [url_result]
    parts: list[Part] = []
    chat: list[dict[str, Any]] = []
    texts: list[str] = []
    if messages:
        from kefuguard.detect.text.check import ChatMessage, check_conversation

        index = engine.text_index()
        results = check_conversation([ChatMessage(m.text, m.direction) for m in messages], index, page_url=url)
        view_messages = []
        for m, result in zip(messages, results, strict=True):
            entry = result.to_dict()
            text = m.text
            if m.direction == "outgoing":
                masked = mask_outgoing(m.text)
                entry, text = _scrub(entry, m.text, masked), masked.text
            verdicts.append({**entry, "text": text})
            level = entry["level"]
            chat.append(
                {"direction": m.direction, "text": text, "level": level, "flagged": level in ("caution", "danger")}
            )
            view_messages.append(ViewMessage(m.direction, text, entry, m.cut))
            texts.append(text)
    elif text_file is not None:
        view_messages = []

    from kefuguard.evidence.channels import find_channels

    channels = find_channels(url, texts, engine.text_index() if texts else None)
    page = {
        "url": url,
        "title": None,
        "captured_utc": utc_text(moment),
        "captured_local": moment.astimezone().isoformat(),
        "timezone": local_timezone(),
    }
    parts.append(json_part("page", page))
    parts.append(json_part("verdicts", verdicts))
    if text_file is not None:
        parts.append(json_part("chat", chat))
    parts.append(json_part("channels", channels))
    if png is not None:
        parts.append(png_part("screenshot", png))
    view = render_view(
        ViewData(
            page=page,
            url_result=url_result,
            messages=view_messages,
            channels=channels,
            screenshot_bytes=len(png) if png is not None else None,
            listings=[p.listing() for p in parts],
            made_by=MADE_BY,
            notes=notes,
        )
    )
    parts.insert(0, view_part(view))
    host = url_result.get("host_unicode") or url_result.get("host") or url
    title = f"kefu-guard 证据 evidence: {host} {moment:%Y-%m-%d %H:%M} UTC"
    built = build_file(title, STYLE, parts, MADE_BY, utc_text(moment))
    _write_new(out, built)
    return Made(out, built.fingerprint, built.manifest["parts"], len(built.data), str(url_result.get("level")))


def _write_new(out: Path, built: Built) -> None:
    """Write the whole file, refusing one that appeared meanwhile; nothing half-written is left."""
    try:
        f = open(out, "xb")  # noqa: SIM115 - closed below; removed if the write fails
    except FileExistsError:
        _refuse_existing(out)
        raise
    except OSError as e:
        raise EvidenceError(
            f"cannot write {out}: {e.strerror or e}", f"无法写入 {out}：{e.strerror or e}", code="evidence.write_failed"
        ) from None
    try:
        with f:
            f.write(built.data)
    except OSError as e:
        try:
            os.unlink(out)
        except OSError:
            pass
        raise EvidenceError(
            f"cannot write {out}: {e.strerror or e}", f"无法写入 {out}：{e.strerror or e}", code="evidence.write_failed"
        ) from None
