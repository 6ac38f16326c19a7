"""check_url: is this link an official channel of a listed brand, a known scam, or unknown?

Lookalike rules (typosquats, homographs, combo-squats...) plug in after the official and
scam lookups; until they exist an unlisted domain is `none`.
"""

from __future__ import annotations

from kefuguard.detect import advice
from kefuguard.detect.channels import Channels
from kefuguard.detect.domains import ParsedUrl, parse_url
from kefuguard.detect.result import Reason, Result


def _result(channels: Channels, parsed: ParsedUrl, **kw) -> Result:
    r = Result(list_version=channels.version, list_stale=channels.stale, publisher=channels.publisher, **kw)
    r.extra.update({"url": parsed.url, "host": parsed.host.host, "domain": parsed.host.registrable})
    return r


def check_parsed_url(parsed: ParsedUrl, channels: Channels) -> Result:
    host = parsed.host
    scam = channels.scam_domain_for_host(host)
    if scam is not None:
        reason = Reason(
            "scam.domain",
            f"{host.host} is on the list of known scam sites (listed: {scam}).",
            f"{host.host} 在已知诈骗网站名单中（名单条目：{scam}）。",
            matched=scam,
        )
        return _result(channels, parsed, level="danger", reasons=[reason], advice=[advice.LEAVE_SCAM_SITE])
    official = channels.official_for_host(host)
    if official is not None and not parsed.userinfo:
        brand = official.brand
        reason = Reason(
            "official.domain",
            f"{host.host} belongs to {brand.name_en}: it is under the official domain {official.domain}.",
            f"{host.host} 属于{brand.name_zh}：位于官方域名 {official.domain} 之下。",
            official=official.domain,
        )
        return _result(
            channels,
            parsed,
            level="verified",
            reasons=[reason],
            advice=[advice.official_site(brand, official.domain)],
            brand=brand.id,
        )
    reason = Reason(
        "none.unlisted",
        f"{host.registrable} is not an official domain of any listed brand and matches no known scam.",
        f"{host.registrable} 不是名单中任何品牌的官方域名，也不在已知诈骗名单中。",
    )
    return _result(channels, parsed, level="none", reasons=[reason], advice=[advice.UNKNOWN_SITE])


def check_url(url: str, channels: Channels) -> Result:
    """Raises InputError (code bad_url) for what is not an http(s) URL."""
    return check_parsed_url(parse_url(url), channels)
