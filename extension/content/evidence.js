// What this frame saw, for an evidence file (docs/evidence.md): the chat messages the chat watcher
// read (both directions, in the order seen, with the time first seen and the host's result), the
// links warned about, the user's own texts the send guard checked. Nothing here reads an input's
// value: message texts come from the chat's rendered messages only (inputs, textareas and password
// fields are never read). The background asks every frame of the tab for it when the user saves
// evidence (`evidence_collect`), and has our warnings step aside for the screenshot before
// (`evidence_capture`); `save()` is the in-page "Save evidence" buttons' request.
// Sets globalThis.KefuGuard.evidenceLog.
(function (root) {
  "use strict";
  const ns = root.KefuGuard || (root.KefuGuard = {});
  if (ns.evidenceLog) {
    return;
  }
  const api = root.browser ?? root.chrome;
  const { messaging, vocabulary } = ns;

  const MAX_MESSAGES = 500; // the latest ones are kept
  const MAX_LINKS = 50;
  const MAX_OUTGOING = 20;
  const CAPTURE_WAIT_MS = 120; // longest wait for the frame without our warning to be painted

  const entries = []; // [{direction, sender?, text, time (ms since the epoch), result?}] in the order first seen
  const byElement = new WeakMap(); // message element -> its entry (no element is kept alive)
  const links = new Map(); // href -> result (caution and danger only)
  const outgoing = new Map(); // normalized text -> the send guard's result for it

  const normalized = (text) => String(text).replace(/\s+/g, " ").trim();

  /** A chat message seen (new, or its text changed). */
  function noteMessage(el, { text, direction, sender }) {
    let entry = byElement.get(el);
    if (!entry) {
      // the time as a number: formatted only when evidence is collected, not once per message seen
      entry = { direction: direction === "outgoing" ? "outgoing" : "incoming", text: "", time: Date.now() };
      byElement.set(el, entry);
      entries.push(entry);
      if (entries.length > MAX_MESSAGES) {
        entries.shift();
      }
    }
    if (entry.text !== text) {
      entry.text = text;
      delete entry.result; // the old text's result
    }
    if (sender) {
      entry.sender = sender;
    }
  }

  /** The host's result for a message noted before. */
  function noteResult(el, result) {
    const entry = byElement.get(el);
    if (entry) {
      entry.result = result;
    }
  }

  /** An element taken for one message turned out to hold several: it is no message. */
  function forget(el) {
    const entry = byElement.get(el);
    if (entry) {
      byElement.delete(el);
      const at = entries.indexOf(entry);
      if (at !== -1) {
        entries.splice(at, 1);
      }
    }
  }

  function noteLink(href, result) {
    if (result && vocabulary.warningRank(result.level) > 0) {
      links.delete(href);
      links.set(href, result);
      if (links.size > MAX_LINKS) {
        links.delete(links.keys().next().value);
      }
    }
  }

  function noteOutgoing(text, result) {
    if (result) {
      outgoing.set(normalized(text), result);
      if (outgoing.size > MAX_OUTGOING) {
        outgoing.delete(outgoing.keys().next().value);
      }
    }
  }

  /** This frame's share of the evidence: what the background's `evidence_collect` gets. */
  function collect() {
    const chat = entries
      .filter((e) => e.text)
      .map((e) => {
        const out = { direction: e.direction, text: e.text, time: new Date(e.time).toISOString() };
        if (e.sender) {
          out.sender = e.sender;
        }
        const result = e.result || (e.direction === "outgoing" ? outgoing.get(normalized(e.text)) : undefined);
        if (result) {
          out.result = result;
        }
        return out;
      });
    return { chat, links: [...links.values()] };
  }

  const OUR_WARNINGS = "kefuguard-banner, kefuguard-popover, kefuguard-mark";

  /**
   * While the background takes the screenshot our warnings step aside (the banner and the link
   * warning are hidden, a mark keeps its one line), so it shows the page as it is, not our warning
   * over it. Resolves once a frame without them has been painted.
   */
  async function stepAside(on) {
    for (const host of document.querySelectorAll(OUR_WARNINGS)) {
      host.toggleAttribute("data-kefuguard-capturing", on);
    }
    if (on) {
      await painted();
    }
  }

  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!message || typeof message.kefuguard !== "string" || sender.id !== api.runtime.id) {
      return false;
    }
    if (message.kefuguard === "evidence_collect") {
      sendResponse(collect());
    } else if (message.kefuguard === "evidence_capture") {
      stepAside(message.on === true).then(() => sendResponse({ ok: true }));
      return true; // answered once painted
    }
    return false;
  });

  /** Until the next frame is painted (or a short while, when frames are not being drawn). */
  function painted() {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, CAPTURE_WAIT_MS);
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          clearTimeout(timer);
          resolve();
        }),
      );
    });
  }

  /**
   * "Save evidence" from an in-page warning: the background has the warnings step aside, takes the
   * screenshot, collects every frame's share and opens the report page, which saves the file.
   */
  function save(source, linkUrl) {
    return messaging.send("save_evidence", linkUrl ? { source, link_url: linkUrl } : { source });
  }

  ns.evidenceLog = Object.freeze({ noteMessage, noteResult, forget, noteLink, noteOutgoing, collect, save });
})(globalThis);
