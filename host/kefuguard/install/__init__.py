"""Native-messaging host manifests and registry entries for each browser and OS; `doctor`.

Layout: `browsers` (where each browser looks), `context` (the machine we install on, injectable
for tests), `locations` (what to write where), `manifest`, `launcher`, `registry`, `record`
(what an install wrote, so uninstall removes exactly that), `installer`, `sandbox` (Flatpak and
Snap), `probe` (talk to a host through a real pipe), `discover` (which browsers are here and which
manifest each would read), `doctor`, `console` (what the CLI prints).
"""

from __future__ import annotations

from kefuguard.errors import KefuguardError

HOST_NAME = "org.kefuguard.host"
HOST_DESCRIPTION = "kefu-guard: checks links and chats for fake customer service"
FIREFOX_EXTENSION_ID = "kefuguard@kefu-guard.org"


class InstallError(KefuguardError):
    """The install cannot be done as asked (no extension id, no rights, unsupported option...)."""

    code = "install.failed"
