"""`kefuguard check-text --conversation`, run as a real process: one conversation in, its verdict
(who the sender claimed to be, every link and number offered) and each message out."""

from __future__ import annotations

import json

from tests.cli.test_cli import kefuguard

CHAT = "\n".join(
    [
        "您好，我是淘宝客服，您的订单出现异常",
        "me: 怎么了？",
        "需要给您办理退款，请拨打 13812345678",
        "我：好的",
    ]
).encode()


def test_a_conversation_in_plain_lines_gets_its_verdict_then_each_message(home):
    proc = kefuguard(home, "check-text", "--conversation", "-", stdin=CHAT)
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode()
    head = text.split("\n\n")[0]
    assert head.startswith("Conversation 对话\n  CAUTION 注意") or head.startswith("Conversation 对话\n  DANGER 危险")
    assert "claims to be 自称是 Taobao 淘宝 (message 第 1 条)" in head
    assert "13812345678: not official 非官方 (message 第 3 条; official 官方: 0571-88158198" in head
    assert "[2] me 我: 怎么了？" in text and "[4] me 我: 好的" in text  # 'me:' and '我：' are the user's own
    assert "[3] them 对方: 需要给您办理退款" in text


def test_json_lines_in_one_json_reply_out_with_the_memory(home):
    lines = [
        {"text": "Hi, this is Amazon support. Your order was charged twice."},
        {"text": "ok", "direction": "outgoing"},
        {"text": "Call us at +1 415 555 0134 for your refund"},
    ]
    stdin = "\n".join(json.dumps(x) for x in lines).encode()
    proc = kefuguard(home, "check-text", "--conversation", "--json", "-", stdin=stdin)
    assert proc.returncode == 0, proc.stderr
    [reply] = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [m["direction"] for m in reply["messages"]] == ["incoming", "outgoing", "incoming"]
    assert reply["conversation"]["brands"][0]["id"] == "amazon"
    assert any(c["channel"].endswith("0134") for c in reply["conversation"]["channels"])


def test_fail_on_applies_to_the_conversation(home):
    proc = kefuguard(home, "check-text", "--conversation", "--fail-on", "caution", "-", stdin=CHAT)
    assert proc.returncode == 5


def test_a_bad_line_is_one_error_naming_the_message_and_nothing_is_judged(home):
    stdin = b'{"text": "hi"}\nnot json\n'
    proc = kefuguard(home, "check-text", "--conversation", "--json", "-", stdin=stdin)
    assert proc.returncode == 1
    [error] = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert error["error"]["code"] == "bad_json"
    assert error["error"]["message"] == "message 2: line is not valid JSON"
    assert error["error"]["message_zh"].startswith("第 2 条消息")


def test_no_messages_and_too_many_are_clear_errors(home):
    empty = kefuguard(home, "check-text", "--conversation", "-", stdin=b"")
    assert empty.returncode == 1 and "no messages" in empty.stdout.decode()
    many = kefuguard(home, "check-text", "--conversation", "-", stdin=b"hi\n" * 1_001)
    assert many.returncode == 1 and "at most 1,000 messages" in many.stdout.decode()


def test_arguments_are_a_conversation_too(home):
    proc = kefuguard(home, "check-text", "--conversation", "我是京东客服", "请加我QQ 12345678 办理退款")
    assert proc.returncode == 0, proc.stderr
    assert "claims to be 自称是" in proc.stdout.decode()


def test_huge_lines_are_held_only_as_far_as_they_are_analysed(home):
    # lines of 1 MB: each is cut to what is analysed (20,000 characters) as it is read; the
    # conversation then stays within the analysed budget and gets its verdict, each message truncated
    line = ("退款" * 500_000 + "\n").encode()
    as_json = (json.dumps({"text": "退款" * 500_000}) + "\n").encode()
    proc = kefuguard(home, "check-text", "--conversation", "--json", "-", stdin=as_json * 2)
    assert proc.returncode == 0, proc.stderr
    [reply] = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [m.get("truncated") for m in reply["messages"]] == [True, True]
    over = kefuguard(home, "check-text", "--conversation", "-", stdin=line * 60)
    assert over.returncode == 1 and "at most 1,000,000 characters" in over.stdout.decode()
