"""One Chromium with the extension and the real host for the whole browser package (fast), and a
second one without a host for the missing-host tests. Skipped, with the reason, when Chromium or
the playwright package is missing (scripts/test installs both)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.harness import ExtensionBrowser, PageServer, chromium_executable, launch

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")


@pytest.fixture(scope="package")
def playwright_driver() -> Iterator[Any]:
    if chromium_executable() is None:
        pytest.skip("no Chromium on this machine (scripts/test installs Debian's chromium)")
    with sync_api.sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="package")
def page_server() -> Iterator[PageServer]:
    with PageServer() as server:
        yield server


@pytest.fixture(scope="package")
def browser(
    playwright_driver: Any, page_server: PageServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ExtensionBrowser]:
    base = tmp_path_factory.mktemp("browser")
    b = launch(playwright_driver, base / "profile", base / "home", page_server)
    yield b
    b.context.close()


@pytest.fixture
def open_page(browser: ExtensionBrowser) -> Iterator[Callable[[str, str], Any]]:
    """Open pages in the shared browser; they are closed after the test."""
    pages: list[Any] = []

    def opener(host: str, path: str) -> Any:
        page = browser.open(host, path)
        pages.append(page)
        return page

    yield opener
    for page in pages:
        if not page.is_closed():
            page.close()


@pytest.fixture(scope="package")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: docs/screenshots/ when KEFUGUARD_SCREENSHOTS names it, else a temp dir."""
    chosen = os.environ.get("KEFUGUARD_SCREENSHOTS")
    if chosen:
        path = Path(chosen)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("screenshots")
