"""Text folding for chat checks: one output character per input character, in C-speed `str.translate`.

`fold_text` maps every character to exactly one character, so a match at [start, end) in the folded
text is the span [start, end) of the original, which the reasons quote back. The folding:

- NFKC where it gives one character (full-width and circled forms -> ASCII: 'Ｖ信' -> 'v信'), then
  lower case;
- traditional -> simplified for the characters our phrases use (the table below: small, not a
  general converter);
- GAP (a space) for what evaders insert between characters: whitespace, zero-width and other format
  characters, combining marks, emoji and other symbols, dashes, dots, asterisks, quotes... The
  keyword automaton skips gaps, so '加 微 信', '退-款', '退\u200b款' and 'Q Q' all match. Sentence
  punctuation (，。！？；：、 and ASCII , ; : ! ?) and brackets stay as they are: they end a match.

The per-character work is done once per distinct character and cached (bounded), so a message costs
one `translate` call.
"""

from __future__ import annotations

import unicodedata

GAP = " "

# Traditional -> simplified, only for characters that occur in the phrases and brand names we
# match. Each pair is (traditional, simplified); a character that is also a common simplified
# character in its own right (e.g. 乾, 著, 於) is deliberately left out.
_TRADITIONAL = (
    "賠償證碼驗帳賬戶號轉銀發貨會員學貸還額凍結異違規註銷徵關閉載掃聯繫係絡訊請錢匯資險網購買賣騰電話認費"
    "續權處辦務隊專絕說給讓將為這裡們個經過擔據詐騙報門級寶貝鍵傳臺遠協視頻議釘飛書線點擊連錄陸單車禮劃撥"
    "準備構機贏賺幣穩虧導師紅領獎優遞運達豐東團麼餓種積兌換掛補幫擬態標題醫療監護詢問熱應當圖際實兩風託數"
    "櫃寬帶訂閱類總攜攝萬億屆幾眾頭鎖條貼餘統計郵儲蘇寧圓韻極順無盡開啟紹輸屬盜壞質裝產廠離職歸懲罰嚴誤錯"
    "誘術審層軟體檔覽齊觀獲雲閃來後復鏈與綁製魚貓螞蟻國農設業動親臉亞馬遜蝦蘋雙簡訴寫讀唸講鵝緊則響強執財"
    "內傭虛維稅園唄樂丟遺損複邊詳諮從謹沒別謝讚貳現戲紀籤簽廣告聲稱場"
    "帐"  # not traditional: the older simplified form of 账 (安全帐户), folded with it
)
_SIMPLIFIED = (
    "赔偿证码验账账户号转银发货会员学贷还额冻结异违规注销征关闭载扫联系系络讯请钱汇资险网购买卖腾电话认费"
    "续权处办务队专绝说给让将为这里们个经过担据诈骗报门级宝贝键传台远协视频议钉飞书线点击连录陆单车礼划拨"
    "准备构机赢赚币稳亏导师红领奖优递运达丰东团么饿种积兑换挂补帮拟态标题医疗监护询问热应当图际实两风托数"
    "柜宽带订阅类总携摄万亿届几众头锁条贴余统计邮储苏宁圆韵极顺无尽开启绍输属盗坏质装产厂离职归惩罚严误错"
    "诱术审层软体档览齐观获云闪来后复链与绑制鱼猫蚂蚁国农设业动亲脸亚马逊虾苹双简诉写读念讲鹅紧则响强执财"
    "内佣虚维税园呗乐丢遗损复边详咨从谨没别谢赞贰现戏纪签签广告声称场"
    "账"
)
if len(_TRADITIONAL) != len(_SIMPLIFIED):  # pragma: no cover - a table typo must fail at import
    raise AssertionError("traditional/simplified tables differ in length")
TRADITIONAL_TO_SIMPLIFIED = {t: s for t, s in zip(_TRADITIONAL, _SIMPLIFIED, strict=True) if t != s}

# Punctuation that inserts nothing meaningful between characters: folded to a gap.
_GAP_PUNCTUATION = set(".*#&@'\"/\\%_-~|^`=+<>·•‧∙・…‥\u3000「」『』")  # corner quotes: 『不會』主動
# Categories folded to a gap: format (zero-width, bidi), combining marks, symbols (emoji...),
# dashes and connectors, quotes, separators, controls, private use, unassigned.
_GAP_CATEGORIES = {"Cf", "Mn", "Me", "So", "Sk", "Sm", "Pd", "Pc", "Pi", "Pf", "Zs", "Zl", "Zp", "Cc", "Co", "Cn", "Cs"}
_MAX_CACHED = 50_000  # distinct characters remembered; hostile text cannot grow the cache without bound


def fold_char(ch: str) -> str:
    """The one character `ch` folds to (GAP for separators)."""
    if ch.isspace():
        return GAP
    nfkc = unicodedata.normalize("NFKC", ch)
    if len(nfkc) == 1:
        ch = nfkc
    elif nfkc.strip() == "" or all(c in _GAP_PUNCTUATION for c in nfkc):
        return GAP  # '…' -> '...'
    lower = ch.lower()
    if len(lower) == 1:
        ch = lower
    ch = TRADITIONAL_TO_SIMPLIFIED.get(ch, ch)
    if ch in _GAP_PUNCTUATION or unicodedata.category(ch) in _GAP_CATEGORIES:
        return GAP
    return ch


class _FoldTable(dict[int, str]):
    """A `str.translate` table that computes each character's fold on first sight."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        if len(self) < _MAX_CACHED:
            self[code] = folded
        return folded


_FOLD = _FoldTable()
for _code in range(128):  # ASCII up front: the common case never reaches __missing__
    _FOLD[_code] = fold_char(chr(_code))


def fold_text(text: str) -> str:
    """Same length as `text`; see the module docstring."""
    return text.translate(_FOLD)


def fold_phrase(phrase: str) -> str:
    """A phrase as the automaton stores it: folded, gaps removed ('加 微信' -> '加微信')."""
    return fold_text(phrase).replace(GAP, "")


def clean_text(text: str) -> str:
    """Text safe to analyse and to quote in JSON: NUL removed, lone surrogates replaced."""
    if text.isascii():
        return text.replace("\x00", "") if "\x00" in text else text
    return text.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")
