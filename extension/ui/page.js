// Shared by the extension's own pages (popup, options, install, report, left): strings in the
// chosen language, settings, and the request helper. Text only: no page builds HTML from strings.
import "../common/vocabulary.js";
import "../common/settings.js";
import "../common/i18n.js";
import "../common/dom.js";

export const api = globalThis.browser ?? globalThis.chrome;
export const { vocabulary, settings: settingsLib, i18n } = globalThis.KefuGuard;
/** An element with a class and text, never HTML (common/dom.js, shared with the content widgets). */
export const { el } = globalThis.KefuGuard.dom;

async function readManaged() {
  try {
    return (await api.storage.managed.get()) || {};
  } catch (e) {
    return {}; // Firefox without a managed-storage manifest
  }
}

/**
 * Effective settings, locks and managed display values, read from storage. Chrome's first
 * storage.managed read after a browser start takes seconds: when it has not answered within
 * MANAGED_WAIT_MS the managed values the background last saw are used, and `onLate` (when given)
 * gets the settings again once it answers.
 */
export async function readSettings(onLate) {
  const { STORAGE_KEY, MANAGED_CACHE_KEY, MANAGED_WAIT_MS } = settingsLib;
  const stored = await api.storage.local.get([STORAGE_KEY, MANAGED_CACHE_KEY]);
  const managedRead = readManaged();
  const managed = await Promise.race([managedRead, new Promise((r) => setTimeout(() => r(null), MANAGED_WAIT_MS))]);
  if (managed === null && onLate) {
    managedRead.then(async (late) => {
      const now = await api.storage.local.get(STORAGE_KEY);
      onLate(settingsLib.merge(now[STORAGE_KEY], late));
    });
  }
  return settingsLib.merge(stored[STORAGE_KEY], managed || stored[MANAGED_CACHE_KEY] || {});
}

/** Load the strings of `lang` (or of the user's setting) and fill the page's [data-i18n] nodes. */
export async function localizePage(lang) {
  const chosen = lang || i18n.resolveLanguage((await readSettings()).effective.language, api.i18n.getUILanguage());
  const t = i18n.translator(await i18n.loadStrings(api.runtime, chosen));
  i18n.localizeTree(document, t);
  document.documentElement.lang = chosen === "zh_CN" ? "zh-CN" : "en";
  return { lang: chosen, t };
}

/** A request to the background; resolves with the reply, which may be {ok: false, error}. */
export async function send(kind, fields = {}) {
  const message = { kind, ...fields };
  const problem = vocabulary.requestProblem(message);
  if (problem) {
    throw new Error(problem);
  }
  const reply = await api.runtime.sendMessage(message);
  if (!reply || typeof reply.ok !== "boolean") {
    throw new Error("no reply from the background");
  }
  return reply;
}
