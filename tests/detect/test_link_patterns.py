"""The link patterns of entities.py, written to be searched fast, find what their plain forms find."""

from __future__ import annotations

import random
import re

import pytest

from kefuguard.detect.text import entities

# the plain forms: IGNORECASE, the alternatives and look-behinds first (what the fast forms replace)
PLAIN_URL = re.compile(
    r"(?:https?://|https?:/(?=[a-z0-9-]{1,63}\.[a-z0-9])|www\.)[^\s<>\"'，。、）)】」\u3000-\u9fff\uff00-\uffef]{1,2048}",
    re.IGNORECASE,
)
PLAIN_BARE_DOMAIN = re.compile(
    r"(?<![a-z0-9.\-/])(?<![a-z0-9._\-]@)[a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9\-]{1,63}){1,5}(?:/[^\s<>\"'，。、）)】」]{0,512})?",
    re.IGNORECASE,
)
# letters IGNORECASE matches beyond ASCII (İ ı ſ K), and pieces of links
PIECES = [
    *"hHtTpPsSwW:/.-@_aZk09x 中，\n\u0130\u0131\u017f\u212a\u00df",
    *("http", "https://", "HTTP:/", "www.", "WWW.", "hxxp", ".com", ".top/", "K.cn", "@a.b", "ſ", "x.com/a?b=c"),
]


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "详情请访问 https://www.taobao.com/help 或拨打 95188 咨询。",
        "您的账户存在异常，请立即点击 http://a1b2c3.top/login 验证。",
        "Visit WWW.Amazon.COM or HTTPS://pay.evil.top/x now",
        "http:/bit.do/abc and https:/x then www.",
        "mail me at kefu@taobao-help.com, see taobao-help.com/x",
        "\u212aefu.com \u017fhop.top \u0130nfo.cn a\u0131b.com",
        "httpſ://evil.top hTTpS://A.B",
        "x/www.a.com y.www.b.com -c.com .d.com",
    ],
)
def test_the_fast_link_patterns_find_what_the_plain_ones_find(text: str) -> None:
    assert spans(entities._URL, text) == spans(PLAIN_URL, text)
    assert spans(entities._BARE_DOMAIN, text) == spans(PLAIN_BARE_DOMAIN, text)


def test_the_same_on_random_link_shaped_strings_and_next_to_every_bmp_character() -> None:
    rnd = random.Random(7)
    texts = ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 20))) for _ in range(20_000)]
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        texts.append(f"{ch}ab.com {ch}x{ch}@k.cn/{ch} w{ch}www.{ch}http://{ch}")
    for text in texts:
        assert spans(entities._URL, text) == spans(PLAIN_URL, text), text
        assert spans(entities._BARE_DOMAIN, text) == spans(PLAIN_BARE_DOMAIN, text), text
