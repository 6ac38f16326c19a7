"""A site judged dangerous for what its host is (a lookalike, a listed scam domain) earlier in this
browser session is warned of by the page's own content script from storage.session
(common/remembered.js), without waiting for the service worker or the host; the host's answer
follows and takes a warning back that it does not bear out. Nothing in that storage names a site.
Own browsers: the tests write the memory and the trusted sites."""

from __future__ import annotations

import time

import pytest

from tests.browser.harness import ContentScriptWorld, launch, shadow_widgets, wait_for

DANGER_BANNER = "kefuguard-banner[data-kefuguard-level='danger']"
REMEMBERED = "async (url) => await globalThis.kefuguardBackground.hostDangers.get(url)"
# what a visit would leave: the result remembered for the URL's host, and the settings for the page
REMEMBER = """async ([url, result]) => {
  const b = globalThis.kefuguardBackground;
  await b.hostDangers.note(url, result);
  await b.publishPagePrefs();
}"""
# every banner the content script inserts or removes, from document start (main world: it sees the
# shadow host element, not what is inside)
WATCH = """
(() => {
  if (window !== window.top) return;
  const seen = { inserted: 0, removed: 0 };
  Object.defineProperty(window, "__kgBanners", { value: seen });
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) if (n.localName === "kefuguard-banner") seen.inserted++;
      for (const n of r.removedNodes) if (n.localName === "kefuguard-banner") seen.removed++;
    }
  }).observe(document, { childList: true, subtree: true });
})();
"""


@pytest.fixture(scope="module")
def own_browser(playwright_driver, page_server, tmp_path_factory):
    base = tmp_path_factory.mktemp("remembered")
    b = launch(playwright_driver, base / "profile", base / "home", page_server)
    yield b
    b.context.close()


@pytest.fixture(scope="module")
def lookalike_result(own_browser):
    """The host's danger result for taobao-kefu.com, remembered after one visit."""
    b = own_browser
    page = b.open("taobao-kefu.com", "/shop.html")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    result = wait_for(lambda: b.worker.evaluate(REMEMBERED, page.url))
    page.close()
    assert result and result["level"] == "danger", result
    return result


def watched(b, host, path):
    page = b.context.new_page()
    page.add_init_script(WATCH)
    page.goto(b.url(host, path))
    return page


def test_the_page_reads_its_own_hosts_entry_and_no_site_is_named_in_storage(own_browser, lookalike_result):
    b = own_browser
    page = b.open("taobao-kefu.com", "/shop.html?read")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    world = ContentScriptWorld(page)
    try:
        stored = world.evaluate("chrome.storage.session.get(null).then((all) => JSON.stringify(all))")
        assert "taobao" not in stored.lower()
        own, other, expired, prefs = world.evaluate(
            """(async () => {
              const R = KefuGuard.remembered;
              const all = await chrome.storage.session.get(null);
              const entry = all[R.keyOf(location.hostname)];
              return [R.resultOf(location.hostname, entry, Date.now()), R.resultOf("other.example", entry, Date.now()),
                      R.resultOf(location.hostname, entry, Date.now() + R.TTL_MS), all[R.PREFS_KEY]];
            })()"""
        )
    finally:
        world.close()
    assert own["level"] == "danger" and own["official_site"] == lookalike_result["official_site"]
    assert other is None and expired is None
    assert prefs["page_check"] is True and prefs["lang"] == "en"
    assert prefs["strings"]["content_banner_danger_title"]
    # the page's own scripts have no extension storage at all
    assert page.evaluate("() => typeof chrome === 'undefined' || !chrome.storage")
    page.close()


def test_a_verdict_that_clears_the_danger_takes_the_banner_and_the_memory_back(own_browser, lookalike_result):
    b = own_browser
    official = b.url("www.taobao.com", "/shop.html")
    b.worker.evaluate(REMEMBER, [official, lookalike_result])  # as if the official site had been judged a lookalike
    assert b.worker.evaluate(REMEMBERED, official)["level"] == "danger"
    page = watched(b, "www.taobao.com", "/shop.html")
    gone = wait_for(
        lambda: b.worker.evaluate(REMEMBERED, official) is None
        and page.evaluate("() => window.__kgBanners.removed >= 1 && !document.querySelector('kefuguard-banner')")
    )
    assert gone, page.evaluate("() => window.__kgBanners")
    assert page.evaluate("() => window.__kgBanners.inserted") >= 1  # it was up, from memory
    assert not [w for w in shadow_widgets(page) if w.tag == "kefuguard-banner"]
    page.close()


def test_a_remembered_danger_is_shown_while_the_host_is_absent(
    playwright_driver, page_server, tmp_path_factory, lookalike_result
):
    base = tmp_path_factory.mktemp("remembered-no-host")
    b = launch(playwright_driver, base / "profile", base / "home", page_server, with_host=False)
    try:
        b.worker.evaluate(REMEMBER, [b.url("taobao-kefu.com", "/"), lookalike_result])
        page = b.open("taobao-kefu.com", "/shop.html")
        page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
        [banner] = [w for w in shadow_widgets(page) if w.tag == "kefuguard-banner"]
        assert "Did you mean taobao.com?" in banner.text
        assert any(r.startswith("lookalike") for r in banner.reasons)
        time.sleep(1.5)  # the host's answer cannot come: the remembered warning stays
        assert page.query_selector(DANGER_BANNER) is not None
        assert b.stats()["host"]["state"] in ("missing", "failed", "exited")
    finally:
        b.context.close()


def test_a_language_chosen_just_before_the_visit_is_the_remembered_warnings(own_browser, lookalike_result):
    b = own_browser
    settings = "async (user) => { await chrome.storage.local.set({ settings: user }); }"
    b.worker.evaluate(settings, {"language": "zh_CN"})
    try:
        page = b.open("taobao-kefu.com", "/shop.html?zh")
        page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
        [banner] = [w for w in shadow_widgets(page) if w.tag == "kefuguard-banner"]
        assert "这很可能是假冒网站" in banner.text and "离开此页面" in banner.buttons
        page.close()
    finally:
        b.worker.evaluate(settings, {})


def test_a_trusted_site_is_not_warned_of_from_memory(own_browser, lookalike_result):
    b = own_browser
    url = b.url("taobao-kefu.com", "/shop.html")
    assert b.worker.evaluate(REMEMBERED, url) is not None
    settings = "async (user) => { await chrome.storage.local.set({ settings: user }); }"
    b.worker.evaluate(settings, {"trusted_domains": ["taobao-kefu.com"]})
    try:
        # trusting a site forgets every remembered host
        assert wait_for(lambda: b.worker.evaluate(REMEMBERED, url) is None)
        # a memory written before the change took effect: the page may draw it, the worker takes it back
        b.worker.evaluate(REMEMBER, [url, lookalike_result])
        page = watched(b, "taobao-kefu.com", "/shop.html?trusted")
        settled = wait_for(
            lambda: b.worker.evaluate(REMEMBERED, url) is None
            and page.evaluate("() => document.readyState === 'complete' && !document.querySelector('kefuguard-banner')")
        )
        assert settled, page.evaluate("() => window.__kgBanners")
        time.sleep(1.0)
        assert not [w for w in shadow_widgets(page) if w.tag == "kefuguard-banner"]
        page.close()
        # and a trusted site's own visit is not remembered
        again = watched(b, "taobao-kefu.com", "/shop.html?trusted-again")
        again.wait_for_timeout(1500)
        assert again.evaluate("() => window.__kgBanners.inserted") == 0
        assert b.worker.evaluate(REMEMBERED, url) is None
        again.close()
    finally:
        b.worker.evaluate(settings, {})


def test_a_host_judged_again_with_a_new_list_is_kept_and_at_most_200_are(own_browser, lookalike_result):
    kept = own_browser.worker.evaluate(
        """async (result) => {
          const memory = globalThis.kefuguardBackground.hostDangers;
          const judged = (version) => ({ ...result, list_version: version });
          await memory.note("https://again.example/", judged(1));
          await memory.note("https://again.example/", judged(2));
          const again = await memory.get("https://again.example/x");
          for (let i = 0; i < 205; i++) {
            await memory.note(`https://h${i}.example/`, judged(2));
          }
          const all = await chrome.storage.session.get(null);
          const entries = Object.keys(all).filter((k) => k.startsWith(KefuGuard.remembered.ENTRY_PREFIX)).length;
          const oldest = await memory.get("https://again.example/");
          const newest = await memory.get("https://h204.example/");
          await memory.forgetAll();
          return [again && again.list_version, entries, oldest, newest && newest.level];
        }""",
        lookalike_result,
    )
    assert kept == [2, 200, None, "danger"]
