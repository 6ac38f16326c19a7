"""The chat-UI corpus renders: every page, in every mode, in Chromium WITHOUT the extension.

Checks the corpus itself (the ground truth other browser tests lean on), not kefu-guard: `chatUi.done`
turns true, `messageElements()` gives six connected elements in conversation order, each holding its
own message's text and no other's, the user's messages (m2, m4) sit right of the incoming ones, the
history pages of the React/plain UIs render while their script runs, and no page asks any host but
the test server for anything. Pages of one batch are opened side by side to keep the file short.
"""

from __future__ import annotations

import functools
import json
import shutil
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.chat_uis import build

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (apt-get install chromium)"),
    pytest.mark.skipif(shutil.which("npm") is None, reason="no npm: the chat-UI corpus is built with npm + esbuild"),
]

CONVERSATION = json.loads(build.CONVERSATION.read_text(encoding="utf-8"))
UIS = list(build.UIS)
MODES = build.MODES
# the UIs whose history is in the DOM when their classic <script> has run; deep-chat renders in a
# setTimeout(…, 20) after it is connected
SYNC_HISTORY = set(UIS) - {"deep-chat"}
# every UI in the corpus puts the user's own messages on the right
RIGHT_SIDE_OUTGOING = set(UIS)
FRAMES = [
    ("same-origin", "deep-chat"),
    ("srcdoc", "telegram-like"),
    ("about-blank", "telegram-like"),
    ("cross-origin", "chatscope"),
]
CROSS_ORIGIN_HOST = "chat-widget.example"
DONE_TIMEOUT_MS = 15_000

# Run inside the page (or frame) that owns window.chatUi.
CHECK_JS = """
(conversation) => {
  const ui = window.chatUi;
  if (!ui) return {error: 'no window.chatUi'};
  const els = ui.messageElements();
  const textRect = (el, text) => {
    // the rendered text itself: the text node holding the message's first characters
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const head = text.slice(0, 6);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.data.includes(head)) {
        const r = document.createRange();
        r.selectNodeContents(n);
        const b = r.getBoundingClientRect();
        return {left: b.left, right: b.right, centre: (b.left + b.right) / 2};
      }
    }
    return null;
  };
  return {
    name: ui.name, version: ui.version, mode: ui.mode, done: ui.done, renderedSync: !!ui.renderedSync,
    count: els.length,
    list: !!ui.listElement(),
    items: els.map((el, i) => ({
      connected: !!(el && el.isConnected),
      tag: el ? el.tagName : null,
      own: el ? (el.textContent || '').includes(conversation[i].text) : false,
      others: el
        ? conversation.filter((m, j) => j !== i && (el.textContent || '').includes(m.text)).map((m) => m.id)
        : [],
      text: el ? textRect(el, conversation[i].text) : null,
    })),
  };
}
"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def corpus() -> Path:
    try:
        return build.build_corpus()
    except build.CorpusBuildError as e:
        pytest.fail(f"could not build the chat-UI corpus: {e}", pytrace=False)


@pytest.fixture(scope="module")
def server(corpus: Path) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(corpus)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def context() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
                "--host-resolver-rules=MAP * 127.0.0.1",
            ],
        )
        ctx = browser.new_context(viewport={"width": 900, "height": 900})
        yield ctx
        ctx.close()
        browser.close()


def _open_batch(context: Any, urls: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Open every page of a batch, then wait for each to finish; returns what CHECK_JS saw, per key."""
    opened: dict[str, tuple[Any, list[str], list[str], dict[str, Any]]] = {}
    for key, url in urls.items():
        page = context.new_page()
        foreign: list[str] = []
        errors: list[str] = []
        page.on("request", lambda r, f=foreign: f.append(r.url) if _foreign(r.url) else None)
        page.on("pageerror", lambda e, errs=errors: errs.append(str(e)))
        page.goto(url, wait_until="load")
        at_load = page.evaluate(
            "() => window.chatUi ? {count: window.chatUi.messageElements().length, done: window.chatUi.done} : null"
        )
        opened[key] = (page, foreign, errors, {"at_load": at_load})
    results = {}
    for key, (page, foreign, errors, extra) in opened.items():
        try:
            page.wait_for_function("window.chatUi && window.chatUi.done === true", timeout=DONE_TIMEOUT_MS)
            extra["timed_out"] = False
        except sync_api.TimeoutError:
            extra["timed_out"] = True
        extra["wrapper"] = page.evaluate(CHECK_JS, CONVERSATION)
        inner = [f for f in page.frames if urlsplit(f.url).hostname == CROSS_ORIGIN_HOST]
        if inner:
            inner[0].wait_for_function("window.chatUi && window.chatUi.done === true", timeout=DONE_TIMEOUT_MS)
            extra["cross_origin_frame"] = inner[0].evaluate(CHECK_JS, CONVERSATION)
        extra["foreign"] = list(foreign)
        extra["errors"] = list(errors)
        results[key] = extra
        page.close()
    return results


def _foreign(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return False
    return parts.hostname not in ("127.0.0.1", CROSS_ORIGIN_HOST)


@pytest.fixture(scope="module")
def rendered(context: Any, server: str) -> dict[str, dict[str, Any]]:
    started = time.monotonic()
    results: dict[str, dict[str, Any]] = {}
    for mode in MODES:
        batch = {f"{ui}|{mode}": f"{server}/{ui}.html?mode={mode}" for ui in UIS}
        batch.update(
            {f"frame-{kind}:{ui}|{mode}": f"{server}/frame.html?kind={kind}&ui={ui}&mode={mode}" for kind, ui in FRAMES}
        )
        results.update(_open_batch(context, batch))
    results["_seconds"] = {"value": time.monotonic() - started}
    return results


def _assert_messages(seen: dict[str, Any], ui: str, where: str) -> None:
    assert "error" not in seen, f"{where}: {seen}"
    assert seen["done"] is True, f"{where}: chatUi.done never turned true: {seen}"
    assert seen["list"], f"{where}: listElement() returned nothing"
    assert seen["count"] == len(CONVERSATION), f"{where}: {seen['count']} message elements: {seen['items']}"
    for message, item in zip(CONVERSATION, seen["items"], strict=True):
        assert item["connected"], f"{where}: {message['id']}'s element is not in the document"
        assert item["own"], f"{where}: {message['id']}'s element does not hold its text"
        assert not item["others"], f"{where}: {message['id']}'s element also holds {item['others']}"
        assert item["text"], f"{where}: no text node for {message['id']}"
    if ui in RIGHT_SIDE_OUTGOING:
        by_id = {m["id"]: item["text"] for m, item in zip(CONVERSATION, seen["items"], strict=True)}
        for out in ("m2", "m4"):
            for inc in ("m1", "m6"):
                assert by_id[out]["centre"] > by_id[inc]["centre"], f"{where}: {out} is not right of {inc}: {by_id}"
                assert by_id[out]["right"] > by_id[inc]["right"], f"{where}: {out} ends left of {inc}: {by_id}"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("ui", UIS)
def test_page_renders_the_conversation(rendered: dict[str, dict[str, Any]], ui: str, mode: str) -> None:
    result = rendered[f"{ui}|{mode}"]
    where = f"{ui}.html?mode={mode}"
    assert not result["timed_out"], f"{where}: not done within {DONE_TIMEOUT_MS} ms: {result['wrapper']}"
    seen = result["wrapper"]
    assert seen["name"] == ui and seen["mode"] == mode
    if ui in build.NPM_UIS:
        assert seen["version"], f"{where}: no library version reported"
    _assert_messages(seen, ui, where)
    if mode == "history" and ui in SYNC_HISTORY:
        assert seen["renderedSync"], f"{where}: the history was not in the DOM when the page's script had run"
    if mode != "history":
        assert result["at_load"]["count"] == 0, f"{where}: messages already there at `load`: {result['at_load']}"
    assert not result["foreign"], f"{where}: asked other hosts: {result['foreign']}"
    assert not result["errors"], f"{where}: page errors: {result['errors']}"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("kind", "ui"), FRAMES)
def test_frame_wrapper(rendered: dict[str, dict[str, Any]], kind: str, ui: str, mode: str) -> None:
    result = rendered[f"frame-{kind}:{ui}|{mode}"]
    where = f"frame.html?kind={kind}&ui={ui}&mode={mode}"
    assert not result["timed_out"], f"{where}: not done within {DONE_TIMEOUT_MS} ms: {result['wrapper']}"
    assert not result["foreign"], f"{where}: asked other hosts: {result['foreign']}"
    assert not result["errors"], f"{where}: page errors: {result['errors']}"
    if kind == "cross-origin":
        # the wrapper only reports the frame; the frame's own page has the messages
        assert result["wrapper"]["count"] == 0
        _assert_messages(result["cross_origin_frame"], ui, where + " (inside the frame)")
    else:
        _assert_messages(result["wrapper"], "telegram-like" if kind in ("srcdoc", "about-blank") else ui, where)
    if kind == "about-blank" and mode == "history":
        assert result["wrapper"]["renderedSync"], f"{where}: not written into the frame synchronously"


def test_whole_run_is_short(rendered: dict[str, dict[str, Any]]) -> None:
    assert rendered["_seconds"]["value"] < 60, f"opening every page took {rendered['_seconds']['value']:.0f} s"
