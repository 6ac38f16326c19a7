"""What the URL rules report: one Finding per rule that fired (the brand and official domain it
compared with, and why, in two languages), and the verdict they add up to for one URL. The texts
come from the table in reasons.py."""

from __future__ import annotations

from kefuguard.detect.url.brand_index import Target
from kefuguard.detect.url.display import unicode_label as unicode_label  # re-exported for the rules
from kefuguard.detect.url.reasons import code_of, render
from kefuguard.lists.model import Brand
from kefuguard.value_class import FrozenValue

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from kefuguard.plain_typing import NamedTuple


class Finding(FrozenValue):
    code: str
    level: str  # "verified" | "none" | "caution" | "danger"
    brand: Brand | None  # None: a warning about the site itself, imitating no listed brand
    official: str | None  # the official domain compared with
    matched: str | None  # what in the URL it is about
    en: str
    zh: str
    theme: str | None  # a site named for a scam's theme (scam_themes.THEMES): its advice
    _fields = ("code", "level", "brand", "official", "matched", "en", "zh", "theme")

    def __init__(
        self,
        code: str,
        level: str,
        brand: Brand | None,
        official: str | None,
        matched: str | None,
        en: str,
        zh: str,
        theme: str | None = None,
    ) -> None:
        d = self.__dict__
        d["code"], d["level"], d["brand"], d["official"], d["matched"] = code, level, brand, official, matched
        d["en"], d["zh"], d["theme"] = en, zh, theme


def finding(message: str, level: str, t: Target | None, matched: str, **fields: str) -> Finding:
    """A Finding with the text of `message` (an id in reasons.MESSAGES, whose code it reports). With a
    brand compared with, {official}, {brand_en} and {brand_zh} are filled in from it."""
    if t is not None:
        fields = {"official": t.domain, "brand_en": t.brand.name_en, "brand_zh": t.brand.name_zh, **fields}
    en, zh = render(message, **fields)
    return Finding(code_of(message), level, t.brand if t else None, t.domain if t else None, matched, en, zh)


class UrlVerdict(NamedTuple):
    level: str
    kind: str  # "scam" | "official" | "lookalike" | "none"
    findings: tuple[Finding, ...]
    brand: Brand | None = None  # the brand it belongs to or imitates
    official: str | None = None  # that brand's official domain
    publisher: str | None = None  # whose list the matched entry came from (None: the brand's list)
