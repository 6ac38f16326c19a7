"""A page that presents itself as a listed brand and asks for a password, a card or a code, on a
site that is not the brand's: the claim-vs-channel spine applied to the page itself.

A phishing page often sits on a name that says nothing (`xk2j9.top`, a page builder's subdomain):
its address alone gives the URL checks nothing to compare. What it shows does: a title, a site
name or a logo saying 中国工商银行 / PayPal / USPS, and a form asking for what only the brand
should ask for. The content script sends those few facts (never the page's text) when a page has
such a field; this module decides, from the URL's own verdict, the list's brand names and the
popular-domain list:

- the URL check already warns, or the site is the brand's (verified): its verdict stands;
- a popular site (forums, marketplaces, news sites name brands in their titles): no claim check;
- a listed brand named in the title, the site name or a logo, and a password, card, security code
  or one-time-code field: danger, naming the brand, where it was named and its official site;
- no brand, but a refund, compensation, subsidy or account-problem theme in the title or headings
  and a card, security code, one-time code or ID number field (not a password alone): caution;
  so is a party or a state named there ('ETC在线认证', '积分兑换中心') with a card or an ID number field.
"""

from __future__ import annotations

import re

from kefuguard.detect.result import Advice, Reason, Result, higher
from kefuguard.detect.text.index import BRAND_TAG, TextIndex
from kefuguard.detect.text.keyword_automaton import Hit
from kefuguard.detect.text.normalize import clean_text, fold_text
from kefuguard.detect.url.parse import parse_url
from kefuguard.detect.url.popular import is_popular
from kefuguard.errors import InputError
from kefuguard.lists.model import Brand

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

FIELD_KINDS = ("password", "card", "cvv", "otp", "id_number")
MAX_FIELD_CHARS = 200  # a title, a site name, a heading or a logo's text, each
MAX_ITEMS = 5  # headings, logos
# what a page on a refund or subsidy theme has no business asking for without a brand's site
THEME_FIELDS = frozenset({"card", "cvv", "otp", "id_number"})
THEME_TAGS = ("refund", "benefit", "account_problem", "delivery_problem", "refund_hallmark", "state_strong")
# a party or a state named ('ETC在线认证', '积分兑换中心') asks too much only for a card or an ID number:
# a tracking or a member site may well send a one-time code
BROAD_THEME_TAGS = ("party", "state")
BROAD_THEME_FIELDS = frozenset({"card", "cvv", "id_number"})
# a title segment naming the brand as a topic, not as the site ('如何识别假冒工商银行网站')
_TOPIC = re.compile(r"假冒|冒充|仿冒|诈骗|骗局|防骗|反诈|识别|scam|phishing|fake|fraud|how to|review|news|vs\b", re.I)


class PageFacts:
    """What the content script saw on the page: short strings and the kinds of sensitive fields."""

    __slots__ = ("title", "site_name", "headings", "logos", "fields")

    def __init__(self, title: str, site_name: str, headings: list[str], logos: list[str], fields: list[str]) -> None:
        self.title = title
        self.site_name = site_name
        self.headings = headings
        self.logos = logos
        self.fields = fields


def _short(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"page '{name}' must be a string")
    return value[:MAX_FIELD_CHARS]


def _strings(value: Any, name: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"page '{name}' must be a list of strings")
    return [v[:MAX_FIELD_CHARS] for v in value[:MAX_ITEMS]]


def parse_page_facts(raw: Any) -> PageFacts:
    """The `page` object of a check_page request; InputError (bad_request) when malformed."""
    if not isinstance(raw, dict):
        raise InputError("'page' must be an object")
    fields = _strings(raw.get("fields"), "fields")
    unknown = [f for f in fields if f not in FIELD_KINDS]
    if unknown:
        raise InputError(f"unknown field kind {unknown[0][:32]!r}; known: {', '.join(FIELD_KINDS)}")
    return PageFacts(
        _short(raw.get("title"), "title"),
        _short(raw.get("site_name"), "site_name"),
        _strings(raw.get("headings"), "headings"),
        _strings(raw.get("logos"), "logos"),
        sorted(set(fields), key=FIELD_KINDS.index),
    )


def _segments(title: str) -> list[str]:
    """A title's parts: 'PayPal: Log in' -> ['PayPal', 'Log in']; '登录 - 工商银行' -> ['登录', '工商银行']."""
    return [s for s in re.split(r"\s[-|–—·•_:]\s|[|｜—–·•_]|:\s|：", title) if s.strip()]


# What a page's own name adds to the brand's when it presents itself as the brand ('中国工商银行个人
# 网上银行', 'PayPal: Log in to your account'); anything else makes the brand a topic or a part of
# another name ('京东方科技集团', '化工行业网', 'Apple Valley Community Forum').
_SERVICE_ZH = sorted(
    (
        "个人网上银行|企业网上银行|网上银行|个人网银|企业网银|网银|手机银行|电子银行|信用卡中心|信用卡|积分兑换|积分|"
        "兑换|用户登录|会员登录|安全登录|登录|登陆|官方网站|官网|官方|首页|在线客服|客服中心|客服|服务中心|服务|"
        "认证中心|安全认证|认证|身份验证|验证|安全中心|退款中心|退款|理赔中心|理赔|商城|账户|账号|升级|快递|物流|"
        "查询|中心|系统|平台|中国|有限公司|股份有限公司|集团|网|页|欢迎您|欢迎"
    ).split("|"),
    key=len,
    reverse=True,
)
_SERVICE_EN = frozenset(
    "sign signin signon in on log login logon online banking bank account accounts my your to the and of for "
    "secure security verify verification verified customer service services support help center centre official "
    "home homepage track tracking redelivery delivery refund refunds billing payment payments update confirm "
    "portal member members wallet card cards rewards welcome page us id www com cn net org logo web app".split()
)


def _rest_is_service_words(rest: str) -> bool:
    for word in re.findall(r"[a-z0-9]+|[\u3400-\u9fff]+", rest):
        if word.isascii():
            if word not in _SERVICE_EN:
                return False
            continue
        while word:
            known = next((w for w in _SERVICE_ZH if word.startswith(w)), None)
            if known is None:
                return False
            word = word[len(known) :]
    return True


def _brand_named(text: str, index: TextIndex) -> Brand | None:
    """The listed brand that `text` presents itself as: one of its names and, beside it, only words
    a brand's own login or service page adds."""
    folded = fold_text(clean_text(text))
    hits: list[Hit] = [h for tag, hs in index.hits(folded).items() if tag.startswith(BRAND_TAG) for h in hs]
    for h in sorted(hits, key=lambda h: (h.start, h.start - h.end)):
        brand = index.brand_of(h)
        if brand is not None and _rest_is_service_words(folded[: h.start] + " " + folded[h.end :]):
            return brand
    return None


def claimed_brand(facts: PageFacts, index: TextIndex) -> tuple[Brand, str, str] | None:
    """(brand, where, what was said) for the first place where the page presents itself as a listed
    brand: a part of its title (not a title about scams or reviews), its site name, a logo's text,
    a heading."""
    # (where, the text tested, what the reason quotes): a title part quotes the whole title
    titled = [] if _TOPIC.search(facts.title) else [("title", part, facts.title) for part in _segments(facts.title)]
    named = [("site_name", facts.site_name, facts.site_name)] if facts.site_name else []
    places = titled + named + [("logos", logo, logo) for logo in facts.logos]
    places += [("headings", heading, heading) for heading in facts.headings]  # 'Log in to your PayPal account'
    for place, text, said in places:
        brand = _brand_named(text, index)
        if brand is not None:
            return brand, place, said
    return None


def _theme(facts: PageFacts, index: TextIndex, tags: tuple[str, ...]) -> str | None:
    for text in (facts.title, *facts.headings):
        folded = fold_text(clean_text(text))
        found = index.hits(folded) if folded else {}
        for tag in tags:
            if found.get(tag):
                h = found[tag][0]
                return folded[h.start : h.end]
    return None


_FIELD_EN = {"password": "your password", "card": "a card number", "cvv": "a card security code",
             "otp": "a one-time code", "id_number": "an ID number"}  # fmt: skip
_FIELD_ZH = {"password": "密码", "card": "银行卡号", "cvv": "卡片安全码", "otp": "验证码", "id_number": "身份证号"}
_PLACE_EN = {"title": "its title", "site_name": "its site name", "logos": "its logo", "headings": "its heading"}
_PLACE_ZH = {"title": "标题", "site_name": "网站名称", "logos": "标志", "headings": "页面标题栏"}


def _asked(fields: list[str]) -> tuple[str, str]:
    return ", ".join(_FIELD_EN[f] for f in fields), "、".join(_FIELD_ZH[f] for f in fields)


def check_page_claim(url: str, url_result: Result, facts: PageFacts, index: TextIndex) -> Result:
    """The page's verdict: `url_result` (check_url's for `url`), or a warning from what the page shows."""
    if url_result.level in ("verified", "danger") or not facts.fields:
        return url_result
    parts = parse_url(url).host
    host = parts.host
    if not parts.is_ip and parts.suffix and is_popular(parts.registrable):
        return url_result
    claim = claimed_brand(facts, index)
    if claim is not None:
        brand, place, said = claim
        en, zh = _asked(facts.fields)
        official = brand.primary_domain
        reason = Reason(
            "page.brand_claim",
            f"This page presents itself as {brand.name_en} ({_PLACE_EN[place]}: \"{said[:60]}\") and asks for "
            f"{en}, but {host} is not {brand.name_en}'s site; its official site is {official}.",
            f"此页面自称{brand.name_zh}（{_PLACE_ZH[place]}：“{said[:60]}”）并要求填写{zh}，但 {host} 不是"
            f"{brand.name_zh}的网站；官方网站是 {official}。",
            official=official,
            matched=said[:MAX_FIELD_CHARS],
        )
        advice = Advice(
            f"Do not type anything here. Open {official} yourself, or call {brand.name_en}'s official number.",
            f"不要在此页面填写任何信息。请自己输入 {official} 访问，或拨打{brand.name_zh}的官方电话核实。",
        )
        return _warned(url_result, "danger", reason, advice, brand.id, official)
    asked = [f for f in facts.fields if f in THEME_FIELDS]
    theme = _theme(facts, index, THEME_TAGS) if asked else None
    if theme is None and any(f in BROAD_THEME_FIELDS for f in asked):
        theme = _theme(facts, index, BROAD_THEME_TAGS)
        asked = [f for f in asked if f in BROAD_THEME_FIELDS]
    if theme is not None and asked:
        en, zh = _asked(asked)
        reason = Reason(
            "page.theme_credentials",
            f"This page is about \"{theme}\" and asks for {en}, on {host}, which is not a known official site.",
            f"此页面以“{theme}”为由要求填写{zh}，而 {host} 不是已知的官方网站。",
            matched=theme,
        )
        advice = Advice(
            "Refunds, compensation and subsidies never need your card's security code or a one-time code. "
            "Do not type them here.",
            "退款、理赔和补贴都不需要您的卡片安全码或验证码，请勿在此填写。",
        )
        return _warned(url_result, "caution", reason, advice, None)
    return url_result


def _warned(
    url_result: Result, level: str, reason: Reason, advice: Advice, brand: str | None, official: str | None = None
) -> Result:
    return Result(
        higher(url_result.level, level),
        [reason, *(r for r in url_result.reasons if not r.code.startswith("none."))],
        [advice, *(url_result.advice if url_result.level in ("caution", "danger") else ())],
        brand or url_result.brand,
        url_result.list_version,
        url_result.list_stale,
        url_result.publisher,
        {**url_result.extra, "official_site": official} if official else dict(url_result.extra),
    )
