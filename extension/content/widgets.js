// Warnings drawn into web pages: the page banner, the chat mark, the link and send
// warnings. Each lives in a closed shadow root, is built with textContent only (nothing from the
// page or the host becomes markup) and carries its own styles. The shadow host element carries
// data-kefuguard-level (and data-kefuguard-reasons) so users' tools and tests can see what was shown.
(function (root) {
  "use strict";
  const ns = root.KefuGuard || (root.KefuGuard = {});
  if (ns.widgets) {
    return;
  }
  const { i18n } = ns;
  const { el } = ns.dom;

  const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.kg { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
      color: #1d2939; text-align: left; direction: ltr; letter-spacing: normal; }
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid #d0d5dd; background: #fff; color: #1d2939; padding: 6px 12px; }
button.primary { background: #c62828; border-color: #c62828; color: #fff; font-weight: 600; }
.caution button.primary { background: #b54708; border-color: #b54708; }
button.link { border: 0; background: none; padding: 0 2px; color: #175cd3; text-decoration: underline; }
a { color: #175cd3; }
ul { margin: 4px 0 0; padding-left: 18px; }
li { margin: 2px 0; }
.matched, .official { color: #475467; font-size: 12px; }
.section { font-weight: 600; margin-top: 8px; }
[hidden] { display: none !important; }

/* mark under a chat message (drawn in our own layer, over the page) */
.mark { margin: 0; padding: 3px 8px; border-radius: 8px; border: 1px solid #fda29b; background: #fef3f2; max-width: 640px; font-size: 13px;
        box-shadow: 0 2px 6px rgba(0, 0, 0, 0.18); }
.mark.open { max-height: 60vh; overflow: auto; }
:host([data-kefuguard-compact]) .mark { width: max-content; max-width: 100%; }
.mark { pointer-events: auto; }
:host([data-kefuguard-compact]) .mark .short { display: none; }
:host([data-kefuguard-compact="icon"]) .mark { padding: 1px; border-radius: 999px; }
:host([data-kefuguard-compact="icon"]) .mark .label, :host([data-kefuguard-compact="icon"]) .row button.link { display: none; }
:host([data-kefuguard-compact="icon"]) .pill { padding: 0 5px; }
.mark.caution { border-color: #fec84b; background: #fffaeb; }
.mark .row { display: flex; align-items: center; gap: 6px; }
.pill { flex: none; font: 700 12px/1.5 inherit; color: #fff; background: #c62828; border: 0; border-radius: 999px; padding: 1px 8px; cursor: pointer; }
.caution .pill { background: #b54708; }
.short { flex: 1 1 auto; min-width: 0; overflow: hidden; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; }
.row button.link { flex: none; white-space: nowrap; }
.details { margin-top: 4px; }

/* full-page banner: a modal <dialog> (the browser makes the rest of the page inert) */
dialog.card { position: fixed; inset: 0; margin: auto; border: 0; border-top: 8px solid #c62828; border-radius: 12px; background: #fff;
        width: 620px; max-width: calc(100vw - 32px); height: fit-content; max-height: calc(100vh - 32px); overflow: auto;
        overscroll-behavior: contain; padding: 24px 28px; box-shadow: 0 20px 50px rgba(0, 0, 0, 0.4); outline: none; }
dialog.card::backdrop { background: rgba(60, 8, 8, 0.72); }
h1 { font-size: 22px; line-height: 1.3; margin: 0 0 8px; color: #b42318; }
.lead { font-size: 15px; margin: 0 0 10px; }
.didyoumean { font-size: 16px; margin: 12px 0; }
.didyoumean a { font-weight: 700; }
.buttons { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 14px; }
.brandline { color: #475467; font-size: 12px; margin-top: 14px; }
.topbar { position: fixed; top: 0; left: 0; right: 0; background: #fffaeb; border-bottom: 2px solid #b54708; padding: 8px 14px;
          display: flex; align-items: center; gap: 10px; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.15); }
.topbar .short { display: block; }

/* floating warnings for links and chat inputs */
.pop { position: fixed; width: 340px; max-width: calc(100vw - 16px); background: #fff; border: 1px solid #fda29b; border-left: 6px solid #c62828;
       border-radius: 10px; padding: 12px 14px; box-shadow: 0 10px 30px rgba(0, 0, 0, 0.25); }
.pop.caution { border-color: #fec84b; border-left-color: #b54708; }
.pop .title { font-weight: 700; color: #b42318; margin-bottom: 4px; }
.pop.caution .title { color: #93370d; }

/* while the evidence screenshot is taken, a warning steps aside (a mark keeps its one line) */
:host([data-kefuguard-capturing]) dialog.card, :host([data-kefuguard-capturing]) .pop,
:host([data-kefuguard-capturing]) .topbar, :host([data-kefuguard-capturing]) .details { visibility: hidden; }
:host([data-kefuguard-capturing]) dialog.card::backdrop { background: transparent; }
.details .buttons { margin: 6px 0 2px; }
`;

  let sharedSheet = null;

  function applyStyles(shadow) {
    try {
      if (!sharedSheet) {
        sharedSheet = new CSSStyleSheet();
        sharedSheet.replaceSync(CSS);
      }
      shadow.adoptedStyleSheets = [sharedSheet];
    } catch (e) {
      // no constructable stylesheets here (or not from a content script): a <style> element
      shadow.append(el("style", "", CSS));
    }
  }

  function button(text, className, onClick) {
    const b = el("button", className, text);
    b.type = "button";
    b.addEventListener("click", (e) => {
      e.preventDefault();
      e.stopPropagation();
      onClick(e);
    });
    return b;
  }

  /**
   * "Save evidence": `save()` (content/evidence.js) resolves once the background has the
   * screenshot and the page's data and has opened the report page, which saves the file.
   */
  function saveButton(t, save, className) {
    const label = t("content_save_evidence");
    const b = button(label, className ? "save " + className : "save", async (e) => {
      if (!e.isTrusted || b.disabled) {
        return; // only the user's own click
      }
      b.disabled = true;
      b.textContent = t("content_saving");
      try {
        await save();
        b.textContent = t("content_saved");
      } catch (err) {
        b.textContent = t("content_save_failed");
        b.title = String((err && err.message) || err);
      }
      setTimeout(() => {
        b.disabled = false;
        b.textContent = label;
      }, 4000);
    });
    return b;
  }

  /** A shadow host (custom tag, styles reset) and its closed root. */
  function makeHost(tag, level, result, hostStyle) {
    const host = hostElement(tag, level, result, hostStyle);
    return { host, shadow: openRoot(host) };
  }

  /** The host element alone: what it warns about is on its attributes from the start. */
  function hostElement(tag, level, result, hostStyle) {
    const host = el(tag);
    host.setAttribute("data-kefuguard-level", level);
    if (result && Array.isArray(result.reasons)) {
      host.setAttribute("data-kefuguard-reasons", result.reasons.map((r) => r.code).join(" "));
    }
    host.style.setProperty("all", "initial", "important");
    for (const [prop, value] of Object.entries(hostStyle || {})) {
      host.style.setProperty(prop, value, "important");
    }
    return host;
  }

  function openRoot(host) {
    const shadow = host.attachShadow({ mode: "closed" });
    applyStyles(shadow);
    return shadow;
  }

  function levelLabel(t, level) {
    return t(level === "danger" ? "level_danger" : level === "caution" ? "level_caution" : "level_" + level);
  }

  /** Reasons (with what matched and the official channel) and advice, in the UI language. */
  function detailsBlock(result, lang, t) {
    const box = el("div", "details");
    const reasons = el("ul", "reasons");
    for (const reason of result.reasons) {
      const li = el("li", "", i18n.reasonText(reason, lang));
      if (reason.matched) {
        li.append(el("div", "matched", t("content_matched", reason.matched)));
      }
      if (reason.official) {
        li.append(el("div", "official", t("content_official", reason.official)));
      }
      reasons.append(li);
    }
    box.append(el("div", "section", t("content_why")), reasons);
    const advice = i18n.adviceList(result, lang);
    if (advice.length) {
      const list = el("ul", "advice");
      for (const a of advice) {
        list.append(el("li", "", a));
      }
      box.append(el("div", "section", t("content_what_to_do")), list);
    }
    return box;
  }

  /** The one-line summary: the first specific reason (a page-context reason only when alone). */
  function shortReason(result, lang) {
    const specific = result.reasons.find((r) => !/^(context|none)\./.test(r.code));
    return i18n.reasonText(specific || result.reasons[0], lang);
  }

  function toggleDetails(container, details, toggle, t) {
    const open = details.hidden;
    details.hidden = !open;
    container.classList.toggle("open", open);
    toggle.textContent = t(open ? "content_hide_details" : "content_show_details");
    toggle.setAttribute("aria-expanded", String(open));
  }

  /**
   * The mark under a chat message element, in the mark layer (content/marks.js). Returns the shadow
   * host. `actions.save` (optional): its details get "Save evidence". The host (with its level and
   * reasons) is attached at once; its shadow root and line are built when its message first comes
   * into view: in a busy chat most marks scroll away before they are ever seen.
   */
  function markMessage(messageEl, result, lang, t, actions = {}) {
    const host = hostElement("kefuguard-mark", result.level, result, { display: "block" });
    return ns.markLayer.get().attach(messageEl, host, () => buildMark(host, result, lang, t, actions));
  }

  function buildMark(host, result, lang, t, actions) {
    const level = result.level;
    const shadow = openRoot(host);
    const box = el("div", `kg mark ${level}`);
    box.setAttribute("role", "note");
    const row = el("div", "row");
    let details = null; // built on first open: a busy chat may carry many marks
    const open = () => {
      if (!details) {
        details = detailsBlock(result, lang, t);
        details.hidden = true;
        if (actions.save) {
          // first in the details: long reasons scroll, the button should not scroll away with them
          const buttons = el("div", "buttons");
          buttons.append(saveButton(t, actions.save));
          details.prepend(buttons);
        }
        box.append(details);
      }
      toggleDetails(box, details, toggle, t);
      host.toggleAttribute("data-kefuguard-open", !details.hidden);
      ns.markLayer.get().place();
    };
    const toggle = button(t("content_show_details"), "link", open);
    toggle.setAttribute("aria-expanded", "false");
    const short = shortReason(result, lang);
    // the level pill opens the details too: where there is little room it is all that is drawn
    const pill = button("", "pill", open);
    pill.append(el("span", "icon", "\u26a0"), el("span", "label", " " + levelLabel(t, level)));
    pill.setAttribute("aria-label", levelLabel(t, level) + ": " + short);
    pill.title = levelLabel(t, level) + ": " + short;
    row.append(pill, el("span", "short", short), toggle);
    box.append(row);
    shadow.append(box);
  }

  /**
   * Keeps the page from scrolling (overflow hidden on <html> and <body>, both axes); returns what
   * puts the page's own inline values back.
   */
  function lockScrolling() {
    const saved = [];
    const nodes = [document.documentElement, document.body].filter(Boolean).map((node) => [node, node.hasAttribute("style")]);
    for (const [node] of nodes) {
      for (const prop of ["overflow-x", "overflow-y"]) {
        saved.push([node, prop, node.style.getPropertyValue(prop), node.style.getPropertyPriority(prop)]);
        node.style.setProperty(prop, "hidden", "important");
      }
    }
    let done = false;
    return () => {
      if (done) {
        return;
      }
      done = true;
      for (const [node, prop, value, priority] of saved) {
        if (value) {
          node.style.setProperty(prop, value, priority);
        } else {
          node.style.removeProperty(prop);
        }
      }
      for (const [node, hadStyle] of nodes) {
        if (!hadStyle && node.getAttribute("style") === "") {
          node.removeAttribute("style"); // as it was
        }
      }
    };
  }

  /**
   * Makes `dialog` (in our closed shadow root `shadow`) modal: the browser's modal <dialog> makes
   * every other element of the document inert (no focus, no clicks, no typing, also for elements
   * the page adds later); Tab and Shift+Tab cycle through its controls, Escape does not close it,
   * keys pressed in it do not reach the page's listeners and the page does not scroll behind it.
   * Returns what closes it and gives the page back.
   */
  function holdModal(host, shadow, dialog) {
    let closing = false;
    const controls = () =>
      [...dialog.querySelectorAll("a[href], button")].filter((n) => !n.closest("[hidden]") && n.getClientRects().length > 0);
    dialog.tabIndex = -1; // a click on its text keeps the focus in it (not on the page's body)
    dialog.addEventListener("keydown", (e) => {
      e.stopPropagation();
      if (e.key === "Escape") {
        e.preventDefault(); // only the banner's own buttons close it
      } else if (e.key === "Tab" && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        const list = controls();
        if (list.length) {
          const at = list.indexOf(shadow.activeElement);
          const step = e.shiftKey ? -1 : 1;
          const next = at === -1 ? (e.shiftKey ? list.length - 1 : 0) : (at + step + list.length) % list.length;
          list[next].focus();
        }
      }
    });
    for (const type of ["keyup", "keypress"]) {
      dialog.addEventListener(type, (e) => e.stopPropagation());
    }
    const show = () => {
      try {
        dialog.showModal();
      } catch (e) {
        if (!dialog.open) {
          dialog.show(); // not modal (an odd document): still drawn over the page
        }
      }
    };
    dialog.addEventListener("cancel", (e) => e.preventDefault());
    dialog.addEventListener("close", () => {
      if (!closing && host.isConnected) {
        show(); // closed by the browser (a close request it does not let us cancel): open again
      }
    });
    const unlock = lockScrolling();
    // removed by anything but its buttons (the page's script): the page gets its scrolling back
    const watch = new MutationObserver(() => {
      if (!host.isConnected) {
        watch.disconnect();
        unlock();
      }
    });
    watch.observe(document.documentElement, { childList: true });
    show();
    return () => {
      closing = true;
      watch.disconnect();
      if (dialog.open) {
        dialog.close();
      }
      host.remove();
      unlock();
    };
  }

  /**
   * The page banner: a modal dialog for danger, a top bar for caution. `actions.leave()` leaves the
   * page; `actions.save` (optional) gives "Save evidence"; the banner removes itself when the user
   * chooses to stay.
   */
  function pageBanner(result, lang, t, actions) {
    const level = result.level;
    const full = level === "danger";
    const { host, shadow } = makeHost("kefuguard-banner", level, result, {
      position: "fixed",
      inset: full ? "0" : "0 0 auto 0",
      "z-index": "2147483647",
      display: "block",
    });
    const details = detailsBlock(result, lang, t);
    details.hidden = true;
    const official = typeof result.official_site === "string" && result.official_site ? result.official_site : "";
    if (!full) {
      const bar = el("div", "kg topbar caution");
      bar.setAttribute("role", "alert");
      const dismiss = button(t("content_dismiss"), "", () => host.remove());
      const toggle = button(t("content_show_details"), "link", () => toggleDetails(bar, details, toggle, t));
      const text = el("div", "short");
      text.append(el("strong", "", t("content_banner_caution_title") + " "), document.createTextNode(shortReason(result, lang)));
      const column = el("div", "short");
      column.append(text, details);
      bar.append(el("span", "pill", "\u26a0 " + levelLabel(t, level)), column, toggle);
      if (actions.save) {
        bar.append(saveButton(t, actions.save));
      }
      bar.append(dismiss);
      shadow.append(bar);
      document.documentElement.append(host);
      return host;
    }
    const card = el("dialog", "kg card");
    card.setAttribute("role", "alertdialog");
    card.setAttribute("aria-modal", "true");
    card.setAttribute("aria-labelledby", "kg-title");
    const title = el("h1", "", "\u26a0 " + t("content_banner_danger_title"));
    title.id = "kg-title";
    card.append(title, el("p", "lead", shortReason(result, lang)));
    if (official) {
      const p = el("p", "didyoumean");
      const link = el("a", "official-link", official);
      link.href = "https://" + official + "/";
      link.rel = "noopener noreferrer";
      const [before, after] = t("content_did_you_mean", "\u0000").split("\u0000");
      p.append(document.createTextNode(before || ""), link, document.createTextNode(after || ""));
      card.append(p);
    }
    const leave = button(t("content_leave"), "primary leave", () => actions.leave());
    const toggle = button(t("content_show_details"), "", () => toggleDetails(card, details, toggle, t));
    let release = () => host.remove();
    const stay = button(t("content_stay"), "link stay", () => release());
    const buttons = el("div", "buttons");
    buttons.append(leave, toggle);
    if (actions.save) {
      buttons.append(saveButton(t, actions.save));
    }
    buttons.append(stay);
    card.append(buttons, details, el("div", "brandline", t("content_brandline")));
    shadow.append(card);
    document.documentElement.append(host);
    release = holdModal(host, shadow, card);
    leave.focus({ preventScroll: true });
    return host;
  }

  /** A floating warning next to `anchorEl` (a link or a chat input) with two choices (and "Save evidence" with `save`). */
  function floatingWarning(anchorEl, result, lang, t, { title, stayLabel, goLabel, onStay, onGo, save }) {
    const level = result.level;
    const { host, shadow } = makeHost("kefuguard-popover", level, result, { position: "fixed", "z-index": "2147483647", display: "block" });
    const pop = el("div", `kg pop ${level}`);
    pop.setAttribute("role", "alertdialog");
    const close = () => host.remove();
    const stay = button(stayLabel, "primary stay", () => {
      close();
      onStay();
    });
    const go = button(goLabel, "go", () => {
      close();
      onGo();
    });
    const details = detailsBlock(result, lang, t);
    details.hidden = true;
    const toggle = button(t("content_show_details"), "link", () => toggleDetails(pop, details, toggle, t));
    const buttons = el("div", "buttons");
    buttons.append(stay, go, toggle);
    if (save) {
      buttons.append(saveButton(t, save));
    }
    pop.append(el("div", "title", "\u26a0 " + title), el("div", "", shortReason(result, lang)), buttons, details);
    shadow.append(pop);
    const rect = anchorEl.getBoundingClientRect();
    const width = Math.min(340, window.innerWidth - 16);
    const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
    const below = rect.bottom + 6;
    host.style.setProperty("left", left + "px", "important");
    if (below + 160 < window.innerHeight) {
      host.style.setProperty("top", below + "px", "important");
    } else {
      host.style.setProperty("bottom", Math.max(8, window.innerHeight - rect.top + 6) + "px", "important");
    }
    document.documentElement.append(host);
    stay.focus({ preventScroll: true });
    return host;
  }

  ns.widgets = Object.freeze({ markMessage, pageBanner, floatingWarning, CSS });
})(globalThis);
