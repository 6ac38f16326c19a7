"""Podman for the container test: the engine settings that run a container on this machine, a
Debian base image made from Debian's packages (no registry needed), and a folder of wheels so the
image builds without network inside the build.

Anything missing is a `Missing` with the reason, for the test to skip with."""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO

# made once and kept (`podman rmi` one to have it made again): Debian with the Python the
# Containerfile needs, and the same with systemd as its init for the unit
BASE_IMAGE = "localhost/kefuguard-test-base:bookworm"
BASE_PACKAGES = "python3,python3-venv,passwd,ca-certificates"
SYSTEMD_IMAGE = "localhost/kefuguard-test-systemd:bookworm"
SYSTEMD_PACKAGES = BASE_PACKAGES + ",systemd,systemd-sysv,dbus"
DEBIAN_SOURCES = (
    "deb http://deb.debian.org/debian bookworm main",
    "deb http://deb.debian.org/debian bookworm-updates main",
    "deb http://deb.debian.org/debian-security bookworm-security main",
)
PYTHON_VERSION_PROBE = "import sys, venv; print('%d.%d' % sys.version_info[:2])"


class Missing(Exception):
    """Something the container test needs cannot be had here; the message says what and why."""


def tail(text: str, lines: int = 6) -> str:
    return " | ".join(text.strip().splitlines()[-lines:])


@dataclass(frozen=True)
class Podman:
    env: dict[str, str]
    settings: str  # what it took, for the test's report

    def run(self, *args: str, timeout: float = 120, check: bool = True) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            ["podman", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
        if check and proc.returncode != 0:
            raise AssertionError(f"podman {' '.join(args)} exited {proc.returncode}: {proc.stderr.strip()}")
        return proc


def fallback_conf(directory: Path) -> tuple[Path, str]:
    """containers.conf for a root without CAP_SYS_RESOURCE on a hybrid cgroup v1/v2 host: podman's
    default rlimits (nofile 1048576) cannot be set there, and crun refuses cgroup v1 while the v2
    hierarchy has controllers, which runc accepts."""
    nofile = min(resource.getrlimit(resource.RLIMIT_NOFILE)[1], 65536)
    nproc = min(resource.getrlimit(resource.RLIMIT_NPROC)[1], 4096)
    runtime = "runc" if shutil.which("runc") else "crun"
    settings = (
        f'runtime = "{runtime}", cgroup_manager = "cgroupfs", events_logger = "file", '
        f"default_ulimits nofile={nofile}, nproc={nproc}"
    )
    conf = directory / "containers.conf"
    conf.write_text(
        "[containers]\n"
        f'default_ulimits = ["nofile={nofile}:{nofile}", "nproc={nproc}:{nproc}"]\n'
        "[engine]\n"
        f'runtime = "{runtime}"\n'
        'cgroup_manager = "cgroupfs"\n'
        'events_logger = "file"\n'
    )
    return conf, settings


def find_podman() -> Podman:
    if os.environ.get("KEFUGUARD_CONTAINER_TESTS") != "1":
        # opt-in: building the base reaches Debian's mirror and the package index, and tests
        # otherwise use loopback only
        raise Missing("container tests are opt-in: KEFUGUARD_CONTAINER_TESTS=1 runs them")
    if shutil.which("podman") is None:
        raise Missing("no podman (as root: apt-get install podman runc mmdebstrap)")
    if os.geteuid() != 0:
        raise Missing("needs root: the test runs rootful podman and builds its base with mmdebstrap")
    return Podman(dict(os.environ), "podman's defaults")


def ensure_base(
    podman: Podman, workdir: Path, image: str = BASE_IMAGE, packages: str = BASE_PACKAGES, init: str = "/bin/bash"
) -> None:
    """A Debian bookworm image of `packages` made by mmdebstrap, imported once and reused."""
    if podman.run("image", "exists", image, check=False).returncode == 0:
        return
    if shutil.which("mmdebstrap") is None:
        raise Missing(f"no {image} and no mmdebstrap to make it (apt-get install mmdebstrap)")
    tarball = workdir / "base.tar"
    try:
        made = subprocess.run(
            ["mmdebstrap", "--variant=minbase", f"--include={packages}", "bookworm", str(tarball)]
            + list(DEBIAN_SOURCES),
            capture_output=True,
            text=True,
            timeout=600,
            stdin=subprocess.DEVNULL,
        )
        if made.returncode != 0:
            why = tail(made.stderr)
            raise Missing(f"mmdebstrap could not make {image} (Debian's mirror reachable?): {why}")
        imported = podman.run(
            "import", "--change", "ENV LANG=C.UTF-8", "--change", f'CMD ["{init}"]', str(tarball), image,
            timeout=300, check=False,
        )  # fmt: skip
        if imported.returncode != 0:
            raise Missing(f"podman import of {image} failed: {tail(imported.stderr)}")
    finally:
        tarball.unlink(missing_ok=True)


def working_settings(podman: Podman, workdir: Path, image: str = BASE_IMAGE) -> tuple[Podman, str]:
    """Podman's defaults, else the fallback configuration: the first that runs the base's python3.
    Returns the engine and the base's Python version."""
    conf, described = fallback_conf(workdir)
    tried: list[str] = []
    for candidate in (podman, Podman({**podman.env, "CONTAINERS_CONF": str(conf)}, described)):
        probe = candidate.run("run", "--rm", image, "python3", "-c", PYTHON_VERSION_PROBE, check=False)
        if probe.returncode == 0:
            return candidate, probe.stdout.strip()
        tried.append(f"{candidate.settings}: {tail(probe.stderr, 2)}")
    raise Missing("podman cannot run a container here; tried " + "; ".join(tried))


def wheel_cache() -> Path:
    """Outside the repository, like scripts/test's web-ext: wheels kept between runs."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path(os.environ.get("HOME", "/tmp")) / ".cache")
    return Path(os.environ.get("KEFUGUARD_TOOLS_DIR", Path(cache) / "kefuguard-tools")) / "container-wheels"


def wheelhouse(python_version: str) -> Path:
    """The package's dependencies and build backend as wheels for the base's Python, fetched by this
    interpreter's pip (its index and certificates), for an offline `pip install` in the build; kept
    per requirement list, so a warm run needs no network."""
    mine = "{}.{}".format(*sys.version_info[:2])
    if mine != python_version:
        raise Missing(f"wheels fetched by Python {mine} may not fit the base's Python {python_version}")
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = [*project["project"]["dependencies"], *project["build-system"]["requires"]]
    key = hashlib.sha256("\n".join([python_version, *wanted]).encode()).hexdigest()[:16]
    directory = wheel_cache() / f"py{python_version}-{key}"
    if (directory / "complete").exists():
        return directory
    directory.mkdir(parents=True, exist_ok=True)
    fetched = subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:", "--dest", str(directory), *wanted],
        capture_output=True,
        text=True,
        timeout=600,
        stdin=subprocess.DEVNULL,
    )
    if fetched.returncode != 0:
        why = tail(fetched.stderr)
        raise Missing(f"pip could not fetch the dependencies' wheels (package index reachable?): {why}")
    (directory / "complete").touch()
    return directory


def prepare(
    workdir: Path, image: str = BASE_IMAGE, packages: str = BASE_PACKAGES, init: str = "/bin/bash"
) -> tuple[Podman, Path]:
    """Podman settings that work here, the base `image`, and the wheels for it; or Missing."""
    podman = find_podman()
    ensure_base(podman, workdir, image, packages, init)
    podman, python_version = working_settings(podman, workdir, image)
    return podman, wheelhouse(python_version)
