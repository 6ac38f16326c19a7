// Verdict caches: per URL (links and pages repeat; in-flight checks are shared) and per tab
// (what the badge and the popup show). A new list version empties the URL cache.
import "../common/remembered.js";

const URL_CACHE_ENTRIES = 2000;
const URL_CACHE_TTL_MS = 10 * 60 * 1000;

/** The cache key of a URL: without its fragment, which never reaches a server. */
export function urlKey(url) {
  const hash = url.indexOf("#");
  return hash === -1 ? url : url.slice(0, hash);
}

export class UrlVerdicts {
  constructor(check) {
    this.check = check; // (url) => Promise<result>
    this.entries = new Map(); // key -> {result, at}; Map order = least recently used first
    this.inFlight = new Map(); // key -> Promise<result>
    this.listVersion = null;
  }

  async get(url) {
    const key = urlKey(url);
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < URL_CACHE_TTL_MS) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.result;
    }
    let promise = this.inFlight.get(key);
    if (!promise) {
      promise = this.check(url).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, promise);
    }
    const result = await promise;
    this.store(key, result);
    return result;
  }

  store(key, result) {
    this.noteListVersion(result.list_version);
    this.entries.delete(key);
    this.entries.set(key, { result, at: Date.now() });
    while (this.entries.size > URL_CACHE_ENTRIES) {
      this.entries.delete(this.entries.keys().next().value);
    }
  }

  /** Any result or status carries the list version; a different one means older verdicts may be wrong. */
  noteListVersion(version) {
    if (version === undefined || version === null) {
      return;
    }
    if (this.listVersion !== null && version !== this.listVersion) {
      this.entries.clear();
    }
    this.listVersion = version;
  }

  clear() {
    this.entries.clear();
  }
}

const CHAT_CHANNELS = 20; // official channels kept per tab from its flagged chat messages

/**
 * The official channels a result names, as the popup reads them: its brand, official_site and the
 * `official` of each reason (text results carry a brand's numbers there); null when it names none.
 */
function channelsOf(result) {
  const officials = (result.reasons || []).map((r) => r.official).filter((o) => typeof o === "string" && o.trim());
  if (!officials.length && !result.official_site && !result.brand_card) {
    return null;
  }
  const out = { brand: typeof result.brand === "string" ? result.brand : null, reasons: officials.map((official) => ({ official })) };
  if (result.official_site) {
    out.official_site = result.official_site;
  }
  if (result.brand_card) {
    out.brand_card = result.brand_card; // names and official channels: a few short strings
  }
  return out;
}

/** What was found in each tab: the page verdict and a summary of its chat messages. */
export class TabVerdicts {
  constructor() {
    // tabId -> {url, page, trustedByUser, chat: {checked, flagged, worst, channels}}; `channels`:
    // the official channels named by the tab's flagged chat messages (channelsOf(), no repeats)
    this.tabs = new Map();
  }

  entry(tabId, url) {
    let e = this.tabs.get(tabId);
    if (!e || (url && e.url !== urlKey(url))) {
      e = { url: url ? urlKey(url) : "", page: null, trustedByUser: false, chat: { checked: 0, flagged: 0, worst: null, channels: [] } };
      this.tabs.set(tabId, e);
    }
    return e;
  }

  setPage(tabId, url, result, trustedByUser) {
    const e = this.entry(tabId, url);
    e.page = result;
    e.trustedByUser = trustedByUser;
    return e;
  }

  /** Count checked chat messages; keep the worst one (by rank, first wins ties) and the official channels named. */
  addChat(tabId, url, results, rank) {
    const e = this.tabs.get(tabId) || this.entry(tabId, url);
    for (const r of results) {
      e.chat.checked++;
      if (rank(r.level) > 0) {
        e.chat.flagged++;
        if (!e.chat.worst || rank(r.level) > rank(e.chat.worst.level)) {
          e.chat.worst = r;
        }
        const channels = channelsOf(r);
        const known = channels && e.chat.channels.map((c) => JSON.stringify(c));
        if (channels && e.chat.channels.length < CHAT_CHANNELS && !known.includes(JSON.stringify(channels))) {
          e.chat.channels.push(channels);
        }
      }
    }
    return e;
  }

  get(tabId) {
    return this.tabs.get(tabId) || null;
  }

  forget(tabId) {
    this.tabs.delete(tabId);
  }
}

const REMEMBERED_HOSTS = 200;
const { remembered } = globalThis.KefuGuard;

/**
 * Hosts the host judged dangerous for what the host is (a lookalike of a listed brand, a listed
 * scam domain), kept in storage.session (common/remembered.js: memory only, gone when the browser
 * closes, no host name readable in it). A page's content script reads its own host's entry and
 * shows the warning before a stopped service worker has started; a woken worker answers from here
 * before its host has started; the host's answer follows and corrects the memory. Path-dependent
 * verdicts (a brand's name in a hosting site's path) are not kept: another page of that host may
 * be fine. Trusted sites are never kept, and a change of the trusted sites forgets them all.
 */
export class HostDangers {
  constructor(area) {
    this.area = area || null; // storage.session, where the browser has it
    this.index = null; // storage key -> {at, list_version} of every entry, oldest first, once read
  }

  static hostLevel(result) {
    const reasons = Array.isArray(result.reasons) ? result.reasons : [];
    return (
      result.level === "danger" &&
      reasons.length > 0 &&
      reasons.every((r) => r.code === "scam.domain" || (r.code.startsWith("lookalike.") && r.code !== "lookalike.user_content"))
    );
  }

  /** The danger result remembered for the URL's host, or null: one storage read of one entry. */
  async get(url) {
    const host = hostOf(url);
    if (!host || !this.area) {
      return null;
    }
    const key = remembered.keyOf(host);
    try {
      return remembered.resultOf(host, (await this.area.get(key))[key], Date.now());
    } catch (e) {
      return null;
    }
  }

  /** Every entry's key and age (for the bound, the expiry and a new list), read once. */
  async loadIndex() {
    if (this.index === null) {
      let all = {};
      try {
        all = (await this.area.get(null)) || {};
      } catch (e) {
        all = {};
      }
      const entries = Object.entries(all)
        .filter(([key, value]) => key.startsWith(remembered.ENTRY_PREFIX) && value && typeof value === "object")
        .map(([key, value]) => [key, { at: Number(value.at) || 0, list_version: value.list_version ?? null }])
        .sort((a, b) => a[1].at - b[1].at);
      this.index = this.index || new Map(entries);
    }
    return this.index;
  }

  /** Keep, or forget, the URL's host from the host's own answer (not for a trusted site). */
  async note(url, result, trusted = false) {
    const host = hostOf(url);
    if (!host || !this.area) {
      return;
    }
    const index = await this.loadIndex();
    const key = remembered.keyOf(host);
    const now = Date.now();
    const version = result.list_version ?? null;
    // expired, or judged with another list
    const drop = [...index]
      .filter(([k, e]) => k !== key && (!(now - e.at < remembered.TTL_MS) || (version !== null && e.list_version !== version)))
      .map(([k]) => k);
    if (!trusted && HostDangers.hostLevel(result)) {
      const stored = remembered.entry(host, result, now);
      index.delete(key);
      index.set(key, { at: now, list_version: stored.list_version });
      const over = Math.max(0, index.size - drop.length - REMEMBERED_HOSTS);
      drop.push(...[...index.keys()].filter((k) => !drop.includes(k)).slice(0, over));
      await this.write({ [key]: stored });
    } else if (index.has(key)) {
      drop.push(key);
    }
    await this.remove(drop);
  }

  /** A new list (null: one not known yet): what was judged with the old one may be wrong now. */
  async noteListVersion(version) {
    const index = await this.loadIndex();
    await this.remove([...index].filter(([, e]) => version === null || e.list_version !== version).map(([k]) => k));
  }

  /** Forget every host (the trusted sites changed). */
  async forgetAll() {
    await this.noteListVersion(null);
  }

  async write(items) {
    try {
      await this.area.set(items);
    } catch (e) {
      // storage.session full or gone: only a shortcut
    }
  }

  async remove(keys) {
    if (!keys.length) {
      return;
    }
    keys.forEach((k) => this.index.delete(k));
    try {
      await this.area.remove(keys);
    } catch (e) {
      // gone: nothing to forget
    }
  }
}

/** The host name of `url`; "" when it is no URL. */
export function hostOf(url) {
  try {
    return new URL(url).hostname;
  } catch (e) {
    return "";
  }
}
