"""deploy/kefuguard-serve.service run by a real systemd: Debian bookworm's systemd as PID 1 of a
podman container, the package installed and the unit enabled as docs/serve.md's "Deployment:
systemd" says, the token a root-only file at /etc/kefuguard/token.

The unit's sandbox (DynamicUser, ProtectSystem=strict, PrivateUsers, the system-call filter...) is
set up by that systemd, so a directive it cannot apply fails the start here as it would on a host.
Skips, saying why, as tests/serve/test_container.py does."""

from __future__ import annotations

import secrets
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.serve.conftest import call
from tests.serve.container_engine import SYSTEMD_IMAGE, SYSTEMD_PACKAGES, Missing, Podman, prepare

# docs/serve.md's steps, with the package sources copied as deploy/Containerfile copies them
UNIT_HOST = """\
ARG BASE
FROM ${BASE}
ARG PIP_NO_INDEX
ARG PIP_FIND_LINKS
COPY pyproject.toml LICENSE README.md /src/
COPY docs/package-index.md /src/docs/
COPY host /src/host
RUN python3 -m venv /opt/kefuguard && /opt/kefuguard/bin/pip install /src && rm -rf /src
COPY deploy/kefuguard-serve.service /etc/systemd/system/
RUN install -d -m 0700 /etc/kefuguard && systemctl enable kefuguard-serve
CMD ["/sbin/init"]
"""
UNIT = "kefuguard-serve.service"


@dataclass(frozen=True)
class Built:
    podman: Podman
    image: str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    workdir = tmp_path_factory.mktemp("systemd")
    try:
        podman, wheels = prepare(workdir, SYSTEMD_IMAGE, SYSTEMD_PACKAGES, init="/sbin/init")
    except Missing as e:
        pytest.skip(str(e))
    containerfile = workdir / "Containerfile"
    containerfile.write_text(UNIT_HOST)
    image = f"localhost/kefuguard-unit-test:{uuid.uuid4().hex[:12]}"
    try:
        podman.run(
            "build", "--layers=false", "--pull=never", "-f", str(containerfile), "-t", image,
            "--build-arg", f"BASE={SYSTEMD_IMAGE}",
            "--build-arg", "PIP_NO_INDEX=1", "--build-arg", "PIP_FIND_LINKS=/wheels",
            "-v", f"{wheels}:/wheels:ro",
            str(REPO),
            timeout=600,
        )  # fmt: skip
        yield Built(podman, image)
    finally:
        podman.run("rmi", "-f", image, check=False)


@dataclass
class Booted:
    podman: Podman
    name: str
    token: str
    port: int

    def sh(self, script: str, check: bool = True) -> str:
        return self.podman.run("exec", self.name, "sh", "-c", script, check=check).stdout

    def show(self, *properties: str) -> dict[str, str]:
        out = self.sh(f"systemctl show {UNIT} " + " ".join(f"-p {p}" for p in properties))
        return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)

    def journal(self) -> str:
        return self.sh(f"journalctl -u {UNIT} --no-pager -o cat", check=False)


@pytest.fixture
def booted(built: Built, tmp_path: Path) -> Iterator[Booted]:
    podman = built.podman
    name = f"kefuguard-unit-test-{uuid.uuid4().hex[:12]}"
    token = secrets.token_hex(32)
    token_file = tmp_path / "token"
    token_file.write_text(token + "\n")
    token_file.chmod(0o600)
    try:
        podman.run(
            "run", "-d", "--name", name, "--systemd=always", "-p", "127.0.0.1::8765",
            "-v", f"{token_file}:/etc/kefuguard/token:ro", built.image,
        )  # fmt: skip
        host, _, port = podman.run("port", name, "8765/tcp").stdout.strip().splitlines()[0].rpartition(":")
        assert host == "127.0.0.1"
        running = Booted(podman, name, token, int(port))
        wait_active(running)
        yield running
    finally:
        podman.run("rm", "-f", "-v", "-t", "0", name, check=False)


def wait_active(booted: Booted, limit: float = 120) -> None:
    """Until both workers answer /healthz; a unit that failed (a sandbox directive systemd could
    not apply, say) ends the wait with its journal."""
    deadline = time.monotonic() + limit
    while True:
        # empty until systemd inside has booted far enough to answer on its bus
        state = booted.sh(f"systemctl show {UNIT} -p ActiveState --value", check=False).strip()
        journal = booted.journal()
        assert state != "failed" and "Failed with result" not in journal, journal  # Restart= would retry
        if journal.count("listening on") == 2:
            try:
                if call(booted.port, "GET", "/healthz", timeout=5).status == 200:
                    return
            except OSError:
                pass
        assert time.monotonic() < deadline, f"{UNIT} not serving in {limit} s ({state}): {booted.journal()}"
        time.sleep(0.3)


def test_the_unit_runs_sandboxed_under_systemd_and_stops_with_success(booted: Booted):
    assert booted.sh(f"systemd-analyze verify /etc/systemd/system/{UNIT} 2>&1 && echo verified").split() == ["verified"]
    assert call(booted.port, "POST", "/v1/check/url", {"url": "https://taobao-kefu.com/"}).status == 401
    reply = call(booted.port, "POST", "/v1/check/url", {"url": "https://taobao-kefu.com/"}, token=booted.token)
    assert reply.status == 200 and reply.json()["result"]["level"] == "danger"

    # the token came as a credential; the main process: a dynamic user, no capabilities, no new
    # privileges, a seccomp filter, the system read-only, the state directory its own
    main = booted.show("MainPID")["MainPID"]
    status = dict(line.split(":", 1) for line in booted.sh(f"cat /proc/{main}/status").splitlines() if ":" in line)
    uid = status["Uid"].split()[0]
    assert uid != "0" and status["CapEff"].strip() == "0000000000000000" and status["CapBnd"].strip() == "0" * 16
    assert status["NoNewPrivs"].strip() == "1" and status["Seccomp"].strip() == "2"
    assert "--token-file /run/credentials/kefuguard-serve.service/token" in booted.sh(
        f"tr '\\0' ' ' < /proc/{main}/cmdline"
    )
    assert " / ro," in booted.sh(f'awk \'{{print " " $5 " " $6}}\' /proc/{main}/mountinfo')
    assert booted.sh("stat -c %u /var/lib/private/kefuguard").strip() == uid
    assert "readable by every user" not in booted.journal()

    booted.sh(f"systemctl stop {UNIT}")  # SIGTERM to the main process, passed on to its workers
    stopped = booted.show("Result", "ExecMainStatus", "ActiveState")
    assert stopped == {"Result": "success", "ExecMainStatus": "0", "ActiveState": "inactive"}, booted.journal()
    journal = booted.journal()
    assert journal.count("kefuguard.serve: stopped") == 2 and "Traceback" not in journal
