// The popup: this page's verdict (or its chat's, when that is worse) with the reasons of both, each
// once, the official channels involved by brand, chat findings, the host's state and the list's
// version and age. Opened from the toolbar it shows the active tab; popup.html?tab=ID shows that
// tab (used by tests and by the badge's install hint).
import { api, el, i18n, localizePage, send, vocabulary } from "./page.js";

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);

function localeTag(lang) {
  return lang === "zh_CN" ? "zh-CN" : "en";
}

function relativeAge(iso, lang) {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) {
    return "";
  }
  const seconds = (then - Date.now()) / 1000;
  const fmt = new Intl.RelativeTimeFormat(localeTag(lang), { numeric: "auto" });
  const units = [["day", 86400], ["hour", 3600], ["minute", 60]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      return fmt.format(Math.round(seconds / size), unit);
    }
  }
  return fmt.format(0, "minute");
}

function dateText(iso, lang) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString(localeTag(lang), { dateStyle: "medium", timeStyle: "short" });
}

const PHONE = /^\+?\d[\d\s()-]{2,}$/;
const DOMAIN = /^[a-z0-9.-]+\.[a-z]{2,}$/i;

const isStrings = (v) => Array.isArray(v) && v.every((x) => typeof x === "string");

/** A result's `brand_card` when well formed: {id, name, name_zh, domains, phones}; else null. */
function cardOf(result) {
  const c = result.brand_card;
  const ok = c && typeof c === "object" && typeof c.id === "string" && typeof c.name === "string";
  return ok && typeof c.name_zh === "string" && isStrings(c.domains) && isStrings(c.phones) ? c : null;
}

/**
 * The official channels the results name, by brand: [{brand, card, channels: [{kind, value}]}],
 * each channel once. A result's brand card (the list's names, official domains and numbers), its
 * official_site and its reasons' `official` ("0571-88158198 / 9510211 / taobao.com") belong to its
 * `brand`; a reason that names a channel already listed under another brand (an impersonated
 * sender's) joins that brand.
 */
export function officialChannels(results) {
  const groups = [];
  const owner = new Map(); // channel (lower case) -> its group
  const groupOf = (brand) => {
    let group = groups.find((g) => g.brand === brand);
    if (!group) {
      group = { brand, card: null, channels: [] };
      groups.push(group);
    }
    return group;
  };
  for (const result of results) {
    if (!result) {
      continue;
    }
    const brand = typeof result.brand === "string" && result.brand ? result.brand : null;
    const card = cardOf(result);
    const lists = [];
    if (card && card.id === brand) {
      groupOf(brand).card = card;
      lists.push(card.domains.slice(0, 1), card.phones); // its site, then its numbers
    }
    if (typeof result.official_site === "string") {
      lists.push([result.official_site]);
    }
    for (const reason of result.reasons || []) {
      if (typeof reason.official === "string") {
        lists.push(reason.official.split(/\s*\/\s*|、/));
      }
    }
    for (const list of lists) {
      const parts = list.map((p) => p.trim()).filter(Boolean);
      const known = parts.map((p) => owner.get(p.toLowerCase())).find(Boolean);
      const group = known || groupOf(brand);
      for (const part of parts) {
        if (owner.has(part.toLowerCase())) {
          continue;
        }
        owner.set(part.toLowerCase(), group);
        const kind = PHONE.test(part) ? "phone" : DOMAIN.test(part) ? "site" : "other";
        group.channels.push({ kind, value: part });
      }
    }
  }
  return groups.filter((g) => g.channels.length);
}

/**
 * What the headline says: the page's verdict, or the chat's when its worst message is worse than
 * the page (a page the user trusts counts as no warning, as on the badge). {level, source, result}
 */
export function headlineVerdict(state) {
  const page = state.page;
  const worst = state.chat && state.chat.worst;
  const rank = vocabulary.warningRank;
  const pageRank = page && !state.trusted_by_user ? rank(page.level) : 0;
  if (worst && rank(worst.level) > pageRank) {
    return { level: worst.level, source: "chat", result: worst };
  }
  return page ? { level: page.level, source: "page", result: page } : null;
}

/** `items` ({text, ...}) in order, each text once: the page and a chat message often give the same reason. */
function uniqueTexts(items) {
  const seen = new Set();
  return items.filter(({ text }) => {
    const key = text.trim();
    if (!key || seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

function renderVerdict(state, lang, t) {
  const verdict = $("verdict");
  const tabUrl = state.tab ? state.tab.url : "";
  if (!/^https?:/i.test(tabUrl)) {
    $("verdict-headline").textContent = t("popup_not_web");
    return;
  }
  const page = state.page;
  $("verdict-host").textContent = page && page.host ? page.host : new URL(tabUrl).hostname;
  const shown = headlineVerdict(state);
  if (!shown) {
    verdict.dataset.level = "unknown";
    $("verdict-headline").textContent = t("popup_verdict_unknown");
    return;
  }
  verdict.dataset.level = shown.level;
  verdict.dataset.source = shown.source;
  $("verdict-headline").textContent = t(shown.source === "chat" ? "popup_verdict_chat_" + shown.level : "popup_verdict_" + shown.level);
  $("trusted-note").hidden = !state.trusted_by_user;

  // the reasons of what the headline is about first, then the other's; each reason once
  const worst = state.chat && state.chat.worst;
  const sources = shown.source === "chat" ? [["chat", worst], ["page", page]] : [["page", page], ["chat", worst]];
  const reasonItems = [];
  const adviceItems = [];
  for (const [source, result] of sources) {
    if (!result) {
      continue;
    }
    for (const reason of result.reasons) {
      reasonItems.push({ source, reason, text: i18n.reasonText(reason, lang) });
    }
    for (const a of i18n.adviceList(result, lang)) {
      adviceItems.push({ source, text: a });
    }
  }
  const reasons = $("reasons");
  for (const { source, reason, text } of uniqueTexts(reasonItems)) {
    const li = el("li", "reason", text);
    li.dataset.code = reason.code;
    li.dataset.source = source;
    if (reason.matched) {
      li.append(el("div", "matched", t("content_matched", reason.matched)));
    }
    reasons.append(li);
  }
  const advice = $("advice");
  for (const { source, text } of uniqueTexts(adviceItems)) {
    const li = el("li", "", text);
    li.dataset.source = source;
    advice.append(li);
  }
  $("reasons-section").hidden = false;
}

function renderOfficial(state, lang, t) {
  const chat = state.chat || {};
  const groups = officialChannels([state.page, chat.worst, ...(chat.channels || [])]);
  const box = $("official");
  for (const group of groups) {
    const block = el("div", "brand-channels");
    if (group.brand) {
      block.dataset.brand = group.brand;
      const name = group.card ? (lang === "zh_CN" ? group.card.name_zh : group.card.name) : group.brand.replace(/_/g, " ");
      block.append(el("h3", "brand-name", t("popup_official_brand", name)));
    }
    const list = el("ul", "channels");
    for (const channel of group.channels) {
      const li = el("li", "channel");
      li.dataset.kind = channel.kind;
      li.append(el("span", "kind", t("popup_official_" + channel.kind)));
      if (channel.kind === "site") {
        const a = el("a", "", channel.value);
        a.href = "https://" + channel.value + "/";
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        li.append(a);
      } else {
        li.append(el("span", "value", channel.value));
      }
      list.append(li);
    }
    block.append(list);
    box.append(block);
  }
  $("official-section").hidden = groups.length === 0;
}

function renderChat(state, t) {
  const chat = state.chat;
  if (!chat || !chat.checked) {
    return;
  }
  $("chat-summary").textContent = t("popup_chat_summary", chat.checked, chat.flagged);
  $("chat-section").hidden = false;
}

function renderHost(state, t) {
  const section = $("host-section");
  const hostState = state.status ? "connected" : state.host.state;
  section.dataset.state = hostState;
  const key = {
    connected: "popup_host_connected",
    missing: "popup_host_missing",
    forbidden: "popup_host_forbidden",
    failed: "popup_host_failed",
    exited: "popup_host_exited",
  }[hostState] || "popup_host_connecting";
  // the browser's policy, not the install, keeps the program out: the organisation must allow it
  const byPolicy = hostState === "forbidden" && /system administrator/i.test(state.host.detail || "");
  $("host-state").textContent = t(byPolicy ? "popup_host_blocked" : key, state.status ? state.status.host_version : "");
  const detail = !state.status && state.host.detail ? state.host.detail : "";
  $("host-detail").textContent = detail ? t("popup_host_detail", detail) : "";
  $("host-detail").hidden = !detail;
  const broken = ["missing", "forbidden", "failed"].includes(hostState) && !byPolicy;
  $("host-missing").hidden = !broken;
  $("retry").hidden = hostState === "connected";
}

function renderList(state, lang) {
  const status = state.status;
  if (!status) {
    $("list-unavailable").hidden = false;
    $("update").hidden = true; // only the running program can update its list
    return;
  }
  $("list-publisher").textContent = status.publisher || "";
  $("list-version").textContent = String(status.version ?? "");
  $("list-issued").textContent = status.issued ? `${dateText(status.issued, lang)} (${relativeAge(status.issued, lang)})` : "";
  $("list-expires").textContent = status.expires ? dateText(status.expires, lang) : "";
  $("list").hidden = false;
  $("list-stale").hidden = !status.stale;
}

function wireButtons(state, t) {
  const webTab = state.tab && /^https?:/i.test(state.tab.url) ? state.tab : null;
  $("report").addEventListener("click", () => {
    const query = webTab ? "?tab=" + webTab.id : "";
    api.tabs.create({ url: api.runtime.getURL("ui/report.html" + query) });
  });
  // one evidence file of this tab: the background takes the screenshot and collects the page's
  // data, then opens the report page, which saves the file (the popup closes as that tab opens)
  const save = $("save-evidence");
  save.hidden = !webTab;
  save.addEventListener("click", async () => {
    save.disabled = true;
    save.textContent = t("popup_saving");
    let reply;
    try {
      reply = await send("save_tab_evidence", { tab_id: webTab.id });
    } catch (e) {
      reply = { ok: false, error: { message: String(e && e.message ? e.message : e) } };
    }
    save.disabled = false;
    save.textContent = t("popup_save_evidence");
    if (!reply.ok) {
      $("popup-error").textContent = t("popup_save_failed", reply.error.message);
      $("popup-error").hidden = false;
    }
  });
  $("options").addEventListener("click", () => api.runtime.openOptionsPage());
  $("retry").addEventListener("click", async () => {
    await send("retry_host");
    location.reload();
  });
  $("update").addEventListener("click", async () => {
    const out = $("update-result");
    out.hidden = false;
    out.textContent = "…";
    const reply = await send("update_list");
    if (!reply.ok) {
      out.textContent = t("popup_update_failed", reply.error.message);
    } else if (reply.result.status === "updated") {
      out.textContent = t("popup_update_updated", reply.result.version ?? "");
    } else if (reply.result.status === "current") {
      out.textContent = t("popup_update_current");
    } else {
      out.textContent = t("popup_update_failed", reply.result.message || reply.result.status);
    }
  });
}

async function main() {
  const tab = params.get("tab");
  const state = await send("popup_state", tab !== null && /^\d+$/.test(tab) ? { tab_id: Number(tab) } : {});
  const { lang, t } = await localizePage(state.ok ? state.lang : undefined);
  if (!state.ok) {
    $("popup-error").textContent = t("popup_error", state.error.message);
    $("popup-error").hidden = false;
  } else {
    renderVerdict(state, lang, t);
    renderOfficial(state, lang, t);
    renderChat(state, t);
    renderHost(state, t);
    renderList(state, lang);
    $("managed").hidden = !state.managed_info.managed;
    if (state.managed_info.support_contact) {
      $("support").textContent = t("popup_support", state.managed_info.support_contact);
      $("support").hidden = false;
    }
    wireButtons(state, t);
  }
  $("popup").dataset.ready = "true";
}

main();
