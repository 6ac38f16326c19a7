"""Supplementary lists from managed config: own keys, own files and seen versions; they add brands,
channels and scam entries and never remove or override the main list's."""

from __future__ import annotations

from pathlib import Path

import pytest

from kefuguard.lists.merged import MergedList
from kefuguard.lists.supplementary import supplementary_slot
from tests.conftest import make_signed, sign
from tests.lists.conftest import assert_clean, run_all

ACME = {
    "id": "acme-bank",
    "names": {"en": "Acme Bank", "zh": "艾克米银行"},
    "domains": ["acme-bank.com"],
    "phones": ["4009998888"],
    "im": [],
    "keywords": ["艾克米银行", "acme bank"],
}
ACME_SCAM = {"domains": ["acme-refund.top"], "phones": ["4005550000"], "accounts": []}


def acme_list(key, version=1, brands=None, scam=None, publisher="acme-it") -> bytes:
    signed = make_signed(version, publisher=publisher, brands=brands or [ACME], scam=scam or ACME_SCAM)
    return sign(signed, key)


@pytest.fixture
def it(env, server, keys, tmp_path):
    """Managed config naming one supplementary list on the test server, with its own key."""
    key, pub = keys.new()
    url = server.url("/named/acme")
    (tmp_path / "no-managed.toml").write_text(f'[[supplementary]]\nurl = "{url}"\nkeys = ["{pub}"]\n')
    server.body = env.bundle(5)  # the main list
    server.bodies["acme"] = acme_list(key)
    return key, url


def test_supplementary_list_adds_a_brand_and_scam_entries(env, server, it):
    key, url = it
    engine = env.engine()
    report = run_all(engine, [server.url()])
    assert [(o.role, o.status) for o in report.outcomes] == [("main", "updated"), ("supplementary", "updated")]
    assert supplementary_slot(engine.places, url).path.exists()
    official = engine.check_url("https://www.acme-bank.com/login")
    assert (official["level"], official["brand"]) == ("verified", "acme-bank")
    assert engine.check_url("https://acme-refund.top/")["level"] == "danger"
    assert engine.check_url("https://www.alipay.com/")["brand"] == "alipay"  # the main list is all there
    assert engine.check_url("https://evil-refund.top/")["level"] == "danger"
    status = engine.status()
    assert [(x["role"], x["publisher"], x["version"]) for x in status["lists"]] == [
        ("main", "test-publisher", 5),
        ("supplementary", "acme-it", 1),
    ]
    assert status["lists"][1]["url"] == url and status["lists"][1]["brands_added"] == ["acme-bank"]
    assert status["publisher"] == "test-publisher" and status["problems"] == []
    assert_clean(env)


def test_every_match_names_the_publisher_of_the_list_it_came_from(env, server, it):
    engine = env.engine()
    run_all(engine, [server.url()])
    merged = engine.loaded().active
    assert isinstance(merged, MergedList)
    assert merged.publisher_of_brand("acme-bank") == "acme-it"
    assert merged.publisher_of_brand("alipay") == "test-publisher"
    assert merged.publisher_of_scam("domains", "acme-refund.top") == "acme-it"
    assert merged.publisher_of_scam("domains", "evil-refund.top") == "test-publisher"
    assert merged.publisher_of_scam("phones", "4005550000") == "acme-it"


def test_a_result_from_a_supplementary_entry_names_that_publisher(env, server, it):
    engine = env.engine()
    run_all(engine, [server.url()])
    assert engine.check_url("https://www.acme-bank.com/")["publisher"] == "acme-it"
    assert engine.check_url("https://acme-refund.top/")["publisher"] == "acme-it"


@pytest.mark.parametrize(
    "brand,what",
    [
        ({**ACME, "id": "alipay"}, "a brand with this id is already listed"),
        ({**ACME, "domains": ["alipay.com"]}, "official domain alipay.com is or is under"),
        ({**ACME, "domains": ["pay.alipay.com"]}, "official domain pay.alipay.com is or is under"),
        ({**ACME, "domains": ["evil-refund.top"]}, "is listed as a scam domain"),
        ({**ACME, "phones": ["95188"]}, "phone 95188 is already an official number"),
        ({**ACME, "phones": ["400-123-4567"]}, "phone 4001234567 is listed as a scam number"),
    ],
    ids=["same_id", "same_domain", "subdomain", "main_scam_domain", "same_phone", "main_scam_phone"],
)
def test_a_colliding_supplementary_brand_is_ignored_and_reported(env, server, it, brand, what):
    key, url = it
    server.bodies["acme"] = acme_list(
        key, brands=[brand, {**ACME, "id": "acme-2", "domains": ["acme2.com"], "phones": []}]
    )
    engine = env.engine()
    run_all(engine, [server.url()])
    status = engine.status()
    [collision] = [p for p in status["problems"] if p["code"] == "supplementary.collision"]
    assert what in collision["message"] and url in collision["origin"]
    assert status["lists"][1]["brands_added"] == ["acme-2"]  # the rest of that list still counts
    alipay = engine.check_url("https://pay.alipay.com/")
    assert (alipay["level"], alipay["brand"]) == ("verified", "alipay")
    assert engine.check_url("https://evil-refund.top/")["level"] == "danger"


def test_a_supplementary_scam_entry_never_hits_what_the_main_list_says_is_official(env, server, it):
    key, _ = it
    scam = {"domains": ["alipay.com", "www.alipay.com", "acme-refund.top"], "phones": ["95188"], "accounts": []}
    server.bodies["acme"] = acme_list(key, scam=scam)
    engine = env.engine()
    run_all(engine, [server.url()])
    for url in ("https://alipay.com/", "https://www.alipay.com/"):
        assert engine.check_url(url)["level"] == "verified"
    assert engine.check_url("https://acme-refund.top/")["level"] == "danger"
    merged = engine.loaded().active
    assert "95188" not in merged.scam_set("phones") and "4001234567" in merged.scam_set("phones")
    reported = {p["message"].split("'")[1] for p in engine.status()["problems"]}
    assert {"alipay.com", "95188"} <= reported


def test_a_supplementary_list_needs_its_own_keys(env, server, it):
    _, url = it
    server.bodies["acme"] = acme_list(env.key)  # signed by the main list's key, not the configured one
    report = run_all(env.engine(), [server.url()])
    assert (report.outcomes[1].status, report.outcomes[1].code) == ("failed", "list.unknown_key")
    assert report.outcomes[0].status == "updated"  # the main list is not held back
    assert not supplementary_slot(env.engine().places, url).path.exists()


def test_a_supplementary_list_may_not_take_the_main_publishers_name(env, server, it):
    key, _ = it
    server.bodies["acme"] = acme_list(key, publisher="test-publisher")
    report = run_all(env.engine(), [server.url()])
    assert report.outcomes[1].code == "supplementary.publisher_collision"


def test_supplementary_versions_are_kept_per_publisher_apart_from_the_main_list(env, server, it):
    key, _ = it
    engine = env.engine()
    server.bodies["acme"] = acme_list(key, version=7)
    run_all(engine, [server.url()])
    server.bodies["acme"] = acme_list(key, version=6)
    report = run_all(engine, [server.url()])
    assert report.outcomes[1].code == "list.rollback"
    assert engine.status()["lists"][1]["version"] == 7
    # a supplementary list calling itself like another publisher cannot move the main list's mark
    server.body = env.bundle(5)
    assert report.outcomes[0].status == "current"


def test_a_running_engine_picks_up_a_new_supplementary_list(env, server, it):
    key, _ = it
    engine = env.engine()
    run_all(engine, [server.url()])
    assert engine.check_url("https://acme2.com/")["level"] != "verified"
    server.bodies["acme"] = acme_list(
        key, version=2, brands=[ACME, {**ACME, "id": "acme-2", "domains": ["acme2.com"], "phones": []}]
    )
    other = env.engine()  # another process updates
    run_all(other, [server.url()])
    assert engine.check_url("https://acme2.com/")["level"] == "verified"  # no restart


def test_only_supplementary_lists_configured(env, server, it):
    report = run_all(env.engine())  # no main-list mirror: the main list is skipped, not failed
    assert [o.status for o in report.outcomes] == ["skipped", "updated"]
    assert report.status == "updated"


def test_supplementary_failure_is_recorded_for_status(env, server, it, tmp_path):
    managed = tmp_path / "no-managed.toml"
    managed.write_text(managed.read_text().replace("/named/acme", "/status/500"))
    engine = env.engine()
    report = run_all(engine, [server.url()])
    assert report.status == "failed" and report.to_dict()["code"] == "download.http_status"
    records = engine.status()["updates"]["supplementary"]
    [(url, rec)] = records.items()
    assert url.endswith("/status/500") and rec["last_failure"]["code"] == "download.http_status"


def test_user_config_cannot_add_supplementary_lists(env, server, keys):
    key, pub = keys.new()
    user = env.home / "config.toml"
    user.write_text(user.read_text() + f'[[supplementary]]\nurl = "{server.url()}"\nkeys = ["{pub}"]\n')
    status = env.engine().status()
    assert status["config"]["supplementary"] == []
    assert any("managed config" in p for p in status["config"]["problems"])


def test_supplementary_files_live_under_the_sha_of_the_url(env, it):
    _, url = it
    import hashlib

    slot = supplementary_slot(env.engine().places, url)
    assert slot.path == Path(env.home, "lists", "supplementary", hashlib.sha256(url.encode()).hexdigest() + ".json")
