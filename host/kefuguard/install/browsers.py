"""Where each browser looks for native-messaging host manifests, per OS and scope.

Sources: Chrome and Edge docs, chromium `chrome_paths.cc`, Mozilla `NativeManifests.sys.mjs`, and the
installers of KeePassXC, Bitwarden, browserpass and passff (collected in the team's research notes).

Path templates: `{config}` is $XDG_CONFIG_HOME (default ~/.config), `{home}` the home folder,
`{appsupport}` ~/Library/Application Support. System paths are absolute and are placed under the
context's system root. The user-level folder of a Chromium browser is always
`<user-data-dir>/NativeMessagingHosts` (chrome_paths.cc), which is reliable for every fork; the
system folder is a compile-time constant each fork may or may not have rebranded, so for Brave,
Vivaldi and Opera (no first-party documentation) we also write Chrome's, which they are reported
to read. Registry paths are below HKCU or HKLM and end in `NativeMessagingHosts`.
"""

from __future__ import annotations

from dataclasses import dataclass

from kefuguard.install import InstallError

CHROMIUM, FIREFOX = "chromium", "firefox"


@dataclass(frozen=True)
class Browser:
    key: str
    label: str
    family: str  # CHROMIUM (allowed_origins) or FIREFOX (allowed_extensions)
    linux_user: tuple[str, ...]
    linux_system: tuple[str, ...]
    mac_user: tuple[str, ...]
    mac_system: tuple[str, ...]
    win_keys: tuple[str, ...]
    # how to tell it is installed
    linux_executables: tuple[str, ...] = ()
    mac_apps: tuple[str, ...] = ()
    win_data: tuple[str, ...] = ()  # {localappdata} / {appdata} templates of its data folder
    # sandboxed builds
    flatpak_id: str | None = None
    flatpak_dir: str | None = None  # manifest folder inside ~/.var/app/<id>/
    snap: str | None = None

    @property
    def is_chromium(self) -> bool:
        return self.family == CHROMIUM


BROWSERS: dict[str, Browser] = {
    b.key: b
    for b in (
        Browser(
            key="chrome",
            label="Google Chrome",
            family=CHROMIUM,
            linux_user=("{config}/google-chrome/NativeMessagingHosts",),
            linux_system=("/etc/opt/chrome/native-messaging-hosts",),
            mac_user=("{appsupport}/Google/Chrome/NativeMessagingHosts",),
            mac_system=("/Library/Google/Chrome/NativeMessagingHosts",),
            win_keys=(r"SOFTWARE\Google\Chrome\NativeMessagingHosts",),
            linux_executables=("google-chrome", "google-chrome-stable"),
            mac_apps=("Google Chrome.app",),
            win_data=(r"{localappdata}\Google\Chrome\User Data",),
            flatpak_id="com.google.Chrome",
            flatpak_dir="config/google-chrome/NativeMessagingHosts",
        ),
        Browser(
            key="chromium",
            label="Chromium",
            family=CHROMIUM,
            linux_user=("{config}/chromium/NativeMessagingHosts",),
            linux_system=("/etc/chromium/native-messaging-hosts",),
            mac_user=("{appsupport}/Chromium/NativeMessagingHosts",),
            mac_system=("/Library/Application Support/Chromium/NativeMessagingHosts",),
            win_keys=(r"SOFTWARE\Chromium\NativeMessagingHosts",),
            linux_executables=("chromium", "chromium-browser"),
            mac_apps=("Chromium.app",),
            win_data=(r"{localappdata}\Chromium\User Data",),
            flatpak_id="org.chromium.Chromium",
            flatpak_dir="config/chromium/NativeMessagingHosts",
            snap="chromium",
        ),
        Browser(
            key="edge",
            label="Microsoft Edge",
            family=CHROMIUM,
            linux_user=("{config}/microsoft-edge/NativeMessagingHosts",),
            linux_system=("/etc/opt/edge/native-messaging-hosts",),
            mac_user=("{appsupport}/Microsoft Edge/NativeMessagingHosts",),
            mac_system=("/Library/Microsoft/Edge/NativeMessagingHosts",),
            win_keys=(r"SOFTWARE\Microsoft\Edge\NativeMessagingHosts",),
            linux_executables=("microsoft-edge", "microsoft-edge-stable"),
            mac_apps=("Microsoft Edge.app",),
            win_data=(r"{localappdata}\Microsoft\Edge\User Data",),
            flatpak_id="com.microsoft.Edge",
            flatpak_dir="config/microsoft-edge/NativeMessagingHosts",
        ),
        Browser(
            key="brave",
            label="Brave",
            family=CHROMIUM,
            linux_user=("{config}/BraveSoftware/Brave-Browser/NativeMessagingHosts",),
            linux_system=("/etc/opt/brave.com/brave/native-messaging-hosts", "/etc/opt/chrome/native-messaging-hosts"),
            # users report Brave on macOS reading Chrome's folder (browserpass-native#43, brave-core#53)
            mac_user=(
                "{appsupport}/BraveSoftware/Brave-Browser/NativeMessagingHosts",
                "{appsupport}/Google/Chrome/NativeMessagingHosts",
            ),
            mac_system=("/Library/Google/Chrome/NativeMessagingHosts",),
            win_keys=(
                r"SOFTWARE\BraveSoftware\Brave-Browser\NativeMessagingHosts",
                r"SOFTWARE\Google\Chrome\NativeMessagingHosts",
            ),
            linux_executables=("brave-browser", "brave"),
            mac_apps=("Brave Browser.app",),
            win_data=(r"{localappdata}\BraveSoftware\Brave-Browser\User Data",),
            flatpak_id="com.brave.Browser",
            flatpak_dir="config/BraveSoftware/Brave-Browser/NativeMessagingHosts",
            snap="brave",
        ),
        Browser(
            key="vivaldi",
            label="Vivaldi",
            family=CHROMIUM,
            linux_user=("{config}/vivaldi/NativeMessagingHosts",),
            linux_system=("/etc/opt/vivaldi/native-messaging-hosts", "/etc/opt/chrome/native-messaging-hosts"),
            mac_user=("{appsupport}/Vivaldi/NativeMessagingHosts",),
            mac_system=("/Library/Google/Chrome/NativeMessagingHosts",),
            win_keys=(r"SOFTWARE\Vivaldi\NativeMessagingHosts", r"SOFTWARE\Google\Chrome\NativeMessagingHosts"),
            linux_executables=("vivaldi", "vivaldi-stable"),
            mac_apps=("Vivaldi.app",),
            win_data=(r"{localappdata}\Vivaldi\User Data",),
            flatpak_id="com.vivaldi.Vivaldi",
            flatpak_dir="config/vivaldi/NativeMessagingHosts",
            snap="vivaldi",
        ),
        Browser(
            key="opera",
            label="Opera",
            family=CHROMIUM,
            # Opera's docs name Chrome's system folder (macOS) and registry key (Windows)
            linux_user=("{config}/opera/NativeMessagingHosts",),
            linux_system=("/etc/opt/chrome/native-messaging-hosts",),
            mac_user=("{appsupport}/com.operasoftware.Opera/NativeMessagingHosts",),
            mac_system=("/Library/Google/Chrome/NativeMessagingHosts",),
            win_keys=(r"SOFTWARE\Google\Chrome\NativeMessagingHosts",),
            linux_executables=("opera",),
            mac_apps=("Opera.app",),
            win_data=(r"{appdata}\Opera Software\Opera Stable",),
            flatpak_id="com.opera.Opera",
            flatpak_dir="config/opera/NativeMessagingHosts",
            snap="opera",
        ),
        Browser(
            key="firefox",
            label="Firefox",
            family=FIREFOX,
            linux_user=("{home}/.mozilla/native-messaging-hosts",),
            # compile-time choice (nsXREDirProvider.cpp): /usr/lib, or /usr/lib64 on some distributions
            linux_system=("/usr/lib/mozilla/native-messaging-hosts", "?/usr/lib64/mozilla/native-messaging-hosts"),
            mac_user=("{appsupport}/Mozilla/NativeMessagingHosts",),
            mac_system=("/Library/Application Support/Mozilla/NativeMessagingHosts",),
            win_keys=(r"SOFTWARE\Mozilla\NativeMessagingHosts",),
            linux_executables=("firefox", "firefox-esr"),
            mac_apps=("Firefox.app",),
            win_data=(r"{appdata}\Mozilla\Firefox",),
            flatpak_id="org.mozilla.firefox",
            flatpak_dir=".mozilla/native-messaging-hosts",
            snap="firefox",
        ),
    )
}

BROWSER_KEYS: tuple[str, ...] = tuple(BROWSERS)


def parse_browsers(values: list[str] | None) -> list[Browser]:
    """`--browser chrome --browser edge,brave` or `all`; None or empty means all."""
    names: list[str] = []
    for v in values or ["all"]:
        names.extend(n.strip().lower() for n in v.split(",") if n.strip())
    if "all" in names:
        return list(BROWSERS.values())
    unknown = [n for n in names if n not in BROWSERS]
    if unknown:
        raise InstallError(
            f"unknown browser {', '.join(unknown)}; choose from {', '.join(BROWSER_KEYS)} or all",
            code="install.unknown_browser",
        )
    return [BROWSERS[n] for n in dict.fromkeys(names)]
