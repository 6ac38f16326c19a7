"""The text side of a loaded list, built once per list: one keyword automaton over the tactic
phrases and every brand's keywords, plus a small cache of page verdicts.

Cached by the list's digest (a new list builds a new index; the same list loaded twice shares
one), so the build cost (a few milliseconds) is paid once per list, not per message.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from kefuguard.detect.channels import Channels
from kefuguard.detect.result import Result
from kefuguard.detect.text.keyword_automaton import Hit, KeywordAutomaton, KeywordInfo
from kefuguard.detect.text.normalize import GAP, fold_phrase, fold_text
from kefuguard.detect.text.phrases import PHRASES
from kefuguard.lists.model import Brand

BRAND_TAG = "brand:"
MAX_HITS_PER_TAG = 64  # rules compare hits pairwise: keep that bounded on hostile text
_CACHED_INDEXES = 4
_CACHED_PAGES = 256

# Community and social sites where anyone picks a display name: a 'brand' there is a user.
SOCIAL_DOMAINS = frozenset(
    "weibo.com weibo.cn xiaohongshu.com xhslink.com zhihu.com bilibili.com douban.com tieba.baidu.com "
    "twitter.com x.com reddit.com discord.com t.me telegram.org web.telegram.org linkedin.com pinterest.com "
    "threads.net youtube.com facebook.com instagram.com messenger.com tiktok.com douyin.com kuaishou.com "
    "web.whatsapp.com whatsapp.com wx.qq.com qq.com".split()
)


@dataclass
class PageVerdict:
    url: str
    result: Result | None  # None: not an http(s) URL
    brand: Brand | None
    domain: str | None
    social: bool


@dataclass
class TextIndex:
    automaton: KeywordAutomaton
    brands: dict[str, Brand]
    pages: OrderedDict[str, PageVerdict] = field(default_factory=OrderedDict)

    def hits(self, folded: str) -> dict[str, list[Hit]]:
        """Hits by tag, without those contained in a longer hit ('支付' inside '支付宝')."""
        found = self.automaton.find(folded)
        if not found:
            return {}
        found.sort(key=lambda h: (h.start, -h.end))
        by_tag: dict[str, list[Hit]] = {}
        max_end, max_span = -1, (-1, -1)
        for h in found:
            span = (h.start, h.end)
            if h.end <= max_end and span != max_span:
                continue  # strictly inside an earlier, longer keyword
            if h.end > max_end:
                max_end, max_span = h.end, span
            bucket = by_tag.setdefault(h.tag, [])
            if len(bucket) < MAX_HITS_PER_TAG:
                bucket.append(h)
        return by_tag

    def brand_of(self, hit: Hit) -> Brand | None:
        return self.brands.get(hit.tag[len(BRAND_TAG) :]) if hit.tag.startswith(BRAND_TAG) else None


def _keyword_infos(channels: Channels) -> list[KeywordInfo]:
    tags_by_key: dict[str, list[str]] = {}
    gaps_by_key: dict[str, bool] = {}

    def add(phrase: str, tag: str) -> None:
        folded = fold_text(phrase).strip(GAP)
        key = folded.replace(GAP, "")
        if not key:
            return
        tags = tags_by_key.setdefault(key, [])
        if tag not in tags:
            tags.append(tag)
        gaps_by_key[key] = gaps_by_key.get(key, False) or GAP in folded

    for tag, phrases in PHRASES.items():
        for phrase in phrases:
            add(phrase, tag)
    for brand in channels.brands:
        for kw in brand.keywords:
            if len(fold_phrase(kw)) >= 2:
                add(kw, BRAND_TAG + brand.id)
    return [
        KeywordInfo(key, tuple(tags), key.isascii() and key.isalnum(), gaps_by_key[key])
        for key, tags in tags_by_key.items()
    ]


_lock = threading.Lock()
_indexes: OrderedDict[str, TextIndex] = OrderedDict()


def text_index(channels: Channels) -> TextIndex:
    key = channels.compiled.digest
    with _lock:
        index = _indexes.get(key)
        if index is not None:
            _indexes.move_to_end(key)
            return index
    index = TextIndex(KeywordAutomaton(_keyword_infos(channels)), {b.id: b for b in channels.brands})
    with _lock:
        _indexes[key] = index
        while len(_indexes) > _CACHED_INDEXES:
            _indexes.popitem(last=False)
    return index


def remember_page(index: TextIndex, verdict: PageVerdict) -> None:
    index.pages[verdict.url] = verdict
    while len(index.pages) > _CACHED_PAGES:
        index.pages.popitem(last=False)
