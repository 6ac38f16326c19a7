"""Page claims (host/kefuguard/detect/page_claim.py) on the login pages of a phishing kit.

    git clone --depth 1 https://github.com/htr-tech/zphisher ../zphisher    # GPL-3.0, not copied here
    .venv/bin/python benchmarks/eval_page_claims.py ../zphisher/.sites

Every .html file under the folder is read as content/page-facts.js reads a page (its title,
og:site_name / application-name / og:title, the first h1/h2 headings, logo images' alt text, and the kinds
of its password, card, security-code, one-time-code and ID-number fields; static HTML only, no
script runs), and the pages with such a field are checked as if served from a name that says
nothing (https://xk2j9.top/login), where the address check alone finds nothing. Prints, per page,
the level and the brand, and the share at danger; --json for the figures. A kit's pages copy the
brands' own sign-in pages, so a miss is either a brand the list does not hold or a title the
claim test does not read as the brand's own.
"""

from __future__ import annotations

import argparse
import html.parser
import json
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "host"))

# the same words as extension/content/page-facts.js
KINDS = [
    ("cvv", re.compile(r"cc-csc|\bcvv2?\b|\bcvc\b|\bcsc\b|\bcvn\b|security.?code|安全码|cvv码", re.I)),
    ("card", re.compile(r"cc-number|card.?(?:no|num)|cardnumber|卡号|银行卡|信用卡号|储蓄卡", re.I)),
    ("otp", re.compile(r"one-time-code|\botp\b|验证码|动态码|校验码|短信码|one.?time|verification.?code|sms.?code|passcode", re.I)),
    ("id_number", re.compile(r"身份证|id.?card|idcard|id.?number|\bssn\b|social.?security", re.I)),
]
ORDER = ["password", "card", "cvv", "otp", "id_number"]
HOST = "https://xk2j9.top/login"


class _Facts(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.title, self.in_title, self.site, self.og_title = "", False, "", ""
        self.headings: list[str] = []
        self.heading: list[str] | None = None
        self.logos: list[str] = []
        self.fields: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "title":
            self.in_title = True
        elif tag == "meta" and (a.get("property") == "og:site_name" or a.get("name") == "application-name"):
            self.site = self.site or a.get("content", "").strip()
        elif tag == "meta" and a.get("property") == "og:title":
            self.og_title = self.og_title or a.get("content", "").strip()
        elif tag in ("h1", "h2"):
            self.heading = []
        elif tag == "img":
            said = (a.get("alt") or a.get("title") or "").strip()
            where = " ".join(a.get(k, "") for k in ("src", "class", "id", "alt"))
            if said and re.search(r"logo|标志|标识", where, re.I) and said not in self.logos and len(self.logos) < 3:
                self.logos.append(said[:200])
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if kind == "hidden" or "disabled" in a:
                return
            if kind == "password":
                self.fields.add("password")
            elif kind in ("text", "tel", "number", "email", ""):
                words = " ".join(a.get(k, "") for k in ("name", "id", "placeholder", "autocomplete", "aria-label"))
                found = next((k for k, pattern in KINDS if pattern.search(words)), None)
                if found:
                    self.fields.add(found)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in ("h1", "h2") and self.heading is not None:
            text = re.sub(r"\s+", " ", " ".join(self.heading)).strip()
            if text and len(self.headings) < 3:
                self.headings.append(text[:200])
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        if self.heading is not None:
            self.heading.append(data)


def page_facts(text: str) -> dict:
    p = _Facts()
    p.feed(text)
    facts: dict = {"title": re.sub(r"\s+", " ", p.title).strip()[:200], "fields": [k for k in ORDER if k in p.fields]}
    if p.site or p.og_title:
        facts["site_name"] = (p.site or p.og_title)[:200]
    if p.headings:
        facts["headings"] = p.headings
    if p.logos:
        facts["logos"] = p.logos
    return facts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", type=Path, help="a folder of a kit's pages (.html files, searched recursively)")
    ap.add_argument("--json", action="store_true", help="the figures as one JSON object")
    args = ap.parse_args()
    if not args.pages.is_dir():
        print(f"eval_page_claims: {args.pages} is not a folder (clone the kit first; see --help)", file=sys.stderr)
        return 2
    home = tempfile.mkdtemp(prefix="kefuguard-page-claims-")
    os.environ["KEFUGUARD_HOME"] = home
    os.environ["KEFUGUARD_MANAGED_CONFIG"] = os.path.join(home, "none.toml")
    from kefuguard.service.engine import Engine

    engine = Engine()
    levels: Counter[str] = Counter()
    rows = []
    for path in sorted(args.pages.rglob("*.html")):
        facts = page_facts(path.read_text(encoding="utf-8", errors="replace"))
        if not facts["fields"]:
            continue
        result = engine.check_page(HOST, facts)
        levels[result["level"]] += 1
        rows.append((result["level"], result.get("brand") or "-", str(path.relative_to(args.pages)), facts["title"][:60]))
    total = sum(levels.values())
    if args.json:
        print(json.dumps({"pages": total, "levels": dict(levels), "danger": levels["danger"] / total if total else None}))
        return 0
    for level, brand, name, title in rows:
        print(f"{level:8} {brand:14} {name:40} {title}")
    if total:
        print(f"\n{total} pages with a password, card or code field; danger {levels['danger']} ({levels['danger'] / total:.1%}), "
              f"caution {levels['caution']}, none {levels['none']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
