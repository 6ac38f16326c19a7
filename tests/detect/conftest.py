"""Fixtures for the detector tests."""

from __future__ import annotations

import pytest

from tests.conftest import make_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    """An engine on the embedded default list, in a home of its own, for a whole test module."""
    with pytest.MonkeyPatch.context() as mp:
        home = tmp_path_factory.mktemp("home")
        mp.setenv("KEFUGUARD_HOME", str(home))
        yield make_engine(home)
