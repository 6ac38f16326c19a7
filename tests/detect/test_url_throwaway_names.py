"""Names no one could say (throwaway_names.py): a site named with letters that cannot be read as
syllables, or with digits thrown between letters, under an ending throwaway sites favour
(url.throwaway_name, caution); and a drawn name in front of a drawn site under any ending. Beside
each scam shape, real names under the same endings: compound words, invented brands, pinyin, a
word with a number, initials, German and English consonant clusters."""

from __future__ import annotations

import pytest

from kefuguard.detect.url.throwaway_names import drawn_part, readable

from .url_support import assert_url_case

CASES = [
    # drawn names under throwaway endings (the shapes of the tune half's gshbcz.cc, pozmns.cc, swmqt.xyz,
    # pt5jf.pw, idbt12269.icu, zjhuyafc8.top)
    ("https://gshbcz.cc/", "caution", "url.throwaway_name", None),
    ("https://pozmns.cc/", "caution", "url.throwaway_name", None),
    ("https://qwrtxz.top/pay", "caution", "url.throwaway_name", None),
    ("https://gnrjgs.swmqt.xyz/", "caution", "url.throwaway_name", None),
    ("https://10860.pt5jf.pw/", "caution", "url.throwaway_name", None),  # digits between letters
    ("https://mhhw.idbt12269.icu/yfhmh", "caution", "url.throwaway_name", None),
    ("https://zjhuyafc8.top/heimaodd/", "caution", "url.throwaway_name", None),
    ("https://k3vbnq.shop/", "caution", "url.throwaway_name", None),
    # two drawn names, one in front of the other, under an ordinary ending
    ("https://hnaatvlrl.isrhns5.com/", "caution", "url.throwaway_name", None),
    ("https://pnliyoll.kdosan.asia/ckuttw", "caution", "url.throwaway_name", None),
    ("https://xkcdqrt.bvnmzpq.net/", "caution", "url.throwaway_name", None),
    # real names under the same endings: compound words, invented brands, pinyin, words with numbers
    ("https://bestshop.top/", "none", "none.unlisted", None),
    ("https://firstclass.shop/", "none", "none.unlisted", None),
    ("https://handmadecrafts.store/", "none", "none.unlisted", None),
    ("https://paragraph.xyz/", "none", "none.unlisted", None),
    ("https://farcaster.xyz/", "none", "none.unlisted", None),
    ("https://strengths.online/", "none", "none.unlisted", None),
    ("https://schwarzkopf.shop/", "none", "none.unlisted", None),
    ("https://angstrom.xyz/", "none", "none.unlisted", None),
    ("https://zhongguo.top/", "none", "none.unlisted", None),
    ("https://xiaoshuo.vip/", "none", "none.unlisted", None),
    ("https://shop24.top/", "none", "none.unlisted", None),
    ("https://web3.club/", "none", "none.unlisted", None),
    ("https://mp3juices.cc/", "none", "none.unlisted", None),  # a word beside the digits
    ("https://kknews.cc/", "none", "none.unlisted", None),  # a doubled letter reads once
    ("https://xnxx.site/", "none", "none.unlisted", None),  # x reads as a syllable
    ("https://jb51.cc/", "none", "none.unlisted", None),  # initials with a number: too short to judge
    ("https://dmzj.vip/", "none", "none.unlisted", None),  # four letters: initials
    ("https://techcrunch.site/", "none", "none.unlisted", None),
    # a drawn name under an ordinary ending, or under .info, .mobi, .asia: initials name real businesses
    ("https://gshbcz.com/", "none", "none.unlisted", None),
    ("https://hngdygwfq.cn/", "none", "none.unlisted", None),
    ("https://bgfdc.info/", "none", "none.unlisted", None),
    ("https://kdosan.asia/", "none", "none.unlisted", None),
    # one drawn name in front of a readable site, or a site's own service names in front of a drawn one
    ("https://hnaatvlrl.example.com/", "none", "none.unlisted", None),
    ("https://www.bvnmzpq.net/", "none", "none.unlisted", None),
    ("https://mail.bvnmzpq.net/", "none", "none.unlisted", None),
    ("https://static.bvnmzpq.net/", "none", "none.unlisted", None),
    # a popular site's machine names are its own business
    ("https://d3qwrtxzq.cloudfront.net/", "none", None, None),
]


@pytest.mark.parametrize(("url", "level", "code", "brand"), CASES, ids=[c[0] for c in CASES])
def test_throwaway_name_case(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)


def test_the_reason_names_the_drawn_part_and_the_ending(engine):
    site = engine.check_url("https://gshbcz.cc/")["reasons"][0]
    assert "'gshbcz'" in site["message"] and ".cc" in site["message"]
    assert "“gshbcz”" in site["message_zh"] and ".cc" in site["message_zh"]
    pair = engine.check_url("https://hnaatvlrl.isrhns5.com/")["reasons"][0]
    assert "'hnaatvlrl'" in pair["message"] and "'isrhns5'" in pair["message"]
    assert "“hnaatvlrl”" in pair["message_zh"] and "“isrhns5”" in pair["message_zh"]


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        ("bestshop", True),  # best-shop
        ("firstclass", True),  # first-class
        ("zhongguo", True),  # zhong-guo
        ("crafts", True),  # a plural's s after a coda
        ("schwarz", True),
        ("xbox", True),
        ("kknews", True),  # doubled letters read once
        ("world", True),  # codas English words end with: rld, gn, wn
        ("design", True),
        ("download", True),
        ("dangnhap", True),  # Vietnamese: dang-nhap, xac-minh
        ("xacminh", True),
        ("gshbcz", False),  # no vowel
        ("pozmns", False),  # zmns ends no syllable
        ("kdosan", False),  # kd starts none
        ("hngdygwfq", False),
    ],
)
def test_reading_as_syllables(run, expected):
    assert readable(run) is expected


@pytest.mark.parametrize(
    ("label", "part"),
    [
        ("l1smc", "l1smc"),  # letters and digits that make no word together
        ("pt5jf", "pt5jf"),
        ("mp3juices", None),  # a word beside the digits
        ("shop24", None),
        ("cctv", None),  # initials: too short
        ("bank-gshbcz", "gshbcz"),
    ],
)
def test_the_drawn_part(label, part):
    assert drawn_part(label) == part


@pytest.mark.parametrize(
    ("url", "level", "code", "brand"),
    [
        # a brand's name with letters that read as no word beside it (the tune half's amazonfbajp.com)
        ("https://amazonfbajp.com/", "caution", "lookalike.noisy_token", "amazon"),
        ("https://bookingxqzvt.com/", "caution", "lookalike.noisy_token", "booking"),
        ("https://kqzvtamazon.net/", "caution", "lookalike.noisy_token", "amazon"),
        # the same names with words or readable names beside them are ordinary names
        ("https://amazonas.com/", "none", "none.unlisted", None),
        ("https://amazonrainforest.org/", "none", "none.unlisted", None),
        ("https://orangebox.com/", "none", "none.unlisted", None),
        ("https://bookingpress.com/", "none", "none.unlisted", None),
    ],
)
def test_a_brand_beside_a_drawn_name(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)


def test_the_drawn_noise_rule_probes_a_name_s_ends_first(engine):
    """drawn_noise_findings looks at a name's first and last five letters before its walk: the probe
    may only skip names the walk would pass (a brand's name at one end, a drawn run the rest)."""
    from kefuguard.detect.url.lookalike import MIN_DRAWN_NOISE_TOKEN, drawn_noise_findings
    from kefuguard.detect.url.throwaway_names import drawn_part as drawn

    index = engine.url_index().brands

    def walk(label: str) -> bool:  # the rule without the probe
        flat = label.replace("-", "")
        for k in range(MIN_DRAWN_NOISE_TOKEN, len(flat) - MIN_DRAWN_NOISE_TOKEN + 1):
            for word, rest in ((flat[:k], flat[k:]), (flat[-k:], flat[:-k])):
                if word in index.tokens and word.isalpha() and drawn(rest) == rest:
                    return True
        return False

    names = [t for t in index.tokens if len(t) >= MIN_DRAWN_NOISE_TOKEN and t.isascii() and t.isalpha()][:300]
    labels = [f"{n}xqzvt" for n in names] + [f"kqzvt{n}" for n in names] + [f"{n}-fbajp" for n in names]
    labels += [f"{n}shop" for n in names] + [f"my{n}" for n in names] + ["gshbczqwrt", "wikipedia", "bestshopping"]
    assert sum(map(walk, labels)) >= len(names)  # the drawn shapes are found, or the test proves nothing
    for label in labels:
        assert bool(drawn_noise_findings(label, index, label + ".com")) == walk(label), label
