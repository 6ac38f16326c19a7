"""A message with no keyword, link, number or account skips the tactics, the brand and the link and
number evidence (analysis.py): on such a message they find nothing, as they read only hits and
entities. These tests hold the screen to that, and to the notice layer still reading the sender frame."""

from __future__ import annotations

from kefuguard.detect.text.analysis import (
    MessageAnalysis,
    _brand_context,
    _link_evidence,
    _number_evidence,
    analyse_message,
)
from kefuguard.detect.text.normalize import fold_text
from kefuguard.detect.text.slots import PARTY
from kefuguard.detect.text.tactics import MessageHits, find_tactics
from tests.detect.text_support import embedded_index

QUIET = ["好的，谢谢", "地址可以帮我修改下吗", "ok see you later", "Dear customer, see you", "「消息」收到"]


def test_what_the_screen_skips_finds_nothing_on_a_quiet_line():
    index = embedded_index()
    for text in QUIET:
        folded = fold_text(text)
        by_tag = index.hits(folded)
        assert by_tag == {}, text  # quiet: no keyword (and no link, number or account)
        hits = MessageHits(folded, text, by_tag, [], index)
        analysis = MessageAnalysis("incoming", text, False)
        assert find_tactics(hits) == [], text
        assert _brand_context(analysis, hits, index) is None, text
        assert _link_evidence(analysis, hits, [], index, None) == ([], []), text
        assert _number_evidence(analysis, hits, [], index.channels, None) == [], text


def test_a_quiet_line_keeps_its_sender_frame_as_the_party():
    index = embedded_index()
    framed = analyse_message("Dear customer, see you", "incoming", index, 20_000)
    assert [e.category for e in framed.evidence] == [PARTY]
    assert analyse_message("好的，谢谢", "incoming", index, 20_000).evidence == []

