// Content script entry: asks the background for settings and strings, checks the page's own
// address (top frame only), then watches links, chat widgets and chat inputs as the settings say.
// Runs in every frame: chat widgets often live in iframes.
(function (root) {
  "use strict";
  const ns = root.KefuGuard;
  if (!ns || ns.contentStarted) {
    return; // injected twice into one frame
  }
  ns.contentStarted = true;
  const { vocabulary, messaging, widgets, chat, links, sendGuard, i18n, evidenceLog, pageFacts, remembered } = ns;
  // the page warning on screen, if any; `remembered`: drawn from the remembered danger hosts, not
  // yet confirmed by the host; `settled`: the host's own verdict has been applied
  const shown = { level: "none", banner: null, lang: null, remembered: false, settled: false };

  function whenParsed(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn, { once: true });
    } else {
      fn();
    }
  }

  /**
   * The danger remembered for this page's host (common/remembered.js, in storage.session, which
   * the background opens to content scripts; content/early.js reads it) with what is needed to
   * show it, without the service worker; null when there is none, page checks are off or the
   * browser gives content scripts no access.
   */
  async function rememberedDanger() {
    const stored = await ns.early.memory;
    if (!stored) {
      return null;
    }
    const host = location.hostname;
    const key = remembered.keyOf(host);
    const prefs = stored[remembered.PREFS_KEY];
    const result = remembered.resultOf(host, stored[key], Date.now());
    if (!result || !prefs || !prefs.page_check || typeof prefs.strings !== "object") {
      return null;
    }
    return { result, ctx: { settings: { min_level: prefs.min_level }, lang: prefs.lang, t: i18n.translator(prefs.strings) } };
  }

  /** The remembered warning, unless the host's own verdict is here already. */
  async function showRemembered() {
    const found = await rememberedDanger();
    if (found && !shown.settled) {
      showPageWarning(found.ctx, { result: found.result, trusted_by_user: false }, true);
    }
  }

  /** The page's verdict: the host's own, asked again when the worker answered from memory. */
  async function checkPage(ctx, asked) {
    let reply;
    try {
      reply = await asked;
      showPageWarning(ctx, reply, reply.remembered === true);
      if (reply.remembered === true) {
        reply = await messaging.send("check_page", { url: location.href, confirm: true });
      }
    } catch (e) {
      return null; // no host: the toolbar badge and the popup say so; a remembered warning stays
    }
    settle(ctx, reply);
    return reply;
  }

  /**
   * The host's own verdict: a remembered warning it does not bear out (or a trusted site) goes; one
   * drawn in another language than the settings' now (changed just before the page) is drawn again.
   */
  function settle(ctx, reply) {
    shown.settled = true;
    if (shown.remembered) {
      shown.remembered = false;
      const level = reply.result.level;
      const otherLanguage = shown.lang !== ctx.lang && shown.banner && shown.banner.isConnected;
      if (reply.trusted_by_user || vocabulary.warningRank(level) < vocabulary.warningRank(shown.level) || otherLanguage) {
        if (shown.banner) {
          shown.banner.remove();
        }
        shown.banner = null;
        shown.level = "none";
      }
    }
    showPageWarning(ctx, reply);
  }

  /**
   * The page's warning for `reply`, unless one as grave is up already (a later, graver one replaces
   * it). `fromMemory`: the result is the remembered one, still to be confirmed by the host.
   */
  function showPageWarning(ctx, reply, fromMemory = false) {
    const level = reply.result.level;
    if (reply.trusted_by_user || !vocabulary.shouldShow(level, ctx.settings.min_level)) {
      return;
    }
    if (vocabulary.warningRank(level) <= vocabulary.warningRank(shown.level)) {
      return;
    }
    shown.level = level;
    shown.lang = ctx.lang;
    shown.remembered = fromMemory;
    const show = () => {
      if (shown.level !== level) {
        return; // taken back (or replaced) before the document was there to show it
      }
      if (shown.banner) {
        shown.banner.remove();
      }
      shown.banner = widgets.pageBanner(reply.result, ctx.lang, ctx.t, {
        leave: () =>
          messaging.send("leave_page", {}).catch(() => {
            location.replace("about:blank");
          }),
        save: () => evidenceLog.save("banner"),
      });
    };
    // at once, while the page may still be parsing: the banner is a modal dialog in the top layer,
    // hung on <html>, and needs no <body>; the page that arrives after it is inert behind it
    if (document.documentElement) {
      show();
    } else {
      whenParsed(show);
    }
  }

  function startChat(ctx) {
    const layer = ns.markLayer.get();
    const apply = (el, result) => {
      layer.remove(el);
      evidenceLog.noteResult(el, result);
      if (el.isConnected && vocabulary.shouldShow(result.level, ctx.settings.min_level)) {
        widgets.markMessage(el, result, ctx.lang, ctx.t, { save: () => evidenceLog.save("mark") });
      }
    };
    const watcher = new chat.ChatWatcher(
      async (batch) => {
        const messages = batch.map(({ text, direction, sender }) => (sender ? { text, direction, sender } : { text, direction }));
        try {
          const reply = await messaging.send("check_chat", { url: location.href, messages });
          reply.results.forEach((result, i) => apply(batch[i].el, result));
        } catch (e) {
          // no host, or it failed: messages stay unmarked; the badge and popup show the host state
        }
      },
      (el) => {
        layer.remove(el);
        evidenceLog.forget(el);
      },
      (el, message) => evidenceLog.noteMessage(el, message),
    );
    watcher.start();
  }

  async function main() {
    // the page's verdict is asked for at once, beside the settings, not after them: the warning
    // should be up before the page has finished loading
    const asked = ns.early ? ns.early.asked : null; // content/early.js: top pages only
    if (asked) {
      // a site warned of earlier in this browser session: at once, without the worker (a stopped
      // one takes ~100-200 ms to start); the worker's answer follows and may take it back
      showRemembered();
    }
    let init;
    try {
      init = await messaging.send("page_init", { url: location.href });
    } catch (e) {
      return; // the extension is reloading or this frame is gone
    }
    vocabulary.useHostLimits(init.host_limits); // the host's limits, from common/host-messages.json
    const ctx = { settings: init.settings, lang: init.lang, t: i18n.translator(init.strings) };
    const features = ctx.settings.features;
    if (asked && features.page_check) {
      // what the page says it is, once it asks for a password, a card or a code; not on the
      // brand's own site nor where the address already warns of danger
      checkPage(ctx, asked).then(
        (reply) => {
          if (reply && reply.result.level !== "verified" && reply.result.level !== "danger" && !reply.trusted_by_user) {
            whenParsed(() =>
              pageFacts.watch(
                document,
                (page) => messaging.send("check_page_claim", { url: location.href, page }),
                (claimReply) => showPageWarning(ctx, claimReply),
              ),
            );
          }
        },
        () => {},
      );
    } else if (asked) {
      settle(ctx, { result: { level: "none" }, trusted_by_user: false }); // page checks were turned off
    }
    if (features.link_check) {
      links.install(ctx);
    }
    whenParsed(() => {
      if (features.send_warning) {
        sendGuard.install(ctx);
      }
      if (features.chat_check) {
        startChat(ctx);
      }
    });
  }

  main();
})(globalThis);
