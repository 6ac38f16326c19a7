// The background's state and its answers to the message vocabulary (common/vocabulary.js).
// worker.js registers the listeners; everything they do happens here.
import "../common/vocabulary.js";
import "../common/settings.js";
import "../common/i18n.js";
import "../common/remembered.js";
import { HostConnection, HostError, loadHostMessages } from "./host-connection.js";
import { HostDangers, TabVerdicts, UrlVerdicts, hostOf, urlKey } from "./verdicts.js";
import { badgeFor, showBadge } from "./badge.js";
import { EvidenceCollector } from "./evidence.js";

const { vocabulary, settings: settingsLib, i18n, remembered: rememberedLib } = globalThis.KefuGuard;

// Strings the content script needs (it cannot load _locales in another language itself).
const CONTENT_STRING_PREFIXES = ["content_", "level_"];
const STATUS_TIMEOUT_MS = 4000;
const { MANAGED_CACHE_KEY, MANAGED_WAIT_MS } = settingsLib;

const isHttp = (url) => typeof url === "string" && /^https?:\/\//i.test(url);

// A page's address comes from the browser (the message's sender), never from the message: the
// `url` a content script sends is not used for anything recorded or sent to the host (a confused or
// compromised content script could name another page and make the badge and popup show its verdict).

/** The address of the frame that sent a message, as the browser knows it; "" when not http(s). */
const frameUrl = (sender) => (isHttp(sender.url) ? sender.url : "");
/** The address of the sender's tab (its top page), as the browser knows it; "" when not http(s). */
const tabUrl = (sender) => (sender.tab && isHttp(sender.tab.url) ? sender.tab.url : "");

/** The top page that sent a message and its tab, or the error reply for a frame that is neither. */
function topPage(sender) {
  if (sender.frameId !== 0) {
    return { error: { ok: false, error: { code: "not_top_frame", message: "only the top frame checks the page" } } };
  }
  const url = frameUrl(sender); // the top frame's address: the browser's, not the message's
  if (!url) {
    return { error: { ok: false, error: { code: "not_web_page", message: "the sender's frame shows no http(s) page" } } };
  }
  return { tabId: sender.tab.id, url };
}

/** Timing and counts for developers and benchmarks (debug_stats), from zero. */
const freshCounters = () => ({ chat_requests: 0, chat_messages: 0, chat_first_request_at: 0, chat_last_reply_at: 0, remembered_pages: 0 });

/**
 * The bytes `text` takes as a JSON string in a native message: its UTF-8 bytes, plus the escapes
 * (JSON.stringify's, and Chromium's for "<", which it writes as \u003C).
 */
function jsonFrameBytes(text) {
  const escapedLt = (text.match(/</g) || []).length * 5;
  return new TextEncoder().encode(JSON.stringify(text)).length + escapedLt;
}

function errorReply(e) {
  if (e instanceof HostError) {
    return { ok: false, error: { code: e.code, message: e.message || e.code } };
  }
  return { ok: false, error: { code: "internal_error", message: String(e && e.message ? e.message : e) } };
}

export class Background {
  constructor(api) {
    this.api = api;
    this.host = new HostConnection(api.runtime, () => this.onHostState());
    this.urls = new UrlVerdicts((url) => this.host.request({ type: "check_url", url }));
    const session = api.storage && api.storage.session;
    // the content script reads its own host's remembered danger (common/remembered.js), so a page
    // is warned of before a stopped worker has started; where the browser cannot open it (older
    // Firefox), the worker's own answer from the same memory still comes before the host's
    if (session && typeof session.setAccessLevel === "function") {
      session.setAccessLevel({ accessLevel: "TRUSTED_AND_UNTRUSTED_CONTEXTS" }).catch(() => {});
    }
    this.hostDangers = new HostDangers(session);
    this.tabs = new TabVerdicts();
    this.evidence = new EvidenceCollector(this);
    this.settings = settingsLib.merge({}, {});
    this.strings = {}; // lang -> compiled dictionary
    this.stringsLoading = {}; // lang -> the promise of its dictionary
    this.counters = freshCounters();
    // the host's request types and limits (common/host-messages.json): nothing is checked or sent before
    this.hostMessages = loadHostMessages(api.runtime).then((messages) => {
      vocabulary.useHostLimits(messages.limits);
      return messages;
    });
    this.settingsReady = this.loadSettings(true);
    this.ready = this.load();
    // after the first answers, off their way
    this.ready.then(() => this.publishPagePrefs()).catch(() => {});
  }

  /** Ready to answer: the host's vocabulary, the settings and the UI language's strings (the other
   * language's load meanwhile, unwaited: a woken worker's first answers wait for one file, not all). */
  async load() {
    const all = i18n.SUPPORTED.map((lang) => this.loadStrings(lang));
    await Promise.all([this.hostMessages, this.settingsReady]);
    await this.loadStrings(this.lang);
    all.forEach((p) => p.catch(() => {}));
  }

  loadStrings(lang) {
    if (!this.stringsLoading[lang]) {
      this.stringsLoading[lang] = i18n.loadStrings(this.api.runtime, lang).then(
        (strings) => (this.strings[lang] = strings),
        () => (this.strings[lang] = {}),
      );
    }
    return this.stringsLoading[lang];
  }

  async readManaged() {
    try {
      return (await this.api.storage.managed.get()) || {};
    } catch (e) {
      return {}; // Firefox without a managed-storage manifest
    }
  }

  /**
   * Settings from storage. Chrome's first storage.managed read after a browser start can take
   * seconds (policy loading), so pages do not wait for it: the last managed values seen are used
   * until it answers.
   */
  async loadSettings(workerStart = false) {
    const stored = await this.api.storage.local.get([settingsLib.STORAGE_KEY, MANAGED_CACHE_KEY]);
    const user = stored[settingsLib.STORAGE_KEY];
    const managedRead = this.readManaged();
    // with the last managed values seen kept, a worker just started goes on with them at once (the
    // read answers within ~10-100 ms and replaces them); a first start, or a policy change, waits
    // for it, at most 300 ms
    const wait = workerStart && stored[MANAGED_CACHE_KEY] ? 0 : MANAGED_WAIT_MS;
    const managed = await Promise.race([managedRead, new Promise((r) => setTimeout(() => r(null), wait))]);
    this.settings = settingsLib.merge(user, managed || stored[MANAGED_CACHE_KEY] || {});
    if (managed === null) {
      managedRead.then(async (late) => {
        const now = await this.api.storage.local.get(settingsLib.STORAGE_KEY);
        this.settings = settingsLib.merge(now[settingsLib.STORAGE_KEY], late);
        if (JSON.stringify(late) !== JSON.stringify(stored[MANAGED_CACHE_KEY])) {
          await this.api.storage.local.set({ [MANAGED_CACHE_KEY]: late });
        }
      });
    } else if (JSON.stringify(managed) !== JSON.stringify(stored[MANAGED_CACHE_KEY])) {
      // kept for the next start; not waited for (a storage write on every woken worker's way to its
      // first answer, mostly of what is there already)
      this.api.storage.local.set({ [MANAGED_CACHE_KEY]: managed }).catch(() => {});
    }
  }

  onStorageChanged(changes, area) {
    if (area === "managed" || (area === "local" && settingsLib.STORAGE_KEY in changes)) {
      const trustedBefore = JSON.stringify(this.settings.effective.trusted_domains);
      // until they are written again, pages show a remembered warning from the worker's answer,
      // in the new settings' language, not from the memory's old page settings
      if (this.hostDangers.area) {
        this.hostDangers.area.remove(rememberedLib.PREFS_KEY).catch(() => {});
      }
      this.settingsReady = this.ready.then(() => this.loadSettings());
      this.ready = this.settingsReady;
      this.ready
        .then(async () => {
          if (JSON.stringify(this.settings.effective.trusted_domains) !== trustedBefore) {
            await this.hostDangers.forgetAll(); // a site now trusted must not be warned of from memory
          }
          await this.publishPagePrefs();
        })
        .catch(() => {});
    }
  }

  /** The strings a content script shows, in the UI language (page_init's, and the remembered warning's). */
  contentStrings() {
    const strings = {};
    for (const [key, value] of Object.entries(this.strings[this.lang] || {})) {
      if (CONTENT_STRING_PREFIXES.some((p) => key.startsWith(p))) {
        strings[key] = value;
      }
    }
    return strings;
  }

  /**
   * What a content script needs to show a remembered danger without asking the worker
   * (common/remembered.js PREFS_KEY): whether page checks are on, the minimum level, the language
   * and its strings. Written when it changed. Trusted sites are not in it: they are never remembered.
   */
  async publishPagePrefs() {
    const area = this.hostDangers.area;
    if (!area) {
      return;
    }
    await this.loadStrings(this.lang);
    const effective = this.settings.effective;
    const prefs = { page_check: effective.features.page_check, min_level: effective.min_level, lang: this.lang, strings: this.contentStrings() };
    const key = rememberedLib.PREFS_KEY;
    try {
      const stored = (await area.get(key))[key];
      if (JSON.stringify(stored) !== JSON.stringify(prefs)) {
        await area.set({ [key]: prefs });
      }
    } catch (e) {
      // storage.session gone: the worker's own answer still comes from memory
    }
  }

  get lang() {
    return i18n.resolveLanguage(this.settings.effective.language, this.api.i18n.getUILanguage());
  }

  t(key, ...subs) {
    return i18n.format(this.strings[this.lang], key, subs);
  }

  isTrusted(url) {
    return settingsLib.isTrustedHost(hostOf(url), this.settings.effective.trusted_domains);
  }

  /** Answer one message from a content script or an extension page. */
  async handle(message, sender) {
    await this.hostMessages; // the field checks need the host's limits
    const problem = vocabulary.requestProblem(message);
    if (problem) {
      return { ok: false, error: { code: "bad_message", message: problem } };
    }
    const fromExtensionPage = typeof sender.url === "string" && sender.url.startsWith(this.api.runtime.getURL(""));
    const spec = vocabulary.KINDS[message.kind];
    if (spec.origin === "extension" && !fromExtensionPage) {
      return { ok: false, error: { code: "forbidden", message: "only the extension's own pages may send this" } };
    }
    if (spec.origin === "content" && (!sender.tab || fromExtensionPage)) {
      return { ok: false, error: { code: "forbidden", message: "only a page's content script may send this" } };
    }
    // a page's own check needs the settings (trusted sites), not the UI strings: on a woken worker
    // the warning for a remembered lookalike goes out before those are read
    await (message.kind === "check_page" ? this.settingsReady : this.ready);
    try {
      return await HANDLERS[message.kind].call(this, message, sender);
    } catch (e) {
      return errorReply(e);
    }
  }

  // --- the answers to each kind (HANDLERS, below, says which answers which) -------------------

  async page_init(message, sender) {
    this.evidence.noteFrame(sender.tab.id, sender.frameId); // asked for its share when evidence is saved
    await this.loadStrings(this.lang); // the language the settings chose may have changed since
    const strings = this.contentStrings();
    const { limits } = await this.hostMessages; // a content script cannot read the file itself
    return { ok: true, settings: this.settings.effective, lang: this.lang, strings, host_limits: limits };
  }

  async check_page(message, sender) {
    const { tabId, url, error } = topPage(sender);
    if (error) {
      return error;
    }
    const trusted = this.isTrusted(url);
    // a site judged dangerous for what its host is, earlier in this browser session: warned of at
    // once, before a woken worker's host has started (asked next, off this answer's way); the
    // host's answer then sets the tab's verdict. `confirm`: the page showed a remembered warning
    // and waits for the host's own answer
    const remembered = trusted || message.confirm ? null : await this.hostDangers.get(url);
    const asked = this.urls.get(url);
    asked.then(
      (result) => this.hostDangers.note(url, result, trusted),
      () => {},
    );
    if (remembered) {
      this.counters.remembered_pages++;
      this.tabs.setPage(tabId, url, remembered, trusted);
      this.badgeLater(tabId);
      asked.then(
        (result) => {
          this.tabs.setPage(tabId, url, result, trusted);
          this.badgeLater(tabId);
        },
        () => {},
      );
      return { ok: true, result: remembered, trusted_by_user: trusted, remembered: true };
    }
    try {
      const result = await asked;
      this.tabs.setPage(tabId, url, result, trusted);
      this.badgeLater(tabId); // the page's warning first: the toolbar follows
      return { ok: true, result, trusted_by_user: trusted };
    } catch (e) {
      this.tabs.entry(tabId, url);
      this.badgeLater(tabId);
      throw e;
    }
  }

  /**
   * What the page shows of who it is, once it asks for a password, a card or a code: the host
   * compares the brand it names with the site (detect/page_claim.py). The verdict replaces the
   * tab's page verdict only when it warns more.
   */
  async check_page_claim(message, sender) {
    const { tabId, url, error } = topPage(sender);
    if (error) {
      return error;
    }
    const trusted = this.isTrusted(url);
    const result = await this.host.request({ type: "check_page", url, page: message.page });
    this.urls.noteListVersion(result.list_version);
    const before = this.tabs.get(tabId);
    const known = before && before.url === urlKey(url) ? before.page : null;
    if (!known || vocabulary.warningRank(result.level) > vocabulary.warningRank(known.level)) {
      this.tabs.setPage(tabId, url, result, trusted);
      this.badgeLater(tabId);
    }
    return { ok: true, result, trusted_by_user: trusted };
  }

  /** Update a tab's badge without holding up the reply that changed it. */
  badgeLater(tabId) {
    this.updateBadge(tabId).catch(() => {}); // a tab closed meanwhile has no badge to update
  }

  async check_link(message) {
    const result = await this.urls.get(message.url);
    return { ok: true, result, trusted_by_user: this.isTrusted(message.url) };
  }

  async check_chat(message, sender) {
    const now = Date.now();
    this.counters.chat_requests++;
    if (!this.counters.chat_first_request_at) {
      this.counters.chat_first_request_at = now;
    }
    const pageUrl = tabUrl(sender); // the chat's page as the browser knows it, not message.url
    const results = await this.checkMessages(pageUrl, message.messages);
    this.counters.chat_messages += results.length;
    this.counters.chat_last_reply_at = Date.now();
    this.tabs.addChat(sender.tab.id, sender.tab.url, results, vocabulary.warningRank);
    if (results.some((r) => vocabulary.warningRank(r.level) > 0)) {
      this.badgeLater(sender.tab.id);
    }
    return { ok: true, results };
  }

  async check_outgoing(message, sender) {
    const pageUrl = tabUrl(sender);
    const [result] = await this.checkMessages(pageUrl, [{ text: message.text, direction: "outgoing" }]);
    return { ok: true, result };
  }

  /** One result per message, in order; a batch whose reply would be too large is split. */
  async checkMessages(pageUrl, messages) {
    const request = { type: "check_chat", messages };
    if (isHttp(pageUrl)) {
      request.url = pageUrl;
    }
    let summary;
    try {
      summary = await this.host.request(request);
    } catch (e) {
      if (e instanceof HostError && e.code === "reply_too_large" && messages.length > 1) {
        const half = Math.ceil(messages.length / 2);
        const first = await this.checkMessages(pageUrl, messages.slice(0, half));
        return first.concat(await this.checkMessages(pageUrl, messages.slice(half)));
      }
      throw e;
    }
    const results = summary.messages;
    if (!Array.isArray(results) || results.length !== messages.length || !results.every(vocabulary.isResult)) {
      throw new HostError("bad_reply", "the host's check_chat reply does not match the messages sent");
    }
    this.urls.noteListVersion(summary.list_version);
    return results;
  }

  async leave_page(message, sender) {
    const entry = this.tabs.get(sender.tab.id);
    const official = entry && entry.page && entry.page.official_site ? entry.page.official_site : "";
    const url = this.api.runtime.getURL("ui/left.html") + (official ? "?official=" + encodeURIComponent(official) : "");
    await this.api.tabs.update(sender.tab.id, { url });
    return { ok: true };
  }

  /** "Save evidence" on a warning in the sender's tab: collect, then the report page saves the file. */
  async save_evidence(message, sender) {
    if (!isHttp(sender.tab.url)) {
      return { ok: false, error: { code: "not_web_page", message: "the sender's tab shows no http(s) page" } };
    }
    return this.collectEvidence(sender.tab, message.source, message.link_url);
  }

  /** The popup's "Save evidence" for a tab. */
  async save_tab_evidence(message) {
    const tab = await this.api.tabs.get(message.tab_id);
    if (!tab || !isHttp(tab.url)) {
      return { ok: false, error: { code: "not_web_page", message: "the tab shows no http(s) page" } };
    }
    return this.collectEvidence(tab, "popup");
  }

  /** Collect a tab's evidence; another save still collecting is a "busy" reply, not a failure. */
  async collectEvidence(tab, source, linkUrl) {
    try {
      const id = await this.evidence.collect(tab, source, linkUrl);
      return { ok: true, id };
    } catch (e) {
      if (e.code === "busy") {
        return { ok: false, error: { code: "busy", message: e.message } };
      }
      throw e;
    }
  }

  /** What was collected for the report page to build and save the file (once). */
  async evidence_data(message) {
    const data = this.evidence.take(message.id);
    if (!data) {
      return { ok: false, error: { code: "not_found", message: "nothing to save under this id (saved already, or too old)" } };
    }
    return { ok: true, data, lang: this.lang };
  }

  /**
   * The report page's "Send to your security team" (after the user's click): the host posts the
   * file to the endpoint the organisation set in its managed config. Its reply: {status: "sent",
   * http_status, endpoint, fingerprint, bytes}; its errors (report.*) go back to the page as they are.
   */
  async send_evidence(message) {
    const { limits } = await this.hostMessages;
    if (jsonFrameBytes(message.html) > limits.incoming_frame_bytes - 1024) {
      return { ok: false, error: { code: "report.too_large", message: "the file does not fit in one message to the host" } };
    }
    const result = await this.host.request({ type: "send_evidence", html: message.html });
    return { ok: true, result };
  }

  async popup_state(message) {
    let tab;
    if (message.tab_id !== undefined) {
      tab = await this.api.tabs.get(message.tab_id);
    } else {
      [tab] = await this.api.tabs.query({ active: true, currentWindow: true });
    }
    const reply = {
      ok: true,
      tab: tab ? { id: tab.id, url: tab.url || "" } : null,
      page: null,
      page_error: null,
      trusted_by_user: false,
      chat: { checked: 0, flagged: 0, worst: null, channels: [] },
      lang: this.lang,
      settings: this.settings.effective,
      locked: this.settings.locked,
      managed_info: this.settings.managed_info,
    };
    if (tab && isHttp(tab.url)) {
      let entry = this.tabs.get(tab.id);
      if (!entry || !entry.page || entry.url !== tab.url.split("#")[0]) {
        // the worker restarted since the page was checked, or the content script could not run
        try {
          const result = await this.urls.get(tab.url);
          entry = this.tabs.setPage(tab.id, tab.url, result, this.isTrusted(tab.url));
          await this.updateBadge(tab.id);
        } catch (e) {
          reply.page_error = errorReply(e).error;
          entry = this.tabs.get(tab.id);
        }
      }
      if (entry) {
        reply.page = entry.page;
        reply.trusted_by_user = entry.trustedByUser;
        reply.chat = entry.chat;
      }
    }
    Object.assign(reply, await this.statusReply());
    return reply;
  }

  async statusReply() {
    let status = null;
    let statusError = null;
    try {
      status = await this.host.request({ type: "status" }, STATUS_TIMEOUT_MS);
      this.urls.noteListVersion(status.version);
    } catch (e) {
      statusError = errorReply(e).error;
    }
    return { host: { state: this.host.state, detail: this.host.detail }, status, status_error: statusError };
  }

  async host_status() {
    return { ok: true, ...(await this.statusReply()) };
  }

  async retry_host() {
    this.host.retryNow();
    return { ok: true, ...(await this.statusReply()) };
  }

  /** The options page: managed settings the browser's policy holds but left out (the host reads the files). */
  async managed_policy() {
    const result = await this.host.request({ type: "managed_policy" });
    return { ok: true, result };
  }

  async update_list() {
    const result = await this.host.request({ type: "update" });
    if (result.status === "updated") {
      this.urls.clear();
      await this.hostDangers.noteListVersion(null); // every remembered host was judged with the old list
    }
    return { ok: true, result };
  }

  /** Timing for developers and benchmarks: host round trips per request type, chat counters. */
  async debug_stats(message = {}) {
    const reply = { ok: true, host: this.host.stats(), counters: { ...this.counters }, url_cache_entries: this.urls.entries.size };
    if (message.reset) {
      this.host.latency = {};
      this.counters = freshCounters();
    }
    return reply;
  }

  // --- the badge, and the browser events worker.js passes on ---------------------------------

  /** The badge of one tab from what is known about it. */
  async updateBadge(tabId) {
    const entry = this.tabs.get(tabId);
    const levels = [];
    if (entry && entry.page && !entry.trustedByUser) {
      levels.push(entry.page.level);
    }
    if (entry && entry.chat.worst) {
      levels.push(entry.chat.worst.level);
    }
    let level = levels.length ? vocabulary.worstOf(levels) : null;
    if (level === "none" && entry && entry.page && entry.page.level === "verified" && !entry.trustedByUser) {
      level = "verified";
    }
    const badge = badgeFor(level, this.host.state);
    const title = badge ? this.t(badge.title, (entry && entry.page && entry.page.host) || "") : this.t("ext_name");
    await showBadge(this.api.action, tabId, badge, title);
  }

  onHostState() {
    if (this.host.state === "connected") {
      return;
    }
    // a missing host: show it on every tab that has no verdict yet
    for (const [tabId, entry] of this.tabs.tabs) {
      if (!entry.page) {
        this.updateBadge(tabId);
      }
    }
  }

  /** On first install, open the install steps when the host cannot be found. */
  async onInstalled(details) {
    if (details.reason !== "install") {
      return;
    }
    await this.ready;
    await this.statusReply();
    if (this.host.state === "missing") {
      await this.api.tabs.create({ url: this.api.runtime.getURL("ui/install.html") });
    }
  }

  /** A tab shows another URL (a navigation, or a single-page app's pushState): its badge follows. */
  async onTabUpdated(tabId, changeInfo) {
    if (!changeInfo.url) {
      return;
    }
    const entry = this.tabs.get(tabId);
    if (entry && entry.url === urlKey(changeInfo.url)) {
      return;
    }
    this.tabs.forget(tabId);
    if (!isHttp(changeInfo.url)) {
      return;
    }
    // asked before the settings and strings are loaded: on a woken worker the host starts meanwhile
    await this.hostMessages;
    const asked = this.urls.get(changeInfo.url);
    asked.catch(() => {}); // read below
    await this.ready;
    try {
      const result = await asked;
      const current = this.tabs.get(tabId);
      if (!current || current.url === urlKey(changeInfo.url)) {
        this.tabs.setPage(tabId, changeInfo.url, result, this.isTrusted(changeInfo.url));
        await this.updateBadge(tabId);
      }
    } catch (e) {
      // the content script's own check reports host problems
    }
  }

  onTabRemoved(tabId) {
    this.tabs.forget(tabId);
    this.evidence.forgetTab(tabId);
  }
}

/**
 * kind -> the method that answers it. Exactly the kinds of common/vocabulary.js: a kind without an
 * answer, or an answer without a kind, stops the background from loading at all. Messages reach
 * only these functions, never another property of the Background.
 */
const HANDLERS = Object.freeze({
  page_init: Background.prototype.page_init,
  check_page: Background.prototype.check_page,
  check_page_claim: Background.prototype.check_page_claim,
  check_link: Background.prototype.check_link,
  check_chat: Background.prototype.check_chat,
  check_outgoing: Background.prototype.check_outgoing,
  leave_page: Background.prototype.leave_page,
  save_evidence: Background.prototype.save_evidence,
  popup_state: Background.prototype.popup_state,
  host_status: Background.prototype.host_status,
  retry_host: Background.prototype.retry_host,
  update_list: Background.prototype.update_list,
  managed_policy: Background.prototype.managed_policy,
  debug_stats: Background.prototype.debug_stats,
  save_tab_evidence: Background.prototype.save_tab_evidence,
  evidence_data: Background.prototype.evidence_data,
  send_evidence: Background.prototype.send_evidence,
});

(function checkHandlers() {
  const kinds = Object.keys(vocabulary.KINDS);
  const unanswered = kinds.filter((k) => typeof HANDLERS[k] !== "function");
  const unknown = Object.keys(HANDLERS).filter((k) => !kinds.includes(k));
  if (unanswered.length || unknown.length) {
    throw new Error(`background/service.js: no handler for [${unanswered}], handlers without a kind [${unknown}]`);
  }
})();
