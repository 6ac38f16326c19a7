// The popup: this page's verdict and reasons, the official channels involved, chat findings,
// the host's state and the list's version and age. Opened from the toolbar it shows the active
// tab; popup.html?tab=ID shows that tab (used by tests and by the badge's install hint).
import { api, el, i18n, localizePage, send } from "./page.js";

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

/** Official channels named by a result: its official_site and the `official` of its reasons. */
export function officialChannels(results) {
  const seen = new Set();
  const channels = [];
  const add = (kind, value) => {
    const v = value.trim();
    if (v && !seen.has(v)) {
      seen.add(v);
      channels.push({ kind, value: v });
    }
  };
  for (const result of results) {
    if (!result) {
      continue;
    }
    if (typeof result.official_site === "string") {
      add("site", result.official_site);
    }
    for (const reason of result.reasons || []) {
      for (const part of (reason.official || "").split(/\s*\/\s*|、/)) {
        if (/^\+?[\d][\d\s()-]{2,}$/.test(part.trim())) {
          add("phone", part);
        } else if (/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(part.trim())) {
          add("site", part);
        } else if (part.trim()) {
          add("other", part);
        }
      }
    }
  }
  return channels;
}

function renderVerdict(state, lang, t) {
  const verdict = $("verdict");
  const tabUrl = state.tab ? state.tab.url : "";
  if (!/^https?:/i.test(tabUrl)) {
    $("verdict-headline").textContent = t("popup_not_web");
    return;
  }
  const result = state.page;
  $("verdict-host").textContent = result && result.host ? result.host : new URL(tabUrl).hostname;
  if (!result) {
    verdict.dataset.level = "unknown";
    $("verdict-headline").textContent = t("popup_verdict_unknown");
    return;
  }
  verdict.dataset.level = result.level;
  $("verdict-headline").textContent = t("popup_verdict_" + result.level);
  $("verdict-summary").textContent = i18n.reasonText(result.reasons[0], lang);
  $("trusted-note").hidden = !state.trusted_by_user;

  const reasons = $("reasons");
  for (const reason of result.reasons) {
    const li = el("li", "reason", i18n.reasonText(reason, lang));
    li.dataset.code = reason.code;
    if (reason.matched) {
      li.append(el("div", "matched", t("content_matched", reason.matched)));
    }
    reasons.append(li);
  }
  const advice = $("advice");
  for (const a of i18n.adviceList(result, lang)) {
    advice.append(el("li", "", a));
  }
  $("reasons-section").hidden = false;
}

function renderOfficial(state, t) {
  const channels = officialChannels([state.page, state.chat && state.chat.worst]);
  const list = $("official");
  for (const channel of channels) {
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
  $("official-section").hidden = channels.length === 0;
}

function renderChat(state, lang, t) {
  const chat = state.chat;
  if (!chat || !chat.checked) {
    return;
  }
  $("chat-summary").textContent = t("popup_chat_summary", chat.checked, chat.flagged);
  if (chat.worst) {
    $("chat-worst").textContent = t("popup_chat_worst", i18n.reasonText(chat.worst.reasons[0], lang));
  }
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
  $("host-state").textContent = t(key, state.status ? state.status.host_version : "");
  const detail = !state.status && state.host.detail ? state.host.detail : "";
  $("host-detail").textContent = detail ? t("popup_host_detail", detail) : "";
  $("host-detail").hidden = !detail;
  const broken = ["missing", "forbidden", "failed"].includes(hostState);
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
  $("report").addEventListener("click", () => {
    const url = state.tab && /^https?:/i.test(state.tab.url) ? "?url=" + encodeURIComponent(state.tab.url) : "";
    api.tabs.create({ url: api.runtime.getURL("ui/report.html" + url) });
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
    renderOfficial(state, t);
    renderChat(state, lang, t);
    renderHost(state, t);
    renderList(state, lang);
    if (state.managed_info.support_contact) {
      $("support").textContent = t("popup_support", state.managed_info.support_contact);
      $("support").hidden = false;
    }
    wireButtons(state, t);
  }
  $("popup").dataset.ready = "true";
}

main();
