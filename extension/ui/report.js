// "Report a scam, keep the evidence". Opened with ?evidence=ID right after a "Save evidence" click
// (a warning in the page, or the popup): it fetches what the background collected, builds the
// evidence file (common/evidence.js), saves it through the downloads API and shows its name and
// fingerprint. Opened with ?tab=ID (the popup's "Where to report"), it shows the rest only: what to
// do now, and where to report for the user's region (options; auto follows the browser's locale),
// with the imitated brand's real numbers from the results' brand_card.
import "../common/evidence.js";
import { api, el, i18n, localizePage, readSettings, send, settingsLib } from "./page.js";

const { evidence } = globalThis.KefuGuard;
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);

const tel = (number) => "tel:" + number.replace(/[^\d+]/g, "");

// Where to report, per region: [name key, note key, [{text, href?}]]
const AUTHORITIES = {
  CN: [
    ["96110", "report_cn_96110", "report_cn_96110_note", [{ text: "96110", href: tel("96110") }]],
    ["12321", "report_cn_12321", "report_cn_12321_note", [{ text: "12321.cn", href: "https://www.12321.cn/" }]],
    ["app", "report_cn_app", "report_cn_app_note", [{ text: "国家反诈中心" }]],
    ["110", "report_cn_110", "report_cn_110_note", [{ text: "110", href: tel("110") }]],
  ],
  US: [
    ["ftc", "report_us_ftc", "report_us_ftc_note", [{ text: "reportfraud.ftc.gov", href: "https://reportfraud.ftc.gov/" }]],
    ["7726", "report_us_7726", "report_us_7726_note", [{ text: "7726" }]],
    ["ic3", "report_us_ic3", "report_us_ic3_note", [{ text: "ic3.gov", href: "https://www.ic3.gov/" }]],
  ],
  GB: [
    [
      "actionfraud",
      "report_gb_actionfraud",
      "report_gb_actionfraud_note",
      [
        { text: "actionfraud.police.uk", href: "https://www.actionfraud.police.uk/" },
        { text: "0300 123 2040", href: tel("+443001232040") },
      ],
    ],
    ["phishing", "report_gb_phishing", "report_gb_phishing_note", [{ text: "report@phishing.gov.uk", href: "mailto:report@phishing.gov.uk" }]],
    ["7726", "report_gb_7726", "report_gb_7726_note", [{ text: "7726" }]],
    ["159", "report_gb_159", "report_gb_159_note", [{ text: "159", href: tel("159") }]],
  ],
  other: [
    ["police", "report_other_police", "report_other_police_note", []],
    ["brand", "report_other_brand", "report_other_brand_note", []],
    ["authority", "report_other_authority", "report_other_authority_note", []],
    ["platform", "report_other_platform", "report_other_platform_note", []],
  ],
};

const REGION_NAMES = {
  CN: "options_region_CN",
  US: "options_region_US",
  GB: "options_region_GB",
  other: "options_region_other",
};

const isStrings = (v) => Array.isArray(v) && v.every((x) => typeof x === "string");

/** The brand cards the results carry ({id, name, name_zh, domains, phones}), each brand once. */
export function brandCards(results) {
  const cards = new Map();
  for (const r of results) {
    const c = r && r.brand_card;
    const ok = c && typeof c === "object" && typeof c.id === "string" && typeof c.name === "string" && typeof c.name_zh === "string";
    if (ok && isStrings(c.domains) && isStrings(c.phones) && !cards.has(c.id)) {
      cards.set(c.id, c);
    }
  }
  return [...cards.values()];
}

function renderPage(url, t) {
  if (typeof url === "string" && /^https?:\/\//i.test(url)) {
    $("report-page").textContent = t("report_page", url);
    $("report-page").hidden = false;
  }
}

function renderRegion(region, auto, t) {
  $("report").dataset.region = region;
  $("region-line").textContent = t(auto ? "report_region_auto" : "report_region_set", t(REGION_NAMES[region]));
  $("region-change").addEventListener("click", (e) => {
    e.preventDefault();
    api.runtime.openOptionsPage();
  });
  const list = $("authorities");
  for (const [id, name, note, values] of AUTHORITIES[region]) {
    const li = el("li", "authority");
    li.dataset.channel = id;
    li.append(el("strong", "", t(name)));
    for (const value of values) {
      li.append(document.createTextNode(" "));
      if (value.href) {
        const a = el("a", "value", value.text);
        a.href = value.href;
        if (/^https:/.test(value.href)) {
          a.target = "_blank";
          a.rel = "noopener noreferrer";
        }
        li.append(a);
      } else {
        li.append(el("span", "value", value.text));
      }
    }
    li.append(el("div", "note", t(note)));
    list.append(li);
  }
}

function renderBrands(cards, lang, t) {
  if (!cards.length) {
    return;
  }
  const names = cards.map((c) => (lang === "zh_CN" ? c.name_zh || c.name : c.name || c.name_zh));
  $("brand-name").textContent = t("report_brand_heading", names.join(" / "));
  const list = $("brand-channels");
  for (const card of cards) {
    for (const phone of card.phones) {
      const li = el("li", "channel");
      li.dataset.kind = "phone";
      li.dataset.brand = card.id;
      li.append(el("span", "kind", t("popup_official_phone")));
      const a = el("a", "value", phone);
      a.href = tel(phone);
      li.append(a);
      list.append(li);
    }
    for (const domain of card.domains.slice(0, 1)) { // its site; the others are often its CDNs
      const li = el("li", "channel");
      li.dataset.kind = "site";
      li.dataset.brand = card.id;
      li.append(el("span", "kind", t("popup_official_site")));
      const a = el("a", "value", domain);
      a.href = "https://" + domain + "/";
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      li.append(a);
      list.append(li);
    }
  }
  $("brand").hidden = false;
}

/** Saves the built file through the downloads API; resolves with the finished download item. */
async function download(built) {
  const url = URL.createObjectURL(new Blob([built.html], { type: "text/html" }));
  let listener = null;
  try {
    let wake = () => {};
    // listening before the download starts: a change between a look and the listener is not missed
    listener = () => wake();
    api.downloads.onChanged.addListener(listener);
    const id = await api.downloads.download({ url, filename: built.filename, saveAs: false, conflictAction: "uniquify" });
    const deadline = Date.now() + 120000;
    while (Date.now() < deadline) {
      const changed = new Promise((resolve) => {
        wake = resolve;
        setTimeout(resolve, 1000); // and a look every second, whatever the events say
      });
      const [item] = await api.downloads.search({ id });
      if (!item) {
        throw new Error("the download is gone");
      }
      if (item.state === "complete") {
        return item;
      }
      if (item.state === "interrupted") {
        throw new Error(item.error || "interrupted");
      }
      await changed;
    }
    throw new Error("timed out");
  } finally {
    api.downloads.onChanged.removeListener(listener);
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }
}

const baseName = (path) => String(path || "").split(/[\\/]/).pop();

/**
 * Fetch what the background collected under `id`, build the file and save it: at once, without
 * waiting for the page's settings and strings. {data, built, item} or {data, built, error}, or
 * {missing: true}.
 */
async function buildAndSave(id) {
  const reply = await send("evidence_data", { id });
  if (!reply.ok) {
    return { missing: true };
  }
  const data = reply.data;
  const [en, zh] = await Promise.all([i18n.loadStrings(api.runtime, "en"), i18n.loadStrings(api.runtime, "zh_CN")]);
  const built = await evidence.build(data, { en, zh_CN: zh }, i18n.format);
  try {
    return { data, built, item: await download(built) };
  } catch (e) {
    return { data, built, error: String((e && e.message) || e) };
  }
}

// --- "Send to your security team" ------------------------------------------------------------
// Offered only when the host's status names the organisation's report endpoint (its managed
// config), and only while this page holds the file it just saved (a reload has only its name).
// Nothing is sent before the click on "Send now" in the preview; the host does the sending.

// what each part of the file holds, for the preview (docs/evidence.md)
const PART_KEYS = {
  page: "report_send_part_page",
  verdicts: "report_send_part_verdicts",
  chat: "report_send_part_chat",
  channels: "report_send_part_channels",
  screenshot: "report_send_part_screenshot",
  view: "report_send_part_view",
};

// an error code of the send -> what the page says
const SEND_ERRORS = {
  "report.not_configured": "report_send_error_not_configured",
  "report.too_large": "report_send_error_too_large",
  "report.http_status": "report_send_error_http_status",
  "report.unreachable": "report_send_error_unreachable",
  "report.timeout": "report_send_error_timeout",
  "report.tls": "report_send_error_tls",
  "report.not_evidence": "report_send_error_not_evidence",
  "report.not_intact": "report_send_error_not_evidence",
  timeout: "report_send_error_no_answer",
  host_exited: "report_send_error_no_answer",
  host_missing: "report_send_error_host",
  host_forbidden: "report_send_error_host",
  host_failed: "report_send_error_host",
};

const utf8Bytes = (text) => new TextEncoder().encode(text).length;

function sizeText(bytes, lang, t) {
  const n = new Intl.NumberFormat(lang === "zh_CN" ? "zh-CN" : "en");
  if (bytes < 1024) {
    return t("report_send_size_bytes", n.format(bytes));
  }
  return t("report_send_size_value", n.format(Math.round(bytes / 1024)), n.format(bytes));
}

/** The managed report endpoint the host's status names, or null. */
async function reportEndpoint() {
  try {
    const reply = await send("host_status");
    const config = reply.ok && reply.status && reply.status.config;
    const endpoint = config && config.report_endpoint;
    return typeof endpoint === "string" && endpoint ? endpoint : null;
  } catch (e) {
    return null;
  }
}

let sendOffered = false;

/** After a save: the send section when the organisation set an endpoint; nothing otherwise. */
async function offerSend(built, name, lang, t) {
  if (sendOffered) {
    return;
  }
  sendOffered = true;
  const endpoint = await reportEndpoint();
  if (!endpoint) {
    $("send").dataset.state = "unavailable"; // no endpoint, no button (the section stays hidden)
    return;
  }
  const section = $("send");
  const status = $("send-status");
  const detail = $("send-detail");
  section.dataset.state = "offered";
  section.dataset.endpoint = endpoint;
  section.hidden = false;
  $("send-endpoint").textContent = endpoint;
  $("send-file").textContent = name;
  const bytes = utf8Bytes(built.html);
  $("send-size").textContent = sizeText(bytes, lang, t);
  $("send-size").dataset.bytes = String(bytes);
  $("send-fingerprint").textContent = built.fingerprint;
  const parts = $("send-parts");
  parts.replaceChildren();
  for (const part of built.manifest.parts) {
    const li = el("li", "part");
    li.dataset.part = part.name;
    const what = Object.hasOwn(PART_KEYS, part.name) ? t(PART_KEYS[part.name]) : part.name;
    li.textContent = t("report_send_part", what, sizeText(part.bytes, lang, t));
    parts.append(li);
  }
  const say = (state, text, extra = "") => {
    section.dataset.state = state;
    status.textContent = text;
    status.hidden = !text;
    detail.textContent = extra;
    detail.hidden = !extra;
    $("send-kept").hidden = state !== "sent" && state !== "failed";
  };
  $("send-open").onclick = () => {
    $("send-open").hidden = true;
    $("send-preview").hidden = false;
    say("preview", "");
    $("send-now").focus();
  };
  $("send-cancel").onclick = () => {
    $("send-preview").hidden = true;
    $("send-open").hidden = false;
    say("offered", "");
  };
  $("send-now").onclick = async () => {
    $("send-preview").hidden = true;
    say("sending", t("report_send_sending", endpoint));
    let reply;
    try {
      reply = await send("send_evidence", { html: built.html });
    } catch (e) {
      reply = { ok: false, error: { code: "internal_error", message: String((e && e.message) || e) } };
    }
    const result = reply.ok ? reply.result : null;
    if (result && result.status === "sent") {
      const where = typeof result.endpoint === "string" && result.endpoint ? result.endpoint : endpoint;
      section.dataset.httpStatus = String(result.http_status);
      section.dataset.sentFingerprint = typeof result.fingerprint === "string" ? result.fingerprint : "";
      say("sent", t("report_send_sent", where, String(result.http_status)));
      return;
    }
    const error = (reply && reply.error) || { code: "bad_reply", message: "" };
    const code = typeof error.code === "string" ? error.code : "bad_reply";
    section.dataset.code = code;
    const key = Object.hasOwn(SEND_ERRORS, code) ? SEND_ERRORS[code] : "report_send_error_other";
    const message = typeof error.message === "string" ? error.message : "";
    say("failed", t(key, code), message ? t("report_send_error_detail", message) : "");
    // try again: the preview once more, nothing sent before the click
    $("send-open").textContent = t("report_send_again");
    $("send-open").hidden = false;
  };
}

function showSaved(name, fingerprint, t) {
  $("saved").hidden = false;
  $("saved").dataset.state = "saved";
  $("saved-status").textContent = t("report_saved");
  $("saved-name").textContent = name;
  $("fingerprint").textContent = fingerprint;
  $("fingerprint").dataset.fingerprint = fingerprint;
  $("saved-details").hidden = false;
  $("fingerprint-hint").hidden = false;
  $("save-again").hidden = true;
}

/** The outcome of buildAndSave() on the page (and "Try again" when the download failed). */
async function showOutcome(saving, lang, t) {
  const section = $("saved");
  section.hidden = false;
  section.dataset.state = "saving";
  $("saved-status").textContent = t("report_saving");
  const outcome = await saving;
  if (outcome.missing) {
    section.dataset.state = "missing";
    $("saved-status").textContent = t("report_saved_missing");
    return null;
  }
  const { data, built } = outcome;
  const shown = (result) => {
    if (result.item) {
      const name = baseName(result.item.filename);
      showSaved(name, built.fingerprint, t);
      offerSend(built, name, lang, t);
      $("show-file").hidden = false;
      $("show-file").onclick = () => api.downloads.show(result.item.id);
      // a reload shows this again instead of saving a second file
      const again = new URLSearchParams({ tab: String(data.tab_id), file: name, fingerprint: built.fingerprint });
      history.replaceState(null, "", "?" + again.toString());
    } else {
      section.dataset.state = "failed";
      $("saved-status").textContent = t("report_saved_failed", result.error);
      $("save-again").hidden = false;
    }
  };
  $("save-again").onclick = async () => {
    $("save-again").hidden = true;
    section.dataset.state = "saving";
    $("saved-status").textContent = t("report_saving");
    try {
      shown({ item: await download(built) });
    } catch (e) {
      shown({ error: String((e && e.message) || e) });
    }
  };
  shown(outcome);
  return data;
}

async function main() {
  const id = params.get("evidence");
  const saving = id ? buildAndSave(id) : null; // the file first: the page's settings can wait
  const settings = (await readSettings()).effective; // once: a slow storage.managed read costs up to 300 ms
  const { lang, t } = await localizePage(i18n.resolveLanguage(settings.language, api.i18n.getUILanguage()));
  const region = settingsLib.resolveRegion(settings.region, [api.i18n.getUILanguage(), ...(navigator.languages || [navigator.language])]);
  renderRegion(region, settings.region === "auto", t);

  let results = [];
  let pageUrl = "";
  const tab = params.get("tab");
  if (saving) {
    const data = await showOutcome(saving, lang, t);
    if (data) {
      pageUrl = data.page.url;
      results = [data.page_result, data.held_link, ...(data.links || []), ...(data.chat || []).map((m) => m.result)];
    }
  } else if (params.get("file") && /^[0-9a-f]{64}$/.test(params.get("fingerprint") || "")) {
    showSaved(params.get("file"), params.get("fingerprint"), t);
  }
  if (!id && tab !== null && /^\d+$/.test(tab)) {
    try {
      const state = await send("popup_state", { tab_id: Number(tab) });
      if (state.ok) {
        pageUrl = state.tab ? state.tab.url : "";
        const chat = state.chat || {};
        results = [state.page, chat.worst, ...(chat.channels || [])];
      }
    } catch (e) {
      // the tab is gone: the page still says what to do and where to report
    }
  }
  renderPage(pageUrl, t);
  renderBrands(brandCards(results.filter(Boolean)), lang, t);
  $("report").dataset.ready = "true";
}

main();
