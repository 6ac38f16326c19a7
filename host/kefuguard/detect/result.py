"""The result object every check returns, and its one JSON form (DESIGN.md, CLI contract)."""

from __future__ import annotations

from kefuguard.errors import InputError
from kefuguard.value_class import Value

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from typing import Any, NamedTuple
else:
    from kefuguard.plain_typing import NamedTuple

LEVEL_RANK = {"none": 0, "verified": 1, "caution": 2, "danger": 3}


class Reason(NamedTuple):  # immutable like a frozen dataclass, a third of the cost to make
    code: str
    message: str  # English
    message_zh: str
    official: str | None = None  # the official domain / number it was compared with
    matched: str | None = None  # what in the input triggered it

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"code": self.code, "message": self.message, "message_zh": self.message_zh}
        if self.official is not None:
            d["official"] = self.official
        if self.matched is not None:
            d["matched"] = self.matched
        return d


class Advice(NamedTuple):
    en: str
    zh: str


class Result(Value):
    level: str
    reasons: list[Reason]
    advice: list[Advice]
    brand: str | None
    list_version: int | None
    list_stale: bool
    publisher: str | None
    extra: dict[str, Any]  # per-check fields (url, host, messages...)
    _fields = ("level", "reasons", "advice", "brand", "list_version", "list_stale", "publisher", "extra")

    def __init__(
        self,
        level: str,
        reasons: list[Reason],
        advice: list[Advice],
        brand: str | None = None,
        list_version: int | None = None,
        list_stale: bool = False,
        publisher: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.level = level
        self.reasons = reasons
        self.advice = advice
        self.brand = brand
        self.list_version = list_version
        self.list_stale = list_stale
        self.publisher = publisher
        self.extra = {} if extra is None else extra

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "level": self.level,
            "reasons": [r.to_dict() for r in self.reasons],
            "advice": [a.en for a in self.advice],
            "advice_zh": [a.zh for a in self.advice],
            "brand": self.brand,
            "list_version": self.list_version,
            "list_stale": self.list_stale,
            "publisher": self.publisher,
        }
        d.update(self.extra)
        return d


CARD_CHANNELS = 5  # official domains and phones a brand card names: the user needs one to call or open


def brand_card(brand: Any) -> dict[str, Any]:
    """Who a result is about, for display: the brand's names and its official site and numbers
    (a lists.model.Brand). Results carry it as `brand_card` wherever they name a brand."""
    return {
        "id": brand.id,
        "name": brand.name_en,
        "name_zh": brand.name_zh,
        "domains": list(brand.domains[:CARD_CHANNELS]),
        "phones": list(brand.phones[:CARD_CHANNELS]),
    }


def higher(a: str, b: str) -> str:
    return a if LEVEL_RANK[a] >= LEVEL_RANK[b] else b


class CheckInputError(InputError):
    """An input a check refuses, said in Chinese too (`message_zh`): the CLI shows both, as it shows
    results; `to_dict` (what replies carry) is InputError's."""

    def __init__(self, message: str, message_zh: str, *, code: str | None = None) -> None:
        super().__init__(message, code=code)
        self.message_zh = message_zh


ECHO_CHARS = 200  # an input quoted in an error message: enough to find it, never megabytes (cli echo() alike)


def quoted(value: str) -> tuple[str, str]:
    """An input in quotes inside an error message, in English and Chinese: a long one as its first
    ECHO_CHARS characters and its length."""
    if len(value) <= ECHO_CHARS:
        return f'"{value}"', f"“{value}”"
    head, n = value[:ECHO_CHARS], f"{len(value):,}"
    return f'"{head}..." ({n} characters)', f"“{head}...”（共 {n} 个字符）"
