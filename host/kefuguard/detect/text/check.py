"""check_text: one chat message (with the conversation's last few messages, the page URL, the
direction and the sender's display name) -> result. check_conversation: every message of a chat.

The pipeline: text_analysis (one message on its own: keywords, entities, tactics, list lookups),
then text_scoring (combinations with earlier messages, page and sender; outgoing secrets), then
text_result (reasons and advice). docs/detectors-text.md describes the reason codes and rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kefuguard.detect.result import CheckInputError, Result
from kefuguard.detect.result_json import result_json
from kefuguard.detect.text import tactics as t
from kefuguard.detect.text.analysis import MessageAnalysis, analyse_message
from kefuguard.detect.text.index import TextIndex
from kefuguard.detect.text.verdict import build_result, page_verdict, sender_claim

MAX_TEXT_CHARS = 20_000  # analysed per message; the rest is ignored and reported as truncated
CONTEXT_MESSAGES = 5  # earlier messages that count as the context of a message
# beyond those, the conversation remembers who the sender claimed to be and the scam's openers
# (the last few such messages): '我是京东客服' at the start and 'add my QQ' twenty messages later
REMEMBERED_MESSAGES = 3
MEMORABLE = frozenset({t.CLAIM, t.NOTICE, t.LURE_HALLMARK, t.LURE_STRONG})
DIRECTIONS = ("incoming", "outgoing")


@dataclass(frozen=True)
class ChatMessage:
    text: str
    direction: str = "incoming"
    sender: str | None = None
    url: str | None = None

    @classmethod
    def from_dict(cls, raw: Any) -> ChatMessage:
        if not isinstance(raw, dict):
            raise CheckInputError(
                "a message must be an object with a 'text' string", "消息必须是含 'text' 字符串的 JSON 对象"
            )
        text = raw.get("text")
        if not isinstance(text, str):
            raise CheckInputError("'text' must be a string", "'text' 必须是字符串")
        direction = raw.get("direction", "incoming")
        if direction is None:
            direction = "incoming"
        if direction not in DIRECTIONS:
            raise CheckInputError(
                "'direction' must be 'incoming' or 'outgoing'", "'direction' 必须是 'incoming' 或 'outgoing'"
            )
        for key in ("sender", "url"):
            if raw.get(key) is not None and not isinstance(raw.get(key), str):
                raise CheckInputError(f"'{key}' must be a string", f"'{key}' 必须是字符串")
        return cls(text, direction, raw.get("sender"), raw.get("url"))


def _analyse(message: ChatMessage, index: TextIndex, max_chars: int) -> MessageAnalysis:
    return analyse_message(message.text, message.direction, index, max_chars)


def check_text(message: ChatMessage, index: TextIndex, context: list[ChatMessage] | None = None) -> Result:
    """`context`: earlier messages of the same conversation, oldest first (only the last few count)."""
    earlier = [_analyse(m, index, MAX_TEXT_CHARS) for m in (context or [])[-CONTEXT_MESSAGES:]]
    current = _analyse(message, index, MAX_TEXT_CHARS)
    page = page_verdict(message.url, index)
    return build_result(current, earlier, page, sender_claim(message.sender, index), index)


def check_text_dict(raw: Any, index: Callable[[], TextIndex]) -> dict[str, Any]:
    """check_text of a request object ({"text", "direction"?, "sender"?, "url"?}) as the result's dict.
    The index is asked for once the request is read: a malformed one is refused even with no list."""
    message = ChatMessage.from_dict(raw)
    return check_text(message, index()).to_dict()


def check_text_json(raw: Any, index: Callable[[], TextIndex]) -> tuple[str, str]:
    """check_text_dict's result as compact JSON (the service's and the CLI's replies), and its level."""
    message = ChatMessage.from_dict(raw)
    result = check_text(message, index())
    return result.level, result_json(result)


def check_conversation(
    messages: list[ChatMessage],
    index: TextIndex,
    page_url: str | None = None,
    *,
    max_chars_total: int = 1_000_000,
    analyses_out: list[MessageAnalysis] | None = None,
) -> list[Result]:
    """One result per message, in order; each message judged with the few before it as context.

    Each message is analysed once (`analyses_out` receives the analyses). Long conversations share
    `max_chars_total` characters of analysis (each message at least 2,000, at most MAX_TEXT_CHARS):
    bounded time whatever comes in.
    """
    per_message = max(2_000, min(MAX_TEXT_CHARS, max_chars_total // max(1, len(messages))))
    analyses = [_analyse(m, index, per_message) for m in messages]
    if analyses_out is not None:
        analyses_out.extend(analyses)  # what chat.py's conversation memory reads
    results: list[Result] = []
    remembered: list[MessageAnalysis] = []
    for i, (message, current) in enumerate(zip(messages, analyses, strict=True)):
        page = page_verdict(message.url or page_url, index)
        if i > CONTEXT_MESSAGES:  # the message that just left the window of recent ones
            gone = analyses[i - CONTEXT_MESSAGES - 1]
            if gone.direction == "incoming" and gone.categories() & MEMORABLE:
                remembered = [*remembered, gone][-REMEMBERED_MESSAGES:]
        earlier = remembered + analyses[max(0, i - CONTEXT_MESSAGES) : i]
        results.append(build_result(current, earlier, page, sender_claim(message.sender, index), index))
    return results
