"""What the chat checks keep for one loaded list: one keyword automaton over the tactic phrases
and every brand's keywords, the URL index (links and pages are judged by the URL checks), and a
small cache of page verdicts.

Built once per list (and freshness, like the URL index), so the build cost (a few milliseconds) is
paid once per list, not per message; the automaton is handed on when only the freshness changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kefuguard.detect.cache import BoundedCache
from kefuguard.detect.channels import Channels
from kefuguard.detect.text.keyword_automaton import Hit, KeywordAutomaton, KeywordInfo
from kefuguard.detect.text.normalize import GAP, fold_phrase, fold_text
from kefuguard.detect.text.notice_words import NOTICE_PHRASES
from kefuguard.detect.text.phrases import PHRASES
from kefuguard.detect.url.findings import UrlVerdict
from kefuguard.detect.url.index import UrlIndex
from kefuguard.lists.model import Brand

BRAND_TAG = "brand:"
MAX_HITS_PER_TAG = 64  # rules compare hits pairwise: keep that bounded on hostile text
PAGE_CACHE_ENTRIES = 256
# notice.py's slots, kept even inside a longer phrase; not the advisory and marketing words, which
# must stand as whole phrases ('诈骗' inside '涉嫌诈骗' is no reminder)
SLOT_TAGS = frozenset(NOTICE_PHRASES) - {"advisory", "advisory_weak", "narrative", "marketing"}

# Community and social sites where anyone picks a display name: a 'brand' there is a user.
SOCIAL_DOMAINS = frozenset(
    "weibo.com weibo.cn xiaohongshu.com xhslink.com zhihu.com bilibili.com douban.com tieba.baidu.com "
    "twitter.com x.com reddit.com discord.com t.me telegram.org web.telegram.org linkedin.com pinterest.com "
    "threads.net youtube.com facebook.com instagram.com messenger.com tiktok.com douyin.com kuaishou.com "
    "web.whatsapp.com whatsapp.com wx.qq.com qq.com".split()
)


@dataclass(frozen=True)
class PageVerdict:
    """What the URL check says of the page a chat is on."""

    url: str
    verdict: UrlVerdict | None  # None: not an http(s) URL
    domain: str | None
    social: bool  # a site where anyone picks a display name

    @property
    def level(self) -> str | None:
        return self.verdict.level if self.verdict is not None else None

    @property
    def brand(self) -> Brand | None:
        return self.verdict.brand if self.verdict is not None and self.verdict.kind != "scam" else None


@dataclass
class TextIndex:
    automaton: KeywordAutomaton
    brands: dict[str, Brand]
    urls: UrlIndex
    pages: BoundedCache[str, PageVerdict] = field(default_factory=lambda: BoundedCache(PAGE_CACHE_ENTRIES))
    # each keyword's tags -> those of them kept inside a longer keyword (the notice slots'), once per list
    _slot_tags: dict[tuple[str, ...], tuple[str, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._slot_tags = {k.tags: tuple(t for t in k.tags if t in SLOT_TAGS) for k in self.automaton.keywords}

    @property
    def channels(self) -> Channels:
        return self.urls.channels

    def hits(self, folded: str) -> dict[str, list[Hit]]:
        """Hits by tag, without those contained in a longer hit ('支付' inside '支付宝'), except the
        notice-slot words: a slot is what a phrase does, not which phrase won ('咨询' in '咨询电话' is
        still an act, 'this link' in 'follow this link' still a link)."""
        found = self.automaton.spans(folded)
        if not found:
            return {}
        found.sort()  # by start, longest first; one keyword per span, so the tags never decide
        by_tag: dict[str, list[Hit]] = {}
        get = by_tag.get
        slot_tags = self._slot_tags
        max_end, max_start = -1, -1
        for start, neg_end, tags in found:
            end = -neg_end
            if end <= max_end and (start != max_start or end != max_end):  # strictly inside an earlier, longer keyword
                tags = slot_tags[tags]
            elif end > max_end:
                max_end, max_start = end, start
            for tag in tags:
                bucket = get(tag)
                if bucket is None:  # no new list per hit, as setdefault(tag, []) makes
                    by_tag[tag] = [Hit(tag, start, end)]
                elif len(bucket) < MAX_HITS_PER_TAG:
                    bucket.append(Hit(tag, start, end))
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

    for tag, phrases in (*PHRASES.items(), *NOTICE_PHRASES.items()):
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


def text_index(urls: UrlIndex, previous: TextIndex | None = None) -> TextIndex:
    """The index for the list behind `urls`; reuses `previous`'s automaton when it is of the same list."""
    channels = urls.channels
    if previous is not None and previous.channels.compiled is channels.compiled:
        return TextIndex(previous.automaton, previous.brands, urls)
    return TextIndex(KeywordAutomaton(_keyword_infos(channels)), {b.id: b for b in channels.brands}, urls)
