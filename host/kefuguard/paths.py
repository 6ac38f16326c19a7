"""Where files live. platformdirs decides, unless KEFUGUARD_HOME puts everything under one folder."""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

APP = "kefuguard"


def default_managed_config() -> str:
    """The system-wide file enterprise IT writes (README names it per OS)."""
    if sys.platform == "win32":
        return os.path.join(os.environ.get("PROGRAMDATA", r"C:\ProgramData"), APP, "managed.toml")
    if sys.platform == "darwin":
        return os.path.join("/Library/Application Support", APP, "managed.toml")
    return os.path.join("/etc", APP, "managed.toml")


def _path(value: str) -> Path:
    from pathlib import Path  # here: pathlib (with urllib.parse and ipaddress, ~3 ms) is not on a first reply's way

    return Path(value)


def _as_path_text(value: str | os.PathLike[str]) -> str:
    """`str(Path(value))` without pathlib for the usual absolute POSIX path: a folder kept as a string
    joins with os.path into what the same Path joins into (a status reply shows these paths)."""
    text = os.fspath(value)
    plain = text.startswith("/") and not text.startswith("//") and sys.platform != "win32"
    if plain and "//" not in text and "/./" not in text and not text.endswith(("/", "/.")):
        return text
    return str(_path(text))


class Places:
    """A plain class, not a dataclass: the host's first reply must not wait for `dataclasses`.

    Each place is kept as a string: the attributes ending in `_str` are those strings (os.path, what
    a host's first replies use), the others the same places as `Path`s for everything else."""

    __slots__ = ("data_dir_str", "config_file_str", "_log_dir_str", "managed_config_str")
    _FIELDS = ("data_dir", "config_file", "log_dir", "managed_config")

    def __init__(
        self,
        data_dir: str | os.PathLike[str],
        config_file: str | os.PathLike[str],
        log_dir: str | os.PathLike[str] | None,
        managed_config: str | os.PathLike[str],
    ) -> None:
        self.data_dir_str = _as_path_text(data_dir)  # installed lists, compiled index, seen versions
        self.config_file_str = _as_path_text(config_file)  # the user's config.toml
        # None: platformdirs' user log folder, found when first asked
        self._log_dir_str = None if log_dir is None else _as_path_text(log_dir)
        self.managed_config_str = _as_path_text(managed_config)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Places) and all(getattr(self, a) == getattr(other, a) for a in self._FIELDS)

    def __repr__(self) -> str:
        return "Places(" + ", ".join(f"{a}={getattr(self, a)!s}" for a in self._FIELDS) + ")"

    @property
    def log_dir_str(self) -> str:
        if self._log_dir_str is None:
            import platformdirs

            self._log_dir_str = _as_path_text(platformdirs.user_log_dir(APP, appauthor=False))
        return self._log_dir_str

    @property
    def lists_dir_str(self) -> str:
        return os.path.join(self.data_dir_str, "lists")

    @property
    def index_dir_str(self) -> str:
        return os.path.join(self.data_dir_str, "index")

    @property
    def state_file_str(self) -> str:
        return os.path.join(self.data_dir_str, "state.json")

    @property
    def status_snapshot_str(self) -> str:
        """The last status reply, for the next host's first answer (protocol/fast_start.py)."""
        return os.path.join(self.data_dir_str, "index", "status-snapshot.json")

    @property
    def known_verdicts_str(self) -> str:
        """URL results a host gave, for the next host's first answers (protocol/known_verdicts.py)."""
        return os.path.join(self.data_dir_str, "index", "known-verdicts.json")

    @property
    def data_dir(self) -> Path:
        return _path(self.data_dir_str)

    @property
    def config_file(self) -> Path:
        return _path(self.config_file_str)

    @property
    def log_dir(self) -> Path:
        return _path(self.log_dir_str)

    @property
    def managed_config(self) -> Path:
        return _path(self.managed_config_str)

    @property
    def lists_dir(self) -> Path:
        return _path(self.lists_dir_str)

    @property
    def index_dir(self) -> Path:
        return _path(self.index_dir_str)

    @property
    def state_file(self) -> Path:
        return _path(self.state_file_str)

    @property
    def status_snapshot(self) -> Path:
        return _path(self.status_snapshot_str)

    @property
    def known_verdicts(self) -> Path:
        return _path(self.known_verdicts_str)

    @classmethod
    def from_environment(cls, env: dict[str, str] | None = None) -> Places:
        env = dict(os.environ) if env is None else env
        managed = env.get("KEFUGUARD_MANAGED_CONFIG") or default_managed_config()
        home = env.get("KEFUGUARD_HOME")
        if home:
            return cls(
                data_dir=home,
                config_file=os.path.join(home, "config.toml"),
                log_dir=os.path.join(home, "log"),
                managed_config=managed,
            )
        plain = plain_xdg_dirs()
        if plain is not None:  # a host's start: platformdirs costs ~6.5 ms to import
            return cls(data_dir=plain[0], config_file=os.path.join(plain[1], "config.toml"), log_dir=None, managed_config=managed)
        import platformdirs  # imported here: the host's start time matters

        return cls(
            data_dir=platformdirs.user_data_dir(APP, appauthor=False),
            config_file=os.path.join(platformdirs.user_config_dir(APP, appauthor=False), "config.toml"),
            log_dir=platformdirs.user_log_dir(APP, appauthor=False),
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
