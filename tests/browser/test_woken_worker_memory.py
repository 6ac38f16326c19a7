"""A lookalike site warned of earlier in this browser session is warned of again by a woken service
worker before its host has started (background/verdicts.js HostDangers, kept in storage.session);
the host's answer follows. Own browser: the test stops the extension's worker."""

from __future__ import annotations

import time

import pytest

from tests.browser.harness import launch, running_worker, shadow_widgets

DANGER_BANNER = "kefuguard-banner[data-kefuguard-level='danger']"
# the remembered result for a URL's host, or null (entries are keyed and sealed by host: common/remembered.js)
REMEMBERED = "async (url) => await globalThis.kefuguardBackground.hostDangers.get(url)"


@pytest.fixture(scope="module")
def own_browser(playwright_driver, page_server, tmp_path_factory):
    base = tmp_path_factory.mktemp("woken")
    b = launch(playwright_driver, base / "profile", base / "home", page_server)
    yield b
    b.context.close()


def test_a_lookalike_host_is_remembered_and_a_woken_worker_warns_from_memory(own_browser):
    b = own_browser
    page = b.open("taobao-kefu.com", "/shop.html")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    deadline = time.monotonic() + 10
    while not b.worker.evaluate(REMEMBERED, page.url) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert b.worker.evaluate(REMEMBERED, page.url)["level"] == "danger"

    official = b.open("www.taobao.com", "/shop.html")
    official.wait_for_timeout(1500)
    assert b.worker.evaluate(REMEMBERED, official.url) is None

    cdp = b.context.new_cdp_session(page)
    cdp.send("ServiceWorker.enable")
    cdp.send("ServiceWorker.stopAllWorkers")
    time.sleep(1.0)
    again = b.open("taobao-kefu.com", "/shop.html?again")
    again.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    [banner] = [w for w in shadow_widgets(again) if w.tag == "kefuguard-banner"]
    assert "Did you mean taobao.com?" in banner.text
    worker = running_worker(b.context)
    counters = worker.evaluate("async () => (await globalThis.kefuguardBackground.debug_stats()).counters")
    assert counters["remembered_pages"] >= 1, counters


def test_only_what_the_host_is_counts_not_a_path_or_a_caution(own_browser):
    worker = running_worker(own_browser.context)
    host_level = worker.evaluate(
        """() => {
          const H = globalThis.kefuguardBackground.hostDangers.constructor;
          const r = (level, ...codes) => ({ level, reasons: codes.map((code) => ({ code })) });
          return [
            H.hostLevel(r("danger", "lookalike.brand_name")),
            H.hostLevel(r("danger", "scam.domain")),
            H.hostLevel(r("danger", "url.brand_page")),
            H.hostLevel(r("danger", "lookalike.user_content")),
            H.hostLevel(r("caution", "lookalike.noisy_token")),
            H.hostLevel(r("danger", "page.brand_claim")),
          ];
        }"""
    )
    assert host_level == [True, True, False, False, False, False]


def test_a_new_list_version_forgets_what_the_old_one_judged(own_browser):
    worker = running_worker(own_browser.context)
    remaining = worker.evaluate(
        """async () => {
          const memory = globalThis.kefuguardBackground.hostDangers;
          await memory.note("https://lookalike.example/", { level: "danger", list_version: 1, reasons: [{ code: "scam.domain" }] });
          await memory.noteListVersion(2);
          return await memory.get("https://lookalike.example/x");
        }"""
    )
    assert remaining is None
