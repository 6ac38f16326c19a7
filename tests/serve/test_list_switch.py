"""A new signed list installed while clients keep sending requests: every request is answered (200),
from the old list until the new one's indexes are built, then from the new one."""

from __future__ import annotations

import threading
import time

from kefuguard.lists.store import MAIN_LIST
from tests.conftest import make_signed, sign, trust_key
from tests.lists.test_list_switch import NEW_BRAND
from tests.serve.conftest import call, engine_for


def test_a_list_swap_under_load_loses_no_request(serve, home, signing_key, tmp_path):
    key, pub = signing_key
    trust_key(home, pub)
    embedded = tmp_path / "embedded.json"
    embedded.write_bytes(sign(make_signed(version=1), key))
    (home / "lists").mkdir()
    server = serve(engine=engine_for(home, embedded=embedded, recheck=0.05))
    assert server.call("POST", "/v1/check/text", {"text": "你好"}).status == 200  # chat index in use too

    by_client: dict[str, list[tuple[int, int | None]]] = {"/v1/check/url": [], "/v1/check/text": []}
    stop = threading.Event()

    def client(path: str, body: dict) -> None:
        while not stop.is_set():
            reply = call(server.port, "POST", path, body)
            result = reply.json().get("result", {}) if reply.status == 200 else {}
            by_client[path].append((reply.status, result.get("list_version")))

    threads = [
        threading.Thread(target=client, args=("/v1/check/url", {"url": "https://newbank.example/"})),
        threading.Thread(target=client, args=("/v1/check/text", {"text": "我是新银行客服，请拨打 95599"})),
    ]
    for t in threads:
        t.start()
    try:
        time.sleep(0.3)
        signed = make_signed(version=2)
        signed["brands"].append(NEW_BRAND)
        (home / "lists" / MAIN_LIST).write_bytes(sign(signed, key))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if all(sum(1 for _, v in seen[-20:] if v == 2) >= 5 for seen in by_client.values()):
                break
            time.sleep(0.05)
        time.sleep(0.2)
    finally:
        stop.set()
        for t in threads:
            t.join(30)

    for path, seen in by_client.items():
        statuses = {status for status, _ in seen}
        assert statuses == {200}, f"{path}: {len(seen)} requests, statuses {statuses}"
        versions = [version for _, version in seen]
        assert versions[0] == 1 and versions[-1] == 2, path
        assert versions == sorted(versions), f"{path}: went back to the old list"
        assert len(seen) > 10
    after = server.call("POST", "/v1/check/url", {"url": "https://newbank.example/"}).json()["result"]
    assert (after["list_version"], after["level"], after["brand"]) == (2, "verified", "newbank")
    assert server.call("GET", "/v1/status").json()["version"] == 2
