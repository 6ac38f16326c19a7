"""A host's warm-up (Engine.warm_urls, between requests) builds what a later URL check would
otherwise build in its own time."""

from __future__ import annotations

from kefuguard.detect.url import popular, public_suffix, site_names


def test_the_warm_up_builds_the_tables_later_checks_would_build(engine):
    site_names._theme_patterns.cache_clear()
    engine.warm_urls()
    assert site_names._theme_patterns.cache_info().currsize == 1  # ~2.4 ms of regular expressions
    assert popular.popular_domains.cache_info().currsize == 1
    assert public_suffix._rules is not None  # the rules' sets, not their text
    brands = engine.url_index().brands
    assert "_kept" not in vars(brands)  # a kept index read whole
