"""The host process: killed mid-session it is started again; missing, the extension says how to install it."""

from __future__ import annotations

import os
import signal

import pytest

from tests.browser.harness import EXTENSION_ORIGIN, launch, register_host, shadow_widgets, wait_for

DANGER_BANNER = "kefuguard-banner[data-kefuguard-level='danger']"


def test_killing_the_host_mid_session_is_recovered_from(browser, open_page):
    page = open_page("taobao-kefu.com", "/shop.html?before-kill")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    before = browser.host_pids()
    assert before, "no host process is running"
    connects = browser.stats()["host"]["connects"]
    for pid in before:
        os.kill(pid, signal.SIGKILL)

    after_page = open_page("taobao-kefu.com", "/shop.html?after-kill")
    after_page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    assert [w.level for w in shadow_widgets(after_page)] == ["danger"]
    now = browser.host_pids()
    assert now and not set(now) & set(before)
    assert browser.stats()["host"]["connects"] > connects


@pytest.fixture(scope="module")
def hostless(playwright_driver, page_server, tmp_path_factory):
    base = tmp_path_factory.mktemp("hostless")
    b = launch(playwright_driver, base / "profile", base / "home", page_server, with_host=False)
    b.profile = base / "profile"
    yield b
    b.context.close()


def test_missing_host_opens_the_install_steps_on_install(hostless):
    def install_page():
        hostless.worker.evaluate("0")  # a round trip, so Playwright takes in newly opened pages
        return next((p for p in hostless.context.pages if p.url.endswith("/ui/install.html")), None)

    install = wait_for(install_page)
    assert install, [p.url for p in hostless.context.pages]
    install.wait_for_selector("#install[data-ready='true']")
    assert "hkddamnmmkmiballgkedofoimpkjkbgm" in install.inner_text("#this-id")
    assert f'"{EXTENSION_ORIGIN}"' in install.inner_text("#manifest-chromium")
    assert "kefuguard@kefu-guard.org" in install.inner_text("#manifest-firefox")


def test_missing_host_shows_the_install_hint(hostless, screenshot_dir):
    page = hostless.open("taobao-kefu.com", "/shop.html?no-host")
    tab = hostless.tab_id(page)
    badge = wait_for(lambda: hostless.badge(tab)["text"] == "?" and hostless.badge(tab))
    assert badge and "not installed" in badge["title"]
    assert page.locator("[data-kefuguard-level]").count() == 0

    popup = hostless.popup(tab)
    assert popup.get_attribute("#host-section", "data-state") == "missing"
    assert popup.is_visible("#host-missing")
    assert popup.get_attribute("#install-link", "href") == "install.html"
    assert "Not installed" in popup.inner_text("#host-state")
    assert "Specified native messaging host not found." in popup.inner_text("#host-detail")
    assert popup.get_attribute("#verdict", "data-level") == "unknown"
    popup.screenshot(path=str(screenshot_dir / "popup-host-missing.png"), full_page=True)

    # installed afterwards: "Try again" finds it without a browser restart
    register_host(hostless.profile, hostless.home)
    popup.click("#retry")
    popup.wait_for_selector("#popup[data-ready='true']")
    assert wait_for(lambda: popup.get_attribute("#host-section", "data-state") == "connected", timeout=15)
    popup.close()
    page.close()
