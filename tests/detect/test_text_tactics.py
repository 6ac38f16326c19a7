"""Chat checks, table-driven: fake-customer-service scripts, evasions, and the hard negatives real
shops, couriers and banks send every day. All cases are written for these tests."""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

DANGER = [
    # claim + a problem or a refund + moving off the platform: the classic opener
    ("您好，我是闲鱼客服，您的订单异常，请加我微信处理", {"tactic.identity_claim", "tactic.off_platform"}),
    (
        "您好，我是淘宝客服，您购买的商品有质量问题，我们给您双倍退款，请加我QQ 123456789",
        {"tactic.identity_claim", "tactic.refund_lure", "tactic.off_platform"},
    ),
    (
        "您好，我是淘宝客服，您购买的商品有质量问题，可以为您办理退款，请把收到的验证码发给我",
        {"tactic.identity_claim", "tactic.credential_request"},
    ),
    (
        "我是京东金融的工作人员，您在大学期间开通了学生账户，需要注销，否则会影响征信。请把借呗的额度借出来转到指定账户",
        {"tactic.cancel_service", "tactic.loan_app"},
    ),
    ("为了保障您的资金安全，请把余额转入国家安全账户", {"tactic.safe_account"}),
    ("您好，我是支付宝客服，您的花呗额度可以提升，先交200元激活费就可以", {"tactic.advance_fee"}),
    ("请访问ｔａｏｂａｏ－ｋｅｆｕ．ｃｏｍ申请理赔", {"link.lookalike.combo"}),  # a full-width address is an address
    (
        "Hello, I'm from Alipay. Your Huabei limit can be raised, just pay a 200 yuan activation fee first.",
        {"tactic.advance_fee"},
    ),
    ("请把资金转到安全帐户，核查完毕后会退还给您", {"tactic.safe_account"}),  # 帐, the older form of 账
    # the opener alone, when it is a scam script's own: claim + student account + credit threat;
    # a refund that needs screen sharing; a problem-and-refund story that asks for the code
    (
        "我们是京东金融的，您之前开通了学生账户，现在国家要求注销，不注销会影响您的征信",
        {"tactic.cancel_service", "tactic.identity_claim", "tactic.threat"},
    ),
    ("为了给您办理退款，请下载腾讯会议，会议号 882 331 902，进入后打开屏幕共享", {"tactic.screen_share"}),
    ("快递丢件了要给您理赔，请提供一下手机收到的验证码", {"tactic.credential_request", "tactic.refund_lure"}),
    (
        "这边是顺丰理赔中心，您的快递在运输中丢失了，给您三倍赔偿，请下载腾讯会议并开启屏幕共享，我来指导您操作",
        {"tactic.refund_lure", "tactic.screen_share"},
    ),
    ("我是客服，退款需要先缴纳500元保证金，退款到账后一并返还", {"tactic.advance_fee"}),
    (
        "您好，我是拼多多官方客服，您的账户存在异常，请扫描下方二维码领取退款",
        {"tactic.qr_code", "tactic.identity_claim"},
    ),
    ("我是淘寶客服，請把驗證碼發給我", {"tactic.identity_claim", "tactic.credential_request"}),  # traditional
    ("我是淘宝客服，请把验\u200b证\u200b码发给我", {"tactic.credential_request"}),  # zero-width
    (
        "Hi, this is Amazon customer service. We will refund your order, please install AnyDesk so I can help you.",
        {"tactic.identity_claim", "tactic.screen_share"},
    ),
    (
        "This is PayPal support. Your account has been suspended. To restore it, tell us the one-time code we sent.",
        {"tactic.identity_claim", "tactic.credential_request"},
    ),
    (
        "Your refund is ready. To receive it, buy Google Play gift cards and send us the codes.",
        {"tactic.gift_card"},
    ),
]

CAUTION = [
    ("尊敬的客户，您好！我们发现您的京东白条信用额度异常，需要帮您关闭后重新开启", {"tactic.account_problem"}),
    ("打开 http://134744072/refund 办理退款", {"link.url.ip_host"}),  # an address with no dot in it at all
    (
        "You opened a student loan account in college; cancel it now or your credit record will be affected.",
        {"tactic.cancel_service", "tactic.threat"},
    ),
    # a courier's or a bank's name, a problem, and "confirm your address" at an unlisted link
    (
        "The USPS package has arrived at the warehouse and cannot be delivered due to incomplete address "
        "information. Please confirm your address in the link https://www.after-salescenter.win",
        {"entity.unofficial_link", "tactic.delivery_problem"},
    ),
    (
        "USPS-Your package is being returned to the sender, your address could not be verified. Finish update "
        "here: https://cya.nz/4UJQ",
        {"entity.unofficial_link", "tactic.delivery_problem"},
    ),
    (
        "We found a suspicious transaction, for security reasons we have deactivated your account. Please verify "
        "it at https://l.ead.me/Account-Verify-ID9517453",
        {"tactic.phishing_link", "tactic.account_problem"},
    ),
    ("请把收到的短信验证码告诉我", {"tactic.credential_request"}),
    ("亲，退款请加 V 信：kefu8888", {"tactic.off_platform", "tactic.refund_lure"}),
    ("加 薇 信 领 取 理 赔 金", {"tactic.refund_lure"}),
    ("Ｑ Ｑ：12345678 联系我办理双倍赔偿", {"tactic.refund_lure", "tactic.off_platform"}),
    ("tui kuan 请加 wei xin", {"tactic.off_platform"}),
    ("我们发现您开通了百万保障服务，每月自动扣费，需要您配合取消", {"tactic.cancel_service"}),
    ("稳赚不赔，导师带单，日赚500", {"tactic.investment_lure"}),
    ("请安装远程控制软件，我帮您处理", {"tactic.screen_share"}),
    ("【支付宝】您的账户存在风险，请联系客服电话 400-123-9999 处理", {"entity.unofficial_phone"}),
    (
        "USPS: your package could not be delivered due to an incomplete address. Click to update: http://a1b2c3.top/a",
        {"entity.unofficial_link", "tactic.delivery_problem"},
    ),
]

# a notice script with a deadline through a channel that is not the party's: danger (notice.py)
NOTICE_DANGER = [
    (
        "[Amazon ]: Your account has been locked. Verify your account before 24 hours http://unbouncepages.com/9cab",
        {"notice.unofficial_link", "tactic.account_problem"},
    ),
    (
        "【工商银行】您的账户存在异常，请立即点击 http://a1b2c3.top/login 进行验证",
        {"notice.unofficial_link", "notice.state"},
    ),
]

NONE = [
    # a shop agent reporting a refund in progress, off any listed site: a status, not a lure
    "亲，这边是店铺客服，退款已处理，有问题可以在这里留言",
    "您好，已为您退款，请注意查收",
    "您好，退款已处理，预计1-3个工作日原路退回",
    "【京东】您的退款已到账，如有疑问请联系京东客服",
    "【中国工商银行】您尾号1234的卡于11月23日转账支出500元，余额2000元。如非本人操作请致电95588",
    "验证码482910，您正在登录支付宝，请勿将验证码告诉任何人",
    "【顺丰速运】您的快件已由快递员张师傅派送，联系电话13800138000，请保持电话畅通",
    "亲，这款衣服有货的，今天下单明天发货",
    "客服不会以任何理由向您索要验证码，请勿泄露",
    "公安机关没有所谓的安全账户，请勿向陌生账户转账",
    "您好，我是客服小美，请问有什么可以帮您？",
    "我是客服小美，您的退款已经处理好了",
    "亲，拆封后不支持七天无理由退货哦",
    "明天下午3点腾讯会议讨论项目进度",
    "请拨打京东官方客服电话95118咨询",
    "您可以下载京东App，在“我的-客户服务”里申请售后",
    "I'll pay you back tomorrow, can you transfer me 20 quid?",
    "Your Amazon order has shipped. Track it in the Amazon app.",
    "Hey, can you send me the notes from today's class?",
    "Sorry your parcel was damaged! You can request a refund in your orders page.",
    "",
]


@pytest.mark.parametrize("text, expected", DANGER)
def test_scripts_that_ask_for_codes_money_or_screens_are_danger(text, expected):
    result = check(text)
    assert result.level == "danger", [r.code for r in result.reasons]
    assert expected <= codes(result)


@pytest.mark.parametrize("text, expected", NOTICE_DANGER)
def test_notice_scripts_with_a_deadline_and_an_unofficial_channel_are_danger(text, expected):
    result = check(text)
    assert result.level == "danger", [r.code for r in result.reasons]
    assert expected <= codes(result)


@pytest.mark.parametrize("text, expected", CAUTION)
def test_pretexts_and_single_requests_are_caution(text, expected):
    result = check(text)
    assert result.level == "caution", [r.code for r in result.reasons]
    assert expected <= codes(result)


@pytest.mark.parametrize("text", NONE)
def test_what_genuine_service_says_every_day_is_not_warned(text):
    result = check(text)
    assert result.level == "none", [(r.code, r.matched) for r in result.reasons]


def test_reasons_quote_the_text_and_name_the_official_channels():
    result = check("我是支付宝客服，请把验证码发给我")
    claim = next(r for r in result.reasons if r.code == "tactic.identity_claim")
    assert claim.matched == "我是支付宝客服" and "95188" in (claim.official or "")
    assert result.brand == "alipay"
    phone = next(r for r in check("【支付宝】您的账户存在风险，请联系客服电话 400-123-9999").reasons)
    assert phone.code == "entity.unofficial_phone" and phone.official == "95188" and phone.matched == "400-123-9999"


def test_an_official_number_supports_legitimacy_without_raising_the_level():
    result = check("请拨打京东官方客服电话95118咨询")
    official = next(r for r in result.reasons if r.code == "official.phone")
    assert result.level == "none" and official.official == "95118" and result.brand == "jd"


def test_reasons_come_in_both_languages():
    for r in check("您好，我是淘宝客服，请把验证码发给我").reasons:
        assert r.message and r.message_zh and r.message != r.message_zh
