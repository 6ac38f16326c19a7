"""A page presenting itself as a listed brand, asking for a password, a card or a code, on a site
that is not the brand's (detect/page_claim.py): the claim-vs-channel spine applied to the page.

The titles are the shapes phishing kits use ('<brand> 个人网上银行', '<brand>: Log in', '<brand> -
Track & Redelivery') and the shapes genuine sites use that name a brand without being it."""

from __future__ import annotations

import pytest

from kefuguard.errors import InputError

# `engine`: tests/detect/conftest.py's, on the embedded list


def page(engine, url, **facts):
    return engine.check_page(url, facts)


@pytest.mark.parametrize(
    ("title", "official"),
    [
        ("中国工商银行个人网上银行", "icbc.com.cn"),
        ("中國工商銀行 個人網上銀行", "icbc.com.cn"),  # traditional characters
        ("PayPal: Log in to your account", "paypal.com"),
        ("Bank of America | Online Banking | Log In", "bankofamerica.com"),
        ("京东商城 - 退款中心", "jd.com"),
        ("Amazon.com Sign-In", "amazon.com"),
    ],
)
def test_a_brand_title_with_a_password_field_off_the_brands_site_is_danger(engine, title, official):
    result = page(engine, "https://xk2j9.top/login", title=title, fields=["password"])
    assert result["level"] == "danger", result["reasons"]
    reason = result["reasons"][0]
    assert reason["code"] == "page.brand_claim" and reason["official"] == official
    assert "xk2j9.top" in reason["message"] and official in reason["message_zh"]
    assert result["advice"] and result["advice_zh"]
    assert not any(r["code"].startswith("none.") for r in result["reasons"])


def test_a_heading_and_a_bulleted_title_count_too_and_linkedin_keeps_its_capital_i(engine):
    heading = page(engine, "https://a1b2.top/", title="Welcome", headings=["Log in to your PayPal account"], fields=["password"])
    assert heading["level"] == "danger" and heading["brand"] == "paypal"
    assert page(engine, "https://a1b2.top/", title="Verified Badges • Instagram", fields=["password"])["level"] == "danger"
    assert page(engine, "https://a1b2.top/", title="LinkedIn Login, Sign in | LinkedIn", fields=["password"])["brand"] == "linkedin"


def test_the_claim_in_a_logo_or_site_name_counts_too(engine):
    assert page(engine, "https://a1b2.top/", title="Sign in", logos=["Amazon"], fields=["password"])["level"] == "danger"
    result = page(engine, "https://a1b2.top/", title="Welcome", site_name="PayPal", fields=["card", "cvv"])
    assert result["level"] == "danger" and "card security code" in result["reasons"][0]["message"]


@pytest.mark.parametrize(
    "title",
    [
        # the brand's letters inside another name, or the brand as a topic
        "化工行业网 - 会员登录",
        "京东方科技集团 - 登录",
        "美团队建设",
        "ups and downs - login",
        "Apple Valley Community Forum",
        "Amazon Web Services Training Partner",
        "如何识别假冒工商银行网站",
        "PayPal phishing scam: how to spot it",
        # no brand at all
        "登录 - 某某论坛",
        # a third-party sign-in button's words
        "Sign in with Google",
    ],
)
def test_a_title_naming_a_brand_it_is_not_stays_quiet(engine, title):
    assert page(engine, "https://member.somesite-xyz.cn/login", title=title, fields=["password"])["level"] == "none"


def test_the_brands_own_site_and_a_popular_site_are_not_judged_by_their_titles(engine):
    assert page(engine, "https://www.icbc.com.cn/", title="中国工商银行", fields=["password"])["level"] == "verified"
    # a popular site's page titled after a brand (a forum thread, a shop's storefront)
    assert page(engine, "https://www.example.com/", title="PayPal: Log in", fields=["password"])["level"] == "none"


def test_without_a_sensitive_field_the_url_verdict_stands(engine):
    assert page(engine, "https://xk2j9.top/", title="中国工商银行个人网上银行")["level"] == "none"


def test_a_lookalike_address_keeps_its_own_verdict(engine):
    result = page(engine, "https://taobao-kefu.com/", title="淘宝退款", fields=["password"])
    assert result["level"] == "danger" and result["reasons"][0]["code"].startswith("lookalike")


def test_a_refund_theme_asking_for_a_card_code_is_a_caution_but_a_password_alone_is_not(engine):
    asked = page(engine, "https://abc.top/", title="退款中心", headings=["订单退款理赔"], fields=["card", "otp"])
    assert asked["level"] == "caution" and asked["reasons"][0]["code"] == "page.theme_credentials"
    assert page(engine, "https://abc.top/", title="退款中心", fields=["password"])["level"] == "none"


@pytest.mark.parametrize(
    "facts",
    [[], {"title": 5}, {"headings": "x"}, {"logos": [1]}, {"fields": ["pin"]}, {"fields": "password"}],
)
def test_malformed_page_facts_are_an_input_error(engine, facts):
    with pytest.raises(InputError):
        engine.check_page("https://xk2j9.top/", facts)


def test_huge_strings_are_cut_not_refused(engine):
    result = page(engine, "https://xk2j9.top/", title="PayPal: Log in " + "x" * 100_000, fields=["password"])
    assert result["level"] in ("none", "danger")
    assert all(len(r.get("matched") or "") <= 200 for r in result["reasons"])


def test_a_public_service_or_points_page_asking_for_a_card_or_id_is_a_caution_but_a_code_alone_is_not(engine):
    etc = page(engine, "https://etc-rz.top/", title="ETC在线认证", fields=["card", "id_number", "otp"])
    assert etc["level"] == "caution" and etc["reasons"][0]["code"] == "page.theme_credentials"
    points = page(engine, "https://jfdh.top/", title="积分兑换中心", fields=["card", "cvv"])
    assert points["level"] == "caution"
    assert page(engine, "https://kuaidi-cx.example-x.cn/", title="快递查询", fields=["otp"])["level"] == "none"
    assert page(engine, "https://a1b2.top/", title="社保卡认证中心", fields=["id_number"])["level"] == "danger"
