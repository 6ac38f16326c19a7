"""The real development data keeps its provenance: every row names its source and licence, every
source is listed in benchmarks/data/SOURCES.md, and every source sits in one half of its split.

A row whose source is missing from SOURCES.md, or a source the split never placed, would be data
nobody can trace or data measured in no half; both are easy to add by accident in a new batch.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data"
SOURCES = DATA / "SOURCES.md"
REQUIRED = {
    "chat": ("text", "lang", "label", "family", "source_url", "source_site", "publisher", "licence"),
    "urls": ("url", "label", "source_url", "source_site", "publisher", "licence"),
}

pytestmark = pytest.mark.skipif(not SOURCES.exists(), reason="no development data in this checkout")


def _rows(kind: str) -> list[tuple[str, int, dict]]:
    out = []
    for path in sorted((DATA / kind / "raw").glob("*.jsonl")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if line.strip():
                out.append((path.name, number, json.loads(line)))
    return out


def _listed(url: str, sources: str) -> bool:
    # a dataset is listed once by its repository, not by each sampled file
    if url in sources:
        return True
    parts = url.split("/")
    return url.startswith("https://github.com/") and "/".join(parts[:5]) + " " in sources


@pytest.mark.parametrize("kind", ["chat", "urls"])
def test_every_row_names_its_source_and_licence(kind: str) -> None:
    rows = _rows(kind)
    assert rows
    bad = [(name, n, field) for name, n, row in rows for field in REQUIRED[kind] if not str(row.get(field) or "").strip()]
    assert not bad, bad[:10]
    labels = {row["label"] for _, _, row in rows}
    assert labels == {"scam", "benign"}


@pytest.mark.parametrize("kind", ["chat", "urls"])
def test_every_source_is_listed_in_sources_md(kind: str) -> None:
    sources = SOURCES.read_text("utf-8")
    missing = sorted({row["source_url"] for _, _, row in _rows(kind) if not _listed(row["source_url"], sources)})
    assert not missing, missing[:10]


@pytest.mark.parametrize("kind", ["chat", "urls"])
def test_every_source_is_in_one_half(kind: str) -> None:
    import sys

    sys.path.insert(0, str(DATA / kind))
    sys.path.insert(0, str(DATA))
    try:
        import importlib

        split = importlib.import_module("split")
        split = importlib.reload(split)  # chat and urls each have a split.py
        halves = {}
        for line in (DATA / kind / "split.tsv").read_text("utf-8").splitlines()[1:]:
            key, half, _ = line.split("\t")
            assert half in ("tune", "holdout"), line
            assert key not in halves, f"{key} listed twice"
            halves[key] = half
        unplaced = sorted({split.source_key(row) for row in split.rows()} - set(halves))
    finally:
        sys.path.remove(str(DATA / kind))
        sys.path.remove(str(DATA))
        sys.modules.pop("split", None)
    assert not unplaced, unplaced[:10]
