"""The CI publishing job (.ci/publish-list): build from feeds, sign with the secret key, verify."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, subprocess_env


def test_the_publishing_job_builds_signs_and_verifies_a_list(tmp_path, home):
    bin_dir = str(Path(sys.executable).parent)
    env = subprocess_env(home, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
    keydir = tmp_path / "keys"
    subprocess.run([sys.executable, "-m", "kefuguard", "list", "keygen", "--out", str(keydir)], env=env, check=True)
    key, pub = next(keydir.glob("*.key")), next(keydir.glob("*.pub"))
    (tmp_path / "feed.txt").write_text("refund-kefu-1.top\nrefund-kefu-2.top\ntaobao.com\n")
    feeds = tmp_path / "FEEDS.toml"
    feeds.write_text('[[feed]]\nname = "t"\npath = "feed.txt"\nlicence = "CC0-1.0"\nattribution = "test"\n')
    out = tmp_path / "public"
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    env.update(KEFUGUARD_RELEASE_KEY=key.read_text(), KEFUGUARD_RELEASE_PUB=pub.read_text().strip())
    env.update(FEEDS=str(feeds), OUT=str(out), TMPDIR=str(scratch))
    done = subprocess.run([str(REPO / ".ci" / "publish-list")], env=env, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()
    assert b"feed t: 3 read" in done.stdout and b"1 official" in done.stdout
    bundle = json.loads((out / "list.json").read_text())
    assert bundle["signed"]["scam"]["domains"][-2:] == ["refund-kefu-1.top", "refund-kefu-2.top"]
    assert (out / "built.toml").exists() and (out / "diff.txt").read_text().startswith("brands added (0)")
    assert list(scratch.iterdir()) == []  # the key's temporary copy is gone with its folder
    verify = [sys.executable, "-m", "kefuguard", "list", "verify", str(out / "list.json"), "--trust", pub.read_text()]
    assert subprocess.run(verify, env=env).returncode == 0


def test_the_job_refuses_to_run_without_the_key(tmp_path, home):
    env = subprocess_env(home)
    env.pop("KEFUGUARD_RELEASE_KEY", None)
    done = subprocess.run([str(REPO / ".ci" / "publish-list")], env=env, capture_output=True, timeout=60)
    assert done.returncode != 0 and b"release key secret is not set" in done.stderr
