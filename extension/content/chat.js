// Finding chat widgets and their messages, and watching them. Known structures come first
// (content/chat-structures.js: verified selectors per chat UI library), then a heuristic:
// containers whose class, id, role or label says chat / message list / IM / kefu / 客服, and
// message elements inside them — never an element that holds several messages. Open shadow roots
// (and closed ones where the browser lets an extension reach them) are scanned and observed like
// the document. New messages are collected by one MutationObserver, processed in idle time in
// small slices, and sent to the background in batches. Sets globalThis.KefuGuard.chat.
(function (root) {
  "use strict";
  const ns = root.KefuGuard || (root.KefuGuard = {});
  if (ns.chat) {
    return;
  }
  const { vocabulary } = ns;
  const STRUCTURES = ns.chatStructures || [];
  const { parentOf } = ns.dom;

  const CONTAINER_WORDS = new Set([
    "chat", "chats", "chatbox", "chatroom", "chatlist", "im", "webim", "kefu", "conversation", "conversations",
    "messages", "msgs", "msglist", "livechat", "wangwang", "dongdong", "dialogue", "bubbles",
  ]);
  const MESSAGE_WORDS = new Set(["message", "msg", "bubble"]);
  const LIST_WORDS = new Set([
    "list", "box", "panel", "container", "area", "window", "wrap", "wrapper", "history", "log", "pane", "scroll", "records",
  ]);
  // parts of a chat widget that are not the message list
  const NOT_CONTAINER_WORDS = new Set([
    "input", "editor", "toolbar", "footer", "header", "btn", "button", "icon", "avatar", "count", "unread", "badge",
    "launcher", "toggle", "tip", "tips", "tooltip", "emoji", "send", "textarea", "notice", "error", "preview",
  ]);
  const BUBBLE_WORDS = new Set(["msg", "message", "bubble", "item", "record", "entry", "row", "reply", "cell", "chatitem", "msgitem"]);
  // a word that makes an element a part of one message (its text, time, name...), not a message
  const PART_WORDS = new Set([
    "text", "content", "body", "title", "time", "timestamp", "date", "meta", "status", "avatar", "name", "nick", "sender",
    "author", "header", "footer", "info", "actions", "action", "reactions", "attachment", "image", "img", "icon",
    "html", "username", "label", "tick", "ticks",
  ]);
  const OUTGOING_WORDS = new Set([
    "right", "self", "me", "mine", "my", "own", "sent", "outgoing", "out", "user", "customer", "buyer", "visitor", "client",
    "human", "end", "current",
  ]);
  const INCOMING_WORDS = new Set([
    "left", "agent", "service", "kefu", "staff", "seller", "incoming", "in", "received", "receive", "other", "others",
    "them", "bot", "robot", "server", "operator", "support", "ai", "start",
  ]);
  // words strong enough to be read on an element inside the message (not only around it)
  const STRONG_OUTGOING = new Set(["outgoing", "out", "sent", "self", "mine", "right", "human", "end", "current"]);
  const STRONG_INCOMING = new Set(["incoming", "in", "received", "left", "bot", "start"]);
  const SENDER_WORDS = new Set(["name", "nick", "nickname", "sender", "author", "username", "peer", "title"]);
  const ASIDE_WORDS = new Set(["header", "footer"]); // a message's header or footer line: its name, time, status
  const TIME_WORDS = new Set(["time", "timestamp", "date", "datetime", "meta", "status", "tick", "ticks", "receipt", "read"]);
  const CJK_CHAT = /客服|聊天|消息|会话|咨询/;
  const INLINE_TAGS = new Set(["SPAN", "A", "B", "I", "EM", "STRONG", "BR", "P", "FONT", "SMALL", "IMG", "CODE", "U", "S", "SUB", "SUP", "MARK"]);

  const CONTAINER_PREFILTER = [
    "[role='log']", "[data-kefuguard-chat]", "[class*='chat' i]", "[id*='chat' i]", "[class*='message' i]", "[id*='message' i]",
    "[class*='msg' i]", "[id*='msg' i]", "[class*='kefu' i]", "[id*='kefu' i]", "[class*='im' i]", "[id*='im' i]",
    "[class*='conversation' i]", "[class*='bubbles' i]", "[aria-label*='chat' i]", "[aria-label*='客服']", "[aria-label*='聊天']",
    "[aria-label*='消息']",
    ...STRUCTURES.map((s) => s.list),
  ].join(",");
  const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "CANVAS", "VIDEO", "AUDIO", "IFRAME", "INPUT", "TEXTAREA", "SELECT", "BUTTON"]);
  const OUR_TAG = /^KEFUGUARD-/;
  const MAX_DEPTH = 30;
  const SLICE_MS = 6; // main-thread time per processing slice
  const SHADOW_RECHECK_MS = [250, 1000, 3000, 8000]; // custom elements defined (and given a shadow root) late

  const tokenCache = new WeakMap();

  /** Lower-case words of an element's class, id, role, aria-label and data-testid. */
  function tokens(el) {
    let t = tokenCache.get(el);
    if (t) {
      return t;
    }
    let raw = el.getAttribute("class") || "";
    for (const value of [el.id, el.getAttribute("role"), el.getAttribute("aria-label"), el.getAttribute("data-testid")]) {
      if (value) {
        raw += " " + value;
      }
    }
    const words = raw.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    t = { words: new Set(words), cjk: CJK_CHAT.test(raw) };
    tokenCache.set(el, t);
    return t;
  }

  /** Whether the two sets share a word (the smaller one is walked: an element has a few words). */
  const hasAny = (set, words) => {
    if (words.size < set.size) {
      for (const w of words) {
        if (set.has(w)) {
          return true;
        }
      }
      return false;
    }
    for (const w of set) {
      if (words.has(w)) {
        return true;
      }
    }
    return false;
  };

  /** The element's shadow root: open ones, and closed ones of custom elements where the browser lets us. */
  function shadowOf(el) {
    if (el.shadowRoot) {
      return el.shadowRoot;
    }
    if (!el.localName.includes("-") || OUR_TAG.test(el.tagName)) {
      return null;
    }
    try {
      if (typeof chrome === "object" && chrome.dom && typeof chrome.dom.openOrClosedShadowRoot === "function") {
        return chrome.dom.openOrClosedShadowRoot(el) || null; // Chromium
      }
      return el.openOrClosedShadowRoot || null; // Firefox
    } catch (e) {
      return null;
    }
  }

  const structureCache = new WeakMap();
  const ANY_LIST = STRUCTURES.map((s) => s.list).join(","); // one match for most elements, not one per structure

  /** Whether `el` sits inside an element matching `selector`, across shadow roots. */
  function within(el, selector) {
    for (let n = parentOf(el), depth = 0; n && depth < MAX_DEPTH; n = parentOf(n), depth++) {
      if (n.matches(selector)) {
        return true;
      }
    }
    return false;
  }

  function structureOf(el) {
    let s = structureCache.get(el);
    if (s === undefined) {
      s = ANY_LIST && el.matches(ANY_LIST) ? STRUCTURES.find((c) => el.matches(c.list) && (!c.within || within(el, c.within))) || null : null;
      structureCache.set(el, s);
    }
    return s;
  }

  const containerCache = new WeakMap();

  /**
   * What an element's own words say: "chat" (a chat area: chat / im / kefu / messages / 客服...),
   * "list" (message + list / box / wrapper...: a list of messages, or a message's own box), or null.
   */
  function containerWords(el) {
    if (el.getAttribute("role") === "log") {
      return "chat";
    }
    const { words, cjk } = tokens(el);
    const listy = hasAny(words, LIST_WORDS);
    // "chat-message" is one message, "chat-messages" / "msg-list" hold many
    if (hasAny(words, NOT_CONTAINER_WORDS) || (!listy && hasAny(words, BUBBLE_WORDS))) {
      return null;
    }
    const messagey = hasAny(words, MESSAGE_WORDS);
    if ((hasAny(words, CONTAINER_WORDS) || cjk) && !messagey) {
      return "chat";
    }
    // with "message" in it ("deep-chat-outer-message-container") it may be one message's box
    return messagey && (listy || hasAny(words, CONTAINER_WORDS)) ? "list" : null;
  }

  function isContainer(el) {
    let known = containerCache.get(el);
    if (known !== undefined) {
      return known;
    }
    known = false;
    if (el !== document.body && el !== document.documentElement && !SKIP_TAGS.has(el.tagName) && !OUR_TAG.test(el.tagName)) {
      if (structureOf(el)) {
        known = true;
      } else {
        const kind = containerWords(el);
        known = kind !== null && !partOfAMessage(el, kind);
      }
    }
    containerCache.set(el, known);
    return known;
  }

  /**
   * Whether a container-worded element is a part of one message or an item of an outer list, not
   * a list itself: inside a message element below the chat area ("chat-text" in a bubble), or —
   * for the weaker message + box/wrapper words — a message's part ("message__content-wrapper") or
   * anything under another chat area ("outer-message-container", a day's "message-group").
   */
  function partOfAMessage(el, kind) {
    if (kind === "list" && hasAny(tokens(el).words, PART_WORDS)) {
      return true;
    }
    let bubbleBelow = false;
    for (let n = parentOf(el), depth = 0; n && depth < MAX_DEPTH && n !== document.body; n = parentOf(n), depth++) {
      if (structureOf(n) || containerWords(n)) {
        return bubbleBelow || kind === "list";
      }
      bubbleBelow = bubbleBelow || bubbleLike(n);
    }
    return false;
  }

  // Where an element's container is, per element whose children were added (a chat list's new
  // messages share their parent: found once, not once per message). Valid while no element has
  // been removed or moved anywhere since (treeGeneration), as only that changes an element's ancestors.
  let treeGeneration = 0;
  const containerAbove = new WeakMap(); // element -> { generation, container }

  /** The page removed or moved elements: the positions remembered above may be stale. */
  function elementsMoved() {
    treeGeneration++;
  }

  /** The list of a known chat UI holding `el`, else the deepest chat container, across shadow roots, or null. */
  function containerOf(el) {
    if (structureOf(el)) {
      return el;
    }
    const parent = parentOf(el);
    let above = null;
    if (parent) {
      const known = containerAbove.get(parent);
      if (known && known.generation === treeGeneration) {
        above = known.container;
      } else {
        above = findContainer(parent);
        containerAbove.set(parent, { generation: treeGeneration, container: above });
      }
    }
    // a known chat UI's list anywhere above wins over a nearer container found by words
    if (above && structureOf(above)) {
      return above;
    }
    return isContainer(el) ? el : above;
  }

  function findContainer(el) {
    let n = el;
    for (let depth = 0; n && depth < MAX_DEPTH; depth++, n = parentOf(n)) {
      if (n.nodeType === 1 && structureOf(n)) {
        return n;
      }
    }
    n = el;
    for (let depth = 0; n && depth < MAX_DEPTH; depth++, n = parentOf(n)) {
      if (n.nodeType === 1 && isContainer(n)) {
        return n;
      }
    }
    return null;
  }

  /** Whether `el` looks like one message by its words (not a part of one, not a list of them). */
  function bubbleLike(el) {
    if (SKIP_TAGS.has(el.tagName) || OUR_TAG.test(el.tagName)) {
      return false;
    }
    const role = el.getAttribute("role");
    if (el.tagName === "LI" || role === "listitem" || role === "article") {
      return true;
    }
    const { words } = tokens(el);
    // a group of messages ("message-group") passes here and is opened up by holdsSeveral()
    return hasAny(words, BUBBLE_WORDS) && !hasAny(words, PART_WORDS) && !hasAny(words, LIST_WORDS);
  }

  const hasText = (el) => /\S/.test(el.textContent || "");

  /**
   * Whether `el` is inside an editing area (a chat input), from attributes alone: the browser's
   * `isContentEditable` brings the page's style up to date first (a recalculation per added node
   * when the page has just changed), which a watcher of every added node must not force.
   */
  function editable(el) {
    if (document.designMode === "on") {
      return true;
    }
    const area = el.closest("[contenteditable]");
    return Boolean(area) && area.getAttribute("contenteditable").toLowerCase() !== "false";
  }

  /** The outermost message-like elements with text inside `scope` (not `scope` itself), the first `max`. */
  function outermostBubbles(scope, max = Infinity) {
    const out = [];
    for (const candidate of scope.querySelectorAll("*")) {
      if (out.length && out[out.length - 1].contains(candidate)) {
        continue;
      }
      if (bubbleLike(candidate) && hasText(candidate)) {
        out.push(candidate);
        if (out.length >= max) {
          break;
        }
      }
    }
    return out;
  }

  /** Whether `el` holds two or more messages (then it is a list or a group, never one message). */
  function holdsSeveral(el) {
    if (!el.firstElementChild) {
      return false; // text alone: one message at most
    }
    return outermostBubbles(el, 2).length >= 2 || repeatedChildren(singleChildEnd(el)).length >= 2;
  }

  const countable = (c) => !SKIP_TAGS.has(c.tagName) && !OUR_TAG.test(c.tagName) && hasText(c);

  /** Down through wrappers that hold only one element with text. */
  function singleChildEnd(el) {
    let n = el;
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      let only = null;
      let count = 0;
      for (let c = n.firstElementChild; c && count < 2; c = c.nextElementSibling) {
        if (countable(c)) {
          only = c;
          count++;
        }
      }
      if (count !== 1) {
        break;
      }
      n = only;
    }
    return n;
  }

  /** Children of `el` that repeat one structure (a list's items): same tag and first class word, with text. */
  function repeatedChildren(el) {
    if (el.childElementCount < 2) {
      return [];
    }
    const kids = [...el.children].filter(countable);
    if (kids.length < 2 || kids.every((c) => INLINE_TAGS.has(c.tagName))) {
      return [];
    }
    const signature = (c) => c.tagName + "." + ((c.getAttribute("class") || "").trim().split(/\s+/)[0] || "");
    const counts = new Map();
    for (const c of kids) {
      counts.set(signature(c), (counts.get(signature(c)) || 0) + 1);
    }
    const repeated = kids.filter((c) => counts.get(signature(c)) >= 2 && !hasAny(tokens(c).words, PART_WORDS));
    return repeated.length >= 2 ? kids : [];
  }

  /** The messages inside `scope` (an element under or equal to a container) when nothing above it is one. */
  function messagesInside(scope) {
    const bubbles = outermostBubbles(scope);
    if (bubbles.length) {
      // a "bubble" that still holds several (a group, a day) is opened up
      return bubbles.flatMap((b) => (holdsSeveral(b) ? messagesInside(b) : [b]));
    }
    const items = repeatedChildren(singleChildEnd(scope));
    if (items.length) {
      return items.flatMap((item) => (holdsSeveral(item) ? messagesInside(item) : [item]));
    }
    return hasText(scope) ? [scope] : [];
  }

  /** The message elements that `el` (an added or changed node inside `container`) belongs to or holds. */
  function messagesFor(el, container) {
    const structure = structureOf(container);
    if (structure) {
      const own = el.closest(structure.message);
      if (own && container.contains(own)) {
        return [own];
      }
      const inside = [...el.querySelectorAll(structure.message)];
      if (el.matches(structure.message)) {
        inside.unshift(el);
      }
      return inside.filter((m, i) => !inside.slice(0, i).some((p) => p.contains(m)));
    }
    let top = null;
    for (let n = el; n && n !== container; n = parentOf(n)) {
      if (bubbleLike(n)) {
        top = n;
      }
    }
    if (top && !holdsSeveral(top)) {
      return [top];
    }
    return el === container ? messagesInside(el) : holdsSeveral(el) ? messagesInside(el) : [el];
  }

  function matchesAround(messageEl, container, selector) {
    if (!selector) {
      return false;
    }
    if (messageEl.matches(selector) || messageEl.querySelector(selector)) {
      return true;
    }
    const up = messageEl.closest(selector);
    return Boolean(up && container.contains(up) && up !== container);
  }

  function directionOf(messageEl, container) {
    const structure = structureOf(container);
    if (structure) {
      if (matchesAround(messageEl, container, structure.outgoing)) {
        return "outgoing";
      }
      if (structure.outgoing || matchesAround(messageEl, container, structure.incoming)) {
        return "incoming";
      }
    }
    // the message and the elements around it, up to the container
    for (let n = messageEl; n && n !== container; n = parentOf(n)) {
      const attr = (n.getAttribute("data-direction") || n.getAttribute("data-from") || "").toLowerCase();
      const { words } = tokens(n);
      if (attr === "outgoing" || attr === "self" || attr === "me" || hasAny(words, OUTGOING_WORDS)) {
        return "outgoing";
      }
      if (attr === "incoming" || hasAny(words, INCOMING_WORDS)) {
        return "incoming";
      }
    }
    // then inside it (a modifier on the bubble within the row), strong words only
    let seen = 0;
    const walker = document.createTreeWalker(messageEl, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n && seen < 40; n = walker.nextNode(), seen++) {
      const { words } = tokens(n);
      if (hasAny(words, STRONG_OUTGOING)) {
        return "outgoing";
      }
      if (hasAny(words, STRONG_INCOMING)) {
        return "incoming";
      }
    }
    return "incoming";
  }

  /** Whether `el` inside a message is its time, status or sender line rather than its text. */
  function isAside(el, structure) {
    if (structure && ((structure.skip && el.matches(structure.skip)) || (structure.sender && el.matches(structure.sender)))) {
      return true;
    }
    const { words } = tokens(el);
    if (!hasAny(words, TIME_WORDS) && !hasAny(words, SENDER_WORDS) && !hasAny(words, ASIDE_WORDS)) {
      return false;
    }
    return (el.textContent || "").length <= 60;
  }

  /** The text nodes' values under `node` in document order, leaving out what messageText() leaves out. */
  function collectText(node, structure, parts) {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        parts.push(c.nodeValue);
      } else if (c.nodeType === 1 && !SKIP_TAGS.has(c.tagName) && !OUR_TAG.test(c.tagName) && !isAside(c, structure)) {
        collectText(c, structure, parts);
      }
    }
  }

  /** Visible text of a message without scripts, styles, our widgets, times or names; link targets added. */
  function messageText(messageEl, structure = null) {
    const parts = [];
    // a walk of its own, not a TreeWalker with a filter: that calls back into script for every node
    collectText(messageEl, structure, parts);
    let text = parts.join(" ").replace(/\s+/g, " ").trim();
    for (const a of messageEl.querySelectorAll("a[href]")) {
      const href = a.href;
      if (/^https?:/i.test(href) && !text.includes(href)) {
        text += " " + href;
      }
    }
    return text.slice(0, vocabulary.limits().text);
  }

  function senderOf(messageEl, structure = null) {
    const candidates = structure ? (structure.sender ? messageEl.querySelectorAll(structure.sender) : []) : messageEl.querySelectorAll("[class]");
    for (const candidate of candidates) {
      if (!structure) {
        const { words } = tokens(candidate);
        if (!hasAny(SENDER_WORDS, words) || hasAny(TIME_WORDS, words)) {
          continue;
        }
      }
      const name = (candidate.textContent || "").replace(/\s+/g, " ").trim();
      if (name && name.length <= 60) {
        return name;
      }
    }
    return undefined;
  }

  /** Whether `el` sits in a chat widget (for the send guard: inputs and send buttons). */
  function inChatArea(el) {
    for (let n = el, depth = 0; n && depth < MAX_DEPTH; depth++, n = parentOf(n)) {
      if (n.nodeType !== 1 || n === document.body) {
        break;
      }
      const { words, cjk } = tokens(n);
      if (cjk || hasAny(words, CONTAINER_WORDS) || hasAny(words, MESSAGE_WORDS) || structureOf(n)) {
        return n;
      }
    }
    return null;
  }

  /**
   * Watches the document and the shadow roots in it for chat messages. `check(batch)` gets
   * [{el, text, direction, sender}] and resolves when their results are applied; `drop(el)`
   * removes what was shown for an element that turned out to hold several messages; `seen(el,
   * {text, direction, sender})` hears of every message read, the user's own (never checked) too.
   */
  class ChatWatcher {
    constructor(check, drop = () => {}, seen = () => {}) {
      this.check = check;
      this.drop = drop;
      this.seen = seen;
      this.pendingNodes = new Set();
      this.queue = new Map(); // message element -> item, oldest first (a re-read message moves to the end)
      this.lastText = new WeakMap(); // message element -> text last sent
      this.messages = new WeakSet(); // elements taken as one message
      this.roots = new WeakSet(); // document and shadow roots observed
      this.lateHosts = new Set(); // custom elements without a shadow root yet
      this.lateTimer = null;
      this.processScheduled = false;
      this.flushTimer = null;
      this.firstQueuedAt = 0;
      this.lastQueuedAt = 0;
      this.inFlight = 0;
      this.observer = new MutationObserver((records) => this.onMutations(records));
    }

    start() {
      this.watchRoot(document);
      this.scheduleProcessing();
    }

    /** Observe a document or shadow root and queue the chat containers already in it. */
    watchRoot(rootNode) {
      if (this.roots.has(rootNode)) {
        return;
      }
      this.roots.add(rootNode);
      this.observer.observe(rootNode === document ? document.documentElement : rootNode, { childList: true, subtree: true, characterData: true });
      for (const candidate of rootNode.querySelectorAll(CONTAINER_PREFILTER)) {
        if (isContainer(candidate)) {
          this.pendingNodes.add(candidate);
        }
      }
      this.findShadowRoots(rootNode);
    }

    /** Shadow roots under `scope` (an element or a root) are watched too; late ones rechecked. */
    findShadowRoots(scope) {
      if (scope.nodeType === 1) {
        this.considerHost(scope);
        if (!scope.firstElementChild) {
          return;
        }
      }
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        this.considerHost(n);
      }
    }

    considerHost(el) {
      const shadow = shadowOf(el);
      if (shadow) {
        this.watchRoot(shadow);
      } else if (el.localName.includes("-") && !OUR_TAG.test(el.tagName)) {
        this.lateHosts.add(el);
        this.scheduleLateCheck(0);
      }
    }

    scheduleLateCheck(step) {
      if (this.lateTimer || step >= SHADOW_RECHECK_MS.length) {
        return;
      }
      this.lateTimer = setTimeout(() => {
        this.lateTimer = null;
        for (const el of this.lateHosts) {
          const shadow = el.isConnected ? shadowOf(el) : null;
          if (shadow || !el.isConnected) {
            this.lateHosts.delete(el);
          }
          if (shadow) {
            this.watchRoot(shadow);
          }
        }
        this.scheduleProcessing();
        if (this.lateHosts.size) {
          this.scheduleLateCheck(step + 1);
        }
      }, SHADOW_RECHECK_MS[step]);
    }

    onMutations(records) {
      // only collect here: the page's own work must not wait for ours
      const layer = ns.markLayer.get();
      let pageChanged = false;
      for (const record of records) {
        if (layer.owns(record.target)) {
          continue; // our own marks going in and out
        }
        pageChanged = true;
        if (record.type === "characterData") {
          this.pendingNodes.add(record.target);
          continue;
        }
        for (const node of record.removedNodes) {
          if (node.nodeType === 1) {
            elementsMoved();
            break;
          }
        }
        for (const node of record.addedNodes) {
          this.pendingNodes.add(node);
        }
      }
      if (pageChanged) {
        layer.pageChanged(); // its frame is coming: new marks go in with it, and marks follow messages that moved
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
      if (!el || !el.isConnected || OUR_TAG.test(el.tagName) || SKIP_TAGS.has(el.tagName) || editable(el)) {
        return;
      }
      if (node.nodeType === 1) {
        this.findShadowRoots(el);
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
      }
      for (const m of messagesFor(el, container).slice(-200)) {
        this.consider(m, container);
      }
    }

    consider(messageEl, container) {
      if (OUR_TAG.test(messageEl.tagName) || SKIP_TAGS.has(messageEl.tagName) || messageEl === container) {
        return;
      }
      // an element taken earlier for one message that now holds this one was a list: undo it
      for (let n = parentOf(messageEl); n && n !== container; n = parentOf(n)) {
        if (this.messages.has(n)) {
          this.messages.delete(n);
          this.lastText.delete(n);
          this.drop(n);
        }
      }
      const structure = structureOf(container);
      const direction = directionOf(messageEl, container);
      const text = messageText(messageEl, structure);
      if (text.length < (direction === "outgoing" ? 1 : 2) || this.lastText.get(messageEl) === text) {
        return;
      }
      this.messages.add(messageEl);
      this.lastText.set(messageEl, text);
      if (direction === "outgoing") {
        // the user's own sent messages are not checked (the send guard warns before they go), only noted
        this.seen(messageEl, { text, direction });
        return;
      }
      const item = { el: messageEl, text, direction };
      const sender = senderOf(messageEl, structure);
      if (sender) {
        item.sender = sender;
        if (text.startsWith(sender) && text.length > sender.length + 1) {
          item.text = text.slice(sender.length).trim(); // the name is sent as `sender`
        }
      }
      this.seen(messageEl, { text: item.text, direction, sender: item.sender });
      this.enqueue(item);
    }

    enqueue(item) {
      this.queue.delete(item.el);
      this.queue.set(item.el, item);
      const now = performance.now();
      this.lastQueuedAt = now;
      if (!this.firstQueuedAt) {
        this.firstQueuedAt = now;
      }
      if (this.queue.size >= vocabulary.limits().batch) {
        this.flush();
        return;
      }
      if (!this.flushTimer) {
        this.flushTimer = setTimeout(() => this.flushWhenDue(), this.flushWait(now));
      }
    }

    /**
     * Debounce: a batch goes after a quiet 120 ms, never more than 400 ms after its first message.
     * One timer per batch, moved on when it fires early, not one per message.
     */
    flushWait(now) {
      return Math.max(0, Math.min(this.lastQueuedAt + 120, this.firstQueuedAt + 400) - now);
    }

    flushWhenDue() {
      this.flushTimer = null;
      if (!this.queue.size) {
        return;
      }
      const wait = this.flushWait(performance.now());
      if (wait > 1) {
        this.flushTimer = setTimeout(() => this.flushWhenDue(), wait);
        return;
      }
      this.flush();
    }

    flush() {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
      this.firstQueuedAt = 0;
      const batchSize = vocabulary.limits().batch;
      const items = [...this.queue.values()];
      this.queue.clear();
      for (let start = 0; start < items.length; start += batchSize) {
        const batch = items.slice(start, start + batchSize);
        this.inFlight++;
        this.check(batch).finally(() => {
          this.inFlight--;
        });
      }
    }

    stop() {
      this.observer.disconnect();
      clearTimeout(this.flushTimer);
      clearTimeout(this.lateTimer);
    }
  }

  ns.chat = Object.freeze({
    ChatWatcher, inChatArea, containerOf, isContainer, structureOf, messagesFor, messageText, directionOf, STRUCTURES, bubbleLike,
  });
})(globalThis);
