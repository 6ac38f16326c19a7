"""Flatpak and Snap browsers: they cannot see a host installed the normal way. Detect and explain.

Flatpak (xdg-desktop-portal#655): the sandbox hides host programs and host manifest folders. The
workaround Bitwarden and others use is a manifest inside ~/.var/app/<id>/ whose launcher calls
`flatpak-spawn --host`; that works only after the user lets the browser talk to
org.freedesktop.Flatpak, which lets it run any command outside its sandbox. So we write those
files only on request (`--flatpak`) and never change the browser's permissions ourselves.

Snap Firefox (Ubuntu 22.04+) reaches hosts through the WebExtensions portal, which reads the
normal folders after the user agrees in a prompt (keepassxc#8756). Other snaps generally cannot.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kefuguard.install import HOST_NAME
from kefuguard.install.browsers import Browser
from kefuguard.install.context import LINUX, InstallContext
from kefuguard.install.locations import MANIFEST_FILE

FLATPAK_WRAPPER = "kefuguard-host-flatpak"


@dataclass(frozen=True)
class SandboxNote:
    browser: str
    kind: str  # "flatpak" or "snap"
    where: str  # what we found
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"browser": self.browser, "kind": self.kind, "where": self.where, "message": self.message}


def flatpak_app_dir(ctx: InstallContext, browser: Browser) -> Path | None:
    if ctx.platform != LINUX or not browser.flatpak_id:
        return None
    d = ctx.home / ".var" / "app" / browser.flatpak_id
    return d if d.is_dir() else None


def snap_found(ctx: InstallContext, browser: Browser) -> Path | None:
    if ctx.platform != LINUX or not browser.snap:
        return None
    for p in (ctx.system_path(f"/snap/bin/{browser.snap}"), ctx.home / "snap" / browser.snap):
        if p.exists():
            return p
    return None


def flatpak_paths(app_dir: Path, browser: Browser) -> tuple[Path, Path]:
    """(manifest, wrapper) inside the app's own folder, which the sandbox sees at the same path."""
    assert browser.flatpak_dir
    return app_dir / browser.flatpak_dir / MANIFEST_FILE, app_dir / "data" / "kefuguard" / FLATPAK_WRAPPER


def sandbox_notes(ctx: InstallContext, browser: Browser, flatpak_written: bool = False) -> list[SandboxNote]:
    notes: list[SandboxNote] = []
    app_dir = flatpak_app_dir(ctx, browser)
    if app_dir is not None:
        app = browser.flatpak_id
        if flatpak_written:
            msg = (
                f"Flatpak {browser.label}: wrote a manifest inside {app_dir} whose launcher starts the host outside "
                f"the sandbox with flatpak-spawn. It works only after you allow it: "
                f"`flatpak override --user --talk-name=org.freedesktop.Flatpak {app}` (this lets the browser run "
                "any command outside its sandbox; undo with `flatpak override --user --reset " + f"{app}`)."
            )
        else:
            msg = (
                f"Flatpak {browser.label} ({app}) cannot see hosts installed outside its sandbox. Use the browser's "
                f"regular package, or run `kefuguard install --browser {browser.key} --flatpak` and then allow it with "
                f"`flatpak override --user --talk-name=org.freedesktop.Flatpak {app}` (this lets the browser run any "
                "command outside its sandbox)."
            )
        notes.append(SandboxNote(browser.key, "flatpak", str(app_dir), msg))
    snap = snap_found(ctx, browser)
    if snap is not None:
        if browser.key == "firefox":
            msg = (
                "Snap Firefox starts hosts through the WebExtensions portal (Ubuntu 22.04 or later): the manifest in "
                "~/.mozilla/native-messaging-hosts is used after you click Allow in the prompt Firefox shows. If you "
                f"refused, allow it again: `flatpak permission-set webextensions {HOST_NAME} snap.firefox yes`."
            )
        else:
            msg = (
                f"Snap {browser.label} runs in a strict sandbox and usually cannot start native hosts. If the "
                "extension says the host is not found, use the browser's .deb/.rpm package or the vendor's build."
            )
        notes.append(SandboxNote(browser.key, "snap", str(snap), msg))
    return notes
