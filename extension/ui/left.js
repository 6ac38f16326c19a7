// Where "Leave this page" goes: an extension page, so nothing of the warned page runs here.
import { el, localizePage, settingsLib } from "./page.js";

async function main() {
  const { t } = await localizePage();
  const official = settingsLib.normalizeDomain(new URLSearchParams(location.search).get("official") || "");
  if (official) {
    const p = document.getElementById("official");
    const [before, after] = t("left_official", "\u0000").split("\u0000");
    const a = el("a", "", official);
    a.href = "https://" + official + "/";
    a.rel = "noopener noreferrer";
    p.append(document.createTextNode(before || ""), a, document.createTextNode(after || ""));
  }
  document.getElementById("left").dataset.ready = "true";
}

main();
