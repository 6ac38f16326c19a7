"""Entities in a chat message: links, phone numbers, QQ numbers, WeChat IDs, card and ID numbers,
verification codes.

Every pattern here is linear: single character classes with bounded repeats, alternatives that
cannot overlap (digits vs. spaces), no nested ambiguous quantifiers; everything else is plain
Python over the (few) candidates the patterns return. Digits are read from the folded text
(full-width digits already ASCII, '-' '.' '+' already gaps), so '１３８-0013-8000' is one number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import unquote

from kefuguard.detect.text.keyword_automaton import Hit

MAX_ENTITIES = 64  # per message

# Both patterns open with a character class, and what stands before it is looked behind at after it:
# the search then skips in C to the next character that can start a link, instead of trying the
# alternatives and look-behinds at every character. Without IGNORECASE, which tests each character
# case-folded: [a-z] with it is A-Z, a-z and the four letters U+0130, U+0131, U+017F and U+212A, and
# 's' is also U+017F, all spelled out here (bench_serve's messages: 6.0 -> 1.0 us for _URL,
# 9.9 -> 4.1 us for _BARE_DOMAIN; the same matches, compared over every code point)
_NAME_CHAR = "a-zA-Z0-9\u0130\u0131\u017f\u212a"
_HTTP = "[tT][tT][pP][sS\u017f]?"
# a link ends at the first Chinese character or full-width sign, as SMS apps read 'www.x.com进行升级'
_URL = re.compile(
    f"[hHwW](?:(?<=[hH])(?:{_HTTP}://|{_HTTP}:/(?=[{_NAME_CHAR}-]{{1,63}}\\.[{_NAME_CHAR}]))|(?<=[wW])[wW][wW]\\.)"
    "[^\\s<>\"'，。、）)】」\u3000-\u9fff\uff00-\uffef]{1,2048}"
)
_DOT_NAME = re.compile(r"[a-zA-Z0-9]\.[a-zA-Z]")  # 'x.com': the only texts worth the full pattern
# not after a name character or '/' (inside a longer name or a path), nor right after 'name@'
_BARE_DOMAIN = re.compile(
    f"[{_NAME_CHAR}](?<![{_NAME_CHAR}.\\-/].)(?<![{_NAME_CHAR}._\\-]@.)[{_NAME_CHAR}\\-]{{0,62}}"
    f"(?:\\.[{_NAME_CHAR}\\-]{{1,63}}){{1,5}}(?:/[^\\s<>\"'，。、）)】」]{{0,512}})?"
)
# TLDs a bare 'name.tld' must end with to count as a link (with a scheme any host counts)
_TLDS = frozenset(
    "com cn net org top xyz cc vip shop info io me co app site online club live ltd wang ink icu fun link pro biz "
    "tk ml ga cf gq hk tw mo us uk de ru jp kr sg my ph vn th id in au ca fr es it nl br mx tv ws la asia store "
    "tech website space bid win cyou sbs cfd lol buzz rest work today life world email click help support "
    "services finance money bank pay gov edu ly gd gl to im su cx nu ai ee lu be ch at pl cz se no dk fi pt gr "
    "ro hu ie il za ng ke eg sa ae tr ua kz pk bd lk np ar cl pe ve nz "
    # more endings that cheap phishing sites use ('dhl-customs.eu', 'ups-track.cam')
    "eu mobi cloud digital network zone center company group tips guru cam quest bond skin pw lat xin "
    "racing review stream download loan trade science pics monster "
    # the endings abuse reports rank high besides ('uspkgos.homes/…', 'webpage.ren/…', 'oldrow.vias.ms/…')
    "homes hair makeup beauty autos boats yachts mom casa ren wiki men party faith gdn kim uno best ms sh ac "
    # country endings of link shorteners and cheap registrations ('rb.gy/…', 'bit.do/…', 'x.cm' for '.com')
    "gy do cm vc gg rs lt lv si sk md uz az mn kh mm bn ps qa om kw jo lb ci sn gh ug tz zm cd ec uy py cr gt hn "
    "sv jm bs bz".split()
)
# 'https: // payee.cancellation95 .com': a link spaced out so that filters miss it (scheme required)
_SPACED_URL = re.compile(r"\b(?:https?|hxxps?)[ ]{0,2}:[ ]{0,2}//[ ]{0,2}[a-z0-9\-]{1,63}(?:[ ]{0,2}\.[ ]?[a-z0-9\-]{1,63}){1,5}", re.I)
_SPACED_CUES = (": /", ":/ ", "// ", " .")
_PARENS = re.compile(r"[()\[\]（）［］]")  # to gaps (a substitution: str.translate is slow on CJK text)
# groups a space or two apart, or three ('1 • 833 • 743 • 5300' folds its bullets to spaces)
_DIGIT_GROUPS = re.compile(r"[0-9]{1,20}(?: {1,3}[0-9]{1,20}){0,6}x?")
_WECHAT_ID = re.compile(r"[a-zA-Z][a-zA-Z0-9_\-]{5,19}")
_US_TOLL_FREE = ("800", "888", "877", "866", "855", "844", "833")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)

WECHAT_WORDS = frozenset(
    "微信 v信 薇信 威信 围信 维信 徽信 微xin wei信 vx wx weixin wechat 微信号 个人微信 私人微信 "
    "威芯 薇芯 微芯 v芯 魏信 vx号 v号 卫星号 加卫星 加薇".split()
)
QQ_WORDS = frozenset("qq q号 扣扣 抠抠 企鹅 qq号 koukou 企鹅号 扣扣号 扣群 qun".split())
# '加v：abc123', '加Q 12345678': a lone V or Q right after 加 (add) is WeChat or QQ. Not a phrase of
# the keyword list: there it would hide the 'QQ' of '加QQ群' and the 'vx' of '加vx'. Also after '请' or
# a plus sign ('请+V：abc123', '➕v abc123': the plus folds to a space)
_ADD_V_OR_Q = re.compile(r"(?:加|请 ?|添 ?| (?=[vq][ :=]))([vq])(?![a-z])[ :=]{0,3}")
# a number written in Chinese numerals to get past filters ('请拨打一三八一二三四五六七八'): read as digits
# when seven or more stand together (a date or an amount has fewer)
CN_DIGIT_RUN = re.compile(r"[零〇一二三四五六七八九幺]{7,}")
_CN_DIGITS = str.maketrans("零〇一二三四五六七八九幺", "001234567891")
_FULL_WIDTH_ASCII = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


@dataclass(frozen=True)
class Entity:
    kind: str  # url | phone | qq | wechat | telegram | card | id_number | code
    key: str  # digits, URL or account id: what is looked up
    start: int
    end: int
    phone_kind: str = ""  # cn_mobile | cn_landline | cn_local | cn_service | cn_400 | us_toll_free | us_number | au_service | intl


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def cn_id_ok(value: str) -> bool:
    """A PRC resident ID number (18 characters) with a valid GB 11643 check character."""
    if len(value) != 18 or not value[:17].isdigit():
        return False
    check = "10x98765432"[sum(int(c) * w for c, w in zip(value[:17], _ID_WEIGHTS, strict=True)) % 11]
    return value[17] == check


def phone_kind(digits: str, international: bool, groups: tuple[int, ...] = ()) -> str:
    """What kind of phone number `digits` is ('' for none); `groups` are the lengths of its written parts
    ('1-800-275-2273' is (1, 3, 3, 4): a US number, not the Chinese mobile 18002752273)."""
    n = len(digits)
    if international:
        return "intl" if 7 <= n <= 15 else ""
    if groups == (1, 3, 3, 4) and digits[0] == "1" and digits[1:4] in _US_TOLL_FREE:
        return "us_toll_free"
    # '1-802-555-0169', '1 (802) 555-0169': the North American way, never how a Chinese mobile
    # (180 2555 0169) is written
    if groups == (1, 3, 3, 4) and digits[0] == "1" and digits[1] in "23456789":
        return "us_number"
    if n == 11 and digits[0] == "1" and digits[1] in "3456789":
        return "cn_mobile"
    if n == 13 and digits.startswith("861") and digits[3] in "3456789":
        return "cn_mobile"
    if n == 10 and digits[:3] in ("400", "800"):
        return "cn_400"
    if 10 <= n <= 12 and digits[0] == "0" and digits[1] != "0":
        return "cn_landline"
    if 5 <= n <= 8 and digits[:2] in ("95", "96"):
        return "cn_service"
    if n == 11 and digits[0] == "1" and digits[1:4] in _US_TOLL_FREE:
        return "us_toll_free"
    if n == 10 and digits[:3] in _US_TOLL_FREE:
        return "us_toll_free"
    # Australia's service lines as its banks and post print them: '13 22 21', '132 032', '1300 651 089'
    if n == 10 and digits[:4] in ("1300", "1800") and groups in ((), (10,), (4, 3, 3)):
        return "au_service"
    if n == 6 and digits[:2] == "13" and groups in ((2, 2, 2), (3, 3), (2, 4)):
        return "au_service"
    # written the North American way, '(856) 633-1822', '1 818 492 9813': not a Chinese number
    if groups in ((3, 3, 4), (1, 3, 3, 4)) and digits[-10] in "23456789":
        return "us_number"
    return ""


def phone_keys(digits: str, kind: str) -> tuple[str, ...]:
    """The forms a list may hold this number in (lists store digits only: '+86 138…' vs '138…')."""
    keys = [digits]
    if kind == "cn_mobile" and len(digits) == 13:
        keys.append(digits[2:])
    elif kind == "cn_mobile":
        keys.append("86" + digits)
    if len(digits) == 10 and digits[:3] in _US_TOLL_FREE:
        keys.append("1" + digits)  # '800-275-2273' may be a US number listed as +1 800…
    if kind == "intl" and digits.startswith("00"):
        keys.append(digits[2:])
    return tuple(keys)


def _is_wechat_word(folded: str, hit: Hit) -> bool:
    return folded[hit.start : hit.end].replace(" ", "") in WECHAT_WORDS


def _is_qq_word(folded: str, hit: Hit) -> bool:
    return folded[hit.start : hit.end].replace(" ", "") in QQ_WORDS


_ONE_SLASH = re.compile(r"^(https?):/(?!/)", re.IGNORECASE)  # 'http:/bit.do/x', a slash short


def extract_links(text: str) -> list[Entity]:
    refanged = _refanged(text)  # 'evil[.]top', 'evil(dot)top': a dot written so that links are not live
    if refanged is not None:
        text, where = refanged
        return [replace(e, start=where[e.start], end=where[e.end]) for e in _links(text)]
    return _links(text)


# a quoted link written so that it is not live ('usps-redelivery[.]top', 'http[s]://x[.]me',
# 'hxxps[:]//…'), as news and abuse reports quote scam texts: each form with what it stands for
_DEFANGED = re.compile(
    r"\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\[:\]|\[://\]|(?<=http)\[s\]|(?P<junk>(?<=\bht)[{\[(][^\s{}\[\]()]{1,12}[}\])](?=tps?:))",
    re.IGNORECASE,
)
# cues for the above; 'ht{brake!}tps://': junk in brackets inside the scheme
DEFANGED_DOT_CUES = ("[.]", "(.)", "{.}", "dot]", "dot)", "DOT]", "DOT)", "[:]", "[://]", "[s]", "tps:")


def _refanged(text: str) -> tuple[str, list[int]] | None:
    """The text with each defanged part live again, and where each of its characters (and its end)
    stood in `text`, so that the links found keep their places; None when there is none."""
    if "[" not in text and "(" not in text and "{" not in text:
        return None  # every defanged form has a bracket (three scans in C, not ten)
    parts: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _DEFANGED.finditer(text):
        live = "" if m.group("junk") else m.group(0).strip("[](){}").lower().replace("dot", ".")
        parts += [text[pos : m.start()], live]
        where += [*range(pos, m.start()), *[m.start()] * len(live)]
        pos = m.end()
    if not parts:
        return None
    parts.append(text[pos:])
    where += [*range(pos, len(text) + 1)]
    return "".join(parts), where


def _links(text: str) -> list[Entity]:
    if "hxxp" in text or "HXXP" in text or ";//" in text:  # 'hxxp://evil.top', 'https;//': defanged
        text = re.sub(r"(?i)(?:hxxp|http)(s?)(?::|;)//", lambda m: "http" + m.group(1) + "://", text)
    found: list[Entity] = []
    taken_until = -1
    lower = text.lower()
    if "//" in text and any(cue in text for cue in _SPACED_CUES):
        found += _spaced_links(text)
        taken_until = max((e.end for e in found), default=-1)
    with_scheme = _URL.finditer(text) if "http" in lower or "www." in lower else ()  # cheap C checks first
    for m in with_scheme:
        url = m.group(0).rstrip(".,;:!?")
        key = url if "://" in url else _ONE_SLASH.sub(r"\1://", url) if _ONE_SLASH.match(url) else "http://" + url
        found.append(Entity("url", key, m.start(), m.start() + len(url)))
        found += _redirect_targets(url, m.start(), m.start() + len(url))
        taken_until = max(taken_until, m.end())
        if len(found) >= MAX_ENTITIES:
            return found[:MAX_ENTITIES]
    if not _DOT_NAME.search(text):
        return found
    for m in _BARE_DOMAIN.finditer(text):
        if m.start() < taken_until and any(e.start <= m.start() < e.end for e in found):
            continue
        value = m.group(0).rstrip(".,;:!?")
        host = value.split("/", 1)[0].lower()
        labels = host.split(".")
        if labels[-1] not in _TLDS or any(not label for label in labels):
            continue
        found.append(Entity("url", "http://" + value, m.start(), m.start() + len(value)))
        if len(found) >= MAX_ENTITIES:
            break
    return found


# 'email claims@cc-promo.com', 'write to amazon.refunds@gmail.com': an address to write to is a channel
_EMAIL = re.compile(
    r"(?<![a-z0-9._%+\-])[a-z0-9][a-z0-9._%+\-]{0,63}@([a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9\-]{1,63}){1,4})", re.I
)


def extract_emails(text: str) -> list[Entity]:
    """E-mail addresses; the key is the domain (what is compared with a brand's official ones)."""
    found = []
    for m in _EMAIL.finditer(text):
        domain = m.group(1).lower().rstrip(".-")
        if domain.rsplit(".", 1)[-1] in _TLDS:
            found.append(Entity("email", domain, m.start(), m.end()))
        if len(found) >= 8:
            break
    return found


def _redirect_targets(url: str, start: int, end: int) -> list[Entity]:
    """The site a redirecting link sends you on to ('google.com/url?q=https://evil.top/x',
    '…/redirect?url=https%3A%2F%2Fevil.top'): a link too, checked as one, at the same place."""
    query = url.partition("?")[2]
    if "http" not in query.lower():
        return []
    out = []
    for value in (v for _, _, v in (p.partition("=") for p in query.split("&")[:16])):
        target = unquote(value)
        if target.lower().startswith(("http://", "https://")) and len(target) <= 2048:
            out.append(Entity("url", target, start, end))
    return out[:4]


def _spaced_links(text: str) -> list[Entity]:
    out = []
    for m in _SPACED_URL.finditer(text):
        if " " not in m.group(0):
            continue  # an ordinary link: the main pattern reads it
        scheme, rest = m.group(0).split(":", 1)
        pieces = rest.replace(" ", "").lstrip("/").split(".")
        while len(pieces) > 1 and pieces[-1].lower() not in _TLDS:  # '.com. Thanks': a sentence, not a label
            pieces.pop()
        if len(pieces) < 2:
            continue
        end = m.start() + m.group(0).rfind(pieces[-1]) + len(pieces[-1])
        scheme = scheme.strip().lower().replace("hxxp", "http")
        out.append(Entity("url", scheme + "://" + ".".join(pieces), m.start(), end))
    return out


def _inside_a_handle(folded: str, start: int) -> bool:
    """Digits glued to two or more letters before them ('rs12333', 'kefu95588') end an account name;
    not 'qq12345' or 'vx…' (an IM app's shorthand before its number) nor 'tel95588'."""
    i = start
    while i > 0 and folded[i - 1].isascii() and folded[i - 1].isalpha():
        i -= 1
    letters = folded[i:start]
    return len(letters) >= 2 and letters not in _NUMBER_PREFIXES


_NUMBER_PREFIXES = frozenset({"qq", "vx", "wx", "tel", "call", "phone", "no", "mob", "mobile", "whatsapp", "wa"})


# Every number read below has at least MIN_NUMBER_DIGITS digits in one group of _DIGIT_GROUPS (digits
# with up to three spaces between them): a code 4 to 8, a QQ number 5, the shortest phone kinds 5
# (cn_service, '12315') and 6 ('13 22 21'), a number spelled digit by digit 7, '1-800-FLOWERS' the
# four of '1 800'. A text with no such run has no number: one search in C instead of the work below
# (tests/detect/test_text_gates.py checks every path with shorter runs).
MIN_NUMBER_DIGITS = 4
_NUMBER_RUN = re.compile("[0-9]" + "(?: {0,3}[0-9])" * (MIN_NUMBER_DIGITS - 1))


def extract_numbers(folded: str, text: str, im_hits: list[Hit], code_hits: list[Hit]) -> list[Entity]:
    """Phone, QQ, card, ID and code numbers; `text` is the original (for '+' before a number)."""
    found: list[Entity] = []
    digits_view = _PARENS.sub(" ", folded) if "(" in folded or "[" in folded else folded
    if CN_DIGIT_RUN.search(digits_view) is not None:  # one character for one: spans stay the text's
        digits_view = CN_DIGIT_RUN.sub(lambda m: m.group(0).translate(_CN_DIGITS), digits_view)
    if "o" in digits_view and _DIGIT_BY_O.search(digits_view):  # '1-8oo-3o1-4629': the letter for the digit (sub leaves no match alone)
        digits_view = _O_FOR_ZERO.sub(lambda m: m.group(0).replace("o", "0"), digits_view)
    if _NUMBER_RUN.search(digits_view) is None:
        return found  # 'a1b2c3.top', '3天内': no group of digits long enough to be any number below
    qq_ends = [h.end for h in im_hits if _is_qq_word(folded, h)]
    if "q" in folded and ("加" in folded or "请" in folded or " q" in folded):
        qq_ends += [m.end() for m in _ADD_V_OR_Q.finditer(folded) if m.group(1) == "q"]
    code_spans = [(h.start, h.end) for h in code_hits]
    spelled = _spelled_out_numbers(digits_view)
    if _VANITY_HEAD.search(digits_view) is not None:
        spelled += _vanity_numbers(digits_view, text)
    found += spelled
    for m in _DIGIT_GROUPS.finditer(digits_view):  # '(010)12345678' is one number
        if spelled and any(e.start <= m.start() < e.end for e in spelled):
            continue
        start, end = m.start(), m.end()
        raw = m.group(0)
        groups = raw.split()
        digits = "".join(groups)
        plus = start > 0 and text[start - 1] == "+" or digits.startswith("00")
        if start > 1 and text[start - 1] in " \u00a0" and text[start - 2] == "+":
            plus = True
        if _is_amount(folded, start, end):
            continue  # '10000元', '¥500': money, not the number 10000
        entity = _classify(digits, groups, plus, start, end, qq_ends, code_spans)
        if entity is not None and entity.kind == "phone" and _inside_a_handle(folded, start):
            continue  # 'rs12333', 'kefu95588': an account name's digits, not the service line 12333
        if entity is None and _local_number(folded, digits, start):
            entity = Entity("phone", digits, start, end, "cn_local")
        if entity is None and _called_number(folded, digits, start):
            entity = Entity("phone", digits, start, end, "intl")
        if entity is None and len(groups) > 2:
            entity = _number_first(digits_view, groups, plus, start, qq_ends, code_spans)
        if entity is None and len(groups) > 1:
            pos = start
            for g in groups:  # '订单 123 13800138000': the parts may be numbers of their own
                gstart = digits_view.index(g, pos)  # the groups are read from the view (letter O as 0)
                pos = gstart + len(g)
                entity = _classify(g, [g], False, gstart, pos, qq_ends, code_spans)
                if entity is not None:
                    found.append(entity)
            continue
        if entity is not None:
            found.append(entity)
        if len(found) >= MAX_ENTITIES:
            break
    return found


NUMBER_FIRST_DIGITS = 10


def _number_first(
    view: str, groups: list[str], plus: bool, start: int, qq_ends: list[int], code_spans: list[tuple[int, int]]
) -> Entity | None:
    """'1-855-420-7190 (24/7 live agent)': a phone number whose groups run on into other digits; the
    longest run of its first groups that is a phone number."""
    for k in range(len(groups) - 1, 1, -1):
        end = start
        for g in groups[:k]:
            end = view.index(g, end) + len(g)
        digits = "".join(groups[:k])
        if len(digits) < NUMBER_FIRST_DIGITS:
            return None  # '12 34 56 78 90': a reference in pairs, not a number with more after it
        entity = _classify(digits, groups[:k], plus, start, end, qq_ends, code_spans)
        if entity is not None and entity.kind == "phone":
            return entity
    return None


# a group of three or more digits with the letter o for a zero in it ('1-8oo-301-4629', '8oo'), as
# fake helplines write numbers so that filters miss them; not 'o2' or '10oz'
_DIGIT_BY_O = re.compile("[0-9]o|o[0-9]")  # a plain scan first: the full pattern's lookarounds cost more
_O_FOR_ZERO = re.compile(r"(?<![a-z0-9])(?=[0-9o]{3})[0-9o]*(?:[0-9]o|o[0-9])[0-9o]*(?![a-z0-9])")


# 'call 8 8 8 - 5 5 5 - 0 1 9 9': a number written one digit at a time so that filters miss it ('-' is a
# space in the folded text)
_ONE_DIGIT_AT_A_TIME = re.compile(r"(?<![0-9])[0-9](?: {1,3}[0-9]){6,14}(?![0-9])")
_THREE_SPACED_DIGITS = re.compile(r"[0-9] {1,3}[0-9] {1,3}[0-9] {1,3}[0-9]")


def _spelled_out_numbers(folded: str) -> list[Entity]:
    if _THREE_SPACED_DIGITS.search(folded) is None:
        return []
    out = []
    for m in _ONE_DIGIT_AT_A_TIME.finditer(folded):
        digits = m.group(0).replace(" ", "")
        groups = tuple(len(g.replace(" ", "")) for g in re.split(r" {2,}", m.group(0)))
        kind = phone_kind(digits, False, groups if len(groups) > 1 else ())
        if kind:
            out.append(Entity("phone", digits, m.start(), m.end(), kind))
    return out


# a toll-free number spelled in capitals, as fake helplines write the brand into it ('1-800-FLOWERS',
# '1-888-MSFT-HELP'; folded: lower case, dashes are spaces): the keypad's digits, the first seven
_VANITY = re.compile(r"(?<![0-9a-z])1 ?(8(?:00|33|44|55|66|77|88)) ?([a-z0-9]{2,10}(?: [a-z0-9]{2,10}){0,2})")
_VANITY_HEAD = re.compile(r"8(?:00|33|44|55|66|77|88) ?[a-z]")  # the cheap test: a word right after 1-8xx
_KEYPAD = str.maketrans("abcdefghijklmnopqrstuvwxyz", "22233344455566677778889999")
VANITY_LETTERS = 3  # a number with a word in it, not digits with a letter typed by mistake


def _vanity_numbers(folded: str, text: str) -> list[Entity]:
    out = []
    for m in _VANITY.finditer(folded):
        word, end = "", m.start(2)
        for part in m.group(2).split(" "):  # words up to the seventh character, no further
            start = folded.index(part, end)
            word, end = word + part, start + len(part)
            if len(word) >= 7:
                break
        letters = text[m.start(2) : end]
        if not 7 <= len(word) <= 10 or sum(c.isalpha() for c in word) < VANITY_LETTERS or not letters.isupper():
            continue
        out.append(Entity("phone", "1" + m.group(1) + word.translate(_KEYPAD)[:7], m.start(), end, "us_toll_free"))
    return out


# a landline without its area code ('如有疑问请咨询:6089661'): a number only right after a call word
_CALL_WORDS = ("电话", "咨询", "拨打", "致电", "热线", "联系", "请拨", "tel", "call")
CALL_WORD_TO_LOCAL_NUMBER = 4


def _local_number(folded: str, digits: str, start: int) -> bool:
    if not (7 <= len(digits) <= 8 and digits[0] in "2345678"):
        return False
    before = folded[max(0, start - CALL_WORD_TO_LOCAL_NUMBER - 2) : start].rstrip(" :：")
    return before.endswith(_CALL_WORDS)


# a number of a country with no pattern here, written without its '+' ('call 9876543210'; 'WhatsApp
# 0712345678' has a landline's shape already): a phone only right after an English word that says to
# call it (Chinese numbers all have shapes of their own), and not a placeholder ('1234567890')
_DIAL_WORDS = ("call", "dial", "ring", "whatsapp", "contact", "phone", "helpline", "hotline", "care", "tel")


def _called_number(folded: str, digits: str, start: int) -> bool:
    if not (9 <= len(digits) <= 12 and digits[0] != "0") or digits in "01234567890123":
        return False
    before = folded[max(0, start - CALL_WORD_TO_LOCAL_NUMBER - 7) : start].rstrip(" :：")
    return before.endswith(_DIAL_WORDS)


_AMOUNT_AFTER = ("元", "块", "万", "千", "百", "亿", "rmb", "usd", "gbp", "cad", "dollars", "pounds")
_AMOUNT_BEFORE = ("¥", "$", "£", "€", "￥", "rmb", "usd", "gbp", "cad")


def _is_amount(folded: str, start: int, end: int) -> bool:
    after = folded[end : end + 8].lstrip(" ,.")
    before = folded[max(0, start - 5) : start].rstrip(" ")
    return after.startswith(_AMOUNT_AFTER) or before.endswith(_AMOUNT_BEFORE)


def _classify(
    digits: str,
    groups: list[str],
    plus: bool,
    start: int,
    end: int,
    qq_ends: list[int],
    code_spans: list[tuple[int, int]],
) -> Entity | None:
    if digits.endswith("x"):
        return Entity("id_number", digits, start, end) if cn_id_ok(digits) else None
    if any(0 <= start - e <= 6 for e in qq_ends) and 5 <= len(digits) <= 11:
        return Entity("qq", digits, start, end)
    # after its word: "验证码：1234", "the verification code they sent me is 123456"
    if 4 <= len(digits) <= 8 and any(-2 <= start - ce <= 20 or -2 <= cs - end <= 8 for cs, ce in code_spans):
        return Entity("code", digits, start, end)
    kind = phone_kind(digits, plus, tuple(len(g) for g in groups))
    if kind:
        return Entity("phone", digits, start, end, kind)
    if len(digits) == 18 and cn_id_ok(digits):
        return Entity("id_number", digits, start, end)
    if 16 <= len(digits) <= 19 and luhn_ok(digits) and (len(groups) == 1 or all(len(g) == 4 for g in groups[:-1])):
        return Entity("card", digits, start, end)
    if 5 <= len(digits) <= 8 and digits[:2] in ("10", "11", "12"):
        return Entity("phone", digits, start, end, "cn_service_maybe")
    return None


def extract_wechat_ids(text: str, folded: str, im_hits: list[Hit]) -> list[Entity]:
    found: list[Entity] = []
    for h in im_hits:
        if not _is_wechat_word(folded, h):
            continue
        # full-width letters and digits read as ASCII ('ＶＸ：ａｂｃ１２３４５'); one character for one
        after = text[h.end : h.end + 26].translate(_FULL_WIDTH_ASCII)
        i = 0
        while i < 6 and i < len(after) and after[i] in " :：=\u3000号是为-":
            i += 1  # '微信号：', '薇信 ' (not '微信公众号')
        m = _WECHAT_ID.match(after, i)
        if m and not m.group(0).isdigit():
            found.append(Entity("wechat", m.group(0).lower(), h.end + m.start(), h.end + m.end()))
    if "v" in folded and ("加" in folded or "请" in folded or " v" in folded):
        for add in _ADD_V_OR_Q.finditer(folded):
            m = _WECHAT_ID.match(text[add.end() : add.end() + 20].translate(_FULL_WIDTH_ASCII))
            if add.group(1) == "v" and m and not any(e.start == add.end() for e in found):
                found.append(Entity("wechat", m.group(0).lower(), add.end(), add.end() + m.end()))
    return found + _telegram_handles(text, folded, im_hits)


# 'on Telegram: @coinbase_care', 'TG @binance_help': a Telegram account named after the word
_TELEGRAM_HANDLE = re.compile(r"[ :：]{0,3}(?:at |is |是)?@([a-zA-Z][a-zA-Z0-9_]{4,31})")
TELEGRAM_WORDS = frozenset(("telegram", "纸飞机"))


def _telegram_handles(text: str, folded: str, im_hits: list[Hit]) -> list[Entity]:
    found = []
    for h in im_hits:
        if folded[h.start : h.end].replace(" ", "") not in TELEGRAM_WORDS:
            continue
        m = _TELEGRAM_HANDLE.match(text, h.end)
        if m:
            found.append(Entity("telegram", m.group(1).lower(), m.start(1) - 1, m.end()))
    return found
