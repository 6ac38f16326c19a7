"""The chat watcher on real chat UI libraries from npm (tests/browser/chat_uis), each rendering the
same six-message conversation with its own markup, in three ways: the history already on the page
when the watcher starts, all at once later, one by one. Plus the same inside iframes of four kinds.

For every case: both scam messages are marked; no benign message, outgoing message or element
holding several messages is; no element of ours is put among the page's elements and every
message keeps its size and stays visible; the direction of every message is read right and its
text is the message without its time or sender line.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.chat_uis import build
from tests.browser.harness import ContentScriptWorld, ExtensionBrowser, PageServer, wait_for

CONVERSATION = json.loads((Path(build.__file__).parent / "conversation.json").read_text(encoding="utf-8"))
IDS = [m["id"] for m in CONVERSATION]
SCAMS = {m["id"] for m in CONVERSATION if m["scam"]}
MODES = ("history", "all", "one")
FRAMES = {  # frame kind -> the UI inside it
    "same-origin": "deep-chat",
    "srcdoc": "telegram-like",
    "about-blank": "telegram-like",
    "cross-origin": "chatscope",
}
CASES = [(ui, mode) for ui in build.UIS for mode in MODES] + [
    (f"frame-{kind}", mode) for kind in FRAMES for mode in MODES
]
BATCH = 6  # pages open at once

# In the content-script world of the chat's frame: every element of ours, the marks and what the
# watcher reads from each message (the test tagged each library message with data-kg-truth).
OBSERVE = r"""
(() => {
  const deepAll = (root, selector, out = []) => {
    out.push(...root.querySelectorAll(selector));
    for (const el of root.querySelectorAll("*")) {
      let shadow = el.shadowRoot;
      if (!shadow && el.localName.includes("-")) {
        try { shadow = chrome.dom.openOrClosedShadowRoot(el); } catch (e) { shadow = null; }
      }
      if (shadow) deepAll(shadow, selector, out);
    }
    return out;
  };
  const { chat, markLayer } = KefuGuard;
  const layer = markLayer.get();
  const marks = [...layer.marks].map(([anchor, m]) => {
    // the element marked is a message's own element, a part of it, or a wrapper of that one alone
    const around = anchor.closest("[data-kg-truth]");
    const inside = [...anchor.querySelectorAll("[data-kg-truth]")].map((el) => el.getAttribute("data-kg-truth"));
    return {
      truth: around ? around.getAttribute("data-kg-truth") : inside.length === 1 ? inside[0] : null,
      holds: inside.length,
      level: m.host.getAttribute("data-kefuguard-level"),
      shown: m.host.style.visibility === "visible",
    };
  });
  const ours = deepAll(document, "*").filter((el) => /^KEFUGUARD-/.test(el.tagName));
  const stray = ours.filter((el) => !(el.tagName === "KEFUGUARD-LAYER" && el.parentNode === document.documentElement)
    && !(el.parentNode && el.parentNode.tagName === "KEFUGUARD-LAYER")).map((el) => el.tagName);
  const messages = deepAll(document, "[data-kg-truth]").map((el) => {
    const container = chat.containerOf(el);
    return {
      id: el.getAttribute("data-kg-truth"),
      container: Boolean(container),
      direction: container ? chat.directionOf(el, container) : null,
      text: container ? chat.messageText(el, chat.structureOf(container)) : null,
    };
  });
  return { marks, stray, messages };
})()
"""


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


@pytest.fixture(scope="module")
def corpus_server() -> Iterator[PageServer]:
    if shutil.which("npm") is None:
        pytest.skip("no npm: the chat UI corpus is built from npm packages (install Node.js with npm)")
    try:
        folder = build.build_corpus()
    except build.CorpusBuildError as e:
        pytest.fail(f"could not build the chat UI corpus: {e}")
    with PageServer(folder) as server:
        yield server


def chat_frame(page: Any, ui: str) -> Any:
    """The frame that holds the chat: the page itself, or its iframe."""
    if not ui.startswith("frame-"):
        return page.main_frame
    frame = wait_for(lambda: next((f for f in page.main_frame.child_frames), None), timeout=15)
    assert frame, "the chat frame never appeared"
    return frame


def open_case(browser: ExtensionBrowser, server: PageServer, ui: str, mode: str) -> Any:
    if ui.startswith("frame-"):
        kind = ui[len("frame-") :]
        path = f"/frame.html?kind={kind}&ui={FRAMES[kind]}&mode={mode}"
    else:
        path = f"/{ui}.html?mode={mode}"
    page = browser.context.new_page()
    page.goto(server.url("shop.example.com", path))
    return page


def truth_rects(frame: Any) -> list[dict[str, float]]:
    return frame.evaluate(
        r"""async () => { const out = []; for (const el of chatUi.messageElements()) {
             el.scrollIntoView({ block: "center" });  // a long list scrolls: look at each message in view
             // marks follow a scroll in the next frame
             await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
             const r = el.getBoundingClientRect();
             // every line of the message's text can be seen: nothing (of ours) lies over it
             const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
             let covered = 0, lines = 0;
             for (let t = walker.nextNode(); t; t = walker.nextNode()) {
               if (!/\S/.test(t.nodeValue)) continue;
               const range = document.createRange();
               range.selectNodeContents(t);
               for (const line of range.getClientRects()) {
                 lines++;
                 for (const x of [line.left + 2, line.left + line.width / 2, line.right - 2]) {
                   const hit = el.getRootNode().elementFromPoint(x, line.top + line.height / 2);
                   if (!hit || !(el === hit || el.contains(hit))) { covered++; break; }
                 }
               }
             }
             out.push({ w: r.width, h: r.height, visible: lines > 0 && covered === 0 });
           } return out; }"""
    )


def observe(page: Any, ui: str) -> dict[str, Any]:
    page.bring_to_front()  # animation frames run at full rate only in the tab in front
    frame = chat_frame(page, ui)
    frame.wait_for_function("() => window.chatUi && window.chatUi.done", timeout=20000)
    frame.evaluate(
        "(ids) => chatUi.messageElements().forEach((el, i) => el.setAttribute('data-kg-truth', ids[i]))", IDS
    )
    before = truth_rects(frame)
    world = ContentScriptWorld(page, frame)
    try:
        wanted = lambda: world.evaluate(OBSERVE)  # noqa: E731
        seen = wait_for(
            lambda: (lambda o: o if SCAMS <= {m["truth"] for m in o["marks"]} else None)(wanted()), timeout=8
        )
        page.wait_for_timeout(700)  # anything marked late is seen too
        result = wanted()
        result["all_scams_seen_in_time"] = bool(seen)
    finally:
        world.close()
    result["before"] = before
    result["after"] = truth_rects(frame)
    return result


@pytest.fixture(scope="module")
def observations(browser: ExtensionBrowser, corpus_server: PageServer) -> dict[tuple[str, str], Any]:
    """Every case, opened BATCH at a time (each waits for timers of its own)."""
    results: dict[tuple[str, str], Any] = {}
    for start in range(0, len(CASES), BATCH):
        batch = CASES[start : start + BATCH]
        pages = {case: open_case(browser, corpus_server, *case) for case in batch}
        try:
            for case, page in pages.items():
                try:
                    results[case] = observe(page, case[0])
                except Exception as e:  # reported by the case's own test
                    results[case] = e
        finally:
            for page in pages.values():
                page.close()
    return results


@pytest.mark.parametrize(("ui", "mode"), CASES)
def test_chat_ui(observations: dict[tuple[str, str], Any], ui: str, mode: str) -> None:
    got = observations[(ui, mode)]
    if isinstance(got, Exception):
        raise got
    marked = {m["truth"]: m for m in got["marks"]}
    # both scams marked, at danger, and shown
    for scam in sorted(SCAMS):
        assert scam in marked, f"{scam} not marked; marks: {got['marks']}"
        assert marked[scam]["level"] == "danger", got["marks"]
        assert marked[scam]["shown"], f"{scam}'s mark is hidden"
    # nothing else: no benign or outgoing message, no element holding several messages or none
    assert all(m["truth"] in SCAMS and m["holds"] <= 1 for m in got["marks"]), got["marks"]
    assert len(got["marks"]) == len(SCAMS), got["marks"]
    # the page's own elements untouched: our elements only in our layer; sizes kept; all visible
    assert got["stray"] == [], got["stray"]
    assert [(r["w"], r["h"]) for r in got["after"]] == [(r["w"], r["h"]) for r in got["before"]]
    assert all(r["visible"] for r in got["after"]), got["after"]
    # direction and text of every message as the watcher reads them
    by_id = {m["id"]: m for m in got["messages"]}
    for message in CONVERSATION:
        seen = by_id[message["id"]]
        assert seen["container"], f"{message['id']}: no chat container found"
        assert seen["direction"] == message["direction"], (message["id"], seen)
        assert squash(seen["text"]) == squash(message["text"]), (message["id"], seen["text"])
