"""The first `status` may be answered from the snapshot, but only when it is the answer the engine
would give: any change to a file the status depends on sends the request to the full engine."""

from __future__ import annotations

import pytest

from tests.conftest import make_signed, sign, trust_key
from tests.protocol.hostproc import HostProcess


def first_status(home, rid=1):
    host = HostProcess(home)
    try:
        reply = host.request({"id": rid, "type": "status"})
        code, rest, stderr = host.finish()
        assert code == 0 and rest == [] and "Traceback" not in stderr
        return reply
    finally:
        host.close()


def snapshot_of(home):
    return home / "index" / "status-snapshot.json"


def without_clock(status):
    status = dict(status)
    status["lists"] = [{k: v for k, v in entry.items() if k != "age_days"} for entry in status["lists"]]
    return status


def test_snapshot_answer_equals_the_engine_answer(home):
    first_status(home)  # the first load records the version seen, which changes an input
    computed = first_status(home)
    assert snapshot_of(home).exists()
    mtime = snapshot_of(home).stat().st_mtime_ns
    from_snapshot = first_status(home, rid="second")
    assert from_snapshot["id"] == "second"
    assert snapshot_of(home).stat().st_mtime_ns == mtime  # answered without recomputing
    assert without_clock(from_snapshot["result"]) == without_clock(computed["result"])


@pytest.mark.parametrize("change", ["install_list", "user_config", "managed_config", "corrupt_snapshot"])
def test_any_input_change_bypasses_the_snapshot(home, signing_key, change):
    key, pub = signing_key
    trust_key(home, pub)
    assert first_status(home)["result"]["publisher"] == "kefu-guard"
    first_status(home)  # the state file settles after the first load
    if change == "install_list":
        (home / "lists").mkdir(exist_ok=True)
        (home / "lists" / "main.json").write_bytes(sign(make_signed(version=10**15), key))
        expect = lambda s: s["publisher"] == "test-publisher" and s["version"] == 10**15  # noqa: E731
    elif change == "user_config":
        (home / "config.toml").write_text(f'[trust]\nkeys = ["{pub}"]\n[update]\ninterval_hours = 5\n')
        expect = lambda s: s["config"]["update_interval_hours"] == 5  # noqa: E731
    elif change == "managed_config":
        (home / "no-managed.toml").write_text('[update]\nurls = ["https://it.example/l.json"]\n')
        expect = lambda s: s["config"]["managed"] == ["update.urls"]  # noqa: E731
    else:
        snapshot_of(home).write_bytes(b"{not json")
        expect = lambda s: s["publisher"] == "kefu-guard"  # noqa: E731
    assert expect(first_status(home)["result"])


def test_first_frame_that_is_not_status_is_handed_to_the_full_host(home):
    first_status(home)
    host = HostProcess(home)
    try:
        reply = host.request({"id": 3, "type": "check_url", "url": "https://www.jd.com/"})
        assert reply["result"]["brand"] == "jd"
        assert host.request({"id": 4, "type": "status"})["ok"] is True
    finally:
        host.close()
