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

/** Effective settings, locks and managed display values, read from storage. */
export async function readSettings() {
  const stored = await api.storage.local.get(settingsLib.STORAGE_KEY);
  let managed = {};
  try {
    managed = (await api.storage.managed.get()) || {};
  } catch (e) {
    managed = {};
  }
  return settingsLib.merge(stored[settingsLib.STORAGE_KEY], managed);
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
