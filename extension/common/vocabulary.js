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
  const HOST_STATES = ["idle", "connecting", "connected", "missing", "forbidden", "failed", "exited"];

  // The limits here come from the host's: common/host-messages.json "limits" (a byte-for-byte copy
  // of the host's protocol/messages.json). The background reads that file and calls useHostLimits();
  // a content script gets the same object in the page_init reply (it cannot read extension files).
  // Until then `limits` is null and kinds that need a limit are refused.
  const HOST_LIMIT_KEYS = ["incoming_frame_bytes", "url_chars", "text_chars_analysed", "sender_chars", "chat_messages"];
  const BATCH = 50; // messages per check_chat: keeps every reply far below the host's 1 MiB frame cap
  const JSON_BYTES_PER_CHAR = 6; // the worst case: a control character becomes \u00XX
  let limits = null;

  /** null when `host` (the "limits" of host-messages.json) has what the extension needs, else why not. */
  function hostLimitsProblem(host) {
    if (host === null || typeof host !== "object") {
      return "no host limits";
    }
    const missing = HOST_LIMIT_KEYS.filter((k) => !(Number.isSafeInteger(host[k]) && host[k] > 0));
    return missing.length ? "bad host limits: " + missing.join(", ") : null;
  }

  /**
   * Take the host's limits: URLs and texts longer than the host takes are not sent, a check_chat
   * carries at most BATCH messages, never more than the host takes nor more than fit in its frame,
   * nor more full-length texts than its character budget per request (`chat_chars_analysed`, optional:
   * hosts before it had none).
   */
  function useHostLimits(host) {
    const problem = hostLimitsProblem(host);
    if (problem) {
      throw new Error(problem);
    }
    const perMessage = (host.text_chars_analysed + host.sender_chars) * JSON_BYTES_PER_CHAR + 64;
    const fitInFrame = Math.floor((host.incoming_frame_bytes - host.url_chars * JSON_BYTES_PER_CHAR - 1024) / perMessage);
    const budget = Number.isInteger(host.chat_chars_analysed) ? host.chat_chars_analysed : Infinity;
    const fitInBudget = Math.floor(budget / host.text_chars_analysed);
    limits = Object.freeze({
      url: host.url_chars,
      text: host.text_chars_analysed,
      sender: host.sender_chars,
      batch: Math.max(1, Math.min(BATCH, host.chat_messages, fitInFrame, fitInBudget)),
    });
    return limits;
  }

  const isString = (v) => typeof v === "string";
  const isHttpUrl = (v) => isString(v) && v.length <= limits.url && /^https?:\/\//i.test(v);
  const isText = (v) => isString(v) && v.length > 0 && v.length <= limits.text;
  const isTabId = (v) => Number.isInteger(v) && v >= 0;
  const optional = (check) => (v) => v === undefined || check(v);
  const EVIDENCE_SOURCES = ["banner", "mark", "link"];
  const isEvidenceSource = (v) => EVIDENCE_SOURCES.includes(v);
  const isEvidenceId = (v) => isString(v) && /^[a-z0-9-]{8,64}$/.test(v);
  // an evidence file the report page built (docs/evidence.md); its size against the host's frame is
  // checked by the background, and whether it is intact evidence by the host
  const isEvidenceHtml = (v) => isString(v) && v.length > 0;
  // what a page shows of who it is and what it asks for (content/page-facts.js; the host's
  // detect/page_claim.py): a few short strings and the kinds of its sensitive fields
  const FIELD_KINDS = ["password", "card", "cvv", "otp", "id_number"];
  const isShortList = (v) => v === undefined || (Array.isArray(v) && v.length <= 5 && v.every((s) => isString(s) && s.length <= 200));
  const isPageFacts = (v) =>
    v !== null &&
    typeof v === "object" &&
    !Array.isArray(v) &&
    Object.keys(v).every((k) => ["title", "site_name", "headings", "logos", "fields"].includes(k)) &&
    (v.title === undefined || (isString(v.title) && v.title.length <= 200)) &&
    (v.site_name === undefined || (isString(v.site_name) && v.site_name.length <= 200)) &&
    isShortList(v.headings) &&
    isShortList(v.logos) &&
    Array.isArray(v.fields) &&
    v.fields.length > 0 &&
    v.fields.every((f) => FIELD_KINDS.includes(f));
  const isMessages = (v) =>
    Array.isArray(v) &&
    v.length > 0 &&
    v.length <= limits.batch &&
    v.every(
      (m) =>
        m !== null &&
        typeof m === "object" &&
        isText(m.text) &&
        (m.direction === undefined || m.direction === "incoming" || m.direction === "outgoing") &&
        (m.sender === undefined || (isString(m.sender) && m.sender.length <= limits.sender)),
    );

  // kind -> who may send it, the fields it carries, and whether checking them needs the host's
  // limits. "content": any frame of a web page; "extension": only the extension's own pages
  // (popup, options), never a content script.
  const kind = (origin, fields, needsLimits = false) => Object.freeze({ origin, fields: Object.freeze(fields), needsLimits });
  const KINDS = Object.freeze({
    page_init: kind("content", { url: isString }),
    // sent at document_start beside page_init, before the limits are known; the background checks
    // the frame's address as the browser reports it, never this field
    // `confirm`: the page shows a warning remembered for its host and asks for the host's own
    // answer, not the memory's again
    check_page: kind("content", { url: isString, confirm: optional((v) => v === true) }),
    // the top frame's title, site name, logos and sensitive fields, once the page asks for a
    // password, a card or a code; the address is again the browser's, not this field
    check_page_claim: kind("content", { url: isString, page: isPageFacts }),
    check_link: kind("content", { url: isHttpUrl }, true),
    check_chat: kind("content", { url: isString, messages: isMessages }, true),
    check_outgoing: kind("content", { url: isString, text: isText }, true),
    leave_page: kind("content", {}),
    // "Save evidence" on an in-page warning (docs/evidence.md); the page is the sender's tab, and
    // link_url is the held link's address (its verdict goes into the file)
    save_evidence: kind("content", { source: isEvidenceSource, link_url: optional(isHttpUrl) }, true),
    popup_state: kind("extension", { tab_id: optional(isTabId) }),
    host_status: kind("extension", {}),
    retry_host: kind("extension", {}),
    update_list: kind("extension", {}),
    // the options page: which of the organisation's settings the browser left out (the host reads the policy files)
    managed_policy: kind("extension", {}),
    debug_stats: kind("extension", { reset: optional((v) => typeof v === "boolean") }),
    // the popup's "Save evidence", and the report page fetching what was collected to build the file
    save_tab_evidence: kind("extension", { tab_id: isTabId }),
    evidence_data: kind("extension", { id: isEvidenceId }),
    // the report page's "Send to your security team", after the user's click on its preview: the
    // saved file's text goes to the host, which posts it to the organisation's managed endpoint.
    // Never from a content script: a web page must not be able to send anything anywhere.
    send_evidence: kind("extension", { html: isEvidenceHtml }),
  });

  /** null when `message` is a well-formed request, else why not. */
  function requestProblem(message) {
    if (message === null || typeof message !== "object" || Array.isArray(message)) {
      return "a message must be an object";
    }
    if (!isString(message.kind) || !Object.hasOwn(KINDS, message.kind)) {
      return "unknown kind"; // own keys only: "constructor" or "__proto__" are no kinds
    }
    const spec = KINDS[message.kind];
    if (spec.needsLimits && !limits) {
      return "the host's limits are not known yet";
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
    page_init: (r) =>
      r.settings &&
      typeof r.settings === "object" &&
      isString(r.lang) &&
      r.strings &&
      typeof r.strings === "object" &&
      hostLimitsProblem(r.host_limits) === null,
    check_page: (r) => isResult(r.result),
    check_page_claim: (r) => isResult(r.result),
    check_link: (r) => isResult(r.result),
    check_chat: (r) => Array.isArray(r.results) && r.results.every(isResult),
    check_outgoing: (r) => isResult(r.result),
    leave_page: () => true,
    save_evidence: (r) => isEvidenceId(r.id),
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
    const check = Object.hasOwn(REPLIES, kind) ? REPLIES[kind] : null;
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
    HOST_STATES,
    KINDS,
    useHostLimits,
    hostLimitsProblem,
    /** The extension's limits ({url, text, sender, batch}), or null before useHostLimits(). */
    limits: () => limits,
    requestProblem,
    replyProblem,
    isResult,
    isError,
    warningRank,
    shouldShow,
    worstOf,
  });
})(globalThis);
