// Strings in the user's chosen language (auto, zh_CN, en), from _locales/<lang>/messages.json.
// chrome.i18n alone cannot do this: it always follows the browser's UI language. Text only:
// every string ends up in textContent or an attribute, never in HTML.
// Classic script that also loads as an ES module; sets globalThis.KefuGuard.i18n.
(function (root) {
  "use strict";
  const ns = root.KefuGuard || (root.KefuGuard = {});
  if (ns.i18n) {
    return;
  }

  const SUPPORTED = ["zh_CN", "en"];

  /** "zh_CN" or "en" for a setting (auto|zh_CN|en) and the browser's UI language. */
  function resolveLanguage(setting, uiLanguage) {
    if (SUPPORTED.includes(setting)) {
      return setting;
    }
    return /^zh\b|^zh[-_]/i.test(uiLanguage || "") ? "zh_CN" : "en";
  }

  /** messages.json -> {key: message}, with named placeholders turned into $1..$9. */
  function compile(messagesJson) {
    const out = {};
    for (const [key, entry] of Object.entries(messagesJson || {})) {
      if (!entry || typeof entry.message !== "string") {
        continue;
      }
      const placeholders = entry.placeholders || {};
      out[key] = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name) => {
        const p = placeholders[name.toLowerCase()];
        return p && typeof p.content === "string" ? p.content : whole;
      });
    }
    return out;
  }

  /** The string for `key` with $1..$9 replaced by `subs`; the key itself when it is missing. */
  function format(strings, key, subs) {
    const template = strings && typeof strings[key] === "string" ? strings[key] : key;
    const values = subs || [];
    return template.replace(/\$(\$|[1-9])/g, (whole, n) => {
      if (n === "$") {
        return "$";
      }
      const v = values[Number(n) - 1];
      return v === undefined ? "" : String(v);
    });
  }

  /** A translator bound to one dictionary. */
  function translator(strings) {
    return (key, ...subs) => format(strings, key, subs);
  }

  /** The host's own text for a reason, in `lang` (the host sends both languages). */
  function reasonText(reason, lang) {
    if (!reason) {
      return "";
    }
    return (lang === "zh_CN" ? reason.message_zh || reason.message : reason.message || reason.message_zh) || reason.code;
  }

  function adviceList(result, lang) {
    if (!result) {
      return [];
    }
    const zh = Array.isArray(result.advice_zh) ? result.advice_zh : [];
    const en = Array.isArray(result.advice) ? result.advice : [];
    return lang === "zh_CN" ? (zh.length ? zh : en) : en.length ? en : zh;
  }

  /** Fill [data-i18n] (textContent), [data-i18n-title] and [data-i18n-placeholder] under `rootNode`. */
  function localizeTree(rootNode, t) {
    for (const el of rootNode.querySelectorAll("[data-i18n]")) {
      el.textContent = t(el.getAttribute("data-i18n"));
    }
    for (const attr of ["title", "placeholder", "aria-label"]) {
      for (const el of rootNode.querySelectorAll(`[data-i18n-${attr}]`)) {
        el.setAttribute(attr, t(el.getAttribute(`data-i18n-${attr}`)));
      }
    }
  }

  /** Load and compile the dictionary of `lang` (extension pages and the background only). */
  async function loadStrings(runtime, lang) {
    const response = await fetch(runtime.getURL(`_locales/${lang}/messages.json`));
    return compile(await response.json());
  }

  ns.i18n = Object.freeze({
    SUPPORTED,
    resolveLanguage,
    compile,
    format,
    translator,
    reasonText,
    adviceList,
    localizeTree,
    loadStrings,
  });
})(globalThis);
