// Links to other sites: checked when the user points at them (hover, focus, press), so the verdict
// is usually known before the click; a click on a `danger` link is held and warned about.
// Sets globalThis.KefuGuard.links.
(function (root) {
  "use strict";
  const ns = root.KefuGuard || (root.KefuGuard = {});
  if (ns.links) {
    return;
  }
  const { vocabulary, messaging, widgets, evidenceLog } = ns;

  const HOVER_INTENT_MS = 60;
  const CLICK_WAIT_MS = 1500; // longest a click waits for a verdict still on its way

  /** The <a> an event is about, when it leads to another host over http(s). */
  function outboundLink(target) {
    const a = target && target.closest ? target.closest("a[href]") : null;
    if (!a) {
      return null;
    }
    let url;
    try {
      url = new URL(a.href, location.href);
    } catch (e) {
      return null;
    }
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === location.hostname) {
      return null;
    }
    if (url.href.length > vocabulary.limits().url) {
      return null;
    }
    return { a, href: url.href };
  }

  function install(ctx) {
    const verdicts = new Map(); // href -> {promise, reply, failed}
    const allowed = new Set(); // hrefs the user chose to open anyway
    let hoverTimer = null;

    function verdictFor(href) {
      let entry = verdicts.get(href);
      if (!entry) {
        entry = { reply: null, failed: false, promise: null };
        entry.promise = messaging.send("check_link", { url: href }).then(
          (reply) => {
            entry.reply = reply;
            evidenceLog.noteLink(href, reply.result); // a warned link goes into saved evidence
            return reply;
          },
          () => {
            entry.failed = true; // fail open: a missing host must not break links
            return null;
          },
        );
        verdicts.set(href, entry);
        if (verdicts.size > 500) {
          verdicts.delete(verdicts.keys().next().value);
        }
      }
      return entry;
    }

    const warns = (reply) => reply && !reply.trusted_by_user && reply.result.level === "danger";

    function follow(a, href) {
      const target = a.getAttribute("target");
      if (target && target !== "_self") {
        window.open(href, target, "noopener");
      } else {
        location.assign(href);
      }
    }

    function warn(a, href, reply) {
      widgets.floatingWarning(a, reply.result, ctx.lang, ctx.t, {
        title: ctx.t("content_link_title"),
        stayLabel: ctx.t("content_link_stay"),
        goLabel: ctx.t("content_link_go"),
        onStay: () => {},
        onGo: () => {
          allowed.add(href);
          follow(a, href);
        },
        save: () => evidenceLog.save("link", href),
      });
    }

    const onPoint = (e) => {
      const link = outboundLink(e.target);
      if (link) {
        verdictFor(link.href);
      }
    };

    document.addEventListener(
      "mouseover",
      (e) => {
        const link = outboundLink(e.target);
        clearTimeout(hoverTimer);
        if (link && !verdicts.has(link.href)) {
          hoverTimer = setTimeout(() => verdictFor(link.href), HOVER_INTENT_MS);
        }
      },
      { capture: true, passive: true },
    );
    for (const type of ["pointerdown", "focusin", "touchstart"]) {
      document.addEventListener(type, onPoint, { capture: true, passive: true });
    }

    const onClick = (e) => {
      const link = outboundLink(e.target);
      if (!link || allowed.has(link.href) || (e.type === "click" && e.button !== 0)) {
        return;
      }
      const entry = verdictFor(link.href);
      if (entry.reply || entry.failed) {
        if (warns(entry.reply)) {
          e.preventDefault();
          e.stopImmediatePropagation();
          warn(link.a, link.href, entry.reply);
        }
        return;
      }
      // still being checked (clicked without pointing first): hold a plain click briefly
      const plain = e.type === "click" && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey && !link.a.hasAttribute("download");
      if (!plain) {
        return;
      }
      e.preventDefault();
      const timeout = new Promise((resolve) => setTimeout(() => resolve(null), CLICK_WAIT_MS));
      Promise.race([entry.promise, timeout]).then((reply) => {
        if (warns(reply)) {
          warn(link.a, link.href, reply);
        } else {
          follow(link.a, link.href);
        }
      });
    };
    document.addEventListener("click", onClick, true);
    document.addEventListener("auxclick", onClick, true);
  }

  ns.links = Object.freeze({ install, outboundLink });
})(globalThis);
