"""Page and sender context, and the final result of a chat check: level, reasons, advice."""

from __future__ import annotations

from dataclasses import dataclass

from kefuguard.detect.hotlines import ANTIFRAUD_BRAND_ID, ANTIFRAUD_HOTLINE_CN
from kefuguard.detect.result import LEVEL_RANK, Reason, Result, brand_card, higher
from kefuguard.detect.text import analysis as a
from kefuguard.detect.text import scoring as s
from kefuguard.detect.text import slots as n
from kefuguard.detect.text import tactics as t
from kefuguard.detect.text.advice import advice_for
from kefuguard.detect.text.analysis import MessageAnalysis
from kefuguard.detect.text.index import SOCIAL_DOMAINS, PageVerdict, TextIndex
from kefuguard.detect.text.normalize import clean_text, fold_text
from kefuguard.detect.text.reasons import TACTIC_NAMES, reason_text
from kefuguard.detect.url.check import judge_url
from kefuguard.detect.url.parse import parse_url
from kefuguard.errors import InputError
from kefuguard.lists.model import Brand

MAX_SENDER_CHARS = 200


@dataclass(frozen=True)
class SenderClaim:
    name: str
    brand_id: str | None  # None: 'official customer service' without a brand


def page_verdict(url: str | None, index: TextIndex) -> PageVerdict | None:
    if not url:
        return None
    cached = index.pages.get(url)
    if cached is not None:
        return cached
    try:
        parsed = parse_url(url)
    except InputError:
        return index.pages.put(url, PageVerdict(url, None, None, False))
    verdict = judge_url(parsed, index.urls)
    domain, host = parsed.host.registrable, parsed.host.host
    page = PageVerdict(url, verdict, domain, False)
    brand = page.brand
    social = domain in SOCIAL_DOMAINS or host in SOCIAL_DOMAINS or (brand is not None and brand.category == "social")
    return index.pages.put(url, PageVerdict(url, verdict, domain, social))


def sender_claim(sender: str | None, index: TextIndex) -> SenderClaim | None:
    """A display name like '淘宝官方客服' or 'Amazon Support' claims to speak for a brand."""
    if not sender:
        return None
    name = clean_text(sender[:MAX_SENDER_CHARS])
    hits = index.hits(fold_text(name))
    brands = [h for tag, hs in hits.items() if tag.startswith("brand:") for h in hs]
    roles = hits.get("cs_role", []) + hits.get("role_claim", []) + hits.get("org_word", [])
    if brands and roles:
        return SenderClaim(name, brands[0].tag.split(":", 1)[1])
    if hits.get("role_claim"):
        return SenderClaim(name, None)
    return None


def _page_facts(page: PageVerdict | None) -> s.PageFacts | None:
    if page is None or page.verdict is None:
        return None
    brand = page.brand
    return s.PageFacts(page.verdict.level, brand.id if brand is not None else None, page.social)


def _sender_category(sender: SenderClaim | None, page: s.PageFacts | None) -> str | None:
    if sender is None:
        return None
    if page is not None and page.level == "verified" and (sender.brand_id in (None, page.brand_id)):
        return None  # the brand's own chat on its own site
    if page is not None and page.social:
        return s.SENDER_SOCIAL
    return s.SENDER_CLAIM


def _official_channels(brand: Brand | None) -> str | None:
    if brand is None:
        return None
    return " / ".join([*brand.phones[:3], brand.primary_domain])


def build_result(
    current: MessageAnalysis,
    earlier: list[MessageAnalysis],
    page: PageVerdict | None,
    sender: SenderClaim | None,
    index: TextIndex,
) -> Result:
    channels = index.channels
    facts = _page_facts(page)
    sender_category = _sender_category(sender, facts)
    cats = current.categories() | ({sender_category} if sender_category else set())
    context_cats: set[str] = set()
    for e in earlier:
        if e.direction == "incoming":
            context_cats |= e.categories()
    if current.direction == "outgoing":
        level = s.outgoing_level(bool(current.secrets), context_cats, facts)
        level_alone = level
    else:
        level_alone = s.level_for(cats, facts)
        level = level_alone
        if context_cats and s.contributes(cats):
            combined = s.level_for(cats | context_cats, facts)
            # escalate when the combination says more than the earlier messages said on their own
            if combined == "danger" or s.level_for(context_cats, facts) == "none":
                level = higher(level, combined)
    if facts is not None and facts.level in ("danger", "caution"):
        level = higher(level, facts.level)
        cats.add(s.PAGE_DANGER if facts.level == "danger" else s.PAGE_CAUTION)
    # the page's brand only when the chat is the brand's own: on a social site (WhatsApp Web, Weibo)
    # the page's brand is the platform strangers write on, not the one a sender speaks for
    page_brand = facts.brand_id if facts is not None and not facts.social else None
    brand_id = current.brand_id or (sender.brand_id if sender else None) or page_brand
    if brand_id is None:
        brand_id = next((e.brand_id for e in reversed(earlier) if e.brand_id), None)
    brand = index.brands.get(brand_id) if brand_id else None
    reasons = _reasons(current, earlier, level, level_alone, page, sender, sender_category, brand, index)
    tactic_names = {f.tactic for f in current.findings}
    if LEVEL_RANK[level] > LEVEL_RANK[level_alone]:
        tactic_names |= {f.tactic for e in earlier for f in e.findings}
    antifraud = index.brands.get(ANTIFRAUD_BRAND_ID)
    advice = advice_for(
        level,
        cats | (context_cats if level != level_alone else set()),
        tactic_names,
        brand,
        outgoing_secret=current.direction == "outgoing" and bool(current.secrets),
        scam_page=facts is not None and facts.level == "danger",
        social_sender=sender_category == s.SENDER_SOCIAL,
        antifraud_number=antifraud.phones[0] if antifraud and antifraud.phones else ANTIFRAUD_HOTLINE_CN,
    )
    result = Result(
        level=level,
        reasons=reasons,
        advice=advice,
        brand=brand_id,
        list_version=channels.version,
        list_stale=channels.stale,
        publisher=channels.publisher_of_brand(brand_id),
    )
    if brand is not None:
        result.extra["brand_card"] = brand_card(brand)
    result.extra["direction"] = current.direction
    if current.truncated:
        result.extra["truncated"] = True
    return result


_NO_SIGNAL = Reason("none.no_signal", *reason_text("none.no_signal", "", "", ""))
# slots scoring weighs but reasons need not repeat: the state is said once, the act and the deadline
# are in the state's and the channel's reasons, the advisory note comes only when nothing warns
_UNSAID = frozenset(
    {n.ADVISORY, n.STATE_STRONG, n.PRESSURE, n.YOURS, n.VOICE, n.OTP_NOTICE, n.REMINDER, n.ACT, n.DEADLINE, n.SELF}
    | {n.BRAND_CLAIM, n.OFFICIAL_PLACE, a.OWN_CHANNEL}
)
_ADVISORY_NOTE = Reason("notice.advisory", *reason_text("notice.advisory", "", "", ""))


def _reason(code: str, brand: Brand | None, official: str | None = None, matched: str | None = None) -> Reason:
    brand_en = brand.name_en if brand else ""  # no brand: the code's UNBRANDED text
    brand_zh = brand.name_zh if brand else ""
    en, zh = reason_text(code, brand_en, brand_zh, official or "")
    return Reason(code, en, zh, official, matched or None)  # a slot found by its shape quotes nothing


def _reasons(
    current: MessageAnalysis,
    earlier: list[MessageAnalysis],
    level: str,
    level_alone: str,
    page: PageVerdict | None,
    sender: SenderClaim | None,
    sender_category: str | None,
    brand: Brand | None,
    index: TextIndex,
) -> list[Reason]:
    out: list[Reason] = []
    if page is not None and page.level in ("danger", "caution"):
        assert page.verdict is not None
        first = page.verdict.findings[0] if page.verdict.findings else None
        out.append(_reason("context.lookalike_page", brand, first.official if first else None, page.url))
    if current.direction == "outgoing":
        for e in current.secrets:
            out.append(_reason(e.code, brand, None, current.matched(e.start, e.end)))
    warned = level != "none"
    items: list[tuple[int, Reason]] = []
    for f in current.findings:
        if warned:
            official = _official_channels(index.brands.get(f.brand_id or "")) if f.tactic == "identity_claim" else None
            if f.tactic == "off_platform" and page is not None and page.level == "verified":
                official = page.domain
            items.append(
                (
                    s.SEVERITY_RANK[f.category],
                    _reason("tactic." + f.tactic, brand, official, current.matched(f.start, f.end)),
                )
            )
    for e in current.evidence:
        if e.category in _UNSAID:
            continue
        if e.category == a.SUPPORT or warned:
            owner = index.brands.get(e.brand_id or "") or brand
            r = _reason(e.code, owner, e.official, current.matched(e.start, e.end))
            if e.message is not None:
                r = Reason(e.code, e.message[0], e.message[1], e.official, r.matched)
            items.append((s.SEVERITY_RANK[e.category], r))
    if sender_category is not None and sender is not None and warned:
        sender_brand = index.brands.get(sender.brand_id or "")
        code = "context.sender_impersonation"
        items.append(
            (
                s.SEVERITY_RANK[sender_category],
                _reason(code, sender_brand, _official_channels(sender_brand), sender.name),
            )
        )
    items.sort(key=lambda pair: pair[0])
    if len(items) < 2:
        out.extend(r for _, r in items)
    else:
        said: set[tuple[str, str | None]] = set()
        for _, r in items:  # one link found by two slots (the script's channel, the brand's link) is said once
            if (r.code, r.matched) not in said:
                said.add((r.code, r.matched))
                out.append(r)
    if (
        LEVEL_RANK[level] > LEVEL_RANK[level_alone]
        and current.direction == "incoming"
        or (current.direction == "outgoing" and level == "danger")
    ):
        out.extend(_context_reasons(earlier))
    if page is not None and page.level == "verified" and page.brand is not None:
        out.append(_reason("context.official_page", page.brand, page.domain))
    if not warned:
        advisory = any(e.category == n.ADVISORY for e in current.evidence)
        out.insert(0, _ADVISORY_NOTE if advisory else _NO_SIGNAL)
    return out


def _context_reasons(earlier: list[MessageAnalysis]) -> list[Reason]:
    seen: set[str] = set()
    out: list[Reason] = []
    for e in reversed(earlier):
        if e.direction != "incoming":
            continue
        for f in e.findings:
            if f.tactic in seen or f.category in (t.URGENCY, t.PAY, t.INVEST):
                continue
            seen.add(f.tactic)
            en, zh = TACTIC_NAMES.get(f.tactic, (f.tactic, f.tactic))
            out.append(
                Reason(
                    "context." + f.tactic,
                    f"Earlier in this chat the sender {en}.",
                    f"本次聊天中对方较早时{zh}。",
                    None,
                    e.matched(f.start, f.end),
                )
            )
    return out
