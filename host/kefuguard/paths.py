"""Where files live. platformdirs decides, unless KEFUGUARD_HOME puts everything under one folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "kefuguard"


def default_managed_config() -> Path:
    """The system-wide file enterprise IT writes (README names it per OS)."""
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / APP / "managed.toml"
    if sys.platform == "darwin":
        return Path("/Library/Application Support") / APP / "managed.toml"
    return Path("/etc") / APP / "managed.toml"


class Places:
    """A plain class, not a dataclass: the host's first reply must not wait for `dataclasses`."""

    __slots__ = ("data_dir", "config_file", "_log_dir", "managed_config")
    _FIELDS = ("data_dir", "config_file", "log_dir", "managed_config")

    def __init__(self, data_dir: Path, config_file: Path, log_dir: Path | None, managed_config: Path) -> None:
        self.data_dir = data_dir  # installed lists, compiled index, seen versions
        self.config_file = config_file  # the user's config.toml
        self._log_dir = log_dir  # None: platformdirs' user log folder, found when first asked
        self.managed_config = managed_config

    @property
    def log_dir(self) -> Path:
        if self._log_dir is None:
            import platformdirs

            self._log_dir = Path(platformdirs.user_log_dir(APP, appauthor=False))
        return self._log_dir

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Places) and all(getattr(self, a) == getattr(other, a) for a in self._FIELDS)

    def __repr__(self) -> str:
        return "Places(" + ", ".join(f"{a}={getattr(self, a)!s}" for a in self._FIELDS) + ")"

    @property
    def lists_dir(self) -> Path:
        return self.data_dir / "lists"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def state_file(self) -> Path:
        return self.data_dir / "state.json"

    @property
    def status_snapshot(self) -> Path:
        """The last status reply, for the next host's first answer (protocol/fast_start.py)."""
        return self.index_dir / "status-snapshot.json"

    @property
    def known_verdicts(self) -> Path:
        """URL results a host gave, for the next host's first answers (protocol/known_verdicts.py)."""
        return self.index_dir / "known-verdicts.json"

    @classmethod
    def from_environment(cls, env: dict[str, str] | None = None) -> Places:
        env = dict(os.environ) if env is None else env
        managed = (
            Path(env["KEFUGUARD_MANAGED_CONFIG"]) if env.get("KEFUGUARD_MANAGED_CONFIG") else default_managed_config()
        )
        home = env.get("KEFUGUARD_HOME")
        if home:
            root = Path(home)
            return cls(data_dir=root, config_file=root / "config.toml", log_dir=root / "log", managed_config=managed)
        plain = plain_xdg_dirs()
        if plain is not None:  # a host's start: platformdirs costs ~6.5 ms to import
            return cls(data_dir=Path(plain[0]), config_file=Path(plain[1]) / "config.toml", log_dir=None, managed_config=managed)
        import platformdirs  # imported here: the host's start time matters

        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP, appauthor=False)),
            config_file=Path(platformdirs.user_config_dir(APP, appauthor=False)) / "config.toml",
            log_dir=Path(platformdirs.user_log_dir(APP, appauthor=False)),
            managed_config=managed,
        )


def plain_xdg_dirs() -> tuple[str, str] | None:
    """(data folder, config folder) as platformdirs (>= 4.0) finds them on Linux in the common case:
    no XDG_DATA_HOME or XDG_CONFIG_HOME and an absolute HOME, so ~/.local/share/kefuguard and
    ~/.config/kefuguard. None for anything else (another system, Android, an XDG variable set, no
    usable HOME): platformdirs decides then (tests/test_config.py compares the two)."""
    env = os.environ  # what platformdirs reads
    if sys.platform != "linux" or hasattr(sys, "getandroidapilevel") or "ANDROID_DATA" in env:
        return None
    if env.get("XDG_DATA_HOME") or env.get("XDG_CONFIG_HOME") or not env.get("HOME", "").startswith("/"):
        return None
    return (
        os.path.join(os.path.expanduser("~/.local/share"), APP),
        os.path.join(os.path.expanduser("~/.config"), APP),
    )


def private_dir(path: Path) -> Path:
    """Create (or keep) one of our own data or log folders, readable by the user alone (0700 on
    POSIX): installed lists, the compiled index and logs tell what a user checked and trusts."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        os.chmod(path, 0o700)
    return path
