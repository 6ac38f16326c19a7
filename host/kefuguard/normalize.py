"""Canonical forms for the things a list names: domains, phone numbers, IM accounts.

The list compiler and the detectors both call these, so a value matches however it was written.
"""

from __future__ import annotations

import re

_NOT_DIGIT = re.compile(r"[^0-9]")
_DOTS = str.maketrans({"。": ".", "．": ".", "｡": "."})  # ideographic / full-width dots act as dots in hosts


PLAIN_HOST = re.compile(r"[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63})*")  # labels exclude ".": no backtracking


def normalize_domain(value: str) -> str:
    """Lower-case ASCII (punycode) form, no trailing dot. Raises ValueError when it is no hostname."""
    host = value.strip().rstrip(".").lower()
    if len(host) <= 253 and PLAIN_HOST.fullmatch(host):
        return host  # the common case: already a plain ASCII host name
    host = host.translate(_DOTS).rstrip(".")
    if not host or len(host) > 253 or any(c in host for c in "/\\@:?# \t\r\n\x00"):
        raise ValueError(f"not a hostname: {value!r}")
    if not host.isascii():
        labels = []
        for label in host.split("."):
            if label.isascii():
                labels.append(label)
                continue
            try:
                # IDNA 2003 nameprep (NFKC + case fold) like a browser: ｔａｏｂａｏ -> taobao, 淘宝 -> xn--...
                labels.append(label.encode("idna").decode("ascii").lower())
            except UnicodeError:
                try:
                    labels.append("xn--" + label.encode("punycode").decode("ascii"))
                except UnicodeError as e:
                    raise ValueError(f"not a hostname: {value!r}") from e
        host = ".".join(labels)
    if any(not label or len(label) > 63 for label in host.split(".")):
        raise ValueError(f"not a hostname: {value!r}")
    return host


def normalize_phone(value: str) -> str:
    """Digits only: '+1-800-275-2273' -> '18002752273', '400-820-8820' -> '4008208820'."""
    digits = _NOT_DIGIT.sub("", value)
    if not 3 <= len(digits) <= 20:
        raise ValueError(f"not a phone number: {value!r}")
    return digits


def normalize_account(platform: str, account: str) -> str:
    """'QQ', ' 12345 ' -> 'qq:12345'. Accounts compare case-insensitively, and a handle's '@' is
    how it is written, not part of it ('telegram:@x' is 'telegram:x')."""
    p, a = platform.strip().lower(), account.strip().lower().lstrip("@")
    if not p or not a:
        raise ValueError("an account needs a platform and a name")
    return f"{p}:{a}"


def normalize_account_text(value: str) -> str:
    """An account written as one string 'platform:account'."""
    platform, sep, account = value.partition(":")
    if not sep:
        raise ValueError(f"an account is written 'platform:account', got {value!r}")
    return normalize_account(platform, account)
