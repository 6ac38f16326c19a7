"""A scam told as a story: someone in the third person who got a call or a message ('陈女士接到一个
电话', '市民李某收到一条短信', '一名男子接到自称…'). News items and police write-ups retell the script
word for word, so every rule that reads the 'narrative' tag must know it is a story. A pattern, not
phrases: the name before '接到' is anyone's. A scammer's own question ('王先生收到短信了吗？') is
not a story."""

from __future__ import annotations

import re

from kefuguard.detect.text.keyword_automaton import Hit

_STORY = re.compile(
    r"(?:[\u4e00-\u9fff](?:女士|先生|小姐|阿姨|大爷|大妈|奶奶|爷爷|同学|老师|某某|某)|市民|网友|事主|受害人|受害者|被害人|"
    r"当事人|老人|男子|女子|一名[\u4e00-\u9fff]{1,4}|该[男女]子)"
    r"(?:近日|日前|前几天|昨天|昨日|今天|当天|当日|[0-9]{1,2}月[0-9]{1,2}日|在家|突然|先后)?"
    r"(?:接到|收到|接听|接了)了?(?:一个|一通|一条|一则|一封|一份|多个|几个|几条)?(?:陌生|自称|冒充|所谓|奇怪|可疑)?"
    r"(?:的)?(?:电话|短信|来电|消息|信息|邮件|微信|qq|视频|语音|好友)"
    r"(?![^。！？!?]{0,6}?吗)"
)
_CUE = re.compile(r"接到|收到|接听|接了")


def story_hits(folded: str) -> list[Hit]:
    """'narrative' hits for the stories told in `folded` (one per story, at its start)."""
    if _CUE.search(folded) is None:
        return []
    return [Hit("narrative", s.start(), s.end()) for s in _STORY.finditer(folded)]
