"""A plain `check_url` frame is answered without decoding its JSON (Dispatcher.fast_frame): the
reply must be byte for byte what the general way (decode, validate, engine.check_url_json,
encode) gives, and anything the fast way cannot answer so must be left to the general way."""

from __future__ import annotations

import json

from kefuguard.protocol.dispatch import Dispatcher
from tests.conftest import make_engine

PLAIN = [
    "https://www.taobao.com/",
    "https://www.taobao.com/item/42?spm=a1z&x=1#top",
    "http://taobao.com:8080/order/7/refund",
    "https://WWW.JD.COM/",
    "https://taobao-kefu.com/",
    "https://www.taoba0.com/s?q=kefu+1&page=2",
    "https://example.org/",
    "https://news.ycombinator.com/item?id=1",
    "https://a.b.c.example.com.cn/#section-2",
    "https://xn--taobao-9i5e.com/",
    "https://www.example.com",
    "https://www.example.com?q=1",
    "https://localhost/",
    "http://-odd-.com/",
    "https://x.com:99999/",
    "HTTPS://www.taobao.com/Item/1",
    "Http://Taobao.com:443",
    "https://www.example.com/" + "a" * (8192 - 24),  # the longest URL answered this way
]
# the engine looks at these URLs' paths (a '.', a run-together sign-in word, a files folder) or hosts
# (an IP, a shortener, a user-content site), or refuses them: never answered from a host's result
LOOKED_AT = [
    "https://shop.example.org/item.html",
    "https://www.example.com/taobaologin",
    "https://www.example.com/tmp/",
    "https://www.example.com/x?next=/alipaylogin",
    "http://192.0.2.7/",
    "http://3232235777/",
    "https://bit.ly/abc",
    "https://sites.google.com/view/taobao-kefu",
    "https://a..b/",
    "https://.com/",
    "http://999.1.1.1.1/",
    "https://" + "a" * 254 + ".com/",
]
NOT_PLAIN = [
    "https://www.taobao.com/路径",
    "https://www.taobao.com/a b",
    'https://www.taobao.com/"q"',
    "https://www.taobao.com/\\x",
    "https://user:pw@www.taobao.com/",
    "ftp://www.taobao.com/",
    "www.taobao.com/",
    "https://www.taobao.com/\ud800",
    "https://www.example.com/" + "a" * (8193 - 24),  # longer than a URL may be
    "https:/www.taobao.com/",
    "https://www.taobao.com:/",
]


def bodies(url: str, rid: int) -> list[bytes]:
    """The frame body as Chromium writes it (keys sorted) and as Firefox does (the extension's order)."""
    ascii_only = json.dumps({"id": rid, "type": "check_url", "url": url}, separators=(",", ":")).encode()
    as_sent = json.dumps({"type": "check_url", "url": url, "id": rid}, separators=(",", ":"), ensure_ascii=False)
    return [ascii_only, as_sent.encode("utf-8", "surrogatepass")]


def general(dispatcher: Dispatcher, body: bytes) -> bytes:
    reply = dispatcher.frame_for(json.loads(body.decode("utf-8", "surrogatepass")))
    assert reply is not None
    return reply


def test_plain_frames_are_answered_byte_for_byte_as_the_general_way(home):
    fast = Dispatcher(make_engine(home))
    slow = Dispatcher(make_engine(home))  # its own caches: every result computed afresh
    for round_ in range(2):  # a host's first check of a site, then from its kept result
        for i, url in enumerate(PLAIN):
            for body in bodies(url, 1000 * round_ + i):
                reply = fast.fast_frame(body, 0, len(body))
                assert reply is not None, (url, body)
                assert reply == general(slow, body), url
                padded = b"xx" + body + b"yy"  # the frame inside a larger read buffer
                assert fast.fast_frame(bytearray(padded), 2, 2 + len(body)) == reply
    assert list(fast.checked_urls)[-1] == PLAIN[-1]  # remembered for the known verdicts, as the general way does


def test_what_the_engine_looks_at_closer_is_left_to_the_general_way(home):
    fast = Dispatcher(make_engine(home))
    slow = Dispatcher(make_engine(home))
    for url in ["https://www.example.com/", "https://shop.example.org/", "https://www.taobao.com/"]:
        body = bodies(url, 1)[0]
        assert fast.fast_frame(body, 0, len(body)) is not None  # the host's result is kept
    for i, url in enumerate(LOOKED_AT + NOT_PLAIN):
        for body in bodies(url, i):
            assert fast.fast_frame(body, 0, len(body)) is None, url
            assert general(fast, body) == general(slow, body), url


def test_frames_of_another_shape_are_left_to_the_general_way(home):
    fast = Dispatcher(make_engine(home))
    url = "https://www.taobao.com/"
    warm = bodies(url, 1)[0]
    assert fast.fast_frame(warm, 0, len(warm)) is not None
    others = [
        {"id": -1, "type": "check_url", "url": url},
        {"id": "tab-1", "type": "check_url", "url": url},
        {"id": True, "type": "check_url", "url": url},
        {"id": 1, "type": "check_url", "url": url, "tab_url": url},
        {"type": "check_url", "url": url},
        {"id": 1, "type": "check_chat", "url": url},
    ]
    shaped = [json.dumps(o, separators=(",", ":")).encode() for o in others] + [
        json.dumps({"id": 1, "type": "check_url", "url": url}).encode(),  # with spaces
        b'{"id":01,"type":"check_url","url":"https://www.taobao.com/"}',  # not JSON
        b'{"id":1,"type":"check_url","url":"https:\\/\\/www.taobao.com\\/"}',  # escaped slashes
        b'{"id":1,"id":2,"type":"check_url","url":"https://www.taobao.com/"}',
    ]
    for body in shaped:
        assert fast.fast_frame(body, 0, len(body)) is None, body
