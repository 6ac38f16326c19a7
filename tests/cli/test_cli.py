"""The CLI contract of DESIGN.md, run as a real `kefuguard` process."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from tests.conftest import make_signed, subprocess_env


def kefuguard(home, *args, stdin: bytes | None = None, env_extra: dict | None = None):
    return subprocess.run(
        [sys.executable, "-m", "kefuguard", *args],
        input=stdin,
        capture_output=True,
        env=subprocess_env(home, **(env_extra or {})),
        timeout=120,
    )


def json_lines(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.decode().splitlines()]


def test_check_url_json_gives_verified_then_none(home):
    proc = kefuguard(home, "check-url", "--json", "https://www.taobao.com/", "https://example.org/")
    assert proc.returncode == 0, proc.stderr
    first, second = json_lines(proc.stdout)
    assert first["level"] == "verified" and first["brand"] == "taobao"
    assert first["reasons"][0]["official"] == "taobao.com"
    assert first["reasons"][0]["message"] and first["reasons"][0]["message_zh"]
    assert second["level"] == "none" and second["brand"] is None
    for r in (first, second):
        assert isinstance(r["list_version"], int) and r["advice"] and r["advice_zh"]
        assert r["list_stale"] is False


def test_check_url_human_output_is_one_block_per_url(home):
    proc = kefuguard(home, "check-url", "https://www.taobao.com/", "https://example.org/")
    text = proc.stdout.decode()
    assert "VERIFIED" in text and "NONE" in text and "淘宝" in text
    assert text.count("https://") >= 2


def test_check_url_batch_from_stdin_keeps_order_and_survives_bad_lines(home):
    lines = (
        b"https://www.alipay.com/\n\nnot a url\xff\nftp://taobao.com/\nhttps://example.org\n"
        + b"x" * 20000
        + b"\nhttps://jd.com\n"
    )
    proc = kefuguard(home, "check-url", "--json", "-", stdin=lines)
    out = json_lines(proc.stdout)
    assert len(out) == 7
    assert out[0]["level"] == "verified"
    assert [("error" in o) for o in out] == [False, True, True, True, False, True, False]
    assert out[2]["error"]["code"] == "bad_utf8"
    assert out[3]["error"]["code"] == "bad_url"
    assert out[6]["brand"] == "jd"
    assert proc.returncode == 1  # some lines were errors


def test_an_over_long_url_is_echoed_as_a_bounded_prefix_in_its_error(home):
    huge = "https://a.example/" + "x" * 5_000_000
    for args in (("check-url", "-"), ("check-url", "--json", "-")):
        proc = kefuguard(home, *args, stdin=huge.encode() + b"\n")
        assert proc.returncode == 1
        assert len(proc.stdout) < 1000, len(proc.stdout)
        assert b"https://a.example/xxx" in proc.stdout and b"5,000,018 characters" in proc.stdout
        assert b"longer than 8192 characters" in proc.stdout


def test_check_text_json_lines_in_same_order_out(home):
    lines = [
        json.dumps({"text": "你好，请问还有货吗"}),
        "{not json",
        json.dumps(
            {"text": "退款请点 https://evil-refund.top/x", "direction": "incoming", "url": "https://shop.example/"}
        ),
        json.dumps({"text": 5}),
        json.dumps(["a list"]),
        json.dumps({"text": "验证码 123456", "direction": "outgoing", "sender": "me"}),
    ]
    proc = kefuguard(home, "check-text", "--json", "-", stdin="\n".join(lines).encode())
    out = json_lines(proc.stdout)
    assert len(out) == 6
    assert out[0]["level"] in ("none", "caution", "danger") and "reasons" in out[0]
    assert out[1]["error"]["code"] == "bad_json"
    assert out[3]["error"]["code"] == "bad_request" and out[4]["error"]["code"] == "bad_request"
    assert out[5]["direction"] == "outgoing"


def test_status_json_names_list_publisher_version_and_freshness(home):
    proc = kefuguard(home, "status", "--json")
    assert proc.returncode == 0
    (status,) = json_lines(proc.stdout)
    for key in ("publisher", "version", "issued", "expires", "stale", "path", "host_version"):
        assert key in status
    assert status["publisher"] == "kefu-guard" and status["stale"] is False
    assert status["path"].endswith("channels.json")


def test_publisher_tools_keygen_sign_verify_inspect(home, tmp_path):
    keydir = tmp_path / "k"
    proc = kefuguard(home, "list", "keygen", "--out", str(keydir))
    assert proc.returncode == 0, proc.stderr
    (key,) = keydir.glob("*.key")
    (pub,) = keydir.glob("*.pub")
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert key.stem == pub.stem and len(pub.read_text().strip()) == 64
    source = tmp_path / "source.json"
    source.write_text(
        json.dumps(
            {"list": {"publisher": "acme"}, **{k: v for k, v in make_signed().items() if k in ("brands", "scam")}}
        )
    )
    bundle = tmp_path / "bundle.json"
    proc = kefuguard(
        home,
        "list",
        "sign",
        str(source),
        "--key",
        str(key),
        "--version",
        "12",
        "--expires-days",
        "10",
        "--out",
        str(bundle),
    )
    assert proc.returncode == 0, proc.stderr
    hexkey = pub.read_text().strip()
    ok = kefuguard(home, "list", "verify", str(bundle), "--trust", hexkey, "--json")
    assert ok.returncode == 0 and json_lines(ok.stdout)[0]["version"] == 12
    untrusted = kefuguard(home, "list", "verify", str(bundle))  # only the embedded key is trusted
    assert untrusted.returncode == 1 and b"list.unknown_key" in untrusted.stdout
    tampered = tmp_path / "tampered.json"
    tampered.write_bytes(bundle.read_bytes().replace(b"alipay.com", b"alipay.co"))
    bad = kefuguard(home, "list", "verify", str(tampered), "--trust", hexkey)
    assert bad.returncode == 1 and b"list.bad_signature" in bad.stdout
    shown = kefuguard(home, "list", "inspect", str(bundle))
    assert json.loads(shown.stdout)["publisher"] == "acme"


def test_encrypted_private_key_needs_its_passphrase(home, tmp_path):
    keydir = tmp_path / "k"
    env = {"KG_PASS": "correct horse"}
    assert (
        kefuguard(home, "list", "keygen", "--out", str(keydir), "--passphrase-env", "KG_PASS", env_extra=env).returncode
        == 0
    )
    (key,) = keydir.glob("*.key")
    assert b"ENCRYPTED" in key.read_bytes()
    source = tmp_path / "s.json"
    source.write_text(json.dumps({"brands": make_signed()["brands"]}))
    without = kefuguard(home, "list", "sign", str(source), "--key", str(key), "--out", str(tmp_path / "b.json"))
    assert without.returncode == 1 and b"key.unreadable" in without.stderr
    with_pass = kefuguard(
        home,
        "list",
        "sign",
        str(source),
        "--key",
        str(key),
        "--passphrase-env",
        "KG_PASS",
        "--out",
        str(tmp_path / "b.json"),
        env_extra=env,
    )
    assert with_pass.returncode == 0, with_pass.stderr


def test_update_without_configured_mirrors_fails_clearly(home):
    proc = kefuguard(home, "update", "--json")
    assert proc.returncode == 1
    assert json_lines(proc.stdout)[0]["code"] == "update.no_urls"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_unreadable_config_is_reported_not_fatal(home):
    (home / "config.toml").write_text("[trust\nkeys = 3")
    proc = kefuguard(home, "status", "--json")
    assert proc.returncode == 0
    assert "not valid TOML" in json_lines(proc.stdout)[0]["config"]["problems"][0]


def test_sign_can_announce_its_keys_for_rotation(home, tmp_path):
    keydir = tmp_path / "k"
    for _ in range(2):
        assert kefuguard(home, "list", "keygen", "--out", str(keydir)).returncode == 0
    key_files = sorted(keydir.glob("*.key"))
    source = tmp_path / "s.json"
    source.write_text(json.dumps({"brands": make_signed()["brands"]}))
    bundle = tmp_path / "b.json"
    args = ["list", "sign", str(source), "--out", str(bundle), "--announce-keys"]
    for k in key_files:
        args += ["--key", str(k)]
    assert kefuguard(home, *args).returncode == 0
    announced = json.loads(bundle.read_text())["signed"]["keys"]
    assert sorted(announced) == sorted(p.read_text().strip() for p in keydir.glob("*.pub"))


def test_status_names_managed_and_locked_settings(home):
    managed = home / "no-managed.toml"  # the file subprocess_env names as the managed config
    managed.write_text('[policy]\nlocked = ["trust.keys"]\n[update]\nurls = ["https://it.example/l.json"]\n')
    text = kefuguard(home, "status").stdout.decode()
    assert "managed settings: update.urls" in text and "locked settings: trust.keys" in text
    (status,) = json_lines(kefuguard(home, "status", "--json").stdout)
    assert status["config"]["managed"] == ["update.urls"] and status["config"]["locked"] == ["trust.keys"]
