"""Drive the real extension in the system Chromium with the real host registered for it.

Chromium looks for per-user native-messaging host manifests in `<user-data-dir>/NativeMessagingHosts/`,
so every launch gets its own profile, its own KEFUGUARD_HOME and a launcher script that records the
host's pid (the launcher execs the host, so the pid stays the same). Pages come from a local HTTP
server on 127.0.0.1; `--host-resolver-rules` maps every name to it, so a page can be served as
http://taobao-kefu.com:PORT/ or http://www.taobao.com:PORT/ without any other network.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
EXTENSION_DIR = REPO / "extension"
PAGES_DIR = Path(__file__).resolve().parent / "pages"
HOST_NAME = "org.kefuguard.host"
# the id Chromium derives from the public key pinned in extension/manifest.json ("key")
EXTENSION_ID = "hkddamnmmkmiballgkedofoimpkjkbgm"
EXTENSION_ORIGIN = f"chrome-extension://{EXTENSION_ID}/"


def chromium_executable() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium_args(extension_dir: Path | None = EXTENSION_DIR, lang: str = "en-US") -> list[str]:
    """Flags for a headless Chromium on this machine; `extension_dir=None` gives one without the extension."""
    load = (
        [f"--load-extension={extension_dir}", f"--disable-extensions-except={extension_dir}"] if extension_dir else []
    )
    return load + [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable",
        "--host-resolver-rules=MAP * 127.0.0.1",
        f"--lang={lang}",
    ]


def register_host(profile: Path, home: Path, python: str = sys.executable) -> Path:
    """Write the launcher and the host manifest into `profile`; returns the pid file the launcher appends to."""
    hosts = profile / "NativeMessagingHosts"
    hosts.mkdir(parents=True, exist_ok=True)
    home.mkdir(parents=True, exist_ok=True)
    pid_file = home / "host-pids"
    launcher = home / "kefuguard-host"
    launcher.write_text(
        "#!/bin/sh\n"
        f'export KEFUGUARD_HOME="{home}"\n'
        f'export KEFUGUARD_MANAGED_CONFIG="{home}/no-managed.toml"\n'
        f'echo $$ >> "{pid_file}"\n'
        f'exec "{python}" -m kefuguard host "$@"\n'
    )
    launcher.chmod(0o755)
    manifest = {
        "name": HOST_NAME,
        "description": "kefu-guard native host (browser tests)",
        "path": str(launcher),
        "type": "stdio",
        "allowed_origins": [EXTENSION_ORIGIN],
    }
    (hosts / f"{HOST_NAME}.json").write_text(json.dumps(manifest, indent=2))
    return pid_file


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


class PageServer:
    """The test pages over real HTTP on 127.0.0.1, whatever host name the browser asked for."""

    def __init__(self, directory: Path = PAGES_DIR) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory)))
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> PageServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, host: str, path: str = "/") -> str:
        return f"http://{host}:{self.port}{path}"


@dataclass
class ExtensionBrowser:
    """One Chromium with the extension loaded, its service worker and the host's bookkeeping."""

    context: Any
    worker: Any
    server: PageServer
    home: Path
    pid_file: Path
    downloads: Path
    console: list[str] = field(default_factory=list)

    def url(self, host: str, path: str) -> str:
        return self.server.url(host, path)

    def open(self, host: str, path: str) -> Any:
        page = self.context.new_page()
        page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        page.goto(self.url(host, path))
        return page

    def tab_id(self, page: Any) -> int:
        tab_id = self.worker.evaluate(
            "async (url) => { const tabs = await chrome.tabs.query({});"
            " const t = tabs.find((t) => t.url === url); return t ? t.id : null; }",
            page.url,
        )
        assert tab_id is not None, f"no tab shows {page.url}"
        return int(tab_id)

    def badge(self, tab_id: int) -> dict[str, str]:
        return self.worker.evaluate(
            "async (tabId) => ({text: await chrome.action.getBadgeText({tabId}),"
            " title: await chrome.action.getTitle({tabId})})",
            tab_id,
        )

    def stats(self) -> dict[str, Any]:
        return self.worker.evaluate("async () => (await globalThis.kefuguardBackground.debug_stats())")

    def host_pids(self) -> list[int]:
        """Pids of host processes started for this browser that are still running."""
        if not self.pid_file.exists():
            return []
        alive = []
        for line in self.pid_file.read_text().split():
            pid = int(line)
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if b"kefuguard" in cmdline:
                alive.append(pid)
        return alive

    def popup(self, tab_id: int | None = None) -> Any:
        page = self.context.new_page()
        query = f"?tab={tab_id}" if tab_id is not None else ""
        page.set_viewport_size({"width": 380, "height": 760})
        page.goto(f"{EXTENSION_ORIGIN}ui/popup.html{query}")
        page.wait_for_selector("#popup[data-ready='true']", timeout=15000)
        return page


def launch(
    playwright: Any,
    profile: Path,
    home: Path,
    server: PageServer,
    *,
    with_host: bool = True,
    lang: str = "en-US",
    extension_dir: Path = EXTENSION_DIR,
) -> ExtensionBrowser:
    executable = chromium_executable()
    assert executable, "no Chromium found"
    profile.mkdir(parents=True, exist_ok=True)
    home.mkdir(parents=True, exist_ok=True)
    pid_file = register_host(profile, home) if with_host else home / "host-pids"
    downloads = use_downloads_folder(profile, home / "downloads")
    context = playwright.chromium.launch_persistent_context(
        str(profile),
        headless=True,
        executable_path=executable,
        args=chromium_args(extension_dir, lang=lang),
        viewport={"width": 1100, "height": 720},
    )
    worker = next((w for w in context.service_workers if w.url.startswith(EXTENSION_ORIGIN)), None)
    if worker is None:
        worker = context.wait_for_event("serviceworker", timeout=15000)
    assert worker.url.startswith(EXTENSION_ORIGIN), f"unexpected extension id: {worker.url}"
    # Playwright takes over downloads (saved under generated names in a folder of its own): give
    # them back to the browser, which saves the extension's downloads (chrome.downloads) under the
    # names it chose, in the profile's download folder
    page = context.pages[0] if context.pages else context.new_page()
    cdp = context.new_cdp_session(page)
    try:
        cdp.send("Browser.setDownloadBehavior", {"behavior": "default"})
    finally:
        cdp.detach()
    return ExtensionBrowser(
        context=context, worker=worker, server=server, home=home, pid_file=pid_file, downloads=downloads
    )


def use_downloads_folder(profile: Path, folder: Path) -> Path:
    """Make `folder` the profile's download folder, saved without asking (a new profile's preferences)."""
    folder.mkdir(parents=True, exist_ok=True)
    preferences = profile / "Default" / "Preferences"
    if not preferences.exists():
        preferences.parent.mkdir(parents=True, exist_ok=True)
        settings = {"download": {"default_directory": str(folder), "prompt_for_download": False}}
        preferences.write_text(json.dumps(settings))
    return folder


# --- seeing inside closed shadow roots -----------------------------------------------------------
# Page scripts (and Playwright's locators) cannot enter a closed shadow root; the DevTools protocol
# can (DOM.getDocument with pierce), which is what a user's inspector shows too.


@dataclass
class ShadowWidget:
    """One shadow host drawn by the extension, with what its closed shadow root contains."""

    tag: str
    level: str
    reasons: list[str]
    text: str
    element_names: set[str]
    buttons: dict[str, int]  # button text -> backend node id
    links: dict[str, str]  # link text -> href
    backend_node_id: int
    anchor_id: str | None


def _attributes(node: dict[str, Any]) -> dict[str, str]:
    attrs = node.get("attributes", [])
    return dict(zip(attrs[::2], attrs[1::2], strict=False))


def _walk(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("children", []):
        yield from _walk(child)
    for shadow in node.get("shadowRoots", []):
        yield from _walk(shadow)
    if "contentDocument" in node:
        yield from _walk(node["contentDocument"])


_INLINE = {"A", "SPAN", "STRONG", "B", "EM", "I", "CODE"}


def _raw_text(node: dict[str, Any]) -> str:
    if node.get("nodeType") == 3:
        return node.get("nodeValue", "")
    if node.get("nodeName") in ("STYLE", "SCRIPT"):
        return ""
    parts = [_raw_text(c) for c in node.get("children", [])] + [_raw_text(r) for r in node.get("shadowRoots", [])]
    text = "".join(parts)
    return text if node.get("nodeName") in _INLINE else f" {text} "


def _text_of(node: dict[str, Any]) -> str:
    """Rendered-ish text: inline elements run together, block elements are separated by a space."""
    return " ".join(_raw_text(node).split())


def shadow_widgets(page: Any) -> list[ShadowWidget]:
    """Every element carrying data-kefuguard-level in the page (and its frames), with its shadow contents."""
    cdp = page.context.new_cdp_session(page)
    try:
        document = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
    finally:
        cdp.detach()
    widgets: list[ShadowWidget] = []
    for parent in _walk(document):
        children = parent.get("children", [])
        for node in children:
            attrs = _attributes(node)
            if "data-kefuguard-level" not in attrs:
                continue
            roots = node.get("shadowRoots", [])
            inner = roots[0] if roots else {"children": []}
            names: set[str] = set()
            buttons: dict[str, int] = {}
            links: dict[str, str] = {}
            for n in _walk(inner):
                if n.get("nodeType") == 1:
                    names.add(n["nodeName"].lower())
                    if n["nodeName"] == "BUTTON":
                        buttons[_text_of(n)] = n["backendNodeId"]
                    if n["nodeName"] == "A":
                        links[_text_of(n)] = _attributes(n).get("href", "")
            widgets.append(
                ShadowWidget(
                    tag=node["nodeName"].lower(),
                    level=attrs["data-kefuguard-level"],
                    reasons=attrs.get("data-kefuguard-reasons", "").split(),
                    text=_text_of(inner),
                    element_names=names,
                    buttons=buttons,
                    links=links,
                    backend_node_id=node["backendNodeId"],
                    anchor_id=attrs.get("data-kefuguard-anchor"),
                )
            )
    return widgets


def click_backend_node(page: Any, backend_node_id: int) -> None:
    """Click the middle of a node (also inside a closed shadow root) with the real mouse."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.getDocument", {"depth": 0})
        quad = cdp.send("DOM.getBoxModel", {"backendNodeId": backend_node_id})["model"]["border"]
    finally:
        cdp.detach()
    x = (quad[0] + quad[2] + quad[4] + quad[6]) / 4
    y = (quad[1] + quad[3] + quad[5] + quad[7]) / 4
    page.mouse.click(x, y)


class ContentScriptWorld:
    """Evaluate JavaScript in the extension's content-script world of a page's main frame, or of one
    of its frames, as the content script itself would (through the DevTools protocol: pages cannot
    reach that world). A cross-origin frame runs in its own process: it gets its own session."""

    def __init__(self, page: Any, frame: Any = None) -> None:
        own_process = frame is not None and frame is not page.main_frame and _out_of_process(page, frame)
        self.cdp = page.context.new_cdp_session(frame if own_process else page)
        contexts: list[dict[str, Any]] = []
        self.cdp.on("Runtime.executionContextCreated", lambda e: contexts.append(e["context"]))
        self.cdp.send("Runtime.enable")
        page.wait_for_timeout(100)
        ours = [c for c in contexts if c["name"] == "kefu-guard" and c.get("auxData", {}).get("isDefault") is False]
        if frame is not None and not own_process:
            frame_id = _cdp_frame_id(self.cdp, frame)
            ours = [c for c in ours if c.get("auxData", {}).get("frameId") == frame_id]
        elif not own_process:
            main_id = self.cdp.send("Page.getFrameTree")["frameTree"]["frame"]["id"]
            ours = [c for c in ours if c.get("auxData", {}).get("frameId") == main_id]
        assert ours, f"no content script world in {(frame or page).url}"
        self.context_id = ours[0]["id"]

    def evaluate(self, expression: str) -> Any:
        reply = self.cdp.send(
            "Runtime.evaluate",
            {"expression": expression, "contextId": self.context_id, "awaitPromise": True, "returnByValue": True},
        )
        assert "exceptionDetails" not in reply, reply
        return reply["result"].get("value")

    def close(self) -> None:
        self.cdp.detach()


def _out_of_process(page: Any, frame: Any) -> bool:
    """Whether `frame` is an out-of-process iframe (then only a session of its own reaches it)."""
    try:
        session = page.context.new_cdp_session(frame)
    except Exception:  # Playwright refuses a session for an in-process frame
        return False
    session.detach()
    return True


def _cdp_frame_id(cdp: Any, frame: Any) -> str:
    """The DevTools frame id of a Playwright frame in the same process, by its place in the tree."""
    path = []
    f = frame
    while f.parent_frame is not None:
        path.append(f.parent_frame.child_frames.index(f))
        f = f.parent_frame
    node = cdp.send("Page.getFrameTree")["frameTree"]
    for index in reversed(path):
        node = node.get("childFrames", [])[index]
    return str(node["frame"]["id"])


def wait_for(predicate: Any, timeout: float = 10.0, interval: float = 0.05) -> Any:
    """Poll `predicate` until it returns something truthy; its last value otherwise (for the assert message).

    Playwright's sync API handles browser events only inside its own calls: a predicate that reads
    local state only (context.pages) must make a call (an evaluate) to see anything new.
    """
    deadline = time.monotonic() + timeout
    value = predicate()
    while not value and time.monotonic() < deadline:
        time.sleep(interval)
        value = predicate()
    return value


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def running_worker(context: Any, timeout_s: float = 15) -> Any:
    """The extension's service worker that answers now: a new one after the browser stopped the old
    (Playwright may still list a stopped worker)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for worker in reversed(context.service_workers):
            if worker.url.startswith(EXTENSION_ORIGIN):
                try:
                    worker.evaluate("1")
                    return worker
                except Exception:  # stopped meanwhile
                    continue
        time.sleep(0.05)
    raise AssertionError("no running extension worker")
