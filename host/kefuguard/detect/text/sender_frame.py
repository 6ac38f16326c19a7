"""A notice's sender frame: '【建设银行】' at the start or the end, a greeting ('尊敬的…用户',
'车主您好', 'Dear customer'), or a sender's name before a colon ('USPS:', 'Chase Fraud:'). The
message presents itself as a notice from someone."""

from __future__ import annotations

import re

from kefuguard.detect.text.normalize import fold_text

SENDER_FRAME_SEARCH = 400  # a greeting frame is near the start ('尊敬的…用户', 'Dear customer')

# at the start or the end: '【工商银行】', '[建设银行]', '〖福建省醫保局〗'. Two patterns, the one at the start
# matched there, the one at the end searched: one pattern with both tried them at every position (its
# '^' branch first), where the second alone opens with a character class the search skips to in C
_BRACKET_AT_START = re.compile(r"\s*[【\[〖「]([^】\]〗」\n]{1,20})[】\]〗」]")
_BRACKET_AT_END = re.compile(r"[【\[〖「]([^】\]〗」\n]{1,20})[】\]〗」]\s*[。.]?\s*$")

_DEAR_FRAME = re.compile(
    r"(?:尊敬的|亲爱的)[^，,。！!\n]{0,12}?(?:用户|客户|车主|机主|会员|旅客|乘客|持卡人|先生|女士|参保人|纳税人|"
    r"业主|居民|市民|家长|学员|申请人)|"
    r"(?:用户|客户|车主|机主|会员|旅客|乘客|持卡人|参保人|纳税人)(?:您好|你好)|"
    # 'Dear customer', 'Dear Duke Energy customer': up to three words of a name before the role
    r"\bdear (?:valued |our )?(?:[a-z0-9&.'-]+ ){0,3}?(?:customer|user|member|client|taxpayer|cardholder|account ?holder|"
    r"subscriber|applicant|beneficiary|winner|citizen|resident|recipient|passenger|traveller|traveler|"
    r"policyholder|policy holder|shopper|patron|sir {0,3}/? {0,3}madam|sir or madam)",
    re.IGNORECASE,
)

_DEAR_FRAME_WORDS = ("尊敬", "亲", "親", "ear")
# one of these stands in every greeting _DEAR_FRAME matches (tests/detect/test_text_gates.py checks each
# of its alternatives): without one the pattern, tried at every position, cannot match
_GREETING_CUE = re.compile("尊敬的|亲爱的|您好|你好|dear")

_ROLES = tuple("用户 客户 客戶 车主 車主 机主 機主 会员 會員 旅客 乘客 持卡人 参保人 纳税人".split())


# the cheap tests below as one search each, in C (a generator of `in` tests costs more than the search)
_BRACKET_OPEN = re.compile("[【\\[〖「]")
_DEAR_WORD = re.compile("|".join(map(re.escape, _DEAR_FRAME_WORDS)))
_ROLE_WORD = re.compile("|".join(map(re.escape, _ROLES)))


def _greeting(head: str) -> bool:
    return "您好" in head or "你好" in head


_LABEL_FRAME = re.compile(  # 'USPS:', 'ROYAL MAIL:', 'Chase:', and 'citizens alert – ' (a notice noun, a dash)
    r"^\s*([A-Z][A-Za-z0-9&.'\- ]{1,28}):|^\s*([A-Za-z][A-Za-z0-9&.' ]{0,24} (?i:alert|notice|notification)) ?[-–—] "
)


def sender_frame(text: str, folded: str | None = None) -> tuple[int, int] | None:
    """'【建设银行】', '尊敬的工行用户', 'Dear customer', 'USPS:': the message presents itself as a notice.
    The greeting is matched folded ('尊敬的客戶' in traditional characters too; same positions)."""
    head = text[:SENDER_FRAME_SEARCH]
    if _BRACKET_OPEN.search(text):  # cheap tests first: most messages have no frame at all
        m = _BRACKET_AT_START.match(text) or _BRACKET_AT_END.search(text)
        if m is not None:
            return m.start(), m.end()
    if _DEAR_WORD.search(head) or (_greeting(head) and _ROLE_WORD.search(head)):
        greeting = (folded or fold_text(head))[:SENDER_FRAME_SEARCH]
        m = _DEAR_FRAME.search(greeting) if _GREETING_CUE.search(greeting) else None
        if m is not None:
            return m.start(), m.end()
    if ":" in head[:32] or "-" in head[:40] or "–" in head[:40] or "—" in head[:40]:
        m = _LABEL_FRAME.search(head)
        if m is not None and _is_a_name(m.group(1) or m.group(2)):
            return m.start(), m.end()
    return None


def label_frame(text: str) -> tuple[int, int] | None:
    """The span of a sender's name opening the message before a colon ('DHL:', 'Royal Mail:'): how
    English SMS sign themselves, as Chinese ones do with '【顺丰速运】'."""
    if ":" not in text[:32]:
        return None
    m = _LABEL_FRAME.search(text[:SENDER_FRAME_SEARCH])
    if m is None or m.group(1) is None or not _is_a_name(m.group(1)):
        return None
    return m.span(1)


_NOT_A_NAME = frozenset(
    "your you we our i the this that it please hi hello dear note important attention warning reminder".split()
)


def _is_a_name(label: str) -> bool:
    """'USPS', 'Royal Mail', 'Chase Fraud' name a sender; 'Your scan is complete' is a sentence."""
    words = label.split()
    if "from" in words[1:-1] and words[0].lower() in _NOTICE_NOUNS | _NOTICE_HEADS:
        # 'Fraud Alert from Capital One:', 'Message from Chase:': the sender is named after 'from'
        words = words[words.index("from") + 1 :]
    if len(words) == 4 and words[-1].lower() in _NOTICE_NOUNS:  # 'Chase Bank Fraud Alert'
        return words[0].lower() not in _NOT_A_NAME
    return 0 < len(words) <= 3 and words[0].lower() not in _NOT_A_NAME


_NOTICE_NOUNS = frozenset("alert alerts notice notification team support security services update".split())
_NOTICE_HEADS = frozenset("fraud security account urgent important message text sms".split())
