// Install steps, with host manifests filled in for this very extension (its id or add-on id).
import { api, localizePage } from "./page.js";

const HOST = "org.kefuguard.host";

async function main() {
  const { t } = await localizePage();
  const origin = api.runtime.getURL("");
  const chromium = {
    name: HOST,
    description: "kefu-guard native host",
    path: "/ABSOLUTE/PATH/TO/kefuguard-host",
    type: "stdio",
    allowed_origins: [origin.startsWith("chrome-extension://") ? origin : "chrome-extension://hkddamnmmkmiballgkedofoimpkjkbgm/"],
  };
  const firefox = { ...chromium, allowed_origins: undefined, allowed_extensions: ["kefuguard@kefu-guard.org"] };
  document.getElementById("manifest-chromium").textContent = JSON.stringify(chromium, null, 2);
  document.getElementById("manifest-firefox").textContent = JSON.stringify(firefox, null, 2);
  document.getElementById("this-id").textContent = t("install_this_id", api.runtime.id);
  document.getElementById("install").dataset.ready = "true";
}

main();
