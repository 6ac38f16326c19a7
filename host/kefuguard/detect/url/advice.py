"""Advice lines, in English and Chinese, following public anti-fraud guidance."""

from __future__ import annotations

from kefuguard.detect.hotlines import ANTIFRAUD_HOTLINE_CN
from kefuguard.detect.result import Advice
from kefuguard.lists.model import Brand


def official_site(brand: Brand, domain: str) -> Advice:
    return Advice(
        en=f"This is {brand.name_en}'s official site ({domain}). Even here, never tell anyone an SMS code "
        "and never move money to a so-called safe account.",
        zh=f"这是{brand.name_zh}的官方网站（{domain}）。即使在官方网站，也不要把短信验证码告诉任何人，"
        "不要向所谓“安全账户”转账。",
    )


UNKNOWN_SITE = Advice(
    en="kefu-guard knows nothing about this site. If it claims to be a brand's customer service, "
    "contact that brand through its official app or official number instead.",
    zh="kefu-guard 对该网站没有记录。如果它自称某品牌的客服，请改用该品牌官方App或官方电话联系。",
)

LEAVE_SCAM_SITE = Advice(
    en="Leave this site now. Do not enter passwords, card numbers or verification codes. If you already "
    "paid or shared anything, call your bank at once and report it "
    f"(in China: anti-fraud hotline {ANTIFRAUD_HOTLINE_CN}).",
    zh="请立即离开该网站，不要输入密码、银行卡号或验证码。如已付款或泄露信息，请立即联系银行并报警"
    f"（全国反诈预警劝阻专线 {ANTIFRAUD_HOTLINE_CN}）。",
)


def lookalike_danger(brand: Brand, domain: str) -> Advice:
    return Advice(
        en=f"This is not {brand.name_en}'s site. Leave it and do not enter passwords, card numbers or codes. "
        f"{brand.name_en}'s official site is {domain}: open it yourself or use the official app.",
        zh=f"这不是{brand.name_zh}的网站。请立即离开，不要输入密码、银行卡号或验证码。"
        f"{brand.name_zh}的官方网站是 {domain}，请自行输入网址或使用官方App。",
    )


def lookalike_caution(brand: Brand, domain: str) -> Advice:
    return Advice(
        en=f"Check the address carefully: {brand.name_en}'s official site is {domain}. If this page asks for "
        "payment, codes or a refund process, stop and go through the official app instead.",
        zh=f"请仔细核对网址：{brand.name_zh}的官方网站是 {domain}。如果该页面要求付款、验证码或办理退款，"
        "请停止操作，改用官方App办理。",
    )


SUSPICIOUS_LINK = Advice(
    en="Be careful with this link: it hides where it really leads. Do not enter passwords, card numbers or "
    "verification codes on the page it opens.",
    zh="请小心此链接：它隐藏了真实去向。不要在打开的页面上输入密码、银行卡号或验证码。",
)

SCAM_SCRIPT_SITE = Advice(
    en="No real bank, shop, courier or loan platform settles refunds, compensation or account "
    "cancellations on a site named like this. Close it; if you are unsure, call the number printed on "
    "your card or shown in the official app.",
    zh="真正的银行、商家、快递或贷款平台不会通过这样命名的网站办理退款、理赔或注销账户。请关闭它；"
    "如有疑问，请拨打银行卡背面或官方App中的电话核实。",
)

FAKE_GOVERNMENT_SITE = Advice(
    en="Government services are only on government addresses (in China they end in .gov.cn). Do not "
    "enter ID numbers, bank cards or verification codes on this site.",
    zh="政府服务只在政府网站上办理（中国政府网站以 .gov.cn 结尾）。不要在此网站输入身份证号、银行卡号或验证码。",
)
