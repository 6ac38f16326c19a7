"""The card-services, fraud and customer lines the embedded list holds for big banks, card issuers and
couriers: a genuine alert that names the brand and gives one of its listed numbers is not warned
about, the same alert with a number the brand does not list is a caution for that number, and the
contact check names the brand for every number of the list."""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes, embedded_index

# (brand id, the number as the brand's own alerts and pages write it)
EN_LINES = [
    ("chase", "1-800-432-3117"),
    ("bank_of_america", "800.732.9194"),
    ("bank_of_america", "877.366.1121"),
    ("bank_of_america", "800.688.6086"),
    ("wells_fargo", "1-800-642-4720"),
    ("wells_fargo", "1-866-867-5568"),
    ("wells_fargo", "1-800-225-5935"),
    ("capital_one", "1-800-227-4825"),
    ("capital_one", "1-800-427-9428"),
    ("capital_one", "1-804-934-2001"),
    ("capital_one", "1-866-750-0873"),
    ("citi", "1-800-950-5114"),
    ("us_bank", "800-872-2657"),
    ("us_bank", "800-285-8585"),
    ("pnc", "1-888-762-2265"),
    ("truist", "1-844-487-8478"),
    ("usaa", "800-945-6759"),
    ("usaa", "800-951-4539"),
    ("usaa", "877-762-7256"),
    ("navy_federal", "1-888-842-6328"),
    ("rbc", "1-800-769-2512"),
    ("rbc", "1 800 769-2555"),
    ("td_bank", "1-800-983-8472"),
    ("scotiabank", "1-866-625-0561"),
    ("cibc", "1-888-872-2422"),
    ("desjardins", "1-800-224-7737"),
    ("desjardins", "1-888-233-2473"),
    ("citizens_bank", "1-800-922-9999"),
    ("citizens_bank", "1-800-974-2260"),
    ("lloyds", "0800 096 9779"),
    ("lloyds", "0345 300 0000"),
    ("lloyds", "+44 1702 278 270"),
    ("natwest", "03457 888 444"),
    ("natwest", "0370 333 9091"),
    ("santander_uk", "0800 9 123 123"),
    ("santander_uk", "+44 1512 648 725"),
    ("nationwide_uk", "0800 055 66 22"),
    ("nationwide_uk", "+44 1793 65 67 89"),
    ("barclays", "0800 400 100"),
    ("barclays", "0800 3891 652"),
    ("barclays", "0800 151 0900"),
    ("barclays", "0800 161 5308"),
    ("barclays", "0345 734 5345"),
    ("halifax", "0800 0 15 15 15"),
    ("halifax", "0800 500 3914"),
    ("starling_bank", "020 7930 4450"),
    ("hsbc", "03457 404 404"),
    ("monzo", "0800 802 1281"),
    ("monzo", "0800 8021456"),
    ("hsbc", "0800 085 2401"),
    ("hsbc", "+44 1442 422929"),
    ("hsbc", "03457 707 070"),
    ("hsbc", "03455 873523"),
    ("tesco_bank", "0345 366 1281"),
    ("tesco_bank", "0345 300 4248"),
    ("tsb_uk", "0345 835 7922"),
    ("tsb_uk", "0800 096 8669"),
    ("rbs", "03457 24 24 24"),
    ("rbs", "0370 907 0010"),
    ("rbs", "0800 161 5154"),
    ("commbank", "+61 2 9999 3283"),
    ("nab", "+61 3 8641 9121"),
]
ZH_LINES = [
    ("cmb", "400-820-5555"),
    ("abc", "400-669-5599"),
    ("citic", "400-889-5558"),
    ("bocom", "400-800-9888"),
    ("psbc", "400-889-5580"),
    ("icbc", "400-66-95588"),
    ("cebbank", "400-788-8888"),
    ("spdb", "400-820-8788"),
    ("sto", "400-889-5543"),
    ("fcbox", "4000633333"),
]
# Australian short and 1300/1800 numbers, as the banks print them
AU_LINES = [
    ("commbank", "13 2221"),
    ("westpac", "132 032"),
    ("westpac", "1300 651 089"),
    ("anz", "1800 033 844"),
    ("nab", "13 22 65"),
    ("nab", "1800 033 103"),
    ("australia_post", "13 76 78"),
    ("st_george", "13 33 30"),
]
EN_ALERT = "{name} Alert: A payment of $120.00 to your account was received. For help call {number}."
ZH_ALERT = "【{name}】您尾号4417的信用卡有一笔消费待确认，如非本人操作请致电{number}。"
NOT_THEIRS = {"en_us": "1-844-612-3490", "en_uk": "0800 612 3490", "zh": "400-612-3490"}


def _alert(brand_id: str, number: str, zh: bool) -> str:
    brand = embedded_index().brands[brand_id]
    name = brand.name_zh if zh else brand.name_en.split(" (")[0]  # 'Halifax', not 'Halifax (Lloyds Banking Group)'
    return (ZH_ALERT if zh else EN_ALERT).format(name=name, number=number)


def _not_theirs(number: str, zh: bool) -> str:
    if zh:
        return NOT_THEIRS["zh"]
    return NOT_THEIRS["en_us"] if number.lstrip("+").startswith("1") or number[3] == "." else NOT_THEIRS["en_uk"]


@pytest.mark.parametrize(("brand_id", "number", "zh"), [(b, n, False) for b, n in EN_LINES] + [(b, n, True) for b, n in ZH_LINES])
def test_a_genuine_alert_giving_a_listed_line_of_its_brand_is_not_warned(brand_id, number, zh):
    result = check(_alert(brand_id, number, zh))
    assert result.level == "none", [r.code for r in result.reasons]
    assert "official.phone" in codes(result)


@pytest.mark.parametrize(("brand_id", "number", "zh"), [(b, n, False) for b, n in EN_LINES] + [(b, n, True) for b, n in ZH_LINES])
def test_the_same_alert_with_a_number_the_brand_does_not_list_is_a_caution(brand_id, number, zh):
    result = check(_alert(brand_id, _not_theirs(number, zh), zh))
    assert result.level == "caution", [r.code for r in result.reasons]
    assert result.brand == brand_id
    brand = embedded_index().brands[brand_id]
    [phone] = [r for r in result.reasons if r.code == "notice.unofficial_phone"]
    assert brand.name_en in phone.message and brand.name_zh in phone.message_zh


@pytest.mark.parametrize(("brand_id", "number"), EN_LINES + ZH_LINES + AU_LINES)
def test_the_contact_check_names_the_brand_of_a_listed_line(engine, brand_id, number):
    result = engine.check_contact(number)
    assert (result["level"], result["brand"]) == ("verified", brand_id)


def test_every_number_of_the_embedded_list_is_its_own_brands_to_the_contact_check(engine):
    phones = [(b.id, p) for b in embedded_index().brands.values() for p in b.phones]
    assert len(phones) >= 250
    wrong = []
    for brand_id, phone in phones:
        result = engine.check_contact(phone)
        if (result["level"], result["brand"]) != ("verified", brand_id):
            wrong.append((brand_id, phone, result["level"], result["brand"]))
    assert not wrong


@pytest.mark.parametrize(("brand_id", "number"), AU_LINES)
def test_an_australian_alert_giving_its_brands_service_line_is_not_warned(brand_id, number):
    result = check(_alert(brand_id, number, False))
    assert result.level == "none", [r.code for r in result.reasons]
    assert "official.phone" in codes(result)


@pytest.mark.parametrize(("brand_id", "number"), AU_LINES)
def test_the_same_australian_alert_with_another_service_line_is_a_caution(brand_id, number):
    other = "1300 612 349" if not number.startswith("1300") else "1800 612 349"
    result = check(_alert(brand_id, other, False))
    assert result.level == "caution", [r.code for r in result.reasons]
    [phone] = [r for r in result.reasons if r.code == "notice.unofficial_phone"]
    assert phone.matched == other
