"""What the package publishes about itself: a licence, metadata, a description that reads on a
package index, and a source distribution without tests it cannot run."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import REPO


def _project() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]


def test_the_licence_is_an_spdx_expression_with_its_file():
    project = _project()
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert "MIT License" in (REPO / "LICENSE").read_text("utf-8")


def test_classifiers_and_keywords_are_there():
    project = _project()
    assert "Typing :: Typed" in project["classifiers"] and "Topic :: Security" in project["classifiers"]
    assert "假客服" in project["keywords"]
    assert (REPO / "host" / "kefuguard" / "py.typed").exists()


def test_the_package_index_description_has_no_relative_links():
    text = (REPO / _project()["readme"]).read_text("utf-8")
    links = re.findall(r"\]\(([^)]+)\)", text)
    assert all(link.startswith(("https://", "http://")) for link in links), links


def test_the_source_distribution_leaves_the_tests_out():
    manifest = (REPO / "MANIFEST.in").read_text("utf-8").split()
    assert "prune" in manifest and manifest[manifest.index("prune") + 1] == "tests"


def test_the_package_stays_small_enough_for_a_five_megabyte_wheel():
    """The wheel holds host/kefuguard (code, the embedded list, the popular-domain list): kept under
    5 MB uncompressed, so the wheel is well under it whatever the compression."""
    files = [p for p in (REPO / "host" / "kefuguard").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    total = sum(p.stat().st_size for p in files)
    assert total < 5_000_000, f"{total} bytes"
