"""Where files live without KEFUGUARD_HOME: the host's own reading of the common Linux case
(paths.plain_xdg_dirs, no platformdirs import at start) gives platformdirs' folders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from kefuguard.paths import APP, Places, _as_path_text, plain_xdg_dirs
from tests.conftest import subprocess_env

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="the plain reading is for Linux")


def platformdirs_places() -> tuple[Path, Path, Path]:
    return (
        Path(platformdirs.user_data_dir(APP, appauthor=False)),
        Path(platformdirs.user_config_dir(APP, appauthor=False)) / "config.toml",
        Path(platformdirs.user_log_dir(APP, appauthor=False)),
    )


def found(places: Places) -> tuple[Path, Path, Path]:
    return places.data_dir, places.config_file, places.log_dir


@linux_only
@pytest.mark.parametrize("home", ["/home/someone", "/home/someone/", "/", "/home/with space"])
def test_the_plain_case_is_platformdirs_reading(monkeypatch, home):
    monkeypatch.setenv("HOME", home)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    assert plain_xdg_dirs() is not None
    assert found(Places.from_environment({})) == platformdirs_places()


@pytest.mark.parametrize(
    "env",
    [
        {"XDG_DATA_HOME": "/srv/data"},
        {"XDG_CONFIG_HOME": "/srv/config"},
        {"XDG_DATA_HOME": "relative/data"},
        {"XDG_STATE_HOME": "/srv/state"},  # only the log folder moves: asked of platformdirs
        {"HOME": "relative-home"},
    ],
)
def test_anything_else_is_platformdirs_own(monkeypatch, env):
    monkeypatch.setenv("HOME", "/home/someone")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    if set(env) & {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "HOME"}:
        assert plain_xdg_dirs() is None
    try:
        expected = platformdirs_places()
    except RuntimeError:  # platformdirs refuses a relative HOME; so does the host then
        with pytest.raises(RuntimeError):
            found(Places.from_environment({}))
        return
    assert found(Places.from_environment({})) == expected


@linux_only
def test_a_host_start_without_kefuguard_home_does_not_import_platformdirs(tmp_path):
    env = subprocess_env(tmp_path)
    env.pop("KEFUGUARD_HOME", None)
    env.pop("XDG_DATA_HOME", None)
    env.pop("XDG_CONFIG_HOME", None)
    env["HOME"] = str(tmp_path)
    snippet = "import json, sys; from kefuguard.paths import Places; p = Places.from_environment(); "
    snippet += "print(json.dumps([str(p.data_dir), 'platformdirs' in sys.modules]))"
    done = subprocess.run([sys.executable, "-c", snippet], env=env, capture_output=True, text=True, check=True)
    data_dir, imported = json.loads(done.stdout)
    assert data_dir == str(tmp_path / ".local" / "share" / APP) and imported is False


@pytest.mark.parametrize(
    "given", ["/home/a", "/home/a/", "/home//a", "/home/./a", "/home/a/.", "//home/a", "/", "rel/a", "./rel", "/home/a b/ü"]
)
def test_a_place_kept_as_a_string_is_what_pathlib_makes_of_it(given, tmp_path):
    assert _as_path_text(given) == str(Path(given))
    config = os.path.join(given, "c.toml")
    places = Places(data_dir=given, config_file=config, log_dir=given, managed_config=Path(given) / "m.toml")
    assert places.index_dir_str == str(places.index_dir) == str(Path(given) / "index")
    for name in ("data_dir", "config_file", "log_dir", "managed_config", "lists_dir", "state_file"):
        assert getattr(places, name + "_str") == str(getattr(places, name)), name
    assert places.status_snapshot_str == str(Path(given) / "index" / "status-snapshot.json")
    assert places.known_verdicts_str == str(Path(given) / "index" / "known-verdicts.json")
    assert places == Places(Path(given), Path(config), Path(given), Path(given) / "m.toml")
