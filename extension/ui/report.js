// "Report / save evidence": a stub that says so and gives the steps to follow by hand.
import { localizePage } from "./page.js";

async function main() {
  const { t } = await localizePage();
  const url = new URLSearchParams(location.search).get("url");
  if (url && /^https?:\/\//i.test(url)) {
    document.getElementById("report-page").textContent = t("report_page", url);
  }
  document.getElementById("report").dataset.ready = "true";
}

main();
