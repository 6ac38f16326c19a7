// Where chat marks are drawn: one layer of our own, outside the page's body, positioned over the
// page with fixed coordinates. A mark is never inserted among the page's elements, so it cannot
// squeeze a flex row, shift a list, match a page's `:last-child` rule or confuse a framework that
// owns the chat's DOM. Each mark follows its message: placed under the message, clipped to the
// scrolling boxes around it, hidden when the message is scrolled out of view, removed with it.
// Sets globalThis.KefuGuard.markLayer.
(function (root) {
  "use strict";
  const ns = root.KefuGuard || (root.KefuGuard = {});
  if (ns.markLayer) {
    return;
  }

  const GAP = 2; // px between a message and a mark under it
  const SIDE_GAP = 8; // px between a message's text and a mark beside it
  const SIDE_FULL = 260; // room beside the text for the full line: level, reason, "Details"
  const SIDE_COMPACT = 120; // room for the compact one: level and "Details"
  const ICON = 24; // the level sign alone
  const MAX_WIDTH = 480;
  const { parentOf } = ns.dom;
  const REFRESH_MS = 750; // layout can move without an event we see (images, fonts): re-place now and then
  const WAKE_EVERY = 4; // marks put aside are watched again every this many refreshes (see wake())
  // A new mark goes into the page with the page's own next change (its next frame), not in a task
  // of its own: every change to the document costs a frame (style, layout, paint, commit), and on a
  // busy chat a result batch's marks landing between the page's frames doubled their number. A page
  // that has not changed for a while gets its marks at once; a busy one waits at most this long.
  const BUSY_MS = 150; // a page changed this recently is busy: its next change is coming
  const COALESCE_MS = 60;
  const MAX_Z = "2147483647";

  // whether an element clips its content; messages of one chat share their ancestors, so this is
  // read once per ancestor, not once per mark
  const clipsCache = new WeakMap();

  function clips(n) {
    let known = clipsCache.get(n);
    if (known === undefined) {
      const style = getComputedStyle(n);
      known = style.overflowX !== "visible" || style.overflowY !== "visible";
      clipsCache.set(n, known);
    }
    return known;
  }

  // whether an element scrolls its content (overflow auto, scroll or overlay), read once per element
  const scrollsCache = new WeakMap();

  function scrolls(n) {
    let known = scrollsCache.get(n);
    if (known === undefined) {
      const style = getComputedStyle(n);
      known = /auto|scroll|overlay/.test(style.overflowY + style.overflowX);
      scrollsCache.set(n, known);
    }
    return known;
  }

  /**
   * The box `el` scrolls in: its nearest clipping ancestor when that scrolls, the document when
   * none clips, else null (a box that clips without scrolling may move its content by a transform,
   * which fires no scroll event).
   */
  function scrollerOf(el) {
    for (let n = parentOf(el); n && n !== document.documentElement && n !== document.body; n = parentOf(n)) {
      if (clips(n)) {
        return scrolls(n) ? n : null;
      }
    }
    return document;
  }

  const scrollPosition = (scroller) => {
    const box = scroller === document ? document.scrollingElement || document.documentElement : scroller;
    return { top: box.scrollTop, left: box.scrollLeft };
  };

  /** Boxes that clip `el` (overflow other than visible), nearest first, across shadow roots. */
  function clippersOf(el) {
    const out = [];
    for (let n = parentOf(el); n && n !== document.documentElement && n !== document.body; n = parentOf(n)) {
      if (clips(n)) {
        out.push(n);
      }
    }
    return out;
  }

  class MarkLayer {
    constructor() {
      this.layer = null;
      this.marks = new Map(); // anchor element -> { host, clippers }
      this.frame = 0;
      this.timer = null;
      // anchors and marks in view are watched for size changes; the rest cost nothing per frame
      this.resizeObserver = typeof ResizeObserver === "function" ? new ResizeObserver(() => this.schedule()) : null;
      // which anchors are in view (clipped by their scrolling boxes): only their marks are placed,
      // read or even visited on a frame, so a long chat with many marks costs what its visible part costs
      this.inView = new Set();
      this.intersection = typeof IntersectionObserver === "function"
        ? new IntersectionObserver((entries) => this.onIntersections(entries))
        : null;
      this.listening = new WeakSet();
      this.onScroll = () => this.schedule();
      this.onScrollEvent = (e) => {
        this.wake(e.target);
        this.schedule();
      };
      this.onResize = () => {
        this.wake(null);
        this.schedule();
      };
      // Marks whose message has scrolled out of its box are not watched every frame (every watched
      // message costs the browser a little on every frame, and a busy chat's marks mostly scroll
      // away unseen): a message above its box is watched again when the box scrolls up, one below
      // when it scrolls down, every one on a resize and every few refreshes (what moved without a
      // scroll: scroll anchoring moves the box's scroll position when content above changes size,
      // which fires a scroll event). scroller -> { position, above: Set, below: Set }
      this.dormant = new Map();
      this.dormantAnchors = new Map(); // anchor -> its scroller
      this.wakeAllDue = false;
      this.refreshes = 0;
      this.waiting = []; // anchors whose marks are not in the page yet
      this.waitTimer = null;
      this.lastPageChange = -Infinity;
    }

    onIntersections(entries) {
      let entered = false;
      const boxes = new Map(); // scroller -> its box now, read once per callback
      for (const e of entries) {
        const anchor = e.target;
        const mark = this.marks.get(anchor);
        if (!mark) {
          continue;
        }
        if (e.isIntersecting) {
          if (!this.inView.has(anchor)) {
            built(mark);
            this.inView.add(anchor);
            this.watchSize(anchor, mark, true);
            mark.host.style.setProperty("display", "block", "important"); // laid out from now on, placed next frame
            entered = true;
          }
        } else {
          if (this.inView.delete(anchor)) {
            this.watchSize(anchor, mark, false);
            // out of view: hidden, so a frame never visits it (a write, no layout read), nor is it
            // styled or laid out. A mark that never came into view is left alone: nothing to write,
            // so no frame (a busy chat's marks mostly scroll away before they are seen)
            mark.host.style.setProperty("visibility", "hidden", "important");
            mark.host.style.setProperty("display", "none", "important");
          }
          this.maybeDormant(anchor, mark, e.boundingClientRect, boxes);
        }
      }
      if (entered) {
        this.schedule();
      }
    }

    /** An anchor out of view above or below the box it scrolls in is no longer watched until that box scrolls its way. */
    maybeDormant(anchor, mark, rect, boxes) {
      if (mark.scroller === undefined) {
        mark.scroller = scrollerOf(anchor);
      }
      const scroller = mark.scroller;
      if (!scroller) {
        return; // watched as before
      }
      let box = boxes.get(scroller);
      if (!box) {
        box = scroller === document ? { top: 0, bottom: window.innerHeight } : scroller.getBoundingClientRect();
        boxes.set(scroller, box);
      }
      const side = rect.bottom <= box.top ? "above" : rect.top >= box.bottom ? "below" : null;
      if (!side || rect.width === 0 || rect.height === 0) {
        return; // beside it, hidden, or its box is out of view: watched as before
      }
      let sleeping = this.dormant.get(scroller);
      if (!sleeping) {
        sleeping = { position: scrollPosition(scroller), above: new Set(), below: new Set() };
        this.dormant.set(scroller, sleeping);
        if (scroller !== document) {
          // scroll events stay inside their shadow root
          for (let r = scroller.getRootNode(); r !== document && r.host; r = r.host.getRootNode()) {
            this.listenForScrolls(r);
          }
        }
      }
      sleeping[side].add(anchor);
      this.dormantAnchors.set(anchor, scroller);
      this.intersection.unobserve(anchor);
    }

    /** Marks put aside by maybeDormant() watched again: those `target` (a scrolled box) may have brought into view, or all (null). */
    wake(target) {
      if (!this.dormantAnchors.size) {
        return;
      }
      const scrollers = target === null ? [...this.dormant.keys()] : this.dormant.has(target) ? [target] : [];
      for (const scroller of scrollers) {
        const sleeping = this.dormant.get(scroller);
        const was = sleeping.position;
        const now = target === null ? null : scrollPosition(scroller);
        const sides = now === null || now.left !== was.left ? ["above", "below"] : now.top < was.top ? ["above"] : now.top > was.top ? ["below"] : [];
        if (now) {
          sleeping.position = now;
        }
        for (const side of sides) {
          for (const anchor of sleeping[side]) {
            this.dormantAnchors.delete(anchor);
            this.intersection.observe(anchor); // reports at once whether it is in view now
          }
          sleeping[side].clear();
        }
        if (!sleeping.above.size && !sleeping.below.size) {
          this.dormant.delete(scroller);
        }
      }
    }

    /** `anchor` is no longer put aside (its mark is removed). */
    forgetDormant(anchor) {
      const scroller = this.dormantAnchors.get(anchor);
      if (scroller === undefined) {
        return;
      }
      this.dormantAnchors.delete(anchor);
      const sleeping = this.dormant.get(scroller);
      if (sleeping) {
        sleeping.above.delete(anchor);
        sleeping.below.delete(anchor);
        if (!sleeping.above.size && !sleeping.below.size) {
          this.dormant.delete(scroller);
        }
      }
    }

    watchSize(anchor, mark, on) {
      if (!this.resizeObserver) {
        return;
      }
      for (const target of [anchor, mark.host]) {
        if (on) {
          this.resizeObserver.observe(target);
        } else {
          this.resizeObserver.unobserve(target);
        }
      }
    }

    ensureLayer() {
      if (this.layer && this.layer.isConnected) {
        return this.layer;
      }
      const layer = this.layer || document.createElement("kefuguard-layer");
      for (const [prop, value] of Object.entries({
        all: "initial", position: "fixed", top: "0", left: "0", width: "0", height: "0", overflow: "visible",
        "z-index": MAX_Z, "pointer-events": "none", display: "block",
        // a box of its own for layout: placing marks never makes the page's layout dirty
        contain: "size layout style",
      })) {
        layer.style.setProperty(prop, value, "important");
      }
      document.documentElement.append(layer);
      this.layer = layer;
      this.listenForScrolls(document);
      window.addEventListener("resize", this.onResize, { passive: true });
      document.addEventListener("visibilitychange", this.onScroll); // frames do not run in a hidden tab
      return layer;
    }

    /** Scroll events do not cross shadow boundaries: each root a mark's message sits in is listened to. */
    listenForScrolls(target) {
      if (!this.listening.has(target)) {
        this.listening.add(target);
        target.addEventListener("scroll", this.onScrollEvent, { capture: true, passive: true });
      }
    }

    /**
     * Shows `host` (a mark widget) under `anchor`; replaces an earlier mark of the same anchor.
     * `build()` (optional) fills the host in: called once, when the anchor first comes into view.
     * The host goes into the page with the page's next change (see BUSY_MS), at once on a quiet page.
     */
    attach(anchor, host, build = null) {
      this.remove(anchor);
      if (anchor.id) {
        host.setAttribute("data-kefuguard-anchor", anchor.id.slice(0, 200)); // which element the mark is about, for tools
      }
      host.style.setProperty("position", "absolute", "important");
      host.style.setProperty("pointer-events", "none", "important"); // only the drawn box takes clicks (.mark)
      host.style.setProperty("visibility", "hidden", "important");
      if (this.intersection) {
        host.style.setProperty("display", "none", "important"); // until its message is in view
      }
      // clippers read at the next frame, with every other mark's
      this.marks.set(anchor, { host, clippers: null, build, inPage: false });
      this.waiting.push(anchor);
      if (performance.now() - this.lastPageChange > BUSY_MS) {
        this.putInPage();
      } else if (!this.waitTimer) {
        this.waitTimer = setTimeout(() => this.putInPage(), COALESCE_MS);
      }
      return host;
    }

    /** The page's document changed (the chat watcher's mutation records): its next frame is coming. */
    pageChanged() {
      this.lastPageChange = performance.now();
      if (this.wakeAllDue) {
        this.wakeAllDue = false;
        this.wake(null);
      }
      this.putInPage();
      this.schedule(); // marks follow messages that moved
    }

    /** The waiting marks go into the layer, together, and their messages are watched for the view. */
    putInPage() {
      clearTimeout(this.waitTimer);
      this.waitTimer = null;
      if (!this.waiting.length) {
        return;
      }
      const anchors = this.waiting;
      this.waiting = [];
      const hosts = [];
      for (const anchor of anchors) {
        const mark = this.marks.get(anchor);
        if (mark && !mark.inPage) {
          mark.inPage = true;
          hosts.push(mark.host);
          if (this.intersection) {
            this.intersection.observe(anchor); // reports at once whether it is in view
          } else {
            built(mark);
            this.watchSize(anchor, mark, true);
          }
          // scroll events stay inside their shadow root: listen in every root between the anchor and the document
          for (let r = anchor.getRootNode(); r !== document && r.host; r = r.host.getRootNode()) {
            this.listenForScrolls(r);
          }
        }
      }
      if (!hosts.length) {
        return;
      }
      this.ensureLayer().append(...hosts);
      this.schedule(); // many marks arrive together: one layout read for all of them, in the next frame
      if (!this.timer) {
        this.timer = setInterval(() => this.refresh(), REFRESH_MS);
      }
    }

    /** Whether a mutation record's target is our layer (the chat watcher leaves our marks' coming and going out). */
    owns(node) {
      return node === this.layer && node !== null;
    }

    remove(anchor) {
      const mark = this.marks.get(anchor);
      if (!mark) {
        return;
      }
      mark.host.remove();
      this.marks.delete(anchor);
      this.watchSize(anchor, mark, false);
      if (this.intersection) {
        this.intersection.unobserve(anchor);
        this.inView.delete(anchor);
        this.forgetDormant(anchor);
      }
      if (!this.marks.size && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    }

    /**
     * Now and then: marks whose message left the page go, the ones in view are placed again, and
     * every few times the ones put aside are watched again (with the page's next change when it is busy).
     */
    refresh() {
      for (const anchor of this.marks.keys()) {
        if (!anchor.isConnected) {
          this.remove(anchor);
        }
      }
      this.refreshes = (this.refreshes + 1) % WAKE_EVERY;
      if (this.dormantAnchors.size && this.refreshes === 0) {
        if (performance.now() - this.lastPageChange > BUSY_MS) {
          this.wake(null);
        } else {
          this.wakeAllDue = true;
        }
      }
      this.schedule();
    }

    schedule() {
      const something = this.intersection ? this.inView.size : this.marks.size;
      if (!this.frame && something && document.visibilityState !== "hidden") {
        this.frame = requestAnimationFrame(() => {
          this.frame = 0;
          this.place();
        });
      }
    }

    /** Reads every anchor's box first, then writes every mark's position (one layout pass). */
    place() {
      if (this.layer && !this.layer.isConnected) {
        this.ensureLayer(); // the page replaced <html>'s children
      }
      const viewport = { top: 0, left: 0, right: window.innerWidth, bottom: window.innerHeight };
      const plans = [];
      const boxes = new Map(); // the scrolling boxes of one chat are shared by its marks: read once
      // with an IntersectionObserver only the marks in view (the rest were hidden as they left it)
      for (const anchor of this.intersection ? [...this.inView] : [...this.marks.keys()]) {
        const mark = this.marks.get(anchor);
        if (!mark || !anchor.isConnected) {
          plans.push({ anchor, gone: true });
          continue;
        }
        if (!mark.inPage) {
          continue; // goes into the page with the page's next change, placed then
        }
        if (!mark.clippers) {
          mark.clippers = clippersOf(anchor);
        }
        const rect = anchor.getBoundingClientRect();
        let clip = viewport;
        for (const c of mark.clippers) {
          let r = boxes.get(c);
          if (!r) {
            r = c.getBoundingClientRect();
            boxes.set(c, r);
          }
          clip = {
            top: Math.max(clip.top, r.top), left: Math.max(clip.left, r.left),
            right: Math.min(clip.right, r.right), bottom: Math.min(clip.bottom, r.bottom),
          };
        }
        plans.push({ anchor, mark, rect, text: textRect(anchor, rect), clip, height: mark.host.offsetHeight, width: mark.host.offsetWidth });
      }
      for (const plan of plans) {
        if (plan.gone) {
          this.remove(plan.anchor);
          continue;
        }
        const style = plan.mark.host.style;
        const { mark, rect, clip } = plan;
        const shown = rect.width > 0 && rect.height > 0 && rect.bottom > clip.top && rect.top < clip.bottom && rect.right > clip.left && rect.left < clip.right;
        if (!shown) {
          style.setProperty("visibility", "hidden", "important");
          continue;
        }
        const spot = mark.host.hasAttribute("data-kefuguard-open") ? this.openSpot(plan, viewport) : this.spot(plan);
        if (spot.compact) {
          mark.host.setAttribute("data-kefuguard-compact", spot.compact);
        } else {
          mark.host.removeAttribute("data-kefuguard-compact");
        }
        style.setProperty("top", Math.round(spot.top) + "px", "important");
        style.setProperty("left", Math.round(spot.left) + "px", "important");
        style.setProperty("width", Math.round(spot.width) + "px", "important");
        style.setProperty("visibility", "visible", "important");
      }
    }

    /**
     * Where a closed mark goes, without covering any message's text: beside the message's text
     * (chat bubbles leave room on the other side), the full line when there is room for it, a
     * compact one otherwise; under the message only when the text fills the whole width. Always
     * inside the visible part of the scrolling boxes around the message.
     */
    spot({ rect, text, clip, height }) {
      const room = clip.right - text.right - SIDE_GAP - 4;
      const top = (wanted) => Math.max(clip.top, Math.min(wanted, clip.bottom - height));
      if (room >= SIDE_FULL) {
        return { compact: false, left: text.right + SIDE_GAP, top: top(text.top), width: Math.min(MAX_WIDTH, room) };
      }
      if (room >= SIDE_COMPACT) {
        return { compact: "line", left: text.right + SIDE_GAP, top: top(text.top), width: room };
      }
      // the level sign alone, beside the text
      if (clip.right - text.right >= ICON + 6) {
        return { compact: "icon", left: text.right + 4, top: top(text.top), width: ICON };
      }
      // a message filling the whole width: the sign under it
      return { compact: "icon", left: Math.max(clip.left, Math.min(text.right - ICON, clip.right - ICON - 2)), top: top(rect.bottom + GAP), width: ICON };
    }

    /** An opened mark (the user asked for the details) may use the window, under its line. */
    openSpot({ text, height }, viewport) {
      const width = Math.min(MAX_WIDTH, viewport.right - 16);
      const left = Math.max(8, Math.min(text.left, viewport.right - width - 8));
      const top = Math.max(8, Math.min(text.bottom + GAP, viewport.bottom - height - 8));
      return { compact: false, left, top, width };
    }
  }

  /** A mark's contents, built the first time it is shown. */
  function built(mark) {
    if (mark.build) {
      const build = mark.build;
      mark.build = null;
      build();
    }
  }

  /** The box of the message's own text (a chat row is often wider than its bubble). */
  function textRect(anchor, fallback) {
    let box = null;
    const walker = document.createTreeWalker(anchor, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    for (let t = walker.nextNode(); t && seen < 60; t = walker.nextNode()) {
      if (!/\S/.test(t.nodeValue)) {
        continue;
      }
      seen++;
      range.selectNodeContents(t);
      const r = range.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) {
        box = box
          ? { top: Math.min(box.top, r.top), left: Math.min(box.left, r.left), right: Math.max(box.right, r.right), bottom: Math.max(box.bottom, r.bottom) }
          : { top: r.top, left: r.left, right: r.right, bottom: r.bottom };
      }
    }
    return box || fallback;
  }

  let layer = null;
  ns.markLayer = Object.freeze({
    get() {
      if (!layer) {
        layer = new MarkLayer();
      }
      return layer;
    },
  });
})(globalThis);
