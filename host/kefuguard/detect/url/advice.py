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

# a site named for a scam's theme (scam_themes.THEMES): what the real services of that theme never do
SCAM_THEME_SITE: dict[str, Advice] = {
    "tax": Advice(
        en="Tax agencies do not send refund or rebate links by text message or e-mail. Do not enter card "
        "details here; to check for a refund, type your tax agency's address yourself or use its official app.",
        zh="税务机关不会通过短信或邮件发送退税链接。不要在此输入银行卡信息；如需查询退税，"
        "请自行输入税务机关的官方网址或使用其官方App。",
    ),
    "toll": Advice(
        en="Toll operators and traffic authorities do not collect unpaid tolls or fines through links in "
        "messages. Do not pay here; check your account on the operator's official site or app, typed in yourself.",
        zh="高速公路收费运营方和交管部门不会通过短信链接催缴通行费或罚款。不要在此付款；"
        "请自行输入官方网址或使用官方App查询。",
    ),
    "parcel": Advice(
        en="Couriers and customs do not ask for redelivery or duty fees through links in messages. Do not pay "
        "or enter card details here; track the parcel with its number on the courier's own site or app.",
        zh="快递公司和海关不会通过短信链接收取重新派送费或关税。不要在此付款或输入银行卡信息；"
        "请在快递公司官网或官方App用运单号查询。",
    ),
    "account": Advice(
        en="No bank, shop or platform asks you to verify or unlock an account on a site like this. Do not sign "
        "in or enter codes here; open the official app yourself.",
        zh="银行、商家或平台不会让你在这样的网站上验证或解封账户。不要在此登录或输入验证码；请自行打开官方App。",
    ),
    "refund": Advice(
        en="Real customer service does not handle refunds or compensation on a site like this, and never asks "
        "you to pay, share your screen or tell an SMS code to get money back. Contact the shop through its "
        "official app.",
        zh="真正的客服不会通过这样的网站办理退款或理赔，也不会要求你付款、共享屏幕或提供短信验证码来退钱。"
        "请通过商家的官方App联系客服。",
    ),
    "cancel": SCAM_SCRIPT_SITE,
    "task": SCAM_SCRIPT_SITE,
}
