"""A `check_chat` reply: the conversation's summary (its worst message) plus one result per message,
kept under the host's reply budget.

The host replaces a reply over 1 MiB by an error, and a 1,000-message conversation with full
reasons and advice on every message can pass that. So the per-message results are trimmed in
steps, only as far as needed: quiet messages first lose their boilerplate (the summary carries
list version and advice), then warned messages lose their advice, then the reasons' prose (codes,
`official` and `matched` stay), then all but their first reasons. The summary is never trimmed.
"""

from __future__ import annotations

from typing import Any

from kefuguard.compact_json import to_compact_json
from kefuguard.detect.result import LEVEL_RANK, Result, higher
from kefuguard.detect.text import slots as n
from kefuguard.detect.text.advice import NOTHING_FOUND
from kefuguard.detect.text.analysis import (
    LINK_CAUTION,
    LINK_DANGER,
    LINK_PRETEXT,
    PHONE_UNOFFICIAL,
    SCAM,
    SUPPORT,
    MessageAnalysis,
)
from kefuguard.detect.text.check import MAX_TEXT_CHARS, ChatMessage, check_conversation
from kefuguard.detect.text.index import TextIndex
from kefuguard.detect.text.notice_channels import official_text
from kefuguard.errors import InputError

MAX_CHAT_MESSAGES = 1_000
# characters analysed in one request (each message counts up to MAX_TEXT_CHARS): about 0.15 s of
# work, so one request cannot hold the host for seconds (1,000 x 20,000 characters took 2.9 s)
MAX_CHAT_CHARS = 1_000_000
REPLY_BUDGET = 900_000  # bytes of UTF-8 JSON for the result; the frame limit is 1 MiB with the envelope
_MESSAGE_KEYS = ("level", "reasons", "advice", "advice_zh", "brand", "direction", "truncated")


def parse_chat_request(page_url: Any, messages: Any) -> list[ChatMessage]:
    """Validate a check_chat request (before any list is needed: a bad request is a bad request)."""
    if page_url is not None and not isinstance(page_url, str):
        raise InputError("'url' must be a string")
    if not isinstance(messages, list) or not messages:
        raise InputError("'messages' must be a non-empty list")
    if len(messages) > MAX_CHAT_MESSAGES:
        raise InputError(f"at most {MAX_CHAT_MESSAGES} messages per request")
    parsed = [ChatMessage.from_dict(m) for m in messages]
    analysed = sum(min(len(m.text), MAX_TEXT_CHARS) for m in parsed)
    if analysed > MAX_CHAT_CHARS:
        raise InputError(
            f"at most {MAX_CHAT_CHARS:,} characters of text per request ({MAX_TEXT_CHARS:,} of each message "
            f"are analysed); this one has {analysed:,}: send fewer or shorter messages per request"
        )
    return parsed


def check_chat(page_url: Any, messages: Any, index: TextIndex) -> dict[str, Any]:
    return chat_reply(page_url, parse_chat_request(page_url, messages), index)


def chat_reply(page_url: str | None, parsed: list[ChatMessage], index: TextIndex) -> dict[str, Any]:
    channels = index.channels
    analyses: list[MessageAnalysis] = []
    results = check_conversation(parsed, index, page_url, analyses_out=analyses)
    level = "none"
    for r in results:
        level = higher(level, r.level)
    worst = max(results, key=lambda r: LEVEL_RANK[r.level])
    summary = Result(
        level=level,
        reasons=worst.reasons if level != "none" else worst.reasons[:1],
        advice=worst.advice if level != "none" else [NOTHING_FOUND],
        brand=worst.brand,
        list_version=channels.version,
        list_stale=channels.stale,
        publisher=worst.publisher or channels.publisher,
    ).to_dict()
    if "brand_card" in worst.extra:
        summary["brand_card"] = worst.extra["brand_card"]
    summary["conversation"] = conversation_memory(analyses, index)
    summary["messages"] = fit_messages([r.to_dict() for r in results], REPLY_BUDGET - _size(summary))
    return summary


# what each channel evidence says of the channel: the brand's own, not the brand's, or dangerous (a listed
# scam channel, a lookalike or scam site)
_STANDING = {
    SUPPORT: "official",
    SCAM: "dangerous",
    LINK_DANGER: "dangerous",
    LINK_CAUTION: "not_official",
    LINK_PRETEXT: "not_official",
    PHONE_UNOFFICIAL: "not_official",
    n.LINK: "not_official",
    n.PHONE: "not_official",
    n.BRAND_LINK: "not_official",
}
_STANDING_RANK = {"official": 0, "not_official": 1, "dangerous": 2}
MEMORY_ENTRIES = 50  # brands and channels remembered per conversation: a bounded summary


def conversation_memory(analyses: list[MessageAnalysis], index: TextIndex) -> dict[str, Any]:
    """Who the other side said it was and every link and number it offered, across the whole
    conversation: `brands` in the order they came up (`claimed`: the sender said it was them), and
    `channels` with the message they first appeared in and what the list says of them."""
    brands: dict[str, dict[str, Any]] = {}
    offered: dict[str, dict[str, Any]] = {}
    for i, a in enumerate(analyses):
        if a.direction != "incoming":
            continue
        brand = index.brands.get(a.brand_id) if a.brand_id is not None else None
        if brand is not None:
            first = {"id": brand.id, "name": brand.name_en, "name_zh": brand.name_zh, "claimed": False, "message": i}
            seen = brands.setdefault(brand.id, first)
            seen["claimed"] = seen["claimed"] or a.claimed
        for e in a.evidence:
            standing = _STANDING.get(e.category)
            channel = a.text[e.start : e.end].strip()
            if standing is None or not channel:
                continue
            known = offered.get(channel)
            if known is None and len(offered) < MEMORY_ENTRIES:
                offered[channel] = {"channel": channel, "standing": standing, "message": i, "code": e.code}
                if e.official:
                    offered[channel]["official"] = e.official
            elif known is not None and _STANDING_RANK[standing] > _STANDING_RANK[known["standing"]]:
                known.update(standing=standing, code=e.code)
    claimed = next((index.brands[b["id"]] for b in brands.values() if b["claimed"]), None)
    for entry in offered.values():
        if claimed is not None and entry["standing"] != "official" and "official" not in entry:
            # a number offered after the sender claimed a brand: compared with that brand's own
            entry["official"] = official_text(claimed)
    return {"brands": list(brands.values())[:MEMORY_ENTRIES], "channels": list(offered.values())}


def _size(obj: Any) -> int:
    return len(to_compact_json(obj).encode("utf-8"))


def _compact(d: dict[str, Any]) -> dict[str, Any]:
    return {k: d[k] for k in _MESSAGE_KEYS if k in d}


def fit_messages(messages: list[dict[str, Any]], budget: int) -> list[dict[str, Any]]:
    """The per-message results, trimmed step by step until their JSON fits `budget` bytes."""
    if _size(messages) <= budget:
        return messages
    steps = (
        lambda d: d if d["level"] != "none" else {**_compact(d), "reasons": [], "advice": [], "advice_zh": []},
        lambda d: {**_compact(d), "advice": [], "advice_zh": []},
        lambda d: {
            **d,
            "reasons": [{k: v for k, v in r.items() if k not in ("message", "message_zh")} for r in d["reasons"]],
        },
        lambda d: {
            **d,
            "reasons": [{**r, "matched": r["matched"][:40]} if "matched" in r else r for r in d["reasons"][:2]],
        },
        lambda d: {"level": d["level"], "reasons": [{"code": r["code"]} for r in d["reasons"][:1]], "trimmed": True},
    )
    for step in steps:
        messages = [step(d) for d in messages]
        messages = [{**d, "trimmed": True} for d in messages]
        if _size(messages) <= budget:
            break
    return messages
