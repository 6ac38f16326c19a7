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
