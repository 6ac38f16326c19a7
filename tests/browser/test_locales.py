"""Every user-visible string exists in both languages, with the same placeholders."""

from __future__ import annotations

import json
import re

from tests.browser.harness import EXTENSION_DIR


def load(lang: str) -> dict:
    return json.loads((EXTENSION_DIR / "_locales" / lang / "messages.json").read_text(encoding="utf-8"))


def placeholders(entry: dict) -> set[str]:
    return set(re.findall(r"\$([A-Za-z0-9_]+)\$", entry["message"]))


def test_both_languages_have_the_same_keys_and_placeholders():
    en, zh = load("en"), load("zh_CN")
    assert set(en) == set(zh)
    for key in en:
        assert en[key]["message"].strip() and zh[key]["message"].strip(), key
        assert en[key].get("description"), key
        assert placeholders(en[key]) == placeholders(zh[key]), key
        for name in placeholders(en[key]):
            assert name.lower() in en[key].get("placeholders", {}), key


def test_every_key_the_code_uses_exists():
    keys = set(load("en"))
    used: set[str] = set()
    for path in [*EXTENSION_DIR.rglob("*.js"), *EXTENSION_DIR.rglob("*.html"), EXTENSION_DIR / "manifest.json"]:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'data-i18n(?:-[a-z]+)?="(\w+)"', text))
        used |= set(re.findall(r'\bt\(\s*"(\w+)"\s*[,)]', text))
        used |= set(re.findall(r"__MSG_(\w+)__", text))
    assert used, "no keys found: the patterns are stale"
    assert used <= keys, sorted(used - keys)


def test_no_user_interface_code_builds_html_from_strings():
    for path in EXTENSION_DIR.rglob("*.js"):
        text = path.read_text(encoding="utf-8")
        for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "createContextualFragment"):
            assert forbidden not in text, f"{path.name} uses {forbidden}"
