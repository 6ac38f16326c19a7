// Verdict caches: per URL (links and pages repeat; in-flight checks are shared) and per tab
// (what the badge and the popup show). A new list version empties the URL cache.

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
const REMEMBERED_KEY = "kefuguard.hostDangers";

/**
 * Hosts the host judged dangerous for what the host is (a lookalike of a listed brand, a listed
 * scam domain), kept in storage.session: memory only, gone when the browser closes, not readable
 * by content scripts. A service worker Chrome stopped and a page woke again shows the warning for
 * such a site from here, without waiting for the host to start; the host's answer follows and
 * corrects the memory. Path-dependent verdicts (a brand's name in a hosting site's path) are not
 * kept: another page of that host may be fine.
 */
export class HostDangers {
  constructor(area) {
    this.area = area || null; // storage.session, where the browser has it
    this.hosts = null; // host -> {result, list_version}, once read
  }

  static hostLevel(result) {
    const reasons = Array.isArray(result.reasons) ? result.reasons : [];
    return (
      result.level === "danger" &&
      reasons.length > 0 &&
      reasons.every((r) => r.code === "scam.domain" || (r.code.startsWith("lookalike.") && r.code !== "lookalike.user_content"))
    );
  }

  async load() {
    if (this.hosts === null) {
      let stored = {};
      try {
        stored = (this.area && (await this.area.get(REMEMBERED_KEY))[REMEMBERED_KEY]) || {};
      } catch (e) {
        stored = {};
      }
      this.hosts = this.hosts || (stored && typeof stored === "object" ? stored : {});
    }
    return this.hosts;
  }

  /** The danger result remembered for the URL's host, or null. */
  async get(url) {
    const host = hostOf(url);
    if (!host || !this.area) {
      return null;
    }
    const hosts = await this.load();
    const entry = Object.hasOwn(hosts, host) ? hosts[host] : null;
    return entry && entry.result && entry.result.level === "danger" ? entry.result : null;
  }

  /** Keep, or forget, the URL's host from the host's own answer. */
  async note(url, result) {
    const host = hostOf(url);
    if (!host || !this.area) {
      return;
    }
    if (result.list_version !== undefined && result.list_version !== null) {
      await this.noteListVersion(result.list_version);
    }
    const hosts = await this.load();
    const keep = HostDangers.hostLevel(result);
    if (!keep && !Object.hasOwn(hosts, host)) {
      return;
    }
    if (keep) {
      delete hosts[host];
      hosts[host] = { result, list_version: result.list_version };
      const names = Object.keys(hosts);
      for (const old of names.slice(0, Math.max(0, names.length - REMEMBERED_HOSTS))) {
        delete hosts[old];
      }
    } else {
      delete hosts[host];
    }
    await this.save();
  }

  /** A new list: what was judged with the old one may be wrong now. */
  async noteListVersion(version) {
    const hosts = await this.load();
    const stale = Object.keys(hosts).filter((h) => hosts[h].list_version !== version);
    if (stale.length) {
      stale.forEach((h) => delete hosts[h]);
      await this.save();
    }
  }

  async save() {
    try {
      await this.area.set({ [REMEMBERED_KEY]: this.hosts });
    } catch (e) {
      // storage.session full or gone: only a shortcut
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
