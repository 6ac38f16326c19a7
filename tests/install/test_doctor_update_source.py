"""`doctor` fetches what a policy's self-hosted update URL serves, as the browser would, and names what
keeps the extension from installing: an address that does not answer, an update manifest without
our id, a package signed by another key, a package whose signature does not verify. Real packages
(scripts/package-extension with throwaway keys) over real HTTP on 127.0.0.1."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from kefuguard.install.browsers import parse_browsers
from kefuguard.install.context import USER
from kefuguard.install.crx import read_identity
from kefuguard.install.doctor import DoctorReport, run_doctor
from kefuguard.install.extension_ids import resolve_ids
from kefuguard.install.installer import install
from tests.browser.enterprise import Packages, build_packages, policy_from_template
from tests.browser.harness import PageServer
from tests.install.conftest import machine
from tests.install.test_doctor_policy import policy

pytest.importorskip("cryptography")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[PageServer, Packages, Packages]]:
    """Ours and another key's packages, each in its own folder of one server on 127.0.0.1."""
    base = tmp_path_factory.mktemp("update-source")
    (base / "www").mkdir()
    with PageServer(base / "www") as server:
        ours = build_packages(base / "ours", f"http://127.0.0.1:{server.port}/ours/dist/")
        other = build_packages(base / "other", f"http://127.0.0.1:{server.port}/other/dist/")
        for name, built in (("ours", ours), ("other", other)):
            (base / "www" / name).mkdir()
            (base / "www" / name / "dist").symlink_to(built.dist)
        yield server, ours, other


def _doctor(tmp_path: Path, ext_id: str, update_url: str) -> DoctorReport:
    ids = resolve_ids([ext_id], None)
    ctx = machine(tmp_path)
    install(ctx, USER, parse_browsers(["chromium"]), ids)
    policy(ctx, "kefuguard.json", policy_from_template(ext_id, update_url))
    return run_doctor(ctx, ids, parse_browsers(["chromium"]), timeout=30.0)


def _source_findings(report: DoctorReport) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in report.findings if f.code.startswith(("policy.update", "policy.crx", "crx."))]


def test_a_source_that_serves_our_signed_package_is_all_good(served, tmp_path):
    server, ours, _ = served
    report = _doctor(tmp_path, ours.id, server.url("127.0.0.1", "/ours/dist/update.xml"))
    assert _source_findings(report) == []


def test_an_update_url_nobody_answers_is_named(served, tmp_path):
    _, ours, _ = served
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}/update.xml"
    [(code, message)] = _source_findings(_doctor(tmp_path, ours.id, closed))
    assert code == "policy.update_unreachable"
    assert closed in message and "cannot install the extension" in message


def test_an_update_manifest_without_our_id_is_named(served, tmp_path):
    server, ours, _ = served
    [(code, message)] = _source_findings(_doctor(tmp_path, ours.id, server.url("127.0.0.1", "/other/dist/update.xml")))
    assert code == "policy.update_manifest" and ours.id in message


def test_a_package_signed_by_another_key_is_named_with_the_id_it_is_for(served, tmp_path):
    server, ours, other = served
    # the other key's package, under our id's update manifest (what a wrong key at release gives)
    update = (other.dist / "update.xml").read_text().replace(other.id, ours.id)
    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "update.xml").write_text(update)
    with PageServer(tmp_path / "www") as mirror:
        [(code, message)] = _source_findings(_doctor(tmp_path, ours.id, mirror.url("127.0.0.1", "/update.xml")))
    assert code == "policy.crx_wrong_key"
    assert f'Expected ID "{ours.id}", but ID was "{other.id}"' in message


def test_a_package_whose_signature_does_not_verify_is_named(served, tmp_path):
    server, ours, _ = served
    [crx] = ours.dist.glob("*.crx")
    tampered = bytearray(crx.read_bytes())
    tampered[-100] ^= 0xFF  # one byte of the archive
    assert read_identity(bytes(tampered)).installs_as is None
    assert read_identity(crx.read_bytes()).installs_as == ours.id
    (tmp_path / "www").mkdir()
    (tmp_path / "www" / crx.name).write_bytes(bytes(tampered))
    with PageServer(tmp_path / "www") as mirror:
        update = (
            (ours.dist / "update.xml")
            .read_text()
            .replace(server.url("127.0.0.1", "/ours/dist/"), mirror.url("127.0.0.1", "/"))
        )
        (tmp_path / "www" / "update.xml").write_text(update)
        [(code, _)] = _source_findings(_doctor(tmp_path, ours.id, mirror.url("127.0.0.1", "/update.xml")))
    assert code == "policy.crx_bad_signature"


@pytest.mark.parametrize("url", ["https://clients2.google.com/service/update2/crx", "file:///srv/update.xml"])
def test_a_store_update_url_or_another_scheme_is_not_fetched(served, tmp_path, url):
    _, ours, _ = served
    assert _source_findings(_doctor(tmp_path, ours.id, url)) == []
