"""What every row of a URL-case table must satisfy."""

from __future__ import annotations

from typing import Any

from kefuguard.detect.url.lookalike import registrable_findings
from kefuguard.detect.url.parse import parse_url


def assert_url_case(engine: Any, url: str, level: str, code: str | None, brand: str | None) -> None:
    """The level, the reason code and the brand; reasons and advice in both languages; a warning
    names an official domain that itself checks as verified. A row that expects nothing of a site
    on the popular-domain list also holds for the rules without that list."""
    result = engine.check_url(url)
    codes = [r["code"] for r in result["reasons"]]
    assert result["level"] == level, (result["level"], codes)
    if code == "none.unlisted" and codes == ["none.popular"]:
        # a popular site: the rules on its name are skipped, so check they would say nothing anyway
        host = parse_url(url).host
        assert registrable_findings(host, engine.url_index().brands) == [], url
    elif code is not None:
        assert code in codes, codes
    assert result["brand"] == brand
    for r in result["reasons"]:
        assert r["message"] and r["message_zh"]
    assert result["advice"] and len(result["advice"]) == len(result["advice_zh"])
    if level in ("caution", "danger") and brand is not None:
        official = result["reasons"][0].get("official")
        assert official and engine.check_url("https://" + official + "/")["level"] == "verified"
        assert result["official_site"] == official
