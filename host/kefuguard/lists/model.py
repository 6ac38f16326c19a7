"""Typed contents of a list's `signed` part. Plain data: parsing and validation, no I/O."""

from __future__ import annotations

from kefuguard.errors import RollbackError, SchemaError, UnsupportedSpecError, VersionConflictError, WrongTypeError
from kefuguard.normalize import normalize_account, normalize_account_text, normalize_domain, normalize_phone
from kefuguard.plain_datetime import UTC, datetime
from kefuguard.value_class import FrozenValue

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from typing import Any

LIST_TYPE = "kefuguard.channels"
SPEC = 1


class ImAccount(FrozenValue):
    platform: str
    account: str
    note: str
    _fields = ("platform", "account", "note")

    def __init__(self, platform: str, account: str, note: str = "") -> None:
        self.__dict__.update(platform=platform, account=account, note=note)

    @property
    def key(self) -> str:
        return normalize_account(self.platform, self.account)


class Brand(FrozenValue):
    id: str
    name_en: str
    name_zh: str
    domains: tuple[str, ...]
    phones: tuple[str, ...]  # as published, for display
    im: tuple[ImAccount, ...]
    keywords: tuple[str, ...]
    category: str
    region: str
    never: tuple[tuple[str, str], ...]  # (en, zh): what its real customer service never does
    country_sites: bool  # runs sites under <label>.<country code> that the list does not all name
    _fields: tuple[str, ...] = ("id", "name_en", "name_zh", "domains", "phones", "im", "keywords")
    _fields += ("category", "region", "never", "country_sites")

    def __init__(
        self,
        id: str,
        name_en: str,
        name_zh: str,
        domains: tuple[str, ...],
        phones: tuple[str, ...],
        im: tuple[ImAccount, ...],
        keywords: tuple[str, ...],
        category: str = "",
        region: str = "",
        never: tuple[tuple[str, str], ...] = (),
        country_sites: bool = False,
    ) -> None:
        d = self.__dict__
        d["id"], d["name_en"], d["name_zh"], d["domains"], d["phones"] = id, name_en, name_zh, domains, phones
        d["im"], d["keywords"], d["category"], d["region"] = im, keywords, category, region
        d["never"], d["country_sites"] = never, country_sites

    @property
    def phone_digits(self) -> tuple[str, ...]:
        return tuple(normalize_phone(p) for p in self.phones)

    @property
    def primary_domain(self) -> str:
        return self.domains[0]


class ListHeader(FrozenValue):
    publisher: str
    version: int
    issued: datetime
    expires: datetime
    _fields = ("publisher", "version", "issued", "expires")

    def __init__(self, publisher: str, version: int, issued: datetime, expires: datetime) -> None:
        self.__dict__.update(publisher=publisher, version=version, issued=issued, expires=expires)

    def is_stale(self, now: datetime | None = None) -> bool:
        return (now or datetime.now(UTC)) >= self.expires


def check_not_rollback(header: ListHeader, digest: str, seen_version: int | None, seen_digest: str | None) -> None:
    """Refuse a list older than the highest version seen from its publisher, or that version with
    other content (here, not in lists/verify.py: every host start asks this, verifying is rare)."""
    if seen_version is None:
        return
    if header.version < seen_version:
        raise RollbackError(
            f"version {header.version} is lower than version {seen_version} already seen from {header.publisher}"
        )
    if header.version == seen_version and seen_digest and digest != seen_digest:
        raise VersionConflictError(f"version {header.version} was already seen with different content")


def parse_time(value: Any, field: str) -> datetime:
    if not isinstance(value, str):
        raise SchemaError(f"{field} must be an RFC 3339 time string")
    try:
        t = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as e:
        raise SchemaError(f"{field} is not an RFC 3339 time: {value!r}") from e
    if t.tzinfo is None:
        raise SchemaError(f"{field} needs a time zone (e.g. a trailing Z): {value!r}")
    return t.astimezone(UTC)


def format_time(t: datetime) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_type_and_spec(signed: dict[str, Any]) -> None:
    if signed.get("type") != LIST_TYPE:
        raise WrongTypeError(f"type is {signed.get('type')!r}, expected {LIST_TYPE!r}")
    spec = signed.get("spec")
    if spec != SPEC or isinstance(spec, bool):
        raise UnsupportedSpecError(f"spec {spec!r} is not supported (this host reads spec {SPEC})")


def parse_header(signed: dict[str, Any]) -> ListHeader:
    publisher = signed.get("publisher")
    if not isinstance(publisher, str) or not publisher.strip():
        raise SchemaError("publisher must be a non-empty string")
    version = signed.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise SchemaError("version must be a non-negative integer")
    issued = parse_time(signed.get("issued"), "issued")
    expires = parse_time(signed.get("expires"), "expires")
    if expires <= issued:
        raise SchemaError("expires must be later than issued")
    return ListHeader(publisher=publisher.strip(), version=version, issued=issued, expires=expires)


def _strings(obj: dict[str, Any], key: str, where: str, *, required: bool = False) -> list[str]:
    value = obj.get(key, [] if not required else None)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SchemaError(f"{where}.{key} must be a list of strings")
    return value


def _im_account(value: Any, where: str) -> ImAccount:
    if isinstance(value, str):
        try:
            platform, _, account = normalize_account_text(value).partition(":")
        except ValueError as e:
            raise SchemaError(f"{where}: {e}") from e
        return ImAccount(platform, account)
    if isinstance(value, dict) and isinstance(value.get("platform"), str) and isinstance(value.get("account"), str):
        note = value.get("note", "")
        if not value["platform"].strip() or not value["account"].strip():
            raise SchemaError(f"{where}: platform and account must not be empty")
        return ImAccount(
            value["platform"].strip().lower(), value["account"].strip(), note if isinstance(note, str) else ""
        )
    raise SchemaError(f"{where} must be 'platform:account' or {{platform, account}}")


def parse_brand(raw: Any, i: int) -> Brand:
    where = f"brands[{i}]"
    if not isinstance(raw, dict):
        raise SchemaError(f"{where} must be an object")
    bid = raw.get("id")
    if not isinstance(bid, str) or not bid.strip():
        raise SchemaError(f"{where}.id must be a non-empty string")
    where = f"brand {bid!r}"
    names = raw.get("names", {})
    if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
        raise SchemaError(f"{where}.names must map language to name")
    try:
        domains = tuple(dict.fromkeys(normalize_domain(d) for d in _strings(raw, "domains", where, required=True)))
        phones = tuple(_strings(raw, "phones", where))
        for p in phones:
            normalize_phone(p)
    except ValueError as e:
        raise SchemaError(f"{where}: {e}") from e
    if not domains:
        raise SchemaError(f"{where} needs at least one official domain")
    im_raw = raw.get("im", [])
    if not isinstance(im_raw, list):
        raise SchemaError(f"{where}.im must be a list")
    never_raw = raw.get("never", [])
    never: list[tuple[str, str]] = []
    if isinstance(never_raw, list):
        for n in never_raw:
            if isinstance(n, dict) and isinstance(n.get("en", ""), str) and isinstance(n.get("zh", ""), str):
                never.append((n.get("en", ""), n.get("zh", "")))
    name_en = names.get("en") or names.get("zh") or bid
    return Brand(
        id=bid.strip(),
        name_en=name_en,
        name_zh=names.get("zh") or name_en,
        domains=domains,
        phones=phones,
        im=tuple(_im_account(v, f"{where}.im") for v in im_raw),
        keywords=tuple(k.strip().lower() for k in _strings(raw, "keywords", where) if k.strip()),
        category=raw.get("category", "") if isinstance(raw.get("category", ""), str) else "",
        region=raw.get("region", "") if isinstance(raw.get("region", ""), str) else "",
        never=tuple(never),
        country_sites=raw.get("country_sites") is True,
    )


def parse_brands(signed: dict[str, Any]) -> tuple[Brand, ...]:
    raw = signed.get("brands")
    if not isinstance(raw, list):
        raise SchemaError("brands must be a list")
    brands = tuple(parse_brand(b, i) for i, b in enumerate(raw))
    ids = [b.id for b in brands]
    if len(set(ids)) != len(ids):
        raise SchemaError("brand ids must be unique")
    return brands


class ScamEntries(FrozenValue):
    domains: tuple[str, ...]
    phones: tuple[str, ...]  # digits
    accounts: tuple[str, ...]  # 'platform:account'
    _fields = ("domains", "phones", "accounts")

    def __init__(self, domains: tuple[str, ...], phones: tuple[str, ...], accounts: tuple[str, ...]) -> None:
        self.__dict__.update(domains=domains, phones=phones, accounts=accounts)


def parse_scam(signed: dict[str, Any]) -> ScamEntries:
    raw = signed.get("scam", {})
    if not isinstance(raw, dict):
        raise SchemaError("scam must be an object")
    try:
        domains = tuple(normalize_domain(d) for d in _strings(raw, "domains", "scam"))
        phones = tuple(normalize_phone(p) for p in _strings(raw, "phones", "scam"))
        accounts_raw = raw.get("accounts", [])
        if not isinstance(accounts_raw, list):
            raise SchemaError("scam.accounts must be a list")
        accounts = tuple(_im_account(a, "scam.accounts").key for a in accounts_raw)
    except ValueError as e:
        raise SchemaError(f"scam: {e}") from e
    return ScamEntries(domains, phones, accounts)


HEX_DIGITS = "0123456789abcdef"


def is_hex_key(value: str) -> bool:
    """A raw Ed25519 public key written as 64 lowercase hex characters (what [0-9a-f]{64} matches
    whole, without a pattern compiled at import: ~0.06 ms of a host start)."""
    return len(value) == 64 and not value.strip(HEX_DIGITS)


def parse_announced_keys(signed: dict[str, Any]) -> tuple[str, ...]:
    """`signed.keys`: the publisher's current keys, announced for rotation (lists/key_rotation.py)."""
    keys = signed.get("keys", [])
    if not isinstance(keys, list) or not all(isinstance(k, str) and is_hex_key(k.lower()) for k in keys):
        raise SchemaError("keys must be a list of 64-hex-character Ed25519 public keys")
    return tuple(dict.fromkeys(k.lower() for k in keys))
