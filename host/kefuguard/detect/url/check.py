"""check_url: an official channel of a listed brand, a known scam, a lookalike, or unknown.

Order: known scam (list) -> official (list) -> lookalike rules on the host name -> tricks in
the URL's shape (user-info, bare IP, shortener, brand in the path). The strongest finding sets
the level; every finding is a reason. The host-name verdict depends on the host alone, so it is
computed once per host and list (pages repeat the same hosts in hundreds of links).
"""

from __future__ import annotations

import json
from typing import NamedTuple

from kefuguard.detect.channels import Channels
from kefuguard.detect.result import LEVEL_RANK, Advice, Reason, Result
from kefuguard.detect.url import advice
from kefuguard.detect.url.lookalike import mixed_script_finding, registrable_findings, subdomain_findings
from kefuguard.detect.url.parse import SIMPLE_URL, HostParts, ParsedUrl, parse_url
from kefuguard.detect.url.shape import SHORTENERS, shape_findings
from kefuguard.lists.model import Brand

HOST_CACHE_ENTRIES = 16384


class Verdict(NamedTuple):
    level: str
    reasons: tuple[Reason, ...]
    brand: Brand | None = None
    official: str | None = None  # the official domain it belongs to or imitates
    kind: str = "lookalike"  # "scam" | "official" | "lookalike" | "none"
    publisher: str | None = None  # whose list the matched entry came from (None: the main list)


def _host_verdict(host: HostParts, channels: Channels) -> Verdict:
    candidates = host.hosts_up_to_registrable()
    scam = channels.scam_domain_for_host(host, candidates)
    if scam is not None:
        return Verdict(
            "danger",
            (
                Reason(
                    "scam.domain",
                    f"{host.host} is on the list of known scam sites (listed: {scam}).",
                    f"{host.host} 在已知诈骗网站名单中（名单条目：{scam}）。",
                    matched=scam,
                ),
            ),
            kind="scam",
            publisher=channels.publisher_of_scam("domains", scam),
        )
    official = channels.official_for_host(host, candidates)
    if official is not None:
        brand = official.brand
        return Verdict(
            "verified",
            (
                Reason(
                    "official.domain",
                    f"{host.host} belongs to {brand.name_en}: it is under the official domain {official.domain}.",
                    f"{host.host} 属于{brand.name_zh}：位于官方域名 {official.domain} 之下。",
                    official=official.domain,
                ),
            ),
            brand,
            official.domain,
            kind="official",
        )
    findings = []
    if not host.is_ip:
        index = channels.lookalikes
        by_registrable = channels.registrable_findings  # hosts of one site share these
        found = by_registrable.get(host.registrable)
        if found is None:
            if len(by_registrable) >= HOST_CACHE_ENTRIES:
                by_registrable.clear()
            found = by_registrable[host.registrable] = registrable_findings(host, index)
        findings = found + subdomain_findings(host, index) if host.host != host.registrable else found
    level, brand, official_domain, reasons = "none", None, None, []
    for f in findings:
        if any(r.code == f.code for r in reasons):
            continue
        reasons.append(Reason(f.code, f.en, f.zh, official=f.official, matched=f.matched))
        if LEVEL_RANK[f.level] > LEVEL_RANK[level] or brand is None:  # the strongest finding names the brand
            brand, official_domain = f.brand, f.official
        level = f.level if LEVEL_RANK[f.level] > LEVEL_RANK[level] else level
    if level == "none":
        mixed = mixed_script_finding(host) if "xn--" in host.host else None
        if mixed is not None:
            return Verdict("caution", (Reason("lookalike.mixed_script", mixed[1], mixed[2], matched=mixed[0]),))
        return Verdict("none", (), kind="none")
    return Verdict(level, tuple(reasons), brand, official_domain)


def host_verdict(host: HostParts, channels: Channels) -> Verdict:
    cache = channels.host_verdicts
    verdict = cache.get(host.host)
    if verdict is None:
        if len(cache) >= HOST_CACHE_ENTRIES:
            cache.clear()
        verdict = cache[host.host] = _host_verdict(host, channels)
    return verdict


def _needs_shape_checks(parsed: ParsedUrl) -> bool:
    return (
        bool(parsed.userinfo)
        or parsed.host.is_ip
        or parsed.host.registrable in SHORTENERS
        or ("." in parsed.path or "." in parsed.query)
    )


def check_parsed_url(parsed: ParsedUrl, channels: Channels) -> Result:
    host = parsed.host
    verdict = host_verdict(host, channels)
    if verdict.kind == "scam":
        return _result(
            channels, parsed, "danger", list(verdict.reasons), [advice.LEAVE_SCAM_SITE], None, verdict.publisher
        )
    shapes = shape_findings(parsed, channels.lookalikes) if _needs_shape_checks(parsed) else []
    if verdict.kind == "official" and not parsed.userinfo:
        assert verdict.brand is not None and verdict.official is not None
        return _result(
            channels,
            parsed,
            "verified",
            list(verdict.reasons),
            [advice.official_site(verdict.brand, verdict.official)],
            verdict.brand.id,
        )
    level = "none" if verdict.kind == "official" else verdict.level
    reasons = [] if verdict.kind == "official" else list(verdict.reasons)
    brand, official_domain = (None, None) if verdict.kind == "official" else (verdict.brand, verdict.official)
    for code, f_level, target, en, zh in shapes:
        reasons.append(Reason(code, en, zh, official=target.domain if target else None, matched=host.host))
        if LEVEL_RANK[f_level] > LEVEL_RANK[level]:
            level = f_level
        if brand is None and target is not None:
            brand, official_domain = target.brand, target.domain
    if level == "none":
        reason = Reason(
            "none.unlisted",
            f"{host.registrable} is not an official domain of any listed brand and matches no known scam "
            "or lookalike rule.",
            f"{host.registrable} 不是名单中任何品牌的官方域名，也不符合已知诈骗或仿冒规则。",
        )
        return _result(channels, parsed, "none", [reason], [advice.UNKNOWN_SITE], None)
    reasons.sort(key=lambda r: 0 if r.official else 1)
    if brand is not None and official_domain is not None:
        adv = [
            advice.lookalike_danger(brand, official_domain)
            if level == "danger"
            else advice.lookalike_caution(brand, official_domain)
        ]
    elif any(r.code == "lookalike.scam_words" for r in reasons):
        adv = [advice.SCAM_SCRIPT_SITE]
    elif any(r.code == "url.fake_government" for r in reasons):
        adv = [advice.FAKE_GOVERNMENT_SITE]
    else:
        adv = [advice.SUSPICIOUS_LINK]
    result = _result(channels, parsed, level, reasons, adv, brand.id if brand else None)
    if official_domain:
        result.extra["official_site"] = official_domain
    return result


def _result(
    channels: Channels,
    parsed: ParsedUrl,
    level: str,
    reasons: list[Reason],
    adv: list[Advice],
    brand: str | None,
    publisher: str | None = None,
) -> Result:
    r = Result(
        level=level,
        reasons=reasons,
        advice=adv,
        brand=brand,
        list_version=channels.version,
        list_stale=channels.stale,
        publisher=publisher or channels.publisher_of_brand(brand),  # whose list the match came from
    )
    r.extra.update({"url": parsed.url, "host": parsed.host.host, "domain": parsed.host.registrable})
    return r


def check_url(url: str, channels: Channels) -> Result:
    """Raises InputError (code bad_url) for what is not an http(s) URL."""
    return check_parsed_url(parse_url(url), channels)


def check_url_json(url: str, channels: Channels) -> str:
    """check_url's result as compact JSON. When the verdict depends on the host alone (most links),
    everything but the URL is encoded once per host and reused; a plain URL whose host was seen
    before skips parsing altogether (the host's pipelined hot path)."""
    tails = channels.encoded_results
    # the pattern admits no whitespace; quotes and backslashes would need JSON escaping
    plain = url.isascii() and url.isprintable() and '"' not in url and "\\" not in url
    simple = SIMPLE_URL.fullmatch(url) if plain else None
    if simple is not None and "." not in (simple.group(3) or "").split("#", 1)[0]:
        tail = tails.get("raw:" + simple.group(2))
        if tail is not None:
            return '{"url":"' + url + '",' + tail[1:]
    parsed = parse_url(url)
    if _needs_shape_checks(parsed):
        return json.dumps(check_parsed_url(parsed, channels).to_dict(), ensure_ascii=False, separators=(",", ":"))
    tail = tails.get(parsed.host.host)
    if tail is None:
        result = check_parsed_url(parsed, channels).to_dict()
        del result["url"]
        tail = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
        if len(tails) >= HOST_CACHE_ENTRIES:
            tails.clear()
        tails[parsed.host.host] = tail
    if simple is not None:  # only a host that needs no shape checks gets here: safe to skip them next time
        tails["raw:" + simple.group(2)] = tail
    return '{"url":' + json.dumps(parsed.url, ensure_ascii=False) + "," + tail[1:]
