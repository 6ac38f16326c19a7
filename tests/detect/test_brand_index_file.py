"""The lookalike index kept beside the compiled list (detect/url/brand_index_file.py): what a host
reads back must be the index it would have built, and anything that does not fit is built anew."""

from __future__ import annotations

import json
import marshal
from functools import cached_property
from pathlib import Path

from kefuguard.detect.url import brand_index_file
from kefuguard.kept_values import brand_from_row
from kefuguard.detect.url.brand_index import BrandIndex, Vocabulary
from kefuguard.detect.url.check import check_url
from kefuguard.detect.url.index import UrlIndex
from kefuguard.detect.url.label_screen import WordSet
from kefuguard.detect.url.lookalike import registrable_findings, subdomain_findings
from kefuguard.detect.url.parse import split_host

HOSTS = [
    "taobao-kefu.com",
    "ta0bao.com",
    "arnazon.com",
    "paypa1-login.top",
    "aliexespress.com",
    "jd-tuikuan.cn",
    "shopeejj.com",
    "uspspost.top",
    "icbc-vip.cc",
    "淘宝-客服.com",
    "wikipedia.org",
    "gov-cloud.salesforce.com",
    "a1ipay-tu1kuan.top",
    "95588-kefu.com",
    "customs-refund.top",
]


def kept_file(directory) -> Path | None:
    """Where the index of the list in `directory` is kept (a string in the module: no pathlib at start)."""
    found = brand_index_file.file_for(directory)
    return None if found is None else Path(found)


def _comparable(value):
    if isinstance(value, WordSet):
        return ("WordSet", value.words, value.head, value.heads)
    return value


def _fields(index: BrandIndex) -> dict:
    """The index's own fields (not what cached_property built on use since)."""
    return {k: v for k, v in vars(index).items() if not isinstance(getattr(BrandIndex, k, None), cached_property)}


def _assert_same(built: BrandIndex, read: BrandIndex) -> None:
    assert set(_fields(built)) == set(_fields(read))
    for name, value in _fields(built).items():
        other = getattr(read, name)
        if name == "screen":
            for key, part in vars(value).items():
                if key != "_distinctive":
                    assert _comparable(part) == _comparable(getattr(other, key)), key
        elif name == "words":
            assert (value.units, value.tokens, value.prefixes) == (other.units, other.tokens, other.prefixes)
        else:
            assert value == other, name
            if isinstance(value, dict):
                assert list(value) == list(other), name  # the same order: rules walk some of them
    # what is built on first use comes out the same from either
    assert read.distinctive == built.distinctive
    assert read.screen.distinctive.words == built.screen.distinctive.words
    assert read.skeleton_words.units == built.skeleton_words.units
    assert read.official_by_skeleton == built.official_by_skeleton


def _findings(index: BrandIndex) -> list:
    out = []
    for name in HOSTS:
        host = split_host(name)
        found = registrable_findings(host, index) + subdomain_findings(host, index)
        out.append([(f.code, f.level, f.official) for f in found])
    return out


def test_what_is_read_back_is_what_was_built(engine):
    engine.url_index()  # the suffix rules in use
    brands = engine.channels().brands
    built = BrandIndex(brands)
    encoded = brand_index_file.encode(built, brands)
    assert encoded is not None
    read = brand_index_file.decode(marshal.loads(marshal.dumps(encoded)), brands)
    assert isinstance(read, brand_index_file.KeptBrandIndex)
    assert _findings(read) == _findings(built)  # each field read on first use
    assert "_kept" in vars(read)  # not all of them yet
    read.read_all()
    assert "_kept" not in vars(read) and "_kept" not in vars(read.screen)
    _assert_same(built, read)
    assert _findings(read) == _findings(built)
    assert any(_findings(built))  # the hosts do hit rules, or this proves little


def test_a_kept_index_read_on_use_gives_what_one_read_whole_gives(engine):
    """Each host checked by an index fresh from the file (its fields read as the rules ask for
    them), against one read whole first: the same findings and results."""
    engine.url_index()
    brands = engine.channels().brands
    encoded = brand_index_file.encode(BrandIndex(brands), brands)
    assert encoded is not None
    whole = brand_index_file.decode(encoded, brands)
    assert isinstance(whole, brand_index_file.KeptBrandIndex)
    whole.read_all()
    for name in HOSTS:
        fresh = brand_index_file.decode(encoded, brands)
        host = split_host(name)
        assert [vars(f) for f in registrable_findings(host, fresh) + subdomain_findings(host, fresh)] == [
            vars(f) for f in registrable_findings(host, whole) + subdomain_findings(host, whole)
        ]


def test_a_host_keeps_the_index_and_the_next_one_reads_it(engine):
    urls = engine.url_index()
    compiled = engine.channels().compiled
    path = kept_file(compiled.directory)
    assert path is not None and path.parent == Path(compiled.directory)
    path.unlink(missing_ok=True)
    engine.warm_urls()
    assert not path.exists()  # never on the way of a request
    engine.keep_url_index()  # a host's clean exit
    assert path.exists()
    read = brand_index_file.read(compiled.directory, compiled.digest, engine.channels().brands)
    assert isinstance(read, brand_index_file.KeptBrandIndex)
    read.read_all()
    _assert_same(urls.brands, read)
    fresh = UrlIndex(engine.channels())  # a new host's index of the same list reads the file
    assert fresh.brands is not urls.brands
    rebuilt = UrlIndex(engine.channels(), BrandIndex(engine.channels().brands))
    for url in [f"https://{h}/refund.html" for h in HOSTS]:
        assert check_url(url, fresh).to_dict() == check_url(url, rebuilt).to_dict()


def _split(laid_out: bytes) -> tuple[dict, bytes]:
    """A kept file's header and body (its layout: the header's length, the header, the body)."""
    length = int.from_bytes(laid_out[:4], "little")
    return marshal.loads(laid_out[4 : 4 + length]), laid_out[4 + length :]


def _joined(header: dict, body: bytes) -> bytes:
    head = marshal.dumps(header)
    return len(head).to_bytes(4, "little") + head + body


def test_a_damaged_or_foreign_file_is_not_used(engine):
    engine.warm_urls()
    engine.keep_url_index()
    compiled = engine.channels().compiled
    brands = engine.channels().brands
    path = kept_file(compiled.directory)
    assert path is not None and path.exists()
    good = path.read_bytes()
    try:
        path.write_bytes(good[: len(good) // 2])
        assert brand_index_file.read(compiled.directory, compiled.digest, brands) is None
        assert UrlIndex(engine.channels()).brands.official  # built instead
        header, body = _split(good)
        for changed in ({"digest": "0" * 64}, {"brands": header["brands"] + 1}, {"format": 3}):
            path.write_bytes(_joined({**header, **changed}, body))  # another list's, a count off, an older format
            assert brand_index_file.read(compiled.directory, compiled.digest, brands) is None
        far = dict(header["parts"], targets=(len(body) - 10, 11))  # a part that would end past the file
        flipped = bytearray(good)
        flipped[len(good) // 2] ^= 1  # inside a part that is read only on use: the CRC tells
        for other in (
            b"",
            b"\x00\x01",
            marshal.dumps([header]),  # not the expected shape
            len(good).to_bytes(4, "little") + good[4:],  # a header longer than the file
            _joined({**header, "parts": far}, body),
            good[:-1],  # cut short
            bytes(flipped),
        ):
            path.write_bytes(other)
            assert brand_index_file.read(compiled.directory, compiled.digest, brands) is None
    finally:
        path.write_bytes(good)
    assert brand_index_file.read(compiled.directory, compiled.digest, brands) is not None


def test_the_file_is_named_for_the_code_and_the_suffix_rules(engine, monkeypatch):
    engine.url_index()
    directory = engine.channels().compiled.directory
    path = kept_file(directory)
    assert path is not None and brand_index_file.code_hash() in path.name
    from kefuguard.detect.url import public_suffix

    monkeypatch.setattr(public_suffix, "_rules_crc", (public_suffix.rules_crc() or 0) ^ 1)  # other rules
    assert kept_file(directory) != path


def test_the_code_hash_changes_with_any_rewritten_source(tmp_path, monkeypatch):
    import os
    import shutil

    host = Path(brand_index_file._HOST)
    for part in ("detect/url", "lists", "data"):
        (tmp_path / part).mkdir(parents=True)
    for path in [*host.glob("detect/url/*.py"), host / "lists/model.py", host / "kept_values.py", host / "data/confusables.json"]:
        shutil.copy2(path, tmp_path / path.relative_to(host))
    monkeypatch.setattr(brand_index_file, "_HOST", str(tmp_path))

    def code_hash() -> str:
        brand_index_file.code_hash.cache_clear()
        return brand_index_file.code_hash()

    try:
        first = code_hash()
        assert code_hash() == first  # the same files: the same index
        # another version of a source, of the same size, its modification time set back as an
        # archive would: the change time still tells
        source = tmp_path / "detect/url/lookalike.py"
        before = source.stat()
        source.write_bytes(source.read_bytes()[:-1] + b" ")
        os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
        after = source.stat()
        assert after.st_size == before.st_size and after.st_mtime_ns == before.st_mtime_ns
        if os.name == "posix" and after.st_ctime_ns != before.st_ctime_ns:  # not a coarse clock
            assert code_hash() != first
        (tmp_path / "detect/url/new_rule.py").write_text("")  # a module more
        assert code_hash() != first
    finally:
        brand_index_file.code_hash.cache_clear()


def test_an_index_with_a_field_this_module_does_not_know_is_not_written(engine):
    engine.url_index()
    brands = engine.channels().brands
    index = BrandIndex(brands)
    index.new_table = {}  # type: ignore[attr-defined]
    assert brand_index_file.encode(index, brands) is None
    index = BrandIndex(brands)
    index.screen.new_set = set()  # type: ignore[attr-defined]
    assert brand_index_file.encode(index, brands) is None


def test_the_parsed_brands_are_kept_too_and_read_back_equal(engine):
    from kefuguard.detect.channels import Channels
    from kefuguard.lists.compiled import open_compiled

    engine.warm_urls()
    engine.keep_url_index()
    compiled = engine.channels().compiled
    brands = engine.channels().brands
    rows = brand_index_file.encode_brands(brands)
    assert rows is not None
    assert tuple(brand_from_row(r) for r in marshal.loads(marshal.dumps(rows))) == brands
    kept = brand_index_file.read_brands(compiled.directory, compiled.digest, len(brands))
    assert kept == brands
    assert kept[-1] == brands[-1] and kept[-len(brands)] == brands[0] and kept[2:5] == brands[2:5]
    assert brand_index_file.read_brands(compiled.directory, compiled.digest, len(brands) + 1) is None
    (path,) = Path(compiled.directory).glob("brands-parsed-*")
    good = path.read_bytes()
    try:
        flipped = bytearray(good)
        flipped[len(good) // 2] ^= 1  # the CRC tells
        for other in (b"", marshal.dumps([]), good[:-1], bytes(flipped), json.dumps({"format": 1}).encode()):
            path.write_bytes(other)  # empty, not the expected shape, cut short, damaged, the JSON format's
            assert brand_index_file.read_brands(compiled.directory, compiled.digest, len(brands)) is None
    finally:
        path.write_bytes(good)
    # a new host: the same compiled list opened again gets its brands from the file
    reopened = open_compiled(Path(compiled.directory).parent, compiled.digest, compiled.origin)
    assert reopened is not None and reopened._brands is None
    urls = UrlIndex(Channels(reopened, stale=False))
    assert reopened._brands == brands
    assert check_url("https://taobao-kefu.com/", urls).to_dict()["level"] == "danger"


def test_a_merged_view_of_several_lists_neither_reads_nor_keeps(engine):
    """A main list with supplementary lists has its main list's folder, not one of its own: what
    is kept there is the main list's alone."""
    from kefuguard.detect.channels import Channels
    from kefuguard.lists.merged import MergedList

    engine.warm_urls()
    engine.keep_url_index()
    main = engine.channels().compiled
    before = sorted(p.name for p in Path(main.directory).iterdir())
    merged = MergedList(main, [])
    urls = UrlIndex(Channels(merged, stale=False))
    assert merged._brands is None  # not read from the main list's file
    assert check_url("https://taobao-kefu.com/", urls).to_dict()["level"] == "danger"
    urls.keep_brands()
    assert sorted(p.name for p in Path(main.directory).iterdir()) == before


def _built_and_read_back(engine) -> tuple[BrandIndex, BrandIndex]:
    """The list's index as built, and as a host reads it back from its kept form (fields unread)."""
    engine.url_index()
    brands = engine.channels().brands
    built = BrandIndex(brands)
    encoded = brand_index_file.encode(built, brands)
    assert encoded is not None
    return built, brand_index_file.decode(encoded, brands)


def test_a_kept_fields_targets_are_made_on_lookup_and_shared(engine):
    """Until read_all, a field of targets is a ByKey: a lookup makes that key's targets only, every
    field naming a target gives the same object, and it reads like the plain dict (order, views,
    reversed items); read_all leaves plain dicts holding those same objects."""
    built, read = _built_and_read_back(engine)
    official = read.official
    assert isinstance(official, brand_index_file.ByKey)
    domain = next(iter(built.official))
    target = official.get(domain)
    assert target == built.official[domain] and official[domain] is target
    assert official.get("not-a-listed-domain.example") is None and "not-a-listed-domain.example" not in official
    kept = vars(read)["_kept"]
    assert len(kept.made_targets) == 1  # the one looked up, not all ~1,500
    assert list(official) == list(built.official) and len(official) == len(built.official)
    assert list(reversed(official.items())) == list(reversed(built.official.items()))
    by_skeleton = read.by_skeleton
    shared = [t for ts in by_skeleton.values() for t in ts if t.domain == target.domain and t.label == target.label]
    assert shared and all(t is target for t in shared)
    read.read_all()
    assert type(read.official) is dict and read.official[domain] is target
    assert read.official == built.official


def test_a_first_check_reads_the_parts_of_near_and_words_it_needs_and_finds_the_same(engine):
    """Before read_all, `near` is read in parts by a key's first character (a label and its
    one-letter deletions touch two) and the combo walk runs without the ~80 KB of prefixes: the
    same units at every position of every label as the full Vocabulary's walk."""
    built, read = _built_and_read_back(engine)
    words = read.words
    assert isinstance(words, brand_index_file.KeptVocabulary) and "prefixes" not in vars(words)
    for label in ("taobaokefu", "icbcvipxyz", "paypa1login", "shopeejj", "jdtuikuan", "a", "", "zzzzzz"):
        assert [words.units_at(label, i) for i in range(len(label))] == [
            built.words.units_at(label, i) for i in range(len(label))
        ]
    near = read.screen.near
    assert isinstance(near, brand_index_file.NearShards)
    host = split_host("taobao-kefu.com")
    registrable_findings(host, read)
    assert 1 <= len(near.shards) <= 3 < len(near.parts)
    assert all(near.get(k) == v for k, v in built.screen.near.items())
    assert "no-such-key" not in near and near.keys().isdisjoint(["no-such-key", "zzzzzzzzzq"])
    assert not near.keys().isdisjoint(["no-such-key", next(iter(built.screen.near))])
    read.read_all()
    assert type(read.screen.near) is dict and read.screen.near == built.screen.near
    assert type(read.words) is Vocabulary and read.words.prefixes == built.words.prefixes
