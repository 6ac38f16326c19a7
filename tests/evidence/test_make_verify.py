"""`kefuguard evidence make` and `verify` as a real process (docs/evidence.md): a made file verifies,
every kind of change is named, files that are no evidence exit 2, hostile text stays text."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.evidence.conftest import CHAT, Made, kefuguard, png_bytes

PART_NAMES = ["view", "page", "verdicts", "chat", "channels", "screenshot"]


def part_span(data: bytes, name: str) -> tuple[int, int]:
    """Where the content of the JSON part `name` is, in a file `make` wrote."""
    m = re.search(rb'<script type="application/json" data-part="' + name.encode() + rb'">(.*?)</script>', data, re.S)
    assert m is not None, name
    return m.start(1), m.end(1)


def part_json(data: bytes, name: str):
    start, end = part_span(data, name)
    return json.loads(data[start:end])


def manifest_bytes(data: bytes) -> bytes:
    m = re.search(rb'<script type="application/json" id="kefuguard-evidence">(.*?)</script>', data, re.S)
    assert m is not None
    return m.group(1)


def view_text(data: bytes) -> str:
    m = re.search(rb'<main id="kefuguard-view">(.*?)</main>', data, re.S)
    assert m is not None
    return m.group(1).decode()


def verify(home: Path, path: Path, *flags: str):
    return kefuguard(home, "evidence", "verify", *flags, str(path))


# --- made, then verified --------------------------------------------------------------------


def test_a_made_file_verifies_intact_in_one_line(made: Made) -> None:
    proc = verify(made.home, made.path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout.decode()
    assert re.fullmatch(
        rf"intact: 6 parts, fingerprint {made.fingerprint}, made \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ "
        r"by kefu-guard cli \S+, page https://taobao-kefu\.com/refund\n",
        out,
    ), out
    assert proc.stderr == b""


def test_verify_json_lists_every_part_as_intact(made: Made) -> None:
    proc = verify(made.home, made.path, "--json")
    assert proc.returncode == 0
    report = json.loads(proc.stdout)
    assert report["status"] == "intact" and report["fingerprint"] == made.fingerprint
    assert report["page"] == "https://taobao-kefu.com/refund" and report["outside"] == []
    assert [p["name"] for p in report["parts"]] == PART_NAMES
    assert all(p["status"] == "intact" and p["sha256"] == p["listed_sha256"] for p in report["parts"])


def test_make_json_gives_out_fingerprint_and_parts_in_file_order(made: Made) -> None:
    assert [p["name"] for p in made.parts] == PART_NAMES
    assert made.fingerprint == hashlib.sha256(manifest_bytes(made.data)).hexdigest()
    manifest = json.loads(manifest_bytes(made.data))
    assert manifest["format"] == "kefuguard-evidence" and manifest["version"] == 1
    assert manifest["parts"] == made.parts
    assert {p["media_type"] for p in made.parts} == {"text/html", "application/json", "image/png"}


def test_the_parts_hold_what_the_format_says(made: Made) -> None:
    page = part_json(made.data, "page")
    assert page["url"] == "https://taobao-kefu.com/refund" and page["title"] is None
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", page["captured_utc"])
    assert page["captured_local"] and page["timezone"]
    verdicts = part_json(made.data, "verdicts")
    assert verdicts[0]["url"] == "https://taobao-kefu.com/refund" and verdicts[0]["level"] == "danger"
    assert all("list_version" in v and "publisher" in v for v in verdicts)
    assert len(verdicts) == 1 + len(CHAT.splitlines()) and all("text" in v for v in verdicts[1:])
    chat = part_json(made.data, "chat")
    assert [m["direction"] for m in chat] == ["incoming", "outgoing", "incoming", "outgoing", "incoming"]
    assert all(isinstance(m["flagged"], bool) and m["level"] in ("none", "caution", "danger") for m in chat)
    assert chat[0]["flagged"] is True
    channels = part_json(made.data, "channels")
    assert set(channels) == {"phones", "accounts", "links"}
    assert "qq:123456789" in channels["accounts"] and "whatsapp:14155550100" in channels["accounts"]
    assert channels["links"][:2] == ["https://taobao-kefu.com/refund", "https://evil-refund.top/x"]
    src = re.search(rb'<img data-part="screenshot" alt="screenshot" src="data:image/png;base64,([^"]*)">', made.data)
    assert src is not None and base64.b64decode(src.group(1)) == made.png


def test_the_view_shows_the_page_verdicts_chat_and_parts(made: Made) -> None:
    view = view_text(made.data)
    for expected in ("https://taobao-kefu.com/refund", "危险 DANGER", "UTC", "聊天记录", "⚑ 已标记 flagged",
                     "qq:123456789", "截图", "kefuguard evidence verify"):  # fmt: skip
        assert expected in view, expected
    for part in made.parts[1:]:  # the others' hashes: the view cannot hold its own
        assert part["sha256"] in view
    assert made.fingerprint not in made.data.decode()


# --- hostile text ---------------------------------------------------------------------------


class _Tags(HTMLParser):
    """The standard library's HTML parser: an outside opinion of the file's elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text.append(data)


def test_hostile_text_in_messages_cannot_break_the_structure(made: Made) -> None:
    parser = _Tags()
    parser.feed(made.data.decode())
    tags = [t for t, _ in parser.tags]
    assert tags.count("main") == 1 and tags.count("img") == 1 and tags.count("html") == 1
    scripts = [a for t, a in parser.tags if t == "script"]
    assert [a.get("data-part") or a.get("id") for a in scripts] == [
        "page",
        "verdicts",
        "chat",
        "channels",
        "kefuguard-evidence",
    ]
    assert all(a["type"] == "application/json" for a in scripts)
    assert not any(name.startswith("on") for _, attrs in parser.tags for name in attrs)
    assert len(parser.script_text) == 5  # each script's text in one piece: nothing closed one early
    assert b"<script>alert" not in made.data and made.data.count(b"</main>") == 1
    hostile = """请点 https://evil-refund.top/x 并输入 </script><script>alert(1)</script> </main> "quotes" 'single'"""
    assert part_json(made.data, "chat")[2]["text"] == hostile  # the JSON holds it exactly
    assert (
        "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;/main&gt; &quot;quotes&quot; &#x27;single&#x27;"
        in (view_text(made.data))
    )


# --- changes are named ----------------------------------------------------------------------


def _replace_in_part(data: bytes, name: str, old: bytes, new: bytes) -> bytes:
    start, end = part_span(data, name)
    assert old in data[start:end]
    return data[:start] + data[start:end].replace(old, new, 1) + data[end:]


def _screenshot_byte(data: bytes) -> bytes:
    m = re.search(rb'src="data:image/png;base64,([^"]*)"', data)
    assert m is not None
    png = bytearray(base64.b64decode(m.group(1)))
    png[20] ^= 0x01
    return data[: m.start(1)] + base64.b64encode(bytes(png)) + data[m.end(1) :]


def _listed_hash(data: bytes, name: str) -> bytes:
    manifest = manifest_bytes(data)
    digest = next(p["sha256"] for p in json.loads(manifest)["parts"] if p["name"] == name)
    flipped = digest[:10] + ("0" if digest[10] != "0" else "1") + digest[11:]
    return data.replace(manifest, manifest.replace(digest.encode(), flipped.encode()))


def _remove_chat(data: bytes) -> bytes:
    start, end = part_span(data, "chat")
    tag = b'<script type="application/json" data-part="chat">'
    return data[: start - len(tag)] + data[end + len(b"</script>\n") :]


def _before_manifest(data: bytes, what: bytes) -> bytes:
    at = data.index(b'<script type="application/json" id="kefuguard-evidence">')
    return data[:at] + what + data[at:]


TAMPERS = {
    "a JSON part's byte": (lambda d: _replace_in_part(d, "verdicts", b'"danger"', b'"dangex"'), "changed", "verdicts"),
    "a byte of the screenshot": (_screenshot_byte, "changed", "screenshot"),
    "the view's text": (lambda d: d.replace("聊天记录".encode(), "聊天纪录".encode(), 1), "changed", "view"),
    "a hash in the manifest": (lambda d: _listed_hash(d, "page"), "changed", "page"),
    "a removed part": (_remove_chat, "missing", "chat"),
    "an added part": (
        lambda d: _before_manifest(d, b'<script type="application/json" data-part="note">{"x":1}</script>\n'),
        "unlisted",
        "note",
    ),
    "a second copy of a part": (
        lambda d: _before_manifest(d, b'<script type="application/json" data-part="page">{"url":"x"}</script>\n'),
        "unlisted",
        "page",
    ),
}


@pytest.mark.parametrize("change", list(TAMPERS))
def test_each_kind_of_change_exits_1_naming_the_part(made: Made, tmp_path: Path, change: str) -> None:
    tamper, status, name = TAMPERS[change]
    changed = tamper(made.data)
    assert changed != made.data
    path = tmp_path / "changed.html"
    path.write_bytes(changed)
    proc = verify(made.home, path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = proc.stdout.decode()
    assert out.startswith("not intact: ") and f"  {status}: {name}" in out, out
    zh = {"changed": "已改动", "missing": "缺失", "unlisted": "未列出"}[status]
    assert f"    {zh}：{name}" in out
    report = json.loads(verify(made.home, path, "--json").stdout)
    assert report["status"] == "changed"
    named = [p for p in report["parts"] if p["status"] != "intact"]
    assert [(p["name"], p["status"]) for p in named] == [(name, status)]


def test_a_changed_manifest_changes_the_fingerprint(made: Made, tmp_path: Path) -> None:
    path = tmp_path / "changed.html"
    path.write_bytes(_listed_hash(made.data, "page"))
    report = json.loads(verify(made.home, path, "--json").stdout)
    assert report["fingerprint"] != made.fingerprint


@pytest.mark.parametrize(
    ("added", "said"),
    [
        (b"<script>alert(1)</script>\n", "a <script> that would run"),
        (b"<p>The bank's number is 400 000 0000</p>\n", "a <p> element outside the parts"),
        (b"Call 400 000 0000 now\n", "text outside the parts"),
        (b'<img src="https://tracker.example/x.png" alt="">\n', "a <img> element outside the parts"),
    ],
)
def test_content_added_around_the_parts_is_unlisted(made: Made, tmp_path: Path, added: bytes, said: str) -> None:
    path = tmp_path / "added.html"
    path.write_bytes(made.data.replace(b"</main>\n", b"</main>\n" + added, 1))
    proc = verify(made.home, path)
    assert proc.returncode == 1
    out = proc.stdout.decode()
    assert "unlisted: line " in out and said in out and "在各部分之外" in out, out


def test_an_event_handler_on_a_part_is_unlisted(made: Made, tmp_path: Path) -> None:
    path = tmp_path / "handler.html"
    path.write_bytes(
        made.data.replace(b'<img data-part="screenshot"', b'<img onerror="alert(1)" data-part="screenshot"')
    )
    proc = verify(made.home, path)
    assert proc.returncode == 1 and b"event handler (onerror)" in proc.stdout


# --- not evidence ---------------------------------------------------------------------------


def _manifest_with(data: bytes, **changes) -> bytes:
    manifest = manifest_bytes(data)
    value = {**json.loads(manifest), **changes}
    return data.replace(manifest, json.dumps(value).encode())


FOREIGN = {
    "plain HTML": lambda d: b"<!doctype html><html><head><title>x</title></head><body><p>hi</p></body></html>",
    "an empty file": lambda d: b"",
    "a binary file": lambda d: bytes(range(256)) * 40 + png_bytes(),
    "another format's manifest": lambda d: _manifest_with(d, format="other-evidence"),
    "version 2": lambda d: _manifest_with(d, version=2),
    "a manifest that is not JSON": lambda d: d.replace(
        b'{"format":"kefuguard-evidence"', b'{format:"kefuguard-evidence"'
    ),
    "a manifest without parts": lambda d: _manifest_with(d, parts="all of them"),
}


@pytest.mark.parametrize("kind", list(FOREIGN))
def test_a_file_that_is_not_evidence_exits_2(made: Made, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "foreign.html"
    path.write_bytes(FOREIGN[kind](made.data))
    proc = verify(made.home, path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    err = proc.stderr.decode()
    assert err.startswith("kefuguard: evidence.not_evidence: ") and str(path) in err and "证据" in err
    assert proc.stdout == b""
    as_json = verify(made.home, path, "--json")
    assert as_json.returncode == 2
    reply = json.loads(as_json.stdout)
    assert reply["status"] == "not_evidence" and reply["error"]["code"] == "evidence.not_evidence"
    assert reply["error"]["message_zh"]


def test_a_missing_file_is_not_evidence(made: Made, tmp_path: Path) -> None:
    proc = verify(made.home, tmp_path / "nowhere.html")
    assert proc.returncode == 2 and b"cannot read it" in proc.stderr


# --- make refuses -------------------------------------------------------------------------


def test_make_never_overwrites_a_file(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "evidence.html"
    out.write_text("keep me")
    proc = kefuguard(home, "evidence", "make", "--url", "https://taobao-kefu.com/", "--out", str(out))
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert "evidence.out_exists" in err and "never overwrites" in err and "不会覆盖" in err
    assert out.read_text() == "keep me"


def test_make_refuses_a_bad_url_as_check_url_does(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "evidence.html"
    proc = kefuguard(home, "evidence", "make", "--url", "ftp://taobao-kefu.com/", "--out", str(out))
    assert proc.returncode == 1 and not out.exists()
    check = kefuguard(home, "check-url", "--json", "ftp://taobao-kefu.com/")
    error = json.loads(check.stdout)["error"]
    assert proc.stderr.decode() == f"kefuguard: bad_url: {error['message']}\n  {error['message_zh']}\n"
    as_json = kefuguard(home, "evidence", "make", "--json", "--url", "not a url", "--out", str(out))
    assert as_json.returncode == 1 and json.loads(as_json.stdout)["error"]["code"] == "bad_url"


def test_make_refuses_a_screenshot_that_is_not_a_png(home: Path, tmp_path: Path) -> None:
    jpeg = tmp_path / "shot.png"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(100))
    out = tmp_path / "evidence.html"
    proc = kefuguard(
        home, "evidence", "make", "--url", "https://a.example/", "--screenshot", str(jpeg), "--out", str(out)
    )
    assert proc.returncode == 1 and not out.exists()
    err = proc.stderr.decode()
    assert "evidence.not_png" in err and "not a PNG" in err and "不是 PNG" in err


def test_make_refuses_a_text_file_it_cannot_read(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "evidence.html"
    missing = tmp_path / "no-chat.txt"
    proc = kefuguard(
        home, "evidence", "make", "--url", "https://a.example/", "--text-file", str(missing), "--out", str(out)
    )
    assert proc.returncode == 1 and b"evidence.unreadable" in proc.stderr and not out.exists()


def test_make_without_out_is_a_usage_error(home: Path) -> None:
    proc = kefuguard(home, "evidence", "make", "--url", "https://a.example/")
    assert proc.returncode == 2 and b"--out" in proc.stderr


def test_make_with_a_url_alone_has_the_required_parts_only(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "evidence.html"
    proc = kefuguard(home, "evidence", "make", "--url", "https://www.taobao.com/", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "fingerprint " in proc.stdout.decode() and "指纹" in proc.stdout.decode()
    report = json.loads(verify(home, out, "--json").stdout)
    assert [p["name"] for p in report["parts"]] == ["view", "page", "verdicts", "channels"]
    assert report["status"] == "intact"
    assert part_json(out.read_bytes(), "verdicts")[0]["level"] == "verified"


# --- a huge chat -----------------------------------------------------------------------------


def test_a_huge_text_file_is_capped_and_the_view_says_so(home: Path, tmp_path: Path) -> None:
    chat = tmp_path / "huge.txt"
    lines = [f"{'me: 验证码 123456 ' if i % 2 else ''}message {i} 加我QQ 12345678 退款" for i in range(5_000)]
    lines.insert(3, "x" * 50_000)
    lines.append("y" * 3_000_000)  # past the bytes kept
    chat.write_text("\n".join(lines), "utf-8")
    out = tmp_path / "evidence.html"
    args = ["evidence", "make", "--url", "https://taobao-kefu.com/", "--text-file", str(chat), "--out", str(out)]
    proc = kefuguard(home, *args)
    assert proc.returncode == 0, proc.stderr
    data = out.read_bytes()
    assert len(data) < 10_000_000
    messages = part_json(data, "chat")
    assert len(messages) == 1_000 and len(messages[3]["text"]) == 20_000
    view = view_text(data)
    assert "only the first 1,000 are included" in view and "只收录了前 1,000 条" in view
    assert "cut to their first 20,000" in view and "only its first" in view
    assert verify(home, out).returncode == 0
