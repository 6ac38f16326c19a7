"""A host's first checks ask whether a site is popular before the set of popular domains is built:
the answer from the file's text must be the set's."""

from __future__ import annotations

from kefuguard.detect.url import popular


def test_the_file_search_answers_as_the_set_does(monkeypatch):
    popular.forget()
    monkeypatch.setattr(popular, "MAX_TEXT_SEARCHES", 10**9)  # every probe below from the text
    with open(popular.POPULAR_FILE, encoding="utf-8") as f:
        names = sorted({line.strip() for line in f if line.strip() and not line.startswith("#")})
    assert len(names) > 10_000
    probes = [*names, *(n + "x" for n in names[::5]), *("x" + n for n in names[::5]), *(n.split(".")[0] for n in names)]
    probes += ["", "#", "# Popular registrable domains: the lookalike rules do not apply to them.", "com"]
    probes += [names[0] + "\n" + names[1], "bücher.de", "\ud800.com", names[-1], "\n" + names[0]]
    early = [popular.is_popular(p) for p in probes]
    assert popular.popular_domains.cache_info().currsize == 0  # answered without the set
    assert popular._plain_file() is not None  # the file is plain, or the test proves nothing
    built = popular.popular_domains()
    assert early == [p in built for p in probes]
    assert sum(early) >= len(names)


def test_after_a_few_searches_the_set_is_built():
    popular.forget()
    for _ in range(popular.MAX_TEXT_SEARCHES):
        popular.is_popular("example.com")
    assert popular.popular_domains.cache_info().currsize == 0
    assert popular.is_popular("example.com") == ("example.com" in popular.popular_domains())
    assert popular.popular_domains.cache_info().currsize == 1


def test_an_empty_file_is_answered_by_the_empty_set_not_an_error(tmp_path, monkeypatch):
    empty = tmp_path / "popular-domains.txt"
    empty.write_bytes(b"")
    monkeypatch.setattr(popular, "POPULAR_FILE", str(empty))
    popular.forget()
    try:
        assert popular.is_popular("example.com") is False
        assert popular.popular_domains() == frozenset()
    finally:
        popular.forget()


def test_the_set_once_known_answers_until_forgotten():
    popular.forget()
    popular.popular_domains()  # built by a host's warm-up
    assert popular.is_popular("example.com") == ("example.com" in popular.popular_domains())
    assert popular._known == [popular.popular_domains()]
    popular.forget()
    assert popular._known == [] and popular.popular_domains.cache_info().currsize == 0
