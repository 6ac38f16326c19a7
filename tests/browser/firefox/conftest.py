"""One Firefox (Debian's firefox-esr) with the extension and the real host for the whole package.

The host is registered the way a user does it: `kefuguard install --browser firefox` writes the
launcher and `~/.mozilla/native-messaging-hosts/org.kefuguard.host.json` (with
`allowed_extensions`), here under a temporary HOME that Firefox runs with too, so nothing of the
real user's is read or written. Firefox is driven over WebDriver BiDi (`bidi.py`): the extension
is installed as a temporary add-on (`webExtension.install`, no signing), and its pages are opened
in tabs at their moz-extension:// address (the add-on's internal UUID is preset in user.js).

Pages come from the loopback page server of the Chromium tests; user.js makes Firefox resolve every
host name to 127.0.0.1 (`network.dns.forceResolve`) and turns off what would phone home, so the
tests use nothing but loopback. Skipped, with the reason, when no Firefox is installed
(scripts/test installs firefox-esr as root) or it is too old for these BiDi commands.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kefuguard.install.launcher import HOST_CODE
from tests.browser.firefox.bidi import BidiClient, BidiError, Tab
from tests.browser.harness import EXTENSION_DIR, PageServer, wait_for

GECKO_ID = "kefuguard@kefu-guard.org"  # browser_specific_settings.gecko.id in extension/manifest.json
EXTENSION_UUID = str(uuid.uuid4())
EXTENSION_ORIGIN = f"moz-extension://{EXTENSION_UUID}/"

PREFS: dict[str, Any] = {
    # every host name is 127.0.0.1 (the page server), no proxy, no DNS over HTTPS, plain http stays http
    "network.dns.forceResolve": "127.0.0.1",
    "network.proxy.type": 0,
    "network.trr.mode": 5,
    "network.dns.disablePrefetch": True,
    "network.prefetch-next": False,
    "network.http.speculative-parallel-limit": 0,
    "browser.urlbar.speculativeConnect.enabled": False,
    "dom.security.https_first": False,
    "dom.security.https_first_schemeless": False,
    "dom.security.https_only_mode": False,
    # nothing phones home: updates, telemetry, studies, remote settings, captive portal, safe browsing
    "app.update.auto": False,
    "app.update.disabledForTesting": True,
    "app.update.checkInstallTime": False,
    "app.update.staging.enabled": False,
    "app.normandy.enabled": False,
    "app.normandy.api_url": "",
    "app.shield.optoutstudies.enabled": False,
    "nimbus.rollouts.enabled": False,
    "datareporting.healthreport.uploadEnabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "datareporting.policy.firstRunURL": "",
    "toolkit.telemetry.enabled": False,
    "toolkit.telemetry.unified": False,
    "toolkit.telemetry.archive.enabled": False,
    "toolkit.telemetry.server": "",
    "toolkit.telemetry.newProfilePing.enabled": False,
    "toolkit.telemetry.shutdownPingSender.enabled": False,
    "toolkit.telemetry.firstShutdownPing.enabled": False,
    "toolkit.telemetry.updatePing.enabled": False,
    "toolkit.telemetry.bhrPing.enabled": False,
    "browser.ping-centre.telemetry": False,
    "services.settings.server": "data:,#remote-settings-dummy/v1",
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.downloads.enabled": False,
    "browser.safebrowsing.downloads.remote.enabled": False,
    "browser.safebrowsing.blockedURIs.enabled": False,
    "browser.safebrowsing.update.enabled": False,
    "extensions.update.enabled": False,
    "extensions.getAddons.cache.enabled": False,
    "extensions.systemAddon.update.enabled": False,
    "extensions.blocklist.enabled": False,
    "browser.search.update": False,
    "browser.region.update.enabled": False,
    "browser.region.network.url": "",
    "geo.provider.network.url": "",
    "media.gmp-manager.updateEnabled": False,
    "media.gmp-manager.url": "",
    "security.OCSP.enabled": 0,
    "security.remote_settings.crlite_filters.enabled": False,
    "security.remote_settings.intermediates.enabled": False,
    "browser.newtabpage.enabled": False,
    "browser.newtabpage.activity-stream.feeds.system.topstories": False,
    "browser.newtabpage.activity-stream.feeds.telemetry": False,
    "browser.newtabpage.activity-stream.telemetry": False,
    "browser.topsites.contile.enabled": False,
    "browser.startup.page": 0,
    "browser.startup.homepage": "about:blank",
    "startup.homepage_welcome_url": "",
    "startup.homepage_welcome_url.additional": "",
    "browser.aboutwelcome.enabled": False,
    "browser.shell.checkDefaultBrowser": False,
    # the extension's internal UUID, so its pages have a known moz-extension:// address
    "extensions.webextensions.uuids": json.dumps({GECKO_ID: EXTENSION_UUID}),
}


def firefox_executable() -> str | None:
    for name in ("firefox-esr", "firefox"):
        found = shutil.which(name)
        if found:
            return found
    return None


def write_user_js(profile: Path) -> None:
    profile.mkdir(parents=True, exist_ok=True)
    lines = [f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in PREFS.items()]
    (profile / "user.js").write_text("".join(lines))


def install_host(env: dict[str, str]) -> dict[str, Any]:
    """`kefuguard install --browser firefox`, as a user runs it (the environment's HOME is a temp dir)."""
    done = subprocess.run(
        [sys.executable, "-m", "kefuguard", "install", "--browser", "firefox", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


class FirefoxBrowser:
    """One Firefox with the extension and the host; `control` is an extension page for API calls."""

    def __init__(self, base: Path, server: PageServer) -> None:
        self.server = server
        self.home = base / "home"  # HOME of `kefuguard install` and of Firefox
        self.kefuguard_home = base / "kefuguard"
        self.profile = base / "profile"
        self.home.mkdir(parents=True)
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "MOZ_", "KEFUGUARD_"))},
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "KEFUGUARD_HOME": str(self.kefuguard_home),
            "KEFUGUARD_MANAGED_CONFIG": str(base / "no-managed.toml"),
        }
        self.install_report = install_host(self.env)
        write_user_js(self.profile)
        self.log = (base / "firefox.log").open("w")
        executable = firefox_executable()
        assert executable
        self.process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--no-remote",
                "--profile",
                str(self.profile),
                "--remote-debugging-port=0",  # the port it chose is written to WebDriverBiDiServer.json
                # lets BiDi open the extension's own pages (moz-extension://) in a tab
                "--remote-allow-system-access",
            ],
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        self.bidi: BidiClient | None = None
        try:
            self._start()
        except BaseException:  # a skip too: Firefox does not outlive a failed start
            self.close()
            raise

    def _start(self) -> None:
        self.bidi = BidiClient(f"ws://127.0.0.1:{self._bidi_port()}/session")
        self.bidi.command("session.new", {"capabilities": {}})
        try:
            installed = self.bidi.command(
                "webExtension.install", {"extensionData": {"type": "path", "path": str(EXTENSION_DIR)}}
            )
        except BidiError as e:
            if e.error == "unknown command":
                pytest.skip(f"this Firefox cannot install add-ons over WebDriver BiDi ({e})")
            raise
        assert installed["extension"] == GECKO_ID
        [first] = self.bidi.command("browsingContext.getTree", {"maxDepth": 0})["contexts"]
        self.control = Tab(self.bidi, first["context"])
        # a page of the extension that changes nothing (where "Leave this page" goes)
        self.control.navigate(f"{EXTENSION_ORIGIN}ui/left.html")
        self.control.wait_for_function("() => document.getElementById('left').dataset.ready === 'true'")

    def _bidi_port(self) -> int:
        info = self.profile / "WebDriverBiDiServer.json"

        def port() -> int | None:
            if self.process.poll() is not None:
                raise AssertionError(f"Firefox exited ({self.process.returncode}): see {self.log.name}")
            try:
                return int(json.loads(info.read_text())["ws_port"])
            except (OSError, ValueError, KeyError):
                return None

        found = wait_for(port, timeout=60, interval=0.1)
        assert found, f"Firefox did not start WebDriver BiDi: see {self.log.name}"
        return int(found)

    # --- tabs ---------------------------------------------------------------------------------------

    def new_tab(self) -> Tab:
        assert self.bidi is not None
        context = self.bidi.command("browsingContext.create", {"type": "tab"})["context"]
        return Tab(self.bidi, context)

    def url(self, host: str, path: str) -> str:
        return self.server.url(host, path)

    def open(self, host: str, path: str) -> Tab:
        tab = self.new_tab()
        tab.navigate(self.url(host, path))
        return tab

    def api(self, function: str, *args: Any) -> Any:
        """Run `function` in an extension page (with the `browser` API); its result as JSON."""
        return self.control.evaluate(function, *args)

    def tab_id(self, tab: Tab) -> int:
        url = tab.url
        tab_id = self.api(
            "async (url) => { const t = (await browser.tabs.query({})).find((t) => t.url === url);"
            " return t ? t.id : null; }",
            url,
        )
        assert tab_id is not None, f"no tab shows {url}"
        return int(tab_id)

    def badge(self, tab_id: int) -> dict[str, str]:
        return dict(
            self.api(
                "async (tabId) => ({text: await browser.action.getBadgeText({tabId}),"
                " title: await browser.action.getTitle({tabId})})",
                tab_id,
            )
        )

    def stats(self) -> dict[str, Any]:
        return dict(self.api("() => browser.runtime.sendMessage({kind: 'debug_stats'})"))

    def popup(self, tab_id: int | None = None) -> Tab:
        query = f"?tab={tab_id}" if tab_id is not None else ""
        tab = self.new_tab()
        tab.navigate(f"{EXTENSION_ORIGIN}ui/popup.html{query}")
        tab.wait_for_function("() => document.getElementById('popup').dataset.ready === 'true'")
        return tab

    # --- processes ----------------------------------------------------------------------------------

    def processes(self) -> list[int]:
        """Firefox and every process below it (its content processes, the hosts it started)."""
        children: dict[int, list[int]] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        found, todo = [], [self.process.pid]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo.extend(children.get(pid, []))
        return found

    def host_processes(self) -> list[int]:
        """Running `kefuguard host` processes that this Firefox started."""
        hosts = []
        for pid in self.processes():
            try:
                argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            # the launcher's `python -P -S -c HOST_CODE ...`, or `-m kefuguard host` of a hand-made one
            if HOST_CODE.encode() in argv or (b"kefuguard" in argv and b"host" in argv):
                hosts.append(pid)
        return hosts

    def close(self) -> None:
        closed = False
        if self.bidi is not None:
            try:
                self.bidi.command("browser.close", {}, timeout=15)
                closed = True
            except Exception:
                pass
            try:
                self.bidi.close()
            except Exception:
                pass
        if not closed and self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        self.log.close()


@pytest.fixture(scope="package")
def firefox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FirefoxBrowser]:
    if firefox_executable() is None:
        pytest.skip("no Firefox on this machine (scripts/test installs Debian's firefox-esr as root)")
    with PageServer() as server:
        browser = FirefoxBrowser(tmp_path_factory.mktemp("firefox"), server)
        yield browser
        browser.close()


@pytest.fixture
def open_tab(firefox: FirefoxBrowser) -> Iterator[Callable[[str, str], Tab]]:
    """Open pages in tabs of the shared Firefox; they are closed after the test."""
    tabs: list[Tab] = []

    def opener(host: str, path: str) -> Tab:
        tab = firefox.open(host, path)
        tabs.append(tab)
        return tab

    yield opener
    for tab in tabs:
        try:
            tab.close()
        except BidiError:
            pass  # closed by the test


@pytest.fixture
def open_popup(firefox: FirefoxBrowser) -> Iterator[Callable[[int | None], Tab]]:
    tabs: list[Tab] = []

    def opener(tab_id: int | None = None) -> Tab:
        tab = firefox.popup(tab_id)
        tabs.append(tab)
        return tab

    yield opener
    for tab in tabs:
        try:
            tab.close()
        except BidiError:
            pass
