"""A conversation's verdict remembers who the other side claimed to be and every link and number it
offered, across messages (issue: 'an opener in one message and the ask two messages later is one
scam'): what the agent console, `check-text --conversation` and the host's check_chat reply show."""

from __future__ import annotations

from kefuguard.detect.text.chat import MEMORY_ENTRIES, check_chat
from tests.conftest import make_engine


def chat(home, *texts: str | tuple[str, str]) -> dict:
    messages = [{"text": t} if isinstance(t, str) else {"text": t[1], "direction": t[0]} for t in texts]
    return check_chat(None, messages, make_engine(home).text_index())


def test_the_brand_claimed_first_and_a_number_offered_later_are_remembered_together(home):
    reply = chat(
        home,
        "您好，我是淘宝客服，您的订单出现异常",
        ("outgoing", "怎么了？"),
        "需要给您办理退款，请拨打 13812345678",
    )
    memory = reply["conversation"]
    assert memory["brands"] == [{"id": "taobao", "name": "Taobao", "name_zh": "淘宝", "claimed": True, "message": 0}]
    [number] = memory["channels"]
    assert number["channel"] == "13812345678" and number["standing"] == "not_official" and number["message"] == 2
    assert "9510211" in number["official"]  # compared with the brand claimed two messages earlier


def test_official_and_dangerous_channels_are_told_apart_and_each_is_listed_once(home):
    reply = chat(
        home,
        "我是淘宝客服，退款请访问 taobao-refund.top",
        "或者拨打官方电话 9510211",
        "再说一遍：taobao-refund.top",
    )
    channels = {c["channel"]: c for c in reply["conversation"]["channels"]}
    assert channels["taobao-refund.top"]["standing"] == "dangerous"
    assert channels["taobao-refund.top"]["message"] == 0
    assert channels["9510211"]["standing"] == "official"
    assert len(reply["conversation"]["channels"]) == 2


def test_the_users_own_messages_offer_nothing(home):
    reply = chat(home, ("outgoing", "我的电话是 13812345678"), "好的，收到")
    assert reply["conversation"] == {"brands": [], "channels": []}


def test_the_memory_is_bounded(home):
    texts = [f"请拨打 138{i:08d} 办理退款，我是淘宝客服" for i in range(MEMORY_ENTRIES + 20)]
    memory = chat(home, *texts)["conversation"]
    assert len(memory["channels"]) == MEMORY_ENTRIES
