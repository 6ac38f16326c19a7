"""`kefuguard check-text --conversation`: every input is one message of one conversation, in order.

Each message is judged with the ones before it (an opener in the first, the ask two messages
later), as the browser's chat watcher and `POST /v1/check/text {"messages": [...]}` do; the answer
is the conversation's summary, with who the other side claimed to be and every link and number it
offered, then one result per message. Plain lines: `me:` / `我：` marks the user's own messages
(outgoing), `them:` / `对方：` or no prefix the other side's.
"""

from __future__ import annotations

import json
import re
from typing import Any

from kefuguard.cli.batch_io import argument_batches, error_obj, json_line, stdin_batches, write_text
from kefuguard.exit_codes import EXIT_INPUT_ERRORS
from kefuguard.cli.render import LEVEL_LABEL, error_block, result_block
from kefuguard.detect.result import CheckInputError
from kefuguard.detect.text.chat import MAX_CHAT_MESSAGES
from kefuguard.detect.text.check import MAX_TEXT_CHARS
from kefuguard.errors import KefuguardError

_PREFIX = re.compile(r"^\s*(me|我|them|对方|對方)\s*[:：]\s*", re.IGNORECASE)
_OUTGOING = {"me", "我"}
SUBJECT_CHARS = 60
STANDING = {
    "official": "official 官方",
    "not_official": "not official 非官方",
    "dangerous": "dangerous 危险",
}


def _plain(line: str, url: str | None) -> dict[str, Any]:
    m = _PREFIX.match(line)
    if m is None:
        return {"text": line, "url": url}
    direction = "outgoing" if m.group(1).lower() in _OUTGOING else "incoming"
    return {"text": line[m.end() :], "direction": direction, "url": url}


def _messages(args: Any) -> list[dict[str, Any]]:
    """The conversation's messages, or a CheckInputError naming the first line that is not one."""
    from_stdin = args.texts == ["-"]
    batches = stdin_batches() if from_stdin else argument_batches(args.texts)
    out: list[dict[str, Any]] = []
    for batch in batches:
        for line, problem in batch:
            number = len(out) + 1
            if problem is not None:
                raise CheckInputError(
                    f"message {number}: {problem}", f"第 {number} 条消息：{problem}", code=problem.code
                )
            if len(out) == MAX_CHAT_MESSAGES:
                raise CheckInputError(
                    f"at most {MAX_CHAT_MESSAGES:,} messages in one conversation",
                    f"一段对话最多 {MAX_CHAT_MESSAGES:,} 条消息",
                )
            if from_stdin and args.json:
                try:
                    message = json.loads(line or "")
                except (ValueError, RecursionError):
                    raise CheckInputError(
                        f"message {number}: line is not valid JSON",
                        f"第 {number} 条消息：该行不是有效的 JSON",
                        code="bad_json",
                    ) from None
                if not isinstance(message, dict):
                    raise CheckInputError(
                        f"message {number}: each line must be a JSON object",
                        f"第 {number} 条消息：每行必须是 JSON 对象",
                    )
            else:
                message = _plain(line or "", args.url)
            if message.get("direction") is None:
                message.pop("direction", None)
            text = message.get("text")
            if isinstance(text, str) and len(text) > MAX_TEXT_CHARS:
                # only the start is analysed: holding no more keeps 1,000 huge lines from filling memory
                message["text"] = text[: MAX_TEXT_CHARS + 1]
            out.append(message)
    if not out:
        raise CheckInputError("no messages: give one per line", "没有消息：每行一条")
    return out


def conversation_text(reply: dict[str, Any], messages: list[dict[str, Any]]) -> str:
    """The summary block, then one block per message, numbered."""
    memory = reply.get("conversation") or {}
    lines = ["Conversation 对话", f"  {LEVEL_LABEL.get(reply['level'], reply['level'])}"]
    for b in memory.get("brands", []):
        said = "claims to be 自称是" if b["claimed"] else "mentions 提到"
        lines.append(f"  {said} {b['name']} {b['name_zh']} (message 第 {b['message'] + 1} 条)")
    for c in memory.get("channels", []):
        official = f"; official 官方: {c['official']}" if c.get("official") else ""
        standing = STANDING.get(c["standing"], c["standing"])
        lines.append(f"  {c['channel']}: {standing} (message 第 {c['message'] + 1} 条{official})")
    for r in reply["reasons"]:
        lines.append(f"  - {r['message']}\n    {r['message_zh']}")
    for en, zh in zip(reply.get("advice", []), reply.get("advice_zh", []), strict=False):
        lines.append(f"  > {en}\n    {zh}")
    out = "\n".join(lines) + "\n\n"
    for i, (message, result) in enumerate(zip(messages, reply["messages"], strict=True), 1):
        given = message.get("text")
        text = given if isinstance(given, str) else ""
        arrow = "me 我" if message.get("direction") == "outgoing" else "them 对方"
        subject = text[:SUBJECT_CHARS] + ("…" if len(text) > SUBJECT_CHARS else "")
        out += result_block(f"[{i}] {arrow}: {subject}", {**result, "advice": [], "advice_zh": []})
    return out


def cmd_check_conversation(args: Any, engine: Any, outcome: Any) -> int:
    try:
        messages = _messages(args)
        reply = engine.check_chat(args.url, messages)
    except KefuguardError as e:
        write_text(json_line(error_obj(e)) if args.json else error_block("Conversation 对话", e))
        return EXIT_INPUT_ERRORS
    outcome.saw(reply["level"])
    write_text(json_line(reply) if args.json else conversation_text(reply, messages))
    return outcome.exit_code(False)
