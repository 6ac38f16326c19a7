"""The report page's "Send to your security team" in a real Chromium with the real host: the
organisation's managed config names a report endpoint (a real aiohttp server on 127.0.0.1 here),
the page previews what would be sent and sends the saved file only on the user's click; the server
gets exactly the saved file's bytes. A dead endpoint gives the "could not be reached" error, and
the page says the file is still saved. Without an endpoint there is no send button, and a content
script cannot send the kind at all.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.harness import EXTENSION_ORIGIN, ContentScriptWorld, click_backend_node, launch, shadow_widgets, wait_for
from tests.browser.test_evidence import DANGER_BANNER, FINGERPRINT, button_of, saved_report

web = pytest.importorskip("aiohttp.web", reason="the aiohttp package is not installed")

SEND = "#send"


class Collector:
    """An HTTP server on 127.0.0.1 that keeps every request it gets (the security team's endpoint)."""

    def __init__(self, status: int = 201) -> None:
        self.status = status
        self.received: list[tuple[str, dict[str, str], bytes]] = []  # (path, headers, body)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.runner: Any = None
        self.port = 0

    def _run(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(10)

    def __enter__(self) -> Collector:
        async def keep(request: Any) -> Any:
            body = await request.read()
            self.received.append((request.path, dict(request.headers), body))
            return web.Response(status=self.status, text="received")

        app = web.Application(client_max_size=64 << 20)
        app.router.add_route("*", "/{tail:.*}", keep)
        self.thread.start()
        self.runner = web.AppRunner(app, access_log=None)
        self._run(self.runner.setup())
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        self._run(site.start())
        self.port = self.runner.addresses[0][1]
        return self

    def __exit__(self, *exc: object) -> None:
        self._run(self.runner.cleanup())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/evidence"


def dead_endpoint() -> str:
    """An address on 127.0.0.1 where nothing listens (a port taken and given back)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/evidence"


@contextlib.contextmanager
def browser_with_endpoint(playwright_driver, page_server, base: Path, endpoint: str) -> Iterator[Any]:
    """A Chromium of its own whose host reads a managed config naming `endpoint` (the harness's
    launcher points KEFUGUARD_MANAGED_CONFIG at <home>/no-managed.toml: that file is written here)."""
    home = base / "home"
    home.mkdir(parents=True)
    (home / "no-managed.toml").write_text(f"[report]\nendpoint = {json.dumps(endpoint)}\n")
    b = launch(playwright_driver, base / "profile", home, page_server)
    try:
        yield b
    finally:
        b.context.close()


@pytest.fixture(scope="module")
def collector() -> Iterator[Collector]:
    with Collector() as c:
        yield c


@pytest.fixture(scope="module")
def sending_browser(playwright_driver, page_server, tmp_path_factory, collector) -> Iterator[Any]:
    with browser_with_endpoint(
        playwright_driver, page_server, tmp_path_factory.mktemp("send-live"), collector.endpoint
    ) as b:
        yield b


@pytest.fixture(scope="module")
def dead_browser(playwright_driver, page_server, tmp_path_factory) -> Iterator[Any]:
    endpoint = dead_endpoint()
    with browser_with_endpoint(playwright_driver, page_server, tmp_path_factory.mktemp("send-dead"), endpoint) as b:
        b.endpoint = endpoint
        yield b


def save_from_banner(b, label: str = "Save evidence") -> tuple[Any, Any, Path, str]:
    """Open a lookalike page and click its banner's "Save evidence": (page, report page, file, fingerprint)."""
    page = b.open("taobao-kefu.com", "/shop.html?send")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    # a banner drawn from the browser session's memory of the site is in the language of before a
    # settings change, and is drawn again in the new one when the host's answer comes (content/main.js)
    assert wait_for(lambda: any(label in w.buttons for w in shadow_widgets(page) if w.tag == "kefuguard-banner"), 15)
    report, path, fingerprint = saved_report(
        b, lambda: click_backend_node(page, button_of(page, "kefuguard-banner", label))
    )
    return page, report, path, fingerprint


def manifest_part_names(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    start = text.index('<script type="application/json" id="kefuguard-evidence">')
    start = text.index(">", start) + 1
    manifest = json.loads(text[start : text.index("</script>", start)])
    return [part["name"] for part in manifest["parts"]]


def test_the_saved_file_is_sent_only_on_click_and_arrives_byte_for_byte(sending_browser, collector, screenshot_dir):
    b = sending_browser
    page, report, path, fingerprint = save_from_banner(b)
    try:
        report.wait_for_selector(f"{SEND}[data-state='offered']", timeout=15000)
        assert report.get_attribute(SEND, "data-endpoint") == collector.endpoint
        assert report.is_visible("#send-open") and report.inner_text("#send-open") == "Send to your security team…"
        assert not report.is_visible("#send-preview")

        # the preview: where it goes, the file, its size, its fingerprint, its parts; nothing sent yet
        report.click("#send-open")
        report.wait_for_selector(f"{SEND}[data-state='preview']")
        assert report.inner_text("#send-endpoint") == collector.endpoint
        assert report.inner_text("#send-file") == path.name
        size = path.stat().st_size
        assert report.get_attribute("#send-size", "data-bytes") == str(size)
        assert f"({size:,} bytes)" in report.inner_text("#send-size")
        assert report.inner_text("#send-fingerprint") == fingerprint
        parts = report.eval_on_selector_all("#send-parts li", "els => els.map((e) => e.dataset.part)")
        assert parts == manifest_part_names(path)
        assert "screenshot" in parts
        assert "a screenshot of the page" in report.inner_text("#send-parts")
        assert "only when you click Send now" in report.inner_text("#send-nothing-yet")
        report.set_viewport_size({"width": 900, "height": 1100})
        report.screenshot(path=str(screenshot_dir / "evidence-send-preview.png"))
        report.wait_for_timeout(300)
        assert collector.received == []  # opening the preview sends nothing

        report.click("#send-now")
        report.wait_for_selector(f"{SEND}[data-state='sent']", timeout=30000)
        [(where, headers, body)] = collector.received
        assert where == "/evidence"
        assert body == path.read_bytes()  # exactly the saved file
        status = report.inner_text("#send-status")
        assert status == f"Sent to {collector.endpoint} (the server answered HTTP 201)."
        assert report.get_attribute(SEND, "data-http-status") == "201"
        assert report.get_attribute(SEND, "data-sent-fingerprint") == fingerprint
        assert report.inner_text("#send-kept") == "The evidence file is still saved in your downloads folder."
        assert not report.is_visible("#send-open")  # sent once: no second send offered
        assert path.exists()
        report.screenshot(path=str(screenshot_dir / "evidence-sent.png"))
    finally:
        report.close()
        page.close()


def test_cancel_closes_the_preview_and_sends_nothing(sending_browser, collector):
    b = sending_browser
    before = len(collector.received)
    page, report, path, fingerprint = save_from_banner(b)
    try:
        report.wait_for_selector(f"{SEND}[data-state='offered']", timeout=15000)
        report.click("#send-open")
        report.click("#send-cancel")
        report.wait_for_selector(f"{SEND}[data-state='offered']")
        assert not report.is_visible("#send-preview")
        assert report.is_visible("#send-open")
        report.wait_for_timeout(300)
        assert len(collector.received) == before
    finally:
        report.close()
        page.close()


@pytest.mark.parametrize(
    ("language", "save", "error", "kept"),
    [
        (
            "en",
            "Save evidence",
            "Not sent: the security team's server could not be reached.",
            "The evidence file is still saved in your downloads folder.",
        ),
        ("zh_CN", "保存证据", "未发送：无法连接到安全团队的服务器。", "证据文件仍保存在您的下载文件夹中。"),
    ],
)
def test_a_dead_endpoint_says_unreachable_and_that_the_file_is_saved(dead_browser, language, save, error, kept):
    b = dead_browser
    b.worker.evaluate("(s) => chrome.storage.local.set({settings: s})", {"language": language})
    page, report, path, fingerprint = save_from_banner(b, save)
    try:
        report.wait_for_selector(f"{SEND}[data-state='offered']", timeout=15000)
        report.click("#send-open")
        assert report.inner_text("#send-endpoint") == b.endpoint
        report.click("#send-now")
        report.wait_for_selector(f"{SEND}[data-state='failed']", timeout=60000)
        assert report.get_attribute(SEND, "data-code") == "report.unreachable"
        assert report.inner_text("#send-status") == error
        assert report.inner_text("#send-kept") == kept
        assert report.is_visible("#send-open")  # the preview can be opened again to retry
        assert path.exists() and FINGERPRINT.fullmatch(fingerprint)
    finally:
        b.worker.evaluate("() => chrome.storage.local.remove('settings')")
        report.close()
        page.close()


def test_no_send_button_without_an_endpoint(browser, open_page):
    """The shared browser's host has no managed config: the file is saved, nothing offers to send it."""
    page = open_page("taobao-kefu.com", "/shop.html?no-endpoint")
    page.wait_for_selector(DANGER_BANNER, state="attached", timeout=15000)
    report, path, fingerprint = saved_report(
        browser, lambda: click_backend_node(page, button_of(page, "kefuguard-banner", "Save evidence"))
    )
    try:
        report.wait_for_selector(f"{SEND}[data-state='unavailable']", state="attached", timeout=15000)
        assert report.is_hidden(SEND)
        assert not report.is_visible("#send-open")
        status = browser.worker.evaluate("async () => (await globalThis.kefuguardBackground.host_status()).status")
        assert status["config"]["report_endpoint"] is None
    finally:
        report.close()


def test_a_content_script_cannot_send_evidence(sending_browser, collector):
    b = sending_browser
    before = len(collector.received)
    page = b.open("shop.example.com", "/chat.html?send")
    try:
        page.wait_for_function("() => !!window.testChat")
        world = ContentScriptWorld(page)
        try:
            reply = world.evaluate("chrome.runtime.sendMessage({kind: 'send_evidence', html: '<!doctype html>'})")
        finally:
            world.close()
        assert reply["ok"] is False
        assert reply["error"]["code"] == "forbidden"
        page.wait_for_timeout(300)
        assert len(collector.received) == before
    finally:
        page.close()


def test_the_host_refuses_what_is_not_an_evidence_file(sending_browser, collector):
    """Even from the extension's own page, only an intact evidence file goes out."""
    b = sending_browser
    before = len(collector.received)
    page = b.context.new_page()
    try:
        page.goto(f"{EXTENSION_ORIGIN}ui/report.html")
        reply = page.evaluate("() => chrome.runtime.sendMessage({kind: 'send_evidence', html: '<p>hello</p>'})")
        assert reply["ok"] is False
        assert reply["error"]["code"] == "report.not_evidence"
        assert len(collector.received) == before
    finally:
        page.close()
