"""check_contact: is this phone number or IM account an official channel of a listed brand, a known
scam channel, or unknown? What a customer-service agent asks on the spot ("a customer was told to
call +86 …": is it ours?), with the same result object as every other check."""

from __future__ import annotations

from typing import NamedTuple

from kefuguard.detect.channels import Channels
from kefuguard.detect.result import Advice, CheckInputError, Reason, Result, brand_card
from kefuguard.detect.text.entities import phone_keys, phone_kind
from kefuguard.errors import InputError
from kefuguard.lists.model import Brand
from kefuguard.normalize import normalize_account, normalize_phone

MAX_CONTACT_CHARS = 256
# platform names people write -> the names lists use for them (the first is the canonical one)
PLATFORMS: dict[str, tuple[str, ...]] = {
    "qq": ("qq",),
    "wechat": ("wechat", "weixin"),
    "weixin": ("wechat", "weixin"),
    "微信": ("wechat", "weixin"),
    "whatsapp": ("whatsapp",),
    "telegram": ("telegram",),
    "line": ("line",),
    "weibo": ("weibo",),
    "douyin": ("douyin",),
}
# country calling codes tried off the front of an international number: lists hold national forms
_CALLING_CODES = ("86", "852", "853", "886", "1", "44", "65", "60", "61", "62", "63", "66", "81", "82", "84", "91")


class Contact(NamedTuple):
    kind: str  # "phone" or a platform name
    value: str  # digits for a phone, "platform:account" for an account
    keys: tuple[str, ...]  # what the list may hold it as
    written: str  # as the caller wrote it (for messages)


def _bad(what: str, zh: str) -> InputError:
    return CheckInputError(what, zh, code="bad_contact")


def parse_contact(raw: object) -> Contact:
    """'+86 95188', '95188', 'qq:12345', 'wechat:abc', 'whatsapp:+44 7700 900123'."""
    if not isinstance(raw, str) or not raw.strip():
        raise _bad(
            "a contact must be a non-empty string: a phone number or 'platform:account'",
            "联系方式须为非空文本：电话号码或“平台:账号”",
        )
    text = raw.strip()
    if len(text) > MAX_CONTACT_CHARS:
        raise _bad(
            f"a contact is at most {MAX_CONTACT_CHARS} characters (this one has {len(text):,})",
            f"联系方式最多 {MAX_CONTACT_CHARS} 个字符（此处为 {len(text):,} 个）",
        )
    platform, sep, account = text.replace("：", ":").partition(":")
    if sep and platform.strip().lower() in PLATFORMS:
        names = PLATFORMS[platform.strip().lower()]
        if not account.strip():
            raise _bad(f"no account after '{platform.strip()}:'", f"“{platform.strip()}:”后面没有账号")
        keys = [normalize_account(p, account) for p in names]
        if names[0] == "whatsapp":  # a WhatsApp account is its phone number
            try:
                keys += [f"whatsapp:{k}" for k in _phone_forms(account)]
            except ValueError:
                pass
        return Contact(names[0], keys[0], tuple(dict.fromkeys(keys)), text)
    if sep and not any(c.isdigit() for c in platform):
        known = ", ".join(sorted(set(PLATFORMS) - {"微信"}))
        raise _bad(
            f"unknown platform '{platform.strip()[:40]}': use one of {known}",
            f"不认识的平台“{platform.strip()[:40]}”：可用 {known}",
        )
    try:
        forms = _phone_forms(text)
    except ValueError:
        raise _bad("not a phone number or 'platform:account'", "不是电话号码，也不是“平台:账号”") from None
    return Contact("phone", forms[0], forms, text)


def _phone_forms(text: str) -> tuple[str, ...]:
    digits = normalize_phone(text)  # ValueError when it is not 3 to 20 digits
    international = text.lstrip().startswith(("+", "00"))
    if digits.startswith("00"):
        digits = digits[2:]
    keys = list(phone_keys(digits, phone_kind(digits, international)))
    if international:
        for code in _CALLING_CODES:
            if digits.startswith(code) and len(digits) - len(code) >= 3:
                national = digits[len(code) :]
                keys += [national, "0" + national]  # '+44 20 …' is listed as '020 …'
                break
    return tuple(dict.fromkeys(keys))


def check_contact(raw: object, channels: Channels) -> Result:
    """Raises InputError (code bad_contact) for what is neither a number nor 'platform:account'."""
    contact = parse_contact(raw)
    shown = contact.written
    is_phone = contact.kind == "phone"
    scam = (
        any(channels.is_scam_phone(k) for k in contact.keys)
        if is_phone
        else any(channels.is_scam_account(k) for k in contact.keys)
    )
    result: Result
    if scam:
        kind = "phone" if is_phone else "account"
        result = Result(
            level="danger",
            reasons=[
                Reason(
                    f"scam.{kind}",
                    f"{shown} is listed as a scam channel in the signed list.",
                    f"{shown} 在签名名单中被列为诈骗联系方式。",
                    None,
                    shown,
                )
            ],
            advice=[
                Advice(
                    "Do not call, add or pay this contact. If you already did, call your bank's official number "
                    "and report it (in China: 96110).",
                    "不要拨打、添加或向其付款。如已联系或付款，请拨打银行官方电话并报警（中国：96110）。",
                )
            ],
            list_version=channels.version,
            list_stale=channels.stale,
            publisher=channels.publisher_of_scam("phones" if is_phone else "accounts", shown),
        )
    else:
        owner = None
        if is_phone:
            owner = next((b for k in contact.keys if (b := channels.brand_for_phone(k)) is not None), None)
        else:
            owner = next((b for k in contact.keys if (b := channels.brand_for_account(k)) is not None), None)
        if owner is not None:
            kind = "phone" if is_phone else "account"
            listed = _listed_form(owner, contact)
            result = Result(
                level="verified",
                reasons=[
                    Reason(
                        f"official.{kind}",
                        f"{shown} is an official channel of {owner.name_en} (listed as {listed}).",
                        f"{shown} 是{owner.name_zh}的官方联系方式（名单中为 {listed}）。",
                        listed,
                        shown,
                    )
                ],
                advice=[
                    Advice(
                        f"This is {owner.name_en}'s own. Even so, never give anyone a verification code or move money "
                        "to a 'safe account'.",
                        f"这是{owner.name_zh}的官方渠道。即便如此，也不要向任何人提供验证码，不要把钱转到所谓“安全账户”。",
                    )
                ],
                brand=owner.id,
                list_version=channels.version,
                list_stale=channels.stale,
                publisher=channels.publisher_of_brand(owner.id),
            )
            result.extra["brand_card"] = brand_card(owner)
        else:
            result = Result(
                level="none",
                reasons=[
                    Reason(
                        "none.unknown_contact",
                        f"{shown} is not an official channel of any listed brand, nor a known scam channel.",
                        f"{shown} 不是名单中任何品牌的官方联系方式，也不在已知诈骗名单中。",
                        None,
                        shown,
                    )
                ],
                advice=[
                    Advice(
                        "Not known either way: check the number or account on the brand's official site or app "
                        "before you call, add or pay it.",
                        "无法确认：拨打、添加或付款前，请在品牌官网或官方App上核实该号码或账号。",
                    )
                ],
                list_version=channels.version,
                list_stale=channels.stale,
                publisher=channels.publisher,
            )
    result.extra["contact"] = {"kind": contact.kind, "value": contact.value}
    return result


def _listed_form(brand: Brand, contact: Contact) -> str:
    """The brand's number or account as its list writes it."""
    if contact.kind == "phone":
        for written, digits in zip(brand.phones, brand.phone_digits, strict=True):
            if digits in contact.keys:
                return written
    for im in brand.im:
        if im.key in contact.keys:
            return f"{im.platform}:{im.account}"
    return contact.value
