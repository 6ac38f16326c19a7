"""Settings changed on the options page are never lost: right after the browser starts (Chrome's
first storage.managed read then takes seconds) and when two changes follow each other at once."""

from __future__ import annotations

from tests.browser.harness import EXTENSION_ORIGIN, launch, wait_for


def _stored(b) -> dict:
    return b.worker.evaluate("async () => (await chrome.storage.local.get('settings')).settings || {}")


def test_a_setting_changed_right_after_browser_start_is_kept(playwright_driver, page_server, tmp_path):
    b = launch(playwright_driver, tmp_path / "profile", tmp_path / "home", page_server)
    try:
        options = b.context.new_page()
        options.goto(f"{EXTENSION_ORIGIN}ui/options.html", wait_until="commit")
        # the user changes two settings as soon as the page shows them
        options.click("#feature-chat_check")
        options.select_option("#min_level", "danger")
        assert not options.is_checked("#feature-chat_check")
        options.wait_for_selector("#options[data-ready='true']", timeout=20000)
        assert not options.is_checked("#feature-chat_check")
        assert options.input_value("#min_level") == "danger"
        expected = {"features": {"chat_check": False}, "min_level": "danger"}
        assert wait_for(lambda: _stored(b) == expected), _stored(b)
        options.reload()
        options.wait_for_selector("#options[data-ready='true']")
        assert not options.is_checked("#feature-chat_check")
        assert options.is_checked("#feature-link_check")
        assert options.input_value("#min_level") == "danger"
        assert wait_for(
            lambda: b.worker.evaluate(
                "() => { const e = globalThis.kefuguardBackground.settings.effective;"
                " return e.features.chat_check === false && e.min_level === 'danger'; }"
            )
        )
    finally:
        b.context.close()


def test_two_changes_at_once_are_both_saved(browser):
    options = browser.context.new_page()
    try:
        options.goto(f"{EXTENSION_ORIGIN}ui/options.html")
        options.wait_for_selector("#options[data-ready='true']")
        # two changes in one task: each save reads, changes and writes the stored settings
        options.evaluate(
            """() => { document.querySelector('#feature-chat_check').click();
                       document.querySelector('#feature-link_check').click();
                       const level = document.querySelector('#min_level');
                       level.value = 'danger'; level.dispatchEvent(new Event('change')); }"""
        )
        expected = {"features": {"chat_check": False, "link_check": False}, "min_level": "danger"}
        assert wait_for(lambda: _stored(browser) == expected), _stored(browser)
        options.wait_for_timeout(200)
        assert _stored(browser) == expected
    finally:
        browser.worker.evaluate("() => chrome.storage.local.remove('settings')")
        options.close()
