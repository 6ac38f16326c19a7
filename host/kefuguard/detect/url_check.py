"""check_url: an official channel of a listed brand, a known scam, a lookalike, or unknown.

Order: known scam (list) -> official (list) -> lookalike rules on the domain name ->
tricks in the URL's shape. The strongest finding sets the level; every finding is a reason.
"""

from __future__ import annotations

from kefuguard.detect import advice
from kefuguard.detect.channels import Channels
from kefuguard.detect.domains import ParsedUrl, parse_url
from kefuguard.detect.lookalike import Finding, mixed_script_finding, registrable_findings, subdomain_findings
from kefuguard.detect.result import LEVEL_RANK, Reason, Result
from kefuguard.detect.url_shape import shape_findings


def _result(channels: Channels, parsed: ParsedUrl, **kw) -> Result:
    r = Result(list_version=channels.version, list_stale=channels.stale, publisher=channels.publisher, **kw)
    r.extra.update({"url": parsed.url, "host": parsed.host.host, "domain": parsed.host.registrable})
    return r


def _warnings(parsed: ParsedUrl, channels: Channels) -> list[Finding | tuple]:
    index = channels.lookalikes
    found: list = []
    if not parsed.host.is_ip:
        found += registrable_findings(parsed.host, index)
        found += subdomain_findings(parsed.host, index)
    found += shape_findings(parsed, index)
    return found


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
    reasons: list[Reason] = []
    level, brand, official_domain = "none", None, None
    for f in _warnings(parsed, channels):
        if isinstance(f, Finding):
            code, f_level, f_brand, f_official, en, zh, matched = (
                f.code,
                f.level,
                f.brand,
                f.official,
                f.en,
                f.zh,
                f.matched,
            )
        else:
            code, f_level, target, en, zh = f
            f_brand, f_official = (target.brand, target.domain) if target else (None, None)
            matched = host.host
        if any(r.code == code for r in reasons):
            continue
        reasons.append(Reason(code, en, zh, official=f_official, matched=matched))
        if LEVEL_RANK[f_level] > LEVEL_RANK[level] or (brand is None and f_brand is not None):
            level = f_level if LEVEL_RANK[f_level] > LEVEL_RANK[level] else level
            if f_brand is not None:
                brand, official_domain = f_brand, f_official
    if level == "none":
        mixed = mixed_script_finding(host)
        if mixed is not None:
            reasons.append(Reason("lookalike.mixed_script", mixed[1], mixed[2], matched=mixed[0]))
            level = "caution"
    if level == "none":
        reason = Reason(
            "none.unlisted",
            f"{host.registrable} is not an official domain of any listed brand and matches no known scam "
            "or lookalike rule.",
            f"{host.registrable} 不是名单中任何品牌的官方域名，也不符合已知诈骗或仿冒规则。",
        )
        return _result(channels, parsed, level="none", reasons=[reason], advice=[advice.UNKNOWN_SITE])
    reasons.sort(key=lambda r: 0 if r.official else 1)
    if brand is not None and official_domain is not None:
        adv = [
            advice.lookalike_danger(brand, official_domain)
            if level == "danger"
            else advice.lookalike_caution(brand, official_domain)
        ]
    else:
        adv = [advice.SUSPICIOUS_LINK]
    result = _result(channels, parsed, level=level, reasons=reasons, advice=adv, brand=brand.id if brand else None)
    if official_domain:
        result.extra["official_site"] = official_domain
    return result


def check_url(url: str, channels: Channels) -> Result:
    """Raises InputError (code bad_url) for what is not an http(s) URL."""
    return check_parsed_url(parse_url(url), channels)
