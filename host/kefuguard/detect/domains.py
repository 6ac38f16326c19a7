"""URL and host parsing: registrable domain from tldextract's bundled suffix list, never the network."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from kefuguard.errors import InputError
from kefuguard.normalize import normalize_domain

MAX_URL_CHARS = 8192
WEB_SCHEMES = ("http", "https")

_extractor: Any = None


def _tld_extractor() -> Any:
    """Built on first use: importing tldextract costs ~130 ms, which a host's start must not pay."""
    global _extractor
    if _extractor is None:
        import tldextract

        _extractor = tldextract.TLDExtract(
            suffix_list_urls=(),  # never fetch the public suffix list
            cache_dir=None,  # never write ~/.cache
            fallback_to_snapshot=True,  # the snapshot bundled in the wheel
            include_psl_private_domains=True,  # evil.github.io is its own site, not github.io
        )
    return _extractor


def warm_up() -> None:
    _tld_extractor()("www.example.com")


@dataclass(frozen=True)
class HostParts:
    host: str  # lower-case ASCII (punycode)
    registrable: str  # eTLD+1 ('taobao.com'); the host itself when it has no known suffix or is an IP
    suffix: str  # public suffix ('com.cn'); '' when none
    is_ip: bool

    @property
    def label(self) -> str:
        """The registrable label: 'taobao' for 'www.taobao.com.cn'."""
        if self.is_ip or not self.suffix:
            return self.registrable.split(".")[0]
        return self.registrable[: -len(self.suffix) - 1]

    def hosts_up_to_registrable(self) -> list[str]:
        """'a.b.taobao.com' -> ['a.b.taobao.com', 'b.taobao.com', 'taobao.com']: where a listed domain may sit."""
        if self.is_ip:
            return [self.host]
        out, h = [self.host], self.host
        while h != self.registrable and "." in h:
            h = h.split(".", 1)[1]
            out.append(h)
        return out


@lru_cache(maxsize=4096)
def split_host(host: str) -> HostParts:
    try:
        ipaddress.ip_address(host)
        return HostParts(host, host, "", True)
    except ValueError:
        pass
    ext = _tld_extractor()(host)
    registrable = (
        ext.top_domain_under_public_suffix if hasattr(ext, "top_domain_under_public_suffix") else ext.registered_domain
    )
    if not registrable:
        registrable = host
    return HostParts(host, registrable, ext.suffix if registrable != host or ext.suffix else "", False)


@dataclass(frozen=True)
class ParsedUrl:
    url: str
    scheme: str
    host: HostParts
    userinfo: str
    path: str
    query: str = ""


def parse_url(url: Any) -> ParsedUrl:
    if not isinstance(url, str):
        raise InputError("url must be a string", code="bad_url")
    text = url.strip()
    if not text:
        raise InputError("empty URL", code="bad_url")
    if len(text) > MAX_URL_CHARS:
        raise InputError(f"URL longer than {MAX_URL_CHARS} characters", code="bad_url")
    if "://" not in text.split("?", 1)[0] and not text.lower().startswith(("javascript:", "data:", "mailto:")):
        text = "http://" + text  # 'taobao.com/x' as typed in an address bar
    try:
        parts = urlsplit(text)
        hostname = parts.hostname
        userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    except ValueError as e:
        raise InputError(f"not a valid URL: {e}", code="bad_url") from e
    if parts.scheme.lower() not in WEB_SCHEMES:
        raise InputError(f"only http and https URLs are checked, not {parts.scheme or 'this'}:", code="bad_url")
    if not hostname:
        raise InputError("the URL has no host", code="bad_url")
    try:
        host = ipaddress.ip_address(hostname).compressed
    except ValueError:
        try:
            host = normalize_domain(hostname)
        except ValueError as e:
            raise InputError(str(e), code="bad_url") from e
    return ParsedUrl(text, parts.scheme.lower(), split_host(host), userinfo, parts.path, parts.query)
