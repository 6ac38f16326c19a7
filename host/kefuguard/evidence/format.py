"""The evidence file's structure (docs/evidence.md): writing it from parts, reading parts and the
manifest back out of any file that follows the format, and its fingerprint.

Reading works on the file's bytes, as the format defines a part's content: a JSON part is the bytes
between its start tag's `>` and `</script>`, the screenshot the PNG its base64 data URL decodes to,
the view the bytes between `<main id="kefuguard-view">` and its `</main>`. The tokenizer below
knows just enough HTML for that (comments, quoted attributes, raw-text elements such as <script>
and <style>), so a part is found where a browser would find it, whatever the order of attributes,
their quotes or the case of tag names. A byte that is not UTF-8 only makes its part differ.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from kefuguard.errors import InputError

FORMAT = "kefuguard-evidence"
VERSION = 1
GENERATOR = f"kefu-guard evidence {VERSION}"
MANIFEST_ID = "kefuguard-evidence"
VIEW_ID = "kefuguard-view"
VIEW = "view"
JSON_TYPE = "application/json"
PNG_TYPE = "image/png"
VIEW_TYPE = "text/html"
REQUIRED_PARTS = ("page", "verdicts", "channels", VIEW)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class EvidenceError(InputError):
    """A problem with what `evidence make` was given or where it writes, or a file `evidence verify`
    cannot read as evidence; said in Chinese too (`message_zh`), like CheckInputError."""

    code = "evidence.error"

    def __init__(self, message: str, message_zh: str, *, code: str | None = None) -> None:
        super().__init__(message, code=code)
        self.message_zh = message_zh


class NotEvidenceError(EvidenceError):
    code = "evidence.not_evidence"


# --- writing --------------------------------------------------------------------------------


def embed_json(value: Any) -> str:
    """JSON as a part holds it: compact, UTF-8 as it is, with <, > and & escaped so that no text
    can close the <script> element early (JSON has them only inside strings)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def escape(value: Any) -> str:
    """A value as text in the view: &, <, >, " and ' escaped, so nothing becomes markup."""
    return html.escape(str(value), quote=True)


def utf8(text: str) -> bytes:
    """Text as the file holds it; a lone surrogate (from a command-line argument that was not
    UTF-8) becomes '?' rather than an error, in the part and its hash alike."""
    return text.encode("utf-8", "replace")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Part:
    name: str
    media_type: str
    content: bytes  # the content bytes: what the manifest's sha256 covers

    def listing(self) -> dict[str, Any]:
        return {"name": self.name, "media_type": self.media_type, "bytes": len(self.content), "sha256": self.digest}

    @property
    def digest(self) -> str:
        return sha256_hex(self.content)


def json_part(name: str, value: Any) -> Part:
    return Part(name, JSON_TYPE, utf8(embed_json(value)))


def png_part(name: str, png: bytes) -> Part:
    return Part(name, PNG_TYPE, png)


def view_part(view_html: str) -> Part:
    return Part(VIEW, VIEW_TYPE, utf8(view_html))


def _element(part: Part) -> bytes:
    if part.name == VIEW:
        return b'<main id="' + VIEW_ID.encode() + b'">' + part.content + b"</main>\n"
    if part.media_type == PNG_TYPE:
        data = base64.b64encode(part.content)
        return (
            b'<img data-part="'
            + utf8(escape(part.name))
            + b'" alt="screenshot" src="data:image/png;base64,'
            + data
            + b'">\n'
        )
    return (
        b'<script type="application/json" data-part="' + utf8(escape(part.name)) + b'">' + part.content + b"</script>\n"
    )


@dataclass(frozen=True)
class Built:
    data: bytes  # the whole file
    manifest: dict[str, Any]
    fingerprint: str


def build_file(title: str, style: str, parts: list[Part], made_by: str, created_utc: str) -> Built:
    """The file: head, then the parts in the order given (the view first), then the manifest
    listing them in that order. The fingerprint is the SHA-256 of the manifest's content bytes."""
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "made_by": made_by,
        "created_utc": created_utc,
        "parts": [p.listing() for p in parts],
    }
    manifest_bytes = utf8(embed_json(manifest))
    head = (
        '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="generator" content="{escape(GENERATOR)}">\n'
        f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
    )
    data = b"".join(
        [
            utf8(head),
            *(_element(p) for p in parts),
            b'<script type="application/json" id="' + MANIFEST_ID.encode() + b'">',
            manifest_bytes,
            b"</script>\n</body>\n</html>\n",
        ]
    )
    return Built(data, manifest, sha256_hex(manifest_bytes))


# --- reading --------------------------------------------------------------------------------

# raw text (and escapable raw text) elements: their content runs to their own end tag, no tags in it
_RAW_TEXT = frozenset({"script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript"})
_TAG_NAME = re.compile(rb"<([A-Za-z][^\t\n\f\r />]*)")
_TAG_STOP = re.compile(rb"[>\"']")
_ATTRIBUTE = re.compile(
    rb"""([^\t\n\f\r /=>"']+)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r >]+)))?"""
)
_DATA_URL = re.compile(r"data:([^,;]*)((?:;[^,;]*)*),", re.IGNORECASE)
_BASE64_SPACE = re.compile(rb"[\t\n\f\r ]+")


def _end_tag(name: str) -> re.Pattern[bytes]:
    return re.compile(rb"</" + re.escape(name.encode()) + rb"(?=[\t\n\f\r />])", re.IGNORECASE)


_END_TAGS = {name: _end_tag(name) for name in (*_RAW_TEXT, "main")}


def _text(raw: bytes) -> str:
    """Bytes of the file as text for reading attributes and snippets (never for hashing)."""
    return raw.decode("utf-8", "replace")


@dataclass
class Element:
    tag: str  # lower case
    attrs: dict[str, str]  # names in lower case, values with character references resolved
    start: int  # offset of its '<'
    content_start: int  # just after its start tag
    content_end: int | None = None  # start of its end tag (raw-text elements and the view); None: unclosed

    def attr(self, name: str) -> str | None:
        return self.attrs.get(name)


@dataclass
class Scanned:
    """A file taken apart: its elements in order and the text between them, the view's content
    skipped whole (its hash covers it: nothing in it is an element of the file's own)."""

    elements: list[Element] = field(default_factory=list)
    text: list[tuple[int, bytes]] = field(default_factory=list)  # (offset, bytes) between tags


def _attributes(raw: bytes) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for m in _ATTRIBUTE.finditer(raw):
        name = _text(m.group(1)).lower()
        value = next((g for g in m.groups()[1:] if g is not None), b"")
        attrs.setdefault(name, html.unescape(_text(value)))  # a repeated attribute: the first counts
    return attrs


def _start_tag_end(data: bytes, k: int) -> int:
    """The offset of the '>' that ends a start tag whose attributes begin at k (a '>' inside a
    quoted attribute value does not end it), or -1: the tag runs to the end of the file."""
    while True:
        m = _TAG_STOP.search(data, k)
        if m is None:
            return -1
        p = m.start()
        if data[p] == 0x3E:  # '>'
            return p
        before = data[k:p].rstrip(b"\t\n\f\r ")
        if not before.endswith(b"="):  # a quote that opens no value: part of a name or a bare value
            k = p + 1
            continue
        close = data.find(data[p : p + 1], p + 1)
        if close < 0:
            return -1
        k = close + 1


def line_numbers(data: bytes, offsets: list[int]) -> dict[int, int]:
    """The line of each offset, counted in one pass over the file."""
    lines: dict[int, int] = {}
    line, at = 1, 0
    for offset in sorted(set(offsets)):
        line += data.count(b"\n", at, offset)
        at, lines[offset] = offset, line
    return lines


def scan(data: bytes) -> Scanned:
    """The elements of an HTML file in order, found as a browser's tokenizer finds them."""
    out = Scanned()
    i, n = 0, len(data)
    while i < n:
        j = data.find(b"<", i)
        if j < 0:
            out.text.append((i, data[i:]))
            break
        if j > i:
            out.text.append((i, data[i:j]))
        if data.startswith(b"<!--", j):
            k = data.find(b"-->", j + 4)
            i = n if k < 0 else k + 3
            continue
        if data[j + 1 : j + 2] in (b"!", b"?", b"/"):  # doctype, bogus comment, end tag
            k = data.find(b">", j + 1)
            i = n if k < 0 else k + 1
            continue
        m = _TAG_NAME.match(data, j)
        if m is None:
            out.text.append((j, b"<"))
            i = j + 1
            continue
        end = _start_tag_end(data, m.end())
        if end < 0:
            break  # a tag cut off by the end of the file: a browser drops it
        tag = _text(m.group(1)).lower()
        element = Element(tag, _attributes(data[m.end() : end]), j, end + 1)
        out.elements.append(element)
        i = end + 1
        if tag in _RAW_TEXT:
            close = _END_TAGS[tag].search(data, i)
            if close is None:
                i = n
            else:
                element.content_end = close.start()
                k = data.find(b">", close.end())
                i = n if k < 0 else k + 1
        elif tag == "main" and element.attr("id") == VIEW_ID:
            # the view holds no <main> of its own: its content runs to the first </main>
            close = _END_TAGS["main"].search(data, i)
            element.content_end = close.start() if close is not None else None
            i = close.start() if close is not None else n
    return out


def content_bytes(data: bytes, element: Element) -> tuple[bytes | None, tuple[str, str] | None]:
    """A part element's content bytes, or why it has none (English, Chinese)."""
    if element.tag in ("script", "main"):
        if element.content_end is None:
            return None, (f"its <{element.tag}> element is not closed", f"其 <{element.tag}> 元素没有结束标记")
        return data[element.content_start : element.content_end], None
    if element.tag == "img":
        src = (element.attr("src") or "").strip()
        m = _DATA_URL.match(src)
        if m is None or "base64" not in [p.strip().lower() for p in m.group(2).split(";")]:
            return None, ("its src is not a base64 data: URL", "其 src 不是 base64 的 data: 网址")
        payload = _BASE64_SPACE.sub(b"", src[m.end() :].encode("ascii", "replace"))
        try:
            return base64.b64decode(payload, validate=True), None
        except (binascii.Error, ValueError):
            return None, ("its data: URL is not valid base64", "其 data: 网址不是有效的 base64")
    return None, (f"a <{element.tag}> element cannot hold a part", f"<{element.tag}> 元素不能作为部分")


def part_name(element: Element) -> str | None:
    if element.tag == "main" and element.attr("id") == VIEW_ID:
        return VIEW
    return element.attr("data-part")


def is_json_script(element: Element) -> bool:
    return (element.attr("type") or "").strip().lower() == JSON_TYPE


def read_manifest(data: bytes, scanned: Scanned) -> tuple[Element, bytes, dict[str, Any]]:
    """The manifest (the last <script id="kefuguard-evidence">), its content bytes and its JSON;
    NotEvidenceError when there is none, or it is not a kefuguard-evidence version 1 manifest."""
    found = [e for e in scanned.elements if e.tag == "script" and e.attr("id") == MANIFEST_ID]
    if not found:
        raise NotEvidenceError(
            'no kefu-guard evidence manifest (<script type="application/json" id="kefuguard-evidence">)',
            "没有 kefu-guard 证据清单：这不是证据文件",
        )
    element = found[-1]
    raw, problem = content_bytes(data, element)
    if raw is None:
        raise NotEvidenceError(
            f"the evidence manifest cannot be read: {problem[0] if problem else ''}", "证据清单无法读取"
        )
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise NotEvidenceError("the evidence manifest is not valid JSON", "证据清单不是有效的 JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        other = manifest.get("format") if isinstance(manifest, dict) else None
        said = f" (format {json.dumps(other, ensure_ascii=False)[:80]})" if other is not None else ""
        raise NotEvidenceError(
            f"the manifest is not a {FORMAT} manifest{said}", f"清单格式不是 {FORMAT}：这不是 kefu-guard 证据文件"
        )
    version = manifest.get("version")
    if version != VERSION or isinstance(version, bool):
        shown = json.dumps(version, ensure_ascii=False)[:40]
        raise NotEvidenceError(
            f"{FORMAT} version {shown}: this kefuguard reads version {VERSION}",
            f"证据文件版本 {shown}：本程序只能读取版本 {VERSION}",
        )
    parts = manifest.get("parts")
    if not isinstance(parts, list) or not all(
        isinstance(p, dict) and isinstance(p.get("name"), str) and isinstance(p.get("sha256"), str) for p in parts
    ):
        raise NotEvidenceError(
            "the manifest's parts are not a list of {name, sha256, ...} objects",
            "证据清单中的部件列表格式不对",
        )
    return element, raw, manifest
