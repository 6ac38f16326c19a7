"""Advice for chat checks, in English and Chinese, after public anti-fraud guidance.

The guidance (police and platform anti-fraud notices, the National Anti-Fraud Centre): stop; verify
through the brand's official app or official number, dialled yourself; never share codes; never
transfer money, and there is no 'safe account'; keep the chat as evidence; report (in China: 110 or
the anti-fraud line 96110). The brand's official channels are named from the list.
"""

from __future__ import annotations

import functools
import re

from kefuguard.detect.cache import BoundedCache
from kefuguard.detect.result import Advice
from kefuguard.detect.text import tactics as t
from kefuguard.lists.model import Brand

STOP = Advice(
    en="Stop here: do not pay, transfer, click its links, install apps or share any code because of this chat.",
    zh="请先停下：不要因为这段聊天付款、转账、点击链接、下载软件或提供任何验证码。",
)
VERIFY_UNKNOWN = Advice(
    en="Check with the company yourself through its official app or the number on its official website, "
    "never through a number, link or account given in the chat.",
    zh="请自行通过官方App或官网公布的电话核实，不要使用聊天中提供的号码、链接或账号。",
)
NEVER_SHARE_CODES = Advice(
    en="Never tell anyone a verification code, password, PIN, CVV or your full card or ID number: real customer "
    "service never asks for them.",
    zh="不要把验证码、密码、安全码或完整的银行卡号、身份证号告诉任何人：真正的客服不会索要。",
)
NEVER_TRANSFER = Advice(
    en="Never transfer money, borrow from lending apps or pay a 'fee' or 'deposit' to receive a refund. There is "
    "no such thing as a 'safe account'.",
    zh="不要转账，不要在借贷平台借款，也不要为“退款”先交手续费或保证金。根本不存在所谓“安全账户”。",
)
NO_SCREEN_SHARING = Advice(
    en="Do not install meeting or remote-control apps or share your screen for a refund: whoever sees your screen "
    "sees your codes and can act in your bank app.",
    zh="不要为退款下载会议或远程控制软件、开启屏幕共享：对方能看到您的验证码并操作您的银行App。",
)
STAY_ON_PLATFORM = Advice(
    en="Stay on the platform: real customer service does not move you to QQ, WeChat, a private chat or a "
    "personal number, and deals off the platform are not protected.",
    zh="请留在平台内沟通：真正的客服不会让您加QQ、微信、私聊或拨打个人号码，平台外交易不受保护。",
)
CANCEL_IS_FAKE = Advice(
    en="Student-loan accounts, memberships and '百万保障' are not cancelled by a call or chat from customer "
    "service, and your credit record is not at risk: check in the official app yourself.",
    zh="“学生账户”“百万保障”、会员等无需客服来电或聊天注销，也不会影响征信：请自行在官方App中查看。",
)
DONT_SEND = Advice(
    en="Don't send it. A verification code, password, card or ID number is for you alone; real customer service "
    "never needs it in a chat.",
    zh="请不要发送。验证码、密码、银行卡号、身份证号只属于您自己，真正的客服不需要您在聊天中提供。",
)
LEAVE_PAGE = Advice(
    en="Leave this site: it is a known scam or imitates a brand. Do not enter or send anything here.",
    zh="请离开该网站：它是已知诈骗网站或仿冒网站。不要在此输入或发送任何信息。",
)
SOCIAL_NAMES = Advice(
    en="On social sites anyone can call themselves customer service: brands answer in their own app.",
    zh="在社交网站上任何人都可以自称客服：品牌的客服请在其官方App内联系。",
)
EVIDENCE_AND_REPORT = Advice(
    en="Keep this chat as evidence. If you already paid or shared a code, call your bank at once and report it "
    "to the platform and the police (in China: 110, or the anti-fraud line {antifraud}).",
    zh="保留聊天记录作为证据。如已付款或泄露验证码，请立即联系银行，并向平台和警方举报"
    "（拨打110或全国反诈预警劝阻专线{antifraud}）。",
)
NOTHING_FOUND = Advice(
    en="Nothing suspicious found. Real customer service never asks for SMS codes, passwords or transfers.",
    zh="未发现可疑内容。真正的客服不会索要短信验证码、密码，也不会要求转账。",
)

_PAYLOAD_ADVICE = (
    ({t.CRED, t.CRED_WEAK}, NEVER_SHARE_CODES),
    ({t.MONEY_HALLMARK, t.MONEY_STRONG, t.MONEY, t.PAY}, NEVER_TRANSFER),
    ({t.REMOTE_STRONG, t.REMOTE_WEAK}, NO_SCREEN_SHARING),
    ({t.MOVE}, STAY_ON_PLATFORM),
)


# how a brand's own 'never' line from the list may start when it names nobody ('Never asks you to pay...',
# '不会要求您...'): the brand goes in front as its subject
_SUBJECTLESS_EN = re.compile(
    r"(?:never|does|doesn't|do|will|won't|would|sends|no longer|only|is|has|makes|asks|calls|uses|offers|"
    r"contacts|support|customer service|staff|employees)\b",
    re.IGNORECASE,
)
_SUBJECTLESS_ZH = tuple("不 绝不 决不 从不 从来不 除 只 仅 发送 自 客服 工作人员 没有 无".split())
_PARENTHESES = re.compile(r"\s*[(（][^()（）]*[)）]")


def short_name(name: str) -> str:
    """A brand's name without its parenthesised part: 'Apple (Apple ID / iCloud)' -> 'Apple'."""
    return _PARENTHESES.sub("", name).strip() or name


_LEAD_WORD = re.compile(r"[A-Za-z0-9&][A-Za-z0-9&.'-]*")


def _names_who(line: str, brand: Brand, names: list[str]) -> bool:
    """The line names the brand: one of its names, keywords or numbers, or a word of its English name
    as its first word ('DBS will never...' for 'DBS Bank / POSB')."""
    folded = line.casefold()
    if any(n and n.casefold() in folded for n in names):
        return True
    lead = _LEAD_WORD.match(line)
    return lead is not None and lead.group(0).casefold() in brand.name_en.casefold().replace("/", " ").split()


def never_line(brand: Brand, en: str, zh: str) -> Advice:
    """One of the brand's own 'never' lines from the list, naming who never does it: a line that starts
    without a subject gets the brand as its subject ('SF Express never asks you to pay...', '顺丰速运不会
    要求您...'); one with a subject that is not the brand gets the brand in front ('OCBC Bank: Banks in
    Singapore removed...'); one whose subject is the brand stays as it is."""
    ascii_words = [k for k in brand.keywords if k.isascii() and len(k) >= 3]
    cjk_words = [k for k in brand.keywords if not k.isascii() and len(k) >= 2]
    name_en, name_zh = short_name(brand.name_en), short_name(brand.name_zh)
    if _SUBJECTLESS_EN.match(en):
        en = f"{name_en} {en[0].lower()}{en[1:]}"
    elif not _names_who(en, brand, [brand.name_en, name_en, *ascii_words, *brand.phones]):
        en = f"{name_en}: {en}"
    if zh.startswith(_SUBJECTLESS_ZH):
        zh = f"{name_zh}{zh}"
    elif not _names_who(zh, brand, [brand.name_zh, name_zh, name_en, *cjk_words, *ascii_words, *brand.phones]):
        zh = f"{name_zh}：{zh}"
    return Advice(en, zh)


def verify_with(brand: Brand | None) -> Advice:
    if brand is None:
        return VERIFY_UNKNOWN
    phones, phones_en = "、".join(brand.phones[:3]), " or ".join(brand.phones[:3])
    domain = brand.primary_domain
    app_en, app_zh = f"the official {brand.name_en} app", f"{brand.name_zh}官方App"
    in_app = next((im.account for im in brand.im if im.platform == "app"), None)
    if in_app:
        app_zh = in_app
    if phones:
        return Advice(
            en=f"Check with {brand.name_en} yourself: use {app_en} or call {phones_en} (dial it yourself; "
            f"its site is {domain}). Do not use any number, link or account from the chat.",
            zh=f"请自行向{brand.name_zh}核实：使用{app_zh}，或亲自拨打官方电话 {phones}（官网 {domain}）。"
            "不要使用聊天中提供的号码、链接或账号。",
        )
    return Advice(
        en=f"Check with {brand.name_en} yourself in {app_en} or on {domain}. Do not use any number, link or "
        "account from the chat.",
        zh=f"请自行在{app_zh}或官网 {domain} 核实。不要使用聊天中提供的号码、链接或账号。",
    )


def advice_for(
    level: str,
    categories: set[str],
    tactic_names: set[str],
    brand: Brand | None,
    *,
    outgoing_secret: bool,
    scam_page: bool,
    social_sender: bool,
    antifraud_number: str,
) -> list[Advice]:
    if level == "none":
        return [NOTHING_FOUND]
    lines: list[Advice] = []
    if scam_page:
        lines.append(LEAVE_PAGE)
    if outgoing_secret:
        lines.append(DONT_SEND)
    else:
        lines.append(STOP)
    verify, never = _brand_lines(brand) if brand is not None else (VERIFY_UNKNOWN, ())
    lines.append(verify)
    if "cancel_service" in tactic_names:
        lines.append(CANCEL_IS_FAKE)
    for cats, line in _PAYLOAD_ADVICE:
        if cats & categories and line not in lines:
            lines.append(line)
    if outgoing_secret and NEVER_SHARE_CODES not in lines:
        lines.append(NEVER_SHARE_CODES)
    if social_sender:
        lines.append(SOCIAL_NAMES)
    lines.extend(never)
    lines.append(_evidence_and_report(antifraud_number))
    return lines


# A brand's lines depend on the brand alone: made once per brand of the list in use, not per message
# (keyed by the object, so a new list's brands get their own; bounded for lists that keep changing)
_BRAND_LINES: BoundedCache[int, tuple[Brand, Advice, tuple[Advice, ...]]] = BoundedCache(4096)


def _brand_lines(brand: Brand) -> tuple[Advice, tuple[Advice, ...]]:
    """verify_with(brand) and the brand's first 'never' line (never_line), if it has one."""
    kept = _BRAND_LINES.get(id(brand))
    if kept is None or kept[0] is not brand:
        never = tuple(never_line(brand, en, zh) for en, zh in brand.never[:1] if en and zh)
        kept = _BRAND_LINES.put(id(brand), (brand, verify_with(brand), never))
    return kept[1], kept[2]


@functools.lru_cache(maxsize=16)  # one anti-fraud number per list
def _evidence_and_report(antifraud_number: str) -> Advice:
    return Advice(
        EVIDENCE_AND_REPORT.en.format(antifraud=antifraud_number),
        EVIDENCE_AND_REPORT.zh.format(antifraud=antifraud_number),
    )
