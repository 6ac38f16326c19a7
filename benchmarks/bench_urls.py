"""URL-check speed and memory at list sizes the issue names (10,000 brands, 1,000,000 scam domains).

    .venv/bin/python benchmarks/bench_urls.py [--quick] [--profile]

Every ratio is between two values measured in this one run, interleaved round by round so
drifting machine load hits both alike. Missing a target prints FAIL and still exits 0; a
measurement that could not be taken at all prints ERROR and exits 1.

Measurements:
  1. median time per URL, kefuguard.detect.url.check.check_url (in process, one call per URL, after
     one warm-up call) vs a naive baseline, at 10,000 synthetic brands + the embedded brands:
     rapidfuzz.process.extractOne(label, all brand labels, scorer=Levenshtein.distance,
     score_cutoff=1) plus `any(token in label for token in brand tokens)`, with the same URL parsing
     (urllib.parse + kefuguard.detect.url.public_suffix.registrable_domain). Every URL has a distinct host
     (no per-host cache can help); a second row repeats hosts as links on a page do. Recall on the
     lookalike URLs and false positives on unknown hosts are measured for both.
  2. median time per URL with 1,000,000 scam domains vs 1,000 (embedded brands; URLs that hit and
     miss the scam list; distinct hosts)
  3. peak RSS (VmHWM) of a `kefuguard host` process after a few hundred check_url requests, list with
     1,000,000 scam domains vs the embedded default list

Signed bundles (throwaway Ed25519 key) are cached under kefuguard-bench-cache/ in the system temp
folder, as bench_host.py does. This is a benchmark, not a test: nothing here is run by pytest.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import json
import os
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench_host import (  # benchmarks/ is sys.path[0] when this file is run as a script
    CACHE_DIR,
    HOST_CMD,
    SCAM_TLDS,
    SCAM_WORDS,
    STATUS_FRAME,
    BenchError,
    Env,
    _scam_domain,
    embedded_signed,
    frame,
    machine,
    mib,
    timed_start,
)

HERE = Path(__file__).resolve().parent
GENERATOR_VERSION = 2  # bump when a generator below changes: cached bundles are keyed by it
VERSION_BRANDS = 999_902_010_000  # above any timestamp-style version of the embedded list
VERSION_SCAM = 999_902_020_000
PUBLISHER = "kefuguard-bench-urls (synthetic)"
EVAL_DOMAINS = HERE.parent.parent / "shared" / "eval" / "domains" / "chromium-top-domains.list"
LEVELS_WARN = ("caution", "danger")
BASELINE_MIN_TOKEN = 4  # shorter substrings ('jd', 'qq', 'ups') would flag most of the web

# --------------------------------------------------------------------------------------------
# synthetic brands: pinyin-like and English-like labels of 4-12 letters

PINYIN = (
    "ba bai ban bang bao bei ben bi bian bo cai can chang chao chen cheng chu da dai dan de deng di dian ding "
    "dong du fa fang fei fen feng fu gang gao ge gong gu guang gui guo hai han hao he heng hong hu hua huan hui "
    "ji jia jian jiang jie jin jing jiu kai kang ke kuai lan le li lian liang lin ling long lu ma man mei meng mi "
    "min ming na nan ning pin ping qi qian qiao qing quan rong rui shan shang shen sheng shi shun song su tai tian "
    "tong wan wang wei wen xi xia xian xiang xiao xin xing xiu xu ya yang yi yin ying yong you yu yuan yue yun ze "
    "zhan zhang zhao zhen zheng zhi zhong zhou zhu"
).split()
HANZI = "华美天康佳龙丰宝通达瑞盛云海金安乐福明智宏国百星辰易捷新鑫源润泰恒信诚嘉汇德和兴隆昌顺祥利"
MORPHEMES = (
    "nova lux zen sky bright star sun mint pixel byte swift prime true fresh green smart quick ever max flex aero "
    "terra vista ocean river stone peak wave cart mart fin trust north east west blue red gold silver iron oak "
    "pine maple cedar fox wolf bear hawk lion tiger panda koala orbit astro quant data net soft ware gear tech "
    "labs works hub base core zone point line path way gate port bay coast field land home room hive nest"
).split()
CONSONANTS, VOWELS = "bcdfgklmnprstvz", "aeiou"
CCTLDS = ["cn", "com.cn", "hk", "com.hk", "tw", "com.tw", "jp", "co.jp", "sg", "com.sg", "co.uk", "de", "kr", "fr"]
CATEGORIES = ["ecommerce", "bank", "payment", "logistics", "telecom", "travel", "food", "social", "government"]
REGIONS = ["CN", "CN", "CN", "HK", "TW", "SG", "JP", "US", "GB", "DE", "KR"]
PATHS = ["/", "/item/{}", "/login?next=/{}", "/s?q=kefu+{}&page=2", "/order/{}/refund", "/#{}", "/p/{}.html"]
SUBDOMAINS = ["www", "m", "shop", "item", "login", "pay", "help", "cdn", "img", "static", "h5", "wap", "api", "my"]


def _pronounceable(rng: random.Random, lo: int, hi: int) -> str:
    n = rng.randrange(lo, hi + 1)
    out = []
    while len(out) < n:
        out.append(rng.choice(CONSONANTS))
        if len(out) < n:
            out.append(rng.choice(VOWELS))
    return "".join(out)


def brand_label(rng: random.Random) -> tuple[str, str]:
    """('xinhuabao', 'pinyin') or ('novalabs', 'english'); 4-12 letters, 3 % with a hyphen ('blue-star')."""
    while True:
        r = rng.random()
        joint = "-" if rng.random() < 0.03 else ""
        if r < 0.55:
            label = joint.join(rng.choice(PINYIN) for _ in range(rng.choice((2, 2, 2, 3))))
            kind = "pinyin"
        elif r < 0.85:
            label = joint.join(rng.sample(MORPHEMES, 2))
            kind = "english"
        else:
            label = _pronounceable(rng, 4, 9)  # made-up names: 'kolavi', 'zenora'
            kind = "english"
        if 4 <= len(label.replace("-", "")) <= 12:
            return label, kind


def synthetic_brand(i: int, label: str, kind: str, rng: random.Random, labels: set[str]) -> dict[str, Any]:
    zh = "".join(rng.choice(HANZI) for _ in range(rng.choice((2, 2, 3))))
    domains = [f"{label}.{rng.choice(['com', 'com', 'com', 'cn', 'com.cn', 'net'])}"]
    r = rng.random()
    if r < 0.15:  # country variants
        domains += [f"{label}.{cc}" for cc in rng.sample(CCTLDS, rng.choice((1, 2)))]
    elif r < 0.22:  # a sister site under another label (tmall / taobao)
        sister = label + rng.choice(["mall", "pay", "cloud", "global", "go"])
        if len(sister) <= 14 and sister not in labels:
            labels.add(sister)
            domains.append(f"{sister}.com")
    keywords = [label, zh, f"{zh}客服"]
    if kind == "english" and rng.random() < 0.5:
        keywords.append(label.capitalize())
    brand: dict[str, Any] = {
        "id": f"b{i}-{label}",
        "names": {"en": label.capitalize(), "zh": zh},
        "domains": list(dict.fromkeys(domains)),
        "phones": [f"400-{rng.randrange(100, 1000)}-{rng.randrange(1000, 10000)}"],
        "keywords": keywords,
        "category": rng.choice(CATEGORIES),
        "region": rng.choice(REGIONS) if kind == "english" else "CN",
    }
    if r < 0.05:
        brand["country_sites"] = True
    return brand


def brands_source(n_brands: int, n_scam: int, seed: int = 20261123) -> dict[str, Any]:
    """The embedded brands plus n_brands synthetic ones with distinct labels, and a scam section."""
    rng = random.Random(seed)
    embedded = embedded_signed()["brands"]
    labels = {d.split(".")[0] for b in embedded for d in b["domains"]}
    brands = list(embedded)
    while len(brands) < len(embedded) + n_brands:
        label, kind = brand_label(rng)
        if label in labels:
            continue
        labels.add(label)
        brands.append(synthetic_brand(len(brands), label, kind, rng, labels))
    targets = sorted(labels)
    scam: set[str] = set()
    while len(scam) < n_scam:
        scam.add(_scam_domain(rng, targets))
    return {"list": {"publisher": PUBLISHER}, "brands": brands, "scam": {"domains": sorted(scam)}}


def scam_sequence(n: int, seed: int = 20261124) -> list[str]:
    """n distinct scam domains imitating embedded brands; a prefix of a longer run is the shorter run."""
    rng = random.Random(seed)
    targets = [b["id"] for b in embedded_signed()["brands"]]
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        d = _scam_domain(rng, targets)
        if d not in seen:
            seen.add(d)
            out.append(d)
    return out


def scam_source(n_scam: int) -> dict[str, Any]:
    return {
        "list": {"publisher": PUBLISHER},
        "brands": embedded_signed()["brands"],
        "scam": {"domains": sorted(scam_sequence(n_scam))},
    }


@dataclass
class Bundle:
    path: Path
    public_hex: str
    version: int
    generated_now: bool
    seconds: float


def embedded_tag() -> str:
    """A short digest of the embedded brands: bundles built on them are cached per list content, so
    an edited embedded list never meets a bundle generated from the old one."""
    import hashlib

    brands = json.dumps(embedded_signed()["brands"], sort_keys=True).encode()
    return hashlib.sha256(brands).hexdigest()[:8]


def cached_bundle(name: str, version: int, make_source: Callable[[], dict[str, Any]]) -> Bundle:
    """A signed bundle from the cache under /tmp, or generated and signed with a throwaway key."""
    from kefuguard.lists.model import parse_time

    stem = CACHE_DIR / f"urls-g{GENERATOR_VERSION}-{name}"
    path, pub = stem.with_suffix(".json"), stem.with_suffix(".pub")
    t0 = time.perf_counter()
    try:
        data = path.read_bytes()  # the signed part's only "expires" key (canonical JSON: after "brands")
        at = data.index(b'"expires":"', data.index(b'"signed":')) + len(b'"expires":"')
        expires = parse_time(data[at : data.index(b'"', at)].decode("ascii"), "expires")
        if expires - dt.datetime.now(dt.UTC) < dt.timedelta(days=7):
            raise ValueError("cached bundle is close to expiry")
        return Bundle(path, pub.read_text().strip(), version, False, time.perf_counter() - t0)
    except (OSError, ValueError, IndexError):
        pass
    from kefuguard.lists.publish import bundle_bytes, generate_key, load_private_key, sign_signed
    from kefuguard.lists.source import build_signed

    signed = build_signed(
        make_source(), version=version, issued=dt.datetime.now(dt.UTC), expires_days=365, publisher=PUBLISHER
    )
    with tempfile.TemporaryDirectory(prefix="kefuguard-bench-key-") as keydir:
        _, key_path, pub_path = generate_key(Path(keydir))  # throwaway: gone with the temp dir
        public_hex = pub_path.read_text().strip()
        data = bundle_bytes(sign_signed(signed, [load_private_key(key_path)]))
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(data)
    pub.write_text(public_hex + "\n")
    os.replace(tmp, path)
    return Bundle(path, public_hex, version, True, time.perf_counter() - t0)


def install(home: Path, bundle: Bundle) -> None:
    (home / "lists").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(bundle.path, home / "lists" / "main.json")
    (home / "config.toml").write_text(f'[trust]\nkeys = ["{bundle.public_hex}"]\n')


def load_channels(home: Path, expect_version: int | None) -> tuple[Any, float]:
    """Engine().url_index() with KEFUGUARD_HOME=home; (URL index, seconds to load, verify and compile).
    The lookalike index is built on the first check, not here."""
    from kefuguard.service.engine import Engine

    home.mkdir(parents=True, exist_ok=True)
    os.environ["KEFUGUARD_HOME"] = str(home)
    os.environ["KEFUGUARD_MANAGED_CONFIG"] = str(home / "no-managed-config.toml")  # hermetic: not /etc
    t0 = time.perf_counter()
    index = Engine().url_index()
    seconds = time.perf_counter() - t0
    channels = index.channels
    if expect_version is not None and (channels.version != expect_version or channels.compiled.origin != "installed"):
        raise BenchError(
            f"expected the installed list {expect_version}, got {channels.version} ({channels.compiled.origin})"
        )
    return index, seconds


# --------------------------------------------------------------------------------------------
# test URLs: official hosts, unknown hosts, lookalikes of random listed brands

KEYBOARD = {
    "q": "wa", "w": "qeas", "e": "wrds", "r": "etdf", "t": "ryfg", "y": "tugh", "u": "yihj", "i": "uojk",
    "o": "ipkl", "p": "ol", "a": "qwsz", "s": "awedxz", "d": "serfcx", "f": "drtgvc", "g": "ftyhbv",
    "h": "gyujnb", "j": "huikmn", "k": "jiolm", "l": "kop", "z": "asx", "x": "zsdc", "c": "xdfv", "v": "cfgb",
    "b": "vghn", "n": "bhjm", "m": "njk",
}  # fmt: skip
# Cyrillic / Greek letters that look like Latin ones, and ASCII look-alike sequences
HOMOGLYPHS = {
    "a": ["\u0430", "\u03b1"], "e": ["\u0435"], "o": ["\u043e", "\u03bf", "0"], "p": ["\u0440"], "c": ["\u0441"],
    "x": ["\u0445"], "y": ["\u0443"], "i": ["\u0456", "1"], "j": ["\u0458"], "s": ["\u0455"], "h": ["\u04bb"],
    "l": ["1", "\u04cf"], "m": ["rn"], "w": ["vv"], "d": ["cl"], "n": ["\u0578"], "k": ["\u03ba"],
}  # fmt: skip
TYPO_KINDS = (
    "omission", "insertion", "replacement", "repetition", "transposition", "vowel-swap", "bitsquatting",
    "hyphenation",
)  # fmt: skip
SWAP_TLDS = ["net", "org", "cn", "com.cn", "top", "xyz", "vip", "shop", "cc", "info", "co", "io", "online", "hk"]
ALPHA = "abcdefghijklmnopqrstuvwxyz"
LABEL_CHARS = set(ALPHA + "0123456789-")


def _typo(label: str, kind: str, rng: random.Random) -> str | None:
    n = len(label)
    if n < 2:
        return None  # one-character names (x.com, 3.cn): no transposition, and an omission leaves nothing
    i = rng.randrange(n)
    if kind == "omission":
        out = label[:i] + label[i + 1 :]
    elif kind == "insertion":
        near = KEYBOARD.get(label[i], ALPHA)
        out = (
            label[:i] + rng.choice(near) + label[i:]
            if rng.random() < 0.5
            else label[: i + 1] + rng.choice(near) + label[i + 1 :]
        )
    elif kind == "replacement":
        out = label[:i] + rng.choice(KEYBOARD.get(label[i], ALPHA)) + label[i + 1 :]
    elif kind == "repetition":
        out = label[: i + 1] + label[i] + label[i + 1 :]
    elif kind == "transposition":
        j = rng.randrange(n - 1)
        out = label[:j] + label[j + 1] + label[j] + label[j + 2 :]
    elif kind == "vowel-swap":
        spots = [k for k, c in enumerate(label) if c in VOWELS]
        if not spots:
            return None
        k = rng.choice(spots)
        out = label[:k] + rng.choice([v for v in VOWELS if v != label[k]]) + label[k + 1 :]
    elif kind == "bitsquatting":
        flipped = [chr(ord(label[i]) ^ (1 << b)) for b in range(8)]
        ok = [c for c in flipped if c in LABEL_CHARS and c != "-"]
        if not ok:
            return None
        out = label[:i] + rng.choice(ok) + label[i + 1 :]
    else:  # hyphenation
        if n < 2:
            return None
        k = rng.randrange(1, n)
        out = label[:k] + "-" + label[k:]
    if out == label or not out or out[0] == "-" or out[-1] == "-" or len(out) < 2:
        return None
    return out


def _homograph(label: str, rng: random.Random) -> str | None:
    spots = [k for k, c in enumerate(label) if c in HOMOGLYPHS]
    if not spots:
        return None
    chosen = sorted(rng.sample(spots, min(len(spots), 1 if rng.random() < 0.7 else 2)), reverse=True)
    out = label
    for k in chosen:
        out = out[:k] + rng.choice(HOMOGLYPHS[out[k]]) + out[k + 1 :]
    if out.isascii():
        return out
    try:
        return out.encode("idna").decode("ascii")  # as a browser hands over a link: punycode
    except UnicodeError:
        return "xn--" + out.encode("punycode").decode("ascii")


@dataclass
class UrlCase:
    url: str
    host: str
    kind: str  # "official" | "unknown" | "lookalike" | "scam"
    sub: str = ""  # lookalike category ('typo:omission', 'homograph', 'combo', 'tld-swap', 'subdomain')
    label_len: int = 0  # of the imitated label


@dataclass
class UrlMaker:
    """Distinct hosts for every URL made, across all rounds of a run."""

    brands: list[dict[str, Any]]
    official: set[str]  # every listed official domain
    rng: random.Random
    unknown_pool: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)
    counter: int = 0
    _unknown_next: int = 0

    def url(self, host: str) -> str:
        self.counter += 1
        path = self.rng.choice(PATHS).format(self.counter)
        return f"{self.rng.choice(['https', 'https', 'http'])}://{host}{path}"

    def _free(self, host: str) -> bool:
        if host in self.used or len(host) > 253:
            return False
        self.used.add(host)
        return True

    def is_official(self, host: str) -> bool:
        from kefuguard.detect.url.public_suffix import registrable_domain

        registrable = registrable_domain(host)[0] or host
        h = host
        while True:
            if h in self.official:
                return True
            if h == registrable or "." not in h:
                return False
            h = h.split(".", 1)[1]

    def official_url(self) -> UrlCase:
        while True:
            domain = self.rng.choice(self.rng.choice(self.brands)["domains"])
            r = self.rng.random()
            if r < 0.25:
                host = domain
            elif r < 0.75:
                host = f"{self.rng.choice(SUBDOMAINS)}.{domain}"
            else:
                host = f"{self.rng.choice(SUBDOMAINS)}{self.rng.randrange(1, 1000)}.{domain}"
            if self._free(host):
                return UrlCase(self.url(host), host, "official")

    def unknown_url(self) -> UrlCase:
        while True:
            if self._unknown_next < len(self.unknown_pool):
                base = self.unknown_pool[self._unknown_next]
                self._unknown_next += 1
            else:  # the real list is used up: the same domains under another subdomain, then made-up ones
                base = self.rng.choice(self.unknown_pool) if self.unknown_pool else ""
                base = f"{self.rng.choice(SUBDOMAINS)}{self.rng.randrange(1000)}.{base}" if base else ""
                if not base or self.rng.random() < 0.3:
                    base = f"{_pronounceable(self.rng, 5, 10)}.{self.rng.choice(['com', 'net', 'org', 'de', 'io'])}"
            if self.is_official(base):
                continue
            if self._free(base):
                return UrlCase(self.url(base), base, "unknown")

    def lookalike_url(self) -> UrlCase:
        from kefuguard.detect.url.public_suffix import registrable_domain

        while True:
            brand = self.rng.choice(self.brands)
            domain = self.rng.choice(brand["domains"])
            registrable, suffix = registrable_domain(domain)
            if not registrable or not suffix:
                continue
            label = registrable[: -len(suffix) - 1]
            r = self.rng.random()
            if r < 0.45:
                sub = self.rng.choice(TYPO_KINDS)
                mutated = _typo(label, sub, self.rng)
                host = f"{mutated}.{suffix}" if mutated else None
                sub = "typo:" + sub
            elif r < 0.60:
                sub = "homograph"
                mutated = _homograph(label, self.rng)
                host = f"{mutated}.{suffix}" if mutated else None
            elif r < 0.80:
                sub = "combo"
                word = self.rng.choice(SCAM_WORDS)
                shape = self.rng.randrange(5)
                name = [f"{label}-{word}", f"{word}-{label}", f"{label}{word}", f"{word}{label}", f"{label}-{word}"][
                    shape
                ]
                if shape == 4:
                    name += str(self.rng.randrange(10, 1000))
                host = f"{name}.{self.rng.choice(SCAM_TLDS)}"
            elif r < 0.92:
                sub = "tld-swap"
                host = f"{label}.{self.rng.choice(SWAP_TLDS)}"
            else:
                sub = "subdomain"
                junk = _pronounceable(self.rng, 4, 8)
                host = f"{registrable}.{junk}-{self.rng.choice(SCAM_WORDS)}.{self.rng.choice(SCAM_TLDS)}"
            if host is None or not set(host) <= LABEL_CHARS | {"."} or self.is_official(host):
                continue
            if self.rng.random() < 0.3 and sub != "subdomain":
                host = "www." + host
            if self._free(host):
                return UrlCase(self.url(host), host, "lookalike", sub, len(label))

    def mix(self, n: int, shares: tuple[float, float, float] = (0.30, 0.35, 0.35)) -> list[UrlCase]:
        out = []
        for _ in range(n):
            r = self.rng.random()
            if r < shares[0]:
                out.append(self.official_url())
            elif r < shares[0] + shares[1]:
                out.append(self.unknown_url())
            else:
                out.append(self.lookalike_url())
        return out

    def page(self, n_links: int, n_hosts: int) -> list[UrlCase]:
        """Links as on a page: half to the site itself, the rest over a few hosts, the popular ones often."""
        hosts = self.mix(n_hosts)
        weights = [1.0 / (k + 1) for k in range(1, n_hosts)]
        out = []
        for _ in range(n_links):
            t = hosts[0] if self.rng.random() < 0.5 else self.rng.choices(hosts[1:], weights)[0]
            out.append(UrlCase(self.url(t.host), t.host, t.kind, t.sub, t.label_len))
        return out


def unknown_pool(official: set[str], rng: random.Random) -> list[str]:
    """Real popular domains (Chromium's list) that no listed brand owns; made-up names if it is absent."""
    names: list[str] = []
    if EVAL_DOMAINS.exists():
        names = [
            line.strip().lower()
            for line in EVAL_DOMAINS.read_text().splitlines()
            if line.strip() and not line.startswith("#")
        ]
        names = [n for n in names if n not in official and set(n) <= LABEL_CHARS | {"."}]
    rng.shuffle(names)
    return names


# --------------------------------------------------------------------------------------------
# the naive baseline of the issue


class NaiveBaseline:
    """extractOne over all brand labels (Levenshtein distance, cutoff 1) plus a substring scan."""

    def __init__(self, brands: tuple[Any, ...]) -> None:
        from kefuguard.detect.url.public_suffix import registrable_domain

        self.official: set[str] = set()
        labels: set[str] = set()
        tokens: set[str] = set()
        for b in brands:
            for d in b.domains:
                self.official.add(d)
                registrable, suffix = registrable_domain(d)
                if registrable and suffix:
                    labels.add(registrable[: -len(suffix) - 1])
            for k in b.keywords:
                word = k.replace(" ", "").replace(".", "")
                if word.isascii() and word.isalnum():
                    tokens.add(word)
        self.labels = sorted(labels)
        self.tokens = sorted(t for t in labels | tokens if len(t) >= BASELINE_MIN_TOKEN)

    def check(self, url: str) -> str:
        """'verified' | 'warn' | 'none'"""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        from kefuguard.detect.url.public_suffix import registrable_domain

        host = (urlsplit(url).hostname or "").rstrip(".")
        registrable, suffix = registrable_domain(host)
        registrable = registrable or host
        h = host
        while True:
            if h in self.official:
                return "verified"
            if h == registrable or "." not in h:
                break
            h = h.split(".", 1)[1]
        label = registrable[: -len(suffix) - 1] if suffix else registrable.split(".")[0]
        if label.startswith("xn--"):  # the baseline gets the benefit of the Unicode label
            try:
                label = label[4:].encode("ascii").decode("punycode")
            except UnicodeError:
                pass
        if process.extractOne(label, self.labels, scorer=Levenshtein.distance, score_cutoff=1) is not None:
            return "warn"
        if any(token in label for token in self.tokens):
            return "warn"
        return "none"


def host_memory(env: Env, urls: list[str]) -> dict[str, int]:
    """bench_host.memory_after_checks, reading also RssAnon / RssFile (KiB): a status, the checks (each
    awaited), a short pause for the host's warm-up; then /proc/<pid>/status."""
    peer = env.spawn(HOST_CMD)
    try:
        peer.send(STATUS_FRAME)
        peer.recv()
        for i, url in enumerate(urls, start=2):
            peer.send(frame({"id": i, "type": "check_url", "url": url}))
            reply = json.loads(peer.recv())
            if reply.get("id") != i or reply.get("ok") is not True:
                raise BenchError(f"{peer.name}: bad check reply {reply!r}"[:400])
        time.sleep(0.2)
        mem = {}
        for line in Path(f"/proc/{peer.p.pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS", "RssAnon", "RssFile"):
                mem[key] = int(value.split()[0])
        peer.close()
    except BaseException:
        peer.abort()
        raise
    return mem


# --------------------------------------------------------------------------------------------
# timing


def time_each(fn: Callable[[str], Any], urls: list[UrlCase]) -> tuple[list[int], list[Any]]:
    """Nanoseconds per call, and the results."""
    clock = time.perf_counter_ns
    times, results = [], []
    gc.collect()
    for t in urls:
        u = t.url
        t0 = clock()
        r = fn(u)
        times.append(clock() - t0)
        results.append(r)
    return times, results


def median_us(ns: list[int]) -> float:
    return statistics.median(ns) / 1000 if ns else float("nan")


def fmt_us(x: float) -> str:
    return f"{x:.1f} us" if x < 10_000 else f"{x / 1000:.2f} ms"


@dataclass
class Row:
    name: str
    value: str
    baseline: str = ""
    ratio: float | None = None
    target: str = ""  # '>= 50' / '<= 1.5' / ''
    error: str = ""

    @property
    def verdict(self) -> str:
        if self.error:
            return "ERROR"
        if not self.target or self.ratio is None:
            return "info"
        op, _, bound = self.target.partition(" ")
        ok = self.ratio >= float(bound) if op == ">=" else self.ratio <= float(bound)
        return "PASS" if ok else "FAIL"


def table(rows: list[Row], value: str = "value", baseline: str = "baseline") -> str:
    """The rows as an aligned text table; `value` and `baseline` head those two columns."""
    head = ("measurement", value, baseline, "ratio", "target", "result")
    body = [
        (
            r.name,
            r.value,
            r.baseline or "-",
            f"{r.ratio:.2f}" if r.ratio is not None else "-",
            r.target or "-",
            r.verdict,
        )
        for r in rows
    ]
    widths = [max(len(x[i]) for x in [head, *body]) for i in range(len(head))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(head, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in body]
    return "\n".join(lines)


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}% ({a}/{b})" if b else "-"


# --------------------------------------------------------------------------------------------
# the run


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="smaller lists, fewer URLs and rounds (a smoke run)")
    ap.add_argument("--brands", type=int, help="synthetic brands for measurement 1 (default 10000, quick 1000)")
    ap.add_argument("--scam", type=int, help="big scam section for 2 and 3 (default 1000000, quick 100000)")
    ap.add_argument("--urls", type=int, help="URLs per round (default 2000, quick 500)")
    ap.add_argument("--rounds", type=int, help="rounds per measurement (default 5, quick 3)")
    ap.add_argument("--host-checks", type=int, default=300, help="check_url requests before reading VmHWM")
    ap.add_argument("--profile", action="store_true", help="also print a cProfile of check_url at the brand list")
    ap.add_argument("--only", default="1,2,3", help="which measurements to run, e.g. '1' or '2,3' (default all)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary KEFUGUARD_HOME folders")
    args = ap.parse_args()
    only = {x.strip() for x in args.only.split(",")}
    q = args.quick
    n_brands = args.brands or (1000 if q else 10_000)
    n_scam_big = args.scam or (100_000 if q else 1_000_000)
    n_scam_small = 1000
    n_urls = args.urls or (500 if q else 2000)
    rounds = args.rounds or (3 if q else 5)

    try:
        import kefuguard
    except ImportError:
        print(f"kefuguard is not importable by {sys.executable}; use the project's venv", file=sys.stderr)
        return 1
    print(f"kefuguard {kefuguard.__version__} URL-check benchmark{' (--quick)' if q else ''}")
    for line in machine():
        print("  " + line)
    print(
        f"  settings   {n_brands:,} synthetic brands; scam sections {n_scam_small:,} vs {n_scam_big:,};"
        f" {rounds} rounds x {n_urls:,} URLs; {args.host_checks} host checks before VmHWM"
    )
    print(flush=True)

    root = Path(tempfile.mkdtemp(prefix="kefuguard-bench-urls-"))
    rows: list[Row] = []
    details: list[str] = []
    profile_text: list[str] = []

    def step(msg: str) -> None:
        print(f"... {msg}", file=sys.stderr, flush=True)

    def guarded(name: str, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception as e:  # noqa: BLE001 - one broken measurement must not hide the others
            import traceback

            rows.append(Row(name, "-", error=f"{type(e).__name__}: {e}\n{traceback.format_exc(limit=4)}"))

    from kefuguard.detect.url.check import check_url

    def ours(index: Any) -> Callable[[str], str]:
        return lambda u: check_url(u, index).level

    def ours_full(index: Any) -> Callable[[str], Any]:
        return lambda u: check_url(u, index)

    # 1. check_url vs the naive baseline at 10,000 brands ------------------------------------------
    def bench_brands() -> None:
        step(f"list with {n_brands:,} synthetic brands + the embedded ones (cached under {CACHE_DIR})")
        bundle = cached_bundle(
            f"b{n_brands}-s10000-e{embedded_tag()}", VERSION_BRANDS, lambda: brands_source(n_brands, 10_000)
        )
        how = "generated and signed now" if bundle.generated_now else "read from the cache"
        details.append(f"brand list: {bundle.path} ({bundle.path.stat().st_size / 2**20:.1f} MiB), {how}")
        home = root / "home-brands"
        install(home, bundle)
        step("Engine().url_index(): verify + compile the brand list")
        index, load_s = load_channels(home, VERSION_BRANDS)
        channels = index.channels
        t0 = time.perf_counter()
        brands = channels.brands
        parse_s = time.perf_counter() - t0
        n_domains = sum(len(b.domains) for b in brands)
        t0 = time.perf_counter()
        check_url("https://warm-up.example.com/", index)  # the lookalike index is ready by now
        index_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        baseline = NaiveBaseline(brands)
        base_prep_s = time.perf_counter() - t0
        baseline.check("https://warm-up.example.com/")
        details.append(
            f"brand list loaded: {len(brands):,} brands, {n_domains:,} official domains;"
            f" verify+compile {load_s:.2f} s, parse brands {parse_s:.2f} s, lookalike index {index_s:.2f} s"
            f" (one-time); baseline: {len(baseline.labels):,} labels, {len(baseline.tokens):,} tokens"
            f" (>= {BASELINE_MIN_TOKEN} chars), prepared in {base_prep_s:.2f} s"
        )
        rng = random.Random(1123)
        official = {d for b in brands for d in b.domains}
        brand_dicts = [{"domains": list(b.domains)} for b in brands]
        maker = UrlMaker(brand_dicts, official, rng, unknown_pool(official, rng))
        ours_fn, base_fn = ours_full(index), baseline.check

        # distinct hosts
        ours_ns: list[int] = []
        base_ns: list[int] = []
        per_round: list[tuple[float, float]] = []
        all_urls: list[UrlCase] = []
        ours_levels: list[str] = []
        ours_results: list[Any] = []
        base_levels: list[str] = []
        for r in range(rounds):
            step(f"distinct hosts, round {r + 1}/{rounds}: {n_urls:,} URLs, check_url and baseline")
            urls = maker.mix(n_urls)
            if r % 2 == 0:
                o_t, o_res = time_each(ours_fn, urls)
                b_t, b_res = time_each(base_fn, urls)
            else:
                b_t, b_res = time_each(base_fn, urls)
                o_t, o_res = time_each(ours_fn, urls)
            ours_ns += o_t
            base_ns += b_t
            per_round.append((median_us(o_t), median_us(b_t)))
            all_urls += urls
            ours_results += o_res
            ours_levels += [x.level for x in o_res]
            base_levels += b_res
        o_med, b_med = median_us(ours_ns), median_us(base_ns)
        rows.append(
            Row(
                f"median per URL, distinct hosts, {n_brands:,} brands (speed-up)",
                fmt_us(o_med),
                fmt_us(b_med),
                b_med / o_med,
                ">= 50",
            )
        )
        details.append(
            "distinct hosts, per-round medians (ours / baseline): "
            + ", ".join(f"{fmt_us(a)} / {fmt_us(b)}" for a, b in per_round)
        )
        details.append(
            f"distinct hosts, mean per URL: ours {fmt_us(statistics.fmean(ours_ns) / 1000)},"
            f" baseline {fmt_us(statistics.fmean(base_ns) / 1000)};"
            f" p90 ours {fmt_us(statistics.quantiles(ours_ns, n=10)[-1] / 1000)},"
            f" baseline {fmt_us(statistics.quantiles(base_ns, n=10)[-1] / 1000)}"
        )
        for kind in ("official", "unknown", "lookalike"):
            idx = [i for i, t in enumerate(all_urls) if t.kind == kind]
            details.append(
                f"  {kind:9} n={len(idx):5}: median ours {fmt_us(median_us([ours_ns[i] for i in idx]))},"
                f" baseline {fmt_us(median_us([base_ns[i] for i in idx]))}"
            )

        # quality
        look = [i for i, t in enumerate(all_urls) if t.kind == "lookalike"]
        unk = [i for i, t in enumerate(all_urls) if t.kind == "unknown"]
        offi = [i for i, t in enumerate(all_urls) if t.kind == "official"]
        o_hit = sum(ours_levels[i] in LEVELS_WARN for i in look)
        b_hit = sum(base_levels[i] == "warn" for i in look)
        rows.append(
            Row(
                "recall on lookalike URLs (ours caution/danger)",
                f"{100 * o_hit / len(look):.1f}%",
                f"{100 * b_hit / len(look):.1f}%",
                o_hit / max(b_hit, 1),
                ">= 1.0",
            )
        )
        o_fp = sum(ours_levels[i] in LEVELS_WARN for i in unk)
        b_fp = sum(base_levels[i] == "warn" for i in unk)
        rows.append(
            Row(
                "false positives on unknown hosts (info)",
                f"{100 * o_fp / len(unk):.2f}%",
                f"{100 * b_fp / len(unk):.2f}%",
                (o_fp / b_fp) if b_fp else None,
            )
        )
        o_ver = sum(ours_levels[i] == "verified" for i in offi)
        b_ver = sum(base_levels[i] == "verified" for i in offi)
        details.append(f"official hosts verified: ours {pct(o_ver, len(offi))}, baseline {pct(b_ver, len(offi))}")
        details.append(
            f"lookalike recall: ours {pct(o_hit, len(look))}"
            f" (danger {pct(sum(ours_levels[i] == 'danger' for i in look), len(look))}),"
            f" baseline {pct(b_hit, len(look))}; by category (ours / baseline):"
        )
        cats = sorted({all_urls[i].sub for i in look})
        for cat in cats + ["labels < 5 chars (typo/homograph)", "labels >= 5 chars (typo/homograph)"]:
            if cat.startswith("labels"):
                short = cat.startswith("labels <")
                idx = [
                    i
                    for i in look
                    if all_urls[i].sub.startswith(("typo:", "homograph")) and (all_urls[i].label_len < 5) == short
                ]
            else:
                idx = [i for i in look if all_urls[i].sub == cat]
            oh = sum(ours_levels[i] in LEVELS_WARN for i in idx)
            bh = sum(base_levels[i] == "warn" for i in idx)
            missed = [all_urls[i].host for i in idx if ours_levels[i] not in LEVELS_WARN][:3]
            details.append(
                f"  {cat:36} n={len(idx):4}: {pct(oh, len(idx)):>18} / {pct(bh, len(idx)):>18}"
                + (f"   ours missed e.g. {', '.join(missed)}" if missed else "")
            )
        fps = [
            f"{all_urls[i].host} ({ours_levels[i]} {ours_results[i].reasons[0].code.split('.')[-1]}"
            f" ~ {ours_results[i].reasons[0].official})"
            for i in unk
            if ours_levels[i] in LEVELS_WARN
        ]
        details.append(
            f"false positives: ours {pct(o_fp, len(unk))}, baseline {pct(b_fp, len(unk))} on unknown hosts"
            f" ({'Chromium top domains' if maker.unknown_pool else 'made-up names'}); ours e.g. {', '.join(fps[:10])}"
        )

        # repeated hosts, as on a page
        step(f"repeated hosts: {rounds} rounds of pages (200 links over 30 hosts)")
        rep_o: list[int] = []
        rep_b: list[int] = []
        rep_bc: list[int] = []
        pages = max(1, n_urls // 200)
        for r in range(rounds):
            urls = [u for _ in range(pages) for u in maker.page(200, 30)]
            memo: dict[str, str] = {}

            def base_cached(u: str, memo: dict[str, str] = memo) -> str:
                host = urlsplit(u).hostname or ""
                v = memo.get(host)
                if v is None:
                    v = memo[host] = base_fn(u)
                return v

            runs = [("o", ours_fn), ("b", base_fn), ("c", base_cached)]
            if r % 2:
                runs.reverse()
            for name, fn in runs:
                ns, _ = time_each(fn, urls)
                {"o": rep_o, "b": rep_b, "c": rep_bc}[name].extend(ns)
        o_med, b_med, c_med = median_us(rep_o), median_us(rep_b), median_us(rep_bc)
        rows.append(
            Row(
                f"median per URL, repeated hosts, {n_brands:,} brands (speed-up)",
                fmt_us(o_med),
                fmt_us(b_med),
                b_med / o_med,
                ">= 50",
            )
        )
        rows.append(
            Row(
                "  same, baseline with a per-host memo (info)",
                fmt_us(o_med),
                fmt_us(c_med),
                c_med / o_med,
            )
        )
        details.append(
            f"repeated hosts: {len(rep_o) // rounds:,} links per round ({pages} pages of 200 links, 30 hosts each);"
            f" mean per URL ours {fmt_us(statistics.fmean(rep_o) / 1000)}, naive baseline"
            f" {fmt_us(statistics.fmean(rep_b) / 1000)}, memo baseline {fmt_us(statistics.fmean(rep_bc) / 1000)}"
        )

        if args.profile:
            step("cProfile of check_url over fresh distinct hosts")
            urls = maker.mix(n_urls)
            prof = cProfile.Profile()
            prof.enable()
            for t in urls:
                check_url(t.url, index)
            prof.disable()
            import io

            for key in ("tottime", "cumulative"):
                buf = io.StringIO()
                pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(key).print_stats(25)
                profile_text.append(f"cProfile of check_url, {len(urls):,} distinct-host URLs, sorted by {key}:")
                profile_text.append(buf.getvalue())

    if "1" in only:
        guarded(f"check_url vs naive baseline, {n_brands:,} brands", bench_brands)

    # 2. per-URL time at 1,000,000 scam domains vs 1,000 -------------------------------------------
    scam_bundles: dict[str, Bundle] = {}
    probe_urls: list[str] = []

    def bench_scam() -> None:
        step(f"lists: embedded brands + {n_scam_small:,} / {n_scam_big:,} scam domains (cached under {CACHE_DIR})")
        small = cached_bundle(
            f"embedded-s{n_scam_small}-e{embedded_tag()}", VERSION_SCAM, lambda: scam_source(n_scam_small)
        )
        big = cached_bundle(
            f"embedded-s{n_scam_big}-e{embedded_tag()}", VERSION_SCAM + 1, lambda: scam_source(n_scam_big)
        )
        scam_bundles.update(small=small, big=big)
        for name, b in (("small", small), ("big", big)):
            how = "generated and signed now" if b.generated_now else "read from the cache"
            details.append(
                f"scam list {name}: {b.path} ({b.path.stat().st_size / 2**20:.1f} MiB), {how} in {b.seconds:.1f} s"
            )
        install(root / "home-scam-small", small)
        install(root / "home-scam-big", big)
        step("Engine().url_index() for both (the big one verifies and compiles 1,000,000 names)")
        ix_small, s_small = load_channels(root / "home-scam-small", VERSION_SCAM)
        ix_big, s_big = load_channels(root / "home-scam-big", VERSION_SCAM + 1)
        ch_small, ch_big = ix_small.channels, ix_big.channels
        n_small, n_big = len(ch_small.compiled.scam_set("domains")), len(ch_big.compiled.scam_set("domains"))
        details.append(
            f"scam lists loaded: {n_small:,} and {n_big:,} scam domains;"
            f" verify+compile {s_small:.2f} s and {s_big:.2f} s"
        )
        listed = sorted(scam_sequence(n_scam_small))  # in both lists: the big run starts with the small one
        big_set, small_set = ch_big.compiled.scam_set("domains"), ch_small.compiled.scam_set("domains")
        if not all(d in big_set and d in small_set for d in listed):
            raise BenchError("the small scam list is not a part of the big one")
        for ix in (ix_small, ix_big):
            check_url("https://warm-up.example.com/", ix)
        brands = ch_small.brands
        official = {d for b in brands for d in b.domains}
        rng = random.Random(2024)
        maker = UrlMaker([{"domains": list(b.domains)} for b in brands], official, rng, [])

        def scam_free(host: str) -> bool:
            h = host
            while "." in h:
                if h in big_set:
                    return False
                h = h.split(".", 1)[1]
            return True

        def url_set(n: int) -> list[UrlCase]:
            """Half scam-list hits, a quarter unknown hosts, an eighth each official and lookalike."""
            out: list[UrlCase] = []
            while len(out) < n // 2:
                host = f"{rng.choice(SUBDOMAINS)}{rng.randrange(100000)}.{rng.choice(listed)}"
                if maker._free(host):
                    out.append(UrlCase(maker.url(host), host, "scam"))
            for make, share in ((maker.unknown_url, 4), (maker.official_url, 8), (maker.lookalike_url, 8)):
                goal = len(out) + n // share
                while len(out) < goal:
                    t = make()
                    if scam_free(t.host):
                        out.append(t)
            rng.shuffle(out)
            return out

        med: dict[str, list[int]] = {"small": [], "big": []}
        kinds: dict[str, list[tuple[str, int, str]]] = {"small": [], "big": []}
        per_round = []
        for r in range(rounds):
            step(f"scam lists, round {r + 1}/{rounds}: {n_urls:,} fresh URLs for each list")
            order = [("small", ix_small), ("big", ix_big)]
            if r % 2:
                order.reverse()
            meds = {}
            for name, ch in order:
                urls = url_set(n_urls)
                ns, levels = time_each(ours(ch), urls)
                med[name] += ns
                kinds[name] += [(t.kind, x, lv) for t, x, lv in zip(urls, ns, levels, strict=True)]
                meds[name] = median_us(ns)
            per_round.append((meds["small"], meds["big"]))
        s_med, b_med = median_us(med["small"]), median_us(med["big"])
        rows.append(
            Row(
                f"median per URL, {n_scam_big:,} vs {n_scam_small:,} scam domains",
                fmt_us(b_med),
                fmt_us(s_med),
                b_med / s_med,
                "<= 1.5",
            )
        )
        details.append(
            "scam lists, per-round medians (small / big): "
            + ", ".join(f"{fmt_us(a)} / {fmt_us(b)}" for a, b in per_round)
        )
        for kind in ("scam", "unknown", "official", "lookalike"):
            a = [x for k, x, _ in kinds["small"] if k == kind]
            b = [x for k, x, _ in kinds["big"] if k == kind]
            hits_a = sum(lv == "danger" for k, _, lv in kinds["small"] if k == kind)
            hits_b = sum(lv == "danger" for k, _, lv in kinds["big"] if k == kind)
            details.append(
                f"  {kind:9} median small {fmt_us(median_us(a))} (n={len(a)}, danger {hits_a}),"
                f" big {fmt_us(median_us(b))} (n={len(b)}, danger {hits_b})"
            )
        probe_urls.extend(t.url for t in url_set(args.host_checks))

    if only & {"2", "3"}:  # 3 sends the URLs 2 makes to the host
        guarded(f"check_url at {n_scam_big:,} vs {n_scam_small:,} scam domains", bench_scam)

    # 3. host peak RSS, big scam list vs embedded list -----------------------------------------------
    def bench_memory() -> None:
        if "big" not in scam_bundles or not probe_urls:
            raise BenchError("no scam lists (see above)")
        embedded_env = Env(root / "host-embedded")
        embedded_env.home.mkdir()
        big_env = Env(root / "host-big")
        install(big_env.home, scam_bundles["big"])
        step("host, first starts (compile the index; peak RSS of that start is information)")
        cold_embedded = host_memory(embedded_env, probe_urls[:20])
        t0 = time.perf_counter()
        cold_big = host_memory(big_env, probe_urls[:20])
        cold_s = time.perf_counter() - t0
        _, reply = timed_start(big_env, HOST_CMD)
        counts = reply["result"]["lists"][0].get("counts", {})
        if reply["result"].get("version") != VERSION_SCAM + 1 or counts.get("scam_domains") != n_scam_big:
            raise BenchError(f"the big scam list is not the one loaded: {json.dumps(reply['result'])[:500]}")
        reps = 3
        step(f"host peak RSS after {len(probe_urls)} check_url requests, {reps} starts per list")
        e_mem: list[dict[str, int]] = []
        b_mem: list[dict[str, int]] = []
        for r in range(reps):
            pair = [(e_mem, embedded_env), (b_mem, big_env)]
            if r % 2:
                pair.reverse()
            for out, env in pair:
                out.append(host_memory(env, probe_urls))
        e_kib, b_kib = [m["VmHWM"] for m in e_mem], [m["VmHWM"] for m in b_mem]
        e_med, b_med = statistics.median(e_kib), statistics.median(b_kib)
        rows.append(
            Row(
                f"host peak RSS (VmHWM), {n_scam_big:,} scam domains vs embedded list",
                mib(int(b_med)),
                mib(int(e_med)),
                b_med / e_med,
                "<= 1.5",
            )
        )
        rows.append(
            Row(
                f"  first start, compiling {n_scam_big:,} scam domains (info)",
                mib(cold_big["VmHWM"]),
                mib(cold_embedded["VmHWM"]),
                cold_big["VmHWM"] / cold_embedded["VmHWM"],
            )
        )
        details.append(
            f"host memory KiB, last start: embedded {e_mem[-1]}, big {b_mem[-1]} (RssFile includes the mapped"
            " scam hash file pages the lookups touched)"
        )
        details.append(
            f"host VmHWM KiB per start: embedded {e_kib}, big {b_kib}; first start with the big list"
            f" {cold_s:.1f} s (verify + compile), status reports counts {counts}"
        )

    if "3" in only:
        guarded(f"host peak RSS, {n_scam_big:,} scam domains", bench_memory)

    # report ---------------------------------------------------------------------------------------
    print(table(rows))
    print()
    print(
        "ratio: speed-up = baseline / check_url; scam and memory rows = big list / small list;"
        " recall = ours / baseline."
    )
    print(
        "baseline: urllib.parse + registrable_domain; official if the host or a parent up to the registrable"
        " domain is listed; else warn if rapidfuzz.process.extractOne(label, labels, scorer=Levenshtein.distance,"
        f" score_cutoff=1) matches or any brand token of >= {BASELINE_MIN_TOKEN} chars is a substring of the label"
        " (xn-- labels decoded first)."
    )
    print()
    for line in details:
        print("  " + line)
    for text in profile_text:
        print()
        print(text)
    errors = [r for r in rows if r.error]
    for r in errors:
        print(f"\nERROR in {r.name}:\n{r.error}")
    if args.keep:
        print(f"\nkept {root}")
    else:
        shutil.rmtree(root, ignore_errors=True)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
