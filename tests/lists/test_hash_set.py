"""The compiled scam-entry set: a sorted hash array with a CRC-32 bit filter in front. The filter
may only ever say "absent" for values that are absent."""

from __future__ import annotations

import random
import zlib

from kefuguard.lists.compiled import HashSet, _write_hashes


def _names(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789-") for _ in range(rng.randrange(3, 20))) + ".top"
        for _ in range(n)
    ]


def test_every_listed_value_is_found_and_absent_ones_mostly_skip_the_search(tmp_path):
    listed = _names(50_000, 1) + ["淘宝客服.top", "login.evil-refund.top"]
    path = tmp_path / "scam-domains.u64"
    _write_hashes(path, tuple(listed))
    assert path.with_suffix(".filter").exists()
    s = HashSet(path)
    assert len(s) == len(set(listed))
    assert all(v in s for v in listed)
    listed_set = set(listed)
    absent = [v for v in _names(20_000, 2) if v not in listed_set]
    assert not any(v in s for v in absent)
    # about 6 % of absent values pass the filter (16 bits an entry, one probe) and need the search
    passed = 0
    for v in absent:
        bit = zlib.crc32(v.encode()) & s._mask
        passed += s._filter[bit >> 3] >> (bit & 7) & 1
    assert passed < len(absent) * 0.10


def test_an_index_without_a_filter_file_still_answers(tmp_path):
    path = tmp_path / "scam-domains.u64"
    _write_hashes(path, ("a.top", "b.top"))
    path.with_suffix(".filter").unlink()  # compiled by an older version
    s = HashSet(path)
    assert "a.top" in s and "b.top" in s and "c.top" not in s


def test_an_empty_set_has_no_files_to_map(tmp_path):
    path = tmp_path / "scam-phones.u64"
    _write_hashes(path, ())
    s = HashSet(path)
    assert len(s) == 0 and "x" not in s
