"""Lines a scam caller says in the middle of a call, whatever the script's opening: insisting that
the call is genuine ('我这边的确不是骗人的', '我们是正规客服，不是骗子'), and sending you to the
police of some city on the caller's word ('您必须尽快和上海公安部门联系').

A genuine service has no reason to say it is not a fraud, and no reason to send you to a police
office; a caller who has just been doubted says the first, and the fake-police chain the second
(the 'police' it names are the next actor). What keeps genuine messages quiet: anti-fraud reminders
say the same words about scammers ('骗子会说自己不是骗子', '如遇诈骗请及时与公安机关联系'): not in a
reminder or a story, not supposed ('如果…'), and not the reader's own report to make ('报案', '报警').
"""

from __future__ import annotations

import re

from kefuguard.detect.text.tactics import LURE_HALLMARK, LURE_STRONG, WEAK_ADVISORY_WORDS, Finding, MessageHits

# '我这边的确不是骗人的', '我们不是骗子', '这个不是诈骗' (the speaker, or this call, denied a scam)
_DENIAL = re.compile(
    r"(?:我|我们|我这边|我们这边|我这里|我们这里|这|这个|这边|本人|咱们)(?:真的|的确|确实|绝对|肯定|可|并|真)?"
    r"(?:不是|没有|没在|不会)(?:在)?(?:骗人|骗子|骗你|骗您|诈骗|骗局|假的|假冒)|"
    # '我们这边是官方的，不是骗子': the speaker named earlier in the sentence
    r"(?:我|我们)[^。！？!?\n]{0,10}?[，,] ?(?:真的|的确|确实|绝对|并|可)?不是(?:骗子|骗人|骗你|骗您|诈骗)"
)
# '我们是正规的客服', '我们公司是合法的' (the speaker vouching for itself)
_LEGIT = re.compile(
    r"(?:我|我们|我这边|我们这边|我们公司|我们平台)(?:真的|的确|确实|绝对|可)?是(?:正规|正当|合法)"
    r"(?:的(?=[，。！？,!?\n]|$)|的?(?:公司|平台|客服|机构|单位))"
)
# '您必须尽快和上海公安部门联系', '你要马上联系当地派出所': sent to the police on the caller's word
_SENT_TO_POLICE = re.compile(
    r"(?:您|你)(?:现在|今天)?(?:必须|务必|需要|要|得|一定要|赶紧|赶快)(?:尽快|马上|立即|立刻|现在|今天)?"
    r"(?:和|与|跟|联系|致电|拨打|打给)[^，。！？,!?\n]{0,10}?(?P<police>公安部门|公安局|公安机关|派出所|刑侦|警方|检察院|法院)"
)
LINE_NAME_AFTER = 2  # '转接165' + '反诈骗专线': the line's name right after the number
DENIAL_BEFORE = 24  # '我们是正规的客服，不是骗子': the speaker up to a clause before the denial
_POLICE_WORDS = ("公安", "派出所", "刑侦", "警方", "检察院", "法院")
# '我帮您转接165反诈骗专线': the call handed to an 'anti-fraud line' (the fake bank's next actor)
_TO_ANTIFRAUD_LINE = re.compile(
    r"(?:转接|转到|转给|接通|帮您转|帮你转|给您转|给你转|为您转)[^，。！？,!?\n]{0,6}?"
    r"(?:165|96110|反诈|反诈骗|反诈中心|反诈骗专线|反诈专线|警政署|刑事局)"
)
_OWN_REPORT = re.compile(r"报案|报警|备案|挂失")
_SUPPOSED = re.compile(r"如果|如|若|万一|一旦|假如|发现")


def caller_line(m: MessageHits) -> Finding | None:
    """At most one of the caller's lines in one incoming message."""
    # a story, or weak cautious words: a reminder (its advisory words count only outside the line: _reminded)
    if m.get("narrative") or len(m.get("advisory_weak")) >= WEAK_ADVISORY_WORDS:
        return None
    if m.get("on_platform") or m.get("official_ref"):
        return None  # '…这是正常的退款流程，请在App内申请': sent to the official place
    folded = m.folded
    # cheap tests first: most messages hold none of these words, and the patterns start at every '我'
    denial = ("骗" in folded or "诈" in folded or "假" in folded) and _DENIAL.search(folded)
    found = denial or (("正规" in folded or "正当" in folded or "合法" in folded) and _LEGIT.search(folded)) or None
    if found is not None and not _reminded(m, found.start(), found.end()):
        return Finding("not_a_scam_claim", LURE_STRONG, found.start(), found.end())
    handed = _TO_ANTIFRAUD_LINE.search(folded) if "转" in folded or "接通" in folded else None
    if handed is not None and not m.negated(handed.start()) and not _reminded(m, handed.start(), handed.end()):
        return Finding("police_handoff", LURE_HALLMARK, *handed.span())
    found = _SENT_TO_POLICE.search(folded) if any(w in folded for w in _POLICE_WORDS) else None
    if found is not None and not m.get("advisory"):
        sentence = m.sentence_before(found.start(), 24) + m.folded[found.start() : found.end() + 8]
        if not (_OWN_REPORT.search(sentence) or _SUPPOSED.search(sentence)):
            return Finding("police_contact_call", LURE_STRONG, found.start(), found.end())
    return None


def handed_to_antifraud(m: MessageHits, start: int) -> bool:
    """The reminder word at `start` names the line the call is 'transferred' to: no advisory."""
    lines = _TO_ANTIFRAUD_LINE.finditer(m.folded, max(0, start - 14), start + 8)
    return any(f.start() <= start <= f.end() + LINE_NAME_AFTER for f in lines)  # '165' + '反诈骗专线'


def denied_scam_word(m: MessageHits, start: int) -> bool:
    """The reminder word at `start` is a speaker's denial ('我们不是骗子', '这不是诈骗'): no advisory."""
    window = m.folded[max(0, start - DENIAL_BEFORE) : start + 4]
    offset = max(0, start - DENIAL_BEFORE)
    return any(f.start() + offset <= start < f.end() + offset for f in _DENIAL.finditer(window))


def _reminded(m: MessageHits, start: int, end: int) -> bool:
    """Reminder words outside the line itself ('骗子往往会说：我不是骗子'): the line is quoted, not said."""
    return any(
        not (start <= h.start < end) and not denied_scam_word(m, h.start) and not handed_to_antifraud(m, h.start)
        for h in m.get("advisory")
    )
