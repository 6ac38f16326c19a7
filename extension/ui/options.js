// Options: features, minimum level, trusted domains, language, region (where to report a scam:
// the user's own, not an organisation setting). Values the organisation sets
// (storage.managed) win and are shown locked; host-side list settings are shown read-only.
// No change is lost: the controls are disabled until they show the stored values and listen
// (a click before that would be overwritten by the values read), they do not wait for a slow
// first storage.managed read after a browser start (the locks follow when it answers), and saves
// run one after another (each reads, changes and writes the stored settings).
import { api, el, i18n, localizePage, readSettings, send, settingsLib } from "./page.js";

const $ = (id) => document.getElementById(id);

async function storedUserSettings() {
  const stored = await api.storage.local.get(settingsLib.STORAGE_KEY);
  return settingsLib.sanitize(stored[settingsLib.STORAGE_KEY]);
}

let saving = Promise.resolve();

/** Apply `change` to the stored user settings, after every save before it. */
function save(change) {
  saving = saving
    .then(async () => {
      const user = await storedUserSettings();
      change(user);
      await api.storage.local.set({ [settingsLib.STORAGE_KEY]: user });
      const saved = $("saved");
      saved.hidden = false;
      clearTimeout(save.timer);
      save.timer = setTimeout(() => (saved.hidden = true), 1500);
    })
    .catch((e) => console.error("kefu-guard: settings not saved", e));
  return saving;
}

/** Show `control` locked by the organisation (disabled, with a badge) or not. */
function setLocked(control, locked, t) {
  const holder = control.closest("label") || control.parentElement;
  const badge = holder.querySelector(":scope > .lock");
  control.disabled = locked;
  if (locked && !badge) {
    holder.append(el("span", "lock", t("options_locked")));
  } else if (!locked && badge) {
    badge.remove();
  }
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

function renderHostPolicy(merged) {
  const info = merged.managed_info;
  const values = $("host-policy-values");
  values.replaceChildren();
  for (const url of info.host_update_urls) {
    values.append(el("li", "", url));
  }
  for (const list of info.host_supplementary_lists) {
    values.append(el("li", "", list.name ? `${list.name}: ${list.url}` : list.url));
  }
  $("host-policy").hidden = values.childElementCount === 0;
}

function renderHostProgram(status) {
  if (status) {
    const urls = (status.config && status.config.update_urls) || [];
    $("host-update-urls").textContent = urls.length ? urls.join("\n") : "—";
    $("host-program").hidden = false;
  }
}

let hostIgnored = []; // what the host found in the browser's policy files (managed_policy)
let shown = null; // the settings applyManaged last showed

/** One ignored setting, in the page's language: what is wrong, what goes with it, in which file. */
function ignoredText(item, t) {
  const key = { type: "options_ignored_type", choice: "options_ignored_choice" }[item.kind] || "options_ignored_unknown";
  const parts = [t(key, item.setting, item.got || "", item.wanted || "")];
  if (item.dropped && item.dropped !== item.setting) {
    parts.push(t("options_ignored_dropped", item.dropped));
  }
  if (item.file) {
    parts.push(t("options_ignored_file", item.file));
  }
  return parts.join(" ");
}

/**
 * That the organisation manages the extension, and which of its values cannot be used: those that
 * reached storage.managed (Firefox passes them on) and those the host found in the policy files
 * (Chromium drops them before storage.managed).
 */
function renderManagedNotes(merged, t) {
  const info = merged.managed_info;
  $("managed-note").hidden = !info.managed;
  const seen = info.ignored.map((i) => ({ setting: i.path, kind: i.why, got: i.got, wanted: i.wanted }));
  const items = seen.concat(hostIgnored.filter((h) => !seen.some((s) => s.setting === h.setting)));
  const list = $("managed-ignored-list");
  list.replaceChildren();
  for (const item of items) {
    const li = el("li", "", ignoredText(item, t));
    li.dataset.setting = item.setting;
    list.append(li);
  }
  $("managed-ignored").hidden = items.length === 0;
}

/**
 * What the organisation sets: its values, shown locked, and its display-only host values. Runs
 * again when a slow storage.managed read answers; the user's own values stay as shown (saved).
 */
function applyManaged(merged, t) {
  shown = merged;
  const locked = new Set(merged.locked);
  for (const feature of settingsLib.FEATURES) {
    const box = $("feature-" + feature);
    const isLocked = locked.has("features." + feature);
    if (isLocked) {
      box.checked = merged.effective.features[feature];
    }
    setLocked(box, isLocked, t);
  }
  for (const key of ["min_level", "language"]) {
    const select = $(key);
    if (locked.has(key)) {
      select.value = merged.effective[key];
    }
    setLocked(select, locked.has(key), t);
  }
  renderTrusted(merged, t);
  renderHostPolicy(merged);
  renderManagedNotes(merged, t);
}

async function main() {
  let drawn = false;
  let late = null; // managed values that answered before the controls were drawn
  const merged = await readSettings((settings) => (drawn ? applyManaged(settings, t) : (late = settings)));
  const { t } = await localizePage(i18n.resolveLanguage(merged.effective.language, api.i18n.getUILanguage()));

  for (const feature of settingsLib.FEATURES) {
    const box = $("feature-" + feature);
    box.checked = merged.effective.features[feature];
    box.addEventListener("change", () =>
      save((user) => {
        user.features = { ...(user.features || {}), [feature]: box.checked };
      }),
    );
  }
  for (const key of ["min_level", "language", "region"]) {
    const select = $(key);
    select.value = merged.effective[key];
    select.addEventListener("change", async () => {
      await save((user) => {
        user[key] = select.value;
      });
      if (key === "language") {
        location.reload();
      }
    });
  }
  applyManaged(late || merged, t);
  drawn = true;

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
  // the controls show the stored values and listen: now they may be used
  for (const fieldset of document.querySelectorAll("fieldset.settings")) {
    fieldset.disabled = false;
  }

  let status = null;
  try {
    const reply = await send("host_status");
    status = reply.ok ? reply.status : null;
  } catch (e) {
    status = null;
  }
  renderHostProgram(status);
  if (status) {
    try {
      const reply = await send("managed_policy");
      hostIgnored = reply.ok && Array.isArray(reply.result.ignored) ? reply.result.ignored : [];
    } catch (e) {
      hostIgnored = []; // an older host without managed_policy: nothing more to show
    }
    renderManagedNotes(shown, t);
  }
  $("options").dataset.ready = "true";
}

main();
