"""`kefuguard list candidates FOLDER`: candidate scam entries from evidence files made by
`kefuguard evidence make`, each with its provenance; a tampered file skipped and named; official
domains and numbers left out."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from tests.evidence.conftest import kefuguard

CHAT = """\
对方: 我是淘宝客服，您的订单异常，加我QQ 987654321 办理退款，请拨打 400-123-4567
对方：请点 https://evil-refund.top/x 填写信息，或者去 https://jd.com/ 看看
对方: 支付宝官方客服 95188
"""


def make(home: Path, work: Path, url: str, out: str, chat: str | None = None) -> dict:
    args = ["evidence", "make", "--json", "--url", url, "--out", str(work / out)]
    if chat is not None:
        (work / "chat.txt").write_text(chat, "utf-8")
        args += ["--text-file", str(work / "chat.txt")]
    proc = kefuguard(home, *args)
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)


def test_candidates_from_two_evidence_files_and_a_tampered_one(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    folder = tmp_path / "received"
    folder.mkdir()
    first = make(home, folder, "https://taobao-kefu.com/refund", "1-chat.html", CHAT)
    second = make(home, folder, "https://jd-kefu.top/login", "2-page.html")
    (folder / "chat.txt").unlink()
    third = make(home, folder, "https://alipay-refund.top/", "3-tampered.html")
    tampered = folder / "3-tampered.html"
    data = tampered.read_bytes()
    tampered.write_bytes(data.replace("网址".encode(), "网站".encode(), 1))
    assert tampered.read_bytes() != data
    (folder / "notes.txt").write_text("not evidence, not even html")

    out = tmp_path / "candidates.toml"
    proc = kefuguard(home, "list", "candidates", str(folder), "--out", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    err = proc.stderr.decode()
    assert "skipped 3-tampered.html: not intact" in err and "已跳过" in err
    assert "2 intact evidence files read, 1 skipped" in proc.stdout.decode()

    text = out.read_text("utf-8")
    assert "review before adding to the supplementary list's source" in text
    doc = tomllib.loads(text)
    assert doc["files"] == ["1-chat.html", "2-page.html"]
    assert [s["file"] for s in doc["skipped"]] == ["3-tampered.html"]
    found = {(c["kind"], c["value"]): c for c in doc["candidate"]}
    assert ("domain", "taobao-kefu.com") in found
    assert ("domain", "jd-kefu.top") in found
    assert ("domain", "evil-refund.top") in found  # a link in a flagged message
    assert ("phone", "4001234567") in found
    assert ("account", "qq:987654321") in found
    # official: the link to jd.com, Alipay's 95188; the tampered file gives nothing
    assert ("domain", "jd.com") not in found
    assert not any(value == "95188" for _, value in found)
    assert ("domain", "alipay-refund.top") not in found
    [where] = found[("domain", "taobao-kefu.com")]["evidence"]
    assert where["file"] == "1-chat.html" and where["fingerprint"] == first["fingerprint"]
    assert where["page"] == "https://taobao-kefu.com/refund" and where["captured_utc"].endswith("Z")
    assert found[("domain", "jd-kefu.top")]["evidence"][0]["fingerprint"] == second["fingerprint"]
    assert third["fingerprint"] not in text
    for c in doc["candidate"]:
        assert c["why"] and c["evidence"]


def test_candidates_to_stdout_and_a_missing_folder(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    folder = tmp_path / "empty"
    folder.mkdir()
    proc = kefuguard(home, "list", "candidates", str(folder))
    assert proc.returncode == 0, proc.stderr.decode()
    doc = tomllib.loads(proc.stdout.decode())
    assert doc["files"] == [] and "candidate" not in doc
    proc = kefuguard(home, "list", "candidates", str(tmp_path / "nowhere"))
    assert proc.returncode == 1 and b"candidates.no_folder" in proc.stderr
