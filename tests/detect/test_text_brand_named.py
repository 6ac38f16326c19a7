"""Which brand a chat result names, and how its texts read (issue item 11): the brand claimed is the
one the message speaks for; an IM app named only as the channel ('add my WeChat', '加我微信') is a
channel, not the claim; advice lines say whose rule they quote; a reason about no listed brand reads
as a sentence; a refused URL is named in its error."""

from __future__ import annotations

import re

import pytest

from kefuguard.detect.text.advice import never_line
from kefuguard.detect.url.parse import parse_url
from kefuguard.errors import InputError
from tests.detect.text_support import check, codes, embedded_index


def reason(result, code: str):
    return next(r for r in result.reasons if r.code == code)


@pytest.mark.parametrize(
    "text",
    [
        "我是快递员，您的包裹丢失了，加我微信 abc123 理赔",
        "我是快递员加我微信abc123理赔先交手续费",
        "加我微信领取退款",
        "请加微信客服 abc123 办理退款，需先交手续费",
        "Hi, I'm your courier, add me on WhatsApp +1 415 555 0100 to pay the customs fee",
    ],
)
def test_an_im_app_named_as_the_channel_is_not_the_brand(text):
    result = check(text)
    assert result.level != "none"
    assert result.brand is None, result.brand
    everything = " ".join([r.message for r in result.reasons] + [a.en for a in result.advice])
    for app in ("WeChat / WeChat Pay", "WhatsApp (Meta)"):
        assert app not in everything
    assert "Check with the company yourself" in everything
    if "tactic.identity_claim" in codes(result):
        claim = reason(result, "tactic.identity_claim")
        assert claim.message == "The sender presents itself as customer service or staff. Anyone can type that."
        assert claim.message_zh == "对方自称客服或工作人员。任何人都可以这样自称。"


@pytest.mark.parametrize(
    ("text", "brand", "name"),
    [
        ("我是顺丰快递员，您的包裹丢失了，加我微信 abc123 办理理赔", "sf_express", "SF Express"),
        ("Hi, I'm from DHL, your parcel is held. Add me on WhatsApp +1 415 555 0100, pay customs fee", "dhl", "DHL"),
        ("您好我是顺丰快递，包裹丢失，加我QQ 12345678 给您双倍赔偿", "sf_express", "SF Express"),
    ],
)
def test_the_brand_claimed_is_named_not_the_im_app_it_moves_you_to(text, brand, name):
    result = check(text)
    assert result.brand == brand
    assert any(a.en.startswith(f"Check with {name} yourself") for a in result.advice)


@pytest.mark.parametrize(
    "text",
    [
        "我是微信客服，您的账户被冻结，加我QQ 12345678 解冻，先交保证金",  # claims to be WeChat itself
        "您的微信账户异常，请联系客服 4001234567",  # about the WeChat account, not a move to WeChat
    ],
)
def test_the_im_app_is_the_brand_when_the_message_speaks_for_it_or_about_it(text):
    assert check(text).brand == "wechat"


def test_on_a_social_site_the_platform_is_not_the_brand_a_stranger_speaks_for():
    text = "Hi, I am your courier. Your parcel is on hold, pay the customs fee here today or it is returned"
    result = check(text, url="https://web.whatsapp.com/")
    assert result.level != "none" and result.brand is None
    assert not any("WhatsApp" in a.en for a in result.advice)


def test_a_brands_never_line_names_the_brand_in_both_languages():
    result = check("This is Amazon support, add me on WeChat to get your refund")
    assert result.brand == "amazon"
    assert any(
        a.en == "Amazon never asks you to pay over the phone, buy gift cards or install software"
        and a.zh == "亚马逊不会要求您通过电话付款、购买礼品卡或安装软件"
        for a in result.advice
    ), [a.en for a in result.advice]


SUBJECTLESS_EN = re.compile(r"(never|does|will|won't|no longer|support|sends|only)\b", re.IGNORECASE)
SUBJECTLESS_ZH = ("不", "绝不", "除", "自", "只", "发送", "客服")


def test_no_never_line_of_the_embedded_list_is_left_without_a_subject():
    brands = [b for b in embedded_index().brands.values() if b.never]
    assert len(brands) >= 20
    for brand in brands:
        for en, zh in brand.never:
            line = never_line(brand, en, zh)
            assert not SUBJECTLESS_EN.match(line.en), (brand.id, line.en)
            assert not line.zh.startswith(SUBJECTLESS_ZH), (brand.id, line.zh)
    ebay = embedded_index().brands["ebay"]
    assert never_line(ebay, *ebay.never[0]).en.startswith("eBay never asks you to sign in")
    ocbc = embedded_index().brands["ocbc"]  # a line about all banks in Singapore: the brand in front
    assert never_line(ocbc, *ocbc.never[0]).en.startswith("OCBC Bank: Banks in Singapore")
    dbs = embedded_index().brands["dbs"]  # already names the brand: as it is
    assert never_line(dbs, *dbs.never[0]).en == dbs.never[0][0]


def test_reasons_about_no_listed_brand_read_as_sentences_in_both_languages():
    result = check("Dear customer, your parcel is on hold, call 415-555-0100 today to pay the fee")
    assert result.brand is None
    party = reason(result, "notice.party")
    assert party.message == "It presents itself as a notice from a bank, public service, courier or platform."
    assert party.message_zh == "这条消息以银行、公共服务、快递或平台通知的口吻发出。"
    phone = reason(result, "notice.unofficial_phone")
    assert phone.message.startswith("It gives a number that is not a known official number.")
    assert phone.message_zh.startswith("它给出的号码不是已知的官方号码。")
    for r in result.reasons:
        assert "a company's" not in r.message and "不是的" not in r.message_zh and "以（" not in r.message_zh


def test_a_branded_number_reason_is_possessive():
    result = check("Hi, this is DHL courier. Your package is held. Call 020-12345678 and pay the customs fee")
    assert reason(result, "notice.unofficial_phone").message.startswith(
        "It gives a number that is not DHL's official number (official: "
    )
    assert reason(result, "notice.party").message == "It presents itself as a notice from DHL."


@pytest.mark.parametrize(
    ("url", "en", "zh"),
    [
        ("1ftp://x", 'only http and https URLs are checked: "1ftp://x" is not one', "“1ftp://x”"),
        ("ftp://taobao.com/", 'not ftp: URLs like "ftp://taobao.com/"', "“ftp://taobao.com/”"),
        ("http:///path", 'the URL has no host: "http:///path"', "网址中没有主机名：“http:///path”"),
    ],
)
def test_a_refused_url_is_named_in_its_error_in_both_languages(url, en, zh):
    with pytest.raises(InputError) as caught:
        parse_url(url)
    assert caught.value.code == "bad_url"
    assert en in caught.value.message
    assert zh in caught.value.message_zh  # type: ignore[attr-defined]


def test_a_refused_url_is_quoted_bounded():
    url = "bad url://" + "x" * 5000
    with pytest.raises(InputError) as caught:
        parse_url(url)
    message = caught.value.message
    assert len(message) < 400 and '"bad url://xxx' in message and "(5,010 characters)" in message
