"""Firefox: "Save evidence" on the danger banner saves one evidence file (docs/evidence.md) through
the downloads API, with the screenshot, and the report page shows its name and fingerprint."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.browser.evidence_file import check_evidence, verify_with_the_cli
from tests.browser.firefox.conftest import EXTENSION_ORIGIN
from tests.browser.harness import wait_for

DANGER_BANNER = "kefuguard-banner[data-kefuguard-level='danger']"


def downloads(firefox) -> list[dict]:
    return list(firefox.api("async () => await browser.downloads.search({})"))


def test_the_banners_save_evidence_saves_one_file_and_opens_the_report_page(firefox, open_tab):
    tab = open_tab("taobao-kefu.com", "/shop.html?evidence")
    tab.wait_for_function(f"() => !!document.querySelector({DANGER_BANNER!r})")
    before = {d["id"] for d in downloads(firefox)}
    [banner] = tab.widgets("kefuguard-banner")
    tab.click(banner.buttons["Save evidence"])

    def saved() -> list[dict]:
        return [d for d in downloads(firefox) if d["id"] not in before and d["state"] == "complete"]

    assert wait_for(saved, timeout=20), downloads(firefox)
    [item] = saved()
    path = Path(item["filename"])
    assert path.name.startswith("kefuguard-evidence-taobao-kefu.com-") and path.suffix == ".html"

    # the report page opened beside the tab; once saved it carries the file's name and fingerprint
    def report_url() -> str | None:
        urls = firefox.api("async () => (await browser.tabs.query({})).map((t) => t.url)")
        report = f"{EXTENSION_ORIGIN}ui/report.html"
        return next((u for u in urls if u.startswith(report) and "fingerprint=" in u), None)

    url = wait_for(report_url, timeout=10)
    assert url, firefox.api("async () => (await browser.tabs.query({})).map((t) => t.url)")
    query = parse_qs(urlsplit(url).query)
    assert query["file"] == [path.name]

    ev = check_evidence(path, query["fingerprint"][0])
    assert ev.json["page"]["url"] == tab.url
    assert ev.json["verdicts"][0]["level"] == "danger"
    assert "screenshot" in dict(ev.parts)
    assert ev.manifest["made_by"].startswith("kefu-guard extension ")
    [banner] = tab.widgets("kefuguard-banner")  # back, after stepping aside for the screenshot
    assert banner.level == "danger"
    verify_with_the_cli(path)
    firefox.api("async (url) => { const [t] = await browser.tabs.query({url}); await browser.tabs.remove(t.id); }", url)
