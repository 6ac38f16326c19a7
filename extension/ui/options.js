// Options: features, minimum level, trusted domains, language. Values the organisation sets
// (storage.managed) win and are shown locked; host-side list settings are shown read-only.
import { api, el, localizePage, readSettings, send, settingsLib } from "./page.js";

const $ = (id) => document.getElementById(id);

async function storedUserSettings() {
  const stored = await api.storage.local.get(settingsLib.STORAGE_KEY);
  return settingsLib.sanitize(stored[settingsLib.STORAGE_KEY]);
}

async function save(change) {
  const user = await storedUserSettings();
  change(user);
  await api.storage.local.set({ [settingsLib.STORAGE_KEY]: user });
  const saved = $("saved");
  saved.hidden = false;
  clearTimeout(save.timer);
  save.timer = setTimeout(() => (saved.hidden = true), 1500);
}

function markLocked(control, t) {
  control.disabled = true;
  const badge = el("span", "lock", t("options_locked"));
  (control.closest("label") || control.parentElement).append(badge);
}

function renderTrusted(merged, t) {
  const list = $("trusted");
  list.replaceChildren();
  const managed = merged.managed_trusted_domains;
  for (const domain of merged.effective.trusted_domains) {
    const li = el("li", "", null);
    li.append(el("code", "", domain));
    if (managed.includes(domain)) {
      li.append(el("span", "lock", t("options_locked")));
    } else {
      const remove = el("button", "", t("options_trusted_remove"));
      remove.type = "button";
      remove.addEventListener("click", async () => {
        await save((user) => {
          user.trusted_domains = (user.trusted_domains || []).filter((d) => d !== domain);
        });
        renderTrusted(await readSettings(), t);
      });
      li.append(remove);
    }
    list.append(li);
  }
  if (!list.firstChild) {
    list.append(el("li", "note", t("options_trusted_empty")));
  }
}

function renderHostSide(merged, status) {
  const info = merged.managed_info;
  const values = $("host-policy-values");
  for (const url of info.host_update_urls) {
    values.append(el("li", "", url));
  }
  for (const list of info.host_supplementary_lists) {
    values.append(el("li", "", list.name ? `${list.name}: ${list.url}` : list.url));
  }
  $("host-policy").hidden = values.childElementCount === 0;
  if (status) {
    const urls = (status.config && status.config.update_urls) || [];
    $("host-update-urls").textContent = urls.length ? urls.join("\n") : "—";
    $("host-program").hidden = false;
  }
}

async function main() {
  const merged = await readSettings();
  const { t } = await localizePage();
  const locked = new Set(merged.locked);

  for (const feature of settingsLib.FEATURES) {
    const box = $("feature-" + feature);
    box.checked = merged.effective.features[feature];
    if (locked.has("features." + feature)) {
      markLocked(box, t);
    }
    box.addEventListener("change", () =>
      save((user) => {
        user.features = { ...(user.features || {}), [feature]: box.checked };
      }),
    );
  }
  for (const key of ["min_level", "language"]) {
    const select = $(key);
    select.value = merged.effective[key];
    if (locked.has(key)) {
      markLocked(select, t);
    }
    select.addEventListener("change", async () => {
      await save((user) => {
        user[key] = select.value;
      });
      if (key === "language") {
        location.reload();
      }
    });
  }

  renderTrusted(merged, t);
  const addDomain = async () => {
    const input = $("trusted-new");
    const domain = settingsLib.normalizeDomain(input.value);
    const error = $("trusted-error");
    if (!domain) {
      error.textContent = t("options_trusted_invalid", input.value);
      error.hidden = false;
      return;
    }
    error.hidden = true;
    await save((user) => {
      const list = user.trusted_domains || [];
      if (!list.includes(domain)) {
        list.push(domain);
      }
      user.trusted_domains = list;
    });
    input.value = "";
    renderTrusted(await readSettings(), t);
  };
  $("trusted-add").addEventListener("click", addDomain);
  $("trusted-new").addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      addDomain();
    }
  });

  let status = null;
  try {
    const reply = await send("host_status");
    status = reply.ok ? reply.status : null;
  } catch (e) {
    status = null;
  }
  renderHostSide(merged, status);
  $("options").dataset.ready = "true";
}

main();
