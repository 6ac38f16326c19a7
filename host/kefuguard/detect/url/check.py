"""check_url: an official channel of a listed brand, a known scam, a lookalike, or unknown.

One route: parse_url -> judge_url (a typed UrlVerdict) -> url_result (the wire Result, advice
chosen here and nowhere else). judge_url goes: known scam (list) -> official (list) -> lookalike
rules on the host name -> tricks in the URL's shape (user-info, bare IP, shortener, brand in the
path). The strongest finding sets the level; every finding is a reason. The host-name part
depends on the host alone, so it is judged once per host and list (pages repeat the same hosts in
hundreds of links), and check_url_json reuses the encoded result of a host for its plain links.
"""

from __future__ import annotations

import re

from kefuguard.compact_json import to_compact_json
from kefuguard.detect.result import LEVEL_RANK, Advice, Reason, Result, brand_card
from kefuguard.detect.url import advice
from kefuguard.detect.url.display import unicode_host
from kefuguard.detect.url.findings import Finding, UrlVerdict, finding
from kefuguard.detect.url.index import UrlIndex
from kefuguard.detect.url.lookalike import mixed_script_finding, registrable_findings, subdomain_findings
from kefuguard.detect.url.name_tricks import server_address_findings
from kefuguard.detect.url.parse import SIMPLE_URL, HostParts, ParsedUrl, parse_url
from kefuguard.detect.url.popular import is_popular
from kefuguard.detect.url.reasons import render
from kefuguard.detect.url.shape import PATH_TO_READ, SHORTENERS, shape_findings, user_content_path

NOTHING_KNOWN = UrlVerdict("none", "none", ())


def _judge_host(host: HostParts, index: UrlIndex) -> UrlVerdict:
    channels = index.channels
    candidates = host.hosts_up_to_registrable()
    scam = channels.scam_domain_for_host(candidates)
    if scam is not None:
        found = finding("scam.domain", "danger", None, scam, host=host.host, listed=scam)
        return UrlVerdict("danger", "scam", (found,), publisher=channels.publisher_of_scam("domains", scam))
    if user_content_path(host) is not None:
        return NOTHING_KNOWN  # anyone's pages (sites.google.com): no domain vouches for them; the path is read
    official = channels.official_for_host(candidates)
    if official is not None:
        brand = official.brand
        en, zh = render(
            "official.domain", host=host.host, official=official.domain, brand_en=brand.name_en, brand_zh=brand.name_zh
        )
        found = Finding("official.domain", "verified", brand, official.domain, None, en, zh)
        return UrlVerdict("verified", "official", (found,), brand, official.domain)
    findings: list[Finding] = []
    if not host.is_ip:
        site = index.site_findings.get(host.registrable)
        if site is None:
            own_name = [] if is_popular(host.registrable) else registrable_findings(host, index.brands)
            site = index.site_findings.put(host.registrable, own_name)
        findings = site + subdomain_findings(host, index.brands) if host.host != host.registrable else site
    if not findings:
        mixed = mixed_script_finding(host) if "xn--" in host.host else None
        if mixed is not None:
            return UrlVerdict("caution", "lookalike", (mixed,))
        server = server_address_findings(host)
        return UrlVerdict("caution", "lookalike", tuple(server)) if server else NOTHING_KNOWN
    return _strongest(findings)


def _strongest(findings: list[Finding], level: str = "none") -> UrlVerdict:
    """One reason per rule; the strongest finding sets the level and names the brand."""
    kept: list[Finding] = []
    brand, official = None, None
    for f in findings:
        if any(k.code == f.code for k in kept):
            continue
        kept.append(f)
        if LEVEL_RANK[f.level] > LEVEL_RANK[level] or brand is None:
            brand, official = f.brand, f.official
        level = f.level if LEVEL_RANK[f.level] > LEVEL_RANK[level] else level
    return UrlVerdict(level, "lookalike", tuple(kept), brand, official)


def host_verdict(host: HostParts, index: UrlIndex) -> UrlVerdict:
    verdict = index.host_verdicts.get(host.host)
    if verdict is None:
        verdict = index.host_verdicts.put(host.host, _judge_host(host, index))
    return verdict


def needs_shape_checks(parsed: ParsedUrl) -> bool:
    return (
        bool(parsed.userinfo)
        or parsed.host.is_ip
        or parsed.host.registrable in SHORTENERS
        or ("." in parsed.path or "." in parsed.query)
        or user_content_path(parsed.host) is not None
        or PATH_TO_READ.search(parsed.path) is not None
    )


def judge_url(parsed: ParsedUrl, index: UrlIndex, plain: bool = False) -> UrlVerdict:
    """`plain`: the caller found that the URL needs no shape checks (needs_shape_checks)."""
    verdict = host_verdict(parsed.host, index)
    if verdict.kind == "scam":
        return verdict
    shapes = [] if plain or not needs_shape_checks(parsed) else shape_findings(parsed, index.brands)
    official_host = verdict.kind == "official"
    if official_host and not parsed.userinfo:
        return verdict
    # an official host reached through user-info ('taobao.com@taobao.com') vouches for nothing
    level = "none" if official_host else verdict.level
    findings = [] if official_host else list(verdict.findings)
    brand, official = (None, None) if official_host else (verdict.brand, verdict.official)
    for f in shapes:
        findings.append(f)
        if LEVEL_RANK[f.level] > LEVEL_RANK[level]:
            level = f.level
        if brand is None and f.brand is not None:
            brand, official = f.brand, f.official
    if level == "none":
        return NOTHING_KNOWN
    findings.sort(key=lambda f: 0 if f.official else 1)  # the brand imitated first
    return UrlVerdict(level, "lookalike", tuple(findings), brand, official)


def _unlisted(host: HostParts) -> Reason:
    if user_content_path(host) is not None:
        return Reason("none.user_content", *render("none.user_content", host=host.host))
    code = "none.popular" if is_popular(host.registrable) else "none.unlisted"
    return Reason(code, *render(code, site=host.registrable))


def _advice(verdict: UrlVerdict) -> Advice:
    if verdict.kind == "scam":
        return advice.LEAVE_SCAM_SITE
    if verdict.kind == "none":
        return advice.UNKNOWN_SITE
    if verdict.brand is not None and verdict.official is not None:
        if verdict.kind == "official":
            return advice.official_site(verdict.brand, verdict.official)
        if verdict.level == "danger":
            return advice.lookalike_danger(verdict.brand, verdict.official)
        return advice.lookalike_caution(verdict.brand, verdict.official)
    codes = {f.code for f in verdict.findings}
    theme = next((f.theme for f in verdict.findings if f.theme is not None), None)
    if theme is not None:
        return advice.SCAM_THEME_SITE[theme]
    if "lookalike.scam_words" in codes:
        return advice.SCAM_SCRIPT_SITE
    if "url.fake_government" in codes:
        return advice.FAKE_GOVERNMENT_SITE
    return advice.SUSPICIOUS_LINK


def url_result(parsed: ParsedUrl, verdict: UrlVerdict, index: UrlIndex) -> Result:
    """The one conversion of a verdict to the wire result (DESIGN.md, CLI contract)."""
    channels = index.channels
    brand_id = verdict.brand.id if verdict.brand is not None and verdict.kind != "scam" else None
    if verdict.kind == "none":
        reasons = [_unlisted(parsed.host)]
    else:
        reasons = [Reason(f.code, f.en, f.zh, f.official, f.matched) for f in verdict.findings]
    result = Result(
        level=verdict.level,
        reasons=reasons,
        advice=[_advice(verdict)],
        brand=brand_id,
        list_version=channels.version,
        list_stale=channels.stale,
        publisher=verdict.publisher or channels.publisher_of_brand(brand_id),  # whose list the match came from
    )
    host, domain = parsed.host.host, parsed.host.registrable
    if "xn--" in host:  # the Unicode form the user saw, next to the punycode one (display.py)
        result.extra.update(
            {"url": parsed.url, "host": host, "host_unicode": unicode_host(host)}
            | {"domain": domain, "domain_unicode": unicode_host(domain)}
        )
    else:
        result.extra.update({"url": parsed.url, "host": host, "domain": domain})
    if verdict.kind == "lookalike" and verdict.official:
        result.extra["official_site"] = verdict.official
    if brand_id is not None and verdict.brand is not None:
        result.extra["brand_card"] = brand_card(verdict.brand)
    return result


def check_url(url: str, index: UrlIndex) -> Result:
    """Raises InputError (code bad_url) for what is not an http(s) URL."""
    parsed = parse_url(url)
    return url_result(parsed, judge_url(parsed, index), index)


_to_json = to_compact_json  # a result is a tree made for the call: no test for cycles


def _encoded(result: Result) -> str:
    return _to_json(result.to_dict())


def host_alone_key(url: str) -> str | None:
    """The host as written in `url` when a host's result can stand for this URL's: a plain URL
    (printable ASCII that JSON needs no escape for, no user-info) with no '.' in its path and query
    and nothing there that needs reading (shape.PATH_TO_READ: a run-together sign-in word, a files folder). The test of check_url_json's reuse, and of every front end
    that answers from it (protocol/dispatch.py, protocol/known_verdicts.py)."""
    simple = _plain_url(url)
    return None if simple is None else _host_alone(simple)


def _plain_url(url: str) -> re.Match[str] | None:
    """SIMPLE_URL's match of a URL that JSON carries as it is (printable ASCII, no '"' or '\\')."""
    if not (url.isascii() and url.isprintable() and '"' not in url and "\\" not in url):
        return None
    return SIMPLE_URL.fullmatch(url)


def _host_alone(simple: re.Match[str]) -> str | None:
    rest = simple.group(3)
    if rest:
        rest = rest.split("#", 1)[0]
        if "." in rest or PATH_TO_READ.search(rest) is not None:
            return None
    return simple.group(2)


_path_to_read_ascii: list[re.Pattern[bytes]] = []  # PATH_TO_READ for bytes, on first use


def plain_rest_is_alone(rest: bytes | bytearray) -> bool:
    """_host_alone's test of what follows the host and port of a plain URL (SIMPLE_URL's third
    group), on its ASCII bytes: the host's pipelined path reads URLs out of frames as bytes."""
    cut = rest.find(b"#")
    if cut >= 0:
        rest = rest[:cut]
    if rest.find(b".") >= 0:  # not `b"." in rest`: that first tries the operand as a byte's number,
        return False  # and formats the TypeError it catches (~2K instructions, 7 % of a kept host's frame)
    if not _path_to_read_ascii:
        _path_to_read_ascii.append(re.compile(PATH_TO_READ.pattern.encode("ascii")))
    return _path_to_read_ascii[0].search(rest) is None


def check_url_json(url: str, index: UrlIndex) -> str:
    """check_url's result as compact JSON. When the verdict depends on the host alone (most links),
    everything but the URL is encoded once per host and reused; a plain URL whose host as written
    was seen before skips parsing altogether (index.encoded_raw). Raises InputError for a bad URL,
    as check_url does."""
    simple = _plain_url(url)
    key = None if simple is None else _host_alone(simple)
    if key is not None:
        kept = index.encoded_raw.get(key)
        if kept is not None:
            return '{"url":"' + url + '",' + kept.decode("utf-8")
    parsed = parse_url(url)
    if needs_shape_checks(parsed):
        return _encoded(url_result(parsed, judge_url(parsed, index), index))
    tail = _host_tail(parsed, index)
    if isinstance(tail, str):
        return '{"url":' + _to_json(parsed.url) + "," + tail
    if simple is not None:
        # only a host that needs no shape checks gets here: safe to skip them next time
        index.encoded_raw.put(simple.group(2), tail)
    return '{"url":' + _to_json(parsed.url) + "," + tail.decode("utf-8")


def host_alone_tail(url: str, key: str, index: UrlIndex) -> bytes | None:
    """What check_url_json gives after the URL ('"level":...}') as UTF-8, for a URL whose
    host_alone_key is `key`: kept for its host, or judged now and kept. None when the URL needs
    its shape checked after all. Raises InputError for a bad URL, as check_url_json does. The host's
    pipelined hot path: it puts this after the URL it was sent, without decoding or encoding JSON."""
    tail = index.encoded_raw.get(key)
    if tail is None:
        parsed = parse_url(url)
        if needs_shape_checks(parsed):
            return None
        found = _host_tail(parsed, index)
        if isinstance(found, str):
            return None
        tail = index.encoded_raw.put(key, found)
    return tail


def _host_tail(parsed: ParsedUrl, index: UrlIndex) -> bytes | str:
    """The result after the URL for a URL that needs no shape checks, as UTF-8 kept per host; as
    text, not kept, when it cannot be UTF-8 (a lone surrogate)."""
    encoded = index.encoded
    tail = encoded.get(parsed.host.host)
    if tail is None:
        result = url_result(parsed, judge_url(parsed, index, plain=True), index).to_dict()
        del result["url"]
        text = _to_json(result)[1:]
        try:
            tail = encoded.put(parsed.host.host, text.encode("utf-8"))
        except UnicodeEncodeError:  # escaped by whoever sends it
            return text
    return tail
