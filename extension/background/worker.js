// Background entry (Chrome service worker, Firefox background script). Every listener is
// registered here, synchronously, at the top level: an MV3 worker woken by an event only gets
// that event if the listener exists before the first await. Handlers await readiness inside.
import { Background } from "./service.js";

const api = globalThis.browser ?? globalThis.chrome;
const background = new Background(api);

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  background.handle(message, sender).then(sendResponse, (e) =>
    sendResponse({ ok: false, error: { code: "internal_error", message: String(e) } }),
  );
  return true; // the answer comes asynchronously
});

api.storage.onChanged.addListener((changes, area) => background.onStorageChanged(changes, area));
api.tabs.onUpdated.addListener((tabId, changeInfo) => background.onTabUpdated(tabId, changeInfo));
api.tabs.onRemoved.addListener((tabId) => background.onTabRemoved(tabId));
api.runtime.onInstalled.addListener((details) => background.onInstalled(details));

// For a developer's console (and Playwright's worker.evaluate): the live state.
globalThis.kefuguardBackground = background;
