"""Settings from defaults, the user's file and the managed (enterprise) file, in rising precedence.

A value set in the managed file always wins. A name listed in the managed file's
`[policy] locked` is also closed to the user's file even where the managed file sets
nothing for it (the default then stands). A broken file never stops the host: its
problem is recorded in `Settings.problems` and shown by `status`.
"""

from __future__ import annotations

from kefuguard.paths import Places
from kefuguard.value_class import FrozenValue

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

HEX_DIGITS = "0123456789abcdef"


def is_hex_key(value: str) -> bool:
    """64 lowercase hex characters, an Ed25519 public key (of a stripped value, what ^[0-9a-f]{64}$
    matches, without a pattern compiled at import: ~0.1 ms of a host start, which reads no keys)."""
    return len(value) == 64 and not value.strip(HEX_DIGITS)


class Supplementary(FrozenValue):
    url: str
    keys: tuple[str, ...]
    threshold: int
    _fields = ("url", "keys", "threshold")

    def __init__(self, url: str, keys: tuple[str, ...], threshold: int = 1) -> None:
        self.__dict__.update(url=url, keys=keys, threshold=threshold)


class Settings(FrozenValue):
    update_urls: tuple[str, ...]
    update_interval_hours: float
    trust_keys: tuple[str, ...]
    trust_threshold: int
    supplementary: tuple[Supplementary, ...]
    allow_plain_http: bool  # managed only: plain HTTP to a non-loopback mirror
    report_endpoint: str | None  # managed only: where `send_evidence` posts an evidence file
    report_max_bytes: int  # managed only: the largest evidence file sent there
    managed: frozenset[str]  # names whose value came from the managed file
    locked: frozenset[str]
    problems: tuple[str, ...]
    sources: tuple[str, ...]  # files that were read
    _fields: tuple[str, ...] = ("update_urls", "update_interval_hours", "trust_keys", "trust_threshold")
    _fields += ("supplementary",)
    _fields += ("allow_plain_http", "report_endpoint", "report_max_bytes", "managed", "locked", "problems", "sources")

    def __init__(
        self,
        update_urls: tuple[str, ...] = (),
        update_interval_hours: float = 24.0,
        trust_keys: tuple[str, ...] = (),
        trust_threshold: int = 1,
        supplementary: tuple[Supplementary, ...] = (),
        allow_plain_http: bool = False,
        report_endpoint: str | None = None,
        report_max_bytes: int = 20 << 20,
        managed: frozenset[str] = frozenset(),
        locked: frozenset[str] = frozenset(),
        problems: tuple[str, ...] = (),
        sources: tuple[str, ...] = (),
    ) -> None:
        self.__dict__.update(
            update_urls=update_urls,
            update_interval_hours=update_interval_hours,
            trust_keys=trust_keys,
            trust_threshold=trust_threshold,
            supplementary=supplementary,
            allow_plain_http=allow_plain_http,
            report_endpoint=report_endpoint,
            report_max_bytes=report_max_bytes,
            managed=managed,
            locked=locked,
            problems=problems,
            sources=sources,
        )


# name -> (section, key, validator); validators return the typed value or raise ValueError
def _urls(v: Any) -> tuple[str, ...]:
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(u, str) and u.strip() for u in v):
        raise ValueError("must be a list of URL strings")
    return tuple(u.strip() for u in v)


def _positive_number(v: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 < v <= 24 * 365:
        raise ValueError("must be a number of hours > 0")
    return float(v)


def _hex_keys(v: Any) -> tuple[str, ...]:
    if not isinstance(v, list) or not all(isinstance(k, str) and is_hex_key(k.strip().lower()) for k in v):
        raise ValueError("must be a list of 64-hex-character Ed25519 public keys")
    return tuple(k.strip().lower() for k in v)


def _threshold(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 16:
        raise ValueError("must be an integer from 1 to 16")
    return v


def _bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise ValueError("must be true or false")
    return v


def _supplementary(v: Any) -> tuple[Supplementary, ...]:
    if not isinstance(v, list):
        raise ValueError("must be an array of tables [[supplementary]]")
    out = []
    for i, item in enumerate(v):
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            raise ValueError(f"entry {i + 1} needs a url")
        out.append(
            Supplementary(
                url=item["url"].strip(),
                keys=_hex_keys(item.get("keys", [])),
                threshold=_threshold(item.get("threshold", 1)),
            )
        )
    return tuple(out)


def _report_endpoint(v: Any) -> str:
    """HTTPS, or plain HTTP to loopback only (as a list mirror without allow_plain_http)."""
    from kefuguard.errors import InputError
    from kefuguard.transport_rules import check_transport

    if not isinstance(v, str) or not v.strip():
        raise ValueError("must be an https:// URL")
    url = v.strip()
    try:
        check_transport(url, allow_plain_http=False)
    except InputError:
        raise ValueError("must be an https:// URL (plain http only to loopback)") from None
    return url


def _max_bytes(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 256 << 20:
        raise ValueError("must be a number of bytes from 1 to 268435456")
    return v


FIELDS: dict[str, tuple[str, str, str, Any]] = {
    # dotted name: (section, key, Settings attribute, validator)
    "update.urls": ("update", "urls", "update_urls", _urls),
    "update.interval_hours": ("update", "interval_hours", "update_interval_hours", _positive_number),
    "trust.keys": ("trust", "keys", "trust_keys", _hex_keys),
    "trust.threshold": ("trust", "threshold", "trust_threshold", _threshold),
}
MANAGED_ONLY: dict[str, tuple[str, Any]] = {
    "supplementary": ("supplementary", _supplementary),
    "update.allow_plain_http": ("allow_plain_http", _bool),
    "report.endpoint": ("report_endpoint", _report_endpoint),
    "report.max_bytes": ("report_max_bytes", _max_bytes),
}


def _read_toml(path: str | Path, problems: list[str]) -> dict[str, Any] | None:
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        return None
    except OSError as e:
        problems.append(f"{path}: cannot read ({e.strerror})")
        return None
    import tomllib  # here: most hosts start with no config file, and importing it costs ~3 ms

    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        problems.append(f"{path}: not valid TOML ({e}); ignored")
        return None


def _pick(doc: dict[str, Any], section: str, key: str) -> tuple[bool, Any]:
    sect = doc.get(section)
    if isinstance(sect, dict) and key in sect:
        return True, sect[key]
    return False, None


def load_settings(places: Places) -> Settings:
    problems: list[str] = []
    sources: list[str] = []
    user = _read_toml(places.config_file_str, problems)
    managed = _read_toml(places.managed_config_str, problems)
    if user is not None:
        sources.append(places.config_file_str)
    if managed is not None:
        sources.append(places.managed_config_str)
    values: dict[str, Any] = {}
    from_managed: set[str] = set()
    locked: set[str] = set()
    if managed:
        policy = managed.get("policy", {})
        raw_locked = policy.get("locked", []) if isinstance(policy, dict) else []
        if isinstance(raw_locked, list):
            locked = {n for n in raw_locked if isinstance(n, str)}
        else:
            problems.append(f"{places.managed_config_str}: policy.locked must be a list of setting names")

    for name, (section, key, attr, validate) in FIELDS.items():
        for doc, origin in ((user, "user"), (managed, "managed")):
            if not doc or (origin == "user" and name in locked):
                continue
            present, raw = _pick(doc, section, key)
            if not present:
                continue
            try:
                values[attr] = validate(raw)
            except ValueError as e:
                problems.append(f"{origin} config: {name} {e}; ignored")
                continue
            if origin == "managed":
                from_managed.add(name)
    if managed:
        for name, (attr, validate) in MANAGED_ONLY.items():
            section, _, key = name.partition(".")
            present, raw = _pick(managed, section, key) if key else (section in managed, managed.get(section))
            if present:
                try:
                    values[attr] = validate(raw)
                    from_managed.add(name)
                except ValueError as e:
                    problems.append(f"managed config: {name} {e}; ignored")
    if user and "supplementary" in user:
        problems.append("user config: supplementary lists can only be set in the managed config; ignored")
    if user and "report" in user:
        problems.append("user config: the report endpoint can only be set in the managed config; ignored")
    return Settings(
        **values,
        managed=frozenset(from_managed),
        locked=frozenset(locked),
        problems=tuple(problems),
        sources=tuple(sources),
    )
