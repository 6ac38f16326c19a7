"""A look-alike host is shown as the user saw it: the Unicode form with each look-alike character
marked, then its punycode (issue item 10); the punycode fields stay as they were."""

from __future__ import annotations

import pytest

from kefuguard.detect.url.display import shown_host, unicode_host

NOTE_EN = "Characters in [ ] only look like the letters they imitate."
NOTE_ZH = "[ ] 中的字符只是外形与所模仿的字母相似。"


@pytest.mark.parametrize("url", ["https://xn--lipay-3ve.com/", "https://\u0430lipay.com/"])  # Cyrillic а
def test_a_homograph_is_shown_in_unicode_with_its_look_alike_letters_marked_then_punycode(engine, url):
    result = engine.check_url(url)
    (reason,) = result["reasons"]
    assert reason["code"] == "lookalike.homograph"
    for text, note in ((reason["message"], NOTE_EN), (reason["message_zh"], NOTE_ZH)):
        assert text.startswith("[\u0430]lipay.com (xn--lipay-3ve.com) "), text
        assert text.endswith(note), text
    assert reason["matched"] == "xn--lipay-3ve.com"  # the existing fields keep the punycode
    assert result["host"] == result["domain"] == "xn--lipay-3ve.com"
    assert result["host_unicode"] == result["domain_unicode"] == "\u0430lipay.com"


def test_every_look_alike_character_is_marked_and_a_subdomain_host_too(engine):
    apple = engine.check_url("https://xn--80ak6aa92e.com/")["reasons"][0]["message"]
    assert apple.startswith("[\u0430][\u0440][\u0440][\u04cf][\u0435].com (xn--80ak6aa92e.com) uses look-alike")
    embedded = engine.check_url("https://www.\u0430lipay.com.evil.top/")
    assert embedded["reasons"][0]["code"] == "lookalike.embedded_domain"
    assert embedded["reasons"][0]["message"].startswith(
        "www.[\u0430]lipay.com.evil.top (www.xn--lipay-3ve.com.evil.top) starts with alipay.com"
    )
    assert embedded["host_unicode"] == "www.\u0430lipay.com.evil.top" and embedded["domain_unicode"] == "evil.top"


def test_chinese_characters_and_a_site_that_imitates_nobody_are_not_marked(engine):
    chinese = engine.check_url("https://淘宝客服.com/")["reasons"][0]
    assert chinese["message"].startswith("淘宝客服.com (xn--pbtk388fxyg.com) uses the Chinese name of Taobao")
    assert "[" not in chinese["message"] and NOTE_EN not in chinese["message"]
    unknown = engine.check_url("https://münchen.de/")
    assert unknown["reasons"][0]["message"].startswith("münchen.de (xn--mnchen-3ya.de) is not an official domain")
    assert "[" not in unknown["reasons"][0]["message_zh"]


def test_an_ascii_host_has_no_unicode_fields_and_reads_as_before(engine):
    result = engine.check_url("https://taobao-kefu.com/")
    assert "host_unicode" not in result and "domain_unicode" not in result
    assert result["reasons"][0]["message"].startswith("taobao-kefu.com ")


def test_a_chat_link_reason_shows_the_unicode_form_too(engine):
    result = engine.check_text({"text": "退款请登录 https://xn--lipay-3ve.com/refund 办理"})
    link = next(r for r in result["reasons"] if r["code"] == "link.lookalike.homograph")
    assert link["message"].startswith("[\u0430]lipay.com (xn--lipay-3ve.com)")


def test_display_helpers_leave_undecodable_and_plain_hosts_alone():
    assert shown_host("taobao.com") == ("taobao.com", False)
    assert shown_host("xn--bad") == ("xn--bad", False)  # punycode of nothing printable: as it is
    assert unicode_host("xn--bad.xn--lipay-3ve.com") == "xn--bad.\u0430lipay.com"
    assert shown_host("xn--lipay-3ve.com", mark=False) == ("\u0430lipay.com (xn--lipay-3ve.com)", False)


def test_a_result_naming_a_brand_carries_its_card_with_names_and_official_channels():
    from kefuguard.detect.text.check import ChatMessage, check_text
    from kefuguard.detect.url.check import check_url
    from tests.detect.text_support import embedded_index

    text_index = embedded_index()
    url = check_url("https://taobao-kefu.com/refund", text_index.urls).to_dict()
    card = url["brand_card"]
    assert (card["id"], card["name"], card["name_zh"]) == ("taobao", "Taobao", "淘宝")
    assert "taobao.com" in card["domains"] and card["phones"]
    message = ChatMessage("您好，我是顺丰快递客服，您的包裹丢失，加我微信 abc123 办理理赔")
    chat = check_text(message, text_index).to_dict()
    assert chat["brand"] == "sf_express" and "95338" in chat["brand_card"]["phones"]
    unknown = check_url("https://example.org/", text_index.urls).to_dict()
    assert unknown["brand"] is None and "brand_card" not in unknown
