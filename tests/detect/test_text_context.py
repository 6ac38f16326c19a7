"""What around a message changes its verdict: the page it is on, the sender's display name, the
direction (text the user is about to send), the earlier messages, and the list's scam entries."""

from __future__ import annotations

import pytest

from kefuguard.detect.text.advice import NOTHING_FOUND
from kefuguard.detect.text.check import ChatMessage, check_conversation
from tests.detect.test_text_entities import VALID_CARD, VALID_ID
from tests.detect.text_support import check, codes, embedded_index, engine_with_test_list

TAOBAO_PAGE = "https://www.taobao.com/chat?id=1"
SCAM_PAGE = "https://meituan-p.cn/kefu"  # a scam domain on the embedded list
SOCIAL_PAGE = "https://weibo.com/u/123"

# --- page context ---------------------------------------------------------------------------------


def test_on_the_brands_verified_site_moving_off_platform_still_warns():
    result = check("加我微信聊，价格可以再便宜点", url=TAOBAO_PAGE)
    assert result.level == "caution"
    move = next(r for r in result.reasons if r.code == "tactic.off_platform")
    assert move.official == "taobao.com"
    assert "context.official_page" in codes(result)


def test_on_the_verified_site_a_code_request_is_caution_not_danger():
    result = check("您好，我是淘宝客服，请提供一下收到的验证码，为您取消订单", url=TAOBAO_PAGE)
    assert result.level == "caution" and "tactic.credential_request" in codes(result)


def test_on_the_verified_site_its_own_staff_offering_a_refund_is_fine():
    assert check("您好，我是淘宝客服，这边为您办理退款", url=TAOBAO_PAGE).level == "none"


def test_on_the_verified_site_a_safe_account_is_still_danger():
    assert check("请把钱转入安全账户", url=TAOBAO_PAGE).level == "danger"


@pytest.mark.parametrize("text", ["你好", "", "亲，在的，请问有什么可以帮您"])
def test_on_a_scam_or_lookalike_page_any_chat_is_danger(text):
    result = check(text, url=SCAM_PAGE)
    assert result.level == "danger"
    page = next(r for r in result.reasons if r.code == "context.lookalike_page")
    assert page.matched == SCAM_PAGE


def test_a_page_url_that_is_not_http_is_ignored_not_an_error():
    assert check("你好", url="chrome-extension://abc/popup.html").level == "none"


# --- sender display names ------------------------------------------------------------------------


def test_on_a_social_site_a_display_name_claiming_a_brand_is_impersonation():
    result = check("您好，请问有什么问题吗？", sender="淘宝官方客服", url=SOCIAL_PAGE)
    assert result.level == "caution"
    reason = next(r for r in result.reasons if r.code == "context.sender_impersonation")
    assert reason.matched == "淘宝官方客服" and "taobao.com" in (reason.official or "")


def test_on_the_brands_own_site_its_display_name_is_genuine():
    assert check("您好，请问有什么问题吗？", sender="淘宝官方客服", url=TAOBAO_PAGE).level == "none"


def test_a_display_name_claim_plus_a_code_request_is_danger():
    assert check("请把验证码发给我", sender="京东客服").level == "danger"


def test_an_ordinary_display_name_changes_nothing():
    assert check("您好，请问有什么问题吗？", sender="小明", url=SOCIAL_PAGE).level == "none"


# --- outgoing text --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ("482910", "outgoing.verification_code"),
        ("4829 10", "outgoing.verification_code"),
        ("验证码是482910", "outgoing.verification_code"),
        ("the code is 1234", "outgoing.verification_code"),
        (f"我的身份证号是{VALID_ID}", "outgoing.id_number"),
        (f"卡号{VALID_CARD}", "outgoing.card_number"),
        ("支付密码是Abc12345", "outgoing.password"),
        ("my password is hunter22", "outgoing.password"),
        ("cvv 123", "outgoing.cvv"),
        ("有效期12/27 背面三位123", "outgoing.cvv"),  # the three digits named by where they are
        ("卡背面是 456", "outgoing.cvv"),
    ],
)
def test_about_to_send_a_secret_is_warned_before_sending(text, code):
    result = check(text, direction="outgoing")
    assert result.level == "caution" and code in codes(result)
    assert result.extra["direction"] == "outgoing"
    assert "Don't send" in " ".join(a.en for a in result.advice)


def test_sending_a_code_right_after_being_asked_for_it_is_danger():
    result = check("482910", direction="outgoing", context=["我是淘宝客服，请把验证码发给我"])
    assert result.level == "danger"
    assert "context.credential_request" in codes(result)


@pytest.mark.parametrize(
    "text", ["好的，谢谢", "你是淘宝客服吗？退款怎么办", "我的订单号是 2024112312345", "password is wrong"]
)
def test_ordinary_outgoing_text_is_not_warned(text):
    assert check(text, direction="outgoing").level == "none"


# --- earlier messages -----------------------------------------------------------------------------


def test_a_claim_in_an_earlier_message_completes_a_later_request():
    result = check("请下载腾讯会议，我教您操作领取赔偿", context=["您好，我是支付宝客服，您的快递丢失了"])
    assert result.level == "danger"
    assert {"context.identity_claim", "tactic.screen_share"} <= codes(result)


def test_an_earlier_claim_does_not_make_small_talk_suspicious():
    assert check("好的，请稍等", context=["您好，我是淘宝客服"]).level == "none"


def test_a_warning_is_not_repeated_on_every_later_message():
    # the request itself was warned; 'wait for the refund' afterwards adds nothing new
    assert check("您耐心等待下退款", context=["麻烦您把收到的验证码提供一下"]).level == "none"


def test_a_conversation_is_judged_message_by_message_with_context():
    messages = [
        ChatMessage("您好，这里是京东客服，您的白条需要注销，否则影响征信"),
        ChatMessage("好的"),
        ChatMessage("请下载腾讯会议，打开屏幕共享"),
        ChatMessage("482910", direction="outgoing"),
    ]
    levels = [r.level for r in check_conversation(messages, embedded_index())]
    assert levels == ["caution", "none", "danger", "danger"]


# --- the list's scam entries ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ("请联系 400-123-4567 办理退款", "entity.scam_phone"),
        ("加QQ 123456789 领取赔偿", "entity.scam_account"),
        ("退款请点 https://evil-refund.top/x", "link.scam.domain"),
    ],
)
def test_listed_scam_numbers_accounts_and_links_are_danger(home, signing_key, tmp_path, text, code):
    index = engine_with_test_list(home, signing_key, tmp_path).text_index()
    result = check(text, index)
    assert result.level == "danger" and code in codes(result)


# --- advice ---------------------------------------------------------------------------------------


def test_advice_names_the_brands_official_number_and_the_anti_fraud_line():
    result = check("您好，我是支付宝客服，请把验证码发给我")
    en = " ".join(a.en for a in result.advice)
    zh = " ".join(a.zh for a in result.advice)
    assert "95188" in en and "95188" in zh
    assert "96110" in en and "96110" in zh
    assert "evidence" in en and "证据" in zh
    assert "verification code" in en


def test_advice_when_nothing_is_found():
    assert check("亲，今天下单明天发货").advice == [NOTHING_FOUND]
