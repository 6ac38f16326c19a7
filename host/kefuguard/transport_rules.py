"""Which URLs kefuguard may connect to for a list, a feed or a report: HTTPS, or plain HTTP to
loopback (tests, a local mirror), or plain HTTP anywhere when managed config allows it. Pure
functions, below both the settings (which validate configured URLs) and the network code."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from kefuguard.errors import InputError


def is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_transport(url: str, allow_plain_http: bool) -> None:
    """HTTPS, or plain HTTP to loopback, or plain HTTP anywhere when managed config allows it."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and parts.hostname:
        if is_loopback_host(parts.hostname) or allow_plain_http:
            return
        raise InputError(
            f"plain HTTP is only allowed to loopback or by managed config: {url}", code="update.insecure_url"
        )
    raise InputError(f"update URLs must be https: {url}", code="update.insecure_url")
