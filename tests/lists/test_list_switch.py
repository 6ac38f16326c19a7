"""A long-running host switches to a changed list off the request path: the request that notices
the change, and every one until the new list's indexes are built, is answered from the old list."""

from __future__ import annotations

import pytest

from kefuguard.config import load_settings
from kefuguard.lists.store import MAIN_LIST
from kefuguard.paths import Places
from kefuguard.service.engine import Engine
from tests.conftest import make_signed, sign, trust_key

NEW_BRAND = {
    "id": "newbank",
    "names": {"en": "New Bank", "zh": "新银行"},
    "domains": ["newbank.example"],
    "phones": ["95599"],
    "im": [],
    "keywords": ["新银行", "newbank"],
}


@pytest.fixture
def engine(home, signing_key, tmp_path):
    key, pub = signing_key
    trust_key(home, pub)
    embedded = tmp_path / "embedded.json"
    embedded.write_bytes(sign(make_signed(version=1), key))
    (home / "lists").mkdir()
    places = Places.from_environment()
    e = Engine(places, load_settings(places), embedded=embedded, switch_in_background=True)
    return e, key, home


def test_the_old_list_answers_while_the_new_one_is_prepared(engine):
    e, key, home = engine
    assert e.check_url("https://newbank.example/")["list_version"] == 1
    e.check_text({"text": "你好"})  # chat checks in use: their index is prepared too
    signed = make_signed(version=2)
    signed["brands"].append(NEW_BRAND)
    (home / "lists" / MAIN_LIST).write_bytes(sign(signed, key))
    noticed = e.check_url("https://newbank.example/")
    assert (noticed["list_version"], noticed["level"]) == (1, "none")  # not waiting for the build
    e.wait_for_switch(timeout=60)
    switched = e.check_url("https://newbank.example/")
    assert (switched["list_version"], switched["level"], switched["brand"]) == (2, "verified", "newbank")
    assert e.check_text({"text": "我是新银行客服，请拨打 95599"})["list_version"] == 2
    assert e.status()["version"] == 2


def test_a_broken_new_file_leaves_the_old_list_in_use(engine):
    e, key, home = engine
    (home / "lists" / MAIN_LIST).write_bytes(sign(make_signed(version=3), key))
    assert e.check_url("https://www.alipay.com/")["list_version"] == 3  # the first load is direct
    (home / "lists" / MAIN_LIST).write_bytes(b"{ not a list")
    assert e.check_url("https://www.alipay.com/")["list_version"] == 3
    e.wait_for_switch(timeout=60)
    after = e.check_url("https://www.alipay.com/")
    assert (after["list_version"], after["level"]) == (3, "verified")
    assert any(p["origin"] == "installed" for p in e.status()["problems"])


def test_after_a_switch_nothing_keeps_the_old_list_alive(engine):
    """A host warms the chat checks' index at start; when no chat check asked for it before the
    list changed, that warmed index must not keep the old list (and its indexes) in memory. The old
    list is taken apart on a thread (service/gradual_release.py) and holds no reference cycle: it is
    freed without the cycle collector."""
    import gc
    import time
    import weakref

    e, key, home = engine
    (home / "lists" / MAIN_LIST).write_bytes(sign(make_signed(version=2), key))
    assert e.check_url("https://www.alipay.com/")["list_version"] == 2  # the first load is direct
    e.warm_text_in_background()
    e._text_warm.join(60)  # a start's warm-up, finished before the list changes
    old = weakref.ref(e.loaded().active)
    old_index = weakref.ref(e.url_index().brands)
    (home / "lists" / MAIN_LIST).write_bytes(sign(make_signed(version=3), key))
    e.check_url("https://www.alipay.com/")
    e.wait_for_switch(timeout=60)
    gc.disable()
    try:
        assert e.check_url("https://www.alipay.com/")["list_version"] == 3
        deadline = time.monotonic() + 20
        while (old() is not None or old_index() is not None) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert old() is None, "the old list is still referenced after the switch"
        assert old_index() is None, "the old lookalike index is still referenced after the switch"
    finally:
        gc.enable()
    assert e.check_text({"text": "你好"})["list_version"] == 3  # the chat index follows the new list


def test_what_the_first_checks_on_a_new_list_would_build_is_built_before_the_switch(engine, monkeypatch):
    """The preparing thread builds the lookalike index's lazy tables and imports the edit distance
    (rapidfuzz): a check on the new list never waits for them (bench_update.py: 15-120 ms)."""
    from kefuguard.detect.url import label_screen

    e, key, home = engine
    (home / "lists" / MAIN_LIST).write_bytes(sign(make_signed(version=2), key))
    assert e.check_url("https://www.alipay.com/")["list_version"] == 2  # the first load is direct
    monkeypatch.setattr(label_screen, "_levenshtein", None)
    (home / "lists" / MAIN_LIST).write_bytes(sign(make_signed(version=3), key))
    e.check_url("https://www.alipay.com/")
    e.wait_for_switch(timeout=60)
    prepared = e._switched
    assert prepared is not None and prepared.url_index is not None  # built, not switched to yet
    assert label_screen._levenshtein is not None
    built = vars(prepared.url_index.brands)
    assert {"distinctive_words", "skeleton_words", "official_by_skeleton"} <= built.keys()
    assert e.check_url("https://www.alipay.com/")["list_version"] == 3


def test_indexes_prepared_for_a_rewritten_file_of_the_same_lists_are_released_on_the_thread(engine, monkeypatch):
    """Same digest: the lists in use are kept, and the indexes built for the rewritten file are
    taken apart on the release thread, not freed in the check that found them unused (~40 ms)."""
    import os

    from kefuguard.detect.url.index import UrlIndex
    from kefuguard.service import gradual_release

    released: list[object] = []
    monkeypatch.setattr(gradual_release, "release_in_background", released.extend)
    e, key, home = engine
    data = sign(make_signed(version=2), key)
    (home / "lists" / MAIN_LIST).write_bytes(data)
    assert e.check_url("https://www.alipay.com/")["list_version"] == 2
    in_use = e.url_index()
    (home / "lists" / "rewritten.tmp").write_bytes(data)
    os.replace(home / "lists" / "rewritten.tmp", home / "lists" / MAIN_LIST)
    e.check_url("https://www.alipay.com/")
    e.wait_for_switch(timeout=60)
    assert e._switched is not None and e._switched.url_index is not None
    assert e.check_url("https://www.alipay.com/")["list_version"] == 2
    assert e.url_index() is in_use
    assert any(isinstance(r, UrlIndex) and r is not in_use for r in released)
