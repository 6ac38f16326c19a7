// The first thing the content script of a top page does, before the rest of its files have run:
// ask for the page's verdict and read the danger remembered for its host (common/remembered.js).
// main.js takes both promises. Sets globalThis.KefuGuard.early (top frames of http(s) pages only).
(function (root) {
  "use strict";
  const ns = root.KefuGuard;
  if (!ns || ns.early || window !== window.top || !/^https?:/i.test(location.href)) {
    return;
  }
  const { messaging, remembered } = ns;
  const api = root.browser ?? root.chrome;
  const asked = messaging.send("check_page", { url: location.href });
  asked.catch(() => {}); // read by main.js, or not at all when page checks are off
  let memory = Promise.resolve(null);
  const area = api && api.storage && api.storage.session;
  if (area) {
    const host = location.hostname;
    // null when the browser gives content scripts no access to it (an older browser)
    memory = area.get([remembered.keyOf(host), remembered.PREFS_KEY]).catch(() => null);
  }
  ns.early = Object.freeze({ asked, memory });
})(globalThis);
