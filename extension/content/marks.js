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

  const GAP = 2; // px between the message and its mark
  const MIN_WIDTH = 280;
  const MAX_WIDTH = 480;
  const REFRESH_MS = 750; // layout can move without an event we see (images, fonts): re-place now and then
  const MAX_Z = "2147483647";

  /** The composed-tree parent: across a shadow root to its host. */
  function parentOf(node) {
    if (node.parentElement) {
      return node.parentElement;
    }
    const p = node.parentNode;
    return p && p.nodeType === 11 && p.host ? p.host : null;
  }

  /** Boxes that clip `el` (overflow other than visible), nearest first, across shadow roots. */
  function clippersOf(el) {
    const out = [];
    for (let n = parentOf(el); n && n !== document.documentElement && n !== document.body; n = parentOf(n)) {
      const style = getComputedStyle(n);
      if (style.overflowX !== "visible" || style.overflowY !== "visible") {
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
      this.resizeObserver = typeof ResizeObserver === "function" ? new ResizeObserver(() => this.schedule()) : null;
      this.listening = new WeakSet();
      this.onScroll = () => this.schedule();
    }

    ensureLayer() {
      if (this.layer && this.layer.isConnected) {
        return this.layer;
      }
      const layer = this.layer || document.createElement("kefuguard-layer");
      for (const [prop, value] of Object.entries({
        all: "initial", position: "fixed", top: "0", left: "0", width: "0", height: "0", overflow: "visible",
        "z-index": MAX_Z, "pointer-events": "none", display: "block", contain: "layout style",
      })) {
        layer.style.setProperty(prop, value, "important");
      }
      document.documentElement.append(layer);
      this.layer = layer;
      this.listenForScrolls(document);
      window.addEventListener("resize", this.onScroll, { passive: true });
      return layer;
    }

    /** Scroll events do not cross shadow boundaries: the chat watcher hands us every root it watches. */
    listenForScrolls(target) {
      if (!this.listening.has(target)) {
        this.listening.add(target);
        target.addEventListener("scroll", this.onScroll, { capture: true, passive: true });
      }
    }

    /** Shows `host` (a mark widget) under `anchor`; replaces an earlier mark of the same anchor. */
    attach(anchor, host) {
      this.remove(anchor);
      if (anchor.id) {
        host.setAttribute("data-kefuguard-anchor", anchor.id.slice(0, 200)); // which element the mark is about, for tools
      }
      host.style.setProperty("position", "absolute", "important");
      host.style.setProperty("pointer-events", "auto", "important");
      host.style.setProperty("visibility", "hidden", "important");
      this.ensureLayer().append(host);
      this.marks.set(anchor, { host, clippers: clippersOf(anchor) });
      if (this.resizeObserver) {
        this.resizeObserver.observe(anchor);
        this.resizeObserver.observe(host);
      }
      const rootNode = anchor.getRootNode();
      if (rootNode !== document) {
        this.listenForScrolls(rootNode);
      }
      this.place();
      if (!this.timer) {
        this.timer = setInterval(() => this.schedule(), REFRESH_MS);
      }
      return host;
    }

    remove(anchor) {
      const mark = this.marks.get(anchor);
      if (!mark) {
        return;
      }
      mark.host.remove();
      this.marks.delete(anchor);
      if (this.resizeObserver) {
        this.resizeObserver.unobserve(anchor);
        this.resizeObserver.unobserve(mark.host);
      }
      if (!this.marks.size && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    }

    schedule() {
      if (!this.frame && this.marks.size && document.visibilityState !== "hidden") {
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
      for (const [anchor, mark] of this.marks) {
        if (!anchor.isConnected) {
          plans.push({ anchor, gone: true });
          continue;
        }
        const rect = anchor.getBoundingClientRect();
        let clip = viewport;
        for (const c of mark.clippers) {
          const r = c.getBoundingClientRect();
          clip = {
            top: Math.max(clip.top, r.top), left: Math.max(clip.left, r.left),
            right: Math.min(clip.right, r.right), bottom: Math.min(clip.bottom, r.bottom),
          };
        }
        plans.push({ anchor, mark, rect, clip, height: mark.host.offsetHeight });
      }
      for (const plan of plans) {
        if (plan.gone) {
          this.remove(plan.anchor);
          continue;
        }
        const { mark, rect, clip, height } = plan;
        const open = mark.host.hasAttribute("data-kefuguard-open");
        const shown = rect.width > 0 && rect.height > 0 && rect.bottom > clip.top && rect.top < clip.bottom && rect.right > clip.left && rect.left < clip.right;
        const style = mark.host.style;
        if (!shown) {
          style.setProperty("visibility", "hidden", "important");
          continue;
        }
        // under the message, kept inside the visible part of its scrolling box (an opened mark may
        // use the whole window)
        const box = open ? viewport : clip;
        const top = Math.max(box.top, Math.min(rect.bottom + GAP, box.bottom - height));
        const left = Math.max(box.left, Math.min(rect.left, box.right - 160));
        style.setProperty("top", Math.round(top) + "px", "important");
        style.setProperty("left", Math.round(left) + "px", "important");
        // as wide as the message, within 280-480 px and the room there is
        const room = Math.max(160, Math.round((open ? viewport.right : box.right) - left - 4));
        style.setProperty("width", Math.min(room, Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.round(rect.width)))) + "px", "important");
        style.setProperty("visibility", "visible", "important");
      }
    }
  }

  let layer = null;
  ns.markLayer = Object.freeze({
    get() {
      if (!layer) {
        layer = new MarkLayer();
      }
      return layer;
    },
    parentOf,
  });
})(globalThis);
