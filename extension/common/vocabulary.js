// The one message vocabulary between the content script, the extension pages and the background.
// A classic script that also loads as an ES module (side-effect import): content scripts cannot be
// modules, and this file must be the same bytes on both sides. It sets globalThis.KefuGuard.vocabulary.
(function (root) {
  "use strict";
  const ns = root.KefuGuard || (root.KefuGuard = {});
  if (ns.vocabulary) {
    return;
  }

  const LEVELS = ["verified", "none", "caution", "danger"];
  const WARNING_RANK = { verified: 0, none: 0, caution: 1, danger: 2 };
  const LIMITS = {
    url: 4096, // longer URLs are not checked (the host refuses over 2048 anyway)
    text: 20000, // the host analyses only the first 20,000 characters
    sender: 200,
    batch: 50, // messages per check_chat: keeps every reply far below the host's 1 MiB cap
  };
  const HOST_STATES = ["idle", "connecting", "connected", "missing", "forbidden", "failed", "exited"];

  const isString = (v) => typeof v === "string";
  const isHttpUrl = (v) => isString(v) && v.length <= LIMITS.url && /^https?:\/\//i.test(v);
  const isText = (v) => isString(v) && v.length > 0 && v.length <= LIMITS.text;
  const isTabId = (v) => Number.isInteger(v) && v >= 0;
  const optional = (check) => (v) => v === undefined || check(v);
  const isMessages = (v) =>
    Array.isArray(v) &&
    v.length > 0 &&
    v.length <= LIMITS.batch &&
    v.every(
      (m) =>
        m !== null &&
        typeof m === "object" &&
        isText(m.text) &&
        (m.direction === undefined || m.direction === "incoming" || m.direction === "outgoing") &&
        (m.sender === undefined || (isString(m.sender) && m.sender.length <= LIMITS.sender)),
    );

  // kind -> who may send it and the fields it carries. "content": any frame of a web page;
  // "extension": only the extension's own pages (popup, options), never a content script.
  const KINDS = {
    page_init: { origin: "content", fields: { url: isString } },
    check_page: { origin: "content", fields: { url: isHttpUrl } },
    check_link: { origin: "content", fields: { url: isHttpUrl } },
    check_chat: { origin: "content", fields: { url: isString, messages: isMessages } },
    check_outgoing: { origin: "content", fields: { url: isString, text: isText } },
    leave_page: { origin: "content", fields: {} },
    popup_state: { origin: "extension", fields: { tab_id: optional(isTabId) } },
    host_status: { origin: "extension", fields: {} },
    retry_host: { origin: "extension", fields: {} },
    update_list: { origin: "extension", fields: {} },
    debug_stats: { origin: "extension", fields: { reset: optional((v) => typeof v === "boolean") } },
  };

  /** null when `message` is a well-formed request, else why not. */
  function requestProblem(message) {
    if (message === null || typeof message !== "object" || Array.isArray(message)) {
      return "a message must be an object";
    }
    const spec = KINDS[message.kind];
    if (!spec) {
      return "unknown kind";
    }
    for (const key of Object.keys(message)) {
      if (key !== "kind" && !(key in spec.fields)) {
        return `unexpected field ${key.slice(0, 40)}`;
      }
    }
    for (const [key, check] of Object.entries(spec.fields)) {
      if (!check(message[key])) {
        return `bad field ${key}`;
      }
    }
    return null;
  }

  function isReason(r) {
    return (
      r !== null &&
      typeof r === "object" &&
      isString(r.code) &&
      (r.message === undefined || isString(r.message)) &&
      (r.message_zh === undefined || isString(r.message_zh)) &&
      (r.official === undefined || isString(r.official)) &&
      (r.matched === undefined || isString(r.matched))
    );
  }

  const isStringList = (v) => v === undefined || (Array.isArray(v) && v.every(isString));

  /** A result object from the host (URL or text), as docs/protocol.md describes it. */
  function isResult(r) {
    return (
      r !== null &&
      typeof r === "object" &&
      LEVELS.includes(r.level) &&
      Array.isArray(r.reasons) &&
      r.reasons.every(isReason) &&
      isStringList(r.advice) &&
      isStringList(r.advice_zh) &&
      (r.brand === undefined || r.brand === null || isString(r.brand)) &&
      (r.official_site === undefined || isString(r.official_site))
    );
  }

  const isError = (e) => e !== null && typeof e === "object" && isString(e.code) && isString(e.message);

  // What a successful reply to each content-side kind must carry.
  const REPLIES = {
    page_init: (r) => r.settings && typeof r.settings === "object" && isString(r.lang) && r.strings && typeof r.strings === "object",
    check_page: (r) => isResult(r.result),
    check_link: (r) => isResult(r.result),
    check_chat: (r) => Array.isArray(r.results) && r.results.every(isResult),
    check_outgoing: (r) => isResult(r.result),
    leave_page: () => true,
  };

  /** null when `reply` is a well-formed answer to a request of `kind`, else why not. */
  function replyProblem(kind, reply) {
    if (reply === null || typeof reply !== "object") {
      return "no reply";
    }
    if (reply.ok === false) {
      return isError(reply.error) ? null : "bad error reply";
    }
    if (reply.ok !== true) {
      return "reply without ok";
    }
    const check = REPLIES[kind];
    return !check || check(reply) ? null : "bad reply for " + kind;
  }

  function warningRank(level) {
    return WARNING_RANK[level] || 0;
  }

  /** Whether a result of `level` is shown when the user's minimum is `minLevel` (caution|danger). */
  function shouldShow(level, minLevel) {
    const rank = warningRank(level);
    return rank > 0 && rank >= warningRank(minLevel === "danger" ? "danger" : "caution");
  }

  function worstOf(levels) {
    let worst = "none";
    for (const level of levels) {
      if (warningRank(level) > warningRank(worst)) {
        worst = level;
      }
    }
    return worst;
  }

  ns.vocabulary = Object.freeze({
    LEVELS,
    LIMITS,
    HOST_STATES,
    KINDS,
    requestProblem,
    replyProblem,
    isResult,
    isError,
    warningRank,
    shouldShow,
    worstOf,
  });
})(globalThis);
