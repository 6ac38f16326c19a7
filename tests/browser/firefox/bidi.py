"""A small synchronous WebDriver BiDi client: enough of Firefox's remote agent for the browser tests.

The websocket lives in an asyncio loop on a thread of its own; `command()` sends one command and
blocks until its answer. `Tab` wraps one top-level browsing context: evaluate JavaScript in the
page, read elements with their shadow trees (closed ones too: BiDi serializes them the way the
inspector shows them), click and type with input actions (real, trusted events at the element's
place on screen).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import aiohttp

from tests.browser.harness import wait_for


class BidiError(RuntimeError):
    def __init__(self, method: str, reply: dict[str, Any]) -> None:
        super().__init__(f"{method}: {reply.get('error')}: {reply.get('message')}")
        self.error = reply.get("error")


class BidiClient:
    def __init__(self, url: str, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self._ids = itertools.count(1)
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="bidi", daemon=True)
        self._thread.start()
        self._run(self._connect(url))

    def _run(self, coro: Any, timeout: float | None = None) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout or self.timeout)

    async def _connect(self, url: str) -> None:
        self._http = aiohttp.ClientSession()
        self._ws = await self._http.ws_connect(url, max_msg_size=0)
        self._reader = asyncio.ensure_future(self._read())

    async def _read(self) -> None:
        async for msg in self._ws:
            if msg.type != aiohttp.WSMsgType.TEXT:
                continue
            data = json.loads(msg.data)
            future = self._pending.pop(data.get("id"), None)  # events have no id: not waited for here
            if future is not None and not future.done():
                future.set_result(data)
        for future in self._pending.values():
            if not future.done():
                future.set_exception(ConnectionError("the WebDriver BiDi connection closed"))

    async def _send(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        command_id = next(self._ids)
        future: asyncio.Future[dict[str, Any]] = self._loop.create_future()
        self._pending[command_id] = future
        await self._ws.send_str(json.dumps({"id": command_id, "method": method, "params": params}))
        return await future

    def command(self, method: str, params: dict[str, Any] | None = None, timeout: float | None = None) -> Any:
        reply = self._run(self._send(method, params or {}), timeout)
        if reply.get("type") == "error":
            raise BidiError(method, reply)
        return reply["result"]

    def close(self) -> None:
        async def shut() -> None:
            await self._ws.close()
            await self._http.close()

        try:
            self._run(shut(), 5)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(5)


class ScriptError(AssertionError):
    pass


# --- elements and their (closed) shadow trees, as BiDi serializes them ---------------------------

_INLINE = {"a", "span", "strong", "b", "em", "i", "code"}


def _value(node: dict[str, Any]) -> dict[str, Any]:
    return node.get("value") or {}


def walk(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """A serialized node, its children and its shadow tree, depth first."""
    yield node
    for child in _value(node).get("children") or []:
        yield from walk(child)
    shadow = _value(node).get("shadowRoot")
    if shadow:
        yield from walk(shadow)


def _raw_text(node: dict[str, Any]) -> str:
    value = _value(node)
    if value.get("nodeType") == 3:
        return str(value.get("nodeValue", ""))
    name = value.get("localName")
    if name in ("style", "script"):
        return ""
    parts = [_raw_text(c) for c in value.get("children") or []]
    if value.get("shadowRoot"):
        parts.append(_raw_text(value["shadowRoot"]))
    text = "".join(parts)
    return text if name in _INLINE else f" {text} "


def text_of(node: dict[str, Any]) -> str:
    """Rendered-ish text: inline elements run together, block elements are separated by a space."""
    return " ".join(_raw_text(node).split())


@dataclass
class ShadowWidget:
    """One shadow host drawn by the extension, with what its closed shadow root contains."""

    tag: str
    level: str
    reasons: list[str]
    text: str
    element_names: set[str]
    buttons: dict[str, str]  # button text -> shared id (for Tab.click)
    links: dict[str, str]  # link text -> href
    anchor_id: str | None
    shared_id: str


def shadow_widget(node: dict[str, Any]) -> ShadowWidget:
    value = _value(node)
    attrs = value.get("attributes") or {}
    inner = value.get("shadowRoot") or {"value": {"children": []}}
    names: set[str] = set()
    buttons: dict[str, str] = {}
    links: dict[str, str] = {}
    for n in walk(inner):
        v = _value(n)
        if v.get("nodeType") != 1:
            continue
        names.add(v["localName"])
        if v["localName"] == "button":
            buttons[text_of(n)] = n["sharedId"]
        if v["localName"] == "a":
            links[text_of(n)] = (v.get("attributes") or {}).get("href", "")
    return ShadowWidget(
        tag=value["localName"],
        level=attrs.get("data-kefuguard-level", ""),
        reasons=attrs.get("data-kefuguard-reasons", "").split(),
        text=text_of(inner),
        element_names=names,
        buttons=buttons,
        links=links,
        anchor_id=attrs.get("data-kefuguard-anchor"),
        shared_id=node["sharedId"],
    )


# --- one tab ----------------------------------------------------------------------------------------


class Tab:
    def __init__(self, bidi: BidiClient, context: str) -> None:
        self.bidi = bidi
        self.context = context

    def navigate(self, url: str) -> None:
        self.bidi.command("browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"})

    @property
    def url(self) -> str:
        [info] = self.bidi.command("browsingContext.getTree", {"root": self.context, "maxDepth": 0})["contexts"]
        return str(info["url"])

    def _evaluate(self, expression: str, **options: Any) -> dict[str, Any]:
        reply = self.bidi.command(
            "script.evaluate",
            {"expression": expression, "target": {"context": self.context}, "awaitPromise": True, **options},
        )
        if reply["type"] != "success":
            details = reply.get("exceptionDetails", {})
            raise ScriptError(f"{details.get('text')} in {expression[:200]}")
        return dict(reply["result"])

    def evaluate(self, function: str, *args: Any) -> Any:
        """Call a JavaScript function (source text) in the page with JSON arguments; its result as JSON."""
        arguments = ", ".join(json.dumps(a) for a in args)
        result = self._evaluate(f"(async () => JSON.stringify(await ({function})({arguments})))()")
        return json.loads(result["value"]) if result.get("type") == "string" else None

    def wait_for_function(self, function: str, *args: Any, timeout: float = 15.0) -> Any:
        value = wait_for(lambda: self.evaluate(function, *args), timeout=timeout)
        assert value, f"still false after {timeout} s: {function}"
        return value

    def elements(self, selector: str) -> list[dict[str, Any]]:
        """The elements matching `selector`, serialized with their whole (open and closed) shadow trees."""
        result = self._evaluate(
            f"[...document.querySelectorAll({json.dumps(selector)})]",
            serializationOptions={"maxDomDepth": None, "includeShadowTree": "all"},
        )
        return [dict(n) for n in result.get("value") or []]

    def widgets(self, tag: str | None = None) -> list[ShadowWidget]:
        """Every element carrying data-kefuguard-level, with its shadow contents."""
        found = [shadow_widget(n) for n in self.elements("[data-kefuguard-level]")]
        return [w for w in found if tag is None or w.tag == tag]

    def shared_id(self, selector: str) -> str:
        [node] = self.elements(selector)
        return str(node["sharedId"])

    def click(self, shared_id: str) -> None:
        """A real mouse click in the middle of the element (which may be inside a closed shadow root)."""
        origin = {"type": "element", "element": {"sharedId": shared_id}}
        self.bidi.command(
            "input.performActions",
            {
                "context": self.context,
                "actions": [
                    {
                        "type": "pointer",
                        "id": "mouse",
                        "parameters": {"pointerType": "mouse"},
                        "actions": [
                            {"type": "pointerMove", "x": 0, "y": 0, "origin": origin},
                            {"type": "pointerDown", "button": 0},
                            {"type": "pointerUp", "button": 0},
                        ],
                    }
                ],
            },
        )

    def type(self, selector: str, text: str) -> None:
        """Focus the element and type `text` into it, key by key."""
        self.click(self.shared_id(selector))
        self.keys(text)

    def keys(self, text: str) -> None:
        actions: list[dict[str, str]] = []
        for ch in text:
            actions += [{"type": "keyDown", "value": ch}, {"type": "keyUp", "value": ch}]
        self.bidi.command(
            "input.performActions",
            {"context": self.context, "actions": [{"type": "key", "id": "keyboard", "actions": actions}]},
        )

    def press_enter(self) -> None:
        self.keys("\ue007")

    def close(self) -> None:
        self.bidi.command("browsingContext.close", {"context": self.context})
