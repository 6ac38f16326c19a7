"""deploy/Containerfile built and run for real with podman: on a Debian base made from Debian's
packages, read-only, the token as a podman secret, the port published on 127.0.0.1 only.

Skips, saying why, without root, podman, mmdebstrap or Debian's mirror (for the base, made once
and kept as localhost/kefuguard-test-base:bookworm), or the package index (for the wheels the
build installs offline)."""

from __future__ import annotations

import json
import os
import secrets
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.serve.conftest import Reply, call
from tests.serve.container_engine import BASE_IMAGE, Missing, Podman, prepare


@dataclass(frozen=True)
class Built:
    podman: Podman
    image: str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    workdir = tmp_path_factory.mktemp("container")
    try:
        podman, wheels = prepare(workdir)
    except Missing as e:
        pytest.skip(str(e))
    image = f"localhost/kefuguard-serve-test:{uuid.uuid4().hex[:12]}"
    try:
        podman.run(
            "build", "--format", "docker", "--layers=false", "--pull=never",
            "-f", str(REPO / "deploy" / "Containerfile"), "-t", image,
            "--build-arg", f"BASE={BASE_IMAGE}",
            "--build-arg", "PIP_NO_INDEX=1", "--build-arg", "PIP_FIND_LINKS=/wheels",
            "-v", f"{wheels}:/wheels:ro",
            str(REPO),
            timeout=600,
        )  # fmt: skip
        yield Built(podman, image)
    finally:
        podman.run("rmi", "-f", image, check=False)


@dataclass
class Running:
    podman: Podman
    name: str
    token: str
    port: int

    def call(self, method: str, path: str, body: Any = None, **kw: Any) -> Reply:
        return call(self.port, method, path, body, **kw)

    def inspect(self, template: str) -> str:
        return self.podman.run("inspect", "--format", template, self.name).stdout.strip()

    def logs(self) -> str:
        proc = self.podman.run("logs", self.name, check=False)
        return proc.stdout + proc.stderr


@pytest.fixture
def started(built: Built, tmp_path: Path) -> Iterator[Running]:
    """The image run as docs/serve.md says: read-only, the token as the secret kefuguard_token, a
    named volume for /var/lib/kefuguard; the port on 127.0.0.1 (a free one the engine picks)."""
    podman = built.podman
    tag = uuid.uuid4().hex[:12]
    name, secret, volume = f"kefuguard-test-{tag}", f"kefuguard_token_{tag}", f"kefuguard-test-data-{tag}"
    token = secrets.token_hex(32)
    token_file = tmp_path / "kefuguard_token"
    token_file.write_text(token + "\n")
    podman.run("secret", "create", secret, str(token_file))
    token_file.unlink()
    try:
        podman.run(
            "run", "-d", "--name", name, "--read-only", "--tmpfs", "/run/secrets",
            "-p", "127.0.0.1::8765", "--secret", f"source={secret},target=kefuguard_token",
            "-v", f"{volume}:/var/lib/kefuguard", built.image,
        )  # fmt: skip
        published = podman.run("port", name, "8765/tcp").stdout.strip().splitlines()[0]
        host, _, port = published.rpartition(":")
        assert host == "127.0.0.1", published
        running = Running(podman, name, token, int(port))
        wait_healthy(running)
        yield running
    finally:
        podman.run("rm", "-f", "-v", "-t", "0", name, check=False)
        podman.run("secret", "rm", secret, check=False)
        podman.run("volume", "rm", "-f", volume, check=False)


def wait_healthy(running: Running, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while True:
        try:
            if running.call("GET", "/healthz", timeout=5).status == 200:
                return
        except OSError:
            pass  # the engine accepts on the published port before the service listens
        if running.inspect("{{.State.Running}}") != "true":
            raise AssertionError(f"the container exited: {running.logs()}")
        assert time.monotonic() < deadline, f"no 200 from /healthz in {limit} s: {running.logs()}"
        time.sleep(0.2)


def test_the_image_serves_checks_behind_the_token_read_only_and_stops_with_exit_0(started: Running):
    health = started.call("GET", "/healthz")
    assert health.status == 200 and health.json() == {"ok": True}

    refused = started.call("POST", "/v1/check/url", {"url": "https://taobao-kefu.com/"})
    assert refused.status == 401 and refused.headers["WWW-Authenticate"].startswith("Bearer")
    assert started.call("POST", "/v1/check/url", {"url": "https://taobao-kefu.com/"}, token="x" * 64).status == 401

    reply = started.call("POST", "/v1/check/url", {"url": "https://taobao-kefu.com/"}, token=started.token)
    assert reply.status == 200
    result = reply.json()["result"]
    assert result["level"] == "danger" and result["brand"] == "taobao"
    assert "lookalike.combo" in [r["code"] for r in result["reasons"]]
    official = started.call("POST", "/v1/check/url", {"url": "https://www.taobao.com/"}, token=started.token)
    assert official.json()["result"]["level"] == "verified"

    # the image's HEALTHCHECK command (python on PATH from the venv) passes
    assert started.podman.run("healthcheck", "run", started.name, check=False).returncode == 0
    # unprivileged; the image read-only, the data volume writable
    probe = started.podman.run(
        "exec", started.name, "sh", "-c",
        "id -u; touch /opt/kefuguard/x 2>/dev/null && echo image-writable;"
        " touch /var/lib/kefuguard/x && echo data-writable",
    )  # fmt: skip
    assert probe.stdout.split() == ["10001", "data-writable"]

    started.podman.run("stop", "-t", "30", started.name, timeout=60)  # SIGTERM: drain, then exit
    assert started.inspect("{{.State.ExitCode}}") == "0"
    log = started.logs()
    assert "token required" in log and "stopping: no new connections" in log and "kefuguard.serve: stopped" in log
    assert "Traceback" not in log


def test_without_the_token_secret_the_image_refuses_to_start_with_exit_2(built: Built):
    name = f"kefuguard-test-{uuid.uuid4().hex[:12]}"
    try:
        ran = built.podman.run("run", "--name", name, "--read-only", built.image, timeout=120, check=False)
        assert ran.returncode == 2, ran.stderr
        state = json.loads(built.podman.run("inspect", "--format", "{{json .State}}", name).stdout)
        assert state["ExitCode"] == 2
        lines = [line for line in ran.stderr.splitlines() if "kefuguard serve:" in line]
        assert len(lines) == 1 and "/run/secrets/kefuguard_token" in lines[0], ran.stderr
    finally:
        built.podman.run("rm", "-f", "-v", "-t", "0", name, check=False)


def test_a_token_file_mounted_for_uid_10001_serves_like_the_secret(built: Built, tmp_path: Path):
    """Docker's way without a secret store: the file bind-mounted read-only, readable by uid 10001."""
    name = f"kefuguard-test-{uuid.uuid4().hex[:12]}"
    token = secrets.token_hex(32)
    token_file = tmp_path / "kefuguard_token"
    token_file.write_text(token + "\n")
    token_file.chmod(0o600)
    os.chown(token_file, 10001, -1)
    try:
        built.podman.run(
            "run", "-d", "--name", name, "--read-only", "-p", "127.0.0.1::8765",
            "-v", f"{token_file}:/run/secrets/kefuguard_token:ro", built.image,
        )  # fmt: skip
        port = int(built.podman.run("port", name, "8765/tcp").stdout.strip().splitlines()[0].rpartition(":")[2])
        running = Running(built.podman, name, token, port)
        wait_healthy(running)
        assert running.call("GET", "/v1/status").status == 401
        assert running.call("GET", "/v1/status", token=token).status == 200
        built.podman.run("stop", "-t", "30", name, timeout=60)
        assert running.inspect("{{.State.ExitCode}}") == "0"
    finally:
        built.podman.run("rm", "-f", "-v", "-t", "0", name, check=False)
