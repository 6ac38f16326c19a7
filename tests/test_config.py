"""Settings: defaults < user file < managed file; locks; broken files reported, never fatal."""

from __future__ import annotations

from pathlib import Path

from kefuguard.config import load_settings
from kefuguard.paths import Places

A, B, C = "a" * 64, "b" * 64, "c" * 64


def places(tmp_path: Path, user: str | None, managed: str | None) -> Places:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    if user is not None:
        (home / "config.toml").write_text(user)
    managed_path = tmp_path / "managed.toml"
    if managed is not None:
        managed_path.write_text(managed)
    return Places.from_environment({"KEFUGUARD_HOME": str(home), "KEFUGUARD_MANAGED_CONFIG": str(managed_path)})


def test_kefuguard_home_puts_everything_under_one_folder(tmp_path):
    p = places(tmp_path, None, None)
    assert p.data_dir == tmp_path / "home" and p.config_file == tmp_path / "home" / "config.toml"
    assert p.log_dir.parent == p.data_dir and p.managed_config == tmp_path / "managed.toml"


def test_defaults_without_files(tmp_path):
    s = load_settings(places(tmp_path, None, None))
    assert s.update_urls == () and s.update_interval_hours == 24 and s.trust_threshold == 1 and not s.problems


def test_user_values_apply_and_managed_values_win(tmp_path):
    user = f'[update]\nurls = ["https://user.example/l.json"]\ninterval_hours = 6\n[trust]\nkeys = ["{A}"]\n'
    managed = '[update]\nurls = ["https://it.example/l.json", "https://mirror.example/l.json"]\n'
    s = load_settings(places(tmp_path, user, managed))
    assert s.update_urls == ("https://it.example/l.json", "https://mirror.example/l.json")
    assert s.update_interval_hours == 6 and s.trust_keys == (A,)
    assert s.managed == {"update.urls"}


def test_locked_setting_ignores_the_user_value_even_when_managed_sets_none(tmp_path):
    user = f'[trust]\nkeys = ["{A}"]\nthreshold = 1\n'
    managed = f'[policy]\nlocked = ["trust.keys", "trust.threshold"]\n[trust]\nthreshold = 2\nkeys = ["{B}", "{C}"]\n'
    s = load_settings(places(tmp_path, user, managed))
    assert s.trust_keys == (B, C) and s.trust_threshold == 2
    s2 = load_settings(places(tmp_path, user, '[policy]\nlocked = ["trust.keys"]\n'))
    assert s2.trust_keys == () and "trust.keys" in s2.locked


def test_supplementary_lists_only_from_managed_config(tmp_path):
    sup = f'[[supplementary]]\nurl = "https://it.example/ours.json"\nkeys = ["{A}"]\n'
    s = load_settings(places(tmp_path, sup, None))
    assert s.supplementary == () and any("supplementary" in p for p in s.problems)
    s = load_settings(places(tmp_path, None, sup))
    assert s.supplementary[0].url == "https://it.example/ours.json" and s.supplementary[0].keys == (A,)


def test_bad_values_and_broken_files_are_reported_and_ignored(tmp_path):
    s = load_settings(
        places(
            tmp_path,
            '[trust]\nkeys = ["nothex"]\nthreshold = 0\n[update]\ninterval_hours = -1\n',
            "this is = = not toml",
        )
    )
    assert s.trust_keys == () and s.trust_threshold == 1 and s.update_interval_hours == 24
    assert len(s.problems) == 4
    (tmp_path / "second").mkdir()
    p = places(tmp_path / "second", None, None)
    p.config_file.write_bytes(b"\xff\xfe[update]")
    assert ["not valid TOML" in problem for problem in load_settings(p).problems] == [True]
