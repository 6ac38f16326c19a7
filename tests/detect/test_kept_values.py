"""The brands a host reads back from the kept file (kept_values.KeptBrands) stand for the tuple the
list's parse gives: the same answers, each brand made once and only when asked for."""

from __future__ import annotations

from kefuguard.detect.channels import Channels
from kefuguard.detect.url import brand_index_file
from kefuguard.kept_values import ByKey, KeptBrands


def _kept(engine) -> tuple[tuple, KeptBrands]:
    engine.warm_urls()
    engine.keep_url_index()
    compiled = engine.channels().compiled
    parsed = tuple(compiled.brands)
    read = brand_index_file.read_brands(compiled.directory, compiled.digest, len(parsed))
    assert isinstance(read, KeptBrands)
    return parsed, read


def test_kept_brands_answer_as_the_tuple_does(engine):
    parsed, kept = _kept(engine)
    assert len(kept) == len(parsed) > 100
    assert kept[0] == parsed[0] and kept[-1] == parsed[-1] and kept[3:7] == parsed[3:7]
    assert kept == parsed and tuple(kept) == parsed and list(kept) == list(parsed)
    assert kept + () == parsed and () + kept == parsed and hash(kept) == hash(parsed)
    assert kept.index(parsed[5]) == 5 and parsed[9] in kept


def test_each_brand_is_made_once_and_only_when_asked_for(engine):
    _, kept = _kept(engine)
    first = kept[10]
    assert kept[10] is first
    assert sum(b is not None for b in kept._made) == 1
    assert all(a is b for a, b in zip(kept, kept, strict=True))  # iterating makes each once too


def test_a_kept_lists_domain_owners_are_the_parsed_lists(engine):
    """Channels finds a site's brand through the kept owners without making the other brands; the
    owner of every official domain is the one the parsed brands give (the first naming it)."""
    parsed, kept = _kept(engine)
    compiled = engine.channels().compiled
    plain = Channels(compiled.replace(_brands=parsed), stale=False)
    lazy = Channels(compiled.replace(_brands=kept), stale=False)  # type: ignore[arg-type]
    assert isinstance(lazy._domain_owner, ByKey)
    match = lazy.official_for_host(["www.icbc.com.cn", "icbc.com.cn"])
    assert match is not None and match.domain == "icbc.com.cn"
    assert sum(b is not None for b in kept._made) == 1
    domains = [d for b in parsed for d in b.domains]
    assert {d: lazy.official_for_host([d]) for d in domains} == {d: plain.official_for_host([d]) for d in domains}
