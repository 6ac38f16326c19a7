// Finding chat widgets and their messages, and watching them. Known structures come first (a
// table of selectors), then a generic heuristic: containers whose class, id, role or label says
// chat / message list / IM / kefu / 客服, and message bubbles inside them. New messages are
// collected by one MutationObserver, processed in idle time in small slices, and sent to the
// background in batches. Sets globalThis.KefuGuard.chat.
(function (root) {
  "use strict";
  const ns = root.KefuGuard || (root.KefuGuard = {});
  if (ns.chat) {
    return;
  }
  const { vocabulary } = ns;

  // Known widget structures: container and message selectors, and how to tell the direction.
  // Selectors of third-party widgets change without notice; the heuristic below covers the rest.
  const KNOWN_WIDGETS = [
    // our own documented convention, for sites that want to be checked precisely
    { container: "[data-kefuguard-chat]", message: "[data-kefuguard-message]", outgoing: "[data-direction='outgoing']" },
    // ARIA chat logs (role=log is the ARIA role for a chat transcript)
    { container: "[role='log']", message: "[role='article'], [role='listitem'], li", outgoing: "" },
  ];

  const CONTAINER_WORDS = new Set([
    "chat", "chats", "chatbox", "chatroom", "chatlist", "im", "webim", "kefu", "conversation", "conversations",
    "messages", "msgs", "msglist", "livechat", "wangwang", "dongdong", "dialogue",
  ]);
  const MESSAGE_WORDS = new Set(["message", "msg"]);
  const LIST_WORDS = new Set([
    "list", "box", "panel", "container", "area", "window", "wrap", "wrapper", "history", "log", "pane", "scroll", "records",
  ]);
  // parts of a chat widget that are not the message list
  const NOT_CONTAINER_WORDS = new Set([
    "input", "editor", "toolbar", "footer", "header", "btn", "button", "icon", "avatar", "count", "unread", "badge",
    "launcher", "toggle", "tip", "tips", "tooltip", "emoji", "send", "textarea", "notice", "error", "preview",
  ]);
  const BUBBLE_WORDS = new Set(["msg", "message", "bubble", "item", "record", "entry", "row", "reply", "cell", "chatitem", "msgitem"]);
  const OUTGOING_WORDS = new Set(["right", "self", "me", "mine", "my", "own", "sent", "outgoing", "out", "user", "customer", "buyer", "visitor", "client"]);
  const INCOMING_WORDS = new Set([
    "left", "agent", "service", "kefu", "staff", "seller", "incoming", "in", "received", "receive", "other", "others",
    "them", "bot", "robot", "server", "operator", "support",
  ]);
  const SENDER_WORDS = new Set(["name", "nick", "nickname", "sender", "author", "username"]);
  const CJK_CHAT = /客服|聊天|消息|会话|咨询/;

  const CONTAINER_PREFILTER = [
    "[role='log']", "[data-kefuguard-chat]", "[class*='chat' i]", "[id*='chat' i]", "[class*='message' i]", "[id*='message' i]",
    "[class*='msg' i]", "[id*='msg' i]", "[class*='kefu' i]", "[id*='kefu' i]", "[class*='im' i]", "[id*='im' i]",
    "[class*='conversation' i]", "[aria-label*='chat' i]", "[aria-label*='客服']", "[aria-label*='聊天']", "[aria-label*='消息']",
  ].join(",");
  const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "CANVAS", "VIDEO", "AUDIO", "IFRAME", "INPUT", "TEXTAREA", "SELECT", "BUTTON"]);
  const OUR_TAG = /^KEFUGUARD-/;
  const MAX_DEPTH = 30;
  const SLICE_MS = 6; // main-thread time per processing slice

  const tokenCache = new WeakMap();

  /** Lower-case words of an element's class, id, role, aria-label and data-testid. */
  function tokens(el) {
    let t = tokenCache.get(el);
    if (t) {
      return t;
    }
    const raw = [
      el.getAttribute("class"), el.id, el.getAttribute("role"), el.getAttribute("aria-label"), el.getAttribute("data-testid"),
    ].filter(Boolean).join(" ");
    const words = raw.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    t = { words: new Set(words), cjk: CJK_CHAT.test(raw) };
    tokenCache.set(el, t);
    return t;
  }

  const hasAny = (set, words) => {
    for (const w of set) {
      if (words.has(w)) {
        return true;
      }
    }
    return false;
  };

  const containerCache = new WeakMap();

  function isContainer(el) {
    let known = containerCache.get(el);
    if (known !== undefined) {
      return known;
    }
    known = false;
    if (el !== document.body && el !== document.documentElement && !SKIP_TAGS.has(el.tagName)) {
      if (KNOWN_WIDGETS.some((w) => el.matches(w.container))) {
        known = true;
      } else {
        const { words, cjk } = tokens(el);
        const listy = hasAny(words, LIST_WORDS);
        const bubbly = hasAny(words, BUBBLE_WORDS);
        // "chat-message" is one message, "chat-messages" / "msg-list" hold many
        if (!hasAny(words, NOT_CONTAINER_WORDS) && (listy || !bubbly)) {
          known = hasAny(words, CONTAINER_WORDS) || (hasAny(words, MESSAGE_WORDS) && listy) || cjk;
        }
      }
    }
    containerCache.set(el, known);
    return known;
  }

  /** The deepest chat container holding `el` (or `el` itself), or null. */
  function containerOf(el) {
    let n = el;
    for (let depth = 0; n && depth < MAX_DEPTH; depth++, n = n.parentElement) {
      if (n.nodeType === 1 && isContainer(n)) {
        return n;
      }
    }
    return null;
  }

  function isBubble(el, container) {
    const known = KNOWN_WIDGETS.find((w) => container.matches(w.container));
    if (known && el.matches(known.message)) {
      return true;
    }
    return el.tagName === "LI" || hasAny(tokens(el).words, BUBBLE_WORDS);
  }

  /** The message elements that `el` (an added node inside `container`) belongs to or holds. */
  function messagesFor(el, container) {
    let top = null;
    for (let n = el; n && n !== container; n = n.parentElement) {
      if (isBubble(n, container)) {
        top = n;
      }
    }
    if (top) {
      return [top];
    }
    const inner = outermostBubbles(el, container);
    return inner.length ? inner : [el];
  }

  function outermostBubbles(scope, container) {
    const out = [];
    for (const candidate of scope.querySelectorAll("*")) {
      if (out.length && out[out.length - 1].contains(candidate)) {
        continue;
      }
      if (!SKIP_TAGS.has(candidate.tagName) && !OUR_TAG.test(candidate.tagName) && isBubble(candidate, container)) {
        out.push(candidate);
      }
    }
    return out;
  }

  function directionOf(messageEl, container) {
    const known = KNOWN_WIDGETS.find((w) => container.matches(w.container));
    if (known && known.outgoing && messageEl.closest(known.outgoing)) {
      return "outgoing";
    }
    for (let n = messageEl; n && n !== container; n = n.parentElement) {
      const attr = (n.getAttribute("data-direction") || n.getAttribute("data-from") || "").toLowerCase();
      const { words } = tokens(n);
      if (attr === "outgoing" || attr === "self" || attr === "me" || hasAny(words, OUTGOING_WORDS)) {
        return "outgoing";
      }
      if (attr === "incoming" || hasAny(words, INCOMING_WORDS)) {
        return "incoming";
      }
    }
    return "incoming";
  }

  /** Visible text of a message without scripts, styles or our own widgets; link targets added. */
  function messageText(messageEl) {
    const parts = [];
    const walker = document.createTreeWalker(messageEl, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        if (node.nodeType === 1) {
          return SKIP_TAGS.has(node.tagName) || OUR_TAG.test(node.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      parts.push(node.nodeValue);
    }
    let text = parts.join(" ").replace(/\s+/g, " ").trim();
    for (const a of messageEl.querySelectorAll("a[href]")) {
      const href = a.href;
      if (/^https?:/i.test(href) && !text.includes(href)) {
        text += " " + href;
      }
    }
    return text.slice(0, vocabulary.limits().text);
  }

  function senderOf(messageEl) {
    for (const candidate of messageEl.querySelectorAll("[class]")) {
      if (hasAny(tokens(candidate).words, SENDER_WORDS)) {
        const name = (candidate.textContent || "").replace(/\s+/g, " ").trim();
        if (name && name.length <= 60) {
          return name;
        }
      }
    }
    return undefined;
  }

  /** Whether `el` sits in a chat widget (for the send guard: inputs and send buttons). */
  function inChatArea(el) {
    for (let n = el, depth = 0; n && depth < MAX_DEPTH; depth++, n = n.parentElement) {
      if (n.nodeType !== 1 || n === document.body) {
        break;
      }
      const { words, cjk } = tokens(n);
      if (cjk || hasAny(words, CONTAINER_WORDS) || hasAny(words, MESSAGE_WORDS) || KNOWN_WIDGETS.some((w) => n.matches(w.container))) {
        return n;
      }
    }
    return null;
  }

  /**
   * Watches the document for chat messages. `check(batch)` gets [{el, text, direction, sender}]
   * and resolves when their results are applied.
   */
  class ChatWatcher {
    constructor(check) {
      this.check = check;
      this.pendingNodes = new Set();
      this.queue = [];
      this.lastText = new WeakMap(); // message element -> text last sent
      this.processScheduled = false;
      this.flushTimer = null;
      this.firstQueuedAt = 0;
      this.inFlight = 0;
      this.observer = new MutationObserver((records) => this.onMutations(records));
    }

    start() {
      this.observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
      for (const candidate of document.querySelectorAll(CONTAINER_PREFILTER)) {
        if (isContainer(candidate)) {
          this.pendingNodes.add(candidate);
        }
      }
      this.scheduleProcessing();
    }

    onMutations(records) {
      // only collect here: the page's own work must not wait for ours
      for (const record of records) {
        if (record.type === "characterData") {
          this.pendingNodes.add(record.target);
          continue;
        }
        for (const node of record.addedNodes) {
          this.pendingNodes.add(node);
        }
      }
      this.scheduleProcessing();
    }

    scheduleProcessing() {
      if (this.processScheduled || this.pendingNodes.size === 0) {
        return;
      }
      this.processScheduled = true;
      const run = () => this.processSlice();
      if (typeof requestIdleCallback === "function") {
        requestIdleCallback(run, { timeout: 200 });
      } else {
        setTimeout(run, 30);
      }
    }

    processSlice() {
      this.processScheduled = false;
      const deadline = performance.now() + SLICE_MS;
      for (const node of this.pendingNodes) {
        this.pendingNodes.delete(node);
        this.processNode(node);
        if (performance.now() > deadline) {
          break;
        }
      }
      this.scheduleProcessing();
    }

    processNode(node) {
      const el = node.nodeType === 1 ? node : node.parentElement;
      if (!el || !el.isConnected || OUR_TAG.test(el.tagName) || SKIP_TAGS.has(el.tagName) || el.isContentEditable) {
        return;
      }
      const container = containerOf(el);
      if (!container) {
        if (node.nodeType === 1 && el.firstElementChild) {
          // a whole widget added at once: look for containers inside
          for (const candidate of el.querySelectorAll(CONTAINER_PREFILTER)) {
            if (isContainer(candidate)) {
              this.pendingNodes.add(candidate);
            }
          }
        }
        return;
      }
      if (container === el) {
        const inner = [...el.querySelectorAll(CONTAINER_PREFILTER)].filter(isContainer);
        if (inner.length) {
          // a widget's outer box: its message list is an inner container
          for (const c of inner) {
            this.pendingNodes.add(c);
          }
          return;
        }
        const bubbles = outermostBubbles(el, container);
        for (const m of (bubbles.length ? bubbles : [...el.children]).slice(-200)) {
          this.consider(m, container);
        }
        return;
      }
      for (const m of messagesFor(el, container)) {
        this.consider(m, container);
      }
    }

    consider(messageEl, container) {
      if (OUR_TAG.test(messageEl.tagName) || SKIP_TAGS.has(messageEl.tagName)) {
        return;
      }
      const direction = directionOf(messageEl, container);
      if (direction === "outgoing") {
        return; // the user's own sent messages: the send guard warns before they go
      }
      const text = messageText(messageEl);
      if (text.length < 2 || this.lastText.get(messageEl) === text) {
        return;
      }
      this.lastText.set(messageEl, text);
      const item = { el: messageEl, text, direction };
      const sender = senderOf(messageEl);
      if (sender) {
        item.sender = sender;
        if (text.startsWith(sender) && text.length > sender.length + 1) {
          item.text = text.slice(sender.length).trim(); // the name is sent as `sender`
        }
      }
      this.enqueue(item);
    }

    enqueue(item) {
      const existing = this.queue.findIndex((q) => q.el === item.el);
      if (existing !== -1) {
        this.queue.splice(existing, 1);
      }
      this.queue.push(item);
      if (!this.firstQueuedAt) {
        this.firstQueuedAt = performance.now();
      }
      if (this.queue.length >= vocabulary.limits().batch) {
        this.flush();
        return;
      }
      // debounce: wait for a quiet 120 ms, but never more than 400 ms after the first message
      clearTimeout(this.flushTimer);
      const wait = Math.max(0, Math.min(120, this.firstQueuedAt + 400 - performance.now()));
      this.flushTimer = setTimeout(() => this.flush(), wait);
    }

    flush() {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
      this.firstQueuedAt = 0;
      while (this.queue.length) {
        const batch = this.queue.splice(0, vocabulary.limits().batch);
        this.inFlight++;
        this.check(batch).finally(() => {
          this.inFlight--;
        });
      }
    }

    stop() {
      this.observer.disconnect();
      clearTimeout(this.flushTimer);
    }
  }

  ns.chat = Object.freeze({ ChatWatcher, inChatArea, containerOf, isContainer, messageText, KNOWN_WIDGETS });
})(globalThis);
