"""URL and host parsing; registrable domains from the public suffix list tldextract bundles, never the network."""

from __future__ import annotations

import re
from functools import lru_cache

from kefuguard.detect.result import CheckInputError, quoted
from kefuguard.detect.url.public_suffix import registrable_domain
from kefuguard.normalize import PLAIN_HOST, normalize_domain

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from typing import Any, NamedTuple
else:
    from kefuguard.plain_typing import NamedTuple

MAX_URL_CHARS = 8192
WEB_SCHEMES = ("http", "https")
# scheme://host[:port][/path?query#fragment] with a plain ASCII host and no user-info: linear, no
# nested quantifiers; anything else goes through urlsplit
SIMPLE_URL = re.compile(r"(https?)://([A-Za-z0-9.-]{1,253})(?::[0-9]{1,5})?([/?#][^\s]*)?", re.IGNORECASE)


def unquote(text: str) -> str:
    """urllib.parse.unquote, which is imported only for text with a '%' in it: urllib.parse costs ~2 ms
    to import, and a host's first check of a plain URL needs none of it."""
    if "%" not in text:
        return text
    from urllib.parse import unquote as decode

    return decode(text)


class HostParts(NamedTuple):  # a tuple, not a frozen dataclass: made for every URL, 3x cheaper
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
            h = h[h.index(".") + 1 :]
            out.append(h)
        return out


@lru_cache(maxsize=4096)
def split_host(host: str) -> HostParts:
    if host[:1].isdigit() or ":" in host:  # only then can it be an IP literal (saves a raise per host)
        import ipaddress  # here: ~1 ms to import, and only a host like this needs it

        try:
            ipaddress.ip_address(host)
            return HostParts(host, host, "", True)
        except ValueError:
            pass
    registrable, suffix = registrable_domain(host)
    if not registrable:
        return HostParts(host, host, "", False)  # a bare public suffix or an unknown ending ('localhost')
    return HostParts(host, registrable, suffix, False)


class ParsedUrl(NamedTuple):
    url: str
    scheme: str
    host: HostParts
    userinfo: str
    path: str
    query: str = ""


def _bad_url(en: str, zh: str) -> CheckInputError:
    return CheckInputError(en, zh, code="bad_url")


def parse_url(url: Any) -> ParsedUrl:
    """Raises CheckInputError (code bad_url) for what is not an http(s) URL; the message names the
    rejected input (at most ECHO_CHARS of it)."""
    if not isinstance(url, str):
        raise _bad_url("url must be a string", "url 必须是字符串")
    text = url.strip()
    if not text:
        raise _bad_url("empty URL", "网址为空")
    if len(text) > MAX_URL_CHARS:
        raise _bad_url(f"URL longer than {MAX_URL_CHARS} characters", f"网址超过 {MAX_URL_CHARS} 个字符")
    sep = text.find("://")
    if (sep < 0 or 0 <= text.find("?") < sep) and not text.lower().startswith(("javascript:", "data:", "mailto:")):
        text = "http://" + text  # 'taobao.com/x' as typed in an address bar
    simple = SIMPLE_URL.fullmatch(text) if text.isascii() else None
    if simple is not None:  # the common case, without urlsplit's generality (a third of a check's time)
        scheme, hostname, rest = simple.groups()
        if rest:
            rest = rest.partition("#")[0]
            path, _, query = rest.partition("?")
        else:
            path = query = ""
        host = hostname.lower()
        if not (PLAIN_HOST.fullmatch(host) and not host[-1].isdigit()):  # else: trailing dot, IP, odd labels
            host = _host_or_raise(hostname)
        return ParsedUrl(text, scheme.lower(), split_host(host), "", path, query)
    shown, shown_zh = quoted(url.strip())
    from urllib.parse import urlsplit  # here: ~2 ms to import, and the common URL (above) needs none of it

    try:
        parts = urlsplit(text)
        hostname = parts.hostname
        userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    except ValueError as e:
        raise _bad_url(f"not a valid URL ({e}): {shown}", f"不是有效的网址：{shown_zh}") from e
    if parts.scheme.lower() not in WEB_SCHEMES:
        if parts.scheme:
            raise _bad_url(
                f"only http and https URLs are checked, not {parts.scheme}: URLs like {shown}",
                f"只检查 http 和 https 网址，不检查 {parts.scheme}: 网址：{shown_zh}",
            )
        raise _bad_url(
            f"only http and https URLs are checked: {shown} is not one",
            f"只检查 http 和 https 网址：{shown_zh} 不是这样的网址",
        )
    if not hostname:
        raise _bad_url(f"the URL has no host: {shown}", f"网址中没有主机名：{shown_zh}")
    host = _host_or_raise(hostname)
    return ParsedUrl(text, parts.scheme.lower(), split_host(host), userinfo, parts.path, parts.query)


def _host_or_raise(hostname: str) -> str:
    try:
        return _ip_or_domain(hostname)
    except ValueError as e:
        raise _bad_url(str(e), f"主机名无效：{quoted(hostname)[1]}") from e


@lru_cache(maxsize=None)  # compiled on first use: a plain host (PLAIN_HOST) never asks
def _ipv4_part() -> re.Pattern[str]:
    return re.compile(r"0[xX][0-9a-fA-F]*|[0-9]+")


def _ipv4_number(part: str) -> int:
    if part[:2] in ("0x", "0X"):
        return int(part[2:] or "0", 16)
    if len(part) > 1 and part[0] == "0":
        return int(part, 8)  # raises on 8 or 9, as a browser refuses them
    return int(part)


def whatwg_ipv4(hostname: str) -> str | None:
    """How a browser reads a host that ends in a number (URL Standard, IPv4 parser): 3232235777,
    0x7f000001, 0300.0250.1.1 and 192.168.257 are addresses in disguise. The dotted address, None
    when the host does not end in a number; ValueError when it does but is no address."""
    parts = hostname.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    part = _ipv4_part()
    if not part.fullmatch(parts[-1]):
        return None
    if len(parts) > 4 or not all(part.fullmatch(p) for p in parts):
        raise ValueError(f"not an IP address: {hostname!r}")
    try:
        numbers = [_ipv4_number(p) for p in parts]
    except ValueError:
        raise ValueError(f"not an IP address: {hostname!r}") from None
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        raise ValueError(f"not an IP address: {hostname!r}")
    value = numbers[-1]
    for i, n in enumerate(numbers[:-1]):
        value += n << (8 * (3 - i))
    import ipaddress

    return str(ipaddress.IPv4Address(value))


@lru_cache(maxsize=1024)  # an address's links repeat on a page; reading it costs ~20 us (ipaddress)
def _ip_or_domain(hostname: str) -> str:
    if "%" in hostname:
        hostname = unquote(hostname).lower()  # a browser decodes %74aobao.com to taobao.com
    if ":" in hostname:  # only an IPv6 literal has colons here
        import ipaddress

        try:
            return ipaddress.ip_address(hostname).compressed
        except ValueError:
            raise ValueError(f"not an IP address: {hostname!r}") from None
    # every IPv4 form (dotted, 3232235777, 0x7f000001) ends in a number: whatwg_ipv4 reads them all
    return whatwg_ipv4(hostname) or normalize_domain(hostname)
