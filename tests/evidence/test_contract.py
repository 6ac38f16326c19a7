"""The format as docs/evidence.md writes it down, not as `evidence make` happens to write it: files
written here by hand (as the extension writes them, in JavaScript) must verify. This protects the
contract the extension builds to."""

from __future__ import annotations

import base64
import hashlib
import json
import time
from pathlib import Path

import pytest

from kefuguard.evidence.format import embed_json
from kefuguard.evidence.verify import verify_bytes
from tests.evidence.conftest import kefuguard, png_bytes


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def js_json(value) -> str:
    """JSON.stringify, then <, > and & escaped as the format says."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def hand_written(*, screenshot: bool = True, variant: bool = False) -> tuple[bytes, str]:
    """A minimal file following the format; `variant` writes what the format allows differently
    (attribute order and quotes, upper-case tags, comments, a viewport meta, newlines)."""
    view = "<h1>kefu-guard 证据 evidence</h1><p>网址 URL: https://taobao-kefu.com/ &lt;script&gt;</p><p>危险 danger</p>"
    page = js_json({"url": "https://taobao-kefu.com/", "title": "淘宝 <客服> & 退款", "captured_utc":
                    "2026-12-03T21:00:05Z", "captured_local": "2026-12-04T05:00:05+08:00",
                    "timezone": "Asia/Shanghai", "browser": "Firefox 128"})  # fmt: skip
    verdicts = js_json([{"url": "https://taobao-kefu.com/", "level": "danger", "reasons": [], "advice": [],
                         "advice_zh": [], "brand": "taobao", "list_version": 1, "list_stale": False,
                         "publisher": "kefu-guard"}])  # fmt: skip
    chat = js_json([{"direction": "incoming", "sender": "淘宝客服", "time": "21:00", "text": "加我QQ </script>",
                     "level": "danger", "flagged": True},
                    {"direction": "outgoing", "text": "****56", "flagged": False}])  # fmt: skip
    channels = js_json({"phones": [], "accounts": ["qq:123456789"], "links": ["https://taobao-kefu.com/"]})
    png = png_bytes()
    listed = [
        {"name": "view", "media_type": "text/html", "bytes": len(view.encode()), "sha256": sha(view.encode())},
        *(
            {"name": n, "media_type": "application/json", "bytes": len(c.encode()), "sha256": sha(c.encode())}
            for n, c in (("page", page), ("verdicts", verdicts), ("chat", chat), ("channels", channels))
        ),
    ]
    if screenshot:
        listed.append({"name": "screenshot", "media_type": "image/png", "bytes": len(png), "sha256": sha(png)})
    manifest = js_json(
        {
            "format": "kefuguard-evidence",
            "version": 1,
            "made_by": "kefu-guard extension 0.1.0",
            "created_utc": "2026-12-03T21:00:05Z",
            "parts": listed,
        }
    )
    b64 = base64.b64encode(png).decode()
    if not variant:
        body = (
            f'<main id="kefuguard-view">{view}</main>\n'
            f'<script type="application/json" data-part="page">{page}</script>\n'
            f'<script type="application/json" data-part="verdicts">{verdicts}</script>\n'
            f'<script type="application/json" data-part="chat">{chat}</script>\n'
            f'<script type="application/json" data-part="channels">{channels}</script>\n'
            + (
                f'<img data-part="screenshot" alt="screenshot" src="data:image/png;base64,{b64}">\n'
                if screenshot
                else ""
            )
            + f'<script type="application/json" id="kefuguard-evidence">{manifest}</script>\n'
        )
        head = (
            '<meta charset="utf-8">\n<meta name="generator" content="kefu-guard evidence 1">\n'
            "<title>kefu-guard 证据 evidence: taobao-kefu.com 2026-12-03 21:00 UTC</title>\n"
            "<style>/* inline only: no external assets */ main{display:block}</style>\n"
        )
    else:
        body = (
            f'<MAIN id="kefuguard-view">{view}</MAIN>\n<!-- the parts -->\n'
            f"<SCRIPT data-part='page' type='application/json'>{page}</SCRIPT >\n"
            f'<script data-part=verdicts type="Application/JSON">{verdicts}</script>'
            f'<script  type="application/json"\n  data-part="chat" >{chat}</script>'
            f'<script type="application/json" data-part="channels">{channels}</script>\r\n'
            + (
                f'<img src="data:image/png;base64,{b64}" alt="screenshot" data-part="screenshot" />'
                if screenshot
                else ""
            )
            + f"\n<script id='kefuguard-evidence' type=\"application/json\">{manifest}</script>\n"
        )
        head = (
            '<META charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">\n'
            "<title>证据 &amp; evidence</title><style>body{font:16px sans-serif}"
            " img{background:url(data:image/png;base64,AAAA)}</style>\n"
        )
    text = f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n{head}</head>\n<body>\n{body}</body>\n</html>\n'
    return text.encode("utf-8"), sha(manifest.encode())


def test_js_style_escaping_is_what_make_writes() -> None:
    value = {"t": "</script><script>alert(1)</script> & <!-- \"q\" 'q' 中文"}
    assert js_json(value) == embed_json(value)
    assert "<" not in embed_json(value) and ">" not in embed_json(value) and "&" not in embed_json(value)


@pytest.mark.parametrize("variant", [False, True], ids=["as in the spec", "allowed variations"])
@pytest.mark.parametrize("screenshot", [True, False], ids=["with screenshot", "without"])
def test_a_hand_written_file_verifies(variant: bool, screenshot: bool) -> None:
    data, fingerprint = hand_written(screenshot=screenshot, variant=variant)
    report = verify_bytes(data)
    assert report.intact, ([p.to_dict() for p in report.problems], [o.to_dict() for o in report.outside])
    assert report.fingerprint == fingerprint
    assert report.page_url == "https://taobao-kefu.com/"
    assert len(report.parts) == (6 if screenshot else 5)


def test_the_cli_verifies_a_hand_written_file(home: Path, tmp_path: Path) -> None:
    data, fingerprint = hand_written()
    path = tmp_path / "from-the-extension.html"
    path.write_bytes(data)
    proc = kefuguard(home, "evidence", "verify", str(path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.decode() == (
        f"intact: 6 parts, fingerprint {fingerprint}, made 2026-12-03T21:00:05Z by kefu-guard extension 0.1.0, "
        "page https://taobao-kefu.com/\n"
    )


def test_manifest_order_and_optional_parts_are_not_required() -> None:
    """A file without the optional chat and screenshot, and the view listed last: still intact."""
    data, _ = hand_written(screenshot=False)
    start = data.index(b'<script type="application/json" data-part="chat">')
    end = data.index(b"</script>\n", start) + len(b"</script>\n")
    data = data[:start] + data[end:]
    manifest_start = data.index(b'id="kefuguard-evidence">') + len(b'id="kefuguard-evidence">')
    manifest_end = data.index(b"</script>", manifest_start)
    manifest = json.loads(data[manifest_start:manifest_end])
    manifest["parts"] = [p for p in manifest["parts"] if p["name"] != "chat"]
    manifest["parts"].append(manifest["parts"].pop(0))
    data = data[:manifest_start] + js_json(manifest).encode() + data[manifest_end:]
    report = verify_bytes(data)
    assert report.intact and [p.name for p in report.parts] == ["page", "verdicts", "channels", "view"]


def test_a_required_part_neither_listed_nor_present_is_missing() -> None:
    data, _ = hand_written(screenshot=False)
    start = data.index(b'<script type="application/json" data-part="channels">')
    end = data.index(b"</script>\n", start) + len(b"</script>\n")
    data = data[:start] + data[end:]
    manifest_start = data.index(b'id="kefuguard-evidence">') + len(b'id="kefuguard-evidence">')
    manifest_end = data.index(b"</script>", manifest_start)
    manifest = json.loads(data[manifest_start:manifest_end])
    manifest["parts"] = [p for p in manifest["parts"] if p["name"] != "channels"]
    data = data[:manifest_start] + js_json(manifest).encode() + data[manifest_end:]
    report = verify_bytes(data)
    assert not report.intact
    assert [(p.name, p.status) for p in report.problems] == [("channels", "missing")]


def test_a_byte_that_is_not_utf8_only_changes_its_part() -> None:
    data, _ = hand_written()
    start = data.index(b'data-part="verdicts">') + len(b'data-part="verdicts">')
    data = data[:start] + b"\xff" + data[start + 1 :]
    report = verify_bytes(data)
    assert [(p.name, p.status) for p in report.problems] == [("verdicts", "changed")]


def test_a_flood_of_added_elements_is_summed_up_quickly() -> None:
    data, _ = hand_written()
    at = data.index(b"</main>") + len(b"</main>")
    flooded = data[:at] + b"<b>x</b>\n" * 200_000 + data[at:]
    started = time.process_time()  # this process's CPU: other work on a busy machine does not count
    report = verify_bytes(flooded)
    assert time.process_time() - started < 10
    assert all(p.status == "intact" for p in report.parts)
    assert len(report.outside) == 51 and report.outside[-1].what == "399,950 more things like these"
    assert report.outside[0].line == data[:at].count(b"\n") + 1
