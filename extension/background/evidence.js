// Collecting evidence of a tab (docs/evidence.md): a screenshot of the visible tab, what every frame's
// content script saw (chat messages with their results, links warned about), the page's verdict,
// the held link's. What is collected stays in memory until the report page (an extension page)
// asks for it, builds the file (common/evidence.js) and saves it through the downloads API.
import "../common/vocabulary.js";

const { vocabulary } = globalThis.KefuGuard;

const KEEP_MS = 10 * 60 * 1000; // what was collected waits this long for the report page
const FRAME_REPLY_MS = 1500;
const FRAMES_PER_TAB = 64;
const MAX_MESSAGES = 1000; // of all frames together
const MAX_LINKS = 50;
const RENDER_MS = 200; // a tab just brought to the front is drawn before it is captured
const STEP_ASIDE_MS = 400; // longest wait for the frames to hide our warnings before the screenshot
const SAVE_GAP_MS = 2000; // one save per tab at a time, and not again within this (a stuck or forged repeat)

const isString = (v) => typeof v === "string";

/** One frame's `evidence_collect` answer, checked and cut to size; null when it is not one. */
export function frameShare(reply) {
  if (!reply || typeof reply !== "object" || !Array.isArray(reply.chat) || !Array.isArray(reply.links)) {
    return null;
  }
  const limits = vocabulary.limits();
  const chat = [];
  for (const m of reply.chat.slice(-MAX_MESSAGES)) {
    if (!m || typeof m !== "object" || !isString(m.text) || !m.text || (m.direction !== "incoming" && m.direction !== "outgoing")) {
      continue;
    }
    const entry = { direction: m.direction, text: m.text.slice(0, limits.text) };
    if (isString(m.sender) && m.sender) {
      entry.sender = m.sender.slice(0, limits.sender);
    }
    entry.time = isString(m.time) && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(m.time) ? m.time : "";
    if (m.result !== undefined && vocabulary.isResult(m.result)) {
      entry.result = m.result;
    }
    chat.push(entry);
  }
  const links = reply.links.filter((r) => vocabulary.isResult(r)).slice(-MAX_LINKS);
  return { chat, links };
}

export class EvidenceCollector {
  /** `background`: the Background (its api, host connection, URL and tab verdicts). */
  constructor(background) {
    this.bg = background;
    this.frames = new Map(); // tabId -> Set of frameIds whose content script said page_init
    this.stash = new Map(); // id -> {data, timer}
    this.busy = new Set(); // tabs being collected
    this.lastSave = new Map(); // tabId -> when its last save started
  }

  noteFrame(tabId, frameId) {
    let frames = this.frames.get(tabId);
    if (!frames) {
      frames = new Set();
      this.frames.set(tabId, frames);
    }
    frames.delete(frameId);
    frames.add(frameId);
    if (frames.size > FRAMES_PER_TAB) {
      frames.delete(frames.values().next().value);
    }
  }

  forgetTab(tabId) {
    this.frames.delete(tabId);
    this.lastSave.delete(tabId);
  }

  /** `message` to every frame of the tab whose content script said page_init; their answers (null: none). */
  askFrames(tabId, message, waitMs) {
    const { api } = this.bg;
    const ids = [...(this.frames.get(tabId) || [])].sort((a, b) => a - b);
    if (!ids.includes(0)) {
      ids.unshift(0);
    }
    const ask = (frameId) =>
      Promise.race([
        api.tabs.sendMessage(tabId, message, { frameId }).catch(() => null),
        new Promise((r) => setTimeout(() => r(null), waitMs)),
      ]);
    return Promise.all(ids.map(ask));
  }

  /**
   * A PNG data URL of the tab as shown, or {error}. Our warnings step aside for it (the frames'
   * content scripts hide the banner and link warnings and close a mark's details until it is taken).
   */
  async screenshot(tab) {
    const { api } = this.bg;
    try {
      if (!tab.active) {
        await api.tabs.update(tab.id, { active: true });
        await new Promise((r) => setTimeout(r, RENDER_MS));
      }
      await this.askFrames(tab.id, { kefuguard: "evidence_capture", on: true }, STEP_ASIDE_MS);
      try {
        const shot = await api.tabs.captureVisibleTab(tab.windowId, { format: "png" });
        return isString(shot) && shot.startsWith("data:image/png;base64,") ? { png: shot } : { error: "no PNG" };
      } finally {
        this.askFrames(tab.id, { kefuguard: "evidence_capture", on: false }, STEP_ASIDE_MS);
      }
    } catch (e) {
      return { error: String((e && e.message) || e) };
    }
  }

  /** Every frame's share, the top frame's first, each frame's messages in the order seen. */
  async fromFrames(tabId) {
    const replies = await this.askFrames(tabId, { kefuguard: "evidence_collect" }, FRAME_REPLY_MS);
    const shares = replies.map(frameShare).filter(Boolean);
    const chat = shares.flatMap((s) => s.chat).slice(-MAX_MESSAGES);
    const seen = new Set();
    const links = [];
    for (const link of shares.flatMap((s) => s.links)) {
      const key = link.url || JSON.stringify(link);
      if (!seen.has(key)) {
        seen.add(key);
        links.push(link);
      }
    }
    return { chat, links };
  }

  /**
   * Collect the evidence of `tab` and open the report page, which saves the file. Returns the id
   * the report page fetches it by. `source`: banner | mark | link | popup.
   */
  async collect(tab, source, linkUrl) {
    const bg = this.bg;
    if (this.busy.has(tab.id) || Date.now() - (this.lastSave.get(tab.id) || 0) < SAVE_GAP_MS) {
      throw Object.assign(new Error("evidence of this tab is being saved"), { code: "busy" });
    }
    this.busy.add(tab.id);
    this.lastSave.set(tab.id, Date.now());
    try {
      const capturedAt = Date.now();
      const shot = await this.screenshot(tab); // first: the tab as the user saw it when clicking
      const [frames, pageResult, heldLink, status] = await Promise.all([
        this.fromFrames(tab.id),
        this.pageResult(tab),
        linkUrl ? bg.urls.get(linkUrl).catch(() => null) : Promise.resolve(null),
        bg.host.request({ type: "status" }, 4000).catch(() => null),
      ]);
      const manifest = bg.api.runtime.getManifest();
      const data = {
        source,
        captured_at: capturedAt,
        made_by: `kefu-guard extension ${manifest.version}`,
        browser: globalThis.navigator ? navigator.userAgent : "",
        page: { url: tab.url, title: isString(tab.title) ? tab.title : null },
        page_result: pageResult,
        held_link: heldLink,
        links: frames.links,
        chat: frames.chat,
        screenshot: shot.png || null,
        screenshot_error: shot.error || null,
        list: status ? { publisher: status.publisher || "", version: status.version ?? "" } : null,
        tab_id: tab.id,
      };
      const id = crypto.randomUUID();
      const timer = setTimeout(() => this.stash.delete(id), KEEP_MS);
      this.stash.set(id, { data, timer });
      const report = bg.api.runtime.getURL("ui/report.html?evidence=" + id);
      await bg.api.tabs.create({ url: report, windowId: tab.windowId, index: tab.index + 1, openerTabId: tab.id });
      return id;
    } finally {
      this.busy.delete(tab.id);
    }
  }

  async pageResult(tab) {
    const entry = this.bg.tabs.get(tab.id);
    if (entry && entry.page && entry.url === tab.url.split("#")[0]) {
      return entry.page;
    }
    try {
      return await this.bg.urls.get(tab.url);
    } catch (e) {
      return null; // no host: the file says what the page was, without a verdict
    }
  }

  /** What was collected under `id`, once: the report page saves it. */
  take(id) {
    const kept = this.stash.get(id);
    if (!kept) {
      return null;
    }
    clearTimeout(kept.timer);
    this.stash.delete(id);
    return kept.data;
  }
}
