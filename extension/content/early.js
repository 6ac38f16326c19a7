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
  // null where the browser gives content scripts no access to storage.session (no setAccessLevel)
  let memory = Promise.resolve(null);
  try {
    const area = api && api.storage && api.storage.session;
    if (area) {
      memory = Promise.resolve(area.get([remembered.keyOf(location.hostname), remembered.PREFS_KEY])).catch(() => null);
    }
  } catch (e) {
    // refused at once rather than by a rejected promise: no memory, the worker's answer follows
  }
  ns.early = Object.freeze({ asked, memory });
})(globalThis);
