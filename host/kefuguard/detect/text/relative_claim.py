"""A relative on a new number, or in trouble, asking for money: 'Hi Mum, I dropped my phone, this is my
new number… can you help me pay a bill?', 'Grandma, it's me, I got arrested and need money for bail'.

The 'Hi Mum' and grandparent scripts speak as the reader's child or grandchild, explain why the
number is strange (a phone lost, broken, a new number) or why it is urgent (arrested, in hospital),
and ask for money. Family members do change numbers and do ask for money, but not in one message
from an unknown number: the script is the three together. 'Hi Mum, this is my new number, save it'
asks for nothing and stays quiet; so does anything inside a reminder or a story ('if you get a Hi
Mum text…'). English only: the Chinese scripts of this family ('我是你儿子，换号了') are not covered here.
"""

from __future__ import annotations

import re

from kefuguard.detect.text.tactics import LURE_STRONG, Finding, MessageHits

# one of them is in every pattern below: a cheap test first
_CUES = re.compile("mum|mom|mam|dad|grand|nan|new number|new phone|my phone|arrested|jail|bail")

# (over folded text: "it's" reads 'it s', "I'm" 'i m')
# who speaks: the reader called by a family name, or the speaker naming itself as family
_FAMILY = re.compile(
    r"\b(?:hi|hey|hello|hiya)?,? ?(?:mum|mom|mam|mummy|mommy|mama|dad|daddy|papa|grandma|grandpa|granny|grandad|"
    r"granddad|nan|nana|nanna|gran)\b|\b(?:it s|it is|this is) (?:me|your (?:son|daughter|grandson|granddaughter|"
    r"child|kid))\b|\byour (?:son|daughter|grandson|granddaughter) (?:is|has)\b"
)
# why the number or the hour is strange
_WHY = re.compile(
    r"\bnew (?:number|phone|mobile|sim)\b|\b(?:lost|broke|broken|dropped|smashed|cracked) (?:my )?(?:phone|mobile)\b|"
    r"\bmy (?:phone|mobile) (?:is |was |got )?(?:broken|broke|lost|stolen|dead|died|damaged)\b|"
    r"\b(?:got |been |was |i m |i am |is )?(?:arrested|in jail|in prison|in custody|in hospital|in the hospital)\b"
)
# the ask: money sent, a bill paid, bail
_MONEY = re.compile(
    r"\b(?:send|transfer|lend|wire|pay|borrow|need) (?:me |you |it |the |a |some |for )?"
    r"(?:[$£€]|\d|money|cash|bill|rent|bail|lawyer|fee)|"
    r"\bhelp (?:me )?(?:pay|with (?:a|the|my) (?:bill|payment|rent))|\bbail money\b|\bmoney for bail\b|"
    r"\bgift cards?\b|\bbank (?:details|transfer)\b|\bsort code\b"
)

# the script speaks in the first person; a reminder describes it in the third ('they will ask you to send
# cash', 'the text usually starts with "Hi Mum"')
_FIRST_PERSON = re.compile(r"\b(?:i|im|ive|my|me)\b")
_DESCRIBED = re.compile(
    r"\bthey (?:will|ll|may|might|often|usually|claim|say|ask|pretend)\b|\bthe (?:text|message|caller|sender)s?\b|"
    r"\busually\b|\btypically\b|\bclaim(?:s|ing)? (?:to|they|that)\b"
)


def relative_claim(m: MessageHits) -> Finding | None:
    """The family name, the reason and the money ask, in one incoming message."""
    folded = m.folded
    if _CUES.search(folded) is None or m.reminder_or_story():
        return None
    who = _FAMILY.search(folded)
    if who is None:
        return None
    why = _WHY.search(folded)
    money = _MONEY.search(folded)
    if why is None or money is None or m.negated(money.start()):
        return None
    if _FIRST_PERSON.search(folded) is None or _DESCRIBED.search(folded) is not None:
        return None
    start = min(who.start(), why.start(), money.start())
    end = max(who.end(), why.end(), money.end())
    return Finding("relative_claim", LURE_STRONG, start, end)
