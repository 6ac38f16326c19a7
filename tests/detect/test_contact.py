"""check_contact: an official number or account of a listed brand, a known scam one, or unknown."""

from __future__ import annotations

import pytest

from kefuguard.config import load_settings
from kefuguard.errors import InputError
from kefuguard.paths import Places
from kefuguard.service.engine import Engine
from tests.conftest import make_signed, sign, trust_key

BRANDS = [
    {
        "id": "alipay",
        "names": {"en": "Alipay", "zh": "支付宝"},
        "domains": ["alipay.com"],
        "phones": ["95188"],
        "im": [],
        "keywords": ["支付宝"],
    },
    {
        "id": "hsbc_uk",
        "names": {"en": "HSBC UK", "zh": "汇丰英国"},
        "domains": ["hsbc.co.uk"],
        "phones": ["03457 404 404"],
        "im": ["wechat:hsbc_official", {"platform": "whatsapp", "account": "447700900500"}],
        "keywords": ["hsbc"],
    },
]
SCAM = {"domains": ["evil-refund.top"], "phones": ["4001234567", "447700900123"], "accounts": ["qq:123456789", "telegram:@fake_support"]}


@pytest.fixture
def engine(home, signing_key, tmp_path):
    key, pub = signing_key
    trust_key(home, pub)
    embedded = tmp_path / "embedded.json"
    embedded.write_bytes(sign(make_signed(version=1, brands=BRANDS, scam=SCAM), key))
    places = Places.from_environment()
    return Engine(places, load_settings(places), embedded=embedded)


@pytest.mark.parametrize(
    ("contact", "brand", "listed"),
    [
        ("95188", "alipay", "95188"),
        ("+86 95188", "alipay", "95188"),
        ("0086-95188", "alipay", "95188"),
        ("+44 3457 404404", "hsbc_uk", "03457 404 404"),
        ("wechat:HSBC_Official", "hsbc_uk", "wechat:hsbc_official"),
        ("微信：hsbc_official", "hsbc_uk", "wechat:hsbc_official"),
        ("whatsapp:+44 7700 900500", "hsbc_uk", "whatsapp:447700900500"),
    ],
)
def test_an_official_channel_names_its_brand_and_the_listed_form(engine, contact, brand, listed):
    result = engine.check_contact(contact)
    assert (result["level"], result["brand"]) == ("verified", brand)
    assert result["reasons"][0]["code"].startswith("official.") and result["reasons"][0]["official"] == listed
    assert result["brand_card"]["id"] == brand


@pytest.mark.parametrize(
    ("contact", "code"),
    [
        ("400-123-4567", "scam.phone"),
        ("+44 7700 900123", "scam.phone"),
        ("QQ:123456789", "scam.account"),
        ("telegram:fake_support", "scam.account"),  # listed with its '@', asked without: the same account
        ("Telegram:@Fake_Support", "scam.account"),
    ],
)
def test_a_listed_scam_channel_is_danger(engine, contact, code):
    result = engine.check_contact(contact)
    assert (result["level"], result["reasons"][0]["code"], result["brand"]) == ("danger", code, None)
    assert result["advice_zh"] and "96110" in result["advice_zh"][0]


def test_an_unknown_contact_is_none_with_advice_to_check_the_brands_site(engine):
    result = engine.check_contact("13800138000")
    assert (result["level"], result["reasons"][0]["code"]) == ("none", "none.unknown_contact")
    assert result["contact"] == {"kind": "phone", "value": "13800138000"}


@pytest.mark.parametrize(
    ("contact", "message"),
    [
        ("", "non-empty"),
        (None, "non-empty"),
        (12345, "non-empty"),
        ("telegram:", "no account"),
        ("myspace:tom", "unknown platform"),
        ("hello there", "not a phone number"),
        ("1" * 300, "at most 256 characters"),
    ],
)
def test_what_is_not_a_contact_is_a_bad_contact_error(engine, contact, message):
    with pytest.raises(InputError, match=message) as e:
        engine.check_contact(contact)
    assert e.value.code == "bad_contact"
